"""Output for a reader without a terminal: piped into a file, a log or CI.

There colour and a terminal's width are gone, so the text must carry its meaning itself: a word diff marks
deletions and insertions as `git diff --word-diff=plain` does (`[-weg-]`, `{+erbij+}`), and what a terminal
shows as a table is written as one block per row, every cell in full on lines of its own: nothing cut at 80
columns, no cell wrapped into its neighbours. Rich is not loaded on this path (it costs a command's start).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

TYPE_CHECKING = False  # not `typing`: `herleid` loads nothing else that imports it (tests/cli/test_opstart.py)
if TYPE_CHECKING:
    from typing import TextIO

    from kaderdiff.model.wijziging import DiffDeel

#: The legend under a word diff in plain text.
LEGENDA = "[-tekst-] staat er niet, {+tekst+} staat er extra (zoals git diff --word-diff=plain)."


def op_terminal(stroom: TextIO | None = None) -> bool:
    """Does `stroom` (standard output by default) go to a terminal, where colour and a table can be shown?"""
    stroom = stroom if stroom is not None else sys.stdout
    try:
        return stroom.isatty()
    except (AttributeError, ValueError):  # a closed or unusual stream: no terminal
        return False


def woorddiff(delen: Sequence[DiffDeel], kant: int | None = None) -> str:
    """A word diff as plain text: deleted words as [-…-], inserted ones as {+…+}; `kant` WEG or ERBIJ keeps
    only that side's changes (the WAS or the WORDT text)."""
    from kaderdiff.model.wijziging import ERBIJ, GELIJK, WEG  # here: `herleid --artikel` shows no diff

    uit = []
    for d in delen:
        if d.op == GELIJK:
            uit.append(d.tekst)
        elif d.op == WEG and kant in (None, WEG):
            uit.append(f"[-{d.tekst}-]")
        elif d.op == ERBIJ and kant in (None, ERBIJ):
            uit.append(f"{{+{d.tekst}+}}")
    return "".join(uit)


def blok(kop: str, velden: Sequence[tuple[str, str]]) -> str:
    """One row as a block: its heading, then each field as 'label: text', the lines of a long text under each
    other, indented under the first."""
    breedte = max((len(label) for label, _ in velden), default=0) + 2
    regels = [kop]
    for label, waarde in velden:
        eerste, *rest = (waarde or "–").split("\n")
        regels.append(f"  {f'{label}:':<{breedte}}{eerste}")
        regels.extend(f"  {'':<{breedte}}{r}" for r in rest)
    return "\n".join(regels)


def schrijf(*blokken: str) -> None:
    """Blocks on standard output, an empty line between them."""
    sys.stdout.write("\n\n".join(blokken) + "\n")
