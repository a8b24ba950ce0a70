"""Rows that fit a page: how tall a table row written by `tabelxml` will be, and cutting a taller one in parts.

A reader cites a Staat by page ("blz. 13, MBO-9"), so a row must not break across pages: every row is
`w:cantSplit`. A row taller than a page breaks anyway (Word and LibreOffice both split it, and the part on the
next page has no number), so such a row is written as several rows, each short enough for one page, the later
ones headed by the number again. Word lays out the text, not kaderdiff: the height is estimated, on the safe
side, from the width of each character in Verdana (DejaVu Sans, its stand-in, has almost the same widths).
"""

from __future__ import annotations

import copy
import functools
import math
import re
from collections.abc import Iterator
from html import unescape
from typing import Any

from lxml import etree

from kaderdiff.word.ns import NS_W_DECLARATIE, W

#: Width of characters in Verdana, in em (1/2048 of the font's units, rounded up); the rest: 0.64.
_SMAL = dict.fromkeys("il.,:;'!|", 0.28) | dict.fromkeys("fjt()[] ", 0.4) | dict.fromkeys("r-/", 0.45)
_BREED = dict.fromkeys("mwMW%", 0.98) | dict.fromkeys("ABCDEGHKNOPQRUVXYZ&", 0.78)
BREEDTE_EM = _SMAL | _BREED
#: Line height as a share of the font size (Verdana and DejaVu Sans: ascent plus descent 1.16).
REGELHOOGTE = 1.22
#: A cell's left and right margins together (Word's default, 0.19 cm each), in twips.
CELMARGES = 216
#: What the number cell of a row's continuation says under the number and its kind (and what a reader of the
#: table joins on).
VERVOLG = "(vervolg)"
_TEKST = re.compile(r"<w:(?:t|delText)(?: [^>]*)?>([^<]*)</w:(?:t|delText)>")
_NA = re.compile(r'<w:spacing [^>]*w:after="(\d+)"')


def tekstbreedte(tekst: str, punt: float) -> float:
    """The width of `tekst` at `punt` pt, in pt."""
    return _breedte_em(tekst) * punt


@functools.lru_cache(maxsize=1 << 16)
def _breedte_em(tekst: str) -> float:
    """The width of `tekst` in em, per word a Staat measures: a few thousand words recur in every row (a fifth of
    the time of the Staat documents went to adding up their letters again)."""
    return sum(BREEDTE_EM.get(teken, 0.64) for teken in tekst)


def regels_nodig(tekst: str, breedte_pt: float, punt: float) -> int:
    """How many lines `tekst` fills in a column `breedte_pt` wide: words wrapped as a word processor does,
    a word wider than the column broken over lines."""
    regels, gevuld = 1, 0.0
    spatie = tekstbreedte(" ", punt)
    for woord in tekst.split():
        breedte = _breedte_em(woord) * punt  # tekstbreedte, without a call per word
        if gevuld and gevuld + spatie + breedte > breedte_pt:
            regels, gevuld = regels + 1, 0.0
        if gevuld:
            gevuld += spatie
        while breedte > breedte_pt:  # a word longer than the column
            regels, breedte = regels + 1, breedte - breedte_pt
        gevuld += breedte
    return regels


def alinea_tekst(alinea: str) -> str:
    """The text of a paragraph written as WordprocessingML text."""
    return unescape("".join(_TEKST.findall(alinea)))


def alineahoogte(alinea: str, breedte_twips: int, punt: float) -> float:
    """The height in pt of one paragraph in a cell `breedte_twips` wide: its lines and its space after."""
    ruimte = _NA.search(alinea)
    na = int(ruimte.group(1)) / 20 if ruimte else 0.0
    breedte = max(breedte_twips - CELMARGES, 200) / 20
    return regels_nodig(alinea_tekst(alinea), breedte, punt) * punt * REGELHOOGTE + na


def celhoogte(alineas: list[str], breedte_twips: int, punt: float) -> float:
    return sum(alineahoogte(a, breedte_twips, punt) for a in alineas) or punt * REGELHOOGTE


