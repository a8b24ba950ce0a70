"""Seeded, deterministic benchmark corpus: sectors x years of kaders plus the ground truth of every change.

Each kader is generated once (year one) and then edited year by year with a recorded list of edits of
every kind kaderdiff knows. The recorded list is the ground truth: for each pair (year, year + 1) the
element ids that must be reported, with the kind kaderdiff should name them, and the number of text
fragments a careful (Word-like) redline shows: 1 for an insertion or deletion, 2 for a replacement.

A merge or split also moves the eisen of the standards involved and replaces their descriptive
alinea's; those consequential rows are part of the ground truth (kaderdiff reports one row per element
whose place or existence changed) and are marked `gevolg`.

Usage: python -m bench.corpus [DOEL] [--snel]   (default DOEL: bench/corpus)
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from bench.hernummer import maak_variant

STANDAARD_DOEL = Path(__file__).resolve().parent / "corpus"

#: File slot -> sector code in the XML. The schema allows only PO, VO, VSO, MBO and HO, so the
#: last three slots reuse a code (their output names are made from the slot, not the code).
SECTOREN: dict[str, str] = {"po": "PO", "vo": "VO", "vso": "VSO", "mbo": "MBO", "ho": "HO",
                            "sbo": "PO", "pro": "VO", "ve": "MBO"}
WET_PER_SECTOR = {"PO": "WPO", "VO": "WVO", "VSO": "WEC", "MBO": "WEB", "HO": "WHW"}
ANDERE_WETTEN = ("WOT", "WMS")
EERSTE_JAAR = 2025

_WOORDEN = """
school bestuur leerling leraar onderwijs kwaliteit inspectie ontwikkeling resultaten begeleiding
veiligheid zorg aanbod toetsing examinering burgerschap ouders medezeggenschap financien
continuiteit verantwoording dialoog ambitie cultuur evaluatie verbetering doelen analyse gegevens
programma leerroute opleiding student stage beroepspraktijk werkveld diploma examencommissie
toezicht oordeel herstelopdracht termijn rapport gesprek bezoek observatie lessen instructie
differentiatie taal rekenen wiskunde lezen schrijven ondersteuning passend plaatsing
samenwerkingsverband zorgplicht klimaat sfeer pesten incidenten monitoring registratie beleid plan
jaarverslag begroting reserves personeel professionalisering bekwaamheid bevoegdheid team directie
intern extern toezichthouder raad rechtmatigheid doelmatigheid middelen inzet uitkomsten vervolg
uitstroom doorstroom advies niveau leerjaar periode vakken programma's kerndoelen referentieniveaus
eindtoets doorstroomtoets schoolplan schoolgids zichtbaar systematisch passende tijdige concrete
heldere actuele voldoende goede duidelijke structurele gerichte jaarlijks regelmatig aantoonbaar
zorgvuldig bewust samen betrekt bespreekt stelt legt volgt analyseert evalueert verbetert borgt
verantwoordt informeert hanteert zorgt bewaakt draagt realiseert benut ontwikkelt maakt voert biedt
richt stemt weegt
""".split()  # noqa: SIM905 (a word list reads better as text)
_LIDWOORDEN = ["de", "het", "een", "deze", "elke", "iedere"]
_VOEGWOORDEN = ["en", "of", "maar", "omdat", "zodat", "waarbij", "terwijl", "daarnaast", "bovendien"]


# ---------------------------------------------------------------- model
@dataclass
class Knoop:
    """One XML element of a kader; `zinnen` is the inline text of alinea, item, eis and beslisregel."""

    tag: str
    id: str = ""
    attr: dict[str, str] = field(default_factory=dict)
    titel: str = ""
    zinnen: list[str] = field(default_factory=list)
    kinderen: list[Knoop] = field(default_factory=list)
    grondslagen: list[dict[str, str]] = field(default_factory=list)
    geen_bron: str = ""

    def doorloop(self) -> list[Knoop]:
        uit = [self]
        for k in self.kinderen:
            uit.extend(k.doorloop())
        return uit

    def kind(self, tag: str) -> Knoop | None:
        return next((k for k in self.kinderen if k.tag == tag), None)


@dataclass(frozen=True)
class Verwacht:
    """One ground-truth row: element id, kaderdiff's kind, the edit that caused it."""

    id: str
    soort: str
    bewerking: str
    fragmenten: int | None = None  # Word-like ideal number of changed text pieces (None: not a text edit)
    gevolg: bool = False  # consequence of a merge or split


