"""From the paragraphs and tables of a Word kader to the kader's tree (`Knoop`), in one pass in reading order.

A stack of open parts (kader › hoofdstuk › paragraaf, or kader › waarderingskader › kwaliteitsgebied ›
standaard › basiskwaliteit) decides where each line goes. A heading opens a part where the schema allows
it, closing deeper ones; text goes into the deepest open part that may hold text. What cannot be placed
as what it seems to be goes in as a plain alinea where it stands and is reported with its location.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kaderdiff.fouten import KaderdiffFout
from kaderdiff.invoer import herkenning as h
from kaderdiff.invoer.knopen import Knoop, Opmerking, S, accepteert, onvolledig
from kaderdiff.invoer.tabellen import TabelLezer
from kaderdiff.model.kader import VOETNOOT, Fragment, GeenGrondslag
from kaderdiff.model.wet import Wetregister
from kaderdiff.recht.citaten import parse
from kaderdiff.word.blokken import EIND
from kaderdiff.word.inhoud import Alinea, Onderdeel, Tabel

_WAARDERING = frozenset({S.WAARDERINGSKADER, S.KWALITEITSGEBIED, S.STANDAARD, S.BASISKWALITEIT,
                         S.OMSCHRIJVING, S.EIGEN_ASPIRATIES, S.OVERIGE_VEREISTEN, S.BESLISREGELS})
_WERKWIJZE = frozenset({S.WOORD_VOORAF, S.ADDENDUM, S.HOOFDSTUK, S.PARAGRAAF, S.BIJLAGE})
_AFGELEID = (S.OMSCHRIJVING, S.BASISKWALITEIT, S.EIGEN_ASPIRATIES)


@dataclass
class Bouwer:
    """Builds one kader; `eigen`: the document is kaderdiff's own (an eis is a list item with a grondslag line)."""

    sector: str
    register: Wetregister
    eigen: bool = False
    wortel: Knoop = field(default_factory=lambda: Knoop(None))
    stapel: list[Knoop] = field(default_factory=list)
    titel: str = ""
    correctie: h.Correctieregel | None = None
    rapport: list[Opmerking] = field(default_factory=list)
    lijsten: list[tuple[Knoop, int]] = field(default_factory=list)  # open lists and their level
    wachtende_eis: Knoop | None = None  # an eis of kaderdiff's own document until its grondslag line is seen
    laatste: Knoop | None = None  # the last block placed
    eiskop: tuple[str, str, str] | None = None
    bijschrift: tuple[str, str] | None = None

    def __post_init__(self) -> None:
        self.stapel = [self.wortel]
        self.tabellen = TabelLezer(self)

    # -- reporting and small helpers ---------------------------------------
    def meld(self, plaats: str, reden: str, tekst: str = "") -> None:
        self.rapport.append(Opmerking(plaats, reden, " ".join(tekst.split())))

    def in_beslisregels(self) -> bool:
        return self.stapel[-1].soort is S.BESLISREGELS

    def in_waardering(self) -> bool:
        return any(k.soort in _WAARDERING for k in self.stapel)

    def open_(self, ouder: Knoop, kind: Knoop) -> Knoop:
        ouder.kinderen.append(kind)
        while self.stapel[-1] is not ouder:
            self.stapel.pop()
        self.stapel.append(kind)
        self.lijsten.clear()
        self.laatste = None
        return kind

    def zoek(self, *soorten: S | None) -> Knoop | None:
        return next((k for k in reversed(self.stapel) if k.soort in soorten), None)

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
                self._plaats(regel, a.plaats)
                return
        self._alinea(a.fragmenten, a.plaats)

    # -- headings ----------------------------------------------------------
    def _is_kop(self, a: Alinea, tekst: str) -> bool:
        if a.lijst is not None and not a.kopniveau:
            return False
        if a.kopniveau:
            return True
        kop = h.herken_kop(tekst, self.in_waardering())
        if kop is not None and kop.soort in (S.BASISKWALITEIT, S.EIGEN_ASPIRATIES) and a.vet:
            return True
        return (a.vet or a.groot) and h.lijkt_kop(tekst)

    def _kop(self, a: Alinea, tekst: str) -> None:
        if a.voetnoten:
            self.meld(a.plaats, "voetnoot bij een kop staat als alinea onder de kop", " ".join(a.voetnoten))
        kop = h.herken_kop(tekst, self.in_waardering())
        if kop is None:
            kop = self._kop_zonder_naam(a, tekst)
            if kop is None:
                self._alinea((Fragment(tekst, "sterk"),), a.plaats)
                self.meld(a.plaats, "kop zonder herkenbare plaats in het kader; overgenomen als vette alinea", tekst)
                return
        geopend = self._open_kop(kop, a, tekst)
        if geopend is None:
            self._alinea((Fragment(tekst, "sterk"),), a.plaats)
            self.meld(a.plaats, f"kop van een {kop.soort.value} kan hier niet staan; overgenomen als vette alinea",
                      tekst)
            return
        for noot in a.voetnoten:
            self._alinea((Fragment(noot, VOETNOOT),), a.plaats)

    def _kop_zonder_naam(self, a: Alinea, tekst: str) -> h.Kop | None:
        """A heading whose words say nothing: a paragraaf in the werkwijze (numbered by place), or a chapter."""
        if self.in_waardering():
            return None
        werk = self.zoek(*_WERKWIJZE)
        if werk is None or (a.kopniveau or 1) <= 1:
            self.meld(a.plaats, "hoofdstuk zonder nummer; nummer toegekend", tekst)
            return h.Kop(S.HOOFDSTUK, "", tekst)
        self.meld(a.plaats, "paragraaf zonder nummer; nummer toegekend", tekst)
        return h.Kop(S.PARAGRAAF, "", tekst)

    def _open_kop(self, kop: h.Kop, a: Alinea, tekst: str) -> Knoop | None:
        plaats = a.plaats
        match kop.soort:
            case S.WOORD_VOORAF | S.ADDENDUM | S.WAARDERINGSKADER | S.BIJLAGE:
                return self._open_bovenaan(kop, plaats)
            case S.HOOFDSTUK:
                if self.in_waardering() and (a.kopniveau or 1) > 1:
                    return None
                return self._open_bovenaan(kop, plaats)
            case S.PARAGRAAF:
                return self._open_paragraaf(kop, a)
            case S.KWALITEITSGEBIED:
                wk = self.zoek(S.WAARDERINGSKADER) or self._impliciet_waarderingskader(plaats)
                return self._open_in(wk, Knoop(S.KWALITEITSGEBIED, kop.nummer, kop.titel, plaats=plaats))
            case S.STANDAARD:
                return self._open_standaard(kop, plaats)
            case S.OVERIGE_VEREISTEN:
                ouders = [k for k in (self.zoek(S.KWALITEITSGEBIED) if (a.kopniveau or 2) >= 3 else None,
                                      self.zoek(S.WAARDERINGSKADER), self.zoek(S.KWALITEITSGEBIED)) if k]
                for ouder in ouders:
                    if accepteert(ouder, S.OVERIGE_VEREISTEN):
                        return self.open_(ouder, Knoop(S.OVERIGE_VEREISTEN, "", kop.titel, plaats=plaats))
                return None
            case S.BESLISREGELS:
                wk = self.zoek(S.WAARDERINGSKADER)
                return self._open_in(wk, Knoop(S.BESLISREGELS, "", kop.titel, plaats=plaats)) if wk else None
            case S.BASISKWALITEIT | S.EIGEN_ASPIRATIES:
                st = self.zoek(S.STANDAARD)
                return self._open_in(st, Knoop(kop.soort, plaats=plaats)) if st else None
        return None  # pragma: no cover - every kind of Kop is handled above

    def _open_in(self, ouder: Knoop | None, kind: Knoop) -> Knoop | None:
        if ouder is None or kind.soort is None or not accepteert(ouder, kind.soort):
            return None
        return self.open_(ouder, kind)

    def _open_bovenaan(self, kop: h.Kop, plaats: str) -> Knoop | None:
        soort = kop.soort
        eerste = self.wortel.kinderen[0] if len(self.wortel.kinderen) == 1 else None
        if soort is S.WOORD_VOORAF and eerste is not None and eerste.soort is S.WOORD_VOORAF and not eerste.titel \
                and not eerste.heeft(S.PARAGRAAF):
            eerste.titel = kop.titel  # the text before it was put in an untitled woord vooraf
            self.meld(plaats, "tekst vóór het woord vooraf is in het woord vooraf gezet", kop.titel)
            return self._heropen(eerste)
        nummer = kop.nummer
        if soort is S.HOOFDSTUK and not nummer:
            nummer = str(sum(1 for k in self.wortel.kinderen if k.soort is S.HOOFDSTUK) + 1)
        if soort is S.BIJLAGE and not nummer:
            nummer = str(sum(1 for k in self.wortel.kinderen if k.soort is S.BIJLAGE) + 1)
            self.meld(plaats, f"bijlage zonder nummer; nummer {nummer} toegekend", kop.titel)
        titel = kop.titel
        kenmerk = h.niveau_van(titel, self.sector) if soort is S.WAARDERINGSKADER else ""
        if soort is S.WAARDERINGSKADER and not any(n in titel.casefold() for n in h.NIVEAUS):
            self.meld(plaats, f"niveau van het waarderingskader niet in de titel; '{kenmerk}' genomen", titel)
        return self._open_in(self.wortel, Knoop(soort, nummer, titel, kenmerk=kenmerk, plaats=plaats, diepte=1))

    def _heropen(self, knoop: Knoop) -> Knoop:
        del self.stapel[1:]
        self.stapel.append(knoop)
        self.lijsten.clear()
        return knoop

    def _open_paragraaf(self, kop: h.Kop, a: Alinea) -> Knoop | None:
        diepte = kop.nummer.count(".") + 1 if kop.nummer else max(a.kopniveau, 2)
        while self.stapel[-1].soort is S.PARAGRAAF and self.stapel[-1].diepte >= diepte:
            self.stapel.pop()
        ouder = self.stapel[-1]
        if ouder.soort not in _WERKWIJZE:
            ouder = self.zoek(*_WERKWIJZE) or self._impliciet_woord_vooraf(a.plaats)
        nummer = kop.nummer
        if not nummer:
            eerder = sum(1 for k in ouder.kinderen if k.soort is S.PARAGRAAF) + 1
            nummer = f"{ouder.nummer}.{eerder}" if ouder.nummer else str(eerder)
        return self._open_in(ouder, Knoop(S.PARAGRAAF, nummer, kop.titel, plaats=a.plaats, diepte=diepte))

    def _open_standaard(self, kop: h.Kop, plaats: str) -> Knoop | None:
        kg = self.zoek(S.KWALITEITSGEBIED)
        code = "".join(c for c in kop.nummer if c.isalpha() and c.isupper())
        if kg is None or not accepteert(kg, S.STANDAARD) or (kg.nummer and not kop.nummer.startswith(kg.nummer)):
            wk = self.zoek(S.WAARDERINGSKADER) or self._impliciet_waarderingskader(plaats)
            if wk is None or not accepteert(wk, S.KWALITEITSGEBIED):
                return None
            kg = self.open_(wk, Knoop(S.KWALITEITSGEBIED, code, code, plaats=plaats))
            self.meld(plaats, f"standaard {kop.nummer} zonder kop van zijn kwaliteitsgebied; kwaliteitsgebied "
                              f"{code} aangemaakt", kop.titel)
        return self._open_in(kg, Knoop(S.STANDAARD, kop.nummer, kop.titel, plaats=plaats))

    def _impliciet_waarderingskader(self, plaats: str) -> Knoop | None:
        if not accepteert(self.wortel, S.WAARDERINGSKADER):
            return None
        niveau = h.STANDAARDNIVEAU.get(self.sector, "school")
        self.meld(plaats, f"standaarden zonder kop 'Waarderingskader …'; waarderingskader ({niveau}) aangemaakt")
        return self.open_(self.wortel, Knoop(S.WAARDERINGSKADER, "", "Waarderingskader", kenmerk=niveau,
                                             plaats=plaats))

    def _impliciet_woord_vooraf(self, plaats: str) -> Knoop:
        if accepteert(self.wortel, S.WOORD_VOORAF):
            self.meld(plaats, "tekst vóór de eerste kop; in een woord vooraf zonder titel gezet")
            return self.open_(self.wortel, Knoop(S.WOORD_VOORAF, plaats=plaats))
        return self.stapel[-1]

    # -- text blocks -------------------------------------------------------
    def tekstcontainer(self, soort: S, plaats: str) -> Knoop:
        """The deepest open part that may hold a block of this kind (a standaard's text goes in its parts)."""
        for knoop in reversed(self.stapel):
            if knoop.soort is S.STANDAARD:
                deel = knoop.laatste(*_AFGELEID)
                if deel is None and accepteert(knoop, S.OMSCHRIJVING):
                    deel = Knoop(S.OMSCHRIJVING, plaats=plaats)
                    knoop.kinderen.append(deel)
                if deel is not None and accepteert(deel, soort):
                    return deel
            elif knoop.soort in _AFGELEID:
                continue
            elif accepteert(knoop, soort):
                return knoop
        return self._impliciet_woord_vooraf(plaats)

    def _plaats(self, blok: Knoop, plaats: str) -> Knoop:
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
        if self.eiskop is not None:
            nummer, titel, kop_plaats = self.eiskop
            self.eiskop = None
            self._alinea((Fragment(f"{nummer} {titel}", "sterk"),), kop_plaats)
            self.meld(kop_plaats, "nummer en titel van een eis zonder eis erna; overgenomen als vette alinea",
                      f"{nummer} {titel}")
        self._plaats(Knoop(S.ALINEA, inhoud=fragmenten), plaats)

    def alinea(self, fragmenten: tuple[Fragment, ...], plaats: str) -> None:
        self._alinea(fragmenten, plaats)

    def eiscontainer(self) -> bool:
        """Is the text container now a basiskwaliteit or the overige wettelijke vereisten (where eisen are)?"""
        top = self.stapel[-1]
        if top.soort is S.STANDAARD:
            deel = top.laatste(*_AFGELEID)
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

    @staticmethod
    def _geen_grondslag(a: Alinea, rest: str) -> GeenGrondslag:
        """'Geen wettelijke grondslag; bron: X. Uitleg': the bron is the bold run when there is one."""
        vet = next((f.tekst.strip() for f in a.fragmenten if f.stijl == "sterk" and f.tekst.strip()), "")
        if vet and rest.startswith(vet):
            return GeenGrondslag(vet, rest[len(vet):].lstrip(".").strip())
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
        lijst = vorige if vorige is not None and vorige.soort is S.LIJST and vorige.kenmerk == "opsomming" \
            and getattr(vorige, "omgezet", False) else None
        if lijst is None:
            lijst = Knoop(S.LIJST, kenmerk="opsomming", plaats=eis.plaats)
            lijst.omgezet = True  # type: ignore[attr-defined]
            container.kinderen.append(lijst)
        eis.soort = S.ITEM
        lijst.kinderen.append(eis)
        self.laatste = eis
        self.lijsten[:] = [(lijst, 0)]

    # -- lists ---------------------------------------------------------------
    def _item(self, a: Alinea) -> None:
        assert a.lijst is not None
        soort, niveau = a.lijst
        if self.eiskop is not None or (niveau == 0 and self.eiscontainer() and not self.lijsten):
            eis = self.eis(a.fragmenten, a.plaats)
            if self.eigen and not eis.nummer:
                self.wachtende_eis = eis
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
            self._plaats(lijst, a.plaats)
            self.meld(a.plaats, "opsomming binnen een eis staat als eigen opsomming na de eis", a.tekst)
            self.lijsten[:] = [(lijst, niveau)]
        else:
            lijst = Knoop(S.LIJST, kenmerk=soort, kinderen=[item])
            self._plaats(lijst, a.plaats)
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
        self._plaats(Knoop(S.BESLISREGEL, inhoud=fragmenten, kenmerk=oordeel), plaats)


    # -- the end -------------------------------------------------------------
    def af(self) -> Knoop:
        """Finish: pending lines placed, parts the schema would refuse repaired, eisen without basis reported."""
        self._sluit_wachtende_eis()
        if self.eiskop is not None:
            nummer, titel, plaats = self.eiskop
            self.eiskop = None
            self._alinea((Fragment(f"{nummer} {titel}", "sterk"),), plaats)
            self.meld(plaats, "nummer en titel van een eis zonder eis erna; overgenomen als vette alinea",
                      f"{nummer} {titel}")
        if self.bijschrift is not None:
            self._alinea((Fragment(self.bijschrift[0]),), self.bijschrift[1])
            self.bijschrift = None
        herstel(self.wortel, self)
        return self.wortel

    def eis_af(self, eis: Knoop) -> None:
        """An eis without grondslag line: footnotes that are citations are its grondslag."""
        if eis.heeft_grondslagregel or eis.grondslagen or eis.geen is not None:
            return
        noten = [f for f in eis.inhoud if f.stijl == VOETNOOT]
        gevonden = []
        for noot in noten:
            try:
                gevonden.extend(parse(noot.tekst, self.register))
            except KaderdiffFout:
                gevonden = []
                break
        if noten and gevonden:
            eis.grondslagen.extend(gevonden)
            eis.inhoud = tuple(f for f in eis.inhoud if f.stijl != VOETNOOT)
        elif not self.eigen:
            self.meld(eis.plaats, "eis zonder wettelijke grondslag (geen grondslagregel, voetnoot of kolom)", eis.tekst)


