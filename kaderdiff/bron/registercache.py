"""The law registry of a kadermap as it was last read in order, kept between runs in the kadermap's cache folder.

Reading the registry meant loading `tomllib` (with `string` and a dozen regular expressions) and parsing the
package's `wetten.toml` in every process: a twentieth of `controleer`. The registry that holds for a kadermap is a
function of two files only, the package's registry and the kadermap's own (`bron.wetregister`), so an entry keeps
both files' bytes and is used only when both are byte for byte the same as now: no signature or hash that could
collide. Entries are bound to the cache format and the kaderdiff version (`bron.cachemap`). Only a registry that
was in order is kept; one with problems is read and reported every time.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kaderdiff import __version__
from kaderdiff.bron.cachemap import (
    OngeldigeCache,
    als_dag,
    als_lijst,
    als_tekst,
    cachemap_van,
    cachenaam,
    lees_cachebestand,
    schrijf_cachebestand,
)
from kaderdiff.model.wet import Wet, Wetregister

FORMAAT = f"kaderdiff-wetregister/1 {__version__}"


def _pad(kadermap: Path) -> Path:
    return cachemap_van(kadermap) / cachenaam("wetregister", kadermap)


def _datum(waarde: date | None) -> str | None:
    return None if waarde is None else waarde.isoformat()


def _uit_datum(waarde: object) -> date | None:
    return None if waarde is None else als_dag(waarde)


def _wet(ruw: object) -> Wet:
    code, naam, soort, bwb, aliassen, van, tot, opvolger = als_lijst(ruw, 8)
    return Wet(als_tekst(code), als_tekst(naam), als_tekst(soort), als_tekst(bwb),
               tuple(als_tekst(a) for a in als_lijst(aliassen)), _uit_datum(van), _uit_datum(tot), als_tekst(opvolger))


def lees(kadermap: Path, pakket: bytes, eigen: bytes | None) -> Wetregister | None:
    """The registry kept for `kadermap` when it was made from exactly these two files; None otherwise (also for a
    damaged or foreign cache file: it is only ever used, never trusted)."""
    kadermap = kadermap.resolve()
    data = lees_cachebestand(_pad(kadermap), FORMAAT, kadermap)
    if data is None or data.get("pakket") != pakket or data.get("eigen") != eigen:
        return None
    try:
        return Wetregister(tuple(_wet(w) for w in als_lijst(data.get("wetten"))), als_tekst(data.get("bron")))
    except OngeldigeCache:
        return None


def bewaar(kadermap: Path, pakket: bytes, eigen: bytes | None, register: Wetregister) -> None:
    """Keep `register` as the one these two files make; a place that cannot be written only costs speed."""
    kadermap = kadermap.resolve()
    wetten = [[w.code, w.naam, w.soort, w.bwb, list(w.aliassen), _datum(w.geldig_van), _datum(w.geldig_tot),
               w.opvolger] for w in register.wetten]
    schrijf_cachebestand(_pad(kadermap), FORMAAT, kadermap,
                         {"pakket": pakket, "eigen": eigen, "wetten": wetten, "bron": register.bron})
