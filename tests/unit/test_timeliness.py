"""meta.published_on_time (auditor/checks/timeliness.py): by 3月31日 of the year after the report year."""
from __future__ import annotations

from .minireport import outcome, report


def _page(date_line: str, year: int = 2023) -> str:
    return "当前位置：首页 > 政务公开\n" + date_line + "\n" + report(year)


def test_published_after_the_deadline_is_late_with_the_line():
    result = outcome("meta.published_on_time", _page("发布时间：2024-04-12 09:30 来源：某县司法局"))
    assert result.status == "fail" and result.evidence[0].line == 2
    assert dict(result.details)["deadline"] == "2024-03-31"


def test_published_on_time():
    assert outcome("meta.published_on_time", _page("发布日期：2024-03-28")).status == "pass"


def test_signature_date_counts_when_the_page_gives_none():
    late = report(2022) + "\n某县人民政府\n2023年6月8日\n"
    early = report(2022) + "\n某县人民政府\n2023年1月15日\n"
    assert outcome("meta.published_on_time", late).status == "fail"
    result = outcome("meta.published_on_time", early)
    assert result.status == "pass" and dict(result.details)["source"] == "signature"


def test_no_date_is_said_not_failed():
    assert outcome("meta.published_on_time", report(2023)).status == "skip"
