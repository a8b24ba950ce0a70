"""How `herleid` and `impact` show their results: on a terminal as Rich tables (never markup), elsewhere (a file,
a log, CI) as plain blocks with every text and link in full (`cli.tekstvorm`), without loading Rich."""

from __future__ import annotations

from kaderdiff.cli.gemeen import console
from kaderdiff.cli.tekstvorm import LEGENDA, blok, op_terminal, schrijf, woorddiff
from kaderdiff.nederlands import aantal
from kaderdiff.verwijzing.citeren import citeer

TYPE_CHECKING = False  # not `typing`: `herleid` loads nothing else that imports it (tests/cli/test_opstart.py)
if TYPE_CHECKING:
    from rich.text import Text

    from kaderdiff.model.wet import Wetregister
    from kaderdiff.recht.artikelherleiding import EisGeschiedenis
    from kaderdiff.recht.herleid import (
        EisHerleiding,
        RustendeEis,
        StandaardHerleiding,
        WetswijzigingImpact,
    )
    from kaderdiff.recht.termen import TermenEis
    from kaderdiff.recht.wetimpact import WetImpact


def _jaren(jaren: list[int]) -> str:
    return ", ".join(map(str, jaren)) or "–"


def _vet(tekst: str) -> Text:
    from rich.text import Text

    return Text(tekst, style="bold")


def _wettekst(eis: EisHerleiding) -> str:
    if not eis.grondslagen:
        return eis.geen_grondslag_uitleg
    return "\n".join((f"art. {g.grondslag.artikel}" + (f" ({g.artikeltitel})" if g.artikeltitel else "")
                      + f": {g.wettekst}") if g.wettekst else "(wettekst niet aanwezig)" for g in eis.grondslagen)


def toon_standaard(h: StandaardHerleiding) -> None:
    kop = f"{h.sector} {h.jaar} · {h.code} {h.titel}"
    if not op_terminal():
        blokken = []
        for eis in h.eisen:
            grond = ("\n".join(f"{g.citaat}\n{g.link}" if g.link else g.citaat for g in eis.grondslagen)
                     if eis.grondslagen else f"geen wettelijke grondslag; bron: {eis.geen_grondslag_bron}")
            blokken.append(blok(f"Eis {eis.id}", [("Tekst", eis.tekst), ("Grondslag", grond),
                                                  ("Wettekst", _wettekst(eis))]))
        schrijf(f"{kop} (peildatum {h.peildatum})", *blokken)
        return
    from rich.table import Table
    from rich.text import Text

    scherm = console()
    scherm.print(_vet(kop) + Text(f" (peildatum {h.peildatum})"))
    tabel = Table("Eis", "Tekst", "Grondslag", "Wettekst", show_lines=True)
    for eis in h.eisen:
        cel = Text()
        if eis.grondslagen:
            for i, g in enumerate(eis.grondslagen):
                cel.append(("\n" if i else "") + g.citaat)
                if g.link:
                    cel.append("\n")
                    cel.append(g.jci, style=f"link {g.link}")
        else:
            cel = Text("geen wettelijke grondslag", style="italic") + Text(f"\nbron: {eis.geen_grondslag_bron}")
        tabel.add_row(eis.id, eis.tekst, cel, _wettekst(eis))
    scherm.print(tabel)


def toon_termen(termen: list[TermenEis]) -> None:
    from kaderdiff.recht.termen import STAMMER, STAMMER_VERSIE

    titel = f"Herkomst van de termen (Snowball '{STAMMER}', snowballstemmer {STAMMER_VERSIE})"
    rijen = []
    for t in termen:
        uit = "\n".join(f"{x.woord} ({'; '.join(x.gevonden_in)})" for x in t.termen if x.gevonden_in) or "–"
        niet = ", ".join(t.niet_in_de_wet) or "–"
        if t.zonder_wettekst:
            niet += f"\n(geen wettekst opgeslagen voor: {'; '.join(t.zonder_wettekst)})"
        rijen.append((t.eis_id, uit, niet))
    if not op_terminal():
        schrijf(titel, *(blok(f"Eis {eis}", [("Uit de wet (waar)", uit), ("Niet in de geciteerde wettekst", niet)])
                         for eis, uit, niet in rijen))
        return
    from rich.table import Table

    tabel = Table("Eis", "Uit de wet (waar)", "Niet in de geciteerde wettekst", show_lines=True, title=titel)
    for rij in rijen:
        tabel.add_row(*rij)
    console().print(tabel)


