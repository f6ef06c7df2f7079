"""Property tests (hypothesis) for the normaliser, the parser and the whole audit.

Texts are generated from the material reports are made of — Han words, heading markers 一、（一）1.（1）,
full-width punctuation, odd spaces, digits, word-processor residue — and from the seeds with random
edits, not from arbitrary unicode. ``HYPOTHESIS_PROFILE=thorough`` runs many more examples
(profiles are registered in ``tests/conftest.py``; CI uses the quick default).
"""
from __future__ import annotations

import codecs

from hypothesis import assume, given, strategies as st

from auditor import audit_text
from auditor.read import read_bytes
from auditor.text.meta import extract_meta
from auditor.text.normalize import normalize_line, normalize_text
from auditor.text.sections import parse_sections

from .conftest import SEEDS

WORDS = ("法治政府", "建设", "行政执法", "依法行政", "存在的不足和原因", "下一步", "主要负责人", "第一责任人",
         "年度报告", "三项制度", "行政复议", "重大行政决策", "政务公开", "区人民政府", "司法局", "工作安排",
         "推进", "主要举措和成效", "法治建设", "履行", "職責", "加強", "普法")
MARKERS = ("一、", "二、", "十二、", "（一）", "(二)", "（三）、", "1.", "2、", "１．", "（1）", "(12)", "一是", "第一，")
PUNCT = tuple("，。；：、“”‘’《》（）！？…—·") + ("……", "——")
SPACES = (" ", "  ", "\t", "\u3000", "\u00a0")
RESIDUE = ("[bookmark: _GoBack]", "[bookmark: _Toc123]", "{ PAGE }", "{ HYPERLINK \"http://x\" }",
           "［bookmark: _GoBack］", "[bookm", "ark: x]", "｛ PAGE ｝")
DIGITS = ("2023", "2024年", "１２", "3.5", "100%", "第12条")

han = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
fragment = st.one_of(
    st.sampled_from(WORDS), st.sampled_from(PUNCT), st.sampled_from(SPACES), st.sampled_from(RESIDUE),
    st.sampled_from(DIGITS), st.text(han, min_size=1, max_size=6), st.sampled_from(("a", "AB", "x1", "[", "]", "{")),
)
line = st.builds(lambda marker, parts: marker + "".join(parts),
                 st.one_of(st.just(""), st.sampled_from(MARKERS)), st.lists(fragment, max_size=12))
free_text = st.lists(line, min_size=1, max_size=40).map("\n".join)

SKELETON = ("某区2023年法治政府建设年度报告", "一、2023年推进法治政府建设的主要举措和成效", "二、存在的不足和原因",
            "三、党政主要负责人履行推进法治建设第一责任人职责情况", "四、2024年推进法治政府建设的主要安排")


@st.composite
def report_like(draw):
    """The part headings of a report, with generated lines between them (so the audit runs fully)."""
    out = []
    for heading in SKELETON:
        out.append(heading)
        out.extend(draw(st.lists(line, max_size=6)))
    return "\n".join(out)


@st.composite
def edited_seed(draw):
    """A real report with random lines dropped, doubled or replaced by generated ones."""
    lines = draw(st.sampled_from(SEEDS)).read_text(encoding="utf-8").split("\n")
    for _ in range(draw(st.integers(0, 8))):
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(("drop", "double", "replace", "insert")))
        if action == "drop":
            del lines[i]
        elif action == "double":
            lines.insert(i, lines[i])
        else:
            new = draw(line)
            lines[i: i + (action == "replace")] = [new]
        if not lines:
            lines = [""]
    return "\n".join(lines)


texts = st.one_of(free_text, report_like(), edited_seed())


def test_the_generated_skeleton_is_audited_as_a_report(rulebook):
    """Otherwise the evidence property below would hold vacuously (a non-report has no results)."""
    assert audit_text("\n".join(SKELETON), rulebook).results


def _fold(text: str) -> str:
    return normalize_line(text)[0]


@given(texts)
def test_normalising_and_parsing_never_raise(text):
    view = normalize_text(text)
    assert len(view.norm) == len(view.lines) == len(text.split("\n"))
    sections = parse_sections(view)
    extract_meta(view, sections)
    for section in sections:
        assert 1 <= section.line <= section.end_line <= len(view.lines)


@given(text=texts)
def test_every_evidence_line_exists_and_quotes_that_line(text, rulebook):
    lines = text.split("\n")
    result = audit_text(text, rulebook)
    for check in result.results:
        for evidence in check.evidence:
            assert 1 <= evidence.line <= len(lines), (check.rule_id, evidence)
            assert evidence.text in lines[evidence.line - 1], (check.rule_id, evidence)
    for part in result.parts:
        if part.line is not None:
            assert 1 <= part.line <= len(lines)


@given(st.one_of(line, free_text))
def test_folding_is_idempotent(text):
    """The matching view of a line that is already in matching form is that line itself:
    ``fold(fold(x)) == fold(x)`` for every line ``x`` (NFKC, residue removal, space removal)."""
    for raw in text.split("\n"):
        once = _fold(raw)
        assert _fold(once) == once, (raw, once)
    view = normalize_text(text)
    assert normalize_text("\n".join(view.norm)).norm == view.norm


def _headings(text: str):
    return [(s.line, s.level, s.number, s.title) for s in parse_sections(normalize_text(text))]


@given(st.one_of(report_like(), free_text, edited_seed()))
def test_headings_survive_crlf_bom_and_utf16(text):
    assume(text.strip())
    expected = _headings(text)
    for name, data in {"crlf": text.replace("\n", "\r\n").encode("utf-8"),
                       "bom": codecs.BOM_UTF8 + text.encode("utf-8"),
                       "utf-16": text.encode("utf-16")}.items():
        assert _headings(read_bytes(data, f"report-{name}.txt").text) == expected, name


@given(st.one_of(report_like(), edited_seed()))
def test_headings_survive_a_gb18030_round_trip(text):
    """Without a BOM the encoding is inferred from the bytes, so the text must be long enough to tell
    GB18030 from Big5 and from UTF-8 (any real report is); 6 bytes such as "（一）" are ambiguous."""
    assume(sum(not c.isascii() for c in text) >= 200)
    data = text.encode("gb18030")
    assert _headings(read_bytes(data, "report-gb.txt").text) == _headings(text)
