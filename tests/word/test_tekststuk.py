"""A kader body written as text and put in its place only when the document is saved (`word.tekststuk`): the saved
part is exactly what lxml writes for the parsed elements, also for text with every character XML escapes."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lxml import etree

from kaderdiff.word.tekststuk import Tekststukken, elementen
from tests.hulp.draai import kd
from tests.hulp.kaderbewerking import bewerkt, tekst
from tests.hulp.repos import commit_alles, maak_repo

VIJANDIG = 'Het "bestuur" & de raad <wet> zeggen: \'nee\' ?> of ]]> — één tab\tmet € en 😀 ook.'
W_URI = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _zoals_lxml(xml: bytes) -> bytes:
    """The part as lxml writes it after parsing it."""
    uit: bytes = etree.tostring(etree.fromstring(xml), encoding="UTF-8", standalone=True)
    return uit


def test_stuk_wordt_bij_opslaan_de_tekst_zelf() -> None:
    xml = '<w:p><w:r><w:t xml:space="preserve">a &amp; b &lt;c&gt; "d" \'e\' ? é</w:t></w:r></w:p><w:p/>'
    lichaam = etree.fromstring(f'<w:body xmlns:w="{W_URI}"><w:sectPr/></w:body>')
    stukken = Tekststukken()
    lichaam[-1].addprevious(stukken.stuk(xml))
    lichaam[-1].addprevious(stukken.stuk("<w:p/>"))
    assert [k.text for k in lichaam[:2]] == ["0", "1"]
    met_stukken = stukken.vul_in(etree.tostring(lichaam, encoding="UTF-8"))
    stukken.ontleed_alle(lichaam)
    assert [el.tag for el in lichaam] == [f"{{{W_URI}}}p"] * 3 + [f"{{{W_URI}}}sectPr"]
    assert met_stukken == etree.tostring(lichaam, encoding="UTF-8")
    assert stukken.vul_in(b"<w:p/>") == b"<w:p/>"
    assert len(elementen(xml)) == 2


def test_pakket_met_vijandige_tekst_schrijft_het_lichaam_zoals_lxml(tmp_path: Path) -> None:
    """A changed eis, a moved one and footnotes (po) with text XML must escape: every kader document's body is
    exactly lxml's serialisation of itself, and the text is there as typed."""
    repo = maak_repo(tmp_path / "repo")
    mbo = repo / "kaders" / "2026" / "mbo.xml"
    mbo.write_bytes(bewerkt(mbo.read_bytes(), tekst("st-ka1-e3", VIJANDIG)))
    commit_alles(repo, "Een eis met tekens die XML moet ontsnappen")
    uit = tmp_path / "pakket"
    code, _, fout = kd(["pakket", "--van", "2025", "--naar", "2026", "--uit", str(uit)], cwd=repo)
    assert code == 0, fout
    documenten = sorted(uit.glob("*-2026-concept-*.docx"))
    assert len(documenten) >= 4 and any(d.name.startswith("po-") for d in documenten)
    for document in documenten:
        with zipfile.ZipFile(io.BytesIO(document.read_bytes())) as z:
            deel = z.read("word/document.xml")
        assert deel == _zoals_lxml(deel), document.name
        assert b"<?kaderdiff" not in deel
        if document.name == "mbo-2026-concept-zonder-markeringen.docx":  # the concept has it as a word diff
            teksten = "".join(etree.fromstring(deel).itertext())
            assert " ".join(VIJANDIG.split()) in " ".join(teksten.split()), document.name
