"""What a user waits for: whole commands as new processes, each paired with its yardstick in the same run.

Every row runs command A and its yardstick B in turn (A B A B ...) and reports A's median wall time and
the median of the per-pair ratios A/B, so a machine that speeds up or slows down during the run moves
both. "Cold" means a new process with an empty cache folder (KADERDIFF_CACHE pointing to a fresh one).

Also here: the history path (changes without toelichting after 10 and 40 commits) and growth curves
(kader size 1x/4x/16x). Corpus variants (issue 14: renumbered ids) get the same rows through
`rijen_voor_corpus`.
"""

from __future__ import annotations

import gc
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.corpus import Omvang, maak_corpus, maak_git, woorden_in_xml

PYTHON = sys.executable
ARTIKEL = "artikel 11 WOT"


@dataclass(frozen=True)
class Rij:
    """One figure: what it is, its median, its yardstick and the ratio to it, and what it includes."""

    naam: str
    tijd_s: float
    maat: str
    verhouding: float | None
    omvat: str



def mediaan(functie: Callable[[], object], runs: int = 5, voor: Callable[[], object] | None = None,
            max_seconden: float = 60.0) -> tuple[float, int]:
    """Median wall time of `functie` over `runs` runs (fewer when one run is very slow); `voor` is untimed."""
    tijden: list[float] = []
    for _ in range(runs):
        if voor is not None:
            voor()
        gc.collect()
        start = time.perf_counter()
        functie()
        tijden.append(time.perf_counter() - start)
        if sum(tijden) > max_seconden and len(tijden) >= 1:
            break
    return statistics.median(tijden), len(tijden)

def kaderdiff(*args: str) -> list[str]:
    return [PYTHON, "-m", "kaderdiff", *args]


def _omgeving(extra: dict[str, str] | None = None) -> dict[str, str]:
    # bytecode as a user has it: an installed package comes with .pyc files (PYTHONDONTWRITEBYTECODE would
    # make every run compile kaderdiff again)
    omgeving = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**omgeving, **(extra or {})}


def _looptijd(opdracht: list[str], omgeving: dict[str, str], cwd: Path | None) -> float:
    start = time.perf_counter()
    proces = subprocess.run(opdracht, env=omgeving, cwd=cwd, capture_output=True, check=False)
    tijd = time.perf_counter() - start
    if proces.returncode != 0:
        raise SystemExit(f"bench: {' '.join(opdracht)} faalde:\n{proces.stderr.decode(errors='replace')[-2000:]}")
    return tijd


def paarsgewijs(a: list[str], b: list[str], runs: int, omgeving_a: dict[str, str] | None = None,
                omgeving_b: dict[str, str] | None = None, voor: Callable[[], object] | None = None,
                cwd: Path | None = None) -> tuple[float, float, float]:
    """Median of A, median of B, median of A/B per pair; one untimed warm-up of each first."""
    oa, ob = _omgeving(omgeving_a), _omgeving(omgeving_b)
    _looptijd(a, oa, cwd)
    _looptijd(b, ob, cwd)
    ta, tb = [], []
    for _ in range(runs):
        if voor is not None:
            voor()
        ta.append(_looptijd(a, oa, cwd))
        tb.append(_looptijd(b, ob, cwd))
    return statistics.median(ta), statistics.median(tb), statistics.median(x / y for x, y in zip(ta, tb, strict=True))


