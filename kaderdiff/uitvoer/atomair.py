"""Atomic output: build into a temporary directory beside the target, move into place at the end."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kaderdiff.fouten import KaderdiffFout


@contextmanager
def atomaire_map(doel: Path) -> Iterator[Path]:
    """Yield an empty temporary directory; on success it replaces `doel` as a whole.

    On any error (or Ctrl-C) the temporary directory is removed and an earlier `doel` stays as it was,
    so a reader never sees a half-written pack.
    """
    doel = doel.resolve()
    if doel.exists() and not doel.is_dir():
        raise KaderdiffFout(f"De uitvoermap {doel} bestaat al en is geen map")
    doel.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk = Path(tempfile.mkdtemp(prefix=f".{doel.name}.bouw-", dir=doel.parent))
    try:
        yield tijdelijk
    except BaseException:
        shutil.rmtree(tijdelijk, ignore_errors=True)
        raise
    oud = doel.parent / f".{doel.name}.oud-{tijdelijk.name.rsplit('-', 1)[-1]}"
    if doel.exists():
        doel.rename(oud)
    try:
        tijdelijk.rename(doel)
    except OSError:
        if oud.exists():
            oud.rename(doel)
        shutil.rmtree(tijdelijk, ignore_errors=True)
        raise
    shutil.rmtree(oud, ignore_errors=True)


def schrijf(map_: Path, naam: str, inhoud: bytes) -> Path:
    """Write one output file inside a (temporary) output directory."""
    pad = map_ / naam
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_bytes(inhoud)
    return pad


def _modus(pad: Path) -> int:
    """The permissions the file keeps (or, when new, gets from the umask as with open()); mkstemp makes 0600."""
    try:
        return stat.S_IMODE(pad.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def schrijf_atomair(pad: Path, data: bytes, modus: int | None = None) -> None:
    """Write next to the target and rename, so a crash never leaves half a file.

    The file keeps its permissions (a kader rewritten by opmaak stays readable for the team), or gets `modus`.
    """
    rechten = _modus(pad) if modus is None else modus
    fd, tijdelijk = tempfile.mkstemp(dir=pad.parent, prefix=f".{pad.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            os.fchmod(f.fileno(), rechten)
        os.replace(tijdelijk, pad)
    except BaseException:
        Path(tijdelijk).unlink(missing_ok=True)
        raise
