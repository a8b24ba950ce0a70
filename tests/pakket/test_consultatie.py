"""The consultation's own data in the pack (kaders/JAAR/consultatie.toml, --datum), the team's summary that opens
the Staat, and the reactieformulier with the pages of the PDF Staat."""

from __future__ import annotations

import json
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import html as lxml_html

from kaderdiff.bron.docxveilig import lees_docx
from kaderdiff.word.inhoud import Alinea, Lezer, Tabel
from tests.hulp.draai import kd
from tests.hulp.echte_clients import vereist
from tests.hulp.repos import commit_alles, git_cmd, maak_repo

PAKKET = ["pakket", "--van", "2025", "--naar", "2026"]
MBO_EERSTE = "Vanaf 1 augustus 2026 werken we met een vernieuwde toezichtmix."
ADRES = "onderzoekskaders@owinsp.nl"


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return maak_repo(tmp_path_factory.mktemp("consultatie") / "repo")


@pytest.fixture(scope="module")
def pakket(repo: Path) -> Path:
    uit = repo / "build" / "pakket-2026"
    code, _, fout = kd([*PAKKET, "--formaten", "docx,html", "--uit", str(uit)], cwd=repo)
    assert code == 0, fout
    return uit


def alineas(docx: Path) -> list[str]:
    """The body's paragraphs in reading order (tables left out)."""
    return [o.tekst for o in Lezer(lees_docx(docx)).onderdelen() if isinstance(o, Alinea)]


def kern(docx: Path) -> str:
    with zipfile.ZipFile(docx) as z:
        return z.read("docProps/core.xml").decode("utf-8")


def test_index_staat_en_formulier_tonen_termijn_adres_en_datum(pakket: Path) -> None:
    index = lxml_html.fromstring((pakket / "index.html").read_bytes())
    reageren = " ".join(index.get_element_by_id("kop-consultatie").getparent().text_content().split())
    assert "zo snel mogelijk, uiterlijk op 10 april 2026" in reageren and ADRES in reageren
    assert "Contactpersoon: Coördinator onderzoekskaders" in reageren and "Tweede Kamer" in reageren
    assert index.xpath(f"//a[@href='mailto:{ADRES}']")
    assert "Datum: 16 maart 2026." in index.text_content()
    for sector in ("mbo", "po", "vo", "vo-pro"):
        staat = pakket / f"{sector}-2026-staat-van-wijzigingen"
        tekst = alineas(staat.with_suffix(".docx"))
        assert tekst[1:7] == ["Datum 16 maart 2026", tekst[2], "Vergeleken 2025 met 2026",
                              "Reageren zo snel mogelijk, uiterlijk 10 april 2026", f"Reacties naar {ADRES}",
                              "Contactpersoon Coördinator onderzoekskaders, Inspectie van het Onderwijs"]
        assert any(a.startswith("De Wet op het onderwijstoezicht schrijft voor") for a in tekst)
        kop = lxml_html.fromstring(staat.with_suffix(".html").read_bytes()).xpath("//dl[@class='kop']")[0]
        koptekst = " ".join(" ".join(kop.itertext()).split())
        assert "Datum 16 maart 2026" in koptekst and "Reageren zo snel mogelijk, uiterlijk 10 april 2026" in koptekst
        assert f"Reacties naar {ADRES}" in koptekst
        data = json.loads(staat.with_suffix(".json").read_text(encoding="utf-8"))
        assert data["consultatie"]["uiterlijk"] == "2026-04-10" and data["consultatie"]["adres"] == ADRES
        assert data["consultatie"]["datum"] == "2026-03-16"
        formulier = pakket / f"{sector}-2026-reactieformulier.docx"
        assert alineas(formulier)[1:6] == ["Datum 16 maart 2026", alineas(formulier)[2],
                                          "Reageren zo snel mogelijk, uiterlijk 10 april 2026",
                                          f"Reacties naar {ADRES}",
                                          "Contactpersoon Coördinator onderzoekskaders, Inspectie van het Onderwijs"]
        for docx in pakket.glob(f"{sector}-2026-*.docx"):  # every document carries the consultation's date
            assert "2026-03-16T00:00:00Z</dcterms:created>" in kern(docx), docx.name
    assert json.loads((pakket / "manifest.json").read_text(encoding="utf-8"))["datum"] == "2026-03-16T00:00:00Z"


