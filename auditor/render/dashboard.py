"""``-o dashboard:PATH.html``: one self-contained page on where a batch of reports falls short.

Coverage heatmap (checklist items × reports), the most-missed items, scores by level and year,
the reports that fail the gate with their top findings, the scorecard with percentile ranks
among bodies of the same level, passages copied between bodies, and what each indicator means.
Charts are inline SVG (``charts``); no script, no external resource, a Content Security Policy
that forbids both. Each report links to its section of the HTML report written in the same run
(``-o html:…``), or else to the report file itself.
"""
from __future__ import annotations

import os
from html import escape
from urllib.parse import quote

from .. import __version__
from ..peers import percentile_ranks
from ..rulebook.model import Rulebook
from . import charts
from .indicators import CAUSES, INDICATORS, LEVEL_HEAD, ON_TIME, fmt_number, level_rows
from .labels import LEVEL, SEVERITY
from .rows import summary_row

MOST_MISSED = 15
_CSS = """
body { margin: 0; color: #1f2328; background: #fff; font-size: 14px; line-height: 1.55;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei",
    system-ui, sans-serif; }
main { max-width: 1280px; margin: 0 auto; padding: 20px 28px 40px; }
h1 { font-size: 22px; margin: 0 0 6px; } h2 { font-size: 17px; margin: 30px 0 8px; border-bottom: 2px solid #d1d9e0; }
.lead { color: #59636e; margin: 0 0 10px; }
.tiles { display: flex; flex-wrap: wrap; gap: 10px; margin: 12px 0; }
.tile { border: 1px solid #d1d9e0; border-radius: 6px; padding: 8px 14px; min-width: 110px; background: #f6f8fa; }
.tile b { display: block; font-size: 22px; } .tile.fail b { color: #cf222e; } .tile.pass b { color: #1a7f37; }
.chart { overflow-x: auto; } .chart svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; margin: 6px 0; }
th, td { border: 1px solid #d1d9e0; padding: 4px 7px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; white-space: nowrap; } td { min-width: 3.4em; } td.num { text-align: right; white-space: nowrap; }
.legend span { display: inline-block; margin-right: 14px; } .swatch { display: inline-block; width: 12px;
  height: 12px; vertical-align: middle; margin-right: 4px; border: 1px solid #bbb; }
.bad { color: #cf222e; } .good { color: #1a7f37; } .muted { color: #59636e; font-size: 12px; }
footer { color: #59636e; font-size: 12px; text-align: center; padding: 16px; }
@media print { main { max-width: none; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
"""


def render_dashboard(records: list[dict], failures: list, rulebook: Rulebook, copies: list,
                     path: str, html_report: str | None = None) -> str:
    """The page as a string; ``path`` is where it is written (links are relative to it) and
    ``html_report`` the HTML report of the same run, if any."""
    reports = [r for r in records if r["is_report"]]
    link = _linker(path, html_report)
    sections = [_overview(records, failures, rulebook), _heatmap(reports, rulebook), _most_missed(reports, rulebook),
                _scores(reports), _failing(reports, rulebook, link), _scorecard(reports, link), _copies(copies, link),
                _definitions(), _skipped(failures)]
    return "\n".join([
        "<!DOCTYPE html>", '<html lang="zh-CN">', "<head>", '<meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; '
        'img-src data:">', '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="auditor {e(__version__)}">', "<title>法治政府建设年度报告 · 批量审查总览</title>",
        f"<style>{_CSS}</style>", "</head>", "<body>", "<main>", *filter(None, sections), "</main>",
        f"<footer>由 auditor {e(__version__)} 生成 · 规则集 {e(rulebook.id)} {e(rulebook.version)}</footer>",
        "</body>", "</html>", ""])


def e(text) -> str:
    return escape(str(text), quote=True)


def _linker(path: str, html_report: str | None):
    base = os.path.dirname(os.path.abspath(path))

    def link(record: dict, text: str) -> str:
        if html_report:
            href = quote(os.path.relpath(os.path.abspath(html_report), base)) + f"#report-{record['position']}"
        else:
            href = quote(os.path.relpath(os.path.abspath(record["path"]), base))
        return f'<a href="{e(href)}">{e(text)}</a>'
    return link


