"""What a line of a Word kader is, judged by its words: headings of each kind, grondslag lines, beslisregels,
eis numbers, a correction notice. Pure functions on text; the builder decides what to do with the answer."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from kaderdiff.model.kader import Soort
from kaderdiff.nederlands import MAANDEN

S = Soort
OORDELEN = ("Zeer zwak", "Onvoldoende", "Voldoende", "Goed")
NIVEAUS = ("bestuur", "school", "opleiding", "afdeling", "instelling")
STANDAARDNIVEAU = {"PO": "school", "VO": "school", "VSO": "school", "MBO": "opleiding", "HO": "opleiding"}

_HOOFDSTUK = re.compile(r"^(?:hoofdstuk\s+)?(\d{1,2})\.?\s+(\S.*)$", re.IGNORECASE)
_HOOFDSTUK_WOORD = re.compile(r"^hoofdstuk\s+(\d{1,2})[.:]?\s*(.*)$", re.IGNORECASE)
_PARAGRAAF = re.compile(r"^(?:§\s*)?(\d{1,2}(?:\.\d{1,2}){1,4})\.?\s+(\S.*)$")
_BIJLAGE = re.compile(r"^bijlage\s*([0-9IVXLC]{1,5}|[A-Z])?\s*[.:–-]?\s*(.*)$", re.IGNORECASE)
_KWALITEITSGEBIED = re.compile(r"^([A-Z]{1,4})\s+([A-Z][^\s].*)$")
_STANDAARD = re.compile(r"^([A-Z]{1,4})\s?(\d{1,2}[a-z]?)\.?\s+(\S.*)$")
_EISNUMMER = re.compile(r"^([A-Z]{1,4})\s?(\d{1,2}\.\d{1,2}[a-z]?)\.?\s+(\S.*)$")
_GRONDSLAG = re.compile(r"^(?:wettelijke\s+grondslag|grondslag|wettelijke\s+basis)\s*:\s*(.*)$", re.IGNORECASE)
_GEEN = re.compile(r"^geen\s+wettelijke\s+grondslag\s*[;:,]\s*(?:bron\s*:\s*)?(.*)$", re.IGNORECASE)
_BESLISREGEL = re.compile(r"^(" + "|".join(OORDELEN) + r")\s*:\s*(\S.*)$")
_CORRECTIE = re.compile(r"^correctie:\s*dit kader corrigeert het op (\d{1,2}) (\w+) (\d{4}) vastgestelde kader"
                        r"(?: \((.*?)\))?\.\s*(.*)$", re.IGNORECASE)
_NUMMER_VOORAF = re.compile(r"^(?:hoofdstuk\s+)?\d{1,2}\.?\s+(?=\D)", re.IGNORECASE)
#: A kwaliteitsgebied code is never one of these ordinary capitalised words in a heading.
_GEEN_CODE = frozenset({"DE", "HET", "EEN", "EN", "OF", "IN", "BIJ", "VAN"})


@dataclass(frozen=True)
class Kop:
    """A recognised heading: what it opens, its number or code and its title."""

    soort: Soort
    nummer: str = ""
    titel: str = ""


def _schoon(tekst: str) -> str:
    return " ".join(tekst.split())


def herken_kop(tekst: str, in_waarderingskader: bool) -> Kop | None:
    """The kind of part a heading opens, or None when its words do not say."""
    tekst = _schoon(tekst)
    # a part with a name of its own may stand in a numbered chapter ('8 Waarderingskader school'): its name counts
    laag = _NUMMER_VOORAF.sub("", tekst).casefold()
    if laag in ("woord vooraf", "voorwoord"):
        return Kop(S.WOORD_VOORAF, "", _NUMMER_VOORAF.sub("", tekst))
    if laag.startswith("addendum"):
        return Kop(S.ADDENDUM, "", _NUMMER_VOORAF.sub("", tekst))
    if laag in ("basiskwaliteit", "basiskwaliteit:"):
        return Kop(S.BASISKWALITEIT)
    if laag.rstrip(":") in ("eigen aspiraties", "eigen aspiratie"):
        return Kop(S.EIGEN_ASPIRATIES)
    if laag.startswith("overige wettelijke vereisten") or laag.startswith("overige vereisten"):
        return Kop(S.OVERIGE_VEREISTEN, "", _NUMMER_VOORAF.sub("", tekst))
    if laag.startswith("beslisregel"):
        return Kop(S.BESLISREGELS, "", _NUMMER_VOORAF.sub("", tekst))
    if re.match(r"waarderingskader\b", laag):
        return Kop(S.WAARDERINGSKADER, "", _NUMMER_VOORAF.sub("", tekst))
    gevonden = _BIJLAGE.match(tekst)
    if gevonden and laag.startswith("bijlage"):
        return Kop(S.BIJLAGE, gevonden.group(1) or "", gevonden.group(2) or tekst)
    gevonden = _STANDAARD.match(tekst)
    if gevonden and gevonden.group(1) not in _GEEN_CODE:
        return Kop(S.STANDAARD, gevonden.group(1) + gevonden.group(2), gevonden.group(3))
    gevonden = _KWALITEITSGEBIED.match(tekst)
    if gevonden and in_waarderingskader and gevonden.group(1) not in _GEEN_CODE and len(tekst) < 80:
        return Kop(S.KWALITEITSGEBIED, gevonden.group(1), gevonden.group(2))
    gevonden = _HOOFDSTUK_WOORD.match(tekst)
    if gevonden:
        return Kop(S.HOOFDSTUK, gevonden.group(1), gevonden.group(2) or tekst)
    gevonden = _PARAGRAAF.match(tekst)
    if gevonden:
        return Kop(S.PARAGRAAF, gevonden.group(1), gevonden.group(2))
    gevonden = _HOOFDSTUK.match(tekst)
    if gevonden:
        return Kop(S.HOOFDSTUK, gevonden.group(1), gevonden.group(2))
    return None


def lijkt_kop(tekst: str) -> bool:
    """Does a bold (or large) line without a heading style read like a heading: short, numbered, no full stop?"""
    tekst = _schoon(tekst)
    if not tekst or len(tekst) > 120 or tekst.endswith((".", ":", ";", ",")):
        return False
    return bool(_HOOFDSTUK_WOORD.match(tekst) or _PARAGRAAF.match(tekst) or _HOOFDSTUK.match(tekst)
                or _STANDAARD.match(tekst) or (_BIJLAGE.match(tekst) and tekst.casefold().startswith("bijlage"))
                or tekst.casefold().startswith("waarderingskader"))


def eisnummer(tekst: str) -> tuple[str, str] | None:
    """'OP0.1 Leesonderwijs' or 'OP 0.1 Leesonderwijs' -> ('OP0.1', 'Leesonderwijs')."""
    gevonden = _EISNUMMER.match(_schoon(tekst))
    if gevonden is None or len(tekst) > 120:
        return None
    return gevonden.group(1) + gevonden.group(2), gevonden.group(3)


def grondslagregel(tekst: str) -> tuple[str, str] | None:
    """('grondslag', citations) for 'Wettelijke grondslag: …', ('geen', rest) for 'Geen wettelijke grondslag; …'."""
    tekst = _schoon(tekst)
    gevonden = _GEEN.match(tekst)
    if gevonden:
        return "geen", gevonden.group(1)
    gevonden = _GRONDSLAG.match(tekst)
    if gevonden:
        return "grondslag", gevonden.group(1)
    return None


def beslisregel(tekst: str) -> tuple[str, str] | None:
    """'Onvoldoende: de school …' -> ('Onvoldoende', 'de school …')."""
    gevonden = _BESLISREGEL.match(_schoon(tekst))
    return (gevonden.group(1), gevonden.group(2)) if gevonden else None


def oordeel(tekst: str) -> str:
    """A cell that is exactly an oordeel ('Zeer zwak'), else ''."""
    tekst = _schoon(tekst).rstrip(":")
    return next((o for o in OORDELEN if tekst.casefold() == o.casefold()), "")


def niveau_van(titel: str, sector: str) -> str:
    laag = titel.casefold()
    return next((n for n in NIVEAUS if n in laag), STANDAARDNIVEAU.get(sector, "school"))


@dataclass(frozen=True)
class Correctieregel:
    vastgesteld: date
    publicatie: str
    omschrijving: str


def correctieregel(tekst: str) -> Correctieregel | None:
    """The line kaderdiff writes under the title of a correction (see `word.blokken.correctie_regel`)."""
    gevonden = _CORRECTIE.match(_schoon(tekst))
    if gevonden is None:
        return None
    dag, maand, jaar, publicatie, omschrijving = gevonden.groups()
    if maand.casefold() not in MAANDEN:
        return None
    try:
        datum = date(int(jaar), MAANDEN.index(maand.casefold()) + 1, int(dag))
    except ValueError:
        return None
    return Correctieregel(datum, publicatie or "", omschrijving)
