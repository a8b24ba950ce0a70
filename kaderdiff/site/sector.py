"""All pages of one sector: its kaders, its Staten van wijzigingen and the history of each standaard; plus what the
pages across sectors need (eisen for the law pages, search entries, the compare data), kept small because it
travels back from a worker process."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import pairwise
from pathlib import Path
from typing import Any

from markupsafe import Markup

from kaderdiff.bron.versies import KaderMap
from kaderdiff.bron.wetregister import register_voor
from kaderdiff.diff.staatbouw import maak_staat
from kaderdiff.model.kader import BLAD_SOORTEN, Kader, Soort
from kaderdiff.model.plaats import eigen_tekst
from kaderdiff.model.versie import Herkomst, Versie
from kaderdiff.model.wijziging import GELIJK, DiffDeel, Staat
from kaderdiff.recht.grondslagindex import IndexKader, index_van_kader
from kaderdiff.render.html_uit import omgeving
from kaderdiff.render.teksten import referentie
from kaderdiff.site import paden
from kaderdiff.site.geschiedenis import (
    Schakel,
    ketens,
    nummers_per_element,
    nummers_per_standaard,
    regeldiff,
    regels_html,
    regels_met_soort,
    vindplaatsen,
)
from kaderdiff.site.kaderhtml import KaderHtml, citaat, inhoudsopgave
from kaderdiff.site.staatbestanden import Pakketstaat, pdfpaginas, schrijf_downloads, zoekrijen
from kaderdiff.site.wetpaginas import Eiswijziging, eiswijzigingen
from kaderdiff.uitvoer.atomair import schrijf
from kaderdiff.verwijzing.wetwoorden import Wetwoorden


@dataclass(frozen=True)
class Sectoropdracht:
    """Everything one worker needs to build one sector's pages into `doel`."""

    kaders: Path
    sleutel: str  # the kader file name without '.xml' ('mbo'): two kaders with one sector code stay apart
    jaren: tuple[int, ...]
    doel: Path
    herkomst: dict[int, Herkomst]
    moment: datetime
    pakket: dict[tuple[int, int], Pakketstaat] = field(default_factory=dict)  # the PDF pages of a pack's Staten


@dataclass(frozen=True)
class Kaderregel:
    jaar: int
    status: str
    titel: str
    url: str
    peildatum: date


@dataclass(frozen=True)
class Staatregel:
    van: int
    naar: int
    aantal: int
    url: str


@dataclass(frozen=True)
class Standaardregel:
    url: str
    kop: str
    jaren: tuple[int, ...]


@dataclass(frozen=True)
class Wetswijzigingregel:
    """One change tied to a wetswijziging, or (nummer '') a kader that declares it."""

    code: str
    naam: str
    status: str
    inwerkingtreding: date | None
    omschrijving: str
    jaar: int
    van: int
    nummer: str
    soort: str
    vindplaats: str
    url: str


@dataclass(frozen=True)
class Sectoruitkomst:
    sleutel: str
    sector: str
    kaders: tuple[Kaderregel, ...]
    staten: tuple[Staatregel, ...]
    standaarden: tuple[Standaardregel, ...]
    eisen: tuple[IndexKader, ...]
    wetswijzigingen: tuple[Wetswijzigingregel, ...]
    zoekitems: tuple[tuple[str, str, str, tuple[int, ...]], ...]  # id, vindplaats, text, years
    paginas: int
    eiswijzigingen: dict[int, dict[str, Eiswijziging]]  # per year the rows of eisen in that year's Staat
    zoekrijen: dict[str, tuple[tuple[str, str, str], ...]]  # per Staat page its rows for search


def context(opdracht: Sectoropdracht, basis: str) -> dict[str, Any]:
    laatste = opdracht.herkomst[max(opdracht.herkomst)] if opdracht.herkomst else None
    return {"basis": basis, "datum": opdracht.moment.date(), "commit": laatste.commit[:7] if laatste else "",
            "paden": paden}


