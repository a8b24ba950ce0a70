"""A persistent index of every eis and its legal basis in every kader of the working tree.

Tracing an article back (`herleid --artikel`) needs every eis of every year and sector. Parsing 80
full kaders takes seconds; this index keeps, per kader file, only what the trace needs (eis id,
text, standaard, grondslagen), on disk and in memory.

Invalidation is by content: each entry records the sha256 of the file it was read from. A file is
re-hashed whenever its stat signature (size, mtime, ctime, inode) differs from the recorded one, or
when that signature was recorded less than `RACY_SECONDEN` after the file last changed
(`bron.bestanden.vertrouwd`, shared with the article index of `controleer`). Entries are
also bound to the index format and the kaderdiff version, so a changed reader never serves old data.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from kaderdiff import __version__
from kaderdiff.bron.bestanden import Handtekening, handtekening, lees_bestand, vertrouwd
from kaderdiff.bron.cachemap import (
    ONBRUIKBAAR,
    OngeldigeCache,
    als_lijst,
    als_soort,
    als_tekst,
    cachemap_van,
    cachenaam,
    lees_cachebestand,
    schrijf_cachebestand,
)
from kaderdiff.bron.versies import KaderMap
from kaderdiff.model.grondslag import Grondslag
from kaderdiff.model.versie import Versie

TYPE_CHECKING = False  # not `typing`: `herleid` loads nothing else that imports it (tests/cli/test_opstart.py)
if TYPE_CHECKING:
    from typing import NamedTuple

    from kaderdiff.model.kader import Kader

    class IndexEis(NamedTuple):
        """One eis of one kader, as far as tracing needs it (a tuple: 30,000 of them load in milliseconds). At run
        time `collections.namedtuple` with the same fields (as `fouten.Melding`)."""

        id: str
        tekst: str
        standaard: str
        standaard_titel: str
        grondslagen: tuple[Grondslag, ...]
else:
    from collections import namedtuple

    IndexEis = namedtuple("IndexEis", ("id", "tekst", "standaard", "standaard_titel", "grondslagen"))

FORMAAT = f"kaderdiff-grondslagindex/3 {__version__}"


@dataclass(frozen=True)
class IndexKader:
    """The eisen of one kader file, in document order."""

    sector: str
    jaar: int
    eisen: tuple[IndexEis, ...]

    @cached_property
    def per_id(self) -> dict[str, IndexEis]:
        return {e.id: e for e in self.eisen}

    @cached_property
    def per_wet(self) -> dict[str, tuple[IndexEis, ...]]:
        """Eisen per cited law code: a trace only looks at the eisen citing its law."""
        uit: dict[str, list[IndexEis]] = {}
        for eis in self.eisen:
            for wet in dict.fromkeys(g.wet for g in eis.grondslagen):
                uit.setdefault(wet, []).append(eis)
        return {wet: tuple(eisen) for wet, eisen in uit.items()}


def index_van_kader(kader: Kader) -> IndexKader:
    """Reduce a parsed kader to its eisen with standaard and grondslagen."""
    eisen = []
    for eis in kader.eisen():
        standaard = kader.standaard_van(eis.id)
        eisen.append(IndexEis(eis.id, eis.tekst, standaard.nummer if standaard else "",
                              standaard.titel if standaard else "", eis.grondslagen))
    return IndexKader(kader.afkorting, kader.jaar, tuple(eisen))


# -- Stored form ----------------------------------------------------------------------
# Most eisen keep their id, text and grondslagen from year to year, so strings and sets of
# grondslagen are stored once in shared tables and each eis is five numbers into them:
# id, tekst, standaard, standaard_titel, grondslagset. (80 bench kaders: 8.3 MB -> ~1 MB.)

class _Tabellen:
    """Shared tables while writing: each distinct string or grondslag set gets a number."""

    def __init__(self) -> None:
        self.teksten: dict[str, int] = {}
        self.sets: dict[tuple[Grondslag, ...], int] = {}

    def tekst(self, tekst: str) -> int:
        return self.teksten.setdefault(tekst, len(self.teksten))

    def set(self, grondslagen: tuple[Grondslag, ...]) -> int:
        return self.sets.setdefault(grondslagen, len(self.sets))

    def kader(self, k: IndexKader) -> dict[str, object]:
        return {"sector": k.sector, "jaar": k.jaar, "eisen": [
            n for e in k.eisen for n in (self.tekst(e.id), self.tekst(e.tekst), self.tekst(e.standaard),
                                         self.tekst(e.standaard_titel), self.set(e.grondslagen))]}

    def als_gegevens(self) -> dict[str, object]:
        return {"teksten": list(self.teksten),
                "grondslagsets": [[[g.wet, g.artikel, g.lid, g.onderdeel] for g in s] for s in self.sets]}


def _nummer(waarde: object, lengte: int) -> int:
    nummer = als_soort(waarde, int)
    assert isinstance(nummer, int)
    if not 0 <= nummer < lengte:
        raise OngeldigeCache
    return nummer


def _nummers(waarden: list[object], lengte: int) -> list[int]:
    """Numbers into a table of `lengte` entries; `OngeldigeCache` for anything else (a bool is no number here)."""
    nummers = [w for w in waarden if type(w) is int and 0 <= w < lengte]
    if len(nummers) != len(waarden):
        raise OngeldigeCache
    return nummers


def _kader_uit_cache(data: object, teksten: list[str], sets: list[tuple[Grondslag, ...]]) -> IndexKader:
    if not isinstance(data, dict):
        raise OngeldigeCache
    n = als_soort(data.get("eisen"), list)
    assert isinstance(n, list)
    if len(n) % 5:
        raise OngeldigeCache
    # Column by column (id, tekst, standaard, standaard_titel: into the texts; the last into the sets): a kader's
    # numbers checked in a few passes instead of a call each.
    ids, eisteksten, standaarden, titels = (_nummers(n[kolom::5], len(teksten)) for kolom in range(4))
    setnummers = _nummers(n[4::5], len(sets))
    eisen = tuple(IndexEis(teksten[a], teksten[b], teksten[c], teksten[d], sets[e])
                  for a, b, c, d, e in zip(ids, eisteksten, standaarden, titels, setnummers, strict=True))
    return IndexKader(als_tekst(data.get("sector")), int(str(als_soort(data.get("jaar"), int))), eisen)


def _grondslagsets(ruw: object) -> list[tuple[Grondslag, ...]]:
    uit = []
    for s in als_lijst(ruw):
        uit.append(tuple(Grondslag(*(als_tekst(deel) for deel in als_lijst(g, 4))) for g in als_lijst(s)))
    return uit


def _ingang_uit_cache(i: object, teksten: list[str], sets: list[tuple[Grondslag, ...]]) -> _Ingang:
    if not isinstance(i, dict):
        raise OngeldigeCache
    stat = tuple(_nummer(x, 2**63) for x in als_lijst(i.get("stat"), 4))
    gezien_op = _nummer(i.get("gezien_op_ns"), 2**63)
    return _Ingang((stat[0], stat[1], stat[2], stat[3]), gezien_op, als_tekst(i.get("sha256")),
                   _kader_uit_cache(i.get("kader"), teksten, sets))


@dataclass
class _Ingang:
    """One kader file as last seen: stat signature, content hash, and its index."""

    handtekening: Handtekening
    gezien_op_ns: int
    sha256: str
    kader: IndexKader

    def vertrouwd(self, nu: Handtekening) -> bool:
        """Does an unchanged stat signature prove the content is unchanged?"""
        return vertrouwd(nu, self.handtekening, self.gezien_op_ns)


def standaard_cachemap(kadermap: KaderMap) -> Path:
    """Where the index lives: `$KADERDIFF_CACHE`, else inside the git directory, else the user's cache."""
    return cachemap_van(kadermap.pad, kadermap.git_map)


