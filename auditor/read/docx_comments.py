"""The review comments (批注) of a .docx that carry ``audit:`` directives (see ``auditor.suppressions``).

Read from the package's comments part on its own, apart from the body reader: a comment's text is
the text of its paragraphs, joined by line breaks. Only comments whose text starts with the
directive are returned, each with the comment's number as Word shows it (1-based, document order).
"""
from __future__ import annotations

import io
import zipfile

from ..suppressions import directive_body
from .numbering import W

_COMMENTS_TYPE = "/relationships/comments"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def read_comment_directives(data: bytes) -> tuple[tuple[str, str], ...]:
    """``(第N条批注, body)`` for each directive comment of the .docx ``data`` (already checked as a package)."""
    from docx.oxml import parse_xml   # python-docx's parser: no network, no entity expansion

    with zipfile.ZipFile(io.BytesIO(data)) as package:
        name = _comments_part(package, parse_xml)
        if name is None:
            return ()
        root = parse_xml(package.read(name))
    out = []
    for n, comment in enumerate(root.iter(W + "comment"), 1):
        paragraphs = ["".join(t.text or "" for t in p.iter(W + "t")) for p in comment.iter(W + "p")]
        body = directive_body("\n".join(paragraphs))
        if body is not None:
            out.append((f"第{n}条批注", body))
    return tuple(out)


def _comments_part(package: zipfile.ZipFile, parse_xml) -> str | None:
    """The zip name of the comments part, from the main document's relationships."""
    try:
        rels = parse_xml(package.read("word/_rels/document.xml.rels"))
    except KeyError:
        return None
    for rel in rels.iter(_RELS + "Relationship"):
        if rel.get("Type", "").endswith(_COMMENTS_TYPE) and rel.get("TargetMode") != "External":
            target = rel.get("Target", "").lstrip("/")
            name = target if target.startswith("word/") else f"word/{target}"
            return name if name in package.namelist() else None
    return None
