"""`kaderdiff staat`: the Staat van wijzigingen per sector between two versions."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from .cli import KadersOptie, NaarOptie, SectorOptie, VanOptie, kadermap_of_standaard, meld_fouten, uit
from .render.gemeen import datum_van_tijdstip
from .uitvoer import atomaire_map, schrijf
from .versies import KaderMap, Versie


def staat(
    van: VanOptie,
    naar: NaarOptie,
    sector: SectorOptie = None,
    uitmap: Annotated[Path | None, typer.Option("--uit", help="Uitvoermap (standaard: build/staat-JAAR).")] = None,
    formaat: Annotated[str, typer.Option("--formaat", help="Formaten, komma-gescheiden: docx,html,json.")] = (
        "docx,html,json"),
    streng: Annotated[bool, typer.Option("--streng", help="Fout als een wijziging geen toelichting heeft.")] = False,
    kaders: KadersOptie = None,
) -> None:
    """Maak de Staat van wijzigingen (WAS/WORDT) per sector."""
    from .render.staat_uit import lees_formaten, staat_bestanden  # renderers load only for commands using them
    from .staat import maak_staat, sectoren_voor
    formaten = lees_formaten(formaat)
    kadermap = KaderMap(kadermap_of_standaard(kaders))
    versie_van, versie_naar = Versie.parse(van), Versie.parse(naar)
    doel = uitmap if uitmap is not None else Path("build") / f"staat-{versie_naar.jaar}"
    moment = datum_van_tijdstip(kadermap.commitdatum(versie_naar))
    overzicht = Table(title=f"Staat van wijzigingen {versie_van} → {versie_naar}")
    for kolom in ("Sector", "Wijzigingen", "Zonder toelichting"):
        overzicht.add_column(kolom)
    with atomaire_map(doel) as tijdelijk:
        for s in sectoren_voor(kadermap, versie_van, versie_naar, sector):
            resultaat = maak_staat(kadermap, versie_van, versie_naar, s, streng=streng)
            for naam, inhoud in staat_bestanden(resultaat, formaten, moment, s).items():
                schrijf(tijdelijk, naam, inhoud)
            zonder = ", ".join(w.nummer for w in resultaat.zonder_toelichting()) or "-"
            overzicht.add_row(s, str(len(resultaat.wijzigingen)), zonder)
    uit.print(overzicht)
    uit.print(f"Geschreven naar [bold]{doel}[/]", highlight=False)


def registreer(app: typer.Typer) -> None:
    app.command("staat")(meld_fouten(staat))
