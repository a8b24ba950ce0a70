"""Postponing a wetswijziging (`wetten uitstel VABA --naar 2027`): its changes move to a later year, on a branch.

In the year that declares the wetswijziging (the *van* year, the latest before `--naar`), every element a
toelichting tied to it names goes back to how it read the year before: changed elements get their old
form, elements it added go, elements it removed come back at their old place. The toelichtingen move to
the `--naar` kader and the declaration follows with its status (and the van year keeps it marked
`uitgesteld`). A `--naar` kader that does not exist yet is made from the van kader as it was (so it
holds the changes), with its own year, peildatum and only the moved toelichtingen; an existing one
already builds on the changed text and keeps its elements.

Everything is read from HEAD and written as one commit on a new branch (`versiebeheer.tak`): the working
tree, the index and the current branch stay as they are. Each file written is schema-checked first.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from kaderdiff.bron.laden import parse_kader
from kaderdiff.bron.opmaak import canoniek
from kaderdiff.bron.versies import KaderMap
from kaderdiff.fouten import KaderdiffFout
from kaderdiff.model.versie import Versie
from kaderdiff.versiebeheer.tak import Commitstap

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


def _ids(wortel: etree._Element) -> dict[str, etree._Element]:
    return {el.get("id", ""): el for el in wortel.iter() if isinstance(el.tag, str) and el.get("id")}


def _boom(kaders: KaderMap, jaar: int, sector: str, ref: str) -> etree._ElementTree:
    data, bron = kaders.lees_bytes(Versie(jaar, ref), sector)
    boom, meldingen = parse_kader(data, bron)
    if meldingen:
        raise KaderdiffFout(f"{bron} voldoet niet aan het kaderschema; eerst herstellen", tuple(meldingen))
    return boom


def _ouder_in(el_vorig: etree._Element, doel: etree._Element,
              doel_ids: dict[str, etree._Element]) -> etree._Element | None:
    """The element of the van tree that corresponds to the parent of `el_vorig`: by id, or for a container
    without id (basiskwaliteit …) by its tag under the nearest ancestor with an id (or the kader itself)."""
    paden: list[str] = []
    ouder = el_vorig.getparent()
    while ouder is not None and not ouder.get("id") and ouder.getparent() is not None:
        paden.append(str(ouder.tag))
        ouder = ouder.getparent()
    if ouder is None:
        return None
    gevonden: etree._Element | None = doel_ids.get(ouder.get("id", "")) if ouder.get("id") else doel
    for tag in reversed(paden):
        if gevonden is None:
            return None
        gevonden = gevonden.find(tag)
    return gevonden


def _plaats_terug(el_vorig: etree._Element, doel: etree._Element) -> bool:
    """Insert a copy of a removed element at its old place in `doel`; False when its parent is gone."""
    ids = _ids(doel)
    ouder = _ouder_in(el_vorig, doel, ids)
    if ouder is None:
        return False
    nieuw = copy.deepcopy(el_vorig)
    voor = _buur_in(el_vorig.itersiblings(preceding=True), ids, ouder)
    na = _buur_in(el_vorig.itersiblings(), ids, ouder) if voor is None else None
    if voor is not None:
        voor.addnext(nieuw)
    elif na is not None:
        na.addprevious(nieuw)
    else:
        ouder.append(nieuw)
    return True


def _buur_in(buren: Iterator[etree._Element], ids: dict[str, etree._Element],
             ouder: etree._Element) -> etree._Element | None:
    """The nearest of an element's old neighbours that `doel` still has under the same parent: the removed
    element goes back right beside it."""
    return next((ids[i] for buur in buren if (i := buur.get("id")) in ids and ids[i].getparent() is ouder), None)


def _vervang(oud: etree._Element, nieuw: etree._Element) -> None:
    kopie = copy.deepcopy(nieuw)
    kopie.tail = oud.tail
    ouder = oud.getparent()
    assert ouder is not None
    ouder.replace(oud, kopie)


def _verwijder(el: etree._Element) -> None:
    ouder = el.getparent()
    if ouder is not None:
        ouder.remove(el)


def _container(wortel: etree._Element, naam: str, na: tuple[str, ...]) -> etree._Element:
    """The kader's <wetswijzigingen> or <toelichtingen>, made at its schema place when absent."""
    gevonden = wortel.find(naam)
    if gevonden is not None:
        return gevonden
    nieuw = etree.Element(naam)
    laatste = None
    for kind in wortel:
        if kind.tag in na:
            laatste = kind
    if laatste is None:
        wortel.insert(0, nieuw)
    else:
        laatste.addnext(nieuw)
    return nieuw


