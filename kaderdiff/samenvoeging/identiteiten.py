"""The identities of one version of a kader, as the three-way merge (samenvoeging/driewegs.py) sees them.

Every element with an `id` is an identity; so is a child without an id that holds elements with ids
(omschrijving, basiskwaliteit, toelichtingen), named after its parent: `st-op1/basiskwaliteit#0`. What an
identity holds besides identities are its fields: each run of same-tag children without ids below them
(the titel, the tekst, the grondslagen, a comment) is one value, and so is the running text of an inline
element (alinea, item). Values are compared in canonical `opmaak` form, so layout is not a change.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from kaderdiff.bron.opmaak import element_regels, inline_inhoud, is_inline
from kaderdiff.fouten import KaderdiffFout

WORTEL = "/"
#: Field key of the running text of an inline identity (alinea, item …); other field keys are '=tag#n'.
INHOUD = "="
WORTELTAG = "kader"
#: An id as the schema allows it (type Id in kader.xsd); any other could be read as a container's key.
GELDIG_ID = re.compile(r"[a-z][a-z0-9._\-]*")


class GeenKader(KaderdiffFout):
    """A version that cannot be merged by structure: not XML, not a kader, an id the schema forbids, or an id
    used twice."""


@dataclass
class Veld:
    """One run of same-tag children without ids below them, or the running text of an inline identity."""

    elementen: list[etree._Element]
    waarde: str = ""


@dataclass
class Knoop:
    """One identity in one version: an element with an id (or a container of such elements)."""

    sleutel: str
    tag: str
    ouder: str | None
    element: etree._Element
    attributen: dict[str, str]
    inline: bool
    bevroren: bool = False  # the same subtree in all three versions: copied whole
    velden: dict[str, Veld] = field(default_factory=dict)
    volgorde: list[str] = field(default_factory=list)  # children in order: identity keys and field keys

    def kinderen(self) -> list[str]:
        return [t for t in self.volgorde if not t.startswith(INHOUD)]


Index = dict[str, Knoop]


def _veldtag(el: etree._Element) -> str:
    if isinstance(el.tag, str):
        return el.tag
    return "!" if isinstance(el, etree._Comment) else "?"


def _bevat_ids(el: etree._Element) -> bool:
    return next(el.iterfind(".//*[@id]"), None) is not None


def _kinderen(el: etree._Element, sleutel: str) -> Iterator[tuple[etree._Element, str, str]]:
    """Each child with its field tag and, for an identity, its key ('' for a field)."""
    runs: dict[str, int] = {}
    for kind in el:
        tag = _veldtag(kind)
        kind_id = kind.get("id") if isinstance(kind.tag, str) else None
        if kind_id:
            yield kind, tag, kind_id
        elif tag not in "!?" and not is_inline(kind) and _bevat_ids(kind):
            runs[tag] = runs.get(tag, -1) + 1
            yield kind, tag, f"{sleutel}/{tag}#{runs[tag]}"
        else:
            yield kind, tag, ""


class Regels:
    """The source lines of one version: a subtree that starts its own line, followed by a sibling that starts
    its own line, stands on the lines between them, so equal lines mean an equal subtree (read in C, not
    serialised again). Where the layout does not allow that (or namespaces could change the meaning of equal
    text), `van` says None and the subtree is compared serialised."""

    def __init__(self, data: bytes, wortel: etree._Element) -> None:
        self.regels = data.split(b"\n") if not wortel.nsmap else []

    def _begint_regel(self, el: etree._Element) -> bool:
        regel = el.sourceline or 0
        if not 0 < regel <= len(self.regels):
            return False
        begin = self.regels[regel - 1].lstrip()
        if not isinstance(el.tag, str):
            return begin.startswith(b"<!--" if isinstance(el, etree._Comment) else b"<?")
        tag = el.tag.encode()
        return begin.startswith(b"<" + tag) and begin[len(tag) + 1:len(tag) + 2] in (b" ", b">", b"/", b"\t", b"")

    def van(self, el: etree._Element) -> list[bytes] | None:
        volgende = el.getnext()
        if volgende is None or not self.regels or not self._begint_regel(el) or not self._begint_regel(volgende):
            return None
        begin, eind = el.sourceline or 0, volgende.sourceline or 0
        return self.regels[begin - 1:eind - 1] if eind > begin else None


def _gelijk(drietal: tuple[etree._Element, ...], regels: tuple[Regels, ...]) -> bool:
    """Whether a subtree is the same in all three versions (by its source lines where possible)."""
    stukken = [r.van(el) for r, el in zip(regels, drietal, strict=True)]
    if all(stuk is not None for stuk in stukken):
        return stukken[0] == stukken[1] == stukken[2]
    tekst: bytes = etree.tostring(drietal[0], with_tail=False)
    return bool(etree.tostring(drietal[1], with_tail=False) == tekst == etree.tostring(drietal[2], with_tail=False))


def bevries(wortels: tuple[etree._Element, etree._Element, etree._Element],
            bronnen: tuple[bytes, bytes, bytes]) -> set[etree._Element]:
    """The subtrees that are the same in all three versions (basis, ours, theirs), at the same place.

    They hold no change, and their ids cannot be anywhere else (an id is unique in a version), so the merge
    copies them whole instead of indexing them: a kader of 400 kB with 50 changes merges in milliseconds.
    """
    regels = tuple(Regels(data, wortel) for data, wortel in zip(bronnen, wortels, strict=True))
    bevroren: set[etree._Element] = set()
    stapel: list[tuple[str, tuple[etree._Element, ...]]] = [(WORTEL, wortels)]
    while stapel:
        sleutel, drietal = stapel.pop()
        per_kant = [{k: kind for kind, _, k in _kinderen(el, sleutel) if k} for el in drietal]
        for k, in_basis in per_kant[0].items():
            in_onze, in_hun = per_kant[1].get(k), per_kant[2].get(k)
            if in_onze is None or in_hun is None:
                continue
            if _gelijk((in_basis, in_onze, in_hun), regels):
                bevroren.update((in_basis, in_onze, in_hun))
            elif not is_inline(in_basis):
                stapel.append((k, (in_basis, in_onze, in_hun)))
    return bevroren


def indexeer(wortel: etree._Element, bron: str, bevroren: set[etree._Element] | None = None) -> Index:
    """Every identity of one version with its attributes, fields and children (a frozen one: as it is)."""
    bevroren = bevroren or set()
    knopen: Index = {}
    gezien = {WORTEL}
    stapel: list[tuple[etree._Element, str, str | None]] = [(wortel, WORTEL, None)]
    while stapel:
        el, sleutel, ouder = stapel.pop()
        knoop = Knoop(sleutel, str(el.tag), ouder, el, {str(k): " ".join(str(v).split()) for k, v in el.attrib.items()},
                      is_inline(el), el in bevroren)
        knopen[sleutel] = knoop
        if knoop.bevroren:
            continue
        if knoop.inline:
            knoop.velden[INHOUD] = Veld([el], inline_inhoud(el))
            knoop.volgorde.append(INHOUD)
            continue
        runs: dict[str, int] = {}
        vorige = ""
        for kind, tag, kind_sleutel in _kinderen(el, sleutel):
            if kind_sleutel:
                if kind_sleutel == kind.get("id") and not GELDIG_ID.fullmatch(" ".join(kind_sleutel.split())):
                    raise GeenKader(f"{bron}: id '{kind_sleutel}' is geen geldig id (regel {kind.sourceline}): "
                                    "alleen kleine letters, cijfers, '.', '_' en '-', beginnend met een letter")
                if kind_sleutel in gezien:
                    raise GeenKader(f"{bron}: id '{kind_sleutel}' komt dubbel voor (regel {kind.sourceline})")
                gezien.add(kind_sleutel)
                knoop.volgorde.append(kind_sleutel)
                stapel.append((kind, kind_sleutel, sleutel))
                vorige = ""
            elif tag == vorige:
                knoop.velden[knoop.volgorde[-1]].elementen.append(kind)
            else:
                runs[tag] = runs.get(tag, -1) + 1
                veld = f"={tag}#{runs[tag]}"
                knoop.velden[veld] = Veld([kind])
                knoop.volgorde.append(veld)
                vorige = tag if tag not in "!?" else ""
        for veld_ in knoop.velden.values():
            veld_.waarde = "\n".join(r for e in veld_.elementen for r in element_regels(e))
    return knopen
