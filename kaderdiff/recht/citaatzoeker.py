"""Finding law references in running Dutch text (a Ringen report, a Kamerbrief): `kaderdiff citaten`.

A reference here names an article and a law: "artikel 40 lid 4 Wpo", "art. 4c, eerste lid, onder b, van de
WPO", "de artikelen 8 en 9 van de WPO", "artikel 11 derde lid en in artikel 15 van de WOT". A law named
without an article ("volgens de WPO") is not a reference to a place in the law and is not reported;
neither is an article whose law is not named right after it ("artikel 8 van die wet").

How: every law name of the registry is found first (an abbreviation only with a capital, so "het web"
is not the WEB, and never inside a hyphenated word such as "WPO-raad"). From each name the words before
it are read backwards while they can belong to a citation (artikel, lid, rangtelwoorden, onder, numbers,
"van de", "en", commas); the longest stretch starting at "artikel" that the citation parser
(`citaten.parse`) reads completely is the reference. So anything the parser refuses is no hit, and the
finder never guesses a part of a reference.

A long text is searched one paragraph at a time (`alineas`): a reference never crosses an empty line (or, in
a Word document, a paragraph), and the paragraphs are read lazily, so time and memory grow with the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from kaderdiff.bron.wetregister import pakketregister
from kaderdiff.model.kader import Grondslag
from kaderdiff.model.wet import Wetregister
from kaderdiff.verwijzing.citeren import RANGTELWOORDEN, SLEUTELLETTERS, lees_proza, wetpatroon

_WOORD = re.compile(
    r"""
    (?=""" + SLEUTELLETTERS + r""")(?:
      (?P<art>artikelen|artikel|artt\.|art\.)(?!\w)
    | (?P<lid>leden|lid)(?!\w)
    | (?P<rang>""" + "|".join(sorted(RANGTELWOORDEN, key=len, reverse=True)) + r""")(?!\w)
    | (?P<onder>onderdelen|onderdeel|onder|sub)(?!\w)
    | (?P<van>van|de|het)(?!\w)
    | (?P<en>en)(?!\w)
    | (?P<in>in)(?!\w))
  | (?P<komma>[,;])
  | (?P<nummer>\d+[a-z]{0,2}(?:[.:]\d+[a-z]{0,2})*°?)(?![\w°])
  | (?P<letter>[a-z]{1,2})(?!\w)
  | (?P<rest>\w+|\S)
    """,
    re.VERBOSE | re.IGNORECASE,
)


#: How far before a law name a reference can start: a citation is a few dozen words at most, and reading
#: only this window keeps a long text without law names linear and cheap.
VENSTER = 600


#: One word of a candidate stretch: its kind (a group name of `_WOORD`), begin and end. A plain tuple: a dense
#: text has millions of words, and a tuple is made several times faster than a (frozen) dataclass.
Woord = tuple[str, int, int]
#: An empty line, with the line break before it: where one paragraph ends and the next begins.
_ALINEAGRENS = re.compile(r"\n(?:[^\S\n]*\n)+")


#: How the law of a reference was found: named in its sentence, taken from the text before it, or from the
#: document's heading.
ZIN, CONTEXT, KOP = "zin", "context", "kop"


@dataclass(frozen=True)
class Vondst:
    """One reference in the text: where (character offsets, end exclusive), as written, and what it cites;
    `wet_uit` says where its law came from (ZIN, CONTEXT or KOP)."""

    begin: int
    eind: int
    tekst: str
    grondslagen: tuple[Grondslag, ...]
    wet_uit: str = ZIN


@dataclass(frozen=True)
class Alinea:
    """A paragraph of a longer text: where its first character is in the whole text, and on which line."""

    tekst: str
    begin: int
    regel: int


def alineas(tekst: str) -> Iterator[Alinea]:
    """The paragraphs of a text, split at empty lines (a line of only spaces is empty too)."""
    begin, regel = 0, 1
    for grens in _ALINEAGRENS.finditer(tekst):
        yield Alinea(tekst[begin:grens.start()], begin, regel)
        regel += tekst.count("\n", begin, grens.end())
        begin = grens.end()
    yield Alinea(tekst[begin:], begin, regel)


def alineas_uit(delen: Iterable[str]) -> Iterator[Alinea]:
    """Paragraphs given one by one (a Word document's), as if joined by line breaks into one text."""
    begin, regel = 0, 1
    for deel in delen:
        yield Alinea(deel, begin, regel)
        begin += len(deel) + 1
        regel += deel.count("\n") + 1


def wetnamen_in(tekst: str, register: Wetregister | None = None) -> Iterator[re.Match[str]]:
    """Law names in the text; an abbreviation (one word) only when it starts with a capital."""
    patroon = wetpatroon(register if register is not None else pakketregister())
    return (m for m in patroon.finditer(tekst) if " " in m.group(0).strip() or m.group(0)[0].isupper())


def _woorden(tekst: str, begin: int, eind: int) -> list[Woord]:
    """The words of tekst[begin:eind] after the last one that cannot belong to a citation: only they can form
    the stretch.

    Read from the end in growing steps, each starting right after a space: no word contains a space, so the
    words from there are the words of the whole window from there, and once a word that ends the stretch is
    among them, nothing before it matters. Prose between two references is then not read word by word.
    """
    stap = 64
    while True:
        van = max(begin, eind - stap)
        while van > begin and not tekst[van - 1].isspace():
            van -= 1
        woorden: list[Woord] = []
        afgesloten = False
        for m in _WOORD.finditer(tekst, van, eind):
            soort = m.lastgroup or "rest"
            if soort == "rest":
                woorden.clear()
                afgesloten = True
            else:
                woorden.append((soort, m.start(), m.end()))
        if afgesloten or van == begin:
            return woorden
        stap *= 4


def _terug(woorden: list[Woord]) -> int:
    """Index of the first word of the longest citation-like stretch ending right before the law name."""
    k = len(woorden)
    while k > 0:
        soort = woorden[k - 1][0]
        if soort == "rest":
            break
        if soort == "in" and not (k < len(woorden) and woorden[k][0] == "art"):
            break
        k -= 1
    return k


def vind_citaten(tekst: str, register: Wetregister | None = None, peildatum: date | None = None) -> Iterator[Vondst]:
    """Every reference in `tekst` that names its law, in reading order (laws of `register`, the package's by
    default; a name several laws carried in turn is read as of `peildatum`)."""
    grens = 0
    for wet in wetnamen_in(tekst, register):
        woorden = _woorden(tekst, max(grens, wet.start() - VENSTER), wet.start())
        grens = wet.end()
        for soort, begin, _ in woorden[_terug(woorden):]:
            if soort != "art":
                continue
            stuk = tekst[begin:wet.end()]
            gelezen = lees_proza(stuk, register, peildatum)
            if gelezen is not None:
                yield Vondst(begin, wet.end(), stuk, tuple(gelezen))
                break


def regel_kolom(tekst: str, positie: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    return Regels(tekst).plaats(positie)


class Regels:
    """Line starts of a text, once, so many offsets map to line and column without rescanning the text."""

    def __init__(self, tekst: str) -> None:
        self.begin = [0, *(m.end() for m in re.finditer("\n", tekst))]

    def plaats(self, positie: int) -> tuple[int, int]:
        regel = bisect_right(self.begin, positie)
        return regel, positie - self.begin[regel - 1] + 1
