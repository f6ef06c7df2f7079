"""What a batch worker sends back for each report: its compact record and its pieces of output.

``Encoder`` is built by the CLI from the outputs asked for and runs in the worker processes (it
is picklable: plain fields, module-level functions), right after the audit: it renders each
report's piece for every streamed format, so the parent process only writes bytes in order.
"""
from __future__ import annotations


from ..models import AuditResult, record


@record
class Encoded:
    """One audited report as the outputs need it.

    ``record``: ``records.summary_record`` plus ``position`` (1-based place in the input) and, when
    asked for, ``scorecard``; ``pieces``: format → this report's piece of that output; ``findings``:
    workbook rows of its gaps; ``clauses``: clause signature for copies between reports of the batch;
    ``result``: the whole result, only for formats rendered from whole results."""

    record: dict
    pieces: dict
    findings: tuple = ()
    clauses: object = None
    result: AuditResult | None = None


def _piece(fmt: str, a: AuditResult, position: int, terminal: tuple) -> str:
    if fmt == "json":
        from .json_report import json_piece
        return json_piece(a)
    if fmt == "jsonl":
        from .jsonl import jsonl_piece
        return jsonl_piece(a)
    if fmt == "csv":
        from .csv_summary import csv_line
        from .records import summary_record
        from .rows import summary_row
        return csv_line(summary_row(summary_record(a)))
    if fmt == "markdown":
        from .markdown import markdown_piece
        return markdown_piece(a)
    if fmt == "html":
        from .html import html_piece
        return html_piece(a, position)
    if fmt == "rich":
        from .terminal import render_terminal
        return render_terminal(a, *terminal)
    raise ValueError(f"no streamed piece for format {fmt!r}")


@record
class Encoder:
    """``encoder(result, text, position) -> Encoded`` for the outputs of one run.

    ``formats``: streamed formats that need a piece of each report; ``terminal``: (width, colour,
    verbose, quiet) of the terminal report; ``keep_result``: also send the whole result back (formats
    rendered from whole results); ``extras``: findings rows, scorecard and clause signature (the
    workbook and the dashboard); ``checks``: (quality check name, rule id) pairs of the rulebook,
    which the scorecard reads."""

    formats: tuple[str, ...] = ()
    terminal: tuple = (100, False, False, False)
    keep_result: bool = False
    extras: bool = False
    checks: tuple[tuple[str, str], ...] = ()

    def __call__(self, a: AuditResult, text: str, position: int) -> Encoded:
        from .records import summary_record

        record = summary_record(a)
        record["position"] = position
        pieces = {fmt: _piece(fmt, a, position, self.terminal) for fmt in self.formats}
        findings, clauses = (), None
        if self.extras:
            from ..peers import clause_signature
            from ..scorecard import score_card
            from .records import finding_rows

            record["scorecard"] = score_card(a, text, dict(self.checks))
            findings = finding_rows(a)
            clauses = clause_signature(text, a.meta.title_line) if a.is_report else None
        return Encoded(record, pieces, findings, clauses, a if self.keep_result else None)
