"""The default terminal report, in Chinese, in the order of work (plain text when not a terminal).

First the verdict in words and the counts by severity, then the five parts, then the findings grouped
as a reviewer works (``rows.finding_groups``: what must be fixed first), then a compact checklist with
the passes folded to one line per part. ``verbose`` lists every check with its evidence, the
not-applicable ones and the closed-loop tables; ``quiet`` prints only the findings that fail the gate.
Lines are broken by ``linebreak`` (display width, hanging indent, 避头尾, ids and numbers kept whole);
rich only colours them.
"""
from __future__ import annotations

import io

from ..models import AuditResult
from ..verdict import verdict
from .linebreak import break_points, cell_len
from .rows import checklist, finding_groups, header, part_rows, rule_errors, severity_counts, waived_rows

_PART_STYLE = {"present": "green", "weak": "yellow", "missing": "bold red", "skip": "dim"}
_CHECK_STYLE = {"pass": "green", "partial": "yellow", "fail": "red", "skip": "dim", "error": "magenta",
                "waived": "magenta"}
_SEV_STYLE = {"必须修改": "bold red", "错误": "red", "警告": "yellow", "提示": "cyan", "规则出错": "magenta"}
INDENT = "     "   # under "  12. "


MAX_LINES = 120   # the default report aims to fit in this many lines; -v shows everything
# How the findings are shortened, step by step, until the report fits: the content items to add go
# first to title and suggestion, then to one line each, then the 第一责任人 items; must-fix never.
_LADDER = ({}, {"content": "brief"}, {"content": "line"}, {"content": "line", "leadership": "brief"},
           {"content": "line", "leadership": "line"}, {"content": "line", "leadership": "line", "loop": "brief"},
           {"content": "line", "leadership": "line", "loop": "brief", "structure": "brief"})


def render_terminal(result: AuditResult, width: int = 100, color: bool = False, verbose: bool = False,
                    quiet: bool = False) -> str:
    """The report for one file as a string, lines at most ``width`` cells (ANSI colours only when ``color``)."""
    out = _Writer(width, color)
    if quiet:
        _quiet(out, result)
        return out.text()
    _header(out, result)
    if not result.is_report:
        return out.text()
    _parts(out, result)
    tail = _Writer(width, color)
    _checklist(tail, result, verbose)
    findings, cache = None, {}
    for shape in ({},) if verbose else _LADDER:
        findings = _Writer(width, color)
        _findings(findings, result, verbose, shape, cache)
        if out.count() + findings.count() + tail.count() <= MAX_LINES:
            break
    return out.text() + findings.text() + tail.text()


class _Writer:
    """Collects wrapped lines as (text, style) segments; rich turns them into colours once at the end,
    and plain text (a pipe, a file, CI) never loads rich's console (30 ms of a cold start)."""

    def __init__(self, width: int, color: bool):
        self.width, self.color = width, color
        self.lines: list[list[tuple[str, str]]] = []

    def line(self, *segments, indent: str = "", hanging: str | None = None, tail: tuple[str, str] | None = None):
        """Add ``segments`` ((text, style) or text; a list of them is a tag never broken inside, such
        as "（缺失·警告）") wrapped with a hanging indent; ``tail`` (text, style) is set at the right end
        of the last line, or on a line of its own when it does not fit."""
        segs: list[tuple[str, str]] = []
        whole = []
        for seg in segments:
            start = sum(len(text) for text, _ in segs)
            segs.extend(_segment(piece) for piece in (seg if isinstance(seg, list) else [seg]))
            if isinstance(seg, list):
                whole.append((start, sum(len(text) for text, _ in segs)))
        plain = "".join(text for text, _ in segs)
        hanging = " " * cell_len(indent) if hanging is None else hanging
        spans = break_points(plain, max(1, self.width - cell_len(hanging)), max(1, self.width - cell_len(indent)),
                             tuple(whole))
        lines = [[(hanging if n else indent, ""), *_cut(segs, s, e)] for n, (s, e) in enumerate(spans)]
        if tail:
            room = self.width - cell_len("".join(text for text, _ in lines[-1]))
            if room >= cell_len(tail[0]) + 2:
                lines[-1] += [(" " * (room - cell_len(tail[0])), ""), tail]
            else:
                lines.append([(" " * max(0, self.width - cell_len(tail[0])), ""), tail])
        self.lines.extend(lines)

    def blank(self):
        self.lines.append([])

    def table(self, table):
        console = self._console()
        console.print(table)
        self.lines.extend([(_segment(line))] for line in console.file.getvalue().splitlines())

    def text(self) -> str:
        if not self.lines:
            return ""
        if not self.color:
            return "".join("".join(text for text, _ in line).rstrip() + "\n" for line in self.lines)
        from rich.text import Text

        console = self._console()
        console.print(Text("\n").join(Text.assemble(*line) for line in self.lines), soft_wrap=True)
        return console.file.getvalue()

    def count(self) -> int:
        return len(self.lines)

    def _console(self):
        from rich.console import Console

        return Console(file=io.StringIO(), width=self.width, force_terminal=self.color, no_color=not self.color,
                       color_system="standard" if self.color else None, highlight=False, emoji=False,
                       legacy_windows=False)


