"""auditor — 法治政府建设年度报告审查器.

Library use::

    from auditor import audit_file, load_rulebook
    result = audit_file("report.txt", load_rulebook())
"""
__version__ = "0.1.0"

from .api import audit_file, audit_source, audit_text  # noqa: E402
from .rulebook.loader import load_rulebook  # noqa: E402

__all__ = ["__version__", "audit_file", "audit_source", "audit_text", "load_rulebook"]
