"""Shared test helpers: real git repositories with kaders, made in tmp_path, and the real CLI."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

from kaderdiff.cli.app import main

REPO = Path(__file__).resolve().parents[1]
KADERS = REPO / "kaders"
VOORBEELD = REPO / "docs" / "voorbeeld-kader.xml"
VERWACHT = Path(__file__).parent / "data" / "verwacht"

# Fixed identity and dates: commits (and so everything derived from them) are reproducible.
GIT_OMGEVING = {
    "GIT_AUTHOR_NAME": "Beleidsmedewerker", "GIT_AUTHOR_EMAIL": "beleid@example.nl",
    "GIT_COMMITTER_NAME": "Beleidsmedewerker", "GIT_COMMITTER_EMAIL": "beleid@example.nl",
    "GIT_AUTHOR_DATE": "2026-05-20T10:00:00+02:00", "GIT_COMMITTER_DATE": "2026-05-20T10:00:00+02:00",
}


def git_cmd(repo: Path, *args: str) -> str:
    """Run real git in `repo` with a fixed identity and date."""
    omgeving = {**os.environ, **GIT_OMGEVING}
    return subprocess.run(["git", *args], cwd=repo, env=omgeving, check=True, capture_output=True,
                          text=True).stdout.strip()


def commit_alles(repo: Path, bericht: str) -> str:
    git_cmd(repo, "add", "-A")
    git_cmd(repo, "commit", "-q", "-m", bericht)
    return git_cmd(repo, "rev-parse", "HEAD")


def maak_repo(pad: Path, kaders: Path | None = KADERS) -> Path:
    """A fresh git repository at `pad` holding a copy of `kaders` (the shipped samples by default)."""
    pad.mkdir(parents=True, exist_ok=True)
    git_cmd(pad, "init", "-q", "-b", "main")
    if kaders is not None:
        shutil.copytree(kaders, pad / "kaders")
        commit_alles(pad, "Kaders overgenomen")
    return pad


@pytest.fixture(autouse=True)
def eigen_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test its own cache folder (grondslag index): nothing leaks between tests or into ~/.cache."""
    map_ = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("KADERDIFF_CACHE", str(map_))
    return map_


@pytest.fixture
def kaderrepo(tmp_path: Path) -> Path:
    """A git repo with the sample kaders committed on main."""
    return maak_repo(tmp_path / "repo")


def kd(args: Sequence[str], cwd: Path | None = None) -> tuple[int, str, str]:
    """Run the kaderdiff CLI in-process (as the user would type it); returns (exit, stdout, stderr)."""
    uit, fout = io.StringIO(), io.StringIO()
    oud = Path.cwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(uit), contextlib.redirect_stderr(fout):
            code = main(list(args))
    finally:
        os.chdir(oud)
    return code, uit.getvalue(), fout.getvalue()


def kd_proces(args: Sequence[str], cwd: Path, omgeving: dict[str, str] | None = None, tijdslimiet: float = 600,
              voor_start: Callable[[], None] | None = None) -> subprocess.CompletedProcess[str]:
    """Run kaderdiff as a separate process (`python -m kaderdiff`), optionally with extra environment
    variables, a shorter time limit, or a function run in the child before it starts (umask, rlimit)."""
    env = {**os.environ, **(omgeving or {})}
    return subprocess.run([sys.executable, "-m", "kaderdiff", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=tijdslimiet, env=env, preexec_fn=voor_start)


def kaders_sha(kaders: Path = KADERS) -> dict[str, str]:
    """sha256 of every file under a kaders directory."""
    return {p.relative_to(kaders).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(kaders.rglob("*")) if p.is_file()}


def map_sha(map_: Path) -> dict[str, str]:
    """sha256 of every file under a directory (hidden ones too), by relative path."""
    return {p.relative_to(map_).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(map_.rglob("*")) if p.is_file()}


@pytest.fixture(scope="session", autouse=True)
def bronkaders_blijven_ongewijzigd() -> Iterator[None]:
    """Over the whole test run, no command changed a byte under the repository's own kaders/."""
    voor = kaders_sha()
    yield
    na = kaders_sha()
    gewijzigd = sorted(set(voor) ^ set(na) | {n for n in set(voor) & set(na) if voor[n] != na[n]})
    assert not gewijzigd, f"de bronkaders van de repository zijn gewijzigd tijdens de tests: {gewijzigd}"


def sample_kaders() -> list[Path]:
    return sorted(KADERS.glob("[0-9][0-9][0-9][0-9]/*.xml"))


def leg_vast(repo: Path, bericht: str) -> None:
    git_cmd(repo, "add", "-A")
    git_cmd(repo, "commit", "-q", "--no-verify", "-m", bericht)


@pytest.fixture
def kadersrepo(tmp_path: Path) -> Path:
    """A kaders repository made by `kaderdiff init`, holding the sample kaders on main."""
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


def merge(repo: Path, *opties: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "merge", "--no-edit", *opties, "hun"], cwd=repo, capture_output=True, text=True,
                          env={**os.environ, **GIT_OMGEVING})


def docx_links(docx: Path) -> list[tuple[str, str]]:
    """(text, target) of every w:hyperlink in a docx's body, resolved through its relationships."""
    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    with zipfile.ZipFile(docx) as z:
        rels = etree.fromstring(z.read("word/_rels/document.xml.rels"))
        doel = {r.get("Id"): (r.get("Target"), r.get("TargetMode")) for r in rels}
        body = etree.fromstring(z.read("word/document.xml"))
    uit = []
    for link in body.iter(f"{w}hyperlink"):
        target, modus = doel[link.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")]
        assert modus == "External"
        uit.append(("".join(t.text or "" for t in link.iter(f"{w}t")), target))
    return uit
