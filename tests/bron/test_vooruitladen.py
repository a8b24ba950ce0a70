"""`bron/vooruitladen`: kaders loaded ahead in a forked child are the kaders `laad` gives, are used only for the
bytes they came from, and leave no process behind."""

from __future__ import annotations

import os
import pickle
import shutil
import threading
import time
from pathlib import Path

import pytest

from kaderdiff.bron.versies import KaderMap
from kaderdiff.bron.vooruitladen import Vooruit, vooruit_geladen
from kaderdiff.model.versie import Versie
from tests.hulp.paden import KADERS

VAN, NAAR = Versie(2025), Versie(2026)


def _alles_geladen(kadermap: KaderMap) -> dict[str, dict[tuple[str, str], bytes]]:
    """Wait until the child loaded every kader of both years (the sample kaders take well under a second)."""
    verwacht = sum(1 for v in (VAN, NAAR) for s in kadermap.sectoren(NAAR) if s in kadermap.sectoren(v))
    with vooruit_geladen(kadermap, VAN, NAAR) as vooruit:
        for _ in range(600):
            time.sleep(0.05)
            if vooruit._geheugen is not None and int.from_bytes(vooruit._geheugen[:4], "little") == verwacht:
                break
        return vooruit.oogst()


def test_vooruit_geladen_is_wat_laad_geeft(tmp_path: Path) -> None:
    shutil.copytree(KADERS, tmp_path / "kaders")
    kadermap = KaderMap(tmp_path / "kaders")
    geladen = _alles_geladen(kadermap)
    assert set(geladen) == set(kadermap.sectoren(NAAR))
    for sector, kaders in geladen.items():
        for versie in (VAN, NAAR):
            if sector not in kadermap.sectoren(versie):
                continue
            kader, sleutel = kadermap.laad_met_sleutel(versie, sector)
            assert pickle.loads(kaders[sleutel]) == kader


def test_alleen_voor_dezelfde_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker takes a pickled kader only for the bytes it came from: an edit meanwhile is loaded anew."""
    shutil.copytree(KADERS, tmp_path / "kaders")
    geladen = _alles_geladen(KaderMap(tmp_path / "kaders"))["MBO"]
    pad = tmp_path / "kaders" / "2026" / "mbo.xml"
    pad.write_text(pad.read_text(encoding="utf-8").replace("<titel>", "<titel>Gewijzigd: ", 1), encoding="utf-8")

    verwacht = KaderMap(KADERS).laad(VAN, "MBO")
    kadermap = KaderMap(tmp_path / "kaders")
    kadermap.neem_over(geladen)
    assert kadermap.laad(NAAR, "MBO").titel.startswith("Gewijzigd: ")

    import kaderdiff.bron.laden as laden

    def niet_parsen(*args: object, **kwargs: object) -> object:
        raise AssertionError("een vooruit geladen kader wordt niet opnieuw geparset")

    monkeypatch.setattr(laden, "laad_bytes", niet_parsen)
    assert kadermap.laad(VAN, "MBO") == verwacht


def test_geen_proces_blijft_achter(tmp_path: Path) -> None:
    shutil.copytree(KADERS, tmp_path / "kaders")
    with vooruit_geladen(KaderMap(tmp_path / "kaders"), VAN, NAAR) as vooruit:
        pid = vooruit._pid
        assert pid is not None
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)
    with vooruit_geladen(KaderMap(tmp_path / "kaders"), VAN, NAAR) as vooruit:
        pid = vooruit._pid
        vooruit.oogst()  # stops it; leaving the block again does nothing
    assert pid is not None
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def test_zonder_fork_niets_vooruit(tmp_path: Path) -> None:
    """With another thread running a fork is not safe: nothing is loaded ahead, and that is no error."""
    shutil.copytree(KADERS, tmp_path / "kaders")
    stop = threading.Event()
    draad = threading.Thread(target=stop.wait)
    draad.start()
    try:
        with vooruit_geladen(KaderMap(tmp_path / "kaders"), VAN, NAAR) as vooruit:
            assert vooruit._pid is None
            assert vooruit.oogst() == {}
    finally:
        stop.set()
        draad.join()
    assert Vooruit().oogst() == {}
