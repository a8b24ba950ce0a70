"""Tables in a Word kader: beslisregels (oordeel | regel), eisen with their grondslag in a second column, or a
plain kader table (`tabel` with rows of cells)."""

from __future__ import annotations

from typing import Protocol

from kaderdiff.fouten import KaderdiffFout
from kaderdiff.invoer import herkenning as h
from kaderdiff.invoer.knopen import Knoop, S
from kaderdiff.model.kader import CELGRENS, Fragment
from kaderdiff.model.wet import Wetregister
from kaderdiff.verwijzing.citeren import parse
from kaderdiff.word.inhoud import Alinea, Rij, Tabel


class Bouwer(Protocol):
    """What the table reader needs of the builder (`invoer.opbouw.Bouwer`)."""

    register: Wetregister
    eigen: bool
    bijschrift: tuple[str, str] | None

    def meld(self, plaats: str, reden: str, tekst: str = "") -> None: ...
    def in_beslisregels(self) -> bool: ...
    def eiscontainer(self) -> bool: ...
    def alinea(self, fragmenten: tuple[Fragment, ...], plaats: str) -> None: ...
    def beslisregel(self, oordeel: str, fragmenten: tuple[Fragment, ...], plaats: str) -> None: ...
    def eis(self, fragmenten: tuple[Fragment, ...], plaats: str, herkomst: str = "") -> Knoop: ...
    def hecht(self, eis: Knoop, regel: h.Grondslagregel, fragmenten: tuple[Fragment, ...], plaats: str,
              tekst: str) -> bool: ...
    def plaats(self, blok: Knoop, plaats: str) -> Knoop: ...

#: Header texts of a column with legal bases ('Wettelijke grondslag', 'Grondslag').
_GRONDSLAGKOP = ("wettelijke grondslag", "wettelijke grondslagen", "grondslag", "grondslagen", "wettelijke basis",
                 "wettelijke vereisten", "wettelijk vereiste", "wettelijk kader", "wet- en regelgeving")


def grondslagcel(tekst: str, register: Wetregister) -> h.Grondslagregel | None:
    """What a cell of the grondslag column says: citations, no legal basis ('Geen (beleid)'), or None when it is
    neither (then the table is an eis table only if its header says so)."""
    regel = h.grondslagregel(tekst)
    if regel is None:
        regel = h.grondslagregel(f"Wettelijke grondslag: {tekst}")
    if regel is None or regel.soort == "geen":
        return regel
    try:
        parse(regel.tekst, register)
    except KaderdiffFout:
        return None
    return h.Grondslagregel("grondslag", regel.tekst)


def _eiskop_in_cel(cel: tuple[Alinea, ...]) -> tuple[tuple[str, str] | None, tuple[Fragment, ...]]:
    """A cell whose first paragraph is a bold 'OP0.1 Titel' and that has text after it: number and title, text."""
    alineas = [a for a in cel if a.tekst.strip()]
    if len(alineas) >= 2 and alineas[0].vet:
        gevonden = h.eisnummer(alineas[0].tekst)
        if gevonden is not None:
            return gevonden, celfragmenten(tuple(alineas[1:]))
    return None, celfragmenten(cel)


def celfragmenten(cel: tuple[Alinea, ...]) -> tuple[Fragment, ...]:
    """A cell's paragraphs as one run of text (a kader cell holds inline text only)."""
    uit: list[Fragment] = []
    for i, alinea in enumerate(a for a in cel if a.fragmenten):
        if i:
            uit.append(Fragment(" "))
        uit.extend(alinea.fragmenten)
    return tuple(uit)


def celtekst(cel: tuple[Alinea, ...]) -> str:
    return " ".join(" ".join(a.tekst.split()) for a in cel if a.tekst.strip())


def _is_kop(rij: Rij) -> bool:
    return rij.kop or all(all(a.vet or a.stijl.naam == "tabelkop" for a in cel if a.tekst.strip())
                          for cel in rij.cellen if celtekst(cel))


