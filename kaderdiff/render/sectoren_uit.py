"""A comparison of one standard across sectors as JSON."""

from __future__ import annotations

import json

from kaderdiff.model.sectorvergelijking import SectorVergelijking


def render_sectoren_json(v: SectorVergelijking) -> bytes:
    ops = {0: "gelijk", -1: "weg", 1: "erbij"}
    data = {
        "zoek": v.zoek,
        "versie": v.versie,
        "sectoren": [{"sector": s, "titel": t} for s, t in zip(v.sectoren, v.titels, strict=True)],
        "rijen": [
            {"sleutel": r.sleutel,
             "cellen": {s: None if c is None else {"element_id": c.element_id, "tekst": c.tekst, "gelijk": c.gelijk,
                                                   "diff": [{"op": ops[d.op], "tekst": d.tekst} for d in c.diff]}
                        for s, c in zip(v.sectoren, r.cellen, strict=True)}}
            for r in v.rijen
        ],
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
