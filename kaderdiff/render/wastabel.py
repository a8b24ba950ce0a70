"""The WAS/WORDT table every comparison document shares: Nr (with the kind of change), where, the old text
with deletions struck through, the new text with insertions underlined, and a last column of its own."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kaderdiff.model.wijziging import ERBIJ, WEG, DiffDeel

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.table import Table, _Cell

#: Nr, where, WAS, WORDT, the last column: A4 landscape between 2 cm margins.
BREEDTES_CM = [2.6, 4.0, 6.9, 6.9, 5.3]


def was_wordt_tabel(doc: DocxDocument, plaats: str, laatste: str, was: str = "Tekst WAS",
                    wordt: str = "Tekst WORDT", breedtes_cm: list[float] = BREEDTES_CM) -> Table:
    """The table with its repeating header row: 'Nr', `plaats`, `was`, `wordt`, `laatste`."""
    from kaderdiff.word.document import tabel

    return tabel(doc, ["Nr", plaats, was, wordt, laatste], breedtes_cm)


def was_wordt_rij(t: Table, nummer: str, soort: str, plaats: str,
                  diff: tuple[DiffDeel, ...]) -> tuple[_Cell, _Cell]:
    """One row: the number in bold with its kind in italics, where, and both sides of the word diff.
    Returns the where-cell and the last cell, for the caller to fill further."""
    from kaderdiff.word.document import nieuwe_rij, schrijf_diff, schrijf_regels

    nr, plaats_cel, was, wordt, laatste = nieuwe_rij(t)
    nr.paragraphs[0].add_run(nummer).bold = True
    nr.add_paragraph(soort).runs[0].italic = True
    schrijf_regels(plaats_cel, plaats)
    schrijf_diff(was, diff, WEG)
    schrijf_diff(wordt, diff, ERBIJ)
    return plaats_cel, laatste
