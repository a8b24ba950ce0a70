"""Word's automatic numbering: which kind of list a paragraph is in, and the number Word shows before it.

A numbered heading ('3.2 Onderzoek' where '3.2' comes from the numbering, not from the text) only says
what it is once that number is known, so the levels' counters are kept while the body is read in order:
each list instance (`w:num`) counts per level, a level restarts when a higher one advances, and the label is
the level's `w:lvlText` ('%1.%2') with each counter in its level's format (decimal, letters, roman).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kaderdiff.word.ns import W

#: Formats that do not number (their items are bullets).
ONGENUMMERD = frozenset({"bullet", "none"})


@dataclass(frozen=True)
class Niveau:
    formaat: str  # w:numFmt: decimal, lowerLetter, upperRoman, bullet …
    tekst: str  # w:lvlText: '%1.%2.' or a bullet character
    start: int = 1


def _romeins(n: int) -> str:
    uit = ""
    for waarde, teken in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                          (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= waarde:
            uit, n = uit + teken, n - waarde
    return uit


def _letters(n: int) -> str:
    """1 -> a, 26 -> z, 27 -> aa (as Word counts letters)."""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else ""


def opmaak(n: int, formaat: str) -> str:
    match formaat:
        case "lowerLetter":
            return _letters(n)
        case "upperLetter":
            return _letters(n).upper()
        case "lowerRoman":
            return _romeins(n)
        case "upperRoman":
            return _romeins(n).upper()
        case "decimalZero":
            return f"{n:02d}"
        case "none":
            return ""
    return str(n)


def _niveaus(lvls: Any) -> dict[int, Niveau]:
    uit = {}
    for lvl in lvls:
        formaat = lvl.find(f"{W}numFmt")
        tekst = lvl.find(f"{W}lvlText")
        start = lvl.find(f"{W}start")
        uit[int(lvl.get(f"{W}ilvl", "0"))] = Niveau(
            str(formaat.get(f"{W}val")) if formaat is not None else "decimal",
            str(tekst.get(f"{W}val") or "") if tekst is not None else "",
            int(start.get(f"{W}val", "1")) if start is not None else 1)
    return uit


@dataclass
class Nummering:
    """The numbering definitions of one document and the counters while it is read."""

    lijsten: dict[str, dict[int, Niveau]] = field(default_factory=dict)  # numId -> level -> definition
    tellers: dict[str, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def uit(cls, numbering: Any | None) -> Nummering:
        if numbering is None:
            return cls()
        abstract = {a.get(f"{W}abstractNumId"): _niveaus(a.iterfind(f"{W}lvl"))
                    for a in numbering.iter(f"{W}abstractNum")}
        lijsten: dict[str, dict[int, Niveau]] = {}
        for num in numbering.iter(f"{W}num"):
            ref = num.find(f"{W}abstractNumId")
            niveaus = dict(abstract.get(ref.get(f"{W}val"), {})) if ref is not None else {}
            for override in num.iterfind(f"{W}lvlOverride"):
                niveau = int(override.get(f"{W}ilvl", "0"))
                eigen = _niveaus(override.iterfind(f"{W}lvl"))
                if niveau in eigen:
                    niveaus[niveau] = eigen[niveau]
                start = override.find(f"{W}startOverride")
                if start is not None and niveau in niveaus:
                    oud = niveaus[niveau]
                    niveaus[niveau] = Niveau(oud.formaat, oud.tekst, int(start.get(f"{W}val", "1")))
            lijsten[num.get(f"{W}numId")] = niveaus
        return cls(lijsten)

    def soort(self, num_id: str, niveau: int) -> str:
        definitie = self.lijsten.get(num_id, {}).get(niveau)
        return "opsomming" if definitie is None or definitie.formaat in ONGENUMMERD else "genummerd"

    def label(self, num_id: str, niveau: int) -> str:
        """Count this paragraph and give the number Word shows before it ('3.2', 'b.', '' for a bullet)."""
        niveaus = self.lijsten.get(num_id, {})
        definitie = niveaus.get(niveau)
        if definitie is None:
            return ""
        tellers = self.tellers.setdefault(num_id, {})
        tellers[niveau] = tellers.get(niveau, definitie.start - 1) + 1
        for dieper in [n for n in tellers if n > niveau]:
            del tellers[dieper]
        if definitie.formaat in ONGENUMMERD:
            return ""
        label = definitie.tekst
        for n in range(niveau, -1, -1):  # from the deepest: '%1' must not eat the 1 of '%10'
            boven = niveaus.get(n)
            waarde = tellers.get(n, boven.start if boven is not None else 1)
            label = label.replace(f"%{n + 1}", opmaak(waarde, boven.formaat if boven is not None else "decimal"))
        return label.strip()
