"""A legal basis as a kader states it: a `Grondslag` (law, article, lid, onderdeel).

Part of the kader model (`model.kader` gives these names too), in a module of its own: tracing an article back
(`herleid --artikel`) and citing one need only this, not the rest of the model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: As text: re compiles it on first use, and checking a kader that was checked before splits no onderdeel.
_ONDERDEELSCHEIDING = r"[,\s]+"


def onderdeelpad(onderdeel: str) -> tuple[str, ...]:
    """'b, 1°' -> ('b', '1°'): the levels of a nested onderdeel as a jurist writes it ('b 1°' reads the same)."""
    return tuple(deel for deel in re.split(_ONDERDEELSCHEIDING, onderdeel.strip()) if deel)


@dataclass(frozen=True, order=True)
class Grondslag:
    """A structured legal basis: a registry code plus article, lid and onderdeel."""

    wet: str
    artikel: str = ""
    lid: str = ""
    onderdeel: str = ""  # nested as a jurist writes it: 'b, 1°' is item 1° of onderdeel b

    @property
    def onderdelen(self) -> tuple[str, ...]:
        """The levels of a nested onderdeel: 'b, 1°' -> ('b', '1°'); '' -> ()."""
        return onderdeelpad(self.onderdeel)

    def kort(self) -> str:
        """Compact Dutch citation, e.g. 'artikel 7.2.4a, lid 1, onder a, WEB'."""
        delen = []
        if self.artikel:
            delen.append(f"artikel {self.artikel}")
        if self.lid:
            delen.append(f"lid {self.lid}")
        if self.onderdeel:
            delen.append(f"onder {self.onderdeel}")
        delen.append(self.wet)
        return ", ".join(delen)
