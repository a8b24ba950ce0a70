"""The cyclic garbage collector: off while a command runs, with one collection after each task of `voer_uit`."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import weakref
from pathlib import Path

import pytest

from kaderdiff.uitvoer.parallel import voer_uit

_OPGERUIMD: list[int] = []


class _Knoop:
    """An object in a reference cycle: only the cyclic collector frees it."""

    def __init__(self, nummer: int) -> None:
        self.zelf = self
        weakref.finalize(self, _OPGERUIMD.append, nummer)


def _taak(nummer: int) -> tuple[bool, int, list[int]]:
    """Leaves one cycle behind; says whether the collector is on, in which process, and what was freed so far."""
    _Knoop(nummer)
    return gc.isenabled(), os.getpid(), list(_OPGERUIMD)


def _controleer_opruimen(processen: int) -> None:
    """The tasks run without the collector, and each one's cycles are collected after it (in its own process)."""
    _OPGERUIMD.clear()
    was_aan = gc.isenabled()
    uitkomsten = list(voer_uit(_taak, [1, 2, 3, 4], processen))
    assert gc.isenabled() == was_aan
    assert not any(aan for aan, _, _ in uitkomsten)
    for (_, pid, opgeruimd), nummer in zip(uitkomsten, [1, 2, 3, 4], strict=True):
        eerder_hier = [n for (_, p, _), n in zip(uitkomsten, [1, 2, 3, 4], strict=True) if p == pid and n < nummer]
        assert opgeruimd == eerder_hier  # the cycles of the earlier tasks in this process, not yet this one's
    if processen == 1:
        assert _OPGERUIMD == [1, 2, 3, 4]
    else:
        assert os.getpid() not in {pid for _, pid, _ in uitkomsten}


def test_elke_taak_zonder_opruimer_en_daarna_opgeruimd() -> None:
    _controleer_opruimen(1)


def test_elke_taak_in_een_werkproces_zonder_opruimer_en_daarna_opgeruimd() -> None:
    """In a fresh interpreter: `voer_uit` forks only while the process has one thread, and a thread another test
    left behind (a test server's handler) would make it work here instead, which is right but not under test."""
    if sys.platform != "linux":
        pytest.skip("werkprocessen door fork: alleen op Linux")
    wortel = Path(__file__).resolve().parents[2]
    proces = subprocess.run([sys.executable, "-c", "from tests.uitvoer.test_parallel import _controleer_opruimen; "
                             "_controleer_opruimen(2); print('goed')"],
                            cwd=wortel, capture_output=True, text=True, check=False, timeout=120)
    assert (proces.returncode, proces.stdout) == (0, "goed\n"), proces.stderr[-2000:]


def test_de_opdracht_zelf_start_zonder_opruimer_en_bevriest_alles_aan_het_eind() -> None:
    """The console entry point (as `python -m kaderdiff` runs it) turns the collector off before the command,
    and leaves every object out of the collection Python makes on exit."""
    code = ("import atexit, gc, sys; import kaderdiff.cli.app as app; "
            "app.main = lambda: atexit.register(lambda: print(gc.get_freeze_count() > 1000)) and "
            "print(gc.isenabled(), gc.get_freeze_count()) or 3; app.start()")
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert (uit.returncode, uit.stdout) == (3, "False 0\nTrue\n")
