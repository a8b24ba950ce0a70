"""One standard (or one eis) in every sector side by side: the rows and cells of the comparison."""

from __future__ import annotations

from dataclasses import dataclass

from kaderdiff.model.wijziging import DiffDeel


@dataclass(frozen=True)
class Cel:
    """One sector's eis on a row; `diff` is the word diff from the first sector's text (empty: same text)."""

    element_id: str
    tekst: str
    diff: tuple[DiffDeel, ...]

    @property
    def gelijk(self) -> bool:
        return not self.diff


@dataclass(frozen=True)
class SectorRij:
    sleutel: str  # element id of the first sector that has this eis
    cellen: tuple[Cel | None, ...]


@dataclass(frozen=True)
class SectorVergelijking:
    zoek: str
    versie: str
    sectoren: tuple[str, ...]
    titels: tuple[str, ...]  # the standard's title per sector ('' for a single eis)
    rijen: tuple[SectorRij, ...]
