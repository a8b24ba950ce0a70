"""The builder's state (the stack of open parts) and what a heading does: open a woord vooraf, hoofdstuk,
paragraaf, waarderingskader, kwaliteitsgebied, standaard … where the schema allows it, closing deeper
parts; a heading that fits nowhere is left to the text rules (`invoer.opbouw`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kaderdiff.invoer import herkenning as h
from kaderdiff.invoer.knopen import WAARSCHUWING, Knoop, Opmerking, S, accepteert
from kaderdiff.model.kader import VOETNOOT, Fragment
from kaderdiff.model.wet import Wetregister
from kaderdiff.word.inhoud import Alinea

WAARDERING = frozenset({S.WAARDERINGSKADER, S.KWALITEITSGEBIED, S.STANDAARD, S.BASISKWALITEIT,
                        S.OMSCHRIJVING, S.EIGEN_ASPIRATIES, S.OVERIGE_VEREISTEN, S.BESLISREGELS})
WERKWIJZE = frozenset({S.WOORD_VOORAF, S.ADDENDUM, S.HOOFDSTUK, S.PARAGRAAF, S.BIJLAGE})
AFGELEID = (S.OMSCHRIJVING, S.BASISKWALITEIT, S.EIGEN_ASPIRATIES)
#: A number from Word's numbering that numbers a chapter or paragraph ('3', '3.2', '7.5.2.').
_HOOFDSTUKNUMMER = re.compile(r"^\d{1,2}(?:\.\d{1,2}){0,4}\.?$")


@dataclass
class KopBouwer:
    """The builder's state and how it opens parts at headings; `eigen`: the document is kaderdiff's own (an eis
    is a list item with a grondslag line)."""

    sector: str
    register: Wetregister
    eigen: bool = False
    bronnen: frozenset[str] = frozenset()  # the bronnen of eisen without legal basis the previous year names
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

    # -- reporting and small helpers ---------------------------------------
    def meld(self, plaats: str, reden: str, tekst: str = "", ernst: str = WAARSCHUWING) -> None:
        self.rapport.append(Opmerking(plaats, reden, " ".join(tekst.split()), ernst))

    def in_beslisregels(self) -> bool:
        return self.stapel[-1].soort is S.BESLISREGELS

    def in_waardering(self) -> bool:
        return any(k.soort in WAARDERING for k in self.stapel)

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

    # -- headings ----------------------------------------------------------
    def _is_kop(self, a: Alinea, tekst: str) -> bool:
        if a.kopniveau:
            return True
        if a.lijst is not None:  # a numbered line ('3.2' from Word's numbering) that is bold: a heading
            return (a.vet or a.groot) and bool(_HOOFDSTUKNUMMER.match(a.label)) and h.lijkt_kop(f"{a.label} {tekst}")
        kop = h.herken_kop(tekst, self.in_waardering())
        if kop is not None and kop.soort in (S.BASISKWALITEIT, S.EIGEN_ASPIRATIES) and a.vet:
            return True
        return (a.vet or a.groot) and h.lijkt_kop(tekst, self.in_waardering())

    def _kop(self, a: Alinea, tekst: str) -> None:
        if _HOOFDSTUKNUMMER.match(a.label) and not tekst[:1].isdigit():
            tekst = f"{a.label.rstrip('.')} {tekst}"  # the number comes from Word's numbering, not the text
        if a.voetnoten:
            self.meld(a.plaats, "voetnoot bij een kop staat als alinea onder de kop", " ".join(a.voetnoten))
        kop = h.herken_kop(tekst, self.in_waardering())
        if kop is None:
            kop = self._kop_zonder_naam(a, tekst)
            if kop is None:
                self._alinea((Fragment(tekst, "sterk"),), a.plaats)
                self.meld(a.plaats, "kop zonder herkenbare plaats in het kader (welke koppen herkend worden: "
                                    "docs/word-invoer.md); overgenomen als vette alinea", tekst)
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
        werk = self.zoek(*WERKWIJZE)
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
            nummer = str(self.wortel.aantal(S.HOOFDSTUK) + 1)
        if soort is S.BIJLAGE and not nummer:
            nummer = str(self.wortel.aantal(S.BIJLAGE) + 1)
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
        if ouder.soort not in WERKWIJZE:
            ouder = self.zoek(*WERKWIJZE) or self._impliciet_woord_vooraf(a.plaats)
        nummer = kop.nummer
        if not nummer:
            eerder = ouder.aantal(S.PARAGRAAF) + 1
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

    def _alinea(self, fragmenten: tuple[Fragment, ...], plaats: str) -> None:
        raise NotImplementedError  # the text rules live in invoer.opbouw.Bouwer
