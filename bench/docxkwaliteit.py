"""A compared Word document read back to element ids: the quality of the Word comparers (python-redlines) and of
kaderdiff's own tracked concept, measured on the rendered kader docx that their speed rows time.

The clean docx of a kader (`render_kader_docx`) has one unit per block (`word.blokken`): a body paragraph, or a
table row for a beslisregel; the table of contents under the title (a content control) and the colofon after the
closing line are the document's frame, not the kader's, and are not read. A redline has the units of both
versions, each with the runs it marks inserted, deleted or moved. Deleted and moved-away units stand where they
stood in the old document and inserted and moved-in units where they stand in the new one, so a unit's old text
is found in the old clean document and its new text in the new one, walking both in order; the block found names
the element. Every marked unit is one mark a reader sees; a marked unit of an element the ground truth leaves
alone is a spurious mark.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from bench.kwaliteit import Uitslag, midden_in_woord
from kaderdiff.model.kader import AFGELEIDE_CONTAINERS, Kader
from kaderdiff.word.blokken import EIND, Blok, blokken
from kaderdiff.word.kaderdocument import titelblok
from kaderdiff.word.lezen import omhulsels, runs_van, runtekst
from kaderdiff.word.ns import W

#: How a run is marked, by the revision around it: '=' unmarked, '-' deleted, '+' inserted, '->' moved away, '+>'
#: moved in.
_OP = {f"{W}del": "-", f"{W}ins": "+", f"{W}moveFrom": "->", f"{W}moveTo": "+>"}
#: The units that are no element of the kader: the document title (the kader's titel) and the closing line.
NIET_GETELD = "kader"


def eenheden(docx: bytes) -> Iterator[list[Any]]:
    """The body's units in order, each as its paragraphs: a paragraph, or the cell paragraphs of a table row."""
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        body = etree.fromstring(z.read("word/document.xml")).find(f"{W}body")
    for kind in body:
        if kind.tag == f"{W}p":
            yield [kind]
        elif kind.tag == f"{W}tbl":
            for rij in kind.iter(f"{W}tr"):
                yield list(rij.iter(f"{W}p"))


def stukken(alineas: list[Any]) -> list[tuple[str, str]]:
    """(op, text) of a unit's runs in order, neighbours with the same op joined; cells separated by a tab."""
    uit: list[tuple[str, str]] = []
    for i, alinea in enumerate(alineas):
        if i:
            uit.append(("=", "\t"))
        for run in runs_van(alinea):
            wikkels = omhulsels(run, alinea)
            op = _OP[wikkels[0].tag] if wikkels else "="
            tekst = runtekst(run)
            if uit and uit[-1][0] == op:
                uit[-1] = (op, uit[-1][1] + tekst)
            elif tekst:
                uit.append((op, tekst))
    return uit


def oude_tekst(delen: list[tuple[str, str]]) -> str:
    return "".join(t for op, t in delen if op in ("=", "-", "->"))


def nieuwe_tekst(delen: list[tuple[str, str]]) -> str:
    return "".join(t for op, t in delen if op in ("=", "+", "+>"))


def blokken_van(kader: Kader, schoon: bytes) -> list[tuple[Blok, str]]:
    """Each unit of a clean kader docx with the block it shows, checked text by text (a mismatch stops the bench:
    a wrong mapping would score the comparers on the wrong elements)."""
    # the heading 'Basiskwaliteit' or 'Eigen aspiraties' belongs to its standaard, as in the text peers' lines
    afgeleid = {el.id: voorouders[-1].id for el, voorouders in kader.doorloop()
                if el.soort in AFGELEIDE_CONTAINERS and voorouders}
    verwacht = [b._replace(element_id=afgeleid.get(b.element_id, b.element_id))
                for b in (titelblok(kader), *blokken(kader))]
    teksten: list[str] = []
    for eenheid in eenheden(schoon):
        tekst = nieuwe_tekst(stukken(eenheid))
        if tekst == EIND:  # the kader ends here; the colofon after it is the document's, no element's
            break
        teksten.append(tekst)
    if len(teksten) != len(verwacht):
        raise SystemExit(f"bench: {len(teksten)} alinea's in het schone docx, {len(verwacht)} blokken")
    for blok, tekst in zip(verwacht, teksten, strict=True):
        if tekst != blok.tekst and not tekst.endswith(f"\t{blok.tekst}"):  # a beslisregel row: oordeel, text
            raise SystemExit(f"bench: alinea '{tekst[:60]}' is niet blok {blok.sleutel} '{blok.tekst[:60]}'")
    return list(zip(verwacht, teksten, strict=True))


