"""Tracing legal bases both ways, and the impact of a law change (pure functions over kaders).

- `herleid_standaard`: a standard -> its eisen, each with grondslagen, Juriconnect links and
  the article/lid text when the law text is stored; eisen without legal basis with their bron.
- `herleid_artikel` (in `artikelherleiding`, imported alone by `herleid --artikel`): an article (or
  lid/onderdeel) -> every eis in every sector and year resting on it, with its history.
- `impact`: articles of one law -> the standards and eisen to review in a year.
- `impact_wetswijziging`: a wetswijziging code (e.g. VABA) -> the toelichtingen and elements tied to it.

"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kaderdiff.bron.versies import KaderMap
from kaderdiff.bron.wetregister import register_voor
from kaderdiff.fouten import KaderdiffFout
from kaderdiff.model.kader import Element, Grondslag, Kader, Soort
from kaderdiff.model.versie import Versie
from kaderdiff.recht.artikelherleiding import past_op
from kaderdiff.verwijzing.citeren import citeer
from kaderdiff.verwijzing.juriconnect import jci, link


def alle_kaders(kadermap: KaderMap) -> list[Kader]:
    """Every kader in the working tree, by year then sector."""
    return [kadermap.laad(Versie(jaar), sector)
            for jaar in kadermap.jaren() for sector in kadermap.sectoren(Versie(jaar))]


# -- trace a standard --------------------------------------------------------------

@dataclass(frozen=True)
class GrondslagInfo:
    grondslag: Grondslag
    citaat: str
    jci: str
    link: str
    artikeltitel: str = ""
    wettekst: str = ""
    wettekst_bron: str = ""


@dataclass(frozen=True)
class EisHerleiding:
    id: str
    tekst: str
    grondslagen: tuple[GrondslagInfo, ...]
    geen_grondslag_bron: str = ""
    geen_grondslag_uitleg: str = ""


@dataclass(frozen=True)
class StandaardHerleiding:
    sector: str
    jaar: int
    peildatum: str
    code: str
    titel: str
    id: str
    eisen: tuple[EisHerleiding, ...]


def grondslag_info(g: Grondslag, kader: Kader, kadersdir: Path | None) -> GrondslagInfo:
    """Citation, links and (when stored) the law text of the cited article, lid or onderdeel."""
    titel = tekst = bron = ""
    register = register_voor(kadersdir)
    wet = register.get(g.wet)
    if kadersdir is not None and wet is not None and wet.bwb and g.artikel:
        from kaderdiff.bron.bwb import wetversie  # lxml: not needed to trace an article back

        versie = wetversie(kadersdir, wet.bwb, kader.peildatum)
        artikel = versie.artikelen.get(g.artikel.lower()) if versie else None
        if versie is not None and artikel is not None:
            titel = artikel.titel
            from kaderdiff.model.wettekst import tekst_van  # the law's words: not for tracing an article back

            tekst = tekst_van(artikel, g.lid.lower(), g.onderdeel)
            bron = f"{versie.bwb} geldig vanaf {versie.geldig_vanaf.isoformat()}"
    return GrondslagInfo(g, citeer(g), jci(g, kader.peildatum, register), link(g, kader.peildatum, register), titel,
                         tekst, bron)


def _eis_herleiding(eis: Element, kader: Kader, kadersdir: Path | None) -> EisHerleiding:
    geen = eis.geen_grondslag
    return EisHerleiding(
        eis.id, eis.tekst,
        tuple(grondslag_info(g, kader, kadersdir) for g in eis.grondslagen),
        geen.bron if geen else "", geen.uitleg if geen else "",
    )


def parse_standaardcode(tekst: str) -> tuple[str, str]:
    """'MBO:OP1' -> ('MBO', 'OP1')."""
    sector, _, code = tekst.partition(":")
    if not sector.strip() or not code.strip():
        raise KaderdiffFout(f"Ongeldige standaard '{tekst}': schrijf SECTOR:CODE, bijv. MBO:OP1")
    return sector.strip().upper(), code.strip().upper()


def laatste_jaar(kadermap: KaderMap, sector: str) -> int:
    jaren = [j for j in kadermap.jaren() if sector.upper() in kadermap.sectoren(Versie(j))]
    if not jaren:
        raise KaderdiffFout(f"Geen kader voor sector {sector} gevonden in {kadermap.pad}")
    return jaren[-1]


def herleid_standaard(kadermap: KaderMap, standaard: str, jaar: int | None = None) -> StandaardHerleiding:
    """A standard with its eisen and their legal basis."""
    sector, code = parse_standaardcode(standaard)
    jaar = jaar if jaar is not None else laatste_jaar(kadermap, sector)
    kader = kadermap.laad(Versie(jaar), sector)
    gevonden = [st for st in kader.standaarden() if st.nummer.upper() == code]
    if not gevonden:
        bekend = ", ".join(sorted({st.nummer for st in kader.standaarden()}))
        raise KaderdiffFout(f"Standaard {code} bestaat niet in {kader.naam} (wel: {bekend})")
    st = gevonden[0]
    eisen = tuple(_eis_herleiding(el, kader, kadermap.pad)
                  for el, _ in st.doorloop() if el.soort is Soort.EIS)
    return StandaardHerleiding(kader.sector, kader.jaar, kader.peildatum.isoformat(), st.nummer, st.titel,
                               st.id, eisen)


# -- impact -------------------------------------------------------------------------

@dataclass(frozen=True)
class RustendeEis:
    """An eis in one kader that rests on a law place asked about (an article, or a place a law change touches)."""

    sector: str
    jaar: int
    standaard: str
    standaard_titel: str
    eis_id: str
    eis_tekst: str
    grondslagen: tuple[Grondslag, ...]
    wijziging: str = ""  # its number in the Staat of its year ('MBO-9'), '' when it did not change


def jaar_of_laatste(kadermap: KaderMap, jaar: int | None) -> int:
    jaren = kadermap.jaren()
    met_kaders = [j for j in jaren if kadermap.sectoren(Versie(j))]
    if not met_kaders:
        raise KaderdiffFout(f"Geen kaders gevonden in {kadermap.pad}")
    if jaar is None:
        return met_kaders[-1]
    if jaar not in jaren:
        raise KaderdiffFout(f"Het jaar {jaar} bestaat niet in {kadermap.pad} "
                            f"(beschikbaar: {', '.join(map(str, jaren))})")
    return jaar


def nieuwste_kaders(kadermap: KaderMap, jaar: int | None) -> list[tuple[int, str]]:
    """(year, sector) pairs: every sector of one year, or without a year each sector's newest kader."""
    if jaar is not None:
        jaar = jaar_of_laatste(kadermap, jaar)
        return [(jaar, s) for s in kadermap.sectoren(Versie(jaar))]
    nieuwste: dict[str, int] = {}
    for j in kadermap.jaren():
        for s in kadermap.sectoren(Versie(j)):
            nieuwste[s] = j
    if not nieuwste:
        raise KaderdiffFout(f"Geen kaders gevonden in {kadermap.pad}")
    return sorted((j, s) for s, j in nieuwste.items())


