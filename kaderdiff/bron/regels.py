"""The rules every kader must meet beyond its schema: unique ids, a grondslag (or a marker saying where the
text comes from) for every eis, known laws, declared wetswijzigingen.

The loader applies them to every kader it loads, so `staat`, `pakket` and the rest refuse what `controleer`
refuses; `controleer` reports them all at once, with the checks against law texts on top.
"""

from __future__ import annotations

from lxml import etree

from kaderdiff.bron.wetregister import wetten
from kaderdiff.fouten import Melding
from kaderdiff.model.kader import Kader, Soort


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


def inhoudelijke_fouten(kader: Kader) -> list[Melding]:
    """Rules the schema cannot express: grondslag or marker, known laws, declared wetswijzigingen."""
    bekend = wetten()
    meldingen = []
    for el, _ in kader.doorloop():
        if el.soort is not Soort.EIS:
            continue
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
