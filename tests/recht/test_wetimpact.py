"""`kaderdiff impact --wet … --van-datum … --naar-datum …`: two law versions, what changed, and the eisen on it."""

from __future__ import annotations

import json
from pathlib import Path

import docx

from kaderdiff.bron.bwb import importeer, lees_wettekst
from kaderdiff.recht.wetimpact import Plaats, koppel, vergelijk_wetteksten
from tests.hulp.draai import kd
from tests.hulp.repos import maak_repo
from tests.hulp.wetten_echt import WEB, echte_wet, kader_met


def test_samples_vaba_raakt_precies_de_studieduur_eis(voorbeeldrepo: Path) -> None:
    code, uit, fout = kd(["impact", "--wet", "WEB", "--van-datum", "2025-08-01", "--naar-datum", "2026-08-01",
                          "--json"], cwd=voorbeeldrepo)
    assert code == 0, fout
    data = json.loads(uit)
    assert [(w["nummer"], w["soort"], w["wordt"]["citaat"]) for w in data["wijzigingen"]] == [
        ("WEB-1", "gewijzigd", "artikel 7.2.4a, eerste lid, van de WEB")]
    w = data["wijzigingen"][0]
    assert [(e["sector"], e["jaar"], e["eis"]) for e in w["eisen"]] == [("MBO", 2025, "st-op1-e2"),
                                                                      ("MBO", 2026, "st-op1-e2")]
    assert {"op": "erbij", "tekst": "één"} in w["woorddiff"] or any(
        d["op"] == "erbij" and "één" in d["tekst"] for d in w["woorddiff"])
    assert w["wordt"]["link"] == "https://wetten.overheid.nl/jci1.3:c:BWBR0007625&artikel=7.2.4a&lid=1&g=2026-08-01"


def _wijzig(data: bytes, *paren: tuple[bytes, bytes]) -> bytes:
    for oud, nieuw in paren:
        assert data.count(oud) == 1, oud
        data = data.replace(oud, nieuw)
    return data


def _tweede_versie() -> bytes:
    """The real WEB text with, as a law change would do: an onderdeel, a nested onderdeel and the closing
    words of a lid changed, a lid renumbered, an article added and one removed."""
    data = echte_wet(WEB).read_bytes().replace(b'inwerkingtreding="2016-08-01"', b'inwerkingtreding="2017-08-01"')
    begin = data.index(b'<titeldeel bwb-ng-variabel-deel="/Hoofdstuk4/Titel2a">')
    eind = data.index(b"</titeldeel>", begin) + len(b"</titeldeel>")
    data = data[:begin] + data[eind:]
    return _wijzig(
        data,
        (b"het voorgenomen beleid in het licht van die uitkomsten.",
         b"het voorgenomen en het gevoerde beleid in het licht van die uitkomsten."),
        (b"<al>een getuigschrift als bedoeld in artikel 7.11, eerste lid, van de Wet op het hoger onderwijs en "
         b"wetenschappelijk onderzoek van een met goed gevolg afgelegd afsluitend examen van een aan een hogeschool",
         b"<al>een diploma als bedoeld in artikel 7.11, eerste lid, van de Wet op het hoger onderwijs en "
         b"wetenschappelijk onderzoek van een met goed gevolg afgelegd afsluitend examen van een aan een hogeschool"),
        (b"legt het bevoegd gezag hierover verantwoording af in het jaarverslag",
         b"legt het bevoegd gezag hierover verantwoording af in het bestuursverslag"),
        (b'<lid bwb-ng-variabel-deel="/Hoofdstuk7/Titel4/Paragraaf1/Artikel7.4.5/Lid2"><lidnr>2.</lidnr>',
         b'<lid bwb-ng-variabel-deel="/Hoofdstuk7/Titel4/Paragraaf1/Artikel7.4.5/Lid3"><lidnr>3.</lidnr>'),
        (b"</artikel>\n   </hoofdstuk>\n   <hoofdstuk bwb-ng-variabel-deel=\"/Hoofdstuk4\">",
         b"</artikel>\n    <artikel label=\"Artikel 1.3.7\"><kop><label>Artikel</label><nr>1.3.7</nr>"
         b"<titel>Nieuw</titel></kop><al>Een nieuw artikel (voorbeeldtekst).</al></artikel>\n   </hoofdstuk>\n"
         b"   <hoofdstuk bwb-ng-variabel-deel=\"/Hoofdstuk4\">"),
    )


