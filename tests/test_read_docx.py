"""Word .docx input: paragraphs and tables in order, auto-numbered headings rebuilt, clear refusals."""
from __future__ import annotations

import io
import sys
import zipfile

import pytest

from auditor import audit_file
from auditor.api import audit_source, audit_text
from auditor.errors import AuditorError, InputError
from auditor.read import read_bytes
from auditor.read.numbering import format_number
from auditor.text.markers import parse_marker
from auditor.text.normalize import fold

from .conftest import SEEDS
from .documents import (W, docx_from_text, number_paragraph, numbering_xml, set_numbering,
                        signature, standard_markers)

docx = pytest.importorskip("docx")


@pytest.fixture(scope="module")
def baseline(rulebook):
    return {path.name: signature(audit_file(str(path), rulebook)) for path in SEEDS}


def save(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def lines_of(data: bytes) -> list[str]:
    return read_bytes(data, "draft.docx").text.split("\n")


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_auto_numbered_docx_audits_like_the_txt(seed, rulebook, baseline):
    text = seed.read_text(encoding="utf-8")
    data, numbered = docx_from_text(text, "numbered")
    headings = sum(1 for line in text.split("\n") if line.strip() and parse_marker(fold(line)))
    assert numbered >= headings * 0.7   # most heading markers exist only as Word numbering
    source = read_bytes(data, seed.stem + ".docx")
    assert source.format == "docx"
    assert signature(audit_source(source, rulebook)) == baseline[seed.name]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_heading_styles_without_numbering_audit_like_standard_markers(seed, rulebook):
    text = seed.read_text(encoding="utf-8")
    levels = {parse_marker(fold(line)).level for line in text.split("\n") if line.strip() and parse_marker(fold(line))}
    assert levels == set(range(1, max(levels) + 1))   # so style level N is marker level N
    data, styled = docx_from_text(text, "styles")
    assert styled > 0
    expected = signature(audit_text(standard_markers(text), rulebook))
    assert signature(audit_source(read_bytes(data, "x.docx"), rulebook)) == expected


def test_rebuilt_markers_are_the_ones_word_shows():
    document = docx.Document()
    set_numbering(document, numbering_xml())
    for text, level in (("总体情况", 0), ("依法决策", 1), ("规范执法", 1), ("制度建设", 2), ("存在的不足", 0),
                        ("执法不够规范", 1)):
        number_paragraph(document.add_paragraph(text), 1, level)
    document.add_paragraph("正文段落不编号。")
    assert lines_of(save(document)) == ["一、总体情况", "（一）依法决策", "（二）规范执法", "1.制度建设",
                                        "二、存在的不足", "（一）执法不够规范", "正文段落不编号。"]


def test_formats_and_restart_rules():
    levels = (("chineseCountingThousand", "第%1章"), ("ideographTraditional", "%2、"),
              ("decimalEnclosedCircle", "%3"), ("upperRoman", "%4."))
    document = docx.Document()
    set_numbering(document, numbering_xml(levels, restart_levels=False))
    for text, level in (("总则", 0), ("甲项", 1), ("乙项", 1), ("分则", 0), ("丙项", 1), ("要点", 2), ("细目", 3)):
        number_paragraph(document.add_paragraph(text), 1, level)
    # w:lvlRestart 0: level 2 does not restart after a new level-1 item
    assert lines_of(save(document)) == ["第一章 总则", "甲、甲项", "乙、乙项", "第二章 分则", "丙、丙项", "①要点", "I.细目"]


def test_list_instances_share_counters_unless_restarted():
    document = docx.Document()
    set_numbering(document, numbering_xml(num_ids=(1, 2, 3), overrides={3: 1}))
    for num_id in (1, 1, 2, 3, 3):
        number_paragraph(document.add_paragraph("标题"), num_id, 0)
    assert [line[:2] for line in lines_of(save(document))] == ["一、", "二、", "三、", "一、", "二、"]


def test_numbering_linked_to_a_heading_style():
    from docx.oxml import parse_xml

    document = docx.Document()
    set_numbering(document, numbering_xml())
    style = document.styles["Heading 2"].element
    style.get_or_add_pPr().insert(0, parse_xml(
        f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>'))
    for text in ("严格依法决策", "规范行政执法"):
        document.add_paragraph(text, style="Heading 2")
    assert lines_of(save(document)) == ["（一）严格依法决策", "（二）规范行政执法"]


def test_heading_style_fallback_skips_a_lone_title():
    document = docx.Document()
    document.add_paragraph("某某区2023年法治政府建设年度报告", style="Heading 1")
    for text, style in (("主要举措和成效", "Heading 2"), ("依法决策", "Heading 3"), ("存在的不足和原因", "Heading 2"),
                        ("二、已手工编号的标题", "Heading 2")):
        document.add_paragraph(text, style=style)
    assert lines_of(save(document)) == ["某某区2023年法治政府建设年度报告", "一、主要举措和成效", "（一）依法决策",
                                        "二、存在的不足和原因", "二、已手工编号的标题"]


def test_tables_are_one_line_per_row_and_line_numbers_are_paragraph_numbers(rulebook):
    from docx.table import Table

    data, _ = docx_from_text(SEEDS[1].read_text(encoding="utf-8"), "numbered", table=True)
    lines = read_bytes(data, "x.docx").text.split("\n")
    assert "行政复议案件\t12件" in lines
    blocks = []   # the document's paragraphs and table rows, in order
    for block in docx.Document(io.BytesIO(data)).iter_inner_content():
        if isinstance(block, Table):
            blocks.extend("\t".join(cell.text for cell in row.cells) for row in block.rows)
        else:
            blocks.append(block.text)
    assert len(lines) == len(blocks)
    assert all(block.strip() in line for line, block in zip(lines, blocks))   # line N is block N
    result = audit_source(read_bytes(data, "x.docx"), rulebook)
    heading = next(p for p in result.parts if p.id == "shortcomings")
    assert blocks[heading.line - 1] and blocks[heading.line - 1] in lines[heading.line - 1]


def test_deleted_and_hidden_text_are_not_read():
    from docx.oxml import parse_xml

    document = docx.Document()
    paragraph = document.add_paragraph("保留")
    paragraph._p.append(parse_xml(f'<w:del xmlns:w="{W}" w:id="1" w:author="a"><w:r><w:delText>已删除</w:delText>'
                                  "</w:r></w:del>"))
    paragraph._p.append(parse_xml(f'<w:ins xmlns:w="{W}" w:id="2" w:author="a"><w:r><w:t>新增</w:t></w:r></w:ins>'))
    paragraph._p.append(parse_xml(f'<w:r xmlns:w="{W}"><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>'))
    assert lines_of(save(document)) == ["保留新增"]


@pytest.mark.parametrize("name,data", [
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600),
    ("old.wps", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600),
    ("locked.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600),
    ("truncated.docx", None),
    ("sheet.docx", None),
], ids=["doc", "wps", "encrypted-docx", "truncated-zip", "xlsx-renamed"])
def test_refused_word_inputs_give_one_line_and_exit_2(tmp_path, invoke, name, data):
    if name == "truncated.docx":
        data = docx_from_text("一、标题\n正文。", "plain")[0][:300]
    elif name == "sheet.docx":
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as zf:
            zf.writestr("[Content_Types].xml", '<Types><Override ContentType="application/vnd.openxmlformats-'
                                               'officedocument.spreadsheetml.sheet.main+xml"/></Types>')
            zf.writestr("xl/workbook.xml", "<workbook/>")
        data = buf.getvalue()
    path = tmp_path / name
    path.write_bytes(data)
    result = invoke("check", path)
    assert result.exit_code == 2
    assert len([ln for ln in result.stderr.splitlines() if ln.strip()]) == 1
    assert name in result.stderr and "Traceback" not in result.stderr
    with pytest.raises(InputError):
        read_bytes(data, name)


def test_zip_bomb_refused_from_declared_sizes(monkeypatch):
    import auditor.read.docx as reader

    data, _ = docx_from_text("一、标题\n正文。", "plain")
    declared = sum(i.file_size for i in zipfile.ZipFile(io.BytesIO(data)).infolist())
    read_bytes(data, "ok.docx")   # within the limit: read
    monkeypatch.setattr(reader, "MAX_UNPACKED_BYTES", declared - 1)
    opened = []
    monkeypatch.setattr(zipfile.ZipFile, "open", lambda *a, **k: opened.append(a) or pytest.fail("decompressed"))
    with pytest.raises(InputError):
        read_bytes(data, "bomb.docx")
    assert opened == []


def test_docx_through_standard_input(invoke, rulebook, baseline):
    import json

    data, _ = docx_from_text(SEEDS[2].read_text(encoding="utf-8"), "numbered")
    result = invoke("check", "-", "--format", "json", input=data)
    assert result.exit_code in (0, 1), result.stderr
    report = json.loads(result.stdout)
    report = report["reports"][0] if "reports" in report else report
    assert {p["id"]: p["status"] for p in report["parts"]} == dict(baseline[SEEDS[2].name][1])


def test_missing_extra_names_it(monkeypatch):
    data, _ = docx_from_text("一、标题\n正文。", "plain")
    monkeypatch.setitem(sys.modules, "docx", None)
    with pytest.raises(AuditorError) as err:
        read_bytes(data, "a.docx")
    from auditor.extras import install_hint

    assert install_hint("docx") in str(err.value)


@pytest.mark.parametrize("n,fmt,shown", [(3, "chineseCounting", "三"), (12, "chineseCountingThousand", "十二"),
                                         (2, "ideographTraditional", "乙"), (4, "decimalEnclosedCircle", "④"),
                                         (7, "decimalZero", "07"), (28, "upperLetter", "BB"), (9, "lowerRoman", "ix"),
                                         (10, "ideographDigital", "一〇"), (5, "chineseLegalSimplified", "伍")])
def test_number_formats(n, fmt, shown):
    assert format_number(n, fmt) == shown


def test_damaged_packages_never_crash():
    """Random byte damage: the reader either reads the file or refuses it with an AuditorError."""
    import random

    data, _ = docx_from_text(SEEDS[3].read_text(encoding="utf-8"), "numbered")
    rnd = random.Random(5)
    for _ in range(80):
        damaged = bytearray(data)
        for _ in range(rnd.randint(1, 30)):
            damaged[rnd.randrange(len(damaged))] = rnd.randrange(256)
        try:
            read_bytes(bytes(damaged[: rnd.randrange(len(damaged))] if rnd.random() < 0.3 else damaged), "x.docx")
        except AuditorError:
            pass
