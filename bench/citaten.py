"""Timing `kaderdiff citaten` on a large text dense with law references (issue 29).

The text is Dutch prose as a Ringen report or a Kamerbrief has it: paragraphs separated by a blank line,
some wrapped over several lines, curly quotes and 'één' (so Python holds it as two bytes per character),
and about one reference every 120 characters in the forms people write ("art. 40 lid 4 Wpo", "artikel
7.2.4a, eerste lid, van de WEB", "de artikelen 8 en 9 van de WPO", "artikel 27, tweede lid, onder c, WVO 2020"),
mixed with law names without an article and articles without a law. Seeded: the same size gives the same text.

Usage: python -m bench.citaten [--mb 50] [--json] [--runs 1] [--bestand PAD] [--checkout MAP]
Each run is a new process (`python -m kaderdiff citaten PAD [--json] > /dev/null`); printed are its wall time,
its CPU time and peak resident memory (`wait4`'s ru_utime + ru_stime and ru_maxrss), and that per input byte.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

#: Sentences as people write them; {a} is an article number, {l} a lid, {r} a rangtelwoord, {o} an onderdeel.
ZINNEN = (
    "De Ring constateert dat het bestuur niet voldoet aan artikel {a}, {r} lid, van de WEB.",
    "Volgens art. {a} lid {l} Wpo moet het schoolplan één keer per vier jaar worden vastgesteld.",
    "Het oordeel berust op artikel {a}, {r} lid, onder {o}, WVO 2020 en op de toelichting daarbij.",
    "De school heeft de ouders niet tijdig geïnformeerd over de ‘schoolgids’ (art. {a} lid {l} WPO).",
    "De artikelen {a} en {a} van de WPO vragen een samenhangend aanbod; dat ontbreekt hier.",
    "De inspectie wijst op artikel {a} {r} lid en in artikel {a} van de WOT.",
    "Het bevoegd gezag draagt zorg voor de kwaliteit, zoals de WPO dat vraagt.",
    "In artikel {a} van die wet staat niet wat de Ring veronderstelt.",
    "Artikel {a}, {r} lid, onder {o}, van de WPO verplicht tot een ‘passend’ aanbod.",
    "Zie ook artikel {a} van de WEB en artikel {a}, {r} lid, van de Wet educatie en beroepsonderwijs.",
    "Het leerplan is niet in overeenstemming met art. {a} Wpo, aldus de ouders.",
    "De school heeft geen schoolondersteuningsprofiel als bedoeld in artikel {a} van de WPO.",
    "Op grond van artikel {a}, {r} lid, onder {o}, 1°, van de Wvo 2020 is dit een tekortkoming.",
    "De medezeggenschapsraad is niet gehoord; dat raakt aan de WMS en aan het reglement.",
    "Een reëel beeld van de resultaten ontbreekt, zo blijkt uit het gesprek met het team.",
    "De leerlingen krijgen onvoldoende begeleiding bij de overgang naar het vervolgonderwijs.",
)
_RANG = ("eerste", "tweede", "derde", "vierde", "vijfde", "zesde")


def _zin(kans: random.Random) -> str:
    zin = kans.choice(ZINNEN)
    while "{" in zin:  # every placeholder its own number
        artikel = kans.choice((str(kans.randint(1, 190)) + kans.choice(("", "", "a", "b")),
                               f"{kans.randint(1, 8)}.{kans.randint(1, 9)}.{kans.randint(1, 12)}"))
        zin = (zin.replace("{a}", artikel, 1).replace("{l}", str(kans.randint(1, 9)), 1)
               .replace("{r}", kans.choice(_RANG), 1).replace("{o}", kans.choice("abcdefgh"), 1))
    return zin


def alineas(doel_bytes: int, zaad: int = 2029) -> Iterator[str]:
    """Paragraphs of about `doel_bytes` of UTF-8 prose with references in all, deterministic for a size and seed."""
    kans = random.Random(zaad)
    grootte = 0
    while grootte < doel_bytes:
        alinea = " ".join(_zin(kans) for _ in range(kans.randint(3, 9)))
        if kans.random() < 0.3:  # wrapped as an e-mail or a converted PDF wraps it
            regels, regel = [], ""
            for woord in alinea.split(" "):
                if len(regel) + len(woord) > 78:
                    regels.append(regel)
                    regel = woord
                else:
                    regel = f"{regel} {woord}" if regel else woord
            alinea = "\n".join([*regels, regel])
        grootte += len(alinea.encode("utf-8")) + 2
        yield alinea


def schrijf(pad: Path, doel_bytes: int) -> int:
    """The text into `pad`, paragraph by paragraph (the measuring process stays small); returns its size."""
    with pad.open("w", encoding="utf-8", newline="\n") as uit:
        for i, alinea in enumerate(alineas(doel_bytes)):
            uit.write(("\n\n" if i else "") + alinea)
        uit.write("\n")
    return pad.stat().st_size


def meet(pad: Path, als_json: bool, checkout: Path | None = None) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (user + system: less moved by other work on a shared machine) and peak RSS in
    bytes of one `kaderdiff citaten` process (of `checkout`, if given)."""
    opdracht = [sys.executable, "-m", "kaderdiff", "citaten", str(pad.resolve()), *(["--json"] if als_json else [])]
    begin = time.perf_counter()
    with open(os.devnull, "wb") as nul:
        proces = subprocess.Popen(opdracht, stdout=nul, cwd=checkout)
        _, status, gebruik = os.wait4(proces.pid, 0)
    duur = time.perf_counter() - begin
    proces.returncode = os.waitstatus_to_exitcode(status)
    if proces.returncode != 0:
        raise SystemExit(f"kaderdiff citaten stopte met exitcode {proces.returncode}")
    return duur, gebruik.ru_utime + gebruik.ru_stime, gebruik.ru_maxrss * 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=50.0)
    parser.add_argument("--json", dest="als_json", action="store_true")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--bestand", type=Path, default=None, help="schrijf de tekst hierheen en meet niet")
    parser.add_argument("--checkout", type=Path, default=None,
                        help="meet de kaderdiff van deze map (bijv. een oudere versie uit git archive)")
    args = parser.parse_args()
    doel = int(args.mb * 1024 * 1024)
    if args.bestand is not None:
        schrijf(args.bestand, doel)
        return
    with tempfile.TemporaryDirectory() as map_:
        pad = Path(map_) / "verslag.txt"
        grootte = schrijf(pad, doel)
        for _ in range(args.runs):
            duur, cpu, piek = meet(pad, args.als_json, args.checkout)
            print(f"{grootte / 1e6:.1f} MB{' --json' if args.als_json else ''}: {duur:.1f} s ({cpu:.1f} s CPU), "
                  f"piek {piek / 1e6:.0f} MB ({piek / grootte:.1f} bytes per invoerbyte)")


if __name__ == "__main__":
    main()
