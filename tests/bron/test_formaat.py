"""What real kaders contain, in every stage: numbered eisen, overige wettelijke vereisten, lists in lists, tables,
footnotes, nested onderdelen, variants, corrections; and the law registry that lives with the kaders."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from docx import Document

from kaderdiff.bron.laden import laad_bestand
from kaderdiff.bron.schrijven import kader_xml
from kaderdiff.bron.versies import KaderMap
from kaderdiff.bron.wetregister import register_voor, wetten, zoek_wet
from kaderdiff.model.kader import VOETNOOT, Grondslag, Soort
from kaderdiff.model.plaats import eigen_tekst, vindplaats
from kaderdiff.model.versie import Versie
from kaderdiff.recht.termen import termen_van_eis
from tests.hulp.documenten import docx_links
from tests.hulp.draai import kd
from tests.hulp.paden import DATA, KADERS, VOORBEELD, sample_kaders
from tests.hulp.repos import commit_alles, git_cmd, maak_repo

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.mark.parametrize("pad", [*sample_kaders(), VOORBEELD], ids=lambda p: f"{p.parent.name}/{p.name}")
def test_model_terug_naar_xml_is_het_bestand_zelf(pad: Path) -> None:
    assert kader_xml(laad_bestand(pad)) == pad.read_bytes()


def test_de_nieuwe_onderdelen_staan_in_de_voorbeeldkaders() -> None:
    po = laad_bestand(KADERS / "2026" / "po.xml")
    eis = po.element("st-op0-e1")
    assert (eis.nummer, eis.titel, eis.kop) == ("OP0.1", "Leesonderwijs", "OP0.1 Leesonderwijs")
    overig = po.element("wk-school-ov")
    assert overig.soort is Soort.OVERIGE_VEREISTEN and po.standaard_van("wk-school-ov-e1") is None
    assert vindplaats(po, "wk-school-ov-e1") == "Waarderingskader school › Overige wettelijke vereisten"
    genest = po.element("p-escaleren-l1-i2")
    assert [k.soort for k in genest.kinderen] == [Soort.LIJST] and len(genest.kinderen[0].kinderen) == 3
    rij = po.element("p-rapport-t1-r4")
    assert [[f.tekst for f in cel] for cel in rij.cellen] == [["Publicatie van het vastgestelde rapport"],
                                                              ["in de ", "derde", " week na vaststelling"]]
    assert po.element("p-rapport-t1-r1").kenmerk == "kop" and po.element("p-rapport-t1").titel
    assert any(f.stijl == VOETNOOT for f in po.element("p-rapport-a2").inhoud)
    assert Grondslag("WPO", "4c", "1", "c, 1°") in po.element("st-sk1-e3").grondslagen
    assert Grondslag("WPO", "4c", "1", "c, 1°").onderdelen == ("c", "1°")
    pro25, pro26 = (laad_bestand(KADERS / str(j) / "vo-pro.xml") for j in (2025, 2026))
    assert (pro26.sector, pro26.variant, pro26.afkorting, pro26.naam) == ("VO", "pro", "VO-PRO", "VO-PRO 2026")
    assert pro25.status == "correctie" and pro25.correctie is not None and pro25.correctie.publicatie


def test_staat_toont_elk_nieuw_onderdeel_als_het_wijzigt(voorbeeldrepo: Path, tmp_path: Path) -> None:
    uit = tmp_path / "staat"
    code, _, fout = kd(["staat", "--van", "2025", "--naar", "2026", "--sector", "po", "--uit", str(uit)],
                       cwd=voorbeeldrepo)
    assert code == 0, fout
    data = json.loads((uit / "po-2026-staat-van-wijzigingen.json").read_text(encoding="utf-8"))
    rij = {w["id"]: w for w in data["wijzigingen"]}
    eis = rij["st-op0-e1"]
    assert (eis["soort"], eis["was"].splitlines()[0], eis["wordt"].splitlines()[0]) == \
        ("gewijzigd", "OP0.1 Taal", "OP0.1 Leesonderwijs")
    assert {"op": "erbij", "tekst": "Leesonderwijs"} in eis["woorddiff"]
    tabelrij = rij["p-rapport-t1-r2"]
    assert tabelrij["was"] == "Zienswijze van het bestuur op het conceptrapport | twee weken"
    assert tabelrij["vindplaats"] == "Hoofdstuk 4 Oordelen en rapporteren › § 4.2 Rapport en publicatie"
    assert rij["p-hoor-a1"]["wordt"].endswith("[voetnoot: De werkwijze staat in de Regeling hoor en wederhoor van "
                                              "de inspectie, die op de website van de inspectie is gepubliceerd.]")
    assert rij["p-escaleren-l1-i2-l1-i3"]["soort"] == "toegevoegd"
    assert rij["wk-school-ov-e3"]["vindplaats"] == "Waarderingskader school › Overige wettelijke vereisten"
    genest = next(g for g in rij["st-sk1-e3"]["grondslagen_wordt"] if g["onderdeel"] == "c, 1°")
    assert genest["citaat"] == "artikel 4c, eerste lid, onder c, 1°, van de WPO"
    assert genest["link"].endswith("&artikel=4c&lid=1&o=c&o=1%C2%B0&g=2026-08-01")
    html = (uit / "po-2026-staat-van-wijzigingen.html").read_text(encoding="utf-8")
    assert "OP0.1 <del>Taal</del>" in html and "<ins>Leesonderwijs</ins>" in html and "onder c, 1°" in html
    assert "o=c&amp;o=1%C2%B0" in html
    docx = Document(str(uit / "po-2026-staat-van-wijzigingen.docx"))
    tekst = "\n".join(c.text for t in docx.tables for r in t.rows for c in r.cells)
    assert "OP0.1 Leesonderwijs" in tekst and "| drie weken" in tekst and "[voetnoot: De werkwijze" in tekst


def test_concept_docx_met_de_nieuwe_onderdelen(voorbeeldrepo: Path, tmp_path: Path) -> None:
    uit = tmp_path / "pakket"
    code, _, fout = kd(["pakket", "--van", "2025", "--naar", "2026", "--sector", "po", "--uit", str(uit)],
                       cwd=voorbeeldrepo)
    assert code == 0, fout
    for naam in ("po-2026-concept-met-wijzigingen.docx", "po-2026-concept-zonder-markeringen.docx"):
        with zipfile.ZipFile(uit / naam) as z:
            document = z.read("word/document.xml").decode("utf-8")
            noten = z.read("word/footnotes.xml").decode("utf-8")
        assert "Artikel 20 van de Wet op het onderwijstoezicht" in noten and "Regeling hoor en wederhoor" in noten
        verwijzingen = re.findall(r'<w:footnoteReference w:id="(\d+)"/>', document)
        assert verwijzingen == ["1", "2"]  # numbered before the comments (LibreOffice needs that)
        assert '<w:pStyle w:val="Eiskop"/>' in document and '<w:pStyle w:val="ListBullet2"/>' in document
        assert "<w:tblHeader/>" in document and '<w:pStyle w:val="Bijschrift"/>' in document
    with zipfile.ZipFile(uit / "po-2026-concept-met-wijzigingen.docx") as z:
        document = z.read("word/document.xml").decode("utf-8")
    assert re.search(r"<w:del [^>]*><w:r><w:delText[^>]*>Taal</w:delText>", document)
    assert re.search(r'<w:ins [^>]*><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference',
                     document), "the new footnote is an insertion"
    assert re.search(r"<w:delText[^>]*>twee</w:delText>", document)  # in the table row of termijnen


def _vastgestelde_versie(pad: Path) -> None:
    """vo-pro 2025 as it was vastgesteld, before the correction."""
    tekst = pad.read_text(encoding="utf-8")
    tekst = tekst.replace('status="correctie"', 'status="vastgesteld"')
    tekst = re.sub(r"  <correctie .*</correctie>\n", "", tekst)
    tekst = tekst.replace("gedurende twee jaar na het verlaten", "gedurende één jaar na het verlaten")
    tekst = re.sub(r"  <toelichtingen>.*?</toelichtingen>\n", "", tekst, flags=re.S)
    pad.write_text(tekst, encoding="utf-8")


def test_staat_van_een_correctie_zegt_wat_ze_corrigeert(tmp_path: Path) -> None:
    repo = maak_repo(tmp_path / "repo")
    pad = repo / "kaders" / "2025" / "vo-pro.xml"
    gecorrigeerd = pad.read_bytes()
    _vastgestelde_versie(pad)
    commit_alles(repo, "Kader praktijkonderwijs 2025 zoals vastgesteld")
    git_cmd(repo, "tag", "vastgesteld-2025")
    pad.write_bytes(gecorrigeerd)
    commit_alles(repo, "Correctie van het kader praktijkonderwijs 2025")
    uit = tmp_path / "staat"
    code, _, fout = kd(["staat", "--van", "2025@vastgesteld-2025", "--naar", "2025", "--sector", "vo-pro",
                        "--uit", str(uit), "--streng"], cwd=repo)
    assert code == 0, fout
    data = json.loads((uit / "vo-pro-2025-staat-van-wijzigingen.json").read_text(encoding="utf-8"))
    assert (data["kader_oud"]["status"], data["kader_nieuw"]["status"]) == ("vastgesteld", "correctie")
    correctie = data["kader_nieuw"]["correctie"]
    assert (correctie["vastgesteld"], correctie["publicatie"]) == ("2025-06-20", "Staatscourant 2025, 18000")
    assert "correctie van het op 20 juni 2025 vastgestelde kader" in correctie["tekst"]
    [rij] = data["wijzigingen"]
    assert (rij["nummer"], rij["id"], rij["soort"]) == ("VO-PRO-1", "st-or1-e1", "gewijzigd")
    assert rij["toelichting"][0]["categorie"] == "correctie"
    html = (uit / "vo-pro-2025-staat-van-wijzigingen.html").read_text(encoding="utf-8")
    assert "correctie van het op 20 juni 2025 vastgestelde kader" in html
    docx = Document(str(uit / "vo-pro-2025-staat-van-wijzigingen.docx"))
    assert any("correctie van het op 20 juni 2025 vastgestelde kader, gepubliceerd in Staatscourant 2025, 18000"
               in p.text for p in docx.paragraphs)


def test_variant_heeft_eigen_nummers_en_documenten(voorbeeldrepo: Path, tmp_path: Path) -> None:
    uit = tmp_path / "pakket"
    code, _, fout = kd(["pakket", "--van", "2025", "--naar", "2026", "--uit", str(uit)], cwd=voorbeeldrepo)
    assert code == 0, fout
    for deel in ("staat-van-wijzigingen.docx", "concept-met-wijzigingen.docx", "concept-zonder-markeringen.docx",
                 "reactieformulier.docx"):
        assert (uit / f"vo-pro-2026-{deel}").is_file() and (uit / f"vo-2026-{deel}").is_file()
    data = json.loads((uit / "vo-pro-2026-staat-van-wijzigingen.json").read_text(encoding="utf-8"))
    assert data["sector"] == "VO-PRO" and data["kader_nieuw"]["variant"] == "pro"
    assert [w["nummer"] for w in data["wijzigingen"]] == ["VO-PRO-1", "VO-PRO-2", "VO-PRO-3"]
    reactie = Document(str(uit / "vo-pro-2026-reactieformulier.docx"))
    assert [r.cells[0].text for r in reactie.tables[0].rows][1:4] == ["VO-PRO-1", "VO-PRO-2", "VO-PRO-3"]
    with zipfile.ZipFile(uit / "vo-pro-2026-concept-met-wijzigingen.docx") as z:
        assert "KD-VO-PRO-2026 — pagina" in z.read("word/footer1.xml").decode("utf-8")


# ---------------------------------------------------------------- controleer: the rules of the new parts
def _kader_met(tmp_path: Path, zoek: str, vervang: str) -> Path:
    tekst = (KADERS / "2026" / "po.xml").read_text(encoding="utf-8")
    assert zoek in tekst
    pad = tmp_path / "kaders" / "2026" / "po.xml"
    pad.parent.mkdir(parents=True)
    pad.write_text(tekst.replace(zoek, vervang, 1), encoding="utf-8")
    return pad


@pytest.mark.parametrize(("zoek", "vervang", "melding"), [
    ("het opschorten van de bekostiging tot de tekortkoming is opgeheven;</item>\n",
     "het opschorten van de bekostiging tot de tekortkoming is opgeheven;</item>\n", ""),
    ("</lijst>\n          </item>", "</lijst> en nog tekst\n          </item>", "na de lijst"),
    ('onderdeel="c, 1°"', 'onderdeel="c,1"', "niet de juiste vorm"),
    ('status="concept"', 'status="correctie"', "vastgesteld"),
    ("<cel>Stap</cel>", "<cel>Stap<voetnoot/></cel>", "voetnoot"),
])
def test_controleer_kent_de_regels_van_de_nieuwe_onderdelen(tmp_path: Path, zoek: str, vervang: str,
                                                             melding: str) -> None:
    pad = _kader_met(tmp_path, zoek, vervang)
    code, _uit, fout = kd(["controleer", str(pad)])
    if not melding:
        assert code == 0, fout
        return
    assert code == 2 and melding in fout and "po.xml:" in fout


# ---------------------------------------------------------------- the law registry with the kaders
REGISTER = """# Wetten die dit team citeert en kaderdiff nog niet kent
[LPW]
naam = "Leerplichtwet 1969"
soort = "wet"
bwb = "BWBR0002628"
aliassen = ["Leerplichtwet", "Lpw"]

