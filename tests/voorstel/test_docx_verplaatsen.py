"""`voorstel --uit-docx` reads a reader's own moves (Word's form with named ranges, and what LibreOffice saves)
as moves of an eis on the branch, or refuses them with a reason."""

from __future__ import annotations

import copy
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from docx.oxml.ns import qn
from lxml import etree

from kaderdiff.bron.versies import KaderMap
from kaderdiff.model.versie import Versie
from tests.hulp.draai import kd
from tests.hulp.echte_clients import vereist
from tests.hulp.repos import git_cmd
from tests.hulp.woordbewerker import MBO_RAAD, Woordbewerker, concept

DATUM = "2026-04-02T10:00:00Z"
VERPLAATSBAAR = ("moveFrom", "moveTo", "ins", "del")


def eisen_van(repo: Path, ref: str, standaard: str) -> list[str]:
    kader = KaderMap(repo / "kaders").laad(Versie(2026, ref), "MBO")
    return [e.id for e, _ in kader.element(standaard).doorloop() if e.soort.value == "eis"]


def _merk(el: Any, wb: Woordbewerker, auteur: str) -> Any:
    return wb._merk(el, auteur, DATUM)


def _markeer_alineateken(p: Any, soort: str, wb: Woordbewerker, auteur: str) -> None:
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        ppr = etree.Element(qn("w:pPr"))
        p.insert(0, ppr)
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = etree.SubElement(ppr, qn("w:rPr"))
    rpr.insert(0, _merk(etree.Element(qn(f"w:{soort}")), wb, auteur))


def _omhul_runs(p: Any, soort: str, wb: Woordbewerker, auteur: str, tekst_tag: str = "w:t") -> None:
    """Wrap the text runs, also those inside a w:hyperlink (Word keeps the link outside the revision)."""
    for r in [r for r in p.iter(qn("w:r")) if r.getparent().tag in (qn("w:p"), qn("w:hyperlink"))
              and r.find(qn("w:t")) is not None]:
        omhulsel = _merk(etree.Element(qn(f"w:{soort}")), wb, auteur)
        r.addprevious(omhulsel)
        omhulsel.append(r)
        r.find(qn("w:t")).tag = qn(tekst_tag)


def _kale_kopie(p: Any) -> Any:
    """The paragraph as pasted elsewhere: without the bookmarks and comment anchors (they stay behind)."""
    kopie = copy.deepcopy(p)
    for el in list(kopie.iter(qn("w:bookmarkStart"), qn("w:bookmarkEnd"), qn("w:commentRangeStart"),
                              qn("w:commentRangeEnd"))):
        el.getparent().remove(el)
    for r in list(kopie.iter(qn("w:r"))):
        if r.find(qn("w:commentReference")) is not None:
            r.getparent().remove(r)
    return kopie


def verplaats_zoals_word(wb: Woordbewerker, eis: str, na: Any, auteur: str, naam: str = "move1",
                         bewerk: tuple[str, str] | None = None, met_grondslag: bool = True) -> None:
    """Move an eis (its paragraphs) to after paragraph `na` the way Word writes a tracked move."""
    bron = [wb.alinea(eis)] + ([wb.alinea(eis, "grondslag")] if met_grondslag else [])
    doel = [_kale_kopie(p) for p in bron]
    for p in bron:
        _markeer_alineateken(p, "moveFrom", wb, auteur)
        _omhul_runs(p, "moveFrom", wb, auteur)
    for i, p in enumerate(doel):
        _markeer_alineateken(p, "moveTo", wb, auteur)
        _omhul_runs(p, "moveTo", wb, auteur)
        if i == 0 and bewerk is not None:
            oud, nieuw = bewerk
            (verplaatst,) = p.findall(qn("w:moveTo"))
            t = verplaatst.find(f"{qn('w:r')}/{qn('w:t')}")
            voor, na_ = t.text.split(oud)
            t.text = voor
            staart = copy.deepcopy(verplaatst)
            staart.find(f"{qn('w:r')}/{qn('w:t')}").text = na_
            _merk(staart, wb, auteur)
            ins = _merk(etree.Element(qn("w:ins")), wb, auteur)
            run = copy.deepcopy(verplaatst.find(qn("w:r")))
            run.find(qn("w:t")).text = nieuw
            ins.append(run)
            verplaatst.addnext(ins)
            ins.addnext(staart)
    anker = na
    for p in doel:
        anker.addnext(p)
        anker = p
    for soort, alineas in (("moveFrom", bron), ("moveTo", doel)):
        start = _merk(etree.Element(qn(f"w:{soort}RangeStart")), wb, auteur)
        start.set(qn("w:name"), naam)
        alineas[0].find(qn("w:pPr")).addnext(start)
        einde = etree.Element(qn(f"w:{soort}RangeEnd"))
        einde.set(qn("w:id"), start.get(qn("w:id")))
        alineas[-1].addnext(einde)


