"""Atomic output: build into a temporary directory beside the target, move into place at the end."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .fouten import KaderdiffFout


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
