"""Load kader XML into the model: safe parse -> schema check -> element tree.

Loading never fails half-way: any problem raises `KaderdiffFout` with every
message found, each naming file, line and column.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from lxml import etree

from kaderdiff.bron.bestanden import lees_bestand
from kaderdiff.bron.kaderfeiten import grondslagen_uit
from kaderdiff.bron.ontleden import parse_kader
from kaderdiff.bron.regels import dubbele_ids, inhoudelijke_fouten, tekst_na_lijst
from kaderdiff.fouten import KaderdiffFout
from kaderdiff.model.kader import (
    AFGELEIDE_CONTAINERS,
    CELGRENS,
    VOETNOOT,
    Correctie,
    Element,
    Fragment,
    GeenGrondslag,
    Grondslag,
    Kader,
    Soort,
    Toelichting,
    Wetswijziging,
)
from kaderdiff.model.wet import Wetregister

_SOORTEN = {s.value: s for s in Soort}


def normaliseer(tekst: str) -> str:
    """Collapse white space, as a reader sees it (layout in the XML is not content).

    The same as `re.sub(r"\\s+", " ", tekst).strip()`: `str.split` breaks at the characters `\\s` matches in a
    `str` pattern (both ask `str.isspace`), three times as fast."""
    return " ".join(tekst.split())


_INLINE = ("nadruk", "sterk", VOETNOOT)


def tekst_van(el: etree._Element | None) -> str:
    """All text inside an element, without comments and processing instructions (their tails count)."""
    return "".join(el.itertext()) if el is not None else ""


def lees_inline(el: etree._Element) -> tuple[Fragment, ...]:
    """Mixed content with <nadruk>/<sterk>/<voetnoot> -> normalised fragments (adjacent equal styles merged).

    Other children (the list inside a list item) are not inline text; their tail is (the schema
    allows no text after a nested list, `controleer` says so). A comment inside the text is not content:
    the text on both sides of it joins up."""
    ruw: list[tuple[str, str]] = [(el.text or "", "")]
    for kind in el:
        if isinstance(kind.tag, str) and kind.tag in _INLINE:
            ruw.append((tekst_van(kind), kind.tag))
        ruw.append((kind.tail or "", ""))
    return normaliseer_fragmenten(ruw)


def enkele_spaties(tekst: str) -> str:
    """Every run of white space as one space, a run at either end included: `re.sub(r"\\s+", " ", tekst)`, with
    `str.split` (see `normaliseer`); the regular expression was a fifth of loading a kader."""
    kern = " ".join(tekst.split())
    if not kern:
        return " " if tekst else ""
    voor = " " if tekst[0].isspace() else ""
    achter = " " if tekst[-1].isspace() else ""
    return voor + kern + achter


def normaliseer_fragmenten(ruw: list[tuple[str, str]]) -> tuple[Fragment, ...]:
    """Styled pieces of text -> fragments as the model holds them.

    White space is collapsed over the whole text (not per piece), then cut back into styled runs;
    adjacent equal styles merge; a styled piece that is only a space carries no style unless it
    continues that style. Used for kader XML and for Word runs alike, so both read the same.
    """
    fragmenten: list[Fragment] = []
    vorige_spatie = True
    for deel, stijl in ruw:
        if stijl == VOETNOOT:  # a footnote is a text of its own at one point: never merged with its neighbours
            noot = normaliseer(deel)
            if noot:
                fragmenten.append(Fragment(noot, VOETNOOT))
            continue
        stuk = enkele_spaties(deel)
        if vorige_spatie and stuk.startswith(" "):
            stuk = stuk[1:]
        if not stuk:
            continue
        vorige_spatie = stuk.endswith(" ")
        if stijl and stuk == " " and not (fragmenten and fragmenten[-1].stijl == stijl):
            stijl = ""
        if fragmenten and fragmenten[-1].stijl == stijl and stijl != VOETNOOT:
            fragmenten[-1] = Fragment(fragmenten[-1].tekst + stuk, stijl)
        else:
            fragmenten.append(Fragment(stuk, stijl))
    if fragmenten and fragmenten[-1].stijl != VOETNOOT and fragmenten[-1].tekst.endswith(" "):
        laatste = fragmenten[-1]
        fragmenten[-1] = Fragment(laatste.tekst.rstrip(" "), laatste.stijl)
        if not fragmenten[-1].tekst:
            fragmenten.pop()
    return tuple(fragmenten)


def _titel(el: etree._Element) -> str:
    """The text of the `<titel>` child; `iterchildren` matches the tag in C, `find` parses it as a path first."""
    for titel in el.iterchildren("titel"):
        return normaliseer("".join(titel.itertext()))
    return ""


def _kinderen(el: etree._Element, ouder_id: str) -> tuple[Element, ...]:
    """The elements among the children of `el`, as Elements; its title, text, grondslagen and comments are none."""
    return tuple([_element(kind, ouder_id, soort) for kind in el if (soort := _SOORTEN.get(kind.tag)) is not None])


def _element(el: etree._Element, ouder_id: str, soort: Soort) -> Element:
    """Convert one XML element of a kind the model knows (and its subtree) into an Element."""
    element_id = el.get("id") or (f"{ouder_id}.{soort.value}" if soort in AFGELEIDE_CONTAINERS else "")
    kinderen = _kinderen(el, element_id)
    inhoud: tuple[Fragment, ...] = ()
    grondslagen: tuple[Grondslag, ...] = ()
    geen: GeenGrondslag | None = None
    kenmerk = ""
    if soort in (Soort.ALINEA, Soort.ITEM, Soort.BESLISREGEL):
        inhoud = lees_inline(el)
    elif soort is Soort.RIJ:
        inhoud = lees_rij(el)
    if soort is Soort.EIS:
        tekst_el = el.find("tekst")
        inhoud = lees_inline(tekst_el) if tekst_el is not None else ()
        grondslagen = grondslagen_uit(el)
        geen_el = el.find("geenGrondslag")
        if geen_el is not None:
            geen = GeenGrondslag(normaliseer(geen_el.get("bron", "")), normaliseer(tekst_van(geen_el)))
    if soort is Soort.WAARDERINGSKADER:
        kenmerk = el.get("niveau", "")
    elif soort is Soort.BESLISREGEL:
        kenmerk = el.get("oordeel", "")
    elif soort is Soort.LIJST:
        kenmerk = el.get("soort", "opsomming")
    elif soort is Soort.RIJ:
        kenmerk = el.get("soort", "")
    return Element(
        soort=soort,
        id=element_id,
        nummer=el.get("nr") or el.get("code") or "",
        titel=_titel(el),
        inhoud=inhoud,
        grondslagen=grondslagen,
        geen_grondslag=geen,
        kenmerk=kenmerk,
        kinderen=kinderen,
        regel=el.sourceline or 0,
    )


def lees_rij(el: etree._Element) -> tuple[Fragment, ...]:
    """The cells of a table row as one fragment sequence, cells separated by CELGRENS."""
    ruw: list[tuple[str, str]] = []
    for i, cel in enumerate(el.iterfind("cel")):
        if i:
            ruw.append((CELGRENS, ""))
        ruw.extend((f.tekst, f.stijl) for f in lees_inline(cel))
    uit: list[Fragment] = []
    for tekst, stijl in ruw:  # joined without normalising again: the tab must stay
        if uit and uit[-1].stijl == stijl and stijl != VOETNOOT:
            uit[-1] = Fragment(uit[-1].tekst + tekst, stijl)
        else:
            uit.append(Fragment(tekst, stijl))
    return tuple(uit)


def _datum(tekst: str | None) -> date | None:
    return date.fromisoformat(tekst) if tekst else None


def kader_uit_boom(boom: etree._ElementTree, bron: str) -> Kader:
    """Build the model from a schema-valid tree."""
    wortel = boom.getroot()
    onderdelen = _kinderen(wortel, "")
    wetswijzigingen = tuple(
        Wetswijziging(
            code=w.get("code", ""),
            naam=normaliseer(w.get("naam", "")),
            inwerkingtreding=_datum(w.get("inwerkingtreding")),
            status=w.get("status", "verwacht"),
            omschrijving=normaliseer(tekst_van(w)),
        )
        for w in wortel.iterfind("wetswijzigingen/wetswijziging")
    )
    toelichtingen = tuple(
        Toelichting(
            id=t.get("id", ""),
            categorie=t.get("categorie", ""),
            betreft=tuple(b.get("ref", "") for b in t.findall("betreft")),
            tekst=normaliseer(tekst_van(t.find("tekst"))),
            wetswijziging=t.get("wetswijziging", ""),
            regel=t.sourceline or 0,
        )
        for t in wortel.iterfind("toelichtingen/toelichting")
    )
    peildatum = _datum(wortel.get("peildatum"))
    assert peildatum is not None  # guaranteed by the schema
    correctie = None
    correctie_el = wortel.find("correctie")
    if correctie_el is not None:
        vastgesteld = _datum(correctie_el.get("vastgesteld"))
        assert vastgesteld is not None  # guaranteed by the schema
        correctie = Correctie(vastgesteld, normaliseer(correctie_el.get("publicatie", "")),
                              normaliseer(correctie_el.text or ""))
    samenvatting = tuple(a for a in (lees_inline(p) for p in wortel.iterfind("samenvatting/alinea")) if a)
    return Kader(
        sector=wortel.get("sector", ""),
        jaar=int(wortel.get("jaar", "0")),
        status=wortel.get("status", ""),
        peildatum=peildatum,
        titel=_titel(wortel),
        onderdelen=onderdelen,
        wetswijzigingen=wetswijzigingen,
        toelichtingen=toelichtingen,
        bron=bron,
        variant=wortel.get("variant", ""),
        correctie=correctie,
        samenvatting=samenvatting,
    )


def laad_bytes(data: bytes, bron: str, register: Wetregister | None = None, regels: bool = True) -> Kader:
    """Load a kader from bytes (a file or a git blob); `bron` names it in messages.

    Every rule of `controleer` that needs no law texts is applied: schema, unique ids, grondslagen and known
    laws (of `register`: the kadermap's, else the package's). `regels=False` leaves out the rules about its
    content (grondslagen, laws): only for a kader being made, whose maker reports those to the editor.
    """
    boom, meldingen = parse_kader(data, bron)
    if meldingen:
        raise KaderdiffFout(f"{bron} voldoet niet aan het kaderschema", tuple(meldingen))
    ongeldig = dubbele_ids(boom, bron) + tekst_na_lijst(boom, bron)
    if ongeldig:
        raise KaderdiffFout(f"{bron} is geen geldig kader (zie 'kaderdiff controleer')", tuple(ongeldig))
    kader = kader_uit_boom(boom, bron)
    fouten = [m for m in inhoudelijke_fouten(kader, register) if m.ernst == "fout"] if regels else []
    if fouten:
        raise KaderdiffFout(f"{bron} is geen geldig kader (zie 'kaderdiff controleer')", tuple(fouten))
    return kader


def laad_bestand(pad: Path) -> Kader:
    """Load a kader file from disk."""
    return laad_bytes(lees_bestand(pad), str(pad))
