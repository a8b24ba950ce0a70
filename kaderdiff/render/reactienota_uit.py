"""The reactienota of one sector as Word, HTML and JSON: every change of the Staat in its order, with page and
WAS/WORDT, every reaction under it, and two columns for the inspectie: 'Reactie inspectie' and 'Besluit'.

The Word nota is the working document: the inspectie fills in the two columns (in Word or LibreOffice) and
`kaderdiff reacties --verwerk` reads them back by the reactions' keys ('MBO-6.1') and the header rows below, so
the column names and the lines 'Concept' and 'Vergeleken met' (the commits the concept came from) are fixed.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from kaderdiff.model.reactie import BESLUITEN, Genoteerd, Reactienota
from kaderdiff.nederlands import nl_datum
from kaderdiff.render.html_uit import omgeving
from kaderdiff.render.teksten import referentie
from kaderdiff.render.wastabel import was_wordt_rij, was_wordt_tabel
from kaderdiff.word import tabelxml
from kaderdiff.word.document import (
    Worddocument,
    kopblok,
    liggend,
    nieuw_document,
    nieuwe_rij,
    opslaan,
    paginanummers,
    ruimte_na_alineas,
    schrijf_regels,
    tabel,
)

FORMAAT = "kaderdiff-reactienota/1"
#: The reactions' table: fixed names, `reacties --verwerk` finds the table and its columns by them.
KOLOMMEN = ["Nr", "Organisatie", "Reactie", "Bron", "Reactie inspectie", "Besluit"]
BREEDTES_CM = [2.0, 3.2, 7.6, 3.4, 6.5, 3.0]
#: The WAS/WORDT table of a change: Nr, Vindplaats, WAS, WORDT, Blz.
WAS_WORDT_CM = [2.2, 5.0, 8.5, 8.5, 1.5]
KOP_ALGEMEEN = "Algemene opmerkingen"
KOP_ONGEWIJZIGD = "Opmerkingen over ongewijzigde tekst"
KOP_NIET_GEPLAATST = "Niet te plaatsen"
ONDERWERP = "Reactienota"


def oorsprong(versie: str, commit: str) -> str:
    """'2026@ringen-concept (commit 3f2a…)': the version and the full commit it was read from."""
    return f"{versie} (commit {commit or 'onbekend'})"


def bron_met_reden(g: Genoteerd) -> str:
    return f"{g.reactie.bron}\nReden: {g.reden}" if g.reden else g.reactie.bron


def reactietabel(doc: Worddocument, reacties: tuple[Genoteerd, ...], met_antwoord: bool = True) -> None:
    """The reactions as a table with the inspectie's two columns (empty in the nota, filled in the verslag)."""
    t = tabel(doc, KOLOMMEN, BREEDTES_CM)
    for g in reacties:
        cellen = nieuwe_rij(t)
        waarden = [g.sleutel, g.reactie.organisatie, g.reactie.tekst, bron_met_reden(g),
                   g.antwoord if met_antwoord else "", g.besluit if met_antwoord else ""]
        for cel, waarde in zip(cellen, waarden, strict=True):
            schrijf_regels(cel, waarde)
    ruimte_na_alineas(t, 2)


def sectie(doc: Worddocument, kop: str, reacties: tuple[Genoteerd, ...]) -> None:
    """A section of reactions (general, unchanged text, not placeable): heading and table, or 'Geen.'."""
    doc.add_heading(kop, level=2)
    if reacties:
        reactietabel(doc, reacties)
    else:
        doc.add_paragraph("Geen.")


def kopregels(nota: Reactienota, moment: datetime) -> list[tuple[str, str]]:
    return [("Datum", nl_datum(moment.date())),
            ("Onze referentie", referentie(nota.sector, nota.jaar, nota.commit_naar)),
            ("Sector", nota.sector), ("Concept", oorsprong(nota.naar, nota.commit_naar)),
            ("Vergeleken met", oorsprong(nota.van, nota.commit_van)),
            ("Reacties", f"{nota.aantal} uit {len(nota.bestanden)} bestand(en)"),
            ("Niet te plaatsen", str(len(nota.niet_geplaatst)))]


