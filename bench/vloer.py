"""`python -m bench.vloer KADERS VAN NAAR PAKKET DOEL PROCESSEN`: the pack's I/O floor as a command.

Parses the same input kaders as the pack (all sectors of both years, spread over the same number of
forked processes, through the pack's own `voer_uit`) and writes the same files the pack wrote (read from
PAKKET) into DOEL: what any tool producing this pack from these inputs must at least do.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from kaderdiff.bron.laden import laad_bytes
from kaderdiff.cli.app import als_opdracht
from kaderdiff.uitvoer.parallel import voer_uit


def _lees(pad: Path) -> int:
    return len(laad_bytes(pad.read_bytes(), str(pad)).eisen())


def main() -> int:
    """Run by `als_opdracht`, as the console script runs the pack: without the cyclic collector, the inputs spread
    over workers by `voer_uit` (which collects once per task), every object frozen and no teardown at the end. Like
    with like: the pack's process settings are not what makes it faster than its floor."""
    kaders, van, naar, pakket, doel, processen = sys.argv[1:7]
    invoer = [p for jaar in (van, naar) for p in sorted((Path(kaders) / jaar).glob("*.xml"))]
    list(voer_uit(_lees, invoer, int(processen)))
    uit = Path(doel)
    shutil.rmtree(uit, ignore_errors=True)
    uit.mkdir(parents=True)
    for bestand in sorted(Path(pakket).iterdir()):
        if bestand.is_file():
            (uit / bestand.name).write_bytes(bestand.read_bytes())
    return 0


if __name__ == "__main__":
    als_opdracht(main)
