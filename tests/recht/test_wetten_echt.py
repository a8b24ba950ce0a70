"""The real WEB and WPO text (../shared/wetten-echt): import, validation, herleid on what real law looks like."""

from __future__ import annotations

import json
from pathlib import Path

from kaderdiff.bron.bwb import lees_wettekst
from kaderdiff.bron.laden import laad_bestand
from kaderdiff.model.wettekst import VERVALLEN, tekst_van
from kaderdiff.recht.wetcontrole import controleer_grondslagen
from tests.hulp.draai import kd
from tests.hulp.wetten_echt import WEB, WPO, echte_wet, kader_met


def test_echte_wetten_worden_ingelezen_met_geneste_lijsten_en_dubbele_leden() -> None:
    wpo = lees_wettekst(echte_wet(WPO).read_bytes(), WPO)
    web = lees_wettekst(echte_wet(WEB).read_bytes(), WEB)
    assert (wpo.titel, web.titel) == ("Wet op het primair onderwijs", "Wet educatie en beroepsonderwijs")
    assert list(wpo.artikelen) == ["3a", "4c", "8", "9", "10"]
    acht = wpo.artikelen["8"]
    assert acht.lidnummers == ["1", "2", "3", "5", "6", "8", "10"]
    tienen = acht.lid("10")
    assert len(tienen) == 2, "beide leden 10 bewaard, geen overschreven"
    assert "ziekte thuis verblijven" in tienen[0].tekst and "achterstanden" in tienen[1].tekst
    assert "ziekte" in acht.tekst and "achterstanden" in acht.tekst
    assert wpo.waarschuwingen == ("artikel 8 heeft 2 leden met nummer 10; alle zijn bewaard "
                                  "(een verwijzing naar lid 10 is niet eenduidig)",)
    lid2 = web.artikelen["4.2.1"].lid("2")[0]
    assert [o.nr for o in lid2.onderdelen] == ["a", "b", "c", "d"]
    assert [o.nr for o in lid2.onderdelen[1].onderdelen] == ["1°", "2°", "3°", "4°", "5°", "6°"]
    assert [o.nr for o in wpo.artikelen["4c"].lid("1")[0].onderdelen[2].onderdelen] == ["1°", "2°"]
    assert wpo.artikelen["9"].lid("12")[0].status == "nogniet"
    assert web.artikelen["1.3.6a"].leden == () and web.artikelen["1.3.6a"].tekst.startswith("Het bevoegd gezag")
    slot = web.artikelen["7.2.7"].lid("3")[0]
    assert slot.aanhef.endswith("in het verslag, bedoeld in artikel 1.4.1, derde lid.")
    assert slot.tekst.index("d. voor een driejarige") < slot.tekst.index("Het bevoegd gezag kan een onderwijsprogramma")


def test_tekst_van_het_onderdeel_en_niet_van_het_hele_lid() -> None:
    web = lees_wettekst(echte_wet(WEB).read_bytes(), WEB)
    art = web.artikelen["4.2.1"]
    een = tekst_van(art, "2", "b, 1°")
    assert een.startswith("1° een getuigschrift als bedoeld in artikel 7.11, eerste lid,")
    assert "Arubaans" not in een and "degene die" not in een
    b = tekst_van(art, "2", "b")
    assert b.startswith("b. voldoet aan de bekwaamheidseisen") and "6° een gelijkwaardig buitenlands" in b
    assert "verklaring omtrent het gedrag" not in b
    wpo = lees_wettekst(echte_wet(WPO).read_bytes(), WPO)
    tien = tekst_van(wpo.artikelen["8"], "10")
    assert tien.startswith("[1/2] Het onderwijs wordt zodanig ingericht dat leerlingen die in verband met ziekte")
    assert "[2/2] Het onderwijs wordt zodanig ingericht dat daarbij" in tien


def test_importeer_meldt_het_dubbele_lid(tmp_path: Path) -> None:
    code, uit, fout = kd(["wetten", "importeer", str(echte_wet(WPO)), "--kaders", str(tmp_path)])
    assert code == 0, fout
    assert "BWBR0003420 (Wet op het primair onderwijs), geldig vanaf 2016-08-01, 5 artikel(en)" in uit
    assert "waarschuwing: artikel 8 heeft 2 leden met nummer 10" in fout
    assert (tmp_path / "wetten" / "BWBR0003420" / "2016-08-01.xml").read_bytes() == echte_wet(WPO).read_bytes()