[GW]
naam = "Grondwet"
soort = "grondwet"
bwb = "BWBR0001840"

[WRN]
naam = "Wet referentieniveaus Nederlandse taal en rekenen"
soort = "wet"
bwb = ""
aliassen = ["Wet referentieniveaus"]

[BRFS]
bwb = "BWBR0046311"
"""


def _repo_met_register(tmp_path: Path, register: str = REGISTER) -> Path:
    repo = maak_repo(tmp_path / "repo")
    (repo / "kaders" / "wetten" / "register.toml").write_text(register, encoding="utf-8")
    pad = repo / "kaders" / "2026" / "po.xml"
    tekst = pad.read_text(encoding="utf-8")
    eis = '''toelating van een leerling.</tekst>
        <grondslag wet="WPO" artikel="40" lid="4"/>'''
    assert tekst.count(eis) == 1
    tekst = tekst.replace(eis, eis + '''
        <grondslag wet="LPW" artikel="2" lid="1"/>
        <grondslag wet="GW" artikel="23" lid="1"/>''')
    pad.write_text(tekst, encoding="utf-8")
    commit_alles(repo, "Eigen wettenregister: Leerplichtwet en Grondwet")
    return repo


def test_eigen_register_laat_nieuwe_wetten_citeren(tmp_path: Path) -> None:
    repo = _repo_met_register(tmp_path)
    code, uit, fout = kd(["controleer"], cwd=repo)
    assert code == 0, fout
    code, _, fout = kd(["controleer", str(KADERS / "2026" / "po.xml")])  # the package alone knows no LPW
    assert code == 0
    register = register_voor(repo / "kaders")
    assert register.zoek("leerplichtwet").code == "LPW" and register.get("BRFS").bwb == "BWBR0046311"  # type: ignore[union-attr]
    assert register.get("BRFS").naam == wetten()["BRFS"].naam  # type: ignore[union-attr]  # the rest inherited
    assert "LPW" not in wetten() and zoek_wet("Leerplichtwet") is None  # the package's registry is unchanged
    code, uit, fout = kd(["herleid", "--artikel", "artikel 2, eerste lid, van de Leerplichtwet", "--json"], cwd=repo)
    assert code == 0, fout
    data = json.loads(uit)
    assert data["link"] == "https://wetten.overheid.nl/jci1.3:c:BWBR0002628&artikel=2&lid=1"
    assert [e["eis_id"] for e in data["eisen"]] == ["wk-school-ov-e3"]
    code, _, fout = kd(["staat", "--van", "2025", "--naar", "2026", "--sector", "po", "--formaat", "json",
                        "--uit", str(tmp_path / "staat")], cwd=repo)
    assert code == 0, fout
    staat = json.loads((tmp_path / "staat" / "po-2026-staat-van-wijzigingen.json").read_text(encoding="utf-8"))
    [rij] = [w for w in staat["wijzigingen"] if w["id"] == "wk-school-ov-e3"]
    links = {g["wet"]: g["link"] for g in rij["grondslagen_wordt"]}
    assert links["LPW"].startswith("https://wetten.overheid.nl/jci1.3:c:BWBR0002628&artikel=2&lid=1")
    assert links["GW"].startswith("https://wetten.overheid.nl/jci1.3:c:BWBR0001840&artikel=23")


def test_herleid_en_impact_noemen_een_eigen_wet_zoals_het_eigen_register(tmp_path: Path) -> None:
    """The citation of `herleid` and `impact` names a law as the kadermap's registry does ('de Leerplichtwet'),
    not by its registry code, which the package's registry alone would leave ('de LPW')."""
    repo = _repo_met_register(tmp_path, REGISTER.replace('aliassen = ["Leerplichtwet", "Lpw"]',
                                                          'aliassen = ["Leerplichtwet"]'))
    gevraagd = "artikel 2, eerste lid, van de Leerplichtwet"
    code, uit, fout = kd(["herleid", "--artikel", "art. 2 lid 1 LPW", "--json"], cwd=repo)
    assert code == 0, fout
    assert json.loads(uit)["citaat"] == gevraagd
    code, uit, fout = kd(["herleid", "--artikel", "art. 2 lid 1 LPW"], cwd=repo)
    assert code == 0 and uit.startswith(f"Eisen die rusten op {gevraagd}\n"), uit
    code, uit, fout = kd(["impact", "--wet", "LPW", "--artikel", "2", "--json"], cwd=repo)
    assert code == 0, fout
    assert [r["citaten"] for r in json.loads(uit)] == [[gevraagd]]
    code, uit, fout = kd(["impact", "--wet", "LPW", "--artikel", "2"], cwd=repo)
    assert code == 0 and gevraagd in uit, uit


