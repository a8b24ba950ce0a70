"""Compare two aligned kaders and classify every change (pure functions, no I/O).

One row per element whose own content, place or existence changed; containers
are not rows for what happens to their children. The work is done in phases,
each a small function with one rule: `herindeling` (which containers were split
or merged), `rijen_voor_paren` (elements present in both versions),
`rijen_voor_toegevoegd`, `rijen_voor_vervallen`, and `nummer` (document order).
Kind precedence for an element present in both versions: verplaatst > gewijzigd
> redactioneel > hernummerd > grondslag. Added or removed subtrees are one row; a
vanished container whose children went elsewhere is gesplitst or samengevoegd.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from kaderdiff.deelrij import beste_stijgende_deelrij, stijgende_deelrij
from kaderdiff.diff.gelijkenis import gelijkenis, vergelijkingstekst
from kaderdiff.diff.tekstdiff import alleen_redactioneel, woorddiff
from kaderdiff.diff.twijfel import met_twijfel
from kaderdiff.diff.uitlijning import lijn_uit
from kaderdiff.model.kader import AFGELEIDE_CONTAINERS, Element, Kader, Soort, echte_kinderen, echte_ouder
from kaderdiff.model.koppeling import Koppeling, Koppelwijze, Uitlijning
from kaderdiff.model.plaats import alle_grondslagen, eigen_tekst, label, vindplaats, volledige_tekst
from kaderdiff.model.wijziging import DiffDeel, Wijziging, WijzigingSoort

#: Text blocks directly inside a merged or split container: its row covers them.
_BESCHRIJVEND = frozenset({Soort.ALINEA, Soort.LIJST, Soort.ITEM, Soort.TABEL})


def ouders_van_tegenhangers(el: Element, koppeling: dict[str, str], ander: Kader) -> set[str]:
    """Ids of the real parents, in the other version, of the counterparts of `el`'s children ('' for top level)."""
    uit = set()
    for kind in echte_kinderen(el):
        tegenhanger = koppeling.get(kind.id)
        if tegenhanger is not None:
            ouder = echte_ouder(ander.index[tegenhanger][1])
            uit.add(ouder.id if ouder else "")
    return uit


@dataclass(frozen=True)
class Vergelijking:
    """What every phase needs: both versions, their alignment and each version's document order."""

    oud: Kader
    nieuw: Kader
    uitlijning: Uitlijning
    oude_volgorde: dict[str, int]
    nieuwe_volgorde: dict[str, int]

    @classmethod
    def van(cls, oud: Kader, nieuw: Kader, uitlijning: Uitlijning) -> Vergelijking:
        return cls(oud, nieuw, uitlijning, {el.id: i for i, (el, _) in enumerate(oud.doorloop())},
                   {el.id: i for i, (el, _) in enumerate(nieuw.doorloop())})

    def bronnen(self, nieuw_el: Element) -> set[str]:
        """Old parents of the counterparts of a new element's children."""
        return ouders_van_tegenhangers(nieuw_el, self.uitlijning.nieuw_naar_oud, self.oud)

    def doelen(self, oud_el: Element) -> set[str]:
        """New parents of the counterparts of an old element's children."""
        return ouders_van_tegenhangers(oud_el, self.uitlijning.oud_naar_nieuw, self.nieuw)


@dataclass(frozen=True)
class Herindeling:
    """Containers that were split (old ids) or merged (new ids), and the containers taking part in either."""

    gesplitst: frozenset[str]
    samengevoegd: frozenset[str]
    deel_oud: frozenset[str]
    deel_nieuw: frozenset[str]

    def gedekt(self, kader: Kader, element_id: str, delen: frozenset[str]) -> bool:
        """Descriptive text directly inside a merged or split container: that row covers it."""
        el, voorouders = kader.index[element_id]
        ouder = echte_ouder(voorouders)
        return ouder is not None and ouder.id in delen and el.soort in _BESCHRIJVEND


