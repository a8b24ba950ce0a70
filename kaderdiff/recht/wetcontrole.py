"""Validate grondslagen against stored law texts (hook for `kaderdiff controleer`).

For every grondslag whose law has a stored BWB text, the article, lid and (when the lid
has a list) onderdeel must exist in the version valid on the kader's peildatum. A link to a
non-existent article silently lands on the whole law, so a missing one is an error, with the
closest existing numbers as a suggestion. Laws without a stored text are not checked.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from kaderdiff.bron.wetregister import register_voor
from kaderdiff.fouten import Melding
from kaderdiff.model.kader import Element, Grondslag, Kader, Soort
from kaderdiff.nederlands import nl_datum
from kaderdiff.recht.bwb import Wettekst, versies, wetversie
from kaderdiff.recht.citaten import citeer


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
    return difflib.get_close_matches(gezocht, bestaand, n=aantal, cutoff=0.4)


def _voorstel(gezocht: str, bestaand: list[str], soort: str) -> str:
    beste = dichtstbij(gezocht, bestaand)
    if len(beste) > 1:
        return f"; bedoelt u {soort} {', '.join(beste[:-1])} of {beste[-1]}?"
    if beste:
        return f"; bedoelt u {soort} {beste[0]}?"
    return ""


def controleer_grondslag(g: Grondslag, tekst: Wettekst) -> str:
    """'' when the grondslag exists in this law version, else the Dutch reason why not."""
    if not g.artikel:
        return ""
    waar = f"in de wettekst {tekst.bwb} geldig vanaf {nl_datum(tekst.geldig_vanaf)}"
    artikel = tekst.artikelen.get(g.artikel.lower())
    if artikel is None:
        return (f"artikel {g.artikel} bestaat niet {waar}"
                + _voorstel(g.artikel, list(tekst.artikelen), "artikel"))
    if g.lid and g.lid.lower() not in artikel.leden:
        bestaand = list(artikel.leden)
        wel = f" (leden: {', '.join(bestaand)})" if bestaand else " (het artikel heeft geen leden)"
        return f"artikel {g.artikel} heeft geen lid {g.lid} {waar}{wel}"
    if g.onderdeel:
        items = artikel.onderdelen.get(g.lid.lower(), ())
        # a nested onderdeel ('b, 1°'): every level must exist (the stored lists are flat)
        if items and any(deel.lower() not in items for deel in g.onderdelen):
            plek = f"lid {g.lid} van artikel {g.artikel}" if g.lid else f"artikel {g.artikel}"
            return f"{plek} heeft geen onderdeel {g.onderdeel} {waar} (onderdelen: {', '.join(items)})"
    return ""


def _eisen(kader: Kader) -> list[Element]:
    return [el for el, _ in kader.doorloop() if el.soort is Soort.EIS and el.grondslagen]


def controleer_grondslagen(kader: Kader, pad: Path | None) -> list[Melding]:
    """Every grondslag of the kader that does not exist in its stored law text."""
    kadersdir = kadersdir_van(kader, pad)
    if kadersdir is None:
        return []
    register = register_voor(kadersdir)
    meldingen: list[Melding] = []
    for eis in _eisen(kader):
        for g in eis.grondslagen:
            wet = register.get(g.wet)
            if wet is None or not wet.bwb or not versies(kadersdir, wet.bwb):
                continue
            tekst = wetversie(kadersdir, wet.bwb, kader.peildatum)
            if tekst is None:
                meldingen.append(Melding(
                    kader.bron, eis.regel, 0,
                    f"eis '{eis.id}': geen wettekst van de {g.wet} ({wet.bwb}) die geldt op de peildatum "
                    f"{nl_datum(kader.peildatum)}; {citeer(g)} is niet gecontroleerd",
                    "waarschuwing"))
                continue
            reden = controleer_grondslag(g, tekst)
            if reden:
                meldingen.append(Melding(kader.bron, eis.regel, 0,
                                         f"eis '{eis.id}': grondslag '{citeer(g)}': {reden}"))
    return meldingen
