"""A kader (or one standaard of it) as HTML: every element with its id as anchor, eisen with their grondslagen
as Juriconnect links and a link to the site's page of the article.

Written with plain string building, not a recursive Jinja macro: 80 kaders of ~1,500 elements each are
rendered in a fraction of a second this way; the page around it is a Jinja template.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache
from html import escape

from kaderdiff.model.kader import BLAD_SOORTEN, VOETNOOT, Element, Fragment, Grondslag, Kader, Soort, cellen_van
from kaderdiff.model.plaats import label
from kaderdiff.model.wet import Wetregister
from kaderdiff.nederlands import nl_datum
from kaderdiff.site import paden
from kaderdiff.verwijzing.citeren import citeer
from kaderdiff.verwijzing.juriconnect import link
from kaderdiff.verwijzing.wetwoorden import Wetwoorden

#: Kinds that get no heading of their own: their children are shown directly.
_ZONDER_KOP = frozenset({Soort.OMSCHRIJVING, Soort.LIJST}) | BLAD_SOORTEN


@cache
def citaat(g: Grondslag) -> str:
    return citeer(g)


@cache
def juriconnect(g: Grondslag, peildatum: date, wetten: Wetregister | None = None) -> str:
    return link(g, peildatum, wetten)


def kop_tekst(el: Element) -> str:
    """A heading as the kader prints it: the vindplaats label, but a paragraaf without '§'."""
    return el.kop if el.soort is Soort.PARAGRAAF else label(el)


def inline(fragmenten: tuple[Fragment, ...]) -> str:
    delen = []
    for f in fragmenten:
        tekst = escape(f.tekst, quote=False)
        if f.stijl == VOETNOOT:
            tekst = f'<small class="voetnoot">(voetnoot: {tekst})</small>'
        elif f.stijl == "nadruk":
            tekst = f"<em>{tekst}</em>"
        elif f.stijl == "sterk":
            tekst = f"<strong>{tekst}</strong>"
        delen.append(tekst)
    return "".join(delen)


@cache
def _grondslag_deel(g: Grondslag, peildatum: date, basis: str, wetten: Wetregister | None) -> str:
    tekst = escape(citaat(g), quote=False)
    url = juriconnect(g, peildatum, wetten)
    extern = f'<a href="{escape(url)}">{tekst}</a>' if url else tekst
    return f'{extern} (<a class="wetlink" href="{basis}{paden.artikel_met_lid(g)}">alle eisen op dit artikel</a>)'


def wetwoorden_html(g: Grondslag, peildatum: date, woorden: Wetwoorden | None) -> str:
    """The cited words of a grondslag, collapsed: one click shows the law as it read on the peildatum."""
    tekst = woorden.van(g, peildatum) if woorden is not None else ""
    if not tekst:
        return ""
    return (f'<details class="wettekst"><summary>Wettekst van {escape(citaat(g), quote=False)}, geldend op '
            f"{nl_datum(peildatum)}</summary><p>{escape(tekst, quote=False)}</p></details>")


def grondslag_html(el: Element, peildatum: date, basis: str, wetten: Wetregister | None = None,
                   woorden: Wetwoorden | None = None) -> str:
    """'Wettelijke grondslag: <artikel …> (alle eisen op dit artikel)' with the cited words of each (`woorden`: the
    law texts of the kadermap), or where the wording comes from; `wetten`: the kadermap's law registry, so a law
    of its own links to wetten.overheid.nl too."""
    if el.grondslagen:
        return '<p class="grondslag">Wettelijke grondslag: ' + "; ".join(
            _grondslag_deel(g, peildatum, basis, wetten) for g in el.grondslagen) + "</p>" + "".join(
            wetwoorden_html(g, peildatum, woorden) for g in el.grondslagen)
    if el.geen_grondslag is not None:
        uitleg = f" {escape(el.geen_grondslag.uitleg, quote=False)}" if el.geen_grondslag.uitleg else ""
        return (f'<p class="grondslag">Geen wettelijke grondslag; bron: '
                f"{escape(el.geen_grondslag.bron, quote=False)}.{uitleg}</p>")
    return '<p class="grondslag">Wettelijke grondslag: niet vermeld</p>'


def permalink(el: Element) -> str:
    """A visible link to the element itself, to copy or share: the kader's permanent address of this eis."""
    eid = escape(el.id)
    return (f'<p class="eislinks"><a class="permalink" href="#{eid}">vaste link'
            f'<span class="vb"> naar eis {eid}</span></a></p>')


