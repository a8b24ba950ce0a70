"""How alignment grows with the size of a kader, with stable and with renumbered ids (issue 14).

For each size a kader is generated like the bench corpus (same generator, scaled up or down), edited for one
year with as many edits per word as the corpus has, and the newer version renumbered entirely
(bench/hernummer.py). Timed in this process, median of several runs: parsing both versions, `lijn_uit`
(alignment only) and `vergelijk` (alignment, classification and word diffs), each with stable and with
renumbered ids. The growth exponent between two sizes is log(t2/t1) / log(w2/w1): 1 is linear, 2 quadratic.

    python -m bench.groei [--woorden 10000,32000,128000,500000] [--runs 3] [--map DIR]
    python -m bench.groei --voorbeelden stabiel|hernummerd|geen [--herhaal 200]

`--voorbeelden` aligns the four sample pairs (kaders/, 2025->2026 and VO 2026->2027) `--herhaal` times with
stable ids, with every id of the newer year renumbered, or not at all (only loading): a whole command to time
from outside, one variant against another. `--map DIR` also writes DIR/stabiel/kaders and
DIR/hernummerd/kaders (years 2025 and 2026, file groot.xml) for the largest size, so whole commands
(`kaderdiff staat --kaders DIR/hernummerd/kaders …`) can be timed against each other from outside.

Times in this process are CPU seconds of this process (`time.process_time`): on a machine shared with
other work they vary far less than wall-clock time, and the work measured is single-threaded.
"""

from __future__ import annotations

import argparse
import gc
import math
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import replace
from itertools import pairwise
from pathlib import Path
from typing import Any

from bench.corpus import Omvang, bewerk_jaar, kader_xml, maak_kader, woorden_in
from bench.hernummer import hernummer
from kaderdiff.bron.laden import laad_bytes
from kaderdiff.diff.uitlijning import lijn_uit
from kaderdiff.diff.vergelijk import vergelijk
from kaderdiff.model.kader import Kader

STANDAARD_GROOTTES = (10_000, 32_000, 128_000, 500_000)
KADERS = Path(__file__).resolve().parents[1] / "kaders"
VOORBEELDEN = (("po", 2025, 2026), ("vo", 2025, 2026), ("mbo", 2025, 2026), ("vo", 2026, 2027))
#: Words of a kader generated with the default Omvang (the bench corpus kaders).
WOORDEN_STANDAARD = 34_000
#: Words of a generated kader, measured: about VAST + PER_HOOFDSTUK x chapters + PER_STANDAARD x standards
#: per kwaliteitsgebied (2 waarderingskaders x 5 gebieden).
VAST, PER_HOOFDSTUK, PER_STANDAARD = 900, 2_730, 1_850
#: Standard codes have at most two digits (schema: KA99).
MAX_STANDAARDEN = 90


def omvang_voor(woorden: int) -> tuple[Omvang, int]:
    """A generator size for about `woorden` words, and how many years of edits keep the corpus's edit density."""
    factor = woorden / WOORDEN_STANDAARD
    basis = Omvang()
    standaarden = min(MAX_STANDAARDEN, max(4, round(basis.standaarden * factor)))
    hoofdstukken = max(1, round((woorden - VAST - PER_STANDAARD * standaarden) / PER_HOOFDSTUK))
    return replace(basis, hoofdstukken=hoofdstukken, standaarden=standaarden), max(1, round(factor))


def maak_paar(woorden: int, zaad: int = 2025) -> tuple[bytes, bytes, bytes, int]:
    """(old XML, new XML, new XML renumbered, words) for a generated kader of about `woorden` words."""
    omvang, rondes = omvang_voor(woorden)
    kans = random.Random(f"groei-{zaad}-{woorden}")
    staat = maak_kader("groot", "PO", kans, omvang)
    oud = kader_xml(staat, 2025, [])
    toelichtingen: list[tuple[str, list[str]]] = []
    for _ in range(rondes):
        toelichtingen += bewerk_jaar(staat, kans).toelichtingen
    nieuw = kader_xml(staat, 2026, toelichtingen)
    return oud, nieuw, hernummer(nieuw, zaad=str(woorden))[0], woorden_in(staat)


def mediaan(functie: Callable[[], object], runs: int) -> float:
    tijden = []
    for _ in range(runs):
        gc.collect()
        start = time.process_time()
        functie()
        tijden.append(time.process_time() - start)
    return statistics.median(tijden)


def meet(woorden: int, runs: int) -> dict[str, Any]:
    oud_xml, nieuw_xml, hernummerd_xml, echt = maak_paar(woorden)
    oud, nieuw, hernummerd = laad_bytes(oud_xml, "oud"), laad_bytes(nieuw_xml, "nieuw"), laad_bytes(hernummerd_xml, "h")
    uit: dict[str, Any] = {"woorden": echt, "elementen": len(nieuw.index), "bytes": len(nieuw_xml)}
    uit["laden_s"] = mediaan(lambda: (laad_bytes(oud_xml, "o"), laad_bytes(hernummerd_xml, "h")), runs)
    uit["lijn_uit_stabiel_s"] = mediaan(lambda: lijn_uit(oud, nieuw), runs)
    uit["lijn_uit_hernummerd_s"] = mediaan(lambda: lijn_uit(oud, hernummerd), runs)
    uit["vergelijk_stabiel_s"] = mediaan(lambda: vergelijk(oud, nieuw), runs)
    uit["vergelijk_hernummerd_s"] = mediaan(lambda: vergelijk(oud, hernummerd), runs)
    stabiel = {(w.soort, w.vindplaats, w.element_id) for w in vergelijk(oud, nieuw)}
    _, kaart = hernummer(nieuw_xml, zaad=str(woorden))
    anders = {(w.soort, w.vindplaats, kaart.get(w.element_id, w.element_id)) for w in vergelijk(oud, hernummerd)}
    uit["rijen"], uit["rijen_anders"] = len(stabiel), len(stabiel ^ anders)
    return uit