def _deel_alinea(alinea: str, breedte_twips: int, punt: float, ruimte: float) -> tuple[str, str]:
    """Cut a paragraph at a word so that its first part fits `ruimte` pt: (first part, rest); ('', alinea) when
    not even one line fits."""
    breedte = max(breedte_twips - CELMARGES, 200) / 20
    tekst = alinea_tekst(alinea)
    regels = int(ruimte // (punt * REGELHOOGTE))
    if regels < 1:
        return "", alinea
    woorden = list(re.finditer(r"\S+", tekst))
    goed = 0  # how many words fit
    laag, hoog = 1, len(woorden)
    while laag <= hoog:  # the most words whose lines fit
        midden = (laag + hoog) // 2
        if regels_nodig(tekst[:woorden[midden - 1].end()], breedte, punt) <= regels:
            goed, laag = midden, midden + 1
        else:
            hoog = midden - 1
    if goed == 0 or goed == len(woorden):
        return ("", alinea) if goed == 0 else (alinea, "")
    return _knip(alinea, woorden[goed].start())


def _knip(alinea: str, positie: int) -> tuple[str, str]:
    """A paragraph cut at character `positie` of its text: two paragraphs with the same properties, every run
    (and link around a run) keeping its own properties."""
    wortel = etree.fromstring(f"<w:stukken {NS_W_DECLARATIE}>{alinea}</w:stukken>")
    p = wortel[0]
    kop, rest = copy.deepcopy(p), copy.deepcopy(p)
    for deel, houd_voor in ((kop, True), (rest, False)):
        gezien = 0
        for t in list(deel.iter(W + "t", W + "delText")):
            tekst = t.text or ""
            begin, eind = gezien, gezien + len(tekst)
            gezien = eind
            if houd_voor:
                t.text = tekst[:max(0, positie - begin)] if begin < positie else ""
            else:
                t.text = tekst[max(0, positie - begin):] if eind > positie else ""
            if t.text != t.text.strip():
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        _zonder_lege_runs(deel)
    return _als_tekst(kop), _als_tekst(rest)


def _zonder_lege_runs(p: Any) -> None:
    for t in list(p.iter(W + "t", W + "delText")):
        if not t.text:
            run = t.getparent()
            ouder = run.getparent()
            ouder.remove(run)
            if ouder.tag != W + "p" and not len([k for k in ouder if k.tag == W + "r"]):
                ouder.getparent().remove(ouder)  # a link with no run left


def _als_tekst(p: Any) -> str:
    """The paragraph as text again, without the namespace declarations lxml puts on a detached element."""
    tekst: str = etree.tostring(p, encoding="unicode")
    return re.sub(r' xmlns:\w+="[^"]*"', "", tekst)


def in_delen(cellen: list[list[str]], breedtes_twips: list[int], punt: float, hoogte_pt: float,
             vast: int = 1) -> Iterator[list[list[str]]]:
    """The cells of one row as the cells of rows that are each at most `hoogte_pt` high (the first `vast` cells,
    the number and kind, go in the first part only). A row that fits is one part."""
    hoogste = max(celhoogte(c, b, punt) for c, b in zip(cellen, breedtes_twips, strict=True))
    if hoogste <= hoogte_pt:
        yield cellen
        return
    # parts of about equal height (a line to spare), not full pages and a last line alone; a paragraph of up to a
    # quarter page is not cut but goes whole to the next part
    kort_pt = hoogte_pt / 4
    hoogte_pt = min(hoogte_pt, hoogste / math.ceil(hoogste / hoogte_pt) + punt * REGELHOOGTE)
    wachtend = [list(c) for c in cellen]
    for i in range(vast):
        wachtend[i] = []
    eerste = True
    while eerste or any(wachtend):
        deel: list[list[str]] = []
        for i, (rij, breedte) in enumerate(zip(wachtend, breedtes_twips, strict=True)):
            if eerste and i < vast:
                deel.append(cellen[i])
                continue
            gevuld: list[str] = []
            ruimte = hoogte_pt
            while rij:
                hoogte = alineahoogte(rij[0], breedte, punt)
                if hoogte <= ruimte:
                    gevuld.append(rij.pop(0))
                    ruimte -= hoogte
                    continue
                kort = hoogte <= kort_pt and gevuld
                kop, rest = ("", rij[0]) if kort else _deel_alinea(
                    rij[0], breedte, punt, ruimte - (hoogte - _zonder_na(rij[0], breedte, punt)))
                if kop:
                    gevuld.append(kop)
                    rij[0] = rest
                elif not gevuld:  # not one line fits an empty part: give it whole (cannot happen at sane sizes)
                    gevuld.append(rij.pop(0))
                break
            deel.append(gevuld)
        eerste = False
        yield deel


def _zonder_na(alinea: str, breedte_twips: int, punt: float) -> float:
    """The height of the paragraph's lines alone, without its space after."""
    breedte = max(breedte_twips - CELMARGES, 200) / 20
    return regels_nodig(alinea_tekst(alinea), breedte, punt) * punt * REGELHOOGTE
