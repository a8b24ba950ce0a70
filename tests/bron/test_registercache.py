"""The law registry kept between runs: the same registry as reading the TOML, and read again on any change."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from kaderdiff.bron import registercache, wetregister
from kaderdiff.bron.wetregister import controleer_register, register_voor
from kaderdiff.fouten import KaderdiffFout
from tests.hulp.paden import KADERS

#: An own registry as a team writes one: a new law with a period and a successor, an alias added to a known law.
EIGEN = ('[WMO]\nnaam = "Wet medezeggenschap onderwijs 1992"\nsoort = "wet"\nbwb = ""\n'
         'aliassen = ["Wet medezeggenschap"]\ngeldig_van = 1992-08-01\ngeldig_tot = 2007-01-01\nopvolger = "WMS"\n\n'
         '[WMS]\naliassen = ["Wms", "Wet medezeggenschap op scholen", "Wet medezeggenschap"]\n'
         'geldig_van = "2007-01-01"\n')


@pytest.fixture(autouse=True)
def nieuw_proces() -> Iterator[None]:
    """What a new process starts with: nothing of the registry in memory."""
    _vergeet()
    yield
    _vergeet()


def _vergeet() -> None:
    wetregister._register_van.cache_clear()
    wetregister._pakket.cache_clear()
    wetregister._samengevoegd.cache_clear()


def _kaders(tmp_path: Path, eigen: str | None = EIGEN) -> Path:
    kaders = tmp_path / "kaders"
    shutil.copytree(KADERS, kaders)
    if eigen is not None:
        (kaders / "wetten" / "register.toml").write_text(eigen, encoding="utf-8")
    return kaders


def _bewaard(kaders: Path) -> wetregister.Wetregister | None:
    eigen = wetregister.eigen_register_pad(kaders)
    return registercache.lees(kaders, wetregister.REGISTER_PAD.read_bytes(),
                              eigen.read_bytes() if eigen.is_file() else None)


@pytest.mark.parametrize("eigen", [EIGEN, None], ids=["eigen register", "alleen dat van het pakket"])
def test_het_bewaarde_register_is_het_gelezen_register(tmp_path: Path, eigen: str | None) -> None:
    kaders = _kaders(tmp_path, eigen)
    gelezen = register_voor(kaders)
    assert _bewaard(kaders) == gelezen
    _vergeet()
    uit_cache = register_voor(kaders)
    assert uit_cache == gelezen and uit_cache.bron == gelezen.bron
    assert [w.geldig_tot for w in uit_cache.wetten if w.code == "WMO"] == ([date(2007, 1, 1)] if eigen else [])
    assert uit_cache.zoek("Wet medezeggenschap", date(2005, 3, 1)) == gelezen.zoek("Wet medezeggenschap",
                                                                                  date(2005, 3, 1))


def test_een_gewijzigd_eigen_register_wordt_opnieuw_gelezen(tmp_path: Path) -> None:
    kaders = _kaders(tmp_path)
    assert register_voor(kaders).per_code["WMO"].geldig_tot == date(2007, 1, 1)
    (kaders / "wetten" / "register.toml").write_text(EIGEN.replace("2007-01-01\nopvolger", "2006-01-01\nopvolger"),
                                                      encoding="utf-8")  # as long as before: only bytes tell
    _vergeet()
    assert register_voor(kaders).per_code["WMO"].geldig_tot == date(2006, 1, 1)
    (kaders / "wetten" / "register.toml").unlink()
    _vergeet()
    assert "WMO" not in register_voor(kaders)


def test_een_ander_register_van_het_pakket_wordt_opnieuw_gelezen(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A new kaderdiff with the same version number but another `wetten.toml` (a development install)."""
    kaders = _kaders(tmp_path, None)
    assert "LPW" not in register_voor(kaders)
    ander = tmp_path / "wetten.toml"
    ander.write_text(wetregister.REGISTER_PAD.read_text(encoding="utf-8")
                     + '\n[LPW]\nnaam = "Leerplichtwet 1969"\nsoort = "wet"\nbwb = "BWBR0002628"\n', encoding="utf-8")
    monkeypatch.setattr(wetregister, "REGISTER_PAD", ander)
    _vergeet()
    assert register_voor(kaders).per_code["LPW"].bwb == "BWBR0002628"


def test_een_register_met_fouten_wordt_niet_bewaard_en_elke_keer_gemeld(tmp_path: Path) -> None:
    kaders = _kaders(tmp_path)
    assert controleer_register(kaders) == [] and register_voor(kaders)
    (kaders / "wetten" / "register.toml").write_text(EIGEN.replace('soort = "wet"', 'soort = "wett"'),
                                                      encoding="utf-8")
    for _ in range(2):
        _vergeet()
        with pytest.raises(KaderdiffFout, match="niet in orde"):
            register_voor(kaders)
        assert [m.tekst for m in controleer_register(kaders)] == [
            "wet 'WMO': soort 'wett' is onbekend (kies uit wet, amvb, regeling, beleidsregel, verdrag, grondwet)"]
        assert _bewaard(kaders) is None


def test_een_beschadigd_bewaard_register_wordt_genegeerd(tmp_path: Path) -> None:
    kaders = _kaders(tmp_path)
    gelezen = register_voor(kaders)
    [bestand] = registercache._pad(kaders.resolve()).parent.glob("wetregister-*.bin")
    inhoud = bestand.read_bytes()
    plek = inhoud.index(b"Wet medezeggenschap onderwijs")
    bestand.write_bytes(inhoud[:plek] + b"X" + inhoud[plek + 1:])  # the CRC no longer fits
    assert _bewaard(kaders) is None
    _vergeet()
    assert register_voor(kaders) == gelezen
    assert _bewaard(kaders) == gelezen, "en opnieuw bewaard"
