"""Waivers: accepted gaps for the CI gate, each with a reason and, optionally, an expiry and a text anchor.

A waiver file is YAML (read with ``safe_load``): a list of entries, or a mapping whose ``waivers``
key holds that list. Each entry::

    - check: leadership.report_out          # a check id, or an id prefix such as "numbering."
      reason: 述法情况另行专题报告             # required: why the gap is accepted
      expires: 2026-06-30                     # optional: after this day the waiver is an error
      text: 述法工作另行报告                   # optional: only when the report contains this text
      path: drafts/2024.docx                  # optional: only this report (relative to the waiver file)

``text`` anchors a waiver on words of the report, not on line numbers, so it survives edits and
lapses when the passage it relies on is removed. A waived check keeps its status and is shown as
waived with its reason; it no longer counts towards the score or the gate.
"""
from __future__ import annotations

import datetime as dt
import os
import re

from .closest import did_you_mean
from .errors import AuditorError
from .yaml_file import read_yaml
from .models import Result, record

_KEYS = ("check", "reason", "expires", "text", "path")
# Reasons that give no reason: a template's filler or a word typed to get past the required field.
_PLACEHOLDERS = frozenset({"todo", "tbd", "fixme", "reason", "na", "待定", "待补充", "待填写", "待完善", "待确认",
                           "理由", "原因", "豁免理由", "无", "暂无", "略", "同上", "占位", "见上"})
_PLACEHOLDER_START = ("todo", "tbd", "fixme", "待补充", "待填写", "待定")


class WaiverError(AuditorError):
    """A waiver file or entry that cannot be used (exit code 2); names the file and the entry."""


@record
class Waiver:
    """One accepted gap."""

    check: str
    reason: str
    expires: dt.date | None = None
    text: str | None = None
    where: str = ""          # "file:line" of the entry, for messages
    path: str | None = None  # absolute path of the one report it covers, if any
    origin: str = ""         # "第N行的文内豁免" for a directive in the report (auditor.suppressions)

    def label(self) -> str:
        """The reason as shown on a waived check, with where it was written in the report or its expiry."""
        return (self.reason + (f"（{self.origin}）" if self.origin else "")
                + (f"（有效期至 {self.expires.isoformat()}）" if self.expires else ""))


def placeholder_reason(reason: str) -> bool:
    """Does ``reason`` say nothing? Empty or punctuation only, a filler word (TODO, 待定, 理由, 无…), a run of
    x or 某, or text that starts like one (the baseline's "待补充：……", "TODO 以后再写"). Case and
    punctuation are ignored. A waiver with such a reason still applies, with a warning naming it."""
    bare = re.sub(r"[\W_]+", "", reason).casefold()
    return (not bare or bare in _PLACEHOLDERS or bare.startswith(_PLACEHOLDER_START)
            or re.fullmatch(r"x+|某+", bare) is not None)


def placeholder_warnings(waivers: tuple[Waiver, ...], what: str = " 的豁免") -> list[str]:
    """One Chinese line per waiver whose reason is a placeholder, naming where it is (``where`` +
    ``what``: "w.yaml:3 的豁免", or "r.txt 第5行的文内豁免" for the report's own) and its check."""
    return [f"{w.where}{what}（{w.check}）理由“{w.reason}”是占位文字：请写明为什么接受这个缺口"
            for w in waivers if placeholder_reason(w.reason)]


def selector_matches(selector: str, rule_id: str) -> bool:
    """``part.order`` matches that id; ``numbering.`` (or ``numbering``) matches every ``numbering.*`` id."""
    prefix = selector if selector.endswith(".") else selector + "."
    return rule_id == selector or rule_id.startswith(prefix)


def load_waivers(path: str, rule_ids: list[str] | None = None, today: dt.date | None = None) -> tuple[Waiver, ...]:
    """Read and check a waiver file: every entry needs a known check and a reason, and must not be expired.

    ``rule_ids`` (the rulebook's ids) catches typos; ``today`` is injectable for tests.
    """
    today = today or dt.date.today()
    data, text = read_yaml(path, "豁免文件", WaiverError)
    lines = _entry_lines(text)
    if isinstance(data, dict) and set(data) == {"waivers"}:
        data = data["waivers"]
    if data is None:
        return ()
    if not isinstance(data, list):
        raise WaiverError(f"{path}: 豁免文件应为条目列表（每条含 check、reason，可选 expires、text）")
    folder = os.path.dirname(os.path.realpath(path))
    return tuple(_entry(item, n, f"{path}:{lines[n - 1]}" if n <= len(lines) else path, rule_ids, today, folder)
                 for n, item in enumerate(data, 1))


