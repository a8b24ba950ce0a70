"""Edits of a kader by element id, as an editor makes them on a branch (shared by the merge tests); the tree is
changed by kaderdiff's own editor (`bron.bewerken`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from lxml import etree

from kaderdiff.bron import bewerken
from kaderdiff.bron.bewerken import per_id
from kaderdiff.bron.opmaak import canoniek
from kaderdiff.model.kader import Fragment

Bewerking = Callable[[dict[str, etree._Element]], None]
__all__ = ["Bewerking", "attribuut", "bewerkt", "na", "nieuw", "per_id", "tekst", "verwijder"]


def bewerkt(data: bytes, *bewerkingen: Bewerking) -> bytes:
    """The kader after the edits, in canonical form (as an editor's commit is, after the pre-commit hook)."""
    wortel = etree.fromstring(data)
    for bewerking in bewerkingen:
        bewerking(per_id(wortel))
    return canoniek(etree.ElementTree(wortel))


def tekst(element_id: str, nieuw: str) -> Bewerking:
    def doe(ids: dict[str, etree._Element]) -> None:
        bewerken.zet_inhoud(ids[element_id], (Fragment(nieuw),))
    return doe


def attribuut(element_id: str, naam: str, waarde: str, pad: str = ".") -> Bewerking:
    def doe(ids: dict[str, etree._Element]) -> None:
        bewerken.zet(ids[element_id].find(pad), **{naam: waarde})
    return doe


def verwijder(element_id: str) -> Bewerking:
    def doe(ids: dict[str, etree._Element]) -> None:
        bewerken.verwijder(ids[element_id])
    return doe


def na(element_id: str, anker: str) -> Bewerking:
    """Move an element right after another (in the anchor's parent)."""
    def doe(ids: dict[str, etree._Element]) -> None:
        bewerken.plaats_na(ids[element_id], ids[anker])
    return doe


def nieuw(anker: str, nieuw_id: str) -> Bewerking:
    """A new element of the anchor's kind right after it (an eis gets a tekst and a grondslag)."""
    def doe(ids: dict[str, etree._Element]) -> None:
        tag = str(ids[anker].tag)
        el = (bewerken.nieuw_element(tag, nieuw_id, f"Nieuwe eis {nieuw_id}.",
                                     {"wet": "WEB", "artikel": "1.3.6", "lid": "1"}) if tag == "eis"
              else bewerken.nieuw_element(tag, nieuw_id, f"Nieuwe tekst {nieuw_id}."))
        bewerken.plaats_na(el, ids[anker])
    return doe


def beide_kanten_zichtbaar(data: bytes, onze: bytes, hun: bytes) -> str:
    """How a file left in conflict shows both versions ('heel', 'regels' or 'elementen'); fails when it does not.

    'heel': the whole of ours and theirs between git's markers; 'regels': git's line merge with markers around
    each conflict; 'elementen': the kader with `<conflict>`, `<onze>` and `<hun>` where the versions differ."""
    from kaderdiff.samenvoeging.uitkomst import naast_elkaar

    assert data not in (onze, hun), "één kant alleen"
    if data == naast_elkaar(onze, hun):
        return "heel"
    if data.startswith(b"<<<<<<< onze\n") or b"\n<<<<<<< onze\n" in data:
        assert b"\n=======\n" in data and b"\n>>>>>>> hun\n" in data, data[-500:]
        return "regels"
    wortel = etree.fromstring(data)
    conflicten = list(wortel.iter("conflict"))
    assert conflicten, "geen conflict in het bestand"
    for conflict in conflicten:
        assert [kind.tag for kind in conflict] == ["onze", "hun"], etree.tostring(conflict)
    return "elementen"


def houdt_woord(code: int, fout: str, pad: Path, onze: bytes, hun: bytes, cwd: Path) -> str:
    """The driver kept its promise for the file at `pad`; returns how ('schoon', 'heel', 'regels', 'elementen')."""
    from tests.hulp.draai import kd
    from tests.hulp.vijandig import nederlands

    assert code in (0, 1), f"exit {code}\n{fout[-3000:]}"
    assert "interne fout" not in fout.lower(), fout[-3000:]
    nederlands(fout)
    data = pad.read_bytes()
    if code == 0:
        gecontroleerd, _, melding = kd(["controleer", str(pad)], cwd=cwd)
        assert gecontroleerd == 0, f"samengevoegd maar afgekeurd:\n{melding[-3000:]}\n{fout[-2000:]}"
        return "schoon"
    vorm = beide_kanten_zichtbaar(data, onze, hun)
    if vorm == "elementen":
        gecontroleerd, _, melding = kd(["controleer", str(pad)], cwd=cwd)
        assert gecontroleerd == 2 and "onopgelost samenvoegconflict" in melding, melding[-2000:]
    return vorm
