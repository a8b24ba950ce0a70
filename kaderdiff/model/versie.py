"""Versions of kaders: `JAAR` (the working tree) or `JAAR@REF` (a git tag, branch or commit), and where a
loaded version came from. What git gives (commits, blobs, a file's history) is in `model.commit`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kaderdiff.fouten import KaderdiffFout

_VERSIE = re.compile(r"^(\d{4})(?:@(.+))?$")


@dataclass(frozen=True)
class Versie:
    """A named version: a year, optionally pinned to a git ref."""

    jaar: int
    ref: str | None = None

    @classmethod
    def parse(cls, tekst: str) -> Versie:
        gevonden = _VERSIE.match(tekst.strip())
        if not gevonden:
            raise KaderdiffFout(
                f"Ongeldige versie '{tekst}': schrijf JAAR (bijv. 2026) of JAAR@REF (bijv. 2026@ringen-concept)"
            )
        return cls(int(gevonden.group(1)), gevonden.group(2))

    def __str__(self) -> str:
        return f"{self.jaar}@{self.ref}" if self.ref else str(self.jaar)


@dataclass(frozen=True)
class Herkomst:
    """Where a loaded version came from: recorded in every generated pack."""

    versie: str
    commit: str
    vuil: bool
    #: Unix time of the commit (0: none): documents name a version by its date, a reader knows no commit id.
    #: Derived from the commit, so not compared.
    datum: int = field(default=0, compare=False)