# rich drops these control characters from the text it is given (rich.control.STRIP_CONTROL_CODES);
# plain lines drop them too, so both outputs break a line at the same place.
_CONTROL = dict.fromkeys((7, 8, 11, 12, 13))


def _segment(seg) -> tuple[str, str]:
    text, style = seg if isinstance(seg, tuple) else (seg, "")
    return text.translate(_CONTROL), style or ""


def _cut(segs: list[tuple[str, str]], start: int, end: int) -> list[tuple[str, str]]:
    """The pieces of ``segs`` between offsets ``start`` and ``end`` of their joined text."""
    out, pos = [], 0
    for text, style in segs:
        lo, hi = max(start - pos, 0), min(end - pos, len(text))
        if lo < hi:
            out.append((text[lo:hi], style))
        pos += len(text)
    return out


def _header(out: _Writer, a: AuditResult) -> None:
    facts = dict(header(a))
    out.line(("法治政府建设年度报告审查", "bold"), " · ", a.path)
    said = verdict(a)
    style = "bold green" if said.passed else "bold red"
    score = f"（得分 {a.score:g}/100）" if a.is_report else ""
    out.line((said.text, style), score)
    counts = severity_counts(a)
    if counts:
        segments = ["问题："]
        for n, (label, count) in enumerate(counts):
            segments += [" · "] if n else []
            segments.append((f"{label} {count} 项", _SEV_STYLE.get(label, "")))
        out.line(*segments)
    out.line(("标题：", "bold"), facts["标题"], hanging="      ")
    # label and value stay together ("层级：乡镇（街道）"); a line breaks only between the pairs
    for keys in (("主体", "年度", "层级"), ("类型", "发布", "规则集")):
        segments = []
        for k in (k for k in keys if k in facts):
            segments += ([" · "] if segments else []) + [[(f"{k}：", "bold"), facts[k]]]
        out.line(*segments, hanging="  ")
    for note in a.notes:
        out.line(("注：", "dim"), (note, "dim" if a.is_report else "bold yellow"))


def _parts(out: _Writer, a: AuditResult) -> None:
    """One row per part: name, status, lines, heading; the headings go in a column when each fits
    on its row, else each whole on the line below its row (a label never wraps in a narrow column)."""
    out.blank()
    out.line(("五个组成部分", "bold"))
    rows = part_rows(a)
    cols = [[r["part"] for r in rows], [r["status_label"] for r in rows],
            ["" if r["lines"] == "—" else r["lines"] for r in rows]]
    located = [n for n in range(len(rows)) if cols[2][n]] or range(len(rows))
    widths = [max(cell_len(v) for v in col) + 2 for col in cols]
    widths[1] = max(cell_len(cols[1][n]) for n in located) + 2   # a status without lines ("未单列（可选）") may run on
    headings = ["" if r["heading"] == "—" else r["heading"] for r in rows]
    column = max(cell_len(h) for h in headings) <= out.width - 2 - sum(widths)
    for n, r in enumerate(rows):
        name, status, lines = (col[n] + " " * max(0, w - cell_len(col[n])) for col, w in zip(cols, widths))
        out.line(name, (status, _PART_STYLE[r["css"]]), (lines, "dim"), headings[n] if column else "",
                 indent="  ")
        if headings[n] and not column:
            out.line((headings[n], "dim"), indent="    ")


