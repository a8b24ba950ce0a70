"""How elements are named and located in documents: labels, vindplaatsen and the text of a WAS/WORDT cell.

Every output (Staat, concept, voorstel, herleid) names an element the same way, so these live with the model.
"""

from __future__ import annotations

from kaderdiff.model.kader import AFGELEIDE_CONTAINERS, BLAD_SOORTEN, CELGRENS, Element, Grondslag, Kader, Soort

#: Between the cells of a table row where a row is shown as one line of text.
CELSCHEIDING = " | "


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
        case Soort.OVERIGE_VEREISTEN:
            return el.titel or "Overige wettelijke vereisten"
        case Soort.TABEL:
            return f"Tabel {el.titel}".strip()
        case _:
            return el.kop


#: Kinds that appear in a vindplaats path (the rest are text blocks inside them).
_PLAATSEN = frozenset(Soort) - BLAD_SOORTEN - {Soort.LIJST, Soort.TABEL}


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
    if el.soort is Soort.RIJ:
        return el.tekst.replace(CELGRENS, CELSCHEIDING)
    if el.soort is Soort.EIS and el.kop:  # an eis with its own number and title ('OP0.1 Leesonderwijs')
        return f"{el.kop}\n{el.tekst}"
    if el.soort is Soort.TABEL:
        return label(el)
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


def alle_grondslagen(el: Element) -> tuple[Grondslag, ...]:
    """The legal bases of everything in the element, in document order, each once.

    An added or removed standard has no grondslag of its own; its row shows those of its eisen.
    """
    return tuple(dict.fromkeys(g for sub, _ in el.doorloop() for g in sub.grondslagen))
