"""Juriconnect BWB 1.3 references and wetten.overheid.nl links for grondslagen.

`jci1.3:c:BWBR0007625&artikel=7.2.4a&lid=1&o=a&g=2026-08-01`: the BWB id of the law,
then the location (artikel, lid, `o` for an item of a list, repeated per level for a nested
one: onderdeel 'b, 1°' is `o=b&o=1°`) and the geldigheidsdatum `g` (the kader's peildatum, so
the link shows the law as it reads on that day).
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import quote

from kaderdiff.bron.wetregister import pakketregister
from kaderdiff.model.grondslag import Grondslag
from kaderdiff.model.wet import Wetregister

JCI_VERSIE = "jci1.3"
WETTEN_OVERHEID = "https://wetten.overheid.nl/"


#: What `quote(…, safe=".:")` leaves as it is; most article numbers and leden are only that.
_ONGEWIJZIGD = re.compile(r"[A-Za-z0-9_.~:-]*")


def _waarde(tekst: str) -> str:
    return tekst if _ONGEWIJZIGD.fullmatch(tekst) else quote(tekst, safe=".:")


def jci(g: Grondslag, peildatum: date | None = None, register: Wetregister | None = None) -> str:
    """The Juriconnect reference of a grondslag ('' when the law has no BWB id or is unknown)."""
    wet = (register if register is not None else pakketregister()).get(g.wet)
    if wet is None or not wet.bwb:
        return ""
    delen = [f"{JCI_VERSIE}:c:{wet.bwb}"]
    if g.artikel:
        delen.append(f"artikel={_waarde(g.artikel)}")
        if g.lid:
            delen.append(f"lid={_waarde(g.lid)}")
        delen.extend(f"o={_waarde(deel)}" for deel in g.onderdelen)
    if peildatum is not None:
        delen.append(f"g={peildatum.isoformat()}")
    return "&".join(delen)


def link(g: Grondslag, peildatum: date | None = None, register: Wetregister | None = None) -> str:
    """The wetten.overheid.nl address of a grondslag ('' when there is no BWB id)."""
    return link_van(jci(g, peildatum, register))


def link_van(verwijzing: str) -> str:
    """The wetten.overheid.nl address of a Juriconnect reference ('' for none): for who has the jci already."""
    return WETTEN_OVERHEID + verwijzing if verwijzing else ""
