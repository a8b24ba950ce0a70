"""`kaderdiff citaten`: the law references in a text (a Ringen report, a Kamerbrief), each with its place,
its normalised citation and its Juriconnect link."""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime
from json.encoder import encode_basestring  # what json.dumps(ensure_ascii=False) writes a string with
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kaderdiff.cli.gemeen import kadermap_pad, optie_kaders, regel
from kaderdiff.fouten import KaderdiffFout
from kaderdiff.nederlands import eerste_datum, nl_datum

if TYPE_CHECKING:
    from kaderdiff.model.wet import Wetregister
    from kaderdiff.recht.citaatzoeker import Alinea


def _opties(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("bestand", nargs="?", default="-", metavar="BESTAND",
                        help="tekstbestand (UTF-8) of .docx; '-' of niets: lees standaardinvoer")
    parser.add_argument("--json", dest="als_json", action="store_true", help="uitvoer als JSON")
    parser.add_argument("--peildatum", default=None, metavar="JJJJ-MM-DD",
                        help="lees wetsnamen zoals ze op deze datum golden ('Wvo' in 2019: de WVO van 1968); "
                             "standaard: de eerste datum in de eerste regels van het document, anders vandaag")
    optie_kaders(parser)


#: How far the default peildatum is looked for: the lines of a letterhead or a report's title.
KOPREGELS, KOPTEKENS = 10, 2000
#: How the text output marks a reference whose law is not named with it, so a reader checks it.
MARKERING = {"context": "[wet uit de context]", "kop": "[wet uit de kop]"}


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


def peildatum_van(alineas: Iterator[Alinea], opgegeven: str | None) -> tuple[Iterator[Alinea], date, str]:
    """The date law names are read as of, and where it came from ('optie', 'document' or 'vandaag'): given, else
    the first date in the document's first lines (read ahead, then given back), else today (UTC)."""
    if opgegeven is not None:
        try:
            return alineas, date.fromisoformat(opgegeven), "optie"
        except ValueError:
            raise KaderdiffFout(f"Ongeldige --peildatum '{opgegeven}': schrijf JJJJ-MM-DD") from None
    vooraf: list[Alinea] = []
    regels = tekens = 0
    for alinea in alineas:
        vooraf.append(alinea)
        regels += alinea.tekst.count("\n") + 1
        tekens += len(alinea.tekst)
        if regels >= KOPREGELS or tekens >= KOPTEKENS:
            break
    kop = "\n".join(a.tekst for a in vooraf).split("\n")[:KOPREGELS]
    gevonden = eerste_datum("\n".join(kop)[:KOPTEKENS])
    terug = itertools.chain(vooraf, alineas)
    if gevonden is not None:
        return terug, gevonden, "document"
    return terug, datetime.now(UTC).date(), "vandaag"


def _vondsten(alineas: Iterator[Alinea], register: Wetregister, peildatum: date) -> Iterator[dict[str, Any]]:
    """Every reference as the JSON output has it, paragraph by paragraph."""
    from kaderdiff.recht.citaatcontext import vind_in_alineas
    from kaderdiff.recht.citaatzoeker import Regels
    from kaderdiff.verwijzing.citeren import citeer
    from kaderdiff.verwijzing.juriconnect import jci, link_van

    regels: Regels | None = None
    vorige: Alinea | None = None
    for alinea, v in vind_in_alineas(alineas, register, peildatum):
        if alinea is not vorige:
            regels, vorige = Regels(alinea.tekst), alinea
        assert regels is not None
        r, k = regels.plaats(v.begin)
        verwijzingen = []
        for g in v.grondslagen:
            wet = register.get(g.wet)
            # a law that lapsed: its link shows it as it read on the peildatum, not its last version
            datum = peildatum if wet is not None and wet.geldig_tot and wet.geldt_op(peildatum) else None
            verwijzing = jci(g, datum, register)
            verwijzingen.append({"wet": g.wet, "artikel": g.artikel, "lid": g.lid, "onderdeel": g.onderdeel,
                                 "citaat": citeer(g), "jci": verwijzing, "link": link_van(verwijzing)})
        yield {"regel": alinea.regel + r - 1, "kolom": k, "begin": alinea.begin + v.begin,
               "eind": alinea.begin + v.eind, "tekst": v.tekst, "wet_uit": v.wet_uit, "verwijzingen": verwijzingen}


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


def _schrijf_json(naam: str, peildatum: date, herkomst: str, vondsten: Iterator[dict[str, Any]]) -> None:
    """The same bytes as json.dumps({"bron": …, "peildatum": …, "peildatum_uit": …, "vondsten": […]}, indent=2),
    written one finding at a time."""
    uit = sys.stdout
    uit.write('{\n  "bron": ' + encode_basestring(naam) + ',\n  "peildatum": "' + peildatum.isoformat()
              + '",\n  "peildatum_uit": "' + herkomst + '",\n  "vondsten": [')
    scheiding = "\n"
    for vondst in vondsten:
        uit.write(scheiding + "    " + _json(vondst, "    "))
        scheiding = ",\n"
    uit.write("]\n}\n" if scheiding == "\n" else "\n  ]\n}\n")


def citaten(args: argparse.Namespace) -> int:
    from kaderdiff.bron.wetregister import register_voor

    alineas, naam = lees_alineas(args.bestand)
    alineas, peildatum, herkomst = peildatum_van(alineas, args.peildatum)
    kadermap = kadermap_pad(args)
    register = register_voor(kadermap if kadermap.is_dir() else None)  # the kadermap's own laws too, if any
    if args.als_json:
        _schrijf_json(naam, peildatum, herkomst, _vondsten(alineas, register, peildatum))
        return 0
    vermeldingen = aantal = uit_context = 0
    for vondst in _vondsten(alineas, register, peildatum):
        markering = MARKERING.get(vondst["wet_uit"], "")
        plaats = f"{naam}:{vondst['regel']}:{vondst['kolom']}"
        regel(f"{plaats}  {vondst['tekst']}" + (f"  {markering}" if markering else ""))
        for v in vondst["verwijzingen"]:
            regel(f"    {v['citaat']}" + (f"  {v['link']}" if v["link"] else ""))
        vermeldingen += 1
        aantal += len(vondst["verwijzingen"])
        uit_context += bool(markering)
    waarvan = (f"; bij {uit_context} vermelding(en) komt de wet uit de context of de kop: controleer die"
               if uit_context else "")
    bron = {"optie": "--peildatum", "document": "datum in het document", "vandaag": "vandaag"}[herkomst]
    regel(f"{aantal} verwijzing(en) in {vermeldingen} vermelding(en){waarvan}. Wetten gelezen zoals ze golden op "
          f"{nl_datum(peildatum)} ({bron}).")
    return 0


OPDRACHTEN = {"citaten": (_opties, citaten)}