def _overview(records, failures, rulebook) -> str:
    passed = sum(1 for r in records if r["is_report"] and r["passed"])
    failed = sum(1 for r in records if r["is_report"] and not r["passed"])
    tiles = [("审查", len(records), ""), ("通过", passed, "pass"), ("未通过", failed, "fail"),
             ("非年度报告", sum(1 for r in records if not r["is_report"]), ""), ("无法读取", len(failures), "")]
    return ("<section><h1>法治政府建设年度报告 · 批量审查总览</h1>"
            f'<p class="lead">规则集 {e(rulebook.title)}（{e(rulebook.id)} {e(rulebook.version)}）；'
            "各项结论与证据见每份报告的审查报告。</p><div class=\"tiles\">"
            + "".join(f'<div class="tile {c}"><b>{n}</b>{e(t)}</div>' for t, n, c in tiles) + "</div></section>")


def _heatmap(reports, rulebook) -> str:
    if not reports:
        return ""
    titles = [r.title for r in rulebook.rules]
    names = [r["issuer"] or os.path.basename(r["path"]) for r in reports]
    svg = charts.heatmap(titles, names, [r["statuses"] for r in reports])
    marks = (("p", "符合"), ("h", "部分"), ("f", "缺失/不符合"), ("s", "不适用"), ("w", "已豁免"))
    if any("e" in r["statuses"] for r in reports):
        marks += (("e", "规则出错"),)
    legend = "".join(f'<span><i class="swatch" style="background:{charts.CELL_COLOURS[c]}"></i>{t}</span>'
                     for c, t in marks)
    return (f"<section><h2>覆盖情况：{len(titles)} 个检查项 × {len(reports)} 份报告</h2>"
            f'<p class="legend">{legend}</p><div class="chart">{svg}</div></section>')


def missed_items(reports: list[dict], rulebook: Rulebook) -> list[tuple[str, int, int, int]]:
    """(rule id, reports missing the item, reports missing part of it, reports it applies to), for
    items some report misses: most reports missing first, then the highest share of those it applies
    to (an item two reports out of two miss ranks below one that four out of five miss)."""
    out = []
    for i, rule in enumerate(rulebook.rules):
        codes = [r["statuses"][i] for r in reports if len(r["statuses"]) == len(rulebook.rules)]
        missing, partial, applicable = codes.count("f"), codes.count("h"), sum(codes.count(c) for c in "phf")
        if missing + partial:
            out.append((rule.id, missing, partial, applicable))
    return sorted(out, key=lambda t: (-(t[1] + t[2]), -(t[1] + t[2]) / t[3], -t[1], t[0]))


def _most_missed(reports, rulebook) -> str:
    top = missed_items(reports, rulebook)[:MOST_MISSED]
    if not top:
        return ""
    titles = {r.id: r.title for r in rulebook.rules}
    svg = charts.missed_bars([(titles[i], f, h, n) for i, f, h, n in top], len(reports))
    return (f"<section><h2>最常缺失的事项（前 {len(top)} 项）</h2>"
            '<p class="lead">每项只计它适用的报告：条长是缺失（红）和部分缺失（黄）的报告数，灰色是适用的报告数。</p>'
            f'<div class="chart">{svg}</div></section>')


def _scores(reports) -> str:
    series: dict[str, dict[int, list[float]]] = {}
    for r in reports:
        if r["year"]:
            series.setdefault(LEVEL.get(r["level"], r["level"]), {}).setdefault(r["year"], []).append(r["score"])
    rows = [[e(row[0]), *(e(v) if isinstance(v, str) else fmt_number(v) for v in row[1:])]
            for row in level_rows(reports)]
    table = _table(LEVEL_HEAD, rows, numeric_from=1)
    chart = f'<div class="chart">{charts.scores_by_level_and_year(series)}</div>' if series else ""
    return f"<section><h2>得分：按层级和年度</h2>{chart}{table}</section>"


