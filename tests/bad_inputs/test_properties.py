"""Property tests: file names made of any bytes, and rulebook patterns generated at random.

A name may hold any byte but "/" and NUL: the audit prints in every machine format, JSON stays
valid, a SARIF URI percent-encodes the name's own bytes, and an error about it is one line. A
random pattern is either refused at load with a reason (never an exception) or runs within the
rule's time limit, whatever it is.
"""
from __future__ import annotations

import json
import os
import time
from urllib.parse import unquote_to_bytes

from hypothesis import HealthCheck, assume, given, settings, strategies as st

from auditor.rulebook import pattern
from auditor.rulebook.regex_safety import regex_problem

from .harness import SEED_BYTES, run_inside

name_bytes = st.binary(min_size=1, max_size=40).filter(lambda b: b"/" not in b and b"\0" not in b
                                                       and b not in (b".", b".."))
# ``tmp_path`` is reused across examples: each example writes its own file and removes it.
reuse_tmp = settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                           HealthCheck.filter_too_much])


@reuse_tmp
@given(name_bytes)
def test_any_file_name_audits_and_prints(tmp_path, raw):
    name = os.fsdecode(raw + b".txt")
    (tmp_path / name).write_bytes(SEED_BYTES)
    given_as = "./" + name   # a name may start with "-", like an option
    try:
        out = run_inside(["check", given_as, "-f", "sarif", "-o", "json:out.json", "-o", "csv:out.csv"], tmp_path, {})
        assert out.code in (0, 1) and out.stderr == "" and "Traceback" not in out.stdout
        sarif = json.loads(out.stdout)
        uri = sarif["runs"][0]["artifacts"][0]["location"]["uri"]
        assert unquote_to_bytes(uri) == raw + b".txt"   # normalised: SARIF paths carry no leading "./"
        assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["reports"][0]["path"] == given_as
        assert sorted(os.listdir(tmp_path)) == sorted([name, "out.json", "out.csv"])
    finally:
        for leftover in os.listdir(tmp_path):
            os.unlink(tmp_path / leftover)


@reuse_tmp
@given(name_bytes)
def test_any_missing_file_name_is_one_error_line(tmp_path, raw):
    out = run_inside(["check", "./" + os.fsdecode(raw + b".txt")], tmp_path, {})
    lines = out.stderr.splitlines()
    assert out.code == 2 and len(lines) == 1 and lines[0].startswith("audit: ") and "Traceback" not in out.stderr
    assert os.listdir(tmp_path) == []


# Patterns from the pieces rulebook regexes (and their accidents) are made of.
ATOMS = st.sampled_from(["法治", "政府", "，", ",", "X", "a", ".", r"\S", r"\s", r"\w", r"\d", "[^。]", "[，。]",
                         "(?:审核|审查)", "(?<!副)", "(?!制度)", "^", "$", r"\b", "[", ")", "\\"])
QUANTIFIERS = st.sampled_from(["", "", "*", "+", "?", "*?", "+?", "{1,99}", "{0,30}", "{2}", "{3,}", "{99999}"])


def _group(inner: str) -> st.SearchStrategy:
    return st.sampled_from(["(" + inner + ")", "(?:" + inner + ")", inner + "|" + inner])


@st.composite
def patterns(draw, depth: int = 3) -> str:
    pieces = []
    for _ in range(draw(st.integers(1, 4))):
        if depth and draw(st.booleans()):
            piece = draw(_group(draw(patterns(depth=depth - 1))))
        else:
            piece = draw(ATOMS)
        pieces.append(piece + draw(QUANTIFIERS))
    return "".join(pieces)


TEXTS = [SEED_BYTES.decode("utf-8")[:4000], "法治" * 300 + "！", "，".join(["法治政府"] * 200) + "X",
         "a" * 2000, ",".join("数据" for _ in range(300)) + "附件"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(patterns(), st.sampled_from(TEXTS))
def test_a_random_pattern_is_refused_with_a_reason_or_bounded_in_time(source, text):
    start = time.process_time()
    problem = regex_problem(source)          # never raises, whatever the pattern
    assert time.process_time() - start < 5
    assume(problem is None)
    limit = 0.2
    original, pattern.RULE_SECONDS = pattern.RULE_SECONDS, limit
    try:
        compiled = pattern.compile_pattern(source)
        with pattern.per_report(), pattern.owned_by("random.rule") as watch:
            start = time.process_time()
            for _ in range(3):                   # three searches of one rule share its time
                compiled.spans(text, 50)
            spent = time.process_time() - start
    finally:
        pattern.RULE_SECONDS = original
    assert spent < limit + 0.5, (source, spent)
    if spent > limit + 0.1:   # well past the limit (not just the bookkeeping around the searches): said so
        assert watch.overrun == source


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(patterns(), st.lists(st.sampled_from(["法治", "政府", "审核", "审查", "副", "制度", "，", ",", "。", "X", "a",
                                             " ", "1"]), max_size=12).map("".join))
def test_words_a_pattern_requires_are_in_every_text_it_matches(source, text):
    """The shortcut that skips compiling and searching (``Pattern.could_match``) never skips a text
    the pattern matches."""
    import regex

    assume(regex_problem(source) is None)   # what loading refuses never runs
    try:
        found = regex.search(source, text, timeout=1)
    except (regex.error, OverflowError, RecursionError, TimeoutError):
        return
    if found is not None:
        assert pattern.Pattern(source).could_match(text), (source, text, pattern.required_words(source))


def test_words_a_pattern_requires():
    assert pattern.required_words("决策[^。]{0,30}征求(?:社会|公众)?意见") == (("决策",), ("征求",), ("意见",))
    assert pattern.required_words("(研究|听取)[^。]{0,20}(?:法治|依法)") == (("听取", "研究"), ("依法", "法治"))
    assert pattern.required_words("(?<![A-Za-z])[Xx×]{1,3}(?:省|市)") == (("X", "x", "×"), ("市", "省"))
    for nothing in ("a|b*", "(?i)abc", "[[:alpha:]]x", "(?:abc){e<=1}", r"\p{Han}+", "x?"):
        assert pattern.required_words(nothing) == ()
