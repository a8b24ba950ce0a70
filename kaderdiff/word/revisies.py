"""Writing revisions: `w:ins`/`w:del` and moves around runs, with ids, author and one fixed UTC date.

Follows ECMA-376 Part 1 §17.13.5: inserted and deleted runs are wrapped in `w:ins`/`w:del` (deleted text as
`w:delText`); a wholly inserted or deleted paragraph also tracks its paragraph mark (`w:rPr/w:ins|w:del` in
`w:pPr`); an inserted or deleted table row tracks the row (`w:trPr`). A moved block is `w:moveFrom` (the old
text, in `w:t` as in the standard's example) where it stood and `w:moveTo` where it stands; an edit of moved
text is written beside the `w:moveTo` pieces as `w:ins`, never nested in them (pandoc and LibreOffice both
get nested revisions wrong), and words the edit removed are not repeated at the destination (the source
holds the old text), so accepting all gives the new text and rejecting all the old.
Revisions, move ranges and bookmarks take their ids from one counter, as Word numbers them.
The body is written as WordprocessingML text and parsed by lxml in large pieces (see `word.tekststuk`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from kaderdiff.diff.tekstdiff import woorddiff
from kaderdiff.model.kader import VOETNOOT, Fragment
from kaderdiff.model.wijziging import ERBIJ as DIFF_ERBIJ
from kaderdiff.model.wijziging import GELIJK as DIFF_GELIJK
from kaderdiff.model.wijziging import WEG as DIFF_WEG
from kaderdiff.uitvoer.xmltekst import escape, quoteattr
from kaderdiff.word.document import LINKOPMAAK, hyperlink_xml
from kaderdiff.word.ns import AUTEUR
from kaderdiff.word.revisiereeks import ALLEEN_NIEUW, ALLEEN_OUD, BlokStatus


def revisiedatum(moment: datetime) -> str:
    """w:date form: UTC, seconds, no fraction, 'Z' (a naive moment is taken as UTC, never as local time)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Revisies:
    """The id counter and fixed metadata for revisions, move ranges and bookmarks of one document.

    One counter for all of them: the standard calls `w:id` the unique identifier of an annotation in the
    document, and Word numbers bookmarks, revisions and ranges in one sequence (comments keep their own ids,
    which must match comments.xml).
    """

    datum: str
    volgende: int = 1
    gezien: set[str] = field(default_factory=set)

    def nieuw_id(self) -> int:
        self.volgende += 1
        return self.volgende - 1

    def omhul(self, soort: str, inhoud: str = "") -> str:
        """`inhoud` inside a w:ins, w:del, w:moveFrom or w:moveTo with the next id (empty: closed in itself, as
        lxml writes it)."""
        tag = f'<w:{soort} w:id="{self.nieuw_id()}" w:author={quoteattr(AUTEUR)} w:date="{self.datum}"'
        return f"{tag}>{inhoud}</w:{soort}>" if inhoud else f"{tag}/>"

    def bereik_start(self, soort: str, naam: str) -> tuple[str, int]:
        """A w:moveFromRangeStart/w:moveToRangeStart (soort 'moveFrom'/'moveTo') and its id for the end."""
        bereik = self.nieuw_id()
        return (f'<w:{soort}RangeStart w:id="{bereik}" w:author={quoteattr(AUTEUR)} w:date="{self.datum}" '
                f"w:name={quoteattr(naam)}/>", bereik)


def revisiesoort(status: BlokStatus) -> str:
    """The revision element of a wholly tracked block: 'ins', 'del', 'moveFrom' or 'moveTo'."""
    return {BlokStatus.ERBIJ: "ins", BlokStatus.WEG: "del", BlokStatus.VAN: "moveFrom",
            BlokStatus.NAAR: "moveTo"}[status]


def heel_gemarkeerd(status: BlokStatus) -> bool:
    """Is the whole block, paragraph mark included, a revision (inserted, deleted or moved)?"""
    return status in ALLEEN_OUD or status in ALLEEN_NIEUW


# ---------------------------------------------------------------- low-level OOXML
# The body is written as WordprocessingML text and parsed by lxml in large pieces: a concept of a
# 35,000-word kader has ~60,000 elements, and building them one by one through the element API
# cost three times as much. Every piece of kader text goes through `escape`.

