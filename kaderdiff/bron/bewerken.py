"""Editing a kader XML tree: the one place that changes one (the rest of kaderdiff reads kaders).

Postponing a wetswijziging (`recht/uitstel`), a reader's Word revisions taken into a branch
(`voorstel/uit_docx`) and the tests' edits of an editor all change a kader through these functions: by element
id, keeping everything else of the tree as it was. What they write afterwards goes through `opmaak.canoniek`
(the one layout) and is checked against the schema by the caller before it reaches a file or a branch.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from datetime import date
from typing import TypeAlias

from lxml import etree

from kaderdiff.bron.schrijven import schrijf_inline
from kaderdiff.fouten import KaderdiffFout
from kaderdiff.model.kader import Fragment

#: An element of a kader tree, and a whole tree: what callers hold between these functions.
Knoop: TypeAlias = etree._Element
Boom: TypeAlias = etree._ElementTree


# ---------------------------------------------------------------- finding
def per_id(wortel: Knoop) -> dict[str, Knoop]:
    """Every element with an id, by id."""
    return {str(el.get("id")): el for el in wortel.iter() if isinstance(el.tag, str) and el.get("id")}


def vind(boom: Boom, element_id: str, bron: str) -> Knoop:
    """The element with this id; a Dutch error naming the file when there is none."""
    gevonden = boom.getroot().xpath("//*[@id=$i]", i=element_id)
    if not gevonden:
        raise KaderdiffFout(f"{bron}: element '{element_id}' niet gevonden")
    return gevonden[0]


# ---------------------------------------------------------------- text and attributes
def zet_inhoud(el: Knoop, fragmenten: tuple[Fragment, ...]) -> None:
    """Replace the element's own inline text (an eis: its <tekst>) by these fragments."""
    if el.tag == "eis":
        tekst = el.find("tekst")
        assert tekst is not None  # the schema requires it
        el = tekst
    for kind in list(el):
        el.remove(kind)
    el.text = ""
    schrijf_inline(el, fragmenten)


def zet(el: Knoop, **attributen: str) -> None:
    """Set attributes of an element (year, status, id …)."""
    for naam, waarde in attributen.items():
        el.set(naam, waarde)


def zet_tekst(el: Knoop, tekst: str) -> None:
    """The text of a text-only element (a title)."""
    el.text = tekst


# ---------------------------------------------------------------- adding, removing, moving
def nieuw_element(tag: str, element_id: str, tekst: str, grondslag: dict[str, str] | None = None) -> Knoop:
    """A new element (not yet in a tree): an eis gets a <tekst> and, when given, a <grondslag>."""
    el = etree.Element(tag, id=element_id)
    if tag == "eis":
        etree.SubElement(el, "tekst").text = tekst
        if grondslag is not None:
            etree.SubElement(el, "grondslag", **grondslag)
    else:
        el.text = tekst
    return el


def kopie(el: Knoop) -> Knoop:
    """A copy of an element (from another tree) to insert, without the text that followed it there."""
    nieuw = copy.deepcopy(el)
    nieuw.tail = None
    return nieuw


def verwijder(el: Knoop) -> None:
    ouder = el.getparent()
    if ouder is not None:
        ouder.remove(el)


def plaats_na(el: Knoop, anker: Knoop) -> None:
    """Move (or insert) `el` right after `anker`, in the anchor's parent."""
    anker.addnext(el)


def plaats_voor(el: Knoop, anker: Knoop) -> None:
    anker.addprevious(el)


def voeg_toe(ouder: Knoop, el: Knoop) -> None:
    """Put `el` last in `ouder`."""
    ouder.append(el)


def vervang(oud: Knoop, nieuw: Knoop) -> None:
    """Put a copy of `nieuw` (from another tree) where `oud` stands."""
    kopie_ = copy.deepcopy(nieuw)
    kopie_.tail = oud.tail
    ouder = oud.getparent()
    assert ouder is not None
    ouder.replace(oud, kopie_)