class TabelLezer:
    """Turns the tables of a document into kader parts, for one `Bouwer`."""

    def __init__(self, bouwer: Bouwer) -> None:
        self.bouwer = bouwer

    def verwerk(self, tabel: Tabel) -> None:
        b = self.bouwer
        if b.bijschrift is not None and not tabel.rijen:
            b.alinea((Fragment(b.bijschrift[0]),), b.bijschrift[1])
            b.bijschrift = None
        if not tabel.rijen:
            return
        if b.in_beslisregels() and self._beslisregels(tabel):
            return
        if b.eiscontainer() and self._eisen(tabel):
            return
        self._tabel(tabel)

    def _beslisregels(self, tabel: Tabel) -> bool:
        b = self.bouwer
        regels = [(rij, h.oordeel(celtekst(rij.cellen[0]))) for rij in tabel.rijen if len(rij.cellen) >= 2]
        if not any(oordeel for _, oordeel in regels):
            return False
        for r, rij in enumerate(tabel.rijen, start=1):
            oordeel = h.oordeel(celtekst(rij.cellen[0])) if len(rij.cellen) >= 2 else ""
            plaats = f"{tabel.plaats}, rij {r}"
            if oordeel:
                rest = tuple(f for cel in rij.cellen[1:] for f in (*celfragmenten(cel), Fragment(" ")))[:-1]
                b.beslisregel(oordeel, rest, plaats)
            elif not _is_kop(rij):
                tekst = " | ".join(celtekst(c) for c in rij.cellen)
                b.alinea((Fragment(tekst),), plaats)
                b.meld(plaats, "rij zonder oordeel in de tabel met beslisregels; overgenomen als alinea", tekst)
        return True

    def _eisen(self, tabel: Tabel) -> bool:
        """Eisen as rows: the eis in the first column (a bold 'OP0.1 Titel' above it gives number and title), its
        grondslag in the second. A table is one when its header says so, or when every row names a legal basis."""
        b = self.bouwer
        if any(len(rij.cellen) != 2 for rij in tabel.rijen):
            return False
        eerste = tabel.rijen[0]
        kopnaam = celtekst(eerste.cellen[1]).casefold().rstrip(":") in _GRONDSLAGKOP
        rijen = [(r, rij) for r, rij in enumerate(tabel.rijen, start=1) if not (r == 1 and (eerste.kop or kopnaam))]
        gelezen = [(r, rij, grondslagcel(celtekst(rij.cellen[1]), b.register)) for r, rij in rijen]
        if not gelezen or not (kopnaam or all(regel is not None for _, _, regel in gelezen)):
            return False
        for r, rij, regel in gelezen:
            plaats = f"{tabel.plaats}, rij {r}"
            eiskop, fragmenten = _eiskop_in_cel(rij.cellen[0])
            eis = b.eis(fragmenten, plaats, "tabel")
            if eiskop is not None:
                eis.nummer, eis.titel = eiskop
            tekst = celtekst(rij.cellen[1])
            if regel is None:
                regel = h.Grondslagregel("grondslag", tekst)
            if not b.hecht(eis, regel, celfragmenten(rij.cellen[1]), f"{plaats}, cel 2", tekst):
                eis.grondslagregels.append(celfragmenten(rij.cellen[1]))  # kept as text after the eis
        return True

    def _tabel(self, tabel: Tabel) -> None:
        b = self.bouwer
        titel = ""
        if b.bijschrift is not None:
            titel, b.bijschrift = b.bijschrift[0], None
        knoop = Knoop(S.TABEL, titel=titel, plaats=tabel.plaats)
        for r, rij in enumerate(tabel.rijen, start=1):
            cellen: list[Fragment] = []
            for c, cel in enumerate(rij.cellen):
                if c:
                    cellen.append(Fragment(CELGRENS))
                cellen.extend(celfragmenten(cel))
                if sum(1 for a in cel if a.tekst.strip()) > 1:
                    b.meld(f"{tabel.plaats}, rij {r}, cel {c + 1}", "cel met meer alinea's; tot één tekst samengevoegd",
                           celtekst(cel))
            kop = "kop" if rij.kop or (r == 1 and not b.eigen and _is_kop(rij)) else ""
            knoop.kinderen.append(Knoop(S.RIJ, inhoud=_voeg(cellen), kenmerk=kop, plaats=f"{tabel.plaats}, rij {r}"))
        b.plaats(knoop, tabel.plaats)


def _voeg(fragmenten: list[Fragment]) -> tuple[Fragment, ...]:
    """Adjacent fragments of one style as one (the cell boundary stays a plain tab)."""
    uit: list[Fragment] = []
    for f in fragmenten:
        if uit and uit[-1].stijl == f.stijl and f.stijl != "voetnoot":
            uit[-1] = Fragment(uit[-1].tekst + f.tekst, f.stijl)
        else:
            uit.append(f)
    return tuple(uit)
