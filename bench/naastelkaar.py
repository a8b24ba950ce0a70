"""Every tool on the same pairs, each timed on exactly the input its quality is measured on: the one table of
bench/README.md.

Per pair, each tool gets the form of the two kader versions it can read, and the output of the timed call is the
one that is scored:
- kaderdiff and xmldiff: the two kader XML files' bytes (both parse included: like with like);
- difflib and redlines: one line per element (made from the parsed kaders, untimed);
- python-redlines (WmlComparer, Docxodus): the two clean kader docx kaderdiff renders (untimed), the same files
  the command rows time; against kaderdiff from the kader bytes to its tracked concept docx, which is read back
  to element ids by the same reader as theirs (bench/docxkwaliteit.py).
Ratios are per pair against kaderdiff doing the same job on the same pair, just before; the table gives the
medians over the pairs.
"""

from __future__ import annotations

import gc
import resource
import statistics
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from bench.docxkwaliteit import blokken_van, docx_uitslag
from bench.docxpaar import MOMENT
from bench.kwaliteit import (
    Tekstdoc,
    Telling,
    Uitslag,
    beoordeel,
    difflib_bereiken,
    lees_waarheid,
    redlines_bereiken,
    uitslag_uit_bereiken,
    uitslag_uit_rijen,
    xmldiff_script,
    xmldiff_uitslag_uit,
)
from bench.opdrachten import Rij
from kaderdiff.bron.laden import laad_bytes
from kaderdiff.bron.versies import KaderMap
from kaderdiff.diff.staatbouw import maak_staat
from kaderdiff.diff.uitlijning import lijn_uit
from kaderdiff.diff.vergelijk import vergelijk
from kaderdiff.model.versie import Versie
from kaderdiff.model.wijziging import Wijziging
from kaderdiff.render.docx_kader import render_concept_docx, render_kader_docx

T = TypeVar("T")
PEERS = "pip install -e '.[dev,bench]'"
KADERDIFF = "kaderdiff"
KADERDIFF_DOCX = "kaderdiff docx -> docx"
WML, DOCXODUS = "python-redlines (WmlComparer)", "python-redlines (Docxodus)"


@dataclass
class Deelnemer:
    """One row of the table: a tool, what it gets, its quality and its time per pair."""

    naam: str
    invoer: str
    eenheid: str  # what one marked unit is for this tool
    maat: str  # the row it is timed against ('' for a yardstick)
    telling: Telling = field(default_factory=Telling)
    tijden: list[float] = field(default_factory=list)  # wall seconds per pair
    cpu: list[float] = field(default_factory=list)  # CPU seconds per pair (this process and its children)
    verhoudingen: list[float] = field(default_factory=list)  # per pair, wall time against the yardstick's
    cpu_verhoudingen: list[float] = field(default_factory=list)
    ongekoppeld: int = 0  # units of its output no element could be found for (docx readers)

    def als_dict(self) -> dict[str, object]:
        return {"invoer": self.invoer, "eenheid": self.eenheid, "maat": self.maat, "kwaliteit": self.telling.als_dict(),
                "tijden_s": self.tijden, "cpu_s": self.cpu, "verhoudingen": self.verhoudingen,
                "cpu_verhoudingen": self.cpu_verhoudingen, "ongekoppeld": self.ongekoppeld}


def _redline_functie(engine: Any) -> Callable[[bytes, bytes], bytes]:
    def vergelijk_docx(a: bytes, b: bytes) -> bytes:
        return bytes(engine.run_redline("bench", a, b)[0])
    return vergelijk_docx


def redline_engines() -> dict[str, Callable[[bytes, bytes], bytes]]:
    """Both python-redlines engines (its [all] extra ships their binaries); a missing one stops the bench."""
    import python_redlines as pr  # type: ignore[import-untyped,unused-ignore]

    engines: dict[str, Callable[[bytes, bytes], bytes]] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for naam, cls in ((WML, pr.XmlPowerToolsEngine), (DOCXODUS, pr.DocxodusEngine)):
            try:
                engine = cls()
            except Exception as fout:
                raise SystemExit(f"bench: {naam} start niet ({fout}); installeer met {PEERS}") from None
            engines[naam] = _redline_functie(engine)
    return engines


