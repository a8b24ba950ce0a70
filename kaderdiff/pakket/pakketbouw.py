"""The consultation pack for the Ringen: per sector the Staat van wijzigingen, the concept kader with
tracked changes, the clean kader and a reactieformulier; plus index.html, manifest.json and one zip."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from kaderdiff import __version__
from kaderdiff.bron.consultatiebestand import consultatie_voor
from kaderdiff.bron.versies import KaderMap
from kaderdiff.diff.staatbouw import maak_staat, sectoren_voor
from kaderdiff.fouten import KaderdiffFout
from kaderdiff.model.consultatie import Consultatie
from kaderdiff.model.kader import Fragment
from kaderdiff.model.versie import Herkomst, Versie
from kaderdiff.pakket.formaten import FORMATEN, OMZETFORMATEN
from kaderdiff.render.docx_kader import render_concept_docx, render_kader_docx
from kaderdiff.render.docx_reactie import Formulier, render_reactieformulier
from kaderdiff.render.html_uit import omgeving
from kaderdiff.render.json_uit import met_pdfpaginas
from kaderdiff.render.staat_uit import staat_basisnaam, staat_bestanden
from kaderdiff.uitvoer.atomair import atomaire_map, schrijf
from kaderdiff.uitvoer.parallel import bruikbare_processors, voer_uit
from kaderdiff.uitvoer.tijd import datum_van_tijdstip, moment_van_datum
from kaderdiff.uitvoer.zipvast import schrijf_zip
from kaderdiff.word.blokken import blokken

if TYPE_CHECKING:
    from kaderdiff.bron.vooruitladen import Voorgeladen
    from kaderdiff.pakket.omzetcache import GecachteOmzetter

MANIFEST = "manifest.json"


@dataclass(frozen=True)
class Document:
    """One file of the pack, for index.html."""

    naam: str
    omschrijving: str


@dataclass(frozen=True)
class Indexregel:
    """One change as index.html lists it."""

    nummer: str
    soort: str
    vindplaats: str


@dataclass(frozen=True)
class Sectordeel:
    """What index.html needs of one sector (small: it travels back from a worker process)."""

    sector: str
    titel: str
    wijzigingen: tuple[Indexregel, ...]
    documenten: tuple[Document, ...]
    staat_html: str  # '' when html was not asked for
    samenvatting: tuple[tuple[Fragment, ...], ...]  # the team's summary of the sector's changes
    formulier: Formulier  # to write the reactieformulier again with the pages of the PDF Staat


@dataclass(frozen=True)
class Sectoropdracht:
    """Everything needed to build one sector's documents, in this process or another."""

    kaders: Path
    van: Versie
    naar: Versie
    sector: str
    formaten: tuple[str, ...]
    moment: datetime
    herkomst: tuple[Herkomst, Herkomst]
    consultatie: Consultatie | None = None
    voorgeladen: tuple[tuple[tuple[str, str], bytes], ...] = ()  # its kaders loaded ahead, pickled (by key)


def namen(sector: str, jaar: int) -> dict[str, str]:
    basis = f"{sector.lower()}-{jaar}"
    return {
        "staat": staat_basisnaam(sector, jaar),
        "concept": f"{basis}-concept-met-wijzigingen",
        "schoon": f"{basis}-concept-zonder-markeringen",
        "reactie": f"{basis}-reactieformulier",
    }


OMSCHRIJVING = {
    "staat": "Staat van wijzigingen (WAS/WORDT)",
    "concept": "Concept-kader met de wijzigingen zichtbaar verwerkt (revisies)",
    "schoon": "Concept-kader zonder markeringen",
    "reactie": "Reactieformulier",
}
#: The documents of one sector (each converted by LibreOffice when odt or pdf is asked for).
DOCUMENTEN = tuple(OMSCHRIJVING)
FORMAATNAAM = {"docx": "Word", "odt": "ODF (odt)", "pdf": "PDF", "html": "webpagina", "json": "JSON"}


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def consultatie_en_moment(kadermap: KaderMap, naar: Versie, sectoren: list[str],
                          datum: date | None = None) -> tuple[Consultatie | None, datetime]:
    """The consultation the pack shows (the naar year's consultatie.toml, while its kaders are concepts) and the
    moment every document is dated with: `datum` (--datum), else the consultation's document date, else the
    commit's date."""
    consultatie = consultatie_voor(kadermap, naar)
    if consultatie is not None and any(_status(kadermap, naar, s) not in ("concept", "") for s in sectoren):
        consultatie = None  # a kader that is vastgesteld is no longer being consulted on
    documentdatum = datum or (consultatie.datum if consultatie is not None else None)
    if documentdatum is not None:
        return consultatie, moment_van_datum(documentdatum)
    return consultatie, datum_van_tijdstip(kadermap.commitdatum(naar))


