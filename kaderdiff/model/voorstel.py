"""The review of a proposal: its changed elements, each with context from other sectors and other branches."""

from __future__ import annotations

from dataclasses import dataclass

from kaderdiff.model.wijziging import Wijziging


@dataclass(frozen=True)
class Overeenkomst:
    """A sentence in another sector that matches the changed one (before or after the proposal)."""

    sector: str
    element_id: str
    vindplaats: str
    tekst_basis: str  # the other sector's text at the merge-base ('' when absent there)
    tekst_voorstel: str  # the other sector's text on the proposal ('' when absent there)
    score_was: float  # similarity to WAS (merge-base texts)
    score_wordt: float  # similarity to WORDT (proposal texts)

    @property
    def gelijk_voor(self) -> bool:
        return self.score_was >= 100.0

    @property
    def gelijk_na(self) -> bool:
        return self.score_wordt >= 100.0

    @property
    def beoordeling(self) -> str:
        """Does the proposal break or restore alignment with this sector?"""
        if self.gelijk_voor and not self.gelijk_na:
            return "voorstel doorbreekt de gelijkluidendheid"
        if self.gelijk_na and not self.gelijk_voor:
            return "voorstel herstelt de gelijkluidendheid"
        if self.gelijk_voor and self.gelijk_na:
            return "blijft gelijkluidend"
        return "was al verschillend en blijft verschillend"


@dataclass(frozen=True)
class Conflict:
    """Another proposal branch that changes the same element."""

    tak: str
    element_ids: tuple[str, ...]


@dataclass(frozen=True)
class VoorstelRij:
    """One changed element of a proposal with its review context."""

    jaar: int
    sector: str
    wijziging: Wijziging
    standaard: str
    grondslag_gewijzigd: bool
    overeenkomsten: tuple[Overeenkomst, ...]
    conflicten: tuple[Conflict, ...]


@dataclass(frozen=True)
class Voorstel:
    """The review of one proposal."""

    ref: str
    basis: str
    merge_base: str
    commit: str
    rijen: tuple[VoorstelRij, ...]
