"""All requested renderings of one Staat van wijzigingen, as file name -> bytes."""

from __future__ import annotations

from datetime import datetime

from kaderdiff.model.consultatie import Consultatie
from kaderdiff.model.wijziging import Staat
from kaderdiff.render.docx_staat import render_docx
from kaderdiff.render.html_uit import render_html
from kaderdiff.render.json_uit import render_json

FORMATEN = ("docx", "html", "json")


def staat_basisnaam(sleutel: str, jaar: int) -> str:
    """'mbo-2026-staat-van-wijzigingen': named after the kader file (`mbo.xml`), not the sector code
    inside it, so two kaders of one sector (e.g. a variant) never overwrite each other's Staat."""
    return f"{sleutel.lower()}-{jaar}-staat-van-wijzigingen"


def staat_bestanden(staat: Staat, formaten: tuple[str, ...], moment: datetime, sleutel: str,
                    consultatie: Consultatie | None = None) -> dict[str, bytes]:
    """File name -> bytes for each format; `sleutel` is the kader's file name without '.xml'; a `consultatie`
    (deadline, address …) is shown in the title block of each."""
    basis = staat_basisnaam(sleutel, staat.nieuw.jaar)
    uit: dict[str, bytes] = {}
    for formaat in formaten:
        if formaat == "docx":
            uit[f"{basis}.docx"] = render_docx(staat, moment, consultatie)
        elif formaat == "html":
            uit[f"{basis}.html"] = render_html(staat, moment.date(), consultatie)
        elif formaat == "json":
            uit[f"{basis}.json"] = render_json(staat, consultatie)
    return uit
