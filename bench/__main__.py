"""`python -m bench [--snel]`: generate the corpus, then measure quality, speed and memory, with the peers.

Writes bench/resultaat.json and prints the table that bench/README.md shows.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import tempfile
import time
import tracemalloc
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench import naastelkaar, opdrachten, samenvoegscenarios
from bench.corpus import EERSTE_JAAR, SNEL, STANDAARD_DOEL, maak_corpus, woorden_in_xml
from bench.groei import STANDAARD_GROOTTES, meet_voorbeelden
from bench.groei import meet as meet_groei
from bench.groei import tabel as groei_tabel
from bench.kwaliteit import Telling, beoordeel, hernummerde_uitslagen, kaderdiff_uitslag, lees_waarheid
from bench.naastelkaar import PEERS, redline_engines
from bench.opdrachten import Rij, mediaan
from kaderdiff.bron.laden import laad_bytes
from kaderdiff.bron.versies import KaderMap
from kaderdiff.diff.staatbouw import maak_staat
from kaderdiff.diff.vergelijk import vergelijk
from kaderdiff.model.kader import Grondslag, Kader
from kaderdiff.model.versie import Versie
from kaderdiff.pakket.pakketbouw import bouw_pakket
from kaderdiff.recht.artikelherleiding import herleid_artikel
from kaderdiff.recht.grondslagindex import Grondslagindex
from kaderdiff.render.staat_uit import staat_bestanden
from kaderdiff.uitvoer.parallel import bruikbare_processors, mag_forken

MOMENT = datetime(2026, 5, 20, 8, 0, tzinfo=UTC)
RESULTAAT = Path(__file__).resolve().parent / "resultaat.json"


# ---------------------------------------------------------------- quality
def paren(corpus: Path) -> list[tuple[str, int]]:
    stammen = [p.stem.rsplit("-", 1) for p in (corpus / "waarheid").glob("*.json")]
    return sorted((slot, int(jaar)) for slot, jaar in stammen)


def lees(corpus: Path, slot: str, jaar: int) -> bytes:
    return (corpus / "kaders" / str(jaar) / f"{slot}.xml").read_bytes()


def kwaliteit(corpus: Path) -> dict[str, Telling]:
    """kaderdiff on every pair, also with renumbered, positional and swapped ids and with ids ignored."""
    tellingen: dict[str, Telling] = {}
    for slot, jaar in paren(corpus):
        naam = f"{slot}-{jaar}"
        waarheid = lees_waarheid(corpus / "waarheid" / f"{naam}.json")
        oud = laad_bytes(lees(corpus, slot, jaar - 1), f"{slot}-{jaar - 1}")
        nieuw = laad_bytes(lees(corpus, slot, jaar), naam)
        beoordeel(tellingen.setdefault("kaderdiff", Telling()), kaderdiff_uitslag(oud, nieuw), waarheid, naam)
        for variant, uitslag in hernummerde_uitslagen(corpus, slot, jaar, oud, nieuw).items():
            beoordeel(tellingen.setdefault(variant, Telling()), uitslag, waarheid, naam)
    return tellingen


def steekproef(corpus: Path, aantal: int) -> list[tuple[str, int]]:
    """The pairs every tool gets (the peers are slow): the first year pair of each sector, at most `aantal`."""
    return sorted(p for p in paren(corpus) if p[1] == EERSTE_JAAR + 1)[:aantal]


def vereis_peers() -> None:
    """Every peer must be there: a missing one stops the bench instead of silently dropping its row."""
    for module in ("redlines", "xmldiff", "python_redlines"):
        try:
            __import__(module)
        except ImportError as fout:
            raise SystemExit(f"bench: peer '{module}' ontbreekt ({fout}); installeer met {PEERS}") from None
    redline_engines()


# ---------------------------------------------------------------- speed
def snelheid(corpus: Path, runs: int) -> dict[str, Any]:
    uit: dict[str, Any] = {}
    slots = sorted({s for s, _ in paren(corpus)})
    jaren = sorted({j for _, j in paren(corpus)})
    slot, jaar = slots[0], jaren[0]
    oud_xml, nieuw_xml = lees(corpus, slot, jaar - 1), lees(corpus, slot, jaar)
    modellen: list[tuple[Kader, Kader]] = []

    def vers() -> None:
        modellen[:] = [(laad_bytes(oud_xml, "oud"), laad_bytes(nieuw_xml, "nieuw"))]

    uit["paar"] = f"{slot} {jaar - 1}->{jaar}"
    uit["woorden_paar"] = [woorden_in_xml(oud_xml), woorden_in_xml(nieuw_xml)]
    uit["vergelijk_s"], uit["vergelijk_runs"] = mediaan(lambda: vergelijk(*modellen[0]), runs, vers)
    uit["laden_paar_s"], _ = mediaan(lambda: (laad_bytes(oud_xml, "o"), laad_bytes(nieuw_xml, "n")), runs)

    kadermap = KaderMap(corpus / "kaders")
    van, naar = Versie(jaar - 1), Versie(jaar)
    uit["staat_docx_s"], _ = mediaan(
        lambda: staat_bestanden(maak_staat(kadermap, van, naar, slot), ("docx",), MOMENT, slot), runs)

    # full pack for every sector (last year pair) and the I/O floor; a fresh KaderMap per run,
    # so no run reuses kaders parsed by an earlier one
    laatste = jaren[-1]

    def pakket(doel: Path, processen: int | None = None) -> None:
        bouw_pakket(KaderMap(corpus / "kaders"), Versie(laatste - 1), Versie(laatste), doel, ("docx", "html"),
                    processen=processen)

    with tempfile.TemporaryDirectory() as tmp:
        uit["pakket_een_proces_s"], _ = mediaan(lambda: pakket(Path(tmp) / "pakket", 1), runs,
                                                lambda: shutil.rmtree(Path(tmp) / "pakket", True))
        uit["pakket_s"], uit["pakket_runs"] = mediaan(lambda: pakket(Path(tmp) / "pakket"), runs,
                                                      lambda: shutil.rmtree(Path(tmp) / "pakket", True))
        uit["pakket_processen"] = bruikbare_processors() if mag_forken() else 1
        uit["pakket_sectoren"] = len(slots)
        bestanden = sorted(p for p in (Path(tmp) / "pakket").rglob("*") if p.is_file())
        uit["pakket_bestanden"] = len(bestanden)
        uit["pakket_bytes"] = sum(p.stat().st_size for p in bestanden)
        inhoud = [(p.relative_to(Path(tmp) / "pakket"), p.read_bytes()) for p in bestanden]
        invoer = [lees(corpus, s, j) for s in slots for j in (laatste - 1, laatste)]

        def vloer() -> None:
            for i, data in enumerate(invoer):
                laad_bytes(data, f"in{i}")
            doel = Path(tmp) / "vloer"
            for rel, data in inhoud:
                (doel / rel).parent.mkdir(parents=True, exist_ok=True)
                (doel / rel).write_bytes(data)

        uit["io_vloer_s"], _ = mediaan(vloer, runs)

    # reverse trace over every version: building the index once, then 'cold' (a new process: new
    # KaderMap, index read from disk) and 'warm' (the same index object again)
    gezocht = Grondslag("WOT", "11")
    with tempfile.TemporaryDirectory() as cache:
        start = time.perf_counter()
        index = Grondslagindex(KaderMap(corpus / "kaders"), Path(cache))
        uit["herleid_treffers"] = len(herleid_artikel(index.kadermap, gezocht, index))
        uit["herleid_index_bouwen_s"] = time.perf_counter() - start
        uit["herleid_kaders"] = len(index.kaders())

        def koud() -> None:
            kadermap = KaderMap(corpus / "kaders")
            herleid_artikel(kadermap, gezocht, Grondslagindex(kadermap, Path(cache)))

        uit["herleid_koud_s"], _ = mediaan(koud, runs)
        uit["herleid_warm_s"], _ = mediaan(lambda: herleid_artikel(index.kadermap, gezocht, index), runs)

    # peak memory of one staat (docx) and of the whole run
    tracemalloc.start()
    staat_bestanden(maak_staat(kadermap, van, naar, slot), ("docx", "html", "json"), MOMENT, slot)
    uit["piek_staat_mb"] = round(tracemalloc.get_traced_memory()[1] / 2**20, 1)
    tracemalloc.stop()
    uit["maxrss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return uit


# ---------------------------------------------------------------- report
def machine() -> dict[str, str]:
    cpu = next((r.split(":", 1)[1].strip() for r in Path("/proc/cpuinfo").read_text().splitlines()
                if r.startswith("model name")), platform.processor())
    ram = next((r.split(":", 1)[1].strip() for r in Path("/proc/meminfo").read_text().splitlines()
                if r.startswith("MemTotal")), "?")
    return {"nproc": str(os.cpu_count()), "cpu": cpu, "ram": ram, "python": platform.python_version()}


def _s(x: object) -> str:
    if isinstance(x, float):
        return f"{x * 1000:.0f} ms" if x < 1 else f"{x:.2f} s"
    return "—" if x is None else str(x)


def tabel(kw: dict[str, Telling]) -> str:
    r = ["| tool | pairs | precision | recall | kind acc. | moves found / expected | false moves | "
         "false split/merge | fragments (ideal) | edits at ideal | mid-word |", "|---" * 11 + "|"]
    for naam, t in kw.items():
        r.append(f"| {naam} | {t.paren} | {t.precisie:.3f} | {t.recall:.3f} | {t.soortnauwkeurigheid:.3f} | "
                 f"{t.zetten_gevonden} / {t.zetten_verwacht} | {t.valse_zetten} | {t.valse_herindelingen} | "
                 f"{t.fragmenten} ({t.fragmenten_ideaal}) | "
                 f"{t.op_ideaal} / {t.bewerkingen} | {t.midden_in_woord} |")
    return "\n".join(r)


def snelheidsrijen(sn: dict[str, Any]) -> list[Rij]:
    """The in-process figures as table rows, each with its yardstick from the same run."""
    ons = sn["vergelijk_s"]
    paar = f"pair {sn['paar']}"
    rijen = [Rij(f"in process: kaderdiff diff in memory, {paar}", ons, "", None,
                 "align + classify + word diff of two parsed kaders"),
             Rij("in process: parse both kaders", sn["laden_paar_s"], "", None, "XML parse, schema, model")]
    rijen += [
        Rij("in process: kaderdiff staat (docx)", sn["staat_docx_s"], "", None, "one sector: Staat as Word"),
        Rij(f"in process: pack, {sn['pakket_sectoren']} sectors, 1 process", sn["pakket_een_proces_s"],
            "I/O floor, 1 process", sn["pakket_een_proces_s"] / sn["io_vloer_s"],
            f"`bouw_pakket` docx+html+json, {sn['pakket_bestanden']} files; floor: parse the inputs, write the files"),
        Rij(f"in process: pack, {sn['pakket_processen']} processes", sn["pakket_s"], "pack in 1 process",
            sn["pakket_s"] / sn["pakket_een_proces_s"], "the same pack, sectors in forked workers"),
        Rij("in process: I/O floor", sn["io_vloer_s"], "", None, "parse 16 input kaders, write the pack's files"),
        Rij(f"in process: herleid --artikel, first time, {sn['herleid_kaders']} versions",
            sn["herleid_index_bouwen_s"], "", None, "parses every version, builds the grondslag index"),
        Rij("in process: herleid --artikel, index from disk", sn["herleid_koud_s"], "", None,
            "new KaderMap, index read from disk (the cold command is below)"),
        Rij("in process: herleid --artikel, warm", sn["herleid_warm_s"], "", None, "same index object"),
    ]
    return rijen


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--snel", action="store_true", help="klein corpus, rookproef")
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--geen-corpus", action="store_true", help="hergebruik een bestaand corpus")
    parser.add_argument("--zonder-groei", action="store_true", help="sla de groeicurve (drie kadergroottes) over")
    args = parser.parse_args()
    corpus = args.corpus or (Path(tempfile.mkdtemp()) / "corpus" if args.snel else STANDAARD_DOEL)
    if not args.geen_corpus:
        start = time.perf_counter()
        info = maak_corpus(corpus, 2, 3, SNEL) if args.snel else maak_corpus(corpus)
        print(f"corpus {corpus}: {info['woorden_per_kader']} woorden per kader, {time.perf_counter() - start:.1f} s")
    vereis_peers()
    belasting = {"begin": os.getloadavg()}
    kw = kwaliteit(corpus)
    print(tabel(kw), flush=True)
    # every tool on the same pairs, timed on the input it is scored on (the one table of bench/README.md)
    keren = 1 if args.snel else 3
    deelnemers = naastelkaar.meet(corpus, steekproef(corpus, 2 if args.snel else 8), keren)
    sn = snelheid(corpus, 1 if args.snel else args.runs)
    runs = 2 if args.snel else args.runs
    processen = bruikbare_processors() if mag_forken() else 1
    rijen = snelheidsrijen(sn) + opdrachten.rijen_voor_corpus(corpus, runs, processen)
    # the renumbered-id corpus (issue 14) is in the quality table (rows 'ids renumbered'/'ids ignored') and in
    # the alignment growth below
    print(f"\nEvery tool on the same pairs (in-memory tools timed {keren}x per pair, Word comparers once):\n")
    print(naastelkaar.tabel(deelnemers, rijen))
    print(f"\nSpeed (median of {sn['vergelijk_runs']} runs; commands {runs} pairs):\n")
    print(opdrachten.tabel(rijen), flush=True)
    if not args.zonder_groei:
        groei = opdrachten.groei(runs)
        print("\n".join(opdrachten.tabel(groei).splitlines()[2:]))
        rijen += groei
    scenarios = samenvoegscenarios.speel_alle()
    print("\nMerge scenarios (sample kader kaders/2026/mbo.xml):\n")
    print(samenvoegscenarios.tabel(scenarios), flush=True)
    print(f"\npeak traced memory, one staat (docx+html+json): {sn['piek_staat_mb']} MB; "
          f"max RSS of the benchmark process: {sn['maxrss_mb']} MB")
    # issue 14: alignment with renumbered ids, by size, and on the sample kaders (CPU time, see bench/groei.py)
    uitlijning = [meet_groei(w, 1 if args.snel else 3)
                  for w in ((10_000, 32_000) if args.snel else STANDAARD_GROOTTES)]
    voorbeelden = meet_voorbeelden(21 if args.snel else 201)
    print("\n" + groei_tabel(uitlijning))
    print(f"\nSample kaders, align 4 pairs: stable ids {voorbeelden['voorbeelden_stabiel_s'] * 1000:.1f} ms, every "
          f"id renumbered {voorbeelden['voorbeelden_hernummerd_s'] * 1000:.1f} ms "
          f"({voorbeelden['voorbeelden_verhouding']:.2f}×)")
    belasting["eind"] = os.getloadavg()
    print(f"\nload average (1, 5, 15 min) at the start: {belasting['begin']}, at the end: {belasting['eind']}")
    resultaat = {"machine": machine(), "belasting": belasting, "kwaliteit": {n: t.als_dict() for n, t in kw.items()},
                 "naast_elkaar": {n: d.als_dict() for n, d in deelnemers.items()},
                 "samenvoegscenarios": {n: {w: asdict(u) for w, u in per.items()} for n, per in scenarios.items()},
                 "snelheid": sn, "opdrachten": [r.__dict__ for r in rijen], "groei_uitlijning": uitlijning,
                 "voorbeelden": voorbeelden}
    if not args.snel:
        RESULTAAT.write_text(json.dumps(resultaat, indent=1, ensure_ascii=False))
    for n, t in [*kw.items(), *((f"{d.naam} (same pairs)", d.telling) for d in deelnemers.values())]:
        if t.missers or t.onterecht or t.soort_fout:
            print(f"\n{n}: missed {t.missers[:8]}\n  spurious {t.onterecht[:8]}\n  kind {t.soort_fout[:8]}")


if __name__ == "__main__":
    main()
