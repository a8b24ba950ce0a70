"""What the rules of `controleer` read of a kader: its eisen with their grondslagen, and its declarations.

A `Kader` has all of it; so has the lighter `bron.kaderfeiten.Boomfeiten`, read straight from a checked XML tree,
with which `controleer` checks a file without creating the kader model. The rules (`bron.regels`,
`recht.wetcontrole`) are written against these protocols, so one implementation serves both.

Only for type checking: nothing imports this module at run time.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Protocol

from kaderdiff.model.grondslag import Grondslag


class Eisfeiten(Protocol):
    """An eis: where it stands, and on what it rests (or the statement that it rests on no law)."""

    @property
    def id(self) -> str: ...
    @property
    def regel(self) -> int: ...
    @property
    def grondslagen(self) -> tuple[Grondslag, ...]: ...
    @property
    def geen_grondslag(self) -> object | None: ...


class Wetswijzigingsfeiten(Protocol):
    @property
    def code(self) -> str: ...


class Toelichtingsfeiten(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def regel(self) -> int: ...
    @property
    def wetswijziging(self) -> str: ...


class Kaderfeiten(Protocol):
    """A kader as its rules see it."""

    @property
    def bron(self) -> str: ...
    @property
    def peildatum(self) -> date: ...
    @property
    def status(self) -> str: ...
    @property
    def correctie(self) -> object | None: ...
    @property
    def wetswijzigingen(self) -> Sequence[Wetswijzigingsfeiten]: ...
    @property
    def toelichtingen(self) -> Sequence[Toelichtingsfeiten]: ...

    def eisen(self) -> Sequence[Eisfeiten]:
        """Every eis, in document order."""
        ...
