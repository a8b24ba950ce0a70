"""Give the elements of a kader new ids, as a herziening or a Word import does: nothing else changes.

Used by the renumbered bench variant and by the tests that check a Staat survives renumbering. A new id
is a hash of the old one (it carries no document order); `deel` renumbers a seeded share of the
elements only. The references of the toelichtingen follow their element.
"""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path

from lxml import etree


def hernummer(xml: bytes, deel: float = 1.0, zaad: str = "") -> tuple[bytes, dict[str, str]]:
    """The kader with new ids (all, or a share `deel`), and the map new id -> old id of the renumbered ones."""
    boom = etree.fromstring(xml)
    kans = random.Random(f"hernummer-{zaad}")
    nieuw_voor: dict[str, str] = {}
    for el in boom.iter():
        oud_id = el.get("id")
        if oud_id is None or el.tag == "toelichting":
            continue
        if deel < 1.0 and kans.random() >= deel:
            continue
        nieuw_id = "hn-" + hashlib.sha1(f"{zaad}/{oud_id}".encode()).hexdigest()[:12]
        nieuw_voor[oud_id] = nieuw_id
        el.set("id", nieuw_id)
    assert len(set(nieuw_voor.values())) == len(nieuw_voor)
    for el in boom.iter("betreft"):
        ref = el.get("ref", "")
        if ref in nieuw_voor:
            el.set("ref", nieuw_voor[ref])
    uit = etree.tostring(boom, xml_declaration=True, encoding="UTF-8")
    return uit, {nieuw: oud for oud, nieuw in nieuw_voor.items()}


def deel_voor(jaar: int) -> float:
    """Share of ids renumbered in the newer kader of a pair: all of them in odd years, half in even years."""
    return 1.0 if jaar % 2 else 0.5


def maak_variant(doel: Path) -> int:
    """Write `doel/hernummerd/JAAR/SLOT.xml` (+ `SLOT-ids.json`: new id -> generator id) for every pair."""
    aantal = 0
    for waarheid in sorted((doel / "waarheid").glob("*.json")):
        slot, jaar = waarheid.stem.rsplit("-", 1)
        xml, kaart = hernummer((doel / "kaders" / jaar / f"{slot}.xml").read_bytes(), deel_voor(int(jaar)),
                               zaad=waarheid.stem)
        map_ = doel / "hernummerd" / jaar
        map_.mkdir(parents=True, exist_ok=True)
        (map_ / f"{slot}.xml").write_bytes(xml)
        (map_ / f"{slot}-ids.json").write_text(json.dumps(kaart, indent=0, sort_keys=True))
        aantal += 1
    return aantal


#: Per leaf kind: what the importer appends to the id of the element its number hangs on (docs/formaat.md).
_ACHTER = {"alinea": "-a", "lijst": "-l", "tabel": "-t", "eis": "-e", "item": "-i", "rij": "-r", "beslisregel": ""}
#: Inside a derived container the numbered children of the standaard get their own stems (eisen keep '-e').
_AFGELEID = {"omschrijving": {"alinea": "-om", "lijst": "-om-l", "tabel": "-om-t"},
             "eigenAspiraties": {"alinea": "-ea", "lijst": "-ea-l", "tabel": "-ea-t"},
             "basiskwaliteit": {"alinea": "-bk-a", "lijst": "-bk-l", "tabel": "-bk-t"}}
_KOP_VOORVOEGSEL = {"hoofdstuk": "h-", "paragraaf": "p-", "bijlage": "b-", "addendum": "add-"}


def positioneel(xml: bytes) -> tuple[bytes, dict[str, str]]:
    """The kader with the ids an import without `--vorige` gives: numbered in document order per parent
    (`st-op1-e1`, `e2` …), containers by code or title. Returns it and the map new id -> old id."""
    from kaderdiff.invoer.ids import Idgever, slug

    boom = etree.fromstring(xml)
    bestaand = {el.get("id") for el in boom.iter() if isinstance(el.tag, str)}
    # a toelichting may name a removed element by its old id: no element of this kader may take that id
    ids = Idgever({ref for el in boom.iter("betreft") if (ref := el.get("ref", "")) not in bestaand})
    nieuw_voor: dict[str, str] = {}

    def eigen(el: etree._Element, ouder_id: str) -> str:
        tag, titel = el.tag, (el.findtext("titel") or "").strip()
        if tag == "woordVooraf":
            return ids.vrij("wv")
        if tag == "waarderingskader":
            return ids.vrij(f"wk-{el.get('niveau') or 'school'}")
        if tag in ("kwaliteitsgebied", "standaard"):
            return ids.vrij(f"{'kg' if tag == 'kwaliteitsgebied' else 'st'}-{el.get('code', 'x').lower()}")
        if tag in ("overigeVereisten", "beslisregels"):
            return ids.vrij(f"{ouder_id}-{'ov' if tag == 'overigeVereisten' else 'br'}")
        voorvoegsel = _KOP_VOORVOEGSEL[str(tag)]
        return ids.vrij(voorvoegsel + slug(titel), lambda n: voorvoegsel + slug(titel, n))

    def loop(ouder: etree._Element, ouder_id: str, stam: str, afgeleid: str) -> None:
        tellers: dict[str, int] = {}
        for kind in ouder:
            if not isinstance(kind.tag, str):
                continue
            if kind.tag in _AFGELEID:
                loop(kind, ouder_id, ouder_id, str(kind.tag))
                continue
            oud_id = kind.get("id")
            if oud_id is None or kind.tag == "toelichting":
                continue
            tellers[kind.tag] = tellers.get(kind.tag, 0) + 1
            if kind.tag in _ACHTER:
                achter = _AFGELEID.get(afgeleid, {}).get(str(kind.tag), _ACHTER[str(kind.tag)])
                nieuw_id = ids.genummerd(f"{stam or ouder_id}{achter}", tellers[kind.tag])
            else:
                nieuw_id = eigen(kind, ouder_id)
            nieuw_voor[oud_id] = nieuw_id
            kind.set("id", nieuw_id)
            loop(kind, nieuw_id, "", "")

    loop(boom, "", "", "")
    return _met_verwijzingen(boom, nieuw_voor)


def verwissel_buren(xml: bytes) -> tuple[bytes, dict[str, str]]:
    """The kader with the ids of the first two eisen of every basiskwaliteit swapped (as a careless copy or a
    positional import after a move gives them): nothing else changes. Returns it and the map new id -> old id."""
    boom = etree.fromstring(xml)
    nieuw_voor: dict[str, str] = {}
    for basis in boom.iter("basiskwaliteit"):
        eisen = basis.findall("eis")
        if len(eisen) >= 2:
            a, b = eisen[0].get("id", ""), eisen[1].get("id", "")
            eisen[0].set("id", b)
            eisen[1].set("id", a)
            nieuw_voor.update({a: b, b: a})
    return _met_verwijzingen(boom, nieuw_voor)


def _met_verwijzingen(boom: etree._Element, nieuw_voor: dict[str, str]) -> tuple[bytes, dict[str, str]]:
    """The toelichtingen follow their element; the XML and the map new id -> old id of every changed id."""
    for el in boom.iter("betreft"):
        ref = el.get("ref", "")
        if ref in nieuw_voor:
            el.set("ref", nieuw_voor[ref])
    uit = etree.tostring(boom, xml_declaration=True, encoding="UTF-8")
    return uit, {nieuw: oud for oud, nieuw in nieuw_voor.items() if nieuw != oud}
