"""A thin layer over python-docx for the documents kaderdiff writes.

Rijkshuisstijl-like basics (header block, 'pagina X van Y'), Dutch as document
language, landscape sections, repeating table header rows, and saving with fixed
timestamps so the same inputs give byte-identical files. Diff rows and links in tables
are written as text by `tabelxml`.
"""

from __future__ import annotations

import copy
import functools
import io
import re
import zipfile
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeAlias

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.pkgwriter import PackageWriter
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from kaderdiff.fouten import KaderdiffFout
from kaderdiff.uitvoer.huisstijl import huisstijl
from kaderdiff.uitvoer.sjablonen import SJABLONEN
from kaderdiff.uitvoer.xmltekst import quoteattr
from kaderdiff.uitvoer.zipvast import NIVEAU, vaste_info
from kaderdiff.word.ns import AUTEUR
from kaderdiff.word.tekststuk import Tekststukken, aan_het_eind, tekst_run

#: The slim Word template (see word/sjabloon.py): python-docx's default without unused styles.
SJABLOON = SJABLONEN / "kaderdiff.docx"
TAAL = "nl-NL"
#: Colours and typeface from the house style every document shares (templates/huisstijl.toml).
ROOD = RGBColor.from_string(huisstijl().kleur["doorgehaald"])
DONKERGROEN = RGBColor.from_string(huisstijl().kleur["ingevoegd"])
LINTBLAUW = RGBColor.from_string(huisstijl().kleur["lint"])
GEDEMPT = RGBColor.from_string(huisstijl().kleur["gedempt"])
LETTER = huisstijl().familie
#: A tab in a run written as text (an f-string expression cannot hold a backslash).
TAB = "\t"
#: The description every document kaderdiff writes carries: how an earlier output is recognised.
GEMAAKT = "Gemaakt met kaderdiff"
#: The python-docx objects a renderer holds: it builds with their public methods, and asks word/ for the rest.
Worddocument: TypeAlias = DocxDocument
Wordtabel: TypeAlias = Table


def _zet_taal(rpr: object) -> None:
    lang = rpr.find(qn("w:lang"))  # type: ignore[attr-defined]
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)  # type: ignore[attr-defined]
    for attribuut in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attribuut), TAAL)


def nieuw_document(titel: str, moment: datetime, onderwerp: str = "") -> DocxDocument:
    """An empty document: Dutch, Verdana, fixed core properties."""
    return met_eigenschappen(sjabloonkopie(), titel, moment, onderwerp)


def sjabloonkopie() -> DocxDocument:
    """A copy of the template as `_leeg_document` prepared it: a pack writes 32 documents, and opening, parsing and
    styling the template for each was a tenth of a Staat (a deep copy is a quarter of that)."""
    return copy.deepcopy(_leeg_document())


def met_eigenschappen(doc: DocxDocument, titel: str, moment: datetime, onderwerp: str) -> DocxDocument:
    """The document with its fixed core properties: title, subject, author, language, dates."""
    eigenschappen = doc.core_properties
    eigenschappen.title = titel
    eigenschappen.subject = onderwerp
    eigenschappen.author = AUTEUR
    eigenschappen.last_modified_by = AUTEUR
    eigenschappen.language = TAAL
    eigenschappen.revision = 1
    utc = moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo is not None else moment
    eigenschappen.created = utc  # python-docx writes the fields as they are, with 'Z'
    eigenschappen.modified = utc
    eigenschappen.comments = GEMAAKT
    return doc


@functools.cache
def _leeg_document() -> DocxDocument:
    """The template read once per process (forked workers inherit it), in the house style; never handed out
    itself, only copies (`nieuw_document`)."""
    if not SJABLOON.is_file():
        raise KaderdiffFout(f"Het Word-sjabloon {SJABLOON} ontbreekt; installeer kaderdiff vanuit de repository")
    doc = Document(str(SJABLOON))
    stijlen = doc.styles.element
    rpr_default = stijlen.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr"))
    if rpr_default is not None:
        _zet_taal(rpr_default)
    normaal = doc.styles["Normal"]
    normaal.font.name = LETTER
    normaal.font.size = Pt(huisstijl().word_pt)
    _zet_taal(normaal.element.get_or_add_rPr())
    for niveau in (1, 2, 3):
        kop = doc.styles[f"Heading {niveau}"]
        kop.font.name = LETTER
        kop.font.color.rgb = LINTBLAUW
    return doc


