"""The article index behind `controleer`: what it says equals what the law text says; stale or corrupt: rebuilt."""

from __future__ import annotations

import marshal
import os
import zlib
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from kaderdiff.bron import bestanden
from kaderdiff.bron.bwb import lees_wettekst, versies, wetversie
from kaderdiff.bron.cachemap import KOP, cachemap_van
from kaderdiff.fouten import Melding
from kaderdiff.model.kader import Grondslag
from kaderdiff.recht import wetcontrole
from kaderdiff.recht.artikelindex import Artikelindex, skelet
from kaderdiff.recht.artikeloordeel import beoordeel_grondslag
from kaderdiff.recht.controle import controleer_pad
from kaderdiff.recht.wetcontrole import controleer_grondslagen
from tests.hulp.wetten_echt import kader_met

#: Grondslagen as people write them: right, a number that does not exist, a lid too many, onderdelen.
EISEN = [
    ("op1-e1", "De opleiding heeft per leerweg één studieduur vastgesteld.", {"wet": "WEB", "artikel": "7.2.4a",
                                                                              "lid": "1"}),
    ("op1-e9", "Een eis op een artikel dat er niet is.", {"wet": "WEB", "artikel": "7.2.4z"}),
    ("op1-e10", "Een eis op een lid te veel.", {"wet": "WEB", "artikel": "7.2.4a", "lid": "9"}),
    ("op1-e11", "Een eis op een onderdeel.", {"wet": "WEB", "artikel": "7.4.8", "lid": "1", "onderdeel": "a"}),
    ("op1-e12", "Een eis in de WPO.", {"wet": "WPO", "artikel": "8", "lid": "1"}),
]


def _controleer(bestand: Path) -> list[Melding]:
    wetcontrole._INDEXEN.clear()  # a new process, as each `controleer` is
    _, meldingen = controleer_pad(bestand, (controleer_grondslagen,))
    return meldingen


def _index(kaders: Path) -> Artikelindex:
    return wetcontrole._INDEXEN[kaders.resolve()]


@pytest.fixture
def kaders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KADERDIFF_CACHE", str(tmp_path / "cache"))
    kader_met(tmp_path, EISEN)
    return tmp_path / "kaders"


