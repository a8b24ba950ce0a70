"""`kaderdiff init`: a team's own kaders repository (its merge driver: cli/samenvoeghulp.py)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kaderdiff.cli.gemeen import melding, regel


def _opties_init(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("map", nargs="?", type=Path, default=Path("."), metavar="MAP",
                        help="de map van de kaders-repository (standaard: de huidige map); "
                             "wordt een git-repository als hij dat nog niet is")


def init(args: argparse.Namespace) -> int:
    from kaderdiff.samenvoeging.inrichting import richt_in

    stappen = richt_in(args.map, sys.executable)
    for stap in stappen:
        (melding if stap.wat == "let op" else regel)(str(stap))
    regel(f"Kaders-repository klaar in {args.map.resolve()}. Zet de kaders in kaders/JAAR/SECTOR.xml; "
          "samenvoegen gaat per element, en vóór elke commit draaien controleer en opmaak --controle.")
    return 0


OPDRACHTEN = {
    "init": (_opties_init, init),
}