GOED = [
    ("g1", "Docent met getuigschrift.", {"wet": "WEB", "artikel": "4.2.1", "lid": "2", "onderdeel": "b, 1°"}),
    ("g2", "Verslag over beleid.", {"wet": "WEB", "artikel": "1.3.6", "lid": "2", "onderdeel": "c"}),
    ("g3", "Aanspreekpunt pesten.", {"wet": "WPO", "artikel": "4c", "lid": "1", "onderdeel": "c, 2°"}),
    ("g4", "Kwaliteit onderwijs.", {"wet": "WPO", "artikel": "10"}),
    ("g5", "Personeelsbeleid.", {"wet": "WEB", "artikel": "1.3.6a"}),
]
FOUT = [
    ("f1", "x", {"wet": "WEB", "artikel": "1.3.6", "lid": "3"},
     "artikel 1.3.6 heeft geen lid 3 in de wettekst BWBR0007625 geldig vanaf 1 augustus 2016 (leden: 1, 2)"),
    ("f2", "x", {"wet": "WEB", "artikel": "1.3.6a", "lid": "1"}, "(het artikel heeft geen leden)"),
    ("f3", "x", {"wet": "WEB", "artikel": "4.2.1", "lid": "2", "onderdeel": "1°"},
     "; bedoelt u onderdeel b, 1°?"),
    ("f4", "x", {"wet": "WEB", "artikel": "4.2.1", "lid": "2", "onderdeel": "b, 7°"},
     "lid 2 van artikel 4.2.1 heeft geen onderdeel b, 7°"),
    ("f5", "x", {"wet": "WPO", "artikel": "8", "lid": "1", "onderdeel": "a"}, "heeft geen onderdelen"),
    ("f6", "x", {"wet": "WPO", "artikel": "9", "lid": "12"}, "lid 12 van artikel 9 is nog niet in werking getreden"),
    ("f7", "x", {"wet": "WEB", "artikel": "1.3.6a", "onderdeel": "a"}, "artikel 1.3.6a heeft geen onderdelen"),
]


def test_controleer_tegen_de_echte_structuur(tmp_path: Path) -> None:
    eisen = GOED + [(eid, t, g) for eid, t, g, _ in FOUT]
    eisen.append(("w1", "Ziek thuis.", {"wet": "WPO", "artikel": "8", "lid": "10"}))
    bestand = kader_met(tmp_path, eisen)
    meldingen = controleer_grondslagen(laad_bestand(bestand), bestand.parent.parent)
    per_eis = {m.tekst.split("'")[1]: m for m in meldingen}
    assert set(per_eis) == {eid for eid, *_ in FOUT} | {"w1"}, [m.tekst for m in meldingen]
    for eid, _, _, stuk in FOUT:
        assert per_eis[eid].ernst == "fout" and stuk in per_eis[eid].tekst, per_eis[eid].tekst
    assert per_eis["w1"].ernst == "waarschuwing" and "2 leden met nummer 10" in per_eis["w1"].tekst
    code, _, fout = kd(["controleer", str(bestand)])
    assert code == 2 and "7 fout(en)" in fout


def test_controleer_slaagt_op_wat_de_echte_wet_heeft(tmp_path: Path) -> None:
    bestand = kader_met(tmp_path, GOED)
    code, uit, fout = kd(["controleer", str(bestand)])
    assert (code, fout) == (0, ""), fout
    assert "In orde" in uit


def test_herleid_toont_de_tekst_van_het_geciteerde_onderdeel(tmp_path: Path) -> None:
    bestand = kader_met(tmp_path, GOED)
    code, uit, fout = kd(["herleid", "MBO:OP1", "--json", "--kaders", str(bestand.parent.parent)])
    assert code == 0, fout
    eisen = {e["id"]: e for e in json.loads(uit)["eisen"]}
    g1 = eisen["g1"]["grondslagen"][0]
    assert g1["wettekst"].startswith("1° een getuigschrift") and "degene die" not in g1["wettekst"]
    assert g1["jci"] == "jci1.3:c:BWBR0007625&artikel=4.2.1&lid=2&o=b&o=1%C2%B0&g=2026-08-01"
    assert eisen["g4"]["grondslagen"][0]["wettekst"].startswith("Het bevoegd gezag draagt zorg voor de kwaliteit")


