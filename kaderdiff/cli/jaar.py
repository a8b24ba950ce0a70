"""`kaderdiff nieuw-jaar 2027 [--van 2026]`: the kaders of a new year, committed on the current branch."""

from __future__ import annotations

import argparse

from kaderdiff.cli.gemeen import kadermap, optie_kaders, regel


def _jaar(tekst: str) -> int:
    if not (len(tekst) == 4 and tekst.isdigit()):
        raise argparse.ArgumentTypeError(f"'{tekst}' is geen jaartal (vier cijfers, bijvoorbeeld 2027)")
    return int(tekst)


def opties(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("jaar", type=_jaar, metavar="JAAR", help="het nieuwe jaar, bijvoorbeeld 2027")
    parser.add_argument("--van", type=_jaar, default=None, metavar="JAAR",
                        help="het jaar waarvan de kaders worden gekopieerd (standaard: het laatste jaar ervoor)")
    optie_kaders(parser)


def nieuw_jaar(args: argparse.Namespace) -> int:
    from kaderdiff.bron.nieuwjaar import begin_jaar

    gedaan = begin_jaar(kadermap(args), args.jaar, args.van)
    regel(f"Kaders {gedaan.naar} gemaakt uit {gedaan.van}: jaar, titel en peildatum bijgewerkt, status concept; "
          f"de toelichtingen, wetswijzigingen en samenvattingen van {gedaan.van} weggelaten.")
    for pad in gedaan.bestanden:
        regel(f"  {pad}")
    regel(f"Vastgelegd op tak {gedaan.tak} in commit {gedaan.commit[:7]}. "
          f"Werk de kaders van {gedaan.naar} nu bij (docs/handleiding.md, stap 1).")
    return 0


OPDRACHTEN = {"nieuw-jaar": (opties, nieuw_jaar)}