def test_eigen_wet_linkt_ook_in_word_en_op_de_site(tmp_path: Path) -> None:
    """A law from the kadermap's register.toml links to wetten.overheid.nl wherever a citation links:
    the Staat and the clean kader of the pack (in the concept this grondslag line is a revision, and a revision
    holds no link), the kader page and the article page of the site."""
    repo = _repo_met_register(tmp_path)
    lpw = "https://wetten.overheid.nl/jci1.3:c:BWBR0002628&artikel=2&lid=1&g=2026-08-01"
    code, _, fout = kd(["pakket", "--van", "2025", "--naar", "2026", "--sector", "po", "--formaten", "docx",
                        "--uit", str(tmp_path / "pakket")], cwd=repo)
    assert code == 0, fout
    for naam in ("po-2026-staat-van-wijzigingen.docx", "po-2026-concept-zonder-markeringen.docx"):
        links = dict(docx_links(next((tmp_path / "pakket").rglob(naam))))
        assert links.get("artikel 2, eerste lid, van de LPW") == lpw, naam
    code, _, fout = kd(["site", "--uit", str(tmp_path / "site")], cwd=repo)
    assert code == 0, fout
    site = tmp_path / "site"
    assert f'href="{lpw.replace("&", "&amp;")}"' in (site / "kader" / "po-2026.html").read_text(encoding="utf-8")
    artikel = (site / "wet" / "lpw-2.html").read_text(encoding="utf-8")
    assert "Leerplichtwet 1969" in artikel and "wetten.overheid.nl/jci1.3:c:BWBR0002628&amp;artikel=2" in artikel


