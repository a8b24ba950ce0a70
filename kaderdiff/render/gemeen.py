"""Small presentation helpers shared by every renderer (Dutch dates, grondslag texts)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from ..citaten import citeer
from ..juriconnect import link
from ..model import Grondslag

#: Jinja2 templates and the Word template (templates/ at the top of the repository).
SJABLONEN = Path(__file__).resolve().parents[2] / "templates"

MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december")


def nl_datum(d: date) -> str:
    """'20 mei 2026'."""
    return f"{d.day} {MAANDEN[d.month - 1]} {d.year}"


def datum_van_tijdstip(tijdstip: int) -> datetime:
    """A fixed UTC datetime from a unix time (0 gives 1 January 1980, the zip epoch)."""
    if tijdstip <= 315532800:
        return datetime(1980, 1, 1, tzinfo=UTC)
    return datetime.fromtimestamp(tijdstip, tz=UTC).replace(microsecond=0)


def grondslag_tekst(g: Grondslag) -> str:
    """Dutch citation of a grondslag ('artikel 7.2.4a, eerste lid, van de WEB')."""
    return citeer(g)


def grondslag_link(g: Grondslag, peildatum: date) -> str:
    """wetten.overheid.nl link of a grondslag ('' when the law has no BWB id)."""
    return link(g, peildatum)


def referentie(sector: str, jaar: int, commit: str) -> str:
    """'Onze referentie' of a generated document: sector, year and the source commit."""
    return f"KD-{sector}-{jaar}-{commit[:7] if commit else 'werkmap'}"
