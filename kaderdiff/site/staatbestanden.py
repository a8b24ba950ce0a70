"""What the site makes of a Staat besides its page: the Staat as Word and JSON files to download, its rows for the
search index (number, kind, place and toelichting), and, when the site is given a consultation pack
(`--pakket`), the page in the pack's PDF Staat of every change.

The pages of the PDF come from the pack's Staat JSON, where the pack wrote them after reading its PDF back
(`pdf_pagina` per change); the site itself never runs LibreOffice. A pack built from other kaders could number
its changes otherwise, so its rows must be the site's rows, or the build stops.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from kaderdiff.bron.bestanden import is_gewoon_bestand, lees_bestand
from kaderdiff.fouten import KaderdiffFout
from kaderdiff.model.wijziging import Staat
from kaderdiff.render.staat_uit import staat_basisnaam, staat_bestanden
from kaderdiff.uitvoer.atomair import schrijf

_STAATBESTAND = re.compile(r"(?P<sleutel>.+)-(?P<jaar>\d{4})-staat-van-wijzigingen\.json")
_OMSCHRIJVING = {"pdf": "PDF", "docx": "Word (.docx)", "json": "JSON"}


@dataclass(frozen=True)
class Download:
    naam: str  # beside the Staat page
    omschrijving: str
    grootte: str


@dataclass(frozen=True)
class Pakketstaat:
    """The pages of one Staat of a pack, and what identifies its rows (to check it is the site's Staat)."""

    bestand: str
    blz: dict[str, int]
    rijen: tuple[tuple[str, str, str, str], ...]  # number, kind, old id, new id
    bestanden: tuple[Path, ...]  # its PDF, docx and JSON in the pack: the site offers these very files


def _grootte(n: int) -> str:
    return f"{max(1, round(n / 1024))} kB"


def schrijf_downloads(map_: Path, sleutel: str, staat: Staat, moment: datetime,
                     pakketstaat: Pakketstaat | None = None) -> list[Download]:
    """The Staat as docx and JSON (as the pack names them) beside its page in `staat/`; given a pack, its own
    files of this Staat instead: the PDF first (the page numbers link into it) and the JSON with those pages."""
    bestanden = {b.name: lees_bestand(b) for b in pakketstaat.bestanden} if pakketstaat is not None else {}
    basis = staat_basisnaam(sleutel, staat.nieuw.jaar)
    nodig = tuple(f for f in ("docx", "json") if f"{basis}.{f}" not in bestanden)
    bestanden.update(staat_bestanden(staat, nodig, moment, sleutel))
    uit = []
    for naam, data in bestanden.items():
        schrijf(map_, f"staat/{naam}", data)
        uit.append(Download(naam, _OMSCHRIJVING[naam.rsplit(".", 1)[1]], _grootte(len(data))))
    return uit


def _rijen(wijzigingen: list[dict[str, Any]]) -> tuple[tuple[str, str, str, str], ...]:
    return tuple((w["nummer"], w["soort"], w["oud_id"] or "", w["nieuw_id"] or "") for w in wijzigingen)


def lees_pakket(pakket: Path) -> dict[tuple[str, int, int], Pakketstaat]:
    """(kader file name, from year, to year) -> the PDF pages of each Staat in the pack folder `pakket`."""
    if not pakket.is_dir():
        raise KaderdiffFout(f"--pakket {pakket}: " + ("geen map; geef de map van het pakket (niet de zip)"
                                                      if pakket.exists() else "die map bestaat niet"))
    uit: dict[tuple[str, int, int], Pakketstaat] = {}
    for pad in sorted(pakket.iterdir()):
        naam = _STAATBESTAND.fullmatch(pad.name)
        if naam is None or not is_gewoon_bestand(pad):
            continue
        try:
            data = json.loads(lees_bestand(pad))
            if data.get("formaat") != "kaderdiff-staat/1" or "pdf" not in data:
                continue  # a Staat without its PDF (the pack was built without pdf) has no pages
            wijzigingen = data["wijzigingen"]
            sleutel = (naam["sleutel"], int(data["kader_oud"]["jaar"]), int(data["kader_nieuw"]["jaar"]))
            bestanden = (pad.with_suffix(".pdf"), pad.with_suffix(".docx"), pad)
            uit[sleutel] = Pakketstaat(pad.name, {w["nummer"]: int(w["pdf_pagina"]) for w in wijzigingen},
                                       _rijen(wijzigingen), tuple(b for b in bestanden if is_gewoon_bestand(b)))
        except (ValueError, KeyError, TypeError, AttributeError) as fout:
            raise KaderdiffFout(f"{pad}: geen Staat van wijzigingen van kaderdiff ({fout})") from None
    if not uit:
        raise KaderdiffFout(f"--pakket {pakket}: daarin staat geen Staat van wijzigingen met de bladzijden van een "
                            "PDF; bouw het pakket met pdf (kaderdiff pakket --formaten docx,pdf)")
    return uit


def pdfpaginas(pakketstaat: Pakketstaat | None, staat: Staat) -> dict[str, int]:
    """Change number -> page in the pack's PDF Staat; refused when the pack numbers other rows than the site."""
    if pakketstaat is None:
        return {}
    eigen = tuple((w.nummer, w.soort.value, w.oud.id if w.oud else "", w.nieuw.id if w.nieuw else "")
                  for w in staat.wijzigingen)
    if eigen != pakketstaat.rijen:
        anders = next((f"{a[0]} is in het pakket {a[1]} ({a[2] or a[3]}), op de site {b[1]} ({b[2] or b[3]})"
                       for a, b in zip(pakketstaat.rijen, eigen, strict=False) if a != b),
                      f"het pakket heeft {len(pakketstaat.rijen)} wijzigingen, de site {len(eigen)}")
        raise KaderdiffFout(f"{pakketstaat.bestand}: de Staat in het pakket hoort niet bij deze kaders ({anders}); "
                            f"bouw het pakket en de site uit dezelfde versie van de kaders")
    return pakketstaat.blz



def zoekrijen(staat: Staat) -> tuple[tuple[str, str, str], ...]:
    """Per change what search finds it by: its number, its kind and vindplaats, and its toelichtingen."""
    return tuple((w.nummer, w.vindplaats, " ".join([f"{w.soort.label}.", *(v.tekst for v in w.verklaringen)]))
                 for w in staat.wijzigingen)
