"""Measure the auditor on a labelled corpus of real documents: accuracy per field and every miss.

Usage: ``python tests/corpus_score.py [CORPUS_DIR] [--quiet]`` (default ``../shared/corpus`` next to the
repository). The corpus holds text files and their truth in ``index-*.jsonl`` (see the corpus README).

How each field is compared (one comparison per document, or per part label):

- ``kind``: the tool's ``AuditResult.kind`` equals the label, on every document.
- ``year``: ``meta.year`` equals ``report_year``, on documents whose year is labelled.
- ``level``: on documents labelled with a level. province/city/county → ``government``, department →
  ``department``, township/street → ``township``; ``person`` is right when the tool recognises the
  look-alike (kind ``personal_report``), ``other`` (news, lists: no reporting body) when the tool does
  not take the document for a report.
- ``issuer``: on documents whose issuer is labelled; both sides are compared after removing spaces and
  folding traditional characters to simplified. A label "A (B)" accepts either name. Right when the
  tool gives the same name, or the name as far as the text gives it (see ``_issuer_ok``: "和平镇" for
  "某县和平镇人民政府"); ``issuer (full name)`` counts exact names only; ``issuer (named in text)``
  is ``issuer`` on the documents whose own text names the body (some labels were inferred from the
  page address or outside knowledge, which a reader of the text cannot see).
- ``published``: on every document; an unlabelled date is right only when the tool gives none.
- ``parts``: on documents labelled ``report``, four labels each (measures, shortcomings, leadership,
  plans). A heading label ``{"line": n}`` is right when the tool places the part at line n (heading,
  sub-heading or content). ``not_visible`` and ``absent`` are right when the tool reports the part
  missing, or weak by content only (no heading claimed). ``merged`` (the part sits inside another part)
  is right unless the tool claims a top-level heading of its own that is not a labelled heading line of
  another part (a heading naming two parts counts for both). ``part headings`` is the same measure on
  heading labels only.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
PART_KEYS = ("measures", "shortcomings", "leadership", "plans")
LEVELS = {"province": "government", "city": "government", "county": "government",
          "department": "department", "township": "township", "street": "township"}


def load_truth(corpus: Path) -> list[dict]:
    """Every labelled document of ``corpus``, in file order."""
    rows = []
    for index in sorted(corpus.glob("index-*.jsonl")):
        for line in index.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rows.append(json.loads(line))
    return sorted(rows, key=lambda r: r["file"])


def _fold(text: str | None) -> str:
    from auditor.text.script import simplifier

    return simplifier()("".join((text or "").split()))


def _kind(audit) -> str:
    # Before document kinds existed the tool only said report / not a report.
    kind = getattr(audit, "kind", None)
    return kind.id if kind else ("report" if audit.is_report else "other")


_BODY_TYPE = re.compile(r"(?:人民政府|政府|办事处)$")
# A name that starts with its own place name: two characters or more, then 省/市/县/区/…/街道
# ("和平镇", "和平区教育局"; not "城市管理局" or "司法厅")
_PROPER = re.compile(r"^[^省市县区州旗盟镇乡街]{2,}(?:省|市|县|区|州|旗|盟|镇|乡|街道|街)")


def _issuer_ok(truth: str, got: str | None, strict: bool = False) -> bool:
    """Does ``got`` name the body labelled ``truth``? Strict: the same full name. Otherwise also the
    name as far as the text gives it: the label ends with it once 人民政府/政府/办事处 is dropped from
    both, and it starts with the body's own place name ("和平镇" for "某县和平镇人民政府",
    "和平区教育局" for "某市和平区教育局"; not "市司法局" or "司法厅")."""
    if not got:
        return False
    names = [truth]
    if "(" in truth:
        head, _, tail = truth.partition("(")
        names = [head, tail.rstrip(")")]
    for name in (_fold(n) for n in names if n.strip()):
        mine = _fold(got)
        if name == mine:
            return True
        if strict:
            continue
        core, own = _BODY_TYPE.sub("", name), _BODY_TYPE.sub("", mine)
        if own and core.endswith(own) and (own == core or _PROPER.match(own)):
            return True
    return False


def _part_ok(label, found, other_lines: set[int]) -> bool:
    placement = getattr(found, "placement", "heading")
    claimed = found.status != "missing" and placement != "content"
    if isinstance(label, dict):
        return found.status != "missing" and found.line == label["line"]
    if label == "merged":
        return not (claimed and placement == "heading" and found.line not in other_lines)
    return not claimed   # not_visible, absent


def _named_in_text(truth: str, text: str) -> bool:
    """Does the document's own text name the labelled body (as far as ``_issuer_ok`` would accept)?
    Some labels were inferred from the page address or from outside knowledge."""
    folded = _fold(text)
    for name in re.split(r"[()]", truth):
        core = _BODY_TYPE.sub("", _fold(name))
        for i in range(len(core) - 1):
            own = core[i:]
            if (own == core or _PROPER.match(own)) and own in folded:
                return True
    return False


def score_document(truth: dict, audit, text: str = "") -> list[tuple[str, bool, str]]:
    """(field, right, what the tool said) for every comparison made on one document."""
    meta = audit.meta
    out = [("kind", _kind(audit) == truth["kind"], _kind(audit))]
    if truth.get("report_year") is not None:
        out.append(("year", meta.year == truth["report_year"], str(meta.year)))
    level = truth.get("level")
    if level in LEVELS:
        out.append(("level", meta.level == LEVELS[level], meta.level))
    elif level == "person":
        out.append(("level", _kind(audit) == "personal_report", f"{meta.level} / {_kind(audit)}"))
    elif level == "other":
        out.append(("level", _kind(audit) != "report", f"{meta.level} / {_kind(audit)}"))
    if truth.get("issuer"):
        out.append(("issuer", _issuer_ok(truth["issuer"], meta.issuer), str(meta.issuer)))
        out.append(("issuer (full name)", _issuer_ok(truth["issuer"], meta.issuer, strict=True), str(meta.issuer)))
        if _named_in_text(truth["issuer"], text):
            out.append(("issuer (named in text)", _issuer_ok(truth["issuer"], meta.issuer), str(meta.issuer)))
    published = getattr(meta, "published", None)
    out.append(("published", (published or None) == truth.get("published"), str(published)))
    if truth["kind"] == "report":
        labels = truth.get("parts") or {}
        found = {p.id: p for p in audit.parts}
        for key in PART_KEYS:
            label = labels.get(key, "not_visible")
            others = {v["line"] for k, v in labels.items() if k != key and isinstance(v, dict)}
            ok = _part_ok(label, found[key], others)
            got = f"{found[key].status} line {found[key].line} {getattr(found[key], 'placement', '')}".strip()
            out.append((f"parts.{key}", ok, got))
            if isinstance(label, dict):
                out.append(("part headings", ok, got))
    return out


def run(corpus: Path, quiet: bool = False, stream=sys.stdout) -> dict[str, float]:
    """Audit every document of ``corpus``; print misses (unless ``quiet``) and the accuracy table.

    Returns {field: accuracy in percent}, with ``parts`` over all part labels.
    """
    from auditor.api import audit_file

    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses = []
    for truth in load_truth(corpus):
        path = corpus / truth["file"]
        audit = audit_file(str(path))
        for field, ok, got in score_document(truth, audit, path.read_text(encoding="utf-8")):
            for name in (field, "parts") if field.startswith("parts.") else (field,):
                tally[name][0] += ok
                tally[name][1] += 1
            if not ok and field not in ("part headings", "issuer (full name)", "issuer (named in text)"):
                expected = _expected(truth, field)
                misses.append(f"{truth['file']}  {field}: expected {expected}, got {got}")
    if not quiet:
        for miss in misses:
            print(miss, file=stream)
        print(file=stream)
    figures = {}
    order = ["kind", "year", "level", "issuer", "issuer (named in text)", "issuer (full name)", "published", "parts", "part headings",
             *(f"parts.{k}" for k in PART_KEYS)]
    for field in order:
        right, total = tally[field]
        figures[field] = 100.0 * right / total if total else 100.0
        print(f"{field:<20} {right:>4}/{total:<4} {figures[field]:6.1f} %", file=stream)
    return figures


def _expected(truth: dict, field: str) -> str:
    if field.startswith("parts."):
        label = (truth.get("parts") or {}).get(field[6:], "not_visible")
        return f"line {label['line']}" if isinstance(label, dict) else label
    key = {"year": "report_year"}.get(field, field)
    return str(truth.get(key))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("--quiet", action="store_true", help="print the figures only, not every miss")
    args = parser.parse_args(argv)
    corpus = Path(args.corpus)
    if not any(corpus.glob("index-*.jsonl")):
        print(f"没有找到语料库标注文件：{corpus}/index-*.jsonl", file=sys.stderr)
        return 2
    run(corpus, args.quiet)
    return 0


if __name__ == "__main__":
    sys.exit(main())
