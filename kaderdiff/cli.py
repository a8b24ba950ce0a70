"""The `kaderdiff` command line: Dutch help and messages, Rich output, exit 2 on bad input."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Annotated, ParamSpec, TypeVar

import typer
from rich.console import Console

from . import __version__
from .controle import ExtraControle, controleer_pad, kaderbestanden
from .fouten import KaderdiffFout
from .opmaak import maak_bestanden_op
from .versies import standaard_kadermap

app = typer.Typer(
    name="kaderdiff",
    help="Vergelijk onderzoekskaders per jaar: Staat van wijzigingen, Word met revisies, wettelijke grondslagen.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
    add_completion=False,
)

uit = Console(soft_wrap=True)
fout_console = Console(stderr=True, soft_wrap=True)

P = ParamSpec("P")
R = TypeVar("R")

KadersOptie = Annotated[
    Path | None,
    typer.Option("--kaders", help="De kadermap (standaard: kaders/ van de repository waarin u staat).",
                 file_okay=False),
]

VanOptie = Annotated[str, typer.Option("--van", help="Oude versie: JAAR of JAAR@REF (bijv. 2025).")]
NaarOptie = Annotated[str, typer.Option("--naar", help="Nieuwe versie: JAAR of JAAR@REF (bijv. 2026).")]
SectorOptie = Annotated[str | None, typer.Option("--sector", help="Alleen deze sector (po, vo, mbo, …).")]


def meld_fouten(functie: Callable[P, R]) -> Callable[P, R]:
    """Turn user errors into one clear Dutch message and exit code 2 (never a traceback)."""

    @wraps(functie)
    def omhulsel(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return functie(*args, **kwargs)
        except KaderdiffFout as fout:
            fout_console.print(f"[bold red]Fout:[/] {fout.tekst}", highlight=False)
            for melding in fout.meldingen:
                fout_console.print(f"  {melding}", highlight=False, markup=False)
            raise typer.Exit(2) from None
        except OSError as fout:
            fout_console.print(f"[bold red]Fout:[/] {fout.strerror}: {fout.filename}", highlight=False)
            raise typer.Exit(2) from None

    return omhulsel


def kadermap_of_standaard(kaders: Path | None) -> Path:
    return kaders if kaders is not None else standaard_kadermap()


def extra_controles() -> tuple[ExtraControle, ...]:
    """Checks contributed by other modules (law texts), found without global registration."""
    try:
        from .wetcontrole import controleer_grondslagen  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return ()
    return (controleer_grondslagen,)


@app.command()
@meld_fouten
def controleer(
    pad: Annotated[Path | None, typer.Argument(help="Kaderbestand of kadermap (standaard: kaders/).")] = None,
) -> None:
    """Controleer kaders: schema, dubbele ids, grondslagen, bekende wetten."""
    doel = pad if pad is not None else standaard_kadermap()
    bestanden, meldingen = controleer_pad(doel, extra_controles())
    if not bestanden:
        raise KaderdiffFout(f"Geen kaderbestanden gevonden in {doel}")
    for melding in meldingen:
        fout_console.print(str(melding), highlight=False, markup=False)
    fouten = [m for m in meldingen if m.ernst == "fout"]
    if fouten:
        fout_console.print(f"[bold red]{len(fouten)} fout(en)[/] in {len(bestanden)} bestand(en).")
        raise typer.Exit(2)
    uit.print(f"[green]In orde:[/] {len(bestanden)} kader(s) gecontroleerd.")


@app.command()
@meld_fouten
def opmaak(
    pad: Annotated[Path | None, typer.Argument(help="Kaderbestand of kadermap (standaard: kaders/).")] = None,
    controle: Annotated[bool, typer.Option("--controle", help="Niets schrijven; exit 1 als opmaak nodig is.")] = False,
) -> None:
    """Herschrijf kaders in de vaste opmaak (idempotent), zodat git-diffs leesbaar blijven."""
    doel = pad if pad is not None else standaard_kadermap()
    bestanden = kaderbestanden(doel)
    gewijzigd = maak_bestanden_op(bestanden, alleen_controleren=controle)
    for bestand in gewijzigd:
        uit.print(f"{'moet worden opgemaakt' if controle else 'opgemaakt'}: {bestand}", highlight=False)
    if controle and gewijzigd:
        raise typer.Exit(1)
    gedaan = "af te wijken" if controle else "herschreven"
    uit.print(f"{len(bestanden)} bestand(en) bekeken, {len(gewijzigd)} {gedaan}.")


@app.command()
def versie() -> None:
    """Toon de versie van kaderdiff."""
    uit.print(f"kaderdiff {__version__}")


def _registreer_commando_modules() -> None:
    """Attach the commands that live in their own modules (one job per module).

    Imported here, after the shared options and helpers above exist, because those modules use them.
    """
    from . import cli_pakket, cli_recht, cli_staat, cli_voorstel

    for module in (cli_staat, cli_pakket, cli_recht, cli_voorstel):
        module.registreer(app)


_registreer_commando_modules()  # at import time, so `cli.app` is complete for tests and callers


def main() -> None:
    app(prog_name="kaderdiff")


if __name__ == "__main__":  # pragma: no cover
    main()
