"""Which members of a sequence kept their order: one longest increasing subsequence.

Shared by everything that tells moved from unmoved (the alignment of two kader versions, the tracked Word
merge, the three-way merge driver): an element that is not in it counts as moved.
"""

from __future__ import annotations

from bisect import bisect_left


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