@dataclass
class Staat:
    """A kader being edited over the years, with its id counters."""

    slot: str
    sector: str
    wortel: Knoop
    teller: int = 0

    def nieuw_id(self, voorvoegsel: str) -> str:
        self.teller += 1
        return f"{voorvoegsel}{self.teller}"


# ---------------------------------------------------------------- text
def zin(rng: random.Random, lengte: int | None = None) -> str:
    """One sentence of Dutch-looking words, capitalised, ending in a period."""
    n = lengte or rng.randint(9, 17)
    woorden = [rng.choice(_LIDWOORDEN), *(rng.choice(_WOORDEN) for _ in range(n - 1))]
    if n > 8:
        woorden.insert(rng.randint(3, n - 3), rng.choice(_VOEGWOORDEN))
    tekst = " ".join(woorden)
    return tekst[0].upper() + tekst[1:] + "."


def titel(rng: random.Random) -> str:
    woorden = [rng.choice(_WOORDEN) for _ in range(rng.randint(2, 4))]
    return woorden[0].capitalize() + " " + " ".join(woorden[1:])


def tekstknoop(tag: str, element_id: str, rng: random.Random, zinnen: int) -> Knoop:
    return Knoop(tag, element_id, zinnen=[zin(rng) for _ in range(zinnen)])


def grondslag(rng: random.Random, sector: str) -> dict[str, str]:
    wet = WET_PER_SECTOR[sector] if rng.random() < 0.8 else rng.choice(ANDERE_WETTEN)
    uit = {"wet": wet, "artikel": f"{rng.randint(1, 40)}{rng.choice(['', '', 'a'])}"}
    if rng.random() < 0.7:
        uit["lid"] = str(rng.randint(1, 6))
    return uit


def eis(staat: Staat, rng: random.Random, st_id: str) -> Knoop:
    e = Knoop("eis", staat.nieuw_id(f"{st_id}-e"), zinnen=[zin(rng, rng.randint(14, 22))])
    if rng.random() < 0.85:
        e.grondslagen = [grondslag(rng, staat.sector) for _ in range(rng.choice([1, 1, 1, 2]))]
    else:
        e.geen_bron = "Handreiking " + rng.choice(_WOORDEN)
    return e


# ---------------------------------------------------------------- year one
@dataclass(frozen=True)
class Omvang:
    """Size of a generated kader (defaults: about 35,000 words, 150 standards/paragraphs, 400 eisen)."""

    hoofdstukken: int = 6
    paragrafen: int = 10
    waarderingskaders: int = 2
    gebieden: int = 5
    standaarden: int = 9
    eisen: tuple[int, int] = (3, 6)
    zinnen_paragraaf: tuple[int, int] = (3, 6)
    alineas_paragraaf: tuple[int, int] = (3, 5)


SNEL = Omvang(hoofdstukken=2, paragrafen=4, waarderingskaders=1, gebieden=2, standaarden=5,
              zinnen_paragraaf=(2, 3), alineas_paragraaf=(1, 2))


def standaard(staat: Staat, rng: random.Random, kg_code: str, nr: int, omvang: Omvang) -> Knoop:
    st_id = staat.nieuw_id(f"st-{kg_code.lower()}")
    st = Knoop("standaard", st_id, {"code": f"{kg_code}{nr}"}, titel=titel(rng))
    st.kinderen.append(Knoop("omschrijving", kinderen=[
        tekstknoop("alinea", staat.nieuw_id(f"{st_id}-om"), rng, rng.randint(2, 3)) for _ in range(rng.randint(1, 2))]))
    eisen = [eis(staat, rng, st_id) for _ in range(rng.randint(*omvang.eisen))]
    st.kinderen.append(Knoop("basiskwaliteit", kinderen=eisen))
    st.kinderen.append(Knoop("eigenAspiraties", kinderen=[tekstknoop("alinea", staat.nieuw_id(f"{st_id}-ea"), rng, 4)]))
    return st


