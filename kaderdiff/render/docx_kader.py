"""A kader as a Word document: clean, or as concept with every change as a real Word revision.

Revisions follow ../shared/ooxml-revisies.md: `w:ins`/`w:del` around runs with id, author and
a fixed UTC date; whole inserted/deleted paragraphs also track their paragraph mark; inserted or
deleted beslisregel rows track the row. Each change starts with a bookmark and a comment named
after its number (e.g. `MBO-23`), so a reader can go from the Staat van wijzigingen to the text.
Every block paragraph of the concept also carries a hidden bookmark `_kd<hash of element id and
part>` (see `blokmerk`), so that a reader's own tracked changes can be mapped back onto kader
elements (`kaderdiff voorstel --uit-docx`); bookmarks do not change accept/reject.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Cm, Pt, RGBColor
from lxml import etree

from ..model import Fragment, Kader
from ..tekstdiff import ERBIJ as DIFF_ERBIJ
from ..tekstdiff import GELIJK as DIFF_GELIJK
from ..tekstdiff import WEG as DIFF_WEG
from ..tekstdiff import woorddiff
from ..wijziging import Staat, Wijziging
from .docxbasis import AUTEUR, cellen_van, nieuw_document, opslaan, paginanummers, staand
from .gemeen import nl_datum, referentie
from .kaderblokken import Blok, blokken
from .samenvoegen import ERBIJ, GELIJK, GEWIJZIGD, WEG, Regel, voeg_samen

STIJL = {"kop1": "Heading 1", "kop2": "Heading 2", "kop3": "Heading 3", "kop4": "Heading 4",
         "tussenkop": "Heading 4", "alinea": "Normal", "opsomming": "List Bullet", "genummerd": "List Number",
         "eis": "List Bullet", "grondslag": "Grondslag", "titel": "Title"}
EIND = "Einde van het kader."

# Tag and attribute names resolved once: the concept of a 35,000-word kader has ~200,000 elements,
# and python-docx's OxmlElement/qn per element cost more than building the whole text.
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_ID, _NAAM, _VAL = _W + "id", _W + "name", _W + "val"


#: Prefix of the hidden per-block bookmarks (Word hides bookmarks whose name starts with '_').
BLOKMERK = "_kd"


def blokmerk(sleutel: str) -> str:
    """Bookmark name of a block: short (Word allows 40 characters), only letters and digits."""
    return BLOKMERK + hashlib.sha1(sleutel.encode("utf-8")).hexdigest()[:12]


def revisiedatum(moment: datetime) -> str:
    """w:date form: UTC, seconds, no fraction, 'Z'."""
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Revisies:
    """Counters and fixed metadata for revisions, bookmarks and comments of one document."""

    datum: str
    volgende: int = 1
    bladwijzers: int = 0
    gezien: set[str] = field(default_factory=set)

    def merk(self, element: Any) -> Any:
        element.set(_ID, str(self.volgende))
        element.set(_W + "author", AUTEUR)
        element.set(_W + "date", self.datum)
        self.volgende += 1
        return element


# ---------------------------------------------------------------- low-level OOXML


def _sub(ouder: Any, naam: str, **attributen: str) -> Any:
    """A new w:NAAM child at the end of `ouder` (created in place, so no namespace juggling)."""
    el = etree.SubElement(ouder, _W + naam)
    for sleutel, waarde in attributen.items():
        el.set(_W + sleutel, waarde)
    return el


def _run(ouder: Any, tekst: str, stijl: str, verwijderd: bool = False) -> None:
    r = _sub(ouder, "r")
    if stijl:
        _sub(_sub(r, "rPr"), "i" if stijl == "nadruk" else "b")
    t = _sub(r, "delText" if verwijderd else "t")
    t.text = tekst
    t.set(_XML_SPACE, "preserve")


def _met_stijl(fragmenten: tuple[Fragment, ...], start: int, eind: int) -> list[tuple[str, str]]:
    """The styled pieces of characters start..eind of a fragment sequence."""
    uit: list[tuple[str, str]] = []
    pos = 0
    for f in fragmenten:
        a, b = max(start, pos), min(eind, pos + len(f.tekst))
        if a < b:
            uit.append((f.tekst[a - pos:b - pos], f.stijl))
        pos += len(f.tekst)
    return uit


def _omhul(ouder: Any, soort: str, stukken: list[tuple[str, str]], rev: Revisies) -> None:
    """A w:ins/w:del with one run per styled piece (deleted text as w:delText)."""
    omhulsel = rev.merk(_sub(ouder, soort))
    for tekst, stijl in stukken:
        _run(omhulsel, tekst, stijl, soort == "del")


def _stukken(fragmenten: tuple[Fragment, ...]) -> list[tuple[str, str]]:
    return [(f.tekst, f.stijl) for f in fragmenten if f.tekst]


def _schrijf_runs(p: Any, oud: tuple[Fragment, ...], nieuw: tuple[Fragment, ...], status: str,
                  rev: Revisies | None) -> None:
    """Runs of one block into `p`: plain, wholly inserted/deleted, or a word diff of the two versions."""
    if status == GELIJK or rev is None:
        for tekst, stijl in _stukken(nieuw):
            _run(p, tekst, stijl)
        return
    if status == ERBIJ:
        _omhul(p, "ins", _stukken(nieuw), rev)
        return
    if status == WEG:
        _omhul(p, "del", _stukken(oud), rev)
        return
    po = pn = 0
    for deel in woorddiff("".join(f.tekst for f in oud), "".join(f.tekst for f in nieuw)):
        n = len(deel.tekst)
        if deel.op == DIFF_GELIJK:
            for tekst, stijl in _met_stijl(nieuw, pn, pn + n):
                _run(p, tekst, stijl)
            po, pn = po + n, pn + n
        elif deel.op == DIFF_WEG:
            _omhul(p, "del", _met_stijl(oud, po, po + n), rev)
            po += n
        elif deel.op == DIFF_ERBIJ:
            _omhul(p, "ins", _met_stijl(nieuw, pn, pn + n), rev)
            pn += n


def _volg_alineateken(p: Any, soort: str, rev: Revisies) -> None:
    """Track the paragraph mark of a wholly inserted/deleted paragraph."""
    ppr = p.find(_W + "pPr")
    if ppr is None:
        ppr = _sub(p, "pPr")
        p.insert(0, ppr)
    rpr = ppr.find(_W + "rPr")
    if rpr is None:
        rpr = _sub(ppr, "rPr")
    rev.merk(_sub(rpr, soort))


def _vooraan(p: Any, *elementen: Any) -> None:
    """Move elements to the start of a paragraph, after its properties."""
    positie = 1 if p.find(_W + "pPr") is not None else 0
    for i, el in enumerate(elementen):
        p.insert(positie + i, el)


# ---------------------------------------------------------------- document
@dataclass
class _Schrijver:
    doc: DocxDocument
    rev: Revisies | None
    uitleg: dict[str, str]
    moment: datetime
    tabel: Any = None
    tabelgroep: str = ""
    stijl_ids: dict[str, str] = field(default_factory=dict)
    sectie: Any = field(init=False)

    def __post_init__(self) -> None:
        self.sectie = self.doc.element.body.find(_W + "sectPr")

    def stijl_id(self, vorm: str) -> str:
        """Style id per block form, looked up once (python-docx's lookup by name is slow per paragraph)."""
        if vorm not in self.stijl_ids:
            self.stijl_ids[vorm] = self.doc.styles[STIJL[vorm]].style_id
        return self.stijl_ids[vorm]

    def markeer(self, p: Any, nummer: str, status: str) -> None:
        """Bookmark and comment at the first block of a change number."""
        if self.rev is None or not nummer or nummer in self.rev.gezien:
            return
        self.rev.gezien.add(nummer)
        self.rev.bladwijzers += 1
        opmerking = self.doc.comments.add_comment(text=self.uitleg.get(nummer, nummer), author=AUTEUR,
                                                   initials="IvhO")
        opmerking._comment_elm.date = self.moment.replace(tzinfo=None)
        cid = str(opmerking.comment_id)
        bladwijzer = str(self.rev.bladwijzers)
        _vooraan(p, _sub(p, "bookmarkStart", id=bladwijzer, name=nummer.replace("-", "_")),
                 _sub(p, "commentRangeStart", id=cid))
        _sub(p, "commentRangeEnd", id=cid)
        omhulsel = self.rev.merk(_sub(p, "ins" if status == ERBIJ else "del")) if status in (ERBIJ, WEG) else p
        verwijzing = _sub(omhulsel, "r")
        _sub(_sub(verwijzing, "rPr"), "rStyle", val="CommentReference")
        _sub(verwijzing, "commentReference", id=cid)
        _sub(p, "bookmarkEnd", id=bladwijzer)

    def blokbladwijzer(self, p: Any, blok: Blok) -> None:
        """Hidden bookmark around the whole paragraph naming its block (concept documents only)."""
        if self.rev is None:
            return
        self.rev.bladwijzers += 1
        bladwijzer = str(self.rev.bladwijzers)
        _vooraan(p, _sub(p, "bookmarkStart", id=bladwijzer, name=blokmerk(blok.sleutel)))
        _sub(p, "bookmarkEnd", id=bladwijzer)

    def alinea(self, regel: Regel) -> None:
        blok = regel.nieuw or regel.oud
        assert blok is not None
        if blok.vorm == "regel":
            self.rij(regel, blok)
            return
        self.tabel = None
        p = _sub(self.sectie.getparent(), "p")
        self.sectie.addprevious(p)  # before the body's sectPr (python-docx's add_paragraph searches it each time)
        if STIJL[blok.vorm] != "Normal":
            _sub(_sub(p, "pPr"), "pStyle", val=self.stijl_id(blok.vorm))
        oud = regel.oud.fragmenten if regel.oud else ()
        nieuw = regel.nieuw.fragmenten if regel.nieuw else ()
        _schrijf_runs(p, oud, nieuw, regel.status, self.rev)
        if self.rev is not None and regel.status in (ERBIJ, WEG):
            _volg_alineateken(p, "ins" if regel.status == ERBIJ else "del", self.rev)
        self.markeer(p, regel.nummer, regel.status)
        self.blokbladwijzer(p, blok)

    def rij(self, regel: Regel, blok: Blok) -> None:
        if self.tabel is None or self.tabelgroep != blok.groep:
            self.tabel = self.doc.add_table(rows=0, cols=2)
            self.tabel.style = self.doc.styles["Table Grid"]
            self.tabelgroep = blok.groep
        rij = self.tabel.add_row()
        cellen = cellen_van(rij, self.tabel)
        cellen[0].width, cellen[1].width = Cm(3), Cm(13)
        oordeel_oud = (Fragment(regel.oud.oordeel),) if regel.oud else ()
        oordeel_nieuw = (Fragment(regel.nieuw.oordeel),) if regel.nieuw else ()
        for cel, (oud, nieuw) in zip(cellen, [
            (oordeel_oud, oordeel_nieuw),
            (regel.oud.fragmenten if regel.oud else (), regel.nieuw.fragmenten if regel.nieuw else ()),
        ], strict=True):
            status = regel.status
            if status == GEWIJZIGD and oud == nieuw:
                status = GELIJK
            _schrijf_runs(cel.paragraphs[0]._p, oud, nieuw, status, self.rev)
        if self.rev is not None and regel.status in (ERBIJ, WEG):
            trpr = rij._tr.get_or_add_trPr()
            self.rev.merk(_sub(trpr, "ins" if regel.status == ERBIJ else "del"))
        self.markeer(cellen[1].paragraphs[0]._p, regel.nummer, regel.status)
        self.blokbladwijzer(cellen[1].paragraphs[0]._p, blok)


def _grondslagstijl(doc: DocxDocument) -> None:
    stijl = doc.styles.add_style("Grondslag", WD_STYLE_TYPE.PARAGRAPH)
    stijl.base_style = doc.styles["Normal"]
    stijl.font.italic = True
    stijl.font.size = Pt(8)
    stijl.font.color.rgb = RGBColor(0x44, 0x44, 0x44)
    stijl.paragraph_format.left_indent = Cm(0.63)
    stijl.paragraph_format.space_after = Pt(6)


def _kopregel(doc: DocxDocument, tekst: str) -> None:
    """Document metadata in the page header: it is not kader text, so accept/reject leave it alone."""
    kop = doc.sections[0].header.paragraphs[0]
    kop.text = tekst
    for run in kop.runs:
        run.font.size = Pt(7.5)


def _titelblok(kader: Kader) -> Blok:
    return Blok("kader", "titel", "titel", (Fragment(kader.titel),))


def _schrijf(doc: DocxDocument, regels: list[Regel], rev: Revisies | None, uitleg: dict[str, str],
             moment: datetime) -> None:
    schrijver = _Schrijver(doc, rev, uitleg, moment)
    for regel in regels:
        schrijver.alinea(regel)
    doc.add_paragraph(EIND)  # the body's last paragraph mark cannot be tracked


def _basis(kader: Kader, moment: datetime, kenmerk: str, soort: str) -> DocxDocument:
    doc = nieuw_document(kader.titel, moment, onderwerp=soort)
    staand(doc)
    _grondslagstijl(doc)
    _kopregel(doc, f"{soort} · Datum {nl_datum(moment.date())} · Onze referentie {kenmerk}")
    paginanummers(doc, kenmerk)
    return doc


def render_kader_docx(kader: Kader, moment: datetime, commit: str = "",
                      kaderblokken: list[Blok] | None = None) -> bytes:
    """The kader without marks (the clean version); pass `kaderblokken` when they are already made."""
    kenmerk = referentie(kader.sector, kader.jaar, commit)
    doc = _basis(kader, moment, kenmerk, f"{kader.titel} ({kader.status})")
    alle = kaderblokken if kaderblokken is not None else blokken(kader)
    regels = [Regel(GELIJK, b, b) for b in [_titelblok(kader), *alle]]
    _schrijf(doc, regels, None, {}, moment)
    return opslaan(doc, moment)


def uitleg_per_nummer(wijzigingen: tuple[Wijziging, ...]) -> dict[str, str]:
    """Comment text per change: number, kind and the first explanation."""
    uit = {}
    for w in wijzigingen:
        toelichting = w.verklaringen[0].tekst if w.verklaringen else "toelichting ontbreekt"
        uit[w.nummer] = f"{w.nummer} ({w.soort.label}): {toelichting}"
    return uit


def render_concept_docx(staat: Staat, moment: datetime, nieuwe_blokken: list[Blok] | None = None) -> bytes:
    """The new kader with every change since the old one as a tracked Word revision."""
    oud, nieuw = staat.oud, staat.nieuw
    commit = staat.herkomst[-1].commit if staat.herkomst else ""
    kenmerk = referentie(nieuw.sector, nieuw.jaar, commit)
    doc = _basis(nieuw, moment, kenmerk, f"Concept {nieuw.titel}, met wijzigingen ten opzichte van {staat.van}")
    regels = voeg_samen(oud, nieuw, [_titelblok(oud), *blokken(oud)],
                        [_titelblok(nieuw), *(nieuwe_blokken if nieuwe_blokken is not None else blokken(nieuw))],
                        staat.uitlijning, list(staat.wijzigingen))
    _schrijf(doc, regels, Revisies(revisiedatum(moment)), uitleg_per_nummer(staat.wijzigingen), moment)
    return opslaan(doc, moment)
