"""What comes back is untrusted: a broken or hostile .docx or .odt gives one Dutch message (exit 2) or is read;
never a traceback, a hang, an entity resolved or half a nota written. Also: numbers as people type them."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kaderdiff.reacties.inlezen import nummer_uit
from tests.hulp.draai import kd
from tests.hulp.reactiebestanden import opmerking_bij, vul_formulier
from tests.hulp.repos import maak_repo
from tests.hulp.vijandig import nederlands, tijdslimiet, vijandige_docx

REACTIES = ["--van", "2025", "--naar", "2026"]
_ODT_KOP = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
            'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body><office:text>')
_META = ('<?xml version="1.0" encoding="UTF-8"?><office:document-meta '
         'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
         'xmlns:dc="http://purl.org/dc/elements/1.1/"><office:meta><dc:subject>Consultatie MBO 2026</dc:subject>'
         '<dc:creator>Ouders &amp; Onderwijs</dc:creator></office:meta></office:document-meta>')


def _rij(*cellen: str, herhaald: int = 1) -> str:
    inhoud = "".join(f"<table:table-cell><text:p>{c}</text:p></table:table-cell>" for c in cellen)
    leeg = f'<table:table-cell table:number-columns-repeated="{herhaald}"/>' if herhaald > 1 else ""
    return f"<table:table-row>{inhoud}{leeg}</table:table-row>"


def odt(pad: Path, inhoud: str, extra: dict[str, bytes] | None = None, kop: str = _ODT_KOP) -> Path:
    """A small OpenDocument text as LibreOffice stores one: mimetype first and stored, then the XML parts."""
    with zipfile.ZipFile(pad, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", kop + inhoud + "</office:text></office:body></office:document-content>")
        z.writestr("meta.xml", _META)
        for naam, data in (extra or {}).items():
            z.writestr(naam, data)
    return pad


FORMULIER = ("<table:table>" + "<table:table-header-rows>" + _rij("Nr", "Organisatie", "Vraag of opmerking") +
             "</table:table-header-rows>" + _rij("MBO-6", "", "Alleen <text:span>bekwaam</text:span>,<text:s "
                                                 'text:c="3"/>graag.', herhaald=1000) + "</table:table>")


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = maak_repo(tmp_path_factory.mktemp("vijandig") / "repo")
    assert kd(["pakket", "--van", "2025", "--naar", "2026", "--formaten", "docx"], cwd=repo)[0] == 0
    return repo


@pytest.mark.parametrize(("tekst", "nummer"), [
    ("MBO-23", "MBO-23"), ("mbo 23", "MBO-23"), ("MBO23", "MBO-23"), (" MBO – 23 ", "MBO-23"), ("vo-pro 3", "VO-PRO-3"),
    ("VO PRO-3", "VO-PRO-3"), ("23", "23"), ("Algemeen", "algemeen"), ("algemeen.", "algemeen"), ("–", "ongewijzigd"),
    ("-", "ongewijzigd"), ("n.v.t.", "ongewijzigd"), ("", ""), ("zie hierboven", "zie hierboven"),
])
def test_nummers_zoals_mensen_ze_typen(tekst: str, nummer: str) -> None:
    assert nummer_uit(tekst) == nummer


def test_odt_zoals_een_lezer_het_opslaat_wordt_gelezen(repo: Path, tmp_path: Path) -> None:
    """Spaces as text:s, a span, a cell repeated a thousand times, the organisation from the document's author."""
    odt(tmp_path / "ouders.odt", FORMULIER)
    code, _, fout = kd(["reacties", str(tmp_path / "ouders.odt"), *REACTIES, "--uit", str(tmp_path / "nota")],
                       cwd=repo)
    assert code == 0, fout
    nota = (tmp_path / "nota" / "mbo-2026-reactienota.json").read_text(encoding="utf-8")
    assert '"organisatie": "Ouders & Onderwijs"' in nota and '"tekst": "Alleen bekwaam,   graag."' in nota