def maak_kader(slot: str, sector: str, rng: random.Random, omvang: Omvang) -> Staat:
    staat = Staat(slot, sector, Knoop("kader", attr={"sector": sector}))
    w = staat.wortel
    w.kinderen.append(Knoop("woordVooraf", "wv", titel="Woord vooraf",
                            kinderen=[tekstknoop("alinea", f"wv-a{i}", rng, 4) for i in range(1, 5)]))
    for h in range(1, omvang.hoofdstukken + 1):
        hs = Knoop("hoofdstuk", f"h-{h}", {"nr": str(h)}, titel=titel(rng),
                   kinderen=[tekstknoop("alinea", f"h-{h}-a1", rng, 3)])
        for p in range(1, omvang.paragrafen + 1):
            p_id = f"p-{h}-{p}"
            par = Knoop("paragraaf", p_id, {"nr": f"{h}.{p}"}, titel=titel(rng))
            for a in range(1, rng.randint(*omvang.alineas_paragraaf) + 1):
                par.kinderen.append(tekstknoop("alinea", f"{p_id}-a{a}", rng, rng.randint(*omvang.zinnen_paragraaf)))
            if p % 3 == 0:
                par.kinderen.append(Knoop("lijst", f"{p_id}-l1", kinderen=[
                    Knoop("item", f"{p_id}-l1-i{i}", zinnen=[zin(rng, rng.randint(6, 10))]) for i in range(1, 5)]))
            hs.kinderen.append(par)
        w.kinderen.append(hs)
    niveaus = ("bestuur", "school", "opleiding", "afdeling", "instelling")
    codes = ("KA", "OP", "SK", "OR", "FB", "VS", "BO", "EX")
    for wk_nr in range(omvang.waarderingskaders):
        wk_id = f"wk-{niveaus[wk_nr]}"
        wk = Knoop("waarderingskader", wk_id, {"niveau": niveaus[wk_nr]}, titel=f"Waarderingskader {niveaus[wk_nr]}",
                   kinderen=[tekstknoop("alinea", f"{wk_id}-a1", rng, 3)])
        for g in range(omvang.gebieden):
            kg_code = codes[g] + ("" if wk_nr == 0 else "S")
            kg = Knoop("kwaliteitsgebied", f"kg-{kg_code.lower()}", {"code": kg_code}, titel=titel(rng),
                       kinderen=[tekstknoop("alinea", f"kg-{kg_code.lower()}-a1", rng, 2)])
            kg.attr["volgende"] = str(omvang.standaarden + 1)  # next free code number (not written)
            for s in range(1, omvang.standaarden + 1):
                kg.kinderen.append(standaard(staat, rng, kg_code, s, omvang))
            wk.kinderen.append(kg)
        wk.kinderen.append(Knoop("beslisregels", f"{wk_id}-br", titel="Beslisregels", kinderen=[
            Knoop("beslisregel", f"{wk_id}-br{i}", {"oordeel": o}, zinnen=[zin(rng)])
            for i, o in enumerate(("Onvoldoende", "Voldoende", "Goed"), start=1)]))
        w.kinderen.append(wk)
    for b in (1, 2):
        w.kinderen.append(Knoop("bijlage", f"b-{b}", {"nr": str(b)}, titel=titel(rng),
                                kinderen=[tekstknoop("alinea", f"b-{b}-a{i}", rng, 3) for i in range(1, 4)]))
    return staat


