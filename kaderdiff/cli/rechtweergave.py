"""How `herleid` and `impact` draw their results in the terminal (Rich tables, never markup)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kaderdiff.cli.gemeen import console
from kaderdiff.model.kader import Grondslag
from kaderdiff.verwijzing.citeren import citeer

if TYPE_CHECKING:
    from rich.text import Text

    from kaderdiff.recht.herleid import EisGeschiedenis, StandaardHerleiding, WetswijzigingImpact
    from kaderdiff.recht.termen import TermenEis
    from kaderdiff.recht.wetimpact import WetImpact


def _jaren(jaren: list[int]) -> str:
    return ", ".join(map(str, jaren)) or "–"


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


def toon_termen(termen: list[TermenEis]) -> None:
    from rich.table import Table

    from kaderdiff.recht.termen import STAMMER, STAMMER_VERSIE

    tabel = Table("Eis", "Uit de wet (waar)", "Niet in de geciteerde wettekst", show_lines=True,
                  title=f"Herkomst van de termen (Snowball '{STAMMER}', snowballstemmer {STAMMER_VERSIE})")
    for t in termen:
        uit = "\n".join(f"{x.woord} ({'; '.join(x.gevonden_in)})" for x in t.termen if x.gevonden_in) or "–"
        niet = ", ".join(t.niet_in_de_wet) or "–"
        if t.zonder_wettekst:
            niet += f"\n(geen wettekst opgeslagen voor: {'; '.join(t.zonder_wettekst)})"
        tabel.add_row(t.eis_id, uit, niet)
    console().print(tabel)


def toon_artikel(gezocht: Grondslag, lijst: list[EisGeschiedenis], verwijzing: str) -> None:
    from rich.table import Table

    scherm = console()
    scherm.print(_vet(f"Eisen die rusten op {citeer(gezocht)}"))
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


def toon_wetimpact(w: WetImpact) -> None:
    from rich.table import Table
    from rich.text import Text

    from kaderdiff.model.wijziging import ERBIJ, GELIJK, WEG
    from kaderdiff.render.wetimpact_uit import eis_regel, plaats_regels

    scherm = console()
    scherm.print(_vet(f"{w.naam} ({w.bwb})") + Text(f": geldig vanaf {w.van.isoformat()} → geldig vanaf "
                                                    f"{w.naar.isoformat()}"))
    tabel = Table("Nr", "Plaats", "Wettekst WAS → WORDT", "Eisen die erop rusten", show_lines=True)
    for wijziging in w.wijzigingen:
        diff = Text()
        for d in wijziging.diff:
            stijl = {GELIJK: "", WEG: "red strike", ERBIJ: "green underline"}[d.op]
            diff.append(d.tekst, style=stijl)
        tabel.add_row(f"{wijziging.nummer}\n{wijziging.soort}", plaats_regels(w, wijziging), diff,
                      "\n".join(eis_regel(e) for e in wijziging.eisen) or "–")
    scherm.print(tabel)
    geraakt = sum(1 for x in w.wijzigingen if x.eisen)
    scherm.print(f"{len(w.wijzigingen)} wijziging(en) in de wet; {geraakt} daarvan raken eisen in de kaders.")
