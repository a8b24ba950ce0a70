"""How elements are named and located in documents: labels, vindplaatsen and the text of a WAS/WORDT cell.

Every output (Staat, concept, voorstel, herleid) names an element the same way, so these live with the model.
"""

from __future__ import annotations

from kaderdiff.model.kader import AFGELEIDE_CONTAINERS, BLAD_SOORTEN, Element, Kader, Soort


def label(el: Element) -> str:
    """How an element is named in a vindplaats ('§ 7.5.2 Escaleren', 'OP1 Aanbod')."""
    match el.soort:
        case Soort.HOOFDSTUK:
            return f"Hoofdstuk {el.kop}"
        case Soort.PARAGRAAF:
            return f"§ {el.kop}"
        case Soort.BIJLAGE:
            return f"Bijlage {el.kop}"
        case Soort.WOORD_VOORAF:
            return el.titel or "Woord vooraf"
        case Soort.ADDENDUM:
            return el.titel or "Addendum"
        case Soort.BESLISREGELS:
            return el.titel or "Beslisregels"
        case Soort.BASISKWALITEIT:
            return "Basiskwaliteit"
        case Soort.EIGEN_ASPIRATIES:
            return "Eigen aspiraties"
        case Soort.OMSCHRIJVING:
            return "Omschrijving"
        case _:
            return el.kop


#: Kinds that appear in a vindplaats path (the rest are text blocks inside them).
_PLAATSEN = frozenset(Soort) - BLAD_SOORTEN - {Soort.LIJST}


def vindplaats(kader: Kader, element_id: str) -> str:
    """Path of headings down to (and including) the element when it is itself a heading."""
    el, voorouders = kader.index[element_id]
    delen = [label(v) for v in voorouders if v.soort in _PLAATSEN]
    if el.soort in _PLAATSEN:
        delen.append(label(el))
    return " › ".join(d for d in delen if d)


def eigen_tekst(el: Element) -> str:
    """The element's own text as it is shown in a WAS/WORDT cell."""
    if el.soort is Soort.BESLISREGEL:
        return f"{el.kenmerk}: {el.tekst}"
    if el.soort in BLAD_SOORTEN:
        return el.tekst
    return el.kop


#: What starts the line of a list item in a multi-line cell: a bullet, or the item's number.
OPSOMMINGSTEKEN = "•"


def lijstteken(item: Element, lijst: Element | None) -> str:
    """'• ' for an item of a bulleted list, '2. ' for the second item of a numbered one."""
    if lijst is not None and lijst.kenmerk == "genummerd":
        plaats = next((i for i, kind in enumerate(lijst.kinderen, start=1) if kind is item), 1)
        return f"{plaats}. "
    return f"{OPSOMMINGSTEKEN} "


def volledige_tekst(el: Element) -> str:
    """The element with everything in it, one block per line (for added and removed subtrees).

    List items keep their bullet or number: without it a list reads as loose sentences in a cell.
    """
    regels = []
    for sub, voorouders in el.doorloop():
        if sub.soort in AFGELEIDE_CONTAINERS:
            regels.append(label(sub))
            continue
        tekst = eigen_tekst(sub)
        if tekst and sub.soort is Soort.ITEM:
            tekst = lijstteken(sub, voorouders[-1] if voorouders else None) + tekst
        if tekst:
            regels.append(tekst)
    return "\n".join(regels)
