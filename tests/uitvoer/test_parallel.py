"""The cyclic garbage collector: off while a command runs, with one collection after each task of `voer_uit`."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import weakref

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


@pytest.mark.parametrize("processen", [1, 2])
def test_elke_taak_zonder_opruimer_en_daarna_opgeruimd(processen: int) -> None:
    if processen > 1 and sys.platform != "linux":
        pytest.skip("werkprocessen door fork: alleen op Linux")
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


def test_de_opdracht_zelf_start_zonder_opruimer_en_bevriest_alles_aan_het_eind() -> None:
    """The console entry point (as `python -m kaderdiff` runs it) turns the collector off before the command,
    and leaves every object out of the collection Python makes on exit."""
    code = ("import atexit, gc, sys; import kaderdiff.cli.app as app; "
            "atexit.register(lambda: print(gc.get_freeze_count() > 1000)); "
            "app.main = lambda: print(gc.isenabled(), gc.get_freeze_count()) or 3; app.start()")
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert (uit.returncode, uit.stdout) == (3, "False 0\nTrue\n")
