"""`kaderdiff init` and `kaderdiff merge`: a team's own kaders repository and its git merge driver."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kaderdiff.cli.gemeen import melding, regel
from kaderdiff.fouten import KaderdiffFout

#: Exit codes of the merge driver: git reads anything but 0 as "conflicts left in the file".
SCHOON, CONFLICT = 0, 1


def _opties_init(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("map", nargs="?", type=Path, default=Path("."), metavar="MAP",
                        help="de map van de kaders-repository (standaard: de huidige map); "
                             "wordt een git-repository als hij dat nog niet is")


def init(args: argparse.Namespace) -> int:
    from kaderdiff.bron.kadersrepo import richt_in

    stappen = richt_in(args.map, sys.executable)
    for stap in stappen:
        (melding if stap.wat == "let op" else regel)(str(stap))
    regel(f"Kaders-repository klaar in {args.map.resolve()}. Zet de kaders in kaders/JAAR/SECTOR.xml; "
          "samenvoegen gaat per element, en vóór elke commit draaien controleer en opmaak --controle.")
    return 0


def _opties_merge(parser: argparse.ArgumentParser) -> None:
    parser.description = (f"{parser.description}\n\nAls git-samenvoeghulp (dat regelt 'kaderdiff init'):\n"
                          "  git config merge.kaderdiff.driver \"kaderdiff merge %O %A %B %P\"\n"
                          "Exitcode 0: samengevoegd; 1: er staan conflicten in ONZE (<conflict> met <onze> en "
                          "<hun>).")
    parser.add_argument("basis", type=Path, metavar="BASIS", help="de gemeenschappelijke voorouder (git: %%O)")
    parser.add_argument("onze", type=Path, metavar="ONZE", help="onze versie; hier komt het resultaat (git: %%A)")
    parser.add_argument("hun", type=Path, metavar="HUN", help="hun versie (git: %%B)")
    parser.add_argument("pad", nargs="?", default=None, metavar="PAD",
                        help="het pad van het kader in de repository, voor de meldingen (git: %%P)")


def _lees(pad: Path) -> bytes:
    try:
        return pad.read_bytes()
    except FileNotFoundError:
        raise KaderdiffFout(f"Bestand niet gevonden: {pad}") from None


def _regelgewijs(args: argparse.Namespace) -> int:
    """What git would do without the driver: a line merge with conflict markers, written into ONZE."""
    import subprocess  # only here: the driver starts once per kader in every merge

    uitkomst = subprocess.run(["git", "merge-file", "-L", "onze", "-L", "basis", "-L", "hun",
                               str(args.onze), str(args.basis), str(args.hun)], capture_output=True, text=True)
    if uitkomst.returncode < 0 or uitkomst.returncode > 127:
        raise KaderdiffFout(f"git merge-file mislukte: {uitkomst.stderr.strip()}")
    return CONFLICT if uitkomst.returncode else SCHOON


def merge(args: argparse.Namespace) -> int:
    from kaderdiff.bron.driewegs import voeg_samen
    from kaderdiff.bron.identiteiten import GeenKader
    from kaderdiff.uitvoer.atomair import schrijf_atomair

    naam = args.pad or str(args.onze)
    basis, onze, hun = _lees(args.basis), _lees(args.onze), _lees(args.hun)
    try:
        uitkomst = voeg_samen(basis, onze, hun, naam)
    except GeenKader as reden:
        melding(f"{reden}; daarom regel voor regel samengevoegd (git merge-file)")
        return _regelgewijs(args)
    if uitkomst.data != onze:
        schrijf_atomair(args.onze, uitkomst.data)
    if not uitkomst.conflicten:
        return SCHOON
    melding(f"{naam}: {len(uitkomst.conflicten)} conflict(en) per element; beide versies staan in het bestand:")
    for conflict in uitkomst.conflicten:
        melding(str(conflict))
    return CONFLICT


OPDRACHTEN = {
    "init": (_opties_init, init),
    "merge": (_opties_merge, merge),
}
