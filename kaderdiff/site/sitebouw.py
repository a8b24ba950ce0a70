"""`kaderdiff site`: the whole history of the kaders as a static website.

Sectors are built in forked worker processes (each writes its own pages: kaders, Staten, histories of
standaarden); this process then writes the pages across sectors: the start page, law articles,
wetswijzigingen, search and compare. Everything is built in a temporary folder and moved into place at the end.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

from kaderdiff import __version__
from kaderdiff.bron.versies import KaderMap
from kaderdiff.bron.wetregister import register_voor
from kaderdiff.fouten import KaderdiffFout
from kaderdiff.model.kader import Grondslag
from kaderdiff.model.versie import Herkomst, Versie
from kaderdiff.model.wet import Wetregister
from kaderdiff.recht.artikelherleiding import herleid_alle_artikelen
from kaderdiff.render.html_uit import omgeving
from kaderdiff.site import paden
from kaderdiff.site.sector import Sectoropdracht, Sectoruitkomst, Wetswijzigingregel, bouw_sector, context
from kaderdiff.site.staatbestanden import lees_pakket
from kaderdiff.site.wetpaginas import artikelen, artikelvolgorde, met_wettekst
from kaderdiff.uitvoer.atomair import atomaire_map, schrijf
from kaderdiff.uitvoer.parallel import bruikbare_processors, voer_uit
from kaderdiff.uitvoer.sjablonen import SJABLONEN
from kaderdiff.uitvoer.tijd import datum_van_tijdstip
from kaderdiff.verwijzing.citeren import lid_tekst
from kaderdiff.verwijzing.juriconnect import link

MANIFEST = "manifest.json"
#: Files copied as they are from templates/site/ into hulp/ (the style sheet is rendered: it holds the house style).
HULPBESTANDEN = ("zoeken.js", "vergelijk.js")


@dataclass(frozen=True)
class Siteverslag:
    """What was built, for the command's closing line."""

    doel: Path
    sectoren: tuple[str, ...]
    jaren: tuple[int, ...]
    paginas: int


def kies_jaren(kadermap: KaderMap, van: int | None, naar: int | None) -> list[int]:
    jaren = kadermap.jaren()
    for jaar, naam in ((van, "--van"), (naar, "--naar")):
        if jaar is not None and jaar not in jaren:
            raise KaderdiffFout(f"{naam} {jaar}: dat jaar bestaat niet in {kadermap.pad} "
                                f"(beschikbaar: {', '.join(map(str, jaren)) or 'geen'})")
    gekozen = [j for j in jaren if (van is None or j >= van) and (naar is None or j <= naar)]
    gekozen = [j for j in gekozen if kadermap.sectoren(Versie(j))]
    if not gekozen:
        raise KaderdiffFout(f"Geen kaders gevonden in {kadermap.pad} tussen {van or 'het begin'} en {naar or 'nu'}")
    return gekozen


def bouw_site(kadermap: KaderMap, doel: Path, van: int | None = None, naar: int | None = None,
              stap: Callable[[str], None] = lambda _: None, processen: int | None = None,
              pakket: Path | None = None) -> Siteverslag:
    """Build the site into `doel` (atomically): one worker per sector, then the shared pages. With `pakket` (a
    consultation pack built with pdf) the Staat pages of its years give the page of each change in its PDF."""
    jaren = kies_jaren(kadermap, van, naar)
    pakketstaten = lees_pakket(pakket) if pakket is not None else {}
    per_sector: dict[str, list[int]] = {}
    for jaar in jaren:
        for sector in kadermap.sectoren(Versie(jaar)):
            per_sector.setdefault(sector.lower(), []).append(jaar)
    herkomst = {j: kadermap.herkomst(Versie(j)) for j in jaren}
    moment = datum_van_tijdstip(kadermap.commitdatum(Versie(jaren[-1])))
    for sjabloon in ["staat.html.j2", *(f"site/{p.name}" for p in sorted((SJABLONEN / "site").glob("*.j2")))]:
        omgeving().get_template(sjabloon)  # compiled once, before the workers fork
    with atomaire_map(doel, kadermap.beschermd(doel)) as map_:
        opdrachten = [Sectoropdracht(kadermap.pad, s, tuple(js), map_, herkomst, moment,
                                     {(a, b): p for (sl, a, b), p in pakketstaten.items() if sl == s})
                      for s, js in sorted(per_sector.items())]
        gebruikt = {(s, a, b) for s, js in per_sector.items() for a, b in pairwise(js)}
        if pakketstaten and not gebruikt & set(pakketstaten):
            raise KaderdiffFout(f"--pakket {pakket}: geen Staat daarin hoort bij een jaarovergang van deze site "
                                f"({', '.join(f'{s} {a}→{b}' for s, a, b in pakketstaten)})")
        uitkomsten: list[Sectoruitkomst] = []
        for uitkomst in voer_uit(bouw_sector, opdrachten, processen or bruikbare_processors()):
            uitkomsten.append(uitkomst)
            stap(f"{uitkomst.sleutel.upper()}: klaar")
        ctx = context(opdrachten[0], "")
        paginas = sum(u.paginas for u in uitkomsten)
        paginas += _gedeelde_paginas(map_, uitkomsten, jaren, ctx, register_voor(kadermap.pad), kadermap.pad)
        stap("wetsartikelen, zoeken en vergelijken")
        schrijf(map_, MANIFEST, manifest(map_, jaren, herkomst, ctx))
    return Siteverslag(doel, tuple(u.sleutel.upper() for u in uitkomsten), tuple(jaren), paginas)