@dataclass
class Grondslagindex:
    """The eisen of every kader in the working tree, kept current by content hash.

    Create one per kadermap and keep it: `kaders()` is then a stat of each file. Without a
    `cachemap` the index lives only in memory.
    """

    kadermap: KaderMap
    cachemap: Path | None = None
    _ingangen: dict[str, _Ingang] = field(default_factory=dict)
    _geladen: bool = False
    herlezen: list[str] = field(default_factory=list)  # files (re)parsed by the last call, for tests/bench

    def kaders(self) -> list[IndexKader]:
        """Every kader in the working tree, by year then sector (re-reading only changed files)."""
        if not self._geladen:
            self._lees_schijf()
        self.herlezen = []
        gezien: dict[str, _Ingang] = {}
        for relatief, pad in self._bestanden():
            gezien[relatief] = self._actueel(relatief, pad)
        gewijzigd = gezien.keys() != self._ingangen.keys() or any(
            ingang is not self._ingangen.get(relatief) for relatief, ingang in gezien.items())
        self._ingangen = gezien
        if gewijzigd:
            self._schrijf_schijf()
        return [i.kader for i in gezien.values()]

    def _bestanden(self) -> Iterator[tuple[str, Path]]:
        for jaar in self.kadermap.jaren():
            for sector in self.kadermap.sectoren(Versie(jaar)):
                pad = self.kadermap.bestand(jaar, sector)
                yield f"{jaar}/{pad.name}", pad

    def _actueel(self, relatief: str, pad: Path) -> _Ingang:
        nu = handtekening(pad.stat())
        oud = self._ingangen.get(relatief)
        if oud is not None and oud.vertrouwd(nu):
            return oud
        import hashlib  # only for a file that may have changed: loading OpenSSL is a tenth of `herleid --artikel`

        gezien_op = time.time_ns()
        data = lees_bestand(pad, self.kadermap.naam_van(pad))
        sha = hashlib.sha256(data).hexdigest()
        nu = handtekening(pad.stat())  # after reading: a write during the read shows up next time
        if oud is not None and oud.sha256 == sha:
            return _Ingang(nu, gezien_op, sha, oud.kader)
        self.herlezen.append(relatief)
        from kaderdiff.bron.laden import laad_bytes  # lxml and the schema: only when a file must be parsed
        from kaderdiff.bron.wetregister import register_voor

        kader = laad_bytes(data, self.kadermap.naam_van(pad), register_voor(self.kadermap.pad))
        return _Ingang(nu, gezien_op, sha, index_van_kader(kader))

    # -- on disk --------------------------------------------------------------------
    @property
    def pad(self) -> Path | None:
        """The index file: one per kadermap, so two kadermaps in one repository do not evict each other."""
        if self.cachemap is None:
            return None
        return self.cachemap / cachenaam("grondslagindex", self.kadermap.pad)

    def _lees_schijf(self) -> None:
        """Load the stored index; anything unreadable or from another version is ignored (it is a cache)."""
        self._geladen = True
        data = lees_cachebestand(self.pad, FORMAAT, self.kadermap.pad)
        if data is None:
            return
        try:
            teksten = [als_tekst(t) for t in als_lijst(data.get("teksten"))]
            sets = _grondslagsets(data.get("grondslagsets"))
            bestanden = als_soort(data.get("bestanden"), dict)
            assert isinstance(bestanden, dict)
            self._ingangen = {als_tekst(relatief): _ingang_uit_cache(i, teksten, sets)
                              for relatief, i in bestanden.items()}
        except ONBRUIKBAAR:
            self._ingangen = {}

    def _schrijf_schijf(self) -> None:
        tabellen = _Tabellen()
        bestanden = {relatief: {"stat": list(i.handtekening), "gezien_op_ns": i.gezien_op_ns, "sha256": i.sha256,
                                "kader": tabellen.kader(i.kader)}
                     for relatief, i in sorted(self._ingangen.items())}
        # a read-only or full place only costs speed: the index is rebuilt next time
        schrijf_cachebestand(self.pad, FORMAAT, self.kadermap.pad, {**tabellen.als_gegevens(), "bestanden": bestanden})
