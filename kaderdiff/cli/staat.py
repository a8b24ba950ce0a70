"""`kaderdiff staat`: the Staat van wijzigingen per sector between two versions."""

from __future__ import annotations

import argparse
from pathlib import Path

from kaderdiff.cli.gemeen import console, kadermap, lees_formaten, optie_kaders, opties_van_naar, versies


def opties(parser: argparse.ArgumentParser) -> None:
    opties_van_naar(parser)
    parser.add_argument("--uit", type=Path, default=None, metavar="MAP",
                        help="uitvoermap (standaard: build/staat-JAAR)")
    parser.add_argument("--formaat", default="docx,html,json", help="formaten, komma-gescheiden: docx,html,json")
    parser.add_argument("--streng", action="store_true",
                        help="fout als een wijziging geen toelichting heeft of een koppeling onzeker is")
    parser.add_argument("--koppel-op-inhoud", action="store_true",
                        help="negeer de ids: koppel elementen alleen op tekst en plaats (ter controle, of voor "
                             "kaders van onbekende herkomst)")
    optie_kaders(parser)


def staat(args: argparse.Namespace) -> int:
    from rich.table import Table

    from kaderdiff.pakket.documentmappen import schrijf_staten  # here, so `staat -h` starts light
    from kaderdiff.render.staat_uit import FORMATEN

    formaten = lees_formaten(args.formaat, FORMATEN)
    kaders = kadermap(args)
    van, naar = versies(args)
    doel = args.uit if args.uit is not None else Path("build") / f"staat-{naar.jaar}"
    staten = schrijf_staten(kaders, van, naar, doel, formaten, args.sector, streng=args.streng,
                            op_inhoud=args.koppel_op_inhoud)
    overzicht = Table(title=f"Staat van wijzigingen {van} → {naar}")
    for kolom in ("Sector", "Wijzigingen", "Zonder toelichting", "Koppeling onzeker"):
        overzicht.add_column(kolom)
    for sector, resultaat in staten:
        zonder = ", ".join(w.nummer for w in resultaat.zonder_toelichting()) or "-"
        onzeker = ", ".join(w.nummer for w in resultaat.onzeker()) or "-"
        overzicht.add_row(sector, str(len(resultaat.wijzigingen)), zonder, onzeker)
    scherm = console()
    scherm.print(overzicht)
    scherm.print(f"Geschreven naar {doel}")
    return 0


OPDRACHTEN = {"staat": (opties, staat)}