def _verwijderd(g: EisGeschiedenis) -> str:
    if g.verwijderd_in is None:
        return "–"
    return f"{g.verwijderd_in}" + (" (eis vervallen)" if g.eis_vervallen else " (grondslag weg)")


def toon_artikel(citaat: str, lijst: list[EisGeschiedenis], verwijzing: str) -> None:
    """`herleid --artikel`: the eisen resting on the cited article (`citaat`, with the kadermap's registry)."""
    kop = f"Eisen die rusten op {citaat}"
    geen = "Geen enkele eis in de kaders rust op deze grondslag."
    if not op_terminal():
        blokken = []
        for g in lijst:
            laatste = g.voorkomens[-1]
            blokken.append(blok(f"{g.sector} · eis {g.eis_id}", [
                ("Standaard", f"{laatste.standaard} {laatste.standaard_titel}".strip()), ("Jaren", _jaren(g.jaren)),
                ("Eerst in", str(g.eerste_jaar)), ("Tekst gewijzigd", _jaren(g.tekst_gewijzigd)),
                ("Verwijderd", _verwijderd(g)), (f"Tekst {laatste.jaar}", laatste.tekst)]))
        schrijf(kop, verwijzing or "(geen link: de wet staat niet in het BWB)", *(blokken or [geen]),
                aantal(len(lijst), "eis", "eisen") + ".")
        return
    from rich.table import Table

    scherm = console()
    scherm.print(_vet(kop))
    if verwijzing:
        scherm.print(verwijzing)
    if not lijst:
        scherm.print(geen)
        return
    tabel = Table("Sector", "Eis", "Standaard", "Jaren", "Eerst in", "Tekst gewijzigd", "Verwijderd")
    tabel.columns[1].no_wrap = True
    for g in lijst:
        laatste = g.voorkomens[-1]
        tabel.add_row(g.sector, g.eis_id, f"{laatste.standaard} {laatste.standaard_titel}".strip(),
                      _jaren(g.jaren), str(g.eerste_jaar), _jaren(g.tekst_gewijzigd), _verwijderd(g))
    scherm.print(tabel)
    scherm.print(f"{aantal(len(lijst), 'eis', 'eisen')}; de volledige teksten staan in de uitvoer met --json "
                 "of buiten een terminal (kaderdiff herleid … > bestand.txt).")


def toon_impact(regels: list[RustendeEis], register: Wetregister) -> None:
    """`impact --wet --artikel`: the eisen to review, each by the number of its change in the Staat of its year."""
    standaarden = len({(r.sector, r.standaard) for r in regels})
    slot = (f"{aantal(len(regels), 'eis', 'eisen')} na te lopen in "
            f"{aantal(standaarden, 'standaard', 'standaarden')}.")
    if not op_terminal():
        schrijf(*(blok(f"{r.sector} {r.jaar} · {r.standaard} {r.standaard_titel}".strip(), [
            ("Wijziging", r.wijziging or f"geen: de eis is in {r.jaar} niet gewijzigd"),
            ("Grondslag", "\n".join(citeer(g, register) for g in r.grondslagen)),
            ("Tekst", r.eis_tekst)]) for r in regels),
            slot)
        return
    from rich.table import Table

    tabel = Table("Sector", "Jaar", "Standaard", "Wijziging", "Grondslag", "Tekst", show_lines=True)
    for r in regels:
        tabel.add_row(r.sector, str(r.jaar), f"{r.standaard} {r.standaard_titel}".strip(), r.wijziging or "–",
                      "\n".join(citeer(g, register) for g in r.grondslagen), r.eis_tekst)
    scherm = console()
    scherm.print(tabel)
    scherm.print(slot + " Wijziging: het nummer in de Staat van wijzigingen van dat jaar (– : niet gewijzigd).")


