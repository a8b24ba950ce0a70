"""Every document kaderdiff writes is valid: OOXML for current Word, ODF 1.3, and PDF/A-2 + PDF/UA-1 with a language.

The validator is openxml-audit (see tests/hulp/validatie.py and docs/ooxml.md); it reports errors and warnings,
and these tests require 0 errors.
"""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from lxml import html

from kaderdiff.word.document import nieuw_document, opslaan, tabel
from tests.hulp.draai import kd
from tests.hulp.echte_clients import vereist
from tests.hulp.repos import commit_alles, git_cmd, maak_repo
from tests.hulp.validatie import fouten, ooxml_fouten, pdf_annotaties, pdf_kenmerken

ALLE_FORMATEN = "docx,odt,pdf,html"


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return maak_repo(tmp_path_factory.mktemp("geldig") / "repo")


def bouw(repo: Path, van: str, naar: str, uit: Path, formaten: str = "docx,html") -> Path:
    code, _, fout = kd(["pakket", "--van", van, "--naar", naar, "--formaten", formaten, "--uit", str(uit)], cwd=repo)
    assert code == 0, fout
    return uit


def alle_fouten(bestanden: list[Path]) -> dict[str, list[str]]:
    return {p.name: f for p in bestanden if (f := fouten(p))}


def bespreekstuk(repo: Path, doel: Path) -> Path:
    """`voorstel --docx` on a branch that changes an MBO eis (with PO and VO texts beside it)."""
    git_cmd(repo, "checkout", "-q", "-b", "voorstel/bekwaam", "main")
    pad = repo / "kaders" / "2026" / "mbo.xml"
    tekst = pad.read_text(encoding="utf-8")
    oud = "Het bestuur zorgt voor benoembaar/bevoegd en bekwaam personeel dat"
    assert tekst.count(oud) == 1
    pad.write_text(tekst.replace(oud, "Het bestuur zorgt voor bekwaam personeel dat"), encoding="utf-8")
    commit_alles(repo, "Voorstel bekwaam")
    git_cmd(repo, "checkout", "-q", "main")
    code, _, fout = kd(["voorstel", "voorstel/bekwaam", "--docx", str(doel)], cwd=repo)
    assert code == 0, fout
    return doel


def test_elke_docx_van_pakket_staat_en_voorstel_is_geldig_voor_word(repo: Path, tmp_path: Path) -> None:
    docx = [*sorted(bouw(repo, "2025", "2026", tmp_path / "p26").glob("*.docx")),
            *sorted(bouw(repo, "2026", "2027", tmp_path / "p27").glob("*.docx"))]
    code, _, fout = kd(["staat", "--van", "2025", "--naar", "2026", "--sector", "vo", "--formaat", "docx",
                        "--uit", str(tmp_path / "staat")], cwd=repo)
    assert code == 0, fout
    docx += sorted((tmp_path / "staat").glob("*.docx"))
    docx.append(bespreekstuk(repo, tmp_path / "bespreek.docx"))
    code, _, fout = kd(["impact", "--wet", "WEB", "--van-datum", "2025-08-01", "--naar-datum", "2026-08-01",
                        "--uit", str(tmp_path / "wetimpact")], cwd=repo)
    assert code == 0, fout
    docx += sorted((tmp_path / "wetimpact").glob("*.docx"))
    soorten = {p.name.split("-", 2)[-1] for p in docx}
    assert {"concept-met-wijzigingen.docx", "concept-zonder-markeringen.docx", "reactieformulier.docx",
            "staat-van-wijzigingen.docx", "bespreek.docx"} <= soorten, soorten
    assert any(p.name.endswith("-wetimpact.docx") for p in docx)
    assert len(docx) >= 18
    assert alle_fouten(docx) == {}


def test_de_validator_ziet_wat_word_weigert(tmp_path: Path) -> None:
    """The validator is no rubber stamp: the w:val="true" it rejected before the fix is still an error."""
    moment = datetime(2026, 1, 1)
    doc = nieuw_document("Test", moment)
    tabel(doc, ["A", "B"], [3, 3])
    goed = tmp_path / "goed.docx"
    goed.write_bytes(opslaan(doc, moment))
    assert ooxml_fouten(goed) == []
    with zipfile.ZipFile(goed) as z:
        delen = {n: z.read(n) for n in z.namelist()}
    assert b"<w:tblHeader/>" in delen["word/document.xml"], "bare w:tblHeader, as Word writes it"
    delen["word/document.xml"] = delen["word/document.xml"].replace(b"<w:tblHeader/>", b'<w:tblHeader w:val="true"/>')
    fout = tmp_path / "fout.docx"
    with zipfile.ZipFile(fout, "w") as z:
        for naam, data in delen.items():
            z.writestr(naam, data)
    assert any("tblHeader" in f for f in ooxml_fouten(fout))


@pytest.mark.echte_client
def test_volledig_pakket_in_alle_formaten_is_geldig(repo: Path, tmp_path: Path) -> None:
    vereist("soffice")
    p26 = bouw(repo, "2025", "2026", tmp_path / "p26", ALLE_FORMATEN)
    p27 = bouw(repo, "2026", "2027", tmp_path / "p27", ALLE_FORMATEN)
    bestanden = sorted([*p26.iterdir(), *p27.iterdir()])
    per_formaat = {f: [p for p in bestanden if p.suffix == f".{f}"] for f in ("docx", "odt", "pdf", "html")}
    verwacht = 4 * sum(len(list((repo / "kaders" / jaar).glob("*.xml"))) for jaar in ("2026", "2027"))
    assert len(per_formaat["docx"]) == len(per_formaat["odt"]) == len(per_formaat["pdf"]) == verwacht
    assert alle_fouten(per_formaat["docx"] + per_formaat["odt"]) == {}
    for pdf in per_formaat["pdf"]:
        assert pdf_kenmerken(pdf) == {"taal": "nl-NL", "getagd": "True", "pdfa_deel": "2", "pdfa_niveau": "B",
                                      "pdfua_deel": "1"}, pdf.name
    # every annotation has its rectangle (LibreOffice writes the pop-up of a comment without one)
    annotaties = {pdf.name: pdf_annotaties(pdf) for pdf in per_formaat["pdf"]}
    assert {naam: zonder for naam, (_, zonder) in annotaties.items() if zonder} == {}
    assert all(annotaties[p.name][0] > 0 for p in per_formaat["pdf"] if "concept-met" in p.name), annotaties
    for pagina in per_formaat["html"]:
        assert html.parse(str(pagina)).getroot().get("lang") == "nl", pagina.name
    # reproducible: a second build gives the same odt bytes (without the dropped folder entries); the
    # reactieformulier aside: with a pdf it has a column with the pages of the PDF Staat
    nog_eens = bouw(repo, "2026", "2027", tmp_path / "p27-nog-eens", "docx,odt")
    for pad in p27.glob("*.odt"):
        if not pad.name.endswith("-reactieformulier.odt"):
            assert (nog_eens / pad.name).read_bytes() == pad.read_bytes(), pad.name
