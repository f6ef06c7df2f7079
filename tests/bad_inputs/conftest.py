"""The matrix runs hundreds of audits: let them share one compiled national rulebook, cached in a
folder of this test run (never the user's cache)."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="package", autouse=True)
def session_rulebook_cache(tmp_path_factory):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
        patch.delenv("AUDITOR_NO_CACHE", raising=False)
        yield
