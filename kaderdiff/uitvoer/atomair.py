"""Atomic output: build into a temporary directory beside the target, swap it into place in one step.

Every path that is replaced or deleted is proved to be kaderdiff's own first. This is the one guard for every
place a command writes its output to (`--uit`, `--docx`, `--rapport`):
- the target may not be, contain or lie inside a protected place (the kadermap, the git directory, any
  folder named `.git`), and may not be or contain the repository root or the current directory
  (`Beschermd`, `weiger_beschermd`);
- an existing target folder must be empty or an earlier kaderdiff output (it carries the `MARKERING` file,
  or is an older pack or Staat recognisable by its files); an existing target file must be recognisably
  kaderdiff's own of that kind (`weiger_bestand`);
- temporary directories carry the builder's process id in their name (`.NAAM.bouw-PID-XXXXXXXX`); a later
  run removes those whose process is gone (a killed build), and nothing else.

The swap is `renameat2(RENAME_EXCHANGE)` on Linux: one system call, so a reader (or a kill at any moment)
sees either the complete old output or the complete new one. Where that call is missing the old output
is first moved aside (`.NAAM.oud-PID-…`) and the new one renamed into place; a kill between those two
renames is repaired by the next run, which moves the old output back.
"""

from __future__ import annotations

import ctypes
import errno
import json
import os
import re
import secrets
import shutil
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from kaderdiff.fouten import KaderdiffFout, os_reden
from kaderdiff.uitvoer.atomairbestand import leeft

#: The file that marks a directory as kaderdiff output (written last, so a pack's manifest and zip skip it).
MARKERING = ".kaderdiff-uitvoer"
MARKERINGSINHOUD = b'{"formaat": "kaderdiff-uitvoer/1"}\n'
_STAATBESTAND = re.compile(r"^[a-z0-9_-]+-\d{4}-staat-van-wijzigingen\.(docx|html|json)$")
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


@dataclass(frozen=True)
class Beschermd:
    """A place output must keep away from: `naam` says what it is in the message."""

    pad: Path
    naam: str
    ook_erbinnen: bool = True  # False: only being or containing it is refused (the repository root)


def weiger_beschermd(doel: Path, beschermd: Iterable[Beschermd], wat: str = "De uitvoermap") -> None:
    """Refuse a target that is, contains or (where that matters) lies inside a protected place."""
    doel = doel.resolve()
    if doel == Path(doel.anchor):
        raise KaderdiffFout(f"{wat} {doel} is de hoofdmap van het bestandssysteem; kies een eigen map")
    if ".git" in doel.parts:  # any repository's, also one the kadermap does not lie in
        git_map = Path(*doel.parts[:doel.parts.index(".git") + 1])
        waar = "is een git-map" if doel == git_map else f"ligt in de git-map {git_map}"
        raise KaderdiffFout(f"{wat} {doel} {waar}; daar schrijft kaderdiff geen uitvoer. "
                            "Kies een map daarbuiten (bijv. build/…).")
    plaatsen = [(b, b.pad.resolve()) for b in (*beschermd, Beschermd(Path.cwd(), "de map waarin u staat",
                                                                      ook_erbinnen=False))]
    for b, pad in plaatsen:  # 'is' first: the clearest message
        if doel == pad:
            raise KaderdiffFout(f"{wat} {doel} is {b.naam}; kaderdiff schrijft daar geen uitvoer. "
                                "Kies een andere map (bijv. build/…).")
    for b, pad in plaatsen:
        if doel in pad.parents:
            raise KaderdiffFout(f"{wat} {doel} bevat {b.naam} ({pad}); vervangen zou die wissen. "
                                "Kies een andere map (bijv. build/…).")
        if b.ook_erbinnen and pad in doel.parents:
            raise KaderdiffFout(f"{wat} {doel} ligt in {b.naam} ({pad}); daar schrijft kaderdiff geen uitvoer. "
                                "Kies een map daarbuiten (bijv. build/…).")


def weiger_bestand(doel: Path, beschermd: Iterable[Beschermd], wat: str, eigen: Callable[[Path], bool],
                   soort: str) -> None:
    """The guard for one output file: not in a protected place, and an existing file only when `eigen` knows
    it as kaderdiff's own output of this kind (`soort` names it: 'document van kaderdiff')."""
    weiger_beschermd(doel, beschermd, wat)
    if not os.path.lexists(doel):
        return
    if doel.is_symlink() or not doel.is_file():
        raise KaderdiffFout(f"{wat} {doel} bestaat al en is geen gewoon bestand; kies een bestandsnaam. "
                            "Er is niets geschreven.")
    if not eigen(doel):
        raise KaderdiffFout(f"{wat} {doel} bestaat al en is geen {soort}; het wordt niet overschreven. Kies een "
                            "andere naam of verwijder het bestand zelf. Er is niets geschreven.")


