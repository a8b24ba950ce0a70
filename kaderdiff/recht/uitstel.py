"""Postponing a wetswijziging (`wetten uitstel VABA --naar 2027`): its changes move to a later year, on a branch.

In the year that declares the wetswijziging (the *van* year, the latest before `--naar`), every element a
toelichting tied to it names goes back to how it read the year before: changed elements get their old
form, elements it added go, elements it removed come back at their old place. The toelichtingen move to
the `--naar` kader and the declaration follows with its status (and the van year keeps it marked
`uitgesteld`). A `--naar` kader that does not exist yet is made from the van kader as it was (so it
holds the changes), with its own year, peildatum and only the moved toelichtingen; an existing one
already builds on the changed text and keeps its elements.

Everything is read from HEAD and written as one commit on a new branch (`versiebeheer.tak`): the working
tree, the index and the current branch stay as they are. Each file written is schema-checked first. The
trees are changed through `bron.bewerken`; this module decides what changes.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from kaderdiff.bron import bewerken
from kaderdiff.bron.bewerken import Boom, per_id
from kaderdiff.bron.ontleden import parse_kader
from kaderdiff.bron.opmaak import canoniek
from kaderdiff.bron.versies import KaderMap
from kaderdiff.fouten import KaderdiffFout
from kaderdiff.model.commit import Commitstap
from kaderdiff.model.versie import Versie

UITGESTELD = "uitgesteld"


@dataclass(frozen=True)
class SectorUitstel:
    sector: str
    toelichtingen: tuple[str, ...]
    teruggezet: tuple[str, ...]
    verwijderd: tuple[str, ...]
    teruggeplaatst: tuple[str, ...]
    naar_aangemaakt: bool


@dataclass(frozen=True)
class Uitstel:
    code: str
    van: int
    naar: int
    tak: str
    commit: str
    basis: str
    sectoren: tuple[SectorUitstel, ...]


def _boom(kaders: KaderMap, jaar: int, sector: str, ref: str) -> Boom:
    data, bron = kaders.lees_bytes(Versie(jaar, ref), sector)
    boom, meldingen = parse_kader(data, bron)
    if meldingen:
        raise KaderdiffFout(f"{bron} voldoet niet aan het kaderschema; eerst herstellen", tuple(meldingen))
    return boom


def _van_jaar(kaders: KaderMap, code: str, naar: int, ref: str) -> int:
    for jaar in reversed([j for j in kaders.jaren(ref) if j < naar]):
        for sector in kaders.sectoren(Versie(jaar, ref)):
            wortel = _boom(kaders, jaar, sector, ref).getroot()
            if any(w.get("code", "").upper() == code for w in wortel.iter("wetswijziging")):
                return jaar
    raise KaderdiffFout(f"De wetswijziging '{code}' komt in geen kader vóór {naar} voor (op {ref})")


def _sector(kaders: KaderMap, code: str, van: int, naar: int, sector: str,
            ref: str) -> tuple[SectorUitstel, dict[str, Boom]] | None:
    boom_van = _boom(kaders, van, sector, ref)
    wortel = boom_van.getroot()
    verklaring = next((w for w in wortel.iter("wetswijziging") if w.get("code", "").upper() == code), None)
    if verklaring is None:
        return None
    origineel = copy.deepcopy(boom_van)
    vorige = [j for j in kaders.jaren(ref) if j < van and sector in kaders.sectoren(Versie(j, ref))]
    vorig = _boom(kaders, vorige[-1], sector, ref).getroot() if vorige else None
    toelichtingen = [t for t in wortel.iter("toelichting") if t.get("wetswijziging", "").upper() == code]
    refs = list(dict.fromkeys(b.get("ref", "") for t in toelichtingen for b in t.iter("betreft")))
    teruggezet, verwijderd, teruggeplaatst = [], [], []
    for element_id in refs:
        huidig = per_id(wortel).get(element_id)
        oud = per_id(vorig).get(element_id) if vorig is not None else None
        if huidig is not None and oud is not None:
            bewerken.vervang(huidig, oud)
            teruggezet.append(element_id)
        elif huidig is not None:
            bewerken.verwijder(huidig)
            verwijderd.append(element_id)
        elif oud is not None and bewerken.plaats_terug(oud, wortel):
            teruggeplaatst.append(element_id)
    for t in toelichtingen:
        bewerken.verwijder(t)
    bewerken.leeg_weg(wortel, "toelichtingen")
    status = verklaring.get("status", "verwacht")
    bewerken.zet(verklaring, status=UITGESTELD)

    aangemaakt = sector not in (kaders.sectoren(Versie(naar, ref)) if naar in kaders.jaren(ref) else [])
    boom_naar = bewerken.nieuw_jaar(origineel, van, naar) if aangemaakt else _boom(kaders, naar, sector, ref)
    naar_wortel = boom_naar.getroot()
    declaraties = bewerken.container(naar_wortel, "wetswijzigingen", ("titel",))
    bestaand = next((w for w in declaraties if w.get("code", "").upper() == code), None)
    if bestaand is not None:
        bewerken.verwijder(bestaand)
    verplaatst = copy.deepcopy(verklaring)
    bewerken.zet(verplaatst, status=status, inwerkingtreding=naar_wortel.get("peildatum", f"{naar}-08-01"))
    bewerken.voeg_toe(declaraties, verplaatst)
    lijst = bewerken.container(naar_wortel, "toelichtingen", tuple(str(k.tag) for k in naar_wortel))
    in_gebruik = set(per_id(naar_wortel))
    for t in toelichtingen:
        kopie = bewerken.kopie(t)
        if kopie.get("id") in in_gebruik:
            bewerken.zet(kopie, id=f"{kopie.get('id')}-uitgesteld-{van}")
        bewerken.voeg_toe(lijst, kopie)
    resultaat = SectorUitstel(wortel.get("sector", sector), tuple(t.get("id", "") for t in toelichtingen),
                              tuple(teruggezet), tuple(verwijderd), tuple(teruggeplaatst), aangemaakt)
    return resultaat, {kaders.pad_in_repo(van, sector): boom_van, kaders.pad_in_repo(naar, sector): boom_naar}


def stel_uit(kaders: KaderMap, code: str, naar: int, naam: str | None = None, ref: str = "HEAD") -> Uitstel:
    """Make the branch that moves wetswijziging `code` to year `naar` (see the module docstring)."""
    if kaders.repo is None:
        raise KaderdiffFout(f"{kaders.pad} staat niet in een git-repository; uitstel maakt een git-tak")
    code = code.strip().upper()
    tak = naam or f"uitstel/{code.lower()}-{naar}"
    kaders.repo.tak_naam_vrij(tak)
    van = _van_jaar(kaders, code, naar, ref)
    sectoren: list[SectorUitstel] = []
    bestanden: dict[str, bytes] = {}
    for sector in kaders.sectoren(Versie(van, ref)):
        gedaan = _sector(kaders, code, van, naar, sector, ref)
        if gedaan is None:
            continue
        sectoren.append(gedaan[0])
        for pad, boom in gedaan[1].items():
            data = canoniek(boom)
            _, meldingen = parse_kader(data, f"{pad}@{tak}")
            if meldingen:  # pragma: no cover - a bug here must not reach a branch
                raise KaderdiffFout(f"Het uitgestelde kader {pad} voldoet niet aan het schema; geen tak gemaakt",
                                    tuple(meldingen))
            bestanden[pad] = data
    basis = kaders.commit(ref)
    elementen = sorted({i for s in sectoren for i in (*s.teruggezet, *s.verwijderd, *s.teruggeplaatst)})
    bericht = (f"Wetswijziging {code} uitgesteld van {van} naar {naar}\n\n"
               f"De wijzigingen die uit {code} volgen zijn uit de kaders van {van} gehaald (elementen zoals in "
               f"het jaar ervoor) en staan in de kaders van {naar}, met hun toelichtingen.\n"
               f"Sectoren: {', '.join(s.sector for s in sectoren)}\n"
               f"Elementen: {', '.join(elementen) or '-'}\n")
    (commit,) = kaders.repo.maak_reeks(tak, basis, [Commitstap(bestanden, bericht, basis.datum)])
    return Uitstel(code, van, naar, tak, commit, basis.hexsha, tuple(sectoren))