def _findings(out: _Writer, a: AuditResult, verbose: bool, shape: dict, cache: dict | None = None) -> None:
    """The findings by group; ``shape`` maps a group key to "brief" or "line" (default: in full);
    ``cache`` keeps each finding's lines per shape across the tries of ``render_terminal``."""
    cache = {} if cache is None else cache
    groups = finding_groups(a)
    out.blank()
    if not groups:
        out.line(("问题与建议：无。所有适用的检查项均已满足。", "green"))
    total = sum(len(g["findings"]) for g in groups)
    if groups:
        note = "；部分只列标题和建议，全部细节见 -v" if shape else ""
        out.line((f"问题与建议（{total} 项，先列必须修改的{note}）", "bold"))
    n = 0
    for g in groups:
        out.line((f"【{g['title']}】", "bold red" if g["key"] == "must_fix" else "bold"))
        for f in g["findings"]:
            n += 1
            key = (n, shape.get(g["key"], "full"))
            if key not in cache:
                block = _Writer(out.width, out.color)
                _finding(block, f, n, key[1], verbose)
                cache[key] = block.lines
            out.lines.extend(cache[key])
    waived = waived_rows(a)
    if waived:
        out.line((f"【已豁免（{len(waived)} 项，不计入得分和门禁）】", "magenta"))
    for w in waived:
        out.line(w["title"], ["（原结论：", w["status_label"], "）"], "：", ("豁免理由：" + w["reason"], "magenta"),
                 indent="  · ", hanging=INDENT, tail=(w["id"], "dim"))
    for err in rule_errors(a):
        out.line(("规则出错：", "magenta"), f"{err['title']}：{err['message']}", indent="  ", tail=(err["id"], "dim"))


def _finding(out: _Writer, f: dict, n: int, shape: str, verbose: bool) -> None:
    """A finding "full" (title, the finding, up to three evidence lines, suggestion, basis), "brief"
    (title and suggestion) or on one "line" (title, status, id)."""
    number = f"{n:>3}. "
    out.line((f["title"], "bold"), ["（", (f["status_label"], _CHECK_STYLE[f["status"]]), "·",
             (f["severity_label"], _SEV_STYLE.get(f["severity_label"], "")), "）"],
             indent=" " * max(0, 5 - len(number)) + number, hanging=INDENT, tail=(f["id"], "dim"))
    if shape == "line":
        return
    if shape == "brief":
        if f["suggestion"]:
            out.line(("建议：", "cyan"), f["suggestion"], indent=INDENT, hanging=INDENT + "      ")
        return
    out.line(f["message"], indent=INDENT)
    for line in f["evidence"]:
        where, _, quote = line.partition("：")
        out.line((where + "：", "dim"), quote, indent=INDENT, hanging=INDENT + "  ")
    if f["more_evidence"]:
        out.line((f"另有 {f['more_evidence']} 处证据，见" + ("下面的检查清单" if verbose else " -v"), "dim"),
                 indent=INDENT)
    if f["suggestion"]:
        out.line(("建议：", "cyan"), f["suggestion"], indent=INDENT, hanging=INDENT + "      ")
    out.line(("依据：", "dim"), (f["basis"], "dim"), indent=INDENT, hanging=INDENT + "      ")


def _checklist(out: _Writer, a: AuditResult, verbose: bool) -> None:
    out.blank()
    out.line(("检查清单", "bold"), ("" if verbose else "（符合的每部分合为一行，全部列出见 -v）", "dim"))
    if not verbose:
        for row in checklist(a):
            out.line((row["label"], "bold"), "：", row["text"], indent="  ", hanging="    ")
        return
    from .rows import check_rows

    rows = check_rows(a)
    for row in checklist(a):
        out.line((row["label"], "bold"), "：", row["text"], indent="  ", hanging="    ")
        for r in (r for r in rows if r["part"] == row["key"]):
            out.line([(f"[{r['status_label']}]", _CHECK_STYLE.get(r["status"], ""))], " ", r["title"],
                     indent="    ", hanging="      ", tail=(r["id"], "dim"))
            if r["explanation"]:
                out.line((r["explanation"], "dim" if r["status"] == "skip" else ""), indent="      ")
            for line in r["evidence"]:
                out.line(line, indent="      ", hanging="        ")
    from rich import box

    from .pairing import detail_tables   # rich tables: only -v reaches here

    for table in detail_tables(a, box.SIMPLE_HEAD if out.color else box.ASCII2):
        out.table(table)


def _quiet(out: _Writer, a: AuditResult) -> None:
    """Only what fails the gate, one finding per block, for pre-commit hooks; nothing when it passes."""
    said = verdict(a)
    if said.passed:
        return
    out.line(a.path, "：", (said.text, "bold red"))
    for g in finding_groups(a):
        if g["key"] != "must_fix":
            continue
        for f in g["findings"]:
            where = f"{a.path}:{f['line']}" if f["line"] else a.path
            out.line(where, "：", (f["title"], "bold"), ["（", f["status_label"], "）"], hanging="  ",
                     tail=(f["id"], "dim"))
            out.line(f["message"], indent="  ")
            if f["suggestion"]:
                out.line(("建议：", "cyan"), f["suggestion"], indent="  ", hanging="        ")

