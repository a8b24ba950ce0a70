"""A reader's own moves in a concept kader (.docx) -> moving an eis in the kader XML.

Word writes a move as runs moved away from the paragraphs where the text stood and runs moved to new
paragraphs where it goes, the two joined by named ranges; LibreOffice saves a moved paragraph without ranges
(the destination's paragraph mark as an insertion). Both are read here (word/ says which is which): whole
moved paragraphs are paired by range name, or else by their identical text.

Only a whole eis (its text, with or without its grondslag line) moved into a basiskwaliteit can be mapped
onto the kader: after another eis, or as the first eis of a basiskwaliteit. Anything else is refused with a
reason. The destination's text may differ (an edit inside the move): it becomes the eis's new text.
The paragraphs are read through `word.lezen.Alinea`; the eis is moved with `bron.bewerken`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from kaderdiff.bron import bewerken
from kaderdiff.fouten import KaderdiffFout
from kaderdiff.model.kader import Fragment, Kader, Soort
from kaderdiff.word.blokken import BLOKMERK, Blok
from kaderdiff.word.lezen import HIER_GEPLAATST, INGEVOEGD, WEG_VERPLAATST, Alinea, Revisie

BRON, DOEL = WEG_VERPLAATST, HIER_GEPLAATST


@dataclass(frozen=True)
class LezerVerplaatsing:
    """An eis a reader moved: put it after eis `na`, or first in the basiskwaliteit of standaard `eerste_in`."""

    element_id: str
    auteur: str
    na: str
    eerste_in: str
    tekst: tuple[Fragment, ...] | None  # the new text when the reader also edited it
    revisies: tuple[Revisie, ...]


@dataclass
class _Groep:
    """Consecutive whole paragraphs one reader moved away (BRON) or moved here (DOEL)."""

    soort: str
    auteur: str
    nummers: list[int] = field(default_factory=list)
    namen: set[str] = field(default_factory=set)
    revisies: list[Revisie] = field(default_factory=list)

    def tekst(self, alineas: list[Alinea]) -> str:
        return " ".join("".join(alineas[n].verplaatste_tekst(self.soort) for n in self.nummers).split())


@dataclass
class Verplaatsingen:
    """What `zoek` found: the mapped moves, the refused ones, and the paragraphs they used."""

    gevonden: list[LezerVerplaatsing] = field(default_factory=list)
    geweigerd: list[tuple[int, str, list[Revisie]]] = field(default_factory=list)  # (paragraph nr, reason, …)
    alineas: set[int] = field(default_factory=set)


def _soort_van(alinea: Alinea, revisies: list[Revisie]) -> tuple[str, str] | None:
    """(BRON or DOEL, author) when the whole paragraph is a reader's move source or destination."""
    op_runs = {r.soort for r in revisies if r.soort not in ("alineateken", "opmaak")}
    auteurs = {r.auteur for r in revisies}
    if len(auteurs) != 1 or not op_runs:
        return None
    auteur = next(iter(auteurs))
    if op_runs == {BRON} and not alinea.fragmenten(frozenset({auteur})):
        return BRON, auteur
    if DOEL in op_runs and op_runs <= {DOEL, INGEVOEGD} and not alinea.fragmenten(frozenset()):
        return DOEL, auteur
    return None


def _groepen(alineas: list[Alinea]) -> list[_Groep]:
    groepen: list[_Groep] = []
    for nummer, alinea in enumerate(alineas):
        revisies = alinea.revisies()
        gevonden = _soort_van(alinea, revisies) if revisies else None
        if gevonden is None:
            continue
        soort, auteur = gevonden
        vorige = groepen[-1] if groepen else None
        if vorige is None or (vorige.soort, vorige.auteur, vorige.nummers[-1]) != (soort, auteur, nummer - 1):
            vorige = _Groep(soort, auteur)
            groepen.append(vorige)
        vorige.nummers.append(nummer)
        vorige.namen |= alinea.bereiknamen(soort)
        vorige.revisies.extend(revisies)
    return groepen


def _paren(groepen: list[_Groep], alineas: list[Alinea]) -> tuple[list[tuple[_Groep, _Groep]], list[_Groep]]:
    """Pair sources and destinations: by range name, else by identical moved text; the rest stays alone."""
    bronnen = [g for g in groepen if g.soort == BRON]
    doelen = [g for g in groepen if g.soort == DOEL]
    paren: list[tuple[_Groep, _Groep]] = []
    for bron in bronnen:
        passend = [d for d in doelen if d.auteur == bron.auteur and (
            bron.namen & d.namen if bron.namen and d.namen else bron.tekst(alineas) == d.tekst(alineas))]
        if passend:
            paren.append((bron, passend[0]))
            doelen.remove(passend[0])
    gepaard = {id(g) for paar in paren for g in paar}
    return paren, [g for g in groepen if id(g) not in gepaard]


