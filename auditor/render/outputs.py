"""The outputs of one run, fed one audited report at a time in input order.

Each output is a *sink* writing to standard output or to an ``AtomicFile``; nothing shows before
the run finishes (the files appear together, ``output.commit``, then standard output is printed
from ``output.HeldOutput``), so an interrupted run leaves nothing half-written. Streamed formats
write each report's piece as it arrives (JSON, JSON Lines, CSV, the terminal report); a page whose
top summarises the batch (Markdown, HTML) spools its pieces to a temporary file and writes the
summary first at the end; the workbook and the dashboard are built at the end from the compact
records; any other format (SARIF, JUnit, the commented .docx, …) is rendered at the end from whole
results, which then are the only thing held per report.
"""
from __future__ import annotations

from typing import Callable

from ..output import AtomicFile, HeldOutput, commit
from ..rulebook.model import Rulebook
from .stream import Encoded, Encoder

FILE_ONLY = ("xlsx", "dashboard", "docx")   # binary or self-contained files: only with -o FORMAT:PATH


class _Sink:
    needs_records = False
    piece_format: str | None = None
    keep_result = False
    extras = False

    def __init__(self, write: Callable[[str | bytes], None]):
        self.write = write

    def add(self, item: Encoded) -> None:
        """One audited report."""

    def close(self, records: list[dict], failures: list, rulebook: Rulebook) -> None:
        """The run is over: write whatever comes last."""


class _Stream(_Sink):
    """Pieces straight to the output between a head (written with the first report) and a tail."""

    def __init__(self, write, fmt: str, rulebook: Rulebook):
        super().__init__(write)
        self.piece_format, self.started = fmt, False
        if fmt == "json":
            from .json_report import JSON_SEPARATOR, JSON_TAIL, json_head
            self.head, self.sep, self.tail = json_head(rulebook.id, rulebook.version), JSON_SEPARATOR, JSON_TAIL
        elif fmt == "jsonl":
            from .jsonl import jsonl_head
            self.head, self.sep, self.tail = jsonl_head(rulebook.id, rulebook.version), "", ""
        else:
            from .csv_summary import csv_head
            self.head, self.sep, self.tail = csv_head(), "", ""

    def add(self, item: Encoded) -> None:
        self.write(self.sep + item.pieces[self.piece_format] if self.started else self.head + item.pieces[self.piece_format])
        self.started = True

    def close(self, records, failures, rulebook) -> None:
        tail = self.tail
        if self.piece_format == "csv":
            from .csv_summary import csv_line
            from .rows import failure_row
            tail = "".join(csv_line(failure_row(f)) for f in failures)
        self.write(tail)


class _Page(_Sink):
    """A page with the batch summary on top: pieces spooled, then head + pieces + tail at the end."""

    needs_records = True

    def __init__(self, write, fmt: str):
        super().__init__(write)
        import tempfile

        self.piece_format = fmt
        self.spool = tempfile.TemporaryFile("w+", encoding="utf-8", errors="surrogateescape")
        self.held = None   # Markdown: trailing line breaks of the last piece, dropped at the very end
        self.size = 0      # Markdown: bytes of the pieces, for the size cap of render_markdown

    def add(self, item: Encoded) -> None:
        piece = item.pieces[self.piece_format]
        if self.piece_format == "html":
            self.spool.write(piece)
            return
        from .markdown import size

        body = piece.rstrip("\n")
        if self.held is not None:
            self.spool.write(self.held + "\n")
            self.size += size(self.held) + 1
        self.spool.write(body)
        self.size += size(body)
        self.held = piece[len(body):]

    def close(self, records, failures, rulebook) -> None:
        if self.piece_format == "html":
            from .html import html_frame
            head, tail = html_frame(records, rulebook, failures)
        else:
            from .markdown import MAX_BYTES, markdown_head, markdown_summary_only, size
            head, tail = markdown_head(records, failures), "\n"
            if size(head) + self.size + 1 > MAX_BYTES:   # as render_markdown: the summary table alone
                self.spool.close()
                self.write(markdown_summary_only(records, failures, MAX_BYTES))
                return
        self.write(head)
        self.spool.seek(0)
        while block := self.spool.read(1 << 16):
            self.write(block)
        self.spool.close()
        self.write(tail)


class _Terminal(_Sink):
    """The terminal report of each file as it is done, then the batch summary."""

    needs_records = True

    def __init__(self, write, summary_only: bool, width: int, color: bool, quiet: bool, encoding: str | None):
        super().__init__(write)
        self.piece_format = None if summary_only else "rich"
        self.summary_only, self.width, self.color, self.quiet = summary_only, width, color, quiet
        self.encoding = encoding

    def add(self, item: Encoded) -> None:
        if self.piece_format:
            self.write(item.pieces["rich"])

    def close(self, records, failures, rulebook) -> None:
        if (len(records) + len(failures) > 1 or self.summary_only) and not self.quiet:
            from .summary import render_summary
            self.write(render_summary(records, failures, self.width, self.color, self.encoding, rulebook))


