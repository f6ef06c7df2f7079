"""auditor — 法治政府建设年度报告审查器.

Library use::

    from auditor import audit_file, load_rulebook
    result = audit_file("report.txt", load_rulebook())

The names below are imported on first use (PEP 562), so ``import auditor.cli`` or any other module
does not load the whole library first (``__main__`` relies on that to start quickly).
"""
__version__ = "0.1.0"

__all__ = ["__version__", "audit_file", "audit_source", "audit_text", "load_rulebook"]

_HOMES = {"audit_file": "api", "audit_source": "api", "audit_text": "api", "load_rulebook": "rulebook.loader"}


def __getattr__(name: str):
    if name not in _HOMES:
        raise AttributeError(f"module 'auditor' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{_HOMES[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOMES})
