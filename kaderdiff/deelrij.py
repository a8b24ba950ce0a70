"""Which members of a sequence kept their order: one longest increasing subsequence.

Shared by everything that tells moved from unmoved (the alignment of two kader versions, the tracked Word
merge, the three-way merge driver): an element that is not in it counts as moved.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence


def stijgende_deelrij(waarden: list[int]) -> set[int]:
    """Indices of one longest strictly increasing subsequence (patience sorting, O(n log n))."""
    staarten: list[int] = []
    staart_index: list[int] = []
    vorige = [-1] * len(waarden)
    for i, waarde in enumerate(waarden):
        plek = bisect_left(staarten, waarde)
        if plek == len(staarten):
            staarten.append(waarde)
            staart_index.append(i)
        else:
            staarten[plek] = waarde
            staart_index[plek] = i
        vorige[i] = staart_index[plek - 1] if plek else -1
    uit: set[int] = set()
    i = staart_index[-1] if staart_index else -1
    while i >= 0:
        uit.add(i)
        i = vorige[i]
    return uit


def beste_stijgende_deelrij(waarden: Sequence[int], voorkeur: Sequence[tuple[int, ...]]) -> set[int]:
    """Indices of the longest strictly increasing subsequence whose members have the highest summed `voorkeur`
    (tuples of one length, summed per place, compared in order): among equally long ones this says which
    stayed, and so which moved. `waarden` must be distinct. O(n log n): a Fenwick tree over the ranks of the
    values holds the best chain ending at each value seen so far."""
    n = len(waarden)
    rang = {waarde: r for r, waarde in enumerate(sorted(waarden), start=1)}
    leeg: tuple[int, ...] = (0,) * (1 + (len(voorkeur[0]) if voorkeur else 0))
    boom: list[tuple[tuple[int, ...], int]] = [(leeg, -1)] * (n + 1)
    beste: list[tuple[int, ...]] = [leeg] * n
    vorige = [-1] * n
    for i, waarde in enumerate(waarden):
        plek, (keten, j) = rang[waarde] - 1, (leeg, -1)
        while plek > 0:  # the best chain ending in a smaller value
            keten, j = max((keten, j), boom[plek])
            plek -= plek & -plek
        beste[i] = (keten[0] + 1, *(a + b for a, b in zip(keten[1:], voorkeur[i], strict=True)))
        vorige[i] = j
        plek = rang[waarde]
        while plek <= n:
            boom[plek] = max(boom[plek], (beste[i], i))
            plek += plek & -plek
    uit: set[int] = set()
    i = max(range(n), key=lambda k: (beste[k], k)) if n else -1
    while i >= 0:
        uit.add(i)
        i = vorige[i]
    return uit
