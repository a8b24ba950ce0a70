"""What every command shares: the common options, the kadermap and versions they name, and printing.

Printing never interprets user text: plain lines go straight to the stream, and the Rich console (loaded
only by commands that draw tables or a progress bar) has markup and highlighting switched off, so a citation
or a path with '[/x]' in it is printed as it is.
"""

from __future__ import annotations

import argparse
import sys

TYPE_CHECKING = False  # not `typing`: importing it is a twentieth of `controleer` (tests/cli/test_opstart.py)
if TYPE_CHECKING:
    from datetime import date
    from pathlib import Path

    from rich.console import Console

    from kaderdiff.bron.versies import KaderMap
    from kaderdiff.model.versie import Versie


def optie_kaders(parser: argparse.ArgumentParser) -> None:
    from pathlib import Path  # not at the top: the error handling uses this module, and must start fast

    parser.add_argument("--kaders", type=Path, default=None, metavar="MAP",
                        help="de kadermap (standaard: kaders/ van de repository waarin u staat)")


def opties_van_naar(parser: argparse.ArgumentParser, met_sector: bool = True) -> None:
    parser.add_argument("--van", required=True, metavar="VERSIE", help="oude versie: JAAR of JAAR@REF (bijv. 2025)")
    parser.add_argument("--naar", required=True, metavar="VERSIE", help="nieuwe versie: JAAR of JAAR@REF (bijv. 2026)")
    if met_sector:
        parser.add_argument("--sector", default=None, help="alleen deze sector (po, vo, mbo, …)")


def kadermap_pad(args: argparse.Namespace) -> Path:
    """The --kaders folder, or kaders/ of the repository the user stands in."""
    from kaderdiff.bron.versies import standaard_kadermap

    kaders: Path | None = args.kaders
    return kaders if kaders is not None else standaard_kadermap()


def kadermap(args: argparse.Namespace) -> KaderMap:
    from kaderdiff.bron.versies import KaderMap

    return KaderMap(kadermap_pad(args))


def versies(args: argparse.Namespace) -> tuple[Versie, Versie]:
    """--van and --naar as versions."""
    from kaderdiff.model.versie import Versie

    return Versie.parse(args.van), Versie.parse(args.naar)


def datum(tekst: str) -> date:
    """An argparse type: a date written JJJJ-MM-DD (--datum)."""
    from datetime import date

    try:
        return date.fromisoformat(tekst.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{tekst}' is geen datum: schrijf JJJJ-MM-DD, bijvoorbeeld 2026-03-16") \
            from None


def lees_formaten(tekst: str, toegestaan: tuple[str, ...]) -> tuple[str, ...]:
    """'docx,html' -> ('docx', 'html') (--formaat, --formaten); an unknown format is a clear error."""
    from kaderdiff.fouten import KaderdiffFout

    gevraagd = tuple(dict.fromkeys(f.strip().lower() for f in tekst.split(",") if f.strip()))
    onbekend = [f for f in gevraagd if f not in toegestaan]
    if onbekend or not gevraagd:
        raise KaderdiffFout(f"Onbekend formaat '{', '.join(onbekend) or tekst}': kies uit {', '.join(toegestaan)}")
    return gevraagd


def regel(tekst: str = "") -> None:
    """One line of plain text on standard output."""
    sys.stdout.write(tekst + "\n")


def melding(tekst: str) -> None:
    """One line of plain text on standard error."""
    sys.stderr.write(tekst + "\n")


def console(fouten: bool = False) -> Console:
    """A Rich console for tables and progress, that never reads markup in the text it prints."""
    from rich.console import Console

    return Console(stderr=fouten, file=sys.stderr if fouten else sys.stdout, soft_wrap=True, markup=False,
                   highlight=False, emoji=False)
