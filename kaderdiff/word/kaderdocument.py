"""A kader's blocks written into a Word body: headings, paragraphs, beslisregel tables, and in a concept
document the revisions, moves, change bookmarks and comments (`MBO-23`) and the hidden per-block bookmarks.

Every paragraph of a concept that is in the new kader carries a hidden bookmark (see `blokken.blokmerk`), so
that a reader's own tracked changes can be mapped back onto kader elements (`kaderdiff voorstel --uit-docx`);
bookmarks do not change accept/reject. Deleted text and the source of a move carry none: their element is not
(or elsewhere) in the new kader, and a bookmark name must be unique.

A move is written as Word writes it (ECMA-376 Part 1 §17.13.5.21–.28): the range start inside the first
paragraph right after its properties, the moved runs in `w:moveFrom`/`w:moveTo`, the paragraph marks
tracked as moved, and the range end after the last paragraph; source and destination share one `w:name`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.table import CT_Tbl
from docx.shared import Cm, Pt
from docx.styles import BabelFish
from docx.table import Table

from kaderdiff.model.kader import Fragment, Kader
from kaderdiff.uitvoer.huisstijl import huisstijl
from kaderdiff.uitvoer.xmltekst import quoteattr
from kaderdiff.word.blokken import EIND, Blok, blokmerk
from kaderdiff.word.document import GEDEMPT, ROOD, Koppelingen, cellen_van, rij_toevoegen, sjabloonstijl
from kaderdiff.word.ns import AUTEUR, NS_W_DECLARATIE, W
from kaderdiff.word.revisiereeks import ALLEEN_OUD, BlokStatus, Regel
from kaderdiff.word.revisies import (
    KD_URI,
    Links,
    Revisies,
    gelijk_sjabloon,
    heel_gemarkeerd,
    revisiedatum,
    revisiesoort,
    runs_van_blok,
    vul_in,
)
from kaderdiff.word.tekststuk import Tekststukken, elementen, tekst_run
from kaderdiff.word.voetnoten import Voetnoten

STIJL = {"kop1": "Heading 1", "kop2": "Heading 2", "kop3": "Heading 3", "kop4": "Heading 4",
         "tussenkop": "Heading 4", "alinea": "Normal", "opsomming": "List Bullet", "genummerd": "List Number",
         "opsomming2": "List Bullet 2", "genummerd2": "List Number 2", "opsomming3": "List Bullet 3",
         "genummerd3": "List Number 3", "eiskop": "Eiskop", "eis": "List Bullet", "grondslag": "Grondslag",
         "titel": "Title", "bijschrift": "Bijschrift", "correctie": "Correctie"}
#: Block forms written as table rows (`rij`, `tabelrij`), not as paragraphs.
TABELVORMEN = ("regel", "rij")
#: Width of a table in a kader document (A4 portrait between the margins).
TABELBREEDTE_CM = 16.0

#: Styles of the parts a kader has beyond headings, text and lists. Made as paragraph styles, not as
#: direct formatting, so that reading the document back (the Word importer) sees the text as it is.
EXTRA_STIJLEN = f"""<w:styles {NS_W_DECLARATIE}>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Eiskop"><w:name w:val="Eiskop"/><w:basedOn w:val="Normal"/>
<w:next w:val="ListBullet"/><w:pPr><w:keepNext/><w:spacing w:before="120" w:after="0"/></w:pPr><w:rPr><w:b/></w:rPr>
</w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Bijschrift"><w:name w:val="Bijschrift"/>
<w:basedOn w:val="Normal"/><w:pPr><w:keepNext/></w:pPr><w:rPr><w:i/><w:sz w:val="17"/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Tabelkop"><w:name w:val="Tabelkop"/>
<w:basedOn w:val="Normal"/><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Correctie"><w:name w:val="Correctie"/>
<w:basedOn w:val="Normal"/><w:pPr><w:pBdr><w:left w:val="single" w:sz="18" w:space="6" w:color="{ROOD}"/></w:pBdr>
</w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/>
<w:pPr><w:spacing w:after="0"/></w:pPr><w:rPr><w:sz w:val="16"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/>
<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
</w:styles>"""


def grondslagstijl(doc: DocxDocument) -> None:
    """The paragraph style of a kader's grondslag lines: small, grey and italic, indented under the eis."""
    stijl = doc.styles.add_style("Grondslag", WD_STYLE_TYPE.PARAGRAPH)
    stijl.base_style = doc.styles["Normal"]
    stijl.font.italic = True
    stijl.font.size = Pt(huisstijl().klein_pt)
    stijl.font.color.rgb = GEDEMPT
    stijl.paragraph_format.left_indent = Cm(0.63)
    stijl.paragraph_format.space_after = Pt(6)


