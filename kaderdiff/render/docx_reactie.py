"""The reactieformulier: one row per change number, empty columns for the Ringen's reactions."""

from __future__ import annotations

from datetime import datetime

from kaderdiff.model.wijziging import Staat
from kaderdiff.nederlands import nl_datum
from kaderdiff.render.teksten import referentie
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

KOLOMMEN = ["Nr", "Vindplaats", "Soort wijziging", "Organisatie", "Vraag of opmerking"]
BREEDTES_CM = [2.2, 6.0, 3.5, 4.0, 10.0]


def render_reactieformulier(staat: Staat, moment: datetime) -> bytes:
    titel = f"Reactieformulier {staat.nieuw.titel}"
    doc = nieuw_document(titel, moment, onderwerp=f"Consultatie {staat.sector} {staat.naar}")
    liggend(doc)
    commit = staat.herkomst[-1].commit if staat.herkomst else ""
    kenmerk = referentie(staat.sector, staat.nieuw.jaar, commit)
    paginanummers(doc, kenmerk)
    kopblok(doc, titel, [("Datum", nl_datum(moment.date())), ("Onze referentie", kenmerk)])
    doc.add_paragraph(
        "Gebruik per wijziging het nummer uit de Staat van wijzigingen (bijvoorbeeld "
        f"{staat.sector}-1). Vul de naam van uw organisatie en uw vraag of opmerking in. Opmerkingen over "
        "tekst die niet is gewijzigd kunt u kwijt in de laatste rij.")
    t = tabel(doc, KOLOMMEN, BREEDTES_CM)
    for w in staat.wijzigingen:
        cellen = nieuwe_rij(t)
        schrijf_regels(cellen[0], w.nummer)
        schrijf_regels(cellen[1], w.vindplaats)
        schrijf_regels(cellen[2], w.soort.label)
    cellen = nieuwe_rij(t)
    schrijf_regels(cellen[0], "–")
    schrijf_regels(cellen[1], "Opmerkingen over ongewijzigde tekst (vermeld hoofdstuk, paragraaf of standaard)")
    return opslaan(doc, moment)