# ---------------------------------------------------------------- phase 1: split and merge
def herindeling(v: Vergelijking) -> Herindeling:
    """An unmatched new container whose children come from two or more old ones is samengevoegd; an
    unmatched old container whose children went to two or more new ones is gesplitst."""
    koppeling = v.uitlijning
    los_nieuw = [el for el, _ in v.nieuw.doorloop()
                 if el.soort not in AFGELEIDE_CONTAINERS and el.id not in koppeling.nieuw_naar_oud]
    los_oud = [el for el, _ in v.oud.doorloop()
               if el.soort not in AFGELEIDE_CONTAINERS and el.id not in koppeling.oud_naar_nieuw]
    samengevoegd = frozenset(el.id for el in los_nieuw if len(v.bronnen(el)) >= 2)
    gesplitst = frozenset(el.id for el in los_oud if len(v.doelen(el)) >= 2)
    # the parts of a split and the sources of a merge take part too: their row covers the moves of the
    # children and the descriptive text (omschrijving, eigen aspiraties) that comes and goes with them
    deel_nieuw = samengevoegd | {el.id for el in los_nieuw if _enige(v.bronnen(el)) in gesplitst}
    deel_oud = gesplitst | {el.id for el in los_oud if _enige(v.doelen(el)) in samengevoegd}
    return Herindeling(gesplitst, samengevoegd, frozenset(deel_oud), frozenset(deel_nieuw))


def _enige(ids: set[str]) -> str | None:
    """The one id of a set of one, else None."""
    return next(iter(ids)) if len(ids) == 1 else None


# ---------------------------------------------------------------- phase 2: elements in both versions
def inhoudelijke_soort(oud_el: Element, nieuw_el: Element) -> tuple[WijzigingSoort | None, list[str]]:
    """Kind of change of an element's own content (None: unchanged), plus notes."""
    if (oud_el.inhoud == nieuw_el.inhoud and oud_el.titel == nieuw_el.titel and oud_el.kenmerk == nieuw_el.kenmerk
            and oud_el.nummer == nieuw_el.nummer and oud_el.grondslagen == nieuw_el.grondslagen
            and oud_el.geen_grondslag == nieuw_el.geen_grondslag):
        return None, []  # the same in every part compared below (most pairs): without building their texts
    tekst_oud, tekst_nieuw = f"{oud_el.titel}\n{oud_el.tekst}", f"{nieuw_el.titel}\n{nieuw_el.tekst}"
    grondslag_anders = (oud_el.grondslagen != nieuw_el.grondslagen
                        or oud_el.geen_grondslag != nieuw_el.geen_grondslag)
    notities = []
    soort: WijzigingSoort | None = None
    if ((tekst_oud != tekst_nieuw and not alleen_redactioneel(tekst_oud, tekst_nieuw))
            or oud_el.kenmerk != nieuw_el.kenmerk):
        soort = WijzigingSoort.GEWIJZIGD
    elif tekst_oud != tekst_nieuw or oud_el.inhoud != nieuw_el.inhoud:
        soort = WijzigingSoort.REDACTIONEEL
    elif oud_el.nummer != nieuw_el.nummer:
        soort = WijzigingSoort.HERNUMMERD
    elif grondslag_anders:
        soort = WijzigingSoort.GRONDSLAG
    if oud_el.nummer != nieuw_el.nummer:
        notities.append(f"hernummerd: {oud_el.nummer} → {nieuw_el.nummer}")
    if nieuw_el.soort is Soort.EIS and soort is not None:
        if grondslag_anders and soort is WijzigingSoort.GRONDSLAG:
            notities.append("grondslag gewijzigd, tekst niet")
        elif grondslag_anders:
            notities.append("tekst en grondslag gewijzigd")
        elif soort in (WijzigingSoort.GEWIJZIGD, WijzigingSoort.REDACTIONEEL):
            notities.append("tekst gewijzigd, grondslag niet")
    return soort, notities


