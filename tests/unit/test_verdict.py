"""verdict(result): the outcome in words, from the gate and the gaps (auditor/verdict.py)."""
from __future__ import annotations

from dataclasses import replace

from auditor.models import AuditResult, Meta, Result
from auditor.scoring import gate
from auditor.verdict import verdict


def result(status: str, severity: str, waived: str | None = None) -> Result:
    return Result(f"x.{status}{severity}{bool(waived)}", "item", "measures", status, severity, "t", "m", "b",
                  waived=waived)


def audit(*results: Result, fail_level: str = "error", fail_under: float = 0.0, score: float = 80.0) -> AuditResult:
    passed = gate(results, score, fail_level, fail_under)
    return AuditResult("r.txt", "", True, Meta(None, None, 2023, "government"), (), results, score, passed,
                       fail_level=fail_level, fail_under=fail_under)


def test_errors_must_be_fixed_and_the_rest_is_suggested():
    v = verdict(audit(result("fail", "error"), result("fail", "error"), result("partial", "warning"),
                      result("fail", "info"), result("pass", "error"), result("skip", "error")))
    assert (v.passed, v.must_fix, v.suggested) == (False, 2, 2)
    assert v.text.startswith("未通过") and "2 项必须修改" in v.text and "2 项建议补充" in v.text


def test_a_report_without_errors_can_be_submitted():
    v = verdict(audit(result("fail", "warning"), result("partial", "error"), result("pass", "error")))
    assert (v.passed, v.must_fix, v.suggested) == (True, 0, 2)
    assert v.text.startswith("可以报送") and "2 项建议补充" in v.text


def test_nothing_to_do():
    v = verdict(audit(result("pass", "error")))
    assert v.passed and (v.must_fix, v.suggested) == (0, 0) and v.text.startswith("可以报送")


def test_waived_gaps_count_for_nothing():
    v = verdict(audit(result("fail", "error", waived="已知"), result("partial", "warning", waived="已知")))
    assert (v.passed, v.must_fix, v.suggested, v.waived) == (True, 0, 0, 2)


def test_waived_gaps_are_never_said_to_be_nothing():
    clean = verdict(audit(result("pass", "error"))).text
    for v in (verdict(audit(result("fail", "error", waived="已知"), result("pass", "error"))),
              verdict(audit(result("fail", "error", waived="已知"), result("partial", "warning"))),
              verdict(audit(result("fail", "error", waived="已知"), result("fail", "error")))):
        assert v.waived == 1 and v.text != clean and "1 项" in v.text


def test_the_fail_level_decides_what_must_be_fixed():
    v = verdict(audit(result("fail", "warning"), result("partial", "warning"), fail_level="warning"))
    assert (v.passed, v.must_fix, v.suggested) == (False, 1, 1)


def test_a_low_score_fails_with_its_reason():
    v = verdict(audit(result("partial", "warning"), fail_under=90.0, score=50.0))
    assert not v.passed and v.must_fix == 0 and "50" in v.text and "90" in v.text


def test_passed_is_the_gate_itself():
    a = audit(result("fail", "error"))
    assert verdict(replace(a, passed=True)).passed is True     # never recomputed differently from the gate


def test_not_a_report():
    a = replace(audit(), is_report=False, passed=False)
    v = verdict(a)
    assert not v.passed and v.text.startswith("未审查")
