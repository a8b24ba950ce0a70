"""Validate grondslagen against stored law texts (hook for `kaderdiff controleer`).

For every grondslag whose law has a stored BWB text, the article, lid and onderdeel must exist
and be in force in the version valid on the kader's peildatum. A nested onderdeel is written as a
jurist writes it (`onderdeel="b, 1°"`) and checked level by level against the nested lists. A link
to a non-existent article silently lands on the whole law, so a missing one is an error, with the
closest existing numbers as a suggestion; a vervallen article or lid says so. A grondslag in a law that
was not in force on the peildatum (the registry's geldig_van/geldig_tot) is an error naming its successor.
A law without a stored text cannot be checked, and that is said, per law with the number of its articles
(`Ongecontroleerd`): no article is left unchecked in silence.

This module picks the law version a grondslag is checked against; the judgement itself is
`recht.artikeloordeel`, asked through the article index (`recht.artikelindex`), which remembers it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kaderdiff.bron.cachemap import cachemap_van
from kaderdiff.bron.wetopslag import versies
from kaderdiff.bron.wetregister import register_voor
from kaderdiff.fouten import Melding
from kaderdiff.model.grondslag import Grondslag
from kaderdiff.model.wet import Wet, Wetregister
from kaderdiff.nederlands import nl_datum
from kaderdiff.recht.artikelindex import Artikelindex

TYPE_CHECKING = False  # not `typing`, like the other modules on the path of `controleer`
if TYPE_CHECKING:
    from kaderdiff.model.feiten import Eisfeiten, Kaderfeiten


def kadersdir_van(kader: Kaderfeiten, pad: Path | None) -> Path | None:
    """The kaders directory: given directly, or two levels above a kader file (kaders/2026/mbo.xml)."""
    if pad is not None:
        return pad if pad.is_dir() else pad.parent.parent
    if kader.bron:
        bestand = Path(kader.bron)
        if bestand.is_file():
            return bestand.parent.parent
    return None


def _eisen(kader: Kaderfeiten) -> list[Eisfeiten]:
    return [eis for eis in kader.eisen() if eis.grondslagen]


def _wetnaam(code: str, register: Wetregister) -> str:
    """A law as a citation names it (`verwijzing.citeren`). Names are made only for a message, so the citation
    module is loaded only when there is one to give."""
    from kaderdiff.verwijzing.citeren import wetnaam

    return wetnaam(code, register)


def _citeer(g: Grondslag, register: Wetregister) -> str:
    """A grondslag as a citation, for a message (see `_wetnaam`)."""
    from kaderdiff.verwijzing.citeren import citeer

    return citeer(g, register)


def niet_geldig(wet: Wet, kader: Kaderfeiten, register: Wetregister) -> str:
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


def controleer_grondslagen(kader: Kaderfeiten, pad: Path | None) -> list[Melding]:
    """Every grondslag of the kader in a law not in force on its peildatum, or that does not exist in its stored
    law text."""
    kadersdir = kadersdir_van(kader, pad)
    register = register_voor(kadersdir)
    meldingen: list[Melding] = []
    gelezen: dict[str, tuple[bool, tuple[date, Path] | None]] = {}  # per law: stored at all, the version on the date
    index: Artikelindex | None = None  # made when a stored law version is needed
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
                gelezen[wet.bwb] = (bool(opgeslagen), _geldige_versie(opgeslagen, kader.peildatum))
            heeft_tekst, versie = gelezen[wet.bwb]
            if not heeft_tekst:
                continue
            if versie is None:
                meldingen.append(Melding(
                    kader.bron, eis.regel, 0,
                    f"eis '{eis.id}': geen wettekst van de {_wetnaam(g.wet, register)} ({wet.bwb}) die geldt op de "
                    f"peildatum {nl_datum(kader.peildatum)}; {_citeer(g, register)} is niet gecontroleerd",
                    "waarschuwing"))
                continue
            if index is None:
                index = _index_van(kadersdir)
            ernst, reden = _oordeel(index, versie, g)
            if ernst:
                meldingen.append(Melding(kader.bron, eis.regel, 0,
                                         f"eis '{eis.id}': grondslag '{_citeer(g, register)}': {reden}", ernst))
    if index is not None:
        index.bewaar()
    return meldingen


#: The article index of each kadermap checked in this process (`recht.artikelindex`).
_INDEXEN: dict[Path, Artikelindex] = {}


def _geldige_versie(opgeslagen: list[tuple[date, Path]], peildatum: date) -> tuple[date, Path] | None:
    """Of the stored versions of a law, the one valid on `peildatum` (as `bwb.wetversie` picks it)."""
    geldig = [(d, p) for d, p in opgeslagen if d <= peildatum]
    return geldig[-1] if geldig else None


def _index_van(kadersdir: Path) -> Artikelindex:
    sleutel = kadersdir.resolve()
    if sleutel not in _INDEXEN:
        _INDEXEN[sleutel] = Artikelindex(cachemap_van(sleutel), sleutel)
    return _INDEXEN[sleutel]


def _oordeel(index: Artikelindex, versie: tuple[date, Path], g: Grondslag) -> tuple[str, str]:
    """`artikeloordeel.beoordeel_grondslag` of a grondslag against a stored law version, asked of the article
    index: it remembers each verdict per law file, and reads the file again only when it changed."""
    datum, pad = versie
    return index.oordeel(pad, datum, g)


class Ongecontroleerd:
    """A check (`ExtraControle`) that collects, per kadermap and law, the cited articles that could not be
    checked because no text of that law is stored; `meldingen()` then says so once per law.

    A plain class: it collects, it is never compared, and a dataclass costs `controleer` half a millisecond to
    create."""

    def __init__(self) -> None:
        self.per_wet: dict[tuple[str, str], set[str]] = {}  # (kadermap, code) -> articles

    def __call__(self, kader: Kaderfeiten, pad: Path | None) -> list[Melding]:
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
