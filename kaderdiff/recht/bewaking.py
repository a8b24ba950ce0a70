"""`kaderdiff wetten bewaak`: is there a newer version of a cited law than the one stored, and what does it change?

For every law the kaders of the working tree cite (with a BWB id), the repository's manifest is read once; every
toestand that took effect after the newest stored version is fetched in its current generation, stored like
`wetten haal` stores it, and compared with the version before it (`wetimpact.impact_tussen`, the computation of
`impact --van-datum --naar-datum`): each changed article, lid or onderdeel with the eisen resting on it. A law with
no stored version is not asked for (there is nothing to compare with); it is named, with how to fetch it. One law
failing does not stop the others.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kaderdiff.bron.bwb import versies
from kaderdiff.bron.versies import KaderMap
from kaderdiff.bron.wetregister import register_voor
from kaderdiff.fouten import KaderdiffFout
from kaderdiff.recht.bwbhaal import Expressie, bewaar, controleer_basis, geciteerde_wetten, manifest_van
from kaderdiff.recht.wetimpact import WetImpact, impact_tussen


@dataclass(frozen=True)
class NieuweVersie:
    """A toestand newer than the stored ones: where it came from, where it is stored, what it changed."""

    geldig_vanaf: date
    url: str
    bestand: Path
    impact: WetImpact


@dataclass(frozen=True)
class Wetbewaking:
    """One cited law: its newest stored version before the watch, the newer ones found, or why it failed."""

    wet: str
    naam: str
    bwb: str
    opgeslagen: date | None  # None: no version stored, so nothing was asked
    nieuw: tuple[NieuweVersie, ...] = ()
    fout: str = ""


def _huidige_generatie(expressies: list[Expressie], datum: date) -> Expressie:
    """Of the expressions that take effect on `datum`, the one still visible (else the latest made visible)."""
    return max((e for e in expressies if e.van == datum),
               key=lambda e: (e.zicht_tot == date(9999, 12, 31), e.zicht_van, e.label))


def _bewaak_wet(kadermap: KaderMap, code: str, basis: str, timeout: float) -> Wetbewaking:
    wet = register_voor(kadermap.pad).per_code[code]
    opgeslagen = [d for d, _ in versies(kadermap.pad, wet.bwb)]
    if not opgeslagen:
        return Wetbewaking(code, wet.naam, wet.bwb, None)
    laatste = opgeslagen[-1]
    try:
        expressies = manifest_van(wet.bwb, basis, timeout)
        nieuw = []
        vorige = laatste
        for datum in sorted({e.van for e in expressies if e.van > laatste}):
            _, bestand, url = bewaar(wet.bwb, _huidige_generatie(expressies, datum), basis, timeout, kadermap.pad)
            nieuw.append(NieuweVersie(datum, url, bestand, impact_tussen(kadermap, code, vorige, datum)))
            vorige = datum
    except KaderdiffFout as fout:
        return Wetbewaking(code, wet.naam, wet.bwb, laatste, fout=fout.tekst)
    return Wetbewaking(code, wet.naam, wet.bwb, laatste, tuple(nieuw))


def bewaak(kadermap: KaderMap, basis: str | None = None, timeout: float = 30.0) -> list[Wetbewaking]:
    """Watch every law the kaders cite (see the module docstring), in the order of their codes."""
    from kaderdiff.bron.ophalen import controleer_wachttijd

    controleer_wachttijd(timeout)
    adres = controleer_basis(basis)
    return [_bewaak_wet(kadermap, code, adres, timeout) for code in geciteerde_wetten(kadermap.pad)]