EISEN = [
    ("e1", "Verslag.", {"wet": "WEB", "artikel": "1.3.6", "lid": "2"}),
    ("e2", "Kwaliteitszorg.", {"wet": "WEB", "artikel": "1.3.6", "lid": "1"}),
    ("e3", "Het hele artikel.", {"wet": "WEB", "artikel": "1.3.6"}),
    ("e4", "Getuigschrift.", {"wet": "WEB", "artikel": "4.2.1", "lid": "2", "onderdeel": "b, 1°"}),
    ("e5", "VOG docent.", {"wet": "WEB", "artikel": "4.2.1", "lid": "2", "onderdeel": "a"}),
    ("e6", "Examencommissie benoemd.", {"wet": "WEB", "artikel": "7.4.5", "lid": "2"}),
    ("e7", "VOG overig personeel.", {"wet": "WEB", "artikel": "4.2a.1"}),
    ("e8", "Inrichting.", {"wet": "WEB", "artikel": "7.2.7", "lid": "1"}),
    ("e9", "Uren.", {"wet": "WEB", "artikel": "7.2.7", "lid": "3", "onderdeel": "b"}),
    ("e10", "Ander recht.", {"wet": "WPO", "artikel": "10"}),
]


def test_twee_wetsversies_noemen_precies_de_gewijzigde_plaatsen_en_de_eisen_erop(tmp_path: Path) -> None:
    bestand = kader_met(tmp_path, EISEN)
    kaders = bestand.parent.parent
    (tmp_path / "web-2017.xml").write_bytes(_tweede_versie())
    importeer(tmp_path / "web-2017.xml", kaders)
    code, uit, fout = kd(["impact", "--wet", "WEB", "--van-datum", "2016-08-01", "--naar-datum", "2017-08-01",
                          "--json", "--kaders", str(kaders)])
    assert code == 0, fout
    data = json.loads(uit)
    gevonden = {(w["soort"], (w["was"] or {}).get("citaat", ""), (w["wordt"] or {}).get("citaat", "")):
                sorted(e["eis"] for e in w["eisen"]) for w in data["wijzigingen"]}
    assert gevonden == {
        ("gewijzigd", "artikel 1.3.6, tweede lid, onder c, van de WEB",
         "artikel 1.3.6, tweede lid, onder c, van de WEB"): ["e1", "e3"],
        ("toegevoegd", "", "artikel 1.3.7 van de WEB"): [],
        ("gewijzigd", "artikel 4.2.1, tweede lid, onder b, 1°, van de WEB",
         "artikel 4.2.1, tweede lid, onder b, 1°, van de WEB"): ["e4"],
        ("vervallen", "artikel 4.2a.1 van de WEB", ""): ["e7"],
        ("gewijzigd", "artikel 7.2.7, derde lid, van de WEB", "artikel 7.2.7, derde lid, van de WEB"): ["e9"],
        ("vernummerd", "artikel 7.4.5, tweede lid, van de WEB", "artikel 7.4.5, derde lid, van de WEB"): ["e6"],
    }
    assert [w["nummer"] for w in data["wijzigingen"]] == [f"WEB-{i}" for i in range(1, 7)]
    lid3 = next(w for w in data["wijzigingen"] if w["wordt"] and w["wordt"]["citaat"].startswith("artikel 7.2.7"))
    assert lid3["niveau"] == "lid" and "bestuursverslag" in lid3["tekst_wordt"]
    assert "voor de entreeopleiding" not in lid3["tekst_wordt"], "de aanhef, niet de onderdelen die gelijk bleven"


