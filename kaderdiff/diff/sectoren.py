"""One standard (or one eis) in every sector side by side, differences against the first sector marked."""

from __future__ import annotations

from rapidfuzz import fuzz

from kaderdiff.bron.versies import KaderMap
from kaderdiff.diff.tekstdiff import woorddiff
from kaderdiff.fouten import KaderdiffFout
from kaderdiff.model.kader import Element, Kader, Soort
from kaderdiff.model.sectoren import Cel, SectorRij, SectorVergelijking
from kaderdiff.model.versie import Versie
from kaderdiff.model.wijziging import DiffDeel

#: Minimal rapidfuzz ratio for eisen with different ids to be put on one row.
DREMPEL = 70.0


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


def vergelijk_sectoren(kadermap: KaderMap, versie: Versie, zoek: str) -> SectorVergelijking:
    """Align the eisen of `zoek` across sectors (same id first, then most similar text)."""
    gevonden: list[tuple[str, str, list[Element]]] = []
    for sector in sorted(kadermap.sectoren(versie), key=_sectorvolgorde):
        resultaat = _eisen_voor(kadermap.laad(versie, sector), zoek)
        if resultaat is not None:
            gevonden.append((sector, *resultaat))
    if not gevonden:
        raise KaderdiffFout(f"'{zoek}' is geen standaardcode of eis-id in een kader van {versie}")
    rijen: list[list[Element | None]] = []
    n = len(gevonden)
    for kolom, (_, _, eisen) in enumerate(gevonden):
        for eis in eisen:
            beste: tuple[float, int] | None = None
            for r, rij in enumerate(rijen):
                if rij[kolom] is not None:
                    continue
                ref = next(e for e in rij if e is not None)
                gelijkenis = float(fuzz.ratio(ref.tekst, eis.tekst))
                score = gelijkenis + (5.0 if ref.id == eis.id else 0.0)
                if gelijkenis >= DREMPEL and (beste is None or score > beste[0]):
                    beste = (score, r)
            if beste is None:
                rij_nieuw: list[Element | None] = [None] * n
                rij_nieuw[kolom] = eis
                rijen.append(rij_nieuw)
            else:
                rijen[beste[1]][kolom] = eis
    uit_rijen = []
    for rij in rijen:
        eerste = next(e for e in rij if e is not None)
        cellen = tuple(None if e is None else Cel(e.id, e.tekst, _diff(eerste.tekst, e.tekst)) for e in rij)
        uit_rijen.append(SectorRij(eerste.id, cellen))
    return SectorVergelijking(zoek, str(versie), tuple(s for s, _, _ in gevonden), tuple(t for _, t, _ in gevonden),
                              tuple(uit_rijen))