class _Whole(_Sink):
    """A format rendered from whole results at the end (the results are kept for it)."""

    keep_result = True

    def __init__(self, write, fmt: str, render: Callable):
        super().__init__(write)
        self.fmt, self.render, self.results = fmt, render, []

    def add(self, item: Encoded) -> None:
        self.results.append(item.result)

    def close(self, records, failures, rulebook) -> None:
        self.write(self.render(self.fmt, self.results, failures))


class _Built(_Sink):
    """The workbook or the dashboard: findings collected as they come, built from records at the end."""

    needs_records = True
    extras = True

    def __init__(self, write, fmt: str, path: str, links: str | None, rulebook: Rulebook):
        super().__init__(write)
        self.fmt, self.path, self.links = fmt, path, links
        from ..peers import CopyFinder
        self.copies = CopyFinder()
        self.book = None
        if fmt == "xlsx":
            from .workbook import WorkbookWriter
            self.book = WorkbookWriter(rulebook)

    def add(self, item: Encoded) -> None:
        self.copies.add(item.record, item.clauses)
        if self.book:
            self.book.add(item.record, item.findings)

    def close(self, records, failures, rulebook) -> None:
        copies = self.copies.find()
        if self.book:
            self.write(self.book.finish(records, failures, copies))
        else:
            from .dashboard import render_dashboard
            self.write(render_dashboard(records, failures, rulebook, copies, self.path, self.links))


class Outputs:
    """Every output of one run: ``add`` each batch item (an ``Encoded`` or a failure) in input
    order, then ``finish()`` (files appear, then standard output is printed) or ``discard()``
    (nothing audited, or interrupted: no files, nothing printed).

    ``targets``: (format, path or None for standard output); ``echo`` writes text to standard
    output; ``terminal``: (summary only, width, colour, verbose, quiet, console encoding) for the ``rich`` format;
    ``render(format, results, failures)`` renders a format from whole results (default: the
    ``RENDERERS`` entry as it is)."""

    def __init__(self, targets: list[tuple[str, str | None]], rulebook: Rulebook, echo: Callable[[str], None],
                 terminal: tuple = (False, 100, False, False, False, None), render: Callable | None = None):
        self.rulebook, self.files, self.sinks, self.stdout = rulebook, [], [], HeldOutput(echo)
        self.render = render or self._render
        self.failures: list = []
        self.audited, self.passed, self.used_waivers = 0, True, set()
        self.rule_errors: dict[str, tuple[int, str]] = {}   # rule id → (reports, first message): 规则出错
        html_file = next((path for fmt, path in targets if fmt == "html" and path), None)
        try:
            for fmt, path in targets:
                if path is None:
                    write = self.stdout.write
                else:
                    out = AtomicFile(path)
                    self.files.append(out)
                    write = out.write
                self.sinks.append(self._sink(fmt, write, path, terminal, html_file))
        except BaseException:   # e.g. an optional extra missing: leave no temporary files behind
            self.discard()
            raise
        self.records: list[dict] | None = [] if any(s.needs_records for s in self.sinks) else None
        summary_only, width, color, verbose, quiet, _ = terminal
        self.encoder = Encoder(tuple(sorted({s.piece_format for s in self.sinks if s.piece_format})),
                               (width, color, verbose, quiet), any(s.keep_result for s in self.sinks),
                               any(s.extras for s in self.sinks), _quality_checks(rulebook))

    def _sink(self, fmt, write, path, terminal, html_file) -> _Sink:
        if fmt == "rich":
            return _Terminal(write, terminal[0], terminal[1], terminal[2], terminal[4], terminal[5])
        if fmt in ("json", "jsonl", "csv"):
            return _Stream(write, fmt, self.rulebook)
        if fmt in ("markdown", "html"):
            return _Page(write, fmt)
        if fmt in ("xlsx", "dashboard"):
            return _Built(write, fmt, path, html_file, self.rulebook)
        return _Whole(write, fmt, self.render)

    def _render(self, fmt: str, results: list, failures: list) -> str:
        from . import RENDERERS
        return RENDERERS[fmt](results, self.rulebook, failures)

    def add(self, item) -> None:
        """One batch item in input order: an ``Encoded`` report or a failure (``path``, ``message``)."""
        if not isinstance(item, Encoded):
            self.failures.append(item)
            return
        self.audited += 1
        self.passed = self.passed and item.record["passed"]
        self.used_waivers.update(item.record["waived"])
        for rule_id, message in item.record["rule_errors"]:
            count, first = self.rule_errors.get(rule_id, (0, message))
            self.rule_errors[rule_id] = (count + 1, first)
        if self.records is not None:
            self.records.append(item.record)
        for sink in self.sinks:
            sink.add(item)

    def finish(self) -> None:
        """Write what comes last in every output and let the files appear together (none of them on an error)."""
        try:
            for sink in self.sinks:
                sink.close(self.records or [], self.failures, self.rulebook)
            commit(self.files)
        except BaseException:
            self.discard()
            raise
        self.stdout.release()

    def discard(self) -> None:
        """Leave no output files behind and print nothing."""
        for out in self.files:
            out.discard()
        self.stdout.discard()


def _quality_checks(rulebook: Rulebook) -> tuple[tuple[str, str], ...]:
    return tuple((r.check, r.id) for r in rulebook.rules if r.type == "quality" and getattr(r, "check", None))

