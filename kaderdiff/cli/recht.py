"""`kaderdiff herleid`, `impact` and `wetten`: the legal basis of eisen, both ways."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from datetime import date
from pathlib import Path

from kaderdiff.bron.wetregister import register_voor
from kaderdiff.cli.gemeen import kadermap, kadermap_pad, lees_formaten, melding, optie_kaders, regel
from kaderdiff.cli.rechtweergave import (
    toon_artikel,
    toon_impact,
    toon_standaard,
    toon_termen,
    toon_wetimpact,
    toon_wetswijziging,
)
from kaderdiff.fouten import KaderdiffFout
from kaderdiff.recht.artikelherleiding import EisGeschiedenis, herleid_artikel
from kaderdiff.recht.grondslagindex import Grondslagindex, standaard_cachemap
from kaderdiff.verwijzing.citeren import citeer, lees_verwijzingen
from kaderdiff.verwijzing.juriconnect import link

TYPE_CHECKING = False  # not `typing`: `herleid` loads nothing else that imports it (tests/cli/test_opstart.py)
if TYPE_CHECKING:
    from typing import Any

    from kaderdiff.bron.versies import KaderMap
    from kaderdiff.model.wettekst import Wettekst
    from kaderdiff.recht.bwbhaal import Gehaald


def _json(data: Any) -> None:
    import json  # only for --json

    regel(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def _opties_jaar_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--jaar", type=int, default=None, help="het jaar (standaard: het nieuwste)")
    parser.add_argument("--json", dest="als_json", action="store_true", help="uitvoer als JSON in plaats van tabellen")
    optie_kaders(parser)


# -- herleid --------------------------------------------------------------------------

def _geschiedenis_json(g: EisGeschiedenis) -> dict[str, Any]:
    data = asdict(g)
    data["jaren"] = g.jaren
    return data


def _opties_herleid(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("standaard", nargs="?", default=None, metavar="SECTOR:CODE",
                        help="de standaard, bijv. MBO:OP1")
    parser.add_argument("--artikel", action="append", default=None, metavar="VERWIJZING",
                        help="herleid terug: alle eisen die rusten op dit artikel, bijv. "
                             "\"artikel 7.2.4a, eerste lid, WEB\"; meer verwijzingen in één tekst "
                             "(\"artikel 11 en artikel 15 van de WOT\") of door --artikel te herhalen")
    parser.add_argument("--termen", action="store_true",
                        help="toon per eis welke inhoudswoorden in de geciteerde wettekst staan en welke niet")
    _opties_jaar_json(parser)


def herleid(args: argparse.Namespace) -> int:
    kaders = kadermap(args)
    if (args.standaard is None) == (args.artikel is None):
        raise KaderdiffFout("Geef een standaard (bijv. MBO:OP1) of --artikel \"…\", "
                            "niet allebei en niet geen van beide")
    if args.termen and args.standaard is None:
        raise KaderdiffFout("--termen werkt bij een standaard (bijv. PO:OP2 --termen), niet bij --artikel")
    if args.standaard is not None:
        from kaderdiff.recht.herleid import herleid_standaard  # not for an article: a small command

        h = herleid_standaard(kaders, args.standaard, args.jaar)
        termen = None
        if args.termen:
            from kaderdiff.recht.termen import termen_van_standaard

            termen = termen_van_standaard(kaders, h.sector, h.jaar, [e.id for e in h.eisen])
        if args.als_json:
            data = asdict(h)
            for eis, t in zip(data["eisen"], termen or [], strict=False):
                eis["termen"] = {"uit_de_wet": [{"woord": x.woord, "gevonden_in": list(x.gevonden_in)}
                                                for x in t.termen if x.gevonden_in],
                                 "niet_in_de_wet": t.niet_in_de_wet, "zonder_wettekst": list(t.zonder_wettekst)}
            _json(data)
        else:
            toon_standaard(h)
            if termen is not None:
                toon_termen(termen)
        return 0

    register = register_voor(kaders.pad)
    gezochten = [g for tekst in args.artikel for g in lees_verwijzingen(tekst, register)]
    index = Grondslagindex(kaders, standaard_cachemap(kaders))
    resultaten = []
    for gezocht in dict.fromkeys(gezochten):
        lijst = herleid_artikel(kaders, gezocht, index)
        if args.jaar is not None:
            lijst = [g for g in lijst if args.jaar in g.jaren]
        resultaten.append((gezocht, lijst))
    if args.als_json:
        # One reference: one object (as always); several: a list of such objects, in the order given.
        objecten = [{"grondslag": asdict(g), "citaat": citeer(g, register), "link": link(g, register=register),
                     "eisen": [_geschiedenis_json(e) for e in lijst]} for g, lijst in resultaten]
        _json(objecten[0] if len(objecten) == 1 else objecten)
        return 0
    for gezocht, lijst in resultaten:
        toon_artikel(citeer(gezocht, register), lijst, link(gezocht, register=register))
    return 0


# -- impact ---------------------------------------------------------------------------

def _opties_impact(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--wet", default=None, help="de wet (code of afkorting), bijv. WEB")
    parser.add_argument("--artikel", action="append", default=None,
                        help="artikelnummer; herhaal voor meer artikelen (zonder: de hele wet)")
    parser.add_argument("--wet-wijziging", dest="wet_wijziging", default=None,
                        help="code van een wetswijziging, bijv. VABA")
    parser.add_argument("--van-datum", dest="van_datum", default=None, metavar="JJJJ-MM-DD",
                        help="vergelijk de wetsversie die op deze datum geldt …")
    parser.add_argument("--naar-datum", dest="naar_datum", default=None, metavar="JJJJ-MM-DD",
                        help="… met de versie die op deze datum geldt: elke gewijzigde plaats met de eisen erop")
    parser.add_argument("--uit", type=Path, default=None, metavar="MAP",
                        help="schrijf het overzicht van de wetswijziging (docx, html, json) naar deze map (een lege "
                             "map of eerdere uitvoer van kaderdiff; wordt in zijn geheel vervangen)")
    parser.add_argument("--formaat", default="docx,html,json", help="formaten bij --uit: docx,html,json")
    _opties_jaar_json(parser)


def impact_opdracht(args: argparse.Namespace) -> int:
    from kaderdiff.recht.herleid import impact, impact_wetswijziging

    kaders = kadermap(args)
    if args.van_datum is not None or args.naar_datum is not None:
        return _wetimpact(args, kaders)
    if (args.wet is None) == (args.wet_wijziging is None):
        raise KaderdiffFout("Geef --wet (met --artikel of met --van-datum en --naar-datum) of --wet-wijziging, "
                            "niet allebei en niet geen van beide")
    if args.wet_wijziging is not None:
        w = impact_wetswijziging(kaders, args.wet_wijziging, args.jaar)
        if args.als_json:
            _json(asdict(w))
        else:
            toon_wetswijziging(w)
        return 0
    regels = impact(kaders, args.wet, args.artikel or [], args.jaar)
    register = register_voor(kaders.pad)  # a law of the kadermap's own registry is cited by its own names
    if args.als_json:
        _json([{**asdict(r), "citaten": [citeer(g, register) for g in r.grondslagen]} for r in regels])
        return 0
    toon_impact(regels, register)
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
    halen = sub.add_parser("haal", help="haal de wetsversie die geldt op een datum uit het BWB en sla haar op",
                           description="Haal de toestand van een wet die geldt op --datum uit de officiële "
                                       "BWB-repository (adres: KADERDIFF_BWB_URL of --url), controleer haar en sla "
                                       "haar op zoals 'wetten importeer'.")
    halen.add_argument("wet", nargs="?", default=None, metavar="WET",
                       help="code of afkorting (bijv. WPO) of BWB-id (bijv. BWBR0003420)")
    halen.add_argument("--alle", action="store_true",
                       help="elke wet die de kaders citeren (met een BWB-id), in de versie die geldt op de peildatum "
                            "van elk kader dat haar citeert; een versie die er al is wordt niet opnieuw gehaald")
    halen.add_argument("--datum", default=None, metavar="JJJJ-MM-DD",
                       help="de datum waarop de versie geldt (standaard: de peildata van de kaders die de wet citeren)")
    _optie_bwb(halen)
    optie_kaders(halen)
    bewaken = sub.add_parser("bewaak", help="meld nieuwe versies van de geciteerde wetten en de eisen die ze raken",
                             description="Vraag voor elke wet die de kaders citeren de BWB-repository (adres: "
                                         "KADERDIFF_BWB_URL of --url) of er een nieuwere versie is dan de "
                                         "opgeslagen. Elke nieuwe versie wordt opgehaald en opgeslagen, met wat er "
                                         "veranderde en de eisen die erop rusten (zoals impact --van-datum "
                                         "--naar-datum). Exitcode 0: niets nieuws; 1: nieuwe versies (zodat een "
                                         "geplande CI-taak waarschuwt); 2: fout.")
    _optie_bwb(bewaken)
    bewaken.add_argument("--json", dest="als_json", action="store_true", help="uitvoer als JSON")
    optie_kaders(bewaken)
    uitstellen = sub.add_parser("uitstel", help="verplaats de wijzigingen van een wetswijziging naar een later jaar "
                                                "(op een nieuwe git-tak)",
                                description="Haal de wijzigingen die bij een wetswijziging horen uit de kaders van "
                                            "het jaar dat haar noemt (elementen zoals het jaar ervoor) en zet ze in "
                                            "de kaders van --naar (gemaakt als ze nog niet bestaan), met de "
                                            "toelichtingen en de status. Alles op een nieuwe git-tak; de werkmap "
                                            "en de huidige tak blijven ongemoeid.")
    uitstellen.add_argument("code", metavar="CODE", help="code van de wetswijziging, bijv. VABA")
    uitstellen.add_argument("--naar", required=True, type=int, metavar="JAAR", help="het jaar waarheen, bijv. 2027")
    uitstellen.add_argument("--naam", default=None, metavar="TAK",
                            help="naam van de nieuwe tak (standaard: uitstel/<code>-<jaar>)")
    uitstellen.add_argument("--json", dest="als_json", action="store_true", help="uitvoer als JSON")
    optie_kaders(uitstellen)


def _optie_bwb(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--url", default=None, help="adres van de BWB-repository (standaard: KADERDIFF_BWB_URL, "
                                                    "anders repository.officiele-overheidspublicaties.nl/bwb/)")
    parser.add_argument("--timeout", type=float, default=30.0, metavar="SECONDEN",
                        help="maximale duur van elk verzoek, alles inbegrepen: verbinden, doorverwijzen en "
                             "ontvangen (standaard: 30)")


def _datum(tekst: str | None) -> date | None:
    if tekst is None:
        return None
    try:
        return date.fromisoformat(tekst)
    except ValueError:
        raise KaderdiffFout(f"Ongeldige datum '{tekst}': schrijf JJJJ-MM-DD") from None


def wetten(args: argparse.Namespace) -> int:
    doelmap = kadermap_pad(args)
    if not doelmap.is_dir():
        raise KaderdiffFout(f"De kadermap {doelmap} bestaat niet")
    if args.wettenopdracht == "uitstel":
        from kaderdiff.recht.uitstel import stel_uit

        uitstel = stel_uit(kadermap(args), args.code, args.naar, args.naam)
        if args.als_json:
            _json(asdict(uitstel))
            return 0
        regel(f"Tak {uitstel.tak} gemaakt (commit {uitstel.commit[:7]} op {uitstel.basis[:7]}): {uitstel.code} "
              f"uitgesteld van {uitstel.van} naar {uitstel.naar}.")
        for s in uitstel.sectoren:
            teruggezet = ", ".join((*s.teruggezet, *s.verwijderd, *s.teruggeplaatst)) or "-"
            regel(f"  {s.sector}: {teruggezet} in {uitstel.van} teruggezet; toelichting(en) "
                  f"{', '.join(s.toelichtingen) or '-'} naar {uitstel.naar}"
                  + (f" (kader {uitstel.naar} aangemaakt uit {uitstel.van})" if s.naar_aangemaakt else ""))
        regel(f"Bekijk de gevolgen met: kaderdiff staat --van {uitstel.van}@{uitstel.tak} --naar "
              f"{uitstel.naar}@{uitstel.tak}")
        return 0
    if args.wettenopdracht == "haal":
        return _haal(args, doelmap)
    if args.wettenopdracht == "bewaak":
        from kaderdiff.cli.wetbewaking import bewaak_opdracht

        return bewaak_opdracht(args, kadermap(args))
    from kaderdiff.bron.bwb import importeer

    tekst, doel = importeer(args.bestand, doelmap, _datum(args.geldig_vanaf))
    _opgeslagen(tekst, doel)
    return 0


def _haal(args: argparse.Namespace, doelmap: Path) -> int:
    """`wetten haal WET --datum D` (one version), `wetten haal WET` or `--alle` (what the kaders need)."""
    from kaderdiff.recht.bwbhaal import haal_alle, haal_wet

    if (args.wet is None) == (not args.alle):
        raise KaderdiffFout("Geef een wet (bijv. WPO) of --alle, niet allebei en niet geen van beide")
    datum = _datum(args.datum)
    if args.wet is not None and datum is not None:
        tekst, doel, url = haal_wet(args.wet, datum, doelmap, args.url, args.timeout)
        regel(f"Opgehaald: {url}")
        _opgeslagen(tekst, doel)
        return 0
    return toon_gehaald(haal_alle(doelmap, args.url, args.timeout, (args.wet,) if args.wet else (), datum))


def toon_gehaald(gehaald: list[Gehaald]) -> int:
    """What `wetten haal --alle` (or `init --wetten`) fetched, per law; 2 when a law failed."""
    for wet in gehaald:
        if wet.fout:
            melding(f"{wet.wet} ({wet.bwb}): {wet.fout}")
            continue
        for tekst, doel, url in wet.opgeslagen:
            regel(f"Opgehaald: {url}")
            _opgeslagen(tekst, doel)
        for vanaf in wet.al_aanwezig:
            regel(f"Al aanwezig: {wet.wet} ({wet.bwb}), geldig vanaf {vanaf.isoformat()}")
    mislukt = [w.wet for w in gehaald if w.fout]
    regel(f"{len(gehaald)} wet(ten): {sum(len(w.opgeslagen) for w in gehaald)} versie(s) opgehaald, "
          f"{sum(len(w.al_aanwezig) for w in gehaald)} al aanwezig"
          + (f", mislukt: {', '.join(mislukt)}" if mislukt else "") + ".")
    return 2 if mislukt else 0


def _opgeslagen(tekst: Wettekst, doel: Path) -> None:
    titel = f" ({tekst.titel})" if tekst.titel else ""
    regel(f"Opgeslagen: {tekst.bwb}{titel}, geldig vanaf {tekst.geldig_vanaf.isoformat()}, "
          f"{len(tekst.artikelen)} artikel(en) → {doel}")
    for waarschuwing in tekst.waarschuwingen:
        melding(f"{doel}: waarschuwing: {waarschuwing}")


OPDRACHTEN = {
    "herleid": (_opties_herleid, herleid),
    "impact": (_opties_impact, impact_opdracht),
    "wetten": (_opties_wetten, wetten),
}


def _wetimpact(args: argparse.Namespace, kaders: KaderMap) -> int:
    """`impact --wet WEB --van-datum … --naar-datum …`: two versions of a law and the eisen on what changed."""
    from kaderdiff.recht.wetimpact import impact_tussen
    from kaderdiff.render.wetimpact_uit import FORMATEN, wetimpact_dict

    van, naar = _datum(args.van_datum), _datum(args.naar_datum)
    if args.wet is None or van is None or naar is None or args.artikel or args.wet_wijziging:
        raise KaderdiffFout("Geef bij een wetsvergelijking --wet, --van-datum en --naar-datum "
                            "(zonder --artikel en --wet-wijziging)")
    resultaat = impact_tussen(kaders, args.wet, van, naar)
    if args.uit is not None:
        from kaderdiff.pakket.documentmappen import schrijf_wetimpact

        # An output folder like the Staat's: empty or kaderdiff's own, replaced as a whole (uitvoer/atomair.py)
        schrijf_wetimpact(kaders, resultaat, args.uit, lees_formaten(args.formaat, FORMATEN))
    if args.als_json:
        _json(wetimpact_dict(resultaat))
        return 0
    toon_wetimpact(resultaat)
    if args.uit is not None:
        regel(f"Geschreven naar {args.uit}")
    return 0
