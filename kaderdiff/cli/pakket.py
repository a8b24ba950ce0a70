"""`kaderdiff pakket`: the consultation pack for the Ringen, with a progress bar on a terminal and a line per
step (each sector, each document LibreOffice converts) in a log or CI."""

from __future__ import annotations

import argparse
import itertools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from kaderdiff.cli.gemeen import (
    console,
    datum,
    kadermap,
    lees_formaten,
    melding,
    optie_kaders,
    opties_van_naar,
    regel,
    versies,
)
from kaderdiff.cli.tekstvorm import op_terminal

if TYPE_CHECKING:
    from kaderdiff.bron.versies import KaderMap
    from kaderdiff.bron.vooruitladen import Vooruit
    from kaderdiff.model.versie import Versie

STAPPEN_PER_SECTOR = 1


def opties(parser: argparse.ArgumentParser) -> None:
    opties_van_naar(parser)
    parser.add_argument("--uit", type=Path, default=None, metavar="MAP",
                        help="uitvoermap (standaard: build/pakket-JAAR)")
    parser.add_argument("--formaten", default="docx,html", help="komma-gescheiden: docx,odt,pdf,html")
    parser.add_argument("--datum", type=datum, default=None, metavar="JJJJ-MM-DD",
                        help="de datum van de documenten (standaard: 'datum' uit kaders/JAAR/consultatie.toml, "
                             "anders de datum van de commit)")
    optie_kaders(parser)


def pakket(args: argparse.Namespace) -> int:
    from kaderdiff.bron.vooruitladen import vooruit_geladen
    from kaderdiff.pakket.formaten import FORMATEN

    gevraagd = lees_formaten(args.formaten, FORMATEN)
    kaders = kadermap(args)
    van, naar = versies(args)
    # while the renderers are imported (on one CPU): the first kaders are loaded on the other, and git answers
    with vooruit_geladen(kaders, van, naar) as vooruit, kaders.git_vooruit((van, naar)):
        return _bouw(args, kaders, van, naar, gevraagd, vooruit)


def _bouw(args: argparse.Namespace, kaders: KaderMap, van: Versie, naar: Versie, gevraagd: tuple[str, ...],
          vooruit: Vooruit) -> int:
    from kaderdiff.diff.staatbouw import sectoren_voor  # here, so `pakket -h` starts light
    from kaderdiff.pakket.pakketbouw import DOCUMENTEN, bouw_pakket

    doel = args.uit if args.uit is not None else Path("build") / f"pakket-{naar.jaar}"
    aantal = len(sectoren_voor(kaders, van, naar, args.sector))
    omzetten = any(f in gevraagd for f in ("odt", "pdf"))
    # a step per sector and per document LibreOffice converted or the cache gave (no summary: those lines say it);
    # index; zip
    totaal = aantal * STAPPEN_PER_SECTOR + 2 + (aantal * len(DOCUMENTEN) if omzetten else 0)
    if op_terminal(sys.stderr):
        manifest = _met_balk(lambda stap: bouw_pakket(kaders, van, naar, doel, gevraagd, args.sector, stap,
                                                      datum=args.datum, voorgeladen=vooruit.oogst), totaal)
    else:  # a log or CI: a line per step as it happens, not one bar at the end
        teller = itertools.count(1)
        manifest = bouw_pakket(kaders, van, naar, doel, gevraagd, args.sector,
                               lambda omschrijving: melding(f"[{next(teller)}/{totaal}] {omschrijving}"),
                               datum=args.datum, voorgeladen=vooruit.oogst)
    bestanden = manifest["bestanden"]
    assert isinstance(bestanden, list)
    regel(f"Consultatiepakket {van} → {naar}: {len(bestanden)} bestanden in {doel} (open {doel / 'index.html'})")
    return 0


def _met_balk(bouw: Callable[[Callable[[str], None]], dict[str, object]], totaal: int) -> dict[str, object]:
    """Build with a progress bar on a terminal (standard error)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("{task.description}", markup=False), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=console(fouten=True), transient=True,
                  auto_refresh=False) as voortgang:
        taak = voortgang.add_task("Consultatiepakket", total=totaal)

        def stap(omschrijving: str) -> None:
            voortgang.update(taak, description=omschrijving, advance=1)
            voortgang.refresh()  # no refresh thread: with one thread the sectors can be built in parallel

        return bouw(stap)


OPDRACHTEN = {"pakket": (opties, pakket)}