def _uitpakken(knoop: Knoop) -> list[Knoop]:
    """A part the schema refuses, as plain text blocks: its title as a bold alinea, then its text."""
    uit = [Knoop(S.ALINEA, inhoud=(Fragment(" ".join(d for d in (knoop.nummer, knoop.titel) if d), "sterk"),),
                 plaats=knoop.plaats)] if (knoop.titel or knoop.nummer) else []
    for kind in knoop.kinderen:
        if kind.soort in (S.ALINEA, S.LIJST, S.TABEL):
            uit.append(kind)
        elif kind.soort in (S.EIS, S.BESLISREGEL):
            uit.append(Knoop(S.ALINEA, inhoud=kind.inhoud, plaats=kind.plaats))
        else:
            uit.extend(_uitpakken(kind))
    return uit


def _laatste_standaard(knopen: list[Knoop]) -> Knoop | None:
    for knoop in reversed(knopen):
        if knoop.soort is S.STANDAARD:
            return knoop
        gevonden = _laatste_standaard(knoop.kinderen)
        if gevonden is not None:
            return gevonden
    return None


def herstel(ouder: Knoop, bouwer: Bouwer) -> None:
    """Post-order: remove empty parts, unpack the ones the schema would refuse, add missing basiskwaliteit."""
    for kind in list(ouder.kinderen):
        herstel(kind, bouwer)
        if kind.soort is S.EIS:
            bouwer.eis_af(kind)
        reden = onvolledig(kind)
        if not reden:
            continue
        index = ouder.kinderen.index(kind)
        if kind.soort in (S.OMSCHRIJVING, S.EIGEN_ASPIRATIES, S.LIJST, S.TABEL):
            ouder.kinderen.remove(kind)  # empty: nothing is lost
            continue
        blokken = _uitpakken(kind)
        if kind.soort is S.WAARDERINGSKADER:
            nummer = str(sum(1 for k in ouder.kinderen[:index] if k.soort is S.HOOFDSTUK) + 1)
            kind.soort, kind.nummer, kind.kinderen = S.HOOFDSTUK, nummer, blokken[1:] if kind.titel else blokken
            bouwer.meld(kind.plaats, f"{reden}; als hoofdstuk {nummer} overgenomen", kind.titel)
            continue
        st = _laatste_standaard(ouder.kinderen[:index])
        ouder.kinderen.remove(kind)
        if st is not None:
            doel = st.laatste(S.EIGEN_ASPIRATIES, S.BASISKWALITEIT)
            if doel is None:
                doel = Knoop(S.BASISKWALITEIT)
                st.kinderen.append(doel)
            doel.kinderen.extend(blokken)
            waar = f"standaard {st.nummer}"
        else:
            ouder.kinderen[index:index] = blokken
            waar = "de tekst erboven"
        bouwer.meld(kind.plaats, f"{reden}; de tekst staat bij {waar}", kind.titel)
    if ouder.soort is S.STANDAARD and not ouder.heeft(S.BASISKWALITEIT):
        plek = 1 if ouder.heeft(S.OMSCHRIJVING) else 0
        ouder.kinderen.insert(plek, Knoop(S.BASISKWALITEIT))
        bouwer.meld(ouder.plaats, f"standaard {ouder.nummer} zonder basiskwaliteit", ouder.titel)
