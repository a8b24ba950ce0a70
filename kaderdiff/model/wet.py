"""Laws a grondslag can point to, and a registry of them (the package's, extended by a kadermap's own)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cached_property


@dataclass(frozen=True)
class Wet:
    """A law, regulation or beleidsregel that a grondslag can point to."""

    code: str
    naam: str
    soort: str
    bwb: str
    aliassen: tuple[str, ...] = ()
    geldig_van: date | None = None  # the day it took effect (None: long before any kader)
    geldig_tot: date | None = None  # the day it lapsed, the first day it no longer held (None: in force)
    opvolger: str = ""  # the code of the law that replaced it

    def geldt_op(self, datum: date) -> bool:
        """In force on `datum`: taken effect and not yet lapsed."""
        return (self.geldig_van is None or self.geldig_van <= datum) and (
            self.geldig_tot is None or datum < self.geldig_tot)

    def overlapt(self, ander: Wet) -> bool:
        """Were both in force on some day? Two laws may share a name (an old and a new 'Wvo') only if not."""
        return ((self.geldig_van is None or ander.geldig_tot is None or self.geldig_van < ander.geldig_tot)
                and (ander.geldig_van is None or self.geldig_tot is None or ander.geldig_van < self.geldig_tot))


def _sleutel(naam: str) -> str:
    return " ".join(naam.split()).casefold()


@dataclass(frozen=True)
class Wetregister:
    """An immutable set of laws by code; hashable, so derived things (a citation pattern) can be cached on it."""

    wetten: tuple[Wet, ...]
    bron: str = ""  # where it was read from, for messages

    @cached_property
    def per_code(self) -> dict[str, Wet]:
        return {w.code: w for w in self.wetten}

    def get(self, code: str) -> Wet | None:
        return self.per_code.get(code)

    def __contains__(self, code: object) -> bool:
        return code in self.per_code

    def __iter__(self) -> Iterator[str]:
        return iter(self.per_code)

    def __len__(self) -> int:
        return len(self.per_code)

    def __hash__(self) -> int:
        return self._hash

    @cached_property
    def _hash(self) -> int:
        """Computed once: every citation read looks its pattern up by the registry, hashing it each time."""
        return hash((self.wetten, self.bron))

    @cached_property
    def _per_sleutel(self) -> dict[str, list[Wet]]:
        """Every law a name can mean: code or alias first, in the registry's order; then full names. A name is
        shared only by laws that were never in force together ('Wvo': the WVO of 1968, later the WVO 2020)."""
        index: dict[str, list[Wet]] = {}

        def voeg_toe(sleutel: str, wet: Wet) -> None:
            lijst = index.setdefault(sleutel, [])
            if wet not in lijst:
                lijst.append(wet)

        for wet in self.wetten:
            voeg_toe(wet.code.casefold(), wet)
            for alias in wet.aliassen:
                voeg_toe(_sleutel(alias), wet)
        for wet in self.wetten:
            voeg_toe(_sleutel(wet.naam), wet)
        return index

    def zoek(self, naam: str, peildatum: date | None = None) -> Wet | None:
        """A law by code, alias or full name, case-insensitively (e.g. 'Wpo', 'WVO 2020'). With `peildatum` a name
        several laws carried means the one in force on that day ('Wvo' in 2019: the WVO of 1968); without one,
        or when none of them was in force then, the law whose code it is, else the first in the registry."""
        kandidaten = self._per_sleutel.get(_sleutel(naam))
        if not kandidaten:
            return None
        if peildatum is not None:
            for wet in kandidaten:
                if wet.geldt_op(peildatum):
                    return wet
        return kandidaten[0]

    def namen_van(self, wet: Wet) -> tuple[str, ...]:
        """Code, aliases and full name of a law, each once."""
        return tuple(dict.fromkeys((wet.code, *wet.aliassen, wet.naam)))
