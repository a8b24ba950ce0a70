"""`python -m bench.samenvoegen`: how long a real `git merge` takes with kaderdiff as the merge driver.

An 8-sector kader set (the benchmark corpus, one year, ~35,000 words per kader) in a repository set up by
`kaderdiff init`; two branches each change 50 elements spread over all sectors (eis texts, grondslagen,
alinea's, titles, a moved eis, a new alinea). The time is that of `git merge` on the command line, which
starts the driver once per kader changed on both branches (the first merges all eight, spread over the CPUs;
the others copy their result), without the commit hooks (they check, they do
not merge; their time is printed apart). Each run starts from the same commit; the median of the runs
is printed with the CPU time of git and the drivers, which the load of a shared machine does not inflate.
The merged kaders are compared with applying both edit sets by hand: they must be equal.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from bench.corpus import maak_corpus
from kaderdiff.bron.opmaak import canoniek
from kaderdiff.samenvoeging.inrichting import richt_in
from kaderdiff.samenvoeging.reeks import VOORRAAD

GIT = {"GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.nl", "GIT_COMMITTER_NAME": "bench",
       "GIT_COMMITTER_EMAIL": "bench@example.nl", "GIT_AUTHOR_DATE": "2026-05-20T10:00:00+02:00",
       "GIT_COMMITTER_DATE": "2026-05-20T10:00:00+02:00"}

Bewerking = Callable[[etree._Element], None]


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, env={**os.environ, **GIT}, check=True, capture_output=True,
                          text=True).stdout.strip()


def _per_id(wortel: etree._Element) -> dict[str, etree._Element]:
    return {el.get("id"): el for el in wortel.iter() if isinstance(el.tag, str) and el.get("id")}


def kies_bewerkingen(wortels: dict[str, etree._Element], aantal: int, rng: random.Random,
                     bezet: set[str]) -> list[tuple[str, str, str]]:
    """`aantal` edits (file, kind, id) on elements no other edit touches, spread over every file."""
    bestanden = sorted(wortels)
    gekozen: list[tuple[str, str, str]] = []
    soorten = ["tekst", "tekst", "grondslag", "alinea", "titel", "verplaats", "nieuw"]
    while len(gekozen) < aantal:
        bestand = bestanden[len(gekozen) % len(bestanden)]
        soort = soorten[rng.randrange(len(soorten))]
        tag = {"tekst": "eis", "grondslag": "eis", "alinea": "alinea", "titel": "paragraaf", "verplaats": "eis",
               "nieuw": "alinea"}[soort]
        kandidaten = [el for el in wortels[bestand].iter(tag) if el.get("id") not in bezet
                      and (soort != "grondslag" or el.find("grondslag") is not None)]
        if soort == "verplaats":  # an eis with a free neighbour to move behind, in the same basiskwaliteit
            kandidaten = [el for el in kandidaten if el.getnext() is not None and el.getnext().get("id") not in bezet]
        el = kandidaten[rng.randrange(len(kandidaten))]
        bezet.add(el.get("id"))
        if soort == "verplaats":
            bezet.add(el.getnext().get("id"))
        gekozen.append((bestand, soort, el.get("id")))
    return gekozen


def pas_toe(wortels: dict[str, etree._Element], bewerkingen: list[tuple[str, str, str]], kant: str) -> None:
    """Apply edits by id (so the same edits apply to the basis or to the other branch's version)."""
    for bestand, soort, element_id in bewerkingen:
        el = _per_id(wortels[bestand])[element_id]
        if soort == "tekst":
            tekst = el.find("tekst")
            tekst.text = f"{tekst.text or ''} ({kant})"
        elif soort == "grondslag":
            el.find("grondslag").set("lid", "9")
        elif soort in ("alinea", "titel"):
            doel = el if soort == "alinea" else el.find("titel")
            doel.text = f"{doel.text or ''} ({kant})"
        elif soort == "verplaats":
            volgende = el.getnext()
            volgende.addnext(el)
        elif soort == "nieuw":
            nieuw = etree.Element("alinea", id=f"{element_id}-{kant}")
            nieuw.text = f"Nieuwe alinea van {kant}."
            el.addnext(nieuw)


def lees(map_: Path) -> dict[str, etree._Element]:
    return {p.name: etree.parse(str(p)).getroot() for p in sorted(map_.glob("*.xml"))}


def schrijf(map_: Path, wortels: dict[str, etree._Element]) -> None:
    for naam, wortel in wortels.items():
        (map_ / naam).write_bytes(canoniek(etree.ElementTree(wortel)))


def maak_opstelling(werk: Path, per_tak: int = 50, seed: int = 2026) -> tuple[Path, dict[str, bytes]]:
    """The repository with branches `a` and `b`, and the kaders as applying both edit sets gives them."""
    maak_corpus(werk / "corpus", sectoren=8, jaren=1, git=False)
    repo = werk / "repo"
    richt_in(repo, sys.executable)
    git(repo, "checkout", "-q", "-b", "main")
    jaarmap = repo / "kaders" / "2025"
    jaarmap.mkdir(parents=True)
    schrijf(jaarmap, lees(werk / "corpus" / "kaders" / "2025"))
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--no-verify", "-m", "Kaders")
    rng = random.Random(seed)
    basis = lees(jaarmap)
    bezet: set[str] = set()
    bewerkingen = {"a": kies_bewerkingen(basis, per_tak, rng, bezet), "b": kies_bewerkingen(basis, per_tak, rng, bezet)}
    for tak, lijst in bewerkingen.items():
        git(repo, "checkout", "-q", "-b", tak, "main")
        wortels = lees(jaarmap)
        pas_toe(wortels, lijst, tak)
        schrijf(jaarmap, wortels)
        git(repo, "commit", "-q", "--no-verify", "-am", f"Tak {tak}: {per_tak} elementen")
    verwacht = lees(jaarmap)  # on b; apply a's edits on top
    pas_toe(verwacht, bewerkingen["a"], "a")
    git(repo, "checkout", "-q", "a")
    return repo, {naam: canoniek(etree.ElementTree(w)) for naam, w in verwacht.items()}


def meet(repo: Path, runs: int, voorrang: bool = False) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds of `git merge b` on branch a, each run from the same commit.

    As on an editor's machine, Python keeps its compiled modules (a wheel install compiles them; here a first,
    untimed run writes them even where the environment says PYTHONDONTWRITEBYTECODE). `voorrang` runs each
    merge with real-time priority (chrt, as root), so that other work on a shared machine does not wait in
    between: closer to an editor's own computer, though a busy sibling core still slows it down.
    """
    start = git(repo, "rev-parse", "a")
    omgeving = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | GIT
    muur, cpu = [], []
    for run in range(runs + 1):
        git(repo, "reset", "-q", "--hard", start)
        # every run is a first merge: the results the first driver prepared last time (kept for a merge that is
        # aborted and started again) would let all eight drivers only copy
        shutil.rmtree(repo / ".git" / VOORRAAD, ignore_errors=True)
        voor = resource.getrusage(resource.RUSAGE_CHILDREN)
        begin = time.perf_counter()
        subprocess.run([*(["chrt", "-f", "1"] if voorrang else []), "git", "merge", "-q", "--no-verify", "--no-edit",
                        "b"], cwd=repo, env=omgeving, check=True, capture_output=True)
        if run:
            muur.append(time.perf_counter() - begin)
            na = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu.append(na.ru_utime - voor.ru_utime + na.ru_stime - voor.ru_stime)
    return muur, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description="Meet git merge met kaderdiff als samenvoeghulp.")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--per-tak", type=int, default=50, dest="per_tak")
    parser.add_argument("--voorrang", action="store_true",
                        help="meet de merges met realtimeprioriteit (chrt -f 1; root), op een gedeelde machine")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kaderdiff-samenvoegen-") as tijdelijk:
        repo, verwacht = maak_opstelling(Path(tijdelijk), args.per_tak)
        muur, cpu = meet(repo, args.runs, args.voorrang)
        jaarmap = repo / "kaders" / "2025"
        fout = [naam for naam, data in verwacht.items() if (jaarmap / naam).read_bytes() != data]
        begin = time.perf_counter()
        hooks = subprocess.run([str(repo / ".git" / "hooks" / "pre-merge-commit")], cwd=repo, capture_output=True)
        hooktijd = time.perf_counter() - begin
        print(f"git merge, 8 kaders, 2 x {args.per_tak} gewijzigde elementen: mediaan {statistics.median(muur):.2f} s, "
              f"snelste {min(muur):.2f} s (runs: {', '.join(f'{t:.2f}' for t in muur)}); CPU-tijd van git en de "
              f"8 drivers: mediaan {statistics.median(cpu):.2f} s, laagste {min(cpu):.2f} s; belasting van de machine "
              f"(1 min): {os.getloadavg()[0]:.1f} op {os.cpu_count()} kernen"
              f"{', met voorrang' if args.voorrang else ''}")
        print(f"resultaat gelijk aan beide bewerkingen toepassen: {'ja' if not fout else 'NEE: ' + ', '.join(fout)}")
        print(f"controle-hook vóór de samenvoegcommit (controleer + opmaak --controle): {hooktijd:.2f} s, "
              f"exitcode {hooks.returncode}")
        shutil.rmtree(repo, ignore_errors=True)
        if fout:
            sys.exit(1)


if __name__ == "__main__":
    main()
