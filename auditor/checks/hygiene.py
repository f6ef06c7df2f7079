"""Word-processor residue left in the published text (``hygiene.artifact``).

Bookmarks ("[bookmark: _GoBack]") and field codes ("{ PAGE }") are removed from the matching
view by ``text.normalize`` and recorded in ``view.residue``; ``params.patterns`` adds other
residue found in the original lines (e.g. "MERGEFORMAT", "PAGEREF _Toc…", "&nbsp;").
"""
from __future__ import annotations

from ..models import Evidence
from ..rulebook.model import Rule
from ..rulebook.pattern import compile_pattern
from ..text.normalize import RESIDUE
from .context import Context
from .outcome import Outcome

_QUOTE = 24


def _extra(rule: Rule) -> list:
    # time-bounded: they come from a rulebook (vetted when it loaded, so compiled when first needed)
    return [compile_pattern(p, eager=False) for p in rule.params.get("patterns", ())]


def find_artifacts(rule: Rule, lines) -> list[tuple[int, str, int]]:
    """(line, residue text, offset in the original line) for every piece of residue."""
    patterns = [RESIDUE, *_extra(rule)]
    found = []
    for number, line in enumerate(lines, 1):
        if not line:
            continue
        for pattern in patterns:
            for m in pattern.finditer(line):
                found.append((number, m.group(0), m.start()))
    return found


def check_artifacts(rule: Rule, ctx: Context) -> Outcome:
    """Fail on any residue, quoting each place; pass otherwise."""
    searched = "在全文原始文本中查找文字处理软件残留：[bookmark: …]、域代码 {PAGE …}" + (
        "、" + "、".join(rule.params.get("labels", ())) if rule.params.get("labels") else "")
    found = find_artifacts(rule, ctx.view.lines)
    if not found:
        return Outcome("pass", "未发现", (), searched)
    evidence, seen = [], set()
    for line, text, start in found:
        if line in seen:
            continue
        seen.add(line)
        original = ctx.view.lines[line - 1]
        lo = max(0, start - 4)
        evidence.append(Evidence(line, original[lo: start + len(text) + _QUOTE].strip()))
    kinds = "、".join(sorted({text for _, text, _ in found})[:4])
    return Outcome("fail", f"发现 {len(found)} 处残留（{len(seen)} 行）：{kinds}", tuple(evidence[:5]), searched,
                   (("artifacts", tuple({"line": ln, "text": t} for ln, t, _ in found[:50])),))


def probe_artifacts(rule: Rule, text: str) -> bool:
    """Example semantics: True when the text holds word-processor residue (the defect)."""
    return bool(find_artifacts(rule, text.split("\n")))