def test_eigen_wet_in_impact_en_termen(tmp_path: Path) -> None:
    """Two stored versions of a law from register.toml: `impact` compares them, `--termen` reads them."""
    repo = _repo_met_register(tmp_path)
    po = repo / "kaders" / "2026" / "po.xml"
    po.write_text(po.read_text(encoding="utf-8").replace('wet="LPW" artikel="2"', 'wet="LPW" artikel="7.2.4a"'),
                  encoding="utf-8")
    bwb = DATA / "bwb"
    for jaar in ("2025", "2026"):  # a law text of the right structure, under the LPW's BWB id
        toestand = tmp_path / f"lpw-{jaar}.xml"
        toestand.write_bytes((bwb / f"web-{jaar}.xml").read_bytes().replace(b"BWBR0007625", b"BWBR0002628"))
        code, _, fout = kd(["wetten", "importeer", str(toestand), "--geldig-vanaf", f"{jaar}-08-01"], cwd=repo)
        assert code == 0, fout
    code, uit, fout = kd(["impact", "--wet", "Leerplichtwet", "--van-datum", "2025-09-01", "--naar-datum",
                          "2026-09-01", "--json"], cwd=repo)
    assert code == 0, fout
    assert json.loads(uit)["wet"] == "LPW"
    code, _, fout = kd(["controleer", "--termen"], cwd=repo)
    assert code == 0, fout
    kader = KaderMap(repo / "kaders").laad(Versie(2026), "po")
    termen = termen_van_eis(kader.element("wk-school-ov-e3"), kader, repo / "kaders")
    assert "artikel 7.2.4a, eerste lid, van de LPW" not in termen.zonder_wettekst, "its stored text was read"


