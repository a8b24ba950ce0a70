"""`kaderdiff`: the list of commands and how one is started.

Commands live in their own modules (one per group) and are imported only when they run: the list below
holds what `kaderdiff -h` shows, so help and small commands start without loading GitPython, python-docx
or Rich. Each command module has `OPDRACHTEN`: name -> (add its options to a parser, run it).
"""

from __future__ import annotations

import argparse
import atexit
import gc
import importlib
import os
import sys
from collections.abc import Callable, Sequence

from kaderdiff import __version__
from kaderdiff.cli.argumenten import Parser

Opties = Callable[[argparse.ArgumentParser], None]
Uitvoering = Callable[[argparse.Namespace], int | None]


class Commando:
    """One command: its name, the module that holds it, and its line in `kaderdiff -h`.

    A plain class, not a dataclass: importing `dataclasses` would cost `kaderdiff -h` a sixth of its time."""

    __slots__ = ("hulp", "module", "naam")

    def __init__(self, naam: str, module: str, hulp: str) -> None:
        self.naam, self.module, self.hulp = naam, module, hulp


COMMANDOS = (
    Commando("controleer", "kaderdiff.cli.kaders",
             "Controleer kaders: schema, dubbele ids, grondslagen, bekende wetten, artikelen tegen de wettekst."),
    Commando("opmaak", "kaderdiff.cli.kaders", "Herschrijf kaders in de vaste opmaak (idempotent)."),
    Commando("importeer", "kaderdiff.cli.invoer",
             "Lees een kader uit Word (.docx) in als kader-XML, of een map met één Word-bestand per jaar."),
    Commando("nieuw-jaar", "kaderdiff.cli.jaar",
             "Begin de kaders van een nieuw jaar: een kopie van het vorige jaar, vastgelegd in één commit."),
    Commando("staat", "kaderdiff.cli.staat", "Maak de Staat van wijzigingen (WAS/WORDT) per sector."),
    Commando("pakket", "kaderdiff.cli.pakket", "Bouw het consultatiepakket voor de Ringen."),
    Commando("reacties", "kaderdiff.cli.reacties",
             "Lees de reacties van de Ringen in (reactienota), of verwerk de ingevulde nota (consultatieverslag)."),
    Commando("site", "kaderdiff.cli.site",
             "Bouw een statische website: elke versie, elke wijziging en elk wetsartikel met een eigen link."),
    Commando("herleid", "kaderdiff.cli.recht",
             "Herleid een standaard naar zijn wettelijke grondslagen, of een artikel terug naar de eisen."),
    Commando("impact", "kaderdiff.cli.recht",
             "Welke eisen na te lopen zijn bij een wetswijziging, of wat er tussen twee wetsversies veranderde."),
    Commando("wetten", "kaderdiff.cli.recht",
             "Wetteksten beheren: importeren, ophalen uit het BWB, een wetswijziging uitstellen."),
    Commando("citaten", "kaderdiff.cli.citaten",
             "Vind de wetsverwijzingen in een tekst (verslag, Kamerbrief), met citaat en Juriconnect-link."),
    Commando("voorstel", "kaderdiff.cli.voorstel",
             "Beoordeel een voorgestelde wijziging (git-tak of Word-document met bijgehouden wijzigingen)."),
    Commando("vergelijk-sectoren", "kaderdiff.cli.voorstel",
             "Zet de eisen van één standaard (of één eis) in alle sectoren naast elkaar."),
    Commando("init", "kaderdiff.cli.repo",
             "Richt een kaders-repository in: git, kaders/, README, samenvoeghulp en controle vóór elke commit."),
    Commando("merge", "kaderdiff.cli.samenvoeghulp",
             "Voeg drie versies van een kader per element samen (de git-samenvoeghulp die init instelt)."),
    Commando("versie", "kaderdiff.cli.kaders", "Toon de versie van kaderdiff."),
)

OMSCHRIJVING = ("Vergelijk onderzoekskaders per jaar: Staat van wijzigingen, Word met revisies, wettelijke "
                "grondslagen.\nElke opdracht heeft -h; bijvoorbeeld: kaderdiff staat -h")


def _gekozen(argv: Sequence[str]) -> Commando | None:
    """The command named first on the command line (before it only top-level options can stand)."""
    namen = {c.naam: c for c in COMMANDOS}
    for arg in argv:
        if not arg.startswith("-"):
            return namen.get(arg)
    return None


