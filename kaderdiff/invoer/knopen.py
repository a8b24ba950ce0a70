"""The kader as the importer builds it: a mutable tree that knows which children each part may hold.

The rules mirror the schema (kaderdiff/bron/schema/kader.xsd): a hoofdstuk holds text blocks until its
first paragraaf, a waarderingskader its kwaliteitsgebieden before its overige vereisten and beslisregels,
and so on. The builder asks `accepteert` before it places anything, so what it makes is always a valid
kader; what fits nowhere is reported, never dropped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, SupportsIndex, cast

from kaderdiff.model.kader import Fragment, GeenGrondslag, Grondslag, Soort

S = Soort
TEKSTBLOKKEN = frozenset({S.ALINEA, S.LIJST, S.TABEL})
_WERKWIJZE = frozenset({S.WOORD_VOORAF, S.ADDENDUM, S.HOOFDSTUK, S.PARAGRAAF, S.BIJLAGE})


FOUT = "fout"
WAARSCHUWING = "waarschuwing"


@dataclass(frozen=True)
class Opmerking:
    """Something the importer could not place as what it seems to be: where it is in the docx and why. A `fout`
    is what loses meaning (a legal basis that could not be attached); `importeer --streng` refuses on it."""

    plaats: str
    reden: str
    tekst: str = ""
    ernst: str = WAARSCHUWING

    def regel(self) -> str:
        tekst = self.tekst if len(self.tekst) <= 70 else self.tekst[:69] + "…"
        fout = "FOUT: " if self.ernst == FOUT else ""
        return f"{self.plaats}: {fout}{self.reden}" + (f": «{tekst}»" if tekst else "")


class Kinderen(list["Knoop"]):
    """The children of a part, counting them per kind: `heeft` is asked for every paragraph placed, so it must not
    walk the children (an import would grow with the square of the paragraphs). A child changes its kind with
    `Knoop.wordt`, which updates the count of the list it is in; a new list of children is a `Kinderen` too."""

    def __init__(self, knopen: Iterable[Knoop] = ()) -> None:
        super().__init__(knopen)
        self.aantal: Counter[Soort | None] = Counter()
        for knoop in self:
            self._neem(knoop)

    def _neem(self, knoop: Knoop) -> None:
        self.aantal[knoop.soort] += 1
        object.__setattr__(knoop, "_lijst", self)

    def _laat(self, knoop: Knoop) -> None:
        self.aantal[knoop.soort] -= 1
        if knoop.__dict__.get("_lijst") is self:
            object.__setattr__(knoop, "_lijst", None)

    def _opnieuw(self, eerder: list[Knoop]) -> None:
        """After a change by index or slice (rare): count again."""
        nu = {id(k) for k in self}
        for knoop in eerder:
            if id(knoop) not in nu and knoop.__dict__.get("_lijst") is self:
                object.__setattr__(knoop, "_lijst", None)
        self.aantal = Counter()
        for knoop in self:
            self._neem(knoop)

    def append(self, knoop: Knoop) -> None:
        super().append(knoop)
        self._neem(knoop)

    def extend(self, knopen: Iterable[Knoop]) -> None:
        nieuw = list(knopen)
        super().extend(nieuw)
        for knoop in nieuw:
            self._neem(knoop)

    def __iadd__(self, knopen: Iterable[Knoop]) -> Kinderen:  # type: ignore[override,misc]
        self.extend(knopen)
        return self

    def insert(self, index: SupportsIndex, knoop: Knoop) -> None:
        super().insert(index, knoop)
        self._neem(knoop)

    def remove(self, knoop: Knoop) -> None:
        super().remove(knoop)
        self._laat(knoop)

    def pop(self, index: SupportsIndex = -1) -> Knoop:
        knoop = super().pop(index)
        self._laat(knoop)
        return knoop

    def clear(self) -> None:
        eerder = list(self)
        super().clear()
        self._opnieuw(eerder)

    def __setitem__(self, index: Any, waarde: Any) -> None:
        eerder = list(self)
        super().__setitem__(index, waarde)
        self._opnieuw(eerder)

    def __delitem__(self, index: Any) -> None:
        eerder = list(self)
        super().__delitem__(index)
        self._opnieuw(eerder)


@dataclass(eq=False)
class Knoop:
    """One element of the kader being built (soort None: the kader itself)."""

    soort: Soort | None
    nummer: str = ""
    titel: str = ""
    inhoud: tuple[Fragment, ...] = ()
    grondslagen: list[Grondslag] = field(default_factory=list)
    geen: GeenGrondslag | None = None
    kenmerk: str = ""
    kinderen: list[Knoop] = field(default_factory=Kinderen)
    plaats: str = ""
    diepte: int = 0  # for a paragraaf: how deep it is numbered (7.5.2 -> 3)
    heeft_grondslagregel: bool = False  # an eis whose 'Wettelijke grondslag: …' line was read
    omgezet: bool = False  # a list made of list items first taken for eisen (kaderdiff's own documents)
    herkomst: str = ""  # for an eis: what it was in Word ('alinea', 'opsomming', 'genummerd', 'tabel')
    gemeld: bool = False  # for an eis: a fout about its legal basis is in the report already
    grondslagregels: list[tuple[Fragment, ...]] = field(default_factory=list)  # the lines its grondslag came from
    met_noten: tuple[Fragment, ...] = ()  # its text before its footnotes became its grondslag

    def __post_init__(self) -> None:
        if not isinstance(self.kinderen, Kinderen):
            self.kinderen = Kinderen(self.kinderen)

    def wordt(self, soort: Soort, herkomst: str = "") -> None:
        """Change kind (an alinea that turns out to be an eis), keeping the count of the list it is in right."""
        lijst = self.__dict__.get("_lijst")
        if lijst is not None:
            lijst.aantal[self.soort] -= 1
            lijst.aantal[soort] += 1
        self.soort = soort
        self.herkomst = herkomst or self.herkomst

    def heeft(self, *soorten: Soort) -> bool:
        aantal = cast(Kinderen, self.kinderen).aantal
        return any(aantal[soort] > 0 for soort in soorten)

    def aantal(self, soort: Soort) -> int:
        """How many children of this kind (without walking them)."""
        return cast(Kinderen, self.kinderen).aantal[soort]

    def laatste(self, *soorten: Soort) -> Knoop | None:
        return next((k for k in reversed(self.kinderen) if k.soort in soorten), None)

    @property
    def tekst(self) -> str:
        return "".join(f.tekst for f in self.inhoud)


def accepteert(ouder: Knoop, soort: Soort) -> bool:
    """May `ouder`, as it is now, get a child of this kind at its end?"""
    match ouder.soort:
        case None:
            if soort is S.WOORD_VOORAF:
                return not ouder.kinderen
            if soort is S.ADDENDUM:
                return all(k.soort in (S.WOORD_VOORAF, S.ADDENDUM) for k in ouder.kinderen)
            if soort in (S.HOOFDSTUK, S.WAARDERINGSKADER):
                return not ouder.heeft(S.BIJLAGE)
            return soort is S.BIJLAGE and ouder.heeft(S.HOOFDSTUK, S.WAARDERINGSKADER)
        case s if s in _WERKWIJZE:
            return soort is S.PARAGRAAF or (soort in TEKSTBLOKKEN and not ouder.heeft(S.PARAGRAAF))
        case S.WAARDERINGSKADER:
            if soort in TEKSTBLOKKEN:
                return not ouder.heeft(S.KWALITEITSGEBIED)
            if soort is S.KWALITEITSGEBIED:
                return not ouder.heeft(S.OVERIGE_VEREISTEN, S.BESLISREGELS)
            if soort is S.OVERIGE_VEREISTEN:
                return ouder.heeft(S.KWALITEITSGEBIED) and not ouder.heeft(S.BESLISREGELS)
            return soort is S.BESLISREGELS and ouder.heeft(S.KWALITEITSGEBIED) and not ouder.heeft(S.BESLISREGELS)
        case S.KWALITEITSGEBIED:
            if soort in TEKSTBLOKKEN:
                return not ouder.heeft(S.STANDAARD)
            if soort is S.STANDAARD:
                return not ouder.heeft(S.OVERIGE_VEREISTEN)
            return soort is S.OVERIGE_VEREISTEN and ouder.heeft(S.STANDAARD)
        case S.STANDAARD:
            if soort is S.OMSCHRIJVING:
                return not ouder.kinderen
            if soort is S.BASISKWALITEIT:
                return not ouder.heeft(S.BASISKWALITEIT, S.EIGEN_ASPIRATIES)
            return soort is S.EIGEN_ASPIRATIES and not ouder.heeft(S.EIGEN_ASPIRATIES)
        case S.OMSCHRIJVING | S.EIGEN_ASPIRATIES:
            return soort in TEKSTBLOKKEN
        case S.BASISKWALITEIT:
            return soort in TEKSTBLOKKEN or soort is S.EIS
        case S.OVERIGE_VEREISTEN:
            return soort is S.EIS or soort in TEKSTBLOKKEN
        case S.BESLISREGELS:
            return soort is S.BESLISREGEL or soort in TEKSTBLOKKEN
        case S.LIJST:
            return soort is S.ITEM
        case S.ITEM:
            return soort is S.LIJST and not ouder.heeft(S.LIJST)
        case S.TABEL:
            return soort is S.RIJ
    return False


def onvolledig(knoop: Knoop) -> str:
    """Why a finished part would not be a valid kader part ('' when it is fine)."""
    match knoop.soort:
        case S.OVERIGE_VEREISTEN if not knoop.heeft(S.EIS):
            return "overige wettelijke vereisten zonder eisen"
        case S.BESLISREGELS if not knoop.heeft(S.BESLISREGEL):
            return "beslisregels zonder herkenbare regel (oordeel en tekst)"
        case S.KWALITEITSGEBIED if not knoop.heeft(S.STANDAARD):
            return "kwaliteitsgebied zonder standaarden"
        case S.WAARDERINGSKADER if not knoop.heeft(S.KWALITEITSGEBIED):
            return "waarderingskader zonder kwaliteitsgebieden"
        case S.OMSCHRIJVING | S.EIGEN_ASPIRATIES if not knoop.kinderen:
            return "leeg onderdeel"
        case S.LIJST if not knoop.kinderen:
            return "lege opsomming"
        case S.TABEL if not knoop.kinderen:
            return "lege tabel"
    return ""
