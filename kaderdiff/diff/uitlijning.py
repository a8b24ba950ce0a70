"""Align two versions of a kader element by element: which old element is which new one, and why.

Evidence, strongest first, mixed freely (one kader may keep some ids and lose others):
1. `id`: the same id and kind in both versions (skipped with `op_inhoud`: ids ignored entirely). An id is
   evidence, not proof: where the two texts (a container: headings) differ, the pair waits. A leaf whose
   text is VOORSPRONG_ID more similar to another leaf than to its namesake goes with that one (positional
   ids from an import without --vorige, two eisen that swapped ids); a container goes where its children
   went. What the content does not place elsewhere keeps its id. A leaf less than DREMPEL_TEKST like its
   namesake, in a waiting container of the same id, waits for that container: where it proves split or
   merged (its id was positional: one part, one source), the id pairs neither it nor its text blocks.
2. `tekst`: a leaf (eis, alinea, item, beslisregel) whose text occurs once on each side, or that is at
   least DREMPEL_TEKST similar to one anywhere in the kader (candidates by blocking, see gelijkenis.py);
   a matched parent breaks ties. A container with no matched children: by its heading.
3. `context`, containers: a new container is the old one where most of its matched children came from,
   when most of that one's children went here, with evidence beyond moved eisen (all children agree, a
   shared descriptive text, or a similar heading): a standard that receives the eisen of two others is
   a merge, not the larger one renamed. When most went elsewhere: only with both heading and description.
4. `context`, leaves: inside a matched pair of parents, a leftover leaf at least DREMPEL_CONTEXT similar,
   or, where the ids there are not kept anyway, the only leftover of its kind in the same place between
   matched siblings (a rewritten eis in the same place of the same standard is that eis, gewijzigd).
Steps 2-4 repeat while a container found by its heading can be the missing vote of one further up;
derived containers (omschrijving, basiskwaliteit, eigen aspiraties) follow their parent. Each element is
matched at most once (best evidence first), so a split or merge is only claimed where the children really
went apart.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from itertools import pairwise

from kaderdiff.deelrij import stijgende_deelrij
from kaderdiff.diff.gelijkenis import (
    exacte_paren,
    gelijkenis,
    kandidaten,
    kandidaten_bij,
    vergelijkingstekst,
    wijs_toe,
    zelfde_tekst,
)
from kaderdiff.model.kader import AFGELEIDE_CONTAINERS, BLAD_SOORTEN, Element, Kader, Soort, echte_kinderen
from kaderdiff.model.koppeling import Koppeling, Koppelwijze, Uitlijning

#: Minimal similarity (0..1) for two leaves anywhere in the kader to be the same element.
DREMPEL_TEKST = 0.85
#: Minimal similarity for two leaves under the same (matched) parent.
DREMPEL_CONTEXT = 0.60
#: Minimal similarity of the headings of two containers matched on their heading alone.
DREMPEL_KOP = 0.90
#: Added to the similarity of two leaves whose parents are each other's counterpart (ranking only).
BONUS_OUDER = 0.1
#: How much more similar than its namesake another leaf must be to overrule an id whose texts differ.
VOORSPRONG_ID = 0.15
#: Below this similarity a pair found only by its place (or by an id in a place where the ids proved to be
#: positional) is in doubt: the texts are wholly different, so 'removed and added' reads just as well.
DREMPEL_PLEK = 0.50
_OP_ID = Koppeling(Koppelwijze.ID)
_ZELFDE_TEKST = Koppeling(Koppelwijze.TEKST, 1.0)
#: Found by their place; their similarity is computed later, only for pairs that become a row of the Staat.
_OP_KINDEREN = _OP_PLEK = Koppeling(Koppelwijze.CONTEXT)
#: Steps 2-4 repeat at most this often (each round can only use what the previous one found).
RONDES = 4


def lijn_uit(oud: Kader, nieuw: Kader, op_inhoud: bool = False) -> Uitlijning:
    """Align `oud` and `nieuw` (pure: depends only on the two models); `op_inhoud` ignores the ids."""
    koppelaar = _Koppelaar(oud, nieuw, op_inhoud)
    if not op_inhoud:
        koppelaar.op_id()
        koppelaar.betwiste_bladeren()
    for ronde in range(RONDES):
        koppelaar.bladeren_op_tekst(ook_dubbel=False)
        koppelaar.containers_op_kinderen()
        if ronde == 0:
            koppelaar.containers_op_id()
        op_kop = koppelaar.containers_op_kop()
        koppelaar.bladeren_in_context()
        # a leaf found by its place votes for a parent that is matched already; a container found by its
        # heading can be the missing vote of a container further up: only then another round
        if not op_kop:
            break
    koppelaar.bladeren_op_tekst(ook_dubbel=True)  # repeated texts left over: moved, pair them best first
    if not op_inhoud:
        koppelaar.containers_op_id()  # what the rounds left of the waiting containers
        koppelaar.gereserveerd.clear()  # leaves whose containers stayed apart: no id pairs them
    koppelaar.twijfel_aan_ids()
    return Uitlijning(koppelaar.o2n, koppelaar.n2o, koppelaar.hoe)


class _Boom:
    """One version walked once: elements by id, real and direct parents, document order, leaves per kind."""

    def __init__(self, kader: Kader) -> None:
        self.element: dict[str, Element] = {}
        self.ouder: dict[str, str] = {}  # real parent ('' at the top level)
        self.direct: dict[str, str] = {}  # direct parent, derived containers included
        self.volgorde: dict[str, int] = {}
        self.los: dict[Soort, dict[str, Element]] = {soort: {} for soort in BLAD_SOORTEN}  # unmatched leaves
        for el, voorouders in kader.doorloop():
            self.element[el.id] = el
            if voorouders:
                direct = voorouders[-1]
                self.direct[el.id] = direct.id
                self.ouder[el.id] = self.ouder[direct.id] if direct.soort in AFGELEIDE_CONTAINERS else direct.id
            else:
                self.direct[el.id] = self.ouder[el.id] = ""
            self.volgorde[el.id] = len(self.volgorde)
            if el.soort in BLAD_SOORTEN:
                self.los[el.soort][el.id] = el
        # children before their parents (reversed document order), for matching containers bottom-up
        self.containers = [el for el in reversed(self.element.values())
                           if el.soort not in BLAD_SOORTEN and el.soort not in AFGELEIDE_CONTAINERS]
        self._teksten: dict[str, str] = {}

    def teksten(self, elementen: list[Element]) -> list[str]:
        """`vergelijkingstekst` of each element, computed once per element."""
        cache = self._teksten
        return [cache[el.id] if el.id in cache else cache.setdefault(el.id, vergelijkingstekst(el))
                for el in elementen]


class _Koppelaar:
    """The pairs found so far, and the votes they cast for their parents; lives for one `lijn_uit` only."""

    def __init__(self, oud: Kader, nieuw: Kader, op_inhoud: bool = False) -> None:
        self.oud, self.nieuw = _Boom(oud), _Boom(nieuw)
        self.op_inhoud = op_inhoud
        self.wachtend: set[str] = set()  # ids in both versions whose texts or headings differ: not paired yet
        # leaves paired by id alone under a waiting container of the same id: per container, until it is settled
        self.uitgesteld: dict[str, dict[str, Koppeling]] = {}
        self.gereserveerd: set[str] = set()  # the ids of those leaves
        self.positioneel = False  # the content overruled an id somewhere: the ids say no more than a place
        self.o2n: dict[str, str] = {}
        self.n2o: dict[str, str] = {}
        self.hoe: dict[str, Koppeling] = {}
        # per new real parent: per old real parent, how many of its matched children came from there
        self.stemmen: dict[str, dict[str, int]] = {}
        self.gekoppeld_oud: dict[str, int] = {}  # old real parent -> number of its children matched
        self.beschrijvend: set[tuple[str, str]] = set()  # (new, old parent) sharing a child that is no eis

    def koppel(self, oud_id: str, nieuw_id: str, koppeling: Koppeling) -> None:
        """Record a pair and its vote; the derived containers of two paired containers follow on the same evidence.
        A pair of equal ids is an id match, whatever confirmed it (unless ids are ignored)."""
        if oud_id == nieuw_id and not self.op_inhoud:
            koppeling = Koppeling(Koppelwijze.ID, twijfel=koppeling.twijfel)
        self.o2n[oud_id] = nieuw_id
        self.n2o[nieuw_id] = oud_id
        self.hoe[nieuw_id] = koppeling
        nieuw_el = self.nieuw.element[nieuw_id]
        soort = nieuw_el.soort
        ouder_oud, ouder_nieuw = self.oud.ouder[oud_id], self.nieuw.ouder[nieuw_id]
        per_bron = self.stemmen.setdefault(ouder_nieuw, {})
        per_bron[ouder_oud] = per_bron.get(ouder_oud, 0) + 1
        self.gekoppeld_oud[ouder_oud] = self.gekoppeld_oud.get(ouder_oud, 0) + 1
        if soort is not Soort.EIS:
            self.beschrijvend.add((ouder_nieuw, ouder_oud))
        if soort in BLAD_SOORTEN:
            del self.oud.los[soort][oud_id], self.nieuw.los[soort][nieuw_id]
            return
        if self.uitgesteld:
            self._beslis_uitgesteld(oud_id, nieuw_id)
        for kind in nieuw_el.kinderen:
            oud_afgeleid = f"{oud_id}.{kind.soort.value}"
            if kind.soort in AFGELEIDE_CONTAINERS and oud_afgeleid in self.oud.element:
                self.o2n[oud_afgeleid] = kind.id
                self.n2o[kind.id] = oud_afgeleid
                self.hoe[kind.id] = koppeling

    # ------------------------------------------------------------ 1. ids
    def op_id(self) -> None:
        """Same id, kind and text (heading): paired. Same id and kind only: waits for the content."""
        for el in self.nieuw.element.values():
            tegenhanger = self.oud.element.get(el.id)
            if el.soort in AFGELEIDE_CONTAINERS or tegenhanger is None or tegenhanger.soort is not el.soort:
                continue
            if zelfde_tekst(tegenhanger, el):
                self.koppel(el.id, el.id, _OP_ID)
            else:
                self.wachtend.add(el.id)

    def betwiste_bladeren(self) -> None:
        """Waiting id pairs of leaves against their best content partners: a text found unchanged elsewhere
        first (an unchanged text is that element, and no rival), then best first, the id counting for
        VOORSPRONG_ID. Repeated texts are left to their place; every waiting pair left whole is an id match,
        made when its container is settled if that waits too (`_beslis_uitgesteld`)."""
        for soort in sorted(BLAD_SOORTEN):
            rest_oud, rest_nieuw = list(self.oud.los[soort].values()), list(self.nieuw.los[soort].values())
            if not any(el.id in self.wachtend for el in rest_nieuw):
                continue
            exact, dubbel = exacte_paren(self.oud.teksten(rest_oud), self.nieuw.teksten(rest_nieuw))
            vast_oud, vast_nieuw = {rest_oud[i].id for i, _ in exact}, {rest_nieuw[j].id for _, j in exact}
            for oud_id, nieuw_id in ((rest_oud[i].id, rest_nieuw[j].id) for i, j in exact):
                if oud_id in self.wachtend or nieuw_id in self.wachtend:
                    self.positioneel = True
                    self.koppel(oud_id, nieuw_id, _ZELFDE_TEKST)
            rest_oud = [el for el in rest_oud if el.id not in vast_oud]
            rest_nieuw = [el for el in rest_nieuw if el.id not in vast_nieuw]
            teksten_oud, teksten_nieuw = self.oud.teksten(rest_oud), self.nieuw.teksten(rest_nieuw)
            plek_oud = {el.id: i for i, el in enumerate(rest_oud)}
            ruw = {(i, j): score for score, i, j in kandidaten_bij(
                teksten_oud, teksten_nieuw, DREMPEL_TEKST, [el.id in self.wachtend for el in rest_oud],
                [el.id in self.wachtend for el in rest_nieuw])
                if rest_oud[i].id != rest_nieuw[j].id and not {teksten_oud[i], teksten_nieuw[j]} & dubbel}
            for j, el in enumerate(rest_nieuw):
                if el.id in self.wachtend and el.id in plek_oud:
                    i = plek_oud[el.id]
                    ruw[i, j] = gelijkenis(teksten_oud[i], teksten_nieuw[j])
            paren = wijs_toe([(score + self._bonus(rest_oud[i].id, rest_nieuw[j].id)
                               + (VOORSPRONG_ID if rest_oud[i].id == rest_nieuw[j].id else 0.0), i, j)
                              for (i, j), score in ruw.items()])
            for i, j, _ in paren:
                oud_id, nieuw_id = rest_oud[i].id, rest_nieuw[j].id
                koppeling = Koppeling(Koppelwijze.TEKST, round(ruw[i, j], 2))
                if oud_id != nieuw_id:  # one of them waited: the content overruled its id
                    self.positioneel = True
                elif ruw[i, j] < DREMPEL_TEKST and (ouder := self.nieuw.ouder[nieuw_id]) in self.wachtend and (
                        ouder == self.oud.ouder[oud_id]):  # its container waits too: so does the leaf
                    self.uitgesteld.setdefault(ouder, {})[nieuw_id] = koppeling
                    self.gereserveerd.add(nieuw_id)
                    continue
                self.koppel(oud_id, nieuw_id, koppeling)

    def _beslis_uitgesteld(self, oud_id: str, nieuw_id: str) -> None:
        """A container settled: the leaves that wait on its id pair by that id when it paired with its namesake;
        otherwise the id proved positional, and they are free (a split or merge covers them, or the content)."""
        for ouder in (oud_id,) if oud_id == nieuw_id else (oud_id, nieuw_id):
            for blad, koppeling in self.uitgesteld.pop(ouder, {}).items():
                self.gereserveerd.discard(blad)
                if oud_id == nieuw_id:
                    self.koppel(blad, blad, koppeling)

    def containers_op_id(self) -> None:
        """Waiting id pairs of containers that their children did not place elsewhere: the id stands, unless
        the children went apart (a split or merge: a positional id of one part says nothing)."""
        for nieuw_id in sorted(self.wachtend, key=self.nieuw.volgorde.__getitem__):
            if (nieuw_id not in self.n2o and nieuw_id not in self.o2n and nieuw_id not in self.gereserveerd
                    and not self._uit_elkaar(nieuw_id)):
                self.koppel(nieuw_id, nieuw_id, _OP_ID)

    def _uit_elkaar(self, element_id: str) -> bool:
        """The old container's matched children went (also) to a new container without a partner, or the new
        one's came (also) from an old container without one: the parts of a split, the sources of a merge."""
        doelen = {self.nieuw.ouder[self.o2n[k.id]] for k in echte_kinderen(self.oud.element[element_id])
                  if k.id in self.o2n}
        bronnen = self.stemmen.get(element_id, {})
        return (any(d not in (element_id, "") and d not in self.n2o for d in doelen)
                or any(b not in (element_id, "") and b not in self.o2n for b in bronnen))

    def twijfel_aan_ids(self) -> None:
        """An id match in a kader where the content overruled other ids says no more than its place: the ids
        were given by position (an import without --vorige, of one year or both) or swapped."""
        for nieuw_id in self.wachtend if self.positioneel else ():
            if self.n2o.get(nieuw_id) == nieuw_id:
                twijfel = self._twijfel_op_plek(nieuw_id, nieuw_id, "op id en plek")
                if twijfel:
                    self.hoe[nieuw_id] = Koppeling(Koppelwijze.ID, twijfel=twijfel)

    def _twijfel_op_plek(self, oud_id: str, nieuw_id: str, grond: str) -> str:
        """Doubt about a pair that rests on its place alone: the texts are wholly different."""
        oud_el, nieuw_el = self.oud.element[oud_id], self.nieuw.element[nieuw_id]
        if oud_el.soort not in BLAD_SOORTEN:
            return ""
        score = gelijkenis(*self.oud.teksten([oud_el]), *self.nieuw.teksten([nieuw_el]))
        if score >= DREMPEL_PLEK:
            return ""
        return (f"alleen {grond} gekoppeld en de teksten zijn maar voor {score:.0%} gelijk: het kan ook een "
                "vervallen en een nieuwe tekst zijn")

    # ------------------------------------------------------------ 2. leaves by their own text
    def bladeren_op_tekst(self, ook_dubbel: bool) -> None:
        """Exact and similar texts per kind; repeated texts wait for context unless `ook_dubbel`."""
        for soort in sorted(BLAD_SOORTEN):
            rest_oud = [el for el in self.oud.los[soort].values() if el.id not in self.gereserveerd]
            rest_nieuw = [el for el in self.nieuw.los[soort].values() if el.id not in self.gereserveerd]
            if not rest_oud or not rest_nieuw:
                continue
            teksten_oud, teksten_nieuw = self.oud.teksten(rest_oud), self.nieuw.teksten(rest_nieuw)
            paren, dubbel = exacte_paren(teksten_oud, teksten_nieuw)
            for i, j in paren:
                self.koppel(rest_oud[i].id, rest_nieuw[j].id, _ZELFDE_TEKST)
            if not ook_dubbel:
                rest_oud = [el for el, t in zip(rest_oud, teksten_oud, strict=True) if t not in dubbel]
                rest_nieuw = [el for el, t in zip(rest_nieuw, teksten_nieuw, strict=True) if t not in dubbel]
            self._wijs_toe_op_tekst(rest_oud, rest_nieuw, DREMPEL_TEKST)

    def _wijs_toe_op_tekst(self, rest_oud: list[Element], rest_nieuw: list[Element], drempel: float) -> int:
        rest_oud = [el for el in rest_oud if el.id not in self.o2n]
        rest_nieuw = [el for el in rest_nieuw if el.id not in self.n2o]
        scores = kandidaten(self.oud.teksten(rest_oud), self.nieuw.teksten(rest_nieuw), drempel)
        ruw = {(i, j): score for score, i, j in scores}
        paren = wijs_toe([(score + self._bonus(rest_oud[i].id, rest_nieuw[j].id), i, j) for score, i, j in scores])
        for i, j, _ in paren:
            self.koppel(rest_oud[i].id, rest_nieuw[j].id, Koppeling(Koppelwijze.TEKST, round(ruw[i, j], 2)))
        return len(paren)

    def _bonus(self, oud_id: str, nieuw_id: str) -> float:
        """Context for ranking: the two leaves' parents are each other's counterpart (or both the top level)."""
        ouder_oud, ouder_nieuw = self.oud.ouder[oud_id], self.nieuw.ouder[nieuw_id]
        zelfde = ouder_oud == ouder_nieuw == "" or (ouder_oud != "" and self.o2n.get(ouder_oud) == ouder_nieuw)
        return BONUS_OUDER if zelfde else 0.0

    # ------------------------------------------------------------ 3. containers by their children
    def containers_op_kinderen(self) -> None:
        for el in self.nieuw.containers:
            if el.id not in self.n2o and (bron := self._bron(el)) is not None:
                self.koppel(bron, el.id, _OP_KINDEREN)

    def _bron(self, el: Element) -> str | None:
        """The old container that `el` is, judged by where its matched children came from."""
        stemmen = self.stemmen.get(el.id)
        if not stemmen:
            return None
        if len(stemmen) == 1:
            [(bron, gedeeld)] = stemmen.items()
        else:  # most votes; on a tie the first in the old document
            bron, gedeeld = min(stemmen.items(), key=lambda kv: (-kv[1], self.oud.volgorde.get(kv[0], -1)))
        if not bron or bron in self.o2n or self.oud.element[bron].soort is not el.soort:
            return None
        totaal, van_bron = sum(stemmen.values()), self.gekoppeld_oud[bron]
        if gedeeld == totaal == van_bron:
            return bron  # every matched child agrees
        if 2 * gedeeld <= totaal:
            return None
        zelfde_kop = gelijkenis(self.oud.element[bron].kop, el.kop) >= DREMPEL_KOP
        beschrijvend = (el.id, bron) in self.beschrijvend
        if 2 * gedeeld <= van_bron:
            # at most half of its children came here, the rest went elsewhere: only the same heading and the
            # same descriptive text together say that this is the container the others left
            return bron if zelfde_kop and beschrijvend else None
        return bron if beschrijvend or zelfde_kop else None

    def containers_op_kop(self) -> int:
        """Containers without any matched child: by their heading. An old one qualifies too when its matched
        children all went to containers that are matched already (its other eisen moved away, the one left
        was reworded): no unmatched container can claim it by its children any more."""
        geclaimd = {bron for nieuw_id, per_bron in self.stemmen.items() if nieuw_id not in self.n2o
                    for bron in per_bron}
        rest_oud = [el for el in self.oud.containers if el.id not in self.o2n and el.kop and el.id not in geclaimd]
        rest_nieuw = [el for el in self.nieuw.containers
                      if el.id not in self.n2o and el.kop and not self.stemmen.get(el.id)]
        gevonden = 0
        for soort in sorted({el.soort for el in rest_nieuw}):
            gevonden += self._wijs_toe_op_tekst([el for el in rest_oud if el.soort is soort],
                                                [el for el in rest_nieuw if el.soort is soort], DREMPEL_KOP)
        return gevonden

    # ------------------------------------------------------------ 4. leaves by their place
    def bladeren_in_context(self) -> int:
        """Per matched pair of parents that still has a leftover leaf: similar text, else the same place."""
        voor = len(self.n2o)
        ouders = {self.nieuw.direct[el_id] for los in self.nieuw.los.values() for el_id in los}
        for nieuw_id in sorted(ouders & self.n2o.keys(), key=self.nieuw.volgorde.__getitem__):
            oud_ouder, nieuw_ouder = self.oud.element[self.n2o[nieuw_id]], self.nieuw.element[nieuw_id]
            for soort in sorted({k.soort for k in nieuw_ouder.kinderen if k.soort in BLAD_SOORTEN}):
                rest_oud = [k for k in oud_ouder.kinderen if k.soort is soort and k.id not in self.o2n]
                rest_nieuw = [k for k in nieuw_ouder.kinderen if k.soort is soort and k.id not in self.n2o]
                if not rest_oud or not rest_nieuw:
                    continue
                scores = kandidaten(self.oud.teksten(rest_oud), self.nieuw.teksten(rest_nieuw), DREMPEL_CONTEXT)
                for i, j, score in wijs_toe(scores):
                    self.koppel(rest_oud[i].id, rest_nieuw[j].id, Koppeling(Koppelwijze.CONTEXT, round(score, 2)))
            if not self._ids_betrouwbaar(oud_ouder, nieuw_ouder):
                for oud_kind, nieuw_kind in list(self._zelfde_plek(oud_ouder, nieuw_ouder)):
                    twijfel = self._twijfel_op_plek(oud_kind.id, nieuw_kind.id, "op plek")
                    self.koppel(oud_kind.id, nieuw_kind.id, replace(_OP_PLEK, twijfel=twijfel))
        return len(self.n2o) - voor

    def _ids_betrouwbaar(self, oud_ouder: Element, nieuw_ouder: Element) -> bool:
        """True where the kader kept its ids: then a new id in an old one's place is a new element."""
        oude_kinderen = {k.id for k in oud_ouder.kinderen}
        gekoppeld = [k.id for k in nieuw_ouder.kinderen if self.n2o.get(k.id) in oude_kinderen]
        if any(self.hoe[k].wijze is not Koppelwijze.ID for k in gekoppeld):
            return False
        return bool(gekoppeld) or self.hoe[nieuw_ouder.id].wijze is Koppelwijze.ID

    def _zelfde_plek(self, oud_ouder: Element, nieuw_ouder: Element) -> Iterator[tuple[Element, Element]]:
        """Leftover leaves that are the only one of their kind on both sides of a gap between matched siblings."""
        plek_oud = {k.id: i for i, k in enumerate(oud_ouder.kinderen)}
        ankers = [(plek_oud[self.n2o[k.id]], j) for j, k in enumerate(nieuw_ouder.kinderen)
                  if self.n2o.get(k.id) in plek_oud]
        behouden = stijgende_deelrij([i for i, _ in ankers])
        grenzen = [(-1, -1)] + [a for n, a in enumerate(ankers) if n in behouden]
        grenzen.append((len(oud_ouder.kinderen), len(nieuw_ouder.kinderen)))
        for (van_oud, van_nieuw), (tot_oud, tot_nieuw) in pairwise(grenzen):
            if tot_oud - van_oud < 2 or tot_nieuw - van_nieuw < 2:
                continue  # nothing between these two anchors on one side
            gat_oud = [k for k in oud_ouder.kinderen[van_oud + 1:tot_oud]
                       if k.id not in self.o2n and k.soort in BLAD_SOORTEN]
            gat_nieuw = [k for k in nieuw_ouder.kinderen[van_nieuw + 1:tot_nieuw]
                         if k.id not in self.n2o and k.soort in BLAD_SOORTEN]
            for soort in {k.soort for k in gat_nieuw}:
                oud_hier = [k for k in gat_oud if k.soort is soort]
                nieuw_hier = [k for k in gat_nieuw if k.soort is soort]
                if len(oud_hier) == len(nieuw_hier) == 1:
                    yield oud_hier[0], nieuw_hier[0]
