"""Validate grondslagen against stored law texts (hook for `kaderdiff controleer`).

For every grondslag whose law has a stored BWB text, the article, lid and onderdeel must exist
and be in force in the version valid on the kader's peildatum. A nested onderdeel is written as a
jurist writes it (`onderdeel="b, 1°"`) and checked level by level against the nested lists. A link
to a non-existent article silently lands on the whole law, so a missing one is an error, with the
closest existing numbers as a suggestion; a vervallen article or lid says so. A grondslag in a law that
was not in force on the peildatum (the registry's geldig_van/geldig_tot) is an error naming its successor.
A law without a stored text cannot be checked, and that is said, per law with the number of its articles
(`Ongecontroleerd`): no article is left unchecked in silence.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kaderdiff.bron.cachemap import cachemap_van
from kaderdiff.bron.wetopslag import versies
from kaderdiff.bron.wetregister import register_voor
from kaderdiff.fouten import Melding
from kaderdiff.model.kader import Element, Grondslag, Kader, Soort, onderdeelpad
from kaderdiff.model.wet import Wet, Wetregister
from kaderdiff.model.wettekst import (
    GELDIG,
    VERVALLEN,
    Artikel,
    Wettekst,
    alle_paden,
    zoek_onderdelen,
)
from kaderdiff.nederlands import nl_datum
from kaderdiff.recht.artikelindex import Artikelindex


def kadersdir_van(kader: Kader, pad: Path | None) -> Path | None:
    """The kaders directory: given directly, or two levels above a kader file (kaders/2026/mbo.xml)."""
    if pad is not None:
        return pad if pad.is_dir() else pad.parent.parent
    if kader.bron:
        bestand = Path(kader.bron)
        if bestand.is_file():
            return bestand.parent.parent
    return None


def dichtstbij(gezocht: str, bestaand: list[str], aantal: int = 3) -> list[str]:
    """The existing numbers closest to the one asked for (best first)."""
    import difflib  # only for a grondslag that does not exist

    return difflib.get_close_matches(gezocht, bestaand, n=aantal, cutoff=0.4)


def _voorstel(gezocht: str, bestaand: list[str], soort: str) -> str:
    beste = dichtstbij(gezocht, bestaand)
    if len(beste) > 1:
        return f"; bedoelt u {soort} {', '.join(beste[:-1])} of {beste[-1]}?"
    if beste:
        return f"; bedoelt u {soort} {beste[0]}?"
    return ""


def _staat(status: str) -> str:
    return "vervallen" if status == VERVALLEN else "nog niet in werking getreden"


def _onderdeel(g: Grondslag, artikel: Artikel, waar: str) -> tuple[str, str]:
    """Check a (possibly nested: 'b, 1°') onderdeel against the lists of the cited lid or article."""
    pad = g.onderdelen
    plek = f"lid {g.lid} van artikel {g.artikel}" if g.lid else f"artikel {g.artikel}"
    lijsten = [lijst for lijst in artikel.lijsten(g.lid) if lijst]
    if not lijsten:
        if not g.lid and artikel.leden:
            met = [lid.nr for lid in artikel.leden if zoek_onderdelen(lid.onderdelen, pad)]
            hint = f"; bedoelt u lid {' of '.join(dict.fromkeys(met))}?" if met else ""
            return "fout", (f"artikel {g.artikel} heeft leden maar zelf geen onderdelen; noem het lid waarin "
                            f"onderdeel {g.onderdeel} staat {waar}{hint}")
        return "fout", f"{plek} heeft geen onderdelen {waar} (er is geen opsomming)"
    if any(zoek_onderdelen(lijst, pad) for lijst in lijsten):
        return "", ""
    bestaand = list(dict.fromkeys(p for lijst in lijsten for p in alle_paden(lijst)))
    genest = [p for p in bestaand if onderdeelpad(p)[-1:] == pad[-1:] and len(onderdeelpad(p)) > len(pad)]
    hint = f"; bedoelt u onderdeel {' of '.join(genest)}?" if genest else ""
    return "fout", f"{plek} heeft geen onderdeel {g.onderdeel} {waar} (onderdelen: {', '.join(bestaand)}){hint}"


def beoordeel_grondslag(g: Grondslag, tekst: Wettekst) -> tuple[str, str]:
    """('', '') when the grondslag exists and is in force in this law version, else (ernst, Dutch reason):
    'fout' for what does not exist or is not in force, 'waarschuwing' for a citation the law makes
    ambiguous (two leden with one number)."""
    if not g.artikel:
        return "", ""
    waar = f"in de wettekst {tekst.bwb} geldig vanaf {nl_datum(tekst.geldig_vanaf)}"
    artikel = tekst.artikelen.get(g.artikel.lower())
    if artikel is None:
        geldig = [nr for nr, a in tekst.artikelen.items() if a.status == GELDIG]
        return "fout", (f"artikel {g.artikel} bestaat niet {waar}" + _voorstel(g.artikel, geldig, "artikel"))
    if artikel.status != GELDIG:
        return "fout", f"artikel {g.artikel} is {_staat(artikel.status)} {waar}"
    if g.lid:
        leden = artikel.lid(g.lid)
        if not leden:
            bestaand = artikel.lidnummers
            wel = f" (leden: {', '.join(bestaand)})" if bestaand else " (het artikel heeft geen leden)"
            return "fout", f"artikel {g.artikel} heeft geen lid {g.lid} {waar}{wel}"
        if all(lid.status != GELDIG for lid in leden):
            return "fout", f"lid {g.lid} van artikel {g.artikel} is {_staat(leden[0].status)} {waar}"
    if g.onderdeel:
        ernst, reden = _onderdeel(g, artikel, waar)
        if ernst:
            return ernst, reden
    if g.lid and len(artikel.lid(g.lid)) > 1:
        return "waarschuwing", (f"artikel {g.artikel} heeft {len(artikel.lid(g.lid))} leden met nummer {g.lid} "
                                f"{waar}; de verwijzing is niet eenduidig")
    return "", ""


def controleer_grondslag(g: Grondslag, tekst: Wettekst) -> str:
    """'' when the grondslag exists in this law version, else the Dutch reason why not (errors only)."""
    ernst, reden = beoordeel_grondslag(g, tekst)
    return reden if ernst == "fout" else ""


def _eisen(kader: Kader) -> list[Element]:
    return [el for el, _ in kader.doorloop() if el.soort is Soort.EIS and el.grondslagen]


def _wetnaam(code: str, register: Wetregister) -> str:
    """A law as a citation names it (`verwijzing.citeren`). Names are made only for a message, so the citation
    module is loaded only when there is one to give."""
    from kaderdiff.verwijzing.citeren import wetnaam

    return wetnaam(code, register)


def _citeer(g: Grondslag, register: Wetregister) -> str:
    """A grondslag as a citation, for a message (see `_wetnaam`)."""
    from kaderdiff.verwijzing.citeren import citeer

    return citeer(g, register)


def niet_geldig(wet: Wet, kader: Kader, register: Wetregister) -> str:
    """Why a law cannot be a grondslag on the kader's peildatum ('' when it can): lapsed, with its successor, or
    not yet in force; each law named as a citation names it ('de WVO 1968', not the registry's 'WVO1968')."""
    peildatum = kader.peildatum
    if wet.geldt_op(peildatum):
        return ""
    naam = _wetnaam(wet.code, register)
    if register.zoek(naam, peildatum) is not wet:  # on this day the name means another law: say which is meant
        naam = f"{naam} ({wet.naam})"
    if wet.geldig_tot is not None and peildatum >= wet.geldig_tot:
        opvolger = register.get(wet.opvolger) if wet.opvolger else None
        hint = f"; bedoelt u {_genoemd(opvolger, register)}?" if opvolger is not None else ""
        return (f"de {naam} is vervallen per {nl_datum(wet.geldig_tot)}, vóór de peildatum "
                f"{nl_datum(peildatum)} van dit kader{hint}")
    assert wet.geldig_van is not None  # not in force, not lapsed: not yet in force
    return (f"de {naam} is pas in werking per {nl_datum(wet.geldig_van)}, na de peildatum "
            f"{nl_datum(peildatum)} van dit kader")


def _genoemd(wet: Wet, register: Wetregister) -> str:
    """A law as a reader knows it with its full name, and the code a kader writes when that name is not it:
    'de WVO (Wet voortgezet onderwijs 2020)', 'de Regeling Leerresultaten PO (in het kader wet="RLRPO")'."""
    naam = _wetnaam(wet.code, register)
    erbij = [wet.naam] if wet.naam.casefold() != naam.casefold() else []
    if naam != wet.code:
        erbij.append(f'in het kader wet="{wet.code}"')
    return f"de {naam} ({'; '.join(erbij)})" if erbij else f"de {naam}"


def controleer_grondslagen(kader: Kader, pad: Path | None) -> list[Melding]:
    """Every grondslag of the kader in a law not in force on its peildatum, or that does not exist in its stored
    law text."""
    kadersdir = kadersdir_van(kader, pad)
    register = register_voor(kadersdir)
    meldingen: list[Melding] = []
    gelezen: dict[str, tuple[bool, Wettekst | None]] = {}  # per law of this kader: stored at all, version on the date
    for eis in _eisen(kader):
        for g in eis.grondslagen:
            wet = register.get(g.wet)
            reden = niet_geldig(wet, kader, register) if wet is not None else ""
            if reden:
                meldingen.append(Melding(kader.bron, eis.regel, 0,
                                         f"eis '{eis.id}': grondslag '{_citeer(g, register)}': {reden}"))
                continue
            if kadersdir is None or wet is None or not wet.bwb:
                continue
            if wet.bwb not in gelezen:
                opgeslagen = versies(kadersdir, wet.bwb)
                gelezen[wet.bwb] = (bool(opgeslagen), _wetversie(kadersdir, opgeslagen, kader.peildatum))
            heeft_tekst, tekst = gelezen[wet.bwb]
            if not heeft_tekst:
                continue
            if tekst is None:
                meldingen.append(Melding(
                    kader.bron, eis.regel, 0,
                    f"eis '{eis.id}': geen wettekst van de {_wetnaam(g.wet, register)} ({wet.bwb}) die geldt op de "
                    f"peildatum {nl_datum(kader.peildatum)}; {_citeer(g, register)} is niet gecontroleerd",
                    "waarschuwing"))
                continue
            ernst, reden = beoordeel_grondslag(g, tekst)
            if ernst:
                meldingen.append(Melding(kader.bron, eis.regel, 0,
                                         f"eis '{eis.id}': grondslag '{_citeer(g, register)}': {reden}", ernst))
    if kadersdir is not None and kadersdir.resolve() in _INDEXEN:
        _INDEXEN[kadersdir.resolve()].bewaar()
    return meldingen


#: The article index of each kadermap checked in this process (`recht.artikelindex`).
_INDEXEN: dict[Path, Artikelindex] = {}


def _wetversie(kadersdir: Path, opgeslagen: list[tuple[date, Path]], peildatum: date) -> Wettekst | None:
    """Of the stored versions of a law, the one valid on `peildatum` (as `bwb.wetversie` picks it), from the
    article index: its articles, leden and onderdelen without their texts, which is all a check needs."""
    geldig = [(d, p) for d, p in opgeslagen if d <= peildatum]
    if not geldig:
        return None
    datum, pad = geldig[-1]
    sleutel = kadersdir.resolve()
    if sleutel not in _INDEXEN:
        _INDEXEN[sleutel] = Artikelindex(cachemap_van(sleutel), sleutel)
    return _INDEXEN[sleutel].wettekst(pad, datum)


class Ongecontroleerd:
    """A check (`ExtraControle`) that collects, per kadermap and law, the cited articles that could not be
    checked because no text of that law is stored; `meldingen()` then says so once per law.

    A plain class: it collects, it is never compared, and a dataclass costs `controleer` half a millisecond to
    create."""

    def __init__(self) -> None:
        self.per_wet: dict[tuple[str, str], set[str]] = {}  # (kadermap, code) -> articles

    def __call__(self, kader: Kader, pad: Path | None) -> list[Melding]:
        kadersdir = kadersdir_van(kader, pad)
        if kadersdir is None:
            return []
        register = register_voor(kadersdir)
        opgeslagen: dict[str, bool] = {}  # per law: is a text stored (one look in the law store per law)
        for eis in _eisen(kader):
            for g in eis.grondslagen:
                wet = register.get(g.wet)
                if not g.artikel or wet is None or not wet.bwb or niet_geldig(wet, kader, register):
                    continue
                if wet.bwb not in opgeslagen:
                    opgeslagen[wet.bwb] = bool(versies(kadersdir, wet.bwb))
                if not opgeslagen[wet.bwb]:
                    self.per_wet.setdefault((str(kadersdir), wet.code), set()).add(g.artikel.lower())
        return []

    def meldingen(self) -> list[Melding]:
        """Per law without a text: how many of its articles went unchecked, and how to fetch it."""
        uit = []
        for (kadersdir, code), artikelen in sorted(self.per_wet.items()):
            wet = register_voor(Path(kadersdir)).per_code[code]
            uit.append(Melding(str(Path(kadersdir) / "wetten"), 0, 0,  # where the text would be
                               f"geen wettekst van de {code} ({wet.bwb}): {len(artikelen)} "
                               f"artikel{'' if len(artikelen) == 1 else 'en'} niet gecontroleerd; haal hem met "
                               f"'kaderdiff wetten haal {code}' (of alle geciteerde wetten met "
                               "'kaderdiff wetten haal --alle')", "waarschuwing"))
        return uit
