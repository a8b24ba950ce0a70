"""Table rows written as WordprocessingML text and added to a table in one parse (see `word.revisies` for why
text): the Staat's WAS/WORDT table has a row per change with a dozen paragraphs each, and building them
element by element through python-docx was a sixth of a pack's time. The XML is the XML python-docx wrote
for the same rows.

Each builder returns a piece of text; `voeg_rijen_toe` parses the rows of a table at once and appends them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from kaderdiff.model.wijziging import ERBIJ, GELIJK, WEG, DiffDeel
from kaderdiff.uitvoer.xmltekst import escape
from kaderdiff.word.document import DONKERGROEN, LINKOPMAAK, ROOD, hyperlink_xml
from kaderdiff.word.tekststuk import elementen

if TYPE_CHECKING:
    from docx.table import Table

VET = "<w:b/>"
CURSIEF = "<w:i/>"
#: What must not be read past (a pair in doubt): bold and red.
VET_ROOD = f'{VET}<w:color w:val="{ROOD}"/>'
#: WAS: deleted words struck through in red; WORDT: inserted words underlined in dark green.
DOORGEHAALD = f'<w:strike/><w:color w:val="{ROOD}"/>'
ONDERSTREEPT = f'<w:color w:val="{DONKERGROEN}"/><w:u w:val="single"/>'


def ruimte_na(punten: float) -> str:
    """Paragraph properties for `alinea`: `punten` pt of space after the paragraph."""
    return f'<w:spacing w:after="{round(punten * 20)}"/>'


def run(tekst: str, opmaak: str = "") -> str:
    """A run of plain text (no tabs or newlines); spaces at either end kept, as Word and python-docx mark them."""
    eigenschappen = f"<w:rPr>{opmaak}</w:rPr>" if opmaak else ""
    bewaar = ' xml:space="preserve"' if tekst != tekst.strip() else ""
    return f"<w:r>{eigenschappen}<w:t{bewaar}>{escape(tekst)}</w:t></w:r>"


def link(tekst: str, relatie_id: str) -> str:
    """A clickable run: `relatie_id` names the address among the document part's relationships."""
    return hyperlink_xml(relatie_id, run(tekst, LINKOPMAAK))


def alinea(inhoud: str = "", eigenschappen: str = "") -> str:
    """A paragraph; `eigenschappen` the content of its w:pPr (such as the spacing of a table's paragraphs)."""
    ppr = f"<w:pPr>{eigenschappen}</w:pPr>" if eigenschappen else ""
    return f"<w:p>{ppr}{inhoud}</w:p>"


def regels(tekst: str, eigenschappen: str = "", opmaak: str = "") -> list[str]:
    """Text with newlines as paragraphs, one run each (an empty line too)."""
    return [alinea(run(regel, opmaak), eigenschappen) for regel in tekst.split("\n")]


def diff_alineas(delen: Iterable[DiffDeel], kant: int, eigenschappen: str = "") -> list[str]:
    """One side of a word diff as paragraphs: WAS (kant=WEG) shows the deleted words struck through, WORDT
    (kant=ERBIJ) the inserted ones underlined; a newline in the text starts a new paragraph."""
    opmaak = {GELIJK: "", WEG: DOORGEHAALD, ERBIJ: ONDERSTREEPT}
    alineas: list[list[str]] = [[]]
    for deel in delen:
        if deel.op not in (GELIJK, kant):
            continue
        for i, stuk in enumerate(deel.tekst.split("\n")):
            if i:
                alineas.append([])
            if stuk:
                alineas[-1].append(run(stuk, opmaak[deel.op]))
    return [alinea("".join(runs), eigenschappen) for runs in alineas]


def cel(breedte_twips: int, alineas: list[str]) -> str:
    """A cell of a fixed width with its paragraphs (a cell holds at least one)."""
    return (f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{breedte_twips}"/></w:tcPr>'
            f'{"".join(alineas) or alinea()}</w:tc>')


def rij(breedtes_twips: list[int], cellen: list[list[str]], deelbaar: bool = False) -> str:
    """A row: per column its width and its paragraphs. It does not break across pages (`w:cantSplit`, bare as
    Word writes it): a reader cites a row by its page, so the whole row must be on it (`word.rijhoogte` cuts a
    row taller than a page in parts). `deelbaar`: a row to be filled in, which may grow over a page."""
    eigenschappen = "" if deelbaar else "<w:trPr><w:cantSplit/></w:trPr>"
    return (f"<w:tr>{eigenschappen}"
            f"{''.join(cel(b, a) for b, a in zip(breedtes_twips, cellen, strict=True))}</w:tr>")


def kolombreedtes(tabel: Table) -> list[int]:
    """The width of each grid column of a table made by `document.tabel` (which sets them all), in twips."""
    breedtes = []
    for kolom in tabel._tbl.tblGrid.gridCol_lst:
        assert kolom.w is not None, "document.tabel geeft elke kolom een breedte"
        breedtes.append(kolom.w.twips)
    return breedtes


def voeg_rijen_toe(tabel: Table, rijen: list[str]) -> None:
    """Parse the rows at once and append them to the table."""
    if rijen:
        tabel._tbl.extend(elementen("".join(rijen)))
