"""Law-change impact: two stored versions of a law compared article by article, each change with the
eisen (all sectors, all years) that rest on it — legislation.gov.uk's "changes to legislation", for kaders.

Alignment, per level (articles, leden, onderdelen): first the same text anywhere (a renumbering moves
text unchanged), then the same number when the texts are still alike, then the most similar texts
left (renumbered and changed), and last the same number whatever the text (a lid rewritten). What is
left over is added or removed. A changed lid with lists is compared further, so the report names the
onderdeel that changed and, separately, the lid's own words (its aanhef) when those changed. The word
diff is the Staat's (`diff.tekstdiff`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TypeVar

from rapidfuzz import fuzz

from kaderdiff.bron.bwb import versies, wetversie
from kaderdiff.bron.versies import KaderMap
from kaderdiff.bron.wetregister import register_voor
from kaderdiff.diff.tekstdiff import woorddiff
from kaderdiff.fouten import KaderdiffFout
from kaderdiff.model.kader import Grondslag, onderdeelpad
from kaderdiff.model.wettekst import GELDIG, Artikel, Lid, Onderdeel, Wettekst
from kaderdiff.model.wijziging import DiffDeel
from kaderdiff.nederlands import nl_datum
from kaderdiff.recht.grondslagindex import Grondslagindex, IndexKader, standaard_cachemap
from kaderdiff.recht.herleid import RustendeEis
from kaderdiff.recht.wijzigingsnummers import Wijzigingsnummers
from kaderdiff.verwijzing.citeren import citeer

GEWIJZIGD = "gewijzigd"
TOEGEVOEGD = "toegevoegd"
VERVALLEN = "vervallen"
VERNUMMERD = "vernummerd"

#: Same number: still the same provision when at least this alike (0-100).
DREMPEL_ZELFDE_NUMMER = 50.0
#: Another number: the same provision, renumbered, when at least this alike.
DREMPEL_VERNUMMERD = 80.0

T = TypeVar("T")


@dataclass(frozen=True)
class Plaats:
    """Where in the law: an article, a lid of it, an onderdeel ('b, 1°') of that lid or article."""

    artikel: str
    lid: str = ""
    onderdeel: str = ""

    @property
    def niveau(self) -> str:
        return "onderdeel" if self.onderdeel else "lid" if self.lid else "artikel"

    def grondslag(self, wet: str) -> Grondslag:
        return Grondslag(wet, self.artikel, self.lid, self.onderdeel)


@dataclass(frozen=True)
class WetWijziging:
    nummer: str
    soort: str
    was: Plaats | None
    wordt: Plaats | None
    tekst_was: str
    tekst_wordt: str
    diff: tuple[DiffDeel, ...]
    eisen: tuple[RustendeEis, ...] = ()

    @property
    def plaats(self) -> Plaats:
        plaats = self.wordt or self.was
        assert plaats is not None
        return plaats


@dataclass(frozen=True)
class WetImpact:
    wet: str
    naam: str
    bwb: str
    van: date
    naar: date
    bron_van: str
    bron_naar: str
    wijzigingen: tuple[WetWijziging, ...]


@dataclass(frozen=True)
class _Ruw:
    soort: str
    was: Plaats | None
    wordt: Plaats | None
    tekst_was: str
    tekst_wordt: str


def koppel(oud: Sequence[T], nieuw: Sequence[T], nummer: Callable[[T], str],
           tekst: Callable[[T], str]) -> list[tuple[T | None, T | None]]:
    """Pair the items of two versions (see the module docstring); unpaired items come with None.

    Text and number steps are lookups, so a whole law (hundreds of articles) pairs in linear time;
    only what is left after them is compared pairwise.
    """
    paren: dict[int, int] = {}
    vrij_nieuw = set(range(len(nieuw)))

    def per(sleutel: Callable[[T], str]) -> dict[str, list[int]]:
        index: dict[str, list[int]] = {}
        for j in sorted(vrij_nieuw):
            index.setdefault(sleutel(nieuw[j]), []).append(j)
        return index

    def neem(i: int, j: int) -> None:
        paren[i] = j
        vrij_nieuw.discard(j)

    # 1. the same text anywhere, the same number first
    op_tekst = per(tekst)
    for i in range(len(oud)):
        gelijk = [j for j in op_tekst.get(tekst(oud[i]), []) if j in vrij_nieuw]
        if gelijk:
            neem(i, next((j for j in gelijk if nummer(nieuw[j]) == nummer(oud[i])), gelijk[0]))
    # 2. the same number, texts still alike
    op_nummer = per(nummer)
    for i in range(len(oud)):
        if i in paren:
            continue
        for j in op_nummer.get(nummer(oud[i]), []):
            if j in vrij_nieuw and fuzz.ratio(tekst(oud[i]), tekst(nieuw[j]), score_cutoff=DREMPEL_ZELFDE_NUMMER):
                neem(i, j)
                break
    # 3. renumbered and changed: the most similar pairs of what is left
    kandidaten = sorted(
        (-score, i, j)
        for i in range(len(oud)) if i not in paren
        for j in sorted(vrij_nieuw)
        if (score := fuzz.ratio(tekst(oud[i]), tekst(nieuw[j]), score_cutoff=DREMPEL_VERNUMMERD)))
    for _, i, j in kandidaten:
        if i not in paren and j in vrij_nieuw:
            neem(i, j)
    # 4. the same number whatever the text: a provision rewritten
    op_nummer = per(nummer)
    for i in range(len(oud)):
        vrij = [j for j in op_nummer.get(nummer(oud[i]), []) if j in vrij_nieuw] if i not in paren else []
        if vrij:
            neem(i, vrij[0])
    uit: list[tuple[T | None, T | None]] = [(oud[i], nieuw[paren[i]]) if i in paren else (oud[i], None)
                                            for i in range(len(oud))]
    gekoppeld = set(paren.values())
    uit.extend((None, nieuw[j]) for j in range(len(nieuw)) if j not in gekoppeld)
    return uit


def _onderdeelplaats(basis: Plaats, nr: str) -> Plaats:
    return Plaats(basis.artikel, basis.lid, f"{basis.onderdeel}, {nr}" if basis.onderdeel else nr)


def _lijsten(was: Plaats, wordt: Plaats, oud: tuple[Onderdeel, ...], nieuw: tuple[Onderdeel, ...]) -> list[_Ruw]:
    uit: list[_Ruw] = []
    for a, b in koppel(oud, nieuw, lambda o: o.nr, lambda o: o.volledig):
        pa = _onderdeelplaats(was, a.nr) if a else None
        pb = _onderdeelplaats(wordt, b.nr) if b else None
        if a is None or b is None:
            uit.append(_Ruw(VERVALLEN if b is None else TOEGEVOEGD, pa, pb, a.volledig if a else "",
                            b.volledig if b else ""))
            continue
        assert pa is not None and pb is not None
        uit.extend(_deel(pa, pb, a.tekst, b.tekst, a.volledig, b.volledig, a.onderdelen, b.onderdelen))
    return uit


def _deel(was: Plaats, wordt: Plaats, eigen_a: str, eigen_b: str, heel_a: str, heel_b: str,
          lijst_a: tuple[Onderdeel, ...], lijst_b: tuple[Onderdeel, ...]) -> list[_Ruw]:
    """Compare one lid, onderdeel or article body: its own words, then (recursively) its list."""
    if heel_a == heel_b:
        return [_Ruw(VERNUMMERD, was, wordt, heel_a, heel_b)] if was != wordt else []
    if not (lijst_a and lijst_b):
        return [_Ruw(GEWIJZIGD if was == wordt else VERNUMMERD, was, wordt, heel_a, heel_b)]
    uit: list[_Ruw] = []
    if eigen_a != eigen_b or was != wordt:
        uit.append(_Ruw(GEWIJZIGD if was == wordt else VERNUMMERD, was, wordt, eigen_a, eigen_b))
    return uit + _lijsten(was, wordt, lijst_a, lijst_b)


def _status_tekst(artikel: Artikel) -> str:
    return f"[{artikel.status}] {artikel.tekst}".strip() if artikel.status != GELDIG else artikel.tekst


def _artikel(a: Artikel, b: Artikel) -> list[_Ruw]:
    was, wordt = Plaats(a.nr), Plaats(b.nr)
    uit: list[_Ruw] = []
    if a.status != b.status and b.status != GELDIG:
        return [_Ruw(VERVALLEN, was, wordt, _status_tekst(a), _status_tekst(b))]
    if a.titel != b.titel:
        uit.append(_Ruw(GEWIJZIGD if was == wordt else VERNUMMERD, was, wordt, f"Opschrift: {a.titel}",
                        f"Opschrift: {b.titel}"))
    if bool(a.leden) != bool(b.leden):
        return [*uit, _Ruw(GEWIJZIGD, was, wordt, a.tekst, b.tekst)]
    if not a.leden:
        return uit + _deel(was, wordt, a.aanhef, b.aanhef, a.tekst, b.tekst, a.onderdelen, b.onderdelen)
    for la, lb in koppel(a.leden, b.leden, lambda lid: lid.nr, lambda lid: lid.tekst):
        pa = Plaats(a.nr, la.nr) if la else None
        pb = Plaats(b.nr, lb.nr) if lb else None
        uit.extend(_lid(pa, pb, la, lb))
    return uit


def _lid(pa: Plaats | None, pb: Plaats | None, la: Lid | None, lb: Lid | None) -> list[_Ruw]:
    if la is None or lb is None:
        soort = VERVALLEN if lb is None else TOEGEVOEGD
        return [_Ruw(soort, pa, pb, la.tekst if la else "", lb.tekst if lb else "")]
    assert pa is not None and pb is not None
    if la.status == GELDIG and lb.status != GELDIG:
        return [_Ruw(VERVALLEN, pa, pb, la.tekst, lb.tekst)]
    return _deel(pa, pb, la.aanhef, lb.aanhef, la.tekst, lb.tekst, la.onderdelen, lb.onderdelen)


def vergelijk_wetteksten(oud: Wettekst, nieuw: Wettekst) -> list[_Ruw]:
    """Every change between two versions of a law, in the order of the law."""
    uit: list[_Ruw] = []
    for a, b in koppel(list(oud.artikelen.values()), list(nieuw.artikelen.values()),
                       lambda art: art.nr, lambda art: f"{art.titel} {art.tekst}"):
        if a is None or b is None:
            uit.append(_Ruw(VERVALLEN if b is None else TOEGEVOEGD, Plaats(a.nr) if a else None,
                            Plaats(b.nr) if b else None, a.tekst if a else "", b.tekst if b else ""))
        elif a.nr != b.nr and a.tekst == b.tekst and a.titel == b.titel:
            uit.append(_Ruw(VERNUMMERD, Plaats(a.nr), Plaats(b.nr), a.tekst, b.tekst))
        else:
            uit.extend(_artikel(a, b))
    volgorde = {nr: i for i, nr in enumerate([*nieuw.artikelen, *oud.artikelen])}
    return sorted(uit, key=lambda r: volgorde.get((r.wordt or r.was or Plaats("")).artikel, len(volgorde)))


def raakt(g: Grondslag, plaats: Plaats) -> bool:
    """Does a grondslag touch a changed place? A citation of the article touches every lid; a lid every
    onderdeel in it; an onderdeel its parent and its sub-onderdelen."""
    if g.artikel.lower() != plaats.artikel.lower():
        return False
    if g.lid and plaats.lid and g.lid.lower() != plaats.lid.lower():
        return False
    if not g.onderdeel or not plaats.onderdeel:
        return True
    a = [d.lower() for d in g.onderdelen]
    b = [d.lower() for d in onderdeelpad(plaats.onderdeel)]
    kort = min(len(a), len(b))
    return a[:kort] == b[:kort]


def rustende_eisen(kaders: list[IndexKader], wet: str, plaatsen: list[Plaats]) -> tuple[RustendeEis, ...]:
    """The eisen of every kader (any sector and year) with a grondslag touching one of `plaatsen`."""
    uit = []
    for k in sorted(kaders, key=lambda k: (k.sector, k.jaar)):
        for eis in k.per_wet.get(wet, ()):
            geraakt = tuple(g for g in eis.grondslagen if g.wet == wet and any(raakt(g, p) for p in plaatsen))
            if geraakt:
                uit.append(RustendeEis(k.sector, k.jaar, eis.standaard, eis.standaard_titel, eis.id, eis.tekst,
                                       geraakt))
    return tuple(uit)


def wetimpact(wet: str, naam: str, oud: Wettekst, nieuw: Wettekst, kaders: list[IndexKader]) -> WetImpact:
    """The changes from `oud` to `nieuw`, numbered WET-1, WET-2 …, each with the eisen resting on it."""
    wijzigingen = []
    for nummer, r in enumerate(vergelijk_wetteksten(oud, nieuw), start=1):
        plaatsen = [p for p in (r.was, r.wordt) if p is not None]
        wijzigingen.append(WetWijziging(f"{wet}-{nummer}", r.soort, r.was, r.wordt, r.tekst_was, r.tekst_wordt,
                                        woorddiff(r.tekst_was, r.tekst_wordt), rustende_eisen(kaders, wet, plaatsen)))
    return WetImpact(wet, naam, oud.bwb, oud.geldig_vanaf, nieuw.geldig_vanaf, oud.bron, nieuw.bron,
                     tuple(wijzigingen))


def plaats_tekst(wet: str, plaats: Plaats | None) -> str:
    """'artikel 7.2.4a, eerste lid, van de WEB' ('' for None)."""
    return citeer(plaats.grondslag(wet)) if plaats is not None else ""


def impact_tussen(kadermap: KaderMap, wet: str, van: date, naar: date) -> WetImpact:
    """Compare the stored versions of `wet` valid on `van` and on `naar` against every kader in the working tree."""
    register = register_voor(kadermap.pad)  # the kadermap's own laws too
    gevonden = register.zoek(wet)
    if gevonden is None:
        raise KaderdiffFout(f"Onbekende wet '{wet}' (bekend: {', '.join(sorted(register.per_code))})")
    if not gevonden.bwb:
        raise KaderdiffFout(f"De {gevonden.code} staat niet in het BWB; er zijn geen wetsversies te vergelijken")
    if naar < van:
        raise KaderdiffFout(f"--naar-datum ({naar.isoformat()}) ligt voor --van-datum ({van.isoformat()})")
    teksten = []
    for datum in (van, naar):
        tekst = wetversie(kadermap.pad, gevonden.bwb, datum)
        if tekst is None:
            opgeslagen = ", ".join(d.isoformat() for d, _ in versies(kadermap.pad, gevonden.bwb)) or "geen"
            raise KaderdiffFout(f"Geen opgeslagen versie van de {gevonden.code} ({gevonden.bwb}) die geldt op "
                                f"{nl_datum(datum)} (opgeslagen versies geldig vanaf: {opgeslagen}); haal haar op "
                                f"met 'kaderdiff wetten haal {gevonden.code} --datum {datum.isoformat()}'")
        teksten.append(tekst)
    index = Grondslagindex(kadermap, standaard_cachemap(kadermap))
    impact = wetimpact(gevonden.code, gevonden.naam, teksten[0], teksten[1], index.kaders())
    nummers = Wijzigingsnummers(kadermap)  # each eis by the number of its change in the Staat of its year
    wijzigingen = tuple(replace(w, eisen=tuple(replace(e, wijziging=nummers.van(e.jaar, e.sector, e.eis_id))
                                               for e in w.eisen)) for w in impact.wijzigingen)
    # the law files named within the kadermap: an absolute path would make the overview differ per checkout
    return replace(impact, wijzigingen=wijzigingen, bron_van=_in_kadermap(kadermap, impact.bron_van),
                   bron_naar=_in_kadermap(kadermap, impact.bron_naar))


def _in_kadermap(kadermap: KaderMap, bron: str) -> str:
    """'wetten/BWBR…/DATUM.xml': a stored law file relative to the kadermap (as given when outside it)."""
    try:
        return Path(bron).resolve().relative_to(kadermap.pad.resolve()).as_posix()
    except ValueError:
        return bron
