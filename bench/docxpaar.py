"""`python -m bench.docxpaar MODE ...`: one docx -> docx comparison as its own process, like a user runs it.

- `schoon KADERS SLOT VAN NAAR WERK`: the two clean kader docx (WERK/oud.docx, WERK/nieuw.docx) for the peers;
- `kaderdiff KADERS SLOT VAN NAAR UIT`: kaderdiff reads both kader versions and writes the tracked concept docx;
- `docxodus|wmlcomparer OUD NIEUW UIT`: python-redlines compares the two clean docx and writes its redline.
"""

from __future__ import annotations

import sys
import warnings
from datetime import UTC, datetime
from pathlib import Path

MOMENT = datetime(2026, 5, 20, 8, 0, tzinfo=UTC)


def main() -> None:
    modus, *args = sys.argv[1:]
    if modus in ("schoon", "kaderdiff"):
        from kaderdiff.bron.versies import KaderMap
        from kaderdiff.diff.staatbouw import maak_staat
        from kaderdiff.model.versie import Versie
        from kaderdiff.render.docx_kader import render_concept_docx, render_kader_docx

        kaders, slot, van, naar, uit = args
        kadermap = KaderMap(Path(kaders))
        if modus == "schoon":
            for naam, jaar in (("oud", van), ("nieuw", naar)):
                data = render_kader_docx(kadermap.laad(Versie(int(jaar)), slot), MOMENT)
                (Path(uit) / f"{naam}.docx").write_bytes(data)
            return
        staat = maak_staat(kadermap, Versie(int(van)), Versie(int(naar)), slot)
        Path(uit).write_bytes(render_concept_docx(staat, MOMENT))
        return
    import python_redlines as pr  # type: ignore[import-untyped,unused-ignore]

    oud, nieuw, uit = args
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        engine = pr.DocxodusEngine() if modus == "docxodus" else pr.XmlPowerToolsEngine()
    redline = engine.run_redline("bench", Path(oud).read_bytes(), Path(nieuw).read_bytes())[0]
    Path(uit).write_bytes(bytes(redline))


if __name__ == "__main__":
    main()