def schrijf(wb: Woordbewerker, pad: Path) -> Path:
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_bytes(wb.opslaan())
    return pad


def test_eis_verplaatst_binnen_de_standaard(voorbeeldrepo: Path, tmp_path: Path) -> None:
    wb = Woordbewerker(concept(voorbeeldrepo))
    verplaats_zoals_word(wb, "st-ka1-e1", wb.alinea("st-ka1-e4", "grondslag"), MBO_RAAD)
    bestand = schrijf(wb, tmp_path / "verplaatst.docx")
    code, uit, fout = kd(["voorstel", "--uit-docx", str(bestand), "--naam", "voorstel/volgorde"], cwd=voorbeeldrepo)
    assert code == 0, fout
    assert "Niet overgenomen" not in uit
    assert eisen_van(voorbeeldrepo, "voorstel/volgorde", "st-ka1") == ["st-ka1-e2", "st-ka1-e3", "st-ka1-e4",
                                                                    "st-ka1-e1"]
    assert git_cmd(voorbeeldrepo, "log", "--format=%an", "main..voorstel/volgorde").splitlines() == [MBO_RAAD]
    # only the eis moved: its lines left one place and came back at the other, nothing else changed
    assert git_cmd(voorbeeldrepo, "diff", "--numstat", "main", "voorstel/volgorde").split() == [
        "4", "4", "kaders/2026/mbo.xml"]


def test_eis_verplaatst_naar_een_andere_standaard_en_bewerkt(voorbeeldrepo: Path, tmp_path: Path) -> None:
    kadermap = KaderMap(voorbeeldrepo / "kaders")
    tekst = kadermap.laad(Versie(2026), "MBO").element("st-ka1-e2").tekst
    wb = Woordbewerker(concept(voorbeeldrepo))
    basiskwaliteit_ka2 = wb.alinea("st-ka2.basiskwaliteit", "kop")
    verplaats_zoals_word(wb, "st-ka1-e2", basiskwaliteit_ka2, MBO_RAAD, bewerk=("systematisch", "jaarlijks"),
                         met_grondslag=False)
    bestand = schrijf(wb, tmp_path / "naar-ka2.docx")
    code, uit, fout = kd(["voorstel", "--uit-docx", str(bestand), "--naam", "voorstel/naar-ka2"], cwd=voorbeeldrepo)
    assert code == 0, fout
    assert "Niet overgenomen" not in uit
    assert "st-ka1-e2" not in eisen_van(voorbeeldrepo, "voorstel/naar-ka2", "st-ka1")
    assert eisen_van(voorbeeldrepo, "voorstel/naar-ka2", "st-ka2")[0] == "st-ka1-e2"
    nieuw = KaderMap(voorbeeldrepo / "kaders").laad(Versie(2026, "voorstel/naar-ka2"), "MBO")
    assert nieuw.element("st-ka1-e2").tekst == tekst.replace("systematisch", "jaarlijks")
    assert nieuw.element("st-ka1-e2").grondslagen == kadermap.laad(Versie(2026), "MBO").element("st-ka1-e2").grondslagen


@pytest.mark.parametrize(("geval", "reden"), [
    ("kop", "plek waar geen eis kan staan"),
    ("deel", "deel van een alinea"),
    ("geen-doel", "zonder nieuwe plek"),
])
def test_verplaatsing_die_niet_past_wordt_gemeld(voorbeeldrepo: Path, tmp_path: Path, geval: str, reden: str) -> None:
    wb = Woordbewerker(concept(voorbeeldrepo))
    if geval == "kop":  # an eis moved to right after a standard's heading (before its description)
        verplaats_zoals_word(wb, "st-ka1-e1", wb.alinea("st-ka2", "kop"), MBO_RAAD)
    elif geval == "deel":  # a few words moved inside the paragraph (as Word marks a dragged phrase)
        p = wb.alinea("st-ka1-e2")
        (run,) = [r for r in p if r.tag == qn("w:r") and r.find(qn("w:t")) is not None]
        van = _merk(etree.Element(qn("w:moveFrom")), wb, MBO_RAAD)
        run.addprevious(van)
        van.append(copy.deepcopy(run))
        naar = _merk(etree.Element(qn("w:moveTo")), wb, MBO_RAAD)
        run.addnext(naar)
        naar.append(copy.deepcopy(run))
        p.remove(run)
    else:  # only the source half of a move survived
        p = wb.alinea("st-ka1-e4")
        _markeer_alineateken(p, "moveFrom", wb, MBO_RAAD)
        _omhul_runs(p, "moveFrom", wb, MBO_RAAD)
    bestand = schrijf(wb, tmp_path / f"{geval}.docx")
    voor = git_cmd(voorbeeldrepo, "branch", "--list")
    code, uit, fout = kd(["voorstel", "--uit-docx", str(bestand), "--naam", f"voorstel/{geval}"], cwd=voorbeeldrepo)
    assert code == 1, fout  # something was not taken over
    assert "Niet overgenomen" in uit and reden in uit, uit
    assert git_cmd(voorbeeldrepo, "branch", "--list") == voor, "geen tak zonder overgenomen wijziging"


