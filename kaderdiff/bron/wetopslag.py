"""Where the stored law texts of a kadermap are: `<kaders>/wetten/<BWB-ID>/<YYYY-MM-DD>.xml`, one file per
version, named by the day it is valid from.

Apart from `bron.bwb` (which reads the BWB XML): `controleer` needs to know which versions are stored, and takes
their structure from the article index, so it does not load the BWB reader.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

WETTENMAP = "wetten"
_DATUMBESTAND = re.compile(r"^(\d{4}-\d{2}-\d{2})\.xml$")


def wetmap(kadersdir: Path, bwb: str) -> Path:
    return kadersdir / WETTENMAP / bwb


def versies(kadersdir: Path, bwb: str) -> list[tuple[date, Path]]:
    """Stored versions of a law, oldest first."""
    map_ = wetmap(kadersdir, bwb)
    if not map_.is_dir():
        return []
    uit = []
    for pad in map_.iterdir():
        gevonden = _DATUMBESTAND.match(pad.name)
        if gevonden and pad.is_file():
            try:
                uit.append((date.fromisoformat(gevonden.group(1)), pad))
            except ValueError:
                continue
    return sorted(uit)