def liggend(doc: DocxDocument) -> None:
    """A4 landscape with 2 cm margins."""
    sectie = doc.sections[0]
    sectie.orientation = WD_ORIENT.LANDSCAPE
    sectie.page_width, sectie.page_height = Cm(29.7), Cm(21.0)
    for marge in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(sectie, marge, Cm(2))


def staand(doc: DocxDocument) -> None:
    """A4 portrait with 2.5 cm side margins."""
    sectie = doc.sections[0]
    sectie.orientation = WD_ORIENT.PORTRAIT
    sectie.page_width, sectie.page_height = Cm(21.0), Cm(29.7)
    sectie.left_margin = sectie.right_margin = Cm(2.5)
    sectie.top_margin = sectie.bottom_margin = Cm(2)


def _veld(paragraaf: Paragraph, instructie: str, voorlopig: str, punt: float) -> None:
    """A simple field whose result has the size `punt`: Word and LibreOffice give the result the properties of
    the run inside the field, and without them the body size (the page number stood larger than its footer)."""
    veld = OxmlElement("w:fldSimple")
    veld.set(qn("w:instr"), instructie)
    run = OxmlElement("w:r")
    eigenschappen = OxmlElement("w:rPr")
    for naam in ("w:sz", "w:szCs"):
        grootte = OxmlElement(naam)
        grootte.set(qn("w:val"), str(round(punt * 2)))
        eigenschappen.append(grootte)
    run.append(eigenschappen)
    tekst = OxmlElement("w:t")
    tekst.text = voorlopig
    run.append(tekst)
    veld.append(run)
    paragraaf._p.append(veld)


def paginanummers(doc: DocxDocument, kenmerk: str) -> None:
    """Footer 'kenmerk — pagina X van Y' (PAGE/NUMPAGES fields, filled in by Word/LibreOffice), all of it small."""
    voet = doc.sections[0].footer.paragraphs[0]
    klein = huisstijl().klein_pt
    voet.add_run(f"{kenmerk} — pagina ")
    _veld(voet, "PAGE", "1", klein)
    voet.add_run(" van ")
    _veld(voet, "NUMPAGES", "1", klein)
    for run in voet.runs:
        run.font.size = Pt(klein)


def kopregel(doc: DocxDocument, tekst: str, grootte: float = 7.5) -> None:
    """Document metadata in the page header (small): it is not document text, so accept/reject leave it alone."""
    kop = doc.sections[0].header.paragraphs[0]
    kop.text = tekst
    for run in kop.runs:
        run.font.size = Pt(grootte)


def kopblok(doc: DocxDocument, titel: str, regels: list[tuple[str, str]]) -> None:
    """Title (a real heading) and a Rijkshuisstijl-like block: Datum, Onze referentie, ….

    Written as the XML python-docx's `add_heading`, `add_paragraph` and their setters made, in one parse: they
    searched the body and the styles part for each element they added."""
    klein = f'<w:sz w:val="{_halve_punten(huisstijl().klein_pt)}"/>'
    eigenschappen = (f'<w:pPr><w:tabs><w:tab w:pos="{Cm(4).twips}" w:val="left"/></w:tabs>'
                     '<w:spacing w:after="0"/></w:pPr>')
    alineas = [f'<w:p><w:pPr><w:pStyle w:val="{sjabloonstijl("Heading 1")}"/></w:pPr>'
               f"{tekst_run(titel) if titel else ''}</w:p>"]
    alineas += [f"<w:p>{eigenschappen}{tekst_run(label + TAB, '<w:b/>' + klein)}{tekst_run(waarde, klein)}</w:p>"
                for label, waarde in regels]
    alineas.append("<w:p/>")
    aan_het_eind(doc, "".join(alineas))


def _halve_punten(punten: float) -> int:
    """A font size as w:sz holds it, rounded as python-docx rounds it."""
    return int(Pt(punten).pt * 2)


@functools.cache
def sjabloonstijl(naam: str) -> str:
    """The id of a style of the template by its name (every document is a copy of it; python-docx's lookup by name
    searches the styles part each time)."""
    return str(_leeg_document().styles[naam].style_id)


