"""The PDF Staat as a jurist reads and cites it: page by page, with LibreOffice and poppler (issue 28).

A reader cites "blz. 13, MBO-9": every row of the WAS/WORDT table starts and ends on one page, or its number
repeats over its continuation. Checked on the 8-sector bench pack (bench/corpus.py: long texts, merged and split
standards whose rows are longer than a page), read back with pdftotext.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from bench.corpus import maak_corpus
from tests.hulp.bladzijden import afbeelding, losse_nummers, nr_kolom, paginas, woorden
from tests.hulp.draai import kd
from tests.hulp.echte_clients import vereist
from tests.hulp.repos import maak_repo


@pytest.fixture(scope="module")
def benchpakket(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The pack of the 8-sector bench corpus (2033 → 2034) with its PDFs."""
    vereist("soffice")
    vereist("pdftotext")
    werk = tmp_path_factory.mktemp("bench")
    maak_corpus(werk / "corpus")
    uit = werk / "pakket"
    code, _, fout = kd(["pakket", "--van", "2033", "--naar", "2034", "--formaten", "docx,pdf", "--uit", str(uit)],
                       cwd=werk / "corpus")
    assert code == 0, fout
    return uit


@pytest.mark.echte_client
def test_geen_wijzigingsnummer_los_van_zijn_rij_in_de_pdf_staat(benchpakket: Path, tmp_path: Path) -> None:
    staten = sorted(benchpakket.glob("*-staat-van-wijzigingen.pdf"))
    assert len(staten) == 8
    fouten = [f for pdf in staten for f in losse_nummers(pdf)]
    assert not fouten, "\n".join(fouten)
    # the corpus has rows longer than a page: they go on under their number, marked as continuation
    vervolg = [(pdf, blz) for pdf in staten for blz, pagina in enumerate(paginas(pdf), start=1)
               if "(vervolg)" in (nr_kolom(pagina) or [])]
    assert vervolg, "geen rij langer dan een bladzijde in het benchcorpus: de test toetst dan te weinig"
    pdf, blz = vervolg[0]
    # the picture of a page break in the test report (and, by hand, in docs/: see the handbook)
    plaatjes = [afbeelding(pdf, blz - 1, tmp_path / "staat-voor-de-bladzijdegrens.png"),
                afbeelding(pdf, blz, tmp_path / "staat-vervolg-na-de-bladzijdegrens.png")]
    for plaatje in plaatjes:
        assert plaatje.stat().st_size > 10_000
        print(f"schermafdruk: {plaatje}")


