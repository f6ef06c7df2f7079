"""JSON Schema validation of a parsed rulebook file, with a cache of files already found valid (per schema)."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..usercache import cache_root
from .problems import Problems

_CACHE_VERSION = "2"
_SCHEMA = Path(__file__).with_name("schema.json")


def validate(data: dict, text: str, origin: str, problems: Problems) -> set[int]:
    """Check ``data`` against the schema; return the indexes of rules with errors (already reported)."""
    schema_text = _SCHEMA.read_bytes()
    marker = _marker(schema_text, text)
    if marker is not None and marker.exists():
        return set()
    import jsonschema  # imported only when a rulebook has not been validated before

    schema = json.loads(schema_text.decode("utf-8"))
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors and not problems.collect:
        err = min(errors, key=lambda e: len(list(e.absolute_path)))
        problems.add(origin, _json_path(err.absolute_path, data), "schema", f"不符合规则集格式：{err.message}")
    bad: set[int] = set()
    for err in errors:
        path = list(err.absolute_path)
        if len(path) >= 2 and path[0] == "rules" and isinstance(path[1], int):
            bad.add(path[1])
        problems.add(origin, _json_path(path, data), schema_code(err), f"不符合规则集格式：{err.message}")
    if not errors and marker is not None:
        try:
            marker.parent.mkdir(parents=True, exist_ok=True)
            marker.touch()
        except OSError:
            pass
    return bad


def schema_code(err) -> str:
    """A stable code for a schema error, so the linter's report can be tested without wording."""
    path = [p for p in err.absolute_path if isinstance(p, str)]
    if err.validator == "required" and "'basis'" in err.message:
        return "no-basis"
    if err.validator == "enum" and path and path[-1] in ("part", "scope", "parts"):
        return "unknown-part"
    if err.validator == "additionalProperties":
        return "unknown-key"
    return "schema"


def _marker(schema: bytes, text: str) -> Path | None:
    """The file whose presence says ``text`` was found valid against ``schema`` (the key covers both:
    a rulebook valid under an older schema is checked again), or None when caching is off."""
    root = cache_root()
    if root is None:
        return None
    digest = hashlib.sha256(_CACHE_VERSION.encode() + b"\0" + schema + b"\0" + text.encode()).hexdigest()
    return Path(root) / "validated" / digest


def _json_path(path, data) -> str:
    parts, node = ["$"], data
    for key in path:
        if isinstance(key, int):
            rid = node[key].get("id") if isinstance(node, list) and isinstance(node[key], dict) else None
            parts.append(f"[{key}]" + (f"(id={rid})" if rid else ""))
        else:
            parts.append(f".{key}")
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            node = None
    return "".join(parts)
