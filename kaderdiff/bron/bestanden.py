"""Reading an input file safely: only regular files, never blocking, with errors that name the file.

A FIFO, a device (`/dev/zero`) or a socket named as a kader would block or never end; the file is opened
without blocking and checked with fstat on the open descriptor, so a swap between check and read is caught.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from kaderdiff.fouten import KaderdiffFout, os_reden

#: Larger input files are refused rather than read into memory (the largest law text is a few MB).
MAX_GROOTTE = 256 * 1024 * 1024

_SOORT = ((stat.S_ISDIR, "een map"), (stat.S_ISFIFO, "een named pipe (FIFO)"), (stat.S_ISCHR, "een apparaat"),
          (stat.S_ISBLK, "een apparaat"), (stat.S_ISSOCK, "een socket"))


def soort_van(mode: int) -> str:
    """'een map', 'een named pipe (FIFO)', … for a non-regular file."""
    return next((naam for test, naam in _SOORT if test(mode)), "geen gewoon bestand")


def is_gewoon_bestand(pad: Path) -> bool:
    """A regular file (following symlinks), without opening it."""
    try:
        return stat.S_ISREG(pad.stat().st_mode)
    except (OSError, ValueError):
        return False


def lees_bestand(pad: Path, naam: str | None = None) -> bytes:
    """The bytes of a regular file; a Dutch `KaderdiffFout` naming the file (as `naam`) for anything else."""
    wat = f"Het bestand {naam if naam is not None else pad}"
    try:
        fd = os.open(pad, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise KaderdiffFout(f"{wat} bestaat niet") from None
    except OSError as fout:
        raise KaderdiffFout(f"{wat} kan niet worden gelezen: {os_reden(fout)}") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise KaderdiffFout(f"{wat} is {soort_van(st.st_mode)}, geen gewoon bestand; "
                                "kaderdiff leest alleen gewone bestanden")
        if st.st_size > MAX_GROOTTE:
            raise KaderdiffFout(f"{wat} is te groot ({st.st_size // (1024 * 1024)} MB; "
                                f"hoogstens {MAX_GROOTTE // (1024 * 1024)} MB)")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as f:
            # read(n) sets aside n bytes first: ask for the size fstat gave (plus one, to notice a file that
            # grew since), not for the limit, which cost 256 MB of address space for every kader read
            data = f.read(st.st_size + 1)
            if len(data) > st.st_size:
                data += f.read(MAX_GROOTTE + 1 - len(data))
    except OSError as fout:
        raise KaderdiffFout(f"{wat} kan niet worden gelezen: {os_reden(fout)}") from None
    finally:
        os.close(fd)
    if len(data) > MAX_GROOTTE:
        raise KaderdiffFout(f"{wat} is te groot (hoogstens {MAX_GROOTTE // (1024 * 1024)} MB)")
    return data


# -- what a cache may trust without reading a file again ---------------------------------------
#: A stat signature recorded this soon after the file's last change is not trusted next time (the "racy git"
#: case: a second edit within the same timestamp tick would otherwise go unseen).
RACY_SECONDEN = 2.0
#: size, mtime, ctime and inode: ctime cannot be set back by tools such as `touch -d`.
Handtekening = tuple[int, int, int, int]


def handtekening(st: os.stat_result) -> Handtekening:
    """The stat signature of a file, as the caches of read files (grondslag index, article index) record it."""
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def vertrouwd(nu: Handtekening, opgeslagen: Handtekening, gezien_op_ns: int) -> bool:
    """Does an unchanged stat signature prove the content is what a cache read at `gezien_op_ns`?"""
    return nu == opgeslagen and gezien_op_ns - opgeslagen[2] > RACY_SECONDEN * 1e9
