"""The consultatieverslag of one sector as Word, HTML and JSON: per change number the reactions, the inspectie's
answer and decision, and (compared with the vastgestelde kader) whether its text changed after the consultation;
then the general remarks, those about unchanged text, those that could not be placed, and the changes made after
the consultation. It goes with the report of the consensusoverleg to the Tweede Kamer."""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime
from typing import Any

from kaderdiff.model.reactie import BESLUITEN, Consultatieverslag, Verslagwijziging
from kaderdiff.nederlands import nl_datum
from kaderdiff.render.html_uit import omgeving
from kaderdiff.render.reactienota_uit import (
    KOP_ALGEMEEN,
    KOP_NIET_GEPLAATST,
    KOP_ONGEWIJZIGD,
    bron_met_reden,
    reactie_dict,
    reactietabel,
    sectie,
)
from kaderdiff.word.document import (
    kopblok,
    liggend,
    nieuw_document,
    nieuwe_rij,
    opslaan,
    paginanummers,
    schrijf_regels,
    tabel,
)

FORMAAT = "kaderdiff-consultatieverslag/1"
OVERZICHT = ["Nr", "Vindplaats", "Reacties", "Besluiten", "Na de consultatie"]
OVERZICHT_CM = [2.2, 9.0, 2.0, 6.5, 6.0]
NIEUW = ["Nr", "Soort", "Vindplaats", "Tekst WAS", "Tekst WORDT"]
NIEUW_CM = [2.2, 2.8, 5.2, 7.75, 7.75]


def na_consultatie(w: Verslagwijziging) -> str:
    """What became of the change's text: '' when not compared."""
    if w.gewijzigd_na_consultatie is None:
        return ""
    if not w.gewijzigd_na_consultatie:
        return "ongewijzigd" + (f" (vastgesteld als {w.vastgesteld_nummer})" if w.vastgesteld_nummer else "")
    return "gewijzigd na consultatie" + (f" (vastgesteld als {w.vastgesteld_nummer})" if w.vastgesteld_nummer
                                         else " (teruggedraaid: de tekst is weer als vóór de wijziging)")


def besluiten(w: Verslagwijziging) -> str:
    telling = Counter(g.besluit or "geen besluit" for g in w.reacties)
    return ", ".join(f"{n}× {b}" for b, n in sorted(telling.items(), key=lambda kv: (kv[0] not in BESLUITEN, kv[0])))


def kopregels(verslag: Consultatieverslag, moment: datetime) -> list[tuple[str, str]]:
    telling = Counter(g.besluit for g in verslag.reacties)
    regels = [("Datum", nl_datum(moment.date())), ("Sector", verslag.sector), ("Concept", verslag.concept),
              ("Vergeleken met", verslag.vergeleken_met)]
    if verslag.vastgesteld:
        regels.append(("Vastgesteld", verslag.vastgesteld))
    regels.append(("Reacties", str(len(verslag.reacties))))
    regels.append(("Besluiten", ", ".join(f"{b} {telling[b]}" for b in BESLUITEN)
                   + (f", geen besluit {telling['']}" if telling[""] else "")))
    return regels


