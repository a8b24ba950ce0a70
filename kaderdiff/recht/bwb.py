"""Law texts in BWB toestand XML (wetten.overheid.nl) and the law store under the kaders directory.

A toestand is one version of a law: `toestand[@bwb-id][@inwerkingtreding]` › `wetgeving` ›
`wet-besluit` › `wettekst` › (hoofdstuk/titeldeel/afdeling/paragraaf)* › `artikel` (`kop` with
`label`, `nr`, `titel`) › `lid` (`lidnr`, `al`, `lijst` › `li` (`li.nr`, `al`)).
The store keeps each version as `<kaders>/wetten/<BWB-ID>/<YYYY-MM-DD>.xml`, the date being the
day the version is valid from; `wetversie` picks the version valid on a peildatum.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from lxml import etree

from kaderdiff.bron.bestanden import lees_bestand
from kaderdiff.bron.xmlveilig import parse_veilig
from kaderdiff.fouten import KaderdiffFout, Melding
from kaderdiff.uitvoer.atomair import schrijf_atomair

WETTENMAP = "wetten"
_BWB_ID = re.compile(r"^BWB[RV]\d{7}$")
_DATUMBESTAND = re.compile(r"^(\d{4}-\d{2}-\d{2})\.xml$")
_SPATIE = re.compile(r"\s+")


@dataclass(frozen=True)
class Artikel:
    """One article: number, title, leden (lidnr -> text), list items per lid and the whole text."""

    nr: str
    titel: str
    leden: dict[str, str]
    tekst: str
    onderdelen: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Wettekst:
    """One version of a law as read from BWB toestand XML."""

    bwb: str
    geldig_vanaf: date
    artikelen: dict[str, Artikel]
    titel: str = ""
    bron: str = ""


def _schoon(tekst: str) -> str:
    return _SPATIE.sub(" ", tekst).strip()


def _nummer(tekst: str) -> str:
    """'1.' -> '1', ' a. ' -> 'a', '7.2.4a' stays."""
    return _schoon(tekst).rstrip(".").strip().lower()


def _tekst(el: etree._Element) -> str:
    return _schoon("".join(el.itertext()))


def _kind(el: etree._Element, naam: str) -> etree._Element | None:
    gevonden: etree._Element | None = el.find(naam)
    return gevonden


def _alineas(el: etree._Element) -> str:
    """The readable text of a lid or article: its alineas and list items (with their numbers)."""
    delen = []
    for kind in el.iter("al", "li.nr"):
        if kind.tag == "li.nr":
            delen.append(_schoon(kind.text or ""))
        else:
            delen.append(_tekst(kind))
    return _schoon(" ".join(d for d in delen if d))


def _lijstitems(el: etree._Element) -> tuple[str, ...]:
    return tuple(_nummer(li.findtext("li.nr") or "") for li in el.iter("li") if li.findtext("li.nr"))


def _artikel(el: etree._Element) -> Artikel | None:
    kop = _kind(el, "kop")
    nr = ""
    titel = ""
    if kop is not None:
        nr = _nummer(kop.findtext("nr") or "")
        titel = _schoon(kop.findtext("titel") or "")
        if not nr:
            label = _schoon(kop.findtext("label") or "")
            nr = _nummer(re.sub(r"^artikel\s*", "", label, flags=re.IGNORECASE))
    if not nr:
        nr = _nummer(re.sub(r"^artikel\s*", "", el.get("label", ""), flags=re.IGNORECASE))
    if not nr:
        return None
    leden: dict[str, str] = {}
    onderdelen: dict[str, tuple[str, ...]] = {}
    for lid in el.findall("lid"):
        lidnr = _nummer(lid.findtext("lidnr") or "")
        if lidnr:
            leden[lidnr] = _alineas(lid)
            onderdelen[lidnr] = _lijstitems(lid)
    if not leden:
        onderdelen[""] = _lijstitems(el)
    tekst = " ".join(f"{nr}. {t}" for nr, t in leden.items()) if leden else _alineas(el)
    return Artikel(nr, titel, leden, tekst, onderdelen)


def lees_wettekst(data: bytes, bron: str, geldig_vanaf: date | None = None) -> Wettekst:
    """Read BWB toestand XML; raises `KaderdiffFout` when it is not a toestand with articles."""
    boom = parse_veilig(data, bron)
    wortel = boom.getroot()
    if wortel.tag != "toestand":
        raise KaderdiffFout(
            f"{bron} is geen BWB-toestand: het hoofdelement is <{wortel.tag}>, verwacht <toestand bwb-id=\"…\">",
            (Melding(bron, wortel.sourceline or 0, 0, "hoofdelement moet <toestand> zijn"),),
        )
    bwb = (wortel.get("bwb-id") or "").strip()
    if not _BWB_ID.match(bwb):
        raise KaderdiffFout(
            f"{bron}: <toestand> heeft geen geldig bwb-id (gevonden: '{bwb}', verwacht bijv. BWBR0007625)",
            (Melding(bron, wortel.sourceline or 0, 0, "attribuut bwb-id ontbreekt of is ongeldig"),),
        )
    if geldig_vanaf is None:
        ruw = (wortel.get("inwerkingtreding") or "").strip()
        try:
            geldig_vanaf = date.fromisoformat(ruw)
        except ValueError:
            raise KaderdiffFout(
                f"{bron}: <toestand> heeft geen geldige datum inwerkingtreding (gevonden: '{ruw}'); "
                "geef de datum waarop deze versie geldt op met --geldig-vanaf JJJJ-MM-DD",
            ) from None
    artikelen: dict[str, Artikel] = {}
    for el in wortel.iter("artikel"):
        if el.get("status") == "vervallen":
            continue
        artikel = _artikel(el)
        if artikel is not None and artikel.nr not in artikelen:
            artikelen[artikel.nr] = artikel
    if not artikelen:
        raise KaderdiffFout(f"{bron}: de BWB-toestand {bwb} bevat geen artikelen")
    titel = _schoon(wortel.findtext(".//citeertitel") or wortel.findtext(".//intitule") or "")
    return Wettekst(bwb, geldig_vanaf, artikelen, titel, bron)


# -- the store -------------------------------------------------------------------

def wetmap(kadersdir: Path, bwb: str) -> Path:
    return kadersdir / WETTENMAP / bwb


def versies(kadersdir: Path, bwb: str) -> list[tuple[date, Path]]:
    """Stored versions of a law, oldest first."""
    map_ = wetmap(kadersdir, bwb)
    if not map_.is_dir():
        return []
    uit = []
    for pad in map_.iterdir():
        gevonden = _DATUMBESTAND.match(pad.name)
        if gevonden and pad.is_file():
            try:
                uit.append((date.fromisoformat(gevonden.group(1)), pad))
            except ValueError:
                continue
    return sorted(uit)


_CACHE: dict[tuple[str, str], Wettekst] = {}


def laad_wettekst(pad: Path, geldig_vanaf: date) -> Wettekst:
    """Read a stored version (cached on path and content hash)."""
    data = lees_bestand(pad)
    sleutel = (str(pad), hashlib.sha256(data).hexdigest())
    if sleutel not in _CACHE:
        _CACHE[sleutel] = lees_wettekst(data, str(pad), geldig_vanaf)
    return _CACHE[sleutel]


def wetversie(kadersdir: Path, bwb: str, peildatum: date) -> Wettekst | None:
    """The stored version valid on `peildatum` (the latest valid-from date <= peildatum), or None."""
    geldig = [(d, p) for d, p in versies(kadersdir, bwb) if d <= peildatum]
    if not geldig:
        return None
    datum, pad = geldig[-1]
    return laad_wettekst(pad, datum)


def importeer(bestand: Path, kadersdir: Path, geldig_vanaf: date | None = None) -> tuple[Wettekst, Path]:
    """Validate a BWB toestand file and store it atomically as wetten/<bwb>/<date>.xml."""
    data = lees_bestand(bestand)
    wettekst = lees_wettekst(data, str(bestand), geldig_vanaf)
    doel = wetmap(kadersdir, wettekst.bwb) / f"{wettekst.geldig_vanaf.isoformat()}.xml"
    doel.parent.mkdir(parents=True, exist_ok=True)
    schrijf_atomair(doel, data)
    return wettekst, doel
