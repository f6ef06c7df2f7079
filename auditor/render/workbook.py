"""``-o xlsx:PATH``: an Excel workbook for a reviewer's desk (openpyxl, optional extra ``xlsx``).

Sheets: 汇总 (one row per report: issuer, level, year, verdict, score and its percentile among
bodies of the same level, gaps by severity, each part, the scorecard; colours and filters),
分层统计 (the batch by level), 覆盖矩阵 (reports × checklist items, ✔ ◐ ✘, frozen headers),
问题清单 (one row per gap with its evidence line and suggestion), 雷同段落 (passages copied between
bodies of the batch) and 指标说明 (what each scorecard column means, with its source). Written in
openpyxl's write-only mode: the findings rows go to disk as reports finish. The bytes are
deterministic (no timestamps in the document properties or the zip entries).
"""
from __future__ import annotations

import datetime as dt
import io
import zipfile

from ..extras import missing
from ..rulebook.model import Rulebook
from .indicators import CAUSES, INDICATORS, LEVEL_HEAD, ON_TIME, level_rows
from .labels import PART_LABELS, SEVERITY, plain_basis, status_label, without_options
from .rows import SUMMARY_PARTS, summary_row

MATRIX_MARK = {"p": "✔", "h": "◐", "f": "✘", "s": "–", "w": "免", "e": "错"}
PAPER_A4 = 9   # ECMA-376 paperSize code
GREEN, YELLOW, RED, GREY = "C6EFCE", "FFEB9C", "FFC7CE", "EDEDED"
SUMMARY_COLUMNS = (("文件", 28), ("主体", 24), ("层级", 14), ("年度", 7), ("结论", 9), ("得分", 7),
                   ("同级百分位", 10), ("错误", 6), ("警告", 6), ("提示", 6),
                   *((PART_LABELS[p][2:], 12) for p in SUMMARY_PARTS),
                   ("按时公开", 9), ("要素齐全", 9), ("具体程度（每千字）", 12), ("具体程度同级百分位", 12),
                   ("原因分析", 9), ("上年安排落实", 11), ("说明", 40))
FINDING_COLUMNS = (("文件", 28), ("主体", 20), ("编号", 26), ("检查项", 24), ("级别", 6), ("状态", 7),
                   ("说明", 60), ("行", 6), ("页", 5), ("原文摘录", 40), ("建议", 50), ("依据", 40))


def _openpyxl():
    try:
        import openpyxl
    except ImportError:
        raise missing("xlsx", "写出 Excel 工作簿") from None
    return openpyxl


