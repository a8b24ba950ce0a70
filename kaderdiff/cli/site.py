"""`kaderdiff site`: every kader version, every change and every law article as a static website."""

from __future__ import annotations

import argparse
from pathlib import Path

from kaderdiff.cli.gemeen import kadermap, optie_kaders, regel


def _jaar(tekst: str) -> int:
    if not (tekst.isdigit() and len(tekst) == 4):
        raise argparse.ArgumentTypeError(f"'{tekst}' is geen jaar (schrijf bijv. 2025)")
    return int(tekst)


def opties(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--uit", type=Path, default=Path("build") / "site", metavar="MAP",
                        help="uitvoermap (standaard: build/site)")
    parser.add_argument("--van", type=_jaar, default=None, metavar="JAAR", help="eerste jaar (standaard: het oudste)")
    parser.add_argument("--naar", type=_jaar, default=None, metavar="JAAR",
                        help="laatste jaar (standaard: het nieuwste)")
    parser.add_argument("--pakket", type=Path, default=None, metavar="MAP",
                        help="een consultatiepakket met pdf (bijv. build/pakket-2026): de Staat-pagina's van zijn "
                             "jaren geven bij elke wijziging de bladzijde in de PDF-staat")
    optie_kaders(parser)


def site(args: argparse.Namespace) -> int:
    from kaderdiff.site.sitebouw import bouw_site

    verslag = bouw_site(kadermap(args), args.uit, args.van, args.naar, pakket=args.pakket)
    jaren = f"{verslag.jaren[0]}–{verslag.jaren[-1]}" if len(verslag.jaren) > 1 else str(verslag.jaren[0])
    regel(f"Site {jaren} ({', '.join(verslag.sectoren)}): {verslag.paginas} pagina's in {args.uit} "
          f"(open {args.uit / 'index.html'})")
    return 0


OPDRACHTEN = {"site": (opties, site)}
