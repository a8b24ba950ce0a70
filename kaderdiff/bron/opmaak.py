"""`kaderdiff opmaak`: one canonical layout for kader files, so git diffs stay readable.

Canonical means: XML declaration, two-space indentation, one element per line,
the text of an inline element (alinea, eis-tekst, titel …) on one line with white
space collapsed, and attributes in a fixed order. Rewriting is idempotent and
atomic, and only ever done on files that are valid kaders.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from lxml import etree

from kaderdiff.bron.bestanden import lees_bestand
from kaderdiff.bron.laden import parse_kader
from kaderdiff.fouten import KaderdiffFout, Melding
from kaderdiff.uitvoer.atomair import schrijf_atomair

#: Elements whose content is running text (kept on one line).
INLINE = frozenset({"titel", "alinea", "item", "tekst", "beslisregel", "geenGrondslag", "wetswijziging"})

ATTRIBUUTVOLGORDE = (
    "id", "nr", "code", "sector", "jaar", "status", "peildatum", "niveau", "soort", "oordeel", "categorie",
    "wetswijziging", "wet", "artikel", "lid", "onderdeel", "bron", "ref", "naam", "inwerkingtreding",
)
_RANG = {naam: i for i, naam in enumerate(ATTRIBUUTVOLGORDE)}
_SPATIE = re.compile(r"\s+")


def _attributen(el: etree._Element) -> str:
    namen = sorted((str(n) for n in el.attrib), key=lambda n: (_RANG.get(n, len(_RANG)), n))
    return "".join(f" {n}={quoteattr(_SPATIE.sub(' ', str(el.attrib[n])).strip())}" for n in namen)


def _overig(el: etree._Element) -> str:
    """A comment or processing instruction exactly as it was (an author's note is never dropped)."""
    if isinstance(el, etree._Comment):
        return f"<!--{el.text or ''}-->"
    if isinstance(el, etree._ProcessingInstruction):
        return f"<?{el.target} {el.text}?>" if el.text else f"<?{el.target}?>"
    return ""


def _inline_inhoud(el: etree._Element) -> str:
    """Mixed content of an inline element as one line of XML, white space of the text collapsed
    (comments and processing instructions inside it are kept as they are)."""
    delen = [_SPATIE.sub(" ", escape(el.text or ""))]
    for kind in el:
        if isinstance(kind.tag, str):
            delen.append(f"<{kind.tag}{_attributen(kind)}>{_inline_inhoud(kind)}</{kind.tag}>")
        else:
            delen.append(_overig(kind))
        delen.append(_SPATIE.sub(" ", escape(kind.tail or "")))
    return "".join(delen)


def _schrijf(el: etree._Element, diepte: int, uit: list[str]) -> None:
    inspringing = "  " * diepte
    if not isinstance(el.tag, str):  # comment or processing instruction
        uit.append(f"{inspringing}{_overig(el)}")
        return
    attributen = _attributen(el)
    if el.tag in INLINE:
        inhoud = _inline_inhoud(el).strip()
        uit.append(f"{inspringing}<{el.tag}{attributen}>{inhoud}</{el.tag}>" if inhoud
                   else f"{inspringing}<{el.tag}{attributen}/>")
        return
    kinderen = list(el)
    if not kinderen:
        uit.append(f"{inspringing}<{el.tag}{attributen}/>")
        return
    if not any(isinstance(k.tag, str) for k in kinderen):  # only comments: no indentation inside, for an
        # element that must stay empty (<grondslag/>) may not get white space
        uit.append(f"{inspringing}<{el.tag}{attributen}>{''.join(_overig(k) for k in kinderen)}</{el.tag}>")
        return
    uit.append(f"{inspringing}<{el.tag}{attributen}>")
    for kind in kinderen:
        _schrijf(kind, diepte + 1, uit)
    uit.append(f"{inspringing}</{el.tag}>")


def canoniek(boom: etree._ElementTree) -> bytes:
    """The canonical serialisation of a kader tree."""
    regels = ['<?xml version="1.0" encoding="UTF-8"?>']
    wortel = boom.getroot()
    regels += [_overig(el) for el in reversed(list(wortel.itersiblings(preceding=True)))]
    _schrijf(wortel, 0, regels)
    regels += [_overig(el) for el in wortel.itersiblings()]
    return ("\n".join(regels) + "\n").encode("utf-8")


def maak_op(data: bytes, bron: str) -> bytes:
    """Canonical bytes for a kader; refuses invalid input rather than guessing."""
    boom, meldingen = parse_kader(data, bron)
    if meldingen:
        raise KaderdiffFout(f"{bron} wordt niet opgemaakt: het voldoet niet aan het kaderschema", tuple(meldingen))
    return canoniek(boom)


def maak_bestanden_op(bestanden: list[Path], alleen_controleren: bool = False) -> list[Path]:
    """Rewrite files canonically; returns the files that changed (or would change).

    All files are checked before any is written, so one invalid file leaves all untouched.
    """
    nieuw: list[tuple[Path, bytes]] = []
    fouten: list[Melding] = []
    for pad in bestanden:
        try:
            data = lees_bestand(pad)
            opgemaakt = maak_op(data, str(pad))
        except KaderdiffFout as fout:
            fouten += fout.meldingen or (Melding(str(pad), 0, 0, fout.tekst),)
            continue
        if opgemaakt != data:
            nieuw.append((pad, opgemaakt))
    if fouten:
        raise KaderdiffFout("Opmaak afgebroken; er is niets gewijzigd", tuple(fouten))
    if not alleen_controleren:
        for pad, data in nieuw:
            schrijf_atomair(pad, data)
    return [pad for pad, _ in nieuw]