@pytest.fixture(scope="module")
def voorbeeldpakket(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The pack of the sample kaders (2025 → 2026) with its ODTs and PDFs."""
    vereist("soffice")
    vereist("pdftotext")
    werk = tmp_path_factory.mktemp("voorbeeld")
    repo = maak_repo(werk / "repo")
    uit = werk / "pakket"
    code, _, fout = kd(["pakket", "--van", "2025", "--naar", "2026", "--formaten", "docx,odt,pdf", "--uit", str(uit)],
                       cwd=repo)
    assert code == 0, fout
    return uit


@pytest.mark.echte_client
def test_paginanummers_zo_groot_als_de_rest_van_de_voettekst(voorbeeldpakket: Path) -> None:
    for pdf in sorted(voorbeeldpakket.glob("*.pdf")):
        for blz, (_, _, op_pagina) in enumerate(woorden(pdf), start=1):
            pagina = next(w for w in op_pagina if w.tekst == "pagina")
            voet = [w for w in op_pagina if abs(w.y1 - pagina.y1) < 3]
            hoogtes = {w.tekst: round(w.y1 - w.y0, 1) for w in voet}
            assert len(set(hoogtes.values())) == 1, f"{pdf.name} blz. {blz}: {hoogtes}"


@pytest.mark.echte_client
def test_opmerkingen_in_de_pdf_bedekken_geen_tekst(voorbeeldpakket: Path) -> None:
    """A viewer draws a comment's icon (some 14 by 18 pt) from the top left of its rectangle: it must cover
    no word (it stood on 'fei▢e onjuistheden')."""
    gezien = 0
    for pdf in sorted(voorbeeldpakket.glob("*-concept-met-wijzigingen.pdf")):
        lezer = PdfReader(pdf)
        for blz, (pagina, (_, hoogte, op_pagina)) in enumerate(zip(lezer.pages, woorden(pdf), strict=True), start=1):
            for verwijzing in pagina.get("/Annots") or []:
                notitie = verwijzing.get_object()
                if notitie.get("/Subtype") != "/Text":
                    continue
                gezien += 1
                x0, _, _, y1 = (float(v) for v in notitie["/Rect"])
                icoon = (x0, hoogte - y1, x0 + 20, hoogte - y1 + 24)
                bedekt = [w.tekst for w in op_pagina
                          if w.x0 < icoon[2] and w.x1 > icoon[0] and w.y0 < icoon[3] and w.y1 > icoon[1]]
                assert not bedekt, f"{pdf.name} blz. {blz}: het icoon van een opmerking bedekt {bedekt}"
                assert x0 + 20 <= float(pagina.mediabox.right), "het icoon staat op de bladzijde"
    assert gezien >= 40


@pytest.mark.echte_client
def test_verplaatste_eis_in_de_pdf_zonder_vet_cursief_en_zonder_los_opsommingsteken(voorbeeldpakket: Path,
                                                                                     tmp_path: Path) -> None:
    """MBO-13 moves the klachtenregeling: its old place showed bold italic, and the paragraphs after it (its
    grondslag line, the heading 'Eigen aspiraties') got a bullet of their own."""
    pdf = voorbeeldpakket / "mbo-2026-concept-met-wijzigingen.pdf"
    zin = "De instelling heeft een klachtenregeling"
    plekken = [(blz, w) for blz, (_, _, op_pagina) in enumerate(woorden(pdf), start=1) for w in op_pagina
               if w.tekst == "klachtenregeling"]
    assert len(plekken) == 2, "waar de eis stond en waar zij nu staat"
    breedtes = {round(w.x1 - w.x0, 1) for _, w in plekken}
    assert len(breedtes) == 1, f"de verplaatste eis is op beide plekken even breed (niet vet): {breedtes}"
    for blz in sorted({blz for blz, _ in plekken}):
        regels = paginas(pdf, indeling=False)[blz - 1].splitlines()
        assert any(zin in r for r in regels)
        los = [r for r in regels if r.strip().startswith(("\uf0b7", "•"))
               and ("Eigen aspiraties" in r or "Wettelijke grondslag" in r)]
        assert not los, f"blz. {blz}: een opsommingsteken voor een kop of grondslagregel: {los}"
        plaatje = afbeelding(pdf, blz, tmp_path / f"concept-met-verplaatsing-blz-{blz}.png")
        print(f"schermafdruk: {plaatje}")


@pytest.mark.echte_client
def test_concept_in_pdf_en_odt_met_inhoudsopgave_colofon_en_conceptmerk(voorbeeldpakket: Path) -> None:
    """The table of contents is filled in when LibreOffice converts (with the page of each heading), every
    page says CONCEPT, and the last page is the colofon."""
    for naam in ("mbo-2026-concept-met-wijzigingen", "mbo-2026-concept-zonder-markeringen"):
        pdf = voorbeeldpakket / f"{naam}.pdf"
        bladen = paginas(pdf)
        assert all("CONCEPT" in blad.split("\n", 2)[0] for blad in bladen), "CONCEPT bovenaan elke bladzijde"
        regel = re.search(r"^\s*Hoofdstuk 7 Toezicht bij tekortkomingen\.{3,}\s*(\d+)$", bladen[0] + bladen[1],
                          re.M)
        assert regel is not None, "de inhoudsopgave noemt elk hoofdstuk met zijn bladzijde"
        blz = int(regel.group(1))
        assert re.search(r"^\s*Hoofdstuk 7 Toezicht bij tekortkomingen\s*$", bladen[blz - 1], re.M), \
            "het hoofdstuk staat op de bladzijde die de inhoudsopgave noemt"
        assert "Colofon" in bladen[-1] and "git-commit" in bladen[-1]
        with zipfile.ZipFile(voorbeeldpakket / f"{naam}.odt") as z:
            inhoud = z.read("content.xml").decode("utf-8")
        assert "<text:table-of-content" in inhoud and "Hoofdstuk 7 Toezicht bij tekortkomingen" in \
            inhoud[inhoud.index("<text:table-of-content"):inhoud.index("</text:table-of-content>")]
