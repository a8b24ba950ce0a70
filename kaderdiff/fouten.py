"""Dutch error reporting: every problem names the file, line, column and what is wrong."""

from __future__ import annotations

import errno

TYPE_CHECKING = False  # not `typing`: every command imports this module, and typing with a NamedTuple is 4 ms
if TYPE_CHECKING:
    from typing import NamedTuple

    class _Velden(NamedTuple):
        """What mypy sees; at run time the same fields come from `collections.namedtuple` (below)."""

        bestand: str
        regel: int
        kolom: int
        tekst: str
        ernst: str = "fout"
else:
    from collections import namedtuple

    _Velden = namedtuple("_Velden", ("bestand", "regel", "kolom", "tekst", "ernst"), defaults=("fout",))


class Melding(_Velden):
    """One problem found in an input file; ordered by file, line and column.

    A named tuple rather than a dataclass: every command imports this module, and `dataclasses` (with `inspect`)
    would be a sixth of the start-up of a small command. `tests/huis/test_kwaliteit.py` holds that the two field lists
    above are the same."""

    __slots__ = ()

    def __str__(self) -> str:
        plaats = self.bestand
        if self.regel:
            plaats += f":{self.regel}"
            if self.kolom:
                plaats += f":{self.kolom}"
        return f"{plaats}: {self.ernst}: {self.tekst}"


class KaderdiffFout(Exception):
    """An error the user can fix; the CLI prints it in Dutch and exits with code 2."""

    def __init__(self, tekst: str, meldingen: tuple[Melding, ...] = ()) -> None:
        super().__init__(tekst)
        self.tekst = tekst
        self.meldingen = meldingen

    def __reduce__(self) -> tuple[type[KaderdiffFout], tuple[str, tuple[Melding, ...]]]:
        """Pickle with the meldingen: a fout raised in a worker process keeps its file and line."""
        return (self.__class__, (self.tekst, self.meldingen))

    def __str__(self) -> str:
        if not self.meldingen:
            return self.tekst
        return "\n".join([self.tekst, *(str(m) for m in self.meldingen)])


#: errno -> what it means, in Dutch (the OS's own text is English and names no file).
OS_FOUTEN = {
    errno.ENOENT: "bestaat niet",
    errno.EACCES: "geen toegang (rechten)",
    errno.EPERM: "niet toegestaan",
    errno.ENOSPC: "de schijf is vol",
    errno.EDQUOT: "de schijfruimte (quota) is op",
    errno.EROFS: "het bestandssysteem is alleen-lezen",
    errno.EIO: "invoer-/uitvoerfout van het apparaat",
    errno.EISDIR: "is een map, geen bestand",
    errno.ENOTDIR: "is geen map",
    errno.EEXIST: "bestaat al",
    errno.ENOTEMPTY: "de map is niet leeg",
    errno.ENAMETOOLONG: "de naam is te lang",
    errno.EMFILE: "te veel geopende bestanden",
    errno.ENFILE: "te veel geopende bestanden in het systeem",
    errno.EBUSY: "is in gebruik",
    errno.EXDEV: "ligt op een ander bestandssysteem",
    errno.ELOOP: "te veel symbolische koppelingen (een kring?)",
    errno.EFBIG: "het bestand is te groot",
    errno.ENOMEM: "te weinig geheugen",
    errno.EPIPE: "de ontvanger van de uitvoer is gestopt",
    errno.ETXTBSY: "is in gebruik",
    errno.ENXIO: "het apparaat bestaat niet of is niet bereikbaar",
    errno.ENODEV: "het apparaat bestaat niet",
    errno.ESTALE: "het bestand is verdwenen (netwerkschijf)",
}


def os_reden(fout: OSError) -> str:
    """What an OSError means, in Dutch ('de schijf is vol'), without the file name."""
    if fout.errno in OS_FOUTEN:
        return OS_FOUTEN[fout.errno]
    return f"systeemfout {fout.errno}" if fout.errno else "systeemfout"
