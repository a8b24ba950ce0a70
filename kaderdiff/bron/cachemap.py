"""Where kaderdiff keeps what it computed from a kadermap (the grondslag index, the article index, the
conversions of the pack): `$KADERDIFF_CACHE`, else inside the git directory, else the user's cache. Light on
purpose: the small commands ask for it before anything else is loaded.

A cache file holds data of JSON's kinds (dicts, lists, texts, numbers, booleans, None) in Python's own `marshal`
format, behind a header with a CRC-32 of the rest. Not JSON: importing `json` was a fiftieth of `controleer`, and
marshal reads the data several times faster. marshal's format belongs to the Python version, which is part of the
header; a file of another version, a damaged one (the CRC) or anything else is ignored and made again.
"""

from __future__ import annotations

import marshal
import os
import sys
import zlib
from datetime import date
from pathlib import Path

from kaderdiff.fouten import KaderdiffFout
from kaderdiff.versiebeheer.plek import zoek_git_map


def cachemap_van(kadermap: Path, git_map: Path | None = None) -> Path:
    """The cache folder of the kadermap at `kadermap` (resolved); `git_map` when the caller found it already."""
    if os.environ.get("KADERDIFF_CACHE"):
        return Path(os.environ["KADERDIFF_CACHE"])
    git_map = git_map if git_map is not None else zoek_git_map(kadermap)
    if git_map is not None:
        return git_map / "kaderdiff"
    import hashlib

    return gebruikerscache() / hashlib.sha256(str(kadermap).encode("utf-8")).hexdigest()[:16]


def gebruikerscache() -> Path:
    """kaderdiff's folder in the user's cache (`XDG_CACHE_HOME`, else ~/.cache)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kaderdiff"


def cachenaam(soort: str, kadermap: Path) -> str:
    """The file of one kadermap's cache in the cache folder ('grondslagindex-cpython-311-1a2b3c4d.bin'): one per
    kadermap, so two kadermaps in one repository do not evict each other (each file also names its kadermap,
    checked on reading), and one per Python version, whose marshal format it is in (two installs on different
    Pythons in one checkout would otherwise replace each other's file on every run). A crc32, not a sha256: hashing
    a path needs no cryptography, and loading OpenSSL for it cost a small command a twentieth of its time."""
    versie = sys.implementation.cache_tag or "python"
    return f"{soort}-{versie}-{zlib.crc32(str(kadermap).encode('utf-8')):08x}.bin"


class OngeldigeCache(Exception):
    """A stored cache file does not have the shape this version writes: it is ignored and rebuilt."""


#: What turning cache data into objects can raise when the data is not what this version wrote (a wrong shape, a
#: text that is no date, nesting too deep): the reader then ignores the cache and makes it again.
ONBRUIKBAAR: tuple[type[Exception], ...] = (OngeldigeCache, KaderdiffFout, ValueError, RecursionError, MemoryError,
                                            UnicodeError)


def als_soort(waarde: object, soort: type | tuple[type, ...]) -> object:
    """`waarde` when it is of `soort` (a bool is no number); `OngeldigeCache` otherwise."""
    if not isinstance(waarde, soort) or (isinstance(waarde, bool) and soort is not bool):
        raise OngeldigeCache
    return waarde


def als_tekst(waarde: object) -> str:
    """`waarde` when it is a text; `OngeldigeCache` otherwise."""
    return str(als_soort(waarde, str))


def als_dag(waarde: object) -> date:
    """The day an ISO text ('2026-08-01') names; `OngeldigeCache` for anything else."""
    try:
        return date.fromisoformat(als_tekst(waarde))
    except ValueError:
        raise OngeldigeCache from None


def als_lijst(waarde: object, lengte: int | None = None) -> list[object]:
    """`waarde` when it is a list (of `lengte` items, when given); `OngeldigeCache` otherwise."""
    if not isinstance(waarde, list) or (lengte is not None and len(waarde) != lengte):
        raise OngeldigeCache
    return waarde


#: The first line of a cache file: what it is and the marshal format it is in (a Python version reads only its own).
KOP = f"kaderdiff-cache marshal {marshal.version} python {sys.version_info[0]}.{sys.version_info[1]}\n".encode()


def lees_cachebestand(pad: Path | None, formaat: str, kadermap: Path) -> dict[str, object] | None:
    """The data of a cache file when it is one of this format for this kadermap; None when it is absent,
    unreadable, damaged or anything else (a cache is never trusted, only used)."""
    if pad is None or not pad.is_file():
        return None
    from kaderdiff.bron.bestanden import lees_bestand

    try:
        inhoud = lees_bestand(pad)
    except (KaderdiffFout, OSError):
        return None
    romp = inhoud[len(KOP) + 4:]
    if not inhoud.startswith(KOP) or inhoud[len(KOP):len(KOP) + 4] != zlib.crc32(romp).to_bytes(4, "big"):
        return None
    try:
        data = marshal.loads(romp)
    except (ValueError, EOFError, TypeError, RecursionError, MemoryError):
        return None
    if not isinstance(data, dict) or data.get("formaat") != formaat or data.get("kadermap") != str(kadermap):
        return None
    return data


def schrijf_cachebestand(pad: Path | None, formaat: str, kadermap: Path, inhoud: dict[str, object]) -> bool:
    """Write a cache file with its format and kadermap, whole or not at all; False when the place cannot be
    written, which only costs speed (the cache is made again next time)."""
    if pad is None:
        return False
    from kaderdiff.uitvoer.atomairbestand import schrijf_atomair  # tempfile and shutil: only when a cache changed

    romp = marshal.dumps({"formaat": formaat, "kadermap": str(kadermap), **inhoud})
    try:
        pad.parent.mkdir(parents=True, exist_ok=True)
        schrijf_atomair(pad, KOP + zlib.crc32(romp).to_bytes(4, "big") + romp)
    except (OSError, KaderdiffFout):
        return False
    return True