def impact(kadermap: KaderMap, wet: str, artikelen: list[str], jaar: int | None = None) -> list[RustendeEis]:
    """The standards and eisen resting on any of the given articles of a law, in one year
    (without a year: in the newest kader of each sector)."""
    register = register_voor(kadermap.pad)
    gevonden_wet = register.zoek(wet)
    if gevonden_wet is None:
        raise KaderdiffFout(f"Onbekende wet '{wet}' (bekend: {', '.join(sorted(register))})")
    code = gevonden_wet.code
    gezocht = [Grondslag(code, a.strip()) for a in artikelen] or [Grondslag(code)]
    from kaderdiff.recht.wijzigingsnummers import Wijzigingsnummers  # the diff: not for tracing an article back

    nummers = Wijzigingsnummers(kadermap)
    uit: list[RustendeEis] = []
    for kaderjaar, sector in nieuwste_kaders(kadermap, jaar):
        kader = kadermap.laad(Versie(kaderjaar), sector)
        for eis in kader.eisen():
            geraakt = tuple(g for g in eis.grondslagen if any(past_op(g, z) for z in gezocht))
            if geraakt:
                st = kader.standaard_van(eis.id)
                uit.append(RustendeEis(kader.afkorting, kaderjaar, st.nummer if st else "", st.titel if st else "",
                                       eis.id, eis.tekst, geraakt, nummers.van(kaderjaar, sector, eis.id)))
    return uit


