"""Load a rulebook: a shipped one from the user's cache of compiled rulebooks when it can serve, else
built from its YAML (``build``: safe_load → JSON Schema → ``include``/``extends`` merge → compile).

``load_rulebook`` stops at the first problem; ``inspect_rulebook`` walks the same path but collects
every problem instead, for ``audit rules lint``.
"""
from __future__ import annotations

import os
from importlib import import_module
from pathlib import Path

from .cache import cached_rulebook
from .model import Rulebook

DEFAULT_RULEBOOK = "national"


def rules_dir():
    """The shipped ``rules/`` folder: package data when installed, the checkout's folder otherwise."""
    try:   # the package's folder on disk, as importlib.resources.files() gives it (that import costs ~10 ms)
        return Path(import_module("auditor.rules").__file__).parent
    except ModuleNotFoundError:  # running from a source checkout without installing
        return Path(__file__).resolve().parents[2] / "rules"


def builtin_names() -> list[str]:
    """Names of the rulebooks shipped in the package (``rules/*.yaml``)."""
    return sorted(p.name[:-5] for p in rules_dir().iterdir() if p.name.endswith(".yaml"))


def load_rulebook(name_or_path: str | None = None) -> Rulebook:
    """Load a shipped rulebook by name (default ``national``) or a YAML file by path (raises ``RulebookError``)."""
    ref = name_or_path or DEFAULT_RULEBOOK
    if looks_like_path(ref):
        return _build(ref)
    return cached_rulebook(ref, rules_dir(), lambda: _build(ref))   # a cold start skips YAML and compiling


def inspect_rulebook(name_or_path: str | None = None):
    """Load as far as possible, collecting every problem: (rules that compiled, merged sources, problems)
    (``build.inspect``)."""
    from .build import inspect

    return inspect(name_or_path)


def looks_like_path(ref: str) -> bool:
    """Is ``ref`` a YAML file's path rather than a shipped rulebook's name?"""
    return ref.endswith((".yaml", ".yml")) or "/" in ref or os.sep in ref


def _build(ref: str) -> Rulebook:
    from .build import build   # YAML, schema and compiling: only when the cache cannot serve

    return build(ref)
