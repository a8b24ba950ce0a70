"""What git gives, as plain data: commits, a file's bytes in one, a file's history, and a commit to make.

Apart from `model.versie`: a command that reads only the working tree (`herleid --artikel`) names versions but
never a commit.
"""

from __future__ import annotations

from dataclasses import dataclass, field


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