@dataclass(frozen=True)
class GewijzigdElement:
    id: str
    soort: str
    kop: str
    tekst: str
    standaard: str
    vervallen: bool
    nummer: str = ""  # its number in the Staat of the year ('MBO-9')


@dataclass(frozen=True)
class WijzigingsToelichting:
    sector: str
    jaar: int
    toelichting_id: str
    categorie: str
    tekst: str
    elementen: tuple[GewijzigdElement, ...]


@dataclass(frozen=True)
class WetswijzigingImpact:
    code: str
    naam: str
    status: str
    inwerkingtreding: str
    jaar: int
    sectoren: tuple[str, ...]
    toelichtingen: tuple[WijzigingsToelichting, ...]


def _gewijzigd_element(kader: Kader, vorig: Kader | None, ref: str, nummer: str) -> GewijzigdElement:
    bron, vervallen = (kader, False) if ref in kader.index else (vorig, True)
    if bron is None or ref not in bron.index:
        return GewijzigdElement(ref, "", "", "", "", vervallen, nummer)
    el = bron.element(ref)
    st = bron.standaard_van(ref)
    return GewijzigdElement(ref, el.soort.value, el.kop, el.tekst, st.nummer if st else "", vervallen, nummer)


def impact_wetswijziging(kadermap: KaderMap, code: str, jaar: int | None = None) -> WetswijzigingImpact:
    """The toelichtingen (and the elements they name) tied to one wetswijziging in a year.

    Without a year: the newest year in which a kader declares the wetswijziging.
    """
    if jaar is None:
        jaar = next((k.jaar for k in reversed(alle_kaders(kadermap))
                     if any(w.code.upper() == code.upper() for w in k.wetswijzigingen)), None)
        if jaar is None:
            raise KaderdiffFout(f"De wetswijziging '{code}' komt in geen enkel kader voor")
    jaar = jaar_of_laatste(kadermap, jaar)
    vorige_jaren = [j for j in kadermap.jaren() if j < jaar]
    toel: list[WijzigingsToelichting] = []
    naam = status = inwerking = ""
    sectoren: list[str] = []
    from kaderdiff.recht.wijzigingsnummers import Wijzigingsnummers

    nummers = Wijzigingsnummers(kadermap)
    for sector in kadermap.sectoren(Versie(jaar)):
        kader = kadermap.laad(Versie(jaar), sector)
        ww = next((w for w in kader.wetswijzigingen if w.code.upper() == code.upper()), None)
        if ww is None:
            continue
        sectoren.append(kader.sector)
        naam, status = ww.naam, ww.status
        inwerking = ww.inwerkingtreding.isoformat() if ww.inwerkingtreding else ""
        vorig: Kader | None = None
        if vorige_jaren and sector in kadermap.sectoren(Versie(vorige_jaren[-1])):
            vorig = kadermap.laad(Versie(vorige_jaren[-1]), sector)
        for t in kader.toelichtingen:
            if t.wetswijziging.upper() == ww.code.upper():
                betreft = tuple(_gewijzigd_element(kader, vorig, r, nummers.van(jaar, sector, r)) for r in t.betreft)
                toel.append(WijzigingsToelichting(kader.sector, jaar, t.id, t.categorie, t.tekst, betreft))
    if not sectoren:
        raise KaderdiffFout(f"De wetswijziging '{code}' komt in geen enkel kader van {jaar} voor")
    return WetswijzigingImpact(code.upper(), naam, status, inwerking, jaar, tuple(sectoren), tuple(toel))
