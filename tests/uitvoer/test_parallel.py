"""The cyclic garbage collector: off while a command loads its modules, on wherever many documents are built."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from collections.abc import Iterator

import pytest

from kaderdiff.uitvoer.parallel import voer_uit


def _stand(_: int) -> tuple[bool, int]:
    return gc.isenabled(), os.getpid()


@pytest.fixture
def zonder_opruimer() -> Iterator[None]:
    was_aan = gc.isenabled()
    gc.disable()
    yield
    if was_aan:
        gc.enable()


@pytest.mark.usefixtures("zonder_opruimer")
def test_werk_in_dit_proces_met_opruimer_en_daarna_weer_zonder() -> None:
    assert [aan for aan, _ in voer_uit(_stand, [1, 2, 3], 1)] == [True, True, True]
    assert not gc.isenabled()


@pytest.mark.skipif(sys.platform != "linux", reason="werkprocessen door fork: alleen op Linux")
@pytest.mark.usefixtures("zonder_opruimer")
def test_werkprocessen_met_opruimer() -> None:
    uitkomsten = list(voer_uit(_stand, [1, 2, 3, 4], 2))
    assert all(aan for aan, _ in uitkomsten)
    assert os.getpid() not in {pid for _, pid in uitkomsten}
    assert not gc.isenabled()


def test_de_opdracht_zelf_start_zonder_opruimer_en_bevriest_alles_aan_het_eind() -> None:
    """The console entry point (as `python -m kaderdiff` runs it) turns the collector off before the command,
    and leaves every object out of the collection Python makes on exit."""
    code = ("import atexit, gc, sys; import kaderdiff.cli.app as app; "
            "atexit.register(lambda: print(gc.get_freeze_count() > 1000)); "
            "app.main = lambda: print(gc.isenabled(), gc.get_freeze_count()) or 3; app.start()")
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert (uit.returncode, uit.stdout) == (3, "False 0\nTrue\n")
