"""The other documents commands write: the Staten van wijzigingen of `kaderdiff staat`, the law-change impact
of `impact --uit` (folders: like the pack, built in a temporary folder beside their place and swapped in as a
whole, uitvoer/atomair.py) and the bespreekstuk of `voorstel --docx` (one file, written atomically). The
commands only parse, call a function here and print.
"""

from __future__ import annotations

from pathlib import Path

from kaderdiff.bron.versies import KaderMap
from kaderdiff.diff.staatbouw import maak_staat, sectoren_voor
from kaderdiff.model.versie import Versie
from kaderdiff.model.voorstelbeoordeling import Voorstel
from kaderdiff.model.wijziging import Staat
from kaderdiff.recht.wetimpact import WetImpact
from kaderdiff.render.staat_uit import staat_bestanden
from kaderdiff.render.voorstel_uit import render_voorstel_docx
from kaderdiff.render.wetimpact_uit import wetimpact_bestanden
from kaderdiff.uitvoer.atomair import atomaire_map, schrijf, weiger_bestand
from kaderdiff.uitvoer.atomairbestand import schrijf_atomair
from kaderdiff.uitvoer.tijd import datum_van_tijdstip
from kaderdiff.word.document import is_eigen_document


def schrijf_staten(kadermap: KaderMap, van: Versie, naar: Versie, doel: Path, formaten: tuple[str, ...],
                   sector: str | None = None, streng: bool = False,
                   op_inhoud: bool = False) -> list[tuple[str, Staat]]:
    """The Staat of every sector (or of `sector`) in `formaten`, into folder `doel`; returns (sector, Staat)."""
    moment = datum_van_tijdstip(kadermap.commitdatum(naar))
    staten = []
    with atomaire_map(doel, kadermap.beschermd(doel)) as tijdelijk:
        for naam_sector in sectoren_voor(kadermap, van, naar, sector):
            staat = maak_staat(kadermap, van, naar, naam_sector, streng=streng, op_inhoud=op_inhoud)
            for naam, inhoud in staat_bestanden(staat, formaten, moment, naam_sector).items():
                schrijf(tijdelijk, naam, inhoud)
            staten.append((naam_sector, staat))
    return staten


def schrijf_wetimpact(kadermap: KaderMap, impact: WetImpact, doel: Path, formaten: tuple[str, ...]) -> None:
    """A law-change impact in `formaten`, into folder `doel` (dated by the newest kader year's commit)."""
    jaren = kadermap.jaren()
    moment = datum_van_tijdstip(kadermap.commitdatum(Versie(jaren[-1])) if jaren else 0)
    bestanden = wetimpact_bestanden(impact, formaten, moment)
    with atomaire_map(doel, kadermap.beschermd(doel)) as tijdelijk:
        for naam, inhoud in bestanden.items():
            schrijf(tijdelijk, naam, inhoud)


def controleer_bespreekstuk(docx: Path, kaders: KaderMap) -> None:
    """Before any work: the --docx file may not land in the kadermap or the git directory, and may only
    replace an existing file that is an earlier document of kaderdiff."""
    weiger_bestand(docx, kaders.beschermd(docx), "Het bespreekstuk (--docx)", is_eigen_document,
                   "document van kaderdiff")


def schrijf_bespreekstuk(v: Voorstel, kaders: KaderMap, docx: Path) -> None:
    """The short Word document about a proposal, dated by its commit, into `docx`."""
    commit = kaders.commit(v.commit) if kaders.repo is not None else None
    moment = datum_van_tijdstip(commit.tijd if commit is not None else 0)
    inhoud = render_voorstel_docx(v, moment)
    controleer_bespreekstuk(docx, kaders)  # again: nothing may have appeared there meanwhile
    docx.parent.mkdir(parents=True, exist_ok=True)
    schrijf_atomair(docx.resolve(), inhoud)
