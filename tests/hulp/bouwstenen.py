"""Small kaders built by hand, for unit tests of the aligner and the classifier."""

from __future__ import annotations

from datetime import date

from kaderdiff.model.kader import Element, Fragment, Grondslag, Kader, Soort


def alinea(element_id: str, tekst: str) -> Element:
    return Element(Soort.ALINEA, element_id, inhoud=(Fragment(tekst),))


def eis(element_id: str, tekst: str, *grondslagen: Grondslag) -> Element:
    return Element(Soort.EIS, element_id, inhoud=(Fragment(tekst),), grondslagen=grondslagen)


def standaard(element_id: str, code: str, titel: str, *eisen: Element, omschrijving: tuple[Element, ...] = ()
              ) -> Element:
    """A standaard with an optional omschrijving and its eisen under basiskwaliteit (ids derived as laden does)."""
    kinderen = []
    if omschrijving:
        kinderen.append(Element(Soort.OMSCHRIJVING, f"{element_id}.omschrijving", kinderen=omschrijving))
    kinderen.append(Element(Soort.BASISKWALITEIT, f"{element_id}.basiskwaliteit", kinderen=eisen))
    return Element(Soort.STANDAARD, element_id, nummer=code, titel=titel, kinderen=tuple(kinderen))


def paragraaf(element_id: str, nummer: str, titel: str, *kinderen: Element) -> Element:
    return Element(Soort.PARAGRAAF, element_id, nummer=nummer, titel=titel, kinderen=kinderen)


def gebied(element_id: str, code: str, *standaarden: Element) -> Element:
    return Element(Soort.KWALITEITSGEBIED, element_id, nummer=code, titel=f"Gebied {code}", kinderen=standaarden)


def kader(*onderdelen: Element, jaar: int = 2025, sector: str = "PO") -> Kader:
    return Kader(sector, jaar, "vastgesteld", date(jaar, 8, 1), f"Kader {jaar}", onderdelen)
