"""Install hints for optional components come from the distribution's metadata, never 'auditor[...]'
(auditor is not on PyPI; that name belongs to another package)."""
from __future__ import annotations

import re
from importlib import metadata

import pytest

from auditor import extras
from ..conftest import ROOT

DECLARED = ['click>=8.1', 'tomli>=2; python_version < "3.11"', 'python-docx>=1.2; extra == "docx"',
            'lxml>=4.9; extra == "docx"', 'pdf_oxide<0.4,>=0.3.78; extra == "pdf"',
            'python-docx>=1.2; extra == "web"', 'auditor[docx,pdf]; extra == "all"', 'pytest>=7; extra == "test"']


@pytest.fixture
def declared(monkeypatch):
    monkeypatch.setattr(metadata, "requires", lambda name: DECLARED if name == "auditor" else None)


def test_an_extra_lists_its_own_requirements_lower_bound_first(declared):
    assert extras.requirements("docx") == ["python-docx>=1.2", "lxml>=4.9"]
    assert extras.requirements("pdf") == ["pdf_oxide>=0.3.78,<0.4"]
    assert extras.requirements("test") == ["pytest>=7"]


def test_an_extra_of_extras_is_expanded_once(declared):
    assert extras.requirements("all") == ["python-docx>=1.2", "lxml>=4.9", "pdf_oxide>=0.3.78,<0.4"]


def test_unknown_extra_or_uninstalled_distribution_falls_back_to_the_checkout(declared, monkeypatch):
    assert extras.requirements("nope") == []
    assert extras.install_hint("nope") == "在本仓库目录中 pip install '.[nope]'"

    def absent(name):
        raise metadata.PackageNotFoundError(name)
    monkeypatch.setattr(metadata, "requires", absent)
    assert extras.requirements("pdf") == []


def test_hint_names_the_packages_and_the_checkout_form(declared):
    hint = extras.install_hint("pdf")
    assert hint.startswith("pip install 'pdf_oxide>=0.3.78,<0.4'") and "'.[pdf]'" in hint
    assert extras.install_hint("docx", upgrade=True).startswith("pip install -U 'python-docx>=1.2' 'lxml>=4.9'")
    error = extras.missing("pdf", "读取 .pdf 文件")
    assert extras.install_hint("pdf") in str(error) and "auditor[" not in str(error)


def test_installed_metadata_declares_every_extra_of_pyproject():
    """The running install matches pyproject.toml (reinstall with pip install -e . after editing extras)."""
    try:
        import tomllib
    except ModuleNotFoundError:   # Python 3.10
        import tomli as tomllib
    table = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    name = re.compile(r"^[A-Za-z0-9._-]+")
    for extra, specs in table.items():
        if extra in ("all", "test"):
            continue
        wanted = [name.match(s).group(0).lower().replace("_", "-") for s in specs]
        got = [name.match(s).group(0).lower().replace("_", "-") for s in extras.requirements(extra)]
        assert got == wanted, extra


def test_no_message_in_the_package_names_the_pypi_project():
    offenders = [p.relative_to(ROOT).as_posix() for p in (ROOT / "auditor").rglob("*.py")
                 if re.search(r"""pip install (-U )?['"]auditor\[[^]]*\]['"]""", p.read_text(encoding="utf-8"))]
    assert offenders == []
