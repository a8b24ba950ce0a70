"""The cited words: the text of the article, lid or onderdeel a grondslag points to, as the stored law text of the
kadermap reads on a date (the kader's peildatum). The Staat carries them (diff/staatbouw), the site's kader pages
show them; neither renderer reads a law itself.

A kadermap holds each law version once (`kaders/wetten/BWB/DATUM.xml`), and a Staat or a site cites the same few
laws hundreds of times: every version is read once per `Wetwoorden`, every place looked up once.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kaderdiff.bron.bwb import wetversie
from kaderdiff.bron.wetregister import register_voor
from kaderdiff.model.kader import Grondslag
from kaderdiff.model.wet import Wetregister
from kaderdiff.model.wettekst import Wettekst, tekst_van


class Wetwoorden:
    """The words of cited places in the law texts stored under one kadermap ('' where there are none)."""

    def __init__(self, kadersdir: Path | None, register: Wetregister | None = None) -> None:
        self.kadersdir = kadersdir
        self.register = register if register is not None else register_voor(kadersdir)
        self._versies: dict[tuple[str, date], Wettekst | None] = {}
        self._woorden: dict[tuple[Grondslag, date], str] = {}

    def _versie(self, bwb: str, peildatum: date) -> Wettekst | None:
        sleutel = (bwb, peildatum)
        if sleutel not in self._versies:
            assert self.kadersdir is not None
            self._versies[sleutel] = wetversie(self.kadersdir, bwb, peildatum)
        return self._versies[sleutel]

    def van(self, g: Grondslag, peildatum: date) -> str:
        """The law's words at the cited place as they read on `peildatum`: the onderdeel (with its sub-items), else
        the lid, else the article; '' when the law has no stored text on that date or lacks that place."""
        sleutel = (g, peildatum)
        if sleutel not in self._woorden:
            self._woorden[sleutel] = self._zoek(g, peildatum)
        return self._woorden[sleutel]

    def _zoek(self, g: Grondslag, peildatum: date) -> str:
        wet = self.register.get(g.wet)
        if self.kadersdir is None or wet is None or not wet.bwb or not g.artikel:
            return ""
        versie = self._versie(wet.bwb, peildatum)
        artikel = versie.artikelen.get(g.artikel.lower()) if versie is not None else None
        return tekst_van(artikel, g.lid, g.onderdeel) if artikel is not None else ""
