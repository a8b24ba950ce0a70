"""From the paragraphs and tables of a Word kader to the kader's tree (`Knoop`), in one pass in reading order.

A stack of open parts (kader › hoofdstuk › paragraaf, or kader › waarderingskader › kwaliteitsgebied ›
standaard › basiskwaliteit) decides where each line goes. A heading opens a part where the schema allows
it, closing deeper ones; text goes into the deepest open part that may hold text. What cannot be placed
as what it seems to be goes in as a plain alinea where it stands and is reported with its location.
"""

from __future__ import annotations

from dataclasses import dataclass

from kaderdiff.invoer import herkenning as h
from kaderdiff.invoer.afronding import herstel, noot_als_grondslag
from kaderdiff.invoer.eisen import EisBouwer
from kaderdiff.invoer.knopen import FOUT, Knoop, S
from kaderdiff.invoer.tabellen import TabelLezer
from kaderdiff.model.kader import VOETNOOT, Fragment
from kaderdiff.word.blokken import EIND
from kaderdiff.word.inhoud import Alinea, Onderdeel, Tabel


@dataclass
class Bouwer(EisBouwer):
    """Builds one kader: the main loop, text blocks, lists, beslisregels."""

    def __post_init__(self) -> None:
        super().__post_init__()
        self.tabellen = TabelLezer(self)
        self.voorbij_eind = False  # past the end of the kader in a document kaderdiff wrote: its colofon

    # -- the main loop -----------------------------------------------------
    def verwerk(self, onderdeel: Onderdeel) -> None:
        if self.voorbij_eind:
            return
        if isinstance(onderdeel, Tabel):
            self._sluit_wachtende_eis()
            self.tabellen.verwerk(onderdeel)
            return
        a = onderdeel
        if not a.tekst.strip() and not a.voetnoten:
            return
        tekst = " ".join(a.tekst.split())
        regel = self.grondslagregel_van(a, tekst)
        if self.wachtende_eis is not None and regel is None:
            self._sluit_wachtende_eis()
        if self.eigen and tekst == EIND:
            self.voorbij_eind = True
            return
        if a.stijl.titel and not self.titel and not self.wortel.kinderen:
            self.titel = tekst
            return
        correctie = h.correctieregel(tekst)
        if correctie is not None and self.correctie is None:
            self.correctie = correctie
            return
        if not self.titel and not self.wortel.kinderen and not a.kopniveau and "kader" in tekst.casefold():
            self.titel = tekst
            return
        if regel is not None:
            self.grondslagregel(a, tekst, regel)
            return
        if self.voetnootregel(a, tekst):
            return
        if a.stijl.naam in ("bijschrift", "caption"):
            self.bijschrift = (tekst, a.plaats)
            return
        if self._eiskop(a, tekst):
            return
        if self._is_kop(a, tekst):
            self._kop(a, tekst)
            return
        if a.lijst is not None:
            self._item(a)
            return
        if self.in_beslisregels():
            beslisregel = self._beslisregel(a)
            if beslisregel is not None:
                self.plaats(beslisregel, a.plaats)
                return
        self._gewone_alinea(a)

    def _eiskop(self, a: Alinea, tekst: str) -> bool:
        """'OP0.1 Leesonderwijs' in bold (or as a heading, or in the style Eiskop): number and title of the next eis."""
        if a.stijl.naam != "eiskop" and (a.lijst is not None or not (a.vet or a.kopniveau) or not self.eiscontainer()):
            return False
        gevonden = h.eisnummer(tekst)
        if gevonden is None:
            return False
        self._losse_eiskop()
        self.eiskop = (*gevonden, a.plaats)
        return True

    # -- text blocks -------------------------------------------------------
    def _gewone_alinea(self, a: Alinea) -> None:
        """A paragraph of running text. In a basiskwaliteit it is an eis after an eis number, or when its footnote
        cites the law; otherwise an alinea that its grondslag line or typed footnote may still make an eis."""
        in_eis = self.eiscontainer() and not self.eigen
        if in_eis and self.eiskop is not None:
            knoop = self.eis(a.fragmenten, a.plaats, "alinea")
        else:
            self._losse_eiskop()
            knoop = Knoop(S.ALINEA, inhoud=a.fragmenten)
            self.plaats(knoop, a.plaats)
            if in_eis and _noten_zijn_grondslag(a.fragmenten, self):
                knoop.wordt(S.EIS, "alinea")
        self.onthoud_merken(knoop, in_eis)

    def _alinea(self, fragmenten: tuple[Fragment, ...], plaats: str) -> None:
        self._losse_eiskop()
        self.plaats(Knoop(S.ALINEA, inhoud=fragmenten), plaats)

    def _losse_eiskop(self) -> None:
        """A pending eis number and title with no eis after it: kept as a bold alinea, and reported."""
        if self.eiskop is None:
            return
        nummer, titel, plaats = self.eiskop
        self.eiskop = None
        self._alinea((Fragment(f"{nummer} {titel}".strip(), "sterk"),), plaats)
        self.meld(plaats, "nummer en titel van een eis zonder eis erna; overgenomen als vette alinea",
                  f"{nummer} {titel}", FOUT)

    def alinea(self, fragmenten: tuple[Fragment, ...], plaats: str) -> None:
        self._alinea(fragmenten, plaats)

    def _sluit_wachtende_eis(self) -> None:
        """kaderdiff's own document: a list item in a basiskwaliteit without grondslag line is a list item."""
        eis, self.wachtende_eis = self.wachtende_eis, None
        if eis is None or eis.heeft_grondslagregel:
            return
        container = self.tekstcontainer(S.EIS, eis.plaats)
        if container.kinderen and container.kinderen[-1] is eis:  # where it normally is: no search
            container.kinderen.pop()
        elif any(k is eis for k in container.kinderen):
            container.kinderen.remove(eis)
        vorige = container.kinderen[-1] if container.kinderen else None
        soort, eis.kenmerk = eis.kenmerk or "opsomming", ""
        lijst = vorige if vorige is not None and vorige.soort is S.LIJST and vorige.omgezet \
            and vorige.kenmerk == soort else None
        if lijst is None:
            lijst = Knoop(S.LIJST, kenmerk=soort, plaats=eis.plaats, omgezet=True)
            container.kinderen.append(lijst)
        eis.wordt(S.ITEM)
        lijst.kinderen.append(eis)
        self.laatste = eis
        self.lijsten[:] = [(lijst, 0)]

    # -- lists ---------------------------------------------------------------
    def _item(self, a: Alinea) -> None:
        assert a.lijst is not None
        soort, niveau = a.lijst
        if self.eiskop is not None or (niveau == 0 and self.eiscontainer() and (self.eigen or not self.lijsten)):
            eis = self.eis(a.fragmenten, a.plaats, soort)
            if self.eigen and not eis.nummer:
                self.wachtende_eis = eis
                eis.kenmerk = soort  # until its grondslag line shows it is an eis, it may be a list item
            self.onthoud_merken(eis, not self.eigen)
            return
        item = Knoop(S.ITEM, inhoud=a.fragmenten, plaats=a.plaats)
        self.onthoud_merken(item, False)
        while self.lijsten and self.lijsten[-1][1] > niveau:
            self.lijsten.pop()
        if self.lijsten and self.lijsten[-1][1] == niveau and self.lijsten[-1][0].kenmerk == soort:
            self.lijsten[-1][0].kinderen.append(item)
        elif self.lijsten and self.lijsten[-1][1] < niveau:
            ouder = self.lijsten[-1][0].kinderen[-1]
            sub = ouder.laatste(S.LIJST)
            if sub is None:
                sub = Knoop(S.LIJST, kenmerk=soort, plaats=a.plaats)
                ouder.kinderen.append(sub)
            elif sub.kenmerk != soort:
                self.meld(a.plaats, "opsomming en nummering door elkaar in één lijst; als één lijst overgenomen",
                          a.tekst)
            sub.kinderen.append(item)
            self.lijsten.append((sub, niveau))
        elif self.laatste is not None and self.laatste.soort is S.EIS and niveau > 0:
            lijst = Knoop(S.LIJST, kenmerk=soort, kinderen=[item])
            self.plaats(lijst, a.plaats)
            self.meld(a.plaats, "opsomming binnen een eis staat als eigen opsomming na de eis", a.tekst)
            self.lijsten[:] = [(lijst, niveau)]
        else:
            lijst = Knoop(S.LIJST, kenmerk=soort, kinderen=[item])
            self.plaats(lijst, a.plaats)
            self.lijsten[:] = [(lijst, niveau)]
        self.laatste = item

    # -- beslisregels --------------------------------------------------------
    @staticmethod
    def _beslisregel(a: Alinea) -> Knoop | None:
        gevonden = h.beslisregel(a.tekst)
        if gevonden is not None:
            return Knoop(S.BESLISREGEL, inhoud=(Fragment(gevonden[1]),), kenmerk=gevonden[0])
        vet = {h.oordeel(f.tekst) for f in a.fragmenten if f.stijl == "sterk"} - {""}
        if len(vet) == 1:
            return Knoop(S.BESLISREGEL, inhoud=a.fragmenten, kenmerk=vet.pop())
        return None

    def beslisregel(self, oordeel: str, fragmenten: tuple[Fragment, ...], plaats: str) -> None:
        self.plaats(Knoop(S.BESLISREGEL, inhoud=fragmenten, kenmerk=oordeel), plaats)


    # -- the end -------------------------------------------------------------
    def af(self) -> Knoop:
        """Finish: pending lines placed, parts the schema would refuse repaired, eisen without basis reported."""
        self._sluit_wachtende_eis()
        self._losse_eiskop()
        if self.bijschrift is not None:
            self._alinea((Fragment(self.bijschrift[0]),), self.bijschrift[1])
            self.bijschrift = None
        herstel(self.wortel, self.meld, self.register, self.eigen)
        return self.wortel


def _noten_zijn_grondslag(fragmenten: tuple[Fragment, ...], bouwer: EisBouwer) -> bool:
    """Does every footnote of this text cite the law or say there is none (so that the text is an eis)?"""
    noten = [noot_als_grondslag(f.tekst, bouwer.register) for f in fragmenten if f.stijl == VOETNOOT]
    return bool(noten) and all(n is not None for n in noten)