# ---------------------------------------------------------------- edits
class Bewerker:
    """Applies one year's edits to a kader and records the ground truth."""

    def __init__(self, staat: Staat, rng: random.Random) -> None:
        self.staat, self.rng = staat, rng
        self.verwacht: list[Verwacht] = []
        self.bezet: set[int] = set()  # id() of nodes already touched this year
        self.toelichtingen: list[tuple[str, list[str]]] = []

    # -- helpers
    def alle(self, tag: str) -> list[Knoop]:
        return [k for k in self.staat.wortel.doorloop() if k.tag == tag]

    def ouder_van(self, doel: Knoop) -> Knoop:
        for k in self.staat.wortel.doorloop():
            if any(c is doel for c in k.kinderen):
                return k
        raise KeyError(doel.id)

    def vrij(self, knopen: list[Knoop]) -> list[Knoop]:
        return [k for k in knopen if id(k) not in self.bezet]

    def kies(self, knopen: list[Knoop]) -> Knoop:
        kandidaten = self.vrij(knopen)
        gekozen = self.rng.choice(kandidaten)
        self.bezet.add(id(gekozen))
        return gekozen

    def bezet_boom(self, knoop: Knoop) -> None:
        self.bezet.update(id(k) for k in knoop.doorloop())

    def noteer(self, bewerking: str, rijen: list[Verwacht], categorie: str = "verduidelijking") -> None:
        self.verwacht.extend(rijen)
        self.toelichtingen.append((categorie, list(dict.fromkeys(r.id for r in rijen))))
        del bewerking

    def eisen_van(self, st: Knoop) -> list[Knoop]:
        bk = st.kind("basiskwaliteit")
        assert bk is not None
        return bk.kinderen

    def tekstblokken(self) -> list[Knoop]:
        return [k for k in self.staat.wortel.doorloop() if k.tag in ("alinea", "eis", "item", "beslisregel")]

    # -- text edits
    def woord_vervangen(self) -> None:
        k = self.kies(self.tekstblokken())
        i = self.rng.randrange(len(k.zinnen))
        woorden = k.zinnen[i].split(" ")
        kandidaten = [j for j in range(1, len(woorden) - 1) if woorden[j].isalpha()]
        j = self.rng.choice(kandidaten)
        buren = {woorden[j - 1], woorden[j + 1], woorden[j]}
        woorden[j] = self.rng.choice([w for w in _WOORDEN if w not in buren])
        k.zinnen[i] = " ".join(woorden)
        self.noteer("woord vervangen", [Verwacht(k.id, "gewijzigd", "woord vervangen", 2)])

    def zin_invoegen(self) -> None:
        k = self.kies([a for a in self.alle("alinea")])
        k.zinnen.insert(self.rng.randint(0, len(k.zinnen)), zin(self.rng))
        self.noteer("zin ingevoegd", [Verwacht(k.id, "gewijzigd", "zin ingevoegd", 1)])

    def zin_schrappen(self) -> None:
        k = self.kies([a for a in self.alle("alinea") if len(a.zinnen) >= 2])
        del k.zinnen[self.rng.randrange(len(k.zinnen))]
        self.noteer("zin geschrapt", [Verwacht(k.id, "gewijzigd", "zin geschrapt", 1)])

    def leesteken(self) -> None:
        k = self.kies(self.tekstblokken())
        i = self.rng.randrange(len(k.zinnen))
        woorden = k.zinnen[i].split(" ")
        kandidaten = [j for j in range(1, len(woorden) - 2) if woorden[j].isalpha()]
        j = self.rng.choice(kandidaten)
        woorden[j] += ","
        k.zinnen[i] = " ".join(woorden)
        self.noteer("leesteken", [Verwacht(k.id, "redactioneel", "alleen leesteken", 1)], "redactioneel")

    # -- structure
    def standaarden(self, minimaal_eisen: int = 0) -> list[Knoop]:
        return [s for s in self.alle("standaard") if len(self.eisen_van(s)) >= minimaal_eisen]

    def eis_toevoegen(self) -> None:
        st = self.rng.choice(self.vrij(self.standaarden()))
        nieuw = eis(self.staat, self.rng, st.id)
        eisen = self.eisen_van(st)
        eisen.insert(self.rng.randint(0, len(eisen)), nieuw)
        self.bezet.add(id(nieuw))
        self.noteer("eis toegevoegd", [Verwacht(nieuw.id, "toegevoegd", "eis toegevoegd", 1)], "beleid")

    def eis_schrappen(self) -> None:
        st = self.rng.choice(self.vrij(self.standaarden(3)))
        e = self.kies(self.eisen_van(st))
        self.eisen_van(st).remove(e)
        self.noteer("eis vervallen", [Verwacht(e.id, "vervallen", "eis vervallen", 1)], "beleid")

    def eis_verplaatsen(self) -> None:
        bron = self.rng.choice(self.vrij(self.standaarden(3)))
        e = self.kies(self.eisen_van(bron))
        doel = self.rng.choice([s for s in self.vrij(self.standaarden()) if s is not bron])
        self.eisen_van(bron).remove(e)
        eisen = self.eisen_van(doel)
        eisen.insert(self.rng.randint(0, len(eisen)), e)
        self.noteer("eis verplaatst", [Verwacht(e.id, "verplaatst", "eis verplaatst", 0)])

    def standaard_hernoemen(self) -> None:
        st = self.kies(self.standaarden())
        woorden = st.titel.split(" ")
        j = self.rng.randrange(len(woorden))
        nieuw = self.rng.choice([w for w in _WOORDEN if w not in woorden])
        woorden[j] = nieuw.capitalize() if j == 0 else nieuw
        st.titel = " ".join(woorden)
        self.noteer("standaard hernoemd", [Verwacht(st.id, "gewijzigd", "standaard hernoemd", 2)])

    def paragraaf_hernummeren(self) -> None:
        par = self.kies(self.alle("paragraaf"))
        hoofd, _, _ = par.attr["nr"].partition(".")
        gebruikt = {p.attr["nr"] for p in self.alle("paragraaf")}
        n = 11
        while f"{hoofd}.{n}" in gebruikt:
            n += 1
        par.attr["nr"] = f"{hoofd}.{n}"
        self.noteer("paragraaf hernummerd", [Verwacht(par.id, "hernummerd", "paragraaf hernummerd", 2)], "technisch")

    def grondslag_wijzigen(self) -> None:
        e = self.kies([e for e in self.alle("eis") if e.grondslagen])
        g = dict(e.grondslagen[0])
        g["lid"] = str(int(g.get("lid", "0")) % 6 + 1)
        e.grondslagen[0] = g
        self.noteer("grondslag", [Verwacht(e.id, "grondslag", "alleen grondslag", 0)])

    def _nieuwe_teksten(self, st: Knoop) -> list[Verwacht]:
        om = tekstknoop("alinea", self.staat.nieuw_id(f"{st.id}-om"), self.rng, 2)
        ea = tekstknoop("alinea", self.staat.nieuw_id(f"{st.id}-ea"), self.rng, 2)
        st.kinderen = [Knoop("omschrijving", kinderen=[om]), Knoop("basiskwaliteit"),
                       Knoop("eigenAspiraties", kinderen=[ea])]
        return [Verwacht(a.id, "toegevoegd", "nieuwe tekst bij samenvoegen/splitsen", 1, True) for a in (om, ea)]

    def _oude_teksten(self, st: Knoop) -> list[Verwacht]:
        return [Verwacht(k.id, "vervallen", "tekst vervalt bij samenvoegen/splitsen", 1, True)
                for c in st.kinderen if c.tag != "basiskwaliteit" for k in c.kinderen]

    def samenvoegen(self) -> None:
        gebieden = [kg for kg in self.alle("kwaliteitsgebied") if len(self.vrij(kg.kinderen)) >= 4]
        kg = self.rng.choice(gebieden)
        standaarden = [k for k in kg.kinderen if k.tag == "standaard"]
        paren = [(a, b) for a, b in itertools.pairwise(standaarden)
                 if id(a) not in self.bezet and id(b) not in self.bezet]
        a, b = self.rng.choice(paren)
        kg_code = kg.attr["code"]
        m = Knoop("standaard", self.staat.nieuw_id(f"st-{kg_code.lower()}"), {"code": a.attr["code"]},
                  titel=titel(self.rng))
        rijen = [Verwacht(m.id, "samengevoegd", "standaarden samengevoegd")]
        rijen += self._oude_teksten(a) + self._oude_teksten(b)
        rijen += self._nieuwe_teksten(m)
        eisen = self.eisen_van(a) + self.eisen_van(b)
        bk = m.kind("basiskwaliteit")
        assert bk is not None
        bk.kinderen = eisen
        rijen += [Verwacht(e.id, "verplaatst", "eis naar samengevoegde standaard", 0, True) for e in eisen]
        # the two standaarden themselves go up in the merged one (a document shows their headings struck)
        rijen += [Verwacht(x.id, "vervallen", "standaard opgegaan in samenvoeging", None, True) for x in (a, b)]
        kg.kinderen[kg.kinderen.index(a)] = m
        kg.kinderen.remove(b)
        self.bezet_boom(m)
        self.noteer("samengevoegd", rijen, "beleid")

    def splitsen(self) -> None:
        st = self.rng.choice([s for s in self.vrij(self.standaarden(4))])
        kg = self.ouder_van(st)
        kg_code = kg.attr["code"]
        volgende = int(kg.attr["volgende"])
        kg.attr["volgende"] = str(volgende + 1)
        delen = [Knoop("standaard", self.staat.nieuw_id(f"st-{kg_code.lower()}"), {"code": code}, titel=titel(self.rng))
                 for code in (st.attr["code"], f"{kg_code}{volgende}")]
        eisen = self.eisen_van(st)
        helft = len(eisen) // 2
        rijen = [Verwacht(st.id, "gesplitst", "standaard gesplitst"), *self._oude_teksten(st)]
        for deel, stuk in zip(delen, (eisen[:helft], eisen[helft:]), strict=True):
            rijen += self._nieuwe_teksten(deel)
            bk = deel.kind("basiskwaliteit")
            assert bk is not None
            bk.kinderen = list(stuk)
            rijen += [Verwacht(e.id, "verplaatst", "eis naar deel van gesplitste standaard", 0, True) for e in stuk]
            self.bezet_boom(deel)
        rijen += [Verwacht(d.id, "toegevoegd", "deel van gesplitste standaard", None, True) for d in delen]
        plek = kg.kinderen.index(st)
        kg.kinderen[plek:plek + 1] = delen
        self.noteer("gesplitst", rijen, "beleid")


