"""``--format markdown``: a compact report for a pull-request comment (GitHub/GitLab Markdown).

Per report, in the order of work: a heading, the verdict line and the counts by severity, the parts
table, the findings grouped as a reviewer works (must-fix first) with evidence, suggestion and basis,
a one-line-per-part checklist, and the full checklist folded into ``<details>``. A batch starts with the summary table. Every
piece of report text is escaped: Markdown punctuation gets a backslash, ``|`` cannot split a table
cell, ``<``/``>``/``&`` become entities so they cannot open HTML, and line breaks become spaces.
"""
from __future__ import annotations


from ..models import AuditResult
from ..rulebook.model import Rulebook
from .rows import check_rows, checklist, finding_groups, header, part_rows, severity_counts, summary_rows
from ..text.lazy import lazy_compile

_SIGNIFICANT = lazy_compile(r"([\\`*_\[\]|~$#!])")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_STATUS_MARK = {"pass": "✅", "partial": "🟡", "fail": "❌", "skip": "➖", "waived": "💤", "error": "⛔",
                "present": "✅", "weak": "🟡", "missing": "❌"}


# GitHub refuses a job summary ($GITHUB_STEP_SUMMARY) over 1 MiB; stay clearly below it.
MAX_BYTES = 1_000_000


def render_markdown(results: list[AuditResult], rulebook: Rulebook, failures=(), max_bytes: int = MAX_BYTES) -> str:
    """The Markdown document for one run (one or many reports), at most ``max_bytes`` of UTF-8.

    A batch too large for that gets the summary table only, with a line saying where the details
    are (the HTML report or ``-f json``); if even the table is too large, its last rows are left
    out and counted. Built as ``markdown_head`` + the ``markdown_piece`` of each report, so a
    streamed batch (``render.outputs``) writes the same bytes.
    """
    from .records import summary_record

    records = [summary_record(a) for a in results]
    text = (markdown_head(records, failures) + "\n".join(map(markdown_piece, results))).rstrip("\n") + "\n"
    return text if size(text) <= max_bytes else markdown_summary_only(records, failures, max_bytes)


def size(text: str) -> int:
    """Bytes of ``text`` as written (UTF-8; undecodable file-name bytes kept as they were)."""
    return len(text.encode("utf-8", "surrogateescape"))


def markdown_head(records: list[dict], failures=()) -> str:
    """What comes before the first report: the summary table of a batch (empty for one report)."""
    if len(records) + len(failures) > 1:
        return "\n".join(_summary(records, failures)) + "\n"
    if failures:
        return "\n".join([f"> ⚠️ 无法审查：`{_code(f.path)}`：{esc(f.message)}" for f in failures] + [""]) + "\n"
    return ""


def markdown_piece(a: AuditResult) -> str:
    """One report's section; sections are joined by a line break and the document ends in exactly one."""
    return "\n".join(_report(a))


def markdown_summary_only(records: list[dict], failures, max_bytes: int = MAX_BYTES) -> str:
    """The summary table alone, cut to ``max_bytes``, for a batch whose details do not fit."""
    note = (f"> 共 {len(records) + len(failures)} 份，逐份的问题与建议超过 Markdown 摘要的大小上限"
            f"（{max_bytes // 1000} KB），这里只列汇总表；详见本次运行的 HTML 报告（-o html:…）或 JSON 结果（-f json）。")
    lines = _summary(records, failures)
    head, rows = lines[:4], lines[4:-1]
    budget = max_bytes - size("\n".join(head) + note) - 200
    kept = []
    for row in rows:
        budget -= size(row) + 1
        if budget < 0:
            break
        kept.append(row)
    out = head + kept + [""]
    if len(kept) < len(rows):
        out += [f"> 另有 {len(rows) - len(kept)} 份未列出。", ""]
    return "\n".join(out + [note]) + "\n"


def esc(text: str) -> str:
    """Escape report text for use anywhere in Markdown, table cells included."""
    text = " ".join(str(text).split())
    # Entities, not backslashes, for HTML characters: every Markdown flavour decodes them as text.
    text = "".join(_ENTITIES.get(ch, ch) for ch in text)
    return _SIGNIFICANT.sub(r"\\\1", text)