#: Namespace of the attribute that carries a footnote's text on its w:footnoteReference until the document
#: writer numbers the footnote and moves the text to the footnotes part (see `kaderdocument.Voetnoten`).
KD_URI = "urn:kaderdiff:voetnoot"
NOOTTEKST = "{" + KD_URI + "}tekst"
#: Each footnote is one private-use character while two versions of a paragraph are diffed: a footnote
#: stays or goes as a whole (same text, same character), never word by word.
_NOOTBASIS = 0xE000


def noot_xml(tekst: str) -> str:
    """A footnote reference run; the footnote gets its number when the document is assembled."""
    return (f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
            f'<w:footnoteReference xmlns:kd="{KD_URI}" w:id="0" kd:tekst={quoteattr(tekst)}/></w:r>')


def run_xml(tekst: str, stijl: str, verwijderd: bool = False, opmaak: str = "") -> str:
    if stijl == VOETNOOT:
        return noot_xml(tekst)
    nadruk = f"<w:{'i' if stijl == 'nadruk' else 'b'}/>" if stijl else ""
    eigenschappen = f"<w:rPr>{nadruk}{opmaak}</w:rPr>" if nadruk or opmaak else ""
    tag = "w:delText" if verwijderd else "w:t"
    return f'<w:r>{eigenschappen}<{tag} xml:space="preserve">{escape(tekst)}</{tag}></w:r>'


class Knipper:
    """Cuts the text of a fragment sequence into styled pieces, each with the number of the fragment it comes from.

    A block is cut at every boundary of its word diff, always further on: each cut starts at the fragment where
    the one before ended, so cutting a block into all its parts is linear in fragments plus parts (searching
    from the first fragment for every part was quadratic: a grondslag line is a fragment per citation)."""

    def __init__(self, fragmenten: tuple[Fragment, ...]) -> None:
        self.fragmenten = fragmenten
        self.lengte = sum(len(f.tekst) for f in fragmenten)
        self._eerste = 0  # the first fragment that can still be cut, and where it begins
        self._begin = 0

    def met_index(self, start: int, eind: int) -> list[tuple[str, str, int]]:
        """The styled pieces of characters start..eind, each with its fragment number."""
        fragmenten = self.fragmenten
        if start < self._begin:  # backwards: start again from the first fragment
            self._eerste = self._begin = 0
        while self._eerste < len(fragmenten) and self._begin + len(fragmenten[self._eerste].tekst) <= start:
            self._begin += len(fragmenten[self._eerste].tekst)
            self._eerste += 1
        uit: list[tuple[str, str, int]] = []
        i, pos = self._eerste, self._begin
        while i < len(fragmenten) and pos < eind:
            f = fragmenten[i]
            a, b = max(start, pos), min(eind, pos + len(f.tekst))
            if a < b:
                uit.append((f.tekst[a - pos:b - pos], f.stijl, i))
            pos += len(f.tekst)
            i += 1
        return uit

    def met_stijl(self, start: int, eind: int) -> list[tuple[str, str]]:
        """The styled pieces of characters start..eind."""
        return [(tekst, stijl) for tekst, stijl, _ in self.met_index(start, eind)]


@dataclass(frozen=True)
class Links:
    """Per fragment of the new text the address it links to, and how a document part names an address."""

    adressen: tuple[str, ...]
    relatie: Callable[[str], str]

    def adres(self, fragment: int) -> str:
        """Where fragment number `fragment` links to ('' nowhere)."""
        return self.adressen[fragment] if fragment < len(self.adressen) else ""

    def run(self, tekst: str, stijl: str, fragment: int) -> str:
        """A plain run, inside a w:hyperlink when its fragment links somewhere."""
        adres = self.adres(fragment)
        if not adres:
            return run_xml(tekst, stijl)
        return hyperlink_xml(self.relatie(adres), run_xml(tekst, stijl, opmaak=LINKOPMAAK))


def _gelijke_runs(knipper: Knipper, start: int, eind: int, links: Links | None) -> str:
    if links is None:
        return "".join(run_xml(tekst, stijl) for tekst, stijl in knipper.met_stijl(start, eind))
    return "".join(links.run(tekst, stijl, i) for tekst, stijl, i in knipper.met_index(start, eind))


#: Stands for a link's relationship id in a `gelijk_sjabloon` (a NUL is no XML character, so never text).
_OPEN = "\x00"