#: Edits per year and how often (every kind at least once).
JAARPLAN: tuple[tuple[str, int], ...] = (
    ("samenvoegen", 1), ("splitsen", 1), ("woord_vervangen", 6), ("zin_invoegen", 3), ("zin_schrappen", 3),
    ("eis_toevoegen", 3), ("eis_schrappen", 3), ("eis_verplaatsen", 2), ("standaard_hernoemen", 1),
    ("paragraaf_hernummeren", 2), ("grondslag_wijzigen", 2), ("leesteken", 2),
)


def bewerk_jaar(staat: Staat, rng: random.Random) -> Bewerker:
    b = Bewerker(staat, rng)
    for naam, aantal in JAARPLAN:
        for _ in range(aantal):
            getattr(b, naam)()
    return b


# ---------------------------------------------------------------- XML
def _tekst(k: Knoop) -> str:
    return escape(" ".join(k.zinnen))


def schrijf_knoop(k: Knoop, uit: list[str], inspring: int) -> None:
    pre = "  " * inspring
    attrs = "".join(f" {n}={quoteattr(v)}" for n, v in k.attr.items() if n not in ("volgende", "sector"))
    id_attr = f" id={quoteattr(k.id)}" if k.id else ""
    if k.tag in ("alinea", "item", "beslisregel"):
        uit.append(f"{pre}<{k.tag}{id_attr}{attrs}>{_tekst(k)}</{k.tag}>")
        return
    if k.tag == "eis":
        uit.append(f"{pre}<eis{id_attr}>")
        uit.append(f"{pre}  <tekst>{_tekst(k)}</tekst>")
        for g in k.grondslagen:
            uit.append(f"{pre}  <grondslag" + "".join(f" {n}={quoteattr(v)}" for n, v in g.items()) + "/>")
        if k.geen_bron:
            uit.append(f"{pre}  <geenGrondslag bron={quoteattr(k.geen_bron)}>Formulering uit de handreiking."
                       "</geenGrondslag>")
        uit.append(f"{pre}</eis>")
        return
    uit.append(f"{pre}<{k.tag}{id_attr}{attrs}>")
    if k.titel:
        uit.append(f"{pre}  <titel>{escape(k.titel)}</titel>")
    for c in k.kinderen:
        schrijf_knoop(c, uit, inspring + 1)
    uit.append(f"{pre}</{k.tag}>")


