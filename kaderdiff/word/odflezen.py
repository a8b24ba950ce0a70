"""Reading a returned OpenDocument text (.odt), as `teruggestuurd` reads a .docx: title, subject, author,
the page headers and footers, the tables as cell texts and the reader's comments (office:annotation) with the
bookmarks of the paragraph or table row they stand in.

ODF, not OOXML, but the same job for the same command, so it lives beside the Word readers. The package is
opened by `bron.docxveilig.lees_odt` (zip limits, no macros, every XML part without DTDs or entities). Text is
read as a reader sees it: spaces (`text:s`), tabs and line breaks as such; tracked deletions live outside the
text in ODF and are not read, comments and footnote bodies are not part of a paragraph's text.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kaderdiff.bron.docxveilig import Docx
from kaderdiff.word.documenttekst import colofoncommit
from kaderdiff.word.teruggestuurd import Aantekening, Tabeltekst, Teruggestuurd, citaat, lezer_of_leeg, merken_bij

OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"
DC = "{http://purl.org/dc/elements/1.1/}"
#: Not part of the text a reader sees in a paragraph.
_NIET_IN_TEKST = {f"{OFFICE}annotation", f"{OFFICE}annotation-end", f"{TEXT}note-body", f"{TEXT}tracked-changes",
                  f"{TEXT}bookmark-ref"}
_ALINEAS = (f"{TEXT}p", f"{TEXT}h")
#: A repeated cell counts as at most this many (an empty filler cell is often 'repeated' 1024 times).
MAX_HERHAALD = 64


def tekst_van(el: Any) -> str:
    """The text of a paragraph (or any element) as shown: text:s, text:tab and text:line-break included."""
    delen: list[str] = []

    def loop(knoop: Any) -> None:
        if knoop.tag in _NIET_IN_TEKST:
            return
        if knoop.tag == f"{TEXT}s":
            delen.append(" " * min(int(knoop.get(f"{TEXT}c", "1") or 1), 1000))
        elif knoop.tag == f"{TEXT}tab":
            delen.append("\t")
        elif knoop.tag == f"{TEXT}line-break":
            delen.append("\n")
        elif knoop.text:
            delen.append(knoop.text)
        for kind in knoop:
            loop(kind)
            if kind.tail:
                delen.append(kind.tail)

    loop(el)
    return "".join(delen)


def _celtekst(cel: Any) -> str:
    return "\n".join(tekst_van(p) for p in cel.iter(*_ALINEAS) if _eigen_tabel(p, cel))


def _eigen_tabel(el: Any, cel: Any) -> bool:
    """Does `el` belong to this cell and not to a table nested in it?"""
    ouder = el.getparent()
    while ouder is not None and ouder is not cel:
        if ouder.tag == f"{TABLE}table":
            return False
        ouder = ouder.getparent()
    return True


def _rijen(tabel: Any) -> Iterator[Any]:
    for kind in tabel:
        if kind.tag == f"{TABLE}table-row":
            yield kind
        elif kind.tag in (f"{TABLE}table-header-rows", f"{TABLE}table-rows", f"{TABLE}table-row-group"):
            yield from _rijen(kind)


def _tabellen(body: Any) -> tuple[Tabeltekst, ...]:
    uit = []
    buiten = [t for t in body.iter(f"{TABLE}table") if not any(a.tag == f"{TABLE}table" for a in t.iterancestors())]
    for n, tabel in enumerate(buiten, start=1):
        rijen = []
        for rij in _rijen(tabel):
            cellen: list[str] = []
            for cel in rij:
                if cel.tag not in (f"{TABLE}table-cell", f"{TABLE}covered-table-cell"):
                    continue
                herhaald = min(max(int(cel.get(f"{TABLE}number-columns-repeated", "1") or 1), 1), MAX_HERHAALD)
                tekst = _celtekst(cel) if cel.tag == f"{TABLE}table-cell" else ""
                cellen.extend([tekst] * herhaald)
            rijen.append(tuple(cellen))
        uit.append(Tabeltekst(f"tabel {n}", tuple(rijen)))
    return tuple(uit)


def _opmerkingen(body: Any) -> Iterator[Aantekening]:
    lijst = list(body.iter(*_ALINEAS))  # held: lxml keeps one proxy per element while it lives
    alineas = {p: n for n, p in enumerate(lijst, start=1)}
    for volgnummer, opmerking in enumerate(body.iter(f"{OFFICE}annotation"), start=1):
        maker = opmerking.find(f"{DC}creator")
        auteur = lezer_of_leeg(maker.text or "" if maker is not None else "")
        if not auteur:
            continue  # kaderdiff's own (or nobody's)
        tekst = "\n".join(t for t in (tekst_van(p).strip() for p in opmerking.iter(*_ALINEAS)) if t)
        alinea = opmerking.getparent()
        while alinea is not None and alinea.tag not in _ALINEAS:
            alinea = alinea.getparent()
        if alinea is None:
            yield Aantekening(auteur, tekst, f"opmerking {volgnummer} (niet in de tekst verankerd)", ())
            continue
        plaats = f"opmerking {volgnummer} bij alinea {alineas.get(alinea, 0)} («{citaat(tekst_van(alinea))}»)"
        yield Aantekening(auteur, tekst, plaats,
                          merken_bij(alinea, f"{TEXT}name", (f"{TEXT}bookmark", f"{TEXT}bookmark-start"),
                                     f"{TABLE}table-row"))


def _meta(odt: Docx, tag: str) -> str:
    deel = odt.deel("meta.xml")
    el = next(deel.getroot().iter(tag), None) if deel is not None else None
    return str(el.text or "").strip() if el is not None else ""


def _kop_en_voet(odt: Docx) -> str:
    deel = odt.deel("styles.xml")
    if deel is None:
        return ""
    return "\n".join(tekst_van(el) for el in deel.getroot().iter(f"{STYLE}header", f"{STYLE}footer"))


def lees_odt_teruggestuurd(odt: Docx) -> Teruggestuurd:
    """A checked .odt (`bron.docxveilig.lees_odt`) as `Teruggestuurd` (readers' tracked changes are not read
    from ODF: a concept with revisions comes back as .docx)."""
    inhoud = odt.deel("content.xml")
    assert inhoud is not None  # lees_odt refuses a package without it
    body = inhoud.getroot().find(f"{OFFICE}body/{OFFICE}text")
    if body is None:
        body = inhoud.getroot()
    return Teruggestuurd(odt.naam, _meta(odt, f"{DC}title"), _meta(odt, f"{DC}subject"),
                         lezer_of_leeg(_meta(odt, f"{DC}creator"), _meta(odt, f"{META}initial-creator")),
                         _kop_en_voet(odt), colofoncommit(tekst_van(body)), _tabellen(body), tuple(_opmerkingen(body)),
                         ())