def gelijk_sjabloon(fragmenten: tuple[Fragment, ...], adressen: tuple[str, ...]) -> tuple[str, ...]:
    """The runs of a block's unchanged text with the relationship id of each link left open: xml, address, xml,
    ..., xml. A document fills the ids in (`vul_in`); the concept and the clean kader share one per block, as each
    names its links by its own relationships."""
    stukken = [""]
    for i, f in enumerate(fragmenten):
        if not f.tekst:
            continue
        adres = adressen[i] if i < len(adressen) else ""
        if not adres:
            stukken[-1] += run_xml(f.tekst, f.stijl)
            continue
        voor, na = hyperlink_xml(_OPEN, run_xml(f.tekst, f.stijl, opmaak=LINKOPMAAK)).split(_OPEN)
        stukken[-1] += voor
        stukken += [adres, na]
    return tuple(stukken)


def vul_in(sjabloon: tuple[str, ...], relatie: Callable[[str], str]) -> str:
    """The runs of a `gelijk_sjabloon` with each link's relationship id, asked for in the order of the text (as
    `Links.run` asks: the ids a document gives depend on it)."""
    if len(sjabloon) == 1:  # no link: most blocks
        return sjabloon[0]
    return "".join(relatie(stuk) if i % 2 else stuk for i, stuk in enumerate(sjabloon))


def verplaatst_naar(oud: tuple[Fragment, ...], nieuw: tuple[Fragment, ...], rev: Revisies,
                    links: Links | None = None) -> str:
    """The destination of a move: unchanged words in w:moveTo, new words in a w:ins beside them."""
    knipper = Knipper(nieuw)
    if oud == nieuw:
        return gelinkt_omhuld("moveTo", knipper, 0, knipper.lengte, rev, links, samen=True)
    uit: list[str] = []
    pn = 0
    for deel in woorddiff("".join(f.tekst for f in oud), "".join(f.tekst for f in nieuw)):
        n = len(deel.tekst)
        if deel.op == DIFF_WEG or not n:
            continue
        uit.append(gelinkt_omhuld("moveTo" if deel.op == DIFF_GELIJK else "ins", knipper, pn, pn + n, rev, links))
        pn += n
    return "".join(uit)


def gelinkt_omhuld(soort: str, knipper: Knipper, start: int, eind: int, rev: Revisies,
                   links: Links | None, samen: bool = False) -> str:
    """Characters start..eind of the new text as inserted or moved-to runs (`soort` 'ins' or 'moveTo'); a cited
    law keeps its link, with the revision inside the w:hyperlink (a w:ins may hold no link; Word writes a link's
    inserted runs so, and pandoc and LibreOffice keep both the revision and the link), so that accepting all
    gives the clean kader with its links. `samen`: adjacent pieces of one style as one run (see `stukken`)."""
    delen = knipper.met_index(start, eind)
    if links is None or not any(links.adres(i) for _, _, i in delen):
        gewoon = [(tekst, stijl) for tekst, stijl, _ in delen]
        return omhul_runs(soort, _samen(gewoon) if samen else gewoon, rev)
    groepen: list[tuple[str, list[tuple[str, str]]]] = []
    for tekst, stijl, i in delen:
        adres = links.adres(i)
        if groepen and groepen[-1][0] == adres:
            groepen[-1][1].append((tekst, stijl))
        else:
            groepen.append((adres, [(tekst, stijl)]))
    uit = []
    for adres, stukjes in groepen:
        if adres:
            runs = "".join(run_xml(tekst, stijl, opmaak=LINKOPMAAK) for tekst, stijl in _samen(stukjes))
            uit.append(hyperlink_xml(links.relatie(adres), rev.omhul(soort, runs)))
        else:
            uit.append(omhul_runs(soort, _samen(stukjes), rev))
    return "".join(uit)


def omhul_runs(soort: str, stukken: list[tuple[str, str]], rev: Revisies) -> str:
    """A w:ins/w:del with one run per styled piece (deleted text as w:delText)."""
    runs = "".join(run_xml(tekst, stijl, soort == "del") for tekst, stijl in stukken)
    return rev.omhul(soort, runs)


def stukken(fragmenten: tuple[Fragment, ...]) -> list[tuple[str, str]]:
    """The styled pieces of a block, adjacent pieces of one style as one run: a grondslag line is several
    fragments (one per linked citation), and a run per fragment would split it in LibreOffice's tracked moves."""
    return _samen([(f.tekst, f.stijl) for f in fragmenten])


