"""Fixtures for every test (the helpers themselves live in tests/hulp/), and the `traag` marker.

`traag` (slow) marks what the quick run `pytest -m "not traag"` leaves out: every test that starts a real client
(`echte_client`: LibreOffice, pandoc, Chromium, pip), fuzzing (every property test with generated input,
hypothesis' `@given`) and the tests that kill a build midway. A module of such tests sets
`pytestmark = pytest.mark.traag` itself; a real-client or hypothesis test gets the marker here.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.hulp.bwbserver import Server, bwb_server
from tests.hulp.draai import kd
from tests.hulp.echte_clients import vereist
from tests.hulp.paden import KADERS, kaders_sha
from tests.hulp.repos import git_cmd, leg_vast, maak_repo


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        hypothesis = getattr(getattr(item, "obj", None), "is_hypothesis_test", False)
        if item.get_closest_marker("echte_client") is not None or hypothesis:
            item.add_marker(pytest.mark.traag)


@pytest.fixture(autouse=True)
def eigen_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test its own cache folder (grondslag index): nothing leaks between tests or into ~/.cache."""
    map_ = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("KADERDIFF_CACHE", str(map_))
    return map_


@pytest.fixture(scope="session", autouse=True)
def bronkaders_blijven_ongewijzigd() -> Iterator[None]:
    """Over the whole test run, no command changed a byte under the repository's own kaders/."""
    voor = kaders_sha()
    yield
    na = kaders_sha()
    gewijzigd = sorted(set(voor) ^ set(na) | {n for n in set(voor) & set(na) if voor[n] != na[n]})
    assert not gewijzigd, f"de bronkaders van de repository zijn gewijzigd tijdens de tests: {gewijzigd}"


@pytest.fixture
def voorbeeldrepo(tmp_path: Path) -> Path:
    """A plain git repository with the sample kaders committed on main."""
    return maak_repo(tmp_path / "repo")


@pytest.fixture
def initrepo(tmp_path: Path) -> Path:
    """A kaders repository made by `kaderdiff init` (merge driver, commit check), holding the sample kaders on
    main."""
    repo = tmp_path / "kaders-van-de-inspectie"
    code, _, fout = kd(["init", str(repo)])
    assert code == 0, fout
    git_cmd(repo, "checkout", "-q", "-b", "main")
    for jaar in ("2025", "2026"):
        shutil.copytree(KADERS / jaar, repo / "kaders" / jaar)
    for wet in (KADERS / "wetten").iterdir():
        shutil.copytree(wet, repo / "kaders" / "wetten" / wet.name)
    leg_vast(repo, "Kaders overgenomen")
    return repo


@pytest.fixture
def server() -> Iterator[Server]:
    """A BWB repository on 127.0.0.1 (tests/hulp/bwbserver.py): routes are set by the test."""
    with bwb_server() as staat:
        yield staat


@pytest.fixture
def starts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A `soffice` on PATH that records each start (pid and arguments), then runs the real soffice; read the
    starts with `echte_clients.kantoorstarts`."""
    echt = vereist("soffice")
    map_ = tmp_path / "bin"
    map_.mkdir()
    logboek = tmp_path / "starts.txt"
    script = map_ / "soffice"
    script.write_text(f'#!/bin/sh\necho "$$ $*" >> "{logboek}"\nexec "{echt}" "$@"\n', encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{map_}{os.pathsep}{os.environ['PATH']}")
    return logboek
