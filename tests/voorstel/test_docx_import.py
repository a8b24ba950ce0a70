"""`kaderdiff voorstel --uit-docx`: a concept kader edited in Word with tracked changes becomes a branch."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx.oxml.ns import qn
from lxml import etree

from kaderdiff.bron.versies import KaderMap
from kaderdiff.diff.vergelijk import vergelijk
from kaderdiff.model.versie import Versie
from kaderdiff.voorstel.beoordeling import beoordeel
from tests.hulp.draai import kd
from tests.hulp.repos import git_cmd
from tests.hulp.woordbewerker import JOB, MBO_RAAD, Woordbewerker, concept, toestand


# ---------------------------------------------------------------- round trip
def test_rondgang_word_revisies_worden_een_tak(voorbeeldrepo: Path, tmp_path: Path) -> None:
    kadermap = KaderMap(voorbeeldrepo / "kaders")
    oud = kadermap.laad(Versie(2026), "MBO")
    wb = Woordbewerker(concept(voorbeeldrepo))
    # 1. replace inside an eis that the pack itself changed (nested: deleting the pack's insertion)
    e3 = wb.alinea("st-ka1-e3")
    assert wb.tekst(e3).startswith("Het bestuur zorgt voor benoembaar/bevoegd en bekwaam")
    wb.verwijder(e3, "benoembaar/bevoegd en ", MBO_RAAD)
    # 2. insert inside an unchanged eis
    e1 = wb.alinea("st-ka1-e1")
    wb.voeg_in(e1, "Het bestuur heeft", " actueel", MBO_RAAD)
    # 3. replace a word in another eis, by a second author, later
    e2 = wb.alinea("st-ka1-e2")
    wb.vervang(e2, "systematisch", "jaarlijks", JOB, "2026-04-03T08:00:00Z")
    # 4. unmappable: inside a heading, and inside a grondslag line
    wb.voeg_in(wb.alinea("st-ka1", "kop"), "Kwaliteitszorg", " en verantwoording", MBO_RAAD)
    wb.verwijder(wb.alinea("st-ka1-e4", "grondslag"), "lid", MBO_RAAD)
    bestand = tmp_path / "concept-mbo-2026-mbo-raad.docx"
    bestand.write_bytes(wb.opslaan())

    status_voor = git_cmd(voorbeeldrepo, "status", "--porcelain")
    code, uit, fout = kd(["voorstel", "--uit-docx", str(bestand), "--naam", "voorstel/mbo-bekwaam"], cwd=voorbeeldrepo)
    assert code == 0, fout
    assert "Niet overgenomen" in uit and "kop" in uit and "grondslag" in uit
    # the user's working tree, index and HEAD are untouched
    assert git_cmd(voorbeeldrepo, "status", "--porcelain") == status_voor
    assert git_cmd(voorbeeldrepo, "rev-parse", "--abbrev-ref", "HEAD") == "main"

    log = git_cmd(voorbeeldrepo, "log", "--format=%an|%s", "main..voorstel/mbo-bekwaam").splitlines()
    assert [r.split("|")[0] for r in log] == [JOB, MBO_RAAD]  # newest first: one commit per author

    nieuw = kadermap.laad(Versie(2026, "voorstel/mbo-bekwaam"), "MBO")
    rijen = vergelijk(oud, nieuw)
    assert {w.element_id: w.wordt for w in rijen} == {
        "st-ka1-e1": oud.element("st-ka1-e1").tekst.replace("Het bestuur heeft", "Het bestuur heeft actueel"),
        "st-ka1-e2": oud.element("st-ka1-e2").tekst.replace("systematisch", "jaarlijks"),
        "st-ka1-e3": "Het bestuur zorgt voor bekwaam personeel dat in het bezit is van een Verklaring Omtrent "
                     "het Gedrag (VOG).",
    }
    # only those edits: the rest of the file is byte-identical (canonical layout kept)
    verschil = git_cmd(voorbeeldrepo, "diff", "--numstat", "main", "voorstel/mbo-bekwaam")
    assert verschil.split() == ["3", "3", "kaders/2026/mbo.xml"]
    # the first commit holds only the MBO Raad's edits
    eerste = git_cmd(voorbeeldrepo, "rev-list", "--reverse", "main..voorstel/mbo-bekwaam").splitlines()[0]
    tussen = kadermap.laad(Versie(2026, eerste), "MBO")
    assert {w.element_id for w in vergelijk(oud, tussen)} == {"st-ka1-e1", "st-ka1-e3"}

    # and reviewed as a proposal: VO and PO alignment shown
    v = beoordeel(kadermap, "voorstel/mbo-bekwaam")
    e3_rij = next(r for r in v.rijen if r.wijziging.element_id == "st-ka1-e3")
    assert {o.sector for o in e3_rij.overeenkomsten} == {"PO", "VO"}


def test_json_meldt_niet_overgenomen_revisies(voorbeeldrepo: Path, tmp_path: Path) -> None:
    import json

    wb = Woordbewerker(concept(voorbeeldrepo))
    wb.verwijder(wb.alinea("st-ka1-e3"), "benoembaar/bevoegd en ", MBO_RAAD)
    wb.voeg_in(wb.alinea("st-ka1", "kop"), "KA1", "a", MBO_RAAD)
    bestand = tmp_path / "c.docx"
    bestand.write_bytes(wb.opslaan())
    code, uit, fout = kd(["voorstel", "--uit-docx", str(bestand), "--naam", "voorstel/x", "--json"], cwd=voorbeeldrepo)
    assert code == 0, fout
    data = json.loads(uit)
    assert [c["auteur"] for c in data["commits"]] == [MBO_RAAD]
    niet = data["niet_overgenomen"]
    assert len(niet) == 1 and "st-ka1, kop" in niet[0]["plaats"] and niet[0]["auteur"] == MBO_RAAD
    assert [r["element_id"] for r in data["beoordeling"]["wijzigingen"]] == ["st-ka1-e3"]


def test_alleen_pakketrevisies_geeft_geen_tak(voorbeeldrepo: Path, tmp_path: Path) -> None:
    bestand = tmp_path / "ongewijzigd.docx"
    bestand.write_bytes(concept(voorbeeldrepo))
    voor = toestand(voorbeeldrepo)
    code, uit, _ = kd(["voorstel", "--uit-docx", str(bestand), "--naam", "voorstel/leeg"], cwd=voorbeeldrepo)
    assert code == 0
    assert "geen revisies overgenomen" in uit
    assert toestand(voorbeeldrepo) == voor


def test_over_twee_eisen_heen_wordt_gemeld(voorbeeldrepo: Path, tmp_path: Path) -> None:
    wb = Woordbewerker(concept(voorbeeldrepo))
    e1 = wb.alinea("st-ka1-e1")
    wb.verwijder(e1, "opleidingen.", MBO_RAAD)
    # the paragraph mark deleted too: the two paragraphs are merged
    ppr = e1.find(qn("w:pPr"))
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = etree.SubElement(ppr, qn("w:rPr"))
    rpr.append(wb._merk(etree.Element(qn("w:del")), MBO_RAAD, "2026-04-02T10:00:00Z"))
    wb.verwijder(wb.alinea("st-ka1-e1", "grondslag"), "Wettelijke", MBO_RAAD)
    bestand = tmp_path / "samen.docx"
    bestand.write_bytes(wb.opslaan())
    voor = toestand(voorbeeldrepo)
    code, uit, _ = kd(["voorstel", "--uit-docx", str(bestand), "--naam", "voorstel/samen"], cwd=voorbeeldrepo)
    assert code == 1
    assert "over twee alinea's of eisen heen" in uit
    assert toestand(voorbeeldrepo) == voor


def test_bestaande_tak_wordt_niet_overschreven(voorbeeldrepo: Path, tmp_path: Path) -> None:
    wb = Woordbewerker(concept(voorbeeldrepo))
    wb.verwijder(wb.alinea("st-ka1-e3"), "benoembaar/bevoegd en ", MBO_RAAD)
    bestand = tmp_path / "c.docx"
    bestand.write_bytes(wb.opslaan())
    git_cmd(voorbeeldrepo, "branch", "voorstel/bestaat")
    voor = toestand(voorbeeldrepo)
    code, _, fout = kd(["voorstel", "--uit-docx", str(bestand), "--naam", "voorstel/bestaat"], cwd=voorbeeldrepo)
    assert code == 2 and "bestaat al" in fout
    assert toestand(voorbeeldrepo) == voor


# ---------------------------------------------------------------- hostile input
def _herpak(docx: bytes, vervang: dict[str, bytes], extra: list[tuple[str, bytes]] = ()) -> bytes:  # type: ignore[assignment]
    uit = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as bron, zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as doel:
        for naam in bron.namelist():
            doel.writestr(naam, vervang.get(naam, bron.read(naam)))
        for naam, data in extra:
            doel.writestr(naam, data)
    return uit.getvalue()


def _vijandig(soort: str, docx: bytes, tmp_path: Path) -> Path:
    if soort == "docm":
        pad = tmp_path / "concept.docm"
        pad.write_bytes(docx)
        return pad
    pad = tmp_path / "concept.docx"
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        typen = z.read("[Content_Types].xml")
        document = z.read("word/document.xml")
    if soort == "macro-inhoudstype":
        typen = typen.replace(b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                              b"application/vnd.ms-word.document.macroEnabled.main+xml")
        pad.write_bytes(_herpak(docx, {"[Content_Types].xml": typen}))
    elif soort == "zipbom":
        pad.write_bytes(_herpak(docx, {}, [("word/bom.xml", b" " * (20 * 1024 * 1024))]))
    elif soort == "entiteit":
        kop, rest = document.split(b"?>", 1)
        document = kop + b'?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' + rest
        pad.write_bytes(_herpak(docx, {"word/document.xml": document}))
    elif soort == "padtraversal":
        pad.write_bytes(_herpak(docx, {}, [("../../buiten.xml", b"<x/>")]))
    return pad


@pytest.mark.parametrize(("soort", "melding"), [
    ("docm", "macro"),
    ("macro-inhoudstype", "macro"),
    ("zipbom", "zip-bom"),
    ("entiteit", "entiteit"),
    ("padtraversal", "ongeldige naam"),
])
def test_vijandige_invoer_geweigerd(voorbeeldrepo: Path, tmp_path: Path, soort: str, melding: str) -> None:
    wb = Woordbewerker(concept(voorbeeldrepo))
    wb.verwijder(wb.alinea("st-ka1-e3"), "benoembaar/bevoegd en ", MBO_RAAD)
    pad = _vijandig(soort, wb.opslaan(), tmp_path)
    voor = toestand(voorbeeldrepo)
    bestanden_voor = sorted(p.name for p in tmp_path.iterdir())
    code, uit, fout = kd(["voorstel", "--uit-docx", str(pad), "--naam", "voorstel/vijandig"], cwd=voorbeeldrepo)
    assert code == 2, uit
    assert "geweigerd" in fout and melding in fout and "Traceback" not in fout
    assert toestand(voorbeeldrepo) == voor
    assert sorted(p.name for p in tmp_path.iterdir()) == bestanden_voor
    assert not (tmp_path.parent / "buiten.xml").exists()


@pytest.mark.echte_client
def test_na_opslaan_in_libreoffice_zelfde_tak(voorbeeldrepo: Path, tmp_path: Path) -> None:
    """A real client re-saves the document (bookmarks, revisions, dates as it writes them): same result."""
    import os
    import shutil
    import subprocess

    soffice = shutil.which("soffice")
    if soffice is None:
        if os.environ.get("KADERDIFF_ECHTE_CLIENTS") == "verplicht":
            pytest.fail("soffice ontbreekt, maar echte clients zijn verplicht (CI)")
        pytest.skip("soffice is niet geïnstalleerd")
    wb = Woordbewerker(concept(voorbeeldrepo))
    wb.verwijder(wb.alinea("st-ka1-e3"), "benoembaar/bevoegd en ", MBO_RAAD)
    wb.vervang(wb.alinea("st-ka1-e2"), "systematisch", "jaarlijks", JOB, "2026-04-03T08:00:00Z")
    wb.voeg_in(wb.alinea("st-ka1", "kop"), "Kwaliteitszorg", " en verantwoording", MBO_RAAD)
    bron = tmp_path / "bron" / "concept.docx"
    bron.parent.mkdir()
    bron.write_bytes(wb.opslaan())
    uitmap = tmp_path / "lo"
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path / 'profiel'}", "--headless",
                    "--convert-to", "docx", "--outdir", str(uitmap), str(bron)],
                   check=True, capture_output=True, timeout=180)
    code, uit, fout = kd(["voorstel", "--uit-docx", str(uitmap / "concept.docx"), "--naam", "voorstel/lo"],
                         cwd=voorbeeldrepo)
    assert code == 0, fout
    assert "st-ka1, kop" in uit
    kadermap = KaderMap(voorbeeldrepo / "kaders")
    rijen = vergelijk(kadermap.laad(Versie(2026), "MBO"), kadermap.laad(Versie(2026, "voorstel/lo"), "MBO"))
    assert sorted(w.element_id for w in rijen) == ["st-ka1-e2", "st-ka1-e3"]
    log = git_cmd(voorbeeldrepo, "log", "--format=%an", "main..voorstel/lo").splitlines()
    assert log == [JOB, MBO_RAAD]


def test_inspecteur_met_zelfde_naam_maar_eigen_datum_is_een_lezer(voorbeeldrepo: Path, tmp_path: Path) -> None:
    """Pack revisions are told apart by author AND the pack's fixed date, not by the name alone."""
    from kaderdiff.word.ns import AUTEUR

    wb = Woordbewerker(concept(voorbeeldrepo))
    wb.vervang(wb.alinea("st-ka1-e2"), "systematisch", "jaarlijks", AUTEUR, "2026-04-10T12:00:00Z")
    bestand = tmp_path / "inspecteur.docx"
    bestand.write_bytes(wb.opslaan())
    code, _, fout = kd(["voorstel", "--uit-docx", str(bestand), "--naam", "voorstel/inspectie"], cwd=voorbeeldrepo)
    assert code == 0, fout
    log = git_cmd(voorbeeldrepo, "log", "--format=%an|%aI", "main..voorstel/inspectie")
    assert log == f"{AUTEUR}|2026-04-10T12:00:00+00:00"
