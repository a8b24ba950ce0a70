"""What a jurist reads in the pack without a red pen (issue 28): a version named by its date (its commit in the
colofon and the manifest), the reason of a change and the notes of a row as Dutch sentences, every Grondslag WAS a
link, change numbers that do not break, and a concept with a table of contents, a colofon and a CONCEPT mark."""

from __future__ import annotations

import html
import json
import re
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from tests.hulp.draai import kd
from tests.hulp.echte_clients import vereist
from tests.hulp.paden import KADERS
from tests.hulp.repos import git_cmd, maak_repo

HASH = re.compile(r"\b[0-9a-f]{7,40}\b")


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return maak_repo(tmp_path_factory.mktemp("leesbaar") / "repo")


@pytest.fixture(scope="module")
def pakket(repo: Path) -> Path:
    uit = repo / "build" / "pakket"
    code, _, fout = kd(["pakket", "--van", "2025", "--naar", "2026", "--uit", str(uit)], cwd=repo)
    assert code == 0, fout
    return uit


def _kopblok(docx: Path) -> list[str]:
    """The paragraphs of a Staat's header block: from the title to the summary."""
    teksten = [p.text for p in Document(str(docx)).paragraphs]
    return teksten[:teksten.index("Samenvatting")]


def test_een_versie_heet_naar_haar_datum_en_haar_commit_staat_in_het_colofon(pakket: Path, repo: Path) -> None:
    commit = git_cmd(repo, "rev-parse", "HEAD")
    kop = _kopblok(pakket / "mbo-2026-staat-van-wijzigingen.docx")
    assert "Bron 2025\tversie van 20 mei 2026" in kop and "Bron 2026\tversie van 20 mei 2026" in kop
    assert not [r for r in kop if HASH.search(r.split("\t")[-1])], kop
    laatste = [p.text for p in Document(str(pakket / "mbo-2026-staat-van-wijzigingen.docx")).paragraphs][-1]
    assert laatste.startswith("Colofon: ") and f"git-commit {commit}" in laatste

    pagina = (pakket / "mbo-2026-staat-van-wijzigingen.html").read_text(encoding="utf-8")
    kopblok = pagina[pagina.index('<dl class="kop">'):pagina.index("</dl>")]
    assert "<dt>Bron 2025</dt><dd>versie van 20 mei 2026</dd>" in kopblok and commit[:7] not in kopblok
    assert f"git-commit {commit}" in pagina[pagina.index('class="colofon'):]

    index = (pakket / "index.html").read_text(encoding="utf-8")
    bron = re.search(r'<p class="bron">(.*?)</p>', index, re.S)
    assert bron is not None and "Bron 2025: versie van 20 mei 2026." in bron.group(1)
    assert commit[:7] not in bron.group(1), "de commit staat in manifest.json, niet voor de lezer"
    assert json.loads((pakket / "manifest.json").read_text(encoding="utf-8"))["naar"]["commit"] == commit


def test_aanleiding_en_kenmerken_van_een_rij_zijn_nederlandse_zinnen(pakket: Path) -> None:
    docx = Document(str(pakket / "mbo-2026-staat-van-wijzigingen.docx"))
    laatste_kolom = "\n".join(r.cells[4].text for r in docx.tables[-1].rows[1:])
    pagina = html.unescape((pakket / "mbo-2026-staat-van-wijzigingen.html").read_text(encoding="utf-8"))
    for tekst in (laatste_kolom, pagina):
        for los in ("(beleid)", "(verduidelijking)", "(technisch)", "(redactioneel)", "tekst gewijzigd, grondslag niet",
                    "grondslag gewijzigd, tekst niet", "hernummerd: "):
            assert los not in tekst, los
        for zin in ("Aanleiding: een beleidskeuze van de inspectie.",
                    "Aanleiding: een verduidelijking; de bedoeling blijft gelijk.",
                    "Aanleiding: een wetswijziging, de Wet vereenvoudiging en aanpassing beroepsonderwijs (VABA).",
                    "De tekst is gewijzigd, de wettelijke grondslag niet.",
                    "De wettelijke grondslag is gewijzigd, de tekst niet.",
                    "Het nummer is gewijzigd van 3.4 in 3.5."):
            assert zin in tekst, zin


def test_grondslag_was_linkt_in_de_html_staat(pakket: Path) -> None:
    pagina = (pakket / "mbo-2026-staat-van-wijzigingen.html").read_text(encoding="utf-8")
    rij = pagina[pagina.index('<tr id="MBO-9">'):]
    was = rij[rij.index("Grondslag WAS: "):rij.index("</p>", rij.index("Grondslag WAS: "))]
    # the law as it read on the peildatum of the old kader
    assert ('<a href="https://wetten.overheid.nl/jci1.3:c:BWBR0007625&amp;artikel=7.4.8&amp;lid=1&amp;g=2025-08-01">'
            "artikel 7.4.8, eerste lid, van de WEB</a>") in was


