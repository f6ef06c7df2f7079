"""--previous-dir: each report paired with the same issuer's report of the year before, by metadata."""
from __future__ import annotations

import json
import shutil

from auditor.previous import Described, PreviousIndex, issuer_key

from .conftest import SEEDS

CONTINUITY = ("continuity.unfollowed_plan", "continuity.copied", "continuity.repeated_shortcoming")


def _year_earlier(text: str, year: int) -> str:
    """The same body's report one year earlier: every year named moves back by one."""
    for y in range(year - 1, year + 2):
        text = text.replace(f"{y}年", f"{y - 1}年")
    return text


def test_reports_are_paired_by_issuer_and_year(invoke, tmp_path):
    current, previous = tmp_path / "2023", tmp_path / "2022"
    current.mkdir()
    previous.mkdir()
    shutil.copy(SEEDS[1], current / "a.txt")        # 2023, a district government
    shutil.copy(SEEDS[0], current / "b.txt")        # 2020, a department with no previous report given
    text = SEEDS[1].read_text(encoding="utf-8")
    (previous / "x.txt").write_text(_year_earlier(text, 2023), encoding="utf-8")
    (previous / "y.txt").write_text(text, encoding="utf-8")   # same body, same year: not last year's
    doc = json.loads(invoke("check", current, "--previous-dir", previous, "-f", "json").stdout)
    paired, alone = doc["reports"]
    statuses = {c["id"]: c["status"] for c in paired["checks"]}
    assert all(statuses[i] != "skip" for i in CONTINUITY)
    assert statuses["continuity.copied"] == "fail"   # last year's text, years changed: copied passages
    assert any(str(previous / "x.txt") in n for n in paired["notes"])
    assert {c["id"]: c["status"] for c in alone["checks"]}["continuity.copied"] == "skip"
    assert any("--previous-dir" in n for n in alone["notes"])


def test_previous_and_previous_dir_exclude_each_other(invoke, tmp_path):
    result = invoke("check", SEEDS[1], "--previous", SEEDS[0], "--previous-dir", tmp_path)
    assert result.exit_code == 2


def test_issuer_names_of_one_body_match():
    index = PreviousIndex((Described("p1", "北京市某区人民政府", 2022), Described("p2", "某区司法局", 2022),
                           Described("p3", "某区政府", 2021)))
    assert index.find("某区政府", 2023)[0] == "p1"
    assert index.find("中共某区委 某区人民政府", 2023)[0] == "p1"
    assert index.find("某区司法局", 2023)[0] == "p2"
    assert index.find("另一区司法局", 2023)[0] is None
    assert index.find("某区政府", 2022)[0] == "p3"
    assert index.find(None, 2023) == (None, index.find(None, 2023)[1]) and index.find("某区政府", None)[0] is None
    assert issuer_key("区政府") == "区政府" and index.find("区政府", 2023)[0] is None   # too short to name a body
