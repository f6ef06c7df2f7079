"""``audit outline`` as a Word file: the skeleton of ``auditor.skeleton`` in the official look of ``-o docx:``
(``docx_style``), the notes as review comments on the title and the headings; no times (``docx_package``).
Pure: an ``Outline`` in, bytes out (the ``docx`` extra)."""
from __future__ import annotations

from ..extras import missing
from ..skeleton import PLACEHOLDER, Outline
from .docx_package import add_comment, document_bytes, own_properties
from .docx_style import official_look


def render_skeleton_docx(plan: Outline) -> bytes:
    """The skeleton as a Word document in the official look: the title, headings typed with their
    markers, notes as comments (no times: same plan, same bytes)."""
    try:
        import docx
    except ImportError:
        raise missing("docx", "生成 Word 提纲") from None
    document = docx.Document()
    if not hasattr(document, "add_comment"):
        raise missing("docx", "生成 Word 提纲", upgrade=True)
    official_look(document)
    own_properties(document, plan.title)
    title = document.add_paragraph(style="Title")
    _annotate(document, title.add_run(plan.title), plan.preface)
    document.add_paragraph(plan.opening)
    for part in plan.parts:
        heading = document.add_paragraph(style="Heading 1")
        _annotate(document, heading.add_run(part.heading), part.notes)
        document.add_paragraph(PLACEHOLDER)
    return document_bytes(document)


def _annotate(document, run, lines: tuple[str, ...]) -> None:
    add_comment(document, run, list(lines), author="audit outline", initials="audit")
