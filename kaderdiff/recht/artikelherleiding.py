"""Tracing an article back: an article (or lid/onderdeel) -> every eis in every sector and year resting on it,
with its history (first year cited, years the text changed, year the reference went).

It reads the `Grondslagindex` (kept on disk, invalidated by content hash), so a trace over all versions does not
parse every kader again. A module of its own, apart from `herleid`: `kaderdiff herleid --artikel` is a small
command, and the dataclasses of the rest of the tracing cost it a fifteenth of its time.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kaderdiff.bron.versies import KaderMap
from kaderdiff.model.grondslag import Grondslag
from kaderdiff.recht.grondslagindex import Grondslagindex, IndexKader, standaard_cachemap


def past_op(g: Grondslag, gezocht: Grondslag) -> bool:
    """Does grondslag `g` rest on `gezocht`? (An article matches all its leden; a lid all its onderdelen;
    an onderdeel its sub-onderdelen: 'b' matches 'b, 1°'.)"""
    if g.wet != gezocht.wet:
        return False
    if gezocht.artikel and g.artikel.lower() != gezocht.artikel.lower():
        return False
    if gezocht.lid and g.lid.lower() != gezocht.lid.lower():
        return False
    if not gezocht.onderdeel:
        return True
    pad = [d.lower() for d in gezocht.onderdelen]
    return [d.lower() for d in g.onderdelen][:len(pad)] == pad


@dataclass(frozen=True)
class EisVoorkomen:
    """One eis in one year that rests on the article."""

    jaar: int
    tekst: str
    standaard: str
    standaard_titel: str
    grondslagen: tuple[Grondslag, ...]


@dataclass
class EisGeschiedenis:
    """An eis (per sector) resting on the article, and how that changed over the years."""

    sector: str
    eis_id: str
    voorkomens: list[EisVoorkomen] = field(default_factory=list)
    eerste_jaar: int = 0
    tekst_gewijzigd: list[int] = field(default_factory=list)
    verwijderd_in: int | None = None
    eis_vervallen: bool = False
    terug_in: list[int] = field(default_factory=list)

    @property
    def jaren(self) -> list[int]:
        return [v.jaar for v in self.voorkomens]


def herleid_artikel(kadermap: KaderMap, gezocht: Grondslag,
                    index: Grondslagindex | None = None) -> list[EisGeschiedenis]:
    """Every eis in every sector and year resting on `gezocht`, with its history.

    Pass the same `index` to repeated calls to skip even the stored index's load.
    """
    if index is None:
        index = Grondslagindex(kadermap, standaard_cachemap(kadermap))
    per_sector: dict[str, list[IndexKader]] = {}
    for k in index.kaders():
        per_sector.setdefault(k.sector, []).append(k)
    uit: list[EisGeschiedenis] = []
    for sector in sorted(per_sector):
        reeks = sorted(per_sector[sector], key=lambda k: k.jaar)
        ids: dict[str, None] = {}
        for k in reeks:
            for eis in k.per_wet.get(gezocht.wet, ()):
                if any(past_op(g, gezocht) for g in eis.grondslagen):
                    ids.setdefault(eis.id)
        uit.extend(_geschiedenis(sector, eis_id, reeks, gezocht) for eis_id in ids)
    return uit


def herleid_alle_artikelen(reeksen: dict[str, list[IndexKader]]) -> dict[Grondslag, list[EisGeschiedenis]]:
    """Every cited article and lid at once: (wet, artikel, lid) -> the eisen resting on it, with history.

    `reeksen` holds per sector (named as the caller wants, e.g. after the kader file) its kaders. One pass
    over all eisen instead of one trace per article: a site has hundreds of articles. The key has no
    onderdeel (an eis citing 'onder a' rests on the lid); lid '' is an eis citing the article as a whole.
    """
    uit: dict[Grondslag, list[EisGeschiedenis]] = {}
    for sector in sorted(reeksen):
        reeks = sorted(reeksen[sector], key=lambda k: k.jaar)
        per_sleutel: dict[Grondslag, dict[str, None]] = {}
        for k in reeks:
            for eis in k.eisen:
                for g in eis.grondslagen:
                    if g.artikel:
                        per_sleutel.setdefault(Grondslag(g.wet, g.artikel, g.lid), {}).setdefault(eis.id)
        for sleutel, ids in per_sleutel.items():
            uit.setdefault(sleutel, []).extend(_geschiedenis(sector, eis_id, reeks, sleutel) for eis_id in ids)
    return dict(sorted(uit.items()))


def _geschiedenis(sector: str, eis_id: str, reeks: list[IndexKader], gezocht: Grondslag) -> EisGeschiedenis:
    gesch = EisGeschiedenis(sector, eis_id)
    vorige_tekst: str | None = None
    vorige_citeert = False
    for k in reeks:
        eis = k.per_id.get(eis_id)
        citeert = eis is not None and any(past_op(g, gezocht) for g in eis.grondslagen)
        if eis is not None and vorige_tekst is not None and eis.tekst != vorige_tekst and gesch.eerste_jaar:
            gesch.tekst_gewijzigd.append(k.jaar)
        if citeert and eis is not None:
            gesch.voorkomens.append(EisVoorkomen(k.jaar, eis.tekst, eis.standaard, eis.standaard_titel,
                                                 eis.grondslagen))
            if not gesch.eerste_jaar:
                gesch.eerste_jaar = k.jaar
            elif not vorige_citeert:
                gesch.terug_in.append(k.jaar)
        elif vorige_citeert and gesch.verwijderd_in is None:
            gesch.verwijderd_in = k.jaar
            gesch.eis_vervallen = eis is None
        vorige_citeert = citeert
        vorige_tekst = eis.tekst if eis is not None else vorige_tekst
    return gesch
