"""The one place where a command's errors become what the user sees.

- `KaderdiffFout` (bad input the user can fix): one Dutch message with file, line and column; exit code 2.
- `OSError` (disk full, no access, …): a Dutch message naming the file; exit code 2.
- Anything else is a defect in kaderdiff: a short Dutch message ("interne fout"), the traceback in a log
  file whose path is printed, exit code 70 (EX_SOFTWARE). A raw traceback never reaches the terminal.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable

from kaderdiff.cli.gemeen import melding
from kaderdiff.fouten import KaderdiffFout, os_reden

FOUT_INVOER = 2
FOUT_INTERN = 70


def os_fout_tekst(fout: OSError) -> str:
    """'Kan /pad/naar/x niet lezen of schrijven: de schijf is vol' — Dutch, with the file when it is known."""
    reden = os_reden(fout)
    if fout.filename is None:
        return f"Fout bij lezen of schrijven: {reden}"
    pad = os.fsdecode(fout.filename)
    if fout.filename2 is not None:
        pad += f" → {os.fsdecode(fout.filename2)}"
    return f"{pad}: {reden}"


def toon_fout(fout: KaderdiffFout) -> None:
    melding(f"Fout: {fout.tekst}")
    for m in fout.meldingen:
        melding(f"  {m}")


def schrijf_logboek(opdracht: str) -> str | None:
    """The current exception's traceback in a new log file; None when even that cannot be written."""
    import tempfile  # only on the way out of a defect: every command's start-up is spared them
    import traceback

    tekst = f"kaderdiff {opdracht}\n{time.strftime('%Y-%m-%dT%H:%M:%S%z')}\n\n{traceback.format_exc()}"
    try:
        fd, pad = tempfile.mkstemp(prefix="kaderdiff-fout-", suffix=".log")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(tekst)
        return pad
    except OSError:
        return None


def git_fout_tekst(fout: Exception) -> str | None:
    """Dutch for an error GitPython raised outside the places that translate their own; None if not git's.

    Recognised by module name, so that commands without git do not pay for importing GitPython.
    """
    if not type(fout).__module__.startswith(("git.", "gitdb.")):
        return None
    naam = type(fout).__name__
    if naam == "GitCommandNotFound":
        return ("het programma git is niet gevonden; installeer git (of zet het in PATH) om versies en "
                "voorstellen uit git te lezen")
    if naam in ("BadName", "BadObject"):
        return "een git-object of -referentie ontbreekt; is de repository volledig (geen shallow clone)?"
    stderr = str(getattr(fout, "stderr", "") or "").strip().removeprefix("stderr:").strip(" '\n")
    return "git kon de opdracht niet uitvoeren" + (f" (git meldt: {stderr})" if stderr else "")


def voer_veilig_uit(opdracht: str, functie: Callable[[], int | None]) -> int:
    """Run a command; return its exit code, never letting an exception through."""
    try:
        return functie() or 0
    except KaderdiffFout as fout:
        toon_fout(fout)
        return FOUT_INVOER
    except BrokenPipeError:  # the reader of our output (e.g. `| head`) stopped: not an error of ours
        _stil_naar_devnull()
        return FOUT_INVOER
    except OSError as fout:
        melding(f"Fout: {os_fout_tekst(fout)}")
        return FOUT_INVOER
    except MemoryError:
        melding("Fout: te weinig geheugen om deze opdracht uit te voeren; er is niets half geschreven.")
        return FOUT_INVOER
    except KeyboardInterrupt:
        melding("Afgebroken; er is niets half geschreven.")
        return 130
    except Exception as fout:  # a defect: the user gets a message and a log, not a traceback
        git = git_fout_tekst(fout)
        if git is not None:
            melding(f"Fout: {git}")
            return FOUT_INVOER
        logboek = schrijf_logboek(opdracht)
        waar = f"De details staan in {logboek}." if logboek else "De details konden niet worden bewaard."
        melding(f"Interne fout in kaderdiff ({type(fout).__name__}). Dit is een fout in het programma, niet in uw "
                f"invoer. {waar} Meld dit aan de beheerders van kaderdiff.")
        return FOUT_INTERN


def _stil_naar_devnull() -> None:
    """Point stdout at /dev/null, so Python's flush at exit does not complain about the closed pipe."""
    try:
        nul = os.open(os.devnull, os.O_WRONLY)
        os.dup2(nul, sys.stdout.fileno())
        os.close(nul)
    except (OSError, ValueError):  # stdout is not a real file (tests): nothing to flush
        pass