def verplaatst_in_volgorde(v: Vergelijking) -> set[str]:
    """New ids whose order among their siblings changed (not explained by inserts or removals).

    Which of two swapped neighbours moved is a choice among equally long runs that kept their order: the
    move is blamed on the element someone touched (a toelichting names it, or it changed otherwise), else on
    the one that moved furthest, else on the later one in the new order (docs/staat-json.md)."""
    naar_oud = v.uitlijning.nieuw_naar_oud
    toegelicht = frozenset(ref for t in v.nieuw.toelichtingen for ref in t.betreft)
    verplaatst: set[str] = set()
    for el, _ in v.nieuw.doorloop():
        oud_id = naar_oud.get(el.id)
        if oud_id is None or el.soort in AFGELEIDE_CONTAINERS:
            continue
        oude_kinderen = list(echte_kinderen(v.oud.element(oud_id)))
        oude_plek = {kind.id: i for i, kind in enumerate(oude_kinderen)}
        blijvers = [(oude_kinderen[oude_plek[naar_oud[kind.id]]], kind) for kind in echte_kinderen(el)
                    if naar_oud.get(kind.id) in oude_plek]
        plekken = [oude_plek[oud.id] for oud, _ in blijvers]
        if len(stijgende_deelrij(plekken)) == len(plekken):
            continue  # nothing changed its order here
        behouden = beste_stijgende_deelrij(plekken, _voorkeuren(blijvers, plekken, toegelicht, v.nieuw))
        verplaatst.update(nieuw.id for i, (_, nieuw) in enumerate(blijvers) if i not in behouden)
    return verplaatst


def _voorkeuren(blijvers: list[tuple[Element, Element]], plekken: list[int], toegelicht: frozenset[str],
                kader: Kader) -> list[tuple[int, int, int]]:
    """Per child, what speaks for calling it unmoved: nobody touched it (a toelichting of the new `kader` names
    it, by its new id; its old id only where the new kader has no such id), it moved little, it comes early."""
    rang = {plek: r for r, plek in enumerate(sorted(plekken))}
    uit = []
    for i, ((oud, nieuw), plek) in enumerate(zip(blijvers, plekken, strict=True)):
        aangeraakt = (nieuw.id in toegelicht or (oud.id in toegelicht and oud.id not in kader.index)
                      or inhoudelijke_soort(oud, nieuw)[0] is not None)
        uit.append((0 if aangeraakt else 1, -abs(rang[plek] - i), -i))
    return uit


def _ouder_id(kader: Kader, element_id: str) -> tuple[str, str]:
    """(real parent id, derived container kind or '') of an element."""
    _, voorouders = kader.index[element_id]
    ouder = echte_ouder(voorouders)
    direct = voorouders[-1] if voorouders else None
    afgeleid = direct.soort.value if direct is not None and direct.soort in AFGELEIDE_CONTAINERS else ""
    return (ouder.id if ouder else ""), afgeleid


def verplaatsing(v: Vergelijking, h: Herindeling, oud_id: str, nieuw_id: str, in_volgorde: bool) -> str | None:
    """The note of a moved element ('verplaatst van … naar …'), or None when it stayed in place.

    An element is moved when its parent is not its old parent's counterpart, when it changed between
    omschrijving/basiskwaliteit/eigen aspiraties, or when its order among its siblings changed
    (`in_volgorde`). Children carried along by a merge or split have not moved: that row covers them.
    """
    ouder_oud, afgeleid_oud = _ouder_id(v.oud, oud_id)
    ouder_nieuw, afgeleid_nieuw = _ouder_id(v.nieuw, nieuw_id)
    elders = v.uitlijning.oud_naar_nieuw.get(ouder_oud, None if ouder_oud else "") != ouder_nieuw
    if elders and ouder_oud in h.deel_oud and ouder_nieuw in h.deel_nieuw:
        elders = False
    if elders or afgeleid_oud != afgeleid_nieuw:
        return f"verplaatst van {vindplaats(v.oud, oud_id) or 'het kader'} naar {vindplaats(v.nieuw, nieuw_id)}"
    if in_volgorde:
        binnen = vindplaats(v.nieuw, ouder_nieuw) if ouder_nieuw else "het kader"
        return f"volgorde gewijzigd binnen {binnen}"
    return None


