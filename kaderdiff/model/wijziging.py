"""The data model of a comparison: Wijzigingen and the Staat van wijzigingen they form."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import NamedTuple

from kaderdiff.model.kader import Element, Grondslag, Kader
from kaderdiff.model.koppeling import Koppeling, Uitlijning
from kaderdiff.model.versie import Herkomst
from kaderdiff.model.wet import Wetregister

#: The operations of a word diff: unchanged, deleted, inserted.
GELIJK, WEG, ERBIJ = 0, -1, 1


class DiffDeel(NamedTuple):
    """One piece of a diff: `op` is GELIJK (0), WEG (-1) or ERBIJ (1)."""

    op: int
    tekst: str


class WijzigingSoort(StrEnum):
    """The kinds of change, in the order they are summarised."""

    TOEGEVOEGD = "toegevoegd"
    VERVALLEN = "vervallen"
    GEWIJZIGD = "gewijzigd"
    REDACTIONEEL = "redactioneel"
    VERPLAATST = "verplaatst"
    HERNUMMERD = "hernummerd"
    GRONDSLAG = "grondslag"
    SAMENGEVOEGD = "samengevoegd"
    GESPLITST = "gesplitst"

    @property
    def label(self) -> str:
        """How the kind is named in documents."""
        return _LABELS[self]


_LABELS = {
    WijzigingSoort.TOEGEVOEGD: "toegevoegd",
    WijzigingSoort.VERVALLEN: "vervallen",
    WijzigingSoort.GEWIJZIGD: "gewijzigd",
    WijzigingSoort.REDACTIONEEL: "redactioneel (alleen leestekens of opmaak)",
    WijzigingSoort.VERPLAATST: "verplaatst",
    WijzigingSoort.HERNUMMERD: "hernummerd",
    WijzigingSoort.GRONDSLAG: "alleen grondslag gewijzigd",
    WijzigingSoort.SAMENGEVOEGD: "samengevoegd",
    WijzigingSoort.GESPLITST: "gesplitst",
}


@dataclass(frozen=True)
class Verklaring:
    """Why something changed: from a toelichting in the kader or from a git commit message."""

    tekst: str
    bron: str  # "kader" or "git"
    categorie: str = ""
    wetswijziging: str = ""
    wetswijziging_naam: str = ""
    commit: str = ""


@dataclass(frozen=True)
class Wijziging:
    """One row of the Staat van wijzigingen: one element that changed."""

    soort: WijzigingSoort
    oud: Element | None
    nieuw: Element | None
    vindplaats_oud: str
    vindplaats_nieuw: str
    was: str
    wordt: str
    tekstdiff: tuple[DiffDeel, ...]
    grondslagen_was: tuple[Grondslag, ...] = ()
    grondslagen_wordt: tuple[Grondslag, ...] = ()
    kenmerken: tuple[str, ...] = ()
    betrokken: tuple[str, ...] = ()
    positie: tuple[int, int, int] = (0, 0, 0)
    nummer: str = ""
    verklaringen: tuple[Verklaring, ...] = ()
    koppeling: Koppeling | None = None  # how the pair (oud, nieuw) was found; None for a row without a pair

    @property
    def element_id(self) -> str:
        """The id the row is known by: the new id, or the old one for a removed element."""
        if self.nieuw is not None:
            return self.nieuw.id
        assert self.oud is not None
        return self.oud.id

    @property
    def ids(self) -> tuple[str, ...]:
        """Every id this row concerns (old and new differ when matched by content)."""
        ids = [e.id for e in (self.nieuw, self.oud) if e is not None]
        return tuple(dict.fromkeys(ids))

    @property
    def vindplaats(self) -> str:
        """Where to find it: in the new kader, or where it stood in the old one."""
        return self.vindplaats_nieuw or self.vindplaats_oud

    @property
    def element_soort(self) -> str:
        element = self.nieuw or self.oud
        assert element is not None
        return element.soort.value


@dataclass(frozen=True)
class Staat:
    """The Staat van wijzigingen for one sector between two versions."""

    sector: str
    van: str
    naar: str
    oud: Kader
    nieuw: Kader
    wijzigingen: tuple[Wijziging, ...]
    uitlijning: Uitlijning  # the alignment the rows were computed from (the concept docx reuses it)
    herkomst: tuple[Herkomst, ...] = field(default=())
    wetten: Wetregister | None = None  # the kadermap's law registry (None: the package's), for links
    #: Every grondslag of the rows as cited, and its link on the peildatum of its kader (WAS: the old kader,
    #: WORDT: the new one; '' when the law has no BWB id): made once with the Staat (diff/staatbouw), read by
    #: every renderer.
    citaten: dict[Grondslag, str] = field(default_factory=dict)
    links: dict[tuple[Grondslag, date], str] = field(default_factory=dict)
    #: The law's words at each cited place as the stored law text reads on the peildatum of its kader (absent:
    #: no stored text), made with the citations.
    wetteksten: dict[tuple[Grondslag, date], str] = field(default_factory=dict)

    def citaat(self, g: Grondslag) -> str:
        """'artikel 7.2.4a, eerste lid, van de WEB'."""
        return self.citaten[g]

    def link(self, g: Grondslag, peildatum: date) -> str:
        """The wetten.overheid.nl address of a grondslag as the law read on `peildatum` ('' without one)."""
        return self.links[(g, peildatum)]

    def wettekst(self, g: Grondslag, peildatum: date) -> str:
        """The cited lid or onderdeel as the law read on `peildatum` ('' when no law text is stored)."""
        return self.wetteksten.get((g, peildatum), "")

    def telling(self) -> dict[WijzigingSoort, int]:
        """Number of changes per kind (every kind present, zero included)."""
        return {s: sum(1 for w in self.wijzigingen if w.soort is s) for s in WijzigingSoort}

    def per_wetswijziging(self) -> dict[str, list[str]]:
        """Law change -> numbers of the changes it causes ('' for changes not tied to a law)."""
        uit: dict[str, list[str]] = {}
        for w in self.wijzigingen:
            codes = sorted({v.wetswijziging for v in w.verklaringen if v.wetswijziging}) or [""]
            for code in codes:
                uit.setdefault(code, []).append(w.nummer)
        return dict(sorted(uit.items(), key=lambda kv: (kv[0] == "", kv[0])))

    def zonder_toelichting(self) -> list[Wijziging]:
        return [w for w in self.wijzigingen if not w.verklaringen]

    def onzeker(self) -> list[Wijziging]:
        """Rows whose old and new element could as well have been paired otherwise."""
        return [w for w in self.wijzigingen if w.koppeling is not None and w.koppeling.onzeker]
