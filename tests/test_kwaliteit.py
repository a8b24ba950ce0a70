"""The code stays ruff- and mypy-clean (the team agreement), checked with the real tools."""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO


def test_ruff_schoon() -> None:
    resultaat = subprocess.run([sys.executable, "-m", "ruff", "check", "kaderdiff", "tests", "bench"],
                               cwd=REPO, capture_output=True, text=True)
    assert resultaat.returncode == 0, resultaat.stdout + resultaat.stderr


def test_mypy_schoon() -> None:
    resultaat = subprocess.run([sys.executable, "-m", "mypy"], cwd=REPO, capture_output=True, text=True)
    assert resultaat.returncode == 0, resultaat.stdout + resultaat.stderr
