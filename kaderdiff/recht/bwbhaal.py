"""Fetch the toestand of a law valid on a date from the official BWB repository (`wetten haal`).

The repository has per law a manifest, `{basis}/{BWB}/manifest.xml`: a `work` with one `expression`
per toestand (label `2025-04-25_3`: the date it took effect and a generation number), each with
`metadata` (`datum_inwerkingtreding`, `einddatum`, `zichtdatum_start`, `zichtdatum_eind`) and a
`manifestation label="xml"` holding the file (`item label="BWBR…_2025-04-25_3.xml"`). The file lives at
`{basis}/{BWB}/{expression}/xml/{item}`. For a date D the toestand is the expression whose validity
(inwerkingtreding ≤ D ≤ einddatum) holds and, among several generations, the one still visible
(`zichtdatum_eind` 9999-12-31, else the latest zichtdatum_start). Deleted items are skipped: the
repository no longer serves them.

The network (`bron.ophalen`) is imported only when fetching: other commands do not pay for it. Every request
has one deadline for all of it (`--timeout`), follows redirects only on the same server and protocol, and
fetches only http(s). Every failure (no connection, timeout, HTTP error, an answer that is not HTTP, not a
manifest or not a toestand) is a `KaderdiffFout` naming the address; nothing is stored unless the toestand
is valid.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from lxml import etree

from kaderdiff.bron.bwb import BWB_ID, lees_wettekst, sla_op, versies
from kaderdiff.bron.wetregister import pakketregister, register_voor
from kaderdiff.bron.xmlveilig import parse_veilig
from kaderdiff.fouten import KaderdiffFout
from kaderdiff.model.wet import Wetregister
from kaderdiff.model.wettekst import Wettekst
from kaderdiff.nederlands import nl_datum

STANDAARD_URL = "https://repository.officiele-overheidspublicaties.nl/bwb/"
OMGEVINGSVARIABELE = "KADERDIFF_BWB_URL"
#: A whole law is a few megabytes; an answer far beyond that is not a toestand.
MAX_BYTES = 64 * 1024 * 1024
_OPEN_EINDE = date(9999, 12, 31)


@dataclass(frozen=True)
class Expressie:
    """One toestand in a manifest: its label, validity, visibility and xml file."""

    label: str
    van: date
    tot: date
    zicht_van: date
    zicht_tot: date
    bestand: str


def basis_url(opgegeven: str | None = None) -> str:
    """The repository address: given, else $KADERDIFF_BWB_URL, else the official one (with a final '/')."""
    basis = opgegeven or os.environ.get(OMGEVINGSVARIABELE) or STANDAARD_URL
    return basis if basis.endswith("/") else basis + "/"


def bwb_van(wet: str, register: Wetregister | None = None) -> str:
    """A law code or alias from the registry (WPO, Wpo) or a BWB id itself -> the BWB id; `register`: the
    kadermap's (with its own laws), default the package's."""
    if BWB_ID.match(wet.strip().upper()):
        return wet.strip().upper()
    register = register if register is not None else pakketregister()
    gevonden = register.zoek(wet)
    if gevonden is None:
        raise KaderdiffFout(f"Onbekende wet '{wet}': geef een code ({', '.join(sorted(register.per_code))}) "
                            "of een BWB-id (bijv. BWBR0003420)")
    if not gevonden.bwb:
        raise KaderdiffFout(f"De {gevonden.code} ({gevonden.naam}) staat niet in het BWB en kan niet "
                            "worden opgehaald")
    return gevonden.bwb


def _lokaal(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _kind(el: etree._Element, naam: str) -> etree._Element | None:
    return next((k for k in el if _lokaal(k) == naam), None)


def _datum(el: etree._Element | None, naam: str, standaard: date) -> date:
    waarde = _kind(el, naam) if el is not None else None
    tekst = (waarde.text or "").strip() if waarde is not None else ""
    try:
        return date.fromisoformat(tekst) if tekst else standaard
    except ValueError:
        return standaard


def lees_manifest(data: bytes, bron: str) -> list[Expressie]:
    """The expressions of a BWB manifest that still have an xml file."""
    try:
        wortel = parse_veilig(data, bron).getroot()
    except KaderdiffFout as fout:
        raise KaderdiffFout(f"Het antwoord van {bron} is geen BWB-manifest: {fout.tekst}") from None
    if _lokaal(wortel) != "work":
        raise KaderdiffFout(f"Het antwoord van {bron} is geen BWB-manifest: het hoofdelement is "
                            f"<{_lokaal(wortel)}>, verwacht <work>")
    uit = []
    for expressie in (k for k in wortel if _lokaal(k) == "expression"):
        meta = _kind(expressie, "metadata")
        van = _datum(meta, "datum_inwerkingtreding", date.min)
        if van == date.min:
            continue
        for manifestatie in (k for k in expressie if _lokaal(k) == "manifestation"):
            if manifestatie.get("label") != "xml":
                continue
            for item in (k for k in manifestatie if _lokaal(k) == "item"):
                if item.get("_deleted", "false").lower() == "true" or not item.get("label"):
                    continue
                uit.append(Expressie(expressie.get("label", ""), van, _datum(meta, "einddatum", _OPEN_EINDE),
                                     _datum(meta, "zichtdatum_start", date.min),
                                     _datum(meta, "zichtdatum_eind", _OPEN_EINDE), item.get("label", "")))
    return uit


def kies_expressie(expressies: list[Expressie], datum: date, bwb: str) -> Expressie:
    """The toestand valid on `datum`, in its newest visible generation."""
    geldig = [e for e in expressies if e.van <= datum <= e.tot]
    if not geldig:
        perioden = ", ".join(f"{e.van.isoformat()} t/m {'heden' if e.tot == _OPEN_EINDE else e.tot.isoformat()}"
                             for e in sorted(expressies, key=lambda e: e.van)[-5:])
        raise KaderdiffFout(f"Er is geen versie van {bwb} die geldt op {nl_datum(datum)}"
                            + (f" (laatste versies: {perioden})" if perioden else " (het manifest is leeg)"))
    return max(geldig, key=lambda e: (e.zicht_tot == _OPEN_EINDE, e.zicht_van, e.label))


def lees_url(url: str, timeout: float) -> bytes:
    """GET `url` within `timeout` seconds in all; every failure becomes a Dutch `KaderdiffFout` naming the address."""
    from kaderdiff.bron.ophalen import haal_op

    return haal_op(url, timeout, MAX_BYTES, "de BWB-repository")


def controleer_basis(opgegeven: str | None) -> str:
    """The repository address, refused before any request unless it is a plain http(s) address."""
    from kaderdiff.bron.ophalen import oorsprong

    basis = basis_url(opgegeven)
    if opgegeven:
        herkomst = "--url"
    elif os.environ.get(OMGEVINGSVARIABELE):
        herkomst = f"uit {OMGEVINGSVARIABELE}"
    else:
        herkomst = "het standaardadres"
    oorsprong(basis, herkomst)
    return basis


def manifest_van(bwb: str, basis: str, timeout: float) -> list[Expressie]:
    """The toestanden the repository holds of `bwb` (its manifest)."""
    manifest_url = f"{basis}{bwb}/manifest.xml"
    return lees_manifest(lees_url(manifest_url, timeout), manifest_url)


def bewaar(bwb: str, expressie: Expressie, basis: str, timeout: float, kadersdir: Path) -> tuple[Wettekst, Path, str]:
    """Fetch one toestand, check that it is the law asked for, and store it as valid from its inwerkingtreding."""
    url = f"{basis}{bwb}/{expressie.label}/xml/{expressie.bestand}"
    data = lees_url(url, timeout)
    gelezen = lees_wettekst(data, url, expressie.van)
    if gelezen.bwb != bwb:
        raise KaderdiffFout(f"{url} bevat {gelezen.bwb}, niet de gevraagde {bwb}")
    tekst, doel = sla_op(data, url, kadersdir, expressie.van)
    return tekst, doel, url


def haal_wet(wet: str, datum: date, kadersdir: Path, basis: str | None = None,
             timeout: float = 30.0) -> tuple[Wettekst, Path, str]:
    """Fetch, validate and store the toestand of `wet` valid on `datum`; returns it, where, and from where."""
    from kaderdiff.bron.ophalen import controleer_wachttijd

    controleer_wachttijd(timeout)
    basis = controleer_basis(basis)
    bwb = bwb_van(wet, register_voor(kadersdir))
    return bewaar(bwb, kies_expressie(manifest_van(bwb, basis, timeout), datum, bwb), basis, timeout, kadersdir)


def geciteerde_wetten(kadersdir: Path) -> dict[str, set[date]]:
    """Per law the kaders of the working tree cite (with a BWB id, in force on the kader's peildatum): the
    peildata of those kaders, so the versions `controleer` checks them against. A law not in force then is
    left to `controleer`, which refuses it."""
    from kaderdiff.bron.laden import laad_bestand

    register = register_voor(kadersdir)
    uit: dict[str, set[date]] = {}
    for pad in sorted(kadersdir.glob("[0-9][0-9][0-9][0-9]/*.xml")):
        kader = laad_bestand(pad)
        for eis in kader.eisen():
            for g in eis.grondslagen:
                wet = register.get(g.wet)
                if wet is not None and wet.bwb and wet.geldt_op(kader.peildatum):
                    uit.setdefault(wet.code, set()).add(kader.peildatum)
    return dict(sorted(uit.items()))


def zonder_tekst(kadersdir: Path) -> list[str]:
    """The laws the kaders cite of which no stored version holds on the peildatum of a kader citing them."""
    register = register_voor(kadersdir)
    uit = []
    for code, peildata in geciteerde_wetten(kadersdir).items():
        opgeslagen = [d for d, _ in versies(kadersdir, register.per_code[code].bwb)]
        if any(not any(d <= peildatum for d in opgeslagen) for peildatum in peildata):
            uit.append(code)
    return uit


@dataclass(frozen=True)
class Gehaald:
    """One law of `wetten haal --alle`: the versions stored (or already there), or why it failed."""

    wet: str
    bwb: str
    peildata: tuple[date, ...]
    opgeslagen: tuple[tuple[Wettekst, Path, str], ...] = ()
    al_aanwezig: tuple[date, ...] = ()  # valid-from dates of the versions needed that were stored already
    fout: str = ""


def haal_alle(kadersdir: Path, basis: str | None = None, timeout: float = 30.0,
              codes: tuple[str, ...] = (), datum: date | None = None) -> list[Gehaald]:
    """Fetch, for every law the kaders cite (or only `codes`), the toestand valid on each peildatum of the kaders
    citing it (or on `datum`), one manifest per law; a version already stored is not fetched again. A failure is
    reported per law and the others are fetched all the same."""
    from kaderdiff.bron.ophalen import controleer_wachttijd

    controleer_wachttijd(timeout)
    basis = controleer_basis(basis)
    register = register_voor(kadersdir)
    nodig = geciteerde_wetten(kadersdir)
    if datum is not None:
        nodig = {code: {datum} for code in nodig}
    if codes:
        for code in codes:
            bwb_van(code, register)  # a law outside the BWB says so
        gevraagd = {bwb_code(c, register) for c in codes}
        zonder = sorted(gevraagd - set(nodig))
        if zonder:
            raise KaderdiffFout(f"Geen kader citeert de {', '.join(zonder)}; geef met --datum op welke versie u wilt")
        nodig = {code: data for code, data in nodig.items() if code in gevraagd}
    uit = []
    for code, peildata in nodig.items():
        bwb = register.per_code[code].bwb
        try:
            expressies = manifest_van(bwb, basis, timeout)
            gekozen = {e.label: e for e in (kies_expressie(expressies, d, bwb) for d in sorted(peildata))}
            aanwezig = {d for d, _ in versies(kadersdir, bwb)}
            opgeslagen = tuple(bewaar(bwb, e, basis, timeout, kadersdir) for e in gekozen.values()
                               if e.van not in aanwezig)
            uit.append(Gehaald(code, bwb, tuple(sorted(peildata)), opgeslagen,
                               tuple(sorted(e.van for e in gekozen.values() if e.van in aanwezig))))
        except KaderdiffFout as fout:
            uit.append(Gehaald(code, bwb, tuple(sorted(peildata)), fout=fout.tekst))
    return uit


def bwb_code(wet: str, register: Wetregister) -> str:
    """The registry code of a law given by code or alias (refusing a BWB id or an unknown name)."""
    gevonden = register.zoek(wet)
    if gevonden is None:
        raise KaderdiffFout(f"Onbekende wet '{wet}': geef een code ({', '.join(sorted(register.per_code))})")
    return gevonden.code
