"""A pack build killed at any moment: the output is always one whole pack (the previous one until the new one
is complete), and what the killed build left half-written is gone after the next run.

Two ways of killing: a forked child that SIGKILLs itself just before each file-system step of the build (every
write, rename, exchange, removal: deterministic, every step), and a real `kaderdiff pakket` process killed from
outside after increasing delays (all sectors, worker processes, the real timing).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kaderdiff.cli.app import main
from kaderdiff.uitvoer.atomair import ruim_resten_op
from tests.hulp.draai import kd
from tests.hulp.paden import map_sha
from tests.hulp.repos import commit_alles, maak_repo

#: Builds killed at every step: left out of the quick run (`-m "not traag"`).
pytestmark = pytest.mark.traag

PAKKET = ["pakket", "--van", "2025", "--naar", "2026"]
EERDER = ["pakket", "--van", "2025", "--naar", "2026@HEAD~1"]  # the pack as it was before the last commit


def _stappen(stop_bij: int | None, teller: list[int], zonder_wissel: bool) -> None:
    """Count the file-system steps of the build; SIGKILL this process just before step `stop_bij`."""
    import pathlib

    import kaderdiff.uitvoer.atomair as atomair

    def omhul(eigenaar: Any, naam: str) -> None:
        origineel: Callable[..., Any] = getattr(eigenaar, naam)

        def stap(*args: Any, **kwargs: Any) -> Any:
            teller[0] += 1
            if teller[0] == stop_bij:
                os.kill(os.getpid(), signal.SIGKILL)
            return origineel(*args, **kwargs)

        setattr(eigenaar, naam, stap)

    if zonder_wissel:  # as on a system without renameat2(RENAME_EXCHANGE)
        atomair.wissel = lambda a, b: False
    for eigenaar, naam in ((pathlib.Path, "write_bytes"), (os, "rename"), (os, "replace"), (shutil, "rmtree"),
                           (atomair, "wissel")):
        if hasattr(eigenaar, naam):
            omhul(eigenaar, naam)


def zet_terug(bron: Path, uit: Path) -> None:
    """Put a saved pack (with its marker) at `uit` again."""
    if uit.exists():
        shutil.rmtree(uit)
    shutil.copytree(bron, uit)


def bouw_in_kind(repo: Path, uit: Path, stop_bij: int | None, zonder_wissel: bool = False) -> tuple[int, int]:
    """Build the pack in a forked child; (exit status or -signal, steps counted) — steps only when not killed."""
    lezen, schrijven = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 99
        try:
            os.close(lezen)
            os.chdir(repo)
            teller = [0]
            _stappen(stop_bij, teller, zonder_wissel)
            code = main([*PAKKET, "--sector", "mbo", "--uit", str(uit)])
            os.write(schrijven, str(teller[0]).encode())
        finally:
            os._exit(code)
    os.close(schrijven)
    _, status = os.waitpid(pid, 0)
    stappen = os.read(lezen, 100)
    os.close(lezen)
    code = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
    return code, int(stappen or b"0")


@pytest.fixture
def twee_pakketten(tmp_path: Path) -> tuple[Path, Path, dict[str, str], dict[str, str]]:
    """A repository with two commits, the place of the pack, and the sums of the earlier pack (from the first
    commit, see `EERDER`) and of the new one (from the working tree), each built elsewhere for comparison."""
    repo = maak_repo(tmp_path / "repo")
    uit = tmp_path / "uitvoer" / "pakket-2026"
    mbo = repo / "kaders" / "2026" / "mbo.xml"
    # the eis, not the samenvatting at the top of the MBO kader that quotes the same words
    mbo.write_text(mbo.read_text(encoding="utf-8").replace("zorgt voor benoembaar/bevoegd en ", "zorgt voor ", 1),
                   encoding="utf-8")
    commit_alles(repo, "Nieuwe tekst")
    assert kd([*EERDER, "--sector", "mbo", "--uit", str(tmp_path / "eerder")], cwd=repo)[0] == 0
    eerder = map_sha(tmp_path / "eerder")
    assert kd([*PAKKET, "--sector", "mbo", "--uit", str(tmp_path / "nieuw")], cwd=repo)[0] == 0
    nieuw = map_sha(tmp_path / "nieuw")
    assert nieuw != eerder
    return repo, uit, eerder, nieuw


@pytest.mark.parametrize("zonder_wissel", [False, True], ids=["renameat2", "twee-renames"])
def test_kill_bij_elke_stap_laat_altijd_een_heel_pakket(twee_pakketten: tuple[Path, Path, dict[str, str],
                                                                               dict[str, str]],
                                                        zonder_wissel: bool) -> None:
    repo, uit, eerder, nieuw = twee_pakketten
    assert kd([*EERDER, "--sector", "mbo", "--uit", str(uit)], cwd=repo)[0] == 0
    code, stappen = bouw_in_kind(repo, uit, None, zonder_wissel)  # counts the steps of replacing a pack
    assert code == 0 and stappen >= 10, (code, stappen)
    assert map_sha(uit) == nieuw
    gezien = []
    for stap in range(1, stappen + 1):
        zet_terug(repo.parent / "eerder", uit)  # every round starts from the earlier pack
        assert map_sha(uit) == eerder
        code, _ = bouw_in_kind(repo, uit, stap, zonder_wissel)
        assert code == -signal.SIGKILL, (stap, code)
        resten = sorted(p.name for p in uit.parent.iterdir() if p != uit)
        if uit.exists():
            toestand = map_sha(uit)
            assert toestand in (eerder, nieuw), f"stap {stap}: een half pakket"
            gezien.append("eerder" if toestand == eerder else "nieuw")
        else:  # only between the two renames of the fallback; the old pack waits beside it, whole
            assert zonder_wissel, f"stap {stap}: geen pakket meer (exchange hoort in één stap te gaan)"
            [opzij] = [uit.parent / r for r in resten if ".oud-" in r]
            assert map_sha(opzij) == eerder
            gezien.append("opzij")
        assert all(r.startswith((".pakket-2026.bouw-", ".pakket-2026.oud-")) for r in resten), resten
        # what the next run does first: repair and clean (a whole next run is checked below)
        ruim_resten_op(uit)
        assert map_sha(uit) in (eerder, nieuw)
        assert [p.name for p in uit.parent.iterdir()] == [uit.name], f"stap {stap}: resten blijven staan"
        if stap % 4 == 0:
            assert kd([*PAKKET, "--sector", "mbo", "--uit", str(uit)], cwd=repo)[0] == 0
            assert map_sha(uit) == nieuw
    assert gezien[0] == "eerder" and gezien[-1] == "nieuw", gezien
    assert ("opzij" in gezien) == zonder_wissel


def test_kill_van_buitenaf_na_oplopende_tijden(tmp_path: Path) -> None:
    """The real program, all sectors in worker processes, killed after 0.3 s, 0.6 s, …: the earlier pack stays
    until the new one is complete; the next run leaves nothing behind."""
    repo = maak_repo(tmp_path / "repo")
    uit = tmp_path / "uit" / "pakket"
    po = repo / "kaders" / "2026" / "po.xml"
    po.write_text(po.read_text(encoding="utf-8").replace("benoembaar/bevoegd en ", "", 1), encoding="utf-8")
    commit_alles(repo, "Nieuwe tekst")
    assert kd([*EERDER, "--uit", str(tmp_path / "eerder")], cwd=repo)[0] == 0
    eerder = map_sha(tmp_path / "eerder")
    opdracht = [sys.executable, "-m", "kaderdiff", *PAKKET]
    # how long the command itself takes, as it is killed below (start-up, imports and workers included): the kill
    # moments are fractions of that, so they fall inside the build however fast the machine or kaderdiff is
    start = time.monotonic()
    subprocess.run([*opdracht, "--uit", str(tmp_path / "nieuw")], cwd=repo, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    duur = time.monotonic() - start
    nieuw = map_sha(tmp_path / "nieuw")
    uitkomsten = []
    for fractie in (0.1, 0.3, 0.5, 0.7, 0.9, 1.2):
        zet_terug(tmp_path / "eerder", uit)
        proces = subprocess.Popen([*opdracht, "--uit", str(uit)], cwd=repo,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(duur * fractie)
        os.killpg(proces.pid, signal.SIGKILL)  # the command and its worker processes
        proces.wait()
        toestand = map_sha(uit)
        assert toestand in (eerder, nieuw), f"na {fractie:.2f}: een half pakket"
        uitkomsten.append("eerder" if toestand == eerder else "nieuw")
        ruim_resten_op(uit)
        assert [p.name for p in uit.parent.iterdir()] == ["pakket"]
    assert "eerder" in uitkomsten, uitkomsten
    assert kd([*PAKKET, "--uit", str(uit)], cwd=repo)[0] == 0
    assert map_sha(uit) == nieuw and [p.name for p in uit.parent.iterdir()] == ["pakket"]
