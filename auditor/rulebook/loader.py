"""Load a rulebook: a shipped one from the user's cache of compiled rulebooks when it can serve, else
built from its YAML (``build``: safe_load → JSON Schema → ``include``/``extends`` merge → compile).

``load_rulebook`` stops at the first problem; ``inspect_rulebook`` walks the same path but collects
every problem instead, for ``audit rules lint``.
"""
from __future__ import annotations

import os
from importlib import import_module

from .cache import cached_rulebook
from .model import Rulebook

DEFAULT_RULEBOOK = "national"


def rules_dir() -> str:
    """The shipped ``rules/`` folder: package data when installed, the checkout's folder otherwise.
    A string: a cold run uses ``os.path`` only (``usercache`` says why)."""
    try:   # the package's folder on disk, as importlib.resources.files() gives it (that import costs ~10 ms)
        return os.path.dirname(import_module("auditor.rules").__file__)
    except ModuleNotFoundError:  # running from a source checkout without installing
        return os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.realpath(__file__)))), "rules")


def builtin_names() -> list[str]:
    """Names of the rulebooks shipped in the package (``rules/*.yaml``)."""
    return sorted(name[:-5] for name in os.listdir(rules_dir()) if name.endswith(".yaml"))


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