def test_citaten_vindt_eigen_wetten(tmp_path: Path) -> None:
    repo = _repo_met_register(tmp_path)
    brief = tmp_path / "brief.txt"
    brief.write_text("Zie artikel 2, eerste lid, van de Leerplichtwet en artikel 40 van de WPO.\n", encoding="utf-8")
    code, uit, fout = kd(["citaten", str(brief), "--json"], cwd=repo)
    assert code == 0, fout
    links = [v["link"] for vondst in json.loads(uit)["vondsten"] for v in vondst["verwijzingen"]]
    assert links[0].startswith("https://wetten.overheid.nl/jci1.3:c:BWBR0002628&artikel=2&lid=1"), links
    code, uit, _ = kd(["citaten", str(brief), "--json", "--kaders", str(tmp_path / "geen")])
    assert code == 0 and "BWBR0002628" not in uit, "without the kadermap only the package's laws are known"


@pytest.mark.parametrize(("register", "stuk"), [
    ('[LPW]\nnaam = "Leerplichtwet 1969"\n', "'soort' ontbreekt"),
    ('[LPW]\nnaam = "Leerplichtwet 1969"\nsoort = "wet"\nkleur = "blauw"\n', "onbekend veld 'kleur'"),
    ('[LPW]\nnaam = "Leerplichtwet 1969"\nsoort = "wet"\nbwb = "BWB123"\n', "geen BWB-id"),
    ('[LPW]\nnaam = "Leerplichtwet 1969"\nsoort = "wet"\naliassen = ["Wpo"]\n', "hoort ook bij 'WPO'"),
    ('[LPW]\nnaam = "Leerplichtwet 1969"\nsoort = "wetje"\n', "soort 'wetje' is onbekend"),
    ("[LPW\nnaam = 1\n", "geen geldige TOML"),
    ('[LPW]\nnaam = "Leerplichtwet 1969"\nsoort = "wet"\ngeldig_tot = "1 augustus 2020"\n',
     "'geldig_tot' moet een datum zijn"),
    ('[LPW]\nnaam = "Leerplichtwet 1969"\nsoort = "wet"\ngeldig_van = 1969-08-01\ngeldig_tot = 1969-01-01\n',
     "geldig_tot (1969-01-01) ligt niet na geldig_van (1969-08-01)"),
    ('[LPW]\nnaam = "Leerplichtwet 1969"\nsoort = "wet"\ngeldig_tot = 2030-01-01\nopvolger = "LPW2030"\n',
     "opvolger 'LPW2030' is geen bekende wet"),
    ('[LPW]\nnaam = "Leerplichtwet 1969"\nsoort = "wet"\naliassen = ["Wvo"]\ngeldig_van = 2019-01-01\n',
     "de naam 'wvo' hoort ook bij 'WVO', die in dezelfde tijd gold"),
])
def test_controleer_valideert_het_register(tmp_path: Path, register: str, stuk: str) -> None:
    repo = maak_repo(tmp_path / "repo")
    pad = repo / "kaders" / "wetten" / "register.toml"
    pad.write_text("# eigen wetten\n\n" + register, encoding="utf-8")
    code, _, fout = kd(["controleer"], cwd=repo)
    assert code == 2 and stuk in fout
    assert re.search(r"register\.toml:[1-9]", fout), "the message names the line"