def bouw_sector(opdracht: Sectoropdracht) -> Sectoruitkomst:
    """Write every page of one sector into `opdracht.doel`; return what the shared pages need."""
    kadermap = KaderMap(opdracht.kaders)
    sleutel, jaren = opdracht.sleutel, opdracht.jaren
    kaders = {j: kadermap.laad(Versie(j), sleutel) for j in jaren}
    register = register_voor(kadermap.pad)  # a law of the kadermap's own gets its link too
    woorden = Wetwoorden(kadermap.pad, register)  # each law version read once for all kader pages
    staten: dict[tuple[int, int], Staat] = {
        (a, b): maak_staat(kadermap, Versie(a), Versie(b), sleutel,
                           herkomst=(opdracht.herkomst[a], opdracht.herkomst[b]))
        for a, b in pairwise(jaren)}
    env = omgeving()
    ctx = context(opdracht, "../")
    paginas = 0

    def pagina(pad: str, sjabloon: str, **waarden: Any) -> None:
        nonlocal paginas
        html = env.get_template(sjabloon).render(**ctx, **waarden)
        schrijf(opdracht.doel, pad, html.encode("utf-8"))
        paginas += 1

    alle_ketens = ketens(kaders, staten)
    standaardketens = [k for k in alle_ketens if kaders[k[0].jaar].element(k[0].id).soort is Soort.STANDAARD]
    geschiedenis = _geschiedenispaden(sleutel, standaardketens)
    vorig_jaar = {b: a for a, b in staten}
    for jaar, kader in kaders.items():
        staat = staten.get((vorig_jaar[jaar], jaar)) if jaar in vorig_jaar else None
        schrijver = KaderHtml(kader, "../", 2, nummers_per_element(staat) if staat else {},
                              paden.staat(sleutel, staat.oud.jaar, jaar) if staat else "",
                              {st_id: url for (j, st_id), url in geschiedenis.items() if j == jaar},
                              wetten=register, woorden=woorden)
        pagina(paden.kader(sleutel, jaar), "site/kader.html.j2", kader=kader, sleutel=sleutel, jaren=jaren,
               staat=staat, inhoud=Markup(schrijver.html(kader.onderdelen)),
               inhoudsopgave=Markup(inhoudsopgave(kader)))
    for (a, b), staat in staten.items():
        commit = staat.herkomst[-1].commit if staat.herkomst else ""
        pagina(paden.staat(sleutel, a, b), "site/staat.html.j2", staat=staat, sleutel=sleutel,
               referentie=referentie(staat.sector, staat.nieuw.jaar, commit),
               plekken=_plekken(sleutel, staat, geschiedenis), blz=pdfpaginas(opdracht.pakket.get((a, b)), staat),
               downloads=(bestanden := schrijf_downloads(opdracht.doel, sleutel, staat, opdracht.moment,
                                                         opdracht.pakket.get((a, b)))),
               blz_pdf=bestanden[0].naam if bestanden[0].naam.endswith(".pdf") else "")
    standaarden = []
    per_staat = {paar: nummers_per_standaard(staat) for paar, staat in staten.items()}
    for keten in standaardketens:
        url = geschiedenis[(keten[-1].jaar, keten[-1].id)]
        jaargangen = _jaargangen(sleutel, keten, kaders, staten, per_staat, vorig_jaar)
        laatste = kaders[keten[-1].jaar].element(keten[-1].id)
        pagina(url, "site/standaard.html.j2", sleutel=sleutel, sector=kaders[keten[-1].jaar].sector,
               kop=laatste.kop, jaargangen=jaargangen)
        standaarden.append(Standaardregel(url, laatste.kop, tuple(s.jaar for s in keten)))
    teksten = {j: zoekteksten(k) for j, k in kaders.items()}
    plaatsen = {j: vindplaatsen(k) for j, k in kaders.items()}
    schrijf(opdracht.doel, paden.vergelijkdata(sleutel), vergelijkdata(sleutel, kaders, staten, alle_ketens,
                                                                       teksten, plaatsen))
    laatste_kader = kaders[jaren[-1]]
    return Sectoruitkomst(
        sleutel, laatste_kader.sector,
        tuple(Kaderregel(j, k.status, k.titel, paden.kader(sleutel, j), k.peildatum) for j, k in kaders.items()),
        tuple(Staatregel(a, b, len(s.wijzigingen), paden.staat(sleutel, a, b)) for (a, b), s in staten.items()),
        tuple(sorted(standaarden, key=lambda s: s.kop)),
        tuple(index_van_kader(k) for k in kaders.values()),
        _wetswijzigingen(sleutel, kaders, staten), zoekitems(teksten, plaatsen), paginas,
        eiswijzigingen(sleutel, staten), {paden.staat(sleutel, a, b): zoekrijen(s) for (a, b), s in staten.items()})


