"""Dutch dates as readers write them ('20 mei 2026')."""

from __future__ import annotations

from datetime import date

MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december")


def nl_datum(d: date) -> str:
    """'20 mei 2026'."""
    return f"{d.day} {MAANDEN[d.month - 1]} {d.year}"