def _samen(stukjes: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Adjacent (text, style) pieces of one style as one (footnotes stay apart, empty pieces go)."""
    uit: list[tuple[str, str]] = []
    for tekst, stijl in stukjes:
        if not tekst:
            continue
        if uit and uit[-1][1] == stijl and stijl != VOETNOOT:
            uit[-1] = (uit[-1][0] + tekst, stijl)
        else:
            uit.append((tekst, stijl))
    return uit


def _noten_als_tekens(oud: tuple[Fragment, ...], nieuw: tuple[Fragment, ...]) -> tuple[
        tuple[Fragment, ...], tuple[Fragment, ...], dict[str, str]]:
    """Both versions with every footnote as one character, and character -> footnote text."""
    tekens: dict[str, str] = {}

    def vervang(fragmenten: tuple[Fragment, ...]) -> tuple[Fragment, ...]:
        return tuple(Fragment(tekens.setdefault(f.tekst, chr(_NOOTBASIS + len(tekens))), VOETNOOT)
                     if f.stijl == VOETNOOT else f for f in fragmenten)

    oud, nieuw = vervang(oud), vervang(nieuw)
    return oud, nieuw, {teken: tekst for tekst, teken in tekens.items()}


def _noten_terug(stukken: list[tuple[str, str]], noten: dict[str, str]) -> list[tuple[str, str]]:
    uit: list[tuple[str, str]] = []
    for tekst, stijl in stukken:
        if stijl == VOETNOOT:
            uit.extend((noten[teken], VOETNOOT) for teken in tekst)
        else:
            uit.append((tekst, stijl))
    return uit


def runs_van_blok(oud: tuple[Fragment, ...], nieuw: tuple[Fragment, ...], status: BlokStatus,
                  rev: Revisies | None, links: Links | None = None) -> str:
    """Runs of one block: plain, wholly inserted/deleted, or a word diff of the two versions.

    Text that is there in the new version keeps its links: unchanged text as it is, inserted and moved-to text
    with the revision inside the link (`gelinkt_omhuld`); deleted text has none (it is gone once accepted).
    """
    if status is BlokStatus.GEWIJZIGD and rev is not None and any(
            f.stijl == VOETNOOT for f in (*oud, *nieuw)):
        oud, nieuw, noten = _noten_als_tekens(oud, nieuw)
        return _diff_runs(oud, nieuw, rev, lambda stukken: _noten_terug(stukken, noten))
    if status is BlokStatus.GELIJK or rev is None:
        knipper = Knipper(nieuw)
        return _gelijke_runs(knipper, 0, knipper.lengte, links)
    if status is BlokStatus.ERBIJ:
        knipper = Knipper(nieuw)
        return gelinkt_omhuld("ins", knipper, 0, knipper.lengte, rev, links, samen=True)
    if status is BlokStatus.WEG:
        return omhul_runs("del", stukken(oud), rev)
    if status is BlokStatus.VAN:
        return omhul_runs("moveFrom", stukken(oud), rev)
    if status is BlokStatus.NAAR:
        return verplaatst_naar(oud, nieuw, rev, links)
    return _diff_runs(oud, nieuw, rev, lambda stukken: stukken, links)


def _diff_runs(oud: tuple[Fragment, ...], nieuw: tuple[Fragment, ...], rev: Revisies,
               terug: Callable[[list[tuple[str, str]]], list[tuple[str, str]]], links: Links | None = None) -> str:
    """A word diff of two versions of a block as runs; `terug` turns the diffed pieces back into text (a block
    with footnotes is diffed without its links: `links` only serves a block without footnotes)."""
    uit: list[str] = []
    po = pn = 0
    knipper_oud, knipper_nieuw = Knipper(oud), Knipper(nieuw)
    for deel in woorddiff("".join(f.tekst for f in oud), "".join(f.tekst for f in nieuw)):
        n = len(deel.tekst)
        if deel.op == DIFF_GELIJK and links is not None:
            uit.append(_gelijke_runs(knipper_nieuw, pn, pn + n, links))
            po, pn = po + n, pn + n
        elif deel.op == DIFF_GELIJK:
            uit.extend(run_xml(tekst, stijl) for tekst, stijl in terug(knipper_nieuw.met_stijl(pn, pn + n)))
            po, pn = po + n, pn + n
        elif deel.op == DIFF_WEG:
            uit.append(omhul_runs("del", terug(knipper_oud.met_stijl(po, po + n)), rev))
            po += n
        elif deel.op == DIFF_ERBIJ and links is not None:
            uit.append(gelinkt_omhuld("ins", knipper_nieuw, pn, pn + n, rev, links))
            pn += n
        elif deel.op == DIFF_ERBIJ:
            uit.append(omhul_runs("ins", terug(knipper_nieuw.met_stijl(pn, pn + n)), rev))
            pn += n
    return "".join(uit)