def test_datum_overschrijft_de_documentdatum(repo: Path, tmp_path: Path) -> None:
    uit = tmp_path / "pakket"
    code, _, fout = kd([*PAKKET, "--sector", "vo-pro", "--formaten", "docx,html", "--datum", "2026-03-20",
                        "--uit", str(uit)], cwd=repo)
    assert code == 0, fout
    assert alineas(uit / "vo-pro-2026-staat-van-wijzigingen.docx")[1] == "Datum 20 maart 2026"
    assert "Datum: 20 maart 2026." in (uit / "index.html").read_text(encoding="utf-8")
    assert "2026-03-20T00:00:00Z</dcterms:created>" in kern(uit / "vo-pro-2026-reactieformulier.docx")
    assert json.loads((uit / "manifest.json").read_text(encoding="utf-8"))["datum"] == "2026-03-20T00:00:00Z"
    code, _, fout = kd([*PAKKET, "--datum", "20 maart", "--uit", str(tmp_path / "x")], cwd=repo)
    assert code == 2 and "'20 maart' is geen datum: schrijf JJJJ-MM-DD" in fout


@pytest.mark.parametrize(("toml", "melding"), [
    ('uiterlijk = 10 april 2026\nadres = "a@b.nl"\n',
     "consultatie.toml:1:16: fout: geen geldige TOML: 'uiterlijk' is geen datum; schrijf JJJJ-MM-DD"),
    ('uiterlijk = 2026-04-10\nadress = "a@b.nl"\n',
     "consultatie.toml:2: fout: 'adress': onbekend veld; bedoelt u 'adres'?"),
    ('datum = 2026-04-20\nuiterlijk = "2026-04-10"\nadres = "a@b.nl"\n',
     "consultatie.toml:2: fout: 'uiterlijk': 2026-04-10 ligt vóór de documentdatum 2026-04-20"),
    ('uiterlijk = 2026-04-10\n', "consultatie.toml: fout: 'adres' ontbreekt"),
    ('uiterlijk = 2026-04-10\nadres = "a@b.nl"\ncontactpersoon = 3\n',
     "consultatie.toml:3: fout: 'contactpersoon': hoort een tekst tussen aanhalingstekens te zijn"),
])
def test_foute_consultatie_noemt_bestand_en_regel_en_schrijft_niets(tmp_path: Path, toml: str, melding: str) -> None:
    repo = maak_repo(tmp_path / "repo")
    (repo / "kaders" / "2026" / "consultatie.toml").write_text(toml, encoding="utf-8")
    commit_alles(repo, "Consultatie getypt")
    code, _, fout = kd([*PAKKET, "--uit", str(tmp_path / "pakket")], cwd=repo)
    assert code == 2 and "kaders/2026/" + melding in fout, fout
    assert "Traceback" not in fout and not (tmp_path / "pakket").exists()


def test_consultatie_alleen_zolang_het_kader_concept_is(tmp_path: Path) -> None:
    """While the kaders are concepts the pack shows the consultation; once they are vastgesteld it is over: no
    deadline, and the commit's date again."""
    repo = maak_repo(tmp_path / "repo")
    assert kd([*PAKKET, "--sector", "mbo", "--uit", str(tmp_path / "concept")], cwd=repo)[0] == 0
    assert "Reageren zo snel mogelijk, uiterlijk 10 april 2026" in alineas(
        tmp_path / "concept" / "mbo-2026-staat-van-wijzigingen.docx")
    for kader in (repo / "kaders" / "2026").glob("*.xml"):
        kader.write_text(kader.read_text(encoding="utf-8").replace('status="concept"', 'status="vastgesteld"', 1),
                         encoding="utf-8")
    commit_alles(repo, "Kaders 2026 vastgesteld")
    uit = tmp_path / "pakket"
    assert kd([*PAKKET, "--sector", "mbo", "--uit", str(uit)], cwd=repo)[0] == 0
    assert not [a for a in alineas(uit / "mbo-2026-staat-van-wijzigingen.docx") if a.startswith("Reageren")]
    assert "Reageren" not in (uit / "index.html").read_text(encoding="utf-8")
    assert json.loads((uit / "manifest.json").read_text(encoding="utf-8"))["datum"] == "2026-05-20T08:00:00Z"


