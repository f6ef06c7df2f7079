"""The scorecard of published evaluation criteria for one report (definitions and sources: docs/scorecard.md).

Five indicators that third-party evaluators of these reports use, each computed from the audit
result and the report text, never from a file name:

* ``on_time`` — published by 31 March of the year after the report year (督察规定 第二十四条:
  public "每年4月1日之前"), as the rulebook's ``timeliness`` check found it; ``unknown`` when the
  text shows neither a publication nor a signature date;
* ``complete`` — share (0–100) of the required elements present: the four mandatory parts
  (present 1, weak ½) and the report's name, issuer and year;
* ``concreteness`` — figures, cases and cited documents per part, and per 1,000 characters;
* ``causes`` — whether the shortcomings part analyses causes (the rulebook's ``causes`` check);
* ``follow_up`` — share of last year's plan items taken up this year (the ``unfollowed_plan``
  check; ``None`` without a previous-year report).
"""
from __future__ import annotations


from .models import AuditResult
from .text.lazy import lazy_compile

MANDATORY_PARTS = ("measures", "shortcomings", "leadership", "plans")
_PART_CREDIT = {"present": 1.0, "weak": 0.5, "missing": 0.0}
# A figure is a number with a unit or a percent sign ("办理复议案件45件", "出庭率100%"); years
# ("2023年"), dates ("3月") and heading numbers ("1.") carry no unit from this list and do not count.
_FIGURE = lazy_compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?\s*(?:%|％|‰|万|亿|余|多)?\s*"
                       r"(?:%|％|‰|件|人次|人|次|个|项|家|场|条|份|元|天|日内|小时|户|名|期|部|宗|起|批|篇|套|所|处|平方米|公里|万元|亿元)")
# A case: a concrete instance the report names as such ("典型案例", "例如", "以某某案为例").
_CASE = lazy_compile(r"案例|例如|比如|为例|典型经验|典型做法")
# A cited document: a title in 《》 or a document number ("〔2023〕12号", "[2023]12号").
_DOCUMENT = lazy_compile(r"《[^》\n]{2,60}》|[〔\[［(（]\s*(?:19|20)\d\d\s*[〕\]］)）]\s*\d+\s*号")


def score_card(a: AuditResult, text: str, checks: dict[str, str]) -> dict:
    """The five indicators as plain data; ``checks`` maps quality check names to rule ids."""
    by_id = {r.rule_id: r for r in a.results}
    return {
        "on_time": on_time(by_id.get(checks.get("timeliness", ""))),
        "complete": completeness(a),
        "concreteness": concreteness(a, text),
        "causes": _status(by_id.get(checks.get("causes", ""))),
        "follow_up": follow_up(by_id.get(checks.get("unfollowed_plan", ""))),
    }


def on_time(result) -> dict:
    """``{"value": "on_time" | "late" | "unknown", "published", "deadline", "source"}`` from the
    ``timeliness`` result (dates ISO; ``source`` page or signature); unknown when it was skipped."""
    details = dict(result.details) if result is not None else {}
    value = {"pass": "on_time", "fail": "late"}.get(result.status if result is not None else "", "unknown")
    return {"value": value, "published": details.get("published"), "deadline": details.get("deadline"),
            "source": details.get("source")}


def completeness(a: AuditResult) -> dict:
    """``{"value": 0–100, "missing": [element, …]}`` over the four parts and name, issuer, year."""
    status = {p.id: p.status for p in a.parts}
    credits = {pid: _PART_CREDIT[status.get(pid, "missing")] for pid in MANDATORY_PARTS}
    credits.update(title=float(bool(a.meta.title)), issuer=float(bool(a.meta.issuer)), year=float(bool(a.meta.year)))
    return {"value": round(100 * sum(credits.values()) / len(credits), 1),
            "missing": [k for k, v in credits.items() if v < 1]}


def concreteness(a: AuditResult, text: str) -> dict:
    """Figures, cases and cited documents per mandatory part and for the whole text.

    Each entry: ``chars`` (non-space characters), ``figures``, ``cases``, ``documents`` and
    ``per_1000`` = (figures + cases + documents) per 1,000 characters (0 for an empty part)."""
    lines = text.split("\n")
    parts = {}
    for p in a.parts:
        if p.id in MANDATORY_PARTS:
            spans = p.spans or (((p.line, p.end_line),) if p.line else ())
            parts[p.id] = _count("\n".join(line for start, end in spans for line in lines[start - 1:end]))
    whole = _count(text)
    return {"per_1000": whole["per_1000"], "figures": whole["figures"], "cases": whole["cases"],
            "documents": whole["documents"], "chars": whole["chars"], "parts": parts}


def follow_up(result) -> dict:
    """``{"value": 0–100 | None, "plans", "followed"}`` from the ``unfollowed_plan`` result's rows."""
    rows = dict(result.details).get("plans") if result is not None and result.status != "skip" else None
    if not rows:
        return {"value": None, "plans": 0, "followed": 0}
    followed = sum(1 for row in rows if row.get("line"))
    return {"value": round(100 * followed / len(rows), 1), "plans": len(rows), "followed": followed}


def _count(text: str) -> dict:
    chars = sum(1 for ch in text if not ch.isspace())
    figures, cases, documents = (len(p.findall(text)) for p in (_FIGURE, _CASE, _DOCUMENT))
    per = round(1000 * (figures + cases + documents) / chars, 2) if chars else 0.0
    return {"chars": chars, "figures": figures, "cases": cases, "documents": documents, "per_1000": per}


def _status(result) -> str:
    return "skip" if result is None else result.status
