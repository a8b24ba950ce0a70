"""Versions of kaders: `JAAR` (the working tree) or `JAAR@REF` (a git tag, branch or commit), and where a
loaded version came from."""

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


@dataclass(frozen=True)
class Commit:
    """A git commit as kaderdiff uses it: its id, its commit time (Unix time, and ISO 8601 with the committer's
    own offset) and its message. Plain data, so no room but versiebeheer/ needs GitPython's objects."""

    hexsha: str
    tijd: int
    datum: str
    bericht: str
    auteur: str = field(default="", compare=False)  # 'Naam <e-mail>' of who wrote it

    @property
    def onderwerp(self) -> str:
        """The first line of the message: what the commit is about."""
        return self.bericht.strip().split("\n", 1)[0].strip()


@dataclass(frozen=True)
class Blob:
    """A file's bytes in one commit; `naam` is how messages name it ('kaders/2026/mbo.xml@1a2b3c4')."""

    sha: str
    data: bytes
    naam: str


@dataclass(frozen=True)
class Historiestap:
    """One commit that touched a file: the file after it, and in its first parent (None: not there, or the
    commit has no parent)."""

    commit: Commit
    na: Blob | None
    voor: Blob | None


@dataclass(frozen=True)
class Commitstap:
    """One commit of a series: the files it changes (path in the repository -> new bytes), its message, a fixed
    date, and its author ('' for the repository's own user, who is always the committer)."""

    bestanden: dict[str, bytes]
    bericht: str
    datum: str
    auteur: str = ""