@dataclass(frozen=True)
class Plek:
    """Where a change of a Staat page stands: the element in the kader, the history of its standaard."""

    nummer: str
    id: str
    vindplaats: str
    kader_url: str
    standaard: str
    geschiedenis: str


def _plekken(sleutel: str, staat: Staat, geschiedenis: dict[tuple[int, str], str]) -> list[Plek]:
    uit = []
    for w in staat.wijzigingen:
        kader = staat.nieuw if w.nieuw is not None else staat.oud
        st = kader.standaard_van(w.element_id)
        uit.append(Plek(w.nummer, w.element_id, w.vindplaats, f"{paden.kader(sleutel, kader.jaar)}#{w.element_id}",
                        st.kop if st else "", geschiedenis.get((kader.jaar, st.id), "") if st else ""))
    return uit


def _geschiedenispaden(sleutel: str, standaardketens: list[list[Schakel]]) -> dict[tuple[int, str], str]:
    """(year, standaard id) -> its history page, named after the id in the newest year (unique per sector)."""
    uit: dict[tuple[int, str], str] = {}
    gebruikt: set[str] = set()
    for keten in standaardketens:
        url = paden.standaard(sleutel, keten[-1].id)
        if url in gebruikt:
            url = paden.standaard(sleutel, f"{keten[-1].id}-{keten[0].jaar}")
        gebruikt.add(url)
        for schakel in keten:
            uit[(schakel.jaar, schakel.id)] = url
    return uit


def _jaargangen(sleutel: str, keten: list[Schakel], kaders: dict[int, Kader], staten: dict[tuple[int, int], Staat],
                per_staat: dict[tuple[int, int], dict[str, list[str]]],
                vorig_jaar: dict[int, int]) -> list[dict[str, Any]]:
    """Per year of a standaard: heading, status, link into the kader, its change numbers and the diff."""
    uit: list[dict[str, Any]] = []
    vorige: str | None = None
    vorige_soorten: list[str] = []
    for schakel in keten:
        kader = kaders[schakel.jaar]
        st = kader.element(schakel.id)
        regels = regels_met_soort(st)
        tekst, soorten = "\n".join(t for _, t in regels), [s for s, _ in regels]
        paar = (vorig_jaar[schakel.jaar], schakel.jaar) if schakel.jaar in vorig_jaar else None
        nummers: list[str] = []
        if paar is not None:
            tabel = per_staat[paar]
            oud_id = staten[paar].uitlijning.nieuw_naar_oud.get(st.id, "")
            nummers = list(dict.fromkeys([*tabel.get(st.id, []), *tabel.get(f"oud:{oud_id}", [])]))
        # a chain only links consecutive years, so a previous link is always last year's standaard
        gewijzigd = vorige is not None and vorige != tekst
        delen = regeldiff(vorige, tekst) if vorige is not None and gewijzigd else (DiffDeel(GELIJK, tekst),)
        html = regels_html(delen, vorige_soorten, soorten)
        uit.append({"jaar": schakel.jaar, "kop": st.kop, "status": kader.status,
                    "kader_url": f"{paden.kader(sleutel, schakel.jaar)}#{st.id}",
                    "vorig": paar[0] if paar and vorige is not None else None,
                    "nummers": nummers, "staat_url": paden.staat(sleutel, *paar) if paar else "",
                    "tekst": Markup(html), "gewijzigd": gewijzigd})
        vorige, vorige_soorten = tekst, soorten
    return uit


