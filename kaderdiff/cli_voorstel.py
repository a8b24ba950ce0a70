"""`kaderdiff voorstel` (review a proposal) and `kaderdiff vergelijk-sectoren` (one standard across sectors)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from .cli import KadersOptie, kadermap_of_standaard, meld_fouten, uit
from .fouten import KaderdiffFout
from .render.gemeen import datum_van_tijdstip, grondslag_tekst
from .sectoren import render_sectoren_json, vergelijk_sectoren
from .tekstdiff import ERBIJ, GELIJK, WEG, DiffDeel
from .uitvoer import schrijf_atomair
from .versies import KaderMap, Versie
from .voorstel import Voorstel, beoordeel


def diff_tekst(delen: tuple[DiffDeel, ...], kant: int | None = None) -> Text:
    """A word diff for the terminal: deletions red struck, insertions green underlined."""
    t = Text()
    for d in delen:
        if d.op == GELIJK:
            t.append(d.tekst)
        elif d.op == WEG and kant in (None, WEG):
            t.append(d.tekst, style="red strike")
        elif d.op == ERBIJ and kant in (None, ERBIJ):
            t.append(d.tekst, style="green underline")
    return t


def toon_voorstel(v: Voorstel) -> None:
    uit.print(f"[bold]Voorstel {escape(v.ref)}[/] (commit {v.commit[:7]}) ten opzichte van {escape(v.basis)} "
              f"(gemeenschappelijke voorouder {v.merge_base[:7]}): {len(v.rijen)} wijziging(en)", highlight=False)
    for r in v.rijen:
        w = r.wijziging
        tabel = Table(title=f"{r.jaar} {w.nummer} — {w.soort.label}", show_header=False, expand=False)
        tabel.add_column(style="bold")
        tabel.add_column()
        tabel.add_row("Element", f"{w.element_id} ({w.element_soort})")
        tabel.add_row("Vindplaats", w.vindplaats)
        if r.standaard:
            tabel.add_row("Standaard", r.standaard)
        tabel.add_row("Tekst WAS", diff_tekst(w.tekstdiff, WEG))
        tabel.add_row("Tekst WORDT", diff_tekst(w.tekstdiff, ERBIJ))
        grondslag = "; ".join(grondslag_tekst(g) for g in w.grondslagen_wordt or w.grondslagen_was) or "-"
        tabel.add_row("Grondslag", grondslag + (" (gewijzigd door het voorstel)" if r.grondslag_gewijzigd
                                                else " (niet gewijzigd)"))
        for o in r.overeenkomsten:
            tabel.add_row(f"{o.sector}", Text(f"{o.beoordeling} (gelijkenis {o.score_was:.0f} → {o.score_wordt:.0f})\n")
                          + Text(o.tekst_voorstel or o.tekst_basis, style="dim"))
        for c in r.conflicten:
            tabel.add_row(Text("Conflict", style="bold red"), f"tak {c.tak} wijzigt ook {', '.join(c.element_ids)}")
        uit.print(tabel)


def schrijf_uitvoer(v: Voorstel, kadermap: KaderMap, als_json: bool, docx: Path | None) -> None:
    from .render.voorstel_uit import render_voorstel_docx, render_voorstel_json  # python-docx only when needed

    if docx is not None:
        commit = kadermap.repo.commit(v.commit) if kadermap.repo is not None else None
        moment = datum_van_tijdstip(int(commit.committed_date) if commit is not None else 0)
        docx.parent.mkdir(parents=True, exist_ok=True)
        schrijf_atomair(docx.resolve(), render_voorstel_docx(v, moment))
    if als_json:
        uit.out(render_voorstel_json(v).decode("utf-8"), end="", highlight=False)
    else:
        toon_voorstel(v)
        if docx is not None:
            uit.print(f"Bespreekstuk geschreven naar [bold]{escape(str(docx))}[/]", highlight=False)


def voorstel(
    ref: Annotated[str | None, typer.Argument(help="Het voorstel: een git-tak, tag of commit.")] = None,
    basis: Annotated[str, typer.Option(
        "--basis", help="Vergelijk met de gemeenschappelijke voorouder met deze tak.")] = "main",
    als_json: Annotated[bool, typer.Option("--json", help="Uitvoer als JSON.")] = False,
    docx: Annotated[Path | None, typer.Option("--docx", help="Schrijf een kort bespreekstuk (.docx).",
                                              dir_okay=False)] = None,
    uit_docx: Annotated[Path | None, typer.Option("--uit-docx", help="Lees een conceptkader (.docx) met "
                                                  "bijgehouden wijzigingen en maak er een voorstel-tak van.",
                                                  dir_okay=False)] = None,
    naam: Annotated[str | None, typer.Option("--naam", help="Naam van de nieuwe tak (bij --uit-docx).")] = None,
    kaders: KadersOptie = None,
) -> None:
    """Beoordeel een voorgestelde wijziging (git-tak of Word-document met bijgehouden wijzigingen)."""
    kadermap = KaderMap(kadermap_of_standaard(kaders))
    if uit_docx is not None:
        if ref is not None:
            raise KaderdiffFout("Geef een git-referentie of --uit-docx, niet allebei")
        if not naam:
            raise KaderdiffFout("Bij --uit-docx is --naam verplicht (bijv. --naam voorstel/mbo-bekwaam)")
        from .docx_import import importeer_docx

        resultaat = importeer_docx(kadermap, uit_docx, naam, basis)
        if not als_json:
            for commit in resultaat.commits:
                uit.print(f"Commit {commit.hexsha[:7]} van [bold]{escape(commit.auteur)}[/]: "
                          f"{commit.aantal} revisie(s) overgenomen", highlight=False)
            for n in resultaat.niet_overgenomen:
                uit.print(f"[bold red]Niet overgenomen[/] {escape(n.plaats)}: {escape(n.reden)} "
                          f"({escape(n.auteur)}: {escape(n.tekst)})", highlight=False)
        ref = naam
        if not resultaat.commits:
            if als_json:
                uit.out(resultaat.json(), end="", highlight=False)
            else:
                uit.print("Er zijn geen revisies overgenomen; er is geen tak gemaakt.")
            raise typer.Exit(1 if resultaat.niet_overgenomen else 0)
        v = beoordeel(kadermap, ref, basis)
        if als_json:
            uit.out(resultaat.json(v), end="", highlight=False)
            if docx is not None:
                schrijf_uitvoer(v, kadermap, False, docx)
            return
        schrijf_uitvoer(v, kadermap, False, docx)
        return
    if ref is None:
        raise KaderdiffFout("Geef het voorstel (een git-tak, tag of commit) of --uit-docx BESTAND.docx")
    schrijf_uitvoer(beoordeel(kadermap, ref, basis), kadermap, als_json, docx)


def vergelijk_sectoren_cmd(
    standaard: Annotated[str, typer.Argument(help="Standaardcode (bijv. OP1) of eis-id (bijv. st-ka1-e3).")],
    jaar: Annotated[str, typer.Option("--jaar", help="Jaar, of JAAR@REF voor een git-versie (bijv. 2026).")],
    als_json: Annotated[bool, typer.Option("--json", help="Uitvoer als JSON.")] = False,
    kaders: KadersOptie = None,
) -> None:
    """Zet de eisen van één standaard (of één eis) in alle sectoren naast elkaar."""
    kadermap = KaderMap(kadermap_of_standaard(kaders))
    resultaat = vergelijk_sectoren(kadermap, Versie.parse(jaar), standaard)
    if als_json:
        uit.out(render_sectoren_json(resultaat).decode("utf-8"), end="", highlight=False)
        return
    tabel = Table(title=f"{resultaat.zoek} in {', '.join(resultaat.sectoren)} ({resultaat.versie})", show_lines=True)
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
    uit.print(tabel)
    uit.print("Gemarkeerd ten opzichte van de eerste sector: doorgehaald = staat er niet, "
              "onderstreept = staat er extra.", highlight=False)


def registreer(app: typer.Typer) -> None:
    app.command("voorstel")(meld_fouten(voorstel))
    app.command("vergelijk-sectoren")(meld_fouten(vergelijk_sectoren_cmd))
