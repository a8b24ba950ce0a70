"""Ids for an imported kader: the previous year's where the element is the same, new ones by the conventions.

With a previous year (`--vorige`) the imported kader is first aligned with it exactly as the Staat aligns
two years (`diff.uitlijning.lijn_uit`, on content and place, with throw-away ids), and every element that
is found there gets that element's id; so a history imported year by year stays linked. The rest get ids
after the conventions of docs/formaat.md (`st-op1`, `st-op1-e3`, `p-…-a2`), never one the previous year
used for something else (that would make the Staat pair two different elements).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from rapidfuzz import fuzz

from kaderdiff.diff.uitlijning import lijn_uit
from kaderdiff.invoer.knopen import Knoop, S
from kaderdiff.model.kader import AFGELEIDE_CONTAINERS, Correctie, Element, Kader
from kaderdiff.model.plaats import eigen_tekst

#: Words left out of an id made from a title.
_STOPWOORDEN = frozenset({"de", "het", "een", "van", "en", "op", "in", "voor", "bij", "met", "naar", "aan",
                          "tot", "over", "of", "als", "door", "om", "uit", "te"})
_VOORVOEGSEL = {S.HOOFDSTUK: "h-", S.PARAGRAAF: "p-", S.BIJLAGE: "b-", S.ADDENDUM: "add-"}
#: Per kind of text container: the stem of its children's numbered ids (alinea, lijst, tabel, eis).
_AFGELEID_STAM = {S.OMSCHRIJVING: ("om", "om-l", "om-t"), S.EIGEN_ASPIRATIES: ("ea", "ea-l", "ea-t"),
                  S.BASISKWALITEIT: ("bk-a", "bk-l", "bk-t")}


def slug(tekst: str, woorden: int = 1) -> str:
    """'Doel van het toezicht' -> 'doel' (with woorden=2: 'doel-toezicht'); ASCII, lower case."""
    ascii_ = unicodedata.normalize("NFKD", tekst).encode("ascii", "ignore").decode("ascii").lower()
    delen = [d for d in re.split(r"[^a-z0-9]+", ascii_) if d and d not in _STOPWOORDEN]
    uit = "-".join(delen[:woorden])[:40].strip("-")
    return uit if uit and uit[0].isalpha() else f"x{uit}" if uit else "deel"


def _code(code: str) -> str:
    """'OP1' -> 'op1' (a code is not a title: 'OP' is no stop word here)."""
    return re.sub(r"[^a-z0-9]+", "-", code.lower()).strip("-") or "x"


@dataclass
class Idgever:
    """Hands out ids that are not taken yet."""

    bezet: set[str] = field(default_factory=set)

    def neem(self, element_id: str) -> str:
        self.bezet.add(element_id)
        return element_id

    def vrij(self, basis: str, meer: Callable[[int], str] | None = None) -> str:
        """`basis`, or the next longer/suffixed variant that is still free."""
        kandidaat, n = basis, 2
        while kandidaat in self.bezet:
            kandidaat = meer(n) if meer is not None and n <= 4 else f"{basis}-{n}"
            n += 1
        return self.neem(kandidaat)

    def genummerd(self, stam: str, vanaf: int) -> str:
        n = vanaf
        while f"{stam}{n}" in self.bezet:
            n += 1
        return self.neem(f"{stam}{n}")


def _eigen_id(knoop: Knoop, ouder_id: str, ids: Idgever) -> str:
    """The conventional id of a container (the numbered ones are made by `_kinderen_ids`)."""
    match knoop.soort:
        case S.WOORD_VOORAF:
            return ids.vrij("wv")
        case S.WAARDERINGSKADER:
            return ids.vrij(f"wk-{knoop.kenmerk or 'school'}")
        case S.KWALITEITSGEBIED:
            return ids.vrij(f"kg-{_code(knoop.nummer)}")
        case S.STANDAARD:
            return ids.vrij(f"st-{_code(knoop.nummer)}")
        case S.OVERIGE_VEREISTEN:
            return ids.vrij(f"{ouder_id}-ov")
        case S.BESLISREGELS:
            return ids.vrij(f"{ouder_id}-br")
        case s if s in _VOORVOEGSEL:
            titel = re.sub(r"^addendum\s*[:\-–]?\s*", "", knoop.titel, flags=re.IGNORECASE) or knoop.titel
            voorvoegsel = _VOORVOEGSEL[s]
            return ids.vrij(voorvoegsel + slug(titel), lambda n: voorvoegsel + slug(titel, n))
    raise AssertionError(knoop.soort)  # pragma: no cover


def ken_ids_toe(wortel: Knoop, vast: dict[Knoop, str], bezet: set[str]) -> dict[Knoop, str]:
    """An id for every element of the tree: `vast` where given, conventional ones elsewhere (not in `bezet`)."""
    ids = Idgever(set(bezet) | set(vast.values()))
    uit: dict[Knoop, str] = {}
    _kinderen_ids(wortel, "", "", vast, ids, uit)
    return uit


def _kinderen_ids(ouder: Knoop, ouder_id: str, stam_id: str, vast: dict[Knoop, str], ids: Idgever,
                  uit: dict[Knoop, str]) -> None:
    """Ids of `ouder`'s children; `stam_id` is the id numbered children hang on (the standaard of a basiskwaliteit)."""
    tellers: dict[S, int] = {}
    for kind in ouder.kinderen:
        assert kind.soort is not None
        tellers[kind.soort] = tellers.get(kind.soort, 0) + 1
        n = tellers[kind.soort]
        if kind.soort in AFGELEIDE_CONTAINERS:
            _kinderen_ids(kind, f"{ouder_id}.{kind.soort.value}", ouder_id, vast, ids, uit)
            continue
        if kind in vast:
            kind_id = vast[kind]
        elif kind.soort in (S.ALINEA, S.LIJST, S.TABEL, S.EIS, S.ITEM, S.RIJ, S.BESLISREGEL):
            kind_id = ids.genummerd(_stam(ouder, stam_id or ouder_id, kind.soort), n)
        else:
            kind_id = _eigen_id(kind, ouder_id, ids)
        uit[kind] = kind_id
        _kinderen_ids(kind, kind_id, "", vast, ids, uit)