def _blok_van(alinea: Alinea, per_merk: dict[str, Blok]) -> Blok | None:
    for naam in alinea.merken():
        if naam.startswith(BLOKMERK) and naam in per_merk:
            return per_merk[naam]
    return None


def _plek(kader: Kader, eis_id: str, anker: Blok | None) -> tuple[str, str]:
    """Where the moved eis goes, from the nearest kader paragraph before the destination: (na, eerste_in)."""
    if anker is None or anker.element_id not in kader.index:
        raise KaderdiffFout("verplaatst naar een plek buiten de basiskwaliteit van een standaard")
    el, voorouders = kader.index[anker.element_id]
    ouder = voorouders[-1] if voorouders else None
    if el.soort is Soort.EIS and anker.deel == "grondslag":
        return el.id, ""
    if el.soort is Soort.EIS:
        raise KaderdiffFout("verplaatst tussen een eis en haar grondslagregel")
    if el.soort is Soort.BASISKWALITEIT and ouder is not None:
        return "", ouder.id
    if el.soort is Soort.ALINEA and ouder is not None and ouder.soort is Soort.BASISKWALITEIT and len(voorouders) > 1:
        return "", voorouders[-2].id
    raise KaderdiffFout("verplaatst naar een plek waar geen eis kan staan (alleen binnen een basiskwaliteit)")


def zoek(alineas: list[Alinea], per_merk: dict[str, Blok], kader: Kader) -> Verplaatsingen:
    """Find the whole paragraphs readers moved and map each move onto an eis of the basis kader."""
    uit = Verplaatsingen()
    groepen = _groepen(alineas)
    paren, alleen = _paren(groepen, alineas)
    for groep in alleen:
        uit.alineas.update(groep.nummers)
        ontbreekt = "nieuwe plek" if groep.soort == BRON else "herkomst"
        uit.geweigerd.append((groep.nummers[0], f"verplaatste tekst zonder {ontbreekt} (de andere helft van de "
                                                "verplaatsing ontbreekt) wordt niet overgenomen", groep.revisies))
    bezet = {n for g in groepen for n in g.nummers}
    for bron, doel in paren:
        uit.alineas.update(bron.nummers + doel.nummers)
        revisies = bron.revisies + doel.revisies
        try:
            uit.gevonden.append(_koppel(bron, doel, alineas, per_merk, kader, bezet, revisies))
        except KaderdiffFout as fout:
            uit.geweigerd.append((doel.nummers[0], str(fout), revisies))
    return uit


def _koppel(bron: _Groep, doel: _Groep, alineas: list[Alinea], per_merk: dict[str, Blok], kader: Kader,
            bezet: set[int], revisies: list[Revisie]) -> LezerVerplaatsing:
    blokken = [b for n in bron.nummers + doel.nummers if (b := _blok_van(alineas[n], per_merk)) is not None]
    ids = {b.element_id for b in blokken}
    if len(ids) != 1 or len(bron.nummers) != len(doel.nummers) or len(bron.nummers) > 2:
        raise KaderdiffFout("alleen een hele eis (met of zonder haar grondslagregel) kan worden verplaatst")
    eis_id = ids.pop()
    eis = kader.index[eis_id][0] if eis_id in kader.index else None
    tekstblok = next((b for b in blokken if b.deel == "tekst"), None)
    if eis is None or eis.soort is not Soort.EIS or tekstblok is None:
        raise KaderdiffFout("alleen een hele eis (met of zonder haar grondslagregel) kan worden verplaatst")
    if alineas[bron.nummers[0]].fragmenten(frozenset()) != tekstblok.fragmenten:
        raise KaderdiffFout("de verplaatste tekst wijkt af van de eis in het kader op de basis")
    nieuw = alineas[doel.nummers[0]].fragmenten(frozenset({doel.auteur}))
    if len(doel.nummers) == 2:
        oud_regel = alineas[bron.nummers[1]].fragmenten(frozenset())
        if alineas[doel.nummers[1]].fragmenten(frozenset({doel.auteur})) != oud_regel:
            raise KaderdiffFout("wijziging in een grondslagregel; pas de grondslag aan in de kader-XML")
    anker = None
    for n in range(doel.nummers[0] - 1, -1, -1):
        if n in bezet:
            continue
        blok = _blok_van(alineas[n], per_merk)
        if blok is not None and blok.element_id != eis_id:
            anker = blok
            break
    na, eerste_in = _plek(kader, eis_id, anker)
    return LezerVerplaatsing(eis_id, doel.auteur, na, eerste_in, nieuw if nieuw != tekstblok.fragmenten else None,
                             tuple(revisies))


def verplaats(v: LezerVerplaatsing, vind: Callable[[str], bewerken.Knoop]) -> None:
    """Move the eis in a kader XML tree (canonical layout is written afterwards)."""
    bewerken.verplaats_eis(vind(v.element_id), vind(v.na) if v.na else None,
                           None if v.na else vind(v.eerste_in))
