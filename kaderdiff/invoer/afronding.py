"""Finishing an imported kader: parts the schema would refuse repaired without losing text, eisen given
the grondslag their footnotes cite (an eis that still has none becomes the text it was), missing parts added and
reported."""

from __future__ import annotations

from collections.abc import Callable

from kaderdiff.fouten import KaderdiffFout
from kaderdiff.invoer import herkenning as h
from kaderdiff.invoer.knopen import FOUT, Kinderen, Knoop, S, onvolledig
from kaderdiff.model.kader import VOETNOOT, Fragment, GeenGrondslag, Grondslag
from kaderdiff.model.wet import Wetregister
from kaderdiff.verwijzing.citeren import parse

Meld = Callable[..., None]


def noot_als_grondslag(tekst: str, register: Wetregister) -> list[Grondslag] | GeenGrondslag | None:
    """What a footnote says about the legal basis of the text it stands in: citations ('Artikel 8, eerste lid,
    WPO.'), no legal basis ('Niet wettelijk verankerd; ontleend aan de handreiking X.'), or nothing (None)."""
    regel = h.grondslagregel(tekst)
    if regel is not None and regel.soort == "geen":
        bron, uitleg = h.splits_bron(regel.tekst)
        return GeenGrondslag(bron, uitleg) if bron else None
    try:
        return parse(regel.tekst if regel is not None else tekst, register) or None
    except KaderdiffFout:
        return None


def eis_af(eis: Knoop, register: Wetregister) -> None:
    """An eis without grondslag line: footnotes that cite the law (or say it has no legal basis) are its grondslag."""
    if eis.heeft_grondslagregel or eis.grondslagen or eis.geen is not None:
        return
    noten = [noot_als_grondslag(f.tekst, register) for f in eis.inhoud if f.stijl == VOETNOOT]
    if len(noten) == 1 and isinstance(noten[0], GeenGrondslag):
        eis.geen = noten[0]
    elif noten and all(isinstance(n, list) for n in noten):
        eis.grondslagen.extend(g for n in noten if isinstance(n, list) for g in n)
    else:
        return
    eis.met_noten = eis.inhoud
    eis.inhoud = tuple(f for f in eis.inhoud if f.stijl != VOETNOOT)


def zonder_grondslag(eis: Knoop) -> bool:
    return not eis.grondslagen and eis.geen is None


def als_tekst(eis: Knoop, meld: Meld, eigen: bool) -> list[Knoop]:
    """An eis without legal basis is no eis a kader can hold: its number and title as a bold alinea, its text as
    the list item or alinea it was in Word (with its footnotes), the lines of its grondslag as alinea's after it. A
    fout when it was clearly meant as an eis (numbered), else a note."""
    uit = [Knoop(S.ALINEA, inhoud=(Fragment(f"{eis.nummer} {eis.titel}".strip(), "sterk"),), plaats=eis.plaats)] \
        if eis.nummer or eis.titel else []
    inhoud = eis.met_noten or eis.inhoud
    if eis.herkomst in ("opsomming", "genummerd"):
        item = Knoop(S.ITEM, inhoud=inhoud, plaats=eis.plaats)
        item.kinderen.extend(eis.kinderen)
        uit.append(Knoop(S.LIJST, kenmerk=eis.herkomst, kinderen=[item], plaats=eis.plaats, omgezet=True))
        wat = "opsommingsteken"
    else:
        uit.append(Knoop(S.ALINEA, inhoud=inhoud, plaats=eis.plaats))
        wat = "alinea"
    uit += [Knoop(S.ALINEA, inhoud=regel, plaats=eis.plaats) for regel in eis.grondslagregels]
    if eis.gemeld or eigen:
        return uit
    if eis.nummer or eis.titel:
        meld(eis.plaats, f"eis {eis.nummer or eis.titel} zonder wettelijke grondslag (geen grondslagregel, voetnoot "
                         "of kolom); nummer, titel en tekst als alinea's overgenomen", eis.tekst, FOUT)
    else:
        meld(eis.plaats, f"tekst zonder wettelijke grondslag in de basiskwaliteit; als {wat} overgenomen, niet als "
                         "eis", eis.tekst)
    return uit


