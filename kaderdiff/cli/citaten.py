"""`kaderdiff citaten`: the law references in a text (a Ringen report, a Kamerbrief), each with its place,
its normalised citation and its Juriconnect link."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from kaderdiff.cli.gemeen import kadermap_pad, optie_kaders, regel
from kaderdiff.fouten import KaderdiffFout


def _opties(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("bestand", nargs="?", default="-", metavar="BESTAND",
                        help="tekstbestand (UTF-8) of .docx; '-' of niets: lees standaardinvoer")
    parser.add_argument("--json", dest="als_json", action="store_true", help="uitvoer als JSON")
    optie_kaders(parser)


def lees_tekst(bestand: str) -> tuple[str, str]:
    """The text to search and how to name it; a .docx gives one line per paragraph (tracked deletions left out)."""
    if bestand == "-":
        return sys.stdin.read(), "standaardinvoer"
    pad = Path(bestand)
    if not pad.is_file():
        raise KaderdiffFout(f"Bestand niet gevonden: {pad}")
    if pad.suffix.lower() == ".docx":
        from kaderdiff.bron.docxveilig import lees_docx
        from kaderdiff.word.documenttekst import alineateksten

        alineas = alineateksten(lees_docx(pad))
        if alineas is None:
            raise KaderdiffFout(f"{pad} heeft geen word/document.xml")
        return "\n".join(alineas), str(pad)
    try:
        return pad.read_text(encoding="utf-8"), str(pad)
    except UnicodeDecodeError as fout:
        raise KaderdiffFout(f"{pad} is geen UTF-8-tekst (byte {fout.start}); sla het op als UTF-8 "
                            "of als .docx") from None


def citaten(args: argparse.Namespace) -> int:
    from kaderdiff.bron.wetregister import register_voor
    from kaderdiff.recht.citaatzoeker import Regels, zoek_citaten
    from kaderdiff.verwijzing.citeren import citeer
    from kaderdiff.verwijzing.juriconnect import jci, link

    tekst, naam = lees_tekst(args.bestand)
    kadermap = kadermap_pad(args)
    register = register_voor(kadermap if kadermap.is_dir() else None)  # the kadermap's own laws too, if any
    vondsten = zoek_citaten(tekst, register)
    regels = Regels(tekst)
    uit: list[dict[str, Any]] = []
    for v in vondsten:
        r, k = regels.plaats(v.begin)
        uit.append({"regel": r, "kolom": k, "begin": v.begin, "eind": v.eind, "tekst": v.tekst,
                    "verwijzingen": [{"wet": g.wet, "artikel": g.artikel, "lid": g.lid, "onderdeel": g.onderdeel,
                                      "citaat": citeer(g), "jci": jci(g, register=register),
                                      "link": link(g, register=register)} for g in v.grondslagen]})
    if args.als_json:
        regel(json.dumps({"bron": naam, "vondsten": uit}, ensure_ascii=False, indent=2))
        return 0
    for vondst in uit:
        regel(f"{naam}:{vondst['regel']}:{vondst['kolom']}  {vondst['tekst']}")
        for v in vondst["verwijzingen"]:
            regel(f"    {v['citaat']}" + (f"  {v['link']}" if v["link"] else ""))
    aantal = sum(len(v["verwijzingen"]) for v in uit)
    regel(f"{aantal} verwijzing(en) in {len(uit)} vermelding(en).")
    return 0


OPDRACHTEN = {"citaten": (_opties, citaten)}