def is_eigen_uitvoer(map_: Path) -> bool:
    """Is this existing directory empty or an earlier output of kaderdiff (so it may be replaced)?"""
    namen = [p.name for p in map_.iterdir()]
    if not namen:
        return True
    markering = map_ / MARKERING
    if markering.is_file() and not markering.is_symlink():
        return True
    manifest = map_ / "manifest.json"  # a pack from before the marker existed
    if manifest.is_file() and not manifest.is_symlink() and manifest.stat().st_size < 10_000_000:
        try:
            gegevens = json.loads(manifest.read_bytes())
        except (ValueError, RecursionError):
            gegevens = None
        if isinstance(gegevens, dict) and str(gegevens.get("formaat", "")).startswith("kaderdiff-pakket/"):
            return True
    # a Staat from before the marker existed: only its own files
    return all(_STAATBESTAND.match(n) and (map_ / n).is_file() and not (map_ / n).is_symlink() for n in namen)


def _controleer_bestaand(doel: Path) -> None:
    try:
        st = doel.lstat()
    except FileNotFoundError:
        return
    if not stat.S_ISDIR(st.st_mode):
        raise KaderdiffFout(f"De uitvoermap {doel} bestaat al en is geen map; kies een andere naam")
    if not is_eigen_uitvoer(doel):
        raise KaderdiffFout(f"De uitvoermap {doel} bestaat al, is niet leeg en is geen eerdere uitvoer van kaderdiff; "
                            "kaderdiff vervangt alleen een lege map of zijn eigen uitvoer. Kies een andere map met "
                            "--uit, of maak deze map zelf leeg.")


# -- stale temporary directories ----------------------------------------------------

def _eigen_resten(doel: Path, soort: str) -> Iterator[Path]:
    """Temporary directories of `doel` left by builds whose process is gone, and owned by this user."""
    patroon = re.compile(rf"^\.{re.escape(doel.name)}\.{soort}-(\d+)-[0-9a-f]{{8}}$")
    try:
        kandidaten = list(doel.parent.iterdir())
    except OSError:
        return
    for pad in kandidaten:
        gevonden = patroon.match(pad.name)
        if not gevonden or leeft(int(gevonden.group(1))):
            continue
        try:
            st = pad.lstat()
        except OSError:
            continue
        if stat.S_ISDIR(st.st_mode) and (not hasattr(os, "getuid") or st.st_uid == os.getuid()):
            yield pad


def ruim_resten_op(doel: Path) -> None:
    """Repair and clean what killed builds of `doel` left behind."""
    for oud in sorted(_eigen_resten(doel, "oud")):
        if not os.path.lexists(doel):
            oud.rename(doel)  # killed between the two renames of the fallback: the old output comes back
        else:
            shutil.rmtree(oud, ignore_errors=True)
    for bouw in _eigen_resten(doel, "bouw"):
        shutil.rmtree(bouw, ignore_errors=True)


def _nieuwe_naam(doel: Path, soort: str) -> Path:
    return doel.parent / f".{doel.name}.{soort}-{os.getpid()}-{secrets.token_hex(4)}"


def _maak_tijdelijk(doel: Path) -> Path:
    """An empty directory beside `doel` with the usual mode (0777 minus the umask, like mkdir)."""
    while True:
        tijdelijk = _nieuwe_naam(doel, "bouw")
        try:
            tijdelijk.mkdir(mode=0o777)
        except FileExistsError:
            continue
        return tijdelijk


# -- the swap -----------------------------------------------------------------------

@cache
def _renameat2() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    try:
        functie = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return None
    functie.argtypes = (ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint)
    functie.restype = ctypes.c_int
    return functie


