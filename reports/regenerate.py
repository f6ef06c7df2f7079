"""Regenerate ``reports/``: the terminal, Markdown and HTML report of every seed, with the shipped rulebook.

    python reports/regenerate.py           # rewrite the files
    python reports/regenerate.py --check   # exit 1 and list the files that are stale

``tests/test_reports_fresh.py`` fails when a file here differs from what this script would write.
"""
from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "reports"


def expected() -> dict[Path, str]:
    """Every generated file and its content; paths in the reports are relative to the checkout."""
    from auditor import audit_source, load_rulebook
    from auditor.read import read_path
    from auditor.render.html import render_html
    from auditor.render.markdown import render_markdown
    from auditor.render.terminal import render_terminal

    rulebook = load_rulebook()
    out = {}
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        source = replace(read_path(str(seed)), path=seed.relative_to(ROOT).as_posix())
        result = audit_source(source, rulebook)
        out[REPORTS / f"{seed.stem}.txt"] = render_terminal(result, width=100)
        out[REPORTS / f"{seed.stem}.md"] = render_markdown([result], rulebook)
        out[REPORTS / f"{seed.stem}.html"] = render_html([result], rulebook)
    return out


def stale(files: dict[Path, str]) -> list[Path]:
    """Files missing or different from ``files``."""
    return [p for p, text in files.items() if not p.is_file() or p.read_text(encoding="utf-8") != text]


def main(argv: list[str]) -> int:
    files = expected()
    if "--check" in argv:
        old = stale(files)
        for path in old:
            print(f"过期：{path.relative_to(ROOT)}")
        return 1 if old else 0
    for path, text in files.items():
        path.write_text(text, encoding="utf-8", newline="\n")
    print(f"已生成 {len(files)} 个文件到 {REPORTS.relative_to(ROOT)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
