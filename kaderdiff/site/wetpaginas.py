"""The law pages: per article (its leden as sections) every eis resting on it in all sectors and years.

A site over ten years cites hundreds of articles with thousands of eisen; the table rows are written as
plain strings (like the kader pages), the page around them is a template.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

from kaderdiff.model.kader import Grondslag
from kaderdiff.recht.herleid import EisGeschiedenis


@dataclass(frozen=True)
class Lid:
    lid: str  # '' for the article as a whole
    aantal: int
    rijen: Markup


def _lidvolgorde(lid: str) -> tuple[bool, int, str]:
    cijfers = "".join(c for c in lid if c.isdigit())
    return (lid != "", int(cijfers) if cijfers else 0, lid)


def eisrij(e: EisGeschiedenis, kaderurl: dict[tuple[str, int], str], basis: str) -> str:
    """One table row: sector, standaard, the eis (newest text, linked), its years (linked) and its history."""
    laatste = e.voorkomens[-1]
    anker = escape(e.eis_id)
    jaren = ", ".join(f'<a href="{basis}{kaderurl[(e.sector, v.jaar)]}#{anker}">{v.jaar}'
                      f'<span class="vb"> ({escape(e.sector)}, {anker})</span></a>' for v in e.voorkomens)
    notities = []
    if e.tekst_gewijzigd:
        notities.append(f"tekst gewijzigd in {', '.join(map(str, e.tekst_gewijzigd))}.")
    if e.verwijderd_in:
        notities.append(f"{'eis vervallen' if e.eis_vervallen else 'rust er niet meer op'} in {e.verwijderd_in}.")
    if e.terug_in:
        notities.append(f"weer in {', '.join(map(str, e.terug_in))}.")
    return (f'<tr><th scope="row">{escape(e.sector)}</th>'
            f"<td>{escape(laatste.standaard)} {escape(laatste.standaard_titel)}</td>"
            f'<td><a href="{basis}{kaderurl[(e.sector, laatste.jaar)]}#{anker}">{escape(laatste.tekst)}</a></td>'
            f"<td>{jaren}</td><td>{' '.join(notities)}</td></tr>")


def artikelen(per_sleutel: dict[Grondslag, list[EisGeschiedenis]], kaderurl: dict[tuple[str, int], str],
              basis: str = "../") -> Iterator[tuple[Grondslag, list[Lid]]]:
    """Per article (lid '') its leden, each with the rows of the eisen resting on it."""
    per_artikel: dict[Grondslag, dict[str, list[EisGeschiedenis]]] = {}
    for sleutel, eisen in per_sleutel.items():
        per_artikel.setdefault(Grondslag(sleutel.wet, sleutel.artikel), {})[sleutel.lid] = eisen
    for artikel, leden in per_artikel.items():
        yield artikel, [Lid(lid, len(eisen), Markup("\n".join(eisrij(e, kaderurl, basis) for e in eisen)))
                        for lid, eisen in sorted(leden.items(), key=lambda kv: _lidvolgorde(kv[0]))]


