"""How sure is a row's pair? A pair the texts could just as well have made otherwise says so (docs/staat-json.md).

The aligner marks what it knows while pairing: a pair of wholly different texts found only by its place, or
by an id in a place where the ids proved to be positional. Here, for the rows of the Staat only, the second
candidate is weighed: another text block of the same kind, anywhere in the other version, that one of the
pair's two texts resembles about as much as it resembles its partner. Reading the pair the other way (that
block with this text, and, when that block is paired, its partner with the remaining text) must be clearly
worse, or the row is in doubt. An id counts as evidence: an id match is only in doubt when the other reading
is clearly better (by the same margin). A text that is unchanged on both sides is that element, and never a
rival.
"""

from __future__ import annotations

from dataclasses import replace

from kaderdiff.diff.gelijkenis import gelijkenis, kandidaten, vergelijkingstekst
from kaderdiff.diff.uitlijning import DREMPEL_CONTEXT
from kaderdiff.model.kader import BLAD_SOORTEN, SOORT_NAAM, Element, Kader, Soort
from kaderdiff.model.koppeling import Koppelwijze, Uitlijning
from kaderdiff.model.wijziging import Wijziging

#: Two readings within this much similarity per pair (0..1) are as good as each other.
MARGE = 0.05


class _Kant:
    """The text blocks of one kind in one version that could be rivals, with their compared texts: all but
    those whose text is unchanged on both sides (an unchanged text is that element) and not in a row."""

    def __init__(self, kader: Kader, soort: Soort, partners: dict[str, str], ander: Kader, in_rij: set[str]) -> None:
        self.kader = kader
        self.elementen: list[Element] = []
        self._tekst: dict[str, str] = {}
        for el, _ in kader.doorloop():
            partner = partners.get(el.id)
            if el.soort is not soort or (el.id not in in_rij and partner is not None
                                         and _onveranderd(el, ander.element(partner))):
                continue
            self.elementen.append(el)
        self.teksten = [self.tekst(el.id) for el in self.elementen]

    def tekst(self, element_id: str) -> str:
        tekst = self._tekst.get(element_id)
        if tekst is None:
            tekst = self._tekst[element_id] = vergelijkingstekst(self.kader.element(element_id))
        return tekst


def _onveranderd(a: Element, b: Element) -> bool:
    return a.inhoud == b.inhoud and a.kenmerk == b.kenmerk


def met_twijfel(rijen: list[Wijziging], oud: Kader, nieuw: Kader, uitlijning: Uitlijning) -> list[Wijziging]:
    """The rows, each pair that could as well have been made otherwise with its doubt in `koppeling.twijfel`."""
    te_wegen = [w for w in rijen if w.koppeling is not None and not w.koppeling.twijfel and w.oud is not None
                and w.nieuw is not None and w.nieuw.soort in BLAD_SOORTEN]
    nummers_oud = {w.oud.id: w.nummer for w in rijen if w.oud is not None}
    nummers_nieuw = {w.nieuw.id: w.nummer for w in rijen if w.nieuw is not None}
    twijfels: dict[str, str] = {}
    for soort in sorted({w.element_soort for w in te_wegen}):
        kant_oud = _Kant(oud, Soort(soort), uitlijning.oud_naar_nieuw, nieuw, set(nummers_oud))
        kant_nieuw = _Kant(nieuw, Soort(soort), uitlijning.nieuw_naar_oud, oud, set(nummers_nieuw))
        eigen = [w for w in te_wegen if w.element_soort == soort]
        for w, reden in _weeg(eigen, kant_oud, kant_nieuw, uitlijning, (nummers_oud, nummers_nieuw)):
            twijfels.setdefault(w.nummer, reden)
    uit = []
    for w in rijen:
        if w.nummer in twijfels and w.koppeling is not None:
            w = replace(w, koppeling=replace(w.koppeling, twijfel=twijfels[w.nummer]))
        uit.append(w)
    return uit


