"""Real law text for tests: /work/shared/wetten-echt, read from `../shared` beside the repository.

Law text is not ours to copy into the project, so the tests read it where it lies. Where `../shared`
is absent such a test skips; in CI (KADERDIFF_ECHTE_CLIENTS=verplicht) it fails instead, like the tests
with real clients. KADERDIFF_WETTEN_ECHT points elsewhere (e.g. from a git worktree one level deeper).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import REPO

WPO = "BWBR0003420-2016-08-01.xml"
WEB = "BWBR0007625-2016-08-01.xml"


def echte_wetmap() -> Path:
    return Path(os.environ.get("KADERDIFF_WETTEN_ECHT") or REPO.parent / "shared" / "wetten-echt")


def echte_wet(naam: str) -> Path:
    """The path of one real law file; skips (locally) or fails (CI) when it is not there."""
    pad = echte_wetmap() / naam
    if not pad.is_file():
        if os.environ.get("KADERDIFF_ECHTE_CLIENTS") == "verplicht":
            pytest.fail(f"echte wettekst {pad} ontbreekt, maar is verplicht (CI)")
        pytest.skip(f"echte wettekst {pad} ontbreekt (../shared staat niet naast de repository)")
    return pad
