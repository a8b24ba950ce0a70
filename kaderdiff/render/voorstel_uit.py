"""A proposal review as JSON and as a short Word discussion document (Staat van wijzigingen style)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from kaderdiff.diff.tekstdiff import woorddiff
from kaderdiff.model.voorstelbeoordeling import VOORSTELNUMMER, Voorstel, VoorstelRij
from kaderdiff.model.wijziging import ERBIJ
from kaderdiff.nederlands import nl_datum
from kaderdiff.render.docx_staat import grondslag_regels
from kaderdiff.render.wastabel import BREEDTES_CM, was_wordt_rij, was_wordt_tabel
from kaderdiff.verwijzing.citeren import citeer
from kaderdiff.word import tabelxml
from kaderdiff.word.document import (
    kopblok,
    liggend,
    nieuw_document,
    opslaan,
    paginanummers,
    tabel,
)

SECTOR_KOLOMMEN = ["Sector", "Vindplaats", "Tekst vóór het voorstel", "Tekst met het voorstel", "Beoordeling"]


def _rij_dict(r: VoorstelRij) -> dict[str, Any]:
    w = r.wijziging
    return {
        "jaar": r.jaar,
        "sector": r.sector,
        "nummer": r.nummer,
        "soort": w.soort.value,
        "element_id": w.element_id,
        "ids": list(w.ids),
        "vindplaats": w.vindplaats,
        "standaard": r.standaard,
        "was": w.was,
        "wordt": w.wordt,
        "diff": [{"op": {0: "gelijk", -1: "weg", 1: "erbij"}[d.op], "tekst": d.tekst} for d in w.tekstdiff],
        "kenmerken": list(w.kenmerken),
        "grondslagen_was": [citeer(g) for g in w.grondslagen_was],
        "grondslagen_wordt": [citeer(g) for g in w.grondslagen_wordt],
        "grondslag_gewijzigd": r.grondslag_gewijzigd,
        "overeenkomsten": [
            {"sector": o.sector, "element_id": o.element_id, "vindplaats": o.vindplaats,
             "tekst_basis": o.tekst_basis, "tekst_voorstel": o.tekst_voorstel, "score_was": o.score_was,
             "score_wordt": o.score_wordt, "beoordeling": o.beoordeling}
            for o in r.overeenkomsten
        ],
        "conflicten": [{"tak": c.tak, "element_ids": list(c.element_ids)} for c in r.conflicten],
    }


def voorstel_dict(v: Voorstel) -> dict[str, Any]:
    return {"voorstel": v.ref, "titel": v.titel, "basis": v.basis, "merge_base": v.merge_base, "commit": v.commit,
            "commits": [{"commit": c.hexsha, "auteur": c.auteur, "datum": c.datum, "bericht": c.bericht.strip()}
                        for c in v.commits],
            "kaderbestanden": [{"jaar": k.jaar, "sector": k.sector, "soort": k.soort, "pad": k.pad, "eisen": k.eisen,
                                "omschrijving": k.omschrijving} for k in v.kaderbestanden],
            "samenvatting": v.samenvatting,
            "wijzigingen": [_rij_dict(r) for r in v.rijen]}


def render_voorstel_json(v: Voorstel) -> bytes:
    return (json.dumps(voorstel_dict(v), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _context_regels(r: VoorstelRij) -> list[str]:
    regels = [f"Standaard: {r.standaard}"] if r.standaard else []
    regels += grondslag_regels(r.wijziging, citeer)
    if r.wijziging.oud is not None and r.wijziging.nieuw is not None:
        regels.append("Grondslag gewijzigd door het voorstel." if r.grondslag_gewijzigd
                      else "Grondslag niet gewijzigd door het voorstel.")
    regels += list(r.wijziging.kenmerken)
    return regels


#: What the numbers of a proposal's rows mean.
NUMMERUITLEG = ("Nummers als MBO-6 zijn die van de Staat van wijzigingen van het jaar (op de basis); "
                f"{VOORSTELNUMMER}-1, {VOORSTELNUMMER}-2 … zijn wijzigingen die daar (nog) geen nummer hebben.")


def indiening(v: Voorstel) -> list[tuple[str, str]]:
    """Who proposes and why: the authors and the messages of the proposal's commits."""
    regels = [("Ingediend door", ", ".join(v.indieners))] if v.indieners else []
    for c in v.commits:
        regels.append((f"Commit {c.hexsha[:7]}", f"{c.bericht.strip()}\n({c.auteur}, {c.datum[:10]})"))
    return regels


