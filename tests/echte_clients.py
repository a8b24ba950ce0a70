"""Helpers for tests that use real clients: LibreOffice, pandoc, Chromium.

Locally a missing client skips the test; in CI (KADERDIFF_ECHTE_CLIENTS=verplicht) it fails.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

import pytest
from lxml import etree

T = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"


def vereist(programma: str) -> str:
    pad = shutil.which(programma)
    if pad is None:
        if os.environ.get("KADERDIFF_ECHTE_CLIENTS") == "verplicht":
            pytest.fail(f"{programma} ontbreekt, maar echte clients zijn verplicht (CI)")
        pytest.skip(f"{programma} is niet geïnstalleerd")
    return pad


def pandoc_woorden(docx: Path, modus: str | None = None) -> list[str]:
    """The words pandoc reads from a docx (optionally accepting or rejecting all revisions).

    List bullets ('-') are dropped: pandoc keeps an empty list item for a paragraph whose
    insertion was rejected (it does not apply tracked paragraph marks); the words are exact.
    """
    opdracht = [vereist("pandoc"), str(docx), "-t", "plain", "--wrap=none"]
    if modus:
        opdracht.insert(2, f"--track-changes={modus}")
    tekst = subprocess.run(opdracht, capture_output=True, text=True, check=True, timeout=120).stdout
    return [w for w in tekst.split() if w != "-"]


def naar_odt(bestanden: list[Path], doelmap: Path) -> list[Path]:
    soffice = vereist("soffice")
    with tempfile.TemporaryDirectory() as profiel:
        subprocess.run([soffice, f"-env:UserInstallation=file://{profiel}", "--headless", "--convert-to", "odt",
                        "--outdir", str(doelmap), *map(str, bestanden)], capture_output=True, check=True,
                       timeout=600)
    return [doelmap / f"{b.stem}.odt" for b in bestanden]


def odt_wijzigingen(pad: Path) -> dict[str, str]:
    """Tracked changes LibreOffice stored: change id -> 'insertion' | 'deletion' | 'format-change'."""
    root = etree.fromstring(zipfile.ZipFile(pad).read("content.xml"))
    uit = {}
    for regio in root.iter(f"{{{T}}}changed-region"):
        soort = next(etree.QName(k).localname for k in regio)
        uit[regio.get(f"{{{T}}}id")] = soort
    return uit


def odt_opmerkingen(pad: Path) -> list[str]:
    root = etree.fromstring(zipfile.ZipFile(pad).read("content.xml"))
    return [" ".join(" ".join("".join(p.itertext()) for p in a.iter(f"{{{T}}}p")).split())
            for a in root.iter(f"{{{OFFICE}}}annotation")]


def odt_woorden(pad: Path, modus: str = "accept") -> list[str]:
    """Words of an odt body with all tracked changes accepted or rejected.

    ODF keeps inserted text inline (between change-start/change-end) and deleted text in the
    tracked-changes section, referenced by a text:change point where it stood.
    """
    root = etree.fromstring(zipfile.ZipFile(pad).read("content.xml"))
    body = root.find(f"{{{OFFICE}}}body/{{{OFFICE}}}text")
    assert body is not None
    soorten = odt_wijzigingen(pad)
    verwijderd = {}
    for regio in root.iter(f"{{{T}}}changed-region"):
        d = regio.find(f"{{{T}}}deletion")
        if d is not None:
            verwijderd[regio.get(f"{{{T}}}id")] = d
    stukken: list[str] = []
    overslaan = [False]

    def tekst(s: str | None) -> None:
        if s and not overslaan[0]:
            stukken.append(s)

    def loop(el: etree._Element) -> None:
        naam = etree.QName(el).localname if isinstance(el.tag, str) else ""
        if naam in ("tracked-changes", "annotation", "change-info"):
            tekst(el.tail)
            return
        wijziging = el.get(f"{{{T}}}change-id")
        if naam == "change-start" and modus == "reject" and soorten.get(wijziging) == "insertion":
            overslaan[0] = True
        if naam == "change-end" and soorten.get(wijziging) == "insertion":
            overslaan[0] = False
        if naam == "change" and modus == "reject" and wijziging in verwijderd:
            for kind in verwijderd[wijziging]:
                loop(kind)
            if stukken and stukken[-1] == " ":
                stukken.pop()  # n deleted text:p hold n-1 paragraph breaks: the last one is inline
        if naam in ("s", "tab", "line-break"):
            tekst(" ")
        tekst(el.text)
        for kind in el:
            loop(kind)
        if naam in ("p", "h"):
            tekst(" ")
        tekst(el.tail)

    for kind in body:
        loop(kind)
    return "".join(stukken).split()


def axe_core() -> Path:
    """axe.min.js of the npm package axe-core: $KADERDIFF_AXE, or where .ci/run installs it (.venv/node)."""
    kandidaten = [Path(os.environ["KADERDIFF_AXE"])] if os.environ.get("KADERDIFF_AXE") else []
    node = Path(__file__).resolve().parents[1] / ".venv" / "node"
    kandidaten.append(node / "node_modules" / "axe-core" / "axe.min.js")
    for pad in kandidaten:
        if pad.is_file():
            return pad
    if os.environ.get("KADERDIFF_ECHTE_CLIENTS") == "verplicht":
        pytest.fail("axe-core ontbreekt (npm install --prefix .venv/node axe-core), maar is verplicht (CI)")
    pytest.skip("axe-core is niet geïnstalleerd: npm install --prefix .venv/node axe-core")
