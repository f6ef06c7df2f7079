"""Markdown drafts: text a Markdown viewer would not show is not report text.

HTML comments (``<!-- … -->``, the drafting notes of an ``audit init`` skeleton) are blanked with
their line breaks kept, so line numbers still match the file; ATX heading marks are dropped so
that "## 一、主要举措和成效" is read as the heading "一、主要举措和成效".
"""
from __future__ import annotations

import re
from ..text.lazy import lazy_compile

_COMMENT = lazy_compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_ATX = lazy_compile(r"^[ ]{0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)


def read_markdown(text: str) -> str:
    """The report text of a Markdown file, line for line."""
    text = _COMMENT.sub(lambda m: "\n" * m.group().count("\n"), text)
    return _ATX.sub(r"\1", text)
