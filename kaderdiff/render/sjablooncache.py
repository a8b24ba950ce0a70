"""Compiled Jinja2 templates kept between runs, so a pack does not compile them again in every worker.

Compiling the Staat's HTML template costs a worker some 20 ms and the pack's index another 8 ms at the end, on
one core; loading the compiled code takes under a millisecond. The files live in `$KADERDIFF_CACHE/sjablonen/`,
else `~/.cache/kaderdiff/sjablonen/` (`XDG_CACHE_HOME`), in a folder named after the Jinja2 version and the
settings that change what the compiler writes. Jinja2 itself checks each file's magic (its bytecode format and the
Python version) and the checksum of the template source, so an edited template is compiled again. A file that
cannot be read, is damaged or cannot be written only costs speed: the template is compiled as without a cache.
"""

from __future__ import annotations

import os
import zlib
from pathlib import Path

from jinja2 import BytecodeCache, __version__
from jinja2.bccache import Bucket

from kaderdiff.bron.cachemap import gebruikerscache
from kaderdiff.fouten import KaderdiffFout
from kaderdiff.uitvoer.atomairbestand import schrijf_atomair


def sjablooncachemap(instellingen: str) -> Path:
    """The folder for templates compiled with `instellingen` (every setting that changes the compiled code)."""
    kenmerk = f"{zlib.crc32(instellingen.encode('utf-8')):08x}"
    return _wortel() / "sjablonen" / f"jinja2-{__version__}-{kenmerk}"


def _wortel() -> Path:
    if os.environ.get("KADERDIFF_CACHE"):
        return Path(os.environ["KADERDIFF_CACHE"])
    return gebruikerscache()


class Sjablooncache(BytecodeCache):
    """Jinja2's bytecode cache over one folder, each entry written whole or not at all."""

    def __init__(self, map_: Path) -> None:
        self.map = map_

    def _pad(self, bucket: Bucket) -> Path:
        return self.map / f"{bucket.key}.jinja"

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            with open(self._pad(bucket), "rb") as f:
                bucket.load_bytecode(f)
        except FileNotFoundError:
            return
        except Exception:  # a damaged entry (any unpickling or marshal error): compile again
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            self.map.mkdir(parents=True, exist_ok=True)
            schrijf_atomair(self._pad(bucket), bucket.bytecode_to_string())
        except (OSError, KaderdiffFout):  # the folder cannot be made, or the file not be written whole
            return