@dataclass(frozen=True)
class Tijd:
    muur: float
    cpu: float


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (python-redlines runs its engine as one)."""
    kinderen = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + kinderen.ru_utime + kinderen.ru_stime


def getimed(functie: Callable[[], T], keren: int) -> tuple[Tijd, T]:
    """Median wall and CPU time of `keren` calls, and the last call's result (the one that is scored). CPU time is
    what a shared machine inflates least: other work makes a call wait, not work more."""
    muur, cpu = [], []
    for _ in range(keren):
        gc.collect()
        begin, begin_cpu = time.perf_counter(), _cpu()
        uitkomst = functie()
        muur.append(time.perf_counter() - begin)
        cpu.append(_cpu() - begin_cpu)
    return Tijd(statistics.median(muur), statistics.median(cpu)), uitkomst


def deelnemers() -> dict[str, Deelnemer]:
    van_bytes = "the two kader XML files' bytes"
    return {
        KADERDIFF: Deelnemer(KADERDIFF, f"{van_bytes}: parse, align, classify, word diff", "row", ""),
        "difflib": Deelnemer("difflib", "one line per element (text made from the parsed kaders, not timed)",
                             "line", KADERDIFF),
        "redlines": Deelnemer("redlines", "one line per element (as difflib)", "line", KADERDIFF),
        "xmldiff": Deelnemer("xmldiff", f"{van_bytes}: parse and edit script (mapped to ids afterwards, not timed)",
                             "action", KADERDIFF),
        KADERDIFF_DOCX: Deelnemer(KADERDIFF_DOCX, f"{van_bytes} -> tracked concept docx, read back like the Word "
                                  "comparers' output", "paragraph", ""),
        DOCXODUS: Deelnemer(DOCXODUS, "the two clean kader docx kaderdiff renders (as in the command rows)",
                            "paragraph", KADERDIFF_DOCX),
        WML: Deelnemer(WML, "the same two clean kader docx", "paragraph", KADERDIFF_DOCX),
    }


def meet(corpus: Path, paren: list[tuple[str, int]], keren: int) -> dict[str, Deelnemer]:
    """Every tool on every pair (slot, newer year); `keren`: timed calls per pair of the in-memory tools (the Word
    comparers run once per pair)."""
    rijen = deelnemers()
    engines = redline_engines()
    for slot, jaar in paren:
        _meet_paar(corpus, slot, jaar, rijen, engines, keren)
    return rijen


def _meet_paar(corpus: Path, slot: str, jaar: int, rijen: dict[str, Deelnemer],
               engines: dict[str, Callable[[bytes, bytes], bytes]], keren: int) -> None:
    naam = f"{slot}-{jaar}"
    waarheid = lees_waarheid(corpus / "waarheid" / f"{naam}.json")
    oud_xml, nieuw_xml = ((corpus / "kaders" / str(j) / f"{slot}.xml").read_bytes() for j in (jaar - 1, jaar))
    tijd: dict[str, Tijd] = {}

    def scoor(wie: str, seconden: Tijd, uitslag: Uitslag) -> None:
        rij = rijen[wie]
        tijd[wie] = seconden
        rij.tijden.append(seconden.muur)
        rij.cpu.append(seconden.cpu)
        if rij.maat:
            rij.verhoudingen.append(seconden.muur / tijd[rij.maat].muur)
            rij.cpu_verhoudingen.append(seconden.cpu / tijd[rij.maat].cpu)
        beoordeel(rij.telling, uitslag, waarheid, naam)

    def kaderdiff_rijen() -> list[Wijziging]:
        oud, nieuw = laad_bytes(oud_xml, "oud"), laad_bytes(nieuw_xml, "nieuw")
        return list(vergelijk(oud, nieuw, lijn_uit(oud, nieuw)))

    seconden, uitkomst = getimed(kaderdiff_rijen, keren)
    scoor(KADERDIFF, seconden, uitslag_uit_rijen(uitkomst))
    to, tn = Tekstdoc.van(laad_bytes(oud_xml, "oud")), Tekstdoc.van(laad_bytes(nieuw_xml, "nieuw"))
    for wie, bereik in (("difflib", difflib_bereiken), ("redlines", redlines_bereiken)):
        seconden, bereiken = getimed(lambda b=bereik: b(to.tekst, tn.tekst), keren)  # type: ignore[misc]
        scoor(wie, seconden, uitslag_uit_bereiken(to, tn, bereiken))
    seconden, script = getimed(lambda: xmldiff_script(oud_xml, nieuw_xml), keren)
    scoor("xmldiff", seconden, xmldiff_uitslag_uit(script))

    kadermap = KaderMap(corpus / "kaders")
    kaders = [kadermap.laad(Versie(j), slot) for j in (jaar - 1, jaar)]
    schoon_oud, schoon_nieuw = (render_kader_docx(k, MOMENT) for k in kaders)
    blokken_oud, blokken_nieuw = blokken_van(kaders[0], schoon_oud), blokken_van(kaders[1], schoon_nieuw)

    def kaderdiff_docx() -> bytes:
        staat = maak_staat(KaderMap(corpus / "kaders"), Versie(jaar - 1), Versie(jaar), slot)
        return render_concept_docx(staat, MOMENT)

    taken: list[tuple[str, Callable[[], bytes], int]] = [(KADERDIFF_DOCX, kaderdiff_docx, keren)]
    taken += [(wie, lambda e=engine: e(schoon_oud, schoon_nieuw), 1)  # type: ignore[misc]
              for wie, engine in engines.items()]
    for wie, functie, aantal in taken:
        seconden, docx = getimed(functie, aantal)
        uitslag, ongekoppeld = docx_uitslag(docx, blokken_oud, blokken_nieuw)
        rijen[wie].ongekoppeld += ongekoppeld
        scoor(wie, seconden, uitslag)


#: The command rows (bench/opdrachten.py) that time the Word jobs as separate processes.
OPDRACHTRIJEN = {KADERDIFF_DOCX: "kaderdiff docx -> docx, as a command",
                 DOCXODUS: "python-redlines (docxodus) docx -> docx", WML: "python-redlines (wmlcomparer) docx -> docx"}


def _tijd(s: float) -> str:
    return f"{s * 1000:.0f} ms" if s < 1 else f"{s:.2f} s"


def tabel(rijen: dict[str, Deelnemer], opdrachten: list[Rij] | None = None) -> str:
    """The one table: quality and time per pair of every tool on the same pairs; `opdrachten`: the command rows of the
    same run, for the Word comparers' time as separate processes."""
    per_naam = {r.naam: r for r in opdrachten or ()}
    als_opdracht = {wie: per_naam[naam] for wie, naam in OPDRACHTRIJEN.items() if naam in per_naam}
    regels = ["| tool | what it gets | pairs | precision | recall | moves found / expected | spurious marks: "
              "elements (units) | false moves: elements (units) | time per pair, median: wall (CPU) | against "
              "kaderdiff, same job, same pair, median: wall (CPU) | as separate processes, one pair (wall) |",
              "|---" * 11 + "|"]
    for rij in rijen.values():
        t = rij.telling
        verhouding = (f"{statistics.median(rij.verhoudingen):.1f}× ({statistics.median(rij.cpu_verhoudingen):.1f}×) "
                      f"against {rij.maat}" if rij.verhoudingen else "yardstick")
        opdracht = als_opdracht.get(rij.naam)
        proces = (f"{_tijd(opdracht.tijd_s)}, {opdracht.verhouding:.1f}× ({opdracht.maat})"
                  if opdracht is not None and opdracht.verhouding is not None else
                  f"{_tijd(opdracht.tijd_s)}" if opdracht is not None else "")
        regels.append(
            f"| {rij.naam} | {rij.invoer} | {t.paren} | {t.precisie:.3f} | {t.recall:.3f} | "
            f"{t.zetten_gevonden} / {t.zetten_verwacht} | {t.valse_elementen} ({t.valse_eenheden} {rij.eenheid}s) | "
            f"{t.valse_zetten} ({t.valse_zeteenheden} {rij.eenheid}s) | {_tijd(statistics.median(rij.tijden))} "
            f"({_tijd(statistics.median(rij.cpu))}) | "
            f"{verhouding} | {proces} |")
    return "\n".join(regels)