def tabel(doc: DocxDocument, koppen: list[str], breedtes_cm: list[float]) -> Table:
    """A grid table with a bold repeating header row and fixed column widths.

    Written as the XML python-docx's `add_table` and its setters made, in one parse: `add_table` looked up the
    section's width through the whole body, and style, widths and header went through its property layers."""
    twips = [Cm(breedte).twips for breedte in breedtes_cm]
    raster = "".join(f'<w:gridCol w:w="{breedte}"/>' for breedte in twips)
    kop = "".join(f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{breedte}"/></w:tcPr><w:p>{tekst_run(tekst, "<w:b/>")}'
                  "</w:p></w:tc>" for tekst, breedte in zip(koppen, twips, strict=True))
    tbl = parse_xml(
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="{sjabloonstijl("Table Grid")}"/>'
        '<w:tblW w:type="auto" w:w="0"/><w:jc w:val="center"/><w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" w:noHBand="0" w:noVBand="1" '
        f'w:val="04A0"/></w:tblPr><w:tblGrid>{raster}</w:tblGrid>'
        f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{kop}</w:tr></w:tbl>")
    doc.element.body.sectPr.addprevious(tbl)
    return Table(tbl, doc._body)


def ruimte_na_alineas(t: Table, punten: float) -> None:
    """Every paragraph in the table so far gets `punten` pt of space after it (a compact table)."""
    for p in t._tbl.iter(qn("w:p")):
        Paragraph(p, t).paragraph_format.space_after = Pt(punten)


def cellen_van(rij: _Row, t: Table) -> list[_Cell]:
    """The cells of one row, straight from its w:tc elements.

    python-docx's `_Row.cells` lays out the grid of the whole table each time, which made
    filling a table row by row quadratic; our tables have no merged cells.
    """
    return [_Cell(tc, t) for tc in rij._tr.tc_lst]


def rij_toevoegen(t: Table, breedtes_twips: Sequence[int | None] | None = None) -> _Row:
    """A new last row of empty cells, each as wide as its grid column (or as `breedtes_twips` says): the XML
    python-docx's `add_row` makes, parsed in one step. `add_row` sets each cell's width through four layers
    of properties, a tenth of the time of a Staat."""
    tbl = t._tbl
    if breedtes_twips is None:
        breedtes_twips = [None if kolom.w is None else kolom.w.twips for kolom in tbl.tblGrid.gridCol_lst]
    cellen = "".join("<w:tc><w:p/></w:tc>" if breedte is None else
                     f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{breedte}"/></w:tcPr><w:p/></w:tc>'
                     for breedte in breedtes_twips)
    tr = parse_xml(f"<w:tr {nsdecls('w')}>{cellen}</w:tr>")
    tbl.append(tr)
    return _Row(tr, t)


def nieuwe_rij(t: Table) -> list[_Cell]:
    """The cells of a new row, each as wide as its grid column (set by `tabel`)."""
    return cellen_van(rij_toevoegen(t), t)


def tekstrun(paragraaf: Paragraph, tekst: str) -> Run:
    """A run with plain text (no tabs or newlines): python-docx's `add_run(tekst)` parses the
    text character by character for tabs and breaks, a third of the time of a Staat table."""
    r = paragraaf._p.add_r()
    r.add_t(tekst)
    return Run(r, paragraaf)


def schrijf_regels(cel: _Cell, tekst: str) -> None:
    """Text with newlines as separate paragraphs of a cell."""
    regels = tekst.split("\n")
    tekstrun(cel.paragraphs[0], regels[0])
    for regel in regels[1:]:
        tekstrun(cel.add_paragraph(), regel)


class Koppelingen:
    """The external links of one document part: one relationship per distinct url, with the ids python-docx's
    `relate_to` would give (the first free `rIdN`), but found in a dict. python-docx compares a new link
    with every relationship the part has, which made a kader with thousands of citations quadratic."""

    def __init__(self, deel: Any) -> None:
        self.deel = deel
        self.per_url: dict[str, str] = {rel.target_ref: rid for rid, rel in deel.rels.items()
                                        if rel.is_external and rel.reltype == RT.HYPERLINK}
        self.volgende = 1

    def id(self, url: str) -> str:
        """The relationship id of a link to `url`, added when the part has none yet."""
        if url not in self.per_url:
            while f"rId{self.volgende}" in self.deel.rels:
                self.volgende += 1
            rid = f"rId{self.volgende}"
            self.deel.rels.add_relationship(RT.HYPERLINK, url, rid, is_external=True)
            self.per_url[url] = rid
        return self.per_url[url]


#: How link text looks (Word's own 'Hyperlink' style is not in the slim template): blue and underlined.
LINKOPMAAK = f'<w:color w:val="{LINTBLAUW}"/><w:u w:val="single"/>'


def hyperlink_xml(rid: str, runs: str) -> str:
    """WordprocessingML of a w:hyperlink around runs (for bodies written as text, see word.revisies)."""
    return f'<w:hyperlink r:id="{rid}" w:history="1">{runs}</w:hyperlink>'


class _VasteZip:
    """python-docx's physical package writer interface, writing every entry dated `moment`.

    `doc.save` stamps entries with the current time; re-zipping afterwards compressed everything
    twice, which was a fifth of the time of a whole pack.
    """

    def __init__(self, doel: io.BytesIO, moment: datetime) -> None:
        self.zip = zipfile.ZipFile(doel, "w", zipfile.ZIP_DEFLATED)
        self.moment = moment

    def write(self, pack_uri: PackURI, blob: bytes) -> None:
        self.zip.writestr(vaste_info(pack_uri.membername, self.moment), blob, compresslevel=NIVEAU)

    def close(self) -> None:
        self.zip.close()


def opslaan(doc: DocxDocument, moment: datetime, stukken: Tekststukken | None = None) -> bytes:
    """`OpcPackage.save` with every entry dated `moment`; `stukken`: the body's paragraphs still text (tekststuk)."""
    pakket = doc.part.package
    delen = pakket.parts  # a walk over every relationship of every part: once, not for each step
    for part in delen:
        part.before_marshal()
    buffer = io.BytesIO()
    schrijver = _VasteZip(buffer, moment)
    pakketschrijver: Any = PackageWriter  # its steps, with our writer instead of its own zip
    pakketschrijver._write_content_types_stream(schrijver, delen)
    pakketschrijver._write_pkg_rels(schrijver, pakket.rels)
    for part in delen:  # what `_write_parts` does, with the relationships written in one parse
        blob = part.blob
        schrijver.write(part.partname, stukken.vul_in(blob) if stukken is not None and part is doc.part else blob)
        if len(part.rels):
            schrijver.write(part.partname.rels_uri, relaties_xml(part.rels))
    schrijver.close()
    return buffer.getvalue()


def relaties_xml(relaties: Any) -> bytes:
    """A part's .rels item: the bytes python-docx's own serialisation gives, written directly (a kader's document
    part has a relationship per cited law article: thousands; parsing and serialising them was a fiftieth of a
    pack). A value with a character XML does not allow goes through lxml, which refuses it as before."""
    regels = []
    for rel in relaties.values():
        waarden = (rel.rId, rel.reltype, rel.target_ref)
        if any(_ONGELDIG.search(w) for w in waarden):
            return _relaties_via_lxml(relaties)
        regels.append(f'<Relationship Id="{_attribuut(waarden[0])}" Type="{_attribuut(waarden[1])}" '
                      f'Target="{_attribuut(waarden[2])}"{EXTERN if rel.is_external else ""}/>')
    inhoud = "".join(regels)
    if not inhoud:
        return f'{_XML_KOP}<Relationships xmlns="{RELATIES_NS}"/>'.encode()
    return f'{_XML_KOP}<Relationships xmlns="{RELATIES_NS}">{inhoud}</Relationships>'.encode()


def _relaties_via_lxml(relaties: Any) -> bytes:
    regels = "".join(f'<Relationship Id={quoteattr(rel.rId)} Type={quoteattr(rel.reltype)} '
                     f'Target={quoteattr(rel.target_ref)}{EXTERN if rel.is_external else ""}/>'
                     for rel in relaties.values())
    uit: bytes = etree.tostring(etree.fromstring(f'<Relationships xmlns="{RELATIES_NS}">{regels}</Relationships>'),
                                encoding="UTF-8", standalone=True)
    return uit


#: What lxml writes before the root element of `etree.tostring(…, encoding="UTF-8", standalone=True)`.
_XML_KOP = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
#: Characters XML 1.0 does not allow.
_ONGELDIG = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
#: An attribute value as lxml (libxml2) escapes it.
_IN_ATTRIBUUT = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}
_TE_ESCAPEN = re.compile('[&<>"\n\r\t]')


def _attribuut(waarde: str) -> str:
    if _TE_ESCAPEN.search(waarde) is None:  # the common case, checked in C
        return waarde
    for teken, entiteit in _IN_ATTRIBUUT.items():  # '&' first, so no entity is escaped twice
        waarde = waarde.replace(teken, entiteit)
    return waarde


RELATIES_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
EXTERN = ' TargetMode="External"'


def is_eigen_document(pad: Path) -> bool:
    """Was this existing file written by kaderdiff (a .docx whose description says so)? Only then may a command
    replace it."""
    try:
        with zipfile.ZipFile(pad) as archief:
            info = archief.getinfo("docProps/core.xml")
            if info.file_size > 1_000_000:
                return False
            return f"<dc:description>{GEMAAKT}</dc:description>".encode() in archief.read(info)
    except (OSError, KeyError, ValueError, EOFError, zipfile.BadZipFile, RuntimeError, NotImplementedError):
        return False
