"""``--format junit``: JUnit XML for GitLab, Jenkins and other CI test reports.

One ``<testsuite>`` per report, one ``<testcase>`` per check (classname = the part or the kind of
check, name = rule id and title). Only a check that fails the gate (``scoring.blocks``: an unwaived
failed check at or above the run's ``fail_level``) is a ``<failure>``, so a CI test panel counts
exactly what makes the exit code 1: five passing reports show no failed tests. Any other gap (a
warning, a partial item) is a passed testcase whose ``<system-out>`` carries the finding, evidence,
suggestion and basis. ``failures="gaps"`` restores the earlier reading, where every failed or
partial check is a ``<failure>`` (``--junit-failures gaps``). With a score threshold
(``fail_under``) one more testcase says whether the score reached it. A check that does not apply
is ``<skipped>``, and so is a waived one (with the waiver's reason). A file that is not an annual
report gets one failing testcase saying so; a file that could not be read gets a testsuite with
one ``<error>``, so it cannot vanish from the CI report.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET

from ..models import AuditResult, Result
from ..rulebook.model import Rulebook
from ..scoring import blocks
from .labels import KIND, LEVEL, PART_LABELS, SEVERITY, plain_basis, status_label
from ..text.lazy import lazy_compile

# Characters XML 1.0 cannot carry even escaped (control codes that PDF extraction may leave behind).
_NOT_XML = lazy_compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


FAILURE_MODES = ("gate", "gaps")


def render_junit(results: list[AuditResult], rulebook: Rulebook, failures=(), junit_failures: str = "gate") -> str:
    """The JUnit XML document as a string; deterministic (no timestamps, times are 0).

    ``junit_failures``: ``"gate"`` (only gate-failing checks are failures) or ``"gaps"`` (every
    failed or partial check is). Raises ``ValueError`` for anything else.
    """
    if junit_failures not in FAILURE_MODES:
        raise ValueError(f"junit_failures must be one of {FAILURE_MODES}, not {junit_failures!r}")
    root = ET.Element("testsuites", name=f"auditor · {rulebook.id} {rulebook.version}")
    for audit in results:
        root.append(_suite(audit, rulebook, junit_failures == "gaps"))
    for failure in failures:
        suite = _element("testsuite", name=failure.path, tests="1", failures="0", errors="1", skipped="0", time="0")
        case = _element("testcase", classname="读取", name="读取报告文件", file=failure.path, time="0")
        case.append(_element("error", message=failure.message, type="unreadable"))
        suite.append(case)
        root.append(suite)
    totals = {k: sum(int(s.get(k)) for s in root) for k in ("tests", "failures", "errors", "skipped")}
    for key, value in totals.items():
        root.set(key, str(value))
    root.set("time", "0")
    ET.indent(root, space="  ")
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _suite(audit: AuditResult, rulebook: Rulebook, every_gap: bool) -> ET.Element:
    suite = _element("testsuite", name=audit.path)
    props = ET.SubElement(suite, "properties")
    m = audit.meta
    for name, value in (("title", m.title), ("issuer", m.issuer), ("year", m.year),
                        ("level", LEVEL.get(m.level, m.level)), ("score", f"{audit.score:g}"),
                        ("passed", "true" if audit.passed else "false"), ("rulebook", f"{rulebook.id} {rulebook.version}"),
                        ("sha256", audit.sha256)):
        if value not in (None, ""):
            props.append(_element("property", name=name, value=str(value)))
    cases = [_case(r, audit.path, every_gap or blocks(r, audit.fail_level)) for r in audit.results]
    if audit.fail_under > 0:
        cases.append(_score_case(audit))
    if not audit.is_report:
        case = _element("testcase", classname="报告", name="是否为法治政府建设年度报告", file=audit.path, time="0")
        case.append(_element("failure", message="；".join(audit.notes) or "不是年度报告", type="not_a_report"))
        cases = [case]
    for case in cases:
        suite.append(case)
    counts = {"failures": sum(1 for c in cases if c.find("failure") is not None),
              "errors": sum(1 for c in cases if c.find("error") is not None),
              "skipped": sum(1 for c in cases if c.find("skipped") is not None)}
    suite.set("tests", str(len(cases)))
    suite.set("failures", str(counts["failures"]))
    suite.set("errors", str(counts["errors"]))
    suite.set("skipped", str(counts["skipped"]))
    suite.set("time", "0")
    return suite


def _case(r: Result, path: str, is_failure: bool) -> ET.Element:
    classname = PART_LABELS.get(r.part or "", KIND.get(r.kind, r.kind))
    case = _element("testcase", classname=classname, name=f"{r.rule_id} {r.title}", file=path, time="0")
    if r.waived:
        case.append(_element("skipped", message=f"已豁免：{r.waived}"))
    elif r.status == "skip":
        case.append(_element("skipped", message=r.message))
    elif r.status == "error":   # the rule could not run on this report (规则出错): a JUnit error, not a failure
        case.append(_element("error", message=r.message, type="rule_error"))
    elif r.status in ("fail", "partial"):
        label = f"[{SEVERITY[r.severity]}·{status_label(r.status, r.kind)}] "
        if is_failure:
            failure = _element("failure", message=label + r.message, type=f"{r.status}.{r.severity}")
            failure.text = _clean(_detail(r))
            case.append(failure)
        else:   # a gap that does not fail the gate: reported, not counted as a failed test
            ET.SubElement(case, "system-out").text = _clean(label + _detail(r))
    return case


def _score_case(audit: AuditResult) -> ET.Element:
    case = _element("testcase", classname="门禁", name=f"gate.score 得分不低于 {audit.fail_under:g}",
                    file=audit.path, time="0")
    if audit.is_report and audit.score < audit.fail_under:
        case.append(_element("failure", message=f"得分 {audit.score:g}，低于 {audit.fail_under:g}", type="score"))
    return case


def _detail(r: Result) -> str:
    lines = [r.message]
    for e in r.evidence:
        where = f"第{e.page}页 " if e.page else ""
        lines.append(f"{where}第{e.line}行：{e.text}")
    if r.searched:
        lines.append(f"查找范围：{r.searched}")
    if r.suggestion:
        lines.append(f"建议：{r.suggestion}")
    lines.append(f"依据：{plain_basis(r.basis)}")
    return "\n".join(lines)


def _element(tag: str, **attrs: str) -> ET.Element:
    return ET.Element(tag, {k: _clean(str(v)) for k, v in attrs.items()})


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)