def render_nota_docx(nota: Reactienota, moment: datetime) -> bytes:
    titel = f"Reactienota {nota.titel}"
    doc = nieuw_document(titel, moment, onderwerp=f"{ONDERWERP} {nota.sector} {nota.jaar}")
    liggend(doc)
    paginanummers(doc, f"Reactienota {referentie(nota.sector, nota.jaar, nota.commit_naar)}")
    kopblok(doc, titel, kopregels(nota, moment))
    doc.add_paragraph(
        "Deze nota zet de reacties van de Ringen op het concept bij de wijziging waarover ze gaan, in de volgorde "
        "van de Staat van wijzigingen. Vul per reactie de kolommen Reactie inspectie en Besluit in; het besluit is "
        f"een van: {', '.join(BESLUITEN)}. Verander de nummers in de kolom Nr niet. De ingevulde nota wordt het "
        "consultatieverslag met: kaderdiff reacties --verwerk NOTA.docx.")
    for waarschuwing in nota.waarschuwingen:
        doc.add_paragraph(f"Let op: {waarschuwing}")
    doc.add_heading("Reacties per wijziging", level=2)
    for nw in nota.wijzigingen:
        w = nw.wijziging
        doc.add_heading(f"{w.nummer} · {w.soort.label}" + (f" · blz. {nw.pagina}" if nw.pagina else ""), level=3)
        t = was_wordt_tabel(doc, "Vindplaats", "Blz.", breedtes_cm=WAS_WORDT_CM)
        breedtes = tabelxml.kolombreedtes(t)
        tabelxml.voeg_rijen_toe(t, [was_wordt_rij(breedtes, w.nummer, w.soort.label, tabelxml.regels(w.vindplaats),
                                                  w.tekstdiff, tabelxml.regels(str(nw.pagina or "")))])
        # a paragraph between the two tables: LibreOffice joins tables that touch into one
        doc.add_paragraph(f"Reacties op {w.nummer}:" if nw.reacties else "Geen reacties.")
        if nw.reacties:
            reactietabel(doc, nw.reacties)
    sectie(doc, KOP_ALGEMEEN, nota.algemeen)
    sectie(doc, KOP_ONGEWIJZIGD, nota.ongewijzigd)
    sectie(doc, KOP_NIET_GEPLAATST, nota.niet_geplaatst)
    doc.add_heading("Gelezen bestanden", level=2)
    for naam in nota.bestanden:
        doc.add_paragraph(naam, style="List Bullet")
    return opslaan(doc, moment)


def reactie_dict(g: Genoteerd) -> dict[str, Any]:
    r = g.reactie
    uit: dict[str, Any] = {"sleutel": g.sleutel, "nummer": r.nummer, "organisatie": r.organisatie, "tekst": r.tekst,
                           "bron": r.bron, "soort": r.soort}
    if g.reden:
        uit["reden"] = g.reden
    return uit


def nota_dict(nota: Reactienota) -> dict[str, Any]:
    return {
        "formaat": FORMAAT,
        "sector": nota.sector, "jaar": nota.jaar, "titel": nota.titel,
        "concept": {"versie": nota.naar, "commit": nota.commit_naar},
        "vergeleken_met": {"versie": nota.van, "commit": nota.commit_van},
        "bestanden": list(nota.bestanden),
        "waarschuwingen": list(nota.waarschuwingen),
        "wijzigingen": [{"nummer": nw.wijziging.nummer, "soort": nw.wijziging.soort.value,
                         "vindplaats": nw.wijziging.vindplaats, "pdf_pagina": nw.pagina, "was": nw.wijziging.was,
                         "wordt": nw.wijziging.wordt, "reacties": [g.sleutel for g in nw.reacties]}
                        for nw in nota.wijzigingen],
        "reacties": [reactie_dict(g) for g in (*(g for nw in nota.wijzigingen for g in nw.reacties),
                                               *nota.algemeen, *nota.ongewijzigd)],
        "niet_geplaatst": [reactie_dict(g) for g in nota.niet_geplaatst],
    }


def render_nota_json(nota: Reactienota) -> bytes:
    return (json.dumps(nota_dict(nota), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def render_nota_html(nota: Reactienota, moment: datetime) -> bytes:
    return omgeving().get_template("reactienota.html.j2").render(
        nota=nota, kopregels=kopregels(nota, moment), besluiten=BESLUITEN, bron_met_reden=bron_met_reden,
        koppen=(KOP_ALGEMEEN, KOP_ONGEWIJZIGD, KOP_NIET_GEPLAATST)).encode("utf-8")


def nota_bestanden(nota: Reactienota, moment: datetime) -> dict[str, bytes]:
    """File name -> bytes: the nota as docx, html and json."""
    basis = f"{nota.sector.lower()}-{nota.jaar}-reactienota"
    return {f"{basis}.docx": render_nota_docx(nota, moment), f"{basis}.html": render_nota_html(nota, moment),
            f"{basis}.json": render_nota_json(nota)}
