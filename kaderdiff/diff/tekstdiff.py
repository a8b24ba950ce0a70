"""Word-level text diff: whole words struck and inserted, never fragments of words.

Each token (a word, a run of white space, a punctuation mark) is mapped to one
private character, diff-match-patch diffs those strings, and an efficiency
cleanup (edit cost in tokens) merges only the tiny coincidental equalities that
sit between replacements (' de ', ', '). Semantic cleanup was tried and rejected:
measured in tokens it also swallows real multi-word equalities between two
insertions, so unchanged words would be shown struck and re-inserted. The result
maps back to the original tokens, so every piece is made of whole words.
"""

from __future__ import annotations

import re

from diff_match_patch import diff_match_patch

from kaderdiff.model.wijziging import ERBIJ, GELIJK, WEG, DiffDeel

#: A word may contain inner dots, slashes, hyphens and apostrophes ('7.2.4a', 'benoembaar/bevoegd',
#: 'rekenen-wiskunde') and a comma between digits ('1,5'): they are one token, so never split.
_TOKEN = re.compile(r"\w+(?:(?:[./\-’']|(?<=\d),(?=\d))\w+)*|\s+|[^\w\s]", re.UNICODE)
_WOORD = re.compile(r"\w", re.UNICODE)

# Private-use plane: far from any character that occurs in a kader, room for 65k distinct tokens.
_BASIS = 0xF0000


def tokens(tekst: str) -> list[str]:
    """Split text into words, white-space runs and single punctuation marks (lossless)."""
    return _TOKEN.findall(tekst)


def _engine() -> diff_match_patch:
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0  # never give up on long inputs: exact diffs, per aligned element
    dmp.Diff_EditCost = 4  # in tokens: ' de ' (3 tokens) between two replacements is noise, 'bij de' is not
    return dmp


def woorddiff(oud: str, nieuw: str) -> tuple[DiffDeel, ...]:
    """Diff two texts on whole words; adjacent pieces with the same op are merged."""
    if oud == nieuw:
        return (DiffDeel(GELIJK, oud),) if oud else ()
    tabel: dict[str, str] = {}
    terug: list[str] = []

    def codeer(tekst: str) -> str:
        uit = []
        for token in tokens(tekst):
            teken = tabel.get(token)
            if teken is None:
                teken = chr(_BASIS + len(terug))
                tabel[token] = teken
                terug.append(token)
            uit.append(teken)
        return "".join(uit)

    dmp = _engine()
    diffs = dmp.diff_main(codeer(oud), codeer(nieuw), False)
    dmp.diff_cleanupEfficiency(diffs)
    delen: list[DiffDeel] = []
    for op, codes in diffs:
        tekst = "".join(terug[ord(c) - _BASIS] for c in codes)
        if not tekst:
            continue
        if delen and delen[-1].op == op:
            delen[-1] = DiffDeel(op, delen[-1].tekst + tekst)
        else:
            delen.append(DiffDeel(op, tekst))
    return tuple(_orden(delen))


def _orden(delen: list[DiffDeel]) -> list[DiffDeel]:
    """Put a deletion before the insertion that replaces it (Word shows 'old new')."""
    uit: list[DiffDeel] = []
    for deel in delen:
        if deel.op == WEG and uit and uit[-1].op == ERBIJ:
            uit.insert(len(uit) - 1, deel)
        else:
            uit.append(deel)
    return uit


def oude_tekst(delen: tuple[DiffDeel, ...]) -> str:
    return "".join(d.tekst for d in delen if d.op != ERBIJ)


def nieuwe_tekst(delen: tuple[DiffDeel, ...]) -> str:
    return "".join(d.tekst for d in delen if d.op != WEG)


def woorden(tekst: str) -> list[str]:
    """Only the words of a text (case kept): what decides 'gewijzigd' versus 'redactioneel'."""
    return [t for t in tokens(tekst) if _WOORD.match(t)]


def alleen_redactioneel(oud: str, nieuw: str) -> bool:
    """True when two different texts have the same words: only punctuation or spacing changed."""
    return oud != nieuw and woorden(oud) == woorden(nieuw)
