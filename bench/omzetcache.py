"""The conversion cache (issue 31): the pack with odt and pdf, rebuilt, against the default pack, as commands.

    python -m bench.omzetcache [--kaders MAP] [--van JAAR] [--naar JAAR] [--runs N]

The kaders (default: the sample kaders, 2025 -> 2026) are copied into a new git repository. Rows, each A and
its yardstick, the default pack, in turn (A B A B ...), with the medians of the per-pair ratios of wall time and of
CPU time (the commands' own and their children's, LibreOffice included; a shared machine inflates it least):
- unchanged: the pack with `--formaten docx,odt,pdf,html` and a warm cache, against the default pack;
- one sector changed: before each pair a new word in one kader of `--naar` (working tree), so LibreOffice
  converts that sector's four documents and the rest comes from the cache;
- cold: an empty cache folder before each pair (everything converted);
and, in process, `pdftotext` over the Staat pdfs: what the page register costs when the pdf comes from the cache.
"""

from __future__ import annotations

import argparse
import re
import resource
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.corpus import maak_git
from bench.opdrachten import _omgeving, kaderdiff
from kaderdiff.pakket.pdfpaginas import paginateksten

VOORBEELD = Path(__file__).resolve().parent.parent / "kaders"
ALLE = "docx,odt,pdf,html"


def bewerk(kader: Path, nummer: int) -> None:
    """An editor's change: one word more at the end of the kader's first alinea."""
    data = kader.read_bytes()
    kader.write_bytes(re.sub(rb"(<alinea [^>]*>[^<]*?)(</alinea>)", rb"\1 Bewerking%d.\2" % nummer, data, count=1))


@dataclass(frozen=True)
class Rij:
    naam: str
    muur: float  # median wall seconds of A
    maat: float  # median wall seconds of the default pack
    verhouding: float  # median of the per-pair wall ratios
    cpu_verhouding: float  # median of the per-pair CPU ratios
    omvat: str


def _cpu_kinderen() -> float:
    kinderen = resource.getrusage(resource.RUSAGE_CHILDREN)
    return kinderen.ru_utime + kinderen.ru_stime


def _draai(opdracht: list[str], omgeving: dict[str, str], cwd: Path) -> tuple[float, float]:
    begin, begin_cpu = time.perf_counter(), _cpu_kinderen()
    proces = subprocess.run(opdracht, env=omgeving, cwd=cwd, capture_output=True, check=False)
    if proces.returncode != 0:
        raise SystemExit(f"bench: {' '.join(opdracht)} faalde:\n{proces.stderr.decode(errors='replace')[-2000:]}")
    return time.perf_counter() - begin, _cpu_kinderen() - begin_cpu


def paren(naam: str, a: list[str], b: list[str], runs: int, omgeving: dict[str, str], cwd: Path, omvat: str,
          voor: Callable[[], object] = lambda: None) -> Rij:
    """A and B in turn after one untimed run of each; `voor` runs before each pair."""
    _draai(a, omgeving, cwd)
    _draai(b, omgeving, cwd)
    tijden = []
    for _ in range(runs):
        voor()
        tijden.append((*_draai(a, omgeving, cwd), *_draai(b, omgeving, cwd)))
    return Rij(naam, statistics.median(t[0] for t in tijden), statistics.median(t[2] for t in tijden),
               statistics.median(t[0] / t[2] for t in tijden), statistics.median(t[1] / t[3] for t in tijden), omvat)


def tabel(rijen: list[Rij], register: tuple[int, float]) -> str:
    uit = ["| A (whole command) | A | default pack (B) | A/B wall | A/B CPU | includes |", "|---|---|---|---|---|---|"]
    uit += [f"| {r.naam} | {r.muur:.2f} s | {r.maat:.2f} s | {r.verhouding:.2f}× | {r.cpu_verhouding:.2f}× "
            f"| {r.omvat} |" for r in rijen]
    aantal, seconden = register
    uit.append(f"\nIn process, `pdftotext` over the {aantal} Staat pdfs (the page register, redone on every build with "
               f"pdf): {seconden * 1000:.0f} ms.")
    return "\n".join(uit)


def meet(kaders: Path, van: int, naar: int, runs: int) -> str:
    werk = Path(tempfile.mkdtemp(prefix="bench-omzetcache-"))
    try:
        repo = werk / "repo"
        shutil.copytree(kaders, repo / "kaders")
        maak_git(repo)
        cache = werk / "cache"
        omgeving = _omgeving({"KADERDIFF_CACHE": str(cache)})
        basis = ["pakket", "--van", str(van), "--naar", str(naar)]
        met = kaderdiff(*basis, "--formaten", ALLE, "--uit", str(werk / "met"))
        zonder = kaderdiff(*basis, "--uit", str(werk / "zonder"))
        rijen = [paren("`--formaten docx,odt,pdf,html`, unchanged, warm cache", met, zonder, runs, omgeving, repo,
                       "no LibreOffice: odt and pdf from the cache, the page register read from the cached pdf")]

        kader = sorted((repo / "kaders" / str(naar)).glob("*.xml"))[0]
        teller = iter(range(1, 10**6))
        bewerk(kader, next(teller))  # the first edit marks every document 'niet vastgelegd'; the rows measure the next
        rijen.append(paren(f"the same after a new edit of {kader.stem} (working tree)", met, zonder, runs, omgeving,
                           repo, f"LibreOffice converts the 4 documents of {kader.stem}",
                           voor=lambda: bewerk(kader, next(teller))))
        rijen.append(paren("the same with an empty cache", met, zonder, max(1, runs // 2), omgeving, repo,
                           "LibreOffice converts every document (two processes)",
                           voor=lambda: shutil.rmtree(cache, ignore_errors=True)))

        staten = sorted((werk / "met").glob("*-staat-van-wijzigingen.pdf"))
        tijden = []
        for _ in range(runs):
            begin = time.perf_counter()
            for pdf in staten:
                paginateksten(pdf)
            tijden.append(time.perf_counter() - begin)
        return tabel(rijen, (len(staten), statistics.median(tijden)))
    finally:
        shutil.rmtree(werk, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description="Meet de omzetcache: het pakket met odt en pdf opnieuw gebouwd.")
    parser.add_argument("--kaders", type=Path, default=VOORBEELD)
    parser.add_argument("--van", type=int, default=2025)
    parser.add_argument("--naar", type=int, default=2026)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    print(meet(args.kaders, args.van, args.naar, args.runs))


if __name__ == "__main__":
    main()
