"""`python -m bench.hernummerd [CORPUS]`: kaderdiff's quality on the corpus with stable, renumbered, positional,
swapped and ignored ids (the renumbered kaders are made by `bench.hernummer`, the others on the fly)."""

from __future__ import annotations

from pathlib import Path

from bench.corpus import STANDAARD_DOEL
from bench.hernummer import maak_variant
from bench.kwaliteit import Telling, beoordeel, hernummerde_uitslagen, kaderdiff_uitslag, lees_waarheid
from kaderdiff.bron.laden import laad_bytes


def main() -> None:
    """kaderdiff on the corpus with stable, renumbered, positional, swapped and ignored ids."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m bench.hernummerd")
    parser.add_argument("corpus", nargs="?", type=Path, default=STANDAARD_DOEL)
    corpus = parser.parse_args().corpus
    if not (corpus / "hernummerd").is_dir():
        maak_variant(corpus)
    tellingen: dict[str, Telling] = {}
    for waarheid in sorted((corpus / "waarheid").glob("*.json")):
        slot, jaar = waarheid.stem.rsplit("-", 1)
        oud = laad_bytes((corpus / "kaders" / str(int(jaar) - 1) / f"{slot}.xml").read_bytes(), "oud")
        nieuw = laad_bytes((corpus / "kaders" / jaar / f"{slot}.xml").read_bytes(), "nieuw")
        rijen = lees_waarheid(waarheid)
        beoordeel(tellingen.setdefault("kaderdiff", Telling()), kaderdiff_uitslag(oud, nieuw), rijen, waarheid.stem)
        for variant, uitslag in hernummerde_uitslagen(corpus, slot, int(jaar), oud, nieuw).items():
            beoordeel(tellingen.setdefault(variant, Telling()), uitslag, rijen, waarheid.stem)
    print("| variant | pairs | precision | recall | kind acc. | moves found / expected | false moves | "
          "false split/merge | in doubt (of which wrong) |\n" + "|---" * 9 + "|")
    for naam, t in tellingen.items():
        print(f"| {naam} | {t.paren} | {t.precisie:.4f} | {t.recall:.4f} | {t.soortnauwkeurigheid:.4f} | "
              f"{t.zetten_gevonden} / {t.zetten_verwacht} | {t.valse_zetten} | {t.valse_herindelingen} | "
              f"{t.onzeker} ({t.onzeker_fout}) |")
    for naam, t in tellingen.items():
        if t.missers or t.onterecht or t.soort_fout:
            print(f"\n{naam}: missed {t.missers[:8]}\n  spurious {t.onterecht[:8]}\n  kind {t.soort_fout[:8]}")


if __name__ == "__main__":
    main()
