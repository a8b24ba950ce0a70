"""Merge the blocks of two versions into one sequence with insertions and deletions (pure).

Blocks are paired through the element alignment. The paired blocks kept in place are a
longest increasing subsequence of their new positions (elements of a "verplaatst" change never
count as kept). A paired block that is not kept moved: it is shown as the source of a move
(`VAN`) where it stood and as its destination (`NAAR`) where it stands now, both named by one
move name; consecutive moved blocks form one move. Unpaired blocks are deleted or inserted.
Because the kept blocks are in the same order in both versions, taking gelijk/gewijzigd + erbij +
naar blocks yields the new kader and gelijk/gewijzigd + weg + van blocks the old one — exactly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import StrEnum
from typing import NamedTuple

from kaderdiff.deelrij import stijgende_deelrij
from kaderdiff.model.kader import Kader
from kaderdiff.model.koppeling import Uitlijning
from kaderdiff.model.wijziging import Wijziging, WijzigingSoort
from kaderdiff.word.blokken import Blok


class BlokStatus(StrEnum):
    """What happened to a block between the two versions."""

    GELIJK = "gelijk"
    GEWIJZIGD = "gewijzigd"
    ERBIJ = "erbij"
    WEG = "weg"
    VAN = "verplaatst-van"  # the source of a move: the old text where it stood
    NAAR = "verplaatst-naar"  # the destination of a move: the new text where it stands now


#: Statuses whose block is not in the new kader (rejected text) and not in the old one (inserted text).
ALLEEN_OUD = (BlokStatus.WEG, BlokStatus.VAN)
ALLEEN_NIEUW = (BlokStatus.ERBIJ, BlokStatus.NAAR)


class Regel(NamedTuple):
    """One block of the merged document, the change number it belongs to and, for a move, its name (a named tuple:
    see `Blok`).

    Source and destination of a move carry both blocks (the old and the new text) and the same `verplaatsing`.
    """

    status: BlokStatus
    oud: Blok | None
    nieuw: Blok | None
    nummer: str = ""
    verplaatsing: str = ""


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


def _verplaatsingen(paren: list[tuple[int, int]], stabiel: list[tuple[int, int]], oud_blokken: list[Blok],
                    nieuw_blokken: list[Blok], nummer: Callable[[int], str]) -> dict[int, str]:
    """Old block index -> move name for every paired block not kept in place.

    Consecutive blocks that stay consecutive and belong to the same change form one move (an eis and its
    grondslag line; a paragraph with its sentences). Table rows cannot be tracked as a move in WordprocessingML
    (`w:trPr` has no moveFrom/moveTo): they stay a deletion and an insertion.
    """
    vast = set(stabiel)
    naar = {i: j for i, j in paren
            if (i, j) not in vast and "regel" not in (oud_blokken[i].vorm, nieuw_blokken[j].vorm)}
    namen: dict[int, str] = {}
    aantal = 0
    for i in sorted(naar):
        vorige = i - 1
        if vorige in naar and naar[vorige] == naar[i] - 1 and nummer(vorige) == nummer(i):
            namen[i] = namen[vorige]
        else:
            aantal += 1
            namen[i] = f"move{aantal}"
    return namen


def voeg_samen(oud: Kader, nieuw: Kader, oud_blokken: list[Blok], nieuw_blokken: list[Blok],
               uitlijning: Uitlijning, wijzigingen: list[Wijziging]) -> list[Regel]:
    """The merged block sequence of the tracked-changes document."""
    verplaatst = _onderdelen(nieuw, (w.nieuw.id for w in wijzigingen
                                     if w.soort is WijzigingSoort.VERPLAATST and w.nieuw is not None))
    nieuwe_plek = {b.sleutel: j for j, b in enumerate(nieuw_blokken)}
    paren: list[tuple[int, int]] = []
    kandidaten: list[tuple[int, int]] = []  # pairs that may stay in place
    gebruikt: set[int] = set()
    for i, b in enumerate(oud_blokken):
        # blocks that are not kader elements (the title) pair with themselves
        nieuw_id = uitlijning.oud_naar_nieuw.get(b.element_id) if b.element_id in oud.index else b.element_id
        if nieuw_id is None:
            continue
        j = nieuwe_plek.get(f"{nieuw_id}:{b.deel}")
        if j is not None and j not in gebruikt:  # two old elements merged into one: only the first pairs
            gebruikt.add(j)
            paren.append((i, j))
            if nieuw_id not in verplaatst:
                kandidaten.append((i, j))
    stabiel = [kandidaten[k] for k in sorted(stijgende_deelrij([j for _, j in kandidaten]))]

    in_nieuw, in_oud = nummers(wijzigingen, oud, nieuw)

    def nummer_oud(i: int) -> str:  # asked only for the blocks that are deleted or moved
        return nummer_van(oud_blokken[i].element_id, oud, in_oud)

    namen = _verplaatsingen(paren, stabiel, oud_blokken, nieuw_blokken, nummer_oud)
    doel = {i: j for i, j in paren if i in namen}  # old index -> new index of a moved block
    bron = {j: i for i, j in doel.items()}

    def weg(i: int) -> Regel:
        b = oud_blokken[i]
        if i in namen:
            return Regel(BlokStatus.VAN, b, nieuw_blokken[doel[i]], nummer_oud(i), namen[i])
        return Regel(BlokStatus.WEG, b, None, nummer_oud(i))

    def erbij(j: int) -> Regel:
        b = nieuw_blokken[j]
        nummer = nummer_van(b.element_id, nieuw, in_nieuw)
        if j in bron:
            return Regel(BlokStatus.NAAR, oud_blokken[bron[j]], b, nummer, namen[bron[j]])
        return Regel(BlokStatus.ERBIJ, None, b, nummer)

    regels: list[Regel] = []
    i = j = 0
    for a, z in [*stabiel, (len(oud_blokken), len(nieuw_blokken))]:
        if a > i:  # most kept blocks follow the previous one directly: nothing between them
            regels.extend(weg(k) for k in range(i, a))
        if z > j:
            regels.extend(erbij(k) for k in range(j, z))
        if a < len(oud_blokken):
            o, n = oud_blokken[a], nieuw_blokken[z]
            if o.fragmenten == n.fragmenten and o.oordeel == n.oordeel:
                regels.append(Regel(BlokStatus.GELIJK, o, n))
            else:
                regels.append(Regel(BlokStatus.GEWIJZIGD, o, n, nummer_van(n.element_id, nieuw, in_nieuw)))
        i, j = a + 1, z + 1
    return regels
