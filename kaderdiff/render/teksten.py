"""Small presentation texts shared by the renderers: what a correction corrects, a document's reference, the
source of a version as a reader knows it, the notes of a row as sentences, the notes of a pair found by content
or in doubt. (The citation and link of a grondslag come with the Staat.)"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from kaderdiff import __version__
from kaderdiff.model.kader import Kader
from kaderdiff.model.koppeling import Koppelwijze
from kaderdiff.model.versie import Herkomst
from kaderdiff.model.wijziging import Staat, Verklaring, Wijziging
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
    """'Onze referentie' of a generated document: sector and year ('KD-MBO-2026'), '-werkmap' when its source is
    not committed. Not the commit itself: it stood on every page and a reader does not know it; the Datum beside
    the reference names the version, the colofon and the manifest its commit."""
    return f"KD-{sector}-{jaar}" + ("" if commit else "-werkmap")  # read back by word.documenttekst


def bronversie(h: Herkomst) -> str:
    """A source version as a reader knows it: by its date ('versie van 20 mei 2026'), not by a commit id (that
    stands in the colofon and the manifest, `bronversie_met_commit`)."""
    if not h.commit:
        return "kaders in de werkmap, niet vastgelegd in git"
    versie = f"versie van {nl_datum(datetime.fromtimestamp(h.datum, UTC).date())}" if h.datum else "vastgelegde versie"
    return f"{versie}, met wijzigingen die nog niet zijn vastgelegd" if h.vuil else versie


def bronversie_met_commit(h: Herkomst) -> str:
    """`bronversie` with the commit it was read from, for the colofon."""
    return bronversie(h) + (f" (git-commit {h.commit})" if h.commit else "")


def colofon_tekst(staat: Staat) -> str:
    """The closing line of a Staat: which versions (with their commits) it compares."""
    bronnen = "; ".join(f"{h.versie}: {bronversie_met_commit(h)}" for h in staat.herkomst)
    return f"Colofon: gemaakt met kaderdiff {__version__} uit de bronnen {bronnen}."


#: What each category of a toelichting means, as the Staat explains it to a reader (docs/formaat.md).
AANLEIDINGEN = {
    "wetswijziging": "een wetswijziging",
    "beleid": "een beleidskeuze van de inspectie",
    "verduidelijking": "een verduidelijking; de bedoeling blijft gelijk",
    "redactioneel": "een redactionele verbetering, zonder gevolg voor de inhoud",
    "technisch": "een technische aanpassing, zoals een nummer of een verwijzing",
    "correctie": "een correctie van het vastgestelde kader",
}


def aanleiding(v: Verklaring) -> str:
    """The reason a toelichting gives, as a sentence ('Aanleiding: een wetswijziging, de Wet … (VABA).'); '' when
    it names none."""
    if not v.categorie:
        return ""
    wet = f", de {v.wetswijziging_naam or v.wetswijziging}" if v.wetswijziging else ""
    return f"Aanleiding: {AANLEIDINGEN.get(v.categorie, v.categorie)}{wet}."


#: The notes of a row (`Wijziging.kenmerken`, short as the JSON keeps them) as the sentences a document shows.
_ZINNEN = {
    "tekst gewijzigd, grondslag niet": "De tekst is gewijzigd, de wettelijke grondslag niet.",
    "grondslag gewijzigd, tekst niet": "De wettelijke grondslag is gewijzigd, de tekst niet.",
    "tekst en grondslag gewijzigd": "De tekst en de wettelijke grondslag zijn gewijzigd.",
}
_VORMEN = (
    (re.compile(r"hernummerd: (.+) → (.+)"), r"Het nummer is gewijzigd van \1 in \2."),
    (re.compile(r"verplaatst van (.+) naar (.+)"), r"Verplaatst van \1 naar \2."),
    (re.compile(r"volgorde gewijzigd binnen (.+)"), r"De volgorde is gewijzigd binnen \1."),
    (re.compile(r"ook (.+)"), r"Daarnaast: \1."),
    (re.compile(r"samengevoegd uit: (.+)"), r"Samengevoegd uit \1."),
    (re.compile(r"gesplitst in: (.+)"), r"Gesplitst in \1."),
    (re.compile(r"opgegaan in: (.+)"), r"Opgegaan in \1."),
)


def kenmerk_zin(kenmerk: str) -> str:
    """A note of a row as a full Dutch sentence ('tekst gewijzigd, grondslag niet' -> 'De tekst is gewijzigd, de
    wettelijke grondslag niet.'); a note of another shape with a capital and a full stop."""
    if kenmerk in _ZINNEN:
        return _ZINNEN[kenmerk]
    for patroon, zin in _VORMEN:
        if patroon.fullmatch(kenmerk):
            return patroon.sub(zin, kenmerk)
    zin = kenmerk[:1].upper() + kenmerk[1:]
    return zin if zin.endswith((".", "?", "!")) else f"{zin}."


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