class WorkbookWriter:
    """Opened before the batch; ``add`` writes each report's findings; ``finish`` returns the bytes."""

    def __init__(self, rulebook: Rulebook):
        openpyxl = _openpyxl()
        from openpyxl.styles import Alignment, Font, PatternFill

        self.rulebook = rulebook
        self.rules = {r.id: r for r in rulebook.rules}
        self.styles = {"bold": Font(bold=True), "small": Font(bold=True, size=9),
                       "wrap": Alignment(wrap_text=True, vertical="center"),
                       "head": PatternFill("solid", fgColor="DDEBF7"),
                       "vertical": Alignment(text_rotation=90, horizontal="center", vertical="bottom", wrap_text=True),
                       "center": Alignment(horizontal="center")}
        self.book = openpyxl.Workbook(write_only=True)
        # Deterministic bytes: a fixed time (the zip format's epoch) instead of "now" in the properties.
        self.book.properties.created = self.book.properties.modified = dt.datetime(1980, 1, 1)
        names = ("汇总", "分层统计", "覆盖矩阵", "问题清单", "雷同段落", "指标说明")
        self.sheets = {name: self.book.create_sheet(name) for name in names}
        for ws in self.sheets.values():   # printed (or made a PDF): A4 landscape, as wide as the page,
            ws.page_setup.orientation, ws.page_setup.paperSize = "landscape", PAPER_A4
            ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0   # as many pages down as needed
            ws.sheet_properties.pageSetUpPr.fitToPage = True
            ws.print_title_rows = "1:1"                                   # the header row on every page
            ws.print_options.gridLines = True
        findings = self.sheets["问题清单"]
        self._columns(findings, FINDING_COLUMNS)
        findings.freeze_panes = "C2"
        findings.append(self._header(findings, [c for c, _ in FINDING_COLUMNS]))
        self.finding_count = 0

    def add(self, record: dict, findings: tuple) -> None:
        """The findings of one audited report, as rows of 问题清单."""
        ws = self.sheets["问题清单"]
        for rule_id, status, severity, message, line, page, excerpt in findings:
            rule = self.rules.get(rule_id)
            ws.append([record["path"], record["issuer"] or "", rule_id, rule.title if rule else rule_id,
                       SEVERITY.get(severity, severity), status_label(status, rule.kind if rule else "item"),
                       without_options(message), line, page, excerpt, (rule.suggestion or "") if rule else "",
                       plain_basis(rule.basis) if rule else ""])
            self.finding_count += 1

    def finish(self, records: list[dict], failures: list, copies: list) -> bytes:
        """The whole workbook as bytes (an .xlsx file)."""
        from openpyxl.worksheet.filters import AutoFilter

        findings = self.sheets["问题清单"]
        findings.auto_filter = AutoFilter(ref=f"A1:{_col(len(FINDING_COLUMNS))}{self.finding_count + 1}")
        self._summary(records, failures)
        self._levels(records)
        self._matrix(records)
        self._copies(copies)
        self._indicators()
        return _deterministic(self.book)

    def _header(self, ws, names, style="bold"):
        from openpyxl.cell import WriteOnlyCell

        cells = []
        for name in names:
            cell = WriteOnlyCell(ws, value=name)
            cell.fill = self.styles["head"]
            cell.font = self.styles["small" if style == "vertical" else "bold"]
            cell.alignment = self.styles["vertical" if style == "vertical" else "wrap"]
            cells.append(cell)
        return cells

    def _columns(self, ws, columns) -> None:
        for n, (_, width) in enumerate(columns, 1):
            ws.column_dimensions[_col(n)].width = width

    def _summary(self, records: list[dict], failures: list) -> None:
        from ..peers import percentile_ranks

        ws = self.sheets["汇总"]
        self._columns(ws, SUMMARY_COLUMNS)
        ws.freeze_panes = "C2"
        ws.row_dimensions[1].height = 32
        ws.append(self._header(ws, [c for c, _ in SUMMARY_COLUMNS]))
        score_rank = percentile_ranks(records, lambda r: r["score"])
        concrete_rank = percentile_ranks(records, lambda r: r.get("scorecard", {}).get("concreteness", {}).get("per_1000"))
        for r in records:
            row = summary_row(r)
            card = r.get("scorecard") or {}
            gaps = r["gaps"]
            ws.append([r["path"], r["issuer"] or "", row["level"], r["year"], row["verdict"],
                       r["score"] if r["is_report"] else None, score_rank.get(r["position"]),
                       gaps["error"], gaps["warning"], gaps["info"], *(row["parts"][p] for p in SUMMARY_PARTS),
                       ON_TIME.get(card.get("on_time", {}).get("value"), ""),
                       card.get("complete", {}).get("value"), card.get("concreteness", {}).get("per_1000"),
                       concrete_rank.get(r["position"]), CAUSES.get(card.get("causes"), ""),
                       card.get("follow_up", {}).get("value"),
                       without_options("；".join(filter(None, (r["verdict_text"], row["note"]))))])
        for f in failures:
            ws.append([f.path, "", "", None, "已跳过", *([None] * (len(SUMMARY_COLUMNS) - 6)), without_options(f.message)])
        last = len(records) + len(failures) + 1
        ws.auto_filter.ref = f"A1:{_col(len(SUMMARY_COLUMNS))}{last}"
        self._colour_text(ws, f"E2:E{last}", {"通过": GREEN, "未通过": RED, "非年度报告": YELLOW, "已跳过": GREY})
        self._colour_text(ws, f"K2:N{last}", {"已具备": GREEN, "单薄": YELLOW, "缺失": RED})
        self._colour_text(ws, f"O2:O{last}", {"按时": GREEN, "逾期": RED})
        self._colour_text(ws, f"S2:S{last}", {"有": GREEN, "部分": YELLOW, "无": RED})
        from openpyxl.formatting.rule import ColorScaleRule
        for ref in (f"F2:G{last}", f"P2:R{last}", f"T2:T{last}"):
            ws.conditional_formatting.add(ref, ColorScaleRule(start_type="min", start_color="F8696B",
                                                              mid_type="percentile", mid_value=50, mid_color="FFEB84",
                                                              end_type="max", end_color="63BE7B"))

    def _colour_text(self, ws, ref: str, colours: dict[str, str]) -> None:
        from openpyxl.formatting.rule import CellIsRule
        from openpyxl.styles import PatternFill

        for text, colour in colours.items():
            ws.conditional_formatting.add(ref, CellIsRule(operator="equal", formula=[f'"{text}"'],
                                                          fill=PatternFill("solid", bgColor=colour)))

    def _levels(self, records: list[dict]) -> None:
        ws = self.sheets["分层统计"]
        self._columns(ws, zip(LEVEL_HEAD, (16, 7, 7, 11, 22, 14, 22, 24, 18)))
        ws.append(self._header(ws, LEVEL_HEAD))
        for row in level_rows([r for r in records if r["is_report"]]):
            ws.append(["—" if v is None else v for v in row])   # nothing known, not an empty count

    def _matrix(self, records: list[dict]) -> None:
        from openpyxl.cell import WriteOnlyCell

        ws = self.sheets["覆盖矩阵"]
        rules = self.rulebook.rules
        ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 28, 22
        for n in range(3, len(rules) + 3):
            ws.column_dimensions[_col(n)].width = 5
        ws.freeze_panes = "C2"
        ws.row_dimensions[1].height = 170
        ws.append(self._header(ws, ["文件", "主体", *(r.title for r in rules)], style="vertical"))
        for r in records:
            marks = [MATRIX_MARK[c] for c in r["statuses"]] if len(r["statuses"]) == len(rules) else [""] * len(rules)
            cells = []
            for mark in marks:
                cell = WriteOnlyCell(ws, value=mark)
                cell.alignment = self.styles["center"]
                cells.append(cell)
            ws.append([r["path"], r["issuer"] or "", *cells])
        last = len(records) + 1
        self._colour_text(ws, f"C2:{_col(len(rules) + 2)}{last}", {"✔": GREEN, "◐": YELLOW, "✘": RED})
        ws.auto_filter.ref = f"A1:{_col(len(rules) + 2)}{last}"

    def _copies(self, copies: list) -> None:
        ws = self.sheets["雷同段落"]
        columns = (("报告", 30), ("行", 10), ("与之相同的报告", 30), ("行", 10), ("相同字数", 10))
        self._columns(ws, columns)
        ws.append(self._header(ws, [c for c, _ in columns]))
        for c in copies:
            ws.append([c.a, _span(c.lines), c.b, _span(c.other_lines), c.chars])
        if not copies:
            ws.append(["本批报告之间没有发现 60 字以上相同的段落（不同主体之间，数字不同也算相同）"])

    def _indicators(self) -> None:
        ws = self.sheets["指标说明"]
        self._columns(ws, (("指标", 18), ("定义", 70), ("来源", 60)))
        ws.append(self._header(ws, ["指标", "定义", "来源"]))
        for name, definition, source in INDICATORS:
            ws.append([name, definition, source])


def _col(n: int) -> str:
    from openpyxl.utils import get_column_letter
    return get_column_letter(n)


def _span(lines: tuple[int, int]) -> str:
    return f"第{lines[0]}行" if lines[0] == lines[1] else f"第{lines[0]}–{lines[1]}行"


def _deterministic(book) -> bytes:
    """Save ``book`` and rewrite the zip with fixed entry times, so equal input gives equal bytes."""
    from openpyxl.writer.excel import ExcelWriter

    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()   # not book.save(): that stamps the modification time
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type, fixed.external_attr = zipfile.ZIP_DEFLATED, 0o600 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()

