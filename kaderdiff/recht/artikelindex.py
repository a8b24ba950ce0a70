"""The articles of every stored law text as `controleer` checks a grondslag against them, kept between runs.

`controleer` needs of a law version only its structure: which articles, leden and (nested) onderdelen exist
and whether they are in force. Parsing the BWB XML for that is most of the check of a kader (and a real law is
megabytes); this index keeps that structure per stored law file, in the cache folder of the grondslag
index (`bron.cachemap`). The texts themselves are not kept: what the index gives is a
`Wettekst` whose articles, leden and onderdelen have no text.

It also keeps the verdict on every grondslag it was asked about (`oordeel`): the result of
`artikeloordeel.beoordeel_grondslag`, which depends only on the grondslag's article, lid and onderdeel and on the
law version. A kader checked again gets its verdicts without the law model (`model.wettekst`, four dataclasses:
a twentieth of `controleer`); the verdicts go with the entry of their law file, so a changed file has none.

Invalidation is by content, as in the grondslag index: an entry records the sha256 of the file it was read from
and is trusted without reading the file only while its stat signature is unchanged and was recorded outside the
racy window (`bron.bestanden.vertrouwd`); entries are bound to the index format and the kaderdiff version. An
unreadable, foreign or malformed index is ignored and rebuilt; a place the index cannot be written only costs
speed.
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

from kaderdiff import __version__
from kaderdiff.bron.bestanden import Handtekening, handtekening, lees_bestand, vertrouwd
from kaderdiff.bron.cachemap import (
    ONBRUIKBAAR,
    OngeldigeCache,
    als_dag,
    als_lijst,
    als_soort,
    als_tekst,
    cachenaam,
    lees_cachebestand,
    schrijf_cachebestand,
)

TYPE_CHECKING = False  # not `typing`, like the modules on the path of `controleer`
if TYPE_CHECKING:
    from kaderdiff.model.grondslag import Grondslag
    from kaderdiff.model.wettekst import Onderdeel, Wettekst

FORMAAT = f"kaderdiff-artikelindex/2 {__version__}"
#: A remembered verdict: (artikel, lid, onderdeel) as the grondslag writes them -> (ernst, reden).
Oordelen = dict[tuple[str, str, str], tuple[str, str]]
ERNSTEN = ("", "fout", "waarschuwing")


def skelet(tekst: Wettekst) -> list[object]:
    """A law version as cache data (`bron.cachemap`): bwb, date, title and per article [nr, status, leden,
    onderdelen]; a lid is [nr, status, onderdelen] and an onderdeel [nr, onderdelen]."""
    return [tekst.bwb, tekst.geldig_vanaf.isoformat(), tekst.titel,
            [[a.nr, a.status, [[lid.nr, lid.status, _onderdelen(lid.onderdelen)] for lid in a.leden],
              _onderdelen(a.onderdelen)] for a in tekst.artikelen.values()]]


def _onderdelen(lijst: tuple[Onderdeel, ...]) -> list[object]:
    return [[o.nr, _onderdelen(o.onderdelen)] for o in lijst]


def _uit_onderdelen(ruw: object) -> tuple[Onderdeel, ...]:
    from kaderdiff.model.wettekst import Onderdeel

    uit = []
    for o in als_lijst(ruw):
        nr, sub = als_lijst(o, 2)
        uit.append(Onderdeel(als_tekst(nr), "", _uit_onderdelen(sub)))
    return tuple(uit)


def uit_skelet(ruw: object, bron: str) -> Wettekst:
    """The law version a `skelet` describes (texts empty); `OngeldigeCache` for anything else."""
    from kaderdiff.model.wettekst import Artikel, Lid, Wettekst

    bwb, datum, titel, artikelen = als_lijst(ruw, 4)
    geldig_vanaf = als_dag(datum)
    per_nr: dict[str, Artikel] = {}
    for a in als_lijst(artikelen):
        nr, status, leden, onderdelen = als_lijst(a, 4)
        uit_leden = []
        for lid in als_lijst(leden):
            lidnr, lidstatus, lidonderdelen = als_lijst(lid, 3)
            uit_leden.append(Lid(als_tekst(lidnr), "", onderdelen=_uit_onderdelen(lidonderdelen),
                                 status=als_tekst(lidstatus)))
        per_nr[als_tekst(nr)] = Artikel(als_tekst(nr), "", tuple(uit_leden), "",
                                        onderdelen=_uit_onderdelen(onderdelen), status=als_tekst(status))
    return Wettekst(als_tekst(bwb), geldig_vanaf, per_nr, als_tekst(titel), bron)


#: What reading an index that is not what this module wrote can raise (`bron.cachemap`, and a TypeError from
#: building the law model of a skeleton).
_KAPOT: tuple[type[Exception], ...] = (*ONBRUIKBAAR, TypeError)


def _uit_oordelen(ruw: object) -> Oordelen:
    """Remembered verdicts as `bewaar` writes them: [artikel, lid, onderdeel, ernst, reden] each."""
    oordelen: Oordelen = {}
    for regel in als_lijst(ruw):
        artikel, lid, onderdeel, ernst, reden = (als_tekst(x) for x in als_lijst(regel, 5))
        if ernst not in ERNSTEN or bool(ernst) != bool(reden):
            raise OngeldigeCache
        oordelen[(artikel, lid, onderdeel)] = (ernst, reden)
    return oordelen


class _Ingang:
    """One law file as last seen: stat signature, content hash, its skeleton, the verdicts given on it, and the law
    version made of the skeleton."""

    __slots__ = ("gezien_op_ns", "handtekening", "oordelen", "sha256", "skelet", "wettekst")

    def __init__(self, handtekening: Handtekening, gezien_op_ns: int, sha256: str, skelet: list[object],
                 oordelen: Oordelen | None = None, wettekst: Wettekst | None = None) -> None:
        self.handtekening, self.gezien_op_ns, self.sha256 = handtekening, gezien_op_ns, sha256
        self.skelet, self.wettekst = skelet, wettekst
        self.oordelen: Oordelen = {} if oordelen is None else oordelen

    def als_wettekst(self, bron: str) -> Wettekst:
        """The law version of the skeleton, made once (every kader checked asks for its laws again);
        `OngeldigeCache` when the skeleton read from disk is not one."""
        if self.wettekst is None:
            self.wettekst = uit_skelet(self.skelet, bron)
        return self.wettekst


class Artikelindex:
    """The law versions of one kadermap read so far; `wettekst` gives one, `oordeel` a verdict on a grondslag,
    `bewaar` writes what changed.

    This and `_Ingang` are plain classes: they hold state, not data to compare. Python 3.11 compiles half a
    dozen methods for each dataclass, about half a millisecond a class, and `controleer` creates these on every
    start."""

    def __init__(self, cachemap: Path | None, kadermap: Path) -> None:
        self.cachemap, self.kadermap = cachemap, kadermap
        self._ingangen: dict[str, _Ingang] = {}
        self._geladen = self._gewijzigd = False
        self.herlezen: list[str] = []  # law files parsed again, for tests

    @property
    def pad(self) -> Path | None:
        if self.cachemap is None:
            return None
        return self.cachemap / cachenaam("artikelindex", self.kadermap)

    def wettekst(self, pad: Path, geldig_vanaf: date) -> Wettekst:
        """The stored law version at `pad` (its articles without their texts), parsed only when it changed."""
        sleutel = str(pad)
        try:
            return self._ingang(pad, geldig_vanaf).als_wettekst(sleutel)
        except _KAPOT:  # a skeleton from disk that is none: the whole index is suspect
            self._ingangen, self._gewijzigd = {}, True
            return self._ingang(pad, geldig_vanaf).als_wettekst(sleutel)

    def oordeel(self, pad: Path, geldig_vanaf: date, g: Grondslag) -> tuple[str, str]:
        """`artikeloordeel.beoordeel_grondslag(g, the law version at pad)`, remembered with the law file's entry."""
        sleutel = (g.artikel, g.lid, g.onderdeel)
        oordelen = self._ingang(pad, geldig_vanaf).oordelen
        if sleutel not in oordelen:
            from kaderdiff.recht.artikeloordeel import beoordeel_grondslag

            tekst = self.wettekst(pad, geldig_vanaf)
            oordelen = self._ingangen[str(pad)].oordelen  # a new entry when the index turned out to be suspect
            oordelen[sleutel] = beoordeel_grondslag(g, tekst)
            self._gewijzigd = True
        return oordelen[sleutel]

    def _ingang(self, pad: Path, geldig_vanaf: date) -> _Ingang:
        """The entry of the law file at `pad`, read and parsed again only when it changed."""
        if not self._geladen:
            self._lees_schijf()
        sleutel = str(pad)
        nu = handtekening(pad.stat())
        oud = self._ingangen.get(sleutel)
        if oud is not None and vertrouwd(nu, oud.handtekening, oud.gezien_op_ns):
            return oud
        import hashlib

        gezien_op = time.time_ns()
        data = lees_bestand(pad)
        sha = hashlib.sha256(data).hexdigest()
        nu = handtekening(pad.stat())  # after reading: a write during the read shows up next time
        if oud is not None and oud.sha256 == sha:
            self._ingangen[sleutel] = _Ingang(nu, gezien_op, sha, oud.skelet, oud.oordelen, oud.wettekst)
        else:
            from kaderdiff.bron.bwb import lees_wettekst

            self.herlezen.append(sleutel)
            self._ingangen[sleutel] = _Ingang(nu, gezien_op, sha, skelet(lees_wettekst(data, sleutel, geldig_vanaf)))
        self._gewijzigd = True
        return self._ingangen[sleutel]

    def _lees_schijf(self) -> None:
        self._geladen = True
        data = lees_cachebestand(self.pad, FORMAAT, self.kadermap)
        if data is None:
            return
        try:
            ingangen = {}
            for sleutel, i in als_soort(data.get("wetten"), dict).items():  # type: ignore[attr-defined]
                if not isinstance(i, dict):
                    raise OngeldigeCache
                stat = [int(str(als_soort(x, int))) for x in als_lijst(i.get("stat"), 4)]
                ingangen[str(sleutel)] = _Ingang(
                    (stat[0], stat[1], stat[2], stat[3]), int(str(als_soort(i.get("gezien_op_ns"), int))),
                    als_tekst(i.get("sha256")), als_lijst(i.get("wet")), _uit_oordelen(i.get("oordelen")))
            self._ingangen = ingangen  # the skeletons are checked when one is used (`wettekst`)
        except _KAPOT:
            self._ingangen = {}

    def bewaar(self) -> None:
        """Write the index when a law file was (re)read; a place that cannot be written only costs speed."""
        if not self._gewijzigd:
            return
        wetten = {sleutel: {"stat": list(i.handtekening), "gezien_op_ns": i.gezien_op_ns, "sha256": i.sha256,
                            "wet": i.skelet, "oordelen": [[*g, *oordeel] for g, oordeel in sorted(i.oordelen.items())]}
                  for sleutel, i in sorted(self._ingangen.items())}
        if schrijf_cachebestand(self.pad, FORMAAT, self.kadermap, {"wetten": wetten}):
            self._gewijzigd = False
