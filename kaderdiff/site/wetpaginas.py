"""The law pages: per article (its leden as sections) the stored law text and every eis resting on it in all
sectors and years, with per year what happened to that eis (from the site's own Staten).

A site over ten years cites hundreds of articles with thousands of eisen; the table rows are written as
plain strings (like the kader pages), the page around them is a template.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from html import escape
from pathlib import Path

from markupsafe import Markup

from kaderdiff.bron.bwb import wetversie
from kaderdiff.model.kader import Grondslag, Soort
from kaderdiff.model.wet import Wetregister
from kaderdiff.model.wettekst import VERVALLEN, Artikel, Onderdeel
from kaderdiff.model.wijziging import Staat, WijzigingSoort
from kaderdiff.nederlands import nl_datum
from kaderdiff.recht.artikelherleiding import EisGeschiedenis
from kaderdiff.site import paden


@dataclass(frozen=True)
class Lid:
    lid: str  # '' for the article as a whole
    aantal: int
    rijen: Markup
    wettekst: Markup = field(default_factory=Markup)


@dataclass(frozen=True)
class Eiswijziging:
    """The row of an eis in the Staat into a year: number, kind, link."""

    nummer: str
    soort: str
    url: str


#: (sector key in upper case, year) -> eis id (or 'oud:' + the old id of one that went) -> its row that year.
Eiswijzigingen = dict[tuple[str, int], dict[str, Eiswijziging]]


#: Kinds of a container's row that also tell what happened to the eisen inside it (they came or went with it).
_MEE = frozenset({WijzigingSoort.TOEGEVOEGD, WijzigingSoort.VERVALLEN, WijzigingSoort.SAMENGEVOEGD,
                  WijzigingSoort.GESPLITST})


def eiswijzigingen(sleutel: str, staten: dict[tuple[int, int], Staat]) -> dict[int, dict[str, Eiswijziging]]:
    """Per new year of a Staat of one sector: the row of each eis in it, its own or that of the standaard or
    kwaliteitsgebied it came or went with (only eisen: this travels between processes)."""
    uit: dict[int, dict[str, Eiswijziging]] = {}
    for (a, b), staat in staten.items():
        nieuw: dict[str, Eiswijziging] = {}
        oud: dict[str, Eiswijziging] = {}
        mee: dict[str, Eiswijziging] = {}  # rows of containers (new or old id) whose eisen came or went with them
        for w in staat.wijzigingen:
            rij = Eiswijziging(w.nummer, w.soort.label, f"{paden.staat(sleutel, a, b)}#{w.nummer}")
            for el, per_id in ((w.nieuw, nieuw), (w.oud, oud)):
                if el is not None:
                    per_id.setdefault(el.id, rij)
                    if w.soort in _MEE:
                        mee.setdefault(el.id, rij)
        rijen = uit.setdefault(b, {})
        for kader, eigen, voor in ((staat.nieuw, nieuw, ""), (staat.oud, oud, "oud:")):
            for el, voorouders in kader.index.values():
                if el.soort is Soort.EIS:
                    gevonden = eigen.get(el.id) or next((mee[v.id] for v in reversed(voorouders) if v.id in mee),
                                                        None)
                    if gevonden is not None:
                        rijen.setdefault(voor + el.id, gevonden)
    return uit


def artikelvolgorde(nr: str) -> tuple[tuple[int, int, str], ...]:
    """Article numbers as a reader counts them: 3, 4c, 8, 10, 17c, 148; 7.2.4 < 7.2.4a < 7.2.10 (each part of a
    dotted number by its number, then its letters); a part without digits (a Roman numeral) after the numbers."""
    delen = []
    for deel in nr.lower().split("."):
        cijfers = re.match(r"\d+", deel)
        delen.append((0, int(cijfers.group()), deel[cijfers.end():]) if cijfers else (1, 0, deel))
    return tuple(delen)


def _lidvolgorde(lid: str) -> tuple[bool, int, str]:
    cijfers = "".join(c for c in lid if c.isdigit())
    return (lid != "", int(cijfers) if cijfers else 0, lid)


def _rij(w: Eiswijziging | None, basis: str) -> str:
    return f' (<a href="{basis}{escape(w.url)}">{escape(w.nummer)}</a>)' if w else ""


def geschiedenis(e: EisGeschiedenis, eerste_jaar: int, wijzigingen: Eiswijzigingen, basis: str) -> list[str]:
    """Per year what happened to the eis on this article: where it came from, each year's row in the Staat (or
    'ongewijzigd'), the year it no longer rests on it, and a return."""
    regels = []
    for i, v in enumerate(e.voorkomens):
        rij = wijzigingen.get((e.sector, v.jaar), {}).get(e.eis_id)
        if i == 0 and v.jaar == eerste_jaar:
            wat = "in het eerste kader op deze site"
        elif rij is not None and rij.soort == WijzigingSoort.TOEGEVOEGD.label:
            wat = rij.soort
        elif i == 0 or v.jaar in e.terug_in:
            wat = "weer op dit artikel" if i else "nieuw op dit artikel"
            wat += f": {rij.soort}" if rij else ""
        else:
            wat = rij.soort if rij else "ongewijzigd"
        regels.append(f"{v.jaar}: {escape(wat)}{_rij(rij, basis)}")
    if e.verwijderd_in is not None:
        per_id = wijzigingen.get((e.sector, e.verwijderd_in), {})
        rij = per_id.get(e.eis_id) or per_id.get(f"oud:{e.eis_id}")
        wat = "eis vervallen" if e.eis_vervallen else "rust er niet meer op"
        regels.append(f"{e.verwijderd_in}: {wat}{_rij(rij, basis)}")
    return sorted(regels)


def eisrij(e: EisGeschiedenis, kaderurl: dict[tuple[str, int], str], basis: str,
           wijzigingen: Eiswijzigingen | None = None) -> str:
    """One table row: sector, standaard, the eis (newest text, linked), its years (linked) and its history."""
    laatste = e.voorkomens[-1]
    anker = escape(e.eis_id)
    jaren = ", ".join(f'<a href="{basis}{kaderurl[(e.sector, v.jaar)]}#{anker}">{v.jaar}'
                      f'<span class="vb"> ({escape(e.sector)}, {anker})</span></a>' for v in e.voorkomens)
    eerste = min(j for s, j in kaderurl if s == e.sector)
    notities = "".join(f"<li>{r}</li>" for r in geschiedenis(e, eerste, wijzigingen or {}, basis))
    return (f'<tr><th scope="row" data-kop="Sector">{escape(e.sector)}</th>'
            f'<td data-kop="Standaard">{escape(laatste.standaard)} {escape(laatste.standaard_titel)}</td>'
            f'<td data-kop="Eis"><a href="{basis}{kaderurl[(e.sector, laatste.jaar)]}#{anker}">'
            f"{escape(laatste.tekst)}</a></td>"
            f'<td data-kop="Jaren">{jaren}</td>'
            f'<td data-kop="Geschiedenis"><ul class="per-jaar">{notities}</ul></td></tr>')


def _onderdelen(lijst: tuple[Onderdeel, ...]) -> str:
    if not lijst:
        return ""
    items = "".join(f"<li>{escape(o.nr)}{'' if o.nr.endswith(('°', '.')) else '.'} {escape(o.tekst)}"
                    f"{_onderdelen(o.onderdelen)}</li>" for o in lijst)
    return f"<ol>{items}</ol>"


def lidtekst_html(artikel: Artikel, lid: str) -> str:
    """The text of a lid (every lid with that number) or of the whole article, its onderdelen as a list."""
    if not lid and not artikel.leden:
        tekst = artikel.aanhef if artikel.onderdelen else artikel.tekst
        return f"<p>{escape(tekst)}</p>{_onderdelen(artikel.onderdelen)}"
    delen = []
    for gevonden in artikel.lid(lid) if lid else artikel.leden:
        nummer = "" if lid else f"{escape(gevonden.nr)}. "
        vervallen = " (vervallen)" if gevonden.status == VERVALLEN else ""
        tekst = gevonden.aanhef if gevonden.onderdelen else gevonden.tekst
        delen.append(f"<p>{nummer}{escape(tekst)}{vervallen}</p>{_onderdelen(gevonden.onderdelen)}")
    return "".join(delen)


def wettekst_html(artikel: Grondslag, lid: str, peildata: dict[date, set[int]], kadersdir: Path,
                  register: Wetregister) -> Markup:
    """The stored law text of a lid in every version the kaders citing it used (by their peildatum, given with
    the kader years), newest first, each text once with its years; nothing when no text is stored."""
    wet = register.get(artikel.wet)
    if wet is None or not wet.bwb:
        return Markup("")
    per_tekst: dict[str, tuple[date, set[int]]] = {}
    for peildatum in sorted(peildata, reverse=True):
        versie = wetversie(kadersdir, wet.bwb, peildatum)
        gevonden = versie.artikelen.get(artikel.artikel.lower()) if versie else None
        html = lidtekst_html(gevonden, lid) if gevonden else ""
        if versie is not None and html:
            per_tekst.setdefault(html, (versie.geldig_vanaf, set()))[1].update(peildata[peildatum])
    return Markup("".join(
        f'<div class="wettekst"><p class="bron">Wettekst geldig vanaf {nl_datum(datum)} (in de kaders van '
        f'{", ".join(map(str, sorted(jaren)))}):</p>{html}</div>' for html, (datum, jaren) in per_tekst.items()))


def met_wettekst(artikel: Grondslag, leden: list[Lid], per_sleutel: dict[Grondslag, list[EisGeschiedenis]],
                 peildatum: dict[tuple[str, int], date], kadersdir: Path, register: Wetregister) -> list[Lid]:
    """The leden of an article page with the law text of each, as the kaders citing that lid read it."""
    uit = []
    for lid in leden:
        peildata: dict[date, set[int]] = {}
        for e in per_sleutel[Grondslag(artikel.wet, artikel.artikel, lid.lid)]:
            for v in e.voorkomens:
                peildata.setdefault(peildatum[(e.sector, v.jaar)], set()).add(v.jaar)
        uit.append(replace(lid, wettekst=wettekst_html(artikel, lid.lid, peildata, kadersdir, register)))
    return uit


def artikelen(per_sleutel: dict[Grondslag, list[EisGeschiedenis]], kaderurl: dict[tuple[str, int], str],
              basis: str = "../", wijzigingen: Eiswijzigingen | None = None) -> Iterator[tuple[Grondslag, list[Lid]]]:
    """Per article (lid '') its leden, each with the rows of the eisen resting on it."""
    per_artikel: dict[Grondslag, dict[str, list[EisGeschiedenis]]] = {}
    for sleutel, eisen in per_sleutel.items():
        per_artikel.setdefault(Grondslag(sleutel.wet, sleutel.artikel), {})[sleutel.lid] = eisen
    for artikel, leden in per_artikel.items():
        yield artikel, [Lid(lid, len(eisen), Markup("\n".join(eisrij(e, kaderurl, basis, wijzigingen)
                                                                for e in eisen)))
                        for lid, eisen in sorted(leden.items(), key=lambda kv: _lidvolgorde(kv[0]))]
