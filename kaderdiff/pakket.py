"""The consultation pack for the Ringen: per sector the Staat van wijzigingen, the concept kader with
tracked changes, the clean kader and a reactieformulier; plus index.html, manifest.json and one zip."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from . import __version__
from .fouten import KaderdiffFout
from .libreoffice import converteer
from .render.docx_kader import render_concept_docx, render_kader_docx
from .render.docx_reactie import render_reactieformulier
from .render.gemeen import datum_van_tijdstip
from .render.html_uit import omgeving
from .render.staat_uit import staat_basisnaam, staat_bestanden
from .render.zipvast import schrijf_zip
from .staat import maak_staat, sectoren_voor
from .uitvoer import atomaire_map, schrijf
from .versies import Herkomst, KaderMap, Versie
from .wijziging import Staat

FORMATEN = ("docx", "odt", "pdf", "html")
MANIFEST = "manifest.json"


def lees_pakketformaten(tekst: str) -> tuple[str, ...]:
    gevraagd = tuple(dict.fromkeys(f.strip().lower() for f in tekst.split(",") if f.strip()))
    onbekend = [f for f in gevraagd if f not in FORMATEN]
    if onbekend or not gevraagd:
        raise KaderdiffFout(f"Onbekend formaat '{', '.join(onbekend) or tekst}': kies uit {', '.join(FORMATEN)}")
    return gevraagd


@dataclass(frozen=True)
class Document:
    """One file of the pack, for index.html."""

    naam: str
    omschrijving: str


@dataclass(frozen=True)
class Sectordeel:
    sector: str
    staat: Staat
    documenten: tuple[Document, ...]
    staat_html: str  # '' when html was not asked for


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
FORMAATNAAM = {"docx": "Word", "odt": "ODF (odt)", "pdf": "PDF", "html": "webpagina", "json": "JSON"}


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def bouw_pakket(kadermap: KaderMap, van: Versie, naar: Versie, doel: Path, formaten: tuple[str, ...],
                sector: str | None = None, stap: Callable[[str], None] = lambda _: None) -> dict[str, object]:
    """Build the whole pack into `doel` (atomically) and return its manifest."""
    sectoren = sectoren_voor(kadermap, van, naar, sector)
    moment = datum_van_tijdstip(kadermap.commitdatum(naar))
    herkomst = (kadermap.herkomst(van), kadermap.herkomst(naar))
    with atomaire_map(doel) as map_:
        delen = [_bouw_sector(kadermap, van, naar, s, map_, formaten, moment, stap) for s in sectoren]
        conversies = [f for f in ("odt", "pdf") if f in formaten]
        if conversies:
            docx = sorted(map_.glob("*.docx"))
            for formaat in conversies:
                stap(f"LibreOffice: {formaat}")
                converteer(docx, formaat, map_, moment)
        stap("index.html en manifest")
        index = omgeving().get_template("index.html.j2").render(
            delen=delen, van=str(van), naar=str(naar), jaar=naar.jaar, herkomst=herkomst, moment=moment,
            formaten=[f for f in FORMATEN if f in formaten or f == "docx"], formaatnaam=FORMAATNAAM,
            zipnaam=zipnaam(naar), bestaat=lambda naam: (map_ / naam).is_file())
        schrijf(map_, "index.html", index.encode("utf-8"))
        bestanden = {p.name: p.read_bytes() for p in sorted(map_.iterdir()) if p.is_file()}  # read once
        manifest = maak_manifest(bestanden, herkomst, van, naar, moment)
        bestanden[MANIFEST] = (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        schrijf(map_, MANIFEST, bestanden[MANIFEST])
        stap("zip")
        schrijf(map_, zipnaam(naar), schrijf_zip(sorted(bestanden.items()), moment))
    return manifest


def zipnaam(naar: Versie) -> str:
    return f"consultatiepakket-{naar.jaar}.zip"


def _bouw_sector(kadermap: KaderMap, van: Versie, naar: Versie, sector: str, map_: Path,
                 formaten: tuple[str, ...], moment: datetime, stap: Callable[[str], None]) -> Sectordeel:
    stap(f"{sector}: vergelijken")
    staat = maak_staat(kadermap, van, naar, sector)
    n = namen(sector, staat.nieuw.jaar)
    stap(f"{sector}: Staat van wijzigingen")
    staatformaten = ("docx", "json", *(("html",) if "html" in formaten else ()))
    for naam, inhoud in staat_bestanden(staat, staatformaten, moment, sector).items():
        schrijf(map_, naam, inhoud)
    stap(f"{sector}: concept met revisies")
    schrijf(map_, f"{n['concept']}.docx", render_concept_docx(staat, moment))
    stap(f"{sector}: concept zonder markeringen")
    commit = staat.herkomst[-1].commit if staat.herkomst else ""
    schrijf(map_, f"{n['schoon']}.docx", render_kader_docx(staat.nieuw, moment, commit))
    stap(f"{sector}: reactieformulier")
    schrijf(map_, f"{n['reactie']}.docx", render_reactieformulier(staat, moment))
    documenten = tuple(Document(n[sleutel], OMSCHRIJVING[sleutel]) for sleutel in ("staat", "concept", "schoon",
                                                                                     "reactie"))
    return Sectordeel(sector, staat, documenten, f"{n['staat']}.html" if "html" in formaten else "")


def maak_manifest(bestanden: dict[str, bytes], herkomst: tuple[Herkomst, Herkomst], van: Versie, naar: Versie,
                  moment: datetime) -> dict[str, object]:
    """Sources (commit, dirty working tree), tool version and the sha256 of every file."""
    return {
        "formaat": "kaderdiff-pakket/1",
        "gereedschap": {"naam": "kaderdiff", "versie": __version__},
        "van": {"versie": str(van), "commit": herkomst[0].commit, "werkmap_gewijzigd": herkomst[0].vuil},
        "naar": {"versie": str(naar), "commit": herkomst[1].commit, "werkmap_gewijzigd": herkomst[1].vuil},
        "datum": moment.isoformat(),
        "bestanden": [{"naam": naam, "bytes": len(data), "sha256": sha256(data)}
                      for naam, data in sorted(bestanden.items())],
    }
