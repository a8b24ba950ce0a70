"""Helpers for tests that use real clients: LibreOffice, pandoc, Chromium.

Locally a missing client skips the test; in CI (KADERDIFF_ECHTE_CLIENTS=verplicht) it fails.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from kaderdiff.pakket.libreoffice import bereid_profiel_voor

T = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"


def vereist(programma: str) -> str:
    pad = shutil.which(programma)
    if pad is None:
        if os.environ.get("KADERDIFF_ECHTE_CLIENTS") == "verplicht":
            pytest.fail(f"{programma} ontbreekt, maar echte clients zijn verplicht (CI)")
        pytest.skip(f"{programma} is niet geïnstalleerd")
    return pad


def kantoorstarts(logboek: Path) -> list[str]:
    """The LibreOffice processes the `starts` fixture saw start to convert (pid and arguments): not the version
    question of the conversion cache, which reads the version that way when `soffice` is a script like this."""
    regels = logboek.read_text(encoding="utf-8").splitlines() if logboek.exists() else []
    return [r for r in regels if "--version" not in r.split()]


def pandoc_woorden(docx: Path, modus: str | None = None) -> list[str]:
    """The words pandoc reads from a docx (optionally accepting or rejecting all revisions).

    List bullets ('-') are dropped: pandoc keeps an empty list item for a paragraph whose
    insertion was rejected (it does not apply tracked paragraph marks); the words are exact.
    """
    opdracht = [vereist("pandoc"), str(docx), "-t", "plain", "--wrap=none"]
    if modus:
        opdracht.insert(2, f"--track-changes={modus}")
    tekst = subprocess.run(opdracht, capture_output=True, text=True, check=True, timeout=120).stdout
    return tot_het_einde([w for w in tekst.split() if w != "-"])


#: The body's last paragraph of every kader document kaderdiff writes (`word.blokken.EIND`), as words.
EINDE = ["Einde", "van", "het", "kader."]


def tot_het_einde(woorden: list[str]) -> list[str]:
    """The words of the kader up to and including its closing line: what follows is the colofon, which says
    what kind of document it is (concept or clean), not kader text."""
    for i in range(len(woorden) - len(EINDE), -1, -1):
        if woorden[i:i + len(EINDE)] == EINDE:
            return woorden[:i + len(EINDE)]
    return woorden


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
    return tot_het_einde("".join(stukken).split())


# ---------------------------------------------------------------- LibreOffice: accept or reject all revisions
# A Basic macro in a private profile opens each document hidden (each job its own copy: a second load of one
# file waits on its lock file, headless, for ever), runs Writer's own "accept all" or "reject
# all" command (the menu items Edit › Track Changes › Accept All / Reject All) and stores the result.
# python3-uno is not installed, so a macro rather than a Python UNO script; one soffice start for all jobs.
_MACRO = """\
Sub Verwerk(sOpdrachten As String)
  Dim aLaad(0) As New com.sun.star.beans.PropertyValue
  aLaad(0).Name = "Hidden" : aLaad(0).Value = True
  Dim aGeen()
  Dim aOpslaan(1) As New com.sun.star.beans.PropertyValue
  iBestand = FreeFile
  Open sOpdrachten For Input As #iBestand
  Do While Not EOF(iBestand)
    Line Input #iBestand, sRegel
    aDeel = Split(sRegel, Chr(9))
    oDoc = StarDesktop.loadComponentFromURL(ConvertToURL(aDeel(0)), "_blank", 0, aLaad())
    oHelper = createUnoService("com.sun.star.frame.DispatchHelper")
    oFrame = oDoc.getCurrentController().getFrame()
    If aDeel(2) = "accept" Then
      oHelper.executeDispatch(oFrame, ".uno:AcceptAllTrackedChanges", "", 0, aGeen())
    ElseIf aDeel(2) = "reject" Then
      oHelper.executeDispatch(oFrame, ".uno:RejectAllTrackedChanges", "", 0, aGeen())
    End If
    aOpslaan(0).Name = "FilterName" : aOpslaan(0).Value = aDeel(3)
    aOpslaan(1).Name = "FilterOptions" : aOpslaan(1).Value = "UTF8"
    oDoc.storeToURL(ConvertToURL(aDeel(1)), aOpslaan())
    oDoc.close(True)
  Loop
  Close #iBestand
  StarDesktop.terminate()
