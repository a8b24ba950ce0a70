"""The plain text of a Word document's parts, for commands that only search it: the page headers and footers
(where kaderdiff writes 'Onze referentie KD-…'), and the body paragraph by paragraph."""

from __future__ import annotations

import re

from kaderdiff.bron.docxveilig import Docx
from kaderdiff.word.ns import W

_KOP_OF_VOET = re.compile(r"word/(header|footer)\d*\.xml")


def kop_en_voettekst(docx: Docx) -> str:
    """The text of every header and footer part, in part name order, one line per part."""
    teksten = []
    for naam, boom in sorted(docx.delen.items()):
        if _KOP_OF_VOET.fullmatch(naam):
            teksten.append("".join(t.text or "" for t in boom.getroot().iter(f"{W}t")))
    return "\n".join(teksten)


def alineateksten(docx: Docx) -> list[str] | None:
    """The text of every paragraph of the main document (tracked deletions left out); None when the package
    has no main document."""
    document = docx.deel("word/document.xml")
    if document is None:
        return None
    return ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in document.getroot().iter(f"{W}p")]