@dataclass
class _Wandeling:
    """One clean document walked in order: which unit (or units) a redline paragraph's text is.

    A comparer may move a paragraph mark: one unit's text then spreads over two redline paragraphs, or two units'
    texts meet in one. `rest` is what is left of a unit that is not read in full yet."""

    units: list[tuple[Blok, str]]
    plek: int = 0
    rest: str = ""
    gemist: int = 0

    def vind(self, tekst: str) -> list[Blok]:
        gevonden: list[Blok] = []
        while tekst:
            if self.rest:
                blok = self.units[self.plek - 1][0]
                if self.rest.startswith(tekst):
                    self.rest = self.rest[len(tekst):]
                    return [*gevonden, blok]
                if tekst.startswith(self.rest):
                    tekst, self.rest = tekst[len(self.rest):], ""
                    gevonden.append(blok)
                    continue
                self.rest = ""
            if self.plek < len(self.units):
                blok, volgende = self.units[self.plek]
                if volgende.startswith(tekst):
                    self.plek += 1
                    self.rest = volgende[len(tekst):]
                    return [*gevonden, blok]
                if volgende and tekst.startswith(volgende):
                    self.plek += 1
                    tekst = tekst[len(volgende):]
                    gevonden.append(blok)
                    continue
            j = next((j for j in range(self.plek, len(self.units)) if self.units[j][1] == tekst), None)
            if j is None:
                self.gemist += 1
                return gevonden
            self.plek = j + 1
            return [*gevonden, self.units[j][0]]
        return gevonden


@dataclass
class _Element:
    """What the redline marks of one element."""

    oud: bool = False  # it has a unit in the old document
    nieuw: bool = False
    gezet: int = 0  # units with a moved piece
    gemarkeerd: int = 0
    stukken: int = 0
    delen: set[str] = field(default_factory=set)  # block parts marked ('tekst', 'grondslag', 'kop' ...)


def docx_uitslag(redline: bytes, oud: list[tuple[Blok, str]], nieuw: list[tuple[Blok, str]]) -> tuple[Uitslag, int]:
    """The marks of a compared docx per element id; also the number of units no block could be found for."""
    wandeling_oud, wandeling_nieuw = _Wandeling(oud), _Wandeling(nieuw)
    per_element: dict[str, _Element] = {}
    u = Uitslag()
    for eenheid in eenheden(redline):
        delen = stukken(eenheid)
        oude, nieuwe = oude_tekst(delen), nieuwe_tekst(delen)
        if nieuwe == EIND and oude in ("", EIND):
            break  # the colofon after the kader differs between versions (dates, commits) but is no element
        blokken_oud, blokken_nieuw = wandeling_oud.vind(oude), wandeling_nieuw.vind(nieuwe)
        gewijzigd = [(op, t) for op, t in delen if op != "=" and t.strip()]
        for element_id in dict.fromkeys(b.element_id for b in (*blokken_oud, *blokken_nieuw)):
            el = per_element.setdefault(element_id, _Element())
            el.oud |= any(b.element_id == element_id for b in blokken_oud)
            el.nieuw |= any(b.element_id == element_id for b in blokken_nieuw)
            if gewijzigd:
                el.gemarkeerd += 1
                el.stukken += len(gewijzigd)
                el.gezet += any(op in ("->", "+>") for op, _ in gewijzigd)
                el.delen.update(b.deel for b in (*blokken_oud, *blokken_nieuw) if b.element_id == element_id)
        if gewijzigd:
            grenzen_o, grenzen_n, po, pn = [], [], 0, 0
            for op, t in delen:
                if op in ("-", "->"):
                    grenzen_o += [po, po + len(t)]
                if op in ("+", "+>"):
                    grenzen_n += [pn, pn + len(t)]
                po += len(t) if op in ("=", "-", "->") else 0
                pn += len(t) if op in ("=", "+", "+>") else 0
            u.midden_in_woord += midden_in_woord(oude, grenzen_o) + midden_in_woord(nieuwe, grenzen_n)
    for element_id, el in per_element.items():
        if not el.gemarkeerd or element_id == NIET_GETELD:
            continue
        soort = ("verplaatst" if el.gezet else "toegevoegd" if not el.oud else "vervallen" if not el.nieuw
                 else "grondslag" if el.delen == {"grondslag"} else "gewijzigd")
        u.meld(element_id, soort, el.stukken, eenheden=el.gemarkeerd, zeteenheden=el.gezet)
    return u, wandeling_oud.gemist + wandeling_nieuw.gemist