def _code(text: str) -> str:
    # Inside a code span only the backtick is special; a cell still needs its pipes escaped.
    return " ".join(text.replace("`", "'").split()).replace("|", "\\|")


def _summary(records, failures) -> list[str]:
    rows = summary_rows(records, failures)
    out = [f"## 审查汇总：{len(records)} 份" + (f"，{len(failures)} 份无法读取" if failures else ""), "",
           "| 文件 | 主体 | 年度 | 层级 | 部分 一二三四 | 得分 | 结论 |", "|---|---|---|---|---|--:|---|"]
    for row in rows:
        verdict = row["verdict"] if not row["note"] or row["verdict"] != "已跳过" else f"已跳过：{row['note']}"
        out.append(f"| `{_code(row['file'])}` | {esc(row['issuer']) or '—'} | {row['year'] or '—'} | "
                   f"{esc(row['level']) or '—'} | {row['marks'] or '—'} | {row['score'] or '—'} | {esc(verdict)} |")
    return out + [""]


def _report(a: AuditResult) -> list[str]:
    facts = dict(header(a))
    out = [f"### 法治政府建设年度报告审查 · `{_code(a.path)}`", ""]
    line = [f"**{esc(facts.get('结论', '非年度报告'))}**"]
    if "得分" in facts:
        line.append(f"得分 {facts['得分']}")
    line += [esc(facts["主体"]), f"{esc(facts['年度'])} 年度" if a.meta.year else "年度未识别",
             esc(facts["层级"]), *(esc(facts[k]) for k in ("类型", "发布") if k in facts),
             f"规则集 {esc(facts['规则集'])}"]
    out += [" · ".join(line), ""]
    counts = severity_counts(a) if a.is_report else []
    if counts:
        out += ["问题：" + " · ".join(f"{label} {n} 项" for label, n in counts), ""]
    if a.meta.title:
        out += [f"标题：{esc(a.meta.title)}", ""]
    if not a.is_report:
        return out + [f"> {esc(n)}" for n in a.notes] + [""]
    out += ["| 部分 | 状态 | 报告中的标题 | 行 |", "|---|---|---|--:|"]
    for p in part_rows(a):
        out.append(f"| {esc(p['part'])} | {_STATUS_MARK[p['css']]} {p['status_label']} | {esc(p['heading'])} "
                   f"| {p['lines']} |")
    out.append("")
    out += _gaps(a)
    out += _checklist(a)
    out += [f"> 注：{esc(n)}" for n in a.notes]
    return out + [""]


def _gaps(a: AuditResult) -> list[str]:
    groups = finding_groups(a)
    if not groups:
        return ["**问题与建议：** 无，所有适用的检查项均已满足。", ""]
    total = sum(len(g["findings"]) for g in groups)
    out = [f"#### 问题与建议（{total} 项，先列必须修改的）", ""]
    n = 0
    for g in groups:
        out += [f"**{esc(g['title'])}**", ""]
        for f in g["findings"]:
            n += 1
            out.append(f"{n}. **{esc(f['title'])}**（{f['status_label']}·{f['severity_label']}）：{esc(f['message'])}"
                       f" <sub>`{f['id']}`</sub>")
            out += [f"   - {esc(line)}" for line in f["evidence"]]
            if f["suggestion"]:
                out.append(f"   - 建议：{esc(f['suggestion'])}")
            out.append(f"   - 依据：{esc(f['basis'])}")
        out.append("")
    return out


def _checklist(a: AuditResult) -> list[str]:
    rows = check_rows(a, evidence_limit=1)
    out = ["**检查清单**", ""] + [f"- {esc(part['label'])}：{esc(part['text'])}" for part in checklist(a)] + [""]
    out += ["<details>", f"<summary>完整检查清单（{len(rows)} 项）</summary>", "",
           "| 状态 | 检查项 | 编号 | 证据或说明 |", "|---|---|---|---|"]
    for r in rows:
        text = "；".join(x for x in (r["explanation"], *r["evidence"]) if x)
        out.append(f"| {_STATUS_MARK[r['status']]} {r['status_label']} | {esc(r['title'])} | `{r['id']}` | "
                   f"{esc(text) or '—'} |")
    return out + ["", "</details>", ""]
