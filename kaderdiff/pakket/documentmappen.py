"""The other folders of documents commands write: the Staten van wijzigingen of `kaderdiff staat`, and the
law-change impact of `impact --uit`. Like the pack, each is built in a temporary folder beside its place and
swapped in as a whole (uitvoer/atomair.py); the commands only parse, call one function here and print.
"""

from __future__ import annotations

from pathlib import Path

from kaderdiff.bron.versies import KaderMap
from kaderdiff.diff.staatbouw import maak_staat, sectoren_voor
from kaderdiff.model.versie import Versie
from kaderdiff.model.wijziging import Staat
from kaderdiff.recht.wetimpact import WetImpact
from kaderdiff.render.staat_uit import staat_bestanden
from kaderdiff.render.wetimpact_uit import wetimpact_bestanden
from kaderdiff.uitvoer.atomair import atomaire_map, schrijf
from kaderdiff.uitvoer.tijd import datum_van_tijdstip


def schrijf_staten(kadermap: KaderMap, van: Versie, naar: Versie, doel: Path, formaten: tuple[str, ...],
                   sector: str | None = None, streng: bool = False,
                   op_inhoud: bool = False) -> list[tuple[str, Staat]]:
    """The Staat of every sector (or of `sector`) in `formaten`, into folder `doel`; returns (sector, Staat)."""
    moment = datum_van_tijdstip(kadermap.commitdatum(naar))
    staten = []
    with atomaire_map(doel, kadermap.beschermd(doel)) as tijdelijk:
        for naam_sector in sectoren_voor(kadermap, van, naar, sector):
            staat = maak_staat(kadermap, van, naar, naam_sector, streng=streng, op_inhoud=op_inhoud)
            for naam, inhoud in staat_bestanden(staat, formaten, moment, naam_sector).items():
                schrijf(tijdelijk, naam, inhoud)
            staten.append((naam_sector, staat))
    return staten


def schrijf_wetimpact(kadermap: KaderMap, impact: WetImpact, doel: Path, formaten: tuple[str, ...]) -> None:
    """A law-change impact in `formaten`, into folder `doel` (dated by the newest kader year's commit)."""
    jaren = kadermap.jaren()
    moment = datum_van_tijdstip(kadermap.commitdatum(Versie(jaren[-1])) if jaren else 0)
    bestanden = wetimpact_bestanden(impact, formaten, moment)
    with atomaire_map(doel, kadermap.beschermd(doel)) as tijdelijk:
        for naam, inhoud in bestanden.items():
            schrijf(tijdelijk, naam, inhoud)
