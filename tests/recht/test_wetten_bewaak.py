"""`kaderdiff wetten bewaak` and `wetten haal --alle` against a BWB repository on 127.0.0.1 (tests/hulp/bwbserver.py)
that serves two toestanden of the real WEB: the excerpt as it is (2016), and from 1 August 2026 the same text with
one lid rewritten as the Wet VABA rewrote the studieduur (one studieduur for both leerwegen)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kaderdiff.bron.laden import laad_bestand
from tests.hulp.bwbserver import Server, manifest
from tests.hulp.draai import kd
from tests.hulp.paden import KADERS
from tests.hulp.wetten_echt import WEB, echte_wet

LID1_OUD = ("Het bevoegd gezag stelt de studieduur van de opleiding vast met inachtneming van de bij of krachtens "
            "het tweede en derde lid gestelde regels.")
LID1_NIEUW = ("Het bevoegd gezag stelt de studieduur van de opleiding vast, die voor de beroepsopleidende en de "
              "beroepsbegeleidende leerweg gelijk is, met inachtneming van de bij of krachtens het tweede en derde "
              "lid gestelde regels.")
MANIFEST = "/bwb/BWBR0007625/manifest.xml"
TOESTAND_2016 = "/bwb/BWBR0007625/2016-08-01_0/xml/BWBR0007625_2016-08-01_0.xml"
TOESTAND_2026 = "/bwb/BWBR0007625/2026-08-01_0/xml/BWBR0007625_2026-08-01_0.xml"
WOT_MANIFEST = "/bwb/BWBR0013800/manifest.xml"
WOT_TOESTAND = "/bwb/BWBR0013800/2024-08-01_0/xml/BWBR0013800_2024-08-01_0.xml"


def twee_toestanden(server: Server) -> None:
    echt = echte_wet(WEB).read_bytes()
    assert echt.count(LID1_OUD.encode()) == 1
    nieuw = (echt.replace(LID1_OUD.encode(), LID1_NIEUW.encode())
             .replace(b'inwerkingtreding="2016-08-01"', b'inwerkingtreding="2026-08-01"'))
    server.routes[MANIFEST] = (200, "application/xml", manifest("BWBR0007625", [
        ("2016-08-01_0", "2016-08-01", "2026-07-31", "9999-12-31", False),
        ("2026-08-01_0", "2026-08-01", "9999-12-31", "9999-12-31", False)]))
    server.routes[TOESTAND_2016] = (200, "application/xml", echt)
    server.routes[TOESTAND_2026] = (200, "application/xml", nieuw)


def mbo_2026(map_: Path) -> Path:
    """A kadermap with the sample MBO kader of 2026 (it cites the WEB and the WOT) and no law texts."""
    (map_ / "2026").mkdir(parents=True)
    shutil.copy(KADERS / "2026" / "mbo.xml", map_ / "2026" / "mbo.xml")
    return map_


@pytest.fixture
def kaders(tmp_path: Path, server: Server, monkeypatch: pytest.MonkeyPatch) -> Path:
    twee_toestanden(server)
    monkeypatch.setenv("KADERDIFF_BWB_URL", server.url)
    return mbo_2026(tmp_path / "kaders")


def test_bewaak_meldt_het_gewijzigde_lid_en_de_eisen_erop_en_daarna_niets(kaders: Path, server: Server) -> None:
    code, _, fout = kd(["wetten", "haal", "WEB", "--datum", "2025-09-01", "--kaders", str(kaders)])
    assert code == 0, fout
    server.verzoeken.clear()
    code, uit, fout = kd(["wetten", "bewaak", "--kaders", str(kaders)])
    assert (code, fout) == (1, ""), fout
    assert server.verzoeken == [MANIFEST, TOESTAND_2026], "only the WEB is asked: no text of the WOT is stored"
    assert "WEB (BWBR0007625): nieuwe versie, geldig vanaf 1 augustus 2026" in uit
    assert "WOT (BWBR0013800): geen opgeslagen versie om mee te vergelijken; haal haar met 'kaderdiff wetten haal " \
           "WOT'" in uit
    # impact's block (issue 28): the eis by sector, year, standaard and text, not by an id readers do not know
    assert "\nWEB-1 (gewijzigd)\n  Plaats:                artikel 7.2.4a, eerste lid, van de WEB\n" in uit
    assert ("  Eisen die erop rusten: MBO 2026 · OP1: De opleiding heeft per leerweg één studieduur vastgesteld, en "
            "het programma is zo ingericht dat studenten de opleiding binnen die studieduur kunnen afronden. (artikel "
            "7.2.4a, eerste lid, van de WEB)\n") in uit and "st-op1-e2" not in uit
    assert "1 wijziging in de wet; 1 daarvan raakt eisen in de kaders." in uit
    assert uit.endswith("\n2 wetten bewaakt: 1 nieuwe versie.\n")
    assert (kaders / "wetten" / "BWBR0007625" / "2026-08-01.xml").read_bytes() == server.routes[TOESTAND_2026][2]
    server.verzoeken.clear()
    code, uit, fout = kd(["wetten", "bewaak", "--kaders", str(kaders)])
    assert (code, fout) == (0, ""), fout
    assert server.verzoeken == [MANIFEST]
    assert "WEB (BWBR0007625): niets nieuws na de opgeslagen versie, geldig vanaf 1 augustus 2026" in uit


def test_bewaak_als_json(kaders: Path) -> None:
    assert kd(["wetten", "haal", "WEB", "--datum", "2016-08-01", "--kaders", str(kaders)])[0] == 0
    code, uit, fout = kd(["wetten", "bewaak", "--json", "--kaders", str(kaders)])
    assert (code, fout) == (1, "")
    [web, wot] = json.loads(uit)["wetten"]
    assert (web["wet"], web["opgeslagen"], wot["wet"], wot["opgeslagen"]) == ("WEB", "2016-08-01", "WOT", None)
    [nieuw] = web["nieuw"]
    assert nieuw["geldig_vanaf"] == "2026-08-01"
    [wijziging] = nieuw["impact"]["wijzigingen"]
    assert (wijziging["soort"], wijziging["was"]["citaat"]) == ("gewijzigd", "artikel 7.2.4a, eerste lid, van de WEB")
    eisen = {e["eis"] for e in wijziging["eisen"]}
    kader = laad_bestand(kaders / "2026" / "mbo.xml")
    assert eisen == {e.id for e in kader.eisen()
                     if any(g.wet == "WEB" and g.artikel == "7.2.4a" and g.lid in ("", "1") for g in e.grondslagen)}
    assert eisen == {"st-op1-e2"}
    assert kd(["wetten", "bewaak", "--json", "--kaders", str(kaders)])[0] == 0


def test_bewaak_geeft_2_als_de_repository_niet_antwoordt(kaders: Path, server: Server) -> None:
    assert kd(["wetten", "haal", "WEB", "--datum", "2016-08-01", "--kaders", str(kaders)])[0] == 0
    del server.routes[MANIFEST]
    code, _, fout = kd(["wetten", "bewaak", "--kaders", str(kaders)])
    assert code == 2 and f"WEB (BWBR0007625): Niet gevonden in de BWB-repository (HTTP 404): {server.url}" in fout
    assert "Traceback" not in fout


def test_haal_alle_haalt_wat_de_kaders_op_hun_peildatum_citeren(kaders: Path, server: Server) -> None:
    wot = (KADERS / "wetten" / "BWBR0013800" / "2024-08-01.xml").read_bytes()  # the sample WOT text
    server.routes[WOT_MANIFEST] = (200, "application/xml", manifest("BWBR0013800", [
        ("2024-08-01_0", "2024-08-01", "9999-12-31", "9999-12-31", False)]))
    server.routes[WOT_TOESTAND] = (200, "application/xml", wot)
    code, uit, fout = kd(["wetten", "haal", "--alle", "--kaders", str(kaders)])
    assert (code, fout) == (0, ""), fout
    assert server.verzoeken == [MANIFEST, TOESTAND_2026, WOT_MANIFEST, WOT_TOESTAND]
    assert sorted(p.relative_to(kaders).as_posix() for p in (kaders / "wetten").rglob("*.xml")) == [
        "wetten/BWBR0007625/2026-08-01.xml", "wetten/BWBR0013800/2024-08-01.xml"]
    assert "2 wet(ten): 2 versie(s) opgehaald, 0 al aanwezig." in uit
    server.verzoeken.clear()
    code, uit, _ = kd(["wetten", "haal", "--alle", "--kaders", str(kaders)])
    assert code == 0 and server.verzoeken == [MANIFEST, WOT_MANIFEST], "what is stored is not fetched again"
    assert "Al aanwezig: WEB (BWBR0007625), geldig vanaf 2026-08-01" in uit
    code, uit, fout = kd(["controleer", "--streng", str(kaders)])
    assert "niet gecontroleerd" not in fout, "with the texts fetched every article is checked"


def test_haal_alle_meldt_per_wet_wat_mislukt_en_haalt_de_rest(kaders: Path, server: Server) -> None:
    code, uit, fout = kd(["wetten", "haal", "--alle", "--kaders", str(kaders)])
    assert code == 2
    assert f"WOT (BWBR0013800): Niet gevonden in de BWB-repository (HTTP 404): {server.url}" in fout
    assert (kaders / "wetten" / "BWBR0007625" / "2026-08-01.xml").is_file()
    assert "1 versie(s) opgehaald, 0 al aanwezig, mislukt: WOT." in uit


def test_haal_zonder_datum_haalt_de_versie_die_de_kaders_nodig_hebben(kaders: Path, server: Server) -> None:
    code, _, fout = kd(["wetten", "haal", "Web", "--kaders", str(kaders)])
    assert (code, fout) == (0, "")
    assert server.verzoeken == [MANIFEST, TOESTAND_2026]
    code, _, fout = kd(["wetten", "haal", "WPO", "--kaders", str(kaders)])
    assert code == 2 and "Geen kader citeert de WPO; geef met --datum op welke versie u wilt" in fout
    code, _, fout = kd(["wetten", "haal", "WEB", "--alle", "--kaders", str(kaders)])
    assert code == 2 and "Geef een wet (bijv. WPO) of --alle, niet allebei" in fout
