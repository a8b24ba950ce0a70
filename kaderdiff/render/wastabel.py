"""The WAS/WORDT table every comparison document shares: Nr (with the kind of change), where, the old text
with deletions struck through, the new text with insertions underlined, and a last column of its own."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kaderdiff.model.wijziging import ERBIJ, WEG, DiffDeel
from kaderdiff.uitvoer.huisstijl import huisstijl
from kaderdiff.word import tabelxml
from kaderdiff.word.rijhoogte import VERVOLG, in_delen

if TYPE_CHECKING:
    from kaderdiff.word.document import Worddocument, Wordtabel

#: Nr, where, WAS, WORDT, the last column: A4 landscape between 2 cm margins (the house style's, which the
#: site's print layout of a Staat shares).
BREEDTES_CM = list(huisstijl().staatkolommen_cm)
#: The most a row may be high, as `word.rijhoogte` estimates it: A4 landscape between 2 cm margins is 482 pt, the
#: header row takes some 16; the estimate is on the safe side (a row estimated at 420 pt is some 375 pt in
#: LibreOffice with DejaVu Sans), the rest is room for a wider typeface.
RIJHOOGTE_PT = 420.0


def was_wordt_tabel(doc: Worddocument, plaats: str, laatste: str, was: str = "Tekst WAS",
                    wordt: str = "Tekst WORDT", breedtes_cm: list[float] = BREEDTES_CM) -> Wordtabel:
    """The table with its repeating header row: 'Nr', `plaats`, `was`, `wordt`, `laatste`."""
    from kaderdiff.word.document import tabel

    return tabel(doc, ["Nr", plaats, was, wordt, laatste], breedtes_cm)


def was_wordt_rij(breedtes_twips: list[int], nummer: str, soort: str, plaats: list[str],
                  diff: tuple[DiffDeel, ...], laatste: list[str], eigenschappen: str = "") -> str:
    """One row as WordprocessingML text (`word.tabelxml`): the number in bold with its kind in italics, the
    paragraphs of where, both sides of the word diff, the paragraphs of the last column. `eigenschappen`: the
    paragraph properties of the table (the caller's `plaats` and `laatste` paragraphs carry their own).

    A row taller than a page is written as several rows, each on one page: the later ones repeat the number
    and its kind, marked '(vervolg)', so a reader who cites the page sees whose text it is."""
    def nr(*regels: str) -> list[str]:
        return [tabelxml.alinea(tabelxml.run(nummer, tabelxml.VET), eigenschappen),
                *(tabelxml.alinea(tabelxml.run(r, tabelxml.CURSIEF), eigenschappen) for r in regels)]

    cellen = [nr(soort), plaats, tabelxml.diff_alineas(diff, WEG, eigenschappen),
              tabelxml.diff_alineas(diff, ERBIJ, eigenschappen), laatste]
    delen = list(in_delen(cellen, breedtes_twips, huisstijl().word_pt, RIJHOOGTE_PT))
    for deel in delen[1:]:
        deel[0] = nr(soort, VERVOLG)
    return "".join(tabelxml.rij(breedtes_twips, deel) for deel in delen)
