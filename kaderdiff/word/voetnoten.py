"""Footnotes in Word: numbering the references a kader document writes and the footnotes part they point to.

A footnote reference is written with its text in an attribute (`revisies.noot_xml`), because the
runs of a paragraph are written before the document knows how many footnotes precede them. Once the
paragraphs are parsed, `Voetnoten.nummer` gives each reference the next id and keeps its text; at
the end `Voetnoten.schrijf` adds `word/footnotes.xml` (with the separator notes Word expects).
A reference inside a deleted run keeps its own footnote, so rejecting all revisions gives the old one.

Footnotes are numbered 1, 2, … and the comments (change numbers) after them: LibreOffice (7.4) leaves a
footnote empty when a comment has the same or a higher id, although the two are separate in OOXML.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from lxml import etree

from kaderdiff.uitvoer.xmltekst import escape
from kaderdiff.word.ns import NS_W_DECLARATIE, W
from kaderdiff.word.revisies import NOOTTEKST

VOETNOTEN_DEEL = "/word/footnotes.xml"
_SCHEIDING = ('<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
              'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
              '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
              'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>')


@dataclass
class Voetnoten:
    """The footnotes of one document, numbered in the order their references are written."""

    teksten: list[str] = field(default_factory=list)
    verwijzingen: list[Any] = field(default_factory=list)

    def nummer(self, elementen: Iterable[Any]) -> None:
        """Collect every new footnote reference in these parsed elements, in document order."""
        for el in elementen:
            for verwijzing in el.iter(f"{W}footnoteReference"):
                tekst = verwijzing.attrib.pop(NOOTTEKST, None)
                if tekst is None:
                    continue
                etree.cleanup_namespaces(verwijzing)  # the attribute's namespace declaration goes with it
                self.teksten.append(tekst)
                self.verwijzingen.append(verwijzing)

    def xml(self, eerste: int = 1) -> str:
        noten = "".join(
            f'<w:footnote w:id="{i}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
            f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:t xml:space="preserve"> {escape(tekst)}</w:t></w:r></w:p></w:footnote>'
            for i, tekst in enumerate(self.teksten, start=eerste))
        return f"<w:footnotes {NS_W_DECLARATIE}>{_SCHEIDING}{noten}</w:footnotes>"

    def schrijf(self, doc: DocxDocument) -> None:
        """Number the references and add the footnotes part (only when there are footnotes)."""
        if not self.teksten:
            return
        for i, verwijzing in enumerate(self.verwijzingen, start=1):
            verwijzing.set(f"{W}id", str(i))
        _schuif_opmerkingen(doc, len(self.teksten) + 1)
        deel = XmlPart(PackURI(VOETNOTEN_DEEL), CONTENT_TYPE.WML_FOOTNOTES, parse_xml(self.xml()),
                       doc.part.package)
        doc.part.relate_to(deel, RELATIONSHIP_TYPE.FOOTNOTES)


def _schuif_opmerkingen(doc: DocxDocument, eerste: int) -> None:
    """Renumber the comments from `eerste` on, in the body and in the comments part alike."""
    try:
        opmerkingen = doc.part.part_related_by(RELATIONSHIP_TYPE.COMMENTS)
    except KeyError:
        return
    nieuw: dict[str, str] = {}
    for opmerking in opmerkingen.element.iter(f"{W}comment"):  # type: ignore[attr-defined]
        nieuw[opmerking.get(f"{W}id")] = str(eerste + len(nieuw))
        opmerking.set(f"{W}id", nieuw[opmerking.get(f"{W}id")])
    for el in doc.element.body.iter(f"{W}commentRangeStart", f"{W}commentRangeEnd", f"{W}commentReference"):
        el.set(f"{W}id", nieuw.get(el.get(f"{W}id"), el.get(f"{W}id")))
