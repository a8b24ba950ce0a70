"""Dutch legal citations in running text <-> structured `Grondslag`en.

`parse("artikel 11, derde lid, en artikel 15 van de WOT")` gives two grondslagen;
`citeer(g)` writes the canonical form ("artikel 7.2.4a, eerste lid, van de WEB") that
`parse` reads back unchanged. A nested onderdeel is one grondslag, as a jurist writes it:
"onder b, 1°" (item 1° of onderdeel b) gives onderdeel 'b, 1°'. Law names come from a
`Wetregister` (the package's by default; a kadermap may add its own laws). Anything the parser
does not fully understand raises `KaderdiffFout` with a Dutch explanation: a wrong reference is
worse than none.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from kaderdiff.bron.wetregister import pakketregister
from kaderdiff.fouten import KaderdiffFout
from kaderdiff.model.grondslag import Grondslag
from kaderdiff.model.wet import Wetregister

RANGTELWOORDEN = (
    "eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste", "negende", "tiende",
    "elfde", "twaalfde", "dertiende", "veertiende", "vijftiende", "zestiende", "zeventiende", "achttiende",
    "negentiende", "twintigste",
)
_RANG = {woord: str(i) for i, woord in enumerate(RANGTELWOORDEN, start=1)}
#: The letters the words of a reference (artikel, lid, eerste, onder, sub, van, de, het, en, in) begin with. Put
#: in front of those alternatives, most other words skip them at once: a third faster on long texts.
SLEUTELLETTERS = "[" + "".join(sorted({w[0] for w in (*RANGTELWOORDEN, "artikel", "leden", "lid", "onder",
                                                         "sub", "van", "de", "het", "en", "in")})) + "]"

# The patterns below are compiled on first use (re keeps them in its cache): `controleer` imports this module to
# cite grondslagen, and never parses one.
_TOKEN = (
    r"""
    (?=""" + SLEUTELLETTERS + r""")(?:
      (?P<art>artikelen|artikel|artt\.|art\.|art)(?![\w])
    | (?P<lid>leden|lid)(?![\w])
    | (?P<rang>""" + "|".join(sorted(RANGTELWOORDEN, key=len, reverse=True)) + r""")(?![\w])
    | (?P<onder>onderdelen|onderdeel|onder|sub)(?![\w])
    | (?P<van>van\s+(?:de|het)|van|de|het)(?![\w])
    | (?P<en>en)(?![\w]))
  | (?P<komma>[,;])
  | (?P<nummer>\d+[a-z]{0,2}(?:[.:]\d+[a-z]{0,2})*)(?![\w°])
  | (?P<letter>[a-z]{1,2}(?![\w])|\d+°)
  | (?P<rest>\S+)
    """
)

_ARTIKEL = r"^\d+[a-z]{0,2}(?:[.:]\d+[a-z]{0,2})*$"
_LID = r"^\d+[a-z]{0,2}$"
_ONDERDEEL = r"^(?:[a-z]{1,2}|\d+°?)$"
_GRAAD = r"^\d+°$"


TYPE_CHECKING = False  # not `typing`: `herleid` loads nothing else that imports it (tests/cli/test_opstart.py)
if TYPE_CHECKING:
    from typing import NamedTuple

    class _Token(NamedTuple):
        """A named tuple: `kaderdiff citaten` makes one per word of every candidate, a dataclass is slower to make.
        At run time `collections.namedtuple` with the same fields (as `fouten.Melding`)."""

        soort: str
        tekst: str
else:
    from collections import namedtuple

    _Token = namedtuple("_Token", ("soort", "tekst"))


@cache
def wetpatroon(register: Wetregister) -> re.Pattern[str]:
    """Every code, alias and full name of the registry, longest first, as whole words."""
    namen: set[str] = set()
    for wet in register.wetten:
        namen.update((wet.code, wet.naam, *wet.aliassen))
    delen = sorted(namen, key=len, reverse=True)
    alternatieven = "|".join(r"\s+".join(re.escape(w) for w in naam.split()) for naam in delen)
    # The first letters up front let the regex engine pass most places of a long text at once (3x faster).
    eerste = "".join(sorted({re.escape(naam.split()[0][0]) for naam in delen if naam.split()}))
    vooraf = f"(?=[{eerste}])" if eerste and all(naam.split() for naam in delen) else ""
    return re.compile(rf"{vooraf}(?<![\w-])(?:{alternatieven})(?![\w-])", re.IGNORECASE)


def _wetcode(naam: str, register: Wetregister, peildatum: date | None = None) -> str:
    wet = register.zoek(naam, peildatum)
    if wet is not None:
        return wet.code
    raise KaderdiffFout(f"Onbekende wet '{naam}'")  # pragma: no cover - the pattern only finds known names


def _fout(tekst: str, reden: str) -> KaderdiffFout:
    return KaderdiffFout(f"Kan de verwijzing '{tekst}' niet lezen: {reden}")


def _tokens(stuk: str) -> list[_Token]:
    uit = []
    for m in re.finditer(_TOKEN, stuk, re.VERBOSE | re.IGNORECASE):
        soort = m.lastgroup or "rest"
        uit.append(_Token(soort, m.group(soort)))
    return uit


class _Lezer:
    """Recursive-descent reader over the tokens of one segment (the references before one law name)."""

    def __init__(self, tokens: list[_Token], tekst: str) -> None:
        self.tokens = tokens
        self.pos = 0
        self.tekst = tekst

    def kijk(self, verder: int = 0) -> _Token | None:
        i = self.pos + verder
        return self.tokens[i] if i < len(self.tokens) else None

    def soort(self, verder: int = 0) -> str:
        t = self.kijk(verder)
        return t.soort if t else ""

    def neem(self) -> _Token:
        t = self.tokens[self.pos]
        self.pos += 1
        return t

    def hier(self) -> str:
        """The text of the current token, for messages."""
        t = self.kijk()
        return t.tekst if t else "niets"

    def sla_komma_over(self) -> None:
        while self.soort() == "komma":
            self.pos += 1

    def fout(self, reden: str) -> KaderdiffFout:
        return _fout(self.tekst, reden)

    # -- grammar ---------------------------------------------------------------
    def verwijzingen(self) -> list[tuple[str, list[str], list[str]]]:
        """(artikel, leden, onderdelen) for every article in the segment."""
        artikelen: list[tuple[str, list[str], list[str]]] = []
        while self.soort() in ("komma", "en"):
            self.pos += 1
        if self.soort() == "van":
            self.pos += 1
        if self.soort() == "":
            return []
        if self.soort() != "art":
            raise self.fout(f"verwacht 'artikel' maar vond '{self.hier()}'")
        while self.soort() == "art":
            meervoud = self.neem().tekst.lower() in ("artikelen", "artt.")
            artikelen.append(self.artikel())
            while True:
                # After an article: ', en artikel …' starts a new reference; under 'artikelen'
                # a bare number after ',' or 'en' is another article.
                begin = self.pos
                while self.soort() in ("komma", "en"):
                    self.pos += 1
                if self.soort() == "nummer" and meervoud:
                    artikelen.append(self.artikel())
                    continue
                if self.soort() == "art":
                    break
                self.pos = begin
                break
            if self.soort() != "art":
                break
        self.sla_komma_over()
        if self.soort() == "van":
            self.pos += 1
        if self.kijk() is not None:
            raise self.fout(f"onverwacht '{self.hier()}'")
        return artikelen

    def artikel(self) -> tuple[str, list[str], list[str]]:
        if self.soort() != "nummer" or not re.match(_ARTIKEL, self.hier(), re.IGNORECASE):
            raise self.fout(f"na 'artikel' hoort een artikelnummer (zoals 7.2.4a of 40), niet '{self.hier()}'")
        nummer = self.neem().tekst.lower()
        leden: list[str] = []
        onderdelen: list[str] = []
        while True:
            begin = self.pos
            self.sla_komma_over()
            if self.soort() in ("rang", "lid") and not leden:
                leden = self.leden()
            elif self.soort() == "onder" and not onderdelen:
                onderdelen = self.onderdelen()
            else:
                self.pos = begin
                break
        return nummer, leden, onderdelen

    def leden(self) -> list[str]:
        if self.soort() == "lid":
            meervoud = self.neem().tekst.lower() == "leden"
            leden = [self.lidnummer()]
            while meervoud and self.soort() in ("komma", "en") and self.soort(1) == "nummer":
                self.pos += 1
                leden.append(self.lidnummer())
            return leden
        leden = [_RANG[self.neem().tekst.lower()]]
        while self.soort() in ("komma", "en") and self.soort(1) == "rang":
            self.pos += 1
            leden.append(_RANG[self.neem().tekst.lower()])
        if self.soort() != "lid":
            raise self.fout(f"na '{RANGTELWOORDEN[int(leden[-1]) - 1]}' hoort 'lid'")
        self.pos += 1
        return leden

    def lidnummer(self) -> str:
        gevonden = self.kijk()
        if gevonden is None or gevonden.soort != "nummer" or not re.match(_LID, gevonden.tekst, re.IGNORECASE):
            raise self.fout(f"na 'lid' hoort een lidnummer (zoals 2 of 2c), niet "
                            f"'{gevonden.tekst if gevonden else 'niets'}'")
        self.pos += 1
        return gevonden.tekst.lower()

    def onderdelen(self) -> list[str]:
        """'onder a en b' -> [a, b]; 'onder b, 1° en 2°' -> ['b, 1°', 'b, 2°']; 'onderdeel c, onder 1°' -> ['c, 1°']."""
        self.neem()
        onderdelen: list[str] = []
        hoofd = ""  # the lettered onderdeel that following '1°'-items belong to
        eerste = True
        while True:
            if not eerste:
                begin = self.pos
                while self.soort() in ("komma", "en"):
                    self.pos += 1
                if self.soort() == "onder" and hoofd and self._graad(1):
                    self.pos += 1
                if self.soort() != "letter":
                    self.pos = begin
                    return onderdelen
            deel = self.onderdeelletter()
            eerste = False
            if re.match(_GRAAD, deel) and hoofd:
                onderdelen.append(f"{hoofd}, {deel}")
            else:
                hoofd = "" if re.match(_GRAAD, deel) else deel
                onderdelen.append(deel)
                if hoofd and self._sub_volgt():
                    onderdelen[-1] = f"{hoofd}, {self._sub()}"

    def _graad(self, verder: int = 0) -> bool:
        t = self.kijk(verder)
        return t is not None and t.soort == "letter" and bool(re.match(_GRAAD, t.tekst))

    def _sub_volgt(self) -> bool:
        """After a lettered onderdeel: ', 1°' or ', onder 1°' names an item of it."""
        verder = 1 if self.soort() == "komma" else 0
        if self.soort(verder) == "onder":
            verder += 1
        return self._graad(verder)

    def _sub(self) -> str:
        if self.soort() == "komma":
            self.pos += 1
        if self.soort() == "onder":
            self.pos += 1
        return self.onderdeelletter()

    def onderdeelletter(self) -> str:
        gevonden = self.kijk()
        if (gevonden is None or gevonden.soort not in ("letter", "nummer")
                or not re.match(_ONDERDEEL, gevonden.tekst, re.IGNORECASE)):
            raise self.fout(f"na 'onder'/'onderdeel'/'sub' hoort een onderdeel (zoals a), niet "
                            f"'{gevonden.tekst if gevonden else 'niets'}'")
        self.pos += 1
        return gevonden.tekst.lower()


def parse(tekst: str, register: Wetregister | None = None, peildatum: date | None = None) -> list[Grondslag]:
    """All grondslagen cited in a phrase, in reading order; raises `KaderdiffFout` when unreadable. A law name
    several laws carried in turn ('Wvo') is the one in force on `peildatum` (without one: the current law)."""
    register = register if register is not None else pakketregister()
    schoon = " ".join(tekst.split())
    if not schoon:
        raise _fout(tekst, "de tekst is leeg")
    resultaat: list[Grondslag] = []
    vorige = 0
    for m in wetpatroon(register).finditer(schoon):
        code = _wetcode(m.group(0), register, peildatum)
        segment = schoon[vorige:m.start()]
        vorige = m.end()
        artikelen = _Lezer(_tokens(segment), schoon).verwijzingen()
        if not artikelen:
            resultaat.append(Grondslag(code))
        for artikel, leden, onderdelen in artikelen:
            for lid in leden or [""]:
                for onderdeel in onderdelen or [""]:
                    resultaat.append(Grondslag(code, artikel, lid, onderdeel))
    rest = schoon[vorige:].strip(" .;,")
    if rest:
        if resultaat:
            raise _fout(tekst, f"'{rest}' staat na de laatste wet en hoort bij geen bekende wet")
        raise _fout(tekst, "er staat geen bekende wet in (bekend: " + ", ".join(sorted(register)) + ")")
    return resultaat


def parse_een(tekst: str, register: Wetregister | None = None) -> Grondslag:
    """Exactly one grondslag (for command options such as --artikel)."""
    gevonden = parse(tekst, register)
    if len(gevonden) != 1:
        raise _fout(tekst, f"verwacht één verwijzing, gevonden: {len(gevonden)}")
    return gevonden[0]


#: Prose writes the singular where a list follows ('lid 1 en 2') and 'en in' between two articles.
_LID_LIJST = r"\blid(\s+\d+[a-z]?(?:\s*,\s*\d+[a-z]?)*\s+en\s+\d)"
_IN_VOOR_ARTIKEL = r"(?:(?<=\ben)|(?<=,))(\s+in)(?=\s+(?:artikel|art\.))"


def lees_proza(stuk: str, register: Wetregister | None = None,
               peildatum: date | None = None) -> list[Grondslag] | None:
    """The grondslagen of a reference as prose writes it ('artikel 8 en 9 van de WPO', '… en in artikel 15 van de
    WOT'), or None when the parser does not read all of it."""
    pogingen = [re.sub(_IN_VOOR_ARTIKEL, "", stuk, flags=re.IGNORECASE)]
    # Prose uses the singular where a list follows ('artikel 8 en 9 van de WPO', 'lid 1 en 2'): the plural is meant.
    meervoud = re.sub(_LID_LIJST, r"leden\1", pogingen[0], flags=re.IGNORECASE)
    if re.match(r"artikel\s", meervoud, re.IGNORECASE):
        meervoud = "artikelen" + meervoud[len("artikel"):]
    if meervoud != pogingen[0]:
        pogingen.append(meervoud)
    for poging in pogingen:
        try:
            gevonden = parse(poging, register, peildatum)
        except KaderdiffFout:
            continue
        if gevonden and all(g.artikel for g in gevonden):
            return gevonden
    return None


def lees_verwijzingen(tekst: str, register: Wetregister | None = None) -> list[Grondslag]:
    """One or more references typed by a user (`herleid --artikel`): the strict parser first, then the
    prose forms the finder of `kaderdiff citaten` also reads (`lees_proza`); else the parser's error."""
    try:
        return parse(tekst, register)
    except KaderdiffFout as fout:
        gelezen = lees_proza(" ".join(tekst.split()), register)
        if gelezen is None:
            raise fout from None
        return gelezen

def lid_tekst(lid: str) -> str:
    """'1' -> 'eerste lid', '21' -> 'lid 21', '2c' -> 'lid 2c'."""
    if lid.isdigit() and 1 <= int(lid) <= len(RANGTELWOORDEN):
        return f"{RANGTELWOORDEN[int(lid) - 1]} lid"
    return f"lid {lid}"


@cache
def wetnaam(code: str, register: Wetregister) -> str:
    """How a citation names a law: its code when readers write it so ('WEB', 'Wpo' for WPO), else the first of
    the names the registry gives for it ('WVO 1968' for WVO1968, 'Regeling Leerresultaten PO' for RLRPO): a
    registry code such as 'WVO1968' is no name a reader knows. Every such name is one the parser reads back."""
    wet = register.get(code)
    if wet is None or not wet.aliassen or code.casefold() in (a.casefold() for a in wet.aliassen):
        return code
    return wet.aliassen[0]


def citeer(g: Grondslag, register: Wetregister | None = None) -> str:
    """Canonical Dutch citation: 'artikel 27, tweede lid, onder c, van de WVO' (the law named by `wetnaam`, from
    `register`, by default the package's)."""
    wet = wetnaam(g.wet, register if register is not None else pakketregister())
    if not g.artikel:
        return f"de {wet}"
    delen = [f"artikel {g.artikel}"]
    if g.lid:
        delen.append(lid_tekst(g.lid))
    if g.onderdeel:
        delen.append(f"onder {g.onderdeel}")
    if len(delen) == 1:
        return f"{delen[0]} van de {wet}"
    return ", ".join(delen) + f", van de {wet}"
