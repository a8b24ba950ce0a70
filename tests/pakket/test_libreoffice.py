"""LibreOffice in the pack: two real office processes share the documents, both formats each, stopped on errors.

A small `soffice` in front of the real one (on PATH, the `starts` fixture) writes down every start and its process
id; it then execs the real program, so what is converted is converted by LibreOffice itself.
"""

from __future__ import annotations

import os
import tempfile
import time
import zipfile
from datetime import datetime
from pathlib import Path

import pytest

from kaderdiff.fouten import KaderdiffFout
from kaderdiff.pakket import libreoffice
from kaderdiff.pakket.libreoffice import Omzetter, converteer
from tests.hulp.draai import kd
from tests.hulp.echte_clients import kantoorstarts, odt_wijzigingen, vereist
from tests.hulp.repos import commit_alles, maak_repo
from tests.hulp.validatie import pdf_fonts

MOMENT = datetime(2026, 5, 20, 8, 0)


def leeft(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.echte_client
def test_twee_libreoffices_voor_alle_documenten_en_beide_formaten(starts: Path, tmp_path: Path) -> None:
    repo = maak_repo(tmp_path / "repo")
    uit = tmp_path / "pakket"
    code, _, fout = kd(["pakket", "--van", "2025", "--naar", "2026", "--formaten", "docx,odt,pdf", "--uit",
                        str(uit)], cwd=repo)
    assert code == 0, fout
    assert len(kantoorstarts(starts)) == libreoffice.KANTOREN == 2, kantoorstarts(starts)
    docx = sorted(p.stem for p in uit.glob("*.docx"))
    assert len(docx) == 4 * len(list((repo / "kaders" / "2026").glob("*.xml")))
    assert sorted(p.stem for p in uit.glob("*.odt")) == docx
    assert sorted(p.stem for p in uit.glob("*.pdf")) == docx
    for pdf in uit.glob("*.pdf"):
        assert pdf.read_bytes().startswith(b"%PDF") and b"pdfaid:part>2<" in pdf.read_bytes(), pdf.name
        # the fonts in one order whatever order LibreOffice wrote them in, and every page still finds its fonts
        volgorde, gebruikt = pdf_fonts(pdf)
        assert volgorde == sorted(volgorde) and set(volgorde) == gebruikt and len(volgorde) >= 2, (pdf.name, volgorde)
    for odt in uit.glob("*.odt"):
        with zipfile.ZipFile(odt) as z:
            assert z.read("mimetype") == b"application/vnd.oasis.opendocument.text"
            assert not any(n.startswith("Thumbnails/") for n in z.namelist()), "geen voorbeeldplaatje per odt"
    assert odt_wijzigingen(uit / "mbo-2026-concept-met-wijzigingen.odt"), "de revisies staan in de odt"


@pytest.mark.echte_client
def test_fout_in_een_sector_stopt_libreoffice_en_ruimt_het_profiel_op(
        starts: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = maak_repo(tmp_path / "repo")
    vo = repo / "kaders" / "2026" / "vo.xml"
    vo.write_text(vo.read_text(encoding="utf-8").replace("</kader>", "</kadr>"), encoding="utf-8")
    commit_alles(repo, "Kapotte VO")
    tijdelijk = tmp_path / "tmp"
    tijdelijk.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tijdelijk))
    code, _, fout = kd(["pakket", "--van", "2025", "--naar", "2026", "--formaten", "docx,pdf", "--uit",
                        str(tmp_path / "pakket")], cwd=repo)
    assert code == 2 and "vo.xml" in fout
    gestart = kantoorstarts(starts)
    assert len(gestart) == libreoffice.KANTOREN, "LibreOffice startte al tijdens het bouwen"
    for regel in gestart:
        assert not leeft(int(regel.split()[0])), "onze LibreOffice is gestopt"
    assert list(tijdelijk.iterdir()) == [], "geen profiel of wachtrij achtergebleven"
    assert not (tmp_path / "pakket").exists()


@pytest.mark.echte_client
def test_libreoffice_stopt_zelf_als_kaderdiff_wegvalt(starts: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(libreoffice, "TIJDSLIMIET", 3)
    omzetter = Omzetter(("pdf",), MOMENT).__enter__()
    try:
        for kantoor in omzetter._kantoren:
            kantoor.proces.wait(timeout=120)  # nothing queued and no KLAAR: the macro gives up after the waiting time
            assert "geen nieuwe documenten" in kantoor.verslag.read_text(encoding="utf-8")
    finally:
        omzetter.stop()


@pytest.mark.echte_client
def test_onleesbaar_document_geeft_een_nederlandse_fout(tmp_path: Path) -> None:
    vereist("soffice")
    kapot = tmp_path / "kapot.docx"
    with zipfile.ZipFile(kapot, "w") as z:
        z.writestr("[Content_Types].xml", "<niet-af")
        z.writestr("word/document.xml", "<w:document")
    start = time.monotonic()
    with pytest.raises(KaderdiffFout) as fout:
        converteer([kapot], ("pdf", "odt"), tmp_path, MOMENT)
    assert "kapot.docx" in fout.value.tekst
    assert time.monotonic() - start < libreoffice.TIJDSLIMIET


@pytest.mark.echte_client
def test_voortgang_per_document_van_libreoffice_in_een_log(tmp_path: Path) -> None:
    """LibreOffice is most of a pack's time: in a log each document it converted gets its own line."""
    import subprocess
    import sys

    vereist("soffice")
    repo = maak_repo(tmp_path / "repo")
    uit = tmp_path / "pakket"
    proces = subprocess.run([sys.executable, "-m", "kaderdiff", "pakket", "--van", "2025", "--naar", "2026",
                             "--formaten", "docx,pdf", "--uit", str(uit)], cwd=repo, capture_output=True, text=True,
                            timeout=600)
    assert proces.returncode == 0, proces.stderr
    regels = proces.stderr.splitlines()
    docx = sorted(p.name for p in uit.glob("*.docx"))
    omgezet = sorted(r.split("LibreOffice: ", 1)[1].removesuffix(" omgezet naar pdf") for r in regels
                     if "LibreOffice: " in r)
    assert omgezet == docx and len(docx) == 16
    totaal = 4 + 2 + 16
    assert [r.split("]")[0] for r in regels] == [f"[{i}/{totaal}" for i in range(1, totaal + 1)]