def _gedeelde_paginas(map_: Path, uitkomsten: list[Sectoruitkomst], jaren: list[int], ctx: dict[str, Any],
                      register: Wetregister, kadersdir: Path) -> int:
    env = omgeving()
    geschreven = 0

    def pagina(pad: str, sjabloon: str, **waarden: Any) -> None:
        nonlocal geschreven
        basis = "../" if "/" in pad else ""
        html = env.get_template(sjabloon).render(**{**ctx, "basis": basis}, **waarden)
        schrijf(map_, pad, html.encode("utf-8"))
        geschreven += 1

    for naam in HULPBESTANDEN:
        schrijf(map_, f"hulp/{naam}", (SJABLONEN / "site" / naam).read_bytes())
    schrijf(map_, paden.STIJL, env.get_template("site/site.css.j2").render().encode("utf-8"))
    paren = sorted({(s.van, s.naar) for u in uitkomsten for s in u.staten})
    pagina("index.html", "site/index.html.j2", uitkomsten=uitkomsten, jaren=jaren, paren=paren)

    kaderurl = {(u.sleutel.upper(), k.jaar): k.url for u in uitkomsten for k in u.kaders}
    peildatum = {(u.sleutel.upper(), k.jaar): k.peildatum for u in uitkomsten for k in u.kaders}
    wijzigingen = {(u.sleutel.upper(), jaar): rijen for u in uitkomsten for jaar, rijen in u.eiswijzigingen.items()}
    per_wet: dict[str, list[tuple[Grondslag, int]]] = {}
    per_sleutel = herleid_alle_artikelen({u.sleutel.upper(): list(u.eisen) for u in uitkomsten})
    for artikel, leden in artikelen(per_sleutel, kaderurl, wijzigingen=wijzigingen):
        leden = met_wettekst(artikel, leden, per_sleutel, peildatum, kadersdir, register)
        pagina(paden.artikel(artikel), "site/artikel.html.j2", artikel=artikel, wet=register.get(artikel.wet),
               leden=leden, lid_tekst=lid_tekst, juriconnect=link(artikel, register=register))
        aantal = len({(e.sector, e.eis_id) for lid in leden
                      for e in per_sleutel[Grondslag(artikel.wet, artikel.artikel, lid.lid)]})
        per_wet.setdefault(artikel.wet, []).append((artikel, aantal))
    per_wet = {wet: sorted(rijen, key=lambda r: artikelvolgorde(r[0].artikel)) for wet, rijen in per_wet.items()}
    pagina(paden.WETTEN, "site/wetten.html.j2", per_wet=sorted(per_wet.items()), wetten=register.per_code)

    regels = [r for u in uitkomsten for r in u.wetswijzigingen]
    per_code: dict[str, list[Wetswijzigingregel]] = {}
    for r in regels:
        per_code.setdefault(r.code, []).append(r)
    for code, rijen in per_code.items():
        pagina(paden.wetswijziging(code), "site/wetswijziging.html.j2", code=code,
               kaders=sorted((r for r in rijen if not r.nummer), key=lambda r: (r.jaar, r.vindplaats)),
               wijzigingen=sorted((r for r in rijen if r.nummer), key=lambda r: (r.jaar, r.url)))
    pagina(paden.WETSWIJZIGINGEN, "site/wetswijzigingen.html.j2", per_code=sorted(per_code.items()))

    schrijf(map_, paden.ZOEKINDEX, zoekindex(uitkomsten))
    pagina(paden.ZOEKEN, "site/zoeken.html.j2")
    pagina(paden.VERGELIJK, "site/vergelijk.html.j2", uitkomsten=uitkomsten, jaren=jaren)
    return geschreven


def manifest(map_: Path, jaren: list[int], herkomst: dict[int, Herkomst], ctx: dict[str, Any]) -> bytes:
    """What the site was built from (per year the commit, and whether the working tree differed) and the sha256
    of every file, like the pack's manifest."""
    bestanden = sorted(p for p in map_.rglob("*") if p.is_file())
    data = {
        "formaat": "kaderdiff-site/1",
        "gereedschap": {"naam": "kaderdiff", "versie": __version__},
        "datum": ctx["datum"].isoformat(),
        "jaren": [{"jaar": j, "commit": herkomst[j].commit, "werkmap_gewijzigd": herkomst[j].vuil} for j in jaren],
        "bestanden": [{"naam": p.relative_to(map_).as_posix(), "bytes": p.stat().st_size,
                       "sha256": hashlib.sha256(p.read_bytes()).hexdigest()} for p in bestanden],
    }
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def zoekindex(uitkomsten: list[Sectoruitkomst]) -> bytes:
    """All kader text for the search page: per sector its kader pages, a table of vindplaatsen and the entries
    [id, vindplaats number, text, years] (each wording of an element once); and per Staat page its changes
    [number, vindplaats number, kind and toelichtingen], so a change number or a toelichting is found too."""
    sectoren = []
    for u in uitkomsten:
        plaatsen: dict[str, int] = {}
        items = [[i, plaatsen.setdefault(plaats, len(plaatsen)), tekst, list(js)]
                 for i, plaats, tekst, js in u.zoekitems]
        staten = {url: [[n, plaatsen.setdefault(plaats, len(plaatsen)), tekst] for n, plaats, tekst in rijen]
                  for url, rijen in u.zoekrijen.items()}
        sectoren.append({"sleutel": u.sleutel, "naam": u.sleutel.upper(),
                         "kaders": {str(k.jaar): k.url for k in u.kaders}, "plaatsen": list(plaatsen), "items": items,
                         "staten": [{"url": s.url, "van": s.van, "naar": s.naar, "wijzigingen": staten[s.url]}
                                    for s in u.staten]})
    tekst = json.dumps({"sectoren": sectoren}, ensure_ascii=False, separators=(",", ":"))
    return f"window.KD_ZOEKINDEX={tekst};\n".encode()