def test_samenvatting_van_het_team_opent_de_staat_index_en_site(pakket: Path, repo: Path) -> None:
    tekst = alineas(pakket / "mbo-2026-staat-van-wijzigingen.docx")
    kop = tekst.index("Samenvatting")
    assert tekst[kop + 1] == MBO_EERSTE + (" In een addendum beschrijven we de onaangekondigde bezoeken aan "
                                           "opleidingen en de bestuursbezoeken. Het vierjaarlijks onderzoek blijft "
                                           "zoals het was.")
    assert tekst[kop + 2].startswith("Door de Wet vereenvoudiging en aanpassing beroepsonderwijs (VABA)")
    assert tekst[kop + 5].startswith("Deze staat beschrijft 17 wijzigingen")  # then the counts, as before
    document = zipfile.ZipFile(pakket / "mbo-2026-staat-van-wijzigingen.docx").read("word/document.xml").decode()
    assert re.search(r"<w:i/></w:rPr><w:t>Wet vereenvoudiging en aanpassing beroepsonderwijs</w:t>", document)
    staat = lxml_html.fromstring((pakket / "mbo-2026-staat-van-wijzigingen.html").read_bytes())
    eerste = staat.xpath("//h2[@id='samenvatting']/following-sibling::*[1]")[0]
    assert eerste.get("class") == "teamsamenvatting" and eerste.text_content().startswith(MBO_EERSTE)
    assert staat.xpath("//p[@class='teamsamenvatting']/em/text()") == [
        "Wet vereenvoudiging en aanpassing beroepsonderwijs"]
    data = json.loads((pakket / "mbo-2026-staat-van-wijzigingen.json").read_text(encoding="utf-8"))
    assert data["samenvatting"]["tekst"][0].startswith(MBO_EERSTE) and len(data["samenvatting"]["tekst"]) == 4
    assert data["samenvatting"]["aantal"] == 17
    index = lxml_html.fromstring((pakket / "index.html").read_bytes())
    sectie = index.get_element_by_id("MBO")
    assert sectie.xpath("h2/following-sibling::*[1]")[0].text_content().startswith(MBO_EERSTE)
    assert index.get_element_by_id("VO-PRO").xpath("p[@class='samenvatting']")[0].text_content().startswith(
        "In het praktijkonderwijs bespreekt de school het ontwikkelingsplan")
    code, _, fout = kd(["site", "--van", "2025", "--naar", "2026", "--uit", str(repo / "build" / "site")], cwd=repo)
    assert code == 0, fout
    pagina = lxml_html.fromstring((repo / "build" / "site" / "staat" / "mbo-2025-2026.html").read_bytes())
    assert pagina.xpath("//h2[@id='samenvatting']/following-sibling::*[1]")[0].text_content().startswith(MBO_EERSTE)


def test_staat_zonder_samenvatting_en_consultatie_heeft_er_geen_spoor_van(repo: Path, tmp_path: Path) -> None:
    """A kader without a summary (the sample 2027): the Staat opens with the counts, the JSON has no summary text and
    no consultation; `kaderdiff staat` never shows the consultation. The same Staat of 2026 has its summary."""
    uit = tmp_path / "staat"
    assert kd(["staat", "--van", "2025", "--naar", "2026", "--sector", "vo", "--formaat", "json", "--uit",
               str(tmp_path / "2026")], cwd=repo)[0] == 0
    met = json.loads((tmp_path / "2026" / "vo-2026-staat-van-wijzigingen.json").read_text(encoding="utf-8"))
    assert met["samenvatting"]["tekst"][0].startswith("Vanaf 1 augustus 2026") and "consultatie" not in met
    code, _, fout = kd(["staat", "--van", "2026", "--naar", "2027", "--formaat", "docx,html,json", "--uit", str(uit)],
                       cwd=repo)
    assert code == 0, fout
    tekst = alineas(uit / "vo-2027-staat-van-wijzigingen.docx")
    assert tekst[tekst.index("Samenvatting") + 1].startswith("Deze staat beschrijft")
    assert not [a for a in tekst if a.startswith("Reageren")]
    data = json.loads((uit / "vo-2027-staat-van-wijzigingen.json").read_text(encoding="utf-8"))
    assert "tekst" not in data["samenvatting"] and "consultatie" not in data
    assert b"teamsamenvatting" not in (uit / "vo-2027-staat-van-wijzigingen.html").read_bytes()


