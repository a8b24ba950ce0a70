"""The consultation cycle through a real editor: the forms and the concept with a comment are filled in and then
opened and saved by LibreOffice (one form as .odt), the reactienota is read by LibreOffice, filled in, saved by it
again and turned into the consultatieverslag, marked against the vastgestelde kader."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from tests.hulp.draai import kd
from tests.hulp.echte_clients import vereist
from tests.hulp.reactiebestanden import libreoffice_opslaan, opmerking_bij, vul_formulier, vul_nota
from tests.hulp.repos import commit_alles, git_cmd, maak_repo

pytestmark = pytest.mark.echte_client

CONCEPT = "2026@ringen-concept-2026"


def test_reacties_uit_libreoffice_van_drie_organisaties_tot_het_verslag(tmp_path: Path) -> None:
    vereist("soffice")
    repo = maak_repo(tmp_path / "repo")
    git_cmd(repo, "tag", "ringen-concept-2026")
    assert kd(["pakket", "--van", "2025", "--naar", CONCEPT, "--formaten", "docx"], cwd=repo)[0] == 0
    pakket = repo / "build" / "pakket-2026"
    gevuld, binnen = tmp_path / "gevuld", tmp_path / "binnen"
    gevuld.mkdir()
    formulier = pakket / "mbo-2026-reactieformulier.docx"
    vul_formulier(formulier, gevuld / "mbo-raad.docx", [
        ("MBO-6", "MBO Raad", "Het mbo kent geen bevoegdheden: alleen 'bekwaam'."),
        ("MBO-42", "MBO Raad", "Een nummer dat niet bestaat."), ("Algemeen", "MBO Raad", "Graag meer tijd.")])
    vul_formulier(formulier, gevuld / "job.docx", [("MBO-2", "JOB", "Goed dat studenten gehoord worden.")])
    opmerking_bij(pakket / "mbo-2026-concept-met-wijzigingen.docx", gevuld / "aob.docx", "st-ka1-e3", "AOb",
                  "Wij steunen het voorstel van de MBO Raad.")
    libreoffice_opslaan([gevuld / "mbo-raad.docx", gevuld / "aob.docx"], binnen)
    libreoffice_opslaan([gevuld / "job.docx"], binnen, "odt")
    assert sorted(p.name for p in binnen.iterdir()) == ["aob.docx", "job.odt", "mbo-raad.docx"]
    document = zipfile.ZipFile(binnen / "aob.docx").read("word/document.xml").decode("utf-8")
    assert "commentRangeStart" in document and 'w:name="MBO_6"' in document  # the anchor survived LibreOffice

    code, _, fout = kd(["reacties", str(binnen), "--van", "2025", "--naar", CONCEPT], cwd=repo)
    assert code == 0, fout
    nota = repo / "build" / "reacties-2026"
    data = json.loads((nota / "mbo-2026-reactienota.json").read_text(encoding="utf-8"))
    assert [(r["sleutel"], r["organisatie"], r["bron"].split(",")[0]) for r in data["reacties"]] == [
        ("MBO-2.1", "JOB", "job.odt"), ("MBO-6.1", "AOb", "aob.docx"), ("MBO-6.2", "MBO Raad", "mbo-raad.docx"),
        ("Algemeen.1", "MBO Raad", "mbo-raad.docx")]
    assert [(r["nummer"], r["bron"]) for r in data["niet_geplaatst"]] == [("MBO-42", "mbo-raad.docx, tabel 1, rij 21")]
    assert data["niet_geplaatst"][0]["reden"].startswith("MBO-42 bestaat niet in de Staat van wijzigingen MBO")

    # the nota opens in LibreOffice
    (pdf,) = libreoffice_opslaan([nota / "mbo-2026-reactienota.docx"], tmp_path / "pdf", "pdf")
    assert pdf.read_bytes().startswith(b"%PDF")

    # the inspectie answers and decides, in a nota saved by LibreOffice
    ingevuld = vul_nota(nota / "mbo-2026-reactienota.docx", tmp_path / "nota-ingevuld.docx", {
        "MBO-2.1": ("Dank u.", "geen wijziging nodig"), "MBO-6.1": ("Zie MBO-6.2.", "overgenomen"),
        "MBO-6.2": ("We schrijven alleen 'bekwaam'.", "Overgenomen"),
        "Algemeen.1": ("De termijn blijft.", "niet overgenomen"), "Niet te plaatsen.1": ("Onbekend nummer.", "")})
    (opgeslagen,) = libreoffice_opslaan([ingevuld], tmp_path / "lo-nota")

    # after the consensusoverleg: MBO-6 as the MBO Raad asked, the rest as it was sent
    mbo = repo / "kaders" / "2026" / "mbo.xml"
    mbo.write_text(mbo.read_text(encoding="utf-8").replace("zorgt voor benoembaar/bevoegd en bekwaam personeel",
                                                           "zorgt voor bekwaam personeel", 1), encoding="utf-8")
    commit_alles(repo, "Kaders 2026 vastgesteld")
    git_cmd(repo, "tag", "vastgesteld-2026")
    code, _, fout = kd(["reacties", "--verwerk", str(opgeslagen), "--vastgesteld", "vastgesteld-2026"], cwd=repo)
    assert code == 0, fout
    verslag = json.loads((repo / "build" / "consultatieverslag-2026" / "mbo-2026-consultatieverslag.json")
                         .read_text(encoding="utf-8"))
    alle = [(r["sleutel"], r["organisatie"], r["antwoord"], r["besluit"])
            for w in verslag["wijzigingen"] for r in w["reacties"]] + \
        [(r["sleutel"], r["organisatie"], r["antwoord"], r["besluit"])
         for r in (*verslag["algemeen"], *verslag["niet_geplaatst"])]
    assert alle == [("MBO-2.1", "JOB", "Dank u.", "geen wijziging nodig"),
                    ("MBO-6.1", "AOb", "Zie MBO-6.2.", "overgenomen"),
                    ("MBO-6.2", "MBO Raad", "We schrijven alleen 'bekwaam'.", "overgenomen"),
                    ("Algemeen.1", "MBO Raad", "De termijn blijft.", "niet overgenomen"),
                    ("Niet te plaatsen.1", "MBO Raad", "Onbekend nummer.", "")]
    assert [w["nummer"] for w in verslag["wijzigingen"] if w["gewijzigd_na_consultatie"]] == ["MBO-6"]
    assert all(w["gewijzigd_na_consultatie"] is False for w in verslag["wijzigingen"] if w["nummer"] != "MBO-6")
    assert verslag["nieuw_na_consultatie"] == []
    (pdf,) = libreoffice_opslaan([repo / "build" / "consultatieverslag-2026" / "mbo-2026-consultatieverslag.docx"],
                                 tmp_path / "pdf2", "pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
