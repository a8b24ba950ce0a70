"""The WAS/WORDT table every comparison document shares: Nr (with the kind of change), where, the old text
with deletions struck through, the new text with insertions underlined, and a last column of its own."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kaderdiff.model.wijziging import ERBIJ, WEG, DiffDeel
from kaderdiff.uitvoer.huisstijl import huisstijl
from kaderdiff.word import tabelxml

if TYPE_CHECKING:
    from kaderdiff.word.document import Worddocument, Wordtabel

#: Nr, where, WAS, WORDT, the last column: A4 landscape between 2 cm margins (the house style's, which the
#: site's print layout of a Staat shares).
BREEDTES_CM = list(huisstijl().staatkolommen_cm)


def was_wordt_tabel(doc: Worddocument, plaats: str, laatste: str, was: str = "Tekst WAS",
                    wordt: str = "Tekst WORDT", breedtes_cm: list[float] = BREEDTES_CM) -> Wordtabel:
    """The table with its repeating header row: 'Nr', `plaats`, `was`, `wordt`, `laatste`."""
    from kaderdiff.word.document import tabel

    return tabel(doc, ["Nr", plaats, was, wordt, laatste], breedtes_cm)


def was_wordt_rij(breedtes_twips: list[int], nummer: str, soort: str, plaats: list[str],
                  diff: tuple[DiffDeel, ...], laatste: list[str], eigenschappen: str = "") -> str:
    """One row as WordprocessingML text (`word.tabelxml`): the number in bold with its kind in italics, the
    paragraphs of where, both sides of the word diff, the paragraphs of the last column. `eigenschappen`: the
    paragraph properties of the table (the caller's `plaats` and `laatste` paragraphs carry their own)."""
    nr = [tabelxml.alinea(tabelxml.run(nummer, tabelxml.VET), eigenschappen),
          tabelxml.alinea(tabelxml.run(soort, tabelxml.CURSIEF), eigenschappen)]
    return tabelxml.rij(breedtes_twips, [nr, plaats, tabelxml.diff_alineas(diff, WEG, eigenschappen),
                                         tabelxml.diff_alineas(diff, ERBIJ, eigenschappen), laatste])
