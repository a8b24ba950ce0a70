"""A kader as a Word document: clean, or as concept with every change as a real Word revision.

The body comes from `word.kaderdocument` (the same blocks for both, so accepting all revisions gives exactly
the clean new kader and rejecting all the old one); this module adds the document around it: styles, the
page header with Datum and Onze referentie, page numbers, and the comment text per change number.
"""

from __future__ import annotations

from datetime import datetime

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Cm, Pt

from kaderdiff.model.kader import Kader
from kaderdiff.model.wijziging import Staat, Wijziging
from kaderdiff.nederlands import nl_datum
from kaderdiff.render.gemeen import referentie
from kaderdiff.uitvoer.huisstijl import huisstijl
from kaderdiff.word.blokken import Blok, blokken
from kaderdiff.word.document import GEDEMPT, nieuw_document, opslaan, paginanummers, staand
from kaderdiff.word.kaderdocument import schrijf_kader, titelblok
from kaderdiff.word.revisies import Revisies, revisiedatum
from kaderdiff.word.samenvoegen import BlokStatus, Regel, voeg_samen


def _grondslagstijl(doc: DocxDocument) -> None:
    stijl = doc.styles.add_style("Grondslag", WD_STYLE_TYPE.PARAGRAPH)
    stijl.base_style = doc.styles["Normal"]
    stijl.font.italic = True
    stijl.font.size = Pt(huisstijl().klein_pt)
    stijl.font.color.rgb = GEDEMPT
    stijl.paragraph_format.left_indent = Cm(0.63)
    stijl.paragraph_format.space_after = Pt(6)


def _kopregel(doc: DocxDocument, tekst: str) -> None:
    """Document metadata in the page header: it is not kader text, so accept/reject leave it alone."""
    kop = doc.sections[0].header.paragraphs[0]
    kop.text = tekst
    for run in kop.runs:
        run.font.size = Pt(7.5)


def _basis(kader: Kader, moment: datetime, kenmerk: str, soort: str) -> DocxDocument:
    doc = nieuw_document(kader.titel, moment, onderwerp=soort)
    staand(doc)
    _grondslagstijl(doc)
    _kopregel(doc, f"{soort} · Datum {nl_datum(moment.date())} · Onze referentie {kenmerk}")
    paginanummers(doc, kenmerk)
    return doc


def render_kader_docx(kader: Kader, moment: datetime, commit: str = "",
                      kaderblokken: list[Blok] | None = None) -> bytes:
    """The kader without marks (the clean version); pass `kaderblokken` when they are already made."""
    kenmerk = referentie(kader.afkorting, kader.jaar, commit)
    doc = _basis(kader, moment, kenmerk, f"{kader.titel} ({kader.status})")
    alle = kaderblokken if kaderblokken is not None else blokken(kader)
    regels = [Regel(BlokStatus.GELIJK, b, b) for b in [titelblok(kader), *alle]]
    schrijf_kader(doc, regels, None, {}, moment)
    return opslaan(doc, moment)


def uitleg_per_nummer(wijzigingen: tuple[Wijziging, ...]) -> dict[str, str]:
    """Comment text per change: number, kind and the first explanation."""
    uit = {}
    for w in wijzigingen:
        toelichting = w.verklaringen[0].tekst if w.verklaringen else "toelichting ontbreekt"
        uit[w.nummer] = f"{w.nummer} ({w.soort.label}): {toelichting}"
    return uit


def render_concept_docx(staat: Staat, moment: datetime, nieuwe_blokken: list[Blok] | None = None) -> bytes:
    """The new kader with every change since the old one as a tracked Word revision."""
    oud, nieuw = staat.oud, staat.nieuw
    commit = staat.herkomst[-1].commit if staat.herkomst else ""
    kenmerk = referentie(nieuw.afkorting, nieuw.jaar, commit)
    doc = _basis(nieuw, moment, kenmerk, f"Concept {nieuw.titel}, met wijzigingen ten opzichte van {staat.van}")
    if nieuwe_blokken is None:
        nieuwe_blokken = blokken(nieuw, staat.wetten)
    regels = voeg_samen(oud, nieuw, [titelblok(oud), *blokken(oud, staat.wetten)], [titelblok(nieuw), *nieuwe_blokken],
                        staat.uitlijning, list(staat.wijzigingen))
    schrijf_kader(doc, regels, Revisies(revisiedatum(moment)), uitleg_per_nummer(staat.wijzigingen), moment)
    return opslaan(doc, moment)
