"""Merge the blocks of two versions into one sequence with insertions and deletions (pure).

Blocks are paired through the element alignment. The paired blocks kept in place are a
longest increasing subsequence of their new positions; every other block is shown as
deleted where it stood and inserted where it stands now. Because the kept blocks are in the
same order in both versions, taking only gelijk/gewijzigd + erbij blocks yields the new
kader and taking gelijk/gewijzigd + weg blocks yields the old one — exactly.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from kaderdiff.diff.uitlijning import stijgende_deelrij
from kaderdiff.model.kader import Kader
from kaderdiff.model.uitlijning import Uitlijning
from kaderdiff.model.wijziging import Wijziging, WijzigingSoort
from kaderdiff.word.blokken import Blok


class BlokStatus(StrEnum):
    """What happened to a block between the two versions."""

    GELIJK = "gelijk"
    GEWIJZIGD = "gewijzigd"
    ERBIJ = "erbij"
    WEG = "weg"


@dataclass(frozen=True)
class Regel:
    """One block of the merged document and the change number it belongs to."""

    status: BlokStatus
    oud: Blok | None
    nieuw: Blok | None
    nummer: str = ""


def _onderdelen(kader: Kader, ids: Iterable[str]) -> set[str]:
    """The ids and every element below them."""
    uit: set[str] = set()
    for element_id in ids:
        if element_id in kader.index:
            uit.update(e.id for e, _ in kader.index[element_id][0].doorloop())
    return uit


def nummers(wijzigingen: Iterable[Wijziging], oud: Kader, nieuw: Kader) -> tuple[dict[str, str], dict[str, str]]:
    """Element id -> change number, for the new and for the old version (subtrees inherit)."""
    in_nieuw: dict[str, str] = {}
    in_oud: dict[str, str] = {}
    lijst = list(wijzigingen)
    for w in lijst:  # the elements of the rows themselves first: they win
        if w.nieuw is not None:
            in_nieuw.setdefault(w.nieuw.id, w.nummer)
        if w.oud is not None:
            in_oud.setdefault(w.oud.id, w.nummer)
    for w in lijst:  # then the parts of splits and merges that have no row of their own
        if w.soort is WijzigingSoort.GESPLITST:
            for b in w.betrokken:
                in_nieuw.setdefault(b, w.nummer)
        elif w.soort is WijzigingSoort.SAMENGEVOEGD and w.nieuw is not None:
            for b in w.betrokken:
                in_oud.setdefault(b, w.nummer)
    return in_nieuw, in_oud


def nummer_van(element_id: str, kader: Kader, tabel: dict[str, str]) -> str:
    """The change number of an element or of its nearest ancestor that has one."""
    if element_id in tabel:
        return tabel[element_id]
    if element_id not in kader.index:
        return ""
    for voorouder in reversed(kader.index[element_id][1]):
        if voorouder.id in tabel:
            return tabel[voorouder.id]
    return ""


def voeg_samen(oud: Kader, nieuw: Kader, oud_blokken: list[Blok], nieuw_blokken: list[Blok],
               uitlijning: Uitlijning, wijzigingen: list[Wijziging]) -> list[Regel]:
    """The merged block sequence of the tracked-changes document."""
    verplaatst = _onderdelen(nieuw, (w.nieuw.id for w in wijzigingen
                                     if w.soort is WijzigingSoort.VERPLAATST and w.nieuw is not None))
    nieuwe_plek = {b.sleutel: j for j, b in enumerate(nieuw_blokken)}
    paren: list[tuple[int, int]] = []
    for i, b in enumerate(oud_blokken):
        # blocks that are not kader elements (the title) pair with themselves
        nieuw_id = uitlijning.oud_naar_nieuw.get(b.element_id) if b.element_id in oud.index else b.element_id
        if nieuw_id is None or nieuw_id in verplaatst:
            continue
        j = nieuwe_plek.get(f"{nieuw_id}:{b.deel}")
        if j is not None:
            paren.append((i, j))
    stabiel = [paren[k] for k in sorted(stijgende_deelrij([j for _, j in paren]))]

    in_nieuw, in_oud = nummers(wijzigingen, oud, nieuw)

    def weg(b: Blok) -> Regel:
        return Regel(BlokStatus.WEG, b, None, nummer_van(b.element_id, oud, in_oud))

    def erbij(b: Blok) -> Regel:
        return Regel(BlokStatus.ERBIJ, None, b, nummer_van(b.element_id, nieuw, in_nieuw))

    regels: list[Regel] = []
    i = j = 0
    for a, z in [*stabiel, (len(oud_blokken), len(nieuw_blokken))]:
        regels.extend(weg(blok) for blok in oud_blokken[i:a])
        regels.extend(erbij(blok) for blok in nieuw_blokken[j:z])
        if a < len(oud_blokken):
            o, n = oud_blokken[a], nieuw_blokken[z]
            if o.fragmenten == n.fragmenten and o.oordeel == n.oordeel:
                regels.append(Regel(BlokStatus.GELIJK, o, n))
            else:
                regels.append(Regel(BlokStatus.GEWIJZIGD, o, n, nummer_van(n.element_id, nieuw, in_nieuw)))
        i, j = a + 1, z + 1
    return regels
