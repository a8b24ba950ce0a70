"""Writing one file atomically: next to the target, then renamed over it, so a crash never leaves half a file.

Apart from `atomair` (whole output directories) because the merge driver writes one file per kader and
starts once per kader: this module loads only `os` and `contextlib` (the error messages only on an error).
"""

from __future__ import annotations

import contextlib
import os

_HEX = frozenset("0123456789abcdef")


def leeft(pid: int) -> bool:
    """Whether a process still runs (a temporary file or directory with its id is then not a leftover)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def _achtergelaten(map_: str, naam: str) -> list[str]:
    """Temporary files of `naam` (`.NAAM.PID-xxxxxxxx.tmp`) whose writer is gone: a killed run's."""
    begin = f".{naam}."
    resten = []
    for kandidaat in os.listdir(map_):
        if not (kandidaat.startswith(begin) and kandidaat.endswith(".tmp")):
            continue
        pid, streep, willekeur = kandidaat[len(begin):-len(".tmp")].partition("-")
        if (streep and pid.isdigit() and pid.isascii() and len(willekeur) == 8 and set(willekeur) <= _HEX
                and not leeft(int(pid))):
            resten.append(os.path.join(map_, kandidaat))
    return resten


def schrijf_atomair(pad: str | os.PathLike[str], data: bytes, modus: int | None = None) -> None:
    """Write next to the target and rename, so a crash never leaves half a file.

    The file keeps its permissions (a kader rewritten by opmaak stays readable for the team), or gets `modus`
    (a git hook: executable). The temporary file carries the process id; one left by a killed run is removed
    by the next write.
    """
    doel = os.path.abspath(pad)
    map_, naam = os.path.split(doel)
    for rest in _achtergelaten(map_, naam):
        if os.path.isfile(rest) and not os.path.islink(rest):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(rest)
    tijdelijk = os.path.join(map_, f".{naam}.{os.getpid()}-{os.urandom(4).hex()}.tmp")
    try:
        try:
            with open(tijdelijk, "xb") as f:
                f.write(data)
            mode = modus if modus is not None else (os.stat(doel).st_mode & 0o7777 if os.path.isfile(doel) else None)
            if mode is not None:  # a rewritten file keeps its permissions
                os.chmod(tijdelijk, mode)
            os.replace(tijdelijk, doel)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tijdelijk)
            raise
    except OSError as fout:
        if fout.filename is None or os.fsdecode(fout.filename) == tijdelijk:
            from kaderdiff.fouten import KaderdiffFout, os_reden

            raise KaderdiffFout(f"{doel} kan niet worden geschreven: {os_reden(fout)}. "
                                "Het bestand is niet gewijzigd.") from None
        raise