def _stam(ouder: Knoop, ouder_id: str, soort: S) -> str:
    if ouder.soort in _AFGELEID_STAM and soort is not S.EIS:
        alinea, lijst, tabel = _AFGELEID_STAM[ouder.soort]
        return f"{ouder_id}-" + {S.ALINEA: alinea, S.LIJST: lijst}.get(soort, tabel)
    voor = {S.ALINEA: "-a", S.LIJST: "-l", S.TABEL: "-t", S.EIS: "-e", S.ITEM: "-i", S.RIJ: "-r",
            S.BESLISREGEL: ""}[soort]
    return f"{ouder_id}{voor}"


def elementen(wortel: Knoop, ids: dict[Knoop, str]) -> tuple[Element, ...]:
    """The finished tree as model elements."""
    return tuple(_element(k, "", ids) for k in wortel.kinderen)


def _element(knoop: Knoop, ouder_id: str, ids: dict[Knoop, str]) -> Element:
    assert knoop.soort is not None
    element_id = f"{ouder_id}.{knoop.soort.value}" if knoop.soort in AFGELEIDE_CONTAINERS else ids[knoop]
    eigen = ouder_id if knoop.soort in AFGELEIDE_CONTAINERS else element_id
    return Element(knoop.soort, element_id, knoop.nummer, knoop.titel, knoop.inhoud, tuple(knoop.grondslagen),
                   knoop.geen, knoop.kenmerk, tuple(_element(k, eigen, ids) for k in knoop.kinderen))


@dataclass(frozen=True)
class Kop:
    """What the kader is, besides its parts."""

    sector: str
    variant: str
    jaar: int
    status: str
    peildatum: date
    titel: str
    correctie: Correctie | None = None


def maak_kader(kop: Kop, wortel: Knoop, vorige: Kader | None) -> tuple[Kader, int, dict[Knoop, str]]:
    """The kader with its final ids, how many of them come from `vorige`, and which part got which id."""
    vast: dict[Knoop, str] = {}
    if vorige is not None:
        voorlopig_ids: dict[Knoop, str] = {}
        _voorlopig(wortel, voorlopig_ids, _vrij_voorvoegsel(vorige))
        voorlopig_ids.update(op_kop(wortel, vorige))
        voorlopig = _kader(kop, elementen(wortel, voorlopig_ids))
        uitlijning = lijn_uit(vorige, voorlopig)
        n2o = dict(uitlijning.nieuw_naar_oud)
        n2o.update(op_plaats(vorige, voorlopig, n2o))
        per_id = {v: k for k, v in voorlopig_ids.items()}
        vast = {per_id[n]: o for n, o in n2o.items() if n in per_id}
    bezet = set(vorige.index) if vorige is not None else set()
    ids = ken_ids_toe(wortel, vast, bezet)
    return _kader(kop, elementen(wortel, ids)), len(vast), ids


#: Below this rapidfuzz ratio two elements in the same place are not taken to be one rewritten element.
DREMPEL_PLAATS = 50.0


