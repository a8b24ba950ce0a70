"""Real git repositories with kaders, made in tmp_path, with a fixed identity and dates."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from tests.hulp.paden import KADERS

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


def leg_vast(repo: Path, bericht: str) -> None:
    """Commit everything without the pre-commit hook (an editor's commit in a repository made by init)."""
    git_cmd(repo, "add", "-A")
    git_cmd(repo, "commit", "-q", "--no-verify", "-m", bericht)


def maak_repo(pad: Path, kaders: Path | None = KADERS) -> Path:
    """A fresh git repository at `pad` holding a copy of `kaders` (the shipped samples by default)."""
    pad.mkdir(parents=True, exist_ok=True)
    git_cmd(pad, "init", "-q", "-b", "main")
    if kaders is not None:
        shutil.copytree(kaders, pad / "kaders")
        commit_alles(pad, "Kaders overgenomen")
    return pad


def merge(repo: Path, *opties: str) -> subprocess.CompletedProcess[str]:
    """`git merge hun` in `repo` (the merge driver runs for every kader both sides changed)."""
    return subprocess.run(["git", "merge", "--no-edit", *opties, "hun"], cwd=repo, capture_output=True, text=True,
                          env={**os.environ, **GIT_OMGEVING})
