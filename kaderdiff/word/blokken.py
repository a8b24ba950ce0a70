"""A kader as a flat sequence of document blocks (headings, paragraphs, table rows).

The Word renderer writes blocks; the tracked-changes document merges the blocks of
two versions. Both the clean and the tracked document come from the same blocks, so
accepting all revisions gives exactly the clean new kader and rejecting all the old one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import NamedTuple

from kaderdiff.model.kader import Element, Fragment, Grondslag, Kader, Soort, cellen_van
from kaderdiff.model.plaats import label
from kaderdiff.model.wet import Wetregister
from kaderdiff.nederlands import nl_datum
from kaderdiff.verwijzing.citeren import citeer
from kaderdiff.verwijzing.juriconnect import link


class Blok(NamedTuple):
    """One paragraph (or beslisregel table row) of a rendered kader (a named tuple, not a frozen dataclass: a pack
    makes some 28,000 and a frozen dataclass's `__init__` takes three times as long).

    `sleutel` is element id + part, so the same block of two versions can be paired once
    the element ids are aligned. `vorm` says how it is written: 'kop1'..'kop4', 'tussenkop',
    'alinea', 'opsomming', 'genummerd' (with 2 or 3 for a list in a list), 'eiskop' (the
    number and title of an eis), 'eis', 'grondslag', 'regel' (beslisregel row), 'bijschrift'
    (a table's caption), 'rij' (table row, cells separated by CELGRENS; `oordeel` 'kop' for a
    header row), 'correctie' (what a correction corrects).
    """

    element_id: str
    deel: str
    vorm: str
    fragmenten: tuple[Fragment, ...]
    oordeel: str = ""
    groep: str = ""  # the beslisregels table a row belongs to
    links: tuple[str, ...] = ()  # per fragment the address it links to ('' for none): grondslagen

    @property
    def sleutel(self) -> str:
        return f"{self.element_id}:{self.deel}"

    @property
    def tekst(self) -> str:
        return "".join(f.tekst for f in self.fragmenten)

    @property
    def cellen(self) -> tuple[tuple[Fragment, ...], ...]:
        """The cells of a table row block."""
        return cellen_van(self.fragmenten)


class Kaderblokken(list[Blok]):
    """The blocks of one kader (`blokken`), and what the documents written from them share: per block the runs of
    its text unchanged (`revisies.gelijk_sjabloon`), made once for the concept (its unchanged blocks) and the clean
    kader (all of them) instead of twice."""

    def __init__(self, blokken: Iterable[Blok] = ()) -> None:
        super().__init__(blokken)
        #: id of a block of this list (it holds the block, so the id stays that block's) -> its runs
        self.runs: dict[int, tuple[str, ...]] = {}


def gedeelde_runs(blokken: list[Blok]) -> dict[int, tuple[str, ...]]:
    """The runs the documents of these blocks share (new, unshared ones for a plain list)."""
    return blokken.runs if isinstance(blokken, Kaderblokken) else {}


#: The last paragraph of a kader document (the body's last paragraph mark cannot be tracked).
EIND = "Einde van het kader."

#: Prefix of the hidden per-block bookmarks (Word hides bookmarks whose name starts with '_').
BLOKMERK = "_kd"


def blokmerk(sleutel: str) -> str:
    """Bookmark name of a block: short (Word allows 40 characters), only letters and digits."""
    return BLOKMERK + hashlib.sha1(sleutel.encode("utf-8")).hexdigest()[:12]


def _platte(tekst: str) -> tuple[Fragment, ...]:
    return (Fragment(tekst),) if tekst else ()


def _kopniveau(el: Element, voorouders: tuple[Element, ...]) -> int:
    if el.soort in (Soort.HOOFDSTUK, Soort.WOORD_VOORAF, Soort.ADDENDUM, Soort.BIJLAGE, Soort.WAARDERINGSKADER):
        return 1
    if el.soort is Soort.KWALITEITSGEBIED:
        return 2
    if el.soort is Soort.STANDAARD:
        return 3
    if el.soort is Soort.OVERIGE_VEREISTEN:
        return 3 if any(v.soort is Soort.KWALITEITSGEBIED for v in voorouders) else 2
    diepte = sum(1 for v in voorouders if v.soort is Soort.PARAGRAAF)
    return min(2 + diepte, 4)


def _kop(el: Element) -> str:
    """A heading as the kader prints it: the vindplaats label, but a paragraaf without '§'."""
    return el.kop if el.soort is Soort.PARAGRAAF else label(el)


GRONDSLAG_KOP = "Wettelijke grondslag: "
GEEN_GRONDSLAG_KOP = "Geen wettelijke grondslag; bron: "
GEEN_GRONDSLAG_NIET_VERMELD = "niet vermeld"
CORRECTIE_KOP = "Correctie: "


def grondslag_regel(el: Element, wetten: Wetregister | None = None) -> str:
    """The line under an eis that answers 'where in the law is this?'."""
    if el.grondslagen:
        return GRONDSLAG_KOP + "; ".join(citeer(g, wetten) for g in el.grondslagen)
    if el.geen_grondslag is not None:
        uitleg = f" {el.geen_grondslag.uitleg}" if el.geen_grondslag.uitleg else ""
        return f"{GEEN_GRONDSLAG_KOP}{el.geen_grondslag.bron}.{uitleg}"
    return GRONDSLAG_KOP + GEEN_GRONDSLAG_NIET_VERMELD


def correctie_regel(kader: Kader) -> str:
    """'Correctie: dit kader corrigeert het op 20 juni 2025 vastgestelde kader (Staatscourant …). Waarom.'"""
    c = kader.correctie
    if c is None:
        return ""
    publicatie = f" ({c.publicatie})" if c.publicatie else ""
    return (f"{CORRECTIE_KOP}dit kader corrigeert het op {nl_datum(c.vastgesteld)} vastgestelde kader{publicatie}. "
            f"{c.omschrijving}")


def _lijstdiepte(voorouders: tuple[Element, ...]) -> str:
    """'' for a list item, '2' or '3' for an item of a list inside a list (Word has three levels of styles)."""
    diepte = min(sum(1 for v in voorouders if v.soort is Soort.LIJST), 3)
    return str(diepte) if diepte > 1 else ""


#: The fragments every grondslag line shares (one object each: a line of a kader repeats them hundreds of times).
_GRONDSLAG_KOP = Fragment(GRONDSLAG_KOP)
_SCHEIDING = Fragment("; ")


def grondslagblok(el: Element, kader: Kader, wetten: Wetregister | None = None,
                  citaten: dict[Grondslag, tuple[Fragment, str]] | None = None, met_links: bool = True) -> Blok:
    """The grondslag line of an eis with each citation as its own fragment, linked to wetten.overheid.nl
    (Juriconnect, the law as it reads on the kader's peildatum). Its text is exactly `grondslag_regel`.
    `wetten`: the kadermap's law registry, so a law of its own (register.toml) gets its link too; `citaten`:
    the fragment and link per grondslag of this kader made so far (one article is cited by many eisen);
    `met_links=False`: no links (the old kader in a concept, whose text is shown only deleted or moved away)."""
    if not el.grondslagen:
        return Blok(el.id, "grondslag", "grondslag", _platte(grondslag_regel(el, wetten)))
    gemaakt = citaten if citaten is not None else {}
    fragmenten = [_GRONDSLAG_KOP]
    links = [""]
    for i, g in enumerate(el.grondslagen):
        if i:
            fragmenten.append(_SCHEIDING)
            links.append("")
        citaat = gemaakt.get(g)
        if citaat is None:
            citaat = gemaakt[g] = (Fragment(citeer(g, wetten)), link(g, kader.peildatum, wetten) if met_links else "")
        fragment, adres = citaat
        fragmenten.append(fragment)
        links.append(adres)
    return Blok(el.id, "grondslag", "grondslag", tuple(fragmenten), links=tuple(links) if met_links else ())


_BASISKWALITEIT = _platte("Basiskwaliteit")
_EIGEN_ASPIRATIES = _platte("Eigen aspiraties")


def blokken(kader: Kader, wetten: Wetregister | None = None, met_links: bool = True) -> Kaderblokken:
    """Every block of the kader in document order (`wetten`: the kadermap's law registry, for the links;
    `met_links`: see `grondslagblok`)."""
    uit = Kaderblokken()
    citaten: dict[Grondslag, tuple[Fragment, str]] = {}
    if kader.correctie is not None:
        uit.append(Blok("kader", "correctie", "correctie", _platte(correctie_regel(kader))))
    for el, voorouders in kader.doorloop():
        ouder = voorouders[-1] if voorouders else None
        match el.soort:  # the most frequent first: each case is one comparison more for those below it
            case Soort.ALINEA:
                uit.append(Blok(el.id, "tekst", "alinea", el.inhoud))
            case Soort.EIS:
                if el.kop:
                    uit.append(Blok(el.id, "kop", "eiskop", _platte(el.kop)))
                uit.append(Blok(el.id, "tekst", "eis", el.inhoud))
                uit.append(grondslagblok(el, kader, wetten, citaten, met_links))
            case Soort.OMSCHRIJVING | Soort.LIJST:
                continue
            case Soort.BASISKWALITEIT:
                uit.append(Blok(el.id, "kop", "tussenkop", _BASISKWALITEIT))
            case Soort.EIGEN_ASPIRATIES:
                uit.append(Blok(el.id, "kop", "tussenkop", _EIGEN_ASPIRATIES))
            case Soort.ITEM:
                genummerd = ouder is not None and ouder.kenmerk == "genummerd"
                vorm = ("genummerd" if genummerd else "opsomming") + _lijstdiepte(voorouders)
                uit.append(Blok(el.id, "tekst", vorm, el.inhoud))
            case Soort.TABEL:
                if el.titel:
                    uit.append(Blok(el.id, "kop", "bijschrift", _platte(el.titel)))
            case Soort.RIJ:
                groep = ouder.id if ouder is not None else ""
                uit.append(Blok(el.id, "tekst", "rij", el.inhoud, oordeel=el.kenmerk, groep=groep))
            case Soort.BESLISREGEL:
                groep = ouder.id if ouder is not None else ""
                uit.append(Blok(el.id, "tekst", "regel", el.inhoud, oordeel=el.kenmerk, groep=groep))
            case Soort.BESLISREGELS:
                uit.append(Blok(el.id, "kop", "tussenkop", _platte(_kop(el))))
            case _:
                uit.append(Blok(el.id, "kop", f"kop{_kopniveau(el, voorouders)}", _platte(_kop(el))))
    return uit
