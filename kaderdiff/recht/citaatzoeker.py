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
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from kaderdiff.bron.wetregister import pakketregister
from kaderdiff.fouten import KaderdiffFout
from kaderdiff.model.kader import Grondslag
from kaderdiff.model.wet import Wetregister
from kaderdiff.verwijzing.citeren import RANGTELWOORDEN, parse, wetpatroon

_WOORD = re.compile(
    r"""
    (?P<art>artikelen|artikel|artt\.|art\.)(?!\w)
  | (?P<lid>leden|lid)(?!\w)
  | (?P<rang>""" + "|".join(sorted(RANGTELWOORDEN, key=len, reverse=True)) + r""")(?!\w)
  | (?P<onder>onderdelen|onderdeel|onder|sub)(?!\w)
  | (?P<van>van|de|het)(?!\w)
  | (?P<en>en)(?!\w)
  | (?P<in>in)(?!\w)
  | (?P<komma>[,;])
  | (?P<nummer>\d+[a-z]{0,2}(?:[.:]\d+[a-z]{0,2})*°?)(?![\w°])
  | (?P<letter>[a-z]{1,2})(?!\w)
  | (?P<rest>\w+|\S)
    """,
    re.VERBOSE | re.IGNORECASE,
)
_LID_LIJST = re.compile(r"\blid(\s+\d+[a-z]?(?:\s*,\s*\d+[a-z]?)*\s+en\s+\d)", re.IGNORECASE)
_IN_VOOR_ARTIKEL = re.compile(r"(?:(?<=\ben)|(?<=,))(\s+in)(?=\s+(?:artikel|art\.))", re.IGNORECASE)


#: How far before a law name a reference can start: a citation is a few dozen words at most, and reading
#: only this window keeps a long text without law names linear and cheap.
VENSTER = 600


@dataclass(frozen=True)
class Woord:
    soort: str
    begin: int
    eind: int


@dataclass(frozen=True)
class Vondst:
    """One reference in the text: where (character offsets, end exclusive), as written, and what it cites."""

    begin: int
    eind: int
    tekst: str
    grondslagen: tuple[Grondslag, ...]


def wetnamen_in(tekst: str, register: Wetregister | None = None) -> list[re.Match[str]]:
    """Law names in the text; an abbreviation (one word) only when it starts with a capital."""
    patroon = wetpatroon(register if register is not None else pakketregister())
    return [m for m in patroon.finditer(tekst) if " " in m.group(0).strip() or m.group(0)[0].isupper()]


def _woorden(tekst: str, begin: int, eind: int) -> list[Woord]:
    return [Woord(m.lastgroup or "rest", m.start(), m.end()) for m in _WOORD.finditer(tekst, begin, eind)]


def _terug(woorden: list[Woord]) -> int:
    """Index of the first word of the longest citation-like stretch ending right before the law name."""
    k = len(woorden)
    while k > 0:
        w = woorden[k - 1]
        if w.soort == "rest":
            break
        if w.soort == "in" and not (k < len(woorden) and woorden[k].soort == "art"):
            break
        k -= 1
    return k


def _lees(stuk: str, register: Wetregister | None = None) -> list[Grondslag] | None:
    """The grondslagen of a candidate stretch, or None when the parser does not read all of it."""
    pogingen = [_IN_VOOR_ARTIKEL.sub("", stuk)]
    # Prose uses the singular where a list follows ('artikel 8 en 9 van de WPO', 'lid 1 en 2'): the plural is meant.
    meervoud = _LID_LIJST.sub(r"leden\1", pogingen[0])
    if re.match(r"artikel\s", meervoud, re.IGNORECASE):
        meervoud = "artikelen" + meervoud[len("artikel"):]
    if meervoud != pogingen[0]:
        pogingen.append(meervoud)
    for poging in pogingen:
        try:
            gevonden = parse(poging, register)
        except KaderdiffFout:
            continue
        if gevonden and all(g.artikel for g in gevonden):
            return gevonden
    return None


def zoek_citaten(tekst: str, register: Wetregister | None = None) -> list[Vondst]:
    """Every law reference in `tekst`, in reading order (laws of `register`, the package's by default)."""
    uit: list[Vondst] = []
    grens = 0
    for wet in wetnamen_in(tekst, register):
        woorden = _woorden(tekst, max(grens, wet.start() - VENSTER), wet.start())
        grens = wet.end()
        run = woorden[_terug(woorden):]
        for woord in (w for w in run if w.soort == "art"):
            stuk = tekst[woord.begin:wet.end()]
            gelezen = _lees(stuk, register)
            if gelezen is not None:
                uit.append(Vondst(woord.begin, wet.end(), stuk, tuple(gelezen)))
                break
    return uit


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


def lees_verwijzingen(tekst: str, register: Wetregister | None = None) -> list[Grondslag]:
    """One or more references typed by a user (`herleid --artikel`): the strict parser first, then the
    prose forms the finder also reads ('… en in artikel 15 van de WOT', 'lid 1 en 2'); else the parser's error."""
    try:
        return parse(tekst, register)
    except KaderdiffFout as fout:
        gelezen = _lees(" ".join(tekst.split()), register)
        if gelezen is None:
            raise fout from None
        return gelezen