def _weeg(rijen: list[Wijziging], kant_oud: _Kant, kant_nieuw: _Kant, uitlijning: Uitlijning,
          nummers: tuple[dict[str, str], dict[str, str]]) -> list[tuple[Wijziging, str]]:
    """(row, reason) for every row of one kind with a rival reading about as good as its own (or better):
    the old text of each row against every new block, and the new text against every old block."""
    paren = [(w, w.oud.id, w.nieuw.id) for w in rijen if w.oud is not None and w.nieuw is not None]
    eigen = [gelijkenis(kant_oud.tekst(o), kant_nieuw.tekst(n)) for _, o, n in paren]
    oud_ids, nieuw_ids = [o for _, o, _ in paren], [n for _, _, n in paren]
    rijen_ = [w for w, _, _ in paren]
    return (_rivalen(rijen_, eigen, (oud_ids, nieuw_ids), (kant_oud, kant_nieuw), uitlijning.nieuw_naar_oud,
                     nummers[1], "de oude tekst lijkt ook op {} in het nieuwe kader")
            + _rivalen(rijen_, eigen, (nieuw_ids, oud_ids), (kant_nieuw, kant_oud), uitlijning.oud_naar_nieuw,
                       nummers[0], "de nieuwe tekst lijkt ook op {} in het oude kader"))


def _rivalen(rijen: list[Wijziging], eigen: list[float], ids: tuple[list[str], list[str]],
             kanten: tuple[_Kant, _Kant], partners: dict[str, str], nummers: dict[str, str],
             zin: str) -> list[tuple[Wijziging, str]]:
    """Rows whose text on this side (`ids[0]`, `kanten[0]`) resembles a block on the other side about as much
    as its own partner (`ids[1]`); `partners` maps a block there to its partner here."""
    (hier, daar), (kant_hier, kant_daar) = ids, kanten
    uit = []
    for score, r, j in kandidaten([kant_hier.tekst(h) for h in hier], kant_daar.teksten, DREMPEL_CONTEXT):
        ander = kant_daar.elementen[j]
        if ander.id == daar[r]:
            continue
        partner = partners.get(ander.id)
        tegen = (kant_hier.tekst(partner), kant_daar.tekst(daar[r])) if partner is not None else None
        reden = _rivaal(rijen[r], score, eigen[r], tegen, kant_daar.tekst(ander.id))
        if reden:
            uit.append((rijen[r], f"{zin.format(_naam(ander, nummers))} {reden}"))
    return uit


def _rivaal(w: Wijziging, score: float, eigen: float, partner: tuple[str, str] | None, tekst_ander: str) -> str:
    """The figures that make the other reading as good as the row's own ('' when the row's is clearly better).

    The other reading pairs one of the row's texts with `ander` (`score` similar). When `ander` has a partner
    of its own, `partner` holds that partner's text and the row's text left over: they would pair up (if
    similar enough at all), and the reading weighs both pairs against the row's pair and `ander`'s pair."""
    assert w.koppeling is not None
    anders, zo, paren = score, eigen, 1
    if partner is not None:
        tekst_partner, overgebleven = partner
        hun = gelijkenis(tekst_partner, tekst_ander)
        if hun == 1.0:
            return ""  # an unchanged text is that element
        kruis = gelijkenis(tekst_partner, overgebleven)
        anders += kruis if kruis >= DREMPEL_CONTEXT else 0.0
        zo, paren = zo + hun, 2
    if w.koppeling.wijze is Koppelwijze.ID:
        if anders <= zo + MARGE * paren:
            return ""  # an id holds unless the texts clearly say otherwise
    elif anders < zo - MARGE * paren:
        return ""
    return f"({score:.0%}; dit paar {eigen:.0%})"


def _naam(el: Element, nummers: dict[str, str]) -> str:
    """'eis 'st-op1-e2' (PO-12)': the element and, when it has one, the number of its own row."""
    nummer = f" ({nummers[el.id]})" if el.id in nummers else ""
    return f"{SOORT_NAAM[el.soort]} '{el.id}'{nummer}"
