"""Help pages laid out by display width: a Chinese character takes two cells, and lines break as
the terminal report's do (``render.linebreak``: 避头尾, option names and numbers kept whole).

click measures with ``len`` and wraps only at spaces, so a Chinese metavar ("单位名称") pushed its
help out of the column and a Chinese paragraph was one unbreakable word.
"""
from __future__ import annotations

import re

import click

from .text.lazy import lazy_compile


def cell_len(text: str) -> int:
    from .render.linebreak import cell_len as measure   # here: a run that prints no help never loads rich

    return measure(text)


# An option with its value, as help texts give examples: "-o docx:审查.docx", "--select part.order,numbering.".
_EXAMPLE = lazy_compile(r"(?<![\w-])--?[A-Za-z][\w-]*(?: (?!-)[^\s，。；、：（）《》“”]+)?")


def wrap(text: str, width: int, indent: str = "", hanging: str | None = None, examples: bool = True) -> list[str]:
    """``text`` broken as the terminal report is; with ``examples``, an option example is never split
    across lines (not for the option column itself, where "--format [rich|json|…]" may break)."""
    from .render.linebreak import wrap as break_lines

    whole = tuple(m.span() for m in _EXAMPLE.finditer(text)) if examples else ()
    return break_lines(text, width, indent, hanging, whole)


def _joined(paragraph: str) -> str:
    """A paragraph's lines as one line: a space between lines only where ASCII meets ASCII."""
    out = ""
    for line in (line.strip() for line in paragraph.splitlines()):
        if out and line and out[-1].isascii() and line[0].isascii():
            out += " "
        out += line
    return out


def _paragraphs(text: str) -> list[list[str]]:
    """Each paragraph's lines: a paragraph after a line of "\\b" as written, any other one joined."""
    out = []
    for block in text.strip("\n").split("\n\n"):
        lines = block.splitlines()
        out.append(lines[1:] if lines and lines[0].strip() == "\b" else [_joined(block)])
    return out


class HelpFormatter(click.HelpFormatter):
    """click's formatter with widths in terminal cells and Chinese line breaking."""

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        for n, lines in enumerate(_paragraphs(text)):
            if n:
                self.write("\n")
            for line in lines:
                # a listed line ("audit check 报告.txt     审查一份报告") wraps under its description
                body = line.lstrip()
                lead = indent + " " * (len(line) - len(body))
                gap = re.search(r"\S {2,}(?=\S)", body)
                hanging = lead + " " * (cell_len(body[:gap.end()]) if gap else 0)
                for part in wrap(body, max(self.width, 20), indent=lead, hanging=hanging):
                    self.write(part.rstrip() + "\n")

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        col_max = min(col_max, self.width // 3)   # a narrow page keeps half of it for the help
        first_w = min(max((cell_len(a) for a, _ in rows), default=0), col_max) + col_spacing
        hanging = " " * (self.current_indent + first_w)
        room = max(self.width - self.current_indent - first_w, 10)
        for first, second in rows:
            indent = " " * self.current_indent
            head = wrap(first, max(self.width, 20), indent, indent + "    ", examples=False)   # a long choice list
            self.write("\n".join(head))
            if not second:
                self.write("\n")
                continue
            if len(head) == 1 and cell_len(first) <= first_w - col_spacing:
                self.write(" " * (first_w - cell_len(first)))
            else:
                self.write("\n" + hanging)
            lines = [part for para in _paragraphs(second) for line in para for part in wrap(line, room)]
            self.write(lines[0] + "\n" + "".join(hanging + line + "\n" for line in lines[1:]))


class HelpContext(click.Context):
    formatter_class = HelpFormatter


def use_help_formatter(command: click.Command) -> None:
    """Give ``command`` and every command under it the cell-width help layout."""
    command.context_class = HelpContext
    if command.help and not command.short_help:   # click would cut the first paragraph at a width in characters
        command.short_help = _joined(command.help.strip().split("\n\n")[0])
    for sub in getattr(command, "commands", {}).values():
        use_help_formatter(sub)
