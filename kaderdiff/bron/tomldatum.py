"""A day in one of kaderdiff's TOML files (the law registry, a year's consultatie.toml)."""

from __future__ import annotations

from datetime import date, datetime


def als_datum(waarde: object) -> date | None:
    """A TOML date (geldig_tot = 2020-08-01) or the same as text ("2020-08-01"), as people write both; None for
    anything else, a moment with a time of day included (a day is meant, not a moment)."""
    if isinstance(waarde, datetime):
        return None
    if isinstance(waarde, date):
        return waarde
    if isinstance(waarde, str):
        try:
            return date.fromisoformat(waarde.strip())
        except ValueError:
            return None
    return None
