"""What to install for a missing optional component (an extra of the ``auditor`` distribution).

auditor is not on PyPI (that name belongs to another package), so every
message about a missing component names the extra's own packages, read from the installed
distribution's metadata (``importlib.metadata.requires("auditor")`` lists each as
``'pdf_oxide<0.4,>=0.3.78; extra == "pdf"'``), and the form that installs it from a checkout
(``pip install '.[pdf]'``). pyproject.toml stays the one place the extras are written down.
"""
from __future__ import annotations

from .errors import AuditorError
from .text.lazy import lazy_compile

_EXTRA = lazy_compile(r"""extra\s*==\s*["']([\w.-]+)["']""")
_SELF = lazy_compile(r"^auditor\[([\w.,\s-]+)\]$")
_NAME = lazy_compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(.*)$")


def requirements(extra: str) -> list[str]:
    """The requirements ``extra`` adds, as pip takes them (``["pdf_oxide>=0.3.78,<0.4"]``), extras that
    name other extras of auditor (``all``) expanded; ``[]`` when auditor is not installed or has no
    such extra."""
    from importlib import metadata   # only when a message is written: it imports email, zipfile, tempfile

    try:
        declared = metadata.requires("auditor") or []
    except metadata.PackageNotFoundError:
        return []
    return list(dict.fromkeys(_expand(declared, extra, set())))


def _expand(declared: list[str], extra: str, seen: set[str]) -> list[str]:
    seen.add(extra)
    out = []
    for line in declared:
        spec, _, marker = line.partition(";")
        found = _EXTRA.search(marker)
        if not found or found.group(1) != extra:
            continue
        nested = _SELF.match(spec.strip())
        if nested:
            for name in (n.strip() for n in nested.group(1).split(",")):
                if name not in seen:
                    out += _expand(declared, name, seen)
        else:
            out.append(_lower_bound_first(spec.strip()))
    return out


def _lower_bound_first(spec: str) -> str:
    """"pdf_oxide<0.4,>=0.3.78" → "pdf_oxide>=0.3.78,<0.4" (metadata may reorder the specifiers)."""
    m = _NAME.match(spec)
    if not m or not m.group(2):
        return spec
    parts = sorted((p.strip() for p in m.group(2).split(",")), key=lambda p: not p.startswith(">"))
    return m.group(1) + ",".join(parts)


def install_hint(extra: str, upgrade: bool = False) -> str:
    """"pip install 'pdf_oxide>=0.3.78,<0.4'（或在本仓库目录中 pip install '.[pdf]'）"."""
    pip = "pip install -U " if upgrade else "pip install "
    checkout = f"{pip}'.[{extra}]'"
    packages = requirements(extra)
    if not packages:
        return f"在本仓库目录中 {checkout}"
    return pip + " ".join(f"'{p}'" for p in packages) + f"（或在本仓库目录中 {checkout}）"


def missing(extra: str, purpose: str, upgrade: bool = False) -> AuditorError:
    """The error for ``purpose`` (e.g. "读取 .pdf") when ``extra`` is not installed, or, with ``upgrade``,
    installed in too old a version: "读取 .pdf 需要可选组件 pdf：pip install '…'（或…）"."""
    need = f"可选组件 {extra} 的较新版本" if upgrade else f"可选组件 {extra}"
    return AuditorError(f"{purpose}需要{need}：{install_hint(extra, upgrade)}")