def test_overzicht_als_docx_html_json_en_reproduceerbaar(tmp_path: Path) -> None:
    """Two checkouts at different paths give the same bytes (no absolute path in the outputs)."""
    uit1, uit2 = tmp_path / "uit1", tmp_path / "uit2"
    for uit, plek in ((uit1, "repo"), (uit2, "elders/een-andere-kloon")):
        repo = maak_repo(tmp_path / plek)
        code, _, fout = kd(["impact", "--wet", "WEB", "--van-datum", "2025-08-01", "--naar-datum", "2026-08-01",
                            "--uit", str(uit)], cwd=repo)
        assert code == 0, fout
    namen = sorted(p.name for p in uit1.iterdir() if p.name != ".kaderdiff-uitvoer")  # an output folder, marked
    assert namen == [f"web-2025-08-01-2026-08-01-wetimpact.{x}" for x in ("docx", "html", "json")]
    for naam in namen:
        assert (uit1 / naam).read_bytes() == (uit2 / naam).read_bytes(), naam
    document = docx.Document(str(uit1 / namen[0]))
    rijen = document.tables[0].rows
    assert [c.text for c in rijen[0].cells] == ["Nr", "Plaats in de wet", "Wettekst WAS", "Wettekst WORDT",
                                                "Eisen die erop rusten"]
    assert rijen[1].cells[0].text.startswith("WEB-1")
    assert "MBO 2026 · OP1 · MBO-9: De opleiding" in rijen[1].cells[4].text
    assert "st-op1-e2" not in rijen[1].cells[4].text, "een eis heet naar haar wijziging in de Staat, niet naar haar id"
    doorgehaald = [r.text for p in rijen[1].cells[2].paragraphs for r in p.runs if r.font.strike]
    assert doorgehaald, "de oude woorden zijn doorgehaald"
    html = (uit1 / namen[1]).read_text(encoding="utf-8")
    assert '<tr id="WEB-1">' in html and "<del>" in html and "<ins>" in html and 'lang="nl"' in html


def test_koppel_herkent_een_ingevoegd_lid_als_vernummering() -> None:
    oud = [("1", "eerste tekst"), ("2", "tweede tekst over iets"), ("3", "derde tekst over iets anders")]
    nieuw = [("1", "eerste tekst"), ("2", "een geheel nieuw lid"), ("3", "tweede tekst over iets"),
             ("4", "derde tekst over iets anders")]
    paren = koppel(oud, nieuw, lambda x: x[0], lambda x: x[1])
    assert [(a[0] if a else None, b[0] if b else None) for a, b in paren] == [
        ("1", "1"), ("2", "3"), ("3", "4"), (None, "2")]


def test_zelfde_versie_geeft_geen_wijzigingen() -> None:
    web = lees_wettekst(echte_wet(WEB).read_bytes(), WEB)
    assert vergelijk_wetteksten(web, web) == []
    assert Plaats("4.2.1", "2", "b, 1°").niveau == "onderdeel"


def test_geen_opgeslagen_versie_zegt_hoe_je_haar_haalt(voorbeeldrepo: Path) -> None:
    code, _, fout = kd(["impact", "--wet", "WEB", "--van-datum", "2020-01-01", "--naar-datum", "2026-08-01"],
                       cwd=voorbeeldrepo)
    assert code == 2
    assert "Geen opgeslagen versie van de WEB (BWBR0007625) die geldt op 1 januari 2020" in fout
    assert "kaderdiff wetten haal WEB --datum 2020-01-01" in fout
    code, _, fout = kd(["impact", "--wet", "WEB", "--van-datum", "2026-08-01"], cwd=voorbeeldrepo)
    assert code == 2 and "--van-datum en --naar-datum" in fout
