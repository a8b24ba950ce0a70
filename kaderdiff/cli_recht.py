"""Commands for the legal basis: `herleid`, `impact` and `wetten importeer`."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from .bwb import importeer
from .citaten import citeer, parse_een
from .cli import KadersOptie, kadermap_of_standaard, meld_fouten, uit
from .fouten import KaderdiffFout
from .herleid import (
    EisGeschiedenis,
    StandaardHerleiding,
    WetswijzigingImpact,
    herleid_artikel,
    herleid_standaard,
    impact,
    impact_wetswijziging,
)
from .juriconnect import link
from .model import Grondslag
from .versies import KaderMap

JaarOptie = Annotated[int | None, typer.Option("--jaar", help="Het jaar (standaard: het nieuwste).")]
JsonOptie = Annotated[bool, typer.Option("--json", help="Uitvoer als JSON in plaats van tabellen.")]


def _json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def _jaren(jaren: list[int]) -> str:
    return ", ".join(map(str, jaren)) or "–"


# -- herleid --------------------------------------------------------------------------

def toon_standaard(h: StandaardHerleiding) -> None:
    uit.print(f"[bold]{h.sector} {h.jaar} · {h.code} {h.titel}[/] (peildatum {h.peildatum})", highlight=False)
    tabel = Table("Eis", "Tekst", "Grondslag", "Wettekst", show_lines=True)
    for eis in h.eisen:
        if eis.grondslagen:
            grond = "\n".join(
                f"{g.citaat}\n[link={g.link}]{g.jci}[/link]" if g.link else g.citaat for g in eis.grondslagen
            )
            wettekst = "\n".join(
                (f"art. {g.grondslag.artikel}"
                 + (f" ({g.artikeltitel})" if g.artikeltitel else "") + f": {g.wettekst}")
                if g.wettekst else "(wettekst niet aanwezig)"
                for g in eis.grondslagen
            )
        else:
            grond = f"[italic]geen wettelijke grondslag[/]\nbron: {eis.geen_grondslag_bron}"
            wettekst = eis.geen_grondslag_uitleg
        tabel.add_row(eis.id, eis.tekst, grond, wettekst)
    uit.print(tabel)


def _geschiedenis_json(g: EisGeschiedenis) -> dict[str, Any]:
    data = asdict(g)
    data["jaren"] = g.jaren
    return data


def toon_artikel(gezocht: Grondslag, lijst: list[EisGeschiedenis]) -> None:
    uit.print(f"[bold]Eisen die rusten op {citeer(gezocht)}[/]", highlight=False)
    verwijzing = link(gezocht)
    if verwijzing:
        uit.print(verwijzing, highlight=False)
    if not lijst:
        uit.print("Geen enkele eis in de kaders rust op deze grondslag.")
        return
    tabel = Table("Sector", "Eis", "Standaard", "Jaren", "Eerst in", "Tekst gewijzigd", "Verwijderd")
    tabel.columns[1].no_wrap = True
    for g in lijst:
        laatste = g.voorkomens[-1]
        verwijderd = "–"
        if g.verwijderd_in is not None:
            verwijderd = f"{g.verwijderd_in}" + (" (eis vervallen)" if g.eis_vervallen else " (grondslag weg)")
        tabel.add_row(g.sector, g.eis_id, f"{laatste.standaard} {laatste.standaard_titel}".strip(),
                      _jaren(g.jaren), str(g.eerste_jaar), _jaren(g.tekst_gewijzigd), verwijderd)
    uit.print(tabel)
    uit.print(f"{len(lijst)} eis(en); de volledige teksten staan in de uitvoer met --json.")


def herleid(
    standaard: Annotated[str | None, typer.Argument(help="De standaard als SECTOR:CODE, bijv. MBO:OP1.")] = None,
    artikel: Annotated[str | None, typer.Option(
        "--artikel", help="Herleid terug: alle eisen die rusten op dit artikel, bijv. \"artikel 7.2.4a, eerste lid, "
                          "WEB\".")] = None,
    jaar: JaarOptie = None,
    als_json: JsonOptie = False,
    kaders: KadersOptie = None,
) -> None:
    """Herleid een standaard naar zijn wettelijke grondslagen, of een artikel terug naar de eisen."""
    kadermap = KaderMap(kadermap_of_standaard(kaders))
    if (standaard is None) == (artikel is None):
        raise KaderdiffFout("Geef een standaard (bijv. MBO:OP1) of --artikel \"…\", "
                            "niet allebei en niet geen van beide")
    if standaard is not None:
        h = herleid_standaard(kadermap, standaard, jaar)
        if als_json:
            _json(asdict(h))
        else:
            toon_standaard(h)
        return
    assert artikel is not None
    gezocht = parse_een(artikel)
    lijst = herleid_artikel(kadermap, gezocht)
    if jaar is not None:
        lijst = [g for g in lijst if jaar in g.jaren]
    if als_json:
        _json({"grondslag": asdict(gezocht), "citaat": citeer(gezocht), "link": link(gezocht),
               "eisen": [_geschiedenis_json(g) for g in lijst]})
    else:
        toon_artikel(gezocht, lijst)


# -- impact ---------------------------------------------------------------------------

def toon_wetswijziging(w: WetswijzigingImpact) -> None:
    uit.print(f"[bold]{w.code} {w.naam}[/] · status {w.status or '–'} · inwerkingtreding "
              f"{w.inwerkingtreding or '–'} · kaders {w.jaar}: {', '.join(w.sectoren)}", highlight=False)
    tabel = Table("Sector", "Toelichting", "Categorie", "Betreft", "Tekst", show_lines=True)
    for t in w.toelichtingen:
        betreft = "\n".join(
            f"{e.id}" + (f" ({e.standaard})" if e.standaard else "") + (" [vervallen]" if e.vervallen else "")
            for e in t.elementen
        )
        tabel.add_row(t.sector, t.toelichting_id, t.categorie, betreft, t.tekst)
    uit.print(tabel)
    if not w.toelichtingen:
        uit.print("Geen toelichtingen aan deze wetswijziging gekoppeld.")


def impact_commando(
    wet: Annotated[str | None, typer.Option("--wet", help="De wet (code of afkorting), bijv. WEB.")] = None,
    artikel: Annotated[list[str] | None, typer.Option(
        "--artikel", help="Artikelnummer; herhaal voor meer artikelen (zonder: de hele wet).")] = None,
    wet_wijziging: Annotated[str | None, typer.Option(
        "--wet-wijziging", help="Code van een wetswijziging, bijv. VABA.")] = None,
    jaar: JaarOptie = None,
    als_json: JsonOptie = False,
    kaders: KadersOptie = None,
) -> None:
    """Welke standaarden en eisen moeten worden nagelopen bij een wetswijziging."""
    kadermap = KaderMap(kadermap_of_standaard(kaders))
    if (wet is None) == (wet_wijziging is None):
        raise KaderdiffFout("Geef --wet (met --artikel) of --wet-wijziging, niet allebei en niet geen van beide")
    if wet_wijziging is not None:
        w = impact_wetswijziging(kadermap, wet_wijziging, jaar)
        if als_json:
            _json(asdict(w))
        else:
            toon_wetswijziging(w)
        return
    assert wet is not None
    regels = impact(kadermap, wet, artikel or [], jaar)
    if als_json:
        _json([{**asdict(r), "citaten": [citeer(g) for g in r.grondslagen]} for r in regels])
        return
    tabel = Table("Sector", "Jaar", "Standaard", "Eis", "Grondslag", "Tekst", show_lines=True)
    for r in regels:
        tabel.add_row(r.sector, str(r.jaar), f"{r.standaard} {r.standaard_titel}".strip(), r.eis_id,
                      "\n".join(citeer(g) for g in r.grondslagen), r.eis_tekst)
    uit.print(tabel)
    uit.print(f"{len(regels)} eis(en) na te lopen in {len({(r.sector, r.standaard) for r in regels})} standaard(en).")


# -- wetten ---------------------------------------------------------------------------

wetten_app = typer.Typer(help="Wetteksten (BWB-toestand-XML) beheren in de kadermap.", no_args_is_help=True)


@wetten_app.command("importeer")
@meld_fouten
def wetten_importeer(
    bestand: Annotated[Path, typer.Argument(help="BWB-toestand-XML van wetten.overheid.nl.", dir_okay=False)],
    geldig_vanaf: Annotated[str | None, typer.Option(
        "--geldig-vanaf", help="Datum vanaf wanneer deze versie geldt (standaard: @inwerkingtreding).")] = None,
    kaders: KadersOptie = None,
) -> None:
    """Sla een wetsversie op als wetten/<BWB-ID>/<datum>.xml in de kadermap."""
    doelmap = kadermap_of_standaard(kaders)
    if not doelmap.is_dir():
        raise KaderdiffFout(f"De kadermap {doelmap} bestaat niet")
    datum = None
    if geldig_vanaf is not None:
        try:
            datum = date.fromisoformat(geldig_vanaf)
        except ValueError:
            raise KaderdiffFout(f"Ongeldige datum '{geldig_vanaf}': schrijf JJJJ-MM-DD") from None
    tekst, doel = importeer(bestand, doelmap, datum)
    titel = f" ({tekst.titel})" if tekst.titel else ""
    uit.print(f"[green]Opgeslagen:[/] {tekst.bwb}{titel}, geldig vanaf {tekst.geldig_vanaf.isoformat()}, "
              f"{len(tekst.artikelen)} artikel(en) → {doel}", highlight=False)


def registreer(app: typer.Typer) -> None:
    """Attach herleid, impact and wetten to the main app."""
    app.command("herleid")(meld_fouten(herleid))
    app.command("impact")(meld_fouten(impact_commando))
    app.add_typer(wetten_app, name="wetten")
