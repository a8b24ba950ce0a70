"""Small presentation texts shared by the renderers: what a correction corrects, a document's reference, the
notes of a pair found by content or in doubt. (The citation and link of a grondslag come with the Staat.)"""

from __future__ import annotations

from kaderdiff.model.kader import Kader
from kaderdiff.model.koppeling import Koppelwijze
from kaderdiff.model.wijziging import Wijziging
from kaderdiff.nederlands import nl_datum


def correctie_tekst(kader: Kader) -> str:
    """What a correction corrects, as the Staat says it ('' for a kader that is no correction)."""
    c = kader.correctie
    if c is None:
        return ""
    publicatie = f", gepubliceerd in {c.publicatie}" if c.publicatie else ""
    return (f"{kader.titel} is een correctie van het op {nl_datum(c.vastgesteld)} vastgestelde kader"
            f"{publicatie}. {c.omschrijving}")


def referentie(sector: str, jaar: int, commit: str) -> str:
    """'Onze referentie' of a generated document: sector, year and the source commit."""
    return f"KD-{sector}-{jaar}-{commit[:7] if commit else 'werkmap'}"


#: How a row whose pair is in doubt begins its note: the reader must check the pair.
ONZEKER = "koppeling onzeker: controleer"


def twijfel_regel(w: Wijziging) -> str:
    """The visible note of a row whose pair is in doubt ('' when it is certain)."""
    if w.koppeling is None or not w.koppeling.onzeker:
        return ""
    return f"{ONZEKER} of WAS en WORDT hetzelfde element zijn; {w.koppeling.twijfel}"


def koppeling_regels(w: Wijziging) -> list[str]:
    """A quiet note for a row whose pair was found by content, not by id: how, how similar, the old id."""
    koppeling = w.koppeling
    if koppeling is None or koppeling.wijze is Koppelwijze.ID or w.oud is None or w.nieuw is None:
        return []
    gelijkenis = f", gelijkenis {koppeling.gelijkenis:.0%}" if koppeling.gelijkenis is not None else ""
    oud_id = f" (id was '{w.oud.id}')" if w.oud.id != w.nieuw.id else ""
    return [f"gekoppeld op {koppeling.wijze.value}{gelijkenis}{oud_id}"]
