"""The plain data model of a Kader.

A kader is a tree of `Element`s. One generic element type (with a `Soort`) keeps
alignment, diffing and rendering simple: every changeable part of a kader is an
element with a stable id, an optional number/code and title, inline text and,
for an eis, its Grondslagen. Everything is frozen so models can be compared and
shared freely between the pure diff functions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cached_property

# A grondslag is part of the kader model, and importable from here; it has a module of its own so that what only
# cites a law (`herleid --artikel`) does not create the rest of the model.
from kaderdiff.model.grondslag import Grondslag as Grondslag
from kaderdiff.model.grondslag import onderdeelpad as onderdeelpad


class Soort(StrEnum):
    """Kinds of element; the values are the XML element names."""

    WOORD_VOORAF = "woordVooraf"
    ADDENDUM = "addendum"
    HOOFDSTUK = "hoofdstuk"
    PARAGRAAF = "paragraaf"
    ALINEA = "alinea"
    LIJST = "lijst"
    ITEM = "item"
    WAARDERINGSKADER = "waarderingskader"
    KWALITEITSGEBIED = "kwaliteitsgebied"
    STANDAARD = "standaard"
    OMSCHRIJVING = "omschrijving"
    BASISKWALITEIT = "basiskwaliteit"
    EIS = "eis"
    EIGEN_ASPIRATIES = "eigenAspiraties"
    BESLISREGELS = "beslisregels"
    BESLISREGEL = "beslisregel"
    BIJLAGE = "bijlage"
    OVERIGE_VEREISTEN = "overigeVereisten"
    TABEL = "tabel"
    RIJ = "rij"


#: Containers that carry no id in the XML; their id is derived from the parent.
AFGELEIDE_CONTAINERS = frozenset({Soort.OMSCHRIJVING, Soort.BASISKWALITEIT, Soort.EIGEN_ASPIRATIES})

#: Kinds whose own inline text is their content (the leaves of a kader); the rest are containers.
BLAD_SOORTEN = frozenset({Soort.EIS, Soort.ALINEA, Soort.ITEM, Soort.BESLISREGEL, Soort.RIJ})

#: Dutch names used in messages and documents.
SOORT_NAAM: dict[Soort, str] = {
    Soort.WOORD_VOORAF: "woord vooraf",
    Soort.ADDENDUM: "addendum",
    Soort.HOOFDSTUK: "hoofdstuk",
    Soort.PARAGRAAF: "paragraaf",
    Soort.ALINEA: "alinea",
    Soort.LIJST: "opsomming",
    Soort.ITEM: "opsommingsonderdeel",
    Soort.WAARDERINGSKADER: "waarderingskader",
    Soort.KWALITEITSGEBIED: "kwaliteitsgebied",
    Soort.STANDAARD: "standaard",
    Soort.OMSCHRIJVING: "omschrijving",
    Soort.BASISKWALITEIT: "basiskwaliteit",
    Soort.EIS: "eis",
    Soort.EIGEN_ASPIRATIES: "eigen aspiraties",
    Soort.BESLISREGELS: "beslisregels",
    Soort.BESLISREGEL: "beslisregel",
    Soort.BIJLAGE: "bijlage",
    Soort.OVERIGE_VEREISTEN: "overige wettelijke vereisten",
    Soort.TABEL: "tabel",
    Soort.RIJ: "tabelrij",
}

#: Style of a footnote fragment: its text is the footnote, placed where the reference stands.
VOETNOOT = "voetnoot"
#: Between the cells of a table row in `Element.inhoud`: white space in kader text is collapsed to
#: single spaces when loading, so a tab can only be a cell boundary.
CELGRENS = "\t"


@dataclass(frozen=True)
class Fragment:
    """A run of inline text; `stijl` is '' (plain), 'nadruk' (italic), 'sterk' (bold) or 'voetnoot'
    (the text of a footnote whose reference stands here)."""

    tekst: str
    stijl: str = ""


def cellen_van(fragmenten: tuple[Fragment, ...]) -> tuple[tuple[Fragment, ...], ...]:
    """Fragments split at CELGRENS: the cells of a table row."""
    cellen: list[list[Fragment]] = [[]]
    for f in fragmenten:
        delen = f.tekst.split(CELGRENS) if f.stijl != VOETNOOT else [f.tekst]
        for i, deel in enumerate(delen):
            if i:
                cellen.append([])
            if deel:
                cellen[-1].append(Fragment(deel, f.stijl))
    return tuple(tuple(c) for c in cellen)


@dataclass(frozen=True)
class GeenGrondslag:
    """Explicit statement that an eis has no legal basis, and where its wording comes from."""

    bron: str
    uitleg: str = ""


@dataclass(frozen=True)
class Element:
    """One changeable part of a kader (see `Soort`)."""

    soort: Soort
    id: str
    nummer: str = ""
    titel: str = ""
    inhoud: tuple[Fragment, ...] = ()
    grondslagen: tuple[Grondslag, ...] = ()
    geen_grondslag: GeenGrondslag | None = None
    kenmerk: str = ""
    kinderen: tuple[Element, ...] = ()
    regel: int = field(default=0, compare=False)

    @property
    def tekst(self) -> str:
        """The plain inline text (no emphasis); a footnote reads '[voetnoot: …]' where it stands,
        the cells of a table row are separated by CELGRENS."""
        return "".join(f"[voetnoot: {f.tekst}]" if f.stijl == VOETNOOT else f.tekst for f in self.inhoud)

    @property
    def cellen(self) -> tuple[tuple[Fragment, ...], ...]:
        """The cells of a table row, each as its fragments (one cell for any other element)."""
        return cellen_van(self.inhoud)

    @property
    def kop(self) -> str:
        """Number/code and title as a heading would show them, e.g. '7.5.2 Escaleren'."""
        return " ".join(d for d in (self.nummer, self.titel) if d)

    def doorloop(self, voorouders: tuple[Element, ...] = ()) -> Iterator[tuple[Element, tuple[Element, ...]]]:
        """Depth-first, document order: each element with its ancestors (outermost first).

        Iterative: nested `yield from` passed every element up through each level of the tree.
        """
        stapel = [(self, voorouders)]
        while stapel:
            element, boven = stapel.pop()
            yield element, boven
            if element.kinderen:
                met_mij = (*boven, element)
                stapel.extend((kind, met_mij) for kind in reversed(element.kinderen))


def echte_kinderen(el: Element) -> Iterator[Element]:
    """Children, looking through derived containers (an eis belongs to its standaard)."""
    for kind in el.kinderen:
        if kind.soort in AFGELEIDE_CONTAINERS:
            yield from kind.kinderen
        else:
            yield kind


def echte_ouder(voorouders: tuple[Element, ...]) -> Element | None:
    """Nearest ancestor that is not a derived container."""
    for voorouder in reversed(voorouders):
        if voorouder.soort not in AFGELEIDE_CONTAINERS:
            return voorouder
    return None


@dataclass(frozen=True)
class Wetswijziging:
    """A law change that causes changes in a kader (e.g. Wet VABA)."""

    code: str
    naam: str
    inwerkingtreding: date | None = None
    status: str = "verwacht"
    omschrijving: str = ""

    @property
    def naam_met_code(self) -> str:
        """'Wet … (VABA)': the code is added only when the name does not already carry it."""
        if not self.code or re.search(rf"(?<!\w){re.escape(self.code)}(?!\w)", self.naam):
            return self.naam or self.code
        return f"{self.naam} ({self.code})" if self.naam else self.code


@dataclass(frozen=True)
class Toelichting:
    """Why elements changed: stated in the kader of the newer year."""

    id: str
    categorie: str
    betreft: tuple[str, ...]
    tekst: str
    wetswijziging: str = ""
    regel: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Correctie:
    """A kader that corrects one already published (status 'correctie'): which one and why."""

    vastgesteld: date  # the date the corrected kader was vastgesteld
    publicatie: str  # where it was published, e.g. 'Staatscourant 2025, 18000'
    omschrijving: str


@dataclass(frozen=True)
class Kader:
    """One Onderzoekskader: one sector (or a variant of it, e.g. praktijkonderwijs), one year."""

    sector: str
    jaar: int
    status: str
    peildatum: date
    titel: str
    onderdelen: tuple[Element, ...]
    wetswijzigingen: tuple[Wetswijziging, ...] = ()
    toelichtingen: tuple[Toelichting, ...] = ()
    bron: str = field(default="", compare=False)
    variant: str = ""  # '' for the sector's own kader; e.g. 'pro', 'bes', 'eoa'
    correctie: Correctie | None = None
    #: The team's plain-language summary of this year's main changes, paragraph by paragraph: it opens the
    #: Staat and is not compared (like the toelichtingen, it is about the change, not part of the kader text).
    samenvatting: tuple[tuple[Fragment, ...], ...] = ()

    def doorloop(self) -> Iterator[tuple[Element, tuple[Element, ...]]]:
        """Every element with its ancestors, in document order."""
        return iter(self._volgorde)

    @cached_property
    def _volgorde(self) -> tuple[tuple[Element, tuple[Element, ...]], ...]:
        """The walk of `doorloop`, made once: a pack walks each kader a dozen times (alignment, Staat, blocks),
        and the walk cost more than what most of them do with it (a Kader does not change)."""
        return tuple(paar for onderdeel in self.onderdelen for paar in onderdeel.doorloop())

    @cached_property
    def index(self) -> dict[str, tuple[Element, tuple[Element, ...]]]:
        """Element id -> (element, ancestors)."""
        return {el.id: (el, vo) for el, vo in self.doorloop()}

    def element(self, element_id: str) -> Element:
        return self.index[element_id][0]

    def standaarden(self) -> list[Element]:
        return [el for el, _ in self.doorloop() if el.soort is Soort.STANDAARD]

    def standaard_van(self, element_id: str) -> Element | None:
        """The standaard an element lies in, or is (None outside the waarderingskaders)."""
        if element_id not in self.index:
            return None
        el, voorouders = self.index[element_id]
        if el.soort is Soort.STANDAARD:
            return el
        return next((v for v in reversed(voorouders) if v.soort is Soort.STANDAARD), None)

    def eisen(self) -> list[Element]:
        return [el for el, _ in self.doorloop() if el.soort is Soort.EIS]

    def toelichting_voor(self, element_id: str) -> list[Toelichting]:
        return [t for t in self.toelichtingen if element_id in t.betreft]

    def wetswijziging(self, code: str) -> Wetswijziging | None:
        return next((w for w in self.wetswijzigingen if w.code == code), None)

    @property
    def afkorting(self) -> str:
        """Sector, and variant when there is one: 'MBO', 'VO-PRO'. Prefix of the change numbers
        ('VO-PRO-3') and the name of the kader file ('vo-pro.xml')."""
        return f"{self.sector}-{self.variant.upper()}" if self.variant else self.sector

    @property
    def naam(self) -> str:
        """Short name used in messages and file names, e.g. 'MBO 2026', 'VO-PRO 2025'."""
        return f"{self.afkorting} {self.jaar}"
