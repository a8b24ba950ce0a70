"""`kaderdiff controleer`: every rule a kader file must meet, reported all at once.

Schema violations, duplicate ids, eisen without grondslag or marker, unknown law
codes (of the package's registry and the kadermap's own `wetten/register.toml`, which is
checked too), undeclared wetswijzigingen, a correction without what it corrects, and
(when law texts are present) grondslagen that point to articles or leden that do not exist.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from lxml import etree

from kaderdiff.bron.conflict import heeft_conflicten
from kaderdiff.bron.laden import kader_uit_boom, parse_kader
from kaderdiff.bron.wetregister import controleer_register, register_voor
from kaderdiff.fouten import KaderdiffFout, Melding
from kaderdiff.model.kader import Kader, Soort
from kaderdiff.model.wet import Wetregister

#: Extra checks on a loaded kader (e.g. validation against law texts); each gets the kader
#: and the kaders directory it lives in.
ExtraControle = Callable[[Kader, Path | None], list[Melding]]


def kaderbestanden(pad: Path) -> list[Path]:
    """The kader files under a path: the file itself, or every `JAAR/*.xml` below a kaders directory."""
    if pad.is_file():
        return [pad]
    if not pad.is_dir():
        raise KaderdiffFout(f"Pad niet gevonden: {pad}")
    bestanden = sorted(p for p in pad.glob("[0-9][0-9][0-9][0-9]/*.xml"))
    if not bestanden and any(pad.glob("*.xml")):
        bestanden = sorted(pad.glob("*.xml"))
    return bestanden


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


def inhoudelijke_fouten(kader: Kader, register: Wetregister | None = None) -> list[Melding]:
    """Rules the schema cannot express: grondslag or marker, known laws, declared wetswijzigingen."""
    bekend = register if register is not None else register_voor(None)
    meldingen = []
    if (kader.status == "correctie") != (kader.correctie is not None):
        meldingen.append(Melding(kader.bron, 2, 0, "een kader met status=\"correctie\" heeft een <correctie "
                                 "vastgesteld=\"…\"> die zegt welk vastgesteld kader het corrigeert, en alleen dan"))
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


def controleer_bytes(data: bytes, bron: str, kadermap: Path | None = None,
                     extra: tuple[ExtraControle, ...] = ()) -> list[Melding]:
    """All problems of one kader, in file order; [] when it is clean."""
    try:
        boom, meldingen = parse_kader(data, bron)
    except KaderdiffFout as fout:
        return list(fout.meldingen) or [Melding(bron, 0, 0, fout.tekst)]
    if not heeft_conflicten(boom):  # both sides of a conflict hold the same ids: that is the conflict itself
        meldingen += dubbele_ids(boom, bron)
    meldingen += tekst_na_lijst(boom, bron)
    if not meldingen:
        kader = kader_uit_boom(boom, bron)
        meldingen += inhoudelijke_fouten(kader, register_voor(kadermap))
        for controle in extra:
            meldingen += controle(kader, kadermap)
    return sorted(meldingen)


def controleer_pad(pad: Path, extra: tuple[ExtraControle, ...] = ()) -> tuple[list[Path], list[Melding]]:
    """Check every kader under a path; returns the files checked and all problems."""
    bestanden = kaderbestanden(pad)
    kadermap = pad if pad.is_dir() else pad.parent.parent
    meldingen: list[Melding] = controleer_register(kadermap)
    if meldingen:  # the kaders cite laws from it: check them once it is in order
        return bestanden, meldingen
    for bestand in bestanden:
        meldingen += controleer_bytes(bestand.read_bytes(), str(bestand), kadermap, extra)
    return bestanden, meldingen