def test_schema_kent_de_samenvatting_alleen_op_haar_plaats(tmp_path: Path) -> None:
    repo = maak_repo(tmp_path / "repo")
    mbo = repo / "kaders" / "2026" / "mbo.xml"
    tekst = mbo.read_text(encoding="utf-8")
    mbo.write_text(tekst.replace("<alinea>Vanaf 1 augustus 2026", "<alinea>Zie<voetnoot>x</voetnoot> Vanaf 1 "
                                                                  "augustus 2026", 1), encoding="utf-8")
    code, _, fout = kd(["controleer", str(mbo)], cwd=repo)
    assert code != 0 and "voetnoot" in fout
    blok = re.search(r"  <samenvatting>.*?</samenvatting>\n", tekst, re.S)
    assert blok is not None
    verplaatst = tekst.replace(blok.group(0), "").replace("  </woordVooraf>\n", "  </woordVooraf>\n" + blok.group(0))
    mbo.write_text(verplaatst, encoding="utf-8")
    code, _, fout = kd(["controleer", str(mbo)], cwd=repo)
    assert code != 0 and "samenvatting" in fout


@pytest.mark.echte_client
def test_reactieformulier_geeft_de_bladzijde_in_de_pdf_staat(tmp_path: Path) -> None:
    vereist("soffice")
    vereist("pdftotext")
    repo = maak_repo(tmp_path / "repo")
    uit = tmp_path / "pakket"
    code, _, fout = kd([*PAKKET, "--sector", "mbo", "--formaten", "docx,pdf", "--uit", str(uit)], cwd=repo)
    assert code == 0, fout
    staat = json.loads((uit / "mbo-2026-staat-van-wijzigingen.json").read_text(encoding="utf-8"))
    tabel = next(o for o in Lezer(lees_docx(uit / "mbo-2026-reactieformulier.docx")).onderdelen()
                 if isinstance(o, Tabel))
    rijen = [["\n".join(a.tekst for a in cel) for cel in rij.cellen] for rij in tabel.rijen]
    assert rijen[0] == ["Nr", "Blz.", "Vindplaats", "Soort wijziging", "Organisatie", "Vraag of opmerking"]
    assert [(r[0], r[1]) for r in rijen[1:-2]] == [(w["nummer"], f"blz. {w['pdf_pagina']}")
                                                   for w in staat["wijzigingen"]]
    assert len({w["pdf_pagina"] for w in staat["wijzigingen"]}) > 1  # really spread over pages
    assert [r[0] for r in rijen[-2:]] == ["Algemeen", "–"]
    pdf = subprocess.run([vereist("pdftotext"), "-layout", str(uit / "mbo-2026-reactieformulier.pdf"), "-"],
                         capture_output=True, text=True, check=True).stdout
    laatste = staat["wijzigingen"][-1]["pdf_pagina"]
    assert "Blz." in pdf and "uiterlijk 10 april 2026" in pdf and f"blz. {laatste}" in pdf
    assert laatste >= 10 and all(f"blz. {w['pdf_pagina']}" in pdf for w in staat["wijzigingen"]), "op één regel"
    from kaderdiff.word.teruggestuurd import lees_teruggestuurd  # new with this test: imported here

    assert lees_teruggestuurd(lees_docx(uit / "mbo-2026-reactieformulier.docx")).onderwerp == "Consultatie MBO 2026"
    assert git_cmd(repo, "status", "--porcelain") == ""
