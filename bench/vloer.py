"""`python -m bench.vloer KADERS VAN NAAR PAKKET DOEL PROCESSEN`: the pack's I/O floor as a command.

Parses the same input kaders as the pack (all sectors of both years, spread over the same number of
forked processes) and writes the same files the pack wrote (read from PAKKET) into DOEL: what any tool
producing this pack from these inputs must at least do.
"""

from __future__ import annotations

import multiprocessing
import shutil
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from kaderdiff.bron.laden import laad_bytes


def _lees(pad: Path) -> int:
    return len(laad_bytes(pad.read_bytes(), str(pad)).eisen())


def main() -> None:
    kaders, van, naar, pakket, doel, processen = sys.argv[1:7]
    invoer = [p for jaar in (van, naar) for p in sorted((Path(kaders) / jaar).glob("*.xml"))]
    with ProcessPoolExecutor(int(processen), mp_context=multiprocessing.get_context("fork")) as pool:
        list(pool.map(_lees, invoer))
    uit = Path(doel)
    shutil.rmtree(uit, ignore_errors=True)
    uit.mkdir(parents=True)
    for bestand in sorted(Path(pakket).iterdir()):
        if bestand.is_file():
            (uit / bestand.name).write_bytes(bestand.read_bytes())


if __name__ == "__main__":
    main()
