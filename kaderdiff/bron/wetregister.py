"""The law registry: which law codes exist, their names, aliases and BWB ids (data in wetten.toml beside it)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

REGISTER_PAD = Path(__file__).with_name("wetten.toml")


@dataclass(frozen=True)
class Wet:
    """A law, regulation or beleidsregel that a grondslag can point to."""

    code: str
    naam: str
    soort: str
    bwb: str
    aliassen: tuple[str, ...] = ()


@cache
def wetten() -> dict[str, Wet]:
    """Registry code -> Wet (read once; the file is part of the package)."""
    with REGISTER_PAD.open("rb") as f:
        ruw = tomllib.load(f)
    return {
        code: Wet(code, d["naam"], d["soort"], d.get("bwb", ""), tuple(d.get("aliassen", ())))
        for code, d in ruw.items()
    }


def zoek_wet(naam: str) -> Wet | None:
    """Find a law by code or alias, case-insensitively (e.g. 'Wpo', 'WVO 2020')."""
    sleutel = " ".join(naam.split()).casefold()
    for wet in wetten().values():
        if sleutel == wet.code.casefold() or sleutel in (a.casefold() for a in wet.aliassen):
            return wet
    return None
