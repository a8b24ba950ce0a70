"""Paragraphs written as WordprocessingML text that stay text until the document is saved.

A kader's body is written as text (`word.kaderdocument`). Parsing that text into elements only for python-docx to
serialise them again when the document is saved cost a kader document a tenth of its time. So the text goes
into the body as a processing instruction, `<?kaderdiff-tekst …?>`, that holds it; `vul_in` puts the text itself in
its place in the saved part, and the bytes are those of the parsed and serialised elements, because the text is
written the way lxml writes it (the same escaping, double quotes, no namespace declarations of its own).

Text that another step must still find as elements (the title, before which the table of contents goes; a paragraph
with a footnote reference, which gets its number) is parsed as before; `ontleed_alle` parses every piece when a
later step must see the whole body (renumbering the comments after footnotes).
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from kaderdiff.word.ns import NS_W_DECLARATIE

DOEL = "kaderdiff-tekst"
_BEGIN = f"<?{DOEL} ".encode()
_EINDE = b"?>"


def elementen(xml: str) -> list[Any]:
    """Parse WordprocessingML elements written as text (namespace w)."""
    return list(etree.fromstring(f"<w:stukken {NS_W_DECLARATIE}>{xml}</w:stukken>"))


def als_stuk(xml: str) -> Any:
    """The text of one or more body elements as a piece of the body (a processing instruction)."""
    return etree.ProcessingInstruction(DOEL, xml)


def is_stuk(knoop: Any) -> bool:
    return isinstance(knoop, etree._ProcessingInstruction) and knoop.target == DOEL


def ontleed_alle(ouder: Any) -> None:
    """Every piece below `ouder` replaced by its parsed elements, in place."""
    for stuk in [k for k in ouder if is_stuk(k)]:
        plek = ouder.index(stuk)
        ouder[plek:plek + 1] = elementen(stuk.text)


def vul_in(deel: bytes) -> bytes:
    """A serialised part with every piece's text in its place (the text holds no `?>`: XML written as lxml writes
    it escapes every `>` in text and values, and a tag's `>` never follows a `?`)."""
    begin = deel.find(_BEGIN)
    if begin < 0:
        return deel
    stukken: list[bytes] = []
    vanaf = 0
    while begin >= 0:
        einde = deel.index(_EINDE, begin)
        stukken += (deel[vanaf:begin], deel[begin + len(_BEGIN):einde])
        vanaf = einde + len(_EINDE)
        begin = deel.find(_BEGIN, vanaf)
    stukken.append(deel[vanaf:])
    return b"".join(stukken)
