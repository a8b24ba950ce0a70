"""All requested renderings of one Staat van wijzigingen, as file name -> bytes."""

from __future__ import annotations

from datetime import datetime

from ..fouten import KaderdiffFout
from ..wijziging import Staat
from .docx_staat import render_docx
from .html_uit import render_html
from .json_uit import render_json

FORMATEN = ("docx", "html", "json")


def lees_formaten(tekst: str, toegestaan: tuple[str, ...] = FORMATEN) -> tuple[str, ...]:
    """'docx,html' -> ('docx', 'html'); unknown formats are a clear error."""
    gevraagd = tuple(dict.fromkeys(f.strip().lower() for f in tekst.split(",") if f.strip()))
    onbekend = [f for f in gevraagd if f not in toegestaan]
    if onbekend or not gevraagd:
        raise KaderdiffFout(
            f"Onbekend formaat '{', '.join(onbekend) or tekst}': kies uit {', '.join(toegestaan)}")
    return gevraagd


def bestandsnaam(staat: Staat, formaat: str) -> str:
    """'mbo-2026-staat-van-wijzigingen.docx'."""
    return f"{staat.sector.lower()}-{staat.nieuw.jaar}-staat-van-wijzigingen.{formaat}"


def staat_bestanden(staat: Staat, formaten: tuple[str, ...], moment: datetime) -> dict[str, bytes]:
    uit: dict[str, bytes] = {}
    for formaat in formaten:
        if formaat == "docx":
            uit[bestandsnaam(staat, formaat)] = render_docx(staat, moment)
        elif formaat == "html":
            uit[bestandsnaam(staat, formaat)] = render_html(staat, moment.date())
        elif formaat == "json":
            uit[bestandsnaam(staat, formaat)] = render_json(staat)
    return uit