def test_vervallen_artikel_heet_vervallen_niet_onbekend(tmp_path: Path) -> None:
    """A real BWB vervallen article (status attribute and '[Vervallen per …]') stays known as vervallen."""
    xml = echte_wet(WEB).read_bytes().replace(
        b'<artikel bwb-ng-variabel-deel="/Hoofdstuk1/Titel3/Paragraaf3/Artikel1.3.6a" label="Artikel 1.3.6a">',
        b'<artikel bwb-ng-variabel-deel="/Hoofdstuk1/Titel3/Paragraaf3/Artikel1.3.6a" label="Artikel 1.3.6a" '
        b'status="vervallen">')
    web = lees_wettekst(xml, "web.xml")
    assert web.artikelen["1.3.6a"].status == VERVALLEN
    bestand = kader_met(tmp_path, [GOED[4]])
    (bestand.parent.parent / "wetten" / "BWBR0007625" / "2016-08-01.xml").write_bytes(xml)
    meldingen = controleer_grondslagen(laad_bestand(bestand), bestand.parent.parent)
    assert [m.tekst for m in meldingen] == [
        "eis 'g5': grondslag 'artikel 1.3.6a van de WEB': artikel 1.3.6a is vervallen in de wettekst "
        "BWBR0007625 geldig vanaf 1 augustus 2016"]


TERMEN = [
    ("t1", "De school stelt op basis van de verzamelde gegevens ambitieuze doelen voor de ontwikkeling van de "
           "leerlingen.", {"wet": "WPO", "artikel": "8", "lid": "1"}),
    ("t2", "Het onderwijs is afgestemd op de voortgang in de ontwikkeling van de leerlingen.",
     {"wet": "WPO", "artikel": "8", "lid": "1"}),
    ("t3", "Het bevoegd gezag richt een stelsel van kwaliteitszorg in en maakt de uitkomsten openbaar.",
     {"wet": "WEB", "artikel": "1.3.6", "lid": "1"}),
]


def test_herleid_termen_zegt_wat_uit_de_wet_komt(tmp_path: Path) -> None:
    bestand = kader_met(tmp_path, TERMEN)
    code, uit, fout = kd(["herleid", "MBO:OP1", "--termen", "--json", "--kaders", str(bestand.parent.parent)])
    assert code == 0, fout
    termen = {e["id"]: e.get("termen") for e in json.loads(uit)["eisen"]}
    t1 = termen["t1"]
    assert "ambitieuze" in t1["niet_in_de_wet"], "'ambitieus' staat niet in artikel 8, eerste lid, WPO"
    assert {"woord": "ontwikkeling", "gevonden_in": ["artikel 8, eerste lid, van de WPO"]} in t1["uit_de_wet"]
    assert termen["t2"]["niet_in_de_wet"] == []
    assert termen["t3"]["niet_in_de_wet"] == []
    assert termen["op1-e2"]["zonder_wettekst"] == [] and termen["op1-e2"]["uit_de_wet"] == []
    code, uit, _ = kd(["herleid", "MBO:OP1", "--termen", "--kaders", str(bestand.parent.parent)])
    assert code == 0 and "Herkomst van de termen (Snowball 'dutch', snowballstemmer 3.1.1)" in uit


def test_controleer_termen_noemt_eisen_met_woorden_buiten_de_wet(tmp_path: Path) -> None:
    bestand = kader_met(tmp_path, TERMEN)
    code, _, fout = kd(["controleer", str(bestand), "--termen"])
    assert code == 0, fout
    regels = [r for r in fout.splitlines() if "opmerking" in r]
    assert len(regels) == 1 and "eis 't1': niet in de wettekst van de grondslag(en): " in regels[0]
    assert "ambitieuze" in regels[0] and "ontwikkeling" not in regels[0].split(":")[-1]
    code, _, fout = kd(["controleer", str(bestand)])
    assert (code, fout) == (0, ""), "zonder --termen geen opmerkingen"
