"""The house style: one set of colours and type (templates/huisstijl.toml) read by the Word layer, the HTML
Staat and the site, so that a colour changed there changes in every document at once."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache

from kaderdiff.fouten import KaderdiffFout
from kaderdiff.uitvoer.sjablonen import SJABLONEN

BESTAND = SJABLONEN / "huisstijl.toml"
_KLEUR = re.compile(r"[0-9A-Fa-f]{6}")


@dataclass(frozen=True)
class Huisstijl:
    """Colours as 'RRGGBB' (Word's notation; `css` gives '#rrggbb'), the typeface and its sizes."""

    kleur: dict[str, str]
    familie: str
    terugval: tuple[str, ...]
    word_pt: float
    klein_pt: float
    scherm_px: float
    staatkolommen_cm: tuple[float, ...]  # the WAS/WORDT table: Nr, plaats, WAS, WORDT, the last column

    def css(self, naam: str) -> str:
        return f"#{self.kleur[naam].lower()}"

    @property
    def css_letter(self) -> str:
        """The CSS font-family list: the typeface, then the fallbacks (quoted when they hold a space)."""
        return ", ".join(f'"{f}"' if " " in f else f for f in (self.familie, *self.terugval))

    @property
    def staatkolommen_procent(self) -> list[float]:
        """The columns of the WAS/WORDT table as shares of its width (the site's print layout)."""
        totaal = sum(self.staatkolommen_cm)
        return [round(100 * k / totaal, 1) for k in self.staatkolommen_cm]


@cache
def huisstijl() -> Huisstijl:
    try:
        data = tomllib.loads(BESTAND.read_text(encoding="utf-8"))
        kleur, letter = data["kleur"], data["letter"]
        stijl = Huisstijl({k: str(v) for k, v in kleur.items()}, str(letter["familie"]),
                          tuple(map(str, letter["terugval"])), float(letter["word_pt"]), float(letter["klein_pt"]),
                          float(letter["scherm_px"]), tuple(map(float, data["staat"]["kolommen_cm"])))
    except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as fout:
        raise KaderdiffFout(f"{BESTAND}: de huisstijl is niet te lezen ({fout})") from None
    fout_kleur = [k for k, v in stijl.kleur.items() if not _KLEUR.fullmatch(v)]
    if fout_kleur:
        raise KaderdiffFout(f"{BESTAND}: kleur {fout_kleur[0]} is geen RRGGBB")
    return stijl