@pytest.mark.echte_client
def test_verplaatsing_opgeslagen_door_libreoffice(voorbeeldrepo: Path, tmp_path: Path) -> None:
    """A reader's cut-and-paste of a whole eis with tracking on, saved by LibreOffice: LibreOffice writes
    it as w:moveFrom/w:moveTo without ranges; the import moves the eis."""
    soffice = vereist("soffice")
    wb = Woordbewerker(concept(voorbeeldrepo))
    bron = [wb.alinea("st-ka1-e1"), wb.alinea("st-ka1-e1", "grondslag")]
    doel = [_kale_kopie(p) for p in bron]
    for p in bron:  # what a tracked cut leaves: deleted runs and paragraph marks
        _markeer_alineateken(p, "del", wb, MBO_RAAD)
        _omhul_runs(p, "del", wb, MBO_RAAD, "w:delText")
    anker = wb.alinea("st-ka1-e3", "grondslag")
    for p in doel:  # what a tracked paste adds: inserted runs and paragraph marks
        _markeer_alineateken(p, "ins", wb, MBO_RAAD)
        _omhul_runs(p, "ins", wb, MBO_RAAD)
        anker.addnext(p)
        anker = p
    invoer = schrijf(wb, tmp_path / "in" / "knip-plak.docx")
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path / 'profiel'}", "--headless", "--convert-to",
                    "docx", "--outdir", str(tmp_path / "lo"), str(invoer)], check=True, capture_output=True,
                   timeout=300)
    opgeslagen = tmp_path / "lo" / "knip-plak.docx"
    with zipfile.ZipFile(opgeslagen) as z:
        document = etree.fromstring(z.read("word/document.xml"))
    lezer = [el for el in document.iter(*(qn(f"w:{s}") for s in VERPLAATSBAAR))
             if el.get(qn("w:author")) == MBO_RAAD and el.getparent().tag != qn("w:rPr")]
    assert {etree.QName(el).localname for el in lezer} == {"moveFrom", "moveTo"}, "LibreOffice maakt er een move van"
    code, uit, fout = kd(["voorstel", "--uit-docx", str(opgeslagen), "--naam", "voorstel/lo-verplaatst"],
                         cwd=voorbeeldrepo)
    assert code == 0, fout
    assert "Niet overgenomen" not in uit, uit
    assert eisen_van(voorbeeldrepo, "voorstel/lo-verplaatst", "st-ka1") == ["st-ka1-e2", "st-ka1-e3", "st-ka1-e1",
                                                                         "st-ka1-e4"]


def test_bewerking_in_een_verplaatsing_van_het_pakket_wordt_overgenomen(voorbeeldrepo: Path, tmp_path: Path) -> None:
    """The pack's own moves count as accepted text: a reader's edit inside the moved eis maps onto it."""
    from datetime import UTC, datetime

    from kaderdiff.diff.staatbouw import maak_staat
    from kaderdiff.render.docx_kader import render_concept_docx

    kadermap = KaderMap(voorbeeldrepo / "kaders")
    staat = maak_staat(kadermap, Versie(2025), Versie(2026), "VO")
    wb = Woordbewerker(render_concept_docx(staat, datetime(2026, 3, 1, 9, 0, tzinfo=UTC)))
    e4 = wb.alinea("st-op4-e4")
    assert e4.find(f"{qn('w:pPr')}/{qn('w:rPr')}/{qn('w:moveTo')}") is not None, "de bestemming van VO-12"
    wb.verwijder(e4, "toewijzing", MBO_RAAD)  # inside the pack's w:moveTo, as a nested w:del
    (weg,) = [d for d in e4.iter(qn("w:del")) if d.get(qn("w:author")) == MBO_RAAD]
    erbij = _merk(etree.Element(qn("w:ins")), wb, MBO_RAAD)
    run = copy.deepcopy(weg.find(qn("w:r")))
    run.find(qn("w:delText")).tag = qn("w:t")
    run.find(qn("w:t")).text = "verdeling"
    erbij.append(run)
    weg.addnext(erbij)
    bestand = schrijf(wb, tmp_path / "vo.docx")
    code, uit, fout = kd(["voorstel", "--uit-docx", str(bestand), "--naam", "voorstel/vo"], cwd=voorbeeldrepo)
    assert code == 0, fout
    assert "Niet overgenomen" not in uit
    nieuw = kadermap.laad(Versie(2026, "voorstel/vo"), "VO").element("st-op4-e4")
    assert nieuw.tekst == kadermap.laad(Versie(2026), "VO").element("st-op4-e4").tekst.replace("toewijzing",
                                                                                               "verdeling")
