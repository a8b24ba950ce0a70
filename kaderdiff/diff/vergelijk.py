"""Compare two aligned kaders and classify every change (pure functions, no I/O).

One row per element whose own content, place or existence changed; containers
are not rows for what happens to their children. Kind precedence for an element
present in both versions: verplaatst > gewijzigd > redactioneel > hernummerd >
grondslag. Added or removed subtrees are one row; a vanished container whose
children went elsewhere is gesplitst or samengevoegd.
"""

from __future__ import annotations

from dataclasses import replace

from kaderdiff.diff.tekstdiff import alleen_redactioneel, woorddiff
from kaderdiff.diff.uitlijning import lijn_uit, ouders_van_tegenhangers, stijgende_deelrij
from kaderdiff.model.kader import AFGELEIDE_CONTAINERS, Element, Kader, Soort, echte_kinderen, echte_ouder
from kaderdiff.model.plaats import eigen_tekst, label, vindplaats, volledige_tekst
from kaderdiff.model.uitlijning import Uitlijning
from kaderdiff.model.wijziging import DiffDeel, Wijziging, WijzigingSoort

S = WijzigingSoort
_TEKSTBLOKKEN = (Soort.ALINEA, Soort.LIJST, Soort.ITEM, Soort.TABEL)


# ---------------------------------------------------------------- classification
def _kenmerken_inhoud(o: Element, n: Element) -> tuple[WijzigingSoort | None, list[str]]:
    """Kind of change of an element present in both versions (None: unchanged), plus notes."""
    tekst_o, tekst_n = f"{o.titel}\n{o.tekst}", f"{n.titel}\n{n.tekst}"
    grondslag_anders = o.grondslagen != n.grondslagen or o.geen_grondslag != n.geen_grondslag
    notities = []
    soort: WijzigingSoort | None = None
    if (tekst_o != tekst_n and not alleen_redactioneel(tekst_o, tekst_n)) or o.kenmerk != n.kenmerk:
        soort = S.GEWIJZIGD
    elif tekst_o != tekst_n or o.inhoud != n.inhoud:
        soort = S.REDACTIONEEL
    elif o.nummer != n.nummer:
        soort = S.HERNUMMERD
    elif grondslag_anders:
        soort = S.GRONDSLAG
    if o.nummer != n.nummer:
        notities.append(f"hernummerd: {o.nummer} → {n.nummer}")
    if n.soort is Soort.EIS and soort is not None:
        if grondslag_anders and soort is S.GRONDSLAG:
            notities.append("grondslag gewijzigd, tekst niet")
        elif grondslag_anders:
            notities.append("tekst en grondslag gewijzigd")
        elif soort in (S.GEWIJZIGD, S.REDACTIONEEL):
            notities.append("tekst gewijzigd, grondslag niet")
    return soort, notities


def _van_volgorde_verplaatst(oud: Kader, nieuw: Kader, u: Uitlijning) -> set[str]:
    """New ids whose order among their siblings changed (not explained by inserts or removals)."""
    verplaatst: set[str] = set()
    for el, _ in nieuw.doorloop():
        oud_id = u.nieuw_naar_oud.get(el.id)
        if oud_id is None or el.soort in AFGELEIDE_CONTAINERS:
            continue
        oude_volgorde = {k.id: i for i, k in enumerate(echte_kinderen(oud.element(oud_id)))}
        blijvers = [(k.id, oude_volgorde[u.nieuw_naar_oud[k.id]]) for k in echte_kinderen(el)
                    if u.nieuw_naar_oud.get(k.id) in oude_volgorde]
        behouden = stijgende_deelrij([pos for _, pos in blijvers])
        verplaatst.update(kid for i, (kid, _) in enumerate(blijvers) if i not in behouden)
    return verplaatst


def _ouder_id(kader: Kader, element_id: str) -> tuple[str, str]:
    """(real parent id, derived container kind or '') of an element."""
    _, voorouders = kader.index[element_id]
    ouder = echte_ouder(voorouders)
    direct = voorouders[-1] if voorouders else None
    afgeleid = direct.soort.value if direct is not None and direct.soort in AFGELEIDE_CONTAINERS else ""
    return (ouder.id if ouder else ""), afgeleid


