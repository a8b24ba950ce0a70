"""Paragraphs written as WordprocessingML text that stay text until the document is saved.

A kader's body is written as text (`word.kaderdocument`). Parsing that text into elements only for python-docx to
serialise them again when the document is saved cost a kader document a tenth of its time. So the text is kept
aside (`Tekststukken`) and a processing instruction, `<?kaderdiff-tekst N?>`, holds its place in the body; when
the document is saved, `Tekststukken.vul_in` puts the text itself in that place in the saved part. The bytes are
those of the parsed and serialised elements, because the text is written the way lxml writes it (the same
escaping, double quotes, empty elements closed in themselves, no namespace declarations of its own).

Text that another step must still find as elements (the title, before which the table of contents goes; a
paragraph with a footnote reference, which gets its number) is parsed as before; `Tekststukken.ontleed_alle`
parses every piece when a later step must see the whole body (renumbering the comments after footnotes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from kaderdiff.uitvoer.xmltekst import escape
from kaderdiff.word.ns import NS_W_DECLARATIE, W

DOEL = "kaderdiff-tekst"
_BEGIN = f"<?{DOEL} ".encode()
_EINDE = b"?>"
_TEKEN = re.compile("([\t\r\n])")


def tekst_run(tekst: str, opmaak: str = "") -> str:
    """A run of any text as python-docx's `add_run` writes it: a tab as w:tab, a line break as w:br."""
    inhoud = []
    for stuk in _TEKEN.split(tekst):
        if stuk == "\t":
            inhoud.append("<w:tab/>")
        elif stuk in ("\r", "\n"):
            inhoud.append("<w:br/>")
        elif stuk:
            bewaar = ' xml:space="preserve"' if stuk != stuk.strip() else ""
            inhoud.append(f"<w:t{bewaar}>{escape(stuk)}</w:t>")
    eigenschappen = f"<w:rPr>{opmaak}</w:rPr>" if opmaak else ""
    return f"<w:r>{eigenschappen}{''.join(inhoud)}</w:r>"


def elementen(xml: str) -> list[Any]:
    """Parse WordprocessingML elements written as text (namespace w)."""
    return list(etree.fromstring(f"<w:stukken {NS_W_DECLARATIE}>{xml}</w:stukken>"))


def aan_het_eind(doc: Any, xml: str) -> None:
    """Paragraphs written as text, parsed in one go and put at the end of the body of a python-docx document
    (before its sectPr, as `add_paragraph` puts each)."""
    body = doc.element.body
    sectie = body.find(W + "sectPr")
    plek = len(body) if sectie is None else body.index(sectie)
    body[plek:plek] = elementen(xml)


@dataclass
class Tekststukken:
    """The pieces of one body that are still text; each stands in the body as `<?kaderdiff-tekst N?>`."""

    teksten: list[str] = field(default_factory=list)

    def stuk(self, xml: str) -> Any:
        """The place of `xml` (one or more body elements) in the body."""
        self.teksten.append(xml)
        return etree.ProcessingInstruction(DOEL, str(len(self.teksten) - 1))

    def ontleed_alle(self, ouder: Any) -> None:
        """Every piece below `ouder` replaced by its parsed elements, in place."""
        for knoop in [k for k in ouder if isinstance(k, etree._ProcessingInstruction) and k.target == DOEL]:
            plek = ouder.index(knoop)
            ouder[plek:plek + 1] = elementen(self.teksten[int(knoop.text)])

    def vul_in(self, deel: bytes) -> bytes:
        """The serialised part with every piece's text in its place."""
        begin = deel.find(_BEGIN)
        if begin < 0:
            return deel
        uit: list[bytes] = []
        vanaf = 0
        while begin >= 0:
            einde = deel.index(_EINDE, begin)
            uit += (deel[vanaf:begin], self.teksten[int(deel[begin + len(_BEGIN):einde])].encode("utf-8"))
            vanaf = einde + len(_EINDE)
            begin = deel.find(_BEGIN, vanaf)
        uit.append(deel[vanaf:])
        return b"".join(uit)