def test_de_index_zegt_over_elke_grondslag_wat_de_hele_wettekst_zegt(kaders: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    bestand = kaders / "2026" / "mbo.xml"
    eerst = _controleer(bestand)
    assert _index(kaders).herlezen and _index(kaders).pad is not None and _index(kaders).pad.is_file()  # type: ignore[union-attr]
    monkeypatch.setattr(bestanden, "RACY_SECONDEN", -1e12)  # the stat signatures are old enough: trusted
    uit_index = _controleer(bestand)
    assert _index(kaders).herlezen == []
    monkeypatch.setattr(wetcontrole, "_oordeel", lambda index, versie, g: beoordeel_grondslag(
        g, lees_wettekst(versie[1].read_bytes(), str(versie[1]), versie[0])))  # the full law text, no index
    assert eerst == uit_index == _controleer(bestand)
    teksten = [m.tekst for m in eerst]
    assert any("7.2.4z bestaat niet" in t for t in teksten) and any("geen lid 9" in t for t in teksten)
    assert not any("op1-e1'" in t or "op1-e12'" in t for t in teksten)
    for bwb in ("BWBR0007625", "BWBR0003420"):  # every article, lid and onderdeel: the same judgement
        [(datum, pad)] = versies(kaders, bwb)
        volledig = wetversie(kaders, bwb, date(2026, 8, 1))
        assert volledig is not None
        index = Artikelindex(cachemap_van(kaders.resolve()), kaders.resolve())
        mager = index.wettekst(pad, datum)
        assert skelet(mager) == skelet(volledig)
        for artikel in volledig.artikelen.values():
            for lid in ["", *artikel.lidnummers, "99"]:
                for onderdeel in ["", "a", "b, 1°", "zz"]:
                    g = Grondslag("WEB", artikel.nr, lid, onderdeel)
                    assert beoordeel_grondslag(g, mager) == beoordeel_grondslag(g, volledig), g


def test_een_gewijzigde_wettekst_wordt_opnieuw_gelezen(kaders: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bestand = kaders / "2026" / "mbo.xml"
    monkeypatch.setattr(bestanden, "RACY_SECONDEN", -1e12)  # trust every signature: only a change may reread
    assert not any("artikel 7.2.4a bestaat niet" in m.tekst for m in _controleer(bestand))
    [(_, web)] = versies(kaders, "BWBR0007625")
    xml = web.read_text(encoding="utf-8")
    assert xml.count('<nr>7.2.4a</nr>') == 1
    web.write_text(xml.replace("<nr>7.2.4a</nr>", "<nr>7.2.4x</nr>"), encoding="utf-8")  # the article renumbered
    meldingen = _controleer(bestand)
    assert _index(kaders).herlezen == [str(web)]
    assert any("artikel 7.2.4a bestaat niet" in m.tekst and "7.2.4x" in m.tekst for m in meldingen)
    web.write_text(xml, encoding="utf-8")  # back as it was; the same content under a new signature: no parse
    assert not any("artikel 7.2.4a bestaat niet" in m.tekst for m in _controleer(bestand))
    os.utime(web, (1, 1))  # touched, content the same
    _controleer(bestand)
    assert _index(kaders).herlezen == []


def _met_kop(romp: bytes, kop: bytes = KOP) -> bytes:
    """A cache file as the format describes it: the header line, a CRC-32 of the rest, then the marshal data."""
    return kop + zlib.crc32(romp).to_bytes(4, "big") + romp


#: Damaged files, and whole files of the right kind whose content is wrong (`FORMAAT`, `KADERS` filled in).
KAPOT: dict[str, Callable[[bytes], bytes]] = {
    "leeg": lambda goed: b"",
    "json van vroeger": lambda goed: b'{"formaat": "FORMAAT", "kadermap": "KADERS", "wetten": {}}',
    "geen utf-8": lambda goed: b"\xff\xfe",
    "alleen de kop": lambda goed: KOP,
    "afgekapt": lambda goed: goed[:-7],
    "een byte omgevallen": lambda goed: goed[:-20] + bytes([goed[-20] ^ 1]) + goed[-19:],
    "andere python": lambda goed: _met_kop(goed[len(KOP) + 4:], KOP.replace(b"python 3.", b"python 2.")),
    "geen marshal": lambda goed: _met_kop(b"\xff kapot"),
    "geen woordenboek": lambda goed: _met_kop(marshal.dumps(["FORMAAT"])),
    "ander formaat": lambda goed: _met_kop(marshal.dumps({"formaat": 3})),
    "onmogelijke datum": lambda goed: _met_kop(marshal.dumps(
        {"formaat": "FORMAAT", "kadermap": "KADERS", "wetten": {"x": {
            "stat": [1, 2, 3, 4], "gezien_op_ns": 9, "sha256": "0", "wet": ["B", "2026-13-01", "", []]}}})),
    "onbekend oordeel": lambda goed: _met_kop(marshal.dumps(
        {"formaat": "FORMAAT", "kadermap": "KADERS", "wetten": {"x": {
            "stat": [1, 2, 3, 4], "gezien_op_ns": 9, "sha256": "0", "wet": ["B", "2026-08-01", "", []],
            "oordelen": [["1", "", "", "ramp", "?"]]}}})),
    "oordeel zonder reden": lambda goed: _met_kop(marshal.dumps(
        {"formaat": "FORMAAT", "kadermap": "KADERS", "wetten": {"x": {
            "stat": [1, 2, 3, 4], "gezien_op_ns": 9, "sha256": "0", "wet": ["B", "2026-08-01", "", []],
            "oordelen": [["1", "", "", "fout", ""]]}}})),
}


@pytest.mark.parametrize("soort", sorted(KAPOT))
def test_een_kapotte_index_wordt_genegeerd_en_opnieuw_gemaakt(kaders: Path, soort: str) -> None:
    from kaderdiff.recht.artikelindex import FORMAAT

    bestand = kaders / "2026" / "mbo.xml"
    goed = _controleer(bestand)
    pad = _index(kaders).pad
    assert pad is not None
    kapot = KAPOT[soort](pad.read_bytes())
    pad.write_bytes(kapot.replace(b"FORMAAT", FORMAAT.encode()).replace(b"KADERS", str(kaders.resolve()).encode()))
    assert _controleer(bestand) == goed
    assert len(_index(kaders).herlezen) == 2  # both laws read again
    assert _controleer(bestand) == goed and pad.read_bytes() != kapot  # and written whole again
    assert _index(kaders).herlezen == [], "de nieuwe index wordt weer gebruikt"


def test_de_index_onthoudt_elk_oordeel_en_oordeelt_niet_opnieuw(kaders: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kaderdiff.recht import artikeloordeel

    bestand = kaders / "2026" / "mbo.xml"
    eerst = _controleer(bestand)
    pad = _index(kaders).pad
    assert pad is not None
    ruw = marshal.loads(pad.read_bytes()[len(KOP) + 4:])
    oordelen = {tuple(o[:3]): tuple(o[3:]) for i in ruw["wetten"].values() for o in i["oordelen"]}
    assert oordelen[("7.2.4z", "", "")][0] == "fout" and oordelen[("7.2.4a", "1", "")] == ("", "")
    assert len(oordelen) == len(EISEN), "één oordeel per gevraagde grondslag"

    def niet_opnieuw(g: Grondslag, tekst: object) -> tuple[str, str]:
        raise AssertionError(f"opnieuw beoordeeld: {g}")

    monkeypatch.setattr(artikeloordeel, "beoordeel_grondslag", niet_opnieuw)
    assert _controleer(bestand) == eerst  # within the racy window: the files are hashed again, the verdicts kept
    monkeypatch.setattr(bestanden, "RACY_SECONDEN", -1e12)
    assert _controleer(bestand) == eerst


def test_een_kapot_skelet_achter_een_vraag_zonder_oordeel_maakt_de_hele_index_verdacht(kaders: Path) -> None:
    """The skeletons are checked only when one is needed (a grondslag not judged before); then the whole index is
    suspect and every law is read again, as when the file itself is damaged."""
    bestand = kaders / "2026" / "mbo.xml"
    goed = _controleer(bestand)
    pad = _index(kaders).pad
    assert pad is not None
    ruw = marshal.loads(pad.read_bytes()[len(KOP) + 4:])
    for ingang in ruw["wetten"].values():
        ingang["wet"] = ["BWB", "2026-13-01", "", []]  # an impossible date
        ingang["oordelen"] = []
    pad.write_bytes(_met_kop(marshal.dumps(ruw)))
    assert _controleer(bestand) == goed
    assert len(_index(kaders).herlezen) == 2