def vergelijk(oud: Kader, nieuw: Kader, uitlijning: Uitlijning | None = None) -> list[Wijziging]:
    """All changes from `oud` to `nieuw`, numbered in document order of the new version."""
    u = uitlijning or lijn_uit(oud, nieuw)
    nieuwe_volgorde = {el.id: i for i, (el, _) in enumerate(nieuw.doorloop())}
    oude_volgorde = {el.id: i for i, (el, _) in enumerate(oud.doorloop())}
    volgorde_verplaatst = _van_volgorde_verplaatst(oud, nieuw, u)

    # -- vanished and new containers: split, merged or plain
    def doelen(o: Element) -> set[str]:
        return ouders_van_tegenhangers(o, u.oud_naar_nieuw, nieuw)

    def bronnen(n: Element) -> set[str]:
        return ouders_van_tegenhangers(n, u.nieuw_naar_oud, oud)

    rijen: list[Wijziging] = []
    gesplitst: set[str] = set()
    samengevoegd_nieuw: set[str] = set()

    for el, _ in nieuw.doorloop():
        if el.soort in AFGELEIDE_CONTAINERS or el.id in u.nieuw_naar_oud:
            continue
        if len(bronnen(el)) >= 2:
            samengevoegd_nieuw.add(el.id)
    for el, _ in oud.doorloop():
        if el.soort not in AFGELEIDE_CONTAINERS and el.id not in u.oud_naar_nieuw and len(doelen(el)) >= 2:
            gesplitst.add(el.id)

    # containers taking part in a merge or split: their row covers the moves of the children
    # and the descriptive text (omschrijving, eigen aspiraties) that comes and goes with them
    deel_nieuw = set(samengevoegd_nieuw) | {
        el.id for el, _ in nieuw.doorloop()
        if el.id not in u.nieuw_naar_oud and el.soort not in AFGELEIDE_CONTAINERS
        and len(b := bronnen(el)) == 1 and next(iter(b)) in gesplitst}
    deel_oud = set(gesplitst) | {
        el.id for el, _ in oud.doorloop()
        if el.id not in u.oud_naar_nieuw and el.soort not in AFGELEIDE_CONTAINERS
        and len(d := doelen(el)) == 1 and next(iter(d)) in samengevoegd_nieuw}

    def gedekt(kader: Kader, element_id: str, delen: set[str]) -> bool:
        """Descriptive text directly inside a merged/split container (no row of its own)."""
        el, voorouders = kader.index[element_id]
        ouder = echte_ouder(voorouders)
        return ouder is not None and ouder.id in delen and el.soort in _TEKSTBLOKKEN

    # -- elements of the new version
    toegevoegd: set[str] = set()
    for el, voorouders in nieuw.doorloop():
        if el.soort in AFGELEIDE_CONTAINERS:
            continue
        positie = (nieuwe_volgorde[el.id], 0, 0)
        oud_id = u.nieuw_naar_oud.get(el.id)
        if oud_id is None:
            ouder = echte_ouder(voorouders)
            if ouder is not None and ouder.id in toegevoegd:
                toegevoegd.add(el.id)  # part of an added subtree: covered by that row
                continue
            el_bronnen = bronnen(el)
            if el.id in samengevoegd_nieuw:
                uit_ids = tuple(sorted(el_bronnen, key=oude_volgorde.__getitem__))
                namen = ", ".join(label(oud.element(b)) for b in uit_ids)
                rijen.append(_rij(S.SAMENGEVOEGD, None, el, oud, nieuw, positie, betrokken=uit_ids,
                                  kenmerken=(f"samengevoegd uit: {namen}",)))
            elif len(el_bronnen) == 1 and next(iter(el_bronnen)) in gesplitst:
                continue  # one part of a split: the row of the old element covers it
            elif gedekt(nieuw, el.id, deel_nieuw):
                toegevoegd.add(el.id)
                continue
            else:
                toegevoegd.add(el.id)
                rijen.append(_rij(S.TOEGEVOEGD, None, el, oud, nieuw, positie))
            continue
        o = oud.element(oud_id)
        soort, notities = _kenmerken_inhoud(o, el)
        ouder_oud, afgeleid_oud = _ouder_id(oud, oud_id)
        ouder_nieuw, afgeleid_nieuw = _ouder_id(nieuw, el.id)
        elders = u.oud_naar_nieuw.get(ouder_oud, None if ouder_oud else "") != ouder_nieuw
        if elders and ouder_oud in deel_oud and ouder_nieuw in deel_nieuw:
            elders = False  # carried along by the merge or split
        ander_deel = elders or afgeleid_oud != afgeleid_nieuw
        if ander_deel or el.id in volgorde_verplaatst:
            if soort is not None:
                notities.insert(0, f"ook {soort.label}")
            soort = S.VERPLAATST
            if ander_deel:
                notitie = f"verplaatst van {vindplaats(oud, oud_id) or 'het kader'} naar {vindplaats(nieuw, el.id)}"
            else:
                binnen = vindplaats(nieuw, ouder_nieuw) if ouder_nieuw else "het kader"
                notitie = f"volgorde gewijzigd binnen {binnen}"
            notities.insert(0, notitie)
        if el.id in u.op_inhoud and oud_id != el.id:
            notities.append(f"herkend op inhoud (id was '{oud_id}')")
        if soort is not None:
            rijen.append(_rij(soort, o, el, oud, nieuw, positie, kenmerken=tuple(notities)))

    # -- elements that vanished
    verwijderd: set[str] = set()
    oude_lijst = list(oude_volgorde)
    for el, voorouders in oud.doorloop():
        if el.soort in AFGELEIDE_CONTAINERS or el.id in u.oud_naar_nieuw:
            continue
        ouder = echte_ouder(voorouders)
        if ouder is not None and ouder.id in verwijderd:
            verwijderd.add(el.id)
            continue
        if gedekt(oud, el.id, deel_oud):
            verwijderd.add(el.id)
            continue
        positie = _anker(u, el.id, oude_lijst, nieuwe_volgorde, oude_volgorde)
        el_doelen = doelen(el)
        if el.id in gesplitst:
            namen = ", ".join(label(nieuw.element(d)) for d in sorted(el_doelen, key=nieuwe_volgorde.__getitem__))
            rijen.append(_rij(S.GESPLITST, el, None, oud, nieuw, positie,
                              betrokken=tuple(sorted(el_doelen, key=nieuwe_volgorde.__getitem__)),
                              kenmerken=(f"gesplitst in: {namen}",)))
        elif len(el_doelen) == 1:
            doel = next(iter(el_doelen))
            if doel in samengevoegd_nieuw:
                continue  # covered by the row of the merged element
            rijen.append(_rij(S.SAMENGEVOEGD, el, None, oud, nieuw, positie, betrokken=(doel,),
                              kenmerken=(f"opgegaan in: {label(nieuw.element(doel))}",)))
        else:
            verwijderd.add(el.id)
            rijen.append(_rij(S.VERVALLEN, el, None, oud, nieuw, positie))

    rijen.sort(key=lambda w: w.positie)
    return [replace(w, nummer=f"{nieuw.afkorting}-{i}") for i, w in enumerate(rijen, start=1)]


