"""The Staat van wijzigingen on the sample kaders: every planted change, right kind, no spurious rows."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from kaderdiff.bron.laden import laad_bestand
from kaderdiff.diff.vergelijk import vergelijk
from kaderdiff.model.plaats import eigen_tekst, volledige_tekst
from kaderdiff.model.wijziging import WijzigingSoort
from kaderdiff.uitvoer.atomair import MARKERING
from tests.hulp.draai import kd
from tests.hulp.paden import KADERS, VERWACHT, sample_kaders
from tests.hulp.repos import commit_alles, git_cmd

PAREN = [("po", 2025, 2026), ("vo", 2025, 2026), ("mbo", 2025, 2026), ("vo", 2026, 2027), ("vo-pro", 2025, 2026)]


def verwacht(sector: str, van: int, naar: int) -> list[dict[str, str]]:
    data = json.loads((VERWACHT / f"{sector}-{van}-{naar}.json").read_text(encoding="utf-8"))
    return list(data["wijzigingen"])


@pytest.mark.parametrize(("sector", "van", "naar"), PAREN, ids=lambda x: str(x))
def test_elke_geplante_wijziging_met_de_juiste_soort_en_niets_meer(sector: str, van: int, naar: int) -> None:
    oud = laad_bestand(KADERS / str(van) / f"{sector}.xml")
    nieuw = laad_bestand(KADERS / str(naar) / f"{sector}.xml")
    gevonden = {w.element_id: w.soort.value for w in vergelijk(oud, nieuw)}
    bedoeld = {r["id"]: r["soort"] for r in verwacht(sector, van, naar)}
    assert gevonden == bedoeld


@pytest.mark.parametrize(("sector", "van", "naar"), PAREN[:3], ids=lambda x: str(x))
def test_elk_soort_wijziging_komt_voor_en_heeft_een_toelichting(sector: str, van: int, naar: int) -> None:
    oud = laad_bestand(KADERS / str(van) / f"{sector}.xml")
    nieuw = laad_bestand(KADERS / str(naar) / f"{sector}.xml")
    rijen = vergelijk(oud, nieuw)
    assert len(rijen) >= 15
    soorten = {w.soort for w in rijen}
    assert soorten >= {WijzigingSoort.TOEGEVOEGD, WijzigingSoort.VERVALLEN, WijzigingSoort.GEWIJZIGD,
                       WijzigingSoort.VERPLAATST, WijzigingSoort.HERNUMMERD, WijzigingSoort.GRONDSLAG,
                       WijzigingSoort.REDACTIONEEL}
    toegelicht = {ref for t in nieuw.toelichtingen for ref in t.betreft}
    assert all(set(w.ids) & toegelicht for w in rijen), "elke wijziging heeft een toelichting in het kader"
    vog = next(w for w in rijen if w.element_id == "st-ka1-e3")
    assert "Verklaring Omtrent het Gedrag (VOG)" in vog.wordt
    assert any(w.element_id == "p-escaleren-a4" and w.soort is WijzigingSoort.TOEGEVOEGD for w in rijen)
    assert any(w.element_id == "add-toezichtmix" and w.soort is WijzigingSoort.TOEGEVOEGD for w in rijen)


def test_vaba_is_alleen_een_grondslagwijziging_in_mbo() -> None:
    oud = laad_bestand(KADERS / "2025" / "mbo.xml")
    nieuw = laad_bestand(KADERS / "2026" / "mbo.xml")
    rij = next(w for w in vergelijk(oud, nieuw) if w.soort is WijzigingSoort.GRONDSLAG)
    assert rij.was == rij.wordt
    assert rij.grondslagen_was != rij.grondslagen_wordt
    assert any(g.wet == "WEB" and g.artikel == "7.2.4a" and g.lid == "1" for g in rij.grondslagen_wordt)
    assert "grondslag gewijzigd, tekst niet" in rij.kenmerken
    assert any(t.wetswijziging == "VABA" for t in nieuw.toelichting_voor(rij.element_id))


@pytest.mark.parametrize("pad", sample_kaders(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_vergelijking_met_zichzelf_is_leeg(pad: Path) -> None:
    kader = laad_bestand(pad)
    assert vergelijk(kader, kader) == []


def test_samenvoegen_splitsen_en_verplaatsen_in_vo_2027() -> None:
    oud = laad_bestand(KADERS / "2026" / "vo.xml")
    nieuw = laad_bestand(KADERS / "2027" / "vo.xml")
    rijen = {w.element_id: w for w in vergelijk(oud, nieuw)}
    samen = rijen["st-bka1"]
    assert samen.soort is WijzigingSoort.SAMENGEVOEGD
    assert set(samen.betrokken) == {"st-ka2", "st-ka3"}
    gesplitst = rijen["st-op2"]
    assert gesplitst.soort is WijzigingSoort.GESPLITST
    assert set(gesplitst.betrokken) == {"st-op2a", "st-op2b"}
    assert rijen["st-op1-e5"].soort is WijzigingSoort.VERPLAATST
    assert rijen["st-ka1"].soort is WijzigingSoort.HERNUMMERD


def test_nummers_in_documentvolgorde_en_stabiel() -> None:
    oud = laad_bestand(KADERS / "2025" / "mbo.xml")
    nieuw = laad_bestand(KADERS / "2026" / "mbo.xml")
    eerste = vergelijk(oud, nieuw)
    assert [w.nummer for w in eerste] == [f"MBO-{i}" for i in range(1, len(eerste) + 1)]
    assert [(w.nummer, w.element_id) for w in vergelijk(oud, nieuw)] == [(w.nummer, w.element_id) for w in eerste]
    posities = [w.positie for w in eerste]
    assert posities == sorted(posities)


def _cel_tekst(cel: object) -> str:
    return "\n".join(p.text for p in cel.paragraphs)  # type: ignore[attr-defined]


def test_staat_docx_html_json(voorbeeldrepo: Path, tmp_path: Path) -> None:
    uit = tmp_path / "staat"
    code, _, fout = kd(["staat", "--van", "2025", "--naar", "2026", "--uit", str(uit)], cwd=voorbeeldrepo)
    assert code == 0, fout
    namen = sorted(p.name for p in uit.iterdir())
    soorten = sorted(p.stem for p in (voorbeeldrepo / "kaders" / "2026").glob("*.xml"))
    assert namen == sorted([MARKERING, *(f"{s}-2026-staat-van-wijzigingen.{f}" for s in soorten
                                         for f in ("docx", "html", "json"))])
    data = json.loads((uit / "mbo-2026-staat-van-wijzigingen.json").read_text(encoding="utf-8"))
    assert data["formaat"] == "kaderdiff-staat/1"
    nieuw = laad_bestand(KADERS / "2026" / "mbo.xml")

    doc = Document(str(uit / "mbo-2026-staat-van-wijzigingen.docx"))
    assert doc.sections[0].orientation == WD_ORIENT.LANDSCAPE
    assert doc.core_properties.language == "nl-NL"
    stijlen = doc.styles.element
    lang = stijlen.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    assert lang is not None and lang.get(qn("w:val")) == "nl-NL"
    assert any(p.style is not None and p.style.name == "Heading 1" for p in doc.paragraphs)
    tabel = doc.tables[-1]
    kop = tabel.rows[0]
    assert [c.text for c in kop.cells] == ["Nr", "Vindplaats", "Tekst WAS", "Tekst WORDT", "Toelichting en grondslag"]
    kenmerken = kop._tr.trPr
    assert kenmerken is not None and kenmerken.find(qn("w:tblHeader")) is not None
    # a row taller than a page goes on in rows of its own, headed by its number, kind and '(vervolg)'
    rijen: list[list[Any]] = []
    for r in tabel.rows[1:]:
        nr = [p.text for p in r.cells[0].paragraphs]
        if nr[-1] == "(vervolg)":
            assert rijen and nr[0] == rijen[-1][0].cells[0].paragraphs[0].text
            rijen[-1].append(r)
        else:
            rijen.append([r])
    assert any(len(delen) > 1 for delen in rijen), "de addendumrij MBO-1 is langer dan een bladzijde"
    assert [r[0].cells[0].paragraphs[0].text for r in rijen] == [w["nummer"] for w in data["wijzigingen"]]
    doorgehaald = onderstreept = 0
    for delen, w in zip(rijen, data["wijzigingen"], strict=True):
        was, wordt = [d.cells[2] for d in delen], [d.cells[3] for d in delen]
        doorgehaald += sum(1 for c in was for p in c.paragraphs for r in p.runs if r.font.strike)
        onderstreept += sum(1 for c in wordt for p in c.paragraphs for r in p.runs if r.font.underline)
        assert not any(r.font.underline for c in was for p in c.paragraphs for r in p.runs)
        # the WORDT cell is exactly the new kader text of the element (a paragraph cut between two parts of a
        # row is cut after a space: together the parts give the words in order)
        if w["nieuw_id"]:
            element = nieuw.element(w["nieuw_id"])
            verwacht_tekst = eigen_tekst(element) if w["oud_id"] else volledige_tekst(element)
            if len(delen) == 1:
                assert _cel_tekst(wordt[0]) == verwacht_tekst
            else:
                assert " ".join("\n".join(map(_cel_tekst, wordt)).split()) == " ".join(verwacht_tekst.split())
    assert doorgehaald and onderstreept

    woord = next(w for w in data["wijzigingen"] if w["id"] == "st-ka1-e3")
    assert {"op": "erbij", "tekst": "benoembaar/bevoegd"} in woord["woorddiff"] or any(
        d["op"] == "erbij" and "benoembaar/bevoegd" in d["tekst"] for d in woord["woorddiff"])

    html = (uit / "mbo-2026-staat-van-wijzigingen.html").read_text(encoding="utf-8")
    for w in data["wijzigingen"]:
        assert f'id="{w["nummer"]}"' in html
    assert '<html lang="nl">' in html


def test_twee_keer_bouwen_geeft_identieke_bestanden(voorbeeldrepo: Path, tmp_path: Path) -> None:
    for naam in ("a", "b"):
        assert kd(["staat", "--van", "2025", "--naar", "2026", "--uit", str(tmp_path / naam)],
                  cwd=voorbeeldrepo)[0] == 0
    for pad in (tmp_path / "a").iterdir():
        assert pad.read_bytes() == (tmp_path / "b" / pad.name).read_bytes(), pad.name


def test_toelichting_uit_git_en_streng(voorbeeldrepo: Path, tmp_path: Path) -> None:
    pad = voorbeeldrepo / "kaders" / "2026" / "mbo.xml"
    tekst = pad.read_text(encoding="utf-8")
    oud = "Het bestuur zorgt voor benoembaar/bevoegd en bekwaam personeel"
    assert oud in tekst
    pad.write_text(tekst.replace(oud, "Het bestuur zorgt voor bekwaam personeel"), encoding="utf-8")
    commit_alles(voorbeeldrepo, "MBO: alleen 'bekwaam', op verzoek van de MBO Raad")
    git_cmd(voorbeeldrepo, "tag", "na-ringen")
    code, _, fout = kd(["staat", "--van", "2026@HEAD~1", "--naar", "2026@na-ringen", "--sector", "mbo",
                        "--formaat", "json", "--uit", str(tmp_path / "u")], cwd=voorbeeldrepo)
    assert code == 0, fout
    data = json.loads((tmp_path / "u" / "mbo-2026-staat-van-wijzigingen.json").read_text(encoding="utf-8"))
    assert [w["id"] for w in data["wijzigingen"]] == ["st-ka1-e3"]
    verklaringen = data["wijzigingen"][0]["toelichting"]
    assert any(v["bron"] == "kader" for v in verklaringen) or any(
        v["bron"] == "git" and "MBO Raad" in v["tekst"] for v in verklaringen)

    # a change without any explanation: --streng refuses, without --streng the row says so
    zin = "De financiële positie van het bestuur is zodanig dat"
    pad.write_text(pad.read_text(encoding="utf-8").replace(zin, zin.replace("zodanig", "steeds zodanig")),
                   encoding="utf-8")
    code, _, fout = kd(["staat", "--van", "2026@HEAD", "--naar", "2026", "--sector", "mbo", "--streng",
                        "--uit", str(tmp_path / "s")], cwd=voorbeeldrepo)
    assert code == 2
    assert "toelichting ontbreekt bij MBO-1" in fout
    assert not (tmp_path / "s").exists()
    code, _, fout = kd(["staat", "--van", "2026@HEAD", "--naar", "2026", "--sector", "mbo", "--formaat", "json",
                        "--uit", str(tmp_path / "s")], cwd=voorbeeldrepo)
    assert code == 0, fout
    data = json.loads((tmp_path / "s" / "mbo-2026-staat-van-wijzigingen.json").read_text(encoding="utf-8"))
    assert data["samenvatting"]["zonder_toelichting"] == ["MBO-1"]


def test_nieuw_kwaliteitsgebied_in_de_staat_met_de_grondslagen_van_zijn_eisen() -> None:
    from kaderdiff.render.docx_staat import grondslag_regels
    from kaderdiff.verwijzing.citeren import citeer

    oud = laad_bestand(KADERS / "2026" / "vo.xml")
    nieuw = laad_bestand(KADERS / "2027" / "vo.xml")
    rij = next(w for w in vergelijk(oud, nieuw) if w.element_id == "kg-ska")
    assert rij.soort is WijzigingSoort.TOEGEVOEGD
    eisen = [el for el, _ in nieuw.element("kg-ska").doorloop() if el.soort.value == "eis"]
    assert len(eisen) == 7
    assert set(rij.grondslagen_wordt) == {g for e in eisen for g in e.grondslagen}
    [regel] = grondslag_regels(rij, citeer)
    assert regel.startswith("Grondslag: artikel 2.99, eerste lid, van de WVO; artikel 2.99, tweede lid")


def test_opsommingen_houden_hun_tekens_in_de_staatcellen(voorbeeldrepo: Path, tmp_path: Path) -> None:
    """The items of 'De toezichtmix bestaat uit de volgende onderdelen:' read as a list in WORDT, in every format."""
    uit = tmp_path / "staat"
    assert kd(["staat", "--van", "2025", "--naar", "2026", "--sector", "mbo", "--uit", str(uit)],
              cwd=voorbeeldrepo)[0] == 0
    data = json.loads((uit / "mbo-2026-staat-van-wijzigingen.json").read_text(encoding="utf-8"))
    addendum = next(w for w in data["wijzigingen"] if w["id"] == "add-toezichtmix")
    regels = addendum["wordt"].split("\n")
    kop = regels.index("De toezichtmix bestaat uit de volgende onderdelen:")
    assert [r[:2] for r in regels[kop + 1:kop + 4]] == ["• ", "• ", "• "]
    assert regels[kop + 1].startswith("• onaangekondigde bezoeken")
    # the row may go on in a continuation row under the same number (a row longer than a page)
    alineas = [p for r in Document(str(uit / "mbo-2026-staat-van-wijzigingen.docx")).tables[-1].rows[1:]
               if r.cells[0].paragraphs[0].text == addendum["nummer"] for p in r.cells[3].paragraphs]
    assert [p.text[:2] for p in alineas][kop + 1:kop + 4] == ["• ", "• ", "• "]
    html = (uit / "mbo-2026-staat-van-wijzigingen.html").read_text(encoding="utf-8")
    assert "• <strong>" not in html and "\n• onaangekondigde bezoeken" in html


def test_genummerde_lijst_houdt_zijn_nummers() -> None:
    from kaderdiff.model.kader import Element, Fragment, Soort

    lijst = Element(Soort.LIJST, "l", kenmerk="genummerd", kinderen=tuple(
        Element(Soort.ITEM, f"l-i{n}", inhoud=(Fragment(f"stap {n}"),)) for n in (1, 2, 3)))
    assert volledige_tekst(lijst).split("\n") == ["1. stap 1", "2. stap 2", "3. stap 3"]


def test_een_wetnaam_die_zijn_code_al_draagt_krijgt_hem_niet_nog_eens(voorbeeldrepo: Path, tmp_path: Path) -> None:
    from kaderdiff.model.kader import Wetswijziging

    assert Wetswijziging("VABA", "Wet vereenvoudiging en aanpassing beroepsonderwijs (VABA)").naam_met_code == (
        "Wet vereenvoudiging en aanpassing beroepsonderwijs (VABA)")
    assert Wetswijziging("WVVO", "Wet vrij en veilig onderwijs").naam_met_code == "Wet vrij en veilig onderwijs (WVVO)"
    assert Wetswijziging("VABA", "Wet VABAX").naam_met_code == "Wet VABAX (VABA)"
    uit = tmp_path / "staat"
    assert kd(["staat", "--van", "2025", "--naar", "2026", "--sector", "mbo", "--uit", str(uit)],
              cwd=voorbeeldrepo)[0] == 0
    html = (uit / "mbo-2026-staat-van-wijzigingen.html").read_text(encoding="utf-8")
    docx = "\n".join(c.text for t in Document(str(uit / "mbo-2026-staat-van-wijzigingen.docx")).tables
                     for r in t.rows for c in r.cells)
    for tekst in (html, docx):
        assert "beroepsonderwijs (VABA)" in tekst
        assert "(VABA) (VABA)" not in tekst


def test_de_staat_draagt_de_citaten_en_links_van_zijn_rijen(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every grondslag of a row is cited and linked once, when the Staat is made (WAS on the old kader's
    peildatum, WORDT on the new one's); the renderers read them from the Staat and cite nothing themselves."""
    from datetime import UTC, datetime

    from kaderdiff.bron import bwb
    from kaderdiff.bron.versies import KaderMap
    from kaderdiff.diff.staatbouw import maak_staat
    from kaderdiff.model.versie import Versie
    from kaderdiff.render import docx_staat, html_uit, json_uit
    from kaderdiff.verwijzing import citeren, juriconnect, wetwoorden

    staat = maak_staat(KaderMap(KADERS), Versie(2025), Versie(2026), "MBO")
    paren = {(g, staat.oud.peildatum) for w in staat.wijzigingen for g in w.grondslagen_was}
    paren |= {(g, staat.nieuw.peildatum) for w in staat.wijzigingen for g in w.grondslagen_wordt}
    assert staat.oud.peildatum != staat.nieuw.peildatum and len(paren) > 10
    for g, peildatum in paren:
        assert staat.citaat(g) == citeren.citeer(g)
        assert staat.link(g, peildatum) == juriconnect.link(g, peildatum, staat.wetten)
        assert staat.link(g, peildatum).endswith(f"g={peildatum.isoformat()}")

    def verboden(*_: object) -> str:
        raise AssertionError("een renderer citeert zelf")

    # the law's words at each place too (issue 26), from the sample law texts of the kadermap
    assert all(staat.wettekst(g, peildatum) for g, peildatum in paren if g.wet in ("WEB", "WOT"))
    monkeypatch.setattr(citeren, "citeer", verboden)
    monkeypatch.setattr(juriconnect, "link", verboden)
    monkeypatch.setattr(bwb, "wetversie", verboden)
    monkeypatch.setattr(wetwoorden.Wetwoorden, "van", verboden)
    moment = datetime(2026, 5, 20, tzinfo=UTC)
    assert docx_staat.render_docx(staat, moment)
    assert '<details class="wettekst">' in html_uit.render_html(staat, moment.date()).decode("utf-8")
    data = json.loads(json_uit.render_json(staat))
    assert all(g["citaat"].startswith("artikel") for w in data["wijzigingen"] for g in w["grondslagen_wordt"])