def extra_stijlen(doc: DocxDocument) -> None:
    """Add the styles of EXTRA_STIJLEN the document does not have yet."""
    stijlen = doc.styles.element
    bestaand = {s.get(f"{W}styleId") for s in stijlen.iter(f"{W}style")}
    for stijl in parse_xml(EXTRA_STIJLEN):
        if stijl.get(f"{W}styleId") not in bestaand:
            stijlen.append(stijl)


@dataclass
class KaderSchrijver:
    doc: DocxDocument
    rev: Revisies | None
    uitleg: dict[str, str]
    moment: datetime
    tabel: Any = None
    tabelgroep: str = ""
    stijlnamen: dict[str, str] | None = None  # style name -> id, read once (`stijl_id_van`)
    eigenschappen: dict[str, str] = field(default_factory=dict)  # per form the w:pPr of an unchanged paragraph
    opmerkingen: list[str] = field(default_factory=list)  # comments written, not yet in their part
    wachtend: list[str] = field(default_factory=list)
    bereik: tuple[str, str, int] | None = None  # the open move range: (kind, name, id)
    voetnoten: Voetnoten = field(default_factory=Voetnoten)
    gedeeld: dict[int, tuple[str, ...]] = field(default_factory=dict)  # runs per block (`Kaderblokken.runs`)
    sectie: Any = field(init=False)
    koppelingen: Koppelingen = field(init=False)
    tabelopmaak: tuple[Any, str] = field(init=False)  # a table's width and style id, looked up once
    opmerking_id: int | None = None  # the id of the next comment, once the first is made
    titel_geschreven: bool = False  # the first paragraphs (the title) are parsed: the table of contents follows them
    stukken: Tekststukken = field(default_factory=Tekststukken)  # the paragraphs still text (`word.tekststuk`)

    def __post_init__(self) -> None:
        self.sectie = self.doc.element.body.find(W + "sectPr")
        self.koppelingen = Koppelingen(self.doc.part)
        # while the body is still short: python-docx finds the section through the whole document
        self.tabelopmaak = (self.doc._block_width, sjabloonstijl("Table Grid"))

    def link_id(self, adres: str) -> str:
        return self.koppelingen.id(adres)

    def eigen_stijl(self, vorm: str) -> str:
        """The style id a paragraph of this block form names ('' for Normal: it names none)."""
        return self.stijl_id_van(STIJL[vorm]) if STIJL[vorm] != "Normal" else ""

    def markeer(self, nummer: str, status: BlokStatus) -> tuple[str, str]:
        """Bookmark and comment at the first block of a change number: (start, end) of the paragraph."""
        if self.rev is None or not nummer or nummer in self.rev.gezien:
            return "", ""
        self.rev.gezien.add(nummer)
        cid = self.opmerking(self.uitleg.get(nummer, nummer))
        bladwijzer = self.rev.nieuw_id()
        verwijzing = (f'<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
                      f'<w:commentReference w:id="{cid}"/></w:r>')
        if heel_gemarkeerd(status):
            verwijzing = self.rev.omhul(revisiesoort(status), verwijzing)
        naam = quoteattr(nummer.replace("-", "_"))
        return (f'<w:bookmarkStart w:id="{bladwijzer}" w:name={naam}/><w:commentRangeStart w:id="{cid}"/>',
                f'<w:commentRangeEnd w:id="{cid}"/>{verwijzing}<w:bookmarkEnd w:id="{bladwijzer}"/>')

    def opmerking(self, tekst: str) -> int:
        """A comment as python-docx's `add_comment` writes it, and its id; written as text, with the ids counted
        here (python-docx looks at every comment for the next id). The w:date is the text itself: python-docx reads
        a naive datetime as local time (packs would differ per time zone)."""
        if self.opmerking_id is None:  # the comments part is made here, as python-docx makes it at the first comment
            self.opmerking_id = self.doc.comments._comments_elm._next_available_comment_id()
        cid = self.opmerking_id
        self.opmerking_id += 1
        eerste, *verder = tekst.split("\n")
        stijl = '<w:pPr><w:pStyle w:val="CommentText"/></w:pPr>'
        alineas = "".join(f"<w:p>{stijl}{tekst_run(regel) if regel else ''}</w:p>" for regel in verder)
        self.opmerkingen.append(
            f'<w:comment w:id="{cid}" w:author={quoteattr(AUTEUR)} w:initials="IvhO" '
            f'w:date="{revisiedatum(self.moment)}"><w:p>{stijl}'
            f'<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>{tekst_run(eerste)}'
            f"</w:p>{alineas}</w:comment>")
        return cid

    def schrijf_opmerkingen(self) -> None:
        """The comments into their part, parsed in one go (one parse per comment was a two-hundredth of a pack)."""
        if self.opmerkingen:
            self.doc.comments._comments_elm.extend(elementen("".join(self.opmerkingen)))
            self.opmerkingen.clear()

    def blokbladwijzer(self, blok: Blok, status: BlokStatus) -> tuple[str, str]:
        """Hidden bookmark around the whole paragraph naming its block (concept documents, new kader only)."""
        if self.rev is None or status in ALLEEN_OUD:
            return "", ""
        bladwijzer = self.rev.nieuw_id()
        return (f'<w:bookmarkStart w:id="{bladwijzer}" w:name="{blokmerk(blok.sleutel)}"/>',
                f'<w:bookmarkEnd w:id="{bladwijzer}"/>')

    def paragraaf(self, stijl_id: str, runs: str, status: BlokStatus, nummer: str, blok: Blok,
                  alineateken: bool = True, bereik: str = "") -> str:
        """One w:p: properties (style, tracked paragraph mark), move range start, bookmarks, comment, runs.

        Ids are taken in the order runs, paragraph mark, comment, block bookmark (the range start before
        all of them), whatever their place in the text. In a table cell the row carries the revision, not
        the paragraph mark (`alineateken=False`).
        """
        teken = ""
        if self.rev is not None and alineateken and heel_gemarkeerd(status):
            teken = f"<w:rPr>{self.rev.omhul(revisiesoort(status))}</w:rPr>"
        eigenschappen = _eigenschappen(stijl_id, teken)
        voor, na = self.markeer(nummer, status)
        blok_voor, blok_na = self.blokbladwijzer(blok, status)
        return f"<w:p>{eigenschappen}{bereik}{blok_voor}{voor}{runs}{na}{blok_na}</w:p>"

    def open_bereik(self, regel: Regel) -> str:
        """The range start when this block begins a move (closing the previous range first)."""
        soort = {BlokStatus.VAN: "moveFrom", BlokStatus.NAAR: "moveTo"}.get(regel.status, "")
        if self.bereik is not None and self.bereik[:2] == (soort, regel.verplaatsing):
            return ""
        self.sluit_bereik()
        if self.rev is None or not soort:
            return ""
        start, bereik_id = self.rev.bereik_start(soort, regel.verplaatsing)
        self.bereik = (soort, regel.verplaatsing, bereik_id)
        return start

    def sluit_bereik(self) -> None:
        """End the open move range after the last paragraph written (a body-level sibling, as Word writes it)."""
        if self.bereik is not None:
            soort, _, bereik_id = self.bereik
            self.wachtend.append(f'<w:{soort}RangeEnd w:id="{bereik_id}"/>')
            self.bereik = None

    def alinea(self, regel: Regel) -> None:
        if regel.status is BlokStatus.GELIJK and regel.nieuw is not None and regel.nieuw.vorm not in TABELVORMEN \
                and not regel.nummer:
            self.gelijke_alinea(regel.nieuw)
            return
        blok = (regel.oud if regel.status is BlokStatus.VAN else regel.nieuw) or regel.oud
        assert blok is not None
        bereik = self.open_bereik(regel)
        if blok.vorm == "regel":
            self.rij(regel, blok)
            return
        if blok.vorm == "rij":
            self.tabelrij(regel, blok)
            return
        self.tabel = None
        oud = regel.oud.fragmenten if regel.oud else ()
        nieuw = regel.nieuw.fragmenten if regel.nieuw else ()
        stijl_id = self.eigen_stijl(blok.vorm)
        if regel.status is BlokStatus.GELIJK and regel.nieuw is not None:
            runs = self.gelijke_runs(regel.nieuw)
        else:
            links = Links(regel.nieuw.links, self.link_id) if regel.nieuw is not None and regel.nieuw.links else None
            runs = runs_van_blok(oud, nieuw, regel.status, self.rev, links)
        self.wachtend.append(self.paragraaf(stijl_id, runs, regel.status, regel.nummer, blok, bereik=bereik))

    def gelijke_alinea(self, blok: Blok) -> None:
        """An unchanged paragraph without a change number (nearly all of a concept, all of a clean kader): what
        `alinea` and `paragraaf` write for it, without the steps only a change needs."""
        self.sluit_bereik()
        self.tabel = None
        eigenschappen = self.eigenschappen.get(blok.vorm)
        if eigenschappen is None:
            eigenschappen = self.eigenschappen[blok.vorm] = _eigenschappen(self.eigen_stijl(blok.vorm))
        runs = self.gelijke_runs(blok)
        blok_voor, blok_na = self.blokbladwijzer(blok, BlokStatus.GELIJK)
        self.wachtend.append(f"<w:p>{eigenschappen}{blok_voor}{runs}{blok_na}</w:p>")

    def gelijke_runs(self, blok: Blok) -> str:
        """The runs of an unchanged block, from the runs this block's documents share (made here if not yet)."""
        sjabloon = self.gedeeld.get(id(blok))
        if sjabloon is None:
            sjabloon = self.gedeeld[id(blok)] = gelijk_sjabloon(blok.fragmenten, blok.links)
        return vul_in(sjabloon, self.link_id)

    def ontleed(self, xml: str) -> list[Any]:
        """The elements of written paragraphs, their footnote references collected (only a reference declares
        KD_URI, so most pieces need no search through their elements)."""
        stukken = elementen(xml)
        if KD_URI in xml:
            self.voetnoten.nummer(stukken)
        return stukken

    def schrijf_wachtend(self) -> None:
        """Put the waiting paragraphs before the body's sectPr: as one piece of text (`word.tekststuk`), or parsed
        in one go where a later step must find them as elements (the title, a footnote reference)."""
        xml = "".join(self.wachtend)
        self.wachtend.clear()
        if not xml:
            return
        if self.titel_geschreven and KD_URI not in xml:
            self.sectie.addprevious(self.stukken.stuk(xml))
            return
        body = self.sectie.getparent()
        plek = body.index(self.sectie)
        body[plek:plek] = self.ontleed(xml)  # at once: half the time of one by one
        self.titel_geschreven = True

    def nieuwe_tabel(self, blok: Blok, kolommen: int) -> None:
        """A table at the end of the body, as python-docx's `add_table` makes it; but `add_table` looks up the
        section's width with a search through the whole document each time, and the style by name."""
        if self.tabel is None or self.tabelgroep != blok.groep:
            self.schrijf_wachtend()  # the table comes after the paragraphs before it
            breedte, stijl = self.tabelopmaak
            tbl = CT_Tbl.new_tbl(0, kolommen, breedte)
            self.sectie.addprevious(tbl)
            tbl.tblStyle_val = stijl
            self.tabel = Table(tbl, self.doc._body)
            self.tabelgroep = blok.groep

    def tabelrij(self, regel: Regel, blok: Blok) -> None:
        """A row of a kader table: one cell per cell of the row, each diffed on its own."""
        oud = regel.oud.cellen if regel.oud else ()
        nieuw = regel.nieuw.cellen if regel.nieuw else ()
        kolommen = max(len(oud), len(nieuw), 1)
        self.nieuwe_tabel(blok, kolommen)
        breedte = Cm(TABELBREEDTE_CM / len(self.tabel._tbl.tblGrid.gridCol_lst)).twips
        rij = rij_toevoegen(self.tabel, [breedte] * len(self.tabel._tbl.tblGrid.gridCol_lst))
        cellen = cellen_van(rij, self.tabel)
        if blok.oordeel == "kop":
            kop = rij._tr.get_or_add_trPr()
            kop.append(elementen("<w:tblHeader/>")[0])
        if self.rev is not None and regel.status in (BlokStatus.ERBIJ, BlokStatus.WEG):
            rij._tr.get_or_add_trPr().extend(elementen(self.rev.omhul(revisiesoort(regel.status))))
        stijl = self.stijl_id_van("Tabelkop") if blok.oordeel == "kop" else ""
        eigenschappen = _eigenschappen(stijl)
        paragrafen = []
        for i in range(len(cellen)):
            o = oud[i] if i < len(oud) else ()
            n = nieuw[i] if i < len(nieuw) else ()
            status = BlokStatus.GELIJK if regel.status is BlokStatus.GEWIJZIGD and o == n else regel.status
            runs = runs_van_blok(o, n, status, self.rev)
            if i == 0:  # the first cell carries the change number and the block's bookmark
                paragrafen.append(self.paragraaf(stijl, runs, regel.status, regel.nummer, blok, alineateken=False))
            else:
                paragrafen.append(f"<w:p>{eigenschappen}{runs}</w:p>")
        stukken = self.ontleed("".join(paragrafen))
        for cel, p in zip(cellen, stukken, strict=True):
            cel._tc.replace(cel.paragraphs[0]._p, p)

    def stijl_id_van(self, naam: str) -> str:
        """A style's id by its name, as python-docx's `doc.styles[naam]` finds it (the first style of that name,
        'Heading 1' written 'heading 1'), from one pass over the styles part: python-docx searches it for each name,
        which was a hundredth of a pack."""
        if self.stijlnamen is None:
            self.stijlnamen = {}
            for stijl in self.doc.styles.element.iterchildren(f"{W}style"):
                for naam_el in stijl.iterchildren(f"{W}name"):
                    self.stijlnamen.setdefault(naam_el.get(f"{W}val"), stijl.get(f"{W}styleId"))
        stijl_id = self.stijlnamen.get(BabelFish.ui2internal(naam))
        return stijl_id if stijl_id is not None else str(self.doc.styles[naam].style_id)  # python-docx: its error

    def rij(self, regel: Regel, blok: Blok) -> None:
        self.nieuwe_tabel(blok, 2)
        rij = rij_toevoegen(self.tabel, [Cm(3).twips, Cm(13).twips])
        cellen = cellen_van(rij, self.tabel)
        oordeel_oud = (Fragment(regel.oud.oordeel),) if regel.oud else ()
        oordeel_nieuw = (Fragment(regel.nieuw.oordeel),) if regel.nieuw else ()
        runs = []
        for oud, nieuw in [(oordeel_oud, oordeel_nieuw),
                           (regel.oud.fragmenten if regel.oud else (), regel.nieuw.fragmenten if regel.nieuw else ())]:
            status = regel.status
            if status is BlokStatus.GEWIJZIGD and oud == nieuw:
                status = BlokStatus.GELIJK
            runs.append(runs_van_blok(oud, nieuw, status, self.rev))
        if self.rev is not None and heel_gemarkeerd(regel.status):
            rij._tr.get_or_add_trPr().extend(elementen(self.rev.omhul(revisiesoort(regel.status))))
        paragrafen = [f"<w:p>{runs[0]}</w:p>",
                      self.paragraaf("", runs[1], regel.status, regel.nummer, blok, alineateken=False)]
        stukken = self.ontleed("".join(paragrafen))
        for cel, p in zip(cellen, stukken, strict=True):
            cel._tc.replace(cel.paragraphs[0]._p, p)


