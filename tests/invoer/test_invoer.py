"""`kaderdiff importeer`: Word kaders in, as kaderdiff writes them and as the inspectie publishes them."""

from __future__ import annotations

import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from kaderdiff.bron.laden import laad_bestand
from kaderdiff.diff.vergelijk import vergelijk
from kaderdiff.model.kader import VOETNOOT, Element, Grondslag, Kader, Soort
from kaderdiff.model.plaats import vindplaats
from kaderdiff.render.docx_kader import render_kader_docx
from tests.hulp.draai import kd
from tests.hulp.paden import KADERS, sample_kaders
from tests.hulp.repos import git_cmd, maak_repo
from tests.hulp.woordcorpus import hoofdstuknummering, voetnootverwijzing, voetnotendeel

MOMENT = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def zonder_ids(kader: Kader) -> list[tuple[object, ...]]:
    return [(e.soort, e.nummer, e.titel, e.inhoud, e.grondslagen, e.geen_grondslag, e.kenmerk)
            for e, _ in kader.doorloop()]


def schone_docx(bron: Path, doel: Path) -> Path:
    doel.write_bytes(render_kader_docx(laad_bestand(bron), MOMENT))
    return doel


# ---------------------------------------------------------------- kaderdiff's own clean concept
@pytest.mark.parametrize("pad", sample_kaders(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_rondgang_schoon_concept_geeft_hetzelfde_kader(pad: Path, tmp_path: Path) -> None:
    bron = laad_bestand(pad)
    docx = schone_docx(pad, tmp_path / "kader.docx")
    uit = tmp_path / "uit.xml"
    code, stdout, fout = kd(["importeer", str(docx), "--sector", pad.stem, "--jaar", str(bron.jaar),
                             "--vorige", str(bron.jaar), "--kaders", str(KADERS), "--uit", str(uit)])
    assert code == 0, fout
    assert "0 onderdeel/onderdelen niet als zodanig herkend" in stdout
    kader = laad_bestand(uit)
    assert kader.onderdelen == bron.onderdelen  # every element: kind, id, number, title, text, grondslagen
    assert (kader.sector, kader.variant, kader.jaar, kader.status, kader.peildatum, kader.titel, kader.correctie) == \
        (bron.sector, bron.variant, bron.jaar, bron.status, bron.peildatum, bron.titel, bron.correctie)
    assert vergelijk(bron, kader) == []


MET_VORIG_JAAR = [p for p in sample_kaders() if (KADERS / str(int(p.parent.name) - 1) / p.name).exists()]


@pytest.mark.parametrize("pad", MET_VORIG_JAAR, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_rondgang_met_het_vorige_jaar_houdt_de_ids(pad: Path, tmp_path: Path) -> None:
    """Imported against the year before (as a history is imported): same parts and texts, the ids of that year
    where the element exists there, so the Staat finds the same changes."""
    bron = laad_bestand(pad)
    vorig = laad_bestand(KADERS / str(bron.jaar - 1) / pad.name)
    docx = schone_docx(pad, tmp_path / "kader.docx")
    uit = tmp_path / "uit.xml"
    code, _, fout = kd(["importeer", str(docx), "--sector", pad.stem, "--jaar", str(bron.jaar),
                        "--vorige", str(bron.jaar - 1), "--kaders", str(KADERS), "--uit", str(uit)])
    assert code == 0, fout
    kader = laad_bestand(uit)
    assert zonder_ids(kader) == zonder_ids(bron)
    assert [s.nummer for s in kader.standaarden()] == [s.nummer for s in bron.standaarden()]
    assert [(e.tekst, e.grondslagen) for e in kader.eisen()] == [(e.tekst, e.grondslagen) for e in bron.eisen()]
    paren = list(zip((e.id for e, _ in kader.doorloop()), (e.id for e, _ in bron.doorloop()), strict=True))
    gelijk = sum(a == b for a, b in paren) / len(paren)
    assert gelijk >= 0.95, f"{gelijk:.1%} van de ids gelijk"
    # every element that existed the year before carries that element's id
    bekend = [(a, b) for a, b in paren if b in vorig.index]
    assert sum(a == b for a, b in bekend) / len(bekend) >= 0.98
    rijen = {(w.soort, w.vindplaats) for w in vergelijk(vorig, kader)}
    verwacht = {(w.soort, w.vindplaats) for w in vergelijk(vorig, bron)}
    assert len(rijen ^ verwacht) <= 2, sorted(rijen ^ verwacht)


def test_concept_met_markeringen_wordt_als_aanvaard_gelezen(tmp_path: Path) -> None:
    """The concept with tracked changes reads as the new kader (deleted text is not taken)."""
    from kaderdiff.bron.versies import KaderMap
    from kaderdiff.diff.staatbouw import maak_staat
    from kaderdiff.model.versie import Versie
    from kaderdiff.render.docx_kader import render_concept_docx

    staat = maak_staat(KaderMap(KADERS), Versie(2025), Versie(2026), "PO")
    docx = tmp_path / "concept.docx"
    docx.write_bytes(render_concept_docx(staat, MOMENT))
    uit = tmp_path / "po.xml"
    code, _, fout = kd(["importeer", str(docx), "--sector", "po", "--jaar", "2026", "--vorige", "2026",
                        "--kaders", str(KADERS), "--uit", str(uit)])
    assert code == 0, fout
    assert laad_bestand(uit).onderdelen == staat.nieuw.onderdelen


# ---------------------------------------------------------------- the inspectie's published layout
NOTEN = {1: "Zie ook artikel 3 van de Wet op het onderwijstoezicht over de taken van de inspectie.",
         2: "Artikel 8, derde lid, onder a, van de WPO."}


def _vet(doc: object, tekst: str) -> None:
    doc.add_paragraph().add_run(tekst).bold = True  # type: ignore[attr-defined]


def _tabel(doc: object, rijen: list[list[str]], kop: bool) -> None:
    tabel = doc.add_table(rows=len(rijen), cols=len(rijen[0]))  # type: ignore[attr-defined]
    tabel.style = doc.styles["Table Grid"]  # type: ignore[attr-defined]
    for rij, teksten in zip(tabel.rows, rijen, strict=True):
        for cel, tekst in zip(rij.cells, teksten, strict=True):
            cel.text = tekst
    if kop:
        trpr = tabel.rows[0]._tr.get_or_add_trPr()
        trpr.append(parse_xml(f'<w:tblHeader {nsdecls("w")}/>'))


def gepubliceerde_docx(pad: Path) -> Path:
    """A kader laid out as the inspectie publishes it: heading styles (also a Dutch 'Kop 2', and a heading known
    only by its number and bold type), codes in headings, Basiskwaliteit as a bold line, numbered eisen, grondslag
    as a line, as a footnote and as a second table column, beslisregels in a table, lists in lists, footnotes."""
    doc = Document()
    kop2 = doc.styles.add_style("Kop 2", WD_STYLE_TYPE.PARAGRAPH)
    kop2.base_style = doc.styles["Normal"]
    kop2.font.bold = True
    doc.add_paragraph("Onderzoekskader 2026 primair onderwijs", style="Title")
    doc.add_heading("Woord vooraf", 1)
    doc.add_paragraph("Voor u ligt het onderzoekskader voor het primair onderwijs.")
    doc.add_heading("1 Inleiding", 1)
    doc.add_paragraph("Dit hoofdstuk beschrijft de taken van de inspectie.")
    doc.add_paragraph("1.1 Doel van het toezicht", style="Kop 2")
    voetnootverwijzing(doc.add_paragraph("De inspectie houdt toezicht op de kwaliteit van het onderwijs."), 1)
    doc.add_paragraph("het waarborgen van de basiskwaliteit, met aandacht voor:", style="List Bullet")
    doc.add_paragraph("taal;", style="List Bullet 2")
    doc.add_paragraph("rekenen-wiskunde;", style="List Bullet 2")
    doc.add_paragraph("het stimuleren van verbetering.", style="List Bullet")
    _vet(doc, "1.2 Werkwijze")
    doc.add_paragraph("De inspectie werkt risicogericht, met de volgende termijnen.")
    _tabel(doc, [["Stap", "Termijn"], ["Zienswijze", "drie weken"], ["Publicatie", "derde week"]], kop=True)
    doc.add_heading("Waarderingskader school", 1)
    doc.add_heading("OP Onderwijsproces", 2)
    doc.add_heading("OP0 Basisvaardigheden", 3)
    doc.add_paragraph("De school zorgt dat leerlingen de basisvaardigheden beheersen.")
    _vet(doc, "Basiskwaliteit")
    _vet(doc, "OP 0.1 Leesonderwijs")
    doc.add_paragraph("Het onderwijs in de Nederlandse taal is doelgericht.", style="List Bullet")
    doc.add_paragraph("Wettelijke grondslag: artikel 9, eerste lid, onder b, WPO")
    voetnootverwijzing(doc.add_paragraph("Het burgerschapsonderwijs is doelgericht en samenhangend.",
                                         style="List Bullet"), 2)
    doc.add_heading("Eigen aspiraties", 4)
    doc.add_paragraph("De school heeft een doordachte leesaanpak.")
    doc.add_heading("OP1 Aanbod", 3)
    doc.add_heading("Basiskwaliteit", 4)
    _tabel(doc, [["Eis", "Wettelijke grondslag"],
                 ["Het aanbod omvat de kerndoelen.", "artikel 8, eerste lid, en artikel 9, eerste lid, WPO"],
                 ["Een persoon coördineert het beleid tegen pesten.", "artikel 4c, eerste lid, onder c, 1°, WPO"]],
           kop=False)
    doc.add_heading("Overige wettelijke vereisten", 2)
    doc.add_paragraph("De school stelt jaarlijks een schoolgids vast.", style="List Bullet")
    doc.add_paragraph("Wettelijke grondslag: artikel 13, eerste lid, van de Wet op het primair onderwijs")
    doc.add_heading("Beslisregels school", 2)
    _tabel(doc, [["Zeer zwak", "De school is zeer zwak als OR1 en twee andere standaarden onvoldoende zijn."],
                 ["Onvoldoende", "De school is onvoldoende als OP0 onvoldoende is."]], kop=False)
    doc.add_heading("Bijlage 1 Afkortingen", 1)
    doc.add_paragraph("WPO: Wet op het primair onderwijs", style="List Bullet")
    doc.add_heading("Colofon", 1)
    doc.add_paragraph("Dit is een uitgave van de Inspectie van het Onderwijs.")
    voetnotendeel(doc, [NOTEN[1], NOTEN[2]])
    doc.save(str(pad))
    return pad


def _kinderen(el: Element, soort: Soort) -> list[Element]:
    return [k for k in el.kinderen if k.soort is soort]


def test_gepubliceerde_opmaak_geeft_de_verwachte_structuur(tmp_path: Path) -> None:
    docx = gepubliceerde_docx(tmp_path / "po-2026.docx")
    uit, rapport = tmp_path / "po.xml", tmp_path / "rapport.json"
    code, stdout, fout = kd(["importeer", str(docx), "--sector", "po", "--jaar", "2026", "--kaders", str(KADERS),
                             "--uit", str(uit), "--rapport", str(rapport)])
    assert code == 0, fout
    k = laad_bestand(uit)
    assert (k.titel, k.sector, k.status) == ("Onderzoekskader 2026 primair onderwijs", "PO", "vastgesteld")
    vooraf, hoofdstuk, wk, bijlage = k.onderdelen
    assert (vooraf.soort, vooraf.titel) == (Soort.WOORD_VOORAF, "Woord vooraf")
    assert (hoofdstuk.soort, hoofdstuk.nummer, hoofdstuk.titel) == (Soort.HOOFDSTUK, "1", "Inleiding")
    doel, werkwijze = _kinderen(hoofdstuk, Soort.PARAGRAAF)
    assert (doel.nummer, doel.titel, werkwijze.nummer, werkwijze.titel) == \
        ("1.1", "Doel van het toezicht", "1.2", "Werkwijze")
    alinea, lijst = doel.kinderen
    assert alinea.inhoud[-1].stijl == VOETNOOT and alinea.inhoud[-1].tekst == NOTEN[1]
    assert [i.tekst for i in lijst.kinderen] == ["het waarborgen van de basiskwaliteit, met aandacht voor:",
                                                 "het stimuleren van verbetering."]
    assert [i.tekst for i in lijst.kinderen[0].kinderen[0].kinderen] == ["taal;", "rekenen-wiskunde;"]
    tabel = _kinderen(werkwijze, Soort.TABEL)[0]
    assert [(r.kenmerk, [''.join(f.tekst for f in c) for c in r.cellen]) for r in tabel.kinderen] == \
        [("kop", ["Stap", "Termijn"]), ("", ["Zienswijze", "drie weken"]), ("", ["Publicatie", "derde week"])]
    assert (wk.soort, wk.kenmerk) == (Soort.WAARDERINGSKADER, "school")
    [kg] = _kinderen(wk, Soort.KWALITEITSGEBIED)
    assert (kg.nummer, kg.titel) == ("OP", "Onderwijsproces")
    op0, op1 = _kinderen(kg, Soort.STANDAARD)
    assert (op0.nummer, op0.titel, op1.nummer) == ("OP0", "Basisvaardigheden", "OP1")
    omschrijving, basis, aspiraties = op0.kinderen
    assert omschrijving.kinderen[0].tekst == "De school zorgt dat leerlingen de basisvaardigheden beheersen."
    lees, burgerschap = basis.kinderen
    assert (lees.nummer, lees.titel, lees.grondslagen) == ("OP0.1", "Leesonderwijs", (Grondslag("WPO", "9", "1", "b"),))
    assert burgerschap.tekst == "Het burgerschapsonderwijs is doelgericht en samenhangend."  # footnote became basis
    assert burgerschap.grondslagen == (Grondslag("WPO", "8", "3", "a"),)
    assert aspiraties.kinderen[0].tekst == "De school heeft een doordachte leesaanpak."
    eisen = [e for e, _ in op1.doorloop() if e.soort is Soort.EIS]
    assert [(e.tekst, e.grondslagen) for e in eisen] == [
        ("Het aanbod omvat de kerndoelen.", (Grondslag("WPO", "8", "1"), Grondslag("WPO", "9", "1"))),
        ("Een persoon coördineert het beleid tegen pesten.", (Grondslag("WPO", "4c", "1", "c, 1°"),))]
    [overig] = _kinderen(wk, Soort.OVERIGE_VEREISTEN)
    assert [(e.tekst, e.grondslagen) for e in _kinderen(overig, Soort.EIS)] == \
        [("De school stelt jaarlijks een schoolgids vast.", (Grondslag("WPO", "13", "1"),))]
    assert vindplaats(k, overig.kinderen[0].id) == "Waarderingskader school › Overige wettelijke vereisten"
    [regels] = _kinderen(wk, Soort.BESLISREGELS)
    assert [r.kenmerk for r in _kinderen(regels, Soort.BESLISREGEL)] == ["Zeer zwak", "Onvoldoende"]
    assert (bijlage.soort, bijlage.nummer, bijlage.titel) == (Soort.BIJLAGE, "1", "Afkortingen")
    # the ids follow the conventions
    assert {"wv", "h-inleiding", "p-doel", "wk-school", "kg-op", "st-op0", "st-op0-e1", "st-op1-e2",
            "wk-school-ov-e1", "wk-school-br1", "b-afkortingen"} <= set(k.index)
    # nothing dropped: the heading that fits nowhere is a bold alinea at its place, and reported
    colofon = [e for e in bijlage.kinderen if e.tekst == "Colofon"]
    assert colofon and colofon[0].inhoud[0].stijl == "sterk"
    assert bijlage.kinderen[-1].tekst == "Dit is een uitgave van de Inspectie van het Onderwijs."
    opmerkingen = json.loads(rapport.read_text(encoding="utf-8"))[0]["niet_geplaatst"]
    assert any(o["tekst"] == "Colofon" and o["plaats"].startswith("alinea ") for o in opmerkingen)
    assert "Colofon" in stdout and "alinea" in stdout


def test_niets_valt_weg_elk_woord_staat_in_het_kader(tmp_path: Path) -> None:
    from kaderdiff.bron.docxveilig import lees_docx
    from kaderdiff.word.inhoud import Lezer, Tabel

    docx = gepubliceerde_docx(tmp_path / "po-2026.docx")
    uit = tmp_path / "po.xml"
    assert kd(["importeer", str(docx), "--sector", "po", "--jaar", "2026", "--kaders", str(KADERS),
               "--uit", str(uit)])[0] == 0
    xml = uit.read_text(encoding="utf-8")
    woorden: set[str] = set()
    for onderdeel in Lezer(lees_docx(docx)).onderdelen():
        alineas = [a for r in onderdeel.rijen for c in r.cellen for a in c] if isinstance(onderdeel, Tabel) \
            else [onderdeel]
        for a in alineas:
            woorden.update(w for f in a.fragmenten for w in f.tekst.split() if w.isalpha())
    # words that became structure: a grondslag (wet, artikel, lid) or a part (basiskwaliteit, bijlage, the header
    # of the column of eisen)
    structuur = {"artikel", "lid", "onder", "eerste", "derde", "van", "de", "Wettelijke", "grondslag", "WPO", "Wet",
                 "op", "het", "primair", "onderwijs", "en", "Artikel", "Basiskwaliteit", "Eigen", "aspiraties",
                 "Bijlage", "Eis"}
    ontbreekt = {w for w in woorden if w not in xml} - structuur
    assert not ontbreekt


# ---------------------------------------------------------------- bad input: exit 2, Dutch, nothing written
def _zip(pad: Path, delen: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(pad, "w", zipfile.ZIP_DEFLATED) as z:
        for naam, data in delen.items():
            z.writestr(naam, data)
    return pad


TYPES = (b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         b'<Default Extension="xml" ContentType="application/xml"/></Types>')


def _brief(pad: Path) -> Path:
    doc = Document()
    doc.add_paragraph("Geachte heer De Vries,")
    doc.add_paragraph("Hierbij ontvangt u de stukken voor de vergadering van 12 mei.")
    doc.add_paragraph("Met vriendelijke groet, het secretariaat")
    doc.save(str(pad))
    return pad


def _leeg(pad: Path) -> Path:
    Document().save(str(pad))
    return pad


SLECHT = {
    "geen-kader": (_brief, "geen onderzoekskader"),
    "leeg": (_leeg, "is leeg"),
    "geen-zip": (lambda p: (p.write_bytes(b"dit is geen zip"), p)[1], "geen geldig Word-document"),
    "zip-bom": (lambda p: _zip(p, {"[Content_Types].xml": TYPES, "word/document.xml": b"<a>" + b" " * 3_000_000
                                   + b"</a>"}), "zip-bom"),
    "entiteiten": (lambda p: _zip(p, {"[Content_Types].xml": TYPES, "word/document.xml":
                                      b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                                      b"<a>&x;</a>"}), "DTD"),
    "macro": (lambda p: _zip(p, {"[Content_Types].xml": TYPES, "word/document.xml": b"<a/>",
                                 "word/vbaProject.bin": b"\x00"}), "macro"),
}


@pytest.mark.parametrize("geval", sorted(SLECHT))
def test_slechte_invoer_exit_2_en_niets_geschreven(geval: str, tmp_path: Path) -> None:
    maak, stuk = SLECHT[geval]
    docx = maak(tmp_path / "invoer.docx")
    kaders = tmp_path / "kaders"
    kaders.mkdir()
    code, _stdout, fout = kd(["importeer", str(docx), "--sector", "po", "--jaar", "2026", "--kaders", str(kaders)])
    assert code == 2
    assert stuk in fout and "niets geschreven" in fout.lower()
    assert list(kaders.rglob("*")) == []


def test_overschrijven_alleen_met_vlag_en_alleen_een_kader(tmp_path: Path) -> None:
    docx = schone_docx(KADERS / "2026" / "po.xml", tmp_path / "po.docx")
    doel = tmp_path / "po.xml"
    doel.write_text("mijn aantekeningen", encoding="utf-8")
    args = ["importeer", str(docx), "--sector", "po", "--jaar", "2026", "--kaders", str(KADERS), "--uit", str(doel)]
    code, _, fout = kd(args)
    assert code == 2 and "--overschrijf" in fout
    code, _, fout = kd([*args, "--overschrijf"])
    assert code == 2 and "geen kaderbestand" in fout
    assert doel.read_text(encoding="utf-8") == "mijn aantekeningen"
    doel.write_bytes((KADERS / "2025" / "po.xml").read_bytes())
    assert kd([*args, "--overschrijf"])[0] == 0
    assert laad_bestand(doel).jaar == 2026


def test_rapport_vervangt_alleen_een_eerder_rapport(tmp_path: Path) -> None:
    docx = gepubliceerde_docx(tmp_path / "po.docx")
    notities = tmp_path / "notities.txt"
    notities.write_text("niet weggooien", encoding="utf-8")
    args = ["importeer", str(docx), "--sector", "po", "--jaar", "2026", "--kaders", str(KADERS)]
    code, _, fout = kd([*args, "--uit", str(tmp_path / "a.xml"), "--rapport", str(notities)])
    assert code == 2 and "geen importrapport" in fout
    assert notities.read_text(encoding="utf-8") == "niet weggooien" and not (tmp_path / "a.xml").exists()
    rapport = tmp_path / "rapport.txt"
    for uit in ("b.xml", "c.xml"):  # the second run replaces the first run's report
        assert kd([*args, "--uit", str(tmp_path / uit), "--rapport", str(rapport)])[0] == 0
    assert "Colofon" in rapport.read_text(encoding="utf-8")


def test_standaardplek_is_de_kadermap(tmp_path: Path) -> None:
    repo = maak_repo(tmp_path / "repo")
    docx = schone_docx(KADERS / "2026" / "vo-pro.xml", tmp_path / "vo-pro.docx")
    (repo / "kaders" / "2026" / "vo-pro.xml").unlink()
    code, _stdout, fout = kd(["importeer", str(docx), "--sector", "vo-pro", "--jaar", "2026", "--vorige", "2025"],
                            cwd=repo)
    assert code == 0, fout
    kader = laad_bestand(repo / "kaders" / "2026" / "vo-pro.xml")
    assert (kader.sector, kader.variant) == ("VO", "pro")
    code, _uit, fout = kd(["staat", "--van", "2025", "--naar", "2026", "--sector", "vo-pro", "--formaat", "json",
                          "--uit", str(tmp_path / "staat")], cwd=repo)
    assert code == 0, fout
    data = json.loads((tmp_path / "staat" / "vo-pro-2026-staat-van-wijzigingen.json").read_text(encoding="utf-8"))
    assert [(w["nummer"], w["soort"]) for w in data["wijzigingen"]] == [
        ("VO-PRO-1", "gewijzigd"), ("VO-PRO-2", "toegevoegd"), ("VO-PRO-3", "gewijzigd")]


# ---------------------------------------------------------------- a history, year by year
def _jaarmap(tmp_path: Path, sector: str) -> Path:
    map_ = tmp_path / "word"
    map_.mkdir()
    for jaar in (2025, 2026):
        schone_docx(KADERS / str(jaar) / f"{sector}.xml", map_ / f"{jaar}.docx")
    return map_


def test_geschiedenis_in_een_nieuwe_repository(tmp_path: Path) -> None:
    map_ = _jaarmap(tmp_path, "mbo")
    doel = tmp_path / "nieuw"
    code, _stdout, fout = kd(["importeer", "--geschiedenis", str(map_), "--sector", "mbo", "--uit", str(doel),
                             "--kaders", str(tmp_path / "geen")])
    assert code == 0, fout
    log = git_cmd(doel, "log", "--format=%s", "--reverse").splitlines()
    assert log == ["Kader MBO 2025 geïmporteerd uit 2025.docx", "Kader MBO 2026 geïmporteerd uit 2026.docx"]
    assert git_cmd(doel, "status", "--porcelain") == ""
    oud, nieuw = laad_bestand(doel / "kaders" / "2025" / "mbo.xml"), laad_bestand(doel / "kaders" / "2026" / "mbo.xml")
    gekoppeld = set(oud.index) & set(nieuw.index)
    assert len(gekoppeld) / len(nieuw.index) >= 0.9  # 2026 carries the ids of 2025
    code, _, fout = kd(["staat", "--van", "2025", "--naar", "2026", "--formaat", "json", "--uit",
                        str(tmp_path / "staat")], cwd=doel)
    assert code == 0, fout
    data = json.loads((tmp_path / "staat" / "mbo-2026-staat-van-wijzigingen.json").read_text(encoding="utf-8"))
    assert {w["soort"] for w in data["wijzigingen"]} >= {"toegevoegd", "gewijzigd", "grondslag", "verplaatst"}
    code, _, fout = kd(["importeer", "--geschiedenis", str(map_), "--sector", "mbo", "--uit", str(doel)])
    assert code == 2 and "niet leeg" in fout


def test_geschiedenis_op_een_tak_laat_de_werkmap_staan(voorbeeldrepo: Path, tmp_path: Path) -> None:
    map_ = _jaarmap(tmp_path, "po")
    kop = git_cmd(voorbeeldrepo, "rev-parse", "HEAD")
    code, _stdout, fout = kd(["importeer", "--geschiedenis", str(map_), "--sector", "po", "--naam", "import-po"],
                            cwd=voorbeeldrepo)
    assert code == 0, fout
    assert git_cmd(voorbeeldrepo, "rev-parse", "HEAD") == kop and git_cmd(voorbeeldrepo, "status", "--porcelain") == ""
    assert git_cmd(voorbeeldrepo, "rev-list", "--count", f"{kop}..import-po") == "2"
    assert git_cmd(voorbeeldrepo, "show", "import-po:kaders/2026/po.xml").startswith("<?xml")


def test_geschiedenis_met_een_kapot_jaar_schrijft_niets(voorbeeldrepo: Path, tmp_path: Path) -> None:
    map_ = _jaarmap(tmp_path, "po")
    _brief(map_ / "2027.docx")
    code, _, fout = kd(["importeer", "--geschiedenis", str(map_), "--sector", "po"], cwd=voorbeeldrepo)
    assert code == 2 and "2027.docx is geen onderzoekskader" in fout
    assert "import-po" not in git_cmd(voorbeeldrepo, "branch", "--list")


def test_grondslag_die_niet_te_lezen_is_blijft_als_alinea(tmp_path: Path) -> None:
    doc = Document()
    doc.add_paragraph("Onderzoekskader 2026", style="Title")
    doc.add_heading("Waarderingskader school", 1)
    doc.add_heading("OP Onderwijsproces", 2)
    doc.add_heading("OP1 Aanbod", 3)
    doc.add_heading("Basiskwaliteit", 4)
    doc.add_paragraph("Het aanbod omvat de kerndoelen.", style="List Bullet")
    doc.add_paragraph("Wettelijke grondslag: artikel 8 van de Wet op de onbekende zaken")
    pad = tmp_path / "k.docx"
    doc.save(str(pad))
    args = ["importeer", str(pad), "--sector", "po", "--jaar", "2026", "--kaders", str(KADERS)]
    # --streng: the fout in the report means nothing is written, and the report says why
    code, stdout, fout = kd([*args, "--uit", str(tmp_path / "streng.xml"), "--streng"])
    assert code == 2 and "1 fout(en) in het importrapport" in fout and "niets geschreven" in fout
    assert "FOUT: grondslag niet te lezen" in stdout and not (tmp_path / "streng.xml").exists()
    code, stdout, fout = kd([*args, "--uit", str(tmp_path / "po.xml")])
    assert code == 0, fout
    k = laad_bestand(tmp_path / "po.xml")
    # nothing lost: the eis (now without legal basis, so no eis) and its line are text at their place
    teksten = [e.tekst for e, _ in k.doorloop() if e.soort in (Soort.ALINEA, Soort.ITEM)]
    assert teksten[-2:] == ["Het aanbod omvat de kerndoelen.",
                            "Wettelijke grondslag: artikel 8 van de Wet op de onbekende zaken"]
    assert not k.eisen()
    assert "alinea 7: FOUT: grondslag niet te lezen" in stdout
    # the importer never writes what its own checker refuses
    assert kd(["controleer", str(tmp_path / "po.xml")])[0] == 0


def _importeer(doc: object, tmp_path: Path, sector: str) -> tuple[Kader, str]:
    """Save a test document, import it as the 2026 kader of `sector` and load the result (with the report)."""
    pad = tmp_path / f"{sector}.docx"
    doc.save(str(pad))  # type: ignore[attr-defined]
    uit = tmp_path / f"{sector}.xml"
    code, stdout, fout = kd(["importeer", str(pad), "--sector", sector, "--jaar", "2026", "--kaders", str(KADERS),
                             "--uit", str(uit)])
    assert code == 0, fout
    return laad_bestand(uit), stdout


def _nummering(doc: object) -> None:
    """Word's automatic numbering for headings: level 1 '1', level 2 '1.1' (numId 90), through the heading styles."""
    hoofdstuknummering(doc)
    for stijl, niveau in (("Heading 1", 0), ("Heading 2", 1)):
        ppr = doc.styles[stijl].element.get_or_add_pPr()  # type: ignore[attr-defined]
        ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{niveau}"/><w:numId w:val="90"/></w:numPr>'))


def test_kopnummers_uit_de_automatische_nummering(tmp_path: Path) -> None:
    """Headings numbered by Word (the number is not in the text), also a bold numbered line without a heading
    style, become hoofdstukken and paragrafen with those numbers."""
    doc = Document()
    _nummering(doc)
    doc.add_paragraph("Onderzoekskader 2026 voortgezet onderwijs", style="Title")
    doc.add_heading("Inleiding", 1)
    doc.add_paragraph("Dit hoofdstuk beschrijft het toezicht.")
    doc.add_heading("Doel van het toezicht", 2)
    doc.add_paragraph("De inspectie waarborgt de kwaliteit.")
    doc.add_heading("Werkwijze", 1)
    vet = doc.add_paragraph()
    vet.add_run("Onderzoek bij scholen").bold = True
    vet._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="1"/><w:numId w:val="90"/></w:numPr>'))
    doc.add_paragraph("De inspectie bezoekt scholen.")
    doc.add_heading("Waarderingskader school", 1)
    doc.add_heading("OP Onderwijsproces", 2)
    doc.add_heading("OP1 Aanbod", 3)
    doc.add_paragraph("Het aanbod is breed.")
    k, _ = _importeer(doc, tmp_path, "vo")
    assert [(e.soort.value, e.nummer, e.titel) for e, _ in k.doorloop()
            if e.soort in (Soort.HOOFDSTUK, Soort.PARAGRAAF, Soort.WAARDERINGSKADER, Soort.STANDAARD)] == [
        ("hoofdstuk", "1", "Inleiding"), ("paragraaf", "1.1", "Doel van het toezicht"),
        ("hoofdstuk", "2", "Werkwijze"), ("paragraaf", "2.1", "Onderzoek bij scholen"),
        ("waarderingskader", "", "Waarderingskader school"), ("standaard", "OP1", "Aanbod")]


def test_eisnummer_en_titel_zonder_eis_erna_worden_een_vette_alinea(tmp_path: Path) -> None:
    """An eis heading followed by running text, and one as the document's last line: neither text is lost."""
    doc = Document()
    doc.add_paragraph("Onderzoekskader 2026", style="Title")
    doc.add_heading("Waarderingskader school", 1)
    doc.add_heading("OP Onderwijsproces", 2)
    doc.add_heading("OP1 Aanbod", 3)
    doc.add_paragraph("Het aanbod is breed.")
    _vet(doc, "Basiskwaliteit")
    _vet(doc, "OP 1.1 Kerndoelen")
    doc.add_paragraph("Het aanbod omvat de kerndoelen.", style="List Bullet")
    doc.add_paragraph("Wettelijke grondslag: artikel 8, eerste lid, WPO")
    _vet(doc, "OP 1.2 Pesten")
    doc.add_paragraph("Hierover volgt later meer.")
    _vet(doc, "OP 1.3 Burgerschap")
    k, stdout = _importeer(doc, tmp_path, "po")
    vet = [e.inhoud for e, _ in k.doorloop() if e.soort is Soort.ALINEA and e.inhoud[0].stijl == "sterk"]
    assert [f[0].tekst for f in vet] == ["OP1.2 Pesten", "OP1.3 Burgerschap"]
    teksten = [e.tekst for e, _ in k.doorloop() if e.soort is Soort.ALINEA]
    assert teksten.index("OP1.2 Pesten") + 1 == teksten.index("Hierover volgt later meer.")
    assert "FOUT: eis OP1.2 zonder wettelijke grondslag" in stdout
    assert stdout.count("nummer en titel van een eis zonder eis erna") == 1


def test_onvolledige_onderdelen_worden_tekst_op_hun_plek(tmp_path: Path) -> None:
    """Parts the schema would refuse (beslisregels without a rule, overige vereisten without an eis, a
    waarderingskader without standaarden, a standaard without basiskwaliteit) keep their text, and are reported."""
    doc = Document()
    doc.add_paragraph("Onderzoekskader 2026", style="Title")
    doc.add_heading("1 Inleiding", 1)
    doc.add_paragraph("Inleidende tekst.")
    doc.add_heading("Waarderingskader bestuur", 1)
    doc.add_paragraph("Dit waarderingskader volgt later.")
    doc.add_heading("Waarderingskader school", 1)
    doc.add_heading("OP Onderwijsproces", 2)
    doc.add_heading("OP1 Aanbod", 3)
    doc.add_paragraph("Het aanbod is breed.")
    doc.add_heading("Overige wettelijke vereisten", 2)
    doc.add_paragraph("Hier komen later de overige vereisten.")
    doc.add_heading("Beslisregels school", 2)
    doc.add_paragraph("De beslisregels worden nog uitgewerkt.")
    k, stdout = _importeer(doc, tmp_path, "po")
    teksten = [e.tekst for e, _ in k.doorloop() if e.soort is Soort.ALINEA]
    for tekst in ("Dit waarderingskader volgt later.", "Hier komen later de overige vereisten.",
                  "De beslisregels worden nog uitgewerkt.", "Overige wettelijke vereisten", "Beslisregels school"):
        assert tekst in teksten
    assert [e.soort for e in k.onderdelen] == [Soort.HOOFDSTUK, Soort.HOOFDSTUK, Soort.WAARDERINGSKADER]
    for reden in ("waarderingskader zonder kwaliteitsgebieden", "overige wettelijke vereisten zonder eisen",
                  "beslisregels zonder herkenbare regel", "standaard OP1 zonder basiskwaliteit"):
        assert reden in stdout


@pytest.mark.echte_client
def test_kader_dat_door_libreoffice_is_opgeslagen_komt_gelijk_terug(tmp_path: Path) -> None:
    """The clean concept, opened and saved by LibreOffice (docx -> odt -> docx: its own styles, numbering and
    footnotes), imports to the same kader: the importer reads what a real client writes, not only kaderdiff."""
    import subprocess
    import tempfile

    from tests.hulp.echte_clients import naar_odt, vereist

    soffice = vereist("soffice")
    pad = KADERS / "2026" / "po.xml"  # every new part of the format is in this one
    bron = laad_bestand(pad)
    [odt] = naar_odt([schone_docx(pad, tmp_path / "po.docx")], tmp_path)
    terug = tmp_path / "terug"
    with tempfile.TemporaryDirectory() as profiel:
        subprocess.run([soffice, f"-env:UserInstallation=file://{profiel}", "--headless", "--convert-to", "docx",
                        "--outdir", str(terug), str(odt)], capture_output=True, check=True, timeout=600)
    uit = tmp_path / "po.xml"
    code, stdout, fout = kd(["importeer", str(terug / "po.docx"), "--sector", "po", "--jaar", "2026",
                             "--vorige", "2026", "--kaders", str(KADERS), "--uit", str(uit)])
    assert code == 0, fout
    assert laad_bestand(uit).onderdelen == bron.onderdelen, stdout


def test_rondgang_met_lijsten_tabellen_en_voetnoten_tussen_de_eisen(tmp_path: Path) -> None:
    """A basiskwaliteit holding text blocks between its eisen (a numbered list with a list in it, a table, a
    paragraph) and eisen with footnotes comes back exactly: only a list item with a grondslag line is an eis."""
    tekst = (KADERS / "2026" / "vo-pro.xml").read_text(encoding="utf-8")
    eerste_eis = '          <eis id="st-op1-e1">'
    assert eerste_eis in tekst
    tekst = tekst.replace(eerste_eis, '''          <alinea id="st-op1-bk-a1">De school zorgt voor:</alinea>
          <lijst id="st-op1-bk-l1" soort="genummerd">
            <item id="st-op1-bk-l1-i1">een aanbod voor werk, met:
              <lijst id="st-op1-bk-l1-i1-l1" soort="opsomming">
                <item id="st-op1-bk-l1-i1-l1-i1">stages;</item>
              </lijst>
            </item>
            <item id="st-op1-bk-l1-i2">een aanbod voor wonen.</item>
          </lijst>
''' + eerste_eis, 1)
    burgerschap = "<tekst>Het onderwijs bevordert actief burgerschap"
    assert burgerschap in tekst
    tekst = tekst.replace(burgerschap, "<titel>Burgerschap</titel>" + burgerschap
                          + "<voetnoot>Zie ook de handreiking burgerschap.</voetnoot>")
    tekst = tekst.replace('<eis id="st-op1-e3">', '<eis id="st-op1-e3" nr="OP1.3">')
    tekst = tekst.replace('''          </eis>
        </basiskwaliteit>
      </standaard>
      <standaard id="st-op2" code="OP2">''', '''          </eis>
          <tabel id="st-op1-bk-t1">
            <rij id="st-op1-bk-t1-r1" soort="kop">
              <cel>Leerweg</cel>
              <cel>Stages</cel>
            </rij>
            <rij id="st-op1-bk-t1-r2">
              <cel>Arbeid</cel>
              <cel><nadruk>twee</nadruk></cel>
            </rij>
          </tabel>
          <alinea id="st-op1-bk-a2">Tot zover de eisen.</alinea>
        </basiskwaliteit>
      </standaard>
      <standaard id="st-op2" code="OP2">''', 1)
    bron_pad = tmp_path / "kaders" / "2026" / "vo-pro.xml"
    bron_pad.parent.mkdir(parents=True)
    bron_pad.write_text(tekst, encoding="utf-8")
    assert kd(["controleer", str(bron_pad)])[0] == 0
    bron = laad_bestand(bron_pad)
    docx = schone_docx(bron_pad, tmp_path / "vo-pro.docx")
    uit = tmp_path / "uit.xml"
    code, stdout, fout = kd(["importeer", str(docx), "--sector", "vo-pro", "--jaar", "2026", "--vorige", "2026",
                             "--kaders", str(tmp_path / "kaders"), "--uit", str(uit)])
    assert code == 0, fout
    assert laad_bestand(uit).onderdelen == bron.onderdelen, stdout


def test_bron_met_een_punt_komt_terug_met_het_vorige_jaar(tmp_path: Path) -> None:
    """'Geen wettelijke grondslag; bron: X. Uitleg' is one line: where X ends is read from the previous year's
    bronnen when X itself holds a full stop."""
    tekst = (KADERS / "2026" / "vo-pro.xml").read_text(encoding="utf-8")
    tekst = tekst.replace('bron="Handreiking stages praktijkonderwijs"',
                          'bron="Handreiking stages pro. (versie 2. 2024)"')
    pad = tmp_path / "kaders" / "2026" / "vo-pro.xml"
    pad.parent.mkdir(parents=True)
    pad.write_text(tekst, encoding="utf-8")
    bron = laad_bestand(pad)
    docx = schone_docx(pad, tmp_path / "vo-pro.docx")
    uit = tmp_path / "uit.xml"
    assert kd(["importeer", str(docx), "--sector", "vo-pro", "--jaar", "2026", "--vorige", "2026", "--kaders",
               str(tmp_path / "kaders"), "--uit", str(uit)])[0] == 0
    assert laad_bestand(uit).element("st-op1-e2").geen_grondslag == bron.element("st-op1-e2").geen_grondslag


# ---------------------------------------------------------------- issue 29: the importer's own doors
@pytest.mark.parametrize("jaar", ["99999", "-5", "0", "20x"])
def test_jaar_heeft_vier_cijfers(jaar: str, tmp_path: Path) -> None:
    docx = schone_docx(KADERS / "2026" / "po.xml", tmp_path / "po.docx")
    kaders = tmp_path / "kaders"
    kaders.mkdir()
    for optie in ("--jaar", "--vorige"):
        args = ["importeer", str(docx), "--sector", "po", "--kaders", str(kaders), f"{optie}={jaar}"]
        code, _, fout = kd(args if optie == "--jaar" else [*args, "--jaar", "2026"])
        assert code == 2 and "vier cijfers" in fout and "Traceback" not in fout and "Interne fout" not in fout
    assert list(kaders.rglob("*")) == []


def _woorden(aantal: int) -> str:
    """Text that does not compress like a zip bomb (varied words, fixed seed)."""
    import random

    kans = random.Random(29)
    woorden = ("inspectie", "bestuur", "school", "kwaliteit", "onderwijs", "leerling", "toezicht", "eis", "oordeel",
               "standaard", "aanbod", "veiligheid", "resultaten", "verantwoording", "dialoog", "zorg")
    return " ".join(kans.choice(woorden) + str(kans.randrange(1000)) for _ in range(aantal))


@pytest.mark.parametrize("runs", [1, 25])
def test_alinea_van_20_mb_wordt_met_naam_geweigerd(runs: int, tmp_path: Path) -> None:
    """A 20 MB paragraph (one text node, or many runs) is refused naming the paragraph and the limit, not as
    'geen geldige XML'; nothing is written."""
    doc = Document()
    doc.add_paragraph("Onderzoekskader 2026", style="Title")
    doc.add_heading("1 Inleiding", 1)
    p = doc.add_paragraph()
    stuk = _woorden(2_200_000 // runs)
    for _ in range(runs):
        p.add_run(stuk + " ")
    pad = tmp_path / "lang.docx"
    doc.save(str(pad))
    uit = tmp_path / "po.xml"
    code, _, fout = kd(["importeer", str(pad), "--sector", "po", "--jaar", "2026", "--kaders", str(KADERS),
                        "--uit", str(uit)])
    assert code == 2, fout
    assert "alinea 3 is te lang" in fout and "10 MB" in fout and "geen geldige XML" not in fout
    assert "niets geschreven" in fout and not uit.exists()


def _kadernota(pad: Path) -> Path:
    """A document that is no kader but looks a bit like one: 'kader' in its first line, a bold numbered heading."""
    doc = Document()
    doc.add_paragraph("Kadernota 2026 gemeente Utrecht")
    doc.add_paragraph().add_run("1 Aanleiding").bold = True
    doc.add_paragraph("Hierbij ontvangt u de stukken voor de vergadering van 12 mei.")
    doc.add_paragraph("Met vriendelijke groet, het college")
    doc.save(str(pad))
    return pad


def test_document_zonder_kaderstructuur_wordt_geweigerd(tmp_path: Path) -> None:
    kaders = tmp_path / "kaders"
    kaders.mkdir()
    code, _, fout = kd(["importeer", str(_kadernota(tmp_path / "nota.docx")), "--sector", "po", "--jaar", "2026",
                        "--kaders", str(kaders)])
    assert code == 2 and "geen kaderstructuur gevonden" in fout and "docs/word-invoer.md" in fout
    assert list(kaders.rglob("*")) == []


def _docx_met_alineas(aantal: int, pad: Path) -> Path:
    """A kader of `aantal` paragraphs, written as raw WordprocessingML (python-docx would take longer than the
    import): half running text and bullets in a chapter, half eisen with their grondslag line."""
    import io

    leeg = io.BytesIO()
    Document().save(leeg)
    with zipfile.ZipFile(leeg) as z:
        delen = {naam: z.read(naam) for naam in z.namelist()}

    def p(tekst: str, stijl: str = "") -> str:
        eigenschappen = f'<w:pPr><w:pStyle w:val="{stijl}"/></w:pPr>' if stijl else ""
        return f"<w:p>{eigenschappen}<w:r><w:t>{tekst}</w:t></w:r></w:p>"

    body = [p("Onderzoekskader 2026", "Title"), p("1 Inleiding", "Heading1")]
    body += [p(f"Alinea {i} over het toezicht van de inspectie op besturen en scholen.",
               "ListBullet" if i % 10 == 9 else "") for i in range(aantal // 2)]
    body += [p("Waarderingskader school", "Heading1"), p("OP Onderwijsproces", "Heading2"),
             p("OP1 Aanbod", "Heading3"), p("Basiskwaliteit", "Heading4")]
    for i in range(aantal // 4):
        body += [p(f"De school zorgt voor onderdeel {i} van het aanbod.", "ListBullet"),
                 p("Wettelijke grondslag: artikel 8, eerste lid, WPO")]
    delen["word/document.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.'
        f'org/wordprocessingml/2006/main"><w:body>{"".join(body)}</w:body></w:document>').encode()
    return _zip(pad, delen)


def test_importeer_groeit_lineair_met_het_aantal_alineas(tmp_path: Path) -> None:
    """100,000 paragraphs take about ten times as long as 10,000 (linear; it grew with the square, and never
    ended): allowed up to 15 times, CPU time of this process, the best of two runs for the small one."""
    import time

    from tests.hulp.vijandig import tijdslimiet

    def duur(aantal: int, limiet: float = 600.0) -> float:
        pad = _docx_met_alineas(aantal, tmp_path / f"{aantal}.docx")
        uit = tmp_path / f"{aantal}.xml"
        uit.unlink(missing_ok=True)
        begin = time.process_time()
        with tijdslimiet(limiet):
            code, _, fout = kd(["importeer", str(pad), "--sector", "po", "--jaar", "2026", "--kaders", str(KADERS),
                                "--uit", str(uit)])
        assert code == 0, fout
        return time.process_time() - begin

    klein = min(duur(10_000), duur(10_000))
    groot = duur(100_000, limiet=20 * klein + 10)  # wall clock: the quadratic importer fails here, not hangs
    assert groot / klein < 15, f"10.000 alinea's: {klein:.2f} s, 100.000: {groot:.2f} s ({groot / klein:.1f}×)"