def voorbeeldparen() -> list[tuple[Kader, Kader, Kader]]:
    """(old, new, new renumbered) for each sample pair."""
    paren = []
    for sector, van, naar in VOORBEELDEN:
        nieuw_xml = (KADERS / str(naar) / f"{sector}.xml").read_bytes()
        paren.append((laad_bytes((KADERS / str(van) / f"{sector}.xml").read_bytes(), "oud"),
                      laad_bytes(nieuw_xml, "nieuw"), laad_bytes(hernummer(nieuw_xml, zaad=sector)[0], "hernummerd")))
    return paren


def meet_voorbeelden(runs: int = 201) -> dict[str, float]:
    """Aligning the four sample pairs, stable against renumbered, interleaved; medians over `runs` rounds."""
    paren = voorbeeldparen()
    tijden: dict[str, list[float]] = {"stabiel": [], "hernummerd": []}
    for _ in range(runs):
        for naam, kolom in (("stabiel", 1), ("hernummerd", 2)):
            start = time.process_time()
            for paar in paren:
                lijn_uit(paar[0], paar[kolom])
            tijden[naam].append(time.process_time() - start)
    uit = {f"voorbeelden_{naam}_s": statistics.median(t) for naam, t in tijden.items()}
    uit["voorbeelden_verhouding"] = uit["voorbeelden_hernummerd_s"] / uit["voorbeelden_stabiel_s"]
    return uit


def groeifactor(a: dict[str, Any], b: dict[str, Any], sleutel: str) -> float:
    return math.log(b[sleutel] / a[sleutel]) / math.log(b["woorden"] / a["woorden"])


def tabel(metingen: list[dict[str, Any]]) -> str:
    def ms(x: float) -> str:
        return f"{x * 1000:.0f} ms" if x < 1 else f"{x:.2f} s"

    regels = ["| words | elements | parse both | align, stable ids | align, renumbered | ratio | "
              "align+classify, stable | align+classify, renumbered | rows (differing) |", "|---" * 9 + "|"]
    for m in metingen:
        regels.append(f"| {m['woorden']:,} | {m['elementen']:,} | {ms(m['laden_s'])} | {ms(m['lijn_uit_stabiel_s'])} | "
                      f"{ms(m['lijn_uit_hernummerd_s'])} | "
                      f"{m['lijn_uit_hernummerd_s'] / m['lijn_uit_stabiel_s']:.1f}× | "
                      f"{ms(m['vergelijk_stabiel_s'])} | {ms(m['vergelijk_hernummerd_s'])} | "
                      f"{m['rijen']} ({m['rijen_anders']}) |")
    if len(metingen) > 1:
        regels += ["", "Growth exponent between successive sizes (1 = linear, 2 = quadratic):", "",
                   "| from → to | align, stable | align, renumbered | align+classify, renumbered |",
                   "|---|---|---|---|"]
        for a, b in pairwise(metingen):
            regels.append(f"| {a['woorden']:,} → {b['woorden']:,} | {groeifactor(a, b, 'lijn_uit_stabiel_s'):.2f} | "
                          f"{groeifactor(a, b, 'lijn_uit_hernummerd_s'):.2f} | "
                          f"{groeifactor(a, b, 'vergelijk_hernummerd_s'):.2f} |")
    return "\n".join(regels)


def schrijf_kadermappen(doel: Path, woorden: int) -> None:
    oud_xml, nieuw_xml, hernummerd_xml, _ = maak_paar(woorden)
    for naam, nieuw in (("stabiel", nieuw_xml), ("hernummerd", hernummerd_xml)):
        for jaar, data in (("2025", oud_xml), ("2026", nieuw)):
            pad = doel / naam / "kaders" / jaar / "groot.xml"
            pad.parent.mkdir(parents=True, exist_ok=True)
            pad.write_bytes(data)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.groei", description="Groei van de uitlijning met de omvang.")
    parser.add_argument("--woorden", default=",".join(str(w) for w in STANDAARD_GROOTTES))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--map", type=Path, default=None, help="schrijf ook kadermappen voor de grootste omvang")
    parser.add_argument("--voorbeelden", choices=("stabiel", "hernummerd", "geen"), default=None,
                        help="lijn alleen de voorbeeldparen uit, --herhaal keer (om van buiten te timen)")
    parser.add_argument("--herhaal", type=int, default=200)
    args = parser.parse_args()
    if args.voorbeelden is not None:
        paren = voorbeeldparen()
        kolom = {"stabiel": 1, "hernummerd": 2, "geen": 0}[args.voorbeelden]
        for _ in range(args.herhaal if kolom else 0):
            for paar in paren:
                lijn_uit(paar[0], paar[kolom])
        return
    groottes = [int(w) for w in args.woorden.split(",")]
    metingen = [meet(w, args.runs) for w in groottes]
    print(tabel(metingen))
    voorbeelden = meet_voorbeelden()
    print(f"\nSample kaders (4 pairs), align: stable {voorbeelden['voorbeelden_stabiel_s'] * 1000:.1f} ms, "
          f"renumbered {voorbeelden['voorbeelden_hernummerd_s'] * 1000:.1f} ms, "
          f"ratio {voorbeelden['voorbeelden_verhouding']:.2f}×")
    if args.map is not None:
        schrijf_kadermappen(args.map, max(groottes))
        print(f"kadermappen: {args.map}/stabiel/kaders en {args.map}/hernummerd/kaders")


if __name__ == "__main__":
    main()
