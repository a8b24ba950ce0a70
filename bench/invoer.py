"""A 50-page Word kader for timing `kaderdiff importeer`, made from the sample kaders.

The 2026 kaders of PO, VO and MBO and the 2027 VO kader become one kader: their chapters one after the other
(renumbered), then their waarderingskaders and bijlagen, every id prefixed with its source so that all stay
unique. Written as the clean concept docx kaderdiff makes, together with the source XML.

Usage: python -m bench.invoer [DOEL]   (default: bench/invoer/)
Writes DOEL/groot.docx, the kader map DOEL/kaders/2026/po.xml (its source) and DOEL/kaders/2025/po.xml (the
year before, made the same way from the older samples), so that both imports can be timed:
    kaderdiff importeer DOEL/groot.docx --sector po --jaar 2026 --kaders DOEL/kaders --uit DOEL/uit.xml
    … the same with --vorige 2025
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from kaderdiff.bron.laden import laad_bestand
from kaderdiff.bron.schrijven import kader_xml
from kaderdiff.model.kader import Element, Kader, Soort
from kaderdiff.render.docx_kader import render_kader_docx

KADERS = Path(__file__).resolve().parents[1] / "kaders"
STANDAARD_DOEL = Path(__file__).resolve().parent / "invoer"
MOMENT = datetime(2026, 3, 1, tzinfo=UTC)


def _hernoem(el: Element, voorvoegsel: str, hoofdstuk: dict[str, str]) -> Element:
    """Ids prefixed; chapter numbers (and the paragraphs under them) moved to their place in the big kader."""
    nummer = el.nummer
    if el.soort in (Soort.HOOFDSTUK, Soort.PARAGRAAF, Soort.BIJLAGE) and nummer:
        kop, _, rest = nummer.partition(".")
        nummer = hoofdstuk.get(kop, kop) + (f".{rest}" if rest else "")
    return replace(el, id=f"{voorvoegsel}-{el.id}", nummer=nummer,
                   kinderen=tuple(_hernoem(k, voorvoegsel, hoofdstuk) for k in el.kinderen))


#: The sample kaders the big one is made of, and the prefix of their ids; the year before is made of the samples
#: one year older, so that importing with --vorige meets real changes.
BRONNEN = (("2026", "po", "po"), ("2026", "vo", "vo"), ("2026", "mbo", "mbo"), ("2027", "vo", "vo27"))
BRONNEN_VORIG = (("2025", "po", "po"), ("2025", "vo", "vo"), ("2025", "mbo", "mbo"), ("2026", "vo", "vo27"))


def groot_kader(bronnen: tuple[tuple[str, str, str], ...] = BRONNEN, jaar: int = 2026) -> Kader:
    voor: list[Element] = []
    hoofdstukken: list[Element] = []
    waarderingskaders: list[Element] = []
    bijlagen: list[Element] = []
    eerste = laad_bestand(KADERS / bronnen[0][0] / f"{bronnen[0][1]}.xml")
    for bronjaar, sector, voorvoegsel in bronnen:
        bron = laad_bestand(KADERS / bronjaar / f"{sector}.xml")
        nummers: dict[str, str] = {}
        for el in bron.onderdelen:
            if el.soort is Soort.HOOFDSTUK:
                nummers[el.nummer] = str(len(hoofdstukken) + len(nummers) + 1)
        for el in bron.onderdelen:
            nieuw = _hernoem(el, voorvoegsel, nummers)
            if el.soort is Soort.BIJLAGE:
                nieuw = _hernoem(el, voorvoegsel, {el.nummer: str(len(bijlagen) + 1)})
            {Soort.WOORD_VOORAF: voor, Soort.ADDENDUM: voor, Soort.HOOFDSTUK: hoofdstukken,
             Soort.WAARDERINGSKADER: waarderingskaders, Soort.BIJLAGE: bijlagen}[el.soort].append(nieuw)
    eerste_vooraf = [e for e in voor if e.soort is Soort.WOORD_VOORAF][:1]
    addenda = [e for e in voor if e.soort is Soort.ADDENDUM]
    onderdelen = (*eerste_vooraf, *addenda, *hoofdstukken, *waarderingskaders, *bijlagen)
    return Kader("PO", jaar, "concept", eerste.peildatum, f"Onderzoekskader {jaar} (groot, voor metingen)",
                 tuple(onderdelen))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("doel", nargs="?", type=Path, default=STANDAARD_DOEL)
    doel: Path = parser.parse_args().doel
    doel.mkdir(parents=True, exist_ok=True)
    kader = groot_kader()
    for jaar, k in ((2026, kader), (2025, groot_kader(BRONNEN_VORIG, 2025))):
        (doel / "kaders" / str(jaar)).mkdir(parents=True, exist_ok=True)
        (doel / "kaders" / str(jaar) / "po.xml").write_bytes(kader_xml(k))
    (doel / "groot.docx").write_bytes(render_kader_docx(kader, MOMENT))
    woorden = sum(len(e.tekst.split()) + len(e.kop.split()) for e, _ in kader.doorloop())
    print(f"{doel / 'groot.docx'}: {len(kader.index)} elementen, {woorden} woorden")


if __name__ == "__main__":
    main()
