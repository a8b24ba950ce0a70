"""Where every page of the site lives. All links are relative, so the site works from `file://` and from any
folder of any web server; every page is at the root or one folder deep (`basis` is '' or '../')."""

from __future__ import annotations

import re

from kaderdiff.model.kader import Grondslag

ZOEKEN = "zoeken.html"
VERGELIJK = "vergelijk.html"
WETTEN = "wet/index.html"
WETSWIJZIGINGEN = "wetswijziging/index.html"
STIJL = "hulp/site.css"
ZOEKSCRIPT = "hulp/zoeken.js"
ZOEKINDEX = "hulp/zoekindex.js"
VERGELIJKSCRIPT = "hulp/vergelijk.js"


def _veilig(tekst: str) -> str:
    """A file-name part: lower case letters, digits, dots and hyphens only (article numbers keep their dots)."""
    return re.sub(r"[^a-z0-9.]+", "-", tekst.lower()).strip("-.") or "x"


def kader(sleutel: str, jaar: int) -> str:
    return f"kader/{_veilig(sleutel)}-{jaar}.html"


def staat(sleutel: str, van: int, naar: int) -> str:
    return f"staat/{_veilig(sleutel)}-{van}-{naar}.html"


def standaard(sleutel: str, standaard_id: str) -> str:
    return f"standaard/{_veilig(sleutel)}-{_veilig(standaard_id)}.html"


def artikel(g: Grondslag) -> str:
    """The page of an article; its leden are sections on it (`#lid-1`)."""
    return f"wet/{_veilig(g.wet)}-{_veilig(g.artikel)}.html"


def lid_anker(lid: str) -> str:
    return f"lid-{_veilig(lid)}" if lid else "artikel"


def artikel_met_lid(g: Grondslag) -> str:
    return f"{artikel(g)}#{lid_anker(g.lid)}"


def wetswijziging(code: str) -> str:
    return f"wetswijziging/{_veilig(code)}.html"


def vergelijkdata(sleutel: str) -> str:
    return f"hulp/vergelijk-{_veilig(sleutel)}.js"
