"""References whose law is not named right after them, read as a reader reads them (issue 26).

A Ringen report names a law once and then writes "Artikel 7.2.4a is op 1 augustus 2014 in werking getreden",
"het voorgestelde artikel 7.2.5" or "Onderdeel Z (artikel 7.2.4a)"; or it puts the law first: "In de WEC staan
in artikel 14c …". Such a reference (an "artikel" with a number, and what the citation parser reads after it)
takes, in this order:

1. the law named right after it ("artikel 14c in de WEC", "artikel 8 (WPO)") or before it in the same sentence
   ("In de WEC staan in artikel 14c") — `wet_uit` ZIN;
2. the law of the nearest reference before it in the same paragraph, else of the last reference of the previous
   paragraph (a paragraph without references ends the chain) — CONTEXT;
3. the law of the document's heading (its first paragraph, when that is one short line without a full stop) —
   KOP.

No reference is invented: a number must follow "artikel" ("een artikel in Het Parool" is none), and an article of
another document stays out: one followed by "van"/"uit"/"in" and a name that is not a law ("artikel 5 van de
statuten", "van die wet") or by a capitalised word ("artikel 1 Grondwet", "artikel 6 EVRM"). Without any law
before it, a bare article is not reported. Law names are read as of the peildatum ('Wvo' in 2019: the WVO of
1968).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date

from kaderdiff.bron.wetregister import pakketregister
from kaderdiff.model.wet import Wetregister
from kaderdiff.recht.citaatzoeker import (
    _WOORD,
    CONTEXT,
    KOP,
    VENSTER,
    ZIN,
    Alinea,
    Vondst,
    alineas,
    vind_citaten,
    wetnamen_in,
)
from kaderdiff.verwijzing.citeren import lees_proza

#: "artikel"/"art." right before a number: where a reference without its law can begin.
_KAAL = re.compile(r"(?<![\w-])(?:artikelen|artikel|artt\.|art\.)[^\S\n]*\n?[^\S\n]*(?=\d)", re.IGNORECASE)
#: The end of a sentence: '.', '!' or '?' and a space before a capital (not 'art. 4c', not '7.2.4a').
_ZINSGRENS = re.compile(r"[.!?][\"')’”]*\s+(?=[\"'(‘“]?[A-ZÀ-Ý])")
#: Word kinds (of the finder's tokenizer) that can continue a reference after its article number.
_VERDER = frozenset({"art", "lid", "rang", "onder", "nummer", "letter", "komma", "en"})
#: After a reference: its law, or another document ("van de statuten", "uit het reglement").
_NA = re.compile(r"[\s,]*(?:(?P<haak>\()\s*|(?P<voorzetsel>van|uit|in)\s+(?:(?:de|het|die|dit|deze)\s+)?)?"
                 r"(?P<woord>[^\W\d_][\w-]*)?", re.IGNORECASE)
#: The heading: one line, short, not a sentence.
_KOP_LENGTE = 200


class _Namen:
    """The law names of one paragraph, each with the law it means on the peildatum, by position."""

    def __init__(self, tekst: str, register: Wetregister, peildatum: date | None) -> None:
        self.begin: list[int] = []
        self.eind: list[int] = []
        self.code: list[str] = []
        for m in wetnamen_in(tekst, register):
            wet = register.zoek(m.group(0), peildatum)
            if wet is not None:
                self.begin.append(m.start())
                self.eind.append(m.end())
                self.code.append(wet.code)

    def op(self, positie: int) -> str:
        """The law whose name starts at `positie` ('' when none does)."""
        i = bisect_left(self.begin, positie)
        return self.code[i] if i < len(self.begin) and self.begin[i] == positie else ""

    def laatste_voor(self, van: int, tot: int) -> str:
        """The law of the last name lying wholly within tekst[van:tot] ('' when none)."""
        i = bisect_right(self.eind, tot) - 1
        return self.code[i] if i >= 0 and self.begin[i] >= van else ""


def _einden(tekst: str, begin: int, grens: int) -> list[int]:
    """Where a reference starting at `begin` may end, longest first: after each word that can belong to it."""
    einden = []
    for m in _WOORD.finditer(tekst, begin, min(grens, begin + VENSTER)):
        soort = m.lastgroup or "rest"
        if soort not in _VERDER:
            break
        if soort not in ("komma", "en"):
            einden.append(m.end())
    return einden[::-1]


def _erna(tekst: str, eind: int, namen: _Namen) -> str | None:
    """What follows a reference: the code of the law named right after it, '' for nothing that decides, None for
    another document (which makes it no reference to a law)."""
    m = _NA.match(tekst, eind)
    if m is None or m.group("woord") is None:
        return ""
    code = namen.op(m.start("woord"))
    if code:
        return code
    if m.group("voorzetsel") or m.group("haak"):
        return None if m.group("voorzetsel") else ""
    return None if m.group("woord")[0].isupper() else ""


class Lezer:
    """Reads paragraph after paragraph, carrying the law of the previous paragraph and of the heading."""

    def __init__(self, register: Wetregister | None = None, peildatum: date | None = None) -> None:
        self.register = register if register is not None else pakketregister()
        self.peildatum = peildatum
        self.vorige = ""  # the law of the last reference of the previous paragraph
        self.kop: str | None = None  # the law of the heading ('' none); None until the first paragraph is read

    def lees(self, tekst: str) -> list[Vondst]:
        """Every reference of one paragraph, in reading order."""
        if not tekst.strip():
            return []  # an empty paragraph (spacing in a Word document) does not end the chain
        vondsten = self._alinea(tekst)
        if self.kop is None:
            self.kop = self._kopwet(tekst, vondsten)
        self.vorige = vondsten[-1].grondslagen[-1].wet if vondsten else ""
        return vondsten

    def _kopwet(self, tekst: str, vondsten: list[Vondst]) -> str:
        regel = tekst.strip()
        if "\n" in regel or len(regel) > _KOP_LENGTE or regel.endswith((".", ";", ":")):
            return ""
        if vondsten:
            return vondsten[-1].grondslagen[-1].wet
        genoemd = set(_Namen(regel, self.register, self.peildatum).code)
        return genoemd.pop() if len(genoemd) == 1 else ""

    def _alinea(self, tekst: str) -> list[Vondst]:
        expliciet = list(vind_citaten(tekst, self.register, self.peildatum))
        binnen = [v.begin for v in expliciet]
        begins = [b for m in _KAAL.finditer(tekst)
                  if (i := bisect_right(binnen, (b := m.start())) - 1) < 0 or expliciet[i].eind <= b]
        if not begins:
            return expliciet  # every 'artikel N' is part of a reference that names its law
        namen = _Namen(tekst, self.register, self.peildatum)
        zinnen = [0, *(m.end() for m in _ZINSGRENS.finditer(tekst))]
        uit: list[Vondst] = []
        volgende = 0  # index of the next explicit reference
        laatste = ""  # the law of the last reference so far in this paragraph
        for begin in begins:
            while volgende < len(expliciet) and expliciet[volgende].begin <= begin:
                uit.append(expliciet[volgende])
                laatste = expliciet[volgende].grondslagen[-1].wet
                volgende += 1
            if uit and uit[-1].eind > begin:
                continue  # part of a reference already read
            grens = expliciet[volgende].begin if volgende < len(expliciet) else len(tekst)
            vondst = self._kaal(tekst, begin, grens, namen, zinnen, laatste)
            if vondst is not None:
                uit.append(vondst)
                laatste = vondst.grondslagen[-1].wet
        return uit + expliciet[volgende:]

    def _kaal(self, tekst: str, begin: int, grens: int, namen: _Namen, zinnen: list[int],
              laatste: str) -> Vondst | None:
        """The reference without a law at `begin`, with the law this paragraph, the one before or the heading
        gives it; None when it is none (another document's article, or no law to take)."""
        proef = self.register.wetten[0].code  # the parser needs a law; which one does not change what it reads
        for eind in _einden(tekst, begin, grens):
            gelezen = lees_proza(f"{tekst[begin:eind]} van de {proef}", self.register)
            if gelezen is None:
                continue
            wet = _erna(tekst, eind, namen)
            if wet is None:
                return None
            herkomst = ZIN
            if not wet:
                wet = namen.laatste_voor(zinnen[bisect_right(zinnen, begin) - 1], begin)
            if not wet:
                wet, herkomst = laatste or self.vorige, CONTEXT
            if not wet:
                wet, herkomst = self.kop or "", KOP
            if not wet:
                return None
            return Vondst(begin, eind, tekst[begin:eind], tuple(replace(g, wet=wet) for g in gelezen), herkomst)
        return None


def vind_in_alineas(delen: Iterable[Alinea], register: Wetregister | None = None,
                    peildatum: date | None = None) -> Iterator[tuple[Alinea, Vondst]]:
    """Every reference of a text given paragraph by paragraph, with its paragraph, in reading order."""
    lezer = Lezer(register, peildatum)
    for alinea in delen:
        for vondst in lezer.lees(alinea.tekst):
            yield alinea, vondst


def zoek_citaten(tekst: str, register: Wetregister | None = None, peildatum: date | None = None) -> list[Vondst]:
    """Every law reference in `tekst` (offsets in the whole text), paragraph by paragraph, with context."""
    return [Vondst(a.begin + v.begin, a.begin + v.eind, v.tekst, v.grondslagen, v.wet_uit)
            for a, v in vind_in_alineas(alineas(tekst), register, peildatum)]
