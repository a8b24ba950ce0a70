"""The Ringen's reactions to a consultation, the reactienota they are gathered in, and the consultatieverslag made
from the nota once the inspectie has answered and decided (`kaderdiff reacties`)."""

from __future__ import annotations

from dataclasses import dataclass

from kaderdiff.model.wijziging import Wijziging

#: The inspectie's decisions on a reaction, as the nota asks for them and the verslag reports them.
BESLUITEN = ("overgenomen", "deels overgenomen", "niet overgenomen", "geen wijziging nodig")
#: The kinds of reaction that belong to no change number: general remarks and remarks about unchanged text.
ALGEMEEN = "algemeen"
ONGEWIJZIGD = "ongewijzigd"
NIET_GEPLAATST = "niet geplaatst"
#: How a section of the nota names its reactions' keys: 'MBO-6.1', 'Algemeen.1', …
SLEUTELNAMEN = {ALGEMEEN: "Algemeen", ONGEWIJZIGD: "Ongewijzigd", NIET_GEPLAATST: "Niet te plaatsen"}


@dataclass(frozen=True)
class Reactie:
    """One reaction, as read from a returned document."""

    nummer: str  # the change number as the reader gave it ('MBO-23'); ALGEMEEN, ONGEWIJZIGD or '' (none)
    organisatie: str  # the form's column, else the comment's or document's author, else the file name
    tekst: str
    bron: str  # file and place: 'mbo-raad.docx, tabel 1, rij 7'
    soort: str = "formulier"  # 'formulier', 'opmerking' (a comment) or 'tekstvoorstel' (tracked changes)
    sector: str = ""  # the sector of the document it came from ('' when the document does not say)
    jaar: int = 0  # the year of that document (0: unknown)
    pagina: int | None = None  # the page of the change in the PDF Staat, as the form gave it


@dataclass(frozen=True)
class Genoteerd:
    """A reaction in the nota under its key; `reden` why it could not be placed; once the nota is filled in, the
    inspectie's answer and decision."""

    sleutel: str  # 'MBO-6.1', 'Algemeen.2', 'Ongewijzigd.1', 'Niet te plaatsen.3'
    reactie: Reactie
    reden: str = ""
    antwoord: str = ""
    besluit: str = ""


@dataclass(frozen=True)
class Notawijziging:
    """One change of the Staat with its page and every reaction placed under it."""

    wijziging: Wijziging
    pagina: int | None
    reacties: tuple[Genoteerd, ...]


@dataclass(frozen=True)
class Reactienota:
    """The reactions to one sector's concept, ordered as its Staat; nothing read is left out."""

    sector: str
    jaar: int
    titel: str  # the kader's title
    van: str
    naar: str
    commit_van: str
    commit_naar: str
    wijzigingen: tuple[Notawijziging, ...]
    algemeen: tuple[Genoteerd, ...]
    ongewijzigd: tuple[Genoteerd, ...]
    niet_geplaatst: tuple[Genoteerd, ...]
    bestanden: tuple[str, ...]  # the documents the reactions were read from
    waarschuwingen: tuple[str, ...] = ()

    @property
    def aantal(self) -> int:
        return (sum(len(w.reacties) for w in self.wijzigingen) + len(self.algemeen) + len(self.ongewijzigd)
                + len(self.niet_geplaatst))


@dataclass(frozen=True)
class Verslagwijziging:
    """One change number in the verslag: its reactions with answer and decision, and what became of its text."""

    nummer: str
    soort: str
    vindplaats: str
    pagina: str
    was: str
    wordt: str
    reacties: tuple[Genoteerd, ...]
    #: Compared with the kader as it was vastgesteld (--vastgesteld): None not compared; else whether its text
    #: changed after the consultation, its number and text in the vastgestelde Staat.
    gewijzigd_na_consultatie: bool | None = None
    vastgesteld_nummer: str = ""
    vastgesteld_wordt: str = ""


@dataclass(frozen=True)
class Nieuwewijziging:
    """A change of the vastgestelde kader that the concept did not have (made after the consultation)."""

    nummer: str
    soort: str
    vindplaats: str
    was: str
    wordt: str


@dataclass(frozen=True)
class Consultatieverslag:
    """How the reactions to one sector's concept were handled: per change number the reactions, the answer and
    the decision; with --vastgesteld also what changed after the consultation."""

    sector: str
    jaar: int
    titel: str
    concept: str  # 'versie (commit …)' as the nota records it
    vergeleken_met: str
    wijzigingen: tuple[Verslagwijziging, ...]
    algemeen: tuple[Genoteerd, ...]
    ongewijzigd: tuple[Genoteerd, ...]
    niet_geplaatst: tuple[Genoteerd, ...]
    vastgesteld: str = ""  # the version compared with ('' without --vastgesteld)
    nieuw: tuple[Nieuwewijziging, ...] = ()

    @property
    def reacties(self) -> tuple[Genoteerd, ...]:
        return (*(r for w in self.wijzigingen for r in w.reacties), *self.algemeen, *self.ongewijzigd,
                *self.niet_geplaatst)
