"""The package's front door: ``import auditor`` loads nothing of the library until a public name is
used (PEP 562), and the ``audit`` command starts in ``auditor.__main__:run``, which turns garbage
collection off only while the command line's modules import."""
from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys

import pytest

import auditor

from .conftest import ROOT

PUBLIC = ("audit_file", "audit_source", "audit_text", "load_rulebook")


def python(code: str, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run ``code`` in a fresh interpreter (the package as a new process sees it)."""
    return subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, env=env)


def last_json(proc: subprocess.CompletedProcess):
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_import_auditor_loads_neither_the_api_nor_the_rulebook_loader():
    found = last_json(python(
        "import sys, json, auditor\n"
        "before = {m: m in sys.modules for m in ('auditor.api', 'auditor.rulebook.loader', 'auditor.engine')}\n"
        "print(json.dumps(before))\n"))
    assert found == {"auditor.api": False, "auditor.rulebook.loader": False, "auditor.engine": False}


def test_the_public_names_import_on_first_use_and_are_the_library_functions():
    found = last_json(python(
        "import sys, json\n"
        "from auditor import audit_text, audit_file, audit_source, load_rulebook\n"
        "import auditor, auditor.api, auditor.rulebook.loader as loader\n"
        "print(json.dumps({'api': [f is getattr(auditor.api, f.__name__) for f in (audit_text, audit_file, audit_source)],\n"
        "                  'loader': load_rulebook is loader.load_rulebook and auditor.load_rulebook is load_rulebook,\n"
        "                  'loaded': 'auditor.api' in sys.modules}))\n"))
    assert found == {"api": [True, True, True], "loader": True, "loaded": True}


def test_attribute_access_gives_the_same_objects_in_this_process():
    from auditor import api
    from auditor.rulebook import loader

    assert auditor.audit_text is api.audit_text and auditor.audit_file is api.audit_file
    assert auditor.audit_source is api.audit_source and auditor.load_rulebook is loader.load_rulebook


def test_star_import_gives_every_public_name():
    names: dict = {}
    exec("from auditor import *", names)   # noqa: S102  the statement itself is what is tested
    assert set(auditor.__all__) <= set(names)
    assert names["audit_text"] is auditor.audit_text


@pytest.mark.parametrize("name", ["audit", "nonexistent_name", "__wrapped__", "Audit_text"])
def test_an_unknown_attribute_raises_attribute_error(name):
    with pytest.raises(AttributeError):
        getattr(auditor, name)
    assert not hasattr(auditor, name)


def test_a_submodule_not_yet_imported_is_still_found_by_from_import():
    found = last_json(python(
        "import json, auditor\n"
        "from auditor import scoring\n"
        "print(json.dumps(scoring.__name__))\n"))
    assert found == "auditor.scoring"


def test_dir_lists_the_public_names():
    listed = dir(auditor)
    assert set(auditor.__all__) <= set(listed)
    assert listed == sorted(listed)


def test_dir_lists_them_before_any_is_used():
    found = last_json(python("import json, sys, auditor\n"
                             "print(json.dumps([dir(auditor), 'auditor.api' in sys.modules]))\n"))
    assert set(PUBLIC) | {"__version__"} <= set(found[0]) and found[1] is False


# --- the ``audit`` command --------------------------------------------------------------------------

def test_the_audit_script_names_a_callable_that_exists():
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    target = project["project"]["scripts"]["audit"]
    module, _, attr = target.partition(":")
    assert (module, attr) == ("auditor.__main__", "run")
    assert callable(getattr(importlib.import_module(module), attr))


def test_importing_main_runs_nothing():
    proc = python("import auditor.__main__ as m, json; print(json.dumps(callable(m.run)))")
    assert last_json(proc) is True and proc.stderr == ""


def test_python_m_auditor_version_exits_0_and_prints_the_version():
    proc = subprocess.run([sys.executable, "-m", "auditor", "--version"], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert auditor.__version__ in proc.stdout


def test_run_with_version_exits_0():
    proc = python("import sys, auditor.__main__ as m\nsys.argv = ['audit', '--version']\nm.run()\n")
    assert proc.returncode == 0, proc.stderr
    assert auditor.__version__ in proc.stdout


def test_run_gives_an_unknown_option_the_usage_exit_code():
    """Exit codes pass through ``run`` unchanged (click's usage error: 2)."""
    proc = python("import sys, auditor.__main__ as m\nsys.argv = ['audit', '--no-such-option']\nm.run()\n")
    assert proc.returncode == 2


_GC_AFTER_RUN = """
import gc, json, sys
import auditor.__main__ as m
sys.argv = ['audit', '--version']
try:
    m.run()
except SystemExit as done:
    code = done.code
print(json.dumps({'code': code, 'enabled': gc.isenabled(), 'frozen': gc.get_freeze_count() > 0,
                  'cli': 'auditor.cli' in sys.modules}))
"""


def test_collection_is_on_again_and_the_start_up_objects_frozen_after_the_import_phase():
    assert last_json(python(_GC_AFTER_RUN)) == {"code": 0, "enabled": True, "frozen": True, "cli": True}


def test_the_command_itself_runs_with_collection_on():
    found = last_json(python(
        "import gc, json, sys\n"
        "import auditor.cli, auditor.__main__ as m\n"
        "auditor.cli.main = lambda: print(json.dumps({'enabled': gc.isenabled()}))\n"
        "gc.enable()\n"
        "m.run()\n"))
    assert found == {"enabled": True}


def test_collection_is_on_again_when_the_command_line_fails_to_import():
    found = last_json(python(
        "import gc, json, sys\n"
        "import auditor.__main__ as m\n"
        "sys.modules['auditor.cli'] = None   # an import that fails\n"
        "try:\n"
        "    m.run()\n"
        "except ImportError:\n"
        "    print(json.dumps({'enabled': gc.isenabled()}))\n"))
    assert found == {"enabled": True}


def test_audit_check_through_python_m_gives_the_library_s_statuses(rulebook):
    """The whole command through ``run`` (collection off, frozen, on again): the rule statuses of an
    in-process ``audit_file``."""
    from auditor import audit_file

    from .conftest import SEEDS

    env = {**os.environ, "AUDITOR_NO_CACHE": "1"}
    proc = subprocess.run([sys.executable, "-m", "auditor", "check", str(SEEDS[0]), "-f", "json"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, env=env)
    assert proc.returncode in (0, 1), proc.stderr
    statuses = {c["id"]: c["status"] for c in json.loads(proc.stdout)["reports"][0]["checks"]}
    assert statuses == {r.rule_id: r.status for r in audit_file(str(SEEDS[0]), rulebook).results}