def _anker(u: Uitlijning, element_id: str, oude_lijst: list[str],
           nieuwe_volgorde: dict[str, int], oude_volgorde: dict[str, int]) -> tuple[int, int, int]:
    """Sort position of a removed element: right after the nearest preceding element that remains."""
    for i in range(oude_volgorde[element_id] - 1, -1, -1):
        nieuw_id = u.oud_naar_nieuw.get(oude_lijst[i])
        if nieuw_id is not None:
            return (nieuwe_volgorde[nieuw_id], 1, oude_volgorde[element_id])
    return (-1, 1, oude_volgorde[element_id])


def _rij(soort: WijzigingSoort, o: Element | None, n: Element | None, oud: Kader, nieuw: Kader,
         positie: tuple[int, int, int], betrokken: tuple[str, ...] = (), kenmerken: tuple[str, ...] = ()) -> Wijziging:
    """Build one row with its WAS/WORDT texts and word diff."""
    if o is not None and n is not None:
        was, wordt = eigen_tekst(o), eigen_tekst(n)
    else:
        was = volledige_tekst(o) if o is not None else ""
        wordt = volledige_tekst(n) if n is not None else ""
    diff: tuple[DiffDeel, ...] = woorddiff(was, wordt)
    return Wijziging(
        soort=soort,
        oud=o,
        nieuw=n,
        vindplaats_oud=vindplaats(oud, o.id) if o is not None else "",
        vindplaats_nieuw=vindplaats(nieuw, n.id) if n is not None else "",
        was=was,
        wordt=wordt,
        tekstdiff=diff,
        grondslagen_was=o.grondslagen if o is not None else (),
        grondslagen_wordt=n.grondslagen if n is not None else (),
        kenmerken=kenmerken,
        betrokken=betrokken,
        positie=positie,
    )
