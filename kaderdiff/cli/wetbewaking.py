"""`kaderdiff wetten bewaak [--json]`: the output of a law watch (the watch itself: recht/bewaking.py).

Exit 0 when no cited law has a newer version than the stored one, 1 when one has (a scheduled CI job alerts on
it), 2 when asking failed for some law (the others are still reported)."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from kaderdiff.cli.gemeen import melding, regel
from kaderdiff.nederlands import aantal, nl_datum

if TYPE_CHECKING:
    from kaderdiff.bron.versies import KaderMap
    from kaderdiff.recht.bewaking import Wetbewaking


def _als_dict(w: Wetbewaking) -> dict[str, Any]:
    from kaderdiff.render.wetimpact_uit import wetimpact_dict

    return {"wet": w.wet, "naam": w.naam, "bwb": w.bwb,
            "opgeslagen": w.opgeslagen.isoformat() if w.opgeslagen else None,
            "nieuw": [{"geldig_vanaf": n.geldig_vanaf.isoformat(), "url": n.url, "bestand": str(n.bestand),
                       "impact": wetimpact_dict(n.impact)} for n in w.nieuw],
            "fout": w.fout}


def _toon(w: Wetbewaking) -> None:
    from kaderdiff.cli.rechtweergave import toon_wetimpact

    if w.fout:
        melding(f"{w.wet} ({w.bwb}): {w.fout}")
    elif w.opgeslagen is None:
        regel(f"{w.wet} ({w.bwb}): geen opgeslagen versie om mee te vergelijken; haal haar met "
              f"'kaderdiff wetten haal {w.wet}'")
    elif not w.nieuw:
        regel(f"{w.wet} ({w.bwb}): niets nieuws na de opgeslagen versie, geldig vanaf {nl_datum(w.opgeslagen)}")
    for n in w.nieuw:
        regel(f"{w.wet} ({w.bwb}): nieuwe versie, geldig vanaf {nl_datum(n.geldig_vanaf)}")
        regel(f"Opgehaald: {n.url}")
        regel(f"Opgeslagen: {n.bestand}")
        toon_wetimpact(n.impact)


def bewaak_opdracht(args: argparse.Namespace, kaders: KaderMap) -> int:
    from kaderdiff.recht.bewaking import bewaak

    uitkomst = bewaak(kaders, args.url, args.timeout)
    if args.als_json:
        regel(json.dumps({"wetten": [_als_dict(w) for w in uitkomst]}, ensure_ascii=False, indent=2))
    else:
        for w in uitkomst:
            _toon(w)
    nieuw = sum(len(w.nieuw) for w in uitkomst)
    fouten = [w.wet for w in uitkomst if w.fout]
    if not args.als_json:
        regel(f"{aantal(len(uitkomst), 'wet', 'wetten')} bewaakt: {aantal(nieuw, 'nieuwe versie', 'nieuwe versies')}"
              + (f"; mislukt: {', '.join(fouten)}" if fouten else "") + ".")
    elif fouten:
        for w in uitkomst:
            if w.fout:
                melding(f"{w.wet} ({w.bwb}): {w.fout}")
    return 2 if fouten else 1 if nieuw else 0