def rijen_voor_paren(v: Vergelijking, h: Herindeling) -> list[Wijziging]:
    """One row for each element present in both versions whose content or place changed."""
    uitlijning = v.uitlijning
    in_volgorde = verplaatst_in_volgorde(v)
    rijen = []
    for el, _ in v.nieuw.doorloop():
        oud_id = uitlijning.nieuw_naar_oud.get(el.id)
        if oud_id is None or el.soort in AFGELEIDE_CONTAINERS:
            continue
        oud_el = v.oud.element(oud_id)
        soort, notities = inhoudelijke_soort(oud_el, el)
        notitie = verplaatsing(v, h, oud_id, el.id, el.id in in_volgorde)
        if notitie is not None:
            if soort is not None:
                notities.insert(0, f"ook {soort.label}")
            soort = WijzigingSoort.VERPLAATST
            notities.insert(0, notitie)
        if soort is not None:
            rij = _rij(soort, oud_el, el, v, kenmerken=tuple(notities))
            rijen.append(replace(rij, koppeling=_met_gelijkenis(uitlijning.koppeling(el.id), oud_el, el)))
    return rijen


def _met_gelijkenis(koppeling: Koppeling | None, oud_el: Element, nieuw_el: Element) -> Koppeling | None:
    """A content match's evidence with the similarity of the pair filled in (the reader judges it by that)."""
    if koppeling is None or koppeling.wijze is Koppelwijze.ID or koppeling.gelijkenis is not None:
        return koppeling
    score = gelijkenis(vergelijkingstekst(oud_el), vergelijkingstekst(nieuw_el))
    return replace(koppeling, gelijkenis=round(score, 2))


# ---------------------------------------------------------------- phase 3: added
def rijen_voor_toegevoegd(v: Vergelijking, h: Herindeling) -> list[Wijziging]:
    """New elements without a counterpart: one row per added subtree, one per merged container."""
    rijen = []
    toegevoegd: set[str] = set()  # added elements whose subtree one row covers
    for el, voorouders in v.nieuw.doorloop():
        if el.soort in AFGELEIDE_CONTAINERS or el.id in v.uitlijning.nieuw_naar_oud:
            continue
        ouder = echte_ouder(voorouders)
        if ouder is not None and ouder.id in toegevoegd:
            toegevoegd.add(el.id)
            continue
        bronnen = v.bronnen(el)
        if el.id in h.samengevoegd:
            uit_ids = tuple(sorted(bronnen, key=v.oude_volgorde.__getitem__))
            namen = ", ".join(label(v.oud.element(b)) for b in uit_ids)
            rijen.append(_rij(WijzigingSoort.SAMENGEVOEGD, None, el, v, betrokken=uit_ids,
                              kenmerken=(f"samengevoegd uit: {namen}",)))
        elif _enige(bronnen) in h.gesplitst:
            continue  # one part of a split: the row of the old element covers it
        elif h.gedekt(v.nieuw, el.id, h.deel_nieuw):
            toegevoegd.add(el.id)
        else:
            toegevoegd.add(el.id)
            rijen.append(_rij(WijzigingSoort.TOEGEVOEGD, None, el, v))
    return rijen


# ---------------------------------------------------------------- phase 4: removed
def rijen_voor_vervallen(v: Vergelijking, h: Herindeling) -> list[Wijziging]:
    """Old elements without a counterpart: vervallen, gesplitst, or opgegaan in a merged container."""
    rijen = []
    verwijderd: set[str] = set()  # removed elements whose subtree one row covers
    oude_lijst = list(v.oude_volgorde)
    for el, voorouders in v.oud.doorloop():
        if el.soort in AFGELEIDE_CONTAINERS or el.id in v.uitlijning.oud_naar_nieuw:
            continue
        ouder = echte_ouder(voorouders)
        if (ouder is not None and ouder.id in verwijderd) or h.gedekt(v.oud, el.id, h.deel_oud):
            verwijderd.add(el.id)
            continue
        positie = _anker(v, el.id, oude_lijst)
        doelen = sorted(v.doelen(el), key=v.nieuwe_volgorde.__getitem__)
        if el.id in h.gesplitst:
            namen = ", ".join(label(v.nieuw.element(d)) for d in doelen)
            rijen.append(_rij(WijzigingSoort.GESPLITST, el, None, v, positie, betrokken=tuple(doelen),
                              kenmerken=(f"gesplitst in: {namen}",)))
        elif len(doelen) == 1:
            if doelen[0] in h.samengevoegd:
                continue  # covered by the row of the merged element
            rijen.append(_rij(WijzigingSoort.SAMENGEVOEGD, el, None, v, positie, betrokken=(doelen[0],),
                              kenmerken=(f"opgegaan in: {label(v.nieuw.element(doelen[0]))}",)))
        else:
            verwijderd.add(el.id)
            rijen.append(_rij(WijzigingSoort.VERVALLEN, el, None, v, positie))
    return rijen


