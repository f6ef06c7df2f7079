"""``--format html``: one self-contained page for reviewers who are not developers.

Inline CSS only — no scripts, no external fonts or images, nothing fetched — and a Content Security
Policy that forbids all of those, so even a mistake in escaping could not run a script. Every piece
of report text goes through ``html.escape``. Readable on screen and printable (``@media print``).
A batch gets one page: the summary table first, then each report.
"""
from __future__ import annotations

from html import escape

from .. import __version__
from ..models import AuditResult
from ..rulebook.model import Rulebook
from .rows import check_rows, gap_rows, header, part_rows, summary_rows, verdict

EVIDENCE_LIMIT = 5
_VERDICT_CLASS = {"通过": "pass", "未通过": "fail", "非年度报告": "partial", "已跳过": "fail"}

_CSS = """
:root { --ink:#1f2328; --muted:#59636e; --line:#d1d9e0; --bg:#f6f8fa;
  --pass:#1a7f37; --partial:#9a6700; --fail:#cf222e; --skip:#6e7781; --waived:#8250df; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; line-height: 1.6; font-size: 15px;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB",
    "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans SC", system-ui, sans-serif; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 28px 48px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 10px;
  border-bottom: 2px solid var(--line); padding-bottom: 4px; } h3 { font-size: 15px; margin: 0; }
.path { color: var(--muted); font-family: ui-monospace, "Noto Sans Mono CJK SC", monospace; font-size: 13px;
  margin: 0 0 12px; word-break: break-all; }
.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 6px 24px;
  background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: 12px 16px; margin: 0; }
.facts div { display: flex; gap: 8px; } .facts dt { color: var(--muted); white-space: nowrap; }
.facts dd { margin: 0; font-weight: 600; }
table { width: 100%; border-collapse: collapse; margin: 6px 0 4px; }
th, td { border: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
th { background: var(--bg); font-weight: 600; white-space: nowrap; }
td.label { white-space: nowrap; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.id { display: block; color: var(--muted); font-family: ui-monospace, monospace; font-size: 12px; }
.badge { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 13px; font-weight: 600;
  white-space: nowrap; color: #fff; background: var(--skip); }
.pass { background: var(--pass); } .partial, .weak { background: var(--partial); }
.fail, .missing { background: var(--fail); } .present { background: var(--pass); }
.skip { background: var(--skip); } .waived { background: var(--waived); }
.sev-error { color: var(--fail); } .sev-warning { color: var(--partial); } .sev-info { color: var(--skip); }
.evidence { margin: 2px 0 0; padding-left: 1.2em; color: var(--ink); }
.evidence li { margin: 0; } .more { color: var(--muted); font-size: 13px; }
.gaps li { margin: 0 0 12px; } .gaps p { margin: 2px 0; } .basis, .note { color: var(--muted); font-size: 13px; }
.suggestion { color: #0550ae; }
.verdict-line { font-size: 17px; margin: 10px 0 0; }
section + article, article + article { margin-top: 48px; border-top: 4px double var(--line); padding-top: 24px; }
footer { color: var(--muted); font-size: 12px; text-align: center; padding: 16px; }
@media print {
  body { font-size: 11pt; } main { max-width: none; padding: 0; }
  @page { size: A4; margin: 16mm 14mm; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  tr, li, .facts { break-inside: avoid; } h2 { break-after: avoid; }
  section + article, article + article { break-before: page; border-top: none; margin-top: 0; padding-top: 0; }
  a { color: inherit; text-decoration: none; }
}
"""


def render_html(results: list[AuditResult], rulebook: Rulebook, failures=()) -> str:
    """The HTML page for one run as a string; deterministic (no timestamps)."""
    from .records import summary_record

    records = [dict(summary_record(a), position=n) for n, a in enumerate(results, 1)]
    head, tail = html_frame(records, rulebook, failures)
    return head + "".join(html_piece(a, n) + "\n" for n, a in enumerate(results, 1)) + tail


def html_frame(records: list[dict], rulebook: Rulebook, failures=()) -> tuple[str, str]:
    """The page around the reports: (everything before the first report, everything after the last).

    ``records`` are the compact records of the audited reports with their ``position`` (the number
    in each report's anchor, ``#report-N``)."""
    title = "法治政府建设年度报告审查"
    if len(records) == 1 and not failures:
        title += " · " + (records[0]["title"] or records[0]["path"])
    body: list[str] = []
    if len(records) + len(failures) > 1:
        body.append(_summary(records, failures))
    elif failures:
        body += [f'<p class="note">无法审查 {e(f.path)}：{e(f.message)}</p>' for f in failures]
    head = "\n".join([
        "<!DOCTYPE html>", '<html lang="zh-CN">', "<head>", '<meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="auditor {e(__version__)}">', f"<title>{e(title)}</title>",
        f"<style>{_CSS}</style>", "</head>", "<body>", "<main>", *body, ""])
    tail = "\n".join([
        "</main>", f"<footer>由 auditor {e(__version__)} 生成 · 规则集 {e(rulebook.id)} {e(rulebook.version)}"
        f"（{e(rulebook.title)}）</footer>", "</body>", "</html>", ""])
    return head, tail


def html_piece(a: AuditResult, position: int) -> str:
    """One report as an ``<article id="report-POSITION">``."""
    return _report(a, position)


def e(text) -> str:
    """Escape report text for HTML element content and quoted attribute values."""
    return escape(str(text), quote=True)


