"""Small presentation helpers shared by every renderer (grondslag texts and links, references)."""

from __future__ import annotations

from datetime import date

from kaderdiff.model.kader import Grondslag
from kaderdiff.recht.citaten import citeer
from kaderdiff.recht.juriconnect import link


def grondslag_tekst(g: Grondslag) -> str:
    """Dutch citation of a grondslag ('artikel 7.2.4a, eerste lid, van de WEB')."""
    return citeer(g)


def grondslag_link(g: Grondslag, peildatum: date) -> str:
    """wetten.overheid.nl link of a grondslag ('' when the law has no BWB id)."""
    return link(g, peildatum)


def referentie(sector: str, jaar: int, commit: str) -> str:
    """'Onze referentie' of a generated document: sector, year and the source commit."""
    return f"KD-{sector}-{jaar}-{commit[:7] if commit else 'werkmap'}"