# ---------------------------------------------------------------- start-up and small commands
def opstart(corpus: Path, runs: int) -> list[Rij]:
    niets = [PYTHON, "-c", "pass"]
    rijen = []
    a, _, r = paarsgewijs(kaderdiff("--help"), niets, runs)
    rijen.append(Rij("`kaderdiff --help`", a, "`python -c pass`", r, "new process: interpreter, imports, help text"))
    a, _, r = paarsgewijs(kaderdiff("versie"), niets, runs)
    rijen.append(Rij("`kaderdiff versie`", a, "`python -c pass`", r, "new process"))
    with tempfile.TemporaryDirectory() as cache:
        herleid = kaderdiff("herleid", "--artikel", ARTIKEL, "--json", "--kaders", str(corpus / "kaders"))
        _looptijd(herleid, _omgeving({"KADERDIFF_CACHE": cache}), None)  # builds the index once
        a, _, r = paarsgewijs(herleid, niets, runs, {"KADERDIFF_CACHE": cache})
        rijen.append(Rij("`kaderdiff herleid --artikel --json`, index on disk", a, "`python -c pass`", r,
                         "new process, reads the stored grondslag index of all versions"))
    with tempfile.TemporaryDirectory() as leeg:
        def leeg_maken() -> None:
            shutil.rmtree(leeg, ignore_errors=True)
            Path(leeg).mkdir()

        runs_koud = max(1, runs // 2)
        a, _, r = paarsgewijs(herleid, niets, runs_koud, {"KADERDIFF_CACHE": leeg}, voor=leeg_maken)
        rijen.append(Rij("`kaderdiff herleid --artikel --json`, cold", a, "`python -c pass`", r,
                         "new process, empty cache folder: parses every version and writes the index"))
    return rijen


# ---------------------------------------------------------------- the pack as a command, and its floor
def pakket_en_vloer(corpus: Path, van: int, naar: int, runs: int, processen: int) -> list[Rij]:
    werk = Path(tempfile.mkdtemp(prefix="bench-pakket-"))
    try:
        pakket = kaderdiff("pakket", "--van", str(van), "--naar", str(naar), "--uit", str(werk / "pakket"),
                           "--kaders", str(corpus / "kaders"))
        _looptijd(pakket, _omgeving(), None)
        vloer = [PYTHON, "-m", "bench.vloer", str(corpus / "kaders"), str(van), str(naar), str(werk / "pakket"),
                 str(werk / "vloer"), str(processen)]
        a, _, r = paarsgewijs(pakket, vloer, runs)
        rijen = [Rij(f"`kaderdiff pakket` (docx+html), all sectors, {processen} processes", a,
                     f"I/O floor as a command, {processen} processes", r,
                     "new process: start-up, parse, align, diff, render, write, zip; the floor parses the same "
                     "inputs and writes the same files")]
        eerste = sorted(p.stem for p in (corpus / "kaders" / str(naar)).glob("*.xml"))[0]
        met_lo = [*pakket[:-2], "--sector", eerste, "--formaten", "docx,odt,pdf,html", *pakket[-2:]]
        zonder = [*pakket[:-2], "--sector", eerste, *pakket[-2:]]
        a, _, r = paarsgewijs(met_lo, zonder, max(1, runs // 2))
        rijen.append(Rij(f"`kaderdiff pakket --formaten docx,odt,pdf,html`, sector {eerste}", a,
                         "the same pack without odt/pdf", r, "two LibreOffice processes convert the 4 documents "
                         "to odt and pdf while the pack is built; the page register reads the Staat pdf"))
        return rijen
    finally:
        shutil.rmtree(werk, ignore_errors=True)


# ---------------------------------------------------------------- docx -> docx, like with like
def docx_paar(corpus: Path, slot: str, van: int, naar: int, runs: int) -> list[Rij]:
    """kaderdiff (two kader versions -> tracked concept docx) against python-redlines on the same two
    clean docx, both as new processes that read two files and write one."""
    werk = Path(tempfile.mkdtemp(prefix="bench-docx-"))
    try:
        schoon = [PYTHON, "-m", "bench.docxpaar", "schoon", str(corpus / "kaders"), slot, str(van), str(naar),
                  str(werk)]
        _looptijd(schoon, _omgeving(), None)
        ons = [PYTHON, "-m", "bench.docxpaar", "kaderdiff", str(corpus / "kaders"), slot, str(van), str(naar),
               str(werk / "kaderdiff.docx")]
        rijen: list[Rij] = []
        for engine in ("docxodus", "wmlcomparer"):
            peer = [PYTHON, "-m", "bench.docxpaar", engine, str(werk / "oud.docx"), str(werk / "nieuw.docx"),
                    str(werk / f"{engine}.docx")]
            a, b, r = paarsgewijs(peer, ons, max(1, runs // 2))
            if not rijen:  # kaderdiff's own time as a command, from the first pairing
                rijen.append(Rij("kaderdiff docx -> docx, as a command", b, "", None,
                                 f"new process: reads both kader versions ({slot} {van}->{naar}), writes the "
                                 "tracked concept docx"))
            rijen.append(Rij(f"python-redlines ({engine}) docx -> docx", a, f"kaderdiff docx -> docx {b:.2f} s",
                             r, "both new processes: read the two clean kader docx, compare, write a tracked docx"))
        return rijen
    finally:
        shutil.rmtree(werk, ignore_errors=True)


# ---------------------------------------------------------------- history without toelichting
def geschiedenis(corpus: Path, slot: str, jaar: int, aantallen: tuple[int, ...], runs: int) -> list[Rij]:
    """`kaderdiff staat` for one sector after a history of N commits to the newer kader.

    "one without": N-1 commits that each change an alinea and add its toelichting, then one change without
    toelichting, so git is read (the case the issue names: it used to parse every commit of the history).
    "all without": none of the N changes has a toelichting, so each of the N commits must be read.
    """
    niets = [PYTHON, "-c", "pass"]
    rijen = []
    for aantal in aantallen:
        for allemaal in (False, True):
            werk = Path(tempfile.mkdtemp(prefix="bench-geschiedenis-"))
            try:
                shutil.copytree(corpus / "kaders", werk / "kaders")
                maak_git(werk)
                _geschiedenis_maken(werk, slot, jaar, aantal, allemaal)
                staat = kaderdiff("staat", "--van", str(jaar - 1), "--naar", str(jaar), "--sector", slot,
                                  "--formaat", "json", "--uit", str(werk / "uit"), "--kaders", str(werk / "kaders"))
                tijd, _, verhouding = paarsgewijs(staat, niets, max(1, runs // 2))
            finally:
                shutil.rmtree(werk, ignore_errors=True)
            soort = "all without toelichting" if allemaal else "one change without toelichting"
            rijen.append(Rij(f"`kaderdiff staat` one sector, {aantal} commits, {soort}", tijd, "`python -c pass`",
                             verhouding, "new process; reads the git history for the changes without toelichting"))
    return rijen


def _geschiedenis_maken(repo: Path, slot: str, jaar: int, aantal: int, allemaal_zonder: bool) -> None:
    bestand = repo / "kaders" / str(jaar) / f"{slot}.xml"
    omgeving = {**os.environ, "GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.nl",
                "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@example.nl"}
    for i in range(aantal):
        tekst = bestand.read_text(encoding="utf-8")
        begin = _nde(tekst, '<alinea id="', i)
        element_id = tekst[begin + len('<alinea id="'):tekst.index('"', begin + len('<alinea id="'))]
        eind = tekst.index("</alinea>", begin)
        tekst = tekst[:eind] + f" Aanvulling {i + 1}." + tekst[eind:]
        if not allemaal_zonder and i < aantal - 1:
            toelichting = (f'    <toelichting id="t-bench-{i + 1}" categorie="verduidelijking">'
                           f'<betreft ref="{element_id}"/><tekst>Aanvulling {i + 1}.</tekst></toelichting>\n')
            plek = tekst.index("  </toelichtingen>")
            tekst = tekst[:plek] + toelichting + tekst[plek:]
        bestand.write_text(tekst, encoding="utf-8")
        for args in (["add", "-A"], ["commit", "-q", "-m", f"Aanvulling {i + 1}"]):
            subprocess.run(["git", *args], cwd=repo, env=omgeving, check=True, capture_output=True)


def _nde(tekst: str, zoek: str, n: int) -> int:
    plek = -1
    for _ in range(n + 1):
        plek = tekst.index(zoek, plek + 1)
    return plek


# ---------------------------------------------------------------- growth
def groei(runs: int, factoren: tuple[int, ...] = (1, 4, 16)) -> list[Rij]:
    """Parse + align + classify + word diff of one pair, for kaders generated at 1, 4 and 16 times the bench's
    generator size; each row is labelled by the words its kaders really have (not by the generator's factor)."""
    from kaderdiff.bron.laden import laad_bytes
    from kaderdiff.diff.vergelijk import vergelijk

    rijen = []
    basis = None
    woorden_1x = 0
    for factor in factoren:
        with tempfile.TemporaryDirectory() as tmp:
            # standard codes stop at two digits (schema): beyond 4x the extra size goes into chapters and areas
            omvang = Omvang(hoofdstukken=6 * factor, standaarden=min(9 * factor, 60), gebieden=5 if factor < 16 else 8)
            maak_corpus(Path(tmp) / "c", sectoren=1, jaren=2, omvang=omvang, git=False)
            kaders = sorted((Path(tmp) / "c" / "kaders").rglob("*.xml"))
            oud_xml, nieuw_xml = kaders[0].read_bytes(), kaders[1].read_bytes()
            woorden = (woorden_in_xml(oud_xml) + woorden_in_xml(nieuw_xml)) // 2

            def paar(o: bytes = oud_xml, n: bytes = nieuw_xml) -> object:
                return vergelijk(laad_bytes(o, "o"), laad_bytes(n, "n"))

            tijd, _ = mediaan(paar, max(1, runs // 2))
        per_woord = tijd / woorden
        basis = basis or per_woord
        woorden_1x = woorden_1x or woorden
        # labelled by the words the generated kaders really have (the generator's size factor is not the word
        # count: standard codes stop at two digits)
        rijen.append(Rij(f"in process: parse + compare one pair of {woorden:,} words "
                         f"({woorden / woorden_1x:.1f}x the first)", tijd,
                         "time per word at the first size", per_woord / basis, "in process; ratio 1.0 = linear growth"))
    return rijen


def rijen_voor_corpus(corpus: Path, runs: int, processen: int) -> list[Rij]:
    """The command rows for one corpus (the standard one; issue 14's renumbered variant can be passed too)."""
    jaren = sorted(int(p.name) for p in (corpus / "kaders").iterdir() if p.name.isdigit())
    slots = sorted(p.stem for p in (corpus / "kaders" / str(jaren[-1])).glob("*.xml"))
    return [*opstart(corpus, runs), *pakket_en_vloer(corpus, jaren[-2], jaren[-1], runs, processen),
            *docx_paar(corpus, slots[0], jaren[0], jaren[1], runs),
            *geschiedenis(corpus, slots[0], jaren[-1], (10, 40), runs)]


def tabel(rijen: list[Rij]) -> str:
    uit = ["| measurement (whole commands unless noted) | median | yardstick (same run) | ratio | includes |",
           "|---|---|---|---|---|"]
    for r in rijen:
        tijd = f"{r.tijd_s * 1000:.0f} ms" if r.tijd_s < 1 else f"{r.tijd_s:.2f} s"
        verhouding = "" if r.verhouding is None else f"{r.verhouding:.1f}×"
        uit.append(f"| {r.naam} | {tijd} | {r.maat} | {verhouding} | {r.omvat} |")
    return "\n".join(uit)
