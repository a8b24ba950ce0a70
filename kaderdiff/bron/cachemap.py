"""Where kaderdiff keeps what it computed from a kadermap (the grondslag index, the article index, the
conversions of the pack): `$KADERDIFF_CACHE`, else inside the git directory, else the user's cache. Light on
purpose: the small commands ask for it before anything else is loaded."""

from __future__ import annotations

import os
import zlib
from pathlib import Path

from kaderdiff.versiebeheer.plek import zoek_git_map


def cachemap_van(kadermap: Path, git_map: Path | None = None) -> Path:
    """The cache folder of the kadermap at `kadermap` (resolved); `git_map` when the caller found it already."""
    if os.environ.get("KADERDIFF_CACHE"):
        return Path(os.environ["KADERDIFF_CACHE"])
    git_map = git_map if git_map is not None else zoek_git_map(kadermap)
    if git_map is not None:
        return git_map / "kaderdiff"
    import hashlib

    basis = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return basis / "kaderdiff" / hashlib.sha256(str(kadermap).encode("utf-8")).hexdigest()[:16]


def cachenaam(soort: str, kadermap: Path) -> str:
    """The file of one kadermap's cache in the cache folder ('grondslagindex-1a2b3c4d.json'): one per kadermap, so
    two kadermaps in one repository do not evict each other (each file also names its kadermap, checked on
    reading). A crc32, not a sha256: hashing a path needs no cryptography, and loading OpenSSL for it cost a small
    command a twentieth of its time."""
    return f"{soort}-{zlib.crc32(str(kadermap).encode('utf-8')):08x}.json"
