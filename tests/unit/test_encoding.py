"""Text encodings: every supported encoding of a seed audits like the UTF-8 original; bad bytes are refused."""
from __future__ import annotations

import codecs
import json

import pytest

from auditor.api import audit_source
from auditor.errors import InputError
from auditor.read import read_bytes
from auditor.read.encoding import decode_text

from ..conftest import SEEDS
from ..documents import signature

ENCODINGS = {
    "utf-8-bom": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "utf-16-le-bom": lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
    "utf-16-be-bom": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    "utf-32-bom": lambda t: t.encode("utf-32"),
    "gb18030": lambda t: t.encode("gb18030"),
    "gbk": lambda t: t.encode("gbk"),
    "crlf": lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    "cr": lambda t: t.replace("\n", "\r").encode("utf-8"),
}


@pytest.fixture(scope="module")
def originals(rulebook):
    out = {}
    for path in SEEDS:
        source = read_bytes(path.read_bytes(), path.name)
        out[path.stem] = (source.text, signature(audit_source(source, rulebook)))
    return out


@pytest.mark.parametrize("name", ENCODINGS)
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_encoded_copies_audit_like_the_utf8_original(seed, name, rulebook, originals):
    text, expected = originals[seed.stem]
    source = read_bytes(ENCODINGS[name](text), f"{seed.stem}.txt")
    assert source.text == text.replace("\r\n", "\n")
    assert signature(audit_source(source, rulebook)) == expected


@pytest.mark.parametrize("data", [
    b"", b"   \n\t\r\n  ", "\u3000\n".encode("utf-8"),
    bytes(range(256)) * 8,                                     # binary
    "一、标题\x00正文".encode("utf-8"),                         # a NUL byte in text
    b"abc \x80\x80 def \xff\xfe\xfd",                          # neither UTF-8, GB18030 nor Big5
    codecs.BOM_UTF8 + b"\xff\xfe\xfa",                          # a BOM that lies
], ids=["empty", "whitespace", "ideographic-space", "binary", "nul", "undecodable", "bad-bom"])
def test_unreadable_text_is_refused(data):
    with pytest.raises(InputError):
        read_bytes(data, "bad.txt")


def test_declared_charset_is_only_a_hint():
    text = "现将本年度推进法治政府建设的主要举措和成效报告如下，请审阅。"
    assert decode_text(text.encode("gb18030"), "a.html", "utf-8")[:2] == (text, "gb18030")   # wrong label
    assert decode_text("報告".encode("big5"), "a.html", "big5")[0] == "報告"                  # too short to guess
    assert decode_text(text.encode("utf-8"), "a.html", "no-such-codec")[:2] == (text, "utf-8")
    assert decode_text(text.encode("utf-8"), "a.html", "gb2312")[:2] == (text, "utf-8")     # bytes say UTF-8


def test_standard_input(invoke, rulebook, originals):
    text, expected = originals[SEEDS[0].stem]
    result = invoke("check", "-", "--format", "json", input=text.encode("gb18030"))
    assert result.exit_code in (0, 1), result.stderr
    report = json.loads(result.stdout)
    report = report["reports"][0] if "reports" in report else report
    assert [(p["id"], p["status"]) for p in report["parts"]] == list(expected[1])
    assert [(c["id"], c["status"]) for c in report["checks"]] == list(expected[2])


def test_empty_standard_input_is_refused(invoke):
    result = invoke("check", "-", input=b"")
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1
