"""`opgemaakt_document`: a document whose layout was made once and copied is byte for byte the one python-docx makes
for it directly, whatever its texts; and no document shares anything with the next."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from kaderdiff.render import docx_kader
from kaderdiff.word.document import Worddocument, nieuw_document, opslaan
from kaderdiff.word.documentopmaak import Opmaak, liggend_genummerd, opgemaakt_document

MOMENT = datetime(2026, 3, 16, 9, 30, tzinfo=UTC)
OPMAKEN: dict[str, Opmaak] = {"kader": docx_kader._kaderopmaak, "concept": docx_kader._conceptopmaak,
                              "liggend": liggend_genummerd}
TEKSTEN = {
    "gewoon": "MBO-2026-3f2a9c1 · Datum 16 maart 2026",
    "tekens": 'Titel & <code> "aanhalingstekens" \'enkel\' — één ë ß 中文',
    "spaties": "  twee spaties vooraan en achteraan  ",
    "tab": "Kolom\tkolom",
    "regelovergang": "Regel één\nregel twee\r\nen drie",
    "plek": "\ue000kop\ue001 lijkt op een plek",
}


def _direct(opmaak: Opmaak, teksten: dict[str, str]) -> bytes:
    doc = nieuw_document("Titel", MOMENT, "Onderwerp")
    opmaak(doc, teksten.__getitem__)
    return opslaan(doc, MOMENT)


def _gekopieerd(opmaak: Opmaak, teksten: dict[str, str]) -> bytes:
    return opslaan(opgemaakt_document("Titel", MOMENT, "Onderwerp", opmaak, teksten), MOMENT)


@pytest.mark.parametrize("opmaak", OPMAKEN.values(), ids=OPMAKEN.keys())
@pytest.mark.parametrize("tekst", TEKSTEN.values(), ids=TEKSTEN.keys())
def test_dezelfde_bytes_als_python_docx_direct(opmaak: Opmaak, tekst: str) -> None:
    teksten = {"kop": f"Kop: {tekst}", "kenmerk": tekst}
    assert _gekopieerd(opmaak, teksten) == _direct(opmaak, teksten)


def test_geen_document_deelt_iets_met_het_volgende() -> None:
    eerste = opgemaakt_document("Een", MOMENT, "", docx_kader._kaderopmaak, {"kop": "kop een", "kenmerk": "EEN"})
    eerste.sections[0].footer.paragraphs[0].add_run("alleen in het eerste")
    eerste.add_paragraph("tekst van het eerste")
    tweede = opgemaakt_document("Twee", MOMENT, "", docx_kader._kaderopmaak, {"kop": "kop twee", "kenmerk": "TWEE"})
    voet = tweede.sections[0].footer.paragraphs[0].text
    assert voet.startswith("TWEE — pagina ") and "EEN" not in voet and "alleen in het eerste" not in voet
    assert tweede.sections[0].header.paragraphs[0].text == "kop twee"
    assert "tekst van het eerste" not in [p.text for p in tweede.paragraphs]
    assert tweede.core_properties.title == "Twee" and eerste.core_properties.title == "Een"


def test_elke_tekst_van_de_opmaak_wordt_ingevuld() -> None:
    gevraagd: list[str] = []

    def opmaak(doc: Worddocument, tekst: Callable[[str], str]) -> None:
        gevraagd.append(tekst("kenmerk"))
        liggend_genummerd(doc, tekst)

    doc = opgemaakt_document("T", MOMENT, "", opmaak, {"kenmerk": "K-1"})
    assert doc.sections[0].footer.paragraphs[0].text.startswith("K-1 — pagina ")
    assert gevraagd == ["\ue000kenmerk\ue001"], "de opmaak is één keer gemaakt, met een plek voor de tekst"
    opgemaakt_document("T", MOMENT, "", opmaak, {"kenmerk": "K-2"})
    assert len(gevraagd) == 1
