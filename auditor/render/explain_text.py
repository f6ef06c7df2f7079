"""Plain-text rendering of ``audit explain``."""
from __future__ import annotations

from .labels import CHECK_STATUS


def render_explanation(report: dict) -> str:
    """Readable explanation: the rule, the scope, each term's hits, the verdict."""
    r = report["rule"]
    out = [f"规则 {r['id']}：{r['title']}", f"  类型 {r['type']} · 严重程度 {r['severity']} · 适用 {r['applies']}",
           f"  依据：{r['basis']}", f"文件 {report['file']}（年度 {report['meta']['year'] or '未识别'}，"
           f"层级 {report['meta']['level']}）", ""]
    if report["skipped"]:
        out += [f"结论：不适用 —— {report['skipped']}", ""]
        return "\n".join(out) + "\n"
    out.append(f"查找范围：{report['scope']}")
    if report["terms"]:
        out.append("逐个检索词：")
        for t in report["terms"]:
            found = "、".join(f"第{n}行" for n in t["lines"][:8]) if t["lines"] else "未找到"
            more = f" 等 {len(t['lines'])} 行" if len(t["lines"]) > 8 else ""
            out.append(f"  [{t['block']} · {t['group']}] {t['term']}：{found}{more}")
            if t["first"]:
                out.append(f"      例：{t['first']}")
    if report["headings"]:
        out.append("一、二级标题的归类：")
        for h in report["headings"]:
            mark = "←本部分" if h["this_rule"] else ""
            out.append(f"  第{h['line']}行 {h['heading']} → {h['part'] or '未归类'} {mark}")
    out.append("")
    out.append(f"结论：{CHECK_STATUS[report['status']]}（{report['status']}）—— {report['message']}")
    if report.get("waived"):
        out.append(f"  已豁免：{report['waived']}（不计入得分和门禁）")
    for e in report["evidence"]:
        out.append(f"  第{e['line']}行：{e['text']}")
    return "\n".join(out) + "\n"
