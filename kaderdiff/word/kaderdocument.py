"""A kader's blocks written into a Word body: headings, paragraphs, beslisregel tables, and in a concept
document the revisions, change bookmarks and comments (`MBO-23`) and the hidden per-block bookmarks.

Every block paragraph of a concept carries a hidden bookmark (see `blokken.blokmerk`), so that a reader's own
tracked changes can be mapped back onto kader elements (`kaderdiff voorstel --uit-docx`); bookmarks do not
change accept/reject.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from docx.document import Document as DocxDocument
from docx.shared import Cm

from kaderdiff.model.kader import Fragment, Kader
from kaderdiff.uitvoer.xmltekst import quoteattr
from kaderdiff.word.blokken import Blok, blokmerk
from kaderdiff.word.document import AUTEUR, cellen_van
from kaderdiff.word.ns import W
from kaderdiff.word.revisies import Revisies, elementen, revisiedatum, revisiesoort, runs_van_blok
from kaderdiff.word.samenvoegen import BlokStatus, Regel

STIJL = {"kop1": "Heading 1", "kop2": "Heading 2", "kop3": "Heading 3", "kop4": "Heading 4",
         "tussenkop": "Heading 4", "alinea": "Normal", "opsomming": "List Bullet", "genummerd": "List Number",
         "eis": "List Bullet", "grondslag": "Grondslag", "titel": "Title"}
EIND = "Einde van het kader."


@dataclass
class KaderSchrijver:
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
        self.sectie = self.doc.element.body.find(W + "sectPr")

    def stijl_id(self, vorm: str) -> str:
        """Style id per block form, looked up once (python-docx's lookup by name is slow per paragraph)."""
        if vorm not in self.stijl_ids:
            self.stijl_ids[vorm] = self.doc.styles[STIJL[vorm]].style_id
        return self.stijl_ids[vorm]

    def markeer(self, nummer: str, status: BlokStatus) -> tuple[str, str]:
        """Bookmark and comment at the first block of a change number: (start, end) of the paragraph."""
        if self.rev is None or not nummer or nummer in self.rev.gezien:
            return "", ""
        self.rev.gezien.add(nummer)
        self.rev.bladwijzers += 1
        opmerking = self.doc.comments.add_comment(text=self.uitleg.get(nummer, nummer), author=AUTEUR,
                                                   initials="IvhO")
        # the w:date text itself: python-docx reads a naive datetime as local time (packs would differ per time zone)
        opmerking._comment_elm.set(f"{W}date", revisiedatum(self.moment))
        cid = opmerking.comment_id
        bladwijzer = self.rev.bladwijzers
        verwijzing = (f'<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
                      f'<w:commentReference w:id="{cid}"/></w:r>')
        if status in (BlokStatus.ERBIJ, BlokStatus.WEG):
            verwijzing = self.rev.omhul(revisiesoort(status), verwijzing)
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

    def paragraaf(self, stijl_id: str, runs: str, status: BlokStatus, nummer: str, blok: Blok,
                  alineateken: bool = True) -> str:
        """One w:p: properties (style, tracked paragraph mark), bookmarks, comment, runs.

        Revision and bookmark numbers are taken in the order runs, paragraph mark, comment,
        block bookmark, whatever their place in the text. In a table cell the row carries the
        revision, not the paragraph mark (`alineateken=False`).
        """
        teken = ""
        if self.rev is not None and alineateken and status in (BlokStatus.ERBIJ, BlokStatus.WEG):
            teken = f"<w:rPr>{self.rev.omhul(revisiesoort(status))}</w:rPr>"
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
        runs = runs_van_blok(oud, nieuw, regel.status, self.rev)
        self.wachtend.append(self.paragraaf(stijl_id, runs, regel.status, regel.nummer, blok))

    def schrijf_wachtend(self) -> None:
        """Parse the waiting paragraphs in one go and put them before the body's sectPr."""
        for el in elementen("".join(self.wachtend)):
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
            if status is BlokStatus.GEWIJZIGD and oud == nieuw:
                status = BlokStatus.GELIJK
            runs.append(runs_van_blok(oud, nieuw, status, self.rev))
        if self.rev is not None and regel.status in (BlokStatus.ERBIJ, BlokStatus.WEG):
            rij._tr.get_or_add_trPr().extend(elementen(self.rev.omhul(revisiesoort(regel.status))))
        paragrafen = [f"<w:p>{runs[0]}</w:p>",
                      self.paragraaf("", runs[1], regel.status, regel.nummer, blok, alineateken=False)]
        for cel, p in zip(cellen, elementen("".join(paragrafen)), strict=True):
            cel._tc.replace(cel.paragraphs[0]._p, p)


def titelblok(kader: Kader) -> Blok:
    return Blok("kader", "titel", "titel", (Fragment(kader.titel),))


def schrijf_kader(doc: DocxDocument, regels: list[Regel], rev: Revisies | None, uitleg: dict[str, str],
             moment: datetime) -> None:
    schrijver = KaderSchrijver(doc, rev, uitleg, moment)
    for regel in regels:
        schrijver.alinea(regel)
    schrijver.schrijf_wachtend()
    doc.add_paragraph(EIND)  # the body's last paragraph mark cannot be tracked
