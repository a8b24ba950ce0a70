"""Writing revisions: `w:ins`/`w:del` around runs, with ids, author and one fixed UTC date.

Follows ECMA-376 Part 1 §17.13.5: inserted and deleted runs are wrapped in `w:ins`/`w:del` (deleted text as
`w:delText`); a wholly inserted or deleted paragraph also tracks its paragraph mark (`w:rPr/w:ins|w:del` in
`w:pPr`); an inserted or deleted table row tracks the row (`w:trPr`). Every revision gets the next id.
The body is written as WordprocessingML text and parsed by lxml in large pieces (see `elementen`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from lxml import etree

from kaderdiff.diff.tekstdiff import woorddiff
from kaderdiff.model.kader import Fragment
from kaderdiff.model.wijziging import ERBIJ as DIFF_ERBIJ
from kaderdiff.model.wijziging import GELIJK as DIFF_GELIJK
from kaderdiff.model.wijziging import WEG as DIFF_WEG
from kaderdiff.uitvoer.xmltekst import escape, quoteattr
from kaderdiff.word.document import AUTEUR
from kaderdiff.word.ns import NS_W_DECLARATIE
from kaderdiff.word.samenvoegen import BlokStatus


def revisiedatum(moment: datetime) -> str:
    """w:date form: UTC, seconds, no fraction, 'Z' (a naive moment is taken as UTC, never as local time)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Revisies:
    """Counters and fixed metadata for revisions, bookmarks and comments of one document."""

    datum: str
    volgende: int = 1
    bladwijzers: int = 0
    gezien: set[str] = field(default_factory=set)

    def omhul(self, soort: str, inhoud: str = "") -> str:
        """`inhoud` inside a w:ins or w:del (soort 'ins'/'del') with the next revision id."""
        tag = f'<w:{soort} w:id="{self.volgende}" w:author={quoteattr(AUTEUR)} w:date="{self.datum}">'
        self.volgende += 1
        return f"{tag}{inhoud}</w:{soort}>"


def revisiesoort(status: BlokStatus) -> str:
    """'ins' for a wholly inserted block, 'del' for a wholly deleted one."""
    return "ins" if status is BlokStatus.ERBIJ else "del"


# ---------------------------------------------------------------- low-level OOXML
# The body is written as WordprocessingML text and parsed by lxml in large pieces: a concept of a
# 35,000-word kader has ~60,000 elements, and building them one by one through the element API
# cost three times as much. Every piece of kader text goes through `escape`.

def run_xml(tekst: str, stijl: str, verwijderd: bool = False) -> str:
    eigenschappen = f"<w:rPr><w:{'i' if stijl == 'nadruk' else 'b'}/></w:rPr>" if stijl else ""
    tag = "w:delText" if verwijderd else "w:t"
    return f'<w:r>{eigenschappen}<{tag} xml:space="preserve">{escape(tekst)}</{tag}></w:r>'


def met_stijl(fragmenten: tuple[Fragment, ...], start: int, eind: int) -> list[tuple[str, str]]:
    """The styled pieces of characters start..eind of a fragment sequence."""
    uit: list[tuple[str, str]] = []
    pos = 0
    for f in fragmenten:
        a, b = max(start, pos), min(eind, pos + len(f.tekst))
        if a < b:
            uit.append((f.tekst[a - pos:b - pos], f.stijl))
        pos += len(f.tekst)
    return uit


def omhul_runs(soort: str, stukken: list[tuple[str, str]], rev: Revisies) -> str:
    """A w:ins/w:del with one run per styled piece (deleted text as w:delText)."""
    runs = "".join(run_xml(tekst, stijl, soort == "del") for tekst, stijl in stukken)
    return rev.omhul(soort, runs)


def stukken(fragmenten: tuple[Fragment, ...]) -> list[tuple[str, str]]:
    return [(f.tekst, f.stijl) for f in fragmenten if f.tekst]


def runs_van_blok(oud: tuple[Fragment, ...], nieuw: tuple[Fragment, ...], status: BlokStatus,
                  rev: Revisies | None) -> str:
    """Runs of one block: plain, wholly inserted/deleted, or a word diff of the two versions."""
    if status is BlokStatus.GELIJK or rev is None:
        return "".join(run_xml(tekst, stijl) for tekst, stijl in stukken(nieuw))
    if status is BlokStatus.ERBIJ:
        return omhul_runs("ins", stukken(nieuw), rev)
    if status is BlokStatus.WEG:
        return omhul_runs("del", stukken(oud), rev)
    uit: list[str] = []
    po = pn = 0
    for deel in woorddiff("".join(f.tekst for f in oud), "".join(f.tekst for f in nieuw)):
        n = len(deel.tekst)
        if deel.op == DIFF_GELIJK:
            uit.extend(run_xml(tekst, stijl) for tekst, stijl in met_stijl(nieuw, pn, pn + n))
            po, pn = po + n, pn + n
        elif deel.op == DIFF_WEG:
            uit.append(omhul_runs("del", met_stijl(oud, po, po + n), rev))
            po += n
        elif deel.op == DIFF_ERBIJ:
            uit.append(omhul_runs("ins", met_stijl(nieuw, pn, pn + n), rev))
            pn += n
    return "".join(uit)


def elementen(xml: str) -> list[Any]:
    """Parse WordprocessingML elements written as text (namespace w)."""
    return list(etree.fromstring(f"<w:stukken {NS_W_DECLARATIE}>{xml}</w:stukken>"))