def waiver_for(result: Result, waivers: tuple[Waiver, ...], report_text: str | None = None,
               report_path: str | None = None) -> Waiver | None:
    """The first waiver covering ``result`` (a failed or partial check of the report at ``report_path``)."""
    if result.status not in ("fail", "partial"):
        return None
    for waiver in waivers:
        if (selector_matches(waiver.check, result.rule_id) and _anchored(waiver, result, report_text)
                and _same_file(waiver.path, report_path)):
            return waiver
    return None


def _same_file(wanted: str | None, report_path: str | None) -> bool:
    if wanted is None:
        return True
    return report_path is not None and os.path.realpath(report_path) == wanted


def _anchored(waiver: Waiver, result: Result, report_text: str | None) -> bool:
    if not waiver.text:
        return True
    # Compare without whitespace: a PDF or Word line break may fall inside the fragment.
    fragment = "".join(waiver.text.split())
    haystacks = [e.text for e in result.evidence] + ([report_text] if report_text else [])
    return any(fragment in "".join(h.split()) for h in haystacks)


def _entry(item, n: int, where: str, rule_ids, today: dt.date, folder: str | None = None) -> Waiver:
    check = item.get("check") if isinstance(item, dict) else None
    name = f"{where}: 第{n}条豁免" + (f"（{check}）" if isinstance(check, str) else "")
    if not isinstance(item, dict):
        raise WaiverError(f"{name}: 应为映射（check、reason，可选 expires、text）")
    unknown = sorted(set(item) - set(_KEYS))
    if unknown:
        raise WaiverError(f"{name}: 未知的键 {unknown[0]}（可用：{'、'.join(_KEYS)}）")
    if not isinstance(check, str) or not check.strip():
        raise WaiverError(f"{name}: 缺少 check（要豁免的检查项编号）")
    reason = item.get("reason")
    if not isinstance(reason, str) or not reason.strip():
        raise WaiverError(f"{name}: 缺少豁免理由 reason（每条豁免都必须写明理由）")
    if rule_ids is not None and not any(selector_matches(check, rid) for rid in rule_ids):
        hint = did_you_mean(check, rule_ids)
        raise WaiverError(f"{name}: 规则集中没有检查项 {check}" + (f"，{hint}" if hint else "")
                          + "（用 audit rules list 查看全部编号）")
    expires = _date(item.get("expires"), name)
    if expires is not None and expires < today:
        raise WaiverError(f"{name}: 豁免已于 {expires.isoformat()} 过期，请续期（更新 expires）或删除该条")
    text = item.get("text")
    if text is not None and (not isinstance(text, str) or not text.strip()):
        raise WaiverError(f"{name}: text 应为报告中的一段文字")
    report = item.get("path")
    if report is not None and (not isinstance(report, str) or not report.strip()):
        raise WaiverError(f"{name}: path 应为报告文件的路径（相对于豁免文件所在目录）")
    full = os.path.realpath(os.path.join(folder or ".", report.strip())) if report else None
    return Waiver(check.strip(), reason.strip(), expires, text.strip() if text else None, where, full)


def _date(value, name: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise WaiverError(f"{name}: expires 应为日期，例如 2026-06-30（收到 {value!r}）") from None


def _entry_lines(text: str) -> list[int]:
    """1-based line of each top-level entry, for messages (``safe_load`` forgets positions)."""
    import yaml

    node = yaml.compose(text, Loader=yaml.SafeLoader)
    if isinstance(node, yaml.MappingNode):
        node = next((v for k, v in node.value if getattr(k, "value", None) == "waivers"), None)
    if not isinstance(node, yaml.SequenceNode):
        return []
    return [item.start_mark.line + 1 for item in node.value]
