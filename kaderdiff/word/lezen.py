"""Reading revisions back from a Word document: which runs a reader inserted or deleted, and the text of a
paragraph once some authors' revisions are accepted.

The pack's own revisions (author 'Inspectie van het Onderwijs', dated with the pack's fixed date) count as
accepted text; every other revision is a reader's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from kaderdiff.bron.docxveilig import Docx
from kaderdiff.bron.laden import normaliseer_fragmenten
from kaderdiff.model.kader import Fragment
from kaderdiff.word.ns import AUTEUR, DCTERMS, W

REVISIES = (f"{W}ins", f"{W}del", f"{W}moveFrom", f"{W}moveTo")
#: The kinds of a reader's revision (`Revisie.soort`) that touch text: inserted, deleted, moved away from
#: here, moved to here. (Besides these: 'alineateken', a paragraph mark, and 'opmaak', formatting.)
INGEVOEGD, VERWIJDERD, WEG_VERPLAATST, HIER_GEPLAATST = "ins", "del", "moveFrom", "moveTo"


@dataclass(frozen=True)
class Revisie:
    """One tracked change of a reader, as found in the document."""

    auteur: str
    datum: str
    soort: str  # INGEVOEGD, VERWIJDERD, WEG_VERPLAATST, HIER_GEPLAATST, 'alineateken' or 'opmaak'
    tekst: str


def is_pakket(wrapper: Any, pakketdatum: str) -> bool:
    return bool(wrapper.get(f"{W}author") == AUTEUR and wrapper.get(f"{W}date") == pakketdatum)


def auteur_van(wrapper: Any) -> str:
    return str(wrapper.get(f"{W}author") or "onbekend")


def omhulsels(run: Any, alinea: Any) -> list[Any]:
    uit = []
    ouder = run.getparent()
    while ouder is not None and ouder is not alinea:
        if ouder.tag in REVISIES:
            uit.append(ouder)
        ouder = ouder.getparent()
    return uit


def zichtbaar(run: Any, alinea: Any, pakketdatum: str, aanvaard: frozenset[str]) -> bool:
    """Is this run's text there once the pack and the authors in `aanvaard` are accepted?"""
    for w in omhulsels(run, alinea):
        aangenomen = is_pakket(w, pakketdatum) or auteur_van(w) in aanvaard
        invoeging = w.tag in (f"{W}ins", f"{W}moveTo")
        if invoeging != aangenomen:
            return False
    return True


def runtekst(run: Any) -> str:
    delen = []
    for kind in run:
        if kind.tag in (f"{W}t", f"{W}delText"):
            delen.append(kind.text or "")
        elif kind.tag == f"{W}tab":
            delen.append("\t")
        elif kind.tag in (f"{W}br", f"{W}cr"):
            delen.append("\n")
    return "".join(delen)


def runstijl(run: Any) -> str:
    rpr = run.find(f"{W}rPr")
    if rpr is None:
        return ""
    for tag, stijl in ((f"{W}b", "sterk"), (f"{W}i", "nadruk")):
        el = rpr.find(tag)
        if el is not None and el.get(f"{W}val") not in ("0", "false"):
            return stijl
    return ""


def runs_van(alinea: Any) -> Iterator[Any]:
    """Text runs of a paragraph (not of nested paragraphs in text boxes)."""
    for run in alinea.iter(f"{W}r"):
        p = run.getparent()
        while p is not None and p.tag != f"{W}p":
            p = p.getparent()
        if p is alinea:
            yield run


def fragmenten_van(alinea: Any, pakketdatum: str, aanvaard: frozenset[str]) -> tuple[Fragment, ...]:
    ruw: list[tuple[str, str]] = []
    for run in runs_van(alinea):
        if zichtbaar(run, alinea, pakketdatum, aanvaard):
            ruw.append((runtekst(run), runstijl(run)))
    return normaliseer_fragmenten(ruw)


