"""What a reader sends back, as `kaderdiff reacties` reads it: a filled reactieformulier or a concept kader with
comments and tracked changes, as Word or LibreOffice saved it (.docx here; .odt in `odflezen`).

Only what the reactions need comes out, as plain data: the document's title, subject, author and the text of its
page headers and footers (where kaderdiff writes 'KD-MBO-2026'); the commit its colofon names (the version it was
made from); its tables as cell texts; and the reader's own
comments and tracked changes, each with the bookmarks of the paragraph (or table row) it is anchored in: kaderdiff
marks each block of a concept (`blokken.blokmerk`) and the first block of each change number ('MBO_23') with one.
The pack's own comments and revisions (author 'Inspectie van het Onderwijs') are not a reader's.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from kaderdiff.bron.docxveilig import Docx
from kaderdiff.word.documenttekst import alineateksten, colofoncommit, kop_en_voettekst
from kaderdiff.word.inhoud import Lezer, Tabel
from kaderdiff.word.lezen import (
    HIER_GEPLAATST,
    INGEVOEGD,
    VERWIJDERD,
    WEG_VERPLAATST,
    alineas_van,
    fragmenten_van,
    pakketdatum_van,
    runtekst,
)
from kaderdiff.word.ns import AUTEUR, W

_DC = "{http://purl.org/dc/elements/1.1/}"
_CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
_TEKSTREVISIES = (INGEVOEGD, VERWIJDERD, WEG_VERPLAATST, HIER_GEPLAATST)
#: How much of a commented paragraph a reaction's source quotes.
CITAAT = 80


@dataclass(frozen=True)
class Tabeltekst:
    """A table as the text of its cells, row by row (a cell's paragraphs joined by line breaks)."""

    plaats: str  # 'tabel 1'
    rijen: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Aantekening:
    """A reader's comment, or a reader's tracked changes in one paragraph, where it stands in the document."""

    auteur: str
    tekst: str
    plaats: str  # 'opmerking 3 bij alinea 57 («Het bestuur zorgt …»)'
    merken: tuple[str, ...]  # the bookmarks of the paragraph or table row it is anchored in


@dataclass(frozen=True)
class Teruggestuurd:
    """A returned document, read."""

    naam: str
    titel: str
    onderwerp: str
    auteur: str  # who saved it last (or made it), '' when that is kaderdiff itself or unknown
    kop_en_voet: str
    commit: str  # the commit the colofon names, '' when the document names none (`documenttekst.colofoncommit`)
    tabellen: tuple[Tabeltekst, ...]
    opmerkingen: tuple[Aantekening, ...]
    revisies: tuple[Aantekening, ...]


def citaat(tekst: str) -> str:
    tekst = " ".join(tekst.split())
    return tekst if len(tekst) <= CITAAT else tekst[:CITAAT - 1].rstrip() + "…"


def lezer_of_leeg(*namen: str) -> str:
    """The first name that is a reader's (not kaderdiff's own, not empty)."""
    return next((n.strip() for n in namen if n.strip() and n.strip() != AUTEUR), "")


def _kern(docx: Docx, tag: str) -> str:
    deel = docx.deel("docProps/core.xml")
    el = deel.getroot().find(tag) if deel is not None else None
    return str(el.text or "").strip() if el is not None else ""


def _tabellen(docx: Docx) -> tuple[Tabeltekst, ...]:
    uit = []
    for n, onderdeel in enumerate((o for o in Lezer(docx).onderdelen() if isinstance(o, Tabel)), start=1):
        rijen = tuple(tuple("\n".join(a.tekst for a in cel) for cel in rij.cellen) for rij in onderdeel.rijen)
        uit.append(Tabeltekst(f"tabel {n}", rijen))
    return tuple(uit)


def _alinea_van(el: Any) -> Any:
    while el is not None and el.tag != f"{W}p":
        el = el.getparent()
    return el


def merken_bij(alinea: Any, merk_naam: str, merk_tags: tuple[str, ...], rij_tag: str) -> tuple[str, ...]:
    """The bookmarks of a paragraph; when it has none, those of the table row it stands in (kaderdiff marks a
    table row in its first cell). `merk_tags`/`merk_naam`: the bookmark elements and their name attribute."""
    eigen = tuple(str(b.get(merk_naam) or "") for b in alinea.iter(*merk_tags))
    if eigen:
        return eigen
    rij = alinea.getparent()
    while rij is not None and rij.tag != rij_tag:
        rij = rij.getparent()
    return tuple(str(b.get(merk_naam) or "") for b in rij.iter(*merk_tags)) if rij is not None else ()


def _opmerkingen(docx: Docx, nummers: dict[Any, int], pakketdatum: str) -> Iterator[Aantekening]:
    deel, document = docx.deel("word/comments.xml"), docx.deel("word/document.xml")
    if deel is None or document is None:
        return
    ankers: dict[str, Any] = {}
    for el in document.getroot().iter(f"{W}commentRangeStart", f"{W}commentReference"):
        ankers.setdefault(str(el.get(f"{W}id")), el)  # the range start when there is one: it comes first
    for volgnummer, opmerking in enumerate(deel.getroot().iter(f"{W}comment"), start=1):
        auteur = str(opmerking.get(f"{W}author") or "")
        if auteur == AUTEUR:
            continue
        tekst = "\n".join(t for t in ("".join(runtekst(r) for r in p.iter(f"{W}r")).strip()
                                      for p in opmerking.iter(f"{W}p")) if t)
        anker = ankers.get(str(opmerking.get(f"{W}id")))
        alinea = _alinea_van(anker)
        if alinea is None:
            yield Aantekening(auteur, tekst, f"opmerking {volgnummer} (niet in de tekst verankerd)", ())
            continue
        inhoud = "".join(f.tekst for f in fragmenten_van(alinea, pakketdatum, frozenset()))
        plaats = f"opmerking {volgnummer} bij alinea {nummers.get(alinea, 0)} («{citaat(inhoud)}»)"
        yield Aantekening(auteur, tekst, plaats,
                          merken_bij(alinea, f"{W}name", (f"{W}bookmarkStart",), f"{W}tr"))


def _revisies(docx: Docx, nummers: dict[Any, int], pakketdatum: str) -> Iterator[Aantekening]:
    """Per paragraph and reader: the paragraph's text as that reader proposes it (their changes accepted)."""
    for alinea in alineas_van(docx, pakketdatum):
        per_auteur: dict[str, list[str]] = {}
        for r in alinea.revisies():
            if r.soort in _TEKSTREVISIES and r.tekst.strip():
                soort = "toegevoegd" if r.soort in (INGEVOEGD, HIER_GEPLAATST) else "geschrapt"
                per_auteur.setdefault(r.auteur, []).append(f"{soort}: «{' '.join(r.tekst.split())}»")
        for auteur, wijzigingen in per_auteur.items():
            voorstel = "".join(f.tekst for f in alinea.fragmenten(frozenset({auteur})))
            oud = "".join(f.tekst for f in alinea.fragmenten(frozenset()))
            plaats = f"bijgehouden wijziging in alinea {nummers.get(alinea.element, 0)} («{citaat(oud)}»)"
            yield Aantekening(auteur, f"Tekstvoorstel: «{voorstel}» ({'; '.join(wijzigingen)})", plaats,
                              merken_bij(alinea.element, f"{W}name", (f"{W}bookmarkStart",), f"{W}tr"))


def lees_teruggestuurd(docx: Docx) -> Teruggestuurd:
    """A checked .docx (`bron.docxveilig.lees_docx`) as `Teruggestuurd`."""
    document = docx.deel("word/document.xml")
    assert document is not None  # lees_docx refuses a package without it
    alineas = list(document.getroot().iter(f"{W}p"))  # held: lxml keeps one proxy per element while it lives
    nummers = {p: n for n, p in enumerate(alineas, start=1)}
    pakketdatum = pakketdatum_van(docx)
    return Teruggestuurd(docx.naam, _kern(docx, f"{_DC}title"), _kern(docx, f"{_DC}subject"),
                         lezer_of_leeg(_kern(docx, f"{_CP}lastModifiedBy"), _kern(docx, f"{_DC}creator")),
                         kop_en_voettekst(docx), colofoncommit("\n".join(alineateksten(docx) or ())), _tabellen(docx),
                         tuple(_opmerkingen(docx, nummers, pakketdatum)),
                         tuple(_revisies(docx, nummers, pakketdatum)))