def _wetswijzigingen(sleutel: str, kaders: dict[int, Kader],
                     staten: dict[tuple[int, int], Staat]) -> tuple[Wetswijzigingregel, ...]:
    uit: list[Wetswijzigingregel] = []
    for jaar, kader in kaders.items():
        for ww in kader.wetswijzigingen:
            datum = ww.inwerkingtreding
            basis = (ww.code, ww.naam_met_code, ww.status, datum, ww.omschrijving, jaar)
            uit.append(Wetswijzigingregel(*basis, 0, "", "", sleutel.upper(), paden.kader(sleutel, jaar)))
    for (a, b), staat in staten.items():
        rijen = {w.nummer: w for w in staat.wijzigingen}
        for code, nummers in staat.per_wetswijziging().items():
            gevonden = staat.nieuw.wetswijziging(code) if code else None
            if gevonden is None:
                continue
            ww = gevonden
            datum = ww.inwerkingtreding
            for nummer in nummers:
                w = rijen[nummer]
                uit.append(Wetswijzigingregel(code, ww.naam_met_code, ww.status, datum, ww.omschrijving, b, a,
                                              nummer, w.soort.label, w.vindplaats,
                                              f"{paden.staat(sleutel, a, b)}#{nummer}"))
    return tuple(uit)


def zoekteksten(kader: Kader) -> dict[str, str]:
    """Element id -> the text search and compare show: a leaf's text (an eis with its grondslagen), a heading."""
    uit: dict[str, str] = {}
    for el, _ in kader.index.values():
        if el.soort in (Soort.OMSCHRIJVING, Soort.LIJST):
            continue
        if el.soort in BLAD_SOORTEN:
            tekst = eigen_tekst(el)
            if el.soort is Soort.EIS and el.grondslagen:
                tekst += " (" + "; ".join(citaat(g) for g in el.grondslagen) + ")"
        else:
            tekst = el.kop
        if tekst:
            uit[el.id] = tekst
    return uit


def zoekitems(teksten: dict[int, dict[str, str]],
              plaatsen: dict[int, dict[str, str]]) -> tuple[tuple[str, str, str, tuple[int, ...]], ...]:
    """Every piece of kader text once per element and wording, with the years it reads so."""
    jaren: dict[tuple[str, str], list[int]] = {}
    for jaar, per_id in teksten.items():
        for eid, tekst in per_id.items():
            jaren.setdefault((eid, tekst), []).append(jaar)
    return tuple((eid, plaatsen[js[-1]].get(eid, ""), tekst, tuple(js)) for (eid, tekst), js in jaren.items())


def vergelijkdata(sleutel: str, kaders: dict[int, Kader], staten: dict[tuple[int, int], Staat],
                  alle_ketens: list[list[Schakel]], teksten: dict[int, dict[str, str]],
                  plaatsen: dict[int, dict[str, str]]) -> bytes:
    """The compare page's data for one sector: every element's text per year, along the alignment chains.

    Texts and vindplaatsen are stored once in tables; a chain is per year [text, vindplaats, id, change
    number] or 0 where the element does not exist. Loaded as a script, because browsers refuse to read JSON
    files from `file://`.
    """
    jaren = sorted(kaders)
    kolom = {j: i for i, j in enumerate(jaren)}
    tekstnummers: dict[str, int] = {}
    plaatsnummers: dict[str, int] = {}
    nummers = {b: nummers_per_element(s) for (_, b), s in staten.items()}
    rijen = []
    for keten in alle_ketens:
        if keten[0].id not in teksten[keten[0].jaar]:
            continue  # lists and omschrijvingen: their parts are compared
        rij: list[Any] = [0] * len(jaren)
        for schakel in keten:
            tekst = teksten[schakel.jaar].get(schakel.id, "")
            rij[kolom[schakel.jaar]] = [
                tekstnummers.setdefault(tekst, len(tekstnummers)),
                plaatsnummers.setdefault(plaatsen[schakel.jaar].get(schakel.id, ""), len(plaatsnummers)),
                schakel.id, nummers.get(schakel.jaar, {}).get(schakel.id, "")]
        rijen.append(rij)
    data = {"sleutel": sleutel, "sector": kaders[jaren[-1]].sector, "jaren": jaren,
            "staten": {str(b): paden.staat(sleutel, a, b) for a, b in staten},
            "kaders": {str(j): paden.kader(sleutel, j) for j in jaren},
            "teksten": list(tekstnummers), "plaatsen": list(plaatsnummers), "elementen": rijen}
    tekst = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    voor = f"window.KD_VERGELIJK=window.KD_VERGELIJK||{{}};window.KD_VERGELIJK[{json.dumps(sleutel)}]="
    return f"{voor}{tekst};\n".encode()
