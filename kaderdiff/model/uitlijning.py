"""The result of aligning two versions of a kader: which old element is which new element."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Uitlijning:
    """Which old element is which new element (ids in both directions)."""

    oud_naar_nieuw: dict[str, str]
    nieuw_naar_oud: dict[str, str]
    op_inhoud: frozenset[str]  # new ids matched by similarity, not by id
