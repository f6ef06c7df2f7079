"""``--format csv``: the batch summary as CSV, one row per file (unreadable files marked 已跳过)."""
from __future__ import annotations

import csv
import io

from ..models import AuditResult
from ..rulebook.model import Rulebook
from .labels import PART_LABELS
from .rows import SUMMARY_PARTS, summary_rows

COLUMNS = ("文件", "主体", "年度", "层级", *(PART_LABELS[p] for p in SUMMARY_PARTS), "得分", "结论",
           "错误级问题", "说明")


def render_csv(results: list[AuditResult], rulebook: Rulebook, failures=()) -> str:
    """Header row plus one row per file, ``\\n`` line endings, every field quoted as needed."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in summary_rows(results, failures):
        writer.writerow([_cell(v) for v in (row["file"], row["issuer"], row["year"], row["level"],
                         *(row["parts"][p] for p in SUMMARY_PARTS), row["score"], row["verdict"],
                         row["errors"], row["note"])])
    return buf.getvalue()


def _cell(value: str) -> str:
    # A spreadsheet would run a cell starting with = + - @ as a formula; a file name must not.
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