def _anker(v: Vergelijking, element_id: str, oude_lijst: list[str]) -> tuple[int, int, int]:
    """Sort position of a removed element: right after the nearest preceding element that remains."""
    eigen = v.oude_volgorde[element_id]
    for i in range(eigen - 1, -1, -1):
        nieuw_id = v.uitlijning.oud_naar_nieuw.get(oude_lijst[i])
        if nieuw_id is not None:
            return (v.nieuwe_volgorde[nieuw_id], 1, eigen)
    return (-1, 1, eigen)


# ---------------------------------------------------------------- phase 5: numbering
def nummer(rijen: list[Wijziging], sector: str) -> list[Wijziging]:
    """Rows in document order of the new version (removed ones after their anchor), numbered SECTOR-1 …"""
    op_plek = sorted(rijen, key=lambda w: w.positie)
    return [replace(w, nummer=f"{sector}-{i}") for i, w in enumerate(op_plek, start=1)]


def vergelijk(oud: Kader, nieuw: Kader, uitlijning: Uitlijning | None = None) -> list[Wijziging]:
    """All changes from `oud` to `nieuw`, numbered in document order of the new version."""
    v = Vergelijking.van(oud, nieuw, uitlijning or lijn_uit(oud, nieuw))
    h = herindeling(v)
    rijen = nummer(rijen_voor_paren(v, h) + rijen_voor_toegevoegd(v, h) + rijen_voor_vervallen(v, h), nieuw.afkorting)
    return met_twijfel(rijen, oud, nieuw, v.uitlijning)


def _rij(soort: WijzigingSoort, oud_el: Element | None, nieuw_el: Element | None, v: Vergelijking,
         positie: tuple[int, int, int] | None = None, betrokken: tuple[str, ...] = (),
         kenmerken: tuple[str, ...] = ()) -> Wijziging:
    """Build one row with its WAS/WORDT texts and word diff; by default placed at the new element."""
    grondslagen_was = oud_el.grondslagen if oud_el is not None else ()
    grondslagen_wordt = nieuw_el.grondslagen if nieuw_el is not None else ()
    if oud_el is not None and nieuw_el is not None:
        was, wordt = eigen_tekst(oud_el), eigen_tekst(nieuw_el)
    else:  # a whole subtree comes or goes: its text and the grondslagen of its eisen
        was = volledige_tekst(oud_el) if oud_el is not None else ""
        wordt = volledige_tekst(nieuw_el) if nieuw_el is not None else ""
        grondslagen_was = alle_grondslagen(oud_el) if oud_el is not None else ()
        grondslagen_wordt = alle_grondslagen(nieuw_el) if nieuw_el is not None else ()
    if positie is None:
        assert nieuw_el is not None
        positie = (v.nieuwe_volgorde[nieuw_el.id], 0, 0)
    diff: tuple[DiffDeel, ...] = woorddiff(was, wordt)
    return Wijziging(
        soort=soort,
        oud=oud_el,
        nieuw=nieuw_el,
        vindplaats_oud=vindplaats(v.oud, oud_el.id) if oud_el is not None else "",
        vindplaats_nieuw=vindplaats(v.nieuw, nieuw_el.id) if nieuw_el is not None else "",
        was=was,
        wordt=wordt,
        tekstdiff=diff,
        grondslagen_was=grondslagen_was,
        grondslagen_wordt=grondslagen_wordt,
        kenmerken=kenmerken,
        betrokken=betrokken,
        positie=positie,
    )
