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
from xml.sax.saxutils import escape, quoteattr

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

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_NS_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


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

    def omhul(self, soort: str, inhoud: str = "") -> str:
        """`inhoud` inside a w:ins or w:del (soort 'ins'/'del') with the next revision id."""
        tag = f'<w:{soort} w:id="{self.volgende}" w:author={quoteattr(AUTEUR)} w:date="{self.datum}">'
        self.volgende += 1
        return f"{tag}{inhoud}</w:{soort}>"


def _revisiesoort(status: str) -> str:
    """'ins' for a wholly inserted block, 'del' for a wholly deleted one."""
    return "ins" if status == ERBIJ else "del"


# ---------------------------------------------------------------- low-level OOXML
# The body is written as WordprocessingML text and parsed by lxml in large pieces: a concept of a
# 35,000-word kader has ~60,000 elements, and building them one by one through the element API
# cost three times as much. Every piece of kader text goes through `escape`.

def _run(tekst: str, stijl: str, verwijderd: bool = False) -> str:
    eigenschappen = f"<w:rPr><w:{'i' if stijl == 'nadruk' else 'b'}/></w:rPr>" if stijl else ""
    tag = "w:delText" if verwijderd else "w:t"
    return f'<w:r>{eigenschappen}<{tag} xml:space="preserve">{escape(tekst)}</{tag}></w:r>'


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


def _omhul(soort: str, stukken: list[tuple[str, str]], rev: Revisies) -> str:
    """A w:ins/w:del with one run per styled piece (deleted text as w:delText)."""
    runs = "".join(_run(tekst, stijl, soort == "del") for tekst, stijl in stukken)
    return rev.omhul(soort, runs)


def _stukken(fragmenten: tuple[Fragment, ...]) -> list[tuple[str, str]]:
    return [(f.tekst, f.stijl) for f in fragmenten if f.tekst]


def _runs(oud: tuple[Fragment, ...], nieuw: tuple[Fragment, ...], status: str, rev: Revisies | None) -> str:
    """Runs of one block: plain, wholly inserted/deleted, or a word diff of the two versions."""
    if status == GELIJK or rev is None:
        return "".join(_run(tekst, stijl) for tekst, stijl in _stukken(nieuw))
    if status == ERBIJ:
        return _omhul("ins", _stukken(nieuw), rev)
    if status == WEG:
        return _omhul("del", _stukken(oud), rev)
    uit: list[str] = []
    po = pn = 0
    for deel in woorddiff("".join(f.tekst for f in oud), "".join(f.tekst for f in nieuw)):
        n = len(deel.tekst)
        if deel.op == DIFF_GELIJK:
            uit.extend(_run(tekst, stijl) for tekst, stijl in _met_stijl(nieuw, pn, pn + n))
            po, pn = po + n, pn + n
        elif deel.op == DIFF_WEG:
            uit.append(_omhul("del", _met_stijl(oud, po, po + n), rev))
            po += n
        elif deel.op == DIFF_ERBIJ:
            uit.append(_omhul("ins", _met_stijl(nieuw, pn, pn + n), rev))
            pn += n
    return "".join(uit)


