"""The PDF Staat as a jurist reads and cites it: page by page, with LibreOffice and poppler (issue 28).

A reader cites "blz. 13, MBO-9": every row of the WAS/WORDT table starts and ends on one page, or its number
repeats over its continuation. Checked on the 8-sector bench pack (bench/corpus.py: long texts, merged and split
standards whose rows are longer than a page), read back with pdftotext.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.corpus import maak_corpus
from tests.hulp.bladzijden import afbeelding, losse_nummers, nr_kolom, paginas
from tests.hulp.draai import kd
from tests.hulp.echte_clients import vereist


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