def wissel(a: Path, b: Path) -> bool:
    """Exchange two existing paths in one atomic step; False when the system cannot do that."""
    functie = _renameat2()
    if functie is None:
        return False
    if functie(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    fout = ctypes.get_errno()
    if fout in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(fout, os.strerror(fout), str(b))


def zet_op_zijn_plaats(tijdelijk: Path, doel: Path) -> None:
    """Put the finished `tijdelijk` at `doel`; an earlier `doel` stays whole until the new one is there."""
    if not os.path.lexists(doel):
        os.rename(tijdelijk, doel)
        return
    if wissel(tijdelijk, doel):
        shutil.rmtree(tijdelijk, ignore_errors=True)  # now the old output
        return
    oud = _nieuwe_naam(doel, "oud")
    os.rename(doel, oud)
    try:
        os.rename(tijdelijk, doel)
    except BaseException:
        os.rename(oud, doel)
        raise
    shutil.rmtree(oud, ignore_errors=True)


def _als_uitvoerfout(fout: OSError, doel: Path, tijdelijk: Path | None) -> BaseException:
    """An OSError about the hidden build directory (or about no file) as a Dutch error naming `doel`."""
    bestand = os.fsdecode(fout.filename) if fout.filename is not None else None
    if bestand is not None and tijdelijk is not None and Path(bestand).is_relative_to(tijdelijk):
        waar = doel / Path(bestand).relative_to(tijdelijk)
    elif bestand is None or Path(bestand).parent == doel.parent:
        waar = doel
    elif Path(bestand) in doel.parents:
        waar = Path(bestand)
    else:
        return fout  # about another file (a source): the message names that file already
    eerder = " De eerdere uitvoer staat er nog ongewijzigd." if doel.exists() else ""
    return KaderdiffFout(f"{waar} kan niet worden geschreven: {os_reden(fout)}. Er is niets half geschreven.{eerder}")


def _ruim_op(fout: BaseException, doel: Path, tijdelijk: Path | None) -> None:
    """After a failed build: the temporary directory goes; an OSError about it is raised as a Dutch error naming
    `doel` (the caller re-raises anything else)."""
    if tijdelijk is not None and tijdelijk.exists():
        shutil.rmtree(tijdelijk, ignore_errors=True)
    if isinstance(fout, OSError):
        vertaald = _als_uitvoerfout(fout, doel, tijdelijk)
        if vertaald is not fout:
            raise vertaald from None


@contextmanager
def atomaire_map(doel: Path, beschermd: Iterable[Beschermd] = ()) -> Iterator[Path]:
    """Yield an empty temporary directory; on success it replaces `doel` as a whole, in one step.

    On any error (or Ctrl-C) the temporary directory is removed and an earlier `doel` stays as it was,
    so a reader never sees a half-written output.
    """
    doel = doel.resolve()
    weiger_beschermd(doel, beschermd)
    _controleer_bestaand(doel)
    tijdelijk: Path | None = None
    try:
        doel.parent.mkdir(parents=True, exist_ok=True)
        ruim_resten_op(doel)
        _controleer_bestaand(doel)
        tijdelijk = _maak_tijdelijk(doel)
        yield tijdelijk
        (tijdelijk / MARKERING).write_bytes(MARKERINGSINHOUD)
        _controleer_bestaand(doel)  # nothing else appeared there while we were building
        zet_op_zijn_plaats(tijdelijk, doel)
    except BaseException as fout:
        _ruim_op(fout, doel, tijdelijk)
        raise


@contextmanager
def nieuwe_map(doel: Path) -> Iterator[Path]:
    """Yield an empty temporary directory beside `doel`; on success it becomes `doel`, which may not exist (a new
    year of kaders: the caller checked that, this refuses should it have appeared meanwhile). No output marker
    is written: the folder is the user's own. On any error nothing is left."""
    doel = doel.resolve()
    tijdelijk: Path | None = None
    try:
        ruim_resten_op(doel)
        tijdelijk = _maak_tijdelijk(doel)
        yield tijdelijk
        if os.path.lexists(doel):
            raise KaderdiffFout(f"{doel} bestaat al; er is niets geschreven")
        os.rename(tijdelijk, doel)
    except BaseException as fout:
        _ruim_op(fout, doel, tijdelijk)
        raise


def schrijf(map_: Path, naam: str, inhoud: bytes) -> Path:
    """Write one output file inside a (temporary) output directory; an error names the file."""
    pad = map_ / naam
    try:
        pad.parent.mkdir(parents=True, exist_ok=True)
        pad.write_bytes(inhoud)
    except OSError as fout:
        if fout.filename is None:  # a failed write() names no file
            raise OSError(fout.errno, fout.strerror, str(pad)) from None
        raise
    return pad
