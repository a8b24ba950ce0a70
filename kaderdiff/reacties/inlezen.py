"""Reading what the Ringen sent back: every reaction in filled reactieformulieren (.docx, .odt) and in concept kaders
with a reader's comments and tracked changes, with its organisation, the change number it names or is anchored
to, its text and where it stands.

Which sector and year a document belongs to it says itself: the form's subject ('Consultatie MBO 2026') or the
reference kaderdiff writes in every page header or footer ('KD-MBO-2026'); which version it was made from, its
colofon (or, in a pack before issue 28, the reference: 'KD-MBO-2026-1a2b3c4'). A form is found by its table's
header row (Nr … Organisatie … Vraag of opmerking), whatever columns a reader added or the pack put in (Blz.);
a row without text is no reaction. A comment or tracked change names no number; it keeps the bookmarks of where
it is anchored, which `plaatsen` turns into one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kaderdiff.bron.docxveilig import lees_docx, lees_odt
from kaderdiff.fouten import KaderdiffFout
from kaderdiff.model.reactie import ALGEMEEN, ONGEWIJZIGD, Reactie
from kaderdiff.word.documenttekst import referentie_in
from kaderdiff.word.odflezen import lees_odt_teruggestuurd
from kaderdiff.word.teruggestuurd import Aantekening, Tabeltekst, Teruggestuurd, lees_teruggestuurd

EXTENSIES = (".docx", ".odt")
_ONDERWERP = re.compile(r"^Consultatie\s+([A-Z][A-Z-]*)\s+(\d{4})\b")
_BLZ = re.compile(r"(\d+)")
#: What the form's last rows say in their Nr column (render/docx_reactie.py), as readers may retype it.
_ONGEWIJZIGD_NR = {"–", "-", "—", "‒", "n.v.t", "nvt", "ongewijzigd"}


@dataclass(frozen=True)
class Gelezen:
    """One returned document: its reactions from forms, and its comments and tracked changes (still to place)."""

    naam: str
    sector: str
    jaar: int
    reacties: tuple[Reactie, ...]
    aantekeningen: tuple[tuple[Reactie, tuple[str, ...]], ...]  # (reaction without number, bookmarks)
    kenmerk: str  # 'KD-MBO-2026' as the document carries it ('' when it has none)
    versie: str  # the commit it was made from as far as it says (maybe short), WERKMAP, or '' when it does not say
    paginas: dict[str, int]  # change number -> page in the PDF Staat, from a form's Blz. column


def bestanden_in(paden: list[Path]) -> tuple[list[Path], list[Path]]:
    """The documents to read (a folder: its .docx and .odt files, by name) and the files of a folder left out."""
    gelezen: list[Path] = []
    overgeslagen: list[Path] = []
    for pad in paden:
        if pad.is_dir():
            for kind in sorted(pad.iterdir()):
                if kind.name.startswith((".", "~$")) or not kind.is_file():
                    continue
                (gelezen if kind.suffix.lower() in EXTENSIES else overgeslagen).append(kind)
        elif not pad.exists():
            raise KaderdiffFout(f"{pad} bestaat niet")
        elif pad.suffix.lower() not in EXTENSIES:
            raise KaderdiffFout(f"{pad}: kaderdiff leest reacties uit .docx en .odt (een reactieformulier of een "
                                "concept met opmerkingen); sla het op in een van die formaten")
        else:
            gelezen.append(pad)
    uniek = list(dict.fromkeys(p.resolve() for p in gelezen))
    if not uniek:
        raise KaderdiffFout("Geen reacties om te lezen: geef .docx- of .odt-bestanden, of een map waarin ze staan")
    return uniek, overgeslagen


def _context(doc: Teruggestuurd) -> tuple[str, int, str, str]:
    """Sector, year, reference and version the document says it belongs to ('', 0, '', '' when it does not say)."""
    kenmerk = referentie_in(doc.kop_en_voet)
    onderwerp = _ONDERWERP.match(doc.onderwerp)
    if onderwerp:
        sector, jaar = onderwerp.group(1), int(onderwerp.group(2))
    elif kenmerk is not None:
        sector, jaar = kenmerk.sector, kenmerk.jaar
    else:
        sector, jaar = "", 0
    if kenmerk is None:
        return sector, jaar, "", doc.commit
    return sector, jaar, kenmerk.tekst, doc.commit or kenmerk.achtervoegsel


def _kolommen(kop: tuple[str, ...]) -> dict[str, int] | None:
    """Column of Nr, Blz., Organisatie and the reaction in a form's header row; None for another table."""
    namen = [" ".join(c.split()).casefold().rstrip(".:") for c in kop]
    if "nr" not in namen or "vraag of opmerking" not in namen or "organisatie" not in namen:
        return None
    uit = {"nr": namen.index("nr"), "organisatie": namen.index("organisatie"),
           "tekst": namen.index("vraag of opmerking")}
    if "blz" in namen:
        uit["blz"] = namen.index("blz")
    return uit


