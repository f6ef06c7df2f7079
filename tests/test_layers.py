"""The core never imports the CLI, the terminal, template or web libraries: only the front ends
(``cli*``, ``web.py``) and ``render`` may; only the front ends import renderers."""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "auditor"
FORBIDDEN = {"click", "rich", "jinja2", "starlette", "uvicorn"}
FRONT_ENDS = ("cli", "__main__", "web.py")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
        elif isinstance(node, ast.ImportFrom) and node.level and node.module and node.module.startswith("render"):
            names.add("render")
    return names


def test_core_does_not_import_cli_or_terminal_libraries():
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel.startswith((*FRONT_ENDS, "render/")):
            continue
        bad = _imports(path) & (FORBIDDEN | {"render"})
        if bad:
            offenders.append((rel, sorted(bad)))
    assert offenders == []


def test_only_the_cli_imports_renderers():
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel.startswith((*FRONT_ENDS, "render/")):
            continue
        if "render" in _imports(path):
            offenders.append(rel)
    assert offenders == []


def test_the_web_front_end_does_not_need_the_terminal_libraries():
    assert _imports(PACKAGE / "web.py") & {"click", "rich"} == set()


def _auditor_imports(path: Path) -> set[str]:
    """Subpackages and modules of ``auditor`` that ``path`` imports (relative imports resolved)."""
    rel = path.relative_to(PACKAGE).with_suffix("").parts
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = list(rel[:len(rel) - node.level])
            target = base + (node.module.split(".") if node.module else [])
            names.add(target[0] if target else node.names[0].name)
    return names


def test_lower_layers_do_not_import_higher_ones():
    """Reading and text utilities (term matching included) sit under the checks; the rulebook's data
    model and loader build matchers without the checks (only ``lint`` and ``examples`` run them)."""
    higher = {"checks", "engine", "api", "scoring", "batch", "render", "cli", "explain"}
    offenders = []
    for layer in ("read", "text", "rulebook"):
        for path in sorted((PACKAGE / layer).glob("*.py")):
            if layer == "rulebook" and path.stem in ("lint", "examples"):
                continue
            bad = _auditor_imports(path) & higher
            if bad:
                offenders.append((path.relative_to(PACKAGE).as_posix(), sorted(bad)))
    assert offenders == []
