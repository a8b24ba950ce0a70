"""`kaderdiff nieuw-jaar 2027 [--van 2026]`: the kaders of a new year, as one commit on the current branch.

Every kader of the van year (sectors and variants alike) is copied as it is committed, through the one editor
(`bewerken.nieuw_jaar`: year, title, peildatum, status concept; the van year's toelichtingen, wetswijzigingen,
summary and correctie left out, they stay in git with van), written in the canonical layout and checked as
every command checks a kader. The new year's folder appears at once (built beside it, then renamed) and is
committed alone; when git refuses the commit (a hook, a merge in progress), the folder goes again and the
repository is as it was. The van year's other files (its `consultatie.toml`) belong to van's consultation and
are not copied.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass

from kaderdiff.bron import bewerken
from kaderdiff.bron.laden import laad_bytes
from kaderdiff.bron.ontleden import parse_kader
from kaderdiff.bron.opmaak import canoniek
from kaderdiff.bron.versies import KaderMap
from kaderdiff.bron.wetregister import register_voor
from kaderdiff.fouten import KaderdiffFout
from kaderdiff.model.versie import Versie
from kaderdiff.uitvoer.atomair import nieuwe_map
from kaderdiff.versiebeheer.vastleggen import huidige_tak, leg_map_vast, onvastgelegd


@dataclass(frozen=True)
class NieuwJaar:
    """What `nieuw-jaar` made: the years, the files (paths in the repository), the branch and the commit."""

    van: int
    naar: int
    bestanden: tuple[str, ...]
    tak: str
    commit: str


def _van_jaar(kaders: KaderMap, naar: int, van: int | None) -> int:
    jaren = kaders.jaren()
    if van is None:
        eerder = [j for j in jaren if j < naar]
        if not eerder:
            raise KaderdiffFout(f"Er is geen jaar vóór {naar} in {kaders.pad} om van uit te gaan; geef --van JAAR")
        return eerder[-1]
    if van not in jaren:
        raise KaderdiffFout(f"Het jaar {van} bestaat niet in {kaders.pad} (beschikbaar: "
                            f"{', '.join(map(str, jaren)) or 'geen'})")
    if van >= naar:
        raise KaderdiffFout(f"--van {van} ligt niet vóór {naar}: een nieuw jaar begint bij een eerder jaar")
    return van


def nieuwe_kaders(kaders: KaderMap, van: int, naar: int) -> dict[str, bytes]:
    """File name -> canonical XML of every kader of `naar`, made from `van` in the working tree."""
    register = register_voor(kaders.pad)
    uit: dict[str, bytes] = {}
    for sector in kaders.sectoren(Versie(van)):
        kaders.laad(Versie(van), sector)  # the van kader itself must be valid (a clear message naming it)
        data, bron = kaders.lees_bytes(Versie(van), sector)
        boom, _ = parse_kader(data, bron)
        naam = f"{sector.lower()}.xml"
        nieuw = canoniek(bewerken.nieuw_jaar(boom, van, naar))
        laad_bytes(nieuw, f"{naar}/{naam}", register)  # as every command will read it
        uit[naam] = nieuw
    return uit


def begin_jaar(kaders: KaderMap, naar: int, van: int | None = None) -> NieuwJaar:
    """Make `kaders/NAAR/` from the van year and commit it on the current branch (see the module docstring)."""
    wortel = kaders.wortel()
    if wortel is None:
        raise KaderdiffFout(f"{kaders.pad} staat niet in een git-repository; nieuw-jaar legt het jaar vast in git "
                            "(richt er een in met 'kaderdiff init')")
    doel = kaders.pad / str(naar)
    if naar in kaders.jaren() or doel.exists() or doel.is_symlink():
        raise KaderdiffFout(f"Het jaar {naar} bestaat al ({kaders.naam_van(doel)}); er is niets veranderd. "
                            "Verwijder het eerst, of kies een ander jaar")
    if not 1900 <= naar <= 9999:
        raise KaderdiffFout(f"{naar} is geen geldig jaar")
    van = _van_jaar(kaders, naar, van)
    tak = huidige_tak(wortel)
    van_pad = kaders.naam_van(kaders.pad / str(van))
    gewijzigd = onvastgelegd(wortel, van_pad)
    if gewijzigd:
        raise KaderdiffFout(f"{van_pad} heeft wijzigingen die niet zijn vastgelegd ({', '.join(gewijzigd[:5])}"
                            f"{' …' if len(gewijzigd) > 5 else ''}); leg ze eerst vast (git commit), zodat {naar} "
                            "uit een vastgelegde versie komt. Er is niets veranderd.")
    bestanden = nieuwe_kaders(kaders, van, naar)
    with nieuwe_map(doel) as tijdelijk:
        for naam, data in bestanden.items():
            (tijdelijk / naam).write_bytes(data)
    naar_pad = kaders.naam_van(doel)
    sectoren = ", ".join(n.removesuffix(".xml").upper() for n in bestanden)
    bericht = (f"Kaders {naar}: nieuw jaar uit {van}\n\n"
               f"Jaar, titel en peildatum bijgewerkt, status concept. De toelichtingen, wetswijzigingen en "
               f"samenvattingen van {van} zijn weggelaten: ze gaan over de wijzigingen van {van} en staan in git "
               f"bij {van}.\nKaders: {sectoren}\n")
    try:
        commit = leg_map_vast(wortel, naar_pad, bericht)
    except BaseException:
        shutil.rmtree(doel, ignore_errors=True)
        raise
    return NieuwJaar(van, naar, tuple(f"{naar_pad}/{n}" for n in bestanden), tak, commit)