def render_verslag_docx(verslag: Consultatieverslag, moment: datetime) -> bytes:
    titel = f"Consultatieverslag {verslag.titel}"
    doc = nieuw_document(titel, moment, onderwerp=f"Consultatieverslag {verslag.sector} {verslag.jaar}")
    liggend(doc)
    paginanummers(doc, f"Consultatieverslag {verslag.sector} {verslag.jaar}")
    kopblok(doc, titel, kopregels(verslag, moment))
    doc.add_paragraph("Dit verslag geeft per wijziging de schriftelijke reacties van de Ringen op het concept, het "
                      "antwoord van de inspectie en haar besluit"
                      + (", en of de tekst na de consultatie is gewijzigd." if verslag.vastgesteld else "."))
    doc.add_heading("Overzicht", level=2)
    t = tabel(doc, OVERZICHT, OVERZICHT_CM)
    for w in verslag.wijzigingen:
        for cel, waarde in zip(nieuwe_rij(t), [w.nummer, w.vindplaats, str(len(w.reacties)), besluiten(w),
                                               na_consultatie(w)], strict=True):
            schrijf_regels(cel, waarde)
    doc.add_heading("Reacties per wijziging", level=2)
    for w in verslag.wijzigingen:
        doc.add_heading(f"{w.nummer} · {w.soort}" + (f" · blz. {w.pagina}" if w.pagina else ""), level=3)
        doc.add_paragraph(w.vindplaats)
        if w.gewijzigd_na_consultatie is not None:
            doc.add_paragraph(f"Na de consultatie: {na_consultatie(w)}.")
            if w.gewijzigd_na_consultatie:
                doc.add_paragraph(f"Tekst in het vastgestelde kader: {w.vastgesteld_wordt or '(vervallen)'}")
        if w.reacties:
            reactietabel(doc, w.reacties)
        else:
            doc.add_paragraph("Geen reacties.")
    sectie(doc, KOP_ALGEMEEN, verslag.algemeen)
    sectie(doc, KOP_ONGEWIJZIGD, verslag.ongewijzigd)
    sectie(doc, KOP_NIET_GEPLAATST, verslag.niet_geplaatst)
    if verslag.vastgesteld:
        doc.add_heading("Wijzigingen na de consultatie", level=2)
        if verslag.nieuw:
            t = tabel(doc, NIEUW, NIEUW_CM)
            for n in verslag.nieuw:
                for cel, waarde in zip(nieuwe_rij(t), [n.nummer, n.soort, n.vindplaats, n.was, n.wordt], strict=True):
                    schrijf_regels(cel, waarde)
        else:
            doc.add_paragraph("Geen: het vastgestelde kader heeft geen wijzigingen die het concept niet had.")
    return opslaan(doc, moment)


def verslag_dict(verslag: Consultatieverslag) -> dict[str, Any]:
    def reacties(gs: tuple[Any, ...]) -> list[dict[str, Any]]:
        return [{**{k: v for k, v in reactie_dict(g).items() if k != "soort"}, "antwoord": g.antwoord,
                 "besluit": g.besluit} for g in gs]

    return {
        "formaat": FORMAAT, "sector": verslag.sector, "jaar": verslag.jaar, "titel": verslag.titel,
        "concept": verslag.concept, "vergeleken_met": verslag.vergeleken_met,
        "vastgesteld": verslag.vastgesteld or None,
        "wijzigingen": [{"nummer": w.nummer, "soort": w.soort, "vindplaats": w.vindplaats,
                         "pdf_pagina": int(w.pagina) if w.pagina.isdigit() else None,
                         "was": w.was, "wordt": w.wordt, "reacties": reacties(w.reacties),
                         "gewijzigd_na_consultatie": w.gewijzigd_na_consultatie,
                         "vastgesteld_nummer": w.vastgesteld_nummer or None,
                         "vastgesteld_wordt": w.vastgesteld_wordt if w.gewijzigd_na_consultatie else None}
                        for w in verslag.wijzigingen],
        "algemeen": reacties(verslag.algemeen), "ongewijzigd": reacties(verslag.ongewijzigd),
        "niet_geplaatst": reacties(verslag.niet_geplaatst),
        "nieuw_na_consultatie": [{"nummer": n.nummer, "soort": n.soort, "vindplaats": n.vindplaats, "was": n.was,
                                  "wordt": n.wordt} for n in verslag.nieuw],
    }


def verslag_bestanden(verslag: Consultatieverslag, moment: datetime) -> dict[str, bytes]:
    """File name -> bytes: the verslag as docx, html and json."""
    basis = f"{verslag.sector.lower()}-{verslag.jaar}-consultatieverslag"
    html = omgeving().get_template("consultatieverslag.html.j2").render(
        verslag=verslag, kopregels=kopregels(verslag, moment), na_consultatie=na_consultatie, besluiten=besluiten,
        bron_met_reden=bron_met_reden, koppen=(KOP_ALGEMEEN, KOP_ONGEWIJZIGD, KOP_NIET_GEPLAATST))
    return {f"{basis}.docx": render_verslag_docx(verslag, moment), f"{basis}.html": html.encode("utf-8"),
            f"{basis}.json": (json.dumps(verslag_dict(verslag), ensure_ascii=False, indent=2) + "\n").encode("utf-8")}