def render_voorstel_docx(v: Voorstel, moment: datetime) -> bytes:
    """A short discussion document: the WAS/WORDT rows, cross-sector texts and conflicts."""
    titel = f"Voorstel: {v.titel}"
    doc = nieuw_document(titel, moment, onderwerp=f"Voorstel {v.ref} ten opzichte van {v.basis}")
    liggend(doc)
    kenmerk = f"KD-VOORSTEL-{v.commit[:7]}"
    paginanummers(doc, kenmerk)
    kopblok(doc, titel, [("Datum", nl_datum(moment.date())), ("Onze referentie", kenmerk),
                         ("Voorstel", f"tak {v.ref} (commit {v.commit[:7]})"),
                         ("Basis", f"{v.basis}, gemeenschappelijke voorouder {v.merge_base[:7]}")])
    if v.commits:
        doc.add_heading("Wie stelt voor en waarom", level=2)
        for label, tekst in indiening(v):
            p = doc.add_paragraph()
            p.add_run(f"{label}: ").bold = True
            p.add_run(tekst)
    if v.kaderbestanden:
        doc.add_heading("Hele kaders verwijderd of toegevoegd", level=2)
        for k in v.kaderbestanden:
            doc.add_paragraph().add_run(f"Let op: {k.omschrijving}.").bold = True
    if not v.rijen:
        doc.add_paragraph("Het voorstel wijzigt verder geen kadertekst." if v.kaderbestanden
                          else "Het voorstel wijzigt geen kadertekst.")
        return opslaan(doc, moment)
    doc.add_heading("Voorgestelde wijzigingen", level=2)
    doc.add_paragraph(NUMMERUITLEG)
    t = was_wordt_tabel(doc, "Vindplaats", "Standaard en grondslag")
    breedtes = tabelxml.kolombreedtes(t)
    tabelxml.voeg_rijen_toe(t, [
        was_wordt_rij(breedtes, f"{r.nummer} ({r.jaar})", r.wijziging.soort.label,
                      tabelxml.regels(f"{r.wijziging.vindplaats}\n({r.wijziging.element_soort} "
                                      f"{r.wijziging.element_id})"),
                      r.wijziging.tekstdiff, tabelxml.regels("\n".join(_context_regels(r))))
        for r in v.rijen])
    for r in v.rijen:
        if not r.overeenkomsten and not r.conflicten:
            continue
        doc.add_heading(f"{r.nummer} ({r.jaar}): andere sectoren en andere voorstellen", level=2)
        if r.overeenkomsten:
            st = tabel(doc, SECTOR_KOLOMMEN, BREEDTES_CM)
            tabelxml.voeg_rijen_toe(st, [tabelxml.rij(tabelxml.kolombreedtes(st), [
                tabelxml.regels(o.sector), tabelxml.regels(o.vindplaats),
                tabelxml.diff_alineas(woorddiff(r.wijziging.was, o.tekst_basis), ERBIJ),
                tabelxml.diff_alineas(woorddiff(r.wijziging.wordt, o.tekst_voorstel), ERBIJ),
                tabelxml.regels(f"{o.beoordeling}\n(gelijkenis {o.score_was:.0f} → {o.score_wordt:.0f})")])
                for o in r.overeenkomsten])
            doc.add_paragraph("Onderstreept: waar de tekst van de andere sector afwijkt van WAS (vóór) of WORDT (met).")
        for c in r.conflicten:
            doc.add_paragraph(f"Conflict: het voorstel op tak {c.tak} wijzigt ook {', '.join(c.element_ids)}.")
    return opslaan(doc, moment)
