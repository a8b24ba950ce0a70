"""Align two versions of a kader element by element.

1. Elements with the same stable id (and kind) are the same element.
2. Leaf elements left over (eisen, alinea's, items, beslisregels) are matched by
   content similarity (rapidfuzz), best pairs first, so a re-id'd element is not
   reported as removed + added.
3. Containers left over (standaarden, paragrafen …) are matched bottom-up by
   their children: a new container whose matched children all come from one old
   container, which sent all its matched children there, is that container.
Derived containers (basiskwaliteit …) follow their parent.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

from rapidfuzz import fuzz

from kaderdiff.model.kader import AFGELEIDE_CONTAINERS, BLAD_SOORTEN, Element, Kader, echte_kinderen, echte_ouder
from kaderdiff.model.uitlijning import Uitlijning

#: Minimal similarity (0-100, rapidfuzz ratio) for two leaves with different ids to be the same element.
DREMPEL_BLAD = 85.0
#: Containers without matched children are matched on their heading, more strictly.
DREMPEL_KOP = 90.0


def _vergelijkingstekst(el: Element) -> str:
    return f"{el.kenmerk} {el.tekst}".strip()


def _koppel_op_inhoud(oud: list[Element], nieuw: list[Element], drempel: float) -> list[tuple[Element, Element]]:
    """Greedy best-first pairing of elements whose texts are at least `drempel` similar."""
    if not oud or not nieuw:
        return []
    oude_teksten = [_vergelijkingstekst(e) if e.inhoud else e.kop for e in oud]
    nieuwe_teksten = [_vergelijkingstekst(e) if e.inhoud else e.kop for e in nieuw]
    kandidaten = []
    for i, a in enumerate(oude_teksten):
        for j, b in enumerate(nieuwe_teksten):
            score = fuzz.ratio(a, b, score_cutoff=drempel)
            if score:
                kandidaten.append((score, i, j))
    kandidaten.sort(key=lambda t: (-t[0], t[1], t[2]))
    gebruikt_oud: set[int] = set()
    gebruikt_nieuw: set[int] = set()
    paren = []
    for _, i, j in kandidaten:
        if i in gebruikt_oud or j in gebruikt_nieuw:
            continue
        gebruikt_oud.add(i)
        gebruikt_nieuw.add(j)
        paren.append((oud[i], nieuw[j]))
    return paren


def lijn_uit(oud: Kader, nieuw: Kader) -> Uitlijning:
    """Align `oud` and `nieuw` (pure: depends only on the two models)."""
    oi, ni = oud.index, nieuw.index
    o2n: dict[str, str] = {}
    for element_id, (el, _) in ni.items():
        tegenhanger = oi.get(element_id)
        if el.soort not in AFGELEIDE_CONTAINERS and tegenhanger and tegenhanger[0].soort is el.soort:
            o2n[element_id] = element_id
    op_inhoud: set[str] = set()

    # 2. leaves by content, per kind
    for soort in sorted(BLAD_SOORTEN):
        rest_oud = [el for el, _ in oud.doorloop() if el.soort is soort and el.id not in o2n]
        gekoppeld = set(o2n.values())
        rest_nieuw = [el for el, _ in nieuw.doorloop() if el.soort is soort and el.id not in gekoppeld]
        for o, n in _koppel_op_inhoud(rest_oud, rest_nieuw, DREMPEL_BLAD):
            o2n[o.id] = n.id
            op_inhoud.add(n.id)

    # 3. containers bottom-up (post-order of the new tree)
    n2o = {n: o for o, n in o2n.items()}
    for el in _postorde(nieuw.onderdelen):
        if el.soort in AFGELEIDE_CONTAINERS or el.soort in BLAD_SOORTEN or el.id in n2o:
            continue
        kandidaat = _container_bron(el, oud, nieuw, o2n, n2o)
        if kandidaat is not None:
            o2n[kandidaat] = el.id
            n2o[el.id] = kandidaat
            op_inhoud.add(el.id)

    # containers without matched children: by heading (never by an empty one: lists have none)
    rest_oud = [el for el, _ in oud.doorloop()
                if el.id not in o2n and el.kop and el.soort not in BLAD_SOORTEN | AFGELEIDE_CONTAINERS
                and not any(c.id in o2n for c in echte_kinderen(el))]
    rest_nieuw = [el for el, _ in nieuw.doorloop()
                  if el.id not in n2o and el.kop and el.soort not in BLAD_SOORTEN | AFGELEIDE_CONTAINERS
                  and not any(c.id in n2o for c in echte_kinderen(el))]
    for soort in sorted({el.soort for el in rest_nieuw}):
        for o, n in _koppel_op_inhoud([e for e in rest_oud if e.soort is soort],
                                      [e for e in rest_nieuw if e.soort is soort], DREMPEL_KOP):
            o2n[o.id] = n.id
            n2o[n.id] = o.id
            op_inhoud.add(n.id)

    # derived containers follow their parent
    for o_id, n_id in list(o2n.items()):
        for afgeleid in AFGELEIDE_CONTAINERS:
            oa, na = f"{o_id}.{afgeleid.value}", f"{n_id}.{afgeleid.value}"
            if oa in oi and na in ni:
                o2n[oa] = na
    return Uitlijning(o2n, {n: o for o, n in o2n.items()}, frozenset(op_inhoud))


def _postorde(elementen: tuple[Element, ...]) -> Iterator[Element]:
    for el in elementen:
        yield from _postorde(el.kinderen)
        yield el


def ouders_van_tegenhangers(el: Element, koppeling: dict[str, str], ander: Kader) -> set[str]:
    """Ids of the real parents, in the other version, of the counterparts of `el`'s children ('' for top level)."""
    uit = set()
    for kind in echte_kinderen(el):
        tegenhanger = koppeling.get(kind.id)
        if tegenhanger is not None:
            ouder = echte_ouder(ander.index[tegenhanger][1])
            uit.add(ouder.id if ouder else "")
    return uit


def _container_bron(el: Element, oud: Kader, nieuw: Kader, o2n: dict[str, str], n2o: dict[str, str]) -> str | None:
    """The old container that `el` is, judged by where its matched children came from."""
    bronnen = ouders_van_tegenhangers(el, n2o, oud)
    if len(bronnen) != 1:
        return None
    bron_id = bronnen.pop()
    if not bron_id or bron_id in o2n or oud.element(bron_id).soort is not el.soort:
        return None
    # and the old container sent all its matched children here
    return bron_id if ouders_van_tegenhangers(oud.element(bron_id), o2n, nieuw) <= {el.id} else None


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
