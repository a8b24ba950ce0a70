"""The frame of a kader document around the kader itself: a table of contents under the title, a colofon as its
last page, and a mark 'CONCEPT' in the page header of a concept.

The table of contents is a TOC field in a content control, as Word writes it. Word fills it in when the document
opens (the field is marked dirty); LibreOffice fills it in when the pack converts the document (the macro
updates every index before it exports the PDF and the ODT). Until then it says how to fill it in. The content
control lets a reader of the document (the Word importer) pass it by, as it passes a table of contents of any
Word kader.
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from kaderdiff.uitvoer.xmltekst import escape
from kaderdiff.word.document import ROOD, TAB, sjabloonstijl
from kaderdiff.word.ns import INHOUDSOPGAVE as GALERIJ
from kaderdiff.word.ns import W
from kaderdiff.word.tekststuk import aan_het_eind, elementen, tekst_run

#: The heading levels the table of contents lists: chapters and paragraphs, waarderingskaders and standards.
NIVEAUS = "1-3"
KOP = "Inhoud"
VOORLOPIG = ("De inhoudsopgave verschijnt als de velden worden bijgewerkt (Word doet dat bij het openen; "
             "LibreOffice: Extra > Bijwerken > Alles bijwerken).")


def _inhoudsopgave_xml() -> str:
    kop = (f'<w:p><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/></w:pPr>'
           f'<w:r><w:rPr><w:b/><w:sz w:val="28"/></w:rPr><w:t>{KOP}</w:t></w:r></w:p>')
    veld = (f'<w:p><w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> TOC \\o "{NIVEAUS}" \\h \\z \\u </w:instrText></w:r>'
            f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f'<w:r><w:rPr><w:i/></w:rPr><w:t>{escape(VOORLOPIG)}</w:t></w:r>'
            f'<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')
    return (f'<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="{GALERIJ}"/><w:docPartUnique/>'
            f'</w:docPartObj></w:sdtPr><w:sdtContent>{kop}{veld}</w:sdtContent></w:sdt>')


def inhoudsopgave(doc: DocxDocument) -> None:
    """A table of contents right after the body's first paragraph (the kader's title)."""
    eerste = doc.element.body.find(f"{W}p")
    sdt = elementen(_inhoudsopgave_xml())[0]
    if eerste is None:
        doc.element.body.insert(0, sdt)
    else:
        eerste.addnext(sdt)


def conceptmerk(doc: DocxDocument, tekst: str = "CONCEPT") -> None:
    """A mark on every page: `tekst` large, bold and red at the top right of the page header (before what the
    header already says)."""
    kop = doc.sections[0].header.paragraphs[0]
    merk = kop.insert_paragraph_before()
    merk.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    merk.paragraph_format.space_after = Pt(2)
    run = merk.add_run(tekst)
    run.bold = True
    run.font.size = Pt(14)
    run.font.color.rgb = ROOD


def colofon(doc: DocxDocument, regels: Sequence[tuple[str, str]]) -> None:
    """The last page: what the document is, made from which versions (with their commits) and when; each line a
    label and its text, the text indented under itself. Written as text, as python-docx writes it: its
    `add_paragraph` and formatting search the body (the whole kader) for each element they add."""
    inspringing = Cm(4).twips
    eigenschappen = (f'<w:pPr><w:tabs><w:tab w:pos="{inspringing}" w:val="left"/></w:tabs>'
                     f'<w:spacing w:after="{Pt(3).twips}"/><w:ind w:left="{inspringing}" w:hanging="{inspringing}"/>'
                     "</w:pPr>")
    kop = (f'<w:p><w:pPr><w:pStyle w:val="{sjabloonstijl("Heading 1")}"/><w:pageBreakBefore/></w:pPr>'
           f'{tekst_run("Colofon")}</w:p>')
    alineas = [f"<w:p>{eigenschappen}{tekst_run(label + TAB, '<w:b/>')}{tekst_run(waarde)}</w:p>"
               for label, waarde in regels]
    aan_het_eind(doc, kop + "".join(alineas))

