"""From the paragraphs and tables of a Word kader to the kader's tree (`Knoop`), in one pass in reading order.

A stack of open parts (kader › hoofdstuk › paragraaf, or kader › waarderingskader › kwaliteitsgebied ›
standaard › basiskwaliteit) decides where each line goes. A heading opens a part where the schema allows
it, closing deeper ones; text goes into the deepest open part that may hold text. What cannot be placed
as what it seems to be goes in as a plain alinea where it stands and is reported with its location.
"""

from __future__ import annotations

from dataclasses import dataclass

from kaderdiff.fouten import KaderdiffFout
from kaderdiff.invoer import herkenning as h
from kaderdiff.invoer.afronding import herstel
from kaderdiff.invoer.knopen import Knoop, S, accepteert
from kaderdiff.invoer.koppen import AFGELEID, KopBouwer
from kaderdiff.invoer.tabellen import TabelLezer
from kaderdiff.model.kader import Fragment, GeenGrondslag
from kaderdiff.verwijzing.citeren import parse
from kaderdiff.word.blokken import EIND
from kaderdiff.word.inhoud import Alinea, Onderdeel, Tabel


@dataclass
class Bouwer(KopBouwer):
    """Builds one kader: the main loop, text blocks, eisen and their grondslag, lists, beslisregels."""

    def __post_init__(self) -> None:
        super().__post_init__()
        self.tabellen = TabelLezer(self)

    # -- the main loop -----------------------------------------------------
    def verwerk(self, onderdeel: Onderdeel) -> None:
        if isinstance(onderdeel, Tabel):
            self._sluit_wachtende_eis()
            self.tabellen.verwerk(onderdeel)
            return
        a = onderdeel
        if not a.tekst.strip() and not a.voetnoten:
            return
        if self.wachtende_eis is not None and not self._is_grondslagregel(a):
            self._sluit_wachtende_eis()
        tekst = " ".join(a.tekst.split())
        if self.eigen and tekst == EIND:
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
        if self._is_grondslagregel(a):
            self._grondslagregel(a, tekst)
            return
        if a.stijl.naam in ("bijschrift", "caption"):
            self.bijschrift = (tekst, a.plaats)
            return
        if a.stijl.naam == "eiskop" or (a.vet and not a.lijst and h.eisnummer(tekst) and self.eiscontainer()):
            gevonden = h.eisnummer(tekst)
            if gevonden is not None:
                self.eiskop = (*gevonden, a.plaats)
                return
        if self._is_kop(a, tekst):
            self._kop(a, tekst)
            return
        if a.lijst is not None:
            self._item(a)
            return
        if self.in_beslisregels():
            regel = self._beslisregel(a)
            if regel is not None:
                self.plaats(regel, a.plaats)
                return
        self._alinea(a.fragmenten, a.plaats)

    # -- text blocks -------------------------------------------------------
    def tekstcontainer(self, soort: S, plaats: str) -> Knoop:
        """The deepest open part that may hold a block of this kind (a standaard's text goes in its parts)."""
        for knoop in reversed(self.stapel):
            if knoop.soort is S.STANDAARD:
                deel = knoop.laatste(*AFGELEID)
                if deel is None and accepteert(knoop, S.OMSCHRIJVING):
                    deel = Knoop(S.OMSCHRIJVING, plaats=plaats)
                    knoop.kinderen.append(deel)
                if deel is not None and accepteert(deel, soort):
                    return deel
            elif knoop.soort in AFGELEID:
                continue
            elif accepteert(knoop, soort):
                return knoop
        return self._impliciet_woord_vooraf(plaats)

    def plaats(self, blok: Knoop, plaats: str) -> Knoop:
        assert blok.soort is not None
        container = self.tekstcontainer(blok.soort, plaats)
        if not accepteert(container, blok.soort):
            raise KaderdiffFout(f"{plaats}: deze tekst past nergens in het kader")  # pragma: no cover
        blok.plaats = blok.plaats or plaats
        container.kinderen.append(blok)
        self.laatste = blok
        if blok.soort is not S.ITEM:
            self.lijsten.clear()
        return container

    def _alinea(self, fragmenten: tuple[Fragment, ...], plaats: str) -> None:
        self._losse_eiskop()
        self.plaats(Knoop(S.ALINEA, inhoud=fragmenten), plaats)

    def _losse_eiskop(self) -> None:
        """A pending eis number and title with no eis after it: kept as a bold alinea, and reported."""
        if self.eiskop is None:
            return
        nummer, titel, plaats = self.eiskop
        self.eiskop = None
        self._alinea((Fragment(f"{nummer} {titel}", "sterk"),), plaats)
        self.meld(plaats, "nummer en titel van een eis zonder eis erna; overgenomen als vette alinea",
                  f"{nummer} {titel}")

    def alinea(self, fragmenten: tuple[Fragment, ...], plaats: str) -> None:
        self._alinea(fragmenten, plaats)

    def eiscontainer(self) -> bool:
        """Is the text container now a basiskwaliteit or the overige wettelijke vereisten (where eisen are)?"""
        top = self.stapel[-1]
        if top.soort is S.STANDAARD:
            deel = top.laatste(*AFGELEID)
            return deel is not None and deel.soort is S.BASISKWALITEIT
        return top.soort in (S.BASISKWALITEIT, S.OVERIGE_VEREISTEN)

    # -- eisen and their grondslag -----------------------------------------
    def eis(self, fragmenten: tuple[Fragment, ...], plaats: str) -> Knoop:
        eis = Knoop(S.EIS, inhoud=fragmenten, plaats=plaats)
        if self.eiskop is not None:
            eis.nummer, eis.titel, _ = self.eiskop
            self.eiskop = None
        container = self.tekstcontainer(S.EIS, plaats)
        container.kinderen.append(eis)
        self.laatste = eis
        self.lijsten.clear()
        return eis

    def _is_grondslagregel(self, a: Alinea) -> bool:
        return a.lijst is None and (a.stijl.naam == "grondslag" or h.grondslagregel(a.tekst) is not None)

    def _grondslagregel(self, a: Alinea, tekst: str) -> None:
        regel = h.grondslagregel(tekst)
        eis = self.laatste
        if eis is not None and eis.soort is S.ALINEA and self.eiscontainer() and not self.eigen:
            eis.soort = S.EIS  # a plain paragraph followed by its grondslag line is an eis
        if regel is None or eis is None or eis.soort is not S.EIS or eis.heeft_grondslagregel:
            self._alinea(a.fragmenten, a.plaats)
            self.meld(a.plaats, "grondslagregel hoort bij geen eis; overgenomen als alinea", tekst)
            return
        self.wachtende_eis = None
        eis.heeft_grondslagregel = True
        eis.kenmerk = ""
        soort, rest = regel
        if soort == "geen":
            eis.geen = self._geen_grondslag(a, rest)
            return
        if rest.strip(" .").casefold() in ("", "niet vermeld", "geen"):
            return
        try:
            eis.grondslagen.extend(parse(rest, self.register))
        except KaderdiffFout as fout:
            self._alinea(a.fragmenten, a.plaats)
            self.meld(a.plaats, f"grondslag niet te lezen ({fout.tekst}); overgenomen als alinea", tekst)

    def _geen_grondslag(self, a: Alinea, rest: str) -> GeenGrondslag:
        """'Geen wettelijke grondslag; bron: X. Uitleg'. Where the bron ends: a bold run when there is one, else a
        bron the previous year knows (it may hold a full stop), else the first full stop."""
        vet = next((f.tekst.strip() for f in a.fragmenten if f.stijl == "sterk" and f.tekst.strip()), "")
        bekend = [b for b in (vet, *sorted(self.bronnen, key=len, reverse=True))
                  if b and (rest == b or rest.startswith(f"{b}.") or rest.startswith(f"{b} "))]
        if bekend:
            return GeenGrondslag(bekend[0], rest[len(bekend[0]):].lstrip(".").strip())
        bron, _, uitleg = rest.partition(". ")
        return GeenGrondslag(bron.rstrip(".").strip() or "onbekend", uitleg.strip())

    def _sluit_wachtende_eis(self) -> None:
        """kaderdiff's own document: a list item in a basiskwaliteit without grondslag line is a list item."""
        eis, self.wachtende_eis = self.wachtende_eis, None
        if eis is None or eis.heeft_grondslagregel:
            return
        container = self.tekstcontainer(S.EIS, eis.plaats)
        if eis in container.kinderen:
            container.kinderen.remove(eis)
        vorige = container.kinderen[-1] if container.kinderen else None
        soort, eis.kenmerk = eis.kenmerk or "opsomming", ""
        lijst = vorige if vorige is not None and vorige.soort is S.LIJST and vorige.omgezet \
            and vorige.kenmerk == soort else None
        if lijst is None:
            lijst = Knoop(S.LIJST, kenmerk=soort, plaats=eis.plaats, omgezet=True)
            container.kinderen.append(lijst)
        eis.soort = S.ITEM
        lijst.kinderen.append(eis)
        self.laatste = eis
        self.lijsten[:] = [(lijst, 0)]

    # -- lists ---------------------------------------------------------------
    def _item(self, a: Alinea) -> None:
        assert a.lijst is not None
        soort, niveau = a.lijst
        if self.eiskop is not None or (niveau == 0 and self.eiscontainer() and (self.eigen or not self.lijsten)):
            eis = self.eis(a.fragmenten, a.plaats)
            if self.eigen and not eis.nummer:
                self.wachtende_eis = eis
                eis.kenmerk = soort  # until its grondslag line shows it is an eis, it may be a list item
            return
        item = Knoop(S.ITEM, inhoud=a.fragmenten, plaats=a.plaats)
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