@pytest.mark.parametrize(("kop", "extra", "melding"), [
    (_ODT_KOP.replace("<office:document-content", '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                      "<office:document-content"), {}, "DTD- en entiteitsdeclaraties zijn niet toegestaan"),
    (_ODT_KOP, {"Basic/Standard/Module1.xml": b"<x/>"}, "het document bevat macro's"),
    (_ODT_KOP, {"Pictures/../../../etc/x.xml": b"<x/>"}, "pad buiten het document"),
    (_ODT_KOP, {"nul.xml": b"\0" * (60 * 1024 * 1024)}, "zip-bom"),
])
def test_vijandige_odt_wordt_geweigerd(repo: Path, tmp_path: Path, kop: str, extra: dict[str, bytes],
                                       melding: str) -> None:
    odt(tmp_path / "vijandig.odt", FORMULIER, extra, kop)
    code, _, fout = kd(["reacties", str(tmp_path / "vijandig.odt"), *REACTIES, "--uit", str(tmp_path / "nota")],
                       cwd=repo)
    assert code == 2 and "vijandig.odt" in fout and melding in fout, fout
    nederlands(fout)
    assert not (tmp_path / "nota").exists()


_ZADEN: dict[str, list[bytes]] = {}


def zaden(repo: Path) -> list[bytes]:
    """A filled form and a concept with a reader's comment: what the fuzzing starts from."""
    if not _ZADEN:
        pakket, werk = repo / "build" / "pakket-2026", repo.parent / "zaden"
        werk.mkdir(exist_ok=True)
        vul_formulier(pakket / "mbo-2026-reactieformulier.docx", werk / "f.docx", [("MBO-6", "AOb", "Ja.")])
        opmerking_bij(pakket / "mbo-2026-concept-met-wijzigingen.docx", werk / "c.docx", "st-ka1-e3", "AOb", "Nee.")
        _ZADEN["zaden"] = [(werk / "f.docx").read_bytes(), (werk / "c.docx").read_bytes()]
    return _ZADEN["zaden"]


@settings(max_examples=25, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
@given(keuze=st.integers(0, 1), data=st.data())
def test_fuzz_teruggestuurde_documenten(repo: Path, keuze: int, data: st.DataObject) -> None:
    document = data.draw(vijandige_docx(zaden(repo)[keuze]))
    werk = repo.parent / "fuzz"
    werk.mkdir(exist_ok=True)
    (werk / "reactie.docx").write_bytes(document)
    uit = repo.parent / "fuzz-nota"
    with tijdslimiet(60):
        code, _, fout = kd(["reacties", str(werk / "reactie.docx"), *REACTIES, "--uit", str(uit)], cwd=repo)
    assert code in (0, 2), fout
    nederlands(fout)
    if code == 2:
        assert fout.strip().startswith("Fout:")


def test_opmerking_in_een_odt_concept_komt_bij_haar_wijziging(repo: Path, tmp_path: Path) -> None:
    """A concept saved as .odt keeps the change's bookmark ('MBO_6') as text:bookmark-start; a reader's
    office:annotation in that paragraph is placed under MBO-6, the pack's own comment (its author) is not a
    reaction."""
    annotatie = ('<office:annotation><dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/">{}</dc:creator>'
                 "<text:p>{}</text:p></office:annotation>")
    alinea = ('<text:p><text:bookmark-start text:name="MBO_6"/>' + annotatie.format("Inspectie van het Onderwijs",
                                                                                    "MBO-6 (gewijzigd)")
              + annotatie.format("AVS", "Ook bestuurders vragen om 'bekwaam'.")
              + 'Het bestuur zorgt voor <text:bookmark-end text:name="MBO_6"/>bekwaam personeel.</text:p>')
    odt(tmp_path / "avs.odt", alinea)
    with zipfile.ZipFile(tmp_path / "avs.odt", "a") as z:
        z.writestr("styles.xml", '<?xml version="1.0" encoding="UTF-8"?><office:document-styles '
                   'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
                   'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
                   'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:master-styles>'
                   '<style:master-page><style:footer><text:p>KD-MBO-2026-0000000 — pagina 1</text:p></style:footer>'
                   "</style:master-page></office:master-styles></office:document-styles>")
    code, _, fout = kd(["reacties", str(tmp_path / "avs.odt"), *REACTIES, "--uit", str(tmp_path / "nota")], cwd=repo)
    assert code == 0, fout
    nota = json.loads((tmp_path / "nota" / "mbo-2026-reactienota.json").read_text(encoding="utf-8"))
    assert [(r["nummer"], r["organisatie"], r["tekst"], r["soort"]) for r in nota["reacties"]] == [
        ("MBO-6", "AVS", "Ook bestuurders vragen om 'bekwaam'.", "opmerking")]
    assert nota["reacties"][0]["bron"] == ("avs.odt, opmerking 2 bij alinea 1 («Het bestuur zorgt voor bekwaam "
                                           "personeel.»)")
