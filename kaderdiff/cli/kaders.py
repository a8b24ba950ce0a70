"""`kaderdiff controleer`, `opmaak` and `versie`: the kader files themselves.

Each command imports what it needs when it runs: `versie` needs nothing, `controleer` no `opmaak`.
"""

from __future__ import annotations

import argparse

from kaderdiff import __version__
from kaderdiff.cli.gemeen import melding, regel
from kaderdiff.fouten import KaderdiffFout, Melding

TYPE_CHECKING = False  # not `typing`: importing it is a twentieth of `controleer` (tests/cli/test_opstart.py)
if TYPE_CHECKING:
    from pathlib import Path


def _optie_pad(parser: argparse.ArgumentParser) -> None:
    from pathlib import Path

    parser.add_argument("pad", nargs="*", type=Path, metavar="PAD",
                        help="kaderbestanden of kadermappen (standaard: kaders/)")


def _opties_controleer(parser: argparse.ArgumentParser) -> None:
    _optie_pad(parser)
    parser.add_argument("--termen", action="store_true",
                        help="meld ook eisen met inhoudswoorden die in geen van hun geciteerde wetteksten staan")
    parser.add_argument("--streng", action="store_true",
                        help="ook een waarschuwing laat de controle mislukken (exitcode 2), zoals artikelen die niet "
                             "tegen een wettekst gecontroleerd konden worden")


def _standaard_kadermap() -> Path:
    from kaderdiff.bron.versies import standaard_kadermap

    return standaard_kadermap()


def controleer(args: argparse.Namespace) -> int:
    from kaderdiff.recht.controle import ExtraControle, ModelControle, controleer_pad
    from kaderdiff.recht.wetcontrole import Ongecontroleerd, controleer_grondslagen

    doelen: list[Path] = args.pad or [_standaard_kadermap()]
    ongecontroleerd = Ongecontroleerd()
    extra: tuple[ExtraControle, ...] = (controleer_grondslagen, ongecontroleerd)
    met_model: tuple[ModelControle, ...] = ()
    if args.termen:  # reads the texts of the eisen: the only check that needs the kader model
        from kaderdiff.recht.termen import controleer_termen

        met_model = (controleer_termen,)
    bestanden: list[Path] = []
    meldingen: list[Melding] = []
    for doel in doelen:
        gevonden, bij_doel = controleer_pad(doel, extra, met_model)
        if not gevonden:
            raise KaderdiffFout(f"Geen kaderbestanden gevonden in {doel}")
        bestanden += gevonden
        meldingen += bij_doel
    meldingen = list(dict.fromkeys(meldingen))  # the law registry of one kadermap is checked once per path
    meldingen += ongecontroleerd.meldingen()
    for m in meldingen:
        melding(str(m))
    fouten = [m for m in meldingen if m.ernst == "fout"]
    waarschuwingen = [m for m in meldingen if m.ernst == "waarschuwing"]
    if fouten or (args.streng and waarschuwingen):
        streng = f" en {len(waarschuwingen)} waarschuwing(en) (--streng)" if args.streng and waarschuwingen else ""
        melding(f"{len(fouten)} fout(en){streng} in {len(bestanden)} bestand(en).")
        return 2
    regel(f"In orde: {len(bestanden)} kader(s) gecontroleerd.")
    return 0


def _opties_opmaak(parser: argparse.ArgumentParser) -> None:
    _optie_pad(parser)
    parser.add_argument("--controle", action="store_true",
                        help="niets schrijven; exitcode 1 als opmaak nodig is")


def opmaak(args: argparse.Namespace) -> int:
    from kaderdiff.bron.opmaak import maak_bestanden_op
    from kaderdiff.recht.controle import kaderbestanden

    bestanden = [b for doel in (args.pad or [_standaard_kadermap()]) for b in kaderbestanden(doel)]
    gewijzigd = maak_bestanden_op(bestanden, alleen_controleren=args.controle)
    for bestand in gewijzigd:
        regel(f"{'moet worden opgemaakt' if args.controle else 'opgemaakt'}: {bestand}")
    gedaan = "af te wijken" if args.controle else "herschreven"
    regel(f"{len(bestanden)} bestand(en) bekeken, {len(gewijzigd)} {gedaan}.")
    return 1 if args.controle and gewijzigd else 0


def versie(_: argparse.Namespace) -> int:
    regel(f"kaderdiff {__version__}")
    return 0


OPDRACHTEN = {
    "controleer": (_opties_controleer, controleer),
    "opmaak": (_opties_opmaak, opmaak),
    "versie": (lambda _: None, versie),
}
