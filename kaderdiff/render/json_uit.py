"""The Staat van wijzigingen as JSON (format documented in docs/staat-json.md)."""

from __future__ import annotations

import json
from typing import Any

from kaderdiff.model.consultatie import Consultatie
from kaderdiff.model.kader import Fragment, Grondslag, Kader
from kaderdiff.model.koppeling import Koppeling
from kaderdiff.model.wijziging import ERBIJ, WEG, Staat, Wijziging
from kaderdiff.render.teksten import correctie_tekst

FORMAAT = "kaderdiff-staat/1"
_OP = {WEG: "weg", ERBIJ: "erbij"}


def _kader(k: Kader) -> dict[str, Any]:
    correctie = k.correctie
    return {"sector": k.sector, "variant": k.variant, "jaar": k.jaar, "status": k.status,
            "peildatum": k.peildatum.isoformat(), "titel": k.titel, "bron": k.bron,
            "correctie": None if correctie is None else {
                "vastgesteld": correctie.vastgesteld.isoformat(), "publicatie": correctie.publicatie,
                "omschrijving": correctie.omschrijving, "tekst": correctie_tekst(k)}}


def _grondslag(g: Grondslag, k: Kader, staat: Staat) -> dict[str, str]:
    return {"wet": g.wet, "artikel": g.artikel, "lid": g.lid, "onderdeel": g.onderdeel,
            "citaat": staat.citaat(g), "link": staat.link(g, k.peildatum)}


def _koppeling(koppeling: Koppeling | None) -> dict[str, Any] | None:
    """How the pair was found; a pair in doubt also says so and why (absent keys: certain)."""
    if koppeling is None:
        return None
    uit: dict[str, Any] = {"wijze": koppeling.wijze.value, "gelijkenis": koppeling.gelijkenis}
    if koppeling.onzeker:
        uit.update(zekerheid="onzeker", twijfel=koppeling.twijfel)
    return uit


def wijziging_dict(w: Wijziging, staat: Staat) -> dict[str, Any]:
    return {
        "nummer": w.nummer,
        "soort": w.soort.value,
        "soort_label": w.soort.label,
        "element_soort": w.element_soort,
        "id": w.element_id,
        "oud_id": w.oud.id if w.oud else None,
        "nieuw_id": w.nieuw.id if w.nieuw else None,
        "vindplaats": w.vindplaats,
        "vindplaats_oud": w.vindplaats_oud,
        "vindplaats_nieuw": w.vindplaats_nieuw,
        "was": w.was,
        "wordt": w.wordt,
        "woorddiff": [{"op": _OP.get(d.op, "gelijk"), "tekst": d.tekst} for d in w.tekstdiff],
        "grondslagen_was": [_grondslag(g, staat.oud, staat) for g in w.grondslagen_was],
        "grondslagen_wordt": [_grondslag(g, staat.nieuw, staat) for g in w.grondslagen_wordt],
        "kenmerken": list(w.kenmerken),
        "betrokken": list(w.betrokken),
        "koppeling": _koppeling(w.koppeling),
        "toelichting": [
            {"tekst": v.tekst, "bron": v.bron, "categorie": v.categorie, "wetswijziging": v.wetswijziging,
             "wetswijziging_naam": v.wetswijziging_naam, "commit": v.commit}
            for v in w.verklaringen
        ],
    }


def platte_tekst(fragmenten: tuple[Fragment, ...]) -> str:
    return "".join(f.tekst for f in fragmenten)


def consultatie_dict(c: Consultatie) -> dict[str, Any]:
    return {"uiterlijk": c.uiterlijk.isoformat(), "adres": c.adres, "contactpersoon": c.contactpersoon,
            "grondslag": list(c.grondslag_alineas), "datum": c.datum.isoformat() if c.datum else None}


def staat_dict(staat: Staat, consultatie: Consultatie | None = None) -> dict[str, Any]:
    uit = _staat_dict(staat)
    # only when there is one: the JSON of a Staat without them stays as it was
    if staat.nieuw.samenvatting:
        uit["samenvatting"] = {"tekst": [platte_tekst(a) for a in staat.nieuw.samenvatting],
                               **uit["samenvatting"]}
    if consultatie is not None:
        uit = {**{k: v for k, v in uit.items() if k != "wijzigingen"}, "consultatie": consultatie_dict(consultatie),
               "wijzigingen": uit["wijzigingen"]}
    return uit


def _staat_dict(staat: Staat) -> dict[str, Any]:
    return {
        "formaat": FORMAAT,
        "sector": staat.sector,
        "van": staat.van,
        "naar": staat.naar,
        "kader_oud": _kader(staat.oud),
        "kader_nieuw": _kader(staat.nieuw),
        "herkomst": [{"versie": h.versie, "commit": h.commit, "vuil": h.vuil} for h in staat.herkomst],
        "samenvatting": {
            "aantal": len(staat.wijzigingen),
            "per_soort": {s.value: n for s, n in staat.telling().items()},
            "per_wetswijziging": staat.per_wetswijziging(),
            "zonder_toelichting": [w.nummer for w in staat.zonder_toelichting()],
        },
        "wijzigingen": [wijziging_dict(w, staat) for w in staat.wijzigingen],
    }


def render_json(staat: Staat, consultatie: Consultatie | None = None) -> bytes:
    return (json.dumps(staat_dict(staat, consultatie), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def met_pdfpaginas(data: bytes, pdfnaam: str, register: dict[str, int], paginas: int) -> bytes:
    """The Staat JSON with, once its PDF is built, the PDF's name and page count and per change its page."""
    staat = json.loads(data)
    staat["pdf"] = {"bestand": pdfnaam, "paginas": paginas}
    for w in staat["wijzigingen"]:
        w["pdf_pagina"] = register[w["nummer"]]
    return (json.dumps(staat, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
