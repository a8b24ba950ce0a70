"""A Word document's body in reading order: paragraphs with what their styles and numbering say, and tables.

Generic OOXML reading for whatever turns a .docx into something structured (the Word importer): per
paragraph the style (name and id, followed through `w:basedOn`), the heading level (from the style name
'heading N'/'Kop N' or an outline level), list membership and level (numbering, direct or via the style,
or a list style such as 'List Bullet 2'), whether it is bold as a whole, and its text as fragments
(bold/italic runs, footnote references with their footnote's text, footnote marks typed as superscript digits
as the marks '¹'). Tracked changes are read as accepted: deleted and moved-away text is left out. Each item knows
where it stands, for reports.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from kaderdiff.bron.docxveilig import Docx
from kaderdiff.bron.laden import normaliseer, normaliseer_fragmenten
from kaderdiff.bron.xmlveilig import parse_veilig
from kaderdiff.fouten import KaderdiffFout
from kaderdiff.model.kader import VOETNOOT, Fragment
from kaderdiff.word.lezen import runstijl, runtekst
from kaderdiff.word.ns import INHOUDSOPGAVE, W
from kaderdiff.word.nummering import Nummering

_KOPNAAM = re.compile(r"^(?:heading|kop)\s*([1-9])$", re.IGNORECASE)
_LIJSTNAAM = re.compile(r"^(list (bullet|number)|lijstopsommingsteken|lijstnummering)\s*([2-9])?$", re.IGNORECASE)
_WEG = (f"{W}del", f"{W}moveFrom")
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


@dataclass(frozen=True)
class Stijl:
    """What a paragraph style says, its `basedOn` chain included."""

    id: str
    naam: str
    kopniveau: int = 0  # 1-9, 0 for body text
    lijst: tuple[str, int] | None = None  # ('opsomming'|'genummerd', level 0..8)
    vet: bool = False
    titel: bool = False
    nummering: tuple[str, int] | None = None  # (numId, level) of the numbering the style brings


@dataclass(frozen=True)
class Alinea:
    """One paragraph as the importer needs it."""

    plaats: str  # 'alinea 12', 'tabel 2, rij 3, cel 1'
    stijl: Stijl
    fragmenten: tuple[Fragment, ...]
    kopniveau: int = 0
    lijst: tuple[str, int] | None = None
    vet: bool = False  # every character bold (direct or by style)
    groot: bool = False  # larger type than body text (12 pt or more)
    label: str = ""  # the number Word shows before it from automatic numbering ('3.2', 'b.'), '' for none

    @property
    def tekst(self) -> str:
        return "".join(f.tekst for f in self.fragmenten if f.stijl != VOETNOOT)

    @property
    def voetnoten(self) -> tuple[str, ...]:
        return tuple(f.tekst for f in self.fragmenten if f.stijl == VOETNOOT)


@dataclass(frozen=True)
class Rij:
    cellen: tuple[tuple[Alinea, ...], ...]
    kop: bool = False  # a header row (w:tblHeader)


@dataclass(frozen=True)
class Tabel:
    plaats: str
    rijen: tuple[Rij, ...]


Onderdeel = Alinea | Tabel


def _superscript(rpr: Any) -> bool:
    uitlijning = rpr.find(f"{W}vertAlign") if rpr is not None else None
    return uitlijning is not None and uitlijning.get(f"{W}val") == "superscript"


def _aan(el: Any) -> bool:
    return el is not None and el.get(f"{W}val") not in ("0", "false", "off")


@dataclass
class Lezer:
    """Reads the body of one checked document (`bron.docxveilig.lees_docx`)."""

    docx: Docx
    stijlen: dict[str, Stijl] = field(default_factory=dict)
    teller: dict[str, int] = field(default_factory=lambda: {"alinea": 0, "tabel": 0})

    @cached_property
    def _stijlelementen(self) -> dict[str, Any]:
        deel = self.docx.deel("word/styles.xml")
        if deel is None:
            return {}
        return {s.get(f"{W}styleId"): s for s in deel.getroot().iter(f"{W}style")}

    @cached_property
    def _standaardstijl(self) -> str:
        return next((i for i, s in self._stijlelementen.items()
                     if s.get(f"{W}type") == "paragraph" and s.get(f"{W}default") == "1"), "Normal")

    @cached_property
    def _nummering(self) -> Nummering:
        deel = self.docx.deel("word/numbering.xml")
        return Nummering.uit(deel.getroot() if deel is not None else None)

    @cached_property
    def _voetnoten(self) -> dict[str, str]:
        deel = self.docx.deel("word/footnotes.xml")
        if deel is None:
            return {}
        uit = {}
        for noot in deel.getroot().iter(f"{W}footnote"):
            if noot.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            tekst = " ".join("".join(runtekst(r) for r in p.iter(f"{W}r") if not _weggehaald(r, p))
                             for p in noot.iter(f"{W}p"))
            uit[noot.get(f"{W}id")] = normaliseer(tekst)
        return uit

    @staticmethod
    def _nummering_van(numpr: Any, basis: tuple[str, int] | None = None) -> tuple[str, int] | None:
        """(numId, level) of a w:numPr; what it leaves out comes from `basis` (the style's numbering)."""
        num = numpr.find(f"{W}numId")
        num_id = num.get(f"{W}val") if num is not None else (basis[0] if basis else None)
        if num_id in (None, "0"):
            return None
        niveau_el = numpr.find(f"{W}ilvl")
        niveau = int(niveau_el.get(f"{W}val", "0")) if niveau_el is not None else (basis[1] if basis else 0)
        return str(num_id), niveau

    def stijl(self, stijl_id: str, diepte: int = 0) -> Stijl:
        """A paragraph style with what its `basedOn` ancestors add (cycles and depth are bounded)."""
        if stijl_id in self.stijlen:
            return self.stijlen[stijl_id]
        el = self._stijlelementen.get(stijl_id)
        if el is None or diepte > 20:
            return Stijl(stijl_id, stijl_id.casefold())
        naam_el = el.find(f"{W}name")
        naam = (naam_el.get(f"{W}val") if naam_el is not None else stijl_id) or stijl_id
        basis_el = el.find(f"{W}basedOn")
        basis = self.stijl(basis_el.get(f"{W}val", ""), diepte + 1) if basis_el is not None else None
        kop = _KOPNAAM.match(naam) or _KOPNAAM.match(stijl_id)
        kopniveau = int(kop.group(1)) if kop else 0
        ppr = el.find(f"{W}pPr")
        if not kopniveau and ppr is not None and ppr.find(f"{W}outlineLvl") is not None:
            niveau = int(ppr.find(f"{W}outlineLvl").get(f"{W}val", "9"))
            kopniveau = niveau + 1 if niveau < 9 else 0
        lijst = None
        nummering = basis.nummering if basis else None
        if ppr is not None and ppr.find(f"{W}numPr") is not None:
            nummering = self._nummering_van(ppr.find(f"{W}numPr"), nummering)
        lijstnaam = _LIJSTNAAM.match(naam)
        if lijstnaam:
            naam_l = lijstnaam.group(1).lower()
            soort = "genummerd" if "number" in naam_l or "nummering" in naam_l else "opsomming"
            lijst = (soort, int(lijstnaam.group(3) or 1) - 1)
        elif nummering is not None:
            lijst = (self._nummering.soort(*nummering), nummering[1])
        rpr = el.find(f"{W}rPr")
        vet_el = rpr.find(f"{W}b") if rpr is not None else None
        vet = _aan(vet_el) if vet_el is not None else bool(basis and basis.vet)
        titel = naam.casefold() in ("title", "titel") or bool(basis and basis.titel)
        stijl = Stijl(stijl_id, naam.casefold(), kopniveau or (basis.kopniveau if basis else 0),
                      lijst or (basis.lijst if basis else None), vet, titel, nummering)
        self.stijlen[stijl_id] = stijl
        return stijl

    # -- paragraphs ---------------------------------------------------------
    def alinea(self, p: Any, plaats: str) -> Alinea:
        ppr = p.find(f"{W}pPr")
        stijl_el = ppr.find(f"{W}pStyle") if ppr is not None else None
        stijl = self.stijl(stijl_el.get(f"{W}val", "") if stijl_el is not None else self._standaardstijl)
        kopniveau = stijl.kopniveau
        if ppr is not None and ppr.find(f"{W}outlineLvl") is not None:
            niveau = int(ppr.find(f"{W}outlineLvl").get(f"{W}val", "9"))
            kopniveau = niveau + 1 if niveau < 9 else 0
        lijst = stijl.lijst
        nummering = stijl.nummering
        if ppr is not None and ppr.find(f"{W}numPr") is not None:
            nummering = self._nummering_van(ppr.find(f"{W}numPr"), nummering)
            # a 'List Bullet 2' style says level 2 even where the numbering restarts at level 0 (as LibreOffice
            # writes it): the deeper of the two
            diepte = max(nummering[1], stijl.lijst[1] if stijl.lijst else 0) if nummering is not None else 0
            lijst = (self._nummering.soort(*nummering), diepte) if nummering is not None else None
        label = self._nummering.label(*nummering) if nummering is not None else ""
        ruw: list[tuple[str, str]] = []
        alles_vet = True
        groot = False
        for run in _runs(p):
            for noot in run.iter(f"{W}footnoteReference"):
                ruw.append((self._voetnoten.get(noot.get(f"{W}id"), ""), VOETNOOT))
            tekst = runtekst(run)
            if not tekst:
                continue
            rpr = run.find(f"{W}rPr")
            if _superscript(rpr) and tekst.strip().isdigit():
                tekst = tekst.translate(_SUPERSCRIPT)  # a typed footnote mark: kept as the mark it is ('¹')
            ruw.append((tekst, runstijl(run)))
            vet_el = rpr.find(f"{W}b") if rpr is not None else None
            if tekst.strip() and not (_aan(vet_el) if vet_el is not None else stijl.vet):
                alles_vet = False
            grootte = rpr.find(f"{W}sz") if rpr is not None else None
            if grootte is not None and int(grootte.get(f"{W}val", "0") or 0) >= 24:
                groot = True
        fragmenten = normaliseer_fragmenten(ruw)
        heeft_tekst = any(f.tekst.strip() for f in fragmenten if f.stijl != VOETNOOT)
        return Alinea(plaats, stijl, fragmenten, kopniveau, lijst, alles_vet and heeft_tekst, groot, label)

    def tabel(self, tbl: Any, plaats: str) -> Tabel:
        rijen = []
        for r, tr in enumerate(tbl.iterfind(f"{W}tr"), start=1):
            trpr = tr.find(f"{W}trPr")
            kop = trpr is not None and _aan(trpr.find(f"{W}tblHeader"))
            if _weggehaald_rij(tr):
                continue
            cellen = []
            for c, tc in enumerate(tr.iterfind(f"{W}tc"), start=1):
                cellen.append(tuple(self.alinea(p, f"{plaats}, rij {r}, cel {c}") for p in tc.iter(f"{W}p")))
            rijen.append(Rij(tuple(cellen), kop))
        return Tabel(plaats, tuple(rijen))

    def onderdelen(self) -> Iterator[Onderdeel]:
        """The body in reading order (content controls opened, text boxes after their paragraph)."""
        document = self.docx.deel("word/document.xml")
        body = document.getroot().find(f"{W}body") if document is not None else None
        if body is None:
            return
        stapel = list(reversed(list(body)))
        while stapel:
            el = stapel.pop()
            if el.tag == f"{W}p":
                self.teller["alinea"] += 1
                yield self.alinea(el, f"alinea {self.teller['alinea']}")
                for i, vak in enumerate(el.iter(f"{W}txbxContent"), start=1):
                    for p in vak.iter(f"{W}p"):
                        yield self.alinea(p, f"tekstvak {i} bij alinea {self.teller['alinea']}")
            elif el.tag == f"{W}tbl":
                self.teller["tabel"] += 1
                yield self.tabel(el, f"tabel {self.teller['tabel']} (na alinea {self.teller['alinea']})")
            elif el.tag == f"{W}sdt" and is_inhoudsopgave(el):
                continue  # a table of contents: the headings it lists come again in the body
            elif el.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}ins", f"{W}moveTo"):
                stapel.extend(reversed(list(el.find(f"{W}sdtContent") if el.tag == f"{W}sdt" and
                                            el.find(f"{W}sdtContent") is not None else el)))


