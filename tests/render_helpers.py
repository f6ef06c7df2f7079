"""Helpers for the output tests: audited seeds, hostile report text, a report missing a part."""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from auditor import audit_file, audit_text, load_rulebook
from auditor.batch import Failure
from auditor.models import Evidence

from .conftest import SEEDS

HOSTILE = '<script>alert(1)</script> | *粗* `代码` [链接](http://x) <img src=x onerror="alert(2)"> & ]]> $x$'


@lru_cache(maxsize=None)
def seed_results() -> tuple:
    """Every seed audited with the national rulebook."""
    rulebook = load_rulebook()
    return tuple(audit_file(str(p), rulebook) for p in SEEDS)


def hostile(audit):
    """``audit`` with markup-significant text in the title, the issuer, messages and evidence."""
    meta = replace(audit.meta, title=HOSTILE, issuer=HOSTILE)
    results = tuple(replace(r, title=r.title + HOSTILE, message=r.message + HOSTILE,
                            evidence=r.evidence + (Evidence(1, HOSTILE + "\x0b\x01"),),
                            status="fail" if r.status == "pass" else r.status)
                    for r in audit.results)
    parts = tuple(replace(p, heading=(p.heading or "") + HOSTILE) for p in audit.parts)
    return replace(audit, path="报告 <b>|`.txt", meta=meta, results=results, parts=parts,
                   notes=audit.notes + (HOSTILE,))


def without_part(path, part_id: str) -> str:
    """The text of the report at ``path`` with the lines of one statutory part cut out."""
    rulebook = load_rulebook()
    text = path.read_text(encoding="utf-8")
    found = {p.id: p for p in audit_text(text, rulebook).parts}[part_id]
    assert found.line, f"{path} has no {part_id} part to remove"
    lines = text.split("\n")
    return "\n".join(lines[: found.line - 1] + lines[found.end_line:])


FAILURE = Failure("坏文件 <x>.txt", "坏文件 <x>.txt: 文件为空（没有可审查的内容）")
