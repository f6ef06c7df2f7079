"""``--format csv``: the batch summary as CSV, one row per file (unreadable files marked 已跳过).

Rows come from the compact per-report records (``records.summary_record``), so a batch writes
each row as its report finishes; unreadable files follow the reports.
"""
from __future__ import annotations

import csv
import io

from ..models import AuditResult
from ..rulebook.model import Rulebook
from .labels import PART_LABELS
from .records import summary_record
from .rows import SUMMARY_PARTS, failure_row, summary_row

COLUMNS = ("文件", "主体", "年度", "层级", *(PART_LABELS[p] for p in SUMMARY_PARTS), "得分", "结论",
           "错误级问题", "说明")


def render_csv(results: list[AuditResult], rulebook: Rulebook, failures=()) -> str:
    """Header row plus one row per file, ``\\n`` line endings, every field quoted as needed."""
    rows = [summary_row(summary_record(a)) for a in results] + [failure_row(f) for f in failures]
    return csv_head() + "".join(map(csv_line, rows))


def csv_head() -> str:
    """The header row."""
    return _line(COLUMNS)


def csv_line(row: dict) -> str:
    """One summary row (``rows.summary_row`` or ``rows.failure_row``) as a CSV line."""
    return _line([_cell(v) for v in (row["file"], row["issuer"], row["year"], row["level"],
                                     *(row["parts"][p] for p in SUMMARY_PARTS), row["score"], row["verdict"],
                                     row["errors"], row["note"])])


def _line(values) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(values)
    return buf.getvalue()


def _cell(value: str) -> str:
    # A spreadsheet would run a cell starting with = + - @ as a formula; a file name must not.
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
