"""Argument parsing in Dutch: argparse (fast to import) with Dutch usage, help and error messages.

argparse builds its messages in English; `Parser.error` translates the ones a user can meet with a table
of patterns (as `bron.xmlveilig` does for libxml2), and the help texts, section titles and the `-h`
option are Dutch from the start.
"""

from __future__ import annotations

import argparse
import os
import re
import sys

TYPE_CHECKING = False  # not `typing`: importing it is a twentieth of `controleer` (tests/cli/test_opstart.py)
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import NoReturn

#: argparse's English messages -> Dutch (Python 3.11-3.13 wording); compiled only when an error is shown.
_FOUTEN: tuple[tuple[str, str], ...] = (
    (r"^the following arguments are required: (.*)$", r"deze argumenten ontbreken: \1"),
    (r"^unrecognized arguments: (.*)$", r"onbekende argumenten: \1"),
    (r"^argument (\S+): invalid choice: (.*) \(choose from (.*)\)$", r"argument \1: ongeldige keuze \2 (kies uit \3)"),
    (r"^argument (\S+): expected one argument$", r"argument \1: hier hoort één waarde achter"),
    (r"^argument (\S+): expected at least one argument$", r"argument \1: hier hoort minstens één waarde achter"),
    (r"^argument (\S+): expected at most one argument$", r"argument \1: hier hoort hoogstens één waarde achter"),
    (r"^argument (\S+): expected (\d+) arguments?$", r"argument \1: hier horen \2 waarden achter"),
    (r"^argument (\S+): invalid int value: (.*)$", r"argument \1: \2 is geen geheel getal"),
    (r"^argument (\S+): invalid (\S+) value: (.*)$", r"argument \1: ongeldige waarde \3"),
    (r"^argument (\S+): not allowed with argument (\S+)$", r"argument \1 mag niet samen met \2"),
    (r"^argument (\S+): ignored explicit argument (.*)$", r"argument \1 neemt geen waarde (gevonden: \2)"),
    (r"^ambiguous option: (\S+) could match (.*)$", r"de optie \1 is dubbelzinnig: bedoelt u \2?"),
    (r"^one of the arguments (.*) is required$", r"één van deze argumenten is verplicht: \1"),
    (r"^unexpected option name (.*)$", r"onverwachte optie \1"),
)


def vertaal_fout(bericht: str) -> str:
    """Dutch for an argparse error message; an unknown message is kept (it names the argument at least)."""
    for patroon, vertaling in _FOUTEN:
        gevonden = re.match(patroon, bericht)
        if gevonden:
            return gevonden.expand(vertaling)
    return bericht


class Opmaak(argparse.RawDescriptionHelpFormatter):
    """Help with 'gebruik:' instead of 'usage:'; descriptions keep their line breaks.

    argparse makes a formatter for every option it adds, and without a width each asks `shutil` for the
    terminal's, which imports shutil with bz2 and lzma: a twentieth of a small command. The width is found
    as `shutil.get_terminal_size` finds it ($COLUMNS, else the terminal of standard output, else 80)."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        super().__init__(prog, indent_increment, max_help_position, width if width is not None else _breedte() - 2)

    def add_usage(self, usage: str | None, actions: object, groups: object, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "gebruik: " if prefix is None else prefix)  # type: ignore[arg-type]


def _breedte() -> int:
    """The terminal's columns as `shutil.get_terminal_size()` gives them."""
    try:
        kolommen = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        kolommen = 0
    if kolommen <= 0:
        try:
            kolommen = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            kolommen = 0
    return kolommen or 80


class Parser(argparse.ArgumentParser):
    """An ArgumentParser that speaks Dutch and exits with code 2 on a usage error."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", Opmaak)
        kwargs.setdefault("add_help", False)
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help="toon deze hulp en stop")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fout: {vertaal_fout(message)}\n")

    def _get_values(self, action: argparse.Action, arg_strings: list[str]) -> object:
        """argparse before 3.13 drops a value that is exactly '--' (`--artikel=--`), leaving an empty list
        where the command expects text; keep it as the text the user typed."""
        if action.option_strings and action.nargs is None and arg_strings == ["--"]:
            return self._get_value(action, "--")
        return super()._get_values(action, arg_strings)

    def parse_args(self, args: Sequence[str] | None = None,  # type: ignore[override]
                   namespace: argparse.Namespace | None = None) -> argparse.Namespace:
        return super().parse_args(args, namespace)
