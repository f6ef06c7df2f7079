"""``-o docx:PATH``: the review as Word comments (批注) in a copy of the draft — how reviewers return drafts.

Each gap becomes one comment, in plain Chinese (the finding, what to add, the legal basis), anchored on
the paragraph of its evidence when that lies in the part the gap is about, else on that part's
heading, else on the title (a missing part); a summary comment on the title gives the verdict and the
counts. Author "法治政府建设年度报告审查", no time (``docx_package``). Plain comments only (``word/comments.xml``, no threaded
"modern comment" parts), which Word, WPS and LibreOffice all show.

For a .docx input the comments go into the user's own document: only the comment markers and the
comments part are added, every other part and every paragraph stays as it was. Lines of the .docx
reading are its paragraphs and table rows (``auditor.read.docx``); they are matched back to the
document's elements by their text, so a reader that leaves out a paragraph (a table of contents) does
not shift the anchors. For any other input a clean .docx of the text is made (one paragraph per
paragraph of the text, hard wraps joined; numbered headings in heading styles; an issuer line above
"…年度情况报告" that the title was read from joins it in one title paragraph) with the same comments.
Pure: bytes or text in, bytes out (the ``docx`` extra: python-docx ≥ 1.2).
"""
from __future__ import annotations

import io
from dataclasses import replace

from ..errors import AuditorError
from ..extras import missing
from ..models import AuditResult
from ..renumber import renumbered
from ..verdict import verdict
from .docx_package import AUTHOR, add_comment, document_bytes, own_properties
from .docx_style import official_look
from .labels import PART_LABELS
from .rows import finding_groups, part_rows, severity_counts

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def review_comments(a: AuditResult) -> list[tuple[int | None, list[str]]]:
    """(line to anchor on, paragraphs of the comment) for the summary and then every gap, in the
    report's order of work; ``None`` means the title (or the first paragraph)."""
    said = verdict(a)
    counts = "，".join(f"{label} {n} 项" for label, n in severity_counts(a)) or "无"
    parts = "；".join(f"{row['part']}：{row['status_label']}" for row in part_rows(a))
    summary = [f"审查结论：{said.text}", f"问题：{counts}（各条见相应位置的批注）", f"五个部分：{parts}",
               f"得分 {a.score:g}/100；规则集 {a.rulebook_id} {a.rulebook_version}"] if a.is_report else \
              [f"审查结论：{said.text}", *a.notes]
    out: list[tuple[int | None, list[str]]] = [(a.meta.title_line, summary)]
    spans = {p.id: (p.line, p.end_line) for p in a.parts if p.line}
    for group in finding_groups(a):
        for f in group["findings"]:
            text = [f"【{f['severity_label']}】{f['title']}（{f['status_label']}）", f"问题：{f['message']}"]
            if f["suggestion"]:
                text.append(f"建议：{f['suggestion']}")
            text += [f"依据：{f['basis']}", f"检查项：{f['id']}"]
            out.append((_anchor(f, a, spans), text))
    return out


def _anchor(f: dict, a: AuditResult, spans: dict) -> int | None:
    """The evidence line when it lies in the gap's own part (or the gap is about the whole text),
    else the part's heading, else the title."""
    result = next(r for r in a.results if r.rule_id == f["id"])
    span = spans.get(result.part)
    if f["line"] and (result.part not in PART_LABELS or (span and span[0] <= f["line"] <= span[1])):
        return f["line"]
    return span[0] if span else None


def render_docx_review(a: AuditResult, text: str, original: bytes | None = None) -> bytes:
    """The commented .docx: ``original`` (the audited .docx) with comments added, or, without it, a clean
    document of ``text`` (what the report was audited from) with the same comments, which then cite
    the produced document's paragraphs ("第12段", "第一部分（三）第2段"), not the lines of ``text``."""
    docx = _python_docx()
    if original is not None:
        document = docx.Document(io.BytesIO(original))
        anchors = _docx_anchors(document, text)
    else:
        document, anchors, paragraph_of = _clean_document(docx, a, text)
        a = replace(renumbered(a, paragraph_of), format="docx")
    first = next((runs for runs in anchors.values() if runs), None)
    title = anchors.get(a.meta.title_line) or first
    for line, paragraphs in review_comments(a):
        runs = anchors.get(line) if line is not None else None
        runs = runs or title
        if runs is None:
            raise AuditorError("文档中没有可以加批注的文字")
        add_comment(document, runs, paragraphs)
    return document_bytes(document)


