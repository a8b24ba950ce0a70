"""Running kaderdiff as the user does: in-process through its real command line, or as a separate process."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from kaderdiff.cli.app import main


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
              voor_start: Callable[[], object] | None = None) -> subprocess.CompletedProcess[str]:
    """Run kaderdiff as a separate process (`python -m kaderdiff`), optionally with extra environment
    variables, a shorter time limit, or a function run in the child before it starts (umask, rlimit)."""
    env = {**os.environ, **(omgeving or {})}
    return subprocess.run([sys.executable, "-m", "kaderdiff", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=tijdslimiet, env=env, preexec_fn=voor_start)
