"""The review of a proposal: its changed elements, each with context from other sectors and other branches."""

from __future__ import annotations

from dataclasses import dataclass

from kaderdiff.model.commit import Commit
from kaderdiff.model.wijziging import Wijziging
from kaderdiff.nederlands import aantal


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
    #: How the row is named: the number of the element in the Staat of its year on the basis ('MBO-6'), or the
    #: proposal's own 'V-1', 'V-2' … for what has no number there (`VOORSTELNUMMER`).
    nummer: str = ""


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
    commits: tuple[Commit, ...] = ()  # the proposal's own commits, oldest first: who proposes what, and why

    @property
    def titel(self) -> str:
        """What the proposal is about: the subject of its first commit (the branch name when it has none)."""
        return next((c.onderwerp for c in self.commits if c.onderwerp), self.ref)

    @property
    def indieners(self) -> tuple[str, ...]:
        """The authors of its commits, each once, in order."""
        return tuple(dict.fromkeys(c.auteur for c in self.commits if c.auteur))

    @property
    def samenvatting(self) -> str:
        """'1 heel kader verwijderd, 1 wijziging in kadertekst'."""
        delen = [aantal(sum(1 for k in self.kaderbestanden if k.soort == soort), "heel kader", "hele kaders")
                 + f" {soort}" for soort in ("verwijderd", "toegevoegd")
                 if any(k.soort == soort for k in self.kaderbestanden)]
        return ", ".join([*delen, aantal(len(self.rijen), "wijziging", "wijzigingen") + " in kadertekst"])


#: The prefix of a proposal's own row numbers (for changes the Staat of the year has no number for).
VOORSTELNUMMER = "V"