def lezer_revisies(alinea: Any, pakketdatum: str) -> list[Revisie]:
    uit: list[Revisie] = []
    for w in alinea.iter(*REVISIES):
        if is_pakket(w, pakketdatum):
            continue
        soort = w.tag[len(W):]
        ouder = w.getparent()
        if ouder is not None and ouder.tag == f"{W}rPr":
            soort = "alineateken"
        tekst = "".join(runtekst(r) for r in w.iter(f"{W}r"))
        uit.append(Revisie(auteur_van(w), str(w.get(f"{W}date") or ""), soort, tekst))
    for w in alinea.iter(f"{W}rPrChange", f"{W}pPrChange"):
        if not is_pakket(w, pakketdatum):
            uit.append(Revisie(auteur_van(w), str(w.get(f"{W}date") or ""), "opmaak", ""))
    return uit


def pakketdatum_van(docx: Docx) -> str:
    """The pack's fixed revision date: its creation date, else the most common date of its revisions."""
    kern = docx.deel("docProps/core.xml")
    if kern is not None:
        gemaakt = kern.getroot().find(f"{DCTERMS}created")
        if gemaakt is not None and gemaakt.text:
            return str(gemaakt.text).strip()
    document = docx.deel("word/document.xml")
    datums = Counter(str(w.get(f"{W}date")) for w in document.getroot().iter(*REVISIES)
                     if w.get(f"{W}author") == AUTEUR) if document is not None else Counter[str]()
    return datums.most_common(1)[0][0] if datums else ""


def bereiknamen(alinea: Any, soort: str, pakketdatum: str) -> set[str]:
    """Names of the reader's move ranges (`soort`: 'moveFrom' or 'moveTo') that start in this paragraph or
    right before it (Word puts the start inside the paragraph, LibreOffice inside the wrapper, the standard's
    example before the paragraph)."""
    starts = list(alinea.iter(f"{W}{soort}RangeStart"))
    vorige = alinea.getprevious()
    while vorige is not None and vorige.tag.startswith(W) and vorige.tag.endswith("RangeStart"):
        starts.append(vorige)
        vorige = vorige.getprevious()
    return {str(s.get(f"{W}name")) for s in starts
            if s.tag == f"{W}{soort}RangeStart" and s.get(f"{W}name") and not is_pakket(s, pakketdatum)}


@dataclass(frozen=True)
class Alinea:
    """One paragraph of a concept's body as the round trip of a reader's revisions reads it. Only word/ looks
    inside `element` (the w:p); the rest of kaderdiff asks these methods."""

    element: Any
    pakketdatum: str

    def merken(self) -> list[str]:
        """The names of the bookmarks in the paragraph (kaderdiff marks each block of a kader with one)."""
        return [str(b.get(f"{W}name") or "") for b in self.element.iter(f"{W}bookmarkStart")]

    def tekst(self) -> str:
        """All text of the paragraph's own runs, deleted text included (to name the paragraph in a report)."""
        return "".join(runtekst(r) for r in runs_van(self.element))

    def revisies(self) -> list[Revisie]:
        """The readers' tracked changes in the paragraph (not the pack's own)."""
        return lezer_revisies(self.element, self.pakketdatum)

    def fragmenten(self, aanvaard: frozenset[str]) -> tuple[Fragment, ...]:
        """The paragraph's text once the pack and the authors in `aanvaard` are accepted."""
        return fragmenten_van(self.element, self.pakketdatum, aanvaard)

    def verplaatste_tekst(self, soort: str) -> str:
        """The text inside the paragraph's move wrappers of this `soort` ('moveFrom' or 'moveTo')."""
        return "".join(runtekst(r) for w in self.element.iter(f"{W}{soort}") for r in w.iter(f"{W}r"))

    def bereiknamen(self, soort: str) -> set[str]:
        """The names of the reader's move ranges of this `soort` that belong to the paragraph."""
        return bereiknamen(self.element, soort, self.pakketdatum)


def alineas_van(docx: Docx, pakketdatum: str) -> list[Alinea]:
    """The paragraphs of the document's body in order, also those in tables ([] without a body)."""
    document = docx.deel("word/document.xml")
    assert document is not None  # lees_docx refuses a package without it
    body = document.getroot().find(f"{W}body")
    if body is None:
        return []
    return [Alinea(p, pakketdatum) for p in body.iter(f"{W}p")]