def kader_xml(staat: Staat, jaar: int, toelichtingen: list[tuple[str, list[str]]]) -> bytes:
    namen = {"PO": "primair onderwijs", "VO": "voortgezet onderwijs", "VSO": "voortgezet speciaal onderwijs",
             "MBO": "middelbaar beroepsonderwijs", "HO": "hoger onderwijs"}
    uit = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<kader sector="{staat.sector}" jaar="{jaar}" status="vastgesteld" peildatum="{jaar}-08-01">',
           f"  <titel>Onderzoekskader {jaar} {namen[staat.sector]} ({staat.slot})</titel>"]
    for k in staat.wortel.kinderen:
        schrijf_knoop(k, uit, 1)
    if toelichtingen:
        uit.append("  <toelichtingen>")
        for i, (categorie, refs) in enumerate(toelichtingen, start=1):
            uit.append(f'    <toelichting id="t-{jaar}-{i}" categorie="{categorie}">')
            uit.extend(f'      <betreft ref="{r}"/>' for r in refs)
            uit.append(f"      <tekst>Wijziging {i} van {jaar}.</tekst>")
            uit.append("    </toelichting>")
        uit.append("  </toelichtingen>")
    uit.append("</kader>")
    return ("\n".join(uit) + "\n").encode()


# ---------------------------------------------------------------- corpus
def woorden_in(staat: Staat) -> int:
    return sum(len(" ".join(k.zinnen).split()) + len(k.titel.split()) for k in staat.wortel.doorloop())