def op_plaats(oud: Kader, nieuw: Kader, n2o: dict[str, str]) -> dict[str, str]:
    """Elements left unpaired by the alignment that stand alone in the same place: between the same paired
    neighbours, in paired parents, of the same kind, and not wholly different (an eis rewritten from
    'bevoegd' to 'benoembaar/bevoegd … (VOG)' is still that eis). New id -> old id."""
    gebruikt = set(n2o.values())
    uit: dict[str, str] = {}
    for el, _ in nieuw.doorloop():
        oud_id = n2o.get(el.id)
        if oud_id is None or not el.kinderen or oud_id not in oud.index:
            continue
        oude_kinderen = oud.element(oud_id).kinderen
        plek = {k.id: i for i, k in enumerate(oude_kinderen)}
        vorige_plek = -1
        gat: list[Element] = []
        for kind in (*el.kinderen, None):
            gepaard = n2o.get(kind.id) if kind is not None else None
            if kind is not None and gepaard is None:
                gat.append(kind)
                continue
            if kind is not None and gepaard not in plek:
                continue  # paired with an element elsewhere (moved here): no anchor, not free either
            volgende_plek = plek[gepaard] if gepaard is not None else len(oude_kinderen)
            oud_gat = [k for k in oude_kinderen[vorige_plek + 1:volgende_plek] if k.id not in gebruikt]
            for soort in {k.soort for k in gat}:
                nieuw_soort = [k for k in gat if k.soort is soort]
                oud_soort = [k for k in oud_gat if k.soort is soort]
                if len(nieuw_soort) == len(oud_soort) == 1 and fuzz.ratio(
                        eigen_tekst(nieuw_soort[0]), eigen_tekst(oud_soort[0])) >= DREMPEL_PLAATS:
                    uit[nieuw_soort[0].id] = oud_soort[0].id
                    gebruikt.add(oud_soort[0].id)
            gat = []
            vorige_plek = max(vorige_plek, volgende_plek)
    return uit


def _voorlopig(knoop: Knoop, uit: dict[Knoop, str], voorvoegsel: str) -> None:
    """Throw-away ids that no element of the previous year has."""
    for kind in knoop.kinderen:
        if kind.soort not in AFGELEIDE_CONTAINERS:
            uit[kind] = f"{voorvoegsel}{len(uit)}"
        _voorlopig(kind, uit, voorvoegsel)


def _vrij_voorvoegsel(vorige: Kader) -> str:
    voorvoegsel = "voorlopig-"
    while any(i.startswith(voorvoegsel) for i in vorige.index):
        voorvoegsel = "x" + voorvoegsel
    return voorvoegsel


#: Parts a kader names in print: a standard or kwaliteitsgebied by its code, the others by their heading.
_MET_KOP = frozenset({S.WOORD_VOORAF, S.ADDENDUM, S.HOOFDSTUK, S.PARAGRAAF, S.BIJLAGE, S.WAARDERINGSKADER,
                      S.KWALITEITSGEBIED, S.STANDAARD, S.OVERIGE_VEREISTEN, S.BESLISREGELS})
_CODE = frozenset({S.KWALITEITSGEBIED, S.STANDAARD})


def op_kop(wortel: Knoop, vorige: Kader) -> dict[Knoop, str]:
    """Parts that the previous year names the same way: a standard with the same code and title, a paragraaf
    with the same title (what the document itself prints to identify them), and text that is exactly the same.
    They are given to the alignment as ids where both sides have that name or text equally often (paired in
    document order); the alignment's content matching then only has the rest to compare."""
    def sleutel(soort: S, nummer: str, titel: str, kenmerk: str, inhoud: object) -> tuple[object, ...]:
        if soort in _CODE:
            return (soort, f"{nummer} {titel}".strip())
        if soort in _MET_KOP:
            return (soort, titel)
        return (soort, nummer, titel, kenmerk, inhoud)

    def telt(soort: S | None, titel: str, inhoud: tuple[object, ...]) -> bool:
        return bool(titel) if soort in _MET_KOP else bool(inhoud)

    oud: dict[tuple[object, ...], list[str]] = {}
    for el, _ in vorige.doorloop():
        if telt(el.soort, el.titel, el.inhoud):
            oud.setdefault(sleutel(el.soort, el.nummer, el.titel, el.kenmerk, el.inhoud), []).append(el.id)
    nieuw: dict[tuple[object, ...], list[Knoop]] = {}
    stapel = list(reversed(wortel.kinderen))
    while stapel:  # document order
        knoop = stapel.pop()
        stapel.extend(reversed(knoop.kinderen))
        if knoop.soort is not None and telt(knoop.soort, knoop.titel, knoop.inhoud):
            nieuw.setdefault(sleutel(knoop.soort, knoop.nummer, knoop.titel, knoop.kenmerk, knoop.inhoud),
                             []).append(knoop)
    return {knoop: oud_id for s, knopen in nieuw.items() if len(knopen) == len(oud.get(s, ()))
            for knoop, oud_id in zip(knopen, oud[s], strict=True)}


def _kader(kop: Kop, onderdelen: tuple[Element, ...]) -> Kader:
    return Kader(kop.sector, kop.jaar, kop.status, kop.peildatum, kop.titel, onderdelen, variant=kop.variant,
                 correctie=kop.correctie)
