"""Dutch as readers write it: dates ('20 mei 2026'), a number with its noun ('1 wijziging')."""

from __future__ import annotations

from datetime import date

MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december")


def nl_datum(d: date) -> str:
    """'20 mei 2026'."""
    return f"{d.day} {MAANDEN[d.month - 1]} {d.year}"


def aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    """'1 wijziging', '2 wijzigingen', '0 wijzigingen': the noun agrees with the number."""
    return f"{n} {enkelvoud if n == 1 else meervoud}"
