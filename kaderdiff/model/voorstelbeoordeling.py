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
class Kaderbestand:
    """A whole kader file the proposal removes or adds: the most important finding of a review."""

    jaar: int
    sector: str
    soort: str  # 'verwijderd' or 'toegevoegd'
    pad: str  # in the repository
    eisen: int  # eisen in the kader that goes or comes

    @property
    def omschrijving(self) -> str:
        """'het voorstel verwijdert het hele kader kaders/2026/mbo.xml (MBO 2026, 52 eisen)'."""
        werkwoord = "verwijdert" if self.soort == "verwijderd" else "voegt een heel nieuw kader toe:"
        lidwoord = "het hele kader " if self.soort == "verwijderd" else ""
        return f"het voorstel {werkwoord} {lidwoord}{self.pad} ({self.sector} {self.jaar}, {self.eisen} eisen)"


@dataclass(frozen=True)
class Voorstel:
    """The review of one proposal."""

    ref: str
    basis: str
    merge_base: str
    commit: str
    rijen: tuple[VoorstelRij, ...]
    kaderbestanden: tuple[Kaderbestand, ...] = ()

    @property
    def samenvatting(self) -> str:
        """'1 heel kader verwijderd, 0 wijziging(en) in kadertekst'."""
        delen = [f"{sum(1 for k in self.kaderbestanden if k.soort == soort)} hele kader(s) {soort}"
                 for soort in ("verwijderd", "toegevoegd") if any(k.soort == soort for k in self.kaderbestanden)]
        return ", ".join([*delen, f"{len(self.rijen)} wijziging(en) in kadertekst"])
