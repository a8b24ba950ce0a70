"""The other documents commands write: the Staten van wijzigingen of `kaderdiff staat`, the law-change impact
of `impact --uit`, the reactienota's and consultatieverslagen of `reacties` (folders: like the pack, built in a
temporary folder beside their place and swapped in as a whole, uitvoer/atomair.py) and the bespreekstuk of
`voorstel --docx` (one file, written atomically). The commands only parse, call a function here and print.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kaderdiff.bron.versies import KaderMap
from kaderdiff.diff.staatbouw import maak_staat, sectoren_voor
from kaderdiff.fouten import KaderdiffFout
from kaderdiff.model.reactie import Consultatieverslag, Reactienota
from kaderdiff.model.versie import Versie
from kaderdiff.model.voorstelbeoordeling import Voorstel
from kaderdiff.model.wijziging import Staat
from kaderdiff.reacties.inlezen import bestanden_in, lees_document
from kaderdiff.reacties.plaatsen import Plaatser
from kaderdiff.reacties.verwerken import maak_verslag
from kaderdiff.recht.wetimpact import WetImpact
from kaderdiff.render.reactienota_uit import nota_bestanden
from kaderdiff.render.staat_uit import staat_bestanden
from kaderdiff.render.verslag_uit import verslag_bestanden
from kaderdiff.render.voorstel_uit import render_voorstel_docx
from kaderdiff.render.wetimpact_uit import wetimpact_bestanden
from kaderdiff.uitvoer.atomair import atomaire_map, schrijf, weiger_beschermd, weiger_bestand
from kaderdiff.uitvoer.atomairbestand import schrijf_atomair
from kaderdiff.uitvoer.tijd import datum_van_tijdstip, moment_van_datum
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


def schrijf_reactienotas(kadermap: KaderMap, van: Versie, naar: Versie, paden: list[Path], doel: Path,
                         datum: date | None = None) -> tuple[list[Reactienota], list[Path]]:
    """Read the returned documents, place their reactions over the Staten `van` -> `naar` and write a nota per
    sector (docx, html, json) into folder `doel`; returns the notas and the files of a folder not read."""
    weiger_beschermd(doel, kadermap.beschermd(doel))  # before reading anything
    bestanden, overgeslagen = bestanden_in(paden)
    documenten = [lees_document(p) for p in bestanden]
    staten = [maak_staat(kadermap, van, naar, s) for s in sectoren_voor(kadermap, van, naar, None)]
    plaatser = Plaatser({staat.sector: staat for staat in staten})
    plaatser.lees(documenten)
    notas = plaatser.notas()
    moment = moment_van_datum(datum) if datum else datum_van_tijdstip(kadermap.commitdatum(naar))
    with atomaire_map(doel, kadermap.beschermd(doel)) as tijdelijk:
        for nota in notas:
            for naam, inhoud in nota_bestanden(nota, moment).items():
                schrijf(tijdelijk, naam, inhoud)
    return notas, overgeslagen


def schrijf_verslagen(notas: list[Path], doel: Path | None, kadermap: KaderMap, vastgesteld: str | None = None,
                      datum: date | None = None) -> tuple[list[Consultatieverslag], Path]:
    """The consultatieverslag of each filled nota (docx, html, json) into folder `doel` (default
    build/consultatieverslag-JAAR); dated `datum`, else when the nota was last saved."""
    gemaakt = [maak_verslag(pad, kadermap, vastgesteld) for pad in notas]
    sectoren = [v.sector for v, _ in gemaakt]
    dubbel = sorted({s for s in sectoren if sectoren.count(s) > 1})
    if dubbel:
        raise KaderdiffFout(f"Twee nota's van dezelfde sector ({', '.join(dubbel)}); geef per sector één nota")
    doel = doel if doel is not None else Path("build") / f"consultatieverslag-{gemaakt[0][0].jaar}"
    with atomaire_map(doel, kadermap.beschermd(doel)) as tijdelijk:
        for verslag, bewaard in gemaakt:
            moment = moment_van_datum(datum) if datum else (bewaard or datum_van_tijdstip(0)).replace(microsecond=0)
            for naam, inhoud in verslag_bestanden(verslag, moment).items():
                schrijf(tijdelijk, naam, inhoud)
    return [v for v, _ in gemaakt], doel