def maak_parser(gekozen: Commando | None) -> tuple[Parser, Uitvoering | None]:
    """The parser: with a chosen command only that one (its options loaded from its module), without one
    every command as a name and a help line. The others are not needed once a valid name is given, and
    building sixteen subparsers costs a small command (the merge driver, once per kader) a tenth of its time."""
    hoofd = Parser(prog="kaderdiff", description=OMSCHRIJVING)
    hoofd.add_argument("--versie", action="version", version=f"kaderdiff {__version__}",
                       help="toon de versie en stop")
    opdrachten = hoofd.add_subparsers(title="opdrachten", metavar="OPDRACHT", dest="opdracht")
    uitvoering: Uitvoering | None = None
    for commando in COMMANDOS if gekozen is None else (gekozen,):
        sub = opdrachten.add_parser(commando.naam, help=commando.hulp, description=commando.hulp)
        if commando is gekozen:
            opties, uitvoering = importlib.import_module(commando.module).OPDRACHTEN[commando.naam]
            opties(sub)
    return hoofd, uitvoering


def main(argv: Sequence[str] | None = None) -> int:
    """Run kaderdiff with `argv` (default: the command line) and return the exit code."""
    argumenten = list(sys.argv[1:] if argv is None else argv)
    gekozen = _gekozen(argumenten)
    if gekozen is None:
        return _zonder_opdracht(argumenten)
    from kaderdiff.cli.foutafhandeling import voer_veilig_uit

    return voer_veilig_uit(gekozen.naam, lambda: _start(argumenten, gekozen))


def _zonder_opdracht(argumenten: list[str]) -> int:
    """-h, --versie, nothing or an unknown command: argparse alone answers, so the error handling (and what
    it imports) is loaded only should even this fail."""
    try:
        return _start(argumenten, None) or 0
    except Exception as fout:
        from kaderdiff.cli.foutafhandeling import voer_veilig_uit

        gevangen = fout

        def opnieuw() -> int:
            raise gevangen

        return voer_veilig_uit("", opnieuw)


def _start(argumenten: list[str], gekozen: Commando | None) -> int | None:
    parser, uitvoering = maak_parser(gekozen)
    if not argumenten:
        parser.print_help(sys.stderr)
        return 2
    try:
        args = parser.parse_args(argumenten)
    except SystemExit as einde:  # -h, --versie and usage errors end here
        return einde.code if isinstance(einde.code, int) else (0 if einde.code is None else 2)
    if uitvoering is None:  # pragma: no cover - argparse refuses an unknown command first
        return 2
    return uitvoering(args)


def start() -> None:
    """The console script: `main` run as `als_opdracht` runs a command."""
    als_opdracht(main)


def als_opdracht(uitvoering: Callable[[], int]) -> None:
    """Run a command as the console script runs one, and end the process with its exit code. `bench.vloer` runs
    the pack's floor this way too, so that the pack and its floor start and end alike.

    Without the cyclic garbage collector: loading a command's modules creates a few hundred thousand objects,
    and the collector walked them all the time (about a fourteenth of the start of a pack, 3 ms of `controleer`).
    Reference counting still frees everything that is not a cycle; work over many documents turns the collector
    on again (`kaderdiff.uitvoer.parallel`). At the end every object is frozen: Python's last collection on exit
    would walk them all only to find what the end of the process frees anyway (a tenth of `controleer`).

    The rest of Python's teardown is skipped too (`_zonder_afbraak`)."""
    gc.disable()
    uitkomst: list[int] = []
    atexit.register(_zonder_afbraak, uitkomst)  # registered first, so it runs last
    code = uitvoering()
    uitkomst.append(code)
    gc.freeze()
    sys.exit(code)


def _zonder_afbraak(uitkomst: list[int]) -> None:
    """End the process once every exit handler has run, without Python's teardown.

    atexit runs its handlers last-registered first, so this one comes after all that a command registered
    (multiprocessing, temporary folders); the threads were joined before them. Nothing registers one before
    `als_opdracht` (tests/cli/test_opstart.py holds that for the console script and `python -m`). What is left is
    tearing down
    every module and object one by one, which the end of the process does at once: 2 ms of `controleer`, a
    twentieth. Standard output and error are flushed here, as Python would; every file kaderdiff writes is
    closed before `main` returns (context managers, `schrijf_atomair`). When `main` raised, or a flush fails
    (the reader of a pipe stopped), Python ends as usual and reports it."""
    if not uitkomst:
        return
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return
    os._exit(uitkomst[0])