def _python_docx():
    try:
        import docx
    except ImportError:
        raise missing("docx", "写出带批注的 Word 文档") from None
    if not hasattr(docx.document.Document, "add_comment"):
        raise missing("docx", "写出带批注的 Word 文档", upgrade=True)
    return docx


def _docx_anchors(document, text: str) -> dict[int, list]:
    """Line number (1-based) → runs to anchor a comment on, for each line of ``text`` found in the body.

    Lines and body elements (paragraphs, table rows) are aligned in order by their text without
    whitespace: a line may carry a heading marker that Word draws by numbering ("一、"), so an
    element matches a line that ends with its text."""
    from docx.text.run import Run

    elements = list(_blocks(document.element.body))
    anchors: dict[int, list] = {}
    at = 0
    for number, line in enumerate(text.split("\n"), 1):
        key = _squeeze(line)
        if not key:
            continue
        for j in range(at, min(len(elements), at + 50)):   # a reader may skip a few (a table of contents)
            own = _squeeze(_element_text(elements[j]))
            if own and key.endswith(own) and len(own) * 2 >= len(key) - 8:
                runs = [Run(r, document._body) for r in _runs(elements[j])]
                if runs:
                    anchors[number] = runs
                at = j + 1
                break
    return anchors


def _blocks(parent):
    """Body paragraphs and table rows in document order, as the .docx reader walks them."""
    for child in parent:
        if child.tag == _W + "p":
            yield child
        elif child.tag == _W + "tbl":
            yield from (tr for tr in child if tr.tag == _W + "tr")
        elif child.tag in (_W + "sdt", _W + "sdtContent", _W + "customXml"):
            yield from _blocks(child)


def _element_text(element) -> str:
    skip = (_W + "del", _W + "delText", _W + "instrText", _W + "txbxContent")
    return "".join(t.text or "" for t in element.iter(_W + "t")
                   if not any(a.tag in skip for a in t.iterancestors()))


def _runs(element) -> list:
    """The runs with text of a paragraph or table row (not inside deletions or text boxes)."""
    return [r for r in element.iter(_W + "r")
            if r.find(_W + "t") is not None and not any(a.tag in (_W + "del", _W + "txbxContent")
                                                           for a in r.iterancestors())]


def _squeeze(text: str) -> str:
    return "".join(text.split())


def _clean_document(docx, a: AuditResult, text: str):
    """A plain document of ``text``: the title centred, numbered headings in Heading 1–4, other
    paragraphs as they are (hard-wrapped lines joined). Returns (document, paragraph number → runs,
    the paragraph number of each line of ``text``; a blank line takes the paragraph before it)."""
    from ..text.normalize import normalize_text
    from ..text.sections import parse_sections

    view = normalize_text(text)
    levels = {s.line: s.level for s in parse_sections(view)}
    document = docx.Document()
    official_look(document)
    own_properties(document, a.meta.title or "")
    above = _title_above(view, a.meta)
    anchors: dict[int, list] = {}
    paragraph_of = [0] * len(view.lines)
    number, p = 0, None
    for paragraph in view.paragraphs:
        first = paragraph.lines[0]
        body = "".join(view.lines[n - 1].strip() for n in paragraph.lines)
        if first == a.meta.title_line and above is not None:   # the title's second line, in the same paragraph
            p.runs[-1].add_break()
            anchors[number].append(p.add_run(body))
        else:
            number += 1
            if first in (a.meta.title_line, above):
                p = document.add_paragraph(style="Title")
            elif first in levels and len(paragraph.lines) == 1:
                p = document.add_paragraph(style=f"Heading {min(levels[first], 4)}")
            else:
                p = document.add_paragraph()
            anchors[number] = [p.add_run(body)]
        for n in paragraph.lines:
            paragraph_of[n - 1] = number
    for i in range(len(paragraph_of)):   # blank lines: the paragraph before (or the first)
        paragraph_of[i] = paragraph_of[i] or (paragraph_of[i - 1] if i else 1)
    return document, anchors, tuple(paragraph_of)


def _title_above(view, meta) -> int | None:
    """The line of the paragraph just above the title line when the title was read over both
    ("某某区司法局" / "2020年法治政府建设年度情况报告", see ``text.meta``), else None."""
    index = next((i for i, p in enumerate(view.paragraphs) if p.lines[0] == meta.title_line), 0)
    if not index or not meta.title:
        return None
    above, own = view.paragraphs[index - 1], view.norm[meta.title_line - 1]
    line = above.lines[0]
    joined = len(above.lines) == 1 and len(meta.title) == len(view.norm[line - 1]) + len(own)
    return line if joined and meta.title != own else None
