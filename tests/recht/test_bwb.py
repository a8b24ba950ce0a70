"""BWB toestand XML, the law store, `wetten importeer` and validation of grondslagen against law texts."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from kaderdiff.bron.bwb import importeer, lees_wettekst, versies, wetversie
from kaderdiff.bron.laden import laad_bestand
from kaderdiff.fouten import KaderdiffFout
from kaderdiff.model.kader import Grondslag
from kaderdiff.model.wettekst import tekst_van
from kaderdiff.recht.artikeloordeel import beoordeel_grondslag, controleer_grondslag
from kaderdiff.recht.controle import controleer_pad
from kaderdiff.recht.wetcontrole import controleer_grondslagen
from tests.hulp.draai import kd
from tests.hulp.paden import DATA, VOORBEELD

BWB = DATA / "bwb"
WEB_2025 = BWB / "web-2025.xml"
WEB_2026 = BWB / "web-2026.xml"


def test_fixture_wordt_gelezen() -> None:
    w = lees_wettekst(WEB_2026.read_bytes(), str(WEB_2026))
    assert (w.bwb, w.geldig_vanaf, w.titel) == ("BWBR0007625", date(2026, 8, 1), "Wet educatie en beroepsonderwijs")
    assert list(w.artikelen) == ["7.2.4", "7.2.4a", "7.2.5", "8.1.1"]
    art = w.artikelen["7.2.4a"]
    assert art.titel == "Studieduur"
    assert art.lidnummers == ["1", "2", "2a"]
    assert art.lid("1")[0].tekst == "Voor elke leerweg van een beroepsopleiding geldt één studieduur."
    assert art.tekst.startswith("1. Voor elke leerweg")
    assert [o.nr for o in w.artikelen["7.2.5"].lid("1")[0].onderdelen] == ["a", "b"]
    assert w.artikelen["8.1.1"].leden == ()
    assert w.artikelen["8.1.1"].tekst == "Voorbeeldtekst zonder leden."
    assert w.waarschuwingen == ()


@pytest.mark.parametrize(("xml", "stuk"), [
    (b"<kader/>", "geen BWB-toestand"),
    (b'<toestand bwb-id="X1" inwerkingtreding="2026-08-01"><artikel/></toestand>', "geen geldig bwb-id"),
    (b'<toestand bwb-id="BWBR0007625"><artikel><kop><nr>1</nr></kop></artikel></toestand>', "--geldig-vanaf"),
    (b'<toestand bwb-id="BWBR0007625" inwerkingtreding="2026-08-01"><wetgeving/></toestand>', "geen artikelen"),
    (b'<!DOCTYPE toestand [<!ENTITY x "y">]><toestand/>', "DTD"),
    (b"<toestand", "geen geldige XML"),
])
def test_ongeldige_toestand_wordt_geweigerd(xml: bytes, stuk: str) -> None:
    with pytest.raises(KaderdiffFout) as fout:
        lees_wettekst(xml, "wet.xml")
    assert stuk in str(fout.value)


def test_wetversie_kiest_de_laatste_versie_tot_de_peildatum(tmp_path: Path) -> None:
    importeer(WEB_2025, tmp_path)
    importeer(WEB_2026, tmp_path)
    assert [d for d, _ in versies(tmp_path, "BWBR0007625")] == [date(2025, 8, 1), date(2026, 8, 1)]
    assert wetversie(tmp_path, "BWBR0007625", date(2025, 7, 31)) is None
    w2025 = wetversie(tmp_path, "BWBR0007625", date(2026, 7, 31))
    w2026 = wetversie(tmp_path, "BWBR0007625", date(2026, 8, 1))
    assert w2025 is not None and w2025.geldig_vanaf == date(2025, 8, 1)
    assert w2026 is not None and w2026.geldig_vanaf == date(2026, 8, 1)
    assert "2a" not in w2025.artikelen["7.2.4a"].lidnummers and "2a" in w2026.artikelen["7.2.4a"].lidnummers


def test_importeer_commando_slaat_op_onder_wetten(tmp_path: Path) -> None:
    kaders = tmp_path / "kaders"
    kaders.mkdir()
    code, uit, fout = kd(["wetten", "importeer", str(WEB_2026), "--kaders", str(kaders)])
    assert (code, fout) == (0, "")
    doel = kaders / "wetten" / "BWBR0007625" / "2026-08-01.xml"
    assert doel.read_bytes() == WEB_2026.read_bytes()
    assert "Opgeslagen" in uit and "BWBR0007625" in uit and "4 artikel(en)" in uit
    assert [p.name for p in doel.parent.iterdir()] == ["2026-08-01.xml"], "geen tijdelijke bestanden achtergelaten"


def test_importeer_met_geldig_vanaf(tmp_path: Path) -> None:
    code, _, fout = kd(["wetten", "importeer", str(WEB_2026), "--geldig-vanaf", "2027-01-01", "--kaders",
                        str(tmp_path)])
    assert (code, fout) == (0, "")
    assert (tmp_path / "wetten" / "BWBR0007625" / "2027-01-01.xml").is_file()
    code, _, fout = kd(["wetten", "importeer", str(WEB_2026), "--geldig-vanaf", "1 jan", "--kaders", str(tmp_path)])
    assert code == 2 and "Ongeldige datum" in fout


def test_importeer_weigert_iets_anders_dan_een_toestand(tmp_path: Path) -> None:
    code, _, fout = kd(["wetten", "importeer", str(BWB / "geen-toestand.xml"), "--kaders", str(tmp_path)])
    assert code == 2
    assert "geen BWB-toestand" in fout
    assert not (tmp_path / "wetten").exists()


def _kaderopstelling(tmp_path: Path, tekst: str | None = None) -> Path:
    """kaders/2026/mbo.xml (the documented example, optionally edited) with the WEB text stored."""
    kaders = tmp_path / "kaders"
    (kaders / "2026").mkdir(parents=True)
    bestand = kaders / "2026" / "mbo.xml"
    inhoud = VOORBEELD.read_text(encoding="utf-8")
    if tekst is not None:
        inhoud = inhoud.replace('<grondslag wet="WEB" artikel="7.2.4a" lid="1"/>', tekst)
    bestand.write_text(inhoud, encoding="utf-8")
    importeer(WEB_2025, kaders)
    importeer(WEB_2026, kaders)
    return bestand


def test_bestaande_grondslag_is_in_orde(tmp_path: Path) -> None:
    bestand = _kaderopstelling(tmp_path)
    assert controleer_grondslagen(laad_bestand(bestand), bestand.parent.parent) == []
    code, uit, fout = kd(["controleer", str(bestand)])
    assert (code, fout) == (0, "") and "In orde" in uit


def test_niet_bestaand_artikel_is_een_fout_met_voorstel(tmp_path: Path) -> None:
    bestand = _kaderopstelling(tmp_path, '<grondslag wet="WEB" artikel="7.2.4b" lid="1"/>')
    meldingen = controleer_grondslagen(laad_bestand(bestand), None)
    assert len(meldingen) == 1
    m = meldingen[0]
    assert (m.bestand, m.regel, m.ernst) == (str(bestand), 36, "fout")
    assert "artikel 7.2.4b, eerste lid, van de WEB" in m.tekst
    assert "artikel 7.2.4b bestaat niet" in m.tekst
    assert m.tekst.endswith("; bedoelt u artikel 7.2.4, 7.2.4a of 7.2.5?")
    code, _, fout = kd(["controleer", str(bestand)])
    assert code == 2
    assert f"{bestand}:36: fout: eis 'op1-e1'" in fout


def test_niet_bestaand_lid_is_een_fout(tmp_path: Path) -> None:
    bestand = _kaderopstelling(tmp_path, '<grondslag wet="WEB" artikel="7.2.4a" lid="9"/>')
    _, meldingen = controleer_pad(bestand.parent.parent, (controleer_grondslagen,))
    assert [m.tekst for m in meldingen] == [
        "eis 'op1-e1': grondslag 'artikel 7.2.4a, negende lid, van de WEB': artikel 7.2.4a heeft geen lid 9 "
        "in de wettekst BWBR0007625 geldig vanaf 1 augustus 2026 (leden: 1, 2, 2a)"
    ]


def test_lid_dat_pas_later_bestaat_faalt_op_oudere_peildatum(tmp_path: Path) -> None:
    bestand = _kaderopstelling(tmp_path, '<grondslag wet="WEB" artikel="7.2.4a" lid="2a"/>')
    inhoud = bestand.read_text(encoding="utf-8").replace('peildatum="2026-08-01"', 'peildatum="2025-08-01"')
    bestand.write_text(inhoud, encoding="utf-8")
    meldingen = controleer_grondslagen(laad_bestand(bestand), bestand.parent.parent)
    assert len(meldingen) == 1 and "geen lid 2a" in meldingen[0].tekst and "1 augustus 2025" in meldingen[0].tekst


def test_onderdeel_wordt_gecontroleerd_als_het_lid_een_lijst_heeft(tmp_path: Path) -> None:
    tekst = importeer(WEB_2026, tmp_path)[0]
    assert controleer_grondslag(Grondslag("WEB", "7.2.5", "1", "b"), tekst) == ""
    assert "geen onderdeel z" in controleer_grondslag(Grondslag("WEB", "7.2.5", "1", "z"), tekst)
    assert controleer_grondslag(Grondslag("WEB"), tekst) == ""


def test_wet_zonder_opgeslagen_tekst_wordt_niet_gecontroleerd(tmp_path: Path) -> None:
    bestand = _kaderopstelling(tmp_path, '<grondslag wet="WPO" artikel="999"/>')
    assert controleer_grondslagen(laad_bestand(bestand), bestand.parent.parent) == []


def test_geen_geldige_versie_op_peildatum_is_een_waarschuwing(tmp_path: Path) -> None:
    bestand = _kaderopstelling(tmp_path)
    shutil.rmtree(bestand.parent.parent / "wetten")
    importeer(WEB_2026, bestand.parent.parent, date(2030, 1, 1))
    meldingen = controleer_grondslagen(laad_bestand(bestand), bestand.parent.parent)
    assert [m.ernst for m in meldingen] == ["waarschuwing"]
    code, _, _ = kd(["controleer", str(bestand)])
    assert code == 0


# -- real BWB structure (voorbeeldtekst in the shape of a real toestand) --------------------------

STRUCTUUR = BWB / "structuur.xml"


def test_lijsten_op_elk_niveau_tabellen_en_noten() -> None:
    w = lees_wettekst(STRUCTUUR.read_bytes(), str(STRUCTUUR))
    lid1 = w.artikelen["1"].lid("1")[0]
    b = lid1.onderdelen[1]
    assert (b.nr, [o.nr for o in b.onderdelen], [o.nr for o in b.onderdelen[1].onderdelen]) == (
        "b", ["1°", "2°"], ["i", "ii"])
    assert tekst_van(w.artikelen["1"], "1", "b, 2°, ii") == "ii. tijd;"
    assert "Red.:" not in lid1.tekst and w.artikelen["1"].noten == ("Red.: zie ook artikel 3.",)
    assert "metagegevens" not in w.artikelen["1"].tekst, "meta-data is geen wettekst"
    assert lid1.aanhef == "Het bevoegd gezag zorgt voor: Het plan wordt openbaar gemaakt."
    assert w.artikelen["1"].lid("2")[0].tekst == "De tarieven zijn: Tabel: schijf 1 | 8,17%; schijf 2 | 37,07%"
    assert w.waarschuwingen == (
        "artikel 1, lid 1 heeft 2 onderdelen k; alle zijn bewaard",
        "artikel 3 heeft 2 leden met nummer 1; alle zijn bewaard (een verwijzing naar lid 1 is niet eenduidig)")


def test_vervallen_en_nog_niet_in_werking_blijven_bekend() -> None:
    w = lees_wettekst(STRUCTUUR.read_bytes(), str(STRUCTUUR))
    assert [(nr, a.status) for nr, a in w.artikelen.items()] == [
        ("1", ""), ("2", "vervallen"), ("3", ""), ("4", "vervallen"), ("5", "nogniet")]
    assert w.artikelen["1"].lid("3")[0].status == "vervallen"
    assert w.artikelen["4"].tekst == "" and w.artikelen["4"].noten == ("Vervallen",)
    assert [lid.pad for lid in w.artikelen["3"].lid("1")] == [
        "/Hoofdstuk1/Artikel3/Lid1_1", "/Hoofdstuk1/Artikel3/Lid1_2"]
    assert w.artikelen["3"].tekst == "1. Elektronische variant. 1. Papieren variant."


@pytest.mark.parametrize(("g", "ernst", "stuk"), [
    (Grondslag("WEB", "1", "1", "b, 2°, ii"), "", ""),
    (Grondslag("WEB", "1", "1", "k"), "", ""),
    (Grondslag("WEB", "1", "1", "ii"), "fout", "bedoelt u onderdeel b, 2°, ii?"),
    (Grondslag("WEB", "1", "1", "b, 3°"), "fout", "onderdelen: a, b, b, 1°, b, 2°, b, 2°, i, b, 2°, ii, k)"),
    (Grondslag("WEB", "1", "3"), "fout", "lid 3 van artikel 1 is vervallen"),
    (Grondslag("WEB", "2"), "fout", "artikel 2 is vervallen in de wettekst BWBR0099999"),
    (Grondslag("WEB", "4"), "fout", "artikel 4 is vervallen"),
    (Grondslag("WEB", "5"), "fout", "artikel 5 is nog niet in werking getreden"),
    (Grondslag("WEB", "3", "1"), "waarschuwing", "artikel 3 heeft 2 leden met nummer 1"),
    (Grondslag("WEB", "6"), "fout", "artikel 6 bestaat niet"),
])
def test_beoordeling_van_grondslagen_tegen_echte_structuur(g: Grondslag, ernst: str, stuk: str) -> None:
    w = lees_wettekst(STRUCTUUR.read_bytes(), str(STRUCTUUR))
    gevonden, reden = beoordeel_grondslag(g, w)
    assert gevonden == ernst and stuk in reden, reden
