"""Pair a report with the same issuer's report a year earlier, by metadata (``--previous-dir``).

Each file of the previous-year folder is described once by (issuer, year) as its own text gives
them. A report is paired with the file whose issuer names the same body and whose year is one
less. Issuer names are compared after removing spaces and the words that vary between years for
the same body (中共…委 of a joint report, 人民 in 人民政府, a leading province or city before a district kind of
prefix is allowed by matching on the name's end): "某某市某区人民政府" and "某区政府" pair.
"""
from __future__ import annotations


from .errors import AuditorError
from .read import read_path
from .text.meta import extract_meta
from .text.normalize import normalize_text
from .text.script import looks_traditional, simplifier
from .text.sections import parse_sections
from .text.lazy import lazy_compile
from .models import record

MIN_SUFFIX = 4   # a name's end shorter than this (e.g. "区政府") names no body in particular
_PARTY = lazy_compile(r"^中共|^中国共产党")
_JOINT = lazy_compile(r"^.{1,20}?(?:委员会|党工委|党委|委)(?=.{2,}(?:政府|办事处)$)")


@record
class Described:
    """One previous-year file: its path and what its text says about itself."""

    path: str
    issuer: str | None
    year: int | None


def describe_text(text: str) -> tuple[str | None, int | None, str]:
    """(issuer, year, level) as the report's title and opening give them."""
    view = normalize_text(text, simplifier() if looks_traditional(text) else None)
    meta = extract_meta(view, parse_sections(view))
    return meta.issuer, meta.year, meta.level


def describe_path(path: str) -> Described | None:
    """The file at ``path`` described, or ``None`` when it cannot be read (it is then not paired)."""
    try:
        issuer, year, _ = describe_text(read_path(path).text)
    except AuditorError:
        return None
    return Described(path, issuer, year)


def issuer_key(name: str) -> str:
    """A name reduced to what stays the same for one body across years."""
    key = "".join(name.split())
    key = _PARTY.sub("", key)
    key = _JOINT.sub("", key)
    return key.replace("人民政府", "政府")


@record
class PreviousIndex:
    """The described files of a previous-year folder; ``match`` finds a report's predecessor."""

    files: tuple[Described, ...]

    def find(self, issuer: str | None, year: int | None) -> tuple[str | None, str]:
        """(path, note) of the report of ``issuer`` for ``year - 1``; the note says what was paired or why not."""
        if not issuer:
            return None, "未识别报告主体，无法在 --previous-dir 中配对上一年度报告，未做年度对比"
        if not year:
            return None, "未识别报告年度，无法在 --previous-dir 中配对上一年度报告，未做年度对比"
        key = issuer_key(issuer)
        same_year = [d for d in self.files if d.year == year - 1 and d.issuer]
        exact = [d for d in same_year if issuer_key(d.issuer) == key]
        found = exact or [d for d in same_year if same_body(key, issuer_key(d.issuer))]
        if not found:
            return None, f"--previous-dir 中没有“{issuer}” {year - 1} 年度的报告，未做年度对比"
        chosen = found[0]
        more = f"（另有 {len(found) - 1} 份同一主体同一年度的文件未用）" if len(found) > 1 else ""
        return chosen.path, f"上一年度报告：{chosen.path}（按主体和年度配对：{chosen.issuer} {chosen.year} 年度）{more}"

    def match(self, text: str, year: int | None = None) -> tuple[str | None, str]:
        """``find`` for a report given by its text (``year`` overrides the year the text gives)."""
        issuer, found_year, _ = describe_text(text)
        return self.find(issuer, year or found_year)


def same_body(a: str, b: str) -> bool:
    """Two issuer keys name one body: equal, or one ends with the other ("北京市某区政府", "某区政府")."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= MIN_SUFFIX and long.endswith(short)
