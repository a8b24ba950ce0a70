"""Align two versions of a kader element by element: which old element is which new one, and why.

Evidence, strongest first, mixed freely (one kader may keep some ids and lose others):
1. `id`: the same id and kind in both versions (skipped with `op_inhoud`: ids ignored entirely).
2. `tekst`: a leaf (eis, alinea, item, beslisregel) whose text occurs once on each side, or that is at
   least DREMPEL_TEKST similar to one anywhere in the kader (candidates by blocking, see gelijkenis.py);
   a matched parent breaks ties. A container with no matched children: by its heading.
3. `context`, containers: a new container is the old one where most of its matched children came from,
   when most of that one's children went here, with evidence beyond moved eisen (all children agree, a
   shared descriptive text, or a similar heading): a standard that receives the eisen of two others is
   a merge, not the larger one renamed.
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
from itertools import pairwise

from kaderdiff.deelrij import stijgende_deelrij
from kaderdiff.diff.gelijkenis import exacte_paren, gelijkenis, kandidaten, wijs_toe
from kaderdiff.model.kader import AFGELEIDE_CONTAINERS, BLAD_SOORTEN, Element, Kader, Soort, echte_kinderen, echte_ouder
from kaderdiff.model.koppeling import Koppeling, Koppelwijze, Uitlijning

#: Minimal similarity (0..1) for two leaves anywhere in the kader to be the same element.
DREMPEL_TEKST = 0.85
#: Minimal similarity for two leaves under the same (matched) parent.
DREMPEL_CONTEXT = 0.60
#: Minimal similarity of the headings of two containers matched on their heading alone.
DREMPEL_KOP = 0.90
#: Added to the similarity of two leaves whose parents are each other's counterpart (ranking only).
BONUS_OUDER = 0.1
_OP_ID = Koppeling(Koppelwijze.ID)
_ZELFDE_TEKST = Koppeling(Koppelwijze.TEKST, 1.0)
#: Found by their place; their similarity is computed later, only for pairs that become a row of the Staat.
_OP_KINDEREN = _OP_PLEK = Koppeling(Koppelwijze.CONTEXT)
#: Steps 2-4 repeat at most this often (each round can only use what the previous one found).
RONDES = 4


def vergelijkingstekst(el: Element) -> str:
    """What two elements are compared on: a leaf's text (with its oordeel), a container's heading."""
    if el.soort not in BLAD_SOORTEN:
        return el.kop
    tekst = "".join([fragment.tekst for fragment in el.inhoud])
    return f"{el.kenmerk} {tekst}".strip() if el.kenmerk else tekst


def lijn_uit(oud: Kader, nieuw: Kader, op_inhoud: bool = False) -> Uitlijning:
    """Align `oud` and `nieuw` (pure: depends only on the two models); `op_inhoud` ignores the ids."""
    koppelaar = _Koppelaar(oud, nieuw)
    if not op_inhoud:
        koppelaar.op_id()
    for _ in range(RONDES):
        koppelaar.bladeren_op_tekst(ook_dubbel=False)
        koppelaar.containers_op_kinderen()
        op_kop = koppelaar.containers_op_kop()
        koppelaar.bladeren_in_context()
        # a leaf found by its place votes for a parent that is matched already; a container found by its
        # heading can be the missing vote of a container further up: only then another round
        if not op_kop:
            break
    koppelaar.bladeren_op_tekst(ook_dubbel=True)  # repeated texts left over: moved, pair them best first
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
        cache, uit = self._teksten, []
        for el in elementen:
            tekst = cache.get(el.id)
            if tekst is None:
                tekst = cache[el.id] = vergelijkingstekst(el)
            uit.append(tekst)
        return uit


class _Koppelaar:
    """The pairs found so far, and the votes they cast for their parents; lives for one `lijn_uit` only."""

    def __init__(self, oud: Kader, nieuw: Kader) -> None:
        self.oud, self.nieuw = _Boom(oud), _Boom(nieuw)
        self.o2n: dict[str, str] = {}
        self.n2o: dict[str, str] = {}
        self.hoe: dict[str, Koppeling] = {}
        # per new real parent: per old real parent, how many of its matched children came from there
        self.stemmen: dict[str, dict[str, int]] = {}
        self.gekoppeld_oud: dict[str, int] = {}  # old real parent -> number of its children matched
        self.beschrijvend: set[tuple[str, str]] = set()  # (new, old parent) sharing a child that is no eis

    def koppel(self, oud_id: str, nieuw_id: str, koppeling: Koppeling) -> None:
        """Record a pair and its vote; the derived containers of two paired containers follow on the same evidence."""
        self.o2n[oud_id] = nieuw_id
        self.n2o[nieuw_id] = oud_id
        self.hoe[nieuw_id] = koppeling
        nieuw_el = self.nieuw.element[nieuw_id]
        soort = nieuw_el.soort
        ouder_oud, ouder_nieuw = self.oud.ouder[oud_id], self.nieuw.ouder[nieuw_id]
        per_bron = self.stemmen.get(ouder_nieuw)
        if per_bron is None:
            per_bron = self.stemmen[ouder_nieuw] = {}
        per_bron[ouder_oud] = per_bron.get(ouder_oud, 0) + 1
        self.gekoppeld_oud[ouder_oud] = self.gekoppeld_oud.get(ouder_oud, 0) + 1
        if soort is not Soort.EIS:
            self.beschrijvend.add((ouder_nieuw, ouder_oud))
        if soort in BLAD_SOORTEN:
            del self.oud.los[soort][oud_id], self.nieuw.los[soort][nieuw_id]
            return
        for kind in nieuw_el.kinderen:
            oud_afgeleid = f"{oud_id}.{kind.soort.value}"
            if kind.soort in AFGELEIDE_CONTAINERS and oud_afgeleid in self.oud.element:
                self.o2n[oud_afgeleid] = kind.id
                self.n2o[kind.id] = oud_afgeleid
                self.hoe[kind.id] = koppeling

    # ------------------------------------------------------------ 1. ids
    def op_id(self) -> None:
        for el in self.nieuw.element.values():
            tegenhanger = self.oud.element.get(el.id)
            if el.soort not in AFGELEIDE_CONTAINERS and tegenhanger is not None and tegenhanger.soort is el.soort:
                self.koppel(el.id, el.id, _OP_ID)

    # ------------------------------------------------------------ 2. leaves by their own text
    def bladeren_op_tekst(self, ook_dubbel: bool) -> None:
        """Exact and similar texts per kind; repeated texts wait for context unless `ook_dubbel`."""
        for soort in sorted(BLAD_SOORTEN):
            rest_oud = list(self.oud.los[soort].values())
            rest_nieuw = list(self.nieuw.los[soort].values())
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
            if el.id not in self.n2o:
                bron = self._bron(el)
                if bron is not None:
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
        if 2 * gedeeld <= totaal or 2 * gedeeld <= van_bron:
            return None
        if (el.id, bron) in self.beschrijvend or gelijkenis(self.oud.element[bron].kop, el.kop) >= DREMPEL_KOP:
            return bron
        return None

    def containers_op_kop(self) -> int:
        """Containers without any matched child (on either side): by their heading."""
        rest_oud = [el for el in self.oud.containers
                    if el.id not in self.o2n and el.kop and not self.gekoppeld_oud.get(el.id)]
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
                    self.koppel(oud_kind.id, nieuw_kind.id, _OP_PLEK)
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


def ouders_van_tegenhangers(el: Element, koppeling: dict[str, str], ander: Kader) -> set[str]:
    """Ids of the real parents, in the other version, of the counterparts of `el`'s children ('' for top level)."""
    uit = set()
    for kind in echte_kinderen(el):
        tegenhanger = koppeling.get(kind.id)
        if tegenhanger is not None:
            ouder = echte_ouder(ander.index[tegenhanger][1])
            uit.add(ouder.id if ouder else "")
    return uit
