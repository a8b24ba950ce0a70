"""Real law text for tests: /work/shared/wetten-echt, read from `../shared` beside the repository.

Law text is not ours to copy into the project, so the tests read it where it lies. Where `../shared`
is absent such a test skips; in CI (KADERDIFF_ECHTE_CLIENTS=verplicht) it fails instead, like the tests
with real clients. KADERDIFF_WETTEN_ECHT points elsewhere (e.g. from a git worktree one level deeper).
"""

from __future__ import annotations

import os
from pathlib import Path
from xml.sax.saxutils import quoteattr

import pytest

from kaderdiff.bron.bwb import importeer
from tests.hulp.paden import REPO, VOORBEELD

WPO = "BWBR0003420-2016-08-01.xml"
WEB = "BWBR0007625-2016-08-01.xml"


def echte_wetmap() -> Path:
    return Path(os.environ.get("KADERDIFF_WETTEN_ECHT") or REPO.parent / "shared" / "wetten-echt")


def echte_wet(naam: str) -> Path:
    """The path of one real law file; skips (locally) or fails (CI) when it is not there."""
    pad = echte_wetmap() / naam
    if not pad.is_file():
        if os.environ.get("KADERDIFF_ECHTE_CLIENTS") == "verplicht":
            pytest.fail(f"echte wettekst {pad} ontbreekt, maar is verplicht (CI)")
        pytest.skip(f"echte wettekst {pad} ontbreekt (../shared staat niet naast de repository)")
    return pad


OUDE_EIS = """<eis id="op1-e1">
            <tekst>De opleiding heeft per leerweg één studieduur vastgesteld.</tekst>
            <grondslag wet="WEB" artikel="7.2.4a" lid="1"/>
          </eis>"""


def kader_met(tmp_path: Path, eisen: list[tuple[str, str, dict[str, str]]]) -> Path:
    """kaders/2026/mbo.xml (the documented example) whose first eis is replaced by `eisen`, with the real
    WEB and WPO stored under kaders/wetten/."""
    kaders = tmp_path / "kaders"
    (kaders / "2026").mkdir(parents=True)
    xml = "\n".join(
        f'<eis id="{eid}"><tekst>{tekst}</tekst><grondslag'
        + "".join(f" {k}={quoteattr(v)}" for k, v in g.items()) + "/></eis>"
        for eid, tekst, g in eisen)
    inhoud = VOORBEELD.read_text(encoding="utf-8")
    assert OUDE_EIS in inhoud
    bestand = kaders / "2026" / "mbo.xml"
    bestand.write_text(inhoud.replace(OUDE_EIS, xml), encoding="utf-8")
    importeer(echte_wet(WEB), kaders)
    importeer(echte_wet(WPO), kaders)
    return bestand
