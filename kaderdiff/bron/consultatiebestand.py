"""`kaders/JAAR/consultatie.toml`: the consultation of a year's kaders (docs/formaat.md).

Read by `pakket` (and `staat`) from the version it builds (the working tree or a git ref, as the kaders); every
problem is one Dutch message naming the file and line, so a mistyped date never reaches the Ringen.
"""

from __future__ import annotations

import re
import tomllib
from datetime import date
from typing import Any

from kaderdiff.bron.tomldatum import als_datum
from kaderdiff.bron.versies import KaderMap
from kaderdiff.fouten import KaderdiffFout, Melding
from kaderdiff.model.consultatie import Consultatie
from kaderdiff.model.versie import Versie

BESTAND = "consultatie.toml"
VELDEN = ("datum", "uiterlijk", "adres", "contactpersoon", "grondslag")
VERPLICHT = ("uiterlijk", "adres")
_DATUMS = ("datum", "uiterlijk")
#: tomllib's messages -> Dutch.
_TOML = ((r"Invalid value", "ongeldige waarde (tekst hoort tussen aanhalingstekens, een datum als JJJJ-MM-DD)"),
         (r"Cannot overwrite a value|Cannot declare .* twice", "deze sleutel staat er twee keer in"),
         (r"Expected '=' after a key", "na de naam hoort '='"),
         (r"Unterminated string", "de tekst wordt niet afgesloten met een aanhalingsteken"),
         (r"Invalid date or datetime|Invalid date", "ongeldige datum (schrijf JJJJ-MM-DD)"),
         (r"Expected newline or end of document", "na de waarde hoort een nieuwe regel"),
         (r"Invalid statement", "deze regel is geen 'naam = waarde'"))


def _regel_van(tekst: str, sleutel: str) -> int:
    """Line of `sleutel = …` in the text (0 when not found)."""
    for nummer, regel in enumerate(tekst.splitlines(), start=1):
        if re.match(rf"^\s*\"?{re.escape(sleutel)}\"?\s*=", regel):
            return nummer
    return 0


def _toml(inhoud: bytes, bron: str) -> tuple[dict[str, Any], str]:
    try:
        tekst = inhoud.decode("utf-8")
    except UnicodeDecodeError:
        raise KaderdiffFout(f"{bron} is geen UTF-8-tekst", (Melding(bron, 0, 0, "sla het op als UTF-8"),)) from None
    try:
        return tomllib.loads(tekst), tekst
    except tomllib.TOMLDecodeError as fout:
        gevonden = re.search(r"\(at line (\d+), column (\d+)\)", str(fout))
        regel, kolom = (int(gevonden.group(1)), int(gevonden.group(2))) if gevonden else (0, 0)
        reden = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(fout))
        uitleg = next((nl for en, nl in _TOML if re.search(en, reden)), f"tomllib: {reden}")
        regeltekst = tekst.splitlines()[regel - 1] if 0 < regel <= len(tekst.splitlines()) else ""
        sleutel = next((s for s in _DATUMS if re.match(rf"^\s*{s}\s*=", regeltekst)), "")
        if sleutel:  # '10 april 2026': the most likely slip
            uitleg = f"'{sleutel}' is geen datum; schrijf JJJJ-MM-DD zonder aanhalingstekens, bijvoorbeeld 2026-04-10"
        raise KaderdiffFout(f"{bron} is geen geldige TOML",
                            (Melding(bron, regel, kolom, f"geen geldige TOML: {uitleg}"),)) from None


def lees_consultatie(inhoud: bytes, bron: str) -> Consultatie:
    """The consultation from the bytes of a consultatie.toml; all problems at once, each with its line."""
    ruw, tekst = _toml(inhoud, bron)
    meldingen: list[Melding] = []

    def fout(sleutel: str, reden: str) -> None:
        meldingen.append(Melding(bron, _regel_van(tekst, sleutel), 0, f"'{sleutel}': {reden}"))

    for sleutel in ruw:
        if sleutel not in VELDEN:
            import difflib  # only for a mistyped name

            bedoeld = difflib.get_close_matches(sleutel, VELDEN, n=1)
            fout(sleutel, "onbekend veld" + (f"; bedoelt u '{bedoeld[0]}'?" if bedoeld else "")
                 + f" (bekend: {', '.join(VELDEN)})")
    for sleutel in VERPLICHT:
        if sleutel not in ruw:
            meldingen.append(Melding(bron, 0, 0, f"'{sleutel}' ontbreekt (verplicht: {', '.join(VERPLICHT)})"))
    datums: dict[str, date | None] = {}
    for sleutel in _DATUMS:
        if sleutel in ruw:
            datums[sleutel] = als_datum(ruw[sleutel])
            if datums[sleutel] is None:
                fout(sleutel, f"geen datum: {ruw[sleutel]!r}; schrijf JJJJ-MM-DD, bijvoorbeeld 2026-04-10")
    teksten: dict[str, str] = {}
    for sleutel in ("adres", "contactpersoon", "grondslag"):
        if sleutel not in ruw:
            continue
        waarde = ruw[sleutel]
        if not isinstance(waarde, str):
            fout(sleutel, "hoort een tekst tussen aanhalingstekens te zijn")
        elif not waarde.strip():
            fout(sleutel, "is leeg")
        else:
            teksten[sleutel] = waarde.strip() if sleutel == "grondslag" else " ".join(waarde.split())
    datum, uiterlijk = datums.get("datum"), datums.get("uiterlijk")
    if datum is not None and uiterlijk is not None and uiterlijk < datum:
        fout("uiterlijk", f"{uiterlijk.isoformat()} ligt vóór de documentdatum {datum.isoformat()}")
    if meldingen:
        raise KaderdiffFout(f"{bron} is geen geldige consultatie (zie docs/formaat.md)",
                            tuple(sorted(meldingen)))
    assert uiterlijk is not None
    return Consultatie(bron, uiterlijk, teksten["adres"], teksten.get("contactpersoon", ""),
                       teksten.get("grondslag", ""), datum)


def consultatie_voor(kaders: KaderMap, versie: Versie) -> Consultatie | None:
    """The consultatie.toml of a version's year (working tree or git ref), or None when it has none."""
    gevonden = kaders.lees_jaarbestand(versie, BESTAND)
    return lees_consultatie(*gevonden) if gevonden is not None else None
