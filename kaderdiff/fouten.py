"""Dutch error reporting: every problem names the file, line, column and what is wrong."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Melding:
    """One problem found in an input file."""

    bestand: str
    regel: int
    kolom: int
    tekst: str
    ernst: str = "fout"

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
