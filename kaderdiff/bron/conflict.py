"""Merge conflicts inside a kader: `<conflict>` with both versions, and the Dutch message that refuses them.

When two branches change the same part of a kader differently, `kaderdiff merge` keeps both versions in
the file, at the place of the conflict:

    <conflict element="st-op1-e2" soort="eis" veld="tekst">
      <onze><tekst>…</tekst></onze>
      <hun><tekst>…</tekst></hun>
    </conflict>

The schema does not know `<conflict>`, so every command refuses such a kader; `conflictmeldingen` turns
each one into a message that names the element and both versions, instead of libxml2's remark that an
element is out of place. The editor keeps one version and removes `<conflict>`, `<onze>` and `<hun>`.
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from kaderdiff.fouten import Melding

CONFLICT = "conflict"
ONZE = "onze"
HUN = "hun"

#: `veld` values that are not the tag of a part of the element.
BESTAAN = "bestaan"
PLAATS = "plaats"
SOORT = "soort"
TEKST = "tekst"

_MAX_TEKST = 200


def maak_conflict(element: str, soort: str, veld: str, onze: Iterable[etree._Element],
                  hun: Iterable[etree._Element], gewijzigd: Iterable[str] = ()) -> etree._Element:
    """A conflict holding our and their version of one part (copies of the given elements).

    `gewijzigd`: for a deleted element that the other side changed, the ids of what it changed inside.
    """
    conflict = etree.Element(CONFLICT, element=element, soort=soort, veld=veld)
    if gewijzigd:
        conflict.set("gewijzigd", " ".join(gewijzigd))
    for naam, versie in ((ONZE, onze), (HUN, hun)):
        kant = etree.SubElement(conflict, naam)
        for el in versie:
            kant.append(_kopie(el))
    return conflict


def maak_waardeconflict(element: str, soort: str, veld: str, onze: dict[str, str],
                        hun: dict[str, str]) -> etree._Element:
    """A conflict about values that live in attributes (an attribute, or the place of an element)."""
    conflict = etree.Element(CONFLICT, element=element, soort=soort, veld=veld)
    for naam, waarden in ((ONZE, onze), (HUN, hun)):
        etree.SubElement(conflict, naam, {k: v for k, v in waarden.items() if v})
    return conflict


def _kopie(el: etree._Element) -> etree._Element:
    kopie = etree.fromstring(etree.tostring(el)) if isinstance(el.tag, str) else etree.Comment(el.text)
    kopie.tail = None
    return kopie


def _veld(veld: str, soort: str) -> str:
    if veld == BESTAAN:
        return f"de ene tak verwijderde de {soort}, de andere wijzigde iets erin"
    if veld == PLAATS:
        return "beide takken verplaatsten het naar een andere plek"
    if veld == SOORT:
        return "beide takken maakten er een andere soort element van"
    if veld.startswith("@"):
        return f"attribuut {veld[1:]}"
    return veld


def _kort(tekst: str) -> str:
    tekst = " ".join(tekst.split())
    return tekst if len(tekst) <= _MAX_TEKST else tekst[: _MAX_TEKST - 1].rstrip() + "…"


def _versie(kant: etree._Element | None, veld: str, gewijzigd: list[str]) -> str:
    """What one side holds, as a reader would name it."""
    if kant is None:
        return "ontbreekt"
    if veld == BESTAAN and len(kant) and gewijzigd:
        per_id = {el.get("id"): el for el in kant.iter() if isinstance(el.tag, str) and el.get("id")}
        delen = [f"{i}: «{_kort(''.join(per_id[i].itertext()))}»" if i in per_id else i for i in gewijzigd]
        return "behouden, met wijzigingen in " + "; ".join(delen)
    if veld.startswith("@"):
        waarde = kant.get(veld[1:])
        return f"'{waarde}'" if waarde is not None else "geen"
    if veld == SOORT:
        return f"<{kant.get(SOORT, '')}>"
    if veld == PLAATS:
        waar = f"in '{kant.get('ouder', '')}'"
        return waar + (f" na '{kant.get('na')}'" if kant.get("na") else " vooraan")
    if len(kant) == 0:
        return "verwijderd"
    tekst = "".join(kant.itertext())
    if tekst.strip():
        return f"«{_kort(tekst)}»"
    return _kort(" ".join(etree.tostring(k, encoding="unicode", with_tail=False) for k in kant))


def conflictmeldingen(boom: etree._ElementTree, bestand: str) -> list[Melding]:
    """One message per unresolved merge conflict, naming the element and both versions."""
    meldingen = []
    for conflict in boom.getroot().iter(CONFLICT):
        element = conflict.get("element", "?")
        soort = conflict.get("soort", "element")
        veld = conflict.get("veld", "")
        gewijzigd = conflict.get("gewijzigd", "").split()
        onze = _versie(conflict.find(ONZE), veld, gewijzigd)
        hun = _versie(conflict.find(HUN), veld, gewijzigd)
        meldingen.append(Melding(
            bestand, conflict.sourceline or 0, 0,
            f"onopgelost samenvoegconflict bij {soort} '{element}' ({_veld(veld, soort)}): onze versie: {onze}; "
            f"hun versie: {hun}. Houd één versie over en haal <conflict>, <onze> en <hun> weg"))
    return meldingen


def heeft_conflicten(boom: etree._ElementTree) -> bool:
    return next(boom.getroot().iter(CONFLICT), None) is not None
