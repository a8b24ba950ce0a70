"""A kader model back to kader XML, in the canonical layout of `opmaak` (the inverse of `laden`).

`laad_bytes(kader_xml(k))` gives `k` again for every valid kader, and for a canonical file
`kader_xml(laad_bytes(data)) == data`. Used by whatever makes kaders rather than reading them
(the Word importer); the result is checked against the schema before it is returned.
"""

from __future__ import annotations

from lxml import etree

from kaderdiff.bron.laden import laad_bytes
from kaderdiff.bron.opmaak import canoniek
from kaderdiff.fouten import KaderdiffFout
from kaderdiff.model.kader import AFGELEIDE_CONTAINERS, Element, Fragment, Kader, Soort

#: Kinds whose number is written as `code` (the rest as `nr`).
_MET_CODE = frozenset({Soort.KWALITEITSGEBIED, Soort.STANDAARD})
#: Kinds whose inline text is the element's own mixed content.
_INLINE_SOORTEN = frozenset({Soort.ALINEA, Soort.ITEM, Soort.BESLISREGEL})


def schrijf_inline(el: etree._Element, fragmenten: tuple[Fragment, ...]) -> None:
    """Fragments as mixed content of `el` (text, <nadruk>, <sterk>, <voetnoot>)."""
    laatste: etree._Element | None = None
    for f in fragmenten:
        if not f.stijl:
            if laatste is None:
                el.text = (el.text or "") + f.tekst
            else:
                laatste.tail = (laatste.tail or "") + f.tekst
            continue
        laatste = etree.SubElement(el, f.stijl)
        laatste.text = f.tekst


def _tekstelement(ouder: etree._Element, tag: str, tekst: str) -> etree._Element:
    el = etree.SubElement(ouder, tag)
    el.text = tekst
    return el


def _element(ouder: etree._Element, el: Element) -> None:
    xml = etree.SubElement(ouder, el.soort.value)
    if el.soort not in AFGELEIDE_CONTAINERS:
        xml.set("id", el.id)
    if el.nummer:
        xml.set("code" if el.soort in _MET_CODE else "nr", el.nummer)
    if el.kenmerk:
        sleutel = {Soort.WAARDERINGSKADER: "niveau", Soort.BESLISREGEL: "oordeel"}.get(el.soort, "soort")
        xml.set(sleutel, el.kenmerk)
    if el.titel:
        _tekstelement(xml, "titel", el.titel)
    if el.soort in _INLINE_SOORTEN:
        schrijf_inline(xml, el.inhoud)
    elif el.soort is Soort.RIJ:
        for cel in el.cellen:
            schrijf_inline(etree.SubElement(xml, "cel"), cel)
    elif el.soort is Soort.EIS:
        schrijf_inline(etree.SubElement(xml, "tekst"), el.inhoud)
        for g in el.grondslagen:
            grond = etree.SubElement(xml, "grondslag", wet=g.wet)
            for naam in ("artikel", "lid", "onderdeel"):
                if getattr(g, naam):
                    grond.set(naam, getattr(g, naam))
        if el.geen_grondslag is not None:
            geen = etree.SubElement(xml, "geenGrondslag", bron=el.geen_grondslag.bron)
            geen.text = el.geen_grondslag.uitleg
    for kind in el.kinderen:
        _element(xml, kind)


def kader_boom(kader: Kader) -> etree._ElementTree:
    wortel = etree.Element("kader", sector=kader.sector)
    if kader.variant:
        wortel.set("variant", kader.variant)
    wortel.set("jaar", str(kader.jaar))
    wortel.set("status", kader.status)
    wortel.set("peildatum", kader.peildatum.isoformat())
    _tekstelement(wortel, "titel", kader.titel)
    if kader.correctie is not None:
        c = _tekstelement(wortel, "correctie", kader.correctie.omschrijving)
        c.set("vastgesteld", kader.correctie.vastgesteld.isoformat())
        if kader.correctie.publicatie:
            c.set("publicatie", kader.correctie.publicatie)
    if kader.wetswijzigingen:
        lijst = etree.SubElement(wortel, "wetswijzigingen")
        for w in kader.wetswijzigingen:
            xml = _tekstelement(lijst, "wetswijziging", w.omschrijving)
            xml.set("code", w.code)
            xml.set("status", w.status)
            xml.set("naam", w.naam)
            if w.inwerkingtreding is not None:
                xml.set("inwerkingtreding", w.inwerkingtreding.isoformat())
    if kader.samenvatting:
        samenvatting = etree.SubElement(wortel, "samenvatting")
        for alinea in kader.samenvatting:
            schrijf_inline(etree.SubElement(samenvatting, "alinea"), alinea)
    for onderdeel in kader.onderdelen:
        _element(wortel, onderdeel)
    if kader.toelichtingen:
        lijst = etree.SubElement(wortel, "toelichtingen")
        for t in kader.toelichtingen:
            xml = etree.SubElement(lijst, "toelichting", id=t.id, categorie=t.categorie)
            if t.wetswijziging:
                xml.set("wetswijziging", t.wetswijziging)
            for ref in t.betreft:
                etree.SubElement(xml, "betreft", ref=ref)
            _tekstelement(xml, "tekst", t.tekst)
    return etree.ElementTree(wortel)


def kader_xml(kader: Kader, bron: str = "") -> bytes:
    """Canonical kader XML; raises `KaderdiffFout` (with the schema's messages) if the model is not a valid kader.

    The rules about content (every eis a grondslag, known laws) are not checked here: a kader being made (an
    import) may still miss them, and its maker reports them for the editor to fix (`regels.inhoudelijke_fouten`).
    """
    data = canoniek(kader_boom(kader))
    naam = bron or f"{kader.afkorting.lower()}.xml"
    try:
        laad_bytes(data, naam, regels=False)
    except KaderdiffFout as fout:
        raise KaderdiffFout(f"Het kader {kader.naam} kan niet als geldige kader-XML worden geschreven",
                            fout.meldingen) from None
    return data
