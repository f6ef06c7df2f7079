"""Plain-text rendering of ``audit explain``, in the labels of the reports (no internal status or level ids)."""
from __future__ import annotations

import re

from .linebreak import wrap
from .labels import KIND, LEVEL, PART_LABELS, SEVERITY, plain_basis, status_label
from ..text.lazy import lazy_compile

# What each matcher block of a rule asks, in words: "match" any term (or every group); "if" a
# condition, "then" what must follow it; "replace" a wording to change.
BLOCKS = {"match": "查找", "if": "如果写到", "then": "就应写到", "replace": "应改写"}
_ANY_RUN = lazy_compile(r"(?:\[[^\]]*\]|\.)(?:\{\d*,?\d*\}|[*+?])")


def readable_term(source: str) -> str:
    """A rulebook term as a reader sees it: a plain word as is, a pattern ("re:执法[^。]{0,8}公示") with
    its gaps as "…" and alternatives as "/": "执法…公示（模式）"."""
    if not source.startswith("re:"):
        return source
    text = re.sub(r"\(\?<?[!=][^()]*\)", "", source[3:])   # look-arounds say where a word may not stand
    text = re.sub(r"\\d(?:\{\d*,?\d*\}|[*+?])?", "N", text)   # a number
    text = _ANY_RUN.sub("…", text).replace("(?:", "(")
    while True:
        simpler = re.sub(r"\(([^()]*)\)\??", lambda m: m.group(1).replace("|", "/"), text)
        if simpler == text:
            break
        text = simpler
    text = re.sub(r"\\(.)", r"\1", text).replace("|", "/")
    text = re.sub(r"[?^$]", "", text)
    return re.sub("…+", "…", text) + "（模式）"


def render_explanation(report: dict, width: int | None = None) -> str:
    """Readable explanation: the rule, the scope, each term's hits, the verdict; each line wrapped to
    ``width`` display cells (``linebreak``: never inside a rule id or a number, 避头尾), continuation
    lines indented under the text they continue; ``None`` leaves lines whole."""
    r = report["rule"]
    level = report["meta"]["level"]
    out = [("", f"规则 {r['id']}：{r['title']}"),
           ("  ", f"类别 {KIND.get(r['kind'], r['kind'])} · 严重程度 {SEVERITY.get(r['severity'], r['severity'])}"
                  f" · 适用 {r['applies']}"),
           ("  ", f"依据：{plain_basis(r['basis'])}"),
           ("", f"文件 {report['file']}（年度 {report['meta']['year'] or '未识别'}，层级 {LEVEL.get(level, level)}）"),
           ("", "")]
    if report["skipped"]:
        out += [("", f"结论：不适用 —— {report['skipped']}"), ("", "")]
        return _lines(out, width)
    out.append(("", f"查找范围：{report['scope']}"))
    if report["terms"]:
        out.append(("", "逐个检索词："))
        for t in report["terms"]:
            found = "、".join(f"第{n}行" for n in t["lines"][:8]) if t["lines"] else "未找到"
            more = f" 等 {len(t['lines'])} 行" if len(t["lines"]) > 8 else ""
            out.append(("  ", f"[{BLOCKS.get(t['block'], t['block'])}·{t['group']}] {readable_term(t['term'])}："
                              f"{found}{more}"))
            if t["first"]:
                out.append(("      ", f"例：{t['first']}"))
    if report["headings"]:
        out.append(("", "一、二级标题的归类："))
        for h in report["headings"]:
            mark = " ←本部分" if h["this_rule"] else ""
            out.append(("  ", f"第{h['line']}行 {h['heading']} → {PART_LABELS.get(h['part'], '未归类')}{mark}"))
    out.append(("", ""))
    out.append(("", f"结论：{status_label(report['status'], r['kind'])} —— {report['message']}"))
    if report.get("waived"):
        out.append(("  ", f"已豁免：{report['waived']}（不计入得分和门禁）"))
    for e in report["evidence"]:
        out.append(("  ", f"第{e['line']}行：{e['text']}"))
    return _lines(out, width)


def _lines(entries: list[tuple[str, str]], width: int | None) -> str:
    """Each ``(indent, text)`` as one line, or wrapped to ``width``, continuation lines two cells further in."""
    if width is None:
        return "".join(f"{indent}{text}".rstrip() + "\n" for indent, text in entries)
    return "".join(line.rstrip() + "\n" for indent, text in entries
                   for line in (wrap(text, width, indent, indent + "  ") if text else [""]))
