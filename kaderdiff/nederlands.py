"""Dutch as readers write it: dates ('20 mei 2026'), a number with its noun ('1 wijziging')."""

from __future__ import annotations

import re
from datetime import date

MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december")


def nl_datum(d: date) -> str:
    """'20 mei 2026'."""
    return f"{d.day} {MAANDEN[d.month - 1]} {d.year}"


def aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    """'1 wijziging', '2 wijzigingen', '0 wijzigingen': the noun agrees with the number."""
    return f"{n} {enkelvoud if n == 1 else meervoud}"


#: As text: re compiles it on first use, and most commands that import this module read no dates.
_DATUM = (r"(?i)(?<!\d)(?:(?P<iso>\d{4})-(?P<isom>\d{1,2})-(?P<isod>\d{1,2})"
          r"|(?P<d>\d{1,2})[-/](?P<m>\d{1,2})[-/](?P<j>\d{4})"
          r"|(?P<nd>\d{1,2})\s+(?P<nm>" + "|".join(MAANDEN) + r")\s+(?P<nj>\d{4}))(?!\d)")


def eerste_datum(tekst: str) -> date | None:
    """The first date in a text as Dutch writers write one ('20 mei 2026', '20-05-2026', '2026-05-20'); None when
    there is none (an impossible day such as 31 februari is skipped)."""
    for m in re.finditer(_DATUM, tekst):
        if m.group("iso"):
            delen = (m.group("iso"), m.group("isom"), m.group("isod"))
        elif m.group("j"):
            delen = (m.group("j"), m.group("m"), m.group("d"))
        else:
            delen = (m.group("nj"), str(MAANDEN.index(m.group("nm").lower()) + 1), m.group("nd"))
        try:
            return date(int(delen[0]), int(delen[1]), int(delen[2]))
        except ValueError:
            continue
    return None