End Sub
"""


def libreoffice_wijzigingen(opdrachten: list[tuple[Path, Path, str]], filter_: str = "Text (encoded)") -> None:
    """For each (in, out, 'accept'|'reject'|'geen'): open `in` in LibreOffice, accept or reject all tracked
    changes (or neither) and store it as `out` with `filter_` (plain text by default)."""
    soffice = vereist("soffice")
    with tempfile.TemporaryDirectory() as tijdelijk:
        profiel = [f"-env:UserInstallation=file://{tijdelijk}/profiel", "--headless", "--norestore", "--invisible",
                   "--nolockcheck"]
        # the pack's own profile (first start done, our settings), with this macro as Standard.Module1
        bereid_profiel_voor(Path(tijdelijk) / "profiel", _MACRO, "Module1")
        regels = []
        for n, (bron, doel, modus) in enumerate(opdrachten):
            kopie = Path(tijdelijk) / f"{n}{bron.suffix}"
            shutil.copyfile(bron, kopie)
            regels.append(f"{kopie}\t{doel}\t{modus}\t{filter_}\n")
        lijst = Path(tijdelijk) / "opdrachten.txt"
        lijst.write_text("".join(regels), encoding="utf-8")
        subprocess.run([soffice, *profiel, f'macro:///Standard.Module1.Verwerk("{lijst}")'],
                       capture_output=True, check=True, timeout=300)
    ontbreekt = [str(b) for _, b, _ in opdrachten if not b.is_file()]
    assert not ontbreekt, f"LibreOffice schreef niet: {ontbreekt}"


def libreoffice_regels(pad: Path) -> list[str]:
    """Non-empty lines of a text file LibreOffice wrote (BOM and trailing spaces dropped), up to the kader's
    closing line: the colofon after it says what kind of document it is, it is no kader text."""
    tekst = pad.read_text(encoding="utf-8-sig")
    regels = [r.rstrip() for r in tekst.splitlines() if r.strip()]
    einde = " ".join(EINDE)
    return regels[:regels.index(einde) + 1] if einde in regels else regels


def axe_core() -> Path:
    """axe.min.js of the npm package axe-core: $KADERDIFF_AXE, or where .ci/run installs it (.venv/node)."""
    kandidaten = [Path(os.environ["KADERDIFF_AXE"])] if os.environ.get("KADERDIFF_AXE") else []
    node = Path(__file__).resolve().parents[2] / ".venv" / "node"
    kandidaten.append(node / "node_modules" / "axe-core" / "axe.min.js")
    for pad in kandidaten:
        if pad.is_file():
            return pad
    if os.environ.get("KADERDIFF_ECHTE_CLIENTS") == "verplicht":
        pytest.fail("axe-core ontbreekt (npm install --prefix .venv/node axe-core), maar is verplicht (CI)")
    pytest.skip("axe-core is niet geïnstalleerd: npm install --prefix .venv/node axe-core")


def naast_python(programma: str) -> str:
    """A client installed with pip into this venv (pre-commit, actionlint): beside the interpreter, which need not
    be on PATH (`.venv/bin/python -m pytest`), else on PATH; missing is a skip, or a failure in CI."""
    pad = Path(sys.executable).parent / programma
    return str(pad) if pad.is_file() and os.access(pad, os.X_OK) else vereist(programma)


def gitlab_ci_local() -> str:
    """The npm package gitlab-ci-local: $KADERDIFF_GITLAB_CI_LOCAL, where .ci/run installs it (.venv/node), or on
    PATH. Its shell executor copies the repository with rsync."""
    vereist("rsync")
    kandidaten = [Path(os.environ["KADERDIFF_GITLAB_CI_LOCAL"])] if os.environ.get("KADERDIFF_GITLAB_CI_LOCAL") else []
    kandidaten.append(Path(__file__).resolve().parents[2] / ".venv" / "node" / "node_modules" / ".bin" /
                      "gitlab-ci-local")
    for pad in kandidaten:
        if pad.is_file():
            return str(pad)
    if shutil.which("gitlab-ci-local") is None and os.environ.get("KADERDIFF_ECHTE_CLIENTS") != "verplicht":
        pytest.skip("gitlab-ci-local is niet geïnstalleerd: npm install --prefix .venv/node gitlab-ci-local")
    return vereist("gitlab-ci-local")