def _eigenschappen(stijl_id: str, teken: str = "") -> str:
    """A paragraph's w:pPr: its style and the revision of its paragraph mark ('' when it has neither)."""
    stijl = f'<w:pStyle w:val="{stijl_id}"/>' if stijl_id else ""
    return f"<w:pPr>{stijl}{teken}</w:pPr>" if stijl or teken else ""


def titelblok(kader: Kader) -> Blok:
    return Blok("kader", "titel", "titel", (Fragment(kader.titel),))


def schrijf_kader(doc: DocxDocument, regels: list[Regel], rev: Revisies | None, uitleg: dict[str, str],
                 moment: datetime, gedeeld: dict[int, tuple[str, ...]] | None = None) -> Tekststukken:
    """The kader's blocks into the body; `gedeeld`: the runs of unchanged blocks another document of the same
    blocks made (`Kaderblokken.runs`), filled in as they are made. Returns the paragraphs that are still text:
    `opslaan` puts them in their place."""
    extra_stijlen(doc)
    schrijver = KaderSchrijver(doc, rev, uitleg, moment, gedeeld={} if gedeeld is None else gedeeld)
    for regel in regels:
        schrijver.alinea(regel)
        if not schrijver.titel_geschreven:  # the title alone as elements: the table of contents goes after it
            schrijver.schrijf_wachtend()
    schrijver.sluit_bereik()
    schrijver.schrijf_wachtend()
    schrijver.schrijf_opmerkingen()
    if schrijver.voetnoten.teksten:  # the comments are numbered again after the footnotes, in the whole body
        schrijver.stukken.ontleed_alle(doc.element.body)
    schrijver.voetnoten.schrijf(doc)
    doc.add_paragraph(EIND)  # the body's last paragraph mark cannot be tracked
    return schrijver.stukken