def _leeg_weg(wortel: etree._Element, naam: str) -> None:
    gevonden = wortel.find(naam)
    if gevonden is not None and len(gevonden) == 0:
        wortel.remove(gevonden)


def _nieuw_jaar(bron: etree._ElementTree, van: int, naar: int) -> etree._ElementTree:
    """A kader for `naar` from the van kader as it was: own year, peildatum, status concept, no toelichtingen
    and no wetswijzigingen of van (those changes are in force by then)."""
    boom = copy.deepcopy(bron)
    wortel = boom.getroot()
    wortel.set("jaar", str(naar))
    wortel.set("status", "concept")
    wortel.set("peildatum", wortel.get("peildatum", f"{van}-08-01").replace(str(van), str(naar), 1))
    titel = wortel.find("titel")
    if titel is not None and titel.text:
        titel.text = titel.text.replace(str(van), str(naar))
    for naam in ("toelichtingen", "wetswijzigingen"):
        gevonden = wortel.find(naam)
        if gevonden is not None:
            wortel.remove(gevonden)
    return boom


def _van_jaar(kaders: KaderMap, code: str, naar: int, ref: str) -> int:
    for jaar in reversed([j for j in kaders.jaren(ref) if j < naar]):
        for sector in kaders.sectoren(Versie(jaar, ref)):
            wortel = _boom(kaders, jaar, sector, ref).getroot()
            if any(w.get("code", "").upper() == code for w in wortel.iter("wetswijziging")):
                return jaar
    raise KaderdiffFout(f"De wetswijziging '{code}' komt in geen kader vóór {naar} voor (op {ref})")


def _sector(kaders: KaderMap, code: str, van: int, naar: int, sector: str,
            ref: str) -> tuple[SectorUitstel, dict[str, etree._ElementTree]] | None:
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
        huidig = _ids(wortel).get(element_id)
        oud = _ids(vorig).get(element_id) if vorig is not None else None
        if huidig is not None and oud is not None:
            _vervang(huidig, oud)
            teruggezet.append(element_id)
        elif huidig is not None:
            _verwijder(huidig)
            verwijderd.append(element_id)
        elif oud is not None and _plaats_terug(oud, wortel):
            teruggeplaatst.append(element_id)
    for t in toelichtingen:
        _verwijder(t)
    _leeg_weg(wortel, "toelichtingen")
    status = verklaring.get("status", "verwacht")
    verklaring.set("status", UITGESTELD)

    aangemaakt = sector not in (kaders.sectoren(Versie(naar, ref)) if naar in kaders.jaren(ref) else [])
    boom_naar = _nieuw_jaar(origineel, van, naar) if aangemaakt else _boom(kaders, naar, sector, ref)
    naar_wortel = boom_naar.getroot()
    declaraties = _container(naar_wortel, "wetswijzigingen", ("titel",))
    bestaand = next((w for w in declaraties if w.get("code", "").upper() == code), None)
    if bestaand is not None:
        declaraties.remove(bestaand)
    verplaatst = copy.deepcopy(verklaring)
    verplaatst.set("status", status)
    verplaatst.set("inwerkingtreding", naar_wortel.get("peildatum", f"{naar}-08-01"))
    declaraties.append(verplaatst)
    lijst = _container(naar_wortel, "toelichtingen", tuple(k.tag for k in naar_wortel))
    in_gebruik = set(_ids(naar_wortel))
    for t in toelichtingen:
        kopie = copy.deepcopy(t)
        kopie.tail = None
        if kopie.get("id") in in_gebruik:
            kopie.set("id", f"{kopie.get('id')}-uitgesteld-{van}")
        lijst.append(kopie)
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
