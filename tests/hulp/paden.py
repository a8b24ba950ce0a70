"""Where things are: the repository, its sample kaders and test data, and fingerprints of folders."""

from __future__ import annotations

import hashlib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
KADERS = REPO / "kaders"
VOORBEELD = REPO / "docs" / "voorbeeld-kader.xml"
DATA = REPO / "tests" / "data"
VERWACHT = DATA / "verwacht"


def sample_kaders() -> list[Path]:
    return sorted(KADERS.glob("[0-9][0-9][0-9][0-9]/*.xml"))


def kaders_sha(kaders: Path = KADERS) -> dict[str, str]:
    """sha256 of every file under a kaders directory."""
    return {p.relative_to(kaders).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(kaders.rglob("*")) if p.is_file()}


def map_sha(map_: Path) -> dict[str, str]:
    """sha256 of every file under a directory (hidden ones too), by relative path."""
    return {p.relative_to(map_).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(map_.rglob("*")) if p.is_file()}



#: The sample kaders cite the WVO 2020, whose text is not among the sample law texts (docs/maak_wetfixtures.py says
#: why): `controleer` says so once per kadermap, and that is all it may say about the samples.
ZONDER_WVO_TEKST = "waarschuwing: geen wettekst van de WVO (BWBR0044212)"


def alleen_ongecontroleerd(fout: str, wetten: tuple[str, ...] = ("WVO",)) -> bool:
    """Every line of `controleer`'s error output is the notice that the articles of one of `wetten` were not
    checked against a law text (none is stored)."""
    return all(any(f"waarschuwing: geen wettekst van de {wet} (" in regel for wet in wetten)
               and "niet gecontroleerd" in regel for regel in fout.splitlines())
