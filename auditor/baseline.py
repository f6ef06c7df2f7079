"""A waiver baseline: today's findings written as a waiver file, for teams adopting the gate on old reports.

Each failed or partial check that is not already waived becomes one entry, bound to its report by
``path`` (relative to the waiver file's folder), with a placeholder reason to be replaced and an
expiry, so the baseline cannot silently become permanent. The file is read back by
``auditor.waivers.load_waivers`` like any hand-written one.
"""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import yaml

from .models import AuditResult

PLACEHOLDER_REASON = "待补充：写明为什么暂时接受这个缺口（由 audit waivers baseline 生成）"
DEFAULT_DAYS = 90


def baseline_entries(audited: list[AuditResult], waiver_file: str, expires: dt.date) -> list[dict]:
    """One waiver entry per unwaived failed or partial check, in report and rulebook order."""
    folder = Path(os.path.abspath(waiver_file)).parent
    entries = []
    for audit in audited:
        where = Path(os.path.relpath(os.path.abspath(audit.path), folder)).as_posix()
        for r in audit.results:
            if r.status in ("fail", "partial") and not r.waived:
                entries.append({"check": r.rule_id, "path": where, "reason": PLACEHOLDER_REASON,
                                "expires": expires, "title": r.title})
    return entries


def render_baseline(entries: list[dict], today: dt.date) -> str:
    """The waiver file as YAML text with a header comment; each entry's title as a comment above it."""
    lines = [f"# audit waivers baseline 于 {today.isoformat()} 生成：当日审查发现的 {len(entries)} 个缺口。",
             "# 每条的 reason 是占位文字：请逐条写明接受的理由，补不上的缺口应在报告中补写，再删除该条。",
             "# 到期（expires）后该条报错，需要续期或删除。格式见 README“豁免”。", ""]
    for entry in entries:
        body = {k: v for k, v in entry.items() if k != "title"}
        text = yaml.safe_dump([body], allow_unicode=True, sort_keys=False, width=1000)
        lines.append(f"# {entry['title']}")
        lines.append(text.rstrip("\n"))
    return "\n".join(lines) + ("\n" if entries else "[]\n")