def verplaats_eis(eis: Knoop, na: Knoop | None, standaard: Knoop | None) -> None:
    """Move an eis right after eis `na`, or else first into the basiskwaliteit of `standaard`."""
    if na is not None:
        if na.get("id") != eis.get("id"):
            verwijder(eis)
            na.addnext(eis)
        return
    assert standaard is not None
    basis = standaard.find("basiskwaliteit")
    if basis is None:
        raise KaderdiffFout(f"standaard '{standaard.get('id')}' heeft geen basiskwaliteit")
    verwijder(eis)
    eerste = basis.find("eis")
    if eerste is None:
        basis.append(eis)
    else:
        eerste.addprevious(eis)


# ---------------------------------------------------------------- an element back at its old place
def _ouder_in(el_vorig: Knoop, doel: Knoop, doel_ids: dict[str, Knoop]) -> Knoop | None:
    """The element of the `doel` tree that corresponds to the parent of `el_vorig`: by id, or for a container
    without id (basiskwaliteit …) by its tag under the nearest ancestor with an id (or the kader itself)."""
    paden: list[str] = []
    ouder = el_vorig.getparent()
    while ouder is not None and not ouder.get("id") and ouder.getparent() is not None:
        paden.append(str(ouder.tag))
        ouder = ouder.getparent()
    if ouder is None:
        return None
    gevonden: Knoop | None = doel_ids.get(ouder.get("id", "")) if ouder.get("id") else doel
    for tag in reversed(paden):
        if gevonden is None:
            return None
        gevonden = gevonden.find(tag)
    return gevonden


def _buur_in(buren: Iterator[Knoop], ids: dict[str, Knoop], ouder: Knoop) -> Knoop | None:
    """The nearest of an element's old neighbours that `doel` still has under the same parent: the removed
    element goes back right beside it."""
    return next((ids[i] for buur in buren if (i := buur.get("id")) in ids and ids[i].getparent() is ouder), None)


def plaats_terug(el_vorig: Knoop, doel: Knoop) -> bool:
    """Insert a copy of an element of an older tree at its old place in `doel`; False when its parent is gone."""
    ids = per_id(doel)
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


# ---------------------------------------------------------------- the kader's own parts
def container(wortel: Knoop, naam: str, na: tuple[str, ...]) -> Knoop:
    """The kader's <wetswijzigingen> or <toelichtingen>, made at its schema place (after the last of `na`)
    when absent."""
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


def leeg_weg(wortel: Knoop, naam: str) -> None:
    """Remove the kader's <naam> when nothing is left in it."""
    gevonden = wortel.find(naam)
    if gevonden is not None and len(gevonden) == 0:
        wortel.remove(gevonden)


def nieuw_jaar(bron: Boom, van: int, naar: int) -> Boom:
    """A kader for `naar` from the van kader as it was: own year, title and peildatum (the same day of the new
    year: 1 August), status concept; without what belonged to van's own changes (toelichtingen, wetswijzigingen,
    the summary of van's changes, a correctie of van's published kader)."""
    boom = copy.deepcopy(bron)
    wortel = boom.getroot()
    wortel.set("jaar", str(naar))
    wortel.set("status", "concept")
    wortel.set("peildatum", _in_jaar(wortel.get("peildatum", ""), naar))
    titel = wortel.find("titel")
    if titel is not None and titel.text:
        titel.text = titel.text.replace(str(van), str(naar))
    for naam in ("toelichtingen", "wetswijzigingen", "samenvatting", "correctie"):
        gevonden = wortel.find(naam)
        if gevonden is not None:
            wortel.remove(gevonden)
    return boom


def _in_jaar(peildatum: str, jaar: int) -> str:
    """The same day and month in `jaar` (29 February: 28 February); 1 August when there is no valid date."""
    try:
        dag = date.fromisoformat(peildatum)
    except ValueError:
        return f"{jaar}-08-01"
    return (dag.replace(year=jaar) if (dag.month, dag.day) != (2, 29) else date(jaar, 2, 28)).isoformat()