def _betreft(w: WetswijzigingImpact) -> list[tuple[str, str, str, str]]:
    """Per toelichting: sector, category, what it concerns (by change number), text."""
    rijen = []
    for t in w.toelichtingen:
        betreft = "\n".join((e.nummer or "zonder wijzigingsnummer") + (f" ({e.standaard})" if e.standaard else "")
                            + (" [vervallen]" if e.vervallen else "") for e in t.elementen)
        rijen.append((t.sector, t.categorie, betreft, t.tekst))
    return rijen


def toon_wetswijziging(w: WetswijzigingImpact) -> None:
    kop = (f"{w.code} {w.naam} · status {w.status or '–'} · inwerkingtreding {w.inwerkingtreding or '–'} · "
           f"kaders {w.jaar}: {', '.join(w.sectoren)}")
    geen = "Geen toelichtingen aan deze wetswijziging gekoppeld."
    if not op_terminal():
        blokken = [blok(f"{sector}: {categorie}", [("Betreft", betreft), ("Toelichting", tekst)])
                   for sector, categorie, betreft, tekst in _betreft(w)]
        schrijf(kop, *(blokken or [geen]))
        return
    from rich.table import Table

    scherm = console()
    scherm.print(_vet(kop))
    tabel = Table("Sector", "Categorie", "Betreft (wijziging in de Staat)", "Toelichting", show_lines=True)
    for rij in _betreft(w):
        tabel.add_row(*rij)
    scherm.print(tabel)
    if not w.toelichtingen:
        scherm.print(geen)


def toon_wetimpact(w: WetImpact) -> None:
    from kaderdiff.model.wijziging import ERBIJ, GELIJK, WEG
    from kaderdiff.render.wetimpact_uit import eis_regel, plaats_regels

    kop = f"{w.naam} ({w.bwb}): geldig vanaf {w.van.isoformat()} → geldig vanaf {w.naar.isoformat()}"
    geraakt = sum(1 for x in w.wijzigingen if x.eisen)
    slot = (f"{aantal(len(w.wijzigingen), 'wijziging', 'wijzigingen')} in de wet; {geraakt} daarvan "
            f"{'raakt' if geraakt == 1 else 'raken'} eisen in de kaders.")
    if not op_terminal():
        schrijf(kop, f"Wettekst WAS → WORDT: {LEGENDA}", *(blok(f"{x.nummer} ({x.soort})", [
            ("Plaats", plaats_regels(w, x)), ("Wettekst", woorddiff(x.diff)),
            ("Eisen die erop rusten", "\n".join(eis_regel(e) for e in x.eisen) or "–")]) for x in w.wijzigingen),
            slot)
        return
    from rich.table import Table
    from rich.text import Text

    scherm = console()
    scherm.print(_vet(f"{w.naam} ({w.bwb})") + Text(kop[len(f"{w.naam} ({w.bwb})"):]))
    tabel = Table("Nr", "Plaats", "Wettekst WAS → WORDT", "Eisen die erop rusten", show_lines=True)
    for wijziging in w.wijzigingen:
        diff = Text()
        for d in wijziging.diff:
            stijl = {GELIJK: "", WEG: "red strike", ERBIJ: "green underline"}[d.op]
            diff.append(d.tekst, style=stijl)
        tabel.add_row(f"{wijziging.nummer}\n{wijziging.soort}", plaats_regels(w, wijziging), diff,
                      "\n".join(eis_regel(e) for e in wijziging.eisen) or "–")
    scherm.print(tabel)
    scherm.print(slot)
