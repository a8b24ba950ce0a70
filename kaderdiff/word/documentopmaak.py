"""Documents whose layout is made once per process: page, styles, header and footer (`opgemaakt_document`).

python-docx made the header and footer parts, their runs and the styles for each of a pack's 32 documents again:
two of the three milliseconds of an empty kader document. Here an `Opmaak` makes them once, with a placeholder for
each text, and each document is a copy with the placeholders filled in.
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Callable
from datetime import datetime
from typing import TypeAlias

from docx.document import Document as DocxDocument

from kaderdiff.word.document import liggend, met_eigenschappen, paginanummers, sjabloonkopie

#: A document's layout: page, styles, header and footer, made by python-docx; its texts (a reference, a title)
#: come from the function it is given (`opgemaakt_document`).
Opmaak: TypeAlias = Callable[[DocxDocument, Callable[[str], str]], None]


def opgemaakt_document(titel: str, moment: datetime, onderwerp: str, opmaak: Opmaak,
                       teksten: dict[str, str]) -> DocxDocument:
    """`nieuw_document` with the layout `opmaak` makes, its texts `teksten` (name -> text).

    The layout is made once per process, with a placeholder for each text; each document is a copy. The same
    bytes: a placeholder is filled in through the run's text, which python-docx writes as it wrote the text in the
    first place (a tab or a line break as an element of its own; tests/word/test_opmaak.py)."""
    doc = met_eigenschappen(copy.deepcopy(_opgemaakt_sjabloon(opmaak)), titel, moment, onderwerp)
    for sectie in doc.sections:
        for deel in (sectie.header, sectie.footer):
            for alinea in () if deel.is_linked_to_previous else deel.paragraphs:
                for run in alinea.runs:
                    if _PLEK in run.text:
                        run.text = _PLEKNAAM.sub(lambda m: teksten[m.group(1)], run.text)
    return doc


def liggend_genummerd(doc: DocxDocument, tekst: Callable[[str], str]) -> None:
    """The layout of a table document (the Staat, the reactieformulier): landscape, the footer with its
    reference (`tekst("kenmerk")`) and page numbers (an `Opmaak`)."""
    liggend(doc)
    paginanummers(doc, tekst("kenmerk"))


#: A placeholder for a text of an `Opmaak`: private-use characters around its name (a text holding such characters
#: itself is filled in as it is: each placeholder is replaced once).
_PLEK = "\ue000"
_PLEKNAAM = re.compile("\ue000(\\w+)\ue001")


def _plek(naam: str) -> str:
    return f"{_PLEK}{naam}\ue001"


@functools.cache
def _opgemaakt_sjabloon(opmaak: Opmaak) -> DocxDocument:
    """The template with the layout `opmaak` makes and placeholders for its texts (once per process and layout;
    never handed out itself, only copies)."""
    doc = sjabloonkopie()
    opmaak(doc, _plek)
    return doc