def _zonder_lege_eisen(ouder: Knoop, meld: Meld, register: Wetregister, eigen: bool) -> None:
    """Every eis of `ouder` gets the grondslag of its footnotes; one that still has none becomes text, the list
    items among them joined into one list again."""
    if not ouder.heeft(S.EIS):
        return
    nieuw: list[Knoop] = []
    for kind in ouder.kinderen:
        if kind.soort is S.EIS:
            eis_af(kind, register)
        if kind.soort is not S.EIS or not zonder_grondslag(kind):
            nieuw.append(kind)
            continue
        for blok in als_tekst(kind, meld, eigen):
            vorige = nieuw[-1] if nieuw else None
            if blok.soort is S.LIJST and vorige is not None and vorige.soort is S.LIJST and vorige.omgezet \
                    and vorige.kenmerk == blok.kenmerk:
                vorige.kinderen.extend(blok.kinderen)
            else:
                nieuw.append(blok)
    ouder.kinderen = Kinderen(nieuw)


def _uitpakken(knoop: Knoop) -> list[Knoop]:
    """A part the schema refuses, as plain text blocks: its title as a bold alinea, then its text."""
    uit = [Knoop(S.ALINEA, inhoud=(Fragment(" ".join(d for d in (knoop.nummer, knoop.titel) if d), "sterk"),),
                 plaats=knoop.plaats)] if (knoop.titel or knoop.nummer) else []
    for kind in knoop.kinderen:
        if kind.soort in (S.ALINEA, S.LIJST, S.TABEL):
            uit.append(kind)
        elif kind.soort in (S.EIS, S.BESLISREGEL):
            uit.append(Knoop(S.ALINEA, inhoud=kind.inhoud, plaats=kind.plaats))
        else:
            uit.extend(_uitpakken(kind))
    return uit


def _laatste_standaard(knopen: list[Knoop]) -> Knoop | None:
    for knoop in reversed(knopen):
        if knoop.soort is S.STANDAARD:
            return knoop
        gevonden = _laatste_standaard(knoop.kinderen)
        if gevonden is not None:
            return gevonden
    return None


def herstel(ouder: Knoop, meld: Meld, register: Wetregister, eigen: bool) -> None:
    """Post-order: remove empty parts, unpack the ones the schema would refuse, add missing basiskwaliteit."""
    _zonder_lege_eisen(ouder, meld, register, eigen)
    for kind in list(ouder.kinderen):
        herstel(kind, meld, register, eigen)
        reden = onvolledig(kind)
        if not reden:
            continue
        index = ouder.kinderen.index(kind)
        if kind.soort in (S.OMSCHRIJVING, S.EIGEN_ASPIRATIES, S.LIJST, S.TABEL):
            ouder.kinderen.remove(kind)  # empty: nothing is lost
            continue
        blokken = _uitpakken(kind)
        if kind.soort is S.WAARDERINGSKADER:
            nummer = str(sum(1 for k in ouder.kinderen[:index] if k.soort is S.HOOFDSTUK) + 1)
            kind.wordt(S.HOOFDSTUK)
            kind.nummer, kind.kenmerk = nummer, ""
            kind.kinderen = Kinderen(blokken[1:] if kind.titel else blokken)
            meld(kind.plaats, f"{reden}; als hoofdstuk {nummer} overgenomen", kind.titel)
            continue
        st = _laatste_standaard(ouder.kinderen[:index])
        ouder.kinderen.remove(kind)
        if st is not None:
            doel = st.laatste(S.EIGEN_ASPIRATIES, S.BASISKWALITEIT)
            if doel is None:
                doel = Knoop(S.BASISKWALITEIT)
                st.kinderen.append(doel)
            doel.kinderen.extend(blokken)
            waar = f"standaard {st.nummer}"
        else:
            ouder.kinderen[index:index] = blokken
            waar = "de tekst erboven"
        meld(kind.plaats, f"{reden}; de tekst staat bij {waar}", kind.titel)
    if ouder.soort is S.STANDAARD and not ouder.heeft(S.BASISKWALITEIT):
        plek = 1 if ouder.heeft(S.OMSCHRIJVING) else 0
        ouder.kinderen.insert(plek, Knoop(S.BASISKWALITEIT))
        meld(ouder.plaats, f"standaard {ouder.nummer} zonder basiskwaliteit", ouder.titel)
