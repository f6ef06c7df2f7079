"""Shared fixtures: the repository root, the default rulebook, a CLI runner."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))

# Tests must not depend on (or write to) the user's cache.
os.environ.setdefault("AUDITOR_NO_CACHE", "1")
# Unexpected exceptions raise with their traceback instead of becoming one line (or a 规则出错 result);
# the tests of that last line of defence unset it.
os.environ.setdefault("AUDITOR_DEBUG", "1")

# Property tests: a few seconds in CI; HYPOTHESIS_PROFILE=thorough for a long local run.
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile("ci", max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=3000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def rulebook():
    from auditor import load_rulebook

    return load_rulebook()


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def invoke(runner):
    """Run ``audit ARGS…`` through click's runner; real tracebacks surface."""
    from auditor.cli import main

    def run(*args, input=None):
        return runner.invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)

    return run


def seed_text(name: str) -> str:
    return (ROOT / "seeds" / name).read_text(encoding="utf-8")