def _elementen(xml: str) -> list[Any]:
    """Parse WordprocessingML elements written as text (namespace w)."""
    return list(etree.fromstring(f"<w:stukken {_NS_W}>{xml}</w:stukken>"))


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
    wachtend: list[str] = field(default_factory=list)
    sectie: Any = field(init=False)

    def __post_init__(self) -> None:
        self.sectie = self.doc.element.body.find(_W + "sectPr")

    def stijl_id(self, vorm: str) -> str:
        """Style id per block form, looked up once (python-docx's lookup by name is slow per paragraph)."""
        if vorm not in self.stijl_ids:
            self.stijl_ids[vorm] = self.doc.styles[STIJL[vorm]].style_id
        return self.stijl_ids[vorm]

    def markeer(self, nummer: str, status: str) -> tuple[str, str]:
        """Bookmark and comment at the first block of a change number: (start, end) of the paragraph."""
        if self.rev is None or not nummer or nummer in self.rev.gezien:
            return "", ""
        self.rev.gezien.add(nummer)
        self.rev.bladwijzers += 1
        opmerking = self.doc.comments.add_comment(text=self.uitleg.get(nummer, nummer), author=AUTEUR,
                                                   initials="IvhO")
        opmerking._comment_elm.date = self.moment.replace(tzinfo=None)
        cid = opmerking.comment_id
        bladwijzer = self.rev.bladwijzers
        verwijzing = (f'<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
                      f'<w:commentReference w:id="{cid}"/></w:r>')
        if status in (ERBIJ, WEG):
            verwijzing = self.rev.omhul(_revisiesoort(status), verwijzing)
        naam = quoteattr(nummer.replace("-", "_"))
        return (f'<w:bookmarkStart w:id="{bladwijzer}" w:name={naam}/><w:commentRangeStart w:id="{cid}"/>',
                f'<w:commentRangeEnd w:id="{cid}"/>{verwijzing}<w:bookmarkEnd w:id="{bladwijzer}"/>')

    def blokbladwijzer(self, blok: Blok) -> tuple[str, str]:
        """Hidden bookmark around the whole paragraph naming its block (concept documents only)."""
        if self.rev is None:
            return "", ""
        self.rev.bladwijzers += 1
        bladwijzer = self.rev.bladwijzers
        return (f'<w:bookmarkStart w:id="{bladwijzer}" w:name="{blokmerk(blok.sleutel)}"/>',
                f'<w:bookmarkEnd w:id="{bladwijzer}"/>')

    def paragraaf(self, stijl_id: str, runs: str, status: str, nummer: str, blok: Blok,
                  alineateken: bool = True) -> str:
        """One w:p: properties (style, tracked paragraph mark), bookmarks, comment, runs.

        Revision and bookmark numbers are taken in the order runs, paragraph mark, comment,
        block bookmark, whatever their place in the text. In a table cell the row carries the
        revision, not the paragraph mark (`alineateken=False`).
        """
        teken = ""
        if self.rev is not None and alineateken and status in (ERBIJ, WEG):
            teken = f"<w:rPr>{self.rev.omhul(_revisiesoort(status))}</w:rPr>"
        stijl = f'<w:pStyle w:val="{stijl_id}"/>' if stijl_id else ""
        eigenschappen = f"<w:pPr>{stijl}{teken}</w:pPr>" if stijl or teken else ""
        voor, na = self.markeer(nummer, status)
        blok_voor, blok_na = self.blokbladwijzer(blok)
        return f"<w:p>{eigenschappen}{blok_voor}{voor}{runs}{na}{blok_na}</w:p>"

    def alinea(self, regel: Regel) -> None:
        blok = regel.nieuw or regel.oud
        assert blok is not None
        if blok.vorm == "regel":
            self.rij(regel, blok)
            return
        self.tabel = None
        oud = regel.oud.fragmenten if regel.oud else ()
        nieuw = regel.nieuw.fragmenten if regel.nieuw else ()
        stijl_id = self.stijl_id(blok.vorm) if STIJL[blok.vorm] != "Normal" else ""
        runs = _runs(oud, nieuw, regel.status, self.rev)
        self.wachtend.append(self.paragraaf(stijl_id, runs, regel.status, regel.nummer, blok))

    def schrijf_wachtend(self) -> None:
        """Parse the waiting paragraphs in one go and put them before the body's sectPr."""
        for el in _elementen("".join(self.wachtend)):
            self.sectie.addprevious(el)
        self.wachtend.clear()

    def rij(self, regel: Regel, blok: Blok) -> None:
        if self.tabel is None or self.tabelgroep != blok.groep:
            self.schrijf_wachtend()  # python-docx adds the table at the end of the body
            self.tabel = self.doc.add_table(rows=0, cols=2)
            self.tabel.style = self.doc.styles["Table Grid"]
            self.tabelgroep = blok.groep
        rij = self.tabel.add_row()
        cellen = cellen_van(rij, self.tabel)
        cellen[0].width, cellen[1].width = Cm(3), Cm(13)
        oordeel_oud = (Fragment(regel.oud.oordeel),) if regel.oud else ()
        oordeel_nieuw = (Fragment(regel.nieuw.oordeel),) if regel.nieuw else ()
        runs = []
        for oud, nieuw in [(oordeel_oud, oordeel_nieuw),
                           (regel.oud.fragmenten if regel.oud else (), regel.nieuw.fragmenten if regel.nieuw else ())]:
            status = regel.status
            if status == GEWIJZIGD and oud == nieuw:
                status = GELIJK
            runs.append(_runs(oud, nieuw, status, self.rev))
        if self.rev is not None and regel.status in (ERBIJ, WEG):
            rij._tr.get_or_add_trPr().extend(_elementen(self.rev.omhul(_revisiesoort(regel.status))))
        paragrafen = [f"<w:p>{runs[0]}</w:p>",
                      self.paragraaf("", runs[1], regel.status, regel.nummer, blok, alineateken=False)]
        for cel, p in zip(cellen, _elementen("".join(paragrafen)), strict=True):
            cel._tc.replace(cel.paragraphs[0]._p, p)


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
    schrijver.schrijf_wachtend()
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
