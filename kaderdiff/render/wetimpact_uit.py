"""A law change and the eisen resting on it, as docx, html and json (like a Staat van wijzigingen).

Each row: the number (WEB-1 …), the place in the law (was/wordt when renumbered), the kind of change,
the law text WAS and WORDT with the word diff marked, and every eis in every sector and year that rests
on that place, with its standard and its grondslag.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from kaderdiff.model.wijziging import ERBIJ, WEG
from kaderdiff.nederlands import aantal, nl_datum
from kaderdiff.recht.herleid import RustendeEis
from kaderdiff.recht.wetimpact import Plaats, WetImpact, WetWijziging, plaats_tekst
from kaderdiff.render.html_uit import omgeving
from kaderdiff.render.wastabel import was_wordt_rij, was_wordt_tabel
from kaderdiff.verwijzing.citeren import citeer
from kaderdiff.verwijzing.juriconnect import link
from kaderdiff.word import tabelxml

FORMAAT = "kaderdiff-wetimpact/1"
FORMATEN = ("docx", "html", "json")
#: The law's places are longer and the eisen resting on them need room: wider than the Staat's columns.
BREEDTES_CM = [2.4, 4.2, 6.6, 6.6, 5.9]


def basisnaam(impact: WetImpact) -> str:
    return f"{impact.wet.lower()}-{impact.van.isoformat()}-{impact.naar.isoformat()}-wetimpact"


def titel_van(impact: WetImpact) -> str:
    return f"Wijzigingen in de {impact.naam} en de eisen die erop rusten"


def plaats_regels(impact: WetImpact, w: WetWijziging) -> str:
    """'artikel 7.4.5, derde lid, van de WEB' (and 'was: …' when renumbered)."""
    wordt = plaats_tekst(impact.wet, w.wordt)
    was = plaats_tekst(impact.wet, w.was)
    if w.was is not None and w.wordt is not None and w.was != w.wordt:
        return f"{wordt}\nwas: {was}"
    return wordt or was


def eis_regel(e: RustendeEis) -> str:
    """An eis resting on the law: where (sector, year, standaard, and its change number when it changed that year),
    its text and its grondslag; not its id, which a reader does not know."""
    nummer = f" · {e.wijziging}" if e.wijziging else ""
    return (f"{e.sector} {e.jaar} · {e.standaard}{nummer}: {e.eis_tekst} "
            f"({'; '.join(citeer(g) for g in e.grondslagen)})")


def _plaats(impact: WetImpact, p: Plaats | None, datum_: Any) -> dict[str, str] | None:
    if p is None:
        return None
    g = p.grondslag(impact.wet)
    return {"artikel": p.artikel, "lid": p.lid, "onderdeel": p.onderdeel, "niveau": p.niveau,
            "citaat": citeer(g), "link": link(g, datum_)}


def wetimpact_dict(impact: WetImpact) -> dict[str, Any]:
    return {
        "formaat": FORMAAT,
        "wet": impact.wet, "naam": impact.naam, "bwb": impact.bwb,
        "van": impact.van.isoformat(), "naar": impact.naar.isoformat(),
        "bron_van": impact.bron_van, "bron_naar": impact.bron_naar,
        "samenvatting": {
            "aantal": len(impact.wijzigingen),
            "met_eisen": [w.nummer for w in impact.wijzigingen if w.eisen],
        },
        "wijzigingen": [{
            "nummer": w.nummer, "soort": w.soort, "niveau": w.plaats.niveau,
            "was": _plaats(impact, w.was, impact.van), "wordt": _plaats(impact, w.wordt, impact.naar),
            "tekst_was": w.tekst_was, "tekst_wordt": w.tekst_wordt,
            "woorddiff": [{"op": {WEG: "weg", ERBIJ: "erbij"}.get(d.op, "gelijk"), "tekst": d.tekst} for d in w.diff],
            "eisen": [{"sector": e.sector, "jaar": e.jaar, "standaard": e.standaard,
                       "standaard_titel": e.standaard_titel, "eis": e.eis_id, "wijziging": e.wijziging,
                       "tekst": e.eis_tekst,
                       "grondslagen": [citeer(g) for g in e.grondslagen]} for e in w.eisen],
        } for w in impact.wijzigingen],
    }


def render_json(impact: WetImpact) -> bytes:
    return (json.dumps(wetimpact_dict(impact), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def render_html(impact: WetImpact, moment: datetime) -> bytes:
    html = omgeving().get_template("wetimpact.html.j2").render(
        impact=impact, titel=titel_van(impact), datum=moment.date(), plaats=plaats_regels, eis_regel=eis_regel)
    return html.encode("utf-8")


def render_docx(impact: WetImpact, moment: datetime) -> bytes:
    from kaderdiff.word.document import (
        kopblok,
        liggend,
        nieuw_document,
        opslaan,
        paginanummers,
    )

    titel = titel_van(impact)
    doc = nieuw_document(titel, moment, onderwerp=f"{impact.wet} {impact.van.isoformat()} → {impact.naar.isoformat()}")
    liggend(doc)
    kenmerk = f"KD-{impact.wet}-{impact.van.isoformat()}-{impact.naar.isoformat()}"
    paginanummers(doc, kenmerk)
    kopblok(doc, titel, [("Datum", nl_datum(moment.date())), ("Onze referentie", kenmerk),
                         ("Vergeleken", f"{impact.bwb} geldig vanaf {nl_datum(impact.van)} met geldig vanaf "
                                        f"{nl_datum(impact.naar)}")])
    geraakt = sum(1 for w in impact.wijzigingen if w.eisen)
    doc.add_paragraph(f"{aantal(len(impact.wijzigingen), 'wijziging', 'wijzigingen')} in de wet; {geraakt} "
                      f"{'raakt' if geraakt == 1 else 'raken'} eisen in de kaders.")
    t = was_wordt_tabel(doc, "Plaats in de wet", "Eisen die erop rusten", "Wettekst WAS", "Wettekst WORDT",
                        BREEDTES_CM)
    breedtes = tabelxml.kolombreedtes(t)
    tabelxml.voeg_rijen_toe(t, [
        was_wordt_rij(breedtes, w.nummer, w.soort, tabelxml.regels(plaats_regels(impact, w)), w.diff,
                      tabelxml.regels("\n".join(eis_regel(e) for e in w.eisen) or "Geen eis rust op deze plaats."))
        for w in impact.wijzigingen])
    return opslaan(doc, moment)


def wetimpact_bestanden(impact: WetImpact, formaten: tuple[str, ...], moment: datetime) -> dict[str, bytes]:
    basis = basisnaam(impact)
    uit: dict[str, bytes] = {}
    for formaat in formaten:
        if formaat == "docx":
            uit[f"{basis}.docx"] = render_docx(impact, moment)
        elif formaat == "html":
            uit[f"{basis}.html"] = render_html(impact, moment)
        elif formaat == "json":
            uit[f"{basis}.json"] = render_json(impact)
    return uit
