"""Law texts in BWB toestand XML (wetten.overheid.nl) and the law store under the kaders directory.

A toestand is one version of a law: `toestand[@bwb-id][@inwerkingtreding]` › `wetgeving` ›
`wet-besluit` › `wettekst` › (hoofdstuk/titeldeel/afdeling/paragraaf)* › `artikel` (`kop` with
`label`, `nr`, `titel`) › `lid` (`lidnr`, `al`, `lijst` › `li` (`li.nr`, `al`, `lijst` …), `table`).
The reader keeps the law as it is (see `wettekst`): nested lists, duplicate numbers (with a warning),
vervallen and not-yet-in-force articles and leden, tables as rows of cells, and editorial notes
(`redactie`, `noot`) apart from the law text. `meta-data` is not law text and is skipped.
The store (`bron.wetopslag`) keeps each version as `<kaders>/wetten/<BWB-ID>/<YYYY-MM-DD>.xml`, the date being the
day the version is valid from; `wetversie` picks the version valid on a peildatum.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path

from lxml import etree

from kaderdiff.bron.bestanden import lees_bestand
from kaderdiff.bron.wetopslag import WETTENMAP as WETTENMAP
from kaderdiff.bron.wetopslag import versies as versies
from kaderdiff.bron.wetopslag import wetmap as wetmap
from kaderdiff.bron.xmlveilig import parse_veilig
from kaderdiff.fouten import KaderdiffFout, Melding
from kaderdiff.model.wettekst import GELDIG, NOG_NIET, VERVALLEN, Artikel, Lid, Onderdeel, Wettekst

BWB_ID = re.compile(r"^BWB[RV]\d{7}$")
_SPATIE = re.compile(r"\s+")
#: Elements that are not law text: headings and numbers (read separately), metadata, editorial notes.
_OVERSLAAN = frozenset({"kop", "lidnr", "li.nr", "meta-data", "redactie", "noot", "aanhef", "wijzig-lid", "tussenkop"})
_NOTEN = frozenset({"redactie", "noot"})
#: The text of a lid or article that is not (or no longer) in force. As text: re compiles them when a law is read,
#: which `controleer` (reading its laws from the article index) does not do.
_VERVALLEN_TEKST = r"(?i)^\[?\s*(?:dit\s+(?:artikel|lid)\s+is\s+)?vervallen(?:\s+per\s+[\d-]+)?\s*\.?\s*\]?\.?$"
_NOG_NIET_TEKST = (r"(?i)^\[?\s*(?:dit|het)\s+(?:artikel|lid|onderdeel)\s+is\s+nog\s+niet\s+in\s+werking"
                   r"\s+getreden\s*\.?\s*\]?$")


def _schoon(tekst: str) -> str:
    return _SPATIE.sub(" ", tekst).strip()


def _nummer(tekst: str) -> str:
    """'1.' -> '1', ' a. ' -> 'a', '1°.' -> '1°', '7.2.4a' stays."""
    return _schoon(tekst).rstrip(".").strip().lower()


def _naam(el: etree._Element) -> str:
    return el.tag if isinstance(el.tag, str) else ""


def _lopende_tekst(el: etree._Element, noten: list[str]) -> str:
    """The text of an alinea without its editorial notes (which go to `noten`)."""
    delen = [el.text or ""]
    for kind in el:
        naam = _naam(kind)
        if naam in _NOTEN:
            noot = _schoon("".join(kind.itertext()))
            if noot:
                noten.append(noot)
        elif naam and naam != "meta-data":
            delen.append(_lopende_tekst(kind, noten))
        delen.append(kind.tail or "")
    return "".join(delen)


def _tabel(el: etree._Element, noten: list[str]) -> str:
    """A CALS table as 'Tabel: a | b; c | d' (rows in order, cells in order)."""
    rijen = []
    for rij in el.iter("row"):
        cellen = [_schoon(" ".join(_lopende_tekst(al, noten) for al in cel.iter("al")) or "".join(cel.itertext()))
                  for cel in rij.iter("entry")]
        rijen.append(" | ".join(cellen))
    return "Tabel: " + "; ".join(rijen) if rijen else ""


def _lijst(el: etree._Element, noten: list[str]) -> tuple[Onderdeel, ...]:
    items = []
    for li in el.findall("li"):
        eigen: list[str] = []
        sub: list[Onderdeel] = []
        for kind in li:
            naam = _naam(kind)
            if naam == "lijst":
                sub.extend(_lijst(kind, noten))
            elif naam == "table":
                eigen.append(_tabel(kind, noten))
            elif naam and naam not in _OVERSLAAN:
                eigen.append(_lopende_tekst(kind, noten))
        items.append(Onderdeel(_nummer(li.findtext("li.nr") or ""), _schoon(" ".join(eigen)), tuple(sub)))
    return tuple(items)


def _inhoud(el: etree._Element, noten: list[str]) -> tuple[str, str, tuple[Onderdeel, ...]]:
    """(whole readable text, text outside the lists, top-level onderdelen) of a lid or article body."""
    heel: list[str] = []
    aanhef: list[str] = []
    onderdelen: list[Onderdeel] = []
    for kind in el:
        naam = _naam(kind)
        if naam in ("lid", *_OVERSLAAN) or not naam:
            noot = _schoon("".join(kind.itertext())) if naam in _NOTEN else ""
            if noot:
                noten.append(noot)
            continue
        if naam == "lijst":
            items = _lijst(kind, noten)
            onderdelen.extend(items)
            heel.extend(o.volledig for o in items)
        elif naam == "table":
            heel.append(_tabel(kind, noten))
            aanhef.append(heel[-1])
        else:
            tekst = _lopende_tekst(kind, noten)
            heel.append(tekst)
            aanhef.append(tekst)
    return _schoon(" ".join(heel)), _schoon(" ".join(aanhef)), tuple(onderdelen)


def _status(el: etree._Element, tekst: str, alleen_attribuut: bool = False) -> str:
    """vervallen / nogniet from the BWB status attribute, or from the only text the element has
    ('[Vervallen per 01-01-2011]', 'Dit lid is nog niet in werking getreden.')."""
    status = (el.get("status") or "").strip().lower()
    if status == "vervallen":
        return VERVALLEN
    if status in ("nogniet", "nog-niet"):
        return NOG_NIET
    if alleen_attribuut:
        return GELDIG
    if not tekst:
        tekst = _schoon(" ".join(_schoon("".join(al.itertext())) for al in el.iter("al")))
    if re.match(_VERVALLEN_TEKST, tekst):
        return VERVALLEN
    if re.match(_NOG_NIET_TEKST, tekst):
        return NOG_NIET
    return GELDIG


def _artikelnummer(el: etree._Element) -> tuple[str, str]:
    kop = el.find("kop")
    nr = titel = ""
    if kop is not None:
        nr = _nummer(kop.findtext("nr") or "")
        titel = _schoon(kop.findtext("titel") or "")
        if not nr:
            nr = _nummer(re.sub(r"^artikel\s*", "", _schoon(kop.findtext("label") or ""), flags=re.IGNORECASE))
    if not nr:
        nr = _nummer(re.sub(r"^artikel\s*", "", el.get("label", ""), flags=re.IGNORECASE))
    return nr, titel


def _dubbele_onderdelen(waar: str, lijst: tuple[Onderdeel, ...], meldingen: list[str]) -> None:
    for nr, aantal in Counter(o.nr for o in lijst).items():
        if aantal > 1:
            meldingen.append(f"{waar} heeft {aantal} onderdelen {nr}; alle zijn bewaard")
    for o in lijst:
        _dubbele_onderdelen(f"{waar}, onderdeel {o.nr}", o.onderdelen, meldingen)


def _artikel(el: etree._Element, meldingen: list[str]) -> Artikel | None:
    nr, titel = _artikelnummer(el)
    if not nr:
        return None
    noten: list[str] = []
    leden = []
    for lid_el in el.findall("lid"):
        lidnr = _nummer(lid_el.findtext("lidnr") or "")
        tekst, aanhef, onderdelen = _inhoud(lid_el, noten)
        leden.append(Lid(lidnr, tekst, aanhef, onderdelen, _status(lid_el, tekst),
                         lid_el.get("bwb-ng-variabel-deel", "")))
        _dubbele_onderdelen(f"artikel {nr}, lid {lidnr}", onderdelen, meldingen)
    eigen, aanhef, onderdelen = _inhoud(el, noten)
    _dubbele_onderdelen(f"artikel {nr}", onderdelen, meldingen)
    for lidnr, aantal in Counter(lid.nr for lid in leden).items():
        if aantal > 1:
            meldingen.append(f"artikel {nr} heeft {aantal} leden met nummer {lidnr}; alle zijn bewaard "
                             f"(een verwijzing naar lid {lidnr} is niet eenduidig)")
    delen = [eigen] if eigen else []
    delen.extend(f"{lid.nr}. {lid.tekst}" if lid.nr else lid.tekst for lid in leden)
    tekst = _schoon(" ".join(delen))
    return Artikel(nr, titel, tuple(leden), tekst, aanhef, onderdelen, _status(el, tekst, bool(leden)),
                   el.get("bwb-ng-variabel-deel", ""), tuple(dict.fromkeys(noten)))


def _wortel(data: bytes, bron: str) -> tuple[etree._Element, str]:
    wortel = parse_veilig(data, bron).getroot()
    if wortel.tag != "toestand":
        raise KaderdiffFout(
            f"{bron} is geen BWB-toestand: het hoofdelement is <{wortel.tag}>, verwacht <toestand bwb-id=\"…\">",
            (Melding(bron, wortel.sourceline or 0, 0, "hoofdelement moet <toestand> zijn"),),
        )
    bwb = (wortel.get("bwb-id") or "").strip()
    if not BWB_ID.match(bwb):
        raise KaderdiffFout(
            f"{bron}: <toestand> heeft geen geldig bwb-id (gevonden: '{bwb}', verwacht bijv. BWBR0007625)",
            (Melding(bron, wortel.sourceline or 0, 0, "attribuut bwb-id ontbreekt of is ongeldig"),),
        )
    return wortel, bwb


def lees_wettekst(data: bytes, bron: str, geldig_vanaf: date | None = None) -> Wettekst:
    """Read BWB toestand XML; raises `KaderdiffFout` when it is not a toestand with articles."""
    wortel, bwb = _wortel(data, bron)
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
    meldingen: list[str] = []
    for el in wortel.iter("artikel"):
        artikel = _artikel(el, meldingen)
        if artikel is None:
            continue
        eerder = artikelen.get(artikel.nr)
        if eerder is None:
            artikelen[artikel.nr] = artikel
            continue
        meldingen.append(f"artikel {artikel.nr} komt meer dan eens voor; de versie die geldt is gebruikt")
        if eerder.status != GELDIG and artikel.status == GELDIG:
            artikelen[artikel.nr] = artikel
    if not artikelen:
        raise KaderdiffFout(f"{bron}: de BWB-toestand {bwb} bevat geen artikelen")
    titel = _schoon(wortel.findtext(".//citeertitel") or wortel.findtext(".//intitule") or "")
    return Wettekst(bwb, geldig_vanaf, artikelen, titel, bron, tuple(meldingen))


# -- the store -------------------------------------------------------------------

_CACHE: dict[tuple[str, str], Wettekst] = {}


def laad_wettekst(pad: Path, geldig_vanaf: date) -> Wettekst:
    """Read a stored version (cached on path and content hash)."""
    import hashlib  # not at the top: `controleer` reads its laws from the article index, without OpenSSL

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


def sla_op(data: bytes, bron: str, kadersdir: Path, geldig_vanaf: date | None = None) -> tuple[Wettekst, Path]:
    """Validate BWB toestand bytes and store them atomically as wetten/<bwb>/<date>.xml."""
    wettekst = lees_wettekst(data, bron, geldig_vanaf)
    doel = wetmap(kadersdir, wettekst.bwb) / f"{wettekst.geldig_vanaf.isoformat()}.xml"
    from kaderdiff.uitvoer.atomairbestand import schrijf_atomair  # only here: writing needs tempfile, reading not

    doel.parent.mkdir(parents=True, exist_ok=True)
    schrijf_atomair(doel, data)
    return wettekst, doel


def importeer(bestand: Path, kadersdir: Path, geldig_vanaf: date | None = None) -> tuple[Wettekst, Path]:
    """Validate a BWB toestand file and store it atomically as wetten/<bwb>/<date>.xml."""
    return sla_op(lees_bestand(bestand), str(bestand), kadersdir, geldig_vanaf)