def is_inhoudsopgave(sdt: Any) -> bool:
    """Is this content control (a w:sdt) a table of contents (Word's, or the one kaderdiff writes)?"""
    galerij = sdt.find(f"{W}sdtPr/{W}docPartObj/{W}docPartGallery")
    return galerij is not None and galerij.get(f"{W}val") == INHOUDSOPGAVE


def _weggehaald(run: Any, p: Any) -> bool:
    ouder = run.getparent()
    while ouder is not None and ouder is not p:
        if ouder.tag in _WEG:
            return True
        ouder = ouder.getparent()
    return False


def _weggehaald_rij(tr: Any) -> bool:
    trpr = tr.find(f"{W}trPr")
    return trpr is not None and trpr.find(f"{W}del") is not None


def _runs(p: Any) -> Iterator[Any]:
    """The visible runs of a paragraph (tracked changes accepted), not those of nested text boxes."""
    for run in p.iter(f"{W}r"):
        ouder = run.getparent()
        while ouder is not None and ouder.tag != f"{W}p":
            ouder = ouder.getparent()
        if ouder is p and not _weggehaald(run, p):
            yield run


def te_lang(onderdeel: Onderdeel, grens: int) -> tuple[str, str, int] | None:
    """The first paragraph (of a table: cell paragraph) with more than `grens` bytes of text: where it is, how it
    begins, how long it is."""
    alineas = [a for rij in onderdeel.rijen for cel in rij.cellen for a in cel] if isinstance(onderdeel, Tabel) \
        else [onderdeel]
    for a in alineas:
        lengte = sum(len(f.tekst.encode("utf-8")) for f in a.fragmenten)
        if lengte > grens:
            return a.plaats, " ".join(a.tekst[:40].split()), lengte
    return None


def lange_alinea(document: bytes, grens: int) -> tuple[str, str, int] | None:
    """Which paragraph of a document.xml that the parser refused as too long is that long (see `te_lang`). Read
    without the parser's text limit: only for a part whose size `lees_docx` has bounded already."""
    try:
        boom = parse_veilig(document, "word/document.xml", ruim=True)
    except KaderdiffFout:
        return None
    for onderdeel in Lezer(Docx("", {"word/document.xml": boom})).onderdelen():
        gevonden = te_lang(onderdeel, grens)
        if gevonden is not None:
            return gevonden
    return None
