"""One version of a law as kaderdiff keeps it: articles, leden, (nested) onderdelen, with their texts.

Real law text is irregular, and the model keeps what is there rather than what should be: two leden
with one number (WPO artikel 8 has two leden "10.") are both kept, a vervallen article stays (so a
citation to it says "vervallen", not "bestaat niet"), an onderdeel keeps its sub-items (`onder b, 1°`),
and editorial notes (`redactie`) are kept apart from the law's own words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from kaderdiff.model.grondslag import onderdeelpad

#: Status of an article or lid: in force, repealed, or not yet in force.
GELDIG = ""
VERVALLEN = "vervallen"
NOG_NIET = "nogniet"



def nummer_sleutel(nr: str) -> str:
    """Compare list numbers leniently: 'b.' = 'b', '1°.' = '1°' = '1'."""
    return nr.strip().lower().rstrip(".").rstrip("°").strip()


@dataclass(frozen=True)
class Onderdeel:
    """One item of a list (onderdeel b, or 1° under b) with its own text and its sub-items."""

    nr: str
    tekst: str
    onderdelen: tuple[Onderdeel, ...] = ()

    @property
    def volledig(self) -> str:
        """The item with its number and all its sub-items, as one readable text."""
        delen = [f"{self.nr}{'' if self.nr.endswith('°') else '.'} {self.tekst}".strip()]
        delen.extend(o.volledig for o in self.onderdelen)
        return " ".join(d for d in delen if d)


@dataclass(frozen=True)
class Lid:
    """One lid. `aanhef` is its text outside the lists (what an onderdeel change leaves alone)."""

    nr: str
    tekst: str
    aanhef: str = ""
    onderdelen: tuple[Onderdeel, ...] = ()
    status: str = GELDIG
    pad: str = ""


@dataclass(frozen=True)
class Artikel:
    """One article. Leden keep document order, duplicates included; `onderdelen` is the list of an
    article without leden."""

    nr: str
    titel: str
    leden: tuple[Lid, ...]
    tekst: str
    aanhef: str = ""
    onderdelen: tuple[Onderdeel, ...] = ()
    status: str = GELDIG
    pad: str = ""
    noten: tuple[str, ...] = ()

    def lid(self, nr: str) -> tuple[Lid, ...]:
        """Every lid with this number (normally one; two where the law numbers two leden alike)."""
        sleutel = nr.strip().lower()
        return tuple(lid for lid in self.leden if lid.nr == sleutel)

    @property
    def lidnummers(self) -> list[str]:
        """Distinct lid numbers in document order."""
        return list(dict.fromkeys(lid.nr for lid in self.leden))

    def lijsten(self, lid: str) -> list[tuple[Onderdeel, ...]]:
        """The top-level onderdelen of the cited place: each lid with that number, or the article itself."""
        if not lid:
            return [self.onderdelen]
        return [gevonden.onderdelen for gevonden in self.lid(lid)]


@dataclass(frozen=True)
class Wettekst:
    """One version of a law as read from BWB toestand XML; `waarschuwingen` name what the reader kept
    but the law itself makes ambiguous (duplicate numbers)."""

    bwb: str
    geldig_vanaf: date
    artikelen: dict[str, Artikel]
    titel: str = ""
    bron: str = ""
    waarschuwingen: tuple[str, ...] = field(default=())


def zoek_onderdelen(lijst: tuple[Onderdeel, ...], pad: Sequence[str]) -> list[Onderdeel]:
    """Every onderdeel at `pad` (['b', '1°']) in a list; [] when that path does not exist."""
    if not pad:
        return []
    gevonden = [o for o in lijst if nummer_sleutel(o.nr) == nummer_sleutel(pad[0])]
    if len(pad) == 1:
        return gevonden
    return [dieper for o in gevonden for dieper in zoek_onderdelen(o.onderdelen, pad[1:])]


def alle_paden(lijst: tuple[Onderdeel, ...], voor: str = "") -> list[str]:
    """Every onderdeel in a list as a citation path: ['a', 'b', 'b, 1°', 'b, 2°', 'c']."""
    uit = []
    for o in lijst:
        pad = f"{voor}, {o.nr}" if voor else o.nr
        uit.append(pad)
        uit.extend(alle_paden(o.onderdelen, pad))
    return uit


def tekst_van(artikel: Artikel, lid: str = "", onderdeel: str = "") -> str:
    """The law text of a cited place: the onderdeel when one is cited, else the lid, else the article.

    Two leden with the same number are both shown, each marked, never one silently.
    """
    if not lid and not onderdeel:
        return artikel.tekst
    stukken: list[str] = []
    if onderdeel:
        for lijst in artikel.lijsten(lid):
            stukken.extend(o.volledig for o in zoek_onderdelen(lijst, onderdeelpad(onderdeel)))
    else:
        stukken = [gevonden.tekst for gevonden in artikel.lid(lid)]
    if len(stukken) > 1:
        return " ".join(f"[{i}/{len(stukken)}] {s}" for i, s in enumerate(stukken, start=1))
    return stukken[0] if stukken else ""
