"""`kaderdiff pakket`: the consultation pack for the Ringen, with a progress bar."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from .cli import KadersOptie, NaarOptie, SectorOptie, VanOptie, fout_console, kadermap_of_standaard, meld_fouten, uit
from .versies import KaderMap, Versie

STAPPEN_PER_SECTOR = 1


def pakket(
    van: VanOptie,
    naar: NaarOptie,
    uitmap: Annotated[Path | None, typer.Option("--uit", help="Uitvoermap (standaard: build/pakket-JAAR).")] = None,
    formaten: Annotated[str, typer.Option("--formaten", help="Komma-gescheiden: docx,odt,pdf,html.")] = "docx,html",
    sector: SectorOptie = None,
    kaders: KadersOptie = None,
) -> None:
    """Bouw het consultatiepakket voor de Ringen (Staat van wijzigingen, concept met revisies, reactieformulier)."""
    from .pakket import bouw_pakket, lees_pakketformaten  # renderers load only for the commands that use them
    from .staat import sectoren_voor
    gevraagd = lees_pakketformaten(formaten)
    kadermap = KaderMap(kadermap_of_standaard(kaders))
    versie_van, versie_naar = Versie.parse(van), Versie.parse(naar)
    doel = uitmap if uitmap is not None else Path("build") / f"pakket-{versie_naar.jaar}"
    aantal = len(sectoren_voor(kadermap, versie_van, versie_naar, sector))
    totaal = aantal * STAPPEN_PER_SECTOR + 2 + sum(1 for f in ("odt", "pdf") if f in gevraagd)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=fout_console, transient=True, auto_refresh=False) as voortgang:
        taak = voortgang.add_task("Consultatiepakket", total=totaal)

        def stap(omschrijving: str) -> None:
            voortgang.update(taak, description=omschrijving, advance=1)
            voortgang.refresh()  # no refresh thread: with one thread the sectors can be built in parallel

        manifest = bouw_pakket(kadermap, versie_van, versie_naar, doel, gevraagd, sector, stap)
    bestanden = manifest["bestanden"]
    assert isinstance(bestanden, list)
    uit.print(f"Consultatiepakket {versie_van} → {versie_naar}: {len(bestanden)} bestanden in [bold]{doel}[/] "
              f"(open {doel / 'index.html'})", highlight=False)


def registreer(app: typer.Typer) -> None:
    app.command("pakket")(meld_fouten(pakket))