def test_het_concept_heeft_een_inhoudsopgave_een_colofon_en_een_conceptmerk(pakket: Path, repo: Path) -> None:
    commit = git_cmd(repo, "rev-parse", "HEAD")
    for naam, soort in (("mbo-2026-concept-met-wijzigingen.docx", "revisies"),
                        ("mbo-2026-concept-zonder-markeringen.docx", "zonder markeringen")):
        with zipfile.ZipFile(pakket / naam) as z:
            body = z.read("word/document.xml").decode("utf-8")
            koppen = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("word/header"))
        assert 'w:docPartGallery w:val="Table of Contents"' in body and "TOC \\o" in body
        assert "<w:t>CONCEPT</w:t>" in koppen
        teksten = [p.text for p in Document(str(pakket / naam)).paragraphs]
        colofon = teksten[teksten.index("Colofon"):]
        assert teksten.index("Einde van het kader.") < teksten.index("Colofon")
        assert any(soort in r for r in colofon) and any(f"git-commit {commit}" in r for r in colofon), colofon


def _open(browser: Any, pad: Path, breedte: int) -> Any:
    pagina = browser.new_page(viewport={"width": breedte, "height": 800})
    pagina.goto(pad.as_uri())
    return pagina


@pytest.mark.echte_client
def test_wijzigingsnummers_in_de_index_breken_niet_af(pakket: Path) -> None:
    chromium = vereist("chromium")
    sync_playwright = pytest.importorskip("playwright.sync_api").sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        try:
            for breedte in (375, 1280):
                pagina = _open(browser, pakket / "index.html", breedte)
                nummers = pagina.eval_on_selector_all(
                    "section table:nth-of-type(2) tbody tr td:first-child a",
                    "as => as.map(a => [a.textContent, a.getClientRects().length])")
                assert len(nummers) > 30
                gebroken = [n for n, regels in nummers if regels != 1]
                assert not gebroken, f"{breedte} px: {gebroken}"
                pagina.close()
        finally:
            browser.close()


@pytest.fixture(scope="module")
def staat_2020(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Staat VO 2019 → 2020, the year the WVO 2020 replaced the WVO of 1968: the sample VO kader with the
    monitoring eis resting on article 3b of the old law in 2019 and on its counterpart 3.49 in 2020 (since issue
    26 the samples of 2025 and later rightly cite only the WVO 2020)."""
    kaders = tmp_path_factory.mktemp("wvo1968") / "kaders"
    shutil.copytree(KADERS / "wetten", kaders / "wetten")
    tekst = (KADERS / "2025" / "vo.xml").read_text(encoding="utf-8")
    nieuw = '<grondslag wet="WVO" artikel="3.49" lid="1" onderdeel="b"/>'
    assert tekst.count('jaar="2025"') == 1 and tekst.count('peildatum="2025-08-01"') == 1 and tekst.count(nieuw) == 1
    for jaar, grondslag in ((2019, '<grondslag wet="WVO1968" artikel="3b" lid="1" onderdeel="b"/>'), (2020, nieuw)):
        (kaders / str(jaar)).mkdir()
        (kaders / str(jaar) / "vo.xml").write_text(tekst.replace('jaar="2025"', f'jaar="{jaar}"').replace(
            'peildatum="2025-08-01"', f'peildatum="{jaar}-08-01"').replace(nieuw, grondslag), encoding="utf-8")
    repo = maak_repo(kaders.parent / "repo", kaders)
    uit = repo / "build" / "staat"
    code, _, fout = kd(["staat", "--van", "2019", "--naar", "2020", "--uit", str(uit)], cwd=repo)
    assert code == 0, fout
    return uit


def test_een_wet_heet_zoals_lezers_haar_kennen(staat_2020: Path) -> None:
    """The registry's code 'WVO1968' is no name: the old WVO is cited as readers write it, 'WVO 1968'; a code
    readers do write (WVO for the WVO 2020) stays."""
    for naam in ("vo-2020-staat-van-wijzigingen.html", "vo-2020-staat-van-wijzigingen.docx"):
        pad = staat_2020 / naam
        tekst = html.unescape(pad.read_text(encoding="utf-8")) if pad.suffix == ".html" else "\n".join(
            c.text for t in Document(str(pad)).tables for r in t.rows for c in r.cells)
        assert "WVO1968" not in tekst
        assert "artikel 3b, eerste lid, onder b, van de WVO 1968" in tekst
        assert "artikel 3.49, eerste lid, onder b, van de WVO" in tekst
    data = json.loads((staat_2020 / "vo-2020-staat-van-wijzigingen.json").read_text(encoding="utf-8"))
    assert "WVO1968" in json.dumps(data), "de JSON houdt de code van het register"