def _badge(css: str, label: str) -> str:
    return f'<span class="badge {e(css)}">{e(label)}</span>'


def _summary(records, failures) -> str:
    rows = []
    for record, row in zip([*records, *([None] * len(failures))], summary_rows(records, failures)):
        name = e(row["file"]) if record is None else f'<a href="#report-{record["position"]}">{e(row["file"])}</a>'
        note = f'<div class="note">{e(row["note"])}</div>' if row["verdict"] == "已跳过" else ""
        rows.append(f"<tr><td>{name}</td><td>{e(row['issuer'] or '—')}</td><td>{e(row['year'] or '—')}</td>"
                    f"<td>{e(row['level'] or '—')}</td><td>{e(row['marks'] or '—')}</td>"
                    f'<td class="num">{e(row["score"] or "—")}</td>'
                    f"<td>{_badge(_VERDICT_CLASS[row['verdict']], row['verdict'])}{note}</td></tr>")
    caption = f"审查 {len(records)} 份" + (f"，{len(failures)} 份无法读取" if failures else "")
    return ("<section><h1>法治政府建设年度报告审查 · 汇总</h1>"
            f'<p class="path">{e(caption)}</p><table><thead><tr><th>文件</th><th>主体</th><th>年度</th>'
            "<th>层级</th><th>部分 一二三四</th><th>得分</th><th>结论</th></tr></thead><tbody>"
            + "".join(rows) + "</tbody></table></section>")


def _report(a: AuditResult, n: int) -> str:
    facts = dict(header(a))
    shown = ("主体", "年度", "层级", "规则集") + (() if a.meta.title else ("标题",))
    head = "".join(f"<div><dt>{e(k)}</dt><dd>{e(facts[k])}</dd></div>" for k in shown)
    out = [f'<article id="report-{n}">', f"<h1>{e(a.meta.title or a.path)}</h1>",
           f'<p class="path">{e(a.path)}</p>' if a.meta.title else "", f'<dl class="facts">{head}</dl>']
    word = verdict(a)
    line = f"结论：{_badge(_VERDICT_CLASS[word], facts.get('结论', word))}"
    if a.is_report:
        line += f"　得分：<strong>{e(facts['得分'])}</strong>"
    out.append(f'<p class="verdict-line">{line}</p>')
    if not a.is_report:
        out += [f'<p class="note">{e(note)}</p>' for note in a.notes]
        return "\n".join(out + ["</article>"])
    out += [_parts(a), _gaps(a), _checklist(a)]
    out += [f'<p class="note">注：{e(note)}</p>' for note in a.notes]
    return "\n".join(out + ["</article>"])


def _parts(a: AuditResult) -> str:
    rows = "".join(f"<tr><td class=\"label\">{e(p['part'])}</td><td>{_badge(p['css'], p['status_label'])}</td>"
                   f"<td>{e(p['heading'])}</td><td class=\"num\">{e(p['lines'])}</td></tr>" for p in part_rows(a))
    return ("<section><h2>五个组成部分</h2><table><thead><tr><th>部分</th><th>状态</th><th>报告中的标题</th>"
            f"<th>行</th></tr></thead><tbody>{rows}</tbody></table></section>")


def _gaps(a: AuditResult) -> str:
    items = gap_rows(a)
    if not items:
        return "<section><h2>问题与建议</h2><p>无。所有适用的检查项均已满足。</p></section>"
    lis = []
    for g in items:
        parts = [f'<h3><span class="sev-{e(g["severity"])}">[{e(g["severity_label"])}]</span> {e(g["title"])}'
                 f'<span class="id">{e(g["id"])} · {e(g["status_label"])}</span></h3>', f"<p>{e(g['message'])}</p>"]
        parts += [f'<p class="note">{e(line)}</p>' for line in g["evidence"]]
        if g["suggestion"]:
            parts.append(f'<p class="suggestion">建议：{e(g["suggestion"])}</p>')
        parts.append(f'<p class="basis">依据：{e(g["basis"])}</p>')
        lis.append("<li>" + "".join(parts) + "</li>")
    return (f"<section><h2>问题与建议（{len(items)} 项，按严重程度排列）</h2>"
            f'<ol class="gaps">{"".join(lis)}</ol></section>')


def _checklist(a: AuditResult) -> str:
    rows = []
    for r in check_rows(a):
        shown = r["evidence"][:EVIDENCE_LIMIT]
        cell = f"<div>{e(r['explanation'])}</div>" if r["explanation"] else ""
        if shown:
            cell += '<ul class="evidence">' + "".join(f"<li>{e(x)}</li>" for x in shown) + "</ul>"
        if len(r["evidence"]) > EVIDENCE_LIMIT:
            cell += f'<div class="more">另有 {len(r["evidence"]) - EVIDENCE_LIMIT} 处</div>'
        rows.append(f"<tr><td>{_badge(r['status'], r['status_label'])}</td>"
                    f'<td>{e(r["title"])}<span class="id">{e(r["id"])}</span></td>'
                    f'<td class="sev-{e(r["severity"])}">{e(r["severity_label"])}</td><td>{cell or "—"}</td></tr>')
    return (f"<section><h2>检查清单（{len(rows)} 项）</h2><table><thead><tr><th>状态</th><th>检查项</th>"
            f"<th>级别</th><th>证据或说明</th></tr></thead><tbody>{''.join(rows)}</tbody></table></section>")
