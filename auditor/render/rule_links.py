"""Where a rule is documented: its anchor in ``docs/rules.md`` and, when known, a web address for it.

The address is built from how this copy of auditor was installed, never guessed:

1. installed from a Git repository (``pip install "auditor[all] @ git+https://host/owner/auditor@TAG"``,
   the README's CI examples): pip records the repository and the exact commit (PEP 610
   ``direct_url.json``), so the link is ``https://host/owner/auditor/blob/COMMIT/docs/rules.md#ID`` —
   the rules page of the very version that produced the finding (the ``/blob/`` path serves
   GitHub, Gitea and GitLab alike);
2. else a ``Rules`` entry in the package's ``[project.urls]`` (set by whoever publishes a release);
3. else none: SARIF then carries the anchor only in ``help.markdown``.

Credentials in a recorded URL (``https://token@host/…``) are dropped.
"""
from __future__ import annotations

import json
from functools import lru_cache
from urllib.parse import urlsplit, urlunsplit

RULES_DOC = "docs/rules.md"


def rule_anchor(rule_id: str) -> str:
    """The fragment of a rule in docs/rules.md: the rule id itself (ids are ``[a-z0-9_.]``)."""
    return rule_id


def rule_doc_url(rule_id: str) -> str | None:
    """The web address of the rule's entry in docs/rules.md, or ``None`` when it cannot be known."""
    base = rules_doc_base()
    return f"{base}#{rule_anchor(rule_id)}" if base else None


@lru_cache(maxsize=1)
def rules_doc_base() -> str | None:
    """The address of docs/rules.md for this installation (see the module docstring), or ``None``."""
    try:
        from importlib.metadata import PackageNotFoundError, distribution
        dist = distribution("auditor")
    except (ImportError, PackageNotFoundError):
        return None
    return doc_base_from(dist.read_text("direct_url.json"), dist.metadata.get_all("Project-URL") or [])


def doc_base_from(direct_url: str | None, project_urls: list[str]) -> str | None:
    """Pure part of :func:`rules_doc_base`: from a ``direct_url.json`` text and ``Project-URL`` values."""
    try:
        info = json.loads(direct_url) if direct_url else {}
    except ValueError:
        info = {}
    vcs = info.get("vcs_info") or {}
    repo = _web_address(info.get("url", "")) if vcs.get("vcs") == "git" else None
    if repo and vcs.get("commit_id"):
        return f"{repo}/blob/{vcs['commit_id']}/{RULES_DOC}"
    for entry in project_urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() == "rules" and url.strip().startswith("https://"):
            return url.strip()
    return None


def _web_address(url: str) -> str | None:
    """``https://user:token@host/o/r.git`` or ``ssh://git@host/o/r.git`` → ``https://host/o/r``."""
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http", "ssh", "git+ssh") or not parts.hostname:
        return None
    path = parts.path[:-4] if parts.path.endswith(".git") else parts.path
    host = parts.hostname + (f":{parts.port}" if parts.port and parts.scheme.startswith("http") else "")
    return urlunsplit(("https", host, path.rstrip("/"), "", ""))
