"""The consultation of one year's kaders: what the pack tells the Ringen besides the texts (`consultatie.toml`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Consultatie:
    """Deadline, reply address, contact person, the basis of the consultation and the document date."""

    bron: str  # the file, for messages: 'kaders/2026/consultatie.toml'
    uiterlijk: date  # reactions as soon as possible, ultimately on this date
    adres: str  # where reactions go (an e-mail address or a postal address)
    contactpersoon: str = ""
    grondslag: str = ""  # why and on what basis the Ringen are consulted, as the documents say it
    datum: date | None = None  # the date every document of the pack carries (None: the commit's date)

    @property
    def grondslag_alineas(self) -> tuple[str, ...]:
        """The basis as paragraphs: a blank line separates two, other line breaks are spaces."""
        return tuple(" ".join(a.split()) for a in self.grondslag.split("\n\n") if a.strip())
