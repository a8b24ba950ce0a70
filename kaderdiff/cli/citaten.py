"""`kaderdiff citaten`: the law references in a text (a Ringen report, a Kamerbrief), each with its place,
its normalised citation and its Juriconnect link."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from json.encoder import encode_basestring  # what json.dumps(ensure_ascii=False) writes a string with
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kaderdiff.cli.gemeen import kadermap_pad, optie_kaders, regel
from kaderdiff.fouten import KaderdiffFout

if TYPE_CHECKING:
    from kaderdiff.model.wet import Wetregister
    from kaderdiff.recht.citaatzoeker import Alinea


def _opties(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("bestand", nargs="?", default="-", metavar="BESTAND",
                        help="tekstbestand (UTF-8) of .docx; '-' of niets: lees standaardinvoer")
    parser.add_argument("--json", dest="als_json", action="store_true", help="uitvoer als JSON")
    optie_kaders(parser)


def _als_tekst(data: bytes, naam: str) -> str:
    """UTF-8 bytes as text with line breaks as Python's text files read them ('\r\n' and '\r' become '\n')."""
    try:
        tekst = data.decode("utf-8")
    except UnicodeDecodeError as fout:
        regel_nr = data.count(b"\n", 0, fout.start) + 1
        raise KaderdiffFout(f"{naam} is geen UTF-8-tekst (regel {regel_nr}, byte {fout.start}); sla het op als "
                            "UTF-8 of als .docx") from None
    if "\r" in tekst:
        tekst = tekst.replace("\r\n", "\n").replace("\r", "\n")
    return tekst


def lees_alineas(bestand: str) -> tuple[Iterator[Alinea], str]:
    """The paragraphs to search and how to name the text; in a .docx every paragraph is one line (tracked
    deletions left out), in a text file paragraphs are separated by an empty line."""
    from kaderdiff.recht.citaatzoeker import alineas, alineas_uit

    if bestand == "-":
        # Bytes, not sys.stdin's own decoding: that follows the locale and may let invalid bytes through.
        buffer = getattr(sys.stdin, "buffer", None)
        data = buffer.read() if buffer is not None else sys.stdin.read().encode("utf-8", "surrogatepass")
        return alineas(_als_tekst(data, "De standaardinvoer")), "standaardinvoer"
    pad = Path(bestand)
    if not pad.is_file():
        raise KaderdiffFout(f"Bestand niet gevonden: {pad}")
    if pad.suffix.lower() == ".docx":
        from kaderdiff.bron.docxveilig import lees_docx
        from kaderdiff.word.documenttekst import alineateksten

        delen = alineateksten(lees_docx(pad))
        if delen is None:
            raise KaderdiffFout(f"{pad} heeft geen word/document.xml")
        return alineas_uit(delen), str(pad)
    return alineas(_als_tekst(pad.read_bytes(), str(pad))), str(pad)


def _vondsten(alineas: Iterator[Alinea], register: Wetregister) -> Iterator[dict[str, Any]]:
    """Every reference as the JSON output has it, paragraph by paragraph."""
    from kaderdiff.recht.citaatzoeker import Regels, vind_citaten
    from kaderdiff.verwijzing.citeren import citeer
    from kaderdiff.verwijzing.juriconnect import jci, link_van

    for alinea in alineas:
        regels: Regels | None = None
        for v in vind_citaten(alinea.tekst, register):
            regels = regels or Regels(alinea.tekst)
            r, k = regels.plaats(v.begin)
            verwijzingen = []
            for g in v.grondslagen:
                verwijzing = jci(g, register=register)
                verwijzingen.append({"wet": g.wet, "artikel": g.artikel, "lid": g.lid, "onderdeel": g.onderdeel,
                                     "citaat": citeer(g), "jci": verwijzing, "link": link_van(verwijzing)})
            yield {"regel": alinea.regel + r - 1, "kolom": k, "begin": alinea.begin + v.begin,
                   "eind": alinea.begin + v.eind, "tekst": v.tekst, "verwijzingen": verwijzingen}


def _json(waarde: Any, inspringing: str) -> str:
    """`waarde` as json.dumps(…, ensure_ascii=False, indent=2) writes it at `inspringing`: the same bytes, made
    directly (json's indenting encoder is pure Python and took a quarter of `citaten --json`)."""
    if isinstance(waarde, str):
        return encode_basestring(waarde)
    if isinstance(waarde, dict):
        binnen = inspringing + "  "
        delen = [f"{binnen}{encode_basestring(k)}: {_json(w, binnen)}" for k, w in waarde.items()]
        return "{\n" + ",\n".join(delen) + f"\n{inspringing}}}" if delen else "{}"
    if isinstance(waarde, list):
        binnen = inspringing + "  "
        delen = [binnen + _json(w, binnen) for w in waarde]
        return "[\n" + ",\n".join(delen) + f"\n{inspringing}]" if delen else "[]"
    if isinstance(waarde, int) and not isinstance(waarde, bool):
        return int.__repr__(waarde)  # as json writes an int (also for a subclass), without its encoder's cost
    return json.dumps(waarde)


def _schrijf_json(naam: str, vondsten: Iterator[dict[str, Any]]) -> None:
    """The same bytes as json.dumps({"bron": …, "vondsten": […]}, indent=2), written one finding at a time."""
    uit = sys.stdout
    uit.write('{\n  "bron": ' + encode_basestring(naam) + ',\n  "vondsten": [')
    scheiding = "\n"
    for vondst in vondsten:
        uit.write(scheiding + "    " + _json(vondst, "    "))
        scheiding = ",\n"
    uit.write("]\n}\n" if scheiding == "\n" else "\n  ]\n}\n")


def citaten(args: argparse.Namespace) -> int:
    from kaderdiff.bron.wetregister import register_voor

    alineas, naam = lees_alineas(args.bestand)
    kadermap = kadermap_pad(args)
    register = register_voor(kadermap if kadermap.is_dir() else None)  # the kadermap's own laws too, if any
    if args.als_json:
        _schrijf_json(naam, _vondsten(alineas, register))
        return 0
    vermeldingen = aantal = 0
    for vondst in _vondsten(alineas, register):
        regel(f"{naam}:{vondst['regel']}:{vondst['kolom']}  {vondst['tekst']}")
        for v in vondst["verwijzingen"]:
            regel(f"    {v['citaat']}" + (f"  {v['link']}" if v["link"] else ""))
        vermeldingen += 1
        aantal += len(vondst["verwijzingen"])
    regel(f"{aantal} verwijzing(en) in {vermeldingen} vermelding(en).")
    return 0


OPDRACHTEN = {"citaten": (_opties, citaten)}
