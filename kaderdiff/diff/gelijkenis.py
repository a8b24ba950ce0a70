"""Which texts are the same text: what an element is compared on, exact matches by hash, similar ones via
blocking, one-to-one assignment.

Comparing every old text with every new one is quadratic (25 s for a 128k-word kader). Here exact
matches cost one dictionary lookup each; similar pairs are only scored between candidates that could
reach the threshold: lengths close enough (the rapidfuzz ratio 2·m/(|a|+|b|) can never exceed
2·min/(|a|+|b|)) and sharing one of their rarest word pairs (prefix filtering: two sets that overlap in
at least half their elements share one among the rarest half-plus-one of either). Small inputs are
simply compared all against all, in rapidfuzz's C loop.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from itertools import pairwise

from rapidfuzz import fuzz, process

from kaderdiff.model.kader import BLAD_SOORTEN, Element

#: Below this many comparisons, all pairs are scored (a few µs each for paragraph-long texts; measured,
#: blocking pays for itself from a few thousand pairs on).
KLEIN = 2_500
#: Share of its distinct word pairs a text must share with a similar one for the blocking to find it.
OVERLAP = 0.5
#: Word pairs in more texts than this are no use for blocking (they would pair nearly everything).
MAX_POSTING = 400

_WOORD = re.compile(r"\w+")


def gelijkenis(a: str, b: str) -> float:
    """Similarity 0..1 of two texts: rapidfuzz's normalised Indel ratio (1.0: identical)."""
    return fuzz.ratio(a, b) / 100.0


def vergelijkingstekst(el: Element) -> str:
    """What two elements are compared on: a leaf's text (with its oordeel), a container's heading."""
    if el.soort not in BLAD_SOORTEN:
        return el.kop
    tekst = "".join([fragment.tekst for fragment in el.inhoud])
    return f"{el.kenmerk} {tekst}".strip() if el.kenmerk else tekst


def zelfde_tekst(oud: Element, nieuw: Element) -> bool:
    """The same non-empty `vergelijkingstekst`, judged without building it where the parts are equal."""
    if nieuw.soort not in BLAD_SOORTEN:
        return bool(nieuw.kop) and nieuw.kop == oud.kop
    if nieuw.kenmerk == oud.kenmerk and nieuw.inhoud == oud.inhoud:
        return bool(nieuw.inhoud)
    tekst = vergelijkingstekst(nieuw)
    return bool(tekst) and tekst == vergelijkingstekst(oud)


def exacte_paren(oud: Sequence[str], nieuw: Sequence[str]) -> tuple[list[tuple[int, int]], set[str]]:
    """Index pairs of non-empty texts that occur exactly once on each side, and the texts that repeat."""
    plek_oud: dict[str, list[int]] = defaultdict(list)
    for i, tekst in enumerate(oud):
        if tekst:
            plek_oud[tekst].append(i)
    plek_nieuw: dict[str, list[int]] = defaultdict(list)
    for j, tekst in enumerate(nieuw):
        if tekst:
            plek_nieuw[tekst].append(j)
    paren = []
    for tekst, js in plek_nieuw.items():
        is_ = plek_oud.get(tekst)
        if is_ is not None and len(is_) == len(js) == 1:
            paren.append((is_[0], js[0]))
    herhaald = {t for plekken in (plek_oud, plek_nieuw) for t, p in plekken.items() if len(p) > 1}
    return sorted(paren), herhaald


def kandidaten(oud: Sequence[str], nieuw: Sequence[str], drempel: float) -> list[tuple[float, int, int]]:
    """(similarity, old index, new index) of every pair at least `drempel` similar (0..1), blocked when large."""
    if not oud or not nieuw:
        return []
    grens = drempel * 100
    if len(oud) * len(nieuw) <= KLEIN:
        alle = list(range(len(oud)))
        per_nieuw = [alle] * len(nieuw)
    else:
        per_nieuw = [sorted(kandidaat) for kandidaat in _blokken(oud, nieuw, drempel)]
    uit = []
    for j, indices in enumerate(per_nieuw):
        keuzes = [oud[i] for i in indices]
        if not keuzes or not nieuw[j]:
            continue
        for _, score, k in process.extract(nieuw[j], keuzes, scorer=fuzz.ratio, score_cutoff=grens, limit=None):
            uit.append((score / 100.0, indices[k], j))
    return uit