def _failing(reports, rulebook, link) -> str:
    failing = sorted((r for r in reports if not r["passed"]), key=lambda r: (r["score"], r["position"]))
    if not failing:
        return '<section><h2>未通过的报告</h2><p class="good">本批报告全部通过门禁。</p></section>'
    ranks = percentile_ranks(reports, lambda r: r["score"])
    titles = {r.id: r.title for r in rulebook.rules}
    rows = []
    for r in failing:
        top = "；".join(f"[{SEVERITY.get(sev, sev)}] {titles.get(rid, rid)}" + (f"（第{line}行）" if line else "")
                        for rid, _, sev, line in r["top"])
        rows.append([link(r, r["path"]), e(r["issuer"] or "—"), e(LEVEL.get(r["level"], r["level"])),
                     fmt_number(r["score"]), fmt_number(ranks.get(r["position"])), str(r["errors"]), e(top)])
    head = ("报告", "主体", "层级", "得分", "同级百分位", "错误级问题", "主要问题")
    return f"<section><h2>未通过的报告（{len(failing)} 份，得分从低到高）</h2>{_table(head, rows, 3, 6)}</section>"


def _scorecard(reports, link) -> str:
    if not reports:
        return ""
    score_rank = percentile_ranks(reports, lambda r: r["score"])
    concrete = percentile_ranks(reports, lambda r: (r.get("scorecard") or {}).get("concreteness", {}).get("per_1000"))
    rows = []
    for r in reports:
        card, row = r.get("scorecard") or {}, summary_row(r)
        rows.append([link(r, r["path"]), e(r["issuer"] or "—"), e(row["level"]), e(row["verdict"]),
                     fmt_number(r["score"]), fmt_number(score_rank.get(r["position"])),
                     e(ON_TIME.get(card.get("on_time", {}).get("value"), "—")),
                     fmt_number(card.get("complete", {}).get("value")),
                     fmt_number(card.get("concreteness", {}).get("per_1000")), fmt_number(concrete.get(r["position"])),
                     e(CAUSES.get(card.get("causes"), "—")), fmt_number(card.get("follow_up", {}).get("value"))])
    head = ("报告", "主体", "层级", "结论", "得分", "同级百分位", "按时公开", "要素齐全", "具体程度（每千字）",
            "具体程度同级百分位", "原因分析", "上年安排落实")
    return f"<section><h2>评价指标（每份报告）</h2>{_table(head, rows, 4, 12)}</section>"


def _copies(copies, link) -> str:
    if not copies:
        return ('<section><h2>不同主体之间相同的段落</h2><p class="muted">没有发现 60 字以上相同的段落'
                "（数字不同也算相同；多数主体都写的套话不计）。</p></section>")
    rows = [[e(c.a), _span(c.lines), e(c.b), _span(c.other_lines), str(c.chars)] for c in copies]
    head = ("报告", "行", "与之相同的报告", "行", "相同字数")
    return (f"<section><h2>不同主体之间相同的段落（{len(copies)} 处）</h2>{_table(head, rows, 4, 5)}</section>")


def _definitions() -> str:
    rows = [[e(n), e(d), f'<span class="muted">{e(s)}</span>'] for n, d, s in INDICATORS]
    return ("<section><h2>指标说明</h2>" + _table(("指标", "定义", "来源"), rows)
            + '<p class="muted">完整定义见 docs/scorecard.md。</p></section>')


def _skipped(failures) -> str:
    if not failures:
        return ""
    rows = [[e(f.path), e(f.message)] for f in failures]
    return f"<section><h2>无法读取的文件（{len(failures)} 份）</h2>{_table(('文件', '原因'), rows)}</section>"


def _table(head, rows, numeric_from: int | None = None, numeric_to: int | None = None) -> str:
    def cell(i, value):
        numeric = numeric_from is not None and numeric_from <= i < (numeric_to or 10 ** 6)
        return f'<td class="num">{value}</td>' if numeric else f"<td>{value}</td>"
    body = "".join("<tr>" + "".join(cell(i, v) for i, v in enumerate(row)) + "</tr>" for row in rows)
    return "<table><thead><tr>" + "".join(f"<th>{e(h)}</th>" for h in head) + f"</tr></thead><tbody>{body}</tbody></table>"


def _span(lines) -> str:
    return f"第{lines[0]}行" if lines[0] == lines[1] else f"第{lines[0]}–{lines[1]}行"
