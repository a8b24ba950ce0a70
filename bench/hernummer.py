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
