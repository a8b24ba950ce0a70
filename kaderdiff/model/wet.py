"""Laws a grondslag can point to, and a registry of them (the package's, extended by a kadermap's own)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property


@dataclass(frozen=True)
class Wet:
    """A law, regulation or beleidsregel that a grondslag can point to."""

    code: str
    naam: str
    soort: str
    bwb: str
    aliassen: tuple[str, ...] = ()


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
    def _per_sleutel(self) -> dict[str, Wet]:
        """Code or alias first, in the registry's order; a full name only where no code or alias matches."""
        index: dict[str, Wet] = {}
        for wet in self.wetten:
            index.setdefault(wet.code.casefold(), wet)
            for alias in wet.aliassen:
                index.setdefault(_sleutel(alias), wet)
        for wet in self.wetten:
            index.setdefault(_sleutel(wet.naam), wet)
        return index

    def zoek(self, naam: str) -> Wet | None:
        """A law by code, alias or full name, case-insensitively (e.g. 'Wpo', 'WVO 2020')."""
        return self._per_sleutel.get(_sleutel(naam))