def woorden_in_xml(data: bytes) -> int:
    """The words of a written kader file: all its text, toelichtingen included (what a size is labelled by)."""
    from lxml import etree

    return len(" ".join(etree.fromstring(data).itertext()).split())


def maak_corpus(doel: Path, sectoren: int = 8, jaren: int = 10, omvang: Omvang | None = None, seed: int = 2025,
                git: bool = True) -> dict[str, object]:
    """Write `doel/kaders/JAAR/SLOT.xml` and `doel/waarheid/SLOT-JAAR.json` (changes from JAAR-1 to JAAR)."""
    omvang = omvang or Omvang()
    if doel.exists():
        shutil.rmtree(doel)
    (doel / "waarheid").mkdir(parents=True)
    samenvatting: dict[str, object] = {"seed": seed, "sectoren": [], "jaren": [EERSTE_JAAR + j for j in range(jaren)],
                                       "omvang": omvang.__dict__}
    woorden: list[int] = []
    for s, (slot, sector) in enumerate(list(SECTOREN.items())[:sectoren]):
        rng = random.Random(f"{seed}-{slot}-{s}")
        staat = maak_kader(slot, sector, rng, omvang)
        toelichtingen: list[tuple[str, list[str]]] = []
        for j in range(jaren):
            jaar = EERSTE_JAAR + j
            if j:
                bewerker = bewerk_jaar(staat, rng)
                toelichtingen = bewerker.toelichtingen
                (doel / "waarheid" / f"{slot}-{jaar}.json").write_text(
                    json.dumps([r.__dict__ for r in bewerker.verwacht], indent=1, ensure_ascii=False))
            pad = doel / "kaders" / str(jaar) / f"{slot}.xml"
            pad.parent.mkdir(parents=True, exist_ok=True)
            data = kader_xml(staat, jaar, toelichtingen)
            pad.write_bytes(data)
            woorden.append(woorden_in_xml(data))
        assert isinstance(samenvatting["sectoren"], list)
        samenvatting["sectoren"].append({"slot": slot, "sector": sector})
    samenvatting["woorden_per_kader"] = {"min": min(woorden), "max": max(woorden),
                                         "gemiddeld": sum(woorden) // len(woorden)}
    # the renumbered variant (issue 14): the same pairs with new ids in the newer kader, same ground truth
    samenvatting["hernummerde_paren"] = maak_variant(doel)
    (doel / "corpus.json").write_text(json.dumps(samenvatting, indent=1))
    if git:
        maak_git(doel)
    return samenvatting


def maak_git(doel: Path) -> None:
    """Make the corpus its own git repository (fixed identity and date), so KaderMap finds no other repo."""
    omgeving = {**os.environ, "GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.nl",
                "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@example.nl",
                "GIT_AUTHOR_DATE": "2026-05-20T10:00:00+02:00", "GIT_COMMITTER_DATE": "2026-05-20T10:00:00+02:00"}
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "Benchmarkcorpus"]):
        subprocess.run(["git", *args], cwd=doel, env=omgeving, check=True, capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description="Genereer het benchmarkcorpus.")
    parser.add_argument("doel", nargs="?", type=Path, default=STANDAARD_DOEL)
    parser.add_argument("--snel", action="store_true", help="klein corpus (2 sectoren x 3 jaren)")
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args()
    info = (maak_corpus(args.doel, 2, 3, SNEL, args.seed) if args.snel
            else maak_corpus(args.doel, seed=args.seed))
    print(json.dumps(info["woorden_per_kader"]), "->", args.doel)


if __name__ == "__main__":
    main()
