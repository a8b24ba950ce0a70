"""`kaderdiff herleid`, `impact` and `wetten`: the legal basis of eisen, both ways."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kaderdiff.cli.gemeen import console, kadermap, kadermap_pad, optie_kaders, regel
from kaderdiff.fouten import KaderdiffFout
from kaderdiff.model.kader import Grondslag
from kaderdiff.recht.citaten import citeer, parse_een
from kaderdiff.recht.herleid import (
    EisGeschiedenis,
    StandaardHerleiding,
    WetswijzigingImpact,
    herleid_artikel,
    herleid_standaard,
    impact,
    impact_wetswijziging,
)
from kaderdiff.recht.juriconnect import link

if TYPE_CHECKING:
    from rich.text import Text


def _json(data: Any) -> None:
    regel(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def _jaren(jaren: list[int]) -> str:
    return ", ".join(map(str, jaren)) or "–"


def _opties_jaar_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--jaar", type=int, default=None, help="het jaar (standaard: het nieuwste)")
    parser.add_argument("--json", dest="als_json", action="store_true", help="uitvoer als JSON in plaats van tabellen")
    optie_kaders(parser)


# -- herleid --------------------------------------------------------------------------

def _vet(tekst: str) -> Text:
    from rich.text import Text

    return Text(tekst, style="bold")


def toon_standaard(h: StandaardHerleiding) -> None:
    from rich.table import Table
    from rich.text import Text

    scherm = console()
    scherm.print(_vet(f"{h.sector} {h.jaar} · {h.code} {h.titel}") + Text(f" (peildatum {h.peildatum})"))
    tabel = Table("Eis", "Tekst", "Grondslag", "Wettekst", show_lines=True)
    for eis in h.eisen:
        if eis.grondslagen:
            grond = Text()
            for i, g in enumerate(eis.grondslagen):
                grond.append(("\n" if i else "") + g.citaat)
                if g.link:
                    grond.append("\n")
                    grond.append(g.jci, style=f"link {g.link}")
            wettekst = "\n".join(
                (f"art. {g.grondslag.artikel}"
                 + (f" ({g.artikeltitel})" if g.artikeltitel else "") + f": {g.wettekst}")
                if g.wettekst else "(wettekst niet aanwezig)"
                for g in eis.grondslagen
            )
        else:
            grond = Text("geen wettelijke grondslag", style="italic") + Text(f"\nbron: {eis.geen_grondslag_bron}")
            wettekst = eis.geen_grondslag_uitleg
        tabel.add_row(eis.id, eis.tekst, grond, wettekst)
    scherm.print(tabel)


def _geschiedenis_json(g: EisGeschiedenis) -> dict[str, Any]:
    data = asdict(g)
    data["jaren"] = g.jaren
    return data


def toon_artikel(gezocht: Grondslag, lijst: list[EisGeschiedenis]) -> None:
    from rich.table import Table

    scherm = console()
    scherm.print(_vet(f"Eisen die rusten op {citeer(gezocht)}"))
    verwijzing = link(gezocht)
    if verwijzing:
        scherm.print(verwijzing)
    if not lijst:
        scherm.print("Geen enkele eis in de kaders rust op deze grondslag.")
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
    scherm.print(tabel)
    scherm.print(f"{len(lijst)} eis(en); de volledige teksten staan in de uitvoer met --json.")


def _opties_herleid(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("standaard", nargs="?", default=None, metavar="SECTOR:CODE",
                        help="de standaard, bijv. MBO:OP1")
    parser.add_argument("--artikel", default=None, metavar="VERWIJZING",
                        help="herleid terug: alle eisen die rusten op dit artikel, bijv. "
                             "\"artikel 7.2.4a, eerste lid, WEB\"")
    _opties_jaar_json(parser)


def herleid(args: argparse.Namespace) -> int:
    kaders = kadermap(args)
    if (args.standaard is None) == (args.artikel is None):
        raise KaderdiffFout("Geef een standaard (bijv. MBO:OP1) of --artikel \"…\", "
                            "niet allebei en niet geen van beide")
    if args.standaard is not None:
        h = herleid_standaard(kaders, args.standaard, args.jaar)
        if args.als_json:
            _json(asdict(h))
        else:
            toon_standaard(h)
        return 0
    gezocht = parse_een(args.artikel)
    lijst = herleid_artikel(kaders, gezocht)
    if args.jaar is not None:
        lijst = [g for g in lijst if args.jaar in g.jaren]
    if args.als_json:
        _json({"grondslag": asdict(gezocht), "citaat": citeer(gezocht), "link": link(gezocht),
               "eisen": [_geschiedenis_json(g) for g in lijst]})
    else:
        toon_artikel(gezocht, lijst)
    return 0


# -- impact ---------------------------------------------------------------------------

def toon_wetswijziging(w: WetswijzigingImpact) -> None:
    from rich.table import Table

    scherm = console()
    scherm.print(_vet(f"{w.code} {w.naam}") + f" · status {w.status or '–'} · inwerkingtreding "
                 f"{w.inwerkingtreding or '–'} · kaders {w.jaar}: {', '.join(w.sectoren)}")
    tabel = Table("Sector", "Toelichting", "Categorie", "Betreft", "Tekst", show_lines=True)
    for t in w.toelichtingen:
        betreft = "\n".join(
            f"{e.id}" + (f" ({e.standaard})" if e.standaard else "") + (" [vervallen]" if e.vervallen else "")
            for e in t.elementen
        )
        tabel.add_row(t.sector, t.toelichting_id, t.categorie, betreft, t.tekst)
    scherm.print(tabel)
    if not w.toelichtingen:
        scherm.print("Geen toelichtingen aan deze wetswijziging gekoppeld.")


def _opties_impact(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--wet", default=None, help="de wet (code of afkorting), bijv. WEB")
    parser.add_argument("--artikel", action="append", default=None,
                        help="artikelnummer; herhaal voor meer artikelen (zonder: de hele wet)")
    parser.add_argument("--wet-wijziging", dest="wet_wijziging", default=None,
                        help="code van een wetswijziging, bijv. VABA")
    _opties_jaar_json(parser)


def impact_opdracht(args: argparse.Namespace) -> int:
    from rich.table import Table

    kaders = kadermap(args)
    if (args.wet is None) == (args.wet_wijziging is None):
        raise KaderdiffFout("Geef --wet (met --artikel) of --wet-wijziging, niet allebei en niet geen van beide")
    if args.wet_wijziging is not None:
        w = impact_wetswijziging(kaders, args.wet_wijziging, args.jaar)
        if args.als_json:
            _json(asdict(w))
        else:
            toon_wetswijziging(w)
        return 0
    regels = impact(kaders, args.wet, args.artikel or [], args.jaar)
    if args.als_json:
        _json([{**asdict(r), "citaten": [citeer(g) for g in r.grondslagen]} for r in regels])
        return 0
    tabel = Table("Sector", "Jaar", "Standaard", "Eis", "Grondslag", "Tekst", show_lines=True)
    for r in regels:
        tabel.add_row(r.sector, str(r.jaar), f"{r.standaard} {r.standaard_titel}".strip(), r.eis_id,
                      "\n".join(citeer(g) for g in r.grondslagen), r.eis_tekst)
    scherm = console()
    scherm.print(tabel)
    scherm.print(f"{len(regels)} eis(en) na te lopen in {len({(r.sector, r.standaard) for r in regels})} "
                 "standaard(en).")
    return 0


# -- wetten ---------------------------------------------------------------------------

def _opties_wetten(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(title="opdrachten", metavar="OPDRACHT", dest="wettenopdracht", required=True)
    importeren = sub.add_parser("importeer", help="sla een wetsversie op als wetten/<BWB-ID>/<datum>.xml",
                                description="Sla een wetsversie (BWB-toestand-XML van wetten.overheid.nl) op als "
                                            "wetten/<BWB-ID>/<datum>.xml in de kadermap.")
    importeren.add_argument("bestand", type=Path, metavar="BESTAND", help="BWB-toestand-XML van wetten.overheid.nl")
    importeren.add_argument("--geldig-vanaf", dest="geldig_vanaf", default=None, metavar="JJJJ-MM-DD",
                            help="datum vanaf wanneer deze versie geldt (standaard: @inwerkingtreding)")
    optie_kaders(importeren)


def wetten(args: argparse.Namespace) -> int:
    doelmap = kadermap_pad(args)
    if not doelmap.is_dir():
        raise KaderdiffFout(f"De kadermap {doelmap} bestaat niet")
    datum = None
    if args.geldig_vanaf is not None:
        try:
            datum = date.fromisoformat(args.geldig_vanaf)
        except ValueError:
            raise KaderdiffFout(f"Ongeldige datum '{args.geldig_vanaf}': schrijf JJJJ-MM-DD") from None
    from kaderdiff.recht.bwb import importeer

    tekst, doel = importeer(args.bestand, doelmap, datum)
    titel = f" ({tekst.titel})" if tekst.titel else ""
    regel(f"Opgeslagen: {tekst.bwb}{titel}, geldig vanaf {tekst.geldig_vanaf.isoformat()}, "
          f"{len(tekst.artikelen)} artikel(en) → {doel}")
    return 0


OPDRACHTEN = {
    "herleid": (_opties_herleid, herleid),
    "impact": (_opties_impact, impact_opdracht),
    "wetten": (_opties_wetten, wetten),
}
