"""Review a proposal (a git branch, tag or commit): what it changes relative to its merge-base.

For every changed element: its standaard, its grondslagen, where the same or a very similar
sentence stands in the other sectors of the same year (before and after the proposal), and
other proposal branches that touch the same elements. Pure functions over commits read through
versiebeheer/: the working tree is never read or changed.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from kaderdiff.bron.versies import KaderMap
from kaderdiff.diff.vergelijk import vergelijk
from kaderdiff.fouten import KaderdiffFout
from kaderdiff.model.commit import Commit
from kaderdiff.model.kader import BLAD_SOORTEN, Element, Kader, Soort
from kaderdiff.model.plaats import vindplaats
from kaderdiff.model.versie import Versie
from kaderdiff.model.voorstelbeoordeling import (
    VOORSTELNUMMER,
    Conflict,
    Kaderbestand,
    Overeenkomst,
    Voorstel,
    VoorstelRij,
)
from kaderdiff.model.wijziging import Wijziging
from kaderdiff.recht.wijzigingsnummers import Wijzigingsnummers

if TYPE_CHECKING:
    from kaderdiff.versiebeheer.repository import Repository

#: Minimal rapidfuzz ratio (0-100) for 'a very similar sentence' in another sector.
DREMPEL = 80.0

_KADERPAD = re.compile(r"^(\d{4})/([a-z0-9_-]+)\.xml$")


# ---------------------------------------------------------------- git helpers
def _repo(kadermap: KaderMap) -> Repository:
    if kadermap.repo is None:
        raise KaderdiffFout(f"{kadermap.pad} staat niet in een git-repository; een voorstel is een git-referentie")
    return kadermap.repo


def gewijzigde_kaders(kadermap: KaderMap, van: Commit, naar: Commit) -> list[tuple[int, str]]:
    """(year, SECTOR) of every kader file that differs between two commits."""
    voorvoegsel = kadermap.pad_in_repo(0, "x")[: -len("0/x.xml")]
    uit: set[tuple[int, str]] = set()
    for paden in _repo(kadermap).gewijzigde_paden(van, naar):
        for pad in paden:
            if not pad:
                continue
            if not pad.startswith(voorvoegsel):
                continue
            pad = pad[len(voorvoegsel):]
            gevonden = _KADERPAD.match(pad)
            if gevonden:
                uit.add((int(gevonden.group(1)), gevonden.group(2).upper()))
    return sorted(uit)


def _laad_of_geen(kadermap: KaderMap, jaar: int, sector: str, ref: str) -> Kader | None:
    versie = Versie(jaar, ref)
    try:
        if sector not in kadermap.sectoren(versie):
            return None
    except KaderdiffFout:
        return None
    return kadermap.laad(versie, sector)


def wijzigingen_tussen(kadermap: KaderMap, van: Commit, naar: Commit) -> dict[tuple[int, str], list[Wijziging]]:
    """Rows per (year, sector) for every kader changed between two commits (both versions present)."""
    uit: dict[tuple[int, str], list[Wijziging]] = {}
    for jaar, sector in gewijzigde_kaders(kadermap, van, naar):
        oud = _laad_of_geen(kadermap, jaar, sector, van.hexsha)
        nieuw = _laad_of_geen(kadermap, jaar, sector, naar.hexsha)
        if oud is None or nieuw is None:
            continue  # a whole kader added or removed: not a wording proposal
        rijen = vergelijk(oud, nieuw)
        if rijen:
            uit[(jaar, sector)] = rijen
    return uit


def hele_kaders(kadermap: KaderMap, van: Commit, naar: Commit) -> tuple[Kaderbestand, ...]:
    """Kader files present on one side only: removed or added as a whole."""
    uit = []
    for jaar, sector in gewijzigde_kaders(kadermap, van, naar):
        oud = _laad_of_geen(kadermap, jaar, sector, van.hexsha)
        nieuw = _laad_of_geen(kadermap, jaar, sector, naar.hexsha)
        if (oud is None) == (nieuw is None):
            continue
        kader = oud or nieuw
        assert kader is not None
        uit.append(Kaderbestand(jaar, sector, "verwijderd" if nieuw is None else "toegevoegd",
                                kadermap.pad_in_repo(jaar, sector), len(kader.eisen())))
    return tuple(sorted(uit, key=lambda k: (k.soort != "verwijderd", k.jaar, k.sector)))  # removals first


# ---------------------------------------------------------------- context per row
def standaard_van(kader: Kader, element_id: str) -> str:
    """'KA1 Kwaliteitszorg' for an element inside a standaard, '' otherwise."""
    standaard = kader.standaard_van(element_id)
    return standaard.kop if standaard is not None else ""


def _kandidaten(kader: Kader, soort: Soort) -> list[Element]:
    return [el for el, _ in kader.doorloop() if el.soort is soort and el.tekst]


def _score(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    return 100.0 if a == b else float(fuzz.ratio(a, b))


def overeenkomsten(w: Wijziging, sector: str, anderen_basis: dict[str, Kader],
                   anderen_voorstel: dict[str, Kader], drempel: float = DREMPEL) -> tuple[Overeenkomst, ...]:
    """Best matching sentence per other sector, comparing WAS with the merge-base and WORDT with the proposal."""
    element = w.nieuw or w.oud
    if element is None or element.soort not in BLAD_SOORTEN:
        return ()
    was = w.oud.tekst if w.oud is not None else ""
    wordt = w.nieuw.tekst if w.nieuw is not None else ""
    uit: list[Overeenkomst] = []
    for ander in sorted(set(anderen_basis) | set(anderen_voorstel)):
        if ander == sector:
            continue
        kb, kv = anderen_basis.get(ander), anderen_voorstel.get(ander)
        beste: tuple[float, str] | None = None
        ids: dict[str, None] = {}
        for k in (kb, kv):
            if k is not None:
                ids.update(dict.fromkeys(e.id for e in _kandidaten(k, element.soort)))
        for el_id in ids:
            tb = kb.element(el_id).tekst if kb is not None and el_id in kb.index else ""
            tv = kv.element(el_id).tekst if kv is not None and el_id in kv.index else ""
            score = max(_score(was, tb), _score(wordt, tv))
            voorkeur = score + (0.5 if el_id == element.id else 0.0)
            if score >= drempel and (beste is None or voorkeur > beste[0]):
                beste = (voorkeur, el_id)
        if beste is None:
            continue
        el_id = beste[1]
        tb = kb.element(el_id).tekst if kb is not None and el_id in kb.index else ""
        tv = kv.element(el_id).tekst if kv is not None and el_id in kv.index else ""
        plaats_kader = kv if kv is not None and el_id in kv.index else kb
        assert plaats_kader is not None
        uit.append(Overeenkomst(ander, el_id, vindplaats(plaats_kader, el_id), tb, tv,
                                round(_score(was, tb), 1), round(_score(wordt, tv), 1)))
    return tuple(uit)


def _andere_takken(repo: Repository, basis: str, ref: str, ref_commit: Commit) -> list[tuple[str, Commit]]:
    uit = []
    for naam, commit in repo.takken():
        if naam in (basis, ref) or commit.hexsha == ref_commit.hexsha:
            continue
        uit.append((naam, commit))
    return sorted(uit, key=lambda t: t[0])


def conflicten(kadermap: KaderMap, basis: str, ref: str,
               ref_commit: Commit) -> dict[tuple[int, str, str], list[str]]:
    """(year, sector, element id) -> names of other branches whose proposal changes that element."""
    repo = _repo(kadermap)
    basis_commit = kadermap.commit(basis)
    uit: dict[tuple[int, str, str], list[str]] = {}
    for naam, commit in _andere_takken(repo, basis, ref, ref_commit):
        try:
            mb = repo.merge_base(commit, basis_commit)
        except KaderdiffFout:
            continue
        if mb.hexsha == commit.hexsha:
            continue  # nothing proposed on that branch
        for (jaar, sector), rijen in wijzigingen_tussen(kadermap, mb, commit).items():
            for w in rijen:
                for el_id in w.ids:
                    uit.setdefault((jaar, sector, el_id), []).append(naam)
    return uit


def beoordeel(kadermap: KaderMap, ref: str, basis: str = "main") -> Voorstel:
    """The review of proposal `ref` against `basis`."""
    repo = _repo(kadermap)
    ref_commit, basis_commit = kadermap.commit(ref), kadermap.commit(basis)
    mb = repo.merge_base(ref_commit, basis_commit)
    per_kader = wijzigingen_tussen(kadermap, mb, ref_commit)
    andere = conflicten(kadermap, basis, ref, ref_commit) if per_kader else {}
    staatnummers = Wijzigingsnummers(kadermap, mb.hexsha)  # the Staat's numbers, as the Ringen know them
    eigen = 0
    rijen: list[VoorstelRij] = []
    for (jaar, sector), wijzigingen in per_kader.items():
        nieuw = kadermap.laad(Versie(jaar, ref_commit.hexsha), sector)
        oud = kadermap.laad(Versie(jaar, mb.hexsha), sector)
        anderen_basis = {s: k for s in kadermap.sectoren(Versie(jaar, mb.hexsha)) if s != sector
                         and (k := _laad_of_geen(kadermap, jaar, s, mb.hexsha)) is not None}
        anderen_voorstel = {s: k for s in kadermap.sectoren(Versie(jaar, ref_commit.hexsha)) if s != sector
                            and (k := _laad_of_geen(kadermap, jaar, s, ref_commit.hexsha)) is not None}
        for w in wijzigingen:
            el = w.nieuw or w.oud
            assert el is not None
            standaard = standaard_van(nieuw, w.nieuw.id) if w.nieuw else standaard_van(oud, el.id)
            nummer = next((n for i in w.ids if (n := staatnummers.van(jaar, sector, i))), "")
            if not nummer:
                eigen += 1
                nummer = f"{VOORSTELNUMMER}-{eigen}"
            takken: dict[str, list[str]] = {}
            for el_id in w.ids:
                for tak in andere.get((jaar, sector, el_id), []):
                    takken.setdefault(tak, []).append(el_id)
            rijen.append(VoorstelRij(
                jaar=jaar,
                sector=sector,
                wijziging=w,
                standaard=standaard,
                grondslag_gewijzigd=(w.oud is not None and w.nieuw is not None
                                     and (w.oud.grondslagen != w.nieuw.grondslagen
                                          or w.oud.geen_grondslag != w.nieuw.geen_grondslag)),
                overeenkomsten=overeenkomsten(w, sector, anderen_basis, anderen_voorstel),
                conflicten=tuple(Conflict(t, tuple(dict.fromkeys(ids))) for t, ids in sorted(takken.items())),
                nummer=nummer,
            ))
    return Voorstel(ref=ref, basis=basis, merge_base=mb.hexsha, commit=ref_commit.hexsha, rijen=tuple(rijen),
                    kaderbestanden=hele_kaders(kadermap, mb, ref_commit),
                    commits=tuple(repo.commits_tussen(mb, ref_commit)))
