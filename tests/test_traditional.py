"""Traditional characters: matched after conversion to simplified, evidence quoted as written."""
from __future__ import annotations

import pytest

from auditor import audit_file
from auditor.api import audit_source, audit_text
from auditor.read import read_bytes
from auditor.text.script import looks_traditional

from .conftest import SEEDS
from .documents import signature

opencc = pytest.importorskip("opencc")

# Mainland 繁体 sites convert character by character; s2hk and s2tw are the regional character sets.
CONFIGS = ("s2t", "s2hk", "s2tw")


@pytest.fixture(scope="module")
def baseline(rulebook):
    return {path.stem: signature(audit_file(str(path), rulebook)) for path in SEEDS}


@pytest.mark.parametrize("config", CONFIGS)
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_traditional_copy_audits_like_the_original(seed, config, rulebook, baseline):
    traditional = opencc.OpenCC(config).convert(seed.read_text(encoding="utf-8"))
    assert looks_traditional(traditional)
    result = audit_text(traditional, rulebook)
    assert signature(result) == baseline[seed.stem]
    lines = traditional.split("\n")
    quoted = [e for r in result.results for e in r.evidence]
    assert quoted
    for evidence in quoted:   # evidence quotes the traditional original, not the converted text
        assert evidence.text in lines[evidence.line - 1]


def test_traditional_file_through_the_cli(tmp_path, invoke, rulebook, baseline):
    import json

    path = tmp_path / "繁體.txt"
    path.write_text(opencc.OpenCC("s2t").convert(SEEDS[1].read_text(encoding="utf-8")), encoding="utf-8")
    result = invoke("check", path, "--format", "json")
    assert result.exit_code in (0, 1), result.stderr
    report = json.loads(result.stdout)
    report = report["reports"][0] if "reports" in report else report
    assert [(p["id"], p["status"]) for p in report["parts"]] == list(baseline[SEEDS[1].stem][1])


def test_big5_file_is_decoded_and_converted(rulebook, baseline):
    traditional = opencc.OpenCC("s2t").convert(SEEDS[4].read_text(encoding="utf-8"))
    source = read_bytes(traditional.encode("big5", errors="replace"), "big5.txt")
    assert source.encoding == "big5"
    assert signature(audit_source(source, rulebook)) == baseline[SEEDS[4].stem]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_simplified_report_quoting_traditional_text_audits_alike(seed, rulebook, baseline):
    text = seed.read_text(encoding="utf-8")
    assert not looks_traditional(text)
    quote = "參照《澳門特別行政區行政程序法典》與《香港特別行政區政府規劃署條例》中關於聽證與資訊公開的規定，進一步健全制度。"
    lines = text.split("\n")
    lines.insert(len(lines) // 2, quote)
    quoted = "\n".join(lines)
    assert not looks_traditional(quoted)   # the report stays a simplified one; only the quote is converted
    assert signature(audit_text(quoted, rulebook)) == signature(audit_text(text, rulebook))


def test_short_texts_and_texts_without_han():
    assert not looks_traditional("")
    assert not looks_traditional("Annual report 2023")
    assert looks_traditional("這個區關於法治政府建設的報告：執行決議，規範機關職責，積極開展監督。")
