"""`kaderdiff opmaak`: one canonical layout for kader files, so git diffs stay readable.

Canonical means: XML declaration, two-space indentation, one element per line,
the text of an inline element (alinea, eis-tekst, titel …) on one line with white
space collapsed, and attributes in a fixed order. Rewriting is idempotent and
atomic, and only ever done on files that are valid kaders.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from kaderdiff.bron.bestanden import lees_bestand
from kaderdiff.fouten import KaderdiffFout, Melding
from kaderdiff.uitvoer.xmltekst import escape, quoteattr

#: Elements whose content is running text (kept on one line).
INLINE = frozenset({"titel", "alinea", "item", "tekst", "beslisregel", "geenGrondslag", "wetswijziging", "cel",
                    "correctie"})
#: Elements inside running text.
INLINE_DELEN = frozenset({"nadruk", "sterk", "voetnoot"})

ATTRIBUUTVOLGORDE = (
    "id", "nr", "code", "sector", "variant", "jaar", "status", "peildatum", "niveau", "soort", "oordeel", "categorie",
    "wetswijziging", "wet", "artikel", "lid", "onderdeel", "bron", "ref", "naam", "inwerkingtreding", "vastgesteld",
    "publicatie",
)
_RANG = {naam: i for i, naam in enumerate(ATTRIBUUTVOLGORDE)}
_SPATIE = re.compile(r"\s+")


def _rang(paar: tuple[str, str]) -> tuple[int, str]:
    return _RANG.get(paar[0], len(_RANG)), paar[0]


def _attributen(el: etree._Element) -> str:
    paren = el.items()
    if not paren:
        return ""
    if len(paren) == 1:  # most elements carry only their id
        naam, waarde = paren[0]
        return f" {naam}={quoteattr(' '.join(waarde.split()))}"
    paren.sort(key=_rang)
    # " ".join(v.split()) collapses exactly the white space that \s+ matches, without a regular expression
    return "".join(f" {n}={quoteattr(' '.join(v.split()))}" for n, v in paren)


def _overig(el: etree._Element) -> str:
    """A comment or processing instruction exactly as it was (an author's note is never dropped)."""
    if isinstance(el, etree._Comment):
        return f"<!--{el.text or ''}-->"
    if isinstance(el, etree._ProcessingInstruction):
        return f"<?{el.target} {el.text}?>" if el.text else f"<?{el.target}?>"
    return ""


def _inline_inhoud(el: etree._Element) -> str:
    """Mixed content of an inline element as one line of XML, white space of the text collapsed (comments
    and processing instructions inside it are kept as they are; a nested list is left out: `_schrijf` puts
    it on lines of its own)."""
    delen = [_SPATIE.sub(" ", escape(el.text or ""))]
    for kind in el:
        if isinstance(kind.tag, str) and kind.tag not in INLINE_DELEN:
            continue
        if isinstance(kind.tag, str):
            delen.append(f"<{kind.tag}{_attributen(kind)}>{_inline_inhoud(kind)}</{kind.tag}>")
        else:
            delen.append(_overig(kind))
        delen.append(_SPATIE.sub(" ", escape(kind.tail or "")))
    return "".join(delen)


def inline_inhoud(el: etree._Element) -> str:
    """The canonical content of an inline element (text and emphasis), without the element's own tag."""
    if len(el) == 0:  # plain text, by far the most common: no regular expression needed
        return escape(" ".join((el.text or "").split()))
    return _inline_inhoud(el).strip()


def is_inline(el: etree._Element) -> bool:
    """Whether an element holds running text: a known inline element, or one with text of its own."""
    if el.tag in INLINE or (el.text is not None and el.text.strip()):
        return True
    return any(kind.tail is not None and kind.tail.strip() for kind in el)


def element_regels(el: etree._Element, diepte: int = 0) -> list[str]:
    """One element (comment, inline or nested) in canonical form, line by line."""
    uit: list[str] = []
    _schrijf(el, "  " * diepte, uit)
    return uit


def _schrijf(el: etree._Element, inspringing: str, uit: list[str]) -> None:
    tag = el.tag
    if not isinstance(tag, str):  # comment or processing instruction
        uit.append(f"{inspringing}{_overig(el)}")
        return
    attributen = _attributen(el)
    if tag in INLINE:
        inhoud = inline_inhoud(el)
        blokken = [k for k in el if isinstance(k.tag, str) and k.tag not in INLINE_DELEN]
        if blokken:  # a list item with a list inside: its text on the first line, the list below
            uit.append(f"{inspringing}<{tag}{attributen}>{inhoud}")
            for kind in blokken:
                _schrijf(kind, inspringing + "  ", uit)
            uit.append(f"{inspringing}</{tag}>")
            return
        uit.append(f"{inspringing}<{tag}{attributen}>{inhoud}</{tag}>" if inhoud
                   else f"{inspringing}<{tag}{attributen}/>")
        return
    if not len(el):
        uit.append(f"{inspringing}<{tag}{attributen}/>")
        return
    if not any(isinstance(k.tag, str) for k in el):  # only comments: no indentation inside, for an element
        # that must stay empty (<grondslag/>) may not get white space
        uit.append(f"{inspringing}<{tag}{attributen}>{''.join(_overig(k) for k in el)}</{tag}>")
        return
    uit.append(f"{inspringing}<{tag}{attributen}>")
    dieper = inspringing + "  "
    for kind in el:
        _schrijf(kind, dieper, uit)
    uit.append(f"{inspringing}</{tag}>")


def canoniek(boom: etree._ElementTree) -> bytes:
    """The canonical serialisation of a kader tree."""
    regels = ['<?xml version="1.0" encoding="UTF-8"?>']
    wortel = boom.getroot()
    regels += [_overig(el) for el in reversed(list(wortel.itersiblings(preceding=True)))]
    _schrijf(wortel, "", regels)
    regels += [_overig(el) for el in wortel.itersiblings()]
    return ("\n".join(regels) + "\n").encode("utf-8")


def maak_op(data: bytes, bron: str) -> bytes:
    """Canonical bytes for a kader; refuses invalid input rather than guessing."""
    from kaderdiff.bron.ontleden import parse_kader  # not at the top: the merge driver serialises without the schema

    boom, meldingen = parse_kader(data, bron)
    if meldingen:
        raise KaderdiffFout(f"{bron} wordt niet opgemaakt: het voldoet niet aan het kaderschema", tuple(meldingen))
    return canoniek(boom)


def maak_bestanden_op(bestanden: list[Path], alleen_controleren: bool = False) -> list[Path]:
    """Rewrite files canonically; returns the files that changed (or would change).

    All files are checked before any is written, so one invalid file leaves all untouched.
    """
    from kaderdiff.uitvoer.atomairbestand import schrijf_atomair  # not at the top: the merge driver only serialises

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