def _status(kadermap: KaderMap, naar: Versie, sector: str) -> str:
    """The kader's status; '' when it cannot be loaded: building its sector reports why, with LibreOffice
    already started and stopped again as for any failing sector."""
    try:
        return kadermap.laad(naar, sector).status
    except KaderdiffFout:
        return ""


def bouw_pakket(kadermap: KaderMap, van: Versie, naar: Versie, doel: Path, formaten: tuple[str, ...],
                sector: str | None = None, stap: Callable[[str], None] = lambda _: None,
                processen: int | None = None, datum: date | None = None,
                voorgeladen: Callable[[], Voorgeladen] = dict) -> dict[str, object]:
    """Build the whole pack into `doel` (atomically) and return its manifest.

    Sectors are built in parallel worker processes (`processen`, default: one per usable CPU)
    when that is safe (`mag_forken`); each returns its files as bytes and only this process
    writes, in sector order, so the pack is byte-identical whatever the number of processes.
    With a pdf the reactieformulieren are written again once the pages of the PDF Staten are known (LibreOffice
    converts the Staten first and goes on with the rest meanwhile), and converted last.
    `voorgeladen`: the kaders loaded ahead (`bron/vooruitladen`), asked for when the workers are about to start.
    """
    sectoren = sectoren_voor(kadermap, van, naar, sector)
    if "pdf" in formaten:
        from kaderdiff.pakket.pdfpaginas import pdftotext  # only for a pdf

        pdftotext()  # before LibreOffice runs for minutes: the page register needs it
    herkomst = (kadermap.herkomst(van), kadermap.herkomst(naar))
    conversies = [f for f in OMZETFORMATEN if f in formaten]
    with atomaire_map(doel, kadermap.beschermd(doel)) as map_:
        # in here: a repair of a killed earlier build comes first, whatever is wrong with the kaders
        consultatie, moment = consultatie_en_moment(kadermap, naar, sectoren, datum)
        # each sector's documents name the last commit of its own kader files (the manifest: the tree's commit)
        vooraf = voorgeladen()
        opdrachten = [Sectoropdracht(kadermap.pad, van, naar, s, formaten, moment,
                                     (kadermap.herkomst(van, s), kadermap.herkomst(naar, s)), consultatie,
                                     tuple(vooraf.get(s, {}).items()))
                      for s in sectoren]
        # LibreOffice converts each sector's documents while the next sectors are built, unless they are in the
        # cache (it starts at the first document that is not)
        omzetten = _omzetter(kadermap, formaten, moment) if conversies else None
        with omzetten if omzetten is not None else nullcontext() as omzetter:
            delen = []
            plekken: dict[str, int | None] = {}  # with a pdf: the reactieformulier's place in LibreOffice's turn
            for deel, bestanden in _voer_uit(opdrachten, processen or bruikbare_processors()):
                formulier = f"{deel.documenten[-1].naam}.docx"
                for naam, inhoud in bestanden.items():
                    pad = schrijf(map_, naam, inhoud)
                    if omzetter is not None and naam.endswith(".docx"):
                        if "pdf" in formaten and naam == formulier:
                            plekken[deel.sector] = omzetter.reserveer()  # None: nothing went to LibreOffice yet
                        else:
                            omzetter.voeg_toe(pad)
                delen.append(deel)
                stap(f"{deel.sector}: klaar")
                if omzetter is not None:
                    omzetter.meld_gedaan(stap)  # what LibreOffice finished meanwhile
            paginas: dict[str, dict[str, int]] = {}
            if omzetter is not None:
                if "pdf" in formaten:  # the Staten first: their pages go into the reactieformulieren
                    omzetter.wacht_op([map_ / f"{deel.documenten[0].naam}.docx" for deel in delen])
                    paginas = _pdfpaginas(map_, delen)
                    for deel in delen:
                        omzetter.voeg_toe(schrijf(map_, f"{deel.documenten[-1].naam}.docx", render_reactieformulier(
                            deel.formulier, moment, consultatie, paginas[deel.sector])), plek=plekken[deel.sector])
                omzetter.wacht(stap)  # one step per document: converted, or from the cache
        stap("index.html en manifest")
        index = omgeving().get_template("index.html.j2").render(
            delen=delen, van=str(van), naar=str(naar), jaar=naar.jaar, herkomst=herkomst, moment=moment,
            formaten=[f for f in FORMATEN if f in formaten or f == "docx"], formaatnaam=FORMAATNAAM,
            zipnaam=zipnaam(naar), bestaat=lambda naam: (map_ / naam).is_file(), paginas=paginas,
            consultatie=consultatie)
        schrijf(map_, "index.html", index.encode("utf-8"))
        bestanden = {p.name: p.read_bytes() for p in sorted(map_.iterdir()) if p.is_file()}  # read once
        manifest = maak_manifest(bestanden, herkomst, van, naar, moment)
        bestanden[MANIFEST] = (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        schrijf(map_, MANIFEST, bestanden[MANIFEST])
        stap("zip")
        schrijf(map_, zipnaam(naar), schrijf_zip(sorted(bestanden.items()), moment))
    return manifest


def _omzetter(kadermap: KaderMap, formaten: tuple[str, ...], moment: datetime) -> GecachteOmzetter:
    """LibreOffice with its cache; its modules are imported only by a pack that converts (some 10 ms of the start of
    one that does not)."""
    from kaderdiff.pakket.omzetcache import GecachteOmzetter, Omzetcache

    return GecachteOmzetter(formaten, moment, Omzetcache.voor(kadermap, moment))


def _voer_uit(opdrachten: list[Sectoropdracht],
              processen: int) -> Iterator[tuple[Sectordeel, dict[str, bytes]]]:
    """The sectors' results in the given order: here, or spread over forked worker processes."""
    return voer_uit(bouw_sector, opdrachten, processen)


def _pdfpaginas(map_: Path, delen: list[Sectordeel]) -> dict[str, dict[str, int]]:
    """Per sector the page of each change number in its PDF Staat; also written into the Staat JSON."""
    from kaderdiff.pakket.pdfpaginas import pdfpaginas

    uit: dict[str, dict[str, int]] = {}
    for deel in delen:
        staat = deel.documenten[0].naam  # the Staat comes first
        json_pad, pdf_pad = map_ / f"{staat}.json", map_ / f"{staat}.pdf"
        register, aantal = pdfpaginas(pdf_pad, [w.nummer for w in deel.wijzigingen])
        schrijf(map_, json_pad.name, met_pdfpaginas(json_pad.read_bytes(), pdf_pad.name, register, aantal))
        uit[deel.sector] = register
    return uit


def zipnaam(naar: Versie) -> str:
    return f"consultatiepakket-{naar.jaar}.zip"


def bouw_sector(opdracht: Sectoropdracht) -> tuple[Sectordeel, dict[str, bytes]]:
    """All documents of one sector as file name -> bytes; writes nothing (it may run in a worker)."""
    sector, formaten, moment = opdracht.sector, opdracht.formaten, opdracht.moment
    kadermap = KaderMap(opdracht.kaders)
    kadermap.neem_over(dict(opdracht.voorgeladen))
    staat = maak_staat(kadermap, opdracht.van, opdracht.naar, sector, herkomst=opdracht.herkomst)
    n = namen(sector, staat.nieuw.jaar)
    staatformaten = ("docx", "json", *(("html",) if "html" in formaten else ()))
    bestanden = staat_bestanden(staat, staatformaten, moment, sector, opdracht.consultatie)
    nieuwe_blokken = blokken(staat.nieuw, staat.wetten)  # the concept and the clean kader show the same blocks
    bestanden[f"{n['concept']}.docx"] = render_concept_docx(staat, moment, nieuwe_blokken)
    commit = staat.herkomst[-1].commit if staat.herkomst else ""
    bestanden[f"{n['schoon']}.docx"] = render_kader_docx(staat.nieuw, moment, commit, nieuwe_blokken,
                                                          staat.herkomst)
    formulier = Formulier.van(staat)
    bestanden[f"{n['reactie']}.docx"] = render_reactieformulier(formulier, moment, opdracht.consultatie)
    documenten = tuple(Document(n[sleutel], OMSCHRIJVING[sleutel]) for sleutel in ("staat", "concept", "schoon",
                                                                                     "reactie"))
    wijzigingen = tuple(Indexregel(w.nummer, w.soort.label, w.vindplaats) for w in staat.wijzigingen)
    deel = Sectordeel(sector, staat.nieuw.titel, wijzigingen, documenten,
                      f"{n['staat']}.html" if "html" in formaten else "", staat.nieuw.samenvatting, formulier)
    return deel, bestanden


def maak_manifest(bestanden: dict[str, bytes], herkomst: tuple[Herkomst, Herkomst], van: Versie, naar: Versie,
                  moment: datetime) -> dict[str, object]:
    """Sources (commit, dirty working tree), tool version and the sha256 of every file."""
    return {
        "formaat": "kaderdiff-pakket/1",
        "gereedschap": {"naam": "kaderdiff", "versie": __version__},
        "van": {"versie": str(van), "commit": herkomst[0].commit, "werkmap_gewijzigd": herkomst[0].vuil},
        "naar": {"versie": str(naar), "commit": herkomst[1].commit, "werkmap_gewijzigd": herkomst[1].vuil},
        "datum": moment.strftime("%Y-%m-%dT%H:%M:%SZ"),  # UTC, whatever the builder's time zone
        "bestanden": [{"naam": naam, "bytes": len(data), "sha256": sha256(data)}
                      for naam, data in sorted(bestanden.items())],
    }