def nummer_uit(tekst: str) -> str:
    """The Nr column as the reactions know it: ALGEMEEN, ONGEWIJZIGD, or the number in one form ('mbo 23' ->
    'MBO-23'; a bare '23' stays '23'); '' when empty."""
    schoon = " ".join(tekst.split()).strip(" .:")
    if not schoon:
        return ""
    if schoon.casefold() == "algemeen":
        return ALGEMEEN
    if schoon.casefold() in _ONGEWIJZIGD_NR:
        return ONGEWIJZIGD
    gevonden = re.fullmatch(r"([A-Za-z]+(?:[-\s][A-Za-z]+)*)\s*[-–]?\s*(\d+)", schoon)
    if gevonden:
        sector = re.sub(r"[\s-]+", "-", gevonden.group(1)).upper()
        return f"{sector}-{gevonden.group(2)}"
    return schoon


def _uit_formulier(doc: Teruggestuurd, tabel: Tabeltekst, kolommen: dict[str, int], sector: str,
                   jaar: int) -> tuple[list[Reactie], dict[str, int]]:
    uit: list[Reactie] = []
    paginas: dict[str, int] = {}
    for n, rij in enumerate(tabel.rijen[1:], start=2):
        def cel(kolom: str, rij: tuple[str, ...] = rij) -> str:
            i = kolommen.get(kolom)
            return rij[i].strip() if i is not None and i < len(rij) else ""

        nummer, blz = nummer_uit(cel("nr")), _BLZ.search(cel("blz"))
        if blz and nummer:
            paginas.setdefault(nummer, int(blz.group(1)))
        tekst = cel("tekst")
        if not tekst:
            continue
        organisatie = cel("organisatie") or doc.auteur or Path(doc.naam).stem
        uit.append(Reactie(nummer, " ".join(organisatie.split()), tekst, f"{doc.naam}, {tabel.plaats}, rij {n}",
                           "formulier", sector, jaar, int(blz.group(1)) if blz else None))
    return uit, paginas


def _aantekening(doc: Teruggestuurd, a: Aantekening, soort: str, sector: str,
                 jaar: int) -> tuple[Reactie, tuple[str, ...]]:
    organisatie = a.auteur or doc.auteur or Path(doc.naam).stem
    return Reactie("", organisatie, a.tekst, f"{doc.naam}, {a.plaats}", soort, sector, jaar), a.merken


def lees_document(pad: Path) -> Gelezen:
    """One returned document (.docx or .odt), read safely."""
    doc = lees_odt_teruggestuurd(lees_odt(pad)) if pad.suffix.lower() == ".odt" else lees_teruggestuurd(lees_docx(pad))
    sector, jaar, kenmerk, versie = _context(doc)
    reacties: list[Reactie] = []
    paginas: dict[str, int] = {}
    for tabel in doc.tabellen:
        kolommen = _kolommen(tabel.rijen[0]) if tabel.rijen else None
        if kolommen is not None:
            gevonden, blz = _uit_formulier(doc, tabel, kolommen, sector, jaar)
            reacties += gevonden
            paginas = {**blz, **paginas}
    aantekeningen = [_aantekening(doc, a, "opmerking", sector, jaar) for a in doc.opmerkingen]
    aantekeningen += [_aantekening(doc, a, "tekstvoorstel", sector, jaar) for a in doc.revisies]
    return Gelezen(doc.naam, sector, jaar, tuple(reacties), tuple(aantekeningen), kenmerk, versie, paginas)
