"""`kaderdiff voorstel` (review a proposal) and `kaderdiff vergelijk-sectoren` (one standard across sectors)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kaderdiff.cli.gemeen import console, kadermap, optie_kaders, regel
from kaderdiff.cli.tekstvorm import LEGENDA, blok, op_terminal, schrijf, woorddiff
from kaderdiff.fouten import KaderdiffFout
from kaderdiff.model.versie import Versie
from kaderdiff.model.voorstelbeoordeling import Voorstel, VoorstelRij
from kaderdiff.model.wijziging import ERBIJ, GELIJK, WEG, DiffDeel
from kaderdiff.verwijzing.citeren import citeer

FORMATEN = ("tekst", "json", "markdown")

if TYPE_CHECKING:
    from rich.text import Text

    from kaderdiff.bron.versies import KaderMap


def diff_tekst(delen: tuple[DiffDeel, ...], kant: int | None = None) -> Text:
    """A word diff for the terminal: deletions red struck, insertions green underlined."""
    from rich.text import Text

    t = Text()
    for d in delen:
        if d.op == GELIJK:
            t.append(d.tekst)
        elif d.op == WEG and kant in (None, WEG):
            t.append(d.tekst, style="red strike")
        elif d.op == ERBIJ and kant in (None, ERBIJ):
            t.append(d.tekst, style="green underline")
    return t


def _velden(v: Voorstel, r: VoorstelRij, diff: Callable[[tuple[DiffDeel, ...], int], object]) -> list[tuple[str, Any]]:
    """The fields of one row, the word diff drawn by `diff` (Rich text on a terminal, marks elsewhere)."""
    w = r.wijziging
    velden: list[tuple[str, Any]] = [("Element", f"{w.element_id} ({w.element_soort})"), ("Vindplaats", w.vindplaats)]
    if r.standaard:
        velden.append(("Standaard", r.standaard))
    velden += [("Tekst WAS", diff(w.tekstdiff, WEG)), ("Tekst WORDT", diff(w.tekstdiff, ERBIJ))]
    grondslag = "; ".join(citeer(g) for g in w.grondslagen_wordt or w.grondslagen_was) or "-"
    velden.append(("Grondslag", grondslag + (" (gewijzigd door het voorstel)" if r.grondslag_gewijzigd
                                             else " (niet gewijzigd)")))
    velden += [(o.sector, f"{o.beoordeling} (gelijkenis {o.score_was:.0f} → {o.score_wordt:.0f})\n"
                          f"{o.tekst_voorstel or o.tekst_basis}") for o in r.overeenkomsten]
    velden += [("Conflict", f"tak {c.tak} wijzigt ook {', '.join(c.element_ids)}") for c in r.conflicten]
    return velden


def _kop(v: Voorstel) -> str:
    return (f"Voorstel: {v.titel}\nTak {v.ref} (commit {v.commit[:7]}) ten opzichte van {v.basis} "
            f"(gemeenschappelijke voorouder {v.merge_base[:7]}): {v.samenvatting}")


def toon_voorstel(v: Voorstel) -> None:
    from kaderdiff.render.voorstel_uit import NUMMERUITLEG, indiening

    let_op = [f"LET OP: {k.omschrijving}" for k in v.kaderbestanden]  # first: a whole kader is no wording change
    if not op_terminal():
        indieners = [blok("Wie stelt voor en waarom", indiening(v))] if v.commits else []
        schrijf(*(["\n".join(let_op)] if let_op else []), _kop(v), *indieners,
                f"{NUMMERUITLEG} Tekst WAS en WORDT: {LEGENDA}",
                *(blok(f"{r.nummer} ({r.jaar}) — {r.wijziging.soort.label}",
                       [(k, str(w)) for k, w in _velden(v, r, woorddiff)]) for r in v.rijen))
        return
    from rich.table import Table
    from rich.text import Text

    scherm = console()
    for regel_ in let_op:
        scherm.print(Text(regel_, style="bold red"))
    titel, rest = _kop(v).split("\n", 1)
    scherm.print(Text(titel, style="bold"))
    scherm.print(rest)
    for label, tekst in indiening(v):
        scherm.print(Text(f"{label}: ", style="bold") + Text(tekst))
    if v.rijen:
        scherm.print(NUMMERUITLEG)
    for r in v.rijen:
        tabel = Table(title=f"{r.nummer} ({r.jaar}) — {r.wijziging.soort.label}", show_header=False, expand=False)
        tabel.add_column(style="bold")
        tabel.add_column()
        for label, waarde in _velden(v, r, diff_tekst):
            tabel.add_row(Text(label, style="bold red") if label == "Conflict" else label, waarde)
        scherm.print(tabel)


def _opties_voorstel(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("ref", nargs="?", default=None, metavar="REF", help="het voorstel: een git-tak, tag of commit")
    parser.add_argument("--basis", default="main", help="vergelijk met de gemeenschappelijke voorouder met deze tak")
    parser.add_argument("--json", dest="als_json", action="store_true", help="uitvoer als JSON (= --formaat json)")
    parser.add_argument("--formaat", choices=FORMATEN, default="tekst",
                        help="tekst (standaard), json, of markdown: voor een reactie bij een merge request")
    parser.add_argument("--limiet", type=int, default=None, metavar="TEKENS",
                        help="bij markdown: hoogstens zoveel tekens (standaard 65536, de grens van GitHub; 0: geen); "
                             "een langere beoordeling wordt ingekort")
    parser.add_argument("--volledig", default=None, metavar="ADRES",
                        help="bij markdown: waar de hele beoordeling staat, genoemd onder een ingekorte "
                             "(standaard: de omgevingsvariabele KADERDIFF_VOLLEDIG_URL)")
    parser.add_argument("--docx", type=Path, default=None, metavar="BESTAND",
                        help="schrijf een kort bespreekstuk (.docx)")
    parser.add_argument("--uit-docx", dest="uit_docx", type=Path, default=None, metavar="BESTAND",
                        help="lees een conceptkader (.docx) met bijgehouden wijzigingen en maak er "
                             "een voorstel-tak van")
    parser.add_argument("--naam", default=None, help="naam van de nieuwe tak (bij --uit-docx)")
    optie_kaders(parser)


def voorstel(args: argparse.Namespace) -> int:
    from kaderdiff.voorstel.beoordeling import beoordeel  # GitPython and rapidfuzz: not for `voorstel -h`

    kaders = kadermap(args)
    if args.als_json:
        args.formaat = "json"
    args.als_json = args.formaat == "json"
    if args.formaat == "markdown" and args.uit_docx is not None:
        raise KaderdiffFout("--formaat markdown gaat niet samen met --uit-docx: maak eerst de tak, "
                            f"en beoordeel die met 'kaderdiff voorstel {args.naam or 'TAK'} --formaat markdown'")
    if args.limiet is not None and args.limiet < 0:
        raise KaderdiffFout(f"--limiet {args.limiet}: geef een aantal tekens (0 of meer)")
    if args.uit_docx is not None:
        return _voorstel_uit_docx(args, kaders)
    if args.ref is None:
        raise KaderdiffFout("Geef het voorstel (een git-tak, tag of commit) of --uit-docx BESTAND.docx")
    if args.docx is not None:
        from kaderdiff.pakket.documentmappen import controleer_bespreekstuk

        controleer_bespreekstuk(args.docx, kaders)
    v = beoordeel(kaders, args.ref, args.basis)
    if args.docx is not None:
        from kaderdiff.pakket.documentmappen import schrijf_bespreekstuk

        schrijf_bespreekstuk(v, kaders, args.docx)
    if args.formaat == "json":
        from kaderdiff.render.voorstel_uit import render_voorstel_json

        regel(render_voorstel_json(v).decode("utf-8").rstrip("\n"))
        return 0
    if args.formaat == "markdown":
        from kaderdiff.render.voorstel_markdown import LIMIET, render_voorstel_markdown

        volledig = args.volledig if args.volledig is not None else os.environ.get("KADERDIFF_VOLLEDIG_URL", "")
        sys.stdout.write(render_voorstel_markdown(v, LIMIET if args.limiet is None else args.limiet, volledig))
        return 0
    toon_voorstel(v)
    if args.docx is not None:
        regel(f"Bespreekstuk geschreven naar {args.docx}")
    return 0


def _voorstel_uit_docx(args: argparse.Namespace, kaders: KaderMap) -> int:
    from kaderdiff.voorstel.beoordeling import beoordeel
    from kaderdiff.voorstel.uit_docx import importeer_docx

    if args.ref is not None:
        raise KaderdiffFout("Geef een git-referentie of --uit-docx, niet allebei")
    if not args.naam:
        raise KaderdiffFout("Bij --uit-docx is --naam verplicht (bijv. --naam voorstel/mbo-bekwaam)")
    if args.docx is not None:
        from kaderdiff.pakket.documentmappen import controleer_bespreekstuk

        controleer_bespreekstuk(args.docx, kaders)
    resultaat = importeer_docx(kaders, args.uit_docx, args.naam, args.basis)
    if not args.als_json:
        for commit in resultaat.commits:
            regel(f"Commit {commit.hexsha[:7]} van {commit.auteur}: {commit.aantal} revisie(s) overgenomen")
        for n in resultaat.niet_overgenomen:
            regel(f"Niet overgenomen {n.plaats}: {n.reden} ({n.auteur}: {n.tekst})")
    if not resultaat.commits:
        if args.als_json:
            regel(json.dumps(resultaat.dict(), ensure_ascii=False, indent=2))
        else:
            regel("Er zijn geen revisies overgenomen; er is geen tak gemaakt.")
        return 1 if resultaat.niet_overgenomen else 0
    v = beoordeel(kaders, args.naam, args.basis)
    if args.docx is not None:
        from kaderdiff.pakket.documentmappen import schrijf_bespreekstuk

        schrijf_bespreekstuk(v, kaders, args.docx)
    if args.als_json:
        from kaderdiff.render.voorstel_uit import voorstel_dict

        regel(json.dumps({**resultaat.dict(), "beoordeling": voorstel_dict(v)}, ensure_ascii=False, indent=2))
        return 0
    toon_voorstel(v)
    if args.docx is not None:
        regel(f"Bespreekstuk geschreven naar {args.docx}")
    return 0


def _opties_sectoren(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("standaard", metavar="STANDAARD", help="standaardcode (bijv. OP1) of eis-id (bijv. st-ka1-e3)")
    parser.add_argument("--jaar", required=True, help="jaar, of JAAR@REF voor een git-versie (bijv. 2026)")
    parser.add_argument("--json", dest="als_json", action="store_true", help="uitvoer als JSON")
    optie_kaders(parser)


#: What the marks of `vergelijk-sectoren` mean: each sector against the first.
SECTORLEGENDA = "ten opzichte van de eerste sector"


def vergelijk_sectoren_opdracht(args: argparse.Namespace) -> int:
    from kaderdiff.diff.sectoren import vergelijk_sectoren

    resultaat = vergelijk_sectoren(kadermap(args), Versie.parse(args.jaar), args.standaard)
    if args.als_json:
        from kaderdiff.render.sectoren_uit import render_sectoren_json

        regel(render_sectoren_json(resultaat).decode("utf-8").rstrip("\n"))
        return 0
    titel = f"{resultaat.zoek} in {', '.join(resultaat.sectoren)} ({resultaat.versie})"
    if not op_terminal():
        koppen = [f"{s} ({t})" if t else s for s, t in zip(resultaat.sectoren, resultaat.titels, strict=True)]
        blokken = [blok(f"Eis {rij.sleutel}", [(kop, "(ontbreekt)" if cel is None else woorddiff(cel.diff) if cel.diff
                                                 else cel.tekst) for kop, cel in zip(koppen, rij.cellen, strict=True)])
                   for rij in resultaat.rijen]
        schrijf(titel, f"Gemarkeerd {SECTORLEGENDA}: {LEGENDA}", *blokken)
        return 0
    from rich.table import Table
    from rich.text import Text

    tabel = Table(title=titel, show_lines=True)
    tabel.add_column("Eis")
    for s, titel in zip(resultaat.sectoren, resultaat.titels, strict=True):
        tabel.add_column(f"{s}\n{titel}" if titel else s)
    for rij in resultaat.rijen:
        cellen: list[Text | str] = [rij.sleutel]
        for cel in rij.cellen:
            if cel is None:
                cellen.append(Text("(ontbreekt)", style="dim"))
            else:
                cellen.append(diff_tekst(cel.diff) if cel.diff else Text(cel.tekst))
        tabel.add_row(*cellen)
    scherm = console()
    scherm.print(tabel)
    scherm.print(f"Gemarkeerd {SECTORLEGENDA}: doorgehaald = staat er niet, onderstreept = staat er extra.")
    return 0


OPDRACHTEN = {
    "voorstel": (_opties_voorstel, voorstel),
    "vergelijk-sectoren": (_opties_sectoren, vergelijk_sectoren_opdracht),
}
