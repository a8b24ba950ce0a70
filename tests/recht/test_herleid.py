"""Tracing grondslagen both ways and the impact of law changes, on the PO/VO/MBO 2025/2026 samples."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kaderdiff.bron.versies import KaderMap
from kaderdiff.fouten import KaderdiffFout
from kaderdiff.model.kader import Grondslag
from kaderdiff.model.versie import Versie
from kaderdiff.recht.artikelherleiding import EisGeschiedenis, herleid_artikel, past_op
from kaderdiff.recht.herleid import (
    herleid_standaard,
    impact,
    impact_wetswijziging,
)
from kaderdiff.verwijzing.citeren import parse_een
from tests.hulp.draai import kd
from tests.hulp.paden import KADERS, REPO, VOORBEELD, ZONDER_WVO_TEKST, alleen_ongecontroleerd
from tests.hulp.repos import maak_repo


@pytest.fixture(scope="module")
def kadermap() -> KaderMap:
    return KaderMap(KADERS)


def _per_eis(lijst: list[EisGeschiedenis]) -> dict[tuple[str, str], EisGeschiedenis]:
    return {(g.sector, g.eis_id): g for g in lijst}


# -- reverse trace ------------------------------------------------------------------------

def test_studieduur_rust_op_web_7_2_4a_eerste_lid(kadermap: KaderMap) -> None:
    lijst = herleid_artikel(kadermap, parse_een("artikel 7.2.4a, eerste lid, WEB"))
    assert [(g.sector, g.eis_id) for g in lijst] == [("MBO", "st-op1-e2")]
    g = lijst[0]
    assert (g.jaren, g.eerste_jaar, g.tekst_gewijzigd, g.verwijderd_in) == ([2025, 2026], 2025, [], None)
    assert {v.standaard for v in g.voorkomens} == {"OP1"}


def test_vervallen_grondslag_wordt_gemeld(kadermap: KaderMap) -> None:
    """VABA: the reference to artikel 7.4.8 WEB under the studieduur eis goes in 2026, the text stays."""
    g = _per_eis(herleid_artikel(kadermap, parse_een("artikel 7.4.8, eerste lid, WEB")))[("MBO", "st-op1-e2")]
    assert (g.jaren, g.eerste_jaar, g.verwijderd_in, g.eis_vervallen, g.tekst_gewijzigd) == (
        [2025], 2025, 2026, False, [])


@pytest.mark.parametrize(("citaat", "sector"), [
    ("artikel 3, eerste lid, van de WPO", "PO"),
    ("artikel 32 WPO", "PO"),
    ("artikel 3.11, eerste lid, WVO 2020", "VO"),
    ("artikel 3.15 van de WVO", "VO"),
    ("artikel 4.2.3, eerste lid, WEB", "MBO"),
    ("art. 4.2.4 Web", "MBO"),
])
def test_vog_eis_in_elke_sector(kadermap: KaderMap, citaat: str, sector: str) -> None:
    per_eis = _per_eis(herleid_artikel(kadermap, parse_een(citaat)))
    g = per_eis[(sector, "st-ka1-e3")]
    assert g.eerste_jaar == 2025
    assert g.tekst_gewijzigd == [2026], "2026: benoembaar/bevoegd en bekwaam personeel met VOG"
    assert g.verwijderd_in is None
    assert 2025 in g.jaren and 2026 in g.jaren
    assert g.voorkomens[0].tekst == "Het bestuur zorgt voor bevoegd en bekwaam personeel."
    assert "Verklaring Omtrent het Gedrag (VOG)" in g.voorkomens[-1].tekst


def test_artikel_zonder_lid_vindt_alle_leden(kadermap: KaderMap) -> None:
    heel = herleid_artikel(kadermap, Grondslag("WEB", "7.2.4a"))
    assert ("MBO", "st-op1-e2") in _per_eis(heel)
    lid = herleid_artikel(kadermap, Grondslag("WEB", "4.2.3", "1"))
    assert set(_per_eis(lid)) <= set(_per_eis(herleid_artikel(kadermap, Grondslag("WEB", "4.2.3"))))


def test_artikel_dat_niemand_citeert(kadermap: KaderMap) -> None:
    assert herleid_artikel(kadermap, Grondslag("WHW", "7.8.1")) == []


def test_past_op() -> None:
    g = Grondslag("WPO", "8", "3", "a")
    assert past_op(g, Grondslag("WPO", "8"))
    assert past_op(g, Grondslag("WPO", "8", "3"))
    assert past_op(g, Grondslag("WPO", "8", "3", "a"))
    assert not past_op(g, Grondslag("WPO", "8", "3", "b"))
    assert not past_op(g, Grondslag("WPO", "8", "2"))
    assert not past_op(g, Grondslag("WVO", "8"))
    assert past_op(g, Grondslag("WPO"))


# -- history on hand-made kaders --------------------------------------------------------

def _schrijf(kaders: Path, jaar: int, inhoud: str) -> None:
    (kaders / str(jaar)).mkdir(parents=True, exist_ok=True)
    inhoud = inhoud.replace('jaar="2026"', f'jaar="{jaar}"').replace("2026-08-01", f"{jaar}-08-01")
    (kaders / str(jaar) / "mbo.xml").write_text(inhoud, encoding="utf-8")


def test_geschiedenis_eerst_gewijzigd_verwijderd_en_vervallen(tmp_path: Path) -> None:
    basis = VOORBEELD.read_text(encoding="utf-8")
    oud_grond = '<grondslag wet="WEB" artikel="7.2.4a" lid="1"/>'
    oud_tekst = "De opleiding heeft per leerweg één studieduur vastgesteld."
    kaders = tmp_path / "kaders"
    _schrijf(kaders, 2022, basis.replace(oud_grond, '<grondslag wet="WEB" artikel="7.2.5"/>'))
    _schrijf(kaders, 2023, basis)
    _schrijf(kaders, 2024, basis.replace(oud_tekst, "De opleiding stelt per leerweg één studieduur vast."))
    _schrijf(kaders, 2025, basis.replace(oud_tekst, "De opleiding stelt per leerweg één studieduur vast.")
             .replace(oud_grond, '<grondslag wet="WEB" artikel="7.2.5"/>'))
    eis_begin = basis.index('<eis id="op1-e1">')
    eis_eind = basis.index("</eis>", eis_begin) + len("</eis>")
    _schrijf(kaders, 2026, basis[:eis_begin] + basis[eis_eind:])
    km = KaderMap(kaders)

    [g] = herleid_artikel(km, Grondslag("WEB", "7.2.4a", "1"))
    assert (g.sector, g.eis_id, g.jaren, g.eerste_jaar) == ("MBO", "op1-e1", [2023, 2024], 2023)
    assert g.tekst_gewijzigd == [2024]
    assert (g.verwijderd_in, g.eis_vervallen) == (2025, False)

    [h] = herleid_artikel(km, Grondslag("WEB", "7.2.5"))
    assert (h.jaren, h.eerste_jaar, h.terug_in, h.tekst_gewijzigd) == ([2022, 2025], 2022, [2025], [2024])
    assert (h.verwijderd_in, h.eis_vervallen) == (2023, False)

    # The eis itself disappears in 2026.
    _schrijf(kaders, 2025, basis)
    [k] = herleid_artikel(km, Grondslag("WEB", "7.2.4a", "1"))
    assert (k.jaren, k.verwijderd_in, k.eis_vervallen) == ([2023, 2024, 2025], 2026, True)


# -- trace a standard -------------------------------------------------------------------

def test_herleid_mbo_op1_2026_met_wettekst_en_links(kadermap: KaderMap) -> None:
    h = herleid_standaard(kadermap, "mbo:op1", 2026)
    assert (h.sector, h.jaar, h.code, h.titel) == ("MBO", 2026, "OP1", "Aanbod")
    eis = next(e for e in h.eisen if e.id == "st-op1-e2")
    [g] = eis.grondslagen
    assert g.citaat == "artikel 7.2.4a, eerste lid, van de WEB"
    assert g.jci == "jci1.3:c:BWBR0007625&artikel=7.2.4a&lid=1&g=2026-08-01"
    assert g.link == "https://wetten.overheid.nl/" + g.jci
    assert g.wettekst.startswith("Voor elke leerweg van een beroepsopleiding geldt één studieduur")
    assert g.wettekst_bron == "BWBR0007625 geldig vanaf 2026-08-01"


def test_herleid_2025_toont_de_wettekst_van_voor_vaba(kadermap: KaderMap) -> None:
    h = herleid_standaard(kadermap, "MBO:OP1", 2025)
    eis = next(e for e in h.eisen if e.id == "st-op1-e2")
    g = next(g for g in eis.grondslagen if g.grondslag.artikel == "7.2.4a")
    assert "vóór de Wet VABA" in g.wettekst
    assert g.jci.endswith("&g=2025-08-01")


def test_eis_zonder_grondslag_toont_zijn_bron(kadermap: KaderMap) -> None:
    gevonden = []
    for sector in ("PO", "VO", "MBO"):
        kader = kadermap.laad(Versie(2026), sector)
        for eis in kader.eisen():
            if eis.geen_grondslag is not None:
                st = kader.standaard_van(eis.id)
                assert st is not None
                h = herleid_standaard(kadermap, f"{sector}:{st.nummer}", 2026)
                e = next(e for e in h.eisen if e.id == eis.id)
                assert e.grondslagen == () and e.geen_grondslag_bron == eis.geen_grondslag.bron != ""
                gevonden.append(eis.id)
    assert gevonden


def test_herleid_standaard_fouten(kadermap: KaderMap) -> None:
    with pytest.raises(KaderdiffFout, match="bestaat niet in MBO 2026"):
        herleid_standaard(kadermap, "MBO:XX9", 2026)
    with pytest.raises(KaderdiffFout, match="SECTOR:CODE"):
        herleid_standaard(kadermap, "OP1")
    with pytest.raises(KaderdiffFout, match="Geen kader voor sector HO"):
        herleid_standaard(kadermap, "HO:OP1")
    with pytest.raises(KaderdiffFout, match="De sector 'HO' bestaat niet"):
        herleid_standaard(kadermap, "HO:OP1", 2026)


# -- impact -----------------------------------------------------------------------------

def test_impact_web_7_2_4a_in_2026(kadermap: KaderMap) -> None:
    regels = impact(kadermap, "WEB", ["7.2.4a"], 2026)
    assert [(r.sector, r.standaard, r.eis_id) for r in regels] == [("MBO", "OP1", "st-op1-e2")]
    assert regels[0].grondslagen == (Grondslag("WEB", "7.2.4a", "1"),)


def test_impact_meerdere_artikelen_en_sectoren(kadermap: KaderMap) -> None:
    regels = impact(kadermap, "web", ["7.2.4a", "4.2.4"], 2026)
    assert {(r.sector, r.eis_id) for r in regels} >= {("MBO", "st-op1-e2"), ("MBO", "st-ka1-e3")}
    assert {r.sector for r in regels} == {"MBO"}
    vog = impact(kadermap, "WPO", ["32"], 2025) + impact(kadermap, "WVO 2020", ["3.15"], 2025)
    assert {(r.sector, r.standaard, r.eis_id) for r in vog} == {("PO", "KA1", "st-ka1-e3"), ("VO", "KA1", "st-ka1-e3")}


def test_impact_zonder_jaar_neemt_het_nieuwste_kader_per_sector(kadermap: KaderMap) -> None:
    regels = impact(kadermap, "WEB", ["7.2.4a"])
    assert [(r.sector, r.jaar, r.eis_id) for r in regels] == [("MBO", 2026, "st-op1-e2")]


def test_impact_onbekende_wet(kadermap: KaderMap) -> None:
    with pytest.raises(KaderdiffFout, match="Onbekende wet 'Wet BIG'"):
        impact(kadermap, "Wet BIG", ["1"], 2026)


def test_impact_wetswijziging_vaba(kadermap: KaderMap) -> None:
    w = impact_wetswijziging(kadermap, "vaba", 2026)
    assert (w.code, w.jaar, w.status, w.inwerkingtreding) == ("VABA", 2026, "verwacht", "2026-08-01")
    assert "MBO" in w.sectoren
    mbo = [t for t in w.toelichtingen if t.sector == "MBO"]
    assert mbo and all(t.jaar == 2026 for t in mbo)
    elementen = {e.id: e for t in mbo for e in t.elementen}
    assert elementen["st-op1-e2"].standaard == "OP1" and not elementen["st-op1-e2"].vervallen
    assert impact_wetswijziging(kadermap, "VABA").jaar == 2026
    with pytest.raises(KaderdiffFout, match="komt in geen enkel kader van 2025 voor"):
        impact_wetswijziging(kadermap, "VABA", 2025)


# -- command line -----------------------------------------------------------------------

def test_cli_herleid_standaard(voorbeeldrepo: Path) -> None:
    code, uit, fout = kd(["herleid", "MBO:OP1", "--jaar", "2026"], cwd=voorbeeldrepo)
    assert (code, fout) == (0, "")
    assert "OP1 Aanbod" in uit and "st-op1-e2" in uit
    code, uit, _ = kd(["herleid", "MBO:OP1", "--jaar", "2026", "--json", "--kaders", str(voorbeeldrepo / "kaders")])
    data = json.loads(uit)
    eis = next(e for e in data["eisen"] if e["id"] == "st-op1-e2")
    assert eis["grondslagen"][0]["jci"] == "jci1.3:c:BWBR0007625&artikel=7.2.4a&lid=1&g=2026-08-01"


def test_cli_herleid_artikel_json(voorbeeldrepo: Path) -> None:
    code, uit, fout = kd(["herleid", "--artikel", "artikel 7.2.4a, eerste lid, WEB", "--json"], cwd=voorbeeldrepo)
    assert (code, fout) == (0, "")
    data = json.loads(uit)
    assert data["citaat"] == "artikel 7.2.4a, eerste lid, van de WEB"
    assert [(e["sector"], e["eis_id"], e["jaren"], e["eerste_jaar"]) for e in data["eisen"]] == [
        ("MBO", "st-op1-e2", [2025, 2026], 2025)]
    code, uit, _ = kd(["herleid", "--artikel", "artikel 7.4.8, eerste lid, WEB", "--jaar", "2026", "--json"],
                      cwd=voorbeeldrepo)
    assert code == 0 and "st-op1-e2" not in {e["eis_id"] for e in json.loads(uit)["eisen"]}
    code, uit, _ = kd(["herleid", "--artikel", "artikel 32 WPO"], cwd=voorbeeldrepo)
    assert code == 0 and "st-ka1-e3" in uit and "PO" in uit


def test_cli_impact(voorbeeldrepo: Path) -> None:
    code, uit, fout = kd(["impact", "--wet", "WEB", "--artikel", "7.2.4a", "--artikel", "7.2.5", "--jaar", "2026",
                          "--json"], cwd=voorbeeldrepo)
    assert (code, fout) == (0, "")
    assert [r["eis_id"] for r in json.loads(uit)] == ["st-op1-e2"]
    code, uit, _ = kd(["impact", "--wet", "WEB", "--artikel", "7.2.4a", "--jaar", "2026"], cwd=voorbeeldrepo)
    assert code == 0 and "1 eis na te lopen in 1 standaard." in uit
    assert "Wijziging: MBO-9" in uit and "st-op1-e2" not in uit, "een lezer kent het nummer uit de Staat, niet het id"
    code, uit, _ = kd(["impact", "--wet-wijziging", "VABA", "--jaar", "2026", "--json"], cwd=voorbeeldrepo)
    assert code == 0 and json.loads(uit)["code"] == "VABA"
    code, uit, _ = kd(["impact", "--wet-wijziging", "VABA"], cwd=voorbeeldrepo)
    assert code == 0 and "MBO-9 (OP1)" in uit and "st-op1-e2" not in uit and "t-vaba" not in uit


@pytest.mark.parametrize(("args", "stuk"), [
    (["herleid"], "Geef een standaard"),
    (["herleid", "MBO:OP1", "--artikel", "artikel 8 WPO"], "niet allebei"),
    (["herleid", "MBO:XX9"], "Standaard XX9 bestaat niet"),
    (["herleid", "--artikel", "artikel acht WPO"], "Kan de verwijzing"),
    (["herleid", "--artikel", "artikel 8 van het reglement"], "er staat geen bekende wet in"),
    (["impact"], "Geef --wet"),
    (["impact", "--wet", "XYZ", "--artikel", "1"], "Onbekende wet"),
    (["impact", "--wet", "WEB", "--jaar", "1999"], "Het jaar 1999 bestaat niet"),
    (["impact", "--wet-wijziging", "ONBEKEND"], "ONBEKEND"),
])
def test_cli_fouten_geven_exit_2_en_nederlandse_melding(voorbeeldrepo: Path, args: list[str], stuk: str) -> None:
    code, _, fout = kd(args, cwd=voorbeeldrepo)
    assert code == 2
    assert "Fout:" in fout and stuk in fout
    assert "Traceback" not in fout


def test_cli_als_apart_proces(tmp_path: Path) -> None:
    from tests.hulp.draai import kd_proces

    repo = maak_repo(tmp_path / "repo")
    resultaat = kd_proces(["herleid", "--artikel", "art. 4.2.4 WEB", "--json"], cwd=repo)
    assert resultaat.returncode == 0, resultaat.stderr
    assert ("MBO", "st-ka1-e3") in {(e["sector"], e["eis_id"]) for e in json.loads(resultaat.stdout)["eisen"]}


# -- validation of the samples against the stored law texts -----------------------------

def test_sample_wetteksten_dekken_alle_grondslagen(voorbeeldrepo: Path) -> None:
    """Every grondslag is checked against a sample law text, except those in the WVO 2020 (none among the
    samples), and `controleer` says that it did not check those."""
    code, _uit, fout = kd(["controleer", str(voorbeeldrepo / "kaders")])
    assert code == 0 and alleen_ongecontroleerd(fout), fout
    assert f"{voorbeeldrepo / 'kaders' / 'wetten'}: {ZONDER_WVO_TEKST}: 29 artikelen niet gecontroleerd" in fout
    assert (voorbeeldrepo / "kaders" / "wetten" / "BWBR0007625" / "2026-08-01.xml").is_file()


def test_validatie_op_de_samples_vangt_een_verdwenen_artikel(voorbeeldrepo: Path) -> None:
    wet = voorbeeldrepo / "kaders" / "wetten" / "BWBR0007625" / "2026-08-01.xml"
    tekst = wet.read_text(encoding="utf-8")
    begin = tekst.index('<artikel label="Artikel 7.2.4a">')
    eind = tekst.index("</artikel>", begin) + len("</artikel>")
    wet.write_text(tekst[:begin] + tekst[eind:], encoding="utf-8")
    code, _, fout = kd(["controleer", str(voorbeeldrepo / "kaders" / "2026" / "mbo.xml")])
    assert code == 2
    assert "eis 'st-op1-e2': grondslag 'artikel 7.2.4a, eerste lid, van de WEB': artikel 7.2.4a bestaat niet" in fout
    assert "bedoelt u artikel" in fout
    code, _, fout = kd(["controleer", str(voorbeeldrepo / "kaders" / "2025" / "mbo.xml")])
    assert (code, fout) == (0, ""), "2025 gebruikt de wettekst die geldt vanaf 1 augustus 2025"


@pytest.mark.parametrize(("oud", "nieuw", "stuk"), [
    ('<grondslag wet="WEB" artikel="1.2.1" lid="2"/>', '<grondslag wet="WEB" artikel="1.3.6a" lid="1"/>',
     "artikel 1.3.6a heeft geen lid 1 in de wettekst BWBR0007625 geldig vanaf 1 augustus 2026 "
     "(het artikel heeft geen leden)"),
    ('<grondslag wet="WEB" artikel="1.3.6" lid="1"/>', '<grondslag wet="WEB" artikel="1.3.6" lid="3"/>',
     "artikel 1.3.6 heeft geen lid 3"),
    ('<grondslag wet="WEB" artikel="8.1.3" lid="3" onderdeel="g"/>',
     '<grondslag wet="WEB" artikel="8.1.3" lid="3" onderdeel="k"/>',
     "lid 3 van artikel 8.1.3 heeft geen onderdeel k"),
    ('<grondslag wet="WEB" artikel="8.1.3" lid="3" onderdeel="g"/>',
     '<grondslag wet="WEB" artikel="8.1.3" lid="1" onderdeel="h"/>',
     "lid 1 van artikel 8.1.3 heeft geen onderdelen"),
])
def test_foute_citatie_in_een_sample_kader_faalt(voorbeeldrepo: Path, oud: str, nieuw: str, stuk: str) -> None:
    """The sample law texts have the law's structure, not the kaders': a wrong citation is caught."""
    bestand = voorbeeldrepo / "kaders" / "2026" / "mbo.xml"
    tekst = bestand.read_text(encoding="utf-8")
    assert oud in tekst
    bestand.write_text(tekst.replace(oud, nieuw, 1), encoding="utf-8")
    code, _, fout = kd(["controleer", str(bestand)])
    assert code == 2 and stuk in fout, fout


def test_sample_wetteksten_komen_uit_de_generator_en_niet_uit_de_kaders(tmp_path: Path) -> None:
    """docs/maak_wetfixtures.py writes exactly the committed sample law texts, from its own table."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("maak_wetfixtures", REPO / "docs" / "maak_wetfixtures.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    bron = (REPO / "docs" / "maak_wetfixtures.py").read_text(encoding="utf-8")
    assert "laad_bestand" not in bron and "kaders/20" not in bron and "glob(\"[0-9]" not in bron
    gemaakt = module.bestanden()
    opgeslagen = {p.relative_to(KADERS / "wetten").as_posix(): p.read_text(encoding="utf-8")
                  for p in (KADERS / "wetten").glob("BWB*/*.xml")}
    assert gemaakt == opgeslagen


def test_cli_herleid_meerdere_verwijzingen(voorbeeldrepo: Path) -> None:
    """Several references, in one text (prose form) or with --artikel repeated, are each traced."""
    code, uit, fout = kd(["herleid", "--artikel", "artikel 11 derde lid en in artikel 15 van de WOT", "--json"],
                         cwd=voorbeeldrepo)
    assert code == 0, fout
    data = json.loads(uit)
    assert [d["citaat"] for d in data] == ["artikel 11, derde lid, van de WOT", "artikel 15 van de WOT"]
    assert all(d["eisen"] for d in data)
    code, uit2, _ = kd(["herleid", "--artikel", "artikel 11, derde lid, WOT", "--artikel", "artikel 15 WOT", "--json"],
                       cwd=voorbeeldrepo)
    assert code == 0 and json.loads(uit2) == data
    code, uit, _ = kd(["herleid", "--artikel", "artikelen 8 en 10 WPO"], cwd=voorbeeldrepo)
    assert code == 0
    assert "Eisen die rusten op artikel 8 van de WPO" in uit and "Eisen die rusten op artikel 10 van de WPO" in uit
