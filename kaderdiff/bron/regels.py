"""The rules every kader must meet beyond its schema: unique ids, no text after a list inside a list item, a
grondslag (or a marker saying where the text comes from) for every eis, known laws (of the kadermap's registry),
declared wetswijzigingen, a correctie that says what it corrects.

The loader applies them to every kader it loads, so `staat`, `pakket` and the rest refuse what `controleer`
refuses; `controleer` reports them all at once, with the checks against law texts on top.
"""

from __future__ import annotations

from lxml import etree

from kaderdiff.bron.wetregister import register_voor
from kaderdiff.fouten import Melding
from kaderdiff.model.wet import Wetregister

TYPE_CHECKING = False  # not `typing`, like the other modules on the path of `controleer`
if TYPE_CHECKING:
    from kaderdiff.model.feiten import Kaderfeiten


def dubbele_ids(boom: etree._ElementTree, bestand: str) -> list[Melding]:
    """Every id used twice, naming both places."""
    eerste: dict[str, int] = {}
    meldingen = []
    for el in boom.getroot().iter():
        element_id = el.get("id") if isinstance(el.tag, str) else None
        if not element_id:
            continue
        regel = el.sourceline or 0
        if element_id in eerste:
            meldingen.append(Melding(bestand, regel, 0,
                                     f"id '{element_id}' komt dubbel voor (eerder op regel {eerste[element_id]})"))
        else:
            eerste[element_id] = regel
    return meldingen


def tekst_na_lijst(boom: etree._ElementTree, bestand: str) -> list[Melding]:
    """Text after a list inside a list item: it would be shown before that list, so it is refused."""
    return [Melding(bestand, lijst.sourceline or 0, 0,
                    f"na de lijst '{lijst.get('id')}' in item '{item.get('id')}' staat nog tekst; "
                    "zet die tekst in het item vóór de lijst of in een eigen item")
            for item in boom.getroot().iter("item") for lijst in item.findall("lijst")
            if (lijst.tail or "").strip()]


def inhoudelijke_fouten(kader: Kaderfeiten, register: Wetregister | None = None) -> list[Melding]:
    """Rules the schema cannot express: grondslag or marker, known laws, declared wetswijzigingen. Of a `Kader`, or
    of the facts `controleer` reads from a tree (`bron.kaderfeiten`)."""
    bekend = register if register is not None else register_voor(None)
    meldingen = []
    if (kader.status == "correctie") != (kader.correctie is not None):
        meldingen.append(Melding(kader.bron, 2, 0, "een kader met status=\"correctie\" heeft een <correctie "
                                 "vastgesteld=\"…\"> die zegt welk vastgesteld kader het corrigeert, en alleen dan"))
    for el in kader.eisen():
        if not el.grondslagen and el.geen_grondslag is None:
            meldingen.append(Melding(kader.bron, el.regel, 0,
                                     f"eis '{el.id}' heeft geen grondslag en ook geen <geenGrondslag bron=\"…\"> "
                                     "die zegt waar de formulering vandaan komt"))
        for g in el.grondslagen:
            if g.wet not in bekend:
                meldingen.append(Melding(kader.bron, el.regel, 0,
                                         f"eis '{el.id}': onbekende wet '{g.wet}' "
                                         f"(bekend: {', '.join(sorted(bekend))})"))
    gedeclareerd = {w.code for w in kader.wetswijzigingen}
    for t in kader.toelichtingen:
        if t.wetswijziging and t.wetswijziging not in gedeclareerd:
            meldingen.append(Melding(kader.bron, t.regel, 0,
                                     f"toelichting '{t.id}' noemt wetswijziging '{t.wetswijziging}', die niet "
                                     "in <wetswijzigingen> is gedeclareerd"))
    return meldingen
