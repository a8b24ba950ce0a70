"""One standard (or one eis) in every sector side by side, aligned by content; differences against the first
sector marked."""

from __future__ import annotations

from kaderdiff.bron.versies import KaderMap
from kaderdiff.diff.gelijkenis import kandidaten, wijs_toe
from kaderdiff.diff.tekstdiff import woorddiff
from kaderdiff.fouten import KaderdiffFout
from kaderdiff.model.kader import Element, Kader, Soort
from kaderdiff.model.sectorvergelijking import Cel, SectorRij, SectorVergelijking
from kaderdiff.model.versie import Versie
from kaderdiff.model.wijziging import DiffDeel

#: Minimal similarity (0..1) for eisen of two sectors to be put on one row. Sectors word the same
#: requirement differently ('de school' / 'de instelling'), so this is lower than within one kader.
DREMPEL = 0.70


#: The usual order of sectors in the inspectie's documents; the first present is the reference.
VOLGORDE = ("PO", "VO", "VSO", "SO", "MBO", "HO")


def _sectorvolgorde(sector: str) -> tuple[int, str]:
    return (VOLGORDE.index(sector) if sector in VOLGORDE else len(VOLGORDE), sector)


def _eisen_voor(kader: Kader, zoek: str) -> tuple[str, list[Element]] | None:
    """(title, eisen) of standard code `zoek` or of the single eis with id `zoek` in a kader."""
    if zoek in kader.index and kader.element(zoek).soort is Soort.EIS:
        return "", [kader.element(zoek)]
    for st in kader.standaarden():
        if st.nummer.upper() == zoek.upper() or st.id == zoek:
            return st.kop, [el for el, _ in st.doorloop() if el.soort is Soort.EIS]
    return None


def _diff(eerste: str, tekst: str) -> tuple[DiffDeel, ...]:
    return () if tekst == eerste else woorddiff(eerste, tekst)


def lijn_sectoren_uit(eisen_per_sector: list[list[Element]]) -> list[list[Element | None]]:
    """Rows of eisen that say the same thing, one column per sector, by content only (ids across sectors
    mean nothing). Each sector's eisen are assigned to the rows so far at once, best pair first, against
    any sector already on the row; an eis without a row at least DREMPEL similar starts its own."""
    rijen: list[list[Element | None]] = []
    aantal = len(eisen_per_sector)
    for kolom, eisen in enumerate(eisen_per_sector):
        beste: dict[tuple[int, int], float] = {}  # (row, eis) -> best similarity to a cell of that row
        for ander in range(kolom):
            cellen = [(r, cel) for r, rij in enumerate(rijen) if (cel := rij[ander]) is not None]
            for score, i, j in kandidaten([cel.tekst for _, cel in cellen], [e.tekst for e in eisen], DREMPEL):
                sleutel = (cellen[i][0], j)
                beste[sleutel] = max(score, beste.get(sleutel, 0.0))
        geplaatst = set()
        for r, j, _ in wijs_toe([(score, r, j) for (r, j), score in beste.items()]):
            rijen[r][kolom] = eisen[j]
            geplaatst.add(j)
        for j, eis in enumerate(eisen):
            if j not in geplaatst:
                rij: list[Element | None] = [None] * aantal
                rij[kolom] = eis
                rijen.append(rij)
    return rijen


def vergelijk_sectoren(kadermap: KaderMap, versie: Versie, zoek: str) -> SectorVergelijking:
    """The eisen of `zoek` (a standard code or an eis id) side by side in every sector that has it."""
    gevonden: list[tuple[str, str, list[Element]]] = []
    for sector in sorted(kadermap.sectoren(versie), key=_sectorvolgorde):
        resultaat = _eisen_voor(kadermap.laad(versie, sector), zoek)
        if resultaat is not None:
            gevonden.append((sector, *resultaat))
    if not gevonden:
        raise KaderdiffFout(f"'{zoek}' is geen standaardcode of eis-id in een kader van {versie}")
    uit_rijen = []
    for rij in lijn_sectoren_uit([eisen for _, _, eisen in gevonden]):
        eerste = next(e for e in rij if e is not None)
        cellen = tuple(None if e is None else Cel(e.id, e.tekst, _diff(eerste.tekst, e.tekst)) for e in rij)
        uit_rijen.append(SectorRij(eerste.id, cellen))
    return SectorVergelijking(zoek, str(versie), tuple(s for s, _, _ in gevonden), tuple(t for _, t, _ in gevonden),
                              tuple(uit_rijen))
