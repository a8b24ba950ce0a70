"""The result of aligning two versions of a kader: which old element is which new element, and how we know."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Koppelwijze(StrEnum):
    """How a pair was found: the same id, its own text, or its place (parent, siblings, children)."""

    ID = "id"
    TEKST = "tekst"
    CONTEXT = "context"


@dataclass(frozen=True)
class Koppeling:
    """The evidence for one pair; `gelijkenis` (0..1) is the similarity of the pair's own texts (content matches;
    None for an id match, or where the aligner did not need it: the Staat fills it in for its rows). `twijfel`
    says, in Dutch, why the pair is less than certain ('' when it is certain; docs/staat-json.md)."""

    wijze: Koppelwijze
    gelijkenis: float | None = None
    twijfel: str = ""

    @property
    def onzeker(self) -> bool:
        return bool(self.twijfel)


@dataclass(frozen=True)
class Uitlijning:
    """Which old element is which new element (ids in both directions), with the evidence per new id."""

    oud_naar_nieuw: dict[str, str]
    nieuw_naar_oud: dict[str, str]
    koppelingen: dict[str, Koppeling] = field(default_factory=dict)

    def koppeling(self, nieuw_id: str) -> Koppeling | None:
        """How the new element's pair was found (None: it has no counterpart)."""
        if nieuw_id not in self.nieuw_naar_oud:
            return None
        return self.koppelingen.get(nieuw_id, Koppeling(Koppelwijze.ID))