@dataclass
class KaderHtml:
    """Renders elements of one kader; `nummers` maps element ids to their row in this year's Staat."""

    kader: Kader
    basis: str
    eerste_kop: int = 2
    nummers: dict[str, str] = field(default_factory=dict)
    staat_url: str = ""
    geschiedenis: dict[str, str] = field(default_factory=dict)  # standaard id -> history page
    delen: list[str] = field(default_factory=list)
    wetten: Wetregister | None = None  # the kadermap's law registry (None: the package's)
    woorden: Wetwoorden | None = None  # the law texts of the kadermap, for the cited words of each grondslag

    def wijziging(self, element_id: str) -> str:
        nummer = self.nummers.get(element_id)
        if not nummer or not self.staat_url:
            return ""
        return f' <a class="wijz" href="{self.basis}{self.staat_url}#{escape(nummer)}">{escape(nummer)}</a>'

    def element(self, el: Element, niveau: int) -> None:
        uit = self.delen
        eid = escape(el.id)
        match el.soort:
            case Soort.ALINEA:
                uit.append(f'<p id="{eid}">{inline(el.inhoud)}{self.wijziging(el.id)}</p>')
            case Soort.ITEM:  # a list item may hold a list of its own
                uit.append(f'<li id="{eid}">{inline(el.inhoud)}{self.wijziging(el.id)}')
                self.kinderen(el, niveau)
                uit.append("</li>")
            case Soort.EIS:
                kop = f'<p class="eiskop">{escape(el.kop, quote=False)}</p>' if el.kop else ""
                uit.append(f'<div class="eis" id="{eid}">{kop}<p>{inline(el.inhoud)}{self.wijziging(el.id)}</p>'
                           f"{grondslag_html(el, self.kader.peildatum, self.basis, self.wetten, self.woorden)}"
                           f"{permalink(el)}</div>")
            case Soort.TABEL:
                self.tabel(el)
            case Soort.BESLISREGEL:
                uit.append(f'<tr id="{eid}"><th scope="row">{escape(el.kenmerk, quote=False)}</th>'
                           f"<td>{inline(el.inhoud)}{self.wijziging(el.id)}</td></tr>")
            case Soort.LIJST:
                tag = "ol" if el.kenmerk == "genummerd" else "ul"
                uit.append(f'<{tag} id="{eid}">')
                self.kinderen(el, niveau)
                uit.append(f"</{tag}>")
            case Soort.OMSCHRIJVING:
                uit.append(f'<div class="omschrijving" id="{eid}">')
                self.kinderen(el, niveau)
                uit.append("</div>")
            case _:
                self.sectie(el, niveau)

    def tabel(self, el: Element) -> None:
        """A table of the kader: its title as caption, a row of kind 'kop' as header cells."""
        uit = self.delen
        uit.append(f'<table id="{escape(el.id)}" class="kadertabel">')
        if el.titel:
            uit.append(f"<caption>{escape(el.titel, quote=False)}</caption>")
        for rij in el.kinderen:
            cel, bereik = ("th", ' scope="col"') if rij.kenmerk == "kop" else ("td", "")
            inhoud = [inline(c) for c in cellen_van(rij.inhoud)]
            inhoud[-1] += self.wijziging(rij.id)  # the change number in the row's last cell
            cellen = "".join(f"<{cel}{bereik}>{c}</{cel}>" for c in inhoud)
            uit.append(f'<tr id="{escape(rij.id)}">{cellen}</tr>')
        uit.append("</table>")

    def sectie(self, el: Element, niveau: int) -> None:
        uit = self.delen
        kop = min(niveau, 6)
        extra = self.wijziging(el.id)
        if el.soort is Soort.STANDAARD and el.id in self.geschiedenis:
            extra += (f' <a class="geschiedenis" href="{self.basis}{self.geschiedenis[el.id]}">'
                      f"geschiedenis van {escape(el.nummer or el.titel, quote=False)}</a>")
        uit.append(f'<section id="{escape(el.id)}" class="{el.soort.value}">'
                   f"<h{kop}>{escape(kop_tekst(el), quote=False)}</h{kop}>")
        if extra:
            uit.append(f'<p class="bij-kop">{extra.strip()}</p>')
        in_tabel = False
        for kind in el.kinderen:  # consecutive beslisregels form one table, also after an introduction
            regel = kind.soort is Soort.BESLISREGEL
            if regel and not in_tabel:
                uit.append(f"<table><caption>{escape(kop_tekst(el), quote=False)}</caption><thead><tr>"
                           '<th scope="col">Oordeel</th><th scope="col">Beslisregel</th></tr></thead><tbody>')
            elif in_tabel and not regel:
                uit.append("</tbody></table>")
            in_tabel = regel
            self.element(kind, niveau + 1)
        if in_tabel:
            uit.append("</tbody></table>")
        uit.append("</section>")

    def kinderen(self, el: Element, niveau: int) -> None:
        for kind in el.kinderen:
            self.element(kind, niveau)

    def html(self, elementen: tuple[Element, ...]) -> str:
        self.delen = []
        for el in elementen:
            self.element(el, self.eerste_kop)
        return "\n".join(self.delen)


def inhoudsopgave(kader: Kader) -> str:
    """Nested list of links to the headings down to the standaarden: the page's table of contents."""
    delen: list[str] = []

    def loop(el: Element) -> None:
        delen.append(f'<li><a href="#{escape(el.id)}">{escape(kop_tekst(el), quote=False)}</a>')
        kinderen = [k for k in el.kinderen if k.soort not in _ZONDER_KOP and k.soort not in _BINNEN_STANDAARD]
        if kinderen and el.soort is not Soort.STANDAARD:
            delen.append("<ul>")
            for kind in kinderen:
                loop(kind)
            delen.append("</ul>")
        delen.append("</li>")

    delen.append("<ul>")
    for onderdeel in kader.onderdelen:
        loop(onderdeel)
    delen.append("</ul>")
    return "".join(delen)


_BINNEN_STANDAARD = frozenset({Soort.BASISKWALITEIT, Soort.EIGEN_ASPIRATIES, Soort.BESLISREGELS})
