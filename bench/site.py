"""`python -m bench.site [--corpus MAP] [--runs N]`: the static site for the bench corpus (8 sectors x 10 years).

Measures the whole build (`bouw_site`, worker processes and one process, wall and CPU time), its size, and the
two ways of offering a comparison between any two years:
- precomputed: a Staat page for every pair of years that do not follow each other (align, classify, word diff,
  render) -- time and bytes, added to the site build;
- in the browser: the per-sector data the site ships (`hulp/vergelijk-*.js`) and the time Chromium needs to
  show the biggest comparison (first year against last) from it.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import tempfile
import time
from datetime import UTC, datetime
from itertools import combinations
from pathlib import Path
from typing import Any

from bench.corpus import STANDAARD_DOEL, maak_corpus
from kaderdiff.bron.versies import KaderMap
from kaderdiff.diff.staatbouw import met_verwijzingen
from kaderdiff.diff.uitlijning import lijn_uit
from kaderdiff.diff.vergelijk import vergelijk
from kaderdiff.model.versie import Versie
from kaderdiff.model.wijziging import Staat
from kaderdiff.pakket.pakketbouw import bouw_pakket
from kaderdiff.render.html_uit import render_html
from kaderdiff.site.sitebouw import bouw_site
from kaderdiff.uitvoer.parallel import bruikbare_processors, mag_forken


def _cpu() -> float:
    eigen, kinderen = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return eigen.ru_utime + eigen.ru_stime + kinderen.ru_utime + kinderen.ru_stime


def bouw(kaders: Path, doel: Path, processen: int | None) -> tuple[float, float]:
    """Wall and CPU seconds of one site build with a fresh KaderMap (nothing parsed beforehand)."""
    start, cpu = time.perf_counter(), _cpu()
    bouw_site(KaderMap(kaders), doel, processen=processen)
    return time.perf_counter() - start, _cpu() - cpu


def pakket(kaders: Path, doel: Path) -> tuple[float, float]:
    """The pack of the last year pair (docx + html + json, as in `python -m bench`): the yardstick of one run."""
    kadermap = KaderMap(kaders)
    laatste = kadermap.jaren()[-1]
    start, cpu = time.perf_counter(), _cpu()
    bouw_pakket(kadermap, Versie(laatste - 1), Versie(laatste), doel, ("docx", "html"))
    return time.perf_counter() - start, _cpu() - cpu


def omvang(map_: Path) -> tuple[int, int]:
    bestanden = [p for p in map_.rglob("*") if p.is_file()]
    return len(bestanden), sum(p.stat().st_size for p in bestanden)


def vooraf_berekend(kaders: Path) -> dict[str, float]:
    """Every non-consecutive pair of every sector as a Staat page: what precomputing the compare page costs."""
    kadermap = KaderMap(kaders)
    jaren = kadermap.jaren()
    sectoren = kadermap.sectoren(Versie(jaren[-1]))
    for jaar in jaren:  # parsing is shared with the site build: not counted here
        for sector in sectoren:
            kadermap.laad(Versie(jaar), sector)
    start, bytes_, paren = time.perf_counter(), 0, 0
    for sector in sectoren:
        for a, b in combinations(jaren, 2):
            if b - a == 1:
                continue
            oud, nieuw = kadermap.laad(Versie(a), sector), kadermap.laad(Versie(b), sector)
            uitlijning = lijn_uit(oud, nieuw)
            staat = met_verwijzingen(Staat(sector, str(a), str(b), oud, nieuw, tuple(vergelijk(oud, nieuw, uitlijning)),
                                           uitlijning))
            bytes_ += len(render_html(staat, datetime(2026, 5, 20, tzinfo=UTC).date()))
            paren += 1
    return {"paren": paren, "seconden": time.perf_counter() - start, "bytes": bytes_}


def in_browser(site: Path) -> dict[str, float]:
    """Bytes of the compare data and the time Chromium takes to show the biggest comparison."""
    data = sum(p.stat().st_size for p in (site / "hulp").glob("vergelijk-*.js"))
    uit: dict[str, float] = {"bytes": data}
    chromium = shutil.which("chromium")
    if chromium is None:
        return uit
    from playwright.sync_api import sync_playwright

    sleutel = sorted(p.stem.removeprefix("vergelijk-") for p in (site / "hulp").glob("vergelijk-*.js"))[0]
    html = (site / "vergelijk.html").read_text(encoding="utf-8")
    jaren = sorted({int(j) for j in re.findall(r"<option[^>]*>(\d{4})</option>", html)})
    tijden = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        pagina = browser.new_page()
        for _ in range(3):
            pagina.goto((site / "vergelijk.html").as_uri() + f"?sector={sleutel}&van={jaren[0]}&naar={jaren[-1]}")
            pagina.locator("#vergelijking table").wait_for()
            tijden.append(pagina.evaluate("performance.now()") / 1000)
        uit["rijen"] = pagina.locator("#vergelijking tbody tr").count()
        browser.close()
    uit["seconden"] = statistics.median(tijden)
    return uit


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.site")
    parser.add_argument("--corpus", type=Path, default=STANDAARD_DOEL)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not (args.corpus / "kaders").is_dir():
        maak_corpus(args.corpus)
    kaders = args.corpus / "kaders"
    uitkomst: dict[str, Any] = {"processen": bruikbare_processors() if mag_forken() else 1,
                                "belasting": os.getloadavg()[0]}
    with tempfile.TemporaryDirectory() as tmp:
        doel = Path(tmp) / "site"
        metingen: dict[str, list[tuple[float, float]]] = {"parallel": [], "een_proces": [], "pakket": []}
        for _ in range(args.runs):  # interleaved, so a change in the machine's load hits all three alike
            metingen["parallel"].append(bouw(kaders, doel, None))
            metingen["een_proces"].append(bouw(kaders, doel, 1))
            metingen["pakket"].append(pakket(kaders, Path(tmp) / "pakket"))
        for naam, reeks in metingen.items():
            uitkomst[naam] = {"wand": statistics.median(m[0] for m in reeks),
                              "cpu": statistics.median(m[1] for m in reeks)}
        uitkomst["bestanden"], uitkomst["bytes"] = omvang(doel)
        uitkomst["in_browser"] = in_browser(doel)
    uitkomst["vooraf"] = vooraf_berekend(kaders)
    mb = 1024 * 1024
    print(f"site, 8 x 10 ({uitkomst['bestanden']} files, {uitkomst['bytes'] / mb:.0f} MB), "
          f"load average {uitkomst['belasting']:.1f} at the start:")
    for naam in ("parallel", "een_proces", "pakket"):
        print(f"  {naam}: {uitkomst[naam]['wand']:.2f} s wall, {uitkomst[naam]['cpu']:.2f} s CPU")
    print(f"  site/pack (parallel, wall): {uitkomst['parallel']['wand'] / uitkomst['pakket']['wand']:.1f}x")
    vooraf, browser = uitkomst["vooraf"], uitkomst["in_browser"]
    print(f"  compare, precomputed: {vooraf['paren']} pages, {vooraf['seconden']:.2f} s, {vooraf['bytes'] / mb:.0f} MB")
    print(f"  compare, in the browser: {browser['bytes'] / mb:.1f} MB of data"
          + (f", biggest comparison ({browser.get('rijen', 0):.0f} rows) shown {browser['seconden']:.2f} s "
             "after navigation" if "seconden" in browser else ""))


if __name__ == "__main__":
    main()