def test_register_wordt_opnieuw_gelezen_als_de_inhoud_verandert(tmp_path: Path) -> None:
    kaders = tmp_path / "kaders"
    (kaders / "wetten").mkdir(parents=True)
    pad = kaders / "wetten" / "register.toml"
    pad.write_text('[LPW]\nnaam = "Leerplichtwet 1969"\nsoort = "wet"\n', encoding="utf-8")
    assert register_voor(kaders).get("LPW").bwb == ""  # type: ignore[union-attr]
    pad.write_text('[LPW]\nnaam = "Leerplichtwet 1969"\nsoort = "wet"\nbwb = "BWBR0002628"\n', encoding="utf-8")
    assert register_voor(kaders).get("LPW").bwb == "BWBR0002628"  # type: ignore[union-attr]
    assert register_voor(None) is register_voor(tmp_path / "bestaat-niet")


def test_eigen_tekst_van_de_nieuwe_onderdelen() -> None:
    po = laad_bestand(KADERS / "2026" / "po.xml")
    assert eigen_tekst(po.element("st-op0-e2")).startswith("OP0.2 Rekenen-wiskunde\nHet onderwijs in rekenen")
    assert eigen_tekst(po.element("p-rapport-t1-r1")) == "Stap | Termijn"
    assert eigen_tekst(po.element("p-rapport-t1")) == "Tabel Termijnen bij het rapport"
