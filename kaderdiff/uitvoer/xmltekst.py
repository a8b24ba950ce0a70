"""Text and attribute values written into XML by hand (kader XML in opmaak, WordprocessingML in the concept).

The same rules as the standard library's `xml.sax.saxutils.escape`/`quoteattr`, without importing that
module: it pulls in `urllib`, a noticeable part of the start-up of every command.
"""

from __future__ import annotations

import re

_TEKST = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_ATTRIBUUT = {**_TEKST, "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}
_IN_TEKST = re.compile("[&<>]")
_IN_ATTRIBUUT = re.compile("[&<>\n\r\t]")


def _vervang(tekst: str, tabel: dict[str, str], nodig: re.Pattern[str]) -> str:
    if nodig.search(tekst) is None:  # the common case, checked in C
        return tekst
    for teken, entiteit in tabel.items():  # '&' first (dicts keep their order), so no entity is escaped twice
        tekst = tekst.replace(teken, entiteit)
    return tekst


def escape(tekst: str) -> str:
    """Character data: &, < and > as entities."""
    return _vervang(tekst, _TEKST, _IN_TEKST)


def quoteattr(waarde: str) -> str:
    """An attribute value with its quotes: double quotes, or single quotes when the value holds a double one
    (and both as &quot; when it holds both); white space other than a space as character references."""
    tekst = _vervang(waarde, _ATTRIBUUT, _IN_ATTRIBUUT)
    if '"' not in tekst:
        return f'"{tekst}"'
    if "'" not in tekst:
        return f"'{tekst}'"
    return '"' + tekst.replace('"', "&quot;") + '"'