def kandidaten_bij(oud: Sequence[str], nieuw: Sequence[str], drempel: float, bij_oud: Sequence[bool],
                   bij_nieuw: Sequence[bool]) -> list[tuple[float, int, int]]:
    """`kandidaten`, only the pairs with an old text marked in `bij_oud` or a new one marked in `bij_nieuw`:
    the few texts in question against all, not all against all."""
    uit: dict[tuple[int, int], float] = {}
    plekken_oud, plekken_nieuw = [i for i, ja in enumerate(bij_oud) if ja], [j for j, ja in enumerate(bij_nieuw) if ja]
    for score, a, j in kandidaten([oud[i] for i in plekken_oud], nieuw, drempel):
        uit[plekken_oud[a], j] = score
    for score, i, b in kandidaten(oud, [nieuw[j] for j in plekken_nieuw], drempel):
        uit[i, plekken_nieuw[b]] = score
    return [(score, i, j) for (i, j), score in sorted(uit.items())]


def _schijven(tekst: str) -> set[str]:
    """Word pairs (shingles) of a text; a text of one or two words is its own words. Pairs, not single words:
    in a kader the same few hundred words recur everywhere, pairs of them far less."""
    woorden = _WOORD.findall(tekst.lower())
    if len(woorden) < 3:
        return set(woorden)
    return {f"{a} {b}" for a, b in pairwise(woorden)}


def _blokken(oud: Sequence[str], nieuw: Sequence[str], drempel: float) -> list[set[int]]:
    """For each new text, the old texts it could be `drempel` similar to (length and rare-shingle filter)."""
    schijven_oud = [_schijven(t) for t in oud]
    schijven_nieuw = [_schijven(t) for t in nieuw]
    frequentie = Counter(w for ws in (*schijven_oud, *schijven_nieuw) for w in ws)

    def prefix(schijven: set[str]) -> list[str]:
        op_zeldzaamheid = sorted(schijven, key=lambda w: (frequentie[w], w))
        lengte = len(op_zeldzaamheid) - int(OVERLAP * len(op_zeldzaamheid)) + 1
        return op_zeldzaamheid[:lengte]

    index: dict[str, list[int]] = defaultdict(list)
    for i, schijven in enumerate(schijven_oud):
        for w in prefix(schijven):
            index[w].append(i)
    verhouding = drempel / (2 - drempel)  # shortest/longest below this can never reach the threshold
    uit = []
    for j, schijven in enumerate(schijven_nieuw):
        lengte = len(nieuw[j])
        gevonden = {i for w in prefix(schijven) if len(index.get(w, ())) <= MAX_POSTING for i in index.get(w, ())}
        uit.append({i for i in gevonden
                    if min(lengte, len(oud[i])) >= verhouding * max(lengte, len(oud[i]))})
    return uit


def wijs_toe(scores: Sequence[tuple[float, int, int]]) -> list[tuple[int, int, float]]:
    """Greedy one-to-one assignment, best score first (ties: earliest old, then new): (old, new, score)."""
    gebruikt_oud: set[int] = set()
    gebruikt_nieuw: set[int] = set()
    uit = []
    for score, i, j in sorted(scores, key=lambda t: (-t[0], t[1], t[2])):
        if i in gebruikt_oud or j in gebruikt_nieuw:
            continue
        gebruikt_oud.add(i)
        gebruikt_nieuw.add(j)
        uit.append((i, j, score))
    return uit
