"""Three-way merge of kader XML by element id: what `kaderdiff merge`, the git merge driver, computes.

A line merge conflicts where editors do not: one rewords an eis while another corrects its grondslag on
the next line; one moves an eis while another edits it. Here every element with an `id` is one identity,
wherever it stands, and each of its parts merges on its own: every attribute, every run of children
without ids (the titel, the tekst, the grondslagen …) as one value, the running text of an inline
element, its parent, and its place among its siblings. Only two different changes of one part conflict;
the conflict is written into the kader with both versions (bron/conflict.py) and nothing else is lost.

Nothing here knows the kader's element names beyond what opmaak knows (which elements hold running
text), so new kinds of element merge the same way, as long as what can change on its own has an id.
A child without an id that holds elements with ids (omschrijving, basiskwaliteit, toelichtingen) is an
identity too, named after its parent (`st-op1/basiskwaliteit#0`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from lxml import etree

from kaderdiff.bron.conflict import (
    BESTAAN,
    HUN,
    ONZE,
    PLAATS,
    SOORT,
    TEKST,
    conflictmeldingen,
    maak_conflict,
    maak_waardeconflict,
)
from kaderdiff.bron.opmaak import canoniek
from kaderdiff.bron.xmlveilig import parse_veilig
from kaderdiff.deelrij import stijgende_deelrij
from kaderdiff.fouten import KaderdiffFout, Melding
from kaderdiff.samenvoeging.identiteiten import INHOUD, WORTEL, WORTELTAG, GeenKader, Index, Knoop, bevries, indexeer

W = TypeVar("W")


@dataclass(frozen=True)
class Samenvoeging:
    """The merged kader in canonical form, and a message per conflict left in it."""

    data: bytes
    conflicten: tuple[Melding, ...]


def _drieweg(basis: W | None, onze: W | None, hun: W | None) -> tuple[W | None, bool]:
    """The merged value and whether the two sides changed it differently (then ours is returned)."""
    if onze == hun or hun == basis:
        return onze, False
    if onze == basis:
        return hun, False
    return onze, True


def _gewijzigd(basis: Knoop, kant: Knoop) -> bool:
    """Whether a side changed this identity itself (not only the order or number of its children)."""
    if basis.attributen != kant.attributen or basis.ouder != kant.ouder or basis.tag != kant.tag:
        return True
    return {k: v.waarde for k, v in basis.velden.items()} != {k: v.waarde for k, v in kant.velden.items()}


def _stabiel(basispositie: dict[str, int], reeks: list[str]) -> set[str]:
    """The members of `reeks` that kept their basis order: a longest increasing subsequence."""
    gemeen = [x for x in reeks if x in basispositie]
    return {gemeen[i] for i in stijgende_deelrij([basispositie[x] for x in gemeen])}


def volgorde(leden: set[str], basis: list[str], onze: list[str], hun: list[str]) -> tuple[list[str], list[str]]:
    """The merged order of `leden`, and the members both sides moved to a different place.

    What neither side moved keeps the basis order. Then what ours added or moved goes right after its
    nearest predecessor in our order, and the same for theirs: a run of insertions stays a run.
    """
    positie = {x: i for i, x in enumerate(basis)}
    verplaatst = [set(reeks) - _stabiel(positie, reeks) for reeks in (onze, hun)]
    uit = [x for x in basis if x in leden and not any(x in v for v in verplaatst)]
    vast = set(uit)
    geplaatst = set(uit)
    anker: dict[str, str | None] = {}
    botsingen = []
    for reeks, eigen in zip((onze, hun), verplaatst, strict=True):
        for i, x in enumerate(reeks):
            if x not in eigen or x not in leden:
                continue
            eerder = reeks[i - 1::-1] if i else []
            ankerpunt = next((v for v in eerder if v in vast), None)
            if x in geplaatst:
                if anker.get(x, ankerpunt) != ankerpunt:
                    botsingen.append(x)
                continue
            voor = next((v for v in eerder if v in geplaatst), None)
            uit.insert(uit.index(voor) + 1 if voor is not None else 0, x)
            geplaatst.add(x)
            anker[x] = ankerpunt
    uit += sorted(leden - geplaatst)  # defensive: every member has a place in one of the orders
    return uit, botsingen


#: A container's key: its parent's key, '/', its tag (a namespaced one holds '/' too: '{uri}tag'), '#', a number.
_CONTAINER = re.compile(r"(.*)/((?:\{[^}]*\})?[^/#{}]+)#(\d+)", re.S)


def _label(sleutel: str) -> str:
    """How a message names an identity: its id, or 'basiskwaliteit van st-op1' for a container."""
    if sleutel == WORTEL:
        return WORTELTAG
    container = _CONTAINER.fullmatch(sleutel)
    if container is None:  # an id (identiteiten refuses ids that could be read as a container's key)
        return sleutel
    ouder, tag, nummer = container.groups()
    volgnummer = f" {int(nummer) + 1}" if nummer != "0" else ""
    return f"{tag}{volgnummer} van {_label(ouder or WORTEL)}"


def _tokenlabel(token: str | None) -> str:
    if token is None:
        return ""
    if token.startswith(INHOUD):
        return token[1:].rsplit("#", 1)[0].replace("!", "opmerking") or TEKST
    return _label(token)


def _verhuis(elementen: Iterable[etree._Element], staart: bool = False) -> list[etree._Element]:
    """The elements themselves, to be moved into the merged tree (no copy: each is used once, and the versions
    are not read as trees after indexing); without the text after them (layout), or with it (`staart`: the
    text of inline content)."""
    uit = list(elementen)
    if not staart:
        for el in uit:
            el.tail = None
    return uit


class _Samenvoeger:
    """Merges three indexes: first which identities live and where, then each one built from the top."""

    def __init__(self, basis: Index, onze: Index, hun: Index) -> None:
        self.b, self.o, self.t = basis, onze, hun
        self.leeft: dict[str, str] = {}  # identity -> '' or the side that deleted it (then it is a conflict)
        self.ouder: dict[str, str | None] = {}
        self.voor: dict[str, list[etree._Element]] = {}  # conflicts shown right before an identity
        self.bepaal_leven()
        self.kinderen: dict[str | None, set[str]] = {}
        for sleutel in self.leeft:
            self.kinderen.setdefault(self.ouder[sleutel], set()).add(sleutel)

    # -- which identities live, and in which parent -------------------------------------------------
    def bepaal_leven(self) -> None:
        for sleutel in dict.fromkeys([*self.b, *self.o, *self.t]):
            basis, onze, hun = self.b.get(sleutel), self.o.get(sleutel), self.t.get(sleutel)
            if onze is not None and hun is not None:
                self.leeft[sleutel] = ""
                self.ouder[sleutel] = self._ouder(sleutel, basis, onze, hun)
            elif basis is None:
                self._leef(sleutel, "", onze or hun)
            elif onze is not None and _gewijzigd(basis, onze):
                self._leef(sleutel, HUN, onze)
            elif hun is not None and _gewijzigd(basis, hun):
                self._leef(sleutel, ONZE, hun)
        # The parent of a living identity lives; what one side deleted and the other needs comes back whole.
        werk = list(self.leeft)
        while werk:
            sleutel = werk.pop()
            ouder = self.ouder[sleutel]
            if ouder is not None and ouder not in self.leeft:
                weg = ONZE if ouder not in self.o else HUN
                self._leef(ouder, weg, self._houder(weg)[ouder])
                werk.append(ouder)
            weg = self.leeft[sleutel]
            if weg:
                wisser = self.o if weg == ONZE else self.t
                for kind in self._houder(weg)[sleutel].kinderen():
                    if kind not in self.leeft and kind not in wisser:
                        self._leef(kind, weg, self._houder(weg)[kind])
                        werk.append(kind)

    def _houder(self, weg: str) -> Index:
        """The side that kept what `weg` deleted."""
        return self.t if weg == ONZE else self.o

    def _leef(self, sleutel: str, weg: str, knoop: Knoop | None) -> None:
        assert knoop is not None
        self.leeft[sleutel] = weg
        self.ouder[sleutel] = knoop.ouder

    def _ouder(self, sleutel: str, basis: Knoop | None, onze: Knoop, hun: Knoop) -> str | None:
        ouder, botsing = _drieweg(basis.ouder if basis else None, onze.ouder, hun.ouder)
        if botsing:
            self._plaatsconflict(sleutel, onze, hun)
        return ouder

    def _plaatsconflict(self, sleutel: str, onze: Knoop, hun: Knoop) -> None:
        def plek(index: Index, knoop: Knoop) -> dict[str, str]:
            reeks = index[knoop.ouder].volgorde if knoop.ouder in index else []
            i = reeks.index(sleutel) if sleutel in reeks else 0
            return {"ouder": _label(knoop.ouder or WORTEL), "na": _tokenlabel(reeks[i - 1] if i else None)}

        self.voor.setdefault(sleutel, []).append(maak_waardeconflict(
            _label(sleutel), onze.tag, PLAATS, plek(self.o, onze), plek(self.t, hun)))

    # -- building the merged tree --------------------------------------------------------------------
    def bouw(self, sleutel: str) -> list[etree._Element]:
        """The merged element of an identity, with the conflicts that go right before it."""
        weg = self.leeft[sleutel]
        basis = self.b.get(sleutel)
        if weg:
            onze = hun = self._houder(weg)[sleutel]
        else:  # in both, or added by one side
            onze = self.o.get(sleutel) or self.t[sleutel]
            hun = self.t.get(sleutel) or onze
        if onze.bevroren:
            return [*self.voor.get(sleutel, []), *_verhuis([onze.element])]
        label = _label(sleutel)
        conflicten = self.voor.get(sleutel, [])
        tag, botsing = _drieweg(basis.tag if basis else None, onze.tag, hun.tag)  # alinea -> item, keeping its id
        if botsing or tag is None:
            conflicten.append(maak_waardeconflict(label, onze.tag, SOORT, {SOORT: onze.tag}, {SOORT: hun.tag}))
            tag = onze.tag
        attributen: dict[str, str] = {}
        for naam in dict.fromkeys([*onze.attributen, *hun.attributen, *(basis.attributen if basis else {})]):
            waarden = [k.attributen.get(naam) if k else None for k in (basis, onze, hun)]
            waarde, botsing = _drieweg(*waarden)
            if botsing:
                conflicten.append(maak_waardeconflict(label, tag, f"@{naam}", {naam: waarden[1] or ""},
                                                      {naam: waarden[2] or ""}))
            if waarde is not None:
                attributen[naam] = waarde
        element = etree.Element(tag, attributen)
        if onze.inline and hun.inline:
            inhoud, botsing = self._veld(INHOUD, basis, onze, hun)
            if botsing:  # running text changed on both sides: both whole elements, one per side
                element = maak_conflict(label, tag, TEKST, [onze.element], [hun.element])
            else:
                element.text = inhoud[0].text
                element.extend(_verhuis(list(inhoud[0]), staart=True))
        else:
            self._vul(element, sleutel, basis, onze, hun)
        if weg and self.leeft.get(self.ouder[sleutel] or "") != weg:
            omhulsel = maak_conflict(label, tag, BESTAAN, [], [], self._gewijzigd_in(element, weg))
            omhulsel[1 if weg == ONZE else 0].append(element)
            element = omhulsel
        if sleutel == WORTEL:
            for positie, conflict in enumerate(conflicten):
                element.insert(positie, conflict)
            return [element]
        return [*conflicten, element]

    def _gewijzigd_in(self, element: etree._Element, weg: str) -> list[str]:
        """The ids in a deleted element that the other side added or changed: why it came back."""
        houder = self._houder(weg)
        return [i for i in (el.get("id") for el in element.iter() if isinstance(el.tag, str)) if i and i in houder
                and (i not in self.b or _gewijzigd(self.b[i], houder[i]))]

    def _veld(self, veld: str, basis: Knoop | None, onze: Knoop, hun: Knoop) -> tuple[list[etree._Element], bool]:
        """The elements of one field after the merge (none: deleted), and whether it conflicts."""
        kanten = [k.velden.get(veld) if k else None for k in (basis, onze, hun)]
        waarde, botsing = _drieweg(*(v.waarde if v else None for v in kanten))
        if botsing:
            return [], True
        gekozen = kanten[1] if kanten[1] is not None and waarde == kanten[1].waarde else kanten[2]
        return (gekozen.elementen if gekozen is not None and waarde is not None else []), False

    def _vul(self, element: etree._Element, sleutel: str, basis: Knoop | None, onze: Knoop, hun: Knoop) -> None:
        velden: dict[str, list[etree._Element]] = {}
        for veld in dict.fromkeys(t for k in (onze, hun, basis) if k for t in k.velden):
            gekozen, botsing = self._veld(veld, basis, onze, hun)
            if botsing:
                kant = [k.velden[veld].elementen if veld in k.velden else [] for k in (onze, hun)]
                velden[veld] = [maak_conflict(_label(sleutel), onze.tag, _tokenlabel(veld), kant[0], kant[1])]
            elif gekozen:
                velden[veld] = _verhuis(gekozen)
        leden = set(velden) | self.kinderen.get(sleutel, set())
        reeks, botsingen = volgorde(leden, basis.volgorde if basis else [], onze.volgorde, hun.volgorde)
        for verplaatst in botsingen:
            if verplaatst in self.o and verplaatst in self.t:
                self._plaatsconflict(verplaatst, self.o[verplaatst], self.t[verplaatst])
        for token in reeks:
            element.extend(velden[token] if token in velden else self.bouw(token))


def _wortel(data: bytes | None, bron: str) -> etree._Element | None:
    if data is None or not data.strip():
        return None
    try:
        wortel = parse_veilig(data, bron).getroot()
    except KaderdiffFout as fout:
        raise GeenKader(f"{bron} is geen leesbare XML", fout.meldingen) from None
    if wortel.tag != WORTELTAG:
        raise GeenKader(f"{bron} is geen kader: het hoofdelement is <{wortel.tag}>")
    return wortel


def voeg_samen(basis: bytes | None, onze: bytes, hun: bytes, bron: str = "kader") -> Samenvoeging:
    """Merge our and their version of a kader with their common ancestor (None or b'': none, both added it).

    Raises `GeenKader` when a version cannot be merged by structure; the caller falls back to lines.
    """
    wortel_b = _wortel(basis, f"{bron} (basis)")
    wortel_o, wortel_t = _wortel(onze, f"{bron} ({ONZE})"), _wortel(hun, f"{bron} ({HUN})")
    if wortel_o is None or wortel_t is None:
        raise GeenKader(f"{bron}: onze of hun versie is leeg")
    bevroren = set()
    if wortel_b is not None and basis is not None:
        bevroren = bevries((wortel_b, wortel_o, wortel_t), (basis, onze, hun))
    indexen = [indexeer(w, f"{bron} ({kant})", bevroren) if w is not None else {}
               for w, kant in zip((wortel_b, wortel_o, wortel_t), ("basis", ONZE, HUN), strict=True)]
    samenvoeger = _Samenvoeger(*indexen)
    (wortel,) = samenvoeger.bouw(WORTEL)
    data = canoniek(etree.ElementTree(wortel))
    if next(wortel.iter("conflict"), None) is None:
        return Samenvoeging(data, ())
    try:  # read back as every command reads it: the messages name lines, and `controleer` must find them
        boom = parse_veilig(data, bron)
    except KaderdiffFout as fout:  # e.g. a conflict nested one level too deep
        raise GeenKader(f"{bron}: per element samengevoegd, met conflicten, is het geen leesbare XML meer",
                        fout.meldingen) from None
    return Samenvoeging(data, tuple(conflictmeldingen(boom, bron)))
