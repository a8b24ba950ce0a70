"""Placing each reaction under the change number it is about, per sector, ordered as the Staat: the reactienota.

A form's row names its number; a comment or tracked change in a concept is placed by where it is anchored: the
change number's bookmark ('MBO_23', at the first block of a change), else the block's bookmark (`blokmerk`),
whose element is the change's (or lies inside an element that was added or moved as a whole). A comment on an
element no change touches is a remark about unchanged text. Whatever cannot be placed (a number the Staat does not
have, a document of another year or sector, a row without number, a comment outside the kader's text) is kept
under "Niet te plaatsen" with its file, place and the reason: nothing read is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from kaderdiff.model.plaats import vindplaats
from kaderdiff.model.reactie import (
    ALGEMEEN,
    NIET_GEPLAATST,
    ONGEWIJZIGD,
    SLEUTELNAMEN,
    Genoteerd,
    Notawijziging,
    Reactie,
    Reactienota,
)
from kaderdiff.model.wijziging import Staat, WijzigingSoort
from kaderdiff.reacties.inlezen import Gelezen
from kaderdiff.word.blokken import BLOKMERK, blokken, blokmerk
from kaderdiff.word.documenttekst import WERKMAP

#: Changes that concern an element with everything in it: a comment inside belongs to the change.
_HEEL = (WijzigingSoort.TOEGEVOEGD, WijzigingSoort.VERPLAATST)
#: Where reactions that belong to no sector of the consultation go.
OVERIG = ""


@dataclass
class _Bak:
    """What is gathered for one sector."""

    per_nummer: dict[str, list[Reactie]] = field(default_factory=dict)
    algemeen: list[Reactie] = field(default_factory=list)
    ongewijzigd: list[Reactie] = field(default_factory=list)
    niet: list[tuple[Reactie, str]] = field(default_factory=list)
    paginas: dict[str, int] = field(default_factory=dict)  # change number -> page, from the forms


def merkkaarten(staat: Staat) -> tuple[dict[str, str], dict[str, str]]:
    """Bookmark name -> change number ('' for a block of the concept no change touches), and block bookmark ->
    the id of its element (for the vindplaats of a remark about unchanged text)."""
    per_id: dict[str, str] = {}
    for w in staat.wijzigingen:
        for element_id in w.ids:
            per_id.setdefault(element_id, w.nummer)
    heel = {i: w.nummer for w in staat.wijzigingen if w.soort in _HEEL for i in w.ids}
    kaart: dict[str, str] = {}
    elementen: dict[str, str] = {}
    for blok in blokken(staat.nieuw, staat.wetten):
        nummer = per_id.get(blok.element_id, "")
        if not nummer and blok.element_id in staat.nieuw.index:
            voorouders = staat.nieuw.index[blok.element_id][1]
            nummer = next((heel[v.id] for v in reversed(voorouders) if v.id in heel), "")
        kaart[blokmerk(blok.sleutel)] = nummer
        elementen[blokmerk(blok.sleutel)] = blok.element_id
    for w in staat.wijzigingen:  # the change's own bookmark: it names the number itself
        kaart[w.nummer.replace("-", "_")] = w.nummer
    return kaart, elementen


@dataclass
class Plaatser:
    """Places the reactions of the returned documents over the Staten of one consultation (sector -> Staat)."""

    staten: dict[str, Staat]
    bakken: dict[str, _Bak] = field(default_factory=dict)
    documenten: list[Gelezen] = field(default_factory=list)
    _kaarten: dict[str, tuple[dict[str, str], dict[str, str]]] = field(default_factory=dict)

    @property
    def jaar(self) -> int:
        return next(iter(self.staten.values())).nieuw.jaar

    def _bak(self, sector: str) -> _Bak:
        return self.bakken.setdefault(sector, _Bak())

    def _niet(self, sector: str, r: Reactie, reden: str) -> None:
        self._bak(sector).niet.append((r, reden))

    def _doel(self, r: Reactie) -> tuple[str, str]:
        """The sector a reaction goes to, and why it cannot be placed ('' when it can)."""
        voorvoegsel = r.nummer.rsplit("-", 1)[0] if "-" in r.nummer else ""
        sector = r.sector if r.sector in self.staten else (voorvoegsel if not r.sector and voorvoegsel in
                                                           self.staten else "")
        if r.jaar and r.jaar != self.jaar:
            return sector, f"het document hoort bij de consultatie van {r.jaar}, deze nota bij die van {self.jaar}"
        if not sector:
            bekend = ", ".join(self.staten)
            return OVERIG, (f"sector {r.sector} hoort niet bij deze consultatie ({bekend})" if r.sector else
                            f"het document zegt niet bij welke sector het hoort ({bekend})")
        return sector, ""

    def formulierreactie(self, r: Reactie) -> None:
        sector, reden = self._doel(r)
        if reden:
            self._niet(sector, r, reden)
            return
        staat = self.staten[sector]
        nummer = f"{sector}-{r.nummer}" if r.nummer.isdigit() else r.nummer
        nummers = [w.nummer for w in staat.wijzigingen]
        if nummer == ALGEMEEN:
            self._bak(sector).algemeen.append(r)
        elif nummer == ONGEWIJZIGD:
            self._bak(sector).ongewijzigd.append(r)
        elif not nummer:
            self._niet(sector, r, "er is geen wijzigingsnummer ingevuld")
        elif nummer in nummers:
            self._bak(sector).per_nummer.setdefault(nummer, []).append(replace(r, nummer=nummer))
        else:
            andere = nummer.rsplit("-", 1)[0]
            bereik = f"{nummers[0]} tot en met {nummers[-1]}" if nummers else "geen wijzigingen"
            self._niet(sector, r, f"{nummer} is een nummer van {andere}, het document hoort bij {sector}"
                       if andere != sector and andere in self.staten else
                       f"{nummer} bestaat niet in de Staat van wijzigingen {sector} {staat.van} → {staat.naar} "
                       f"({bereik})")

    def aantekening(self, r: Reactie, merken: tuple[str, ...]) -> None:
        sector, reden = self._doel(r)
        if reden:
            self._niet(sector, r, reden)
            return
        if sector not in self._kaarten:
            self._kaarten[sector] = merkkaarten(self.staten[sector])
        kaart, elementen = self._kaarten[sector]
        # a change's own bookmark ('MBO_6') before a block's: it names the number itself
        nummers = [kaart[m] for m in sorted(merken, key=lambda m: m.startswith(BLOKMERK)) if kaart.get(m)]
        if nummers:
            self._bak(sector).per_nummer.setdefault(nummers[0], []).append(replace(r, nummer=nummers[0]))
            return
        element = next((elementen[m] for m in merken if m in elementen), "")
        if element:
            plek = vindplaats(self.staten[sector].nieuw, element)
            self._bak(sector).ongewijzigd.append(replace(r, nummer=ONGEWIJZIGD, bron=f"{r.bron}, bij {plek}"))
        else:
            self._niet(sector, r, "de opmerking staat niet bij een onderdeel van het kader (maar bijvoorbeeld bij "
                                  "de titel, een kopregel of buiten de tekst)")

    def lees(self, documenten: list[Gelezen]) -> None:
        self.documenten += documenten
        for doc in documenten:
            if doc.sector in self.staten and doc.jaar in (0, self.jaar):
                bak = self._bak(doc.sector)
                bak.paginas = {**doc.paginas, **bak.paginas}
            for r in doc.reacties:
                self.formulierreactie(r)
            for r, merken in doc.aantekeningen:
                self.aantekening(r, merken)


    def _bestanden(self, bak: _Bak, sector: str) -> tuple[str, ...]:
        """The documents of a sector, and those any of whose reactions ended up in its nota."""
        reacties = [*(r for rs in bak.per_nummer.values() for r in rs), *bak.algemeen, *bak.ongewijzigd,
                    *(r for r, _ in bak.niet)]
        namen = {r.bron.split(", ")[0] for r in reacties}
        return tuple(d.naam for d in self.documenten if d.naam in namen or (sector and d.sector == sector))

    def _waarschuwingen(self, staat: Staat) -> tuple[str, ...]:
        """Documents made from another commit than the concept: their numbers may differ."""
        volledig = staat.herkomst[-1].commit if staat.herkomst else ""
        commit = volledig[:7]
        uit = []
        if staat.herkomst and staat.herkomst[-1].vuil:
            uit.append(f"het concept ({staat.naar}) is gelezen uit de werkmap met wijzigingen die niet zijn "
                       f"vastgelegd; de nota noemt commit {commit or 'onbekend'}, en --verwerk --vastgesteld "
                       "vergelijkt met die commit")
        for d in self.documenten:
            if d.sector == staat.sector and d.jaar == self.jaar and d.versie and commit and \
                    not volledig.startswith(d.versie):
                versie = "de werkmap, niet vastgelegd" if d.versie == WERKMAP else f"commit {d.versie[:7]}"
                uit.append(f"{d.naam} is gemaakt uit een andere versie ({versie}) dan deze nota "
                           f"({commit}); kijk of de nummers dezelfde wijzigingen noemen")
        return tuple(uit)

    def notas(self) -> list[Reactienota]:
        """A nota per sector of the consultation, in the order of the Staten; and one for what belongs to no
        sector, when there is any."""
        uit = [maak_nota(staat, self._bak(sector), self._bestanden(self._bak(sector), sector),
                         self._waarschuwingen(staat)) for sector, staat in self.staten.items()]
        overig = self.bakken.get(OVERIG)
        if overig is not None and overig.niet:
            staat = next(iter(self.staten.values()))
            uit.append(Reactienota("OVERIG", self.jaar, "Reacties die bij geen sector van deze consultatie horen",
                                   staat.van, staat.naar, "", "", (), (), (), _niet_geplaatst(overig),
                                   self._bestanden(overig, "")))
        return uit


def _genoteerd(sleutel: str, reacties: list[Reactie]) -> tuple[Genoteerd, ...]:
    return tuple(Genoteerd(f"{sleutel}.{n}", r) for n, r in enumerate(reacties, start=1))


def _niet_geplaatst(bak: _Bak) -> tuple[Genoteerd, ...]:
    return tuple(Genoteerd(f"{SLEUTELNAMEN[NIET_GEPLAATST]}.{n}", r, reden)
                 for n, (r, reden) in enumerate(bak.niet, start=1))


def maak_nota(staat: Staat, bak: _Bak, bestanden: tuple[str, ...], waarschuwingen: tuple[str, ...] = ()) -> Reactienota:
    """The nota of one sector: every change in the Staat's order with its reactions (and page), then the general
    remarks, those about unchanged text and those that could not be placed."""
    wijzigingen = []
    for w in staat.wijzigingen:
        reacties = bak.per_nummer.get(w.nummer, [])
        wijzigingen.append(Notawijziging(w, bak.paginas.get(w.nummer), _genoteerd(w.nummer, reacties)))
    herkomst = staat.herkomst
    return Reactienota(staat.sector, staat.nieuw.jaar, staat.nieuw.titel, staat.van, staat.naar,
                       herkomst[0].commit if herkomst else "", herkomst[-1].commit if herkomst else "",
                       tuple(wijzigingen), _genoteerd(SLEUTELNAMEN[ALGEMEEN], bak.algemeen),
                       _genoteerd(SLEUTELNAMEN[ONGEWIJZIGD], bak.ongewijzigd), _niet_geplaatst(bak), bestanden,
                       waarschuwingen)
