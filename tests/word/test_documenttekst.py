"""What word/ gives the rest of kaderdiff instead of WordprocessingML: the text of headers and footers, the
paragraphs of a document, and a concept's paragraphs with their bookmarks, revisions and accepted text."""

from __future__ import annotations

from pathlib import Path

from kaderdiff.bron.docxveilig import lees_docx
from kaderdiff.word.blokken import blokmerk
from kaderdiff.word.documenttekst import alineateksten, kop_en_voettekst
from kaderdiff.word.lezen import VERWIJDERD, alineas_van, pakketdatum_van
from tests.hulp.woordbewerker import MBO_RAAD, Woordbewerker, concept

VOG = "Het bestuur zorgt voor benoembaar/bevoegd en bekwaam personeel"


def test_kop_voet_en_alineas_van_een_concept(voorbeeldrepo: Path, tmp_path: Path) -> None:
    pad = tmp_path / "concept.docx"
    pad.write_bytes(concept(voorbeeldrepo))
    docx = lees_docx(pad)
    assert "Onze referentie KD-MBO-2026" in kop_en_voettekst(docx)
    alineas = alineateksten(docx)
    assert alineas is not None
    # the pack's own revision of 2025 -> 2026: the deleted 'bevoegd' is no text, the inserted one is
    assert any(a.startswith(VOG) for a in alineas)


def test_een_lezersrevisie_in_een_alinea_van_het_concept(voorbeeldrepo: Path, tmp_path: Path) -> None:
    wb = Woordbewerker(concept(voorbeeldrepo))
    wb.verwijder(wb.alinea("st-ka1-e3"), "benoembaar/bevoegd en ", MBO_RAAD)
    pad = tmp_path / "lezer.docx"
    pad.write_bytes(wb.opslaan())
    docx = lees_docx(pad)
    alineas = alineas_van(docx, pakketdatum_van(docx))
    [alinea] = [a for a in alineas if blokmerk("st-ka1-e3:tekst") in a.merken()]
    revisies = alinea.revisies()
    assert {(r.auteur, r.soort) for r in revisies} == {(MBO_RAAD, VERWIJDERD)}  # per run, as Word writes them
    assert "".join(r.tekst for r in revisies) == "benoembaar/bevoegd en "
    assert "".join(f.tekst for f in alinea.fragmenten(frozenset())).startswith(VOG)
    assert "".join(f.tekst for f in alinea.fragmenten(frozenset({MBO_RAAD}))).startswith(
        "Het bestuur zorgt voor bekwaam personeel")
