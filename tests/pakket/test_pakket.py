"""The consultation pack: contents, manifest, determinism, atomicity and real clients."""

from __future__ import annotations

import hashlib
import json
import pickle
import re
import subprocess
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from lxml import etree

from kaderdiff.bron.laden import laad_bestand
from kaderdiff.bron.versies import KaderMap
from kaderdiff.fouten import KaderdiffFout, Melding
from kaderdiff.model.versie import Versie
from kaderdiff.pakket import pakketbouw as pakket_module
from kaderdiff.render.docx_kader import render_kader_docx
from kaderdiff.uitvoer.atomair import MARKERING
from kaderdiff.uitvoer.parallel import mag_forken
from tests.hulp.documenten import aanvaarde_links, docx_links
from tests.hulp.draai import kd
from tests.hulp.echte_clients import naar_odt, odt_opmerkingen, odt_wijzigingen, odt_woorden, pandoc_woorden, vereist
from tests.hulp.paden import KADERS
from tests.hulp.repos import commit_alles, git_cmd, maak_repo

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SECTOREN = ("mbo", "po", "vo")


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return maak_repo(tmp_path_factory.mktemp("pakket") / "repo")


@pytest.fixture(scope="module")
def pakket(repo: Path) -> Path:
    """The pack as the README builds it (docx and html)."""
    uit = repo / "build" / "pakket-2026"
    code, _, fout = kd(["pakket", "--van", "2025", "--naar", "2026"], cwd=repo)
    assert code == 0, fout
    return uit


def sha(pad: Path) -> str:
    return hashlib.sha256(pad.read_bytes()).hexdigest()


def staat_json(pakket: Path, sector: str) -> dict[str, object]:
    data = json.loads((pakket / f"{sector}-2026-staat-van-wijzigingen.json").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def nummers(pakket: Path, sector: str) -> list[str]:
    wijzigingen = staat_json(pakket, sector)["wijzigingen"]
    assert isinstance(wijzigingen, list)
    return [w["nummer"] for w in wijzigingen]


def test_pakket_bevat_per_sector_alle_documenten(pakket: Path) -> None:
    namen = {p.name for p in pakket.iterdir()}
    for s in SECTOREN:
        for deel in ("staat-van-wijzigingen.docx", "staat-van-wijzigingen.html", "staat-van-wijzigingen.json",
                     "concept-met-wijzigingen.docx", "concept-zonder-markeringen.docx", "reactieformulier.docx"):
            assert f"{s}-2026-{deel}" in namen
    assert {"index.html", "manifest.json", "consultatiepakket-2026.zip"} <= namen
    assert not [p for p in pakket.parent.iterdir() if p.name.startswith(".pakket-2026")], "geen tijdelijke mappen"


def test_manifest_legt_bronnen_en_checksums_vast(pakket: Path, repo: Path) -> None:
    manifest = json.loads((pakket / "manifest.json").read_text(encoding="utf-8"))
    head = git_cmd(repo, "rev-parse", "HEAD")
    assert manifest["van"] == {"versie": "2025", "commit": head, "werkmap_gewijzigd": False}
    assert manifest["naar"]["commit"] == head
    assert manifest["gereedschap"]["naam"] == "kaderdiff"
    vermeld = {b["naam"]: b["sha256"] for b in manifest["bestanden"]}
    op_schijf = {p.name for p in pakket.iterdir()} - {"manifest.json", "consultatiepakket-2026.zip", MARKERING}
    assert set(vermeld) == op_schijf
    for naam, som in vermeld.items():
        assert sha(pakket / naam) == som, naam
    with zipfile.ZipFile(pakket / "consultatiepakket-2026.zip") as z:
        assert set(z.namelist()) == op_schijf | {"manifest.json"}
        assert z.read("manifest.json") == (pakket / "manifest.json").read_bytes()


def test_twee_keer_bouwen_is_byte_voor_byte_gelijk(pakket: Path, repo: Path, tmp_path: Path) -> None:
    code, _, fout = kd(["pakket", "--van", "2025", "--naar", "2026", "--uit", str(tmp_path / "nog-eens")], cwd=repo)
    assert code == 0, fout
    for pad in pakket.iterdir():
        assert pad.read_bytes() == (tmp_path / "nog-eens" / pad.name).read_bytes(), pad.name


def test_reactieformulier_heeft_een_rij_per_wijziging(pakket: Path) -> None:
    from docx import Document

    for s in SECTOREN:
        tabel = Document(str(pakket / f"{s}-2026-reactieformulier.docx")).tables[-1]
        eerste_kolom = [r.cells[0].text for r in tabel.rows]
        assert eerste_kolom[0] == "Nr"
        assert eerste_kolom[1:-2] == nummers(pakket, s)
        assert eerste_kolom[-2:] == ["Algemeen", "–"]  # general remarks, then remarks about unchanged text
        assert "ongewijzigde tekst" in tabel.rows[-1].cells[1].text
        assert tabel.rows[1].cells[3].text == tabel.rows[1].cells[4].text == ""


def test_revisies_zijn_echte_word_revisies(pakket: Path) -> None:
    for s in SECTOREN:
        with zipfile.ZipFile(pakket / f"{s}-2026-concept-met-wijzigingen.docx") as z:
            root = etree.fromstring(z.read("word/document.xml"))
            opmerkingen = etree.fromstring(z.read("word/comments.xml"))
        revisies = [el for el in root.iter(f"{{{W}}}ins", f"{{{W}}}del")]
        assert revisies
        ids = [el.get(f"{{{W}}}id") for el in revisies]
        assert len(ids) == len(set(ids)), "unieke revisie-ids"
        assert {el.get(f"{{{W}}}author") for el in revisies} == {"Inspectie van het Onderwijs"}
        datums = {el.get(f"{{{W}}}date") for el in revisies}
        assert len(datums) == 1 and re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", datums.pop() or "")
        assert not list(root.iter(f"{{{W}}}del")) or all(
            r.find(f"{{{W}}}t") is None for d in root.iter(f"{{{W}}}del") for r in d.iter(f"{{{W}}}r"))
        namen = {b.get(f"{{{W}}}name") or "" for b in root.iter(f"{{{W}}}bookmarkStart")}
        bladwijzers = {n for n in namen if not n.startswith("_")}  # "_…" are hidden block markers
        verwacht = nummers(pakket, s)
        assert bladwijzers == {n.replace("-", "_") for n in verwacht}
        teksten = ["".join(c.itertext()) for c in opmerkingen.iter(f"{{{W}}}comment")]
        assert sorted(t.split(" ")[0] for t in teksten) == sorted(verwacht)


def _schone_versies(repo: Path, sector: str, doel: Path) -> tuple[Path, Path]:
    """The clean old and new kader, rendered like the pack does, for comparison."""
    kadermap = KaderMap(repo / "kaders")
    moment = datetime(2026, 1, 1)
    oud = doel / f"{sector}-oud.docx"
    nieuw = doel / f"{sector}-nieuw.docx"
    oud.write_bytes(render_kader_docx(kadermap.laad(Versie(2025), sector), moment))
    nieuw.write_bytes(render_kader_docx(kadermap.laad(Versie(2026), sector), moment))
    return oud, nieuw


@pytest.mark.echte_client
@pytest.mark.parametrize("sector", SECTOREN)
def test_pandoc_accepteren_geeft_nieuw_en_verwerpen_geeft_oud(pakket: Path, repo: Path, tmp_path: Path,
                                                              sector: str) -> None:
    vereist("pandoc")
    concept = pakket / f"{sector}-2026-concept-met-wijzigingen.docx"
    oud, nieuw = _schone_versies(repo, sector, tmp_path)
    assert pandoc_woorden(concept, "accept") == pandoc_woorden(nieuw)
    assert pandoc_woorden(concept, "reject") == pandoc_woorden(oud)
    assert pandoc_woorden(concept, "accept") != pandoc_woorden(concept, "reject")


@pytest.mark.echte_client
@pytest.mark.parametrize("sector", SECTOREN)
def test_libreoffice_toont_de_revisies_en_opmerkingen(pakket: Path, repo: Path, tmp_path: Path, sector: str) -> None:
    vereist("soffice")
    concept = pakket / f"{sector}-2026-concept-met-wijzigingen.docx"
    oud, nieuw = _schone_versies(repo, sector, tmp_path)
    concept_odt, oud_odt, nieuw_odt = naar_odt([concept, oud, nieuw], tmp_path)
    assert odt_woorden(concept_odt, "accept") == odt_woorden(nieuw_odt)
    assert odt_woorden(concept_odt, "reject") == odt_woorden(oud_odt)
    wijzigingen = odt_wijzigingen(concept_odt)
    verwacht = nummers(pakket, sector)
    assert len(wijzigingen) >= len(verwacht)
    assert set(wijzigingen.values()) <= {"insertion", "deletion"}
    opmerkingen = odt_opmerkingen(concept_odt)
    assert sorted(o.split(" ")[0] for o in opmerkingen) == sorted(verwacht)


@pytest.mark.echte_client
def test_odt_en_pdf_via_libreoffice(repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    vereist("soffice")
    uit = tmp_path / "met-odt"
    code, _, fout = kd(["pakket", "--van", "2025", "--naar", "2026", "--sector", "mbo", "--formaten",
                        "docx,odt,pdf", "--uit", str(uit)], cwd=repo)
    assert code == 0, fout
    for deel in ("staat-van-wijzigingen", "concept-met-wijzigingen", "concept-zonder-markeringen",
                 "reactieformulier"):
        odt = uit / f"mbo-2026-{deel}.odt"
        with zipfile.ZipFile(odt) as z:
            assert z.infolist()[0].filename == "mimetype"
            assert z.read("mimetype") == b"application/vnd.oasis.opendocument.text"
        assert (uit / f"mbo-2026-{deel}.pdf").read_bytes().startswith(b"%PDF")
    assert odt_wijzigingen(uit / "mbo-2026-concept-met-wijzigingen.odt")
    tweede = tmp_path / "met-odt-2"
    monkeypatch.setenv("KADERDIFF_CACHE", str(tmp_path / "andere-cache"))  # converted again, not from the cache
    assert kd(["pakket", "--van", "2025", "--naar", "2026", "--sector", "mbo", "--formaten", "docx,odt",
               "--uit", str(tweede)], cwd=repo)[0] == 0
    for odt in tweede.glob("*.odt"):  # the same without a pdf; the form aside: with a pdf it has the pages
        if not odt.name.endswith("-reactieformulier.odt"):
            assert odt.read_bytes() == (uit / odt.name).read_bytes(), odt.name


def test_mislukte_bouw_laat_het_vorige_pakket_heel(tmp_path: Path) -> None:
    repo = maak_repo(tmp_path / "repo")
    uit = tmp_path / "pakket"
    kaders_voor = {p: sha(p) for p in (repo / "kaders").rglob("*.xml")}
    assert kd(["pakket", "--van", "2025", "--naar", "2026", "--uit", str(uit)], cwd=repo)[0] == 0
    assert {p: sha(p) for p in (repo / "kaders").rglob("*.xml")} == kaders_voor, "bronkaders ongewijzigd"
    eerder = {p.name: sha(p) for p in uit.iterdir()}

    # VO is built last (sectors in sorted order): MBO and PO are already written when it fails
    vo = repo / "kaders" / "2026" / "vo.xml"
    vo.write_text(vo.read_text(encoding="utf-8").replace("</kader>", "</kadr>"), encoding="utf-8")
    commit_alles(repo, "Kapotte VO")
    code, _, fout = kd(["pakket", "--van", "2025", "--naar", "2026", "--uit", str(uit)], cwd=repo)
    assert code == 2
    assert "vo.xml" in fout and "geen geldige XML" in fout
    assert {p.name: sha(p) for p in uit.iterdir()} == eerder
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pakket", "repo"], "geen half pakket achtergebleven"


@pytest.mark.echte_client
def test_index_html_in_chromium(pakket: Path, tmp_path: Path) -> None:
    chromium = vereist("chromium")
    sync_playwright = pytest.importorskip("playwright.sync_api").sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        pagina = browser.new_page(viewport={"width": 1280, "height": 900})
        pagina.goto((pakket / "index.html").as_uri())
        schermafdruk = tmp_path / "index.png"
        pagina.screenshot(path=str(schermafdruk), full_page=True)
        assert schermafdruk.read_bytes().startswith(b"\x89PNG")
        for s in SECTOREN:
            assert pagina.locator(f"section#{s.upper()} h2").is_visible()
        link = pagina.locator("a[href*='#MBO-6']").first
        link.click()
        pagina.wait_for_load_state()
        assert pagina.url.endswith("mbo-2026-staat-van-wijzigingen.html#MBO-6")
        doel = pagina.locator(":target")
        assert doel.get_attribute("id") == "MBO-6"
        vak = doel.bounding_box()
        assert vak is not None and 0 <= vak["y"] < 900, "de wijziging staat in beeld"
        assert "Tekst WORDT" in pagina.content()
        browser.close()


def test_twee_kaders_met_dezelfde_sectorcode_overschrijven_elkaar_niet(tmp_path: Path) -> None:
    """Files are named after the kader file (sbo.xml), not the sector code inside it (PO)."""
    repo = maak_repo(tmp_path / "repo")
    for jaar in (2025, 2026):
        po = repo / "kaders" / str(jaar) / "po.xml"
        (po.parent / "sbo.xml").write_text(po.read_text(encoding="utf-8").replace(
            "kwaliteit", "onderwijskwaliteit", 1), encoding="utf-8")
    commit_alles(repo, "Variant van PO als sbo.xml")
    uit = tmp_path / "pakket"
    code, _, fout = kd(["pakket", "--van", "2025", "--naar", "2026", "--uit", str(uit)], cwd=repo)
    assert code == 0, fout
    for sleutel in ("po", "sbo"):
        for deel in ("staat-van-wijzigingen.docx", "staat-van-wijzigingen.json", "concept-met-wijzigingen.docx"):
            assert (uit / f"{sleutel}-2026-{deel}").is_file(), f"{sleutel}-2026-{deel}"
    assert sha(uit / "po-2026-concept-met-wijzigingen.docx") != sha(uit / "sbo-2026-concept-met-wijzigingen.docx")
    index = (uit / "index.html").read_text(encoding="utf-8")
    assert 'href="sbo-2026-staat-van-wijzigingen.html#' in index and 'id="SBO"' in index


def test_parallel_en_na_elkaar_bouwen_geeft_dezelfde_bytes(repo: Path, tmp_path: Path) -> None:
    """Sectors built in worker processes give exactly the files of a build in one process."""
    assert mag_forken(), "zonder fork zou deze test het parallelle pad niet raken"
    kadermap = KaderMap(repo / "kaders")
    manifesten = [pakket_module.bouw_pakket(kadermap, Versie(2025), Versie(2026), tmp_path / str(n), ("docx", "html"),
                                            processen=n)
                  for n in (1, 3)]
    assert manifesten[0] == manifesten[1]
    assert {p.name: sha(p) for p in (tmp_path / "1").iterdir()} == {p.name: sha(p) for p in (tmp_path / "3").iterdir()}


def test_fout_uit_een_werkproces_houdt_bestand_en_regel() -> None:
    fout = KaderdiffFout("Kapot", (Melding("kaders/2026/vo.xml", 12, 3, "geen geldige XML"),))
    terug = pickle.loads(pickle.dumps(fout))
    assert isinstance(terug, KaderdiffFout) and str(terug) == str(fout)
    assert "kaders/2026/vo.xml:12:3" in str(terug)


def test_tekens_die_xml_bijzonder_zijn_komen_letterlijk_in_het_concept(tmp_path: Path) -> None:
    """Kader text with & < > and quotes is escaped in the concept's XML and reads back unchanged."""
    repo = maak_repo(tmp_path / "repo")
    zin = "binnen die studieduur kunnen afronden."
    oud_tekst = 'binnen die studieduur (R&amp;D &lt; 5 &amp; "x") kunnen afronden.'
    nieuw_tekst = "binnen die studieduur (R&amp;D &gt; 3 &amp; 'y') kunnen afronden."
    for jaar, tekst in ((2025, oud_tekst), (2026, nieuw_tekst)):
        mbo = repo / "kaders" / str(jaar) / "mbo.xml"
        mbo.write_text(mbo.read_text(encoding="utf-8").replace(zin, tekst), encoding="utf-8")
    commit_alles(repo, "Bijzondere tekens")
    uit = tmp_path / "pakket"
    code, _, fout = kd(["pakket", "--van", "2025", "--naar", "2026", "--sector", "mbo", "--uit", str(uit)], cwd=repo)
    assert code == 0, fout
    with zipfile.ZipFile(uit / "mbo-2026-concept-met-wijzigingen.docx") as z:
        root = etree.fromstring(z.read("word/document.xml"))
    geaccepteerd = "".join(t.text or "" for t in root.iter(f"{{{W}}}t"))
    verwijderd = "".join(t.text or "" for t in root.iter(f"{{{W}}}delText"))
    assert "(R&D > 3 & 'y')" in geaccepteerd
    assert "< 5" in verwijderd and '"x"' in verwijderd


def test_grondslagen_zijn_juriconnect_links_in_de_word_documenten(pakket: Path) -> None:
    jci = "https://wetten.overheid.nl/jci1.3:c:BWBR0007625&artikel=7.2.4a&lid=1&g=2026-08-01"
    staat = docx_links(pakket / "mbo-2026-staat-van-wijzigingen.docx")
    assert ("artikel 7.2.4a, eerste lid, van de WEB", jci) in staat
    assert ("artikel 7.4.8, eerste lid, van de WEB",
            "https://wetten.overheid.nl/jci1.3:c:BWBR0007625&artikel=7.4.8&lid=1&g=2025-08-01") in staat, \
        "Grondslag WAS linkt naar de wet zoals die gold op de peildatum van het oude kader"
    schoon = docx_links(pakket / "mbo-2026-concept-zonder-markeringen.docx")
    assert ("artikel 7.2.4a, eerste lid, van de WEB", jci) in schoon
    kader = laad_bestand(KADERS / "2026" / "mbo.xml")
    assert len(schoon) == sum(len(e.grondslagen) for e in kader.eisen()), "elke grondslag van elke eis"
    concept = docx_links(pakket / "mbo-2026-concept-met-wijzigingen.docx")
    assert concept and all(t and d.startswith("https://wetten.overheid.nl/jci1.3:c:") for t, d in concept)
    # a link is never inside a revision (a w:ins may not hold one); inserted and moved-to text is inside its link,
    # as Word writes it (pandoc and LibreOffice keep both), deleted text is never linked
    with zipfile.ZipFile(pakket / "mbo-2026-concept-met-wijzigingen.docx") as z:
        body = etree.fromstring(z.read("word/document.xml"))
    for link in body.iter(f"{{{W}}}hyperlink"):
        assert not list(link.iter(f"{{{W}}}del", f"{{{W}}}moveFrom"))
        assert all(etree.QName(a).localname not in ("ins", "del", "moveFrom", "moveTo") for a in link.iterancestors())


@pytest.mark.parametrize("sector", SECTOREN)
def test_na_alles_accepteren_linkt_elke_grondslag_zoals_in_het_schone_concept(pakket: Path, sector: str) -> None:
    """Grondslag lines of inserted and moved eisen were plain text in the concept: accepting all gave a kader
    with fewer links than the clean concept (3 in PO, 2 in MBO, 1 in VO)."""
    concept = aanvaarde_links(pakket / f"{sector}-2026-concept-met-wijzigingen.docx")
    schoon = docx_links(pakket / f"{sector}-2026-concept-zonder-markeringen.docx")
    assert sorted(concept) == sorted(schoon)



def test_paginaregister_vindt_de_rij_niet_de_samenvatting() -> None:
    from kaderdiff.pakket.pdfpaginas import paginaregister

    paginas = [
        " Veroorzakende wetswijziging    MBO-2, MBO-10\nWijzigingen\n Nr   Vindplaats\n MBO-1    Addendum\n",
        " Nr   Vindplaats\n               vervolg van MBO-1 (zie MBO-2)\n MBO-2   § 3.4\n MBO-10   § 7.5.2\n",
        "KD-MBO-2026-abc — pagina 3 van 3\n MBO-11  OP1\n",
    ]
    assert paginaregister(paginas, ["MBO-1", "MBO-2", "MBO-10", "MBO-11"]) == {
        "MBO-1": 1, "MBO-2": 2, "MBO-10": 2, "MBO-11": 3}
    with pytest.raises(KaderdiffFout, match="MBO-12 is niet teruggevonden"):
        paginaregister(paginas, ["MBO-1", "MBO-12"])


@pytest.mark.echte_client
def test_bladzijde_van_elke_wijziging_staat_in_json_en_index_en_klopt_met_de_pdf(repo: Path, tmp_path: Path) -> None:
    """Read the built PDF Staat independently (word boxes, not the register's layout text): each number's row
    starts in the Nr column on the page the register gives, and that page's footer prints the same number."""
    vereist("soffice")
    pdftotext = vereist("pdftotext")
    uit = tmp_path / "met-pdf"
    code, _, fout = kd(["pakket", "--van", "2025", "--naar", "2026", "--sector", "mbo", "--formaten", "docx,html,pdf",
                        "--uit", str(uit)], cwd=repo)
    assert code == 0, fout
    data = json.loads((uit / "mbo-2026-staat-van-wijzigingen.json").read_text(encoding="utf-8"))
    pdf = uit / "mbo-2026-staat-van-wijzigingen.pdf"
    assert data["pdf"]["bestand"] == pdf.name
    register = {w["nummer"]: w["pdf_pagina"] for w in data["wijzigingen"]}
    assert list(register) == [w["nummer"] for w in data["wijzigingen"]] and len(register) == 17

    boxen = etree.fromstring(subprocess.run([pdftotext, "-bbox", str(pdf), "-"], capture_output=True, check=True,
                                            timeout=120).stdout)
    paginas = list(boxen.iter("{http://www.w3.org/1999/xhtml}page"))
    assert len(paginas) == data["pdf"]["paginas"] > 1
    nr_kolom = (2.0 + 2.6) / 2.54 * 72  # left margin + width of the Nr column, in points
    eerste_pagina: dict[str, int] = {}
    for n, pagina in enumerate(paginas, start=1):
        woorden = [(float(w.get("xMin")), w.text) for w in pagina]
        for x, woord in woorden:
            if x < nr_kolom and woord in register:
                eerste_pagina.setdefault(woord, n)
        tekst = " ".join(w for _, w in woorden)
        assert f"pagina {n} van {len(paginas)}" in tekst, "de voettekst toont hetzelfde bladzijdenummer"
    assert eerste_pagina == register
    assert register["MBO-9"] > 1

    # the register reads the PDF without its colour profile (quick for Poppler): the same text, the same offsets
    from kaderdiff.pakket.pdfpaginas import zonder_kleurprofiel
    origineel = pdf.read_bytes()
    zonder = zonder_kleurprofiel(origineel)
    assert b"/OutputIntents" in origineel and b"/OutputIntents" not in zonder and len(zonder) == len(origineel)
    teksten = [subprocess.run([pdftotext, "-layout", "-", "-"], input=data, capture_output=True, check=True,
                              timeout=120).stdout for data in (origineel, zonder)]
    assert teksten[0] == teksten[1] and b"MBO-9" in teksten[0]

    index = (uit / "index.html").read_text(encoding="utf-8")
    assert f'href="mbo-2026-staat-van-wijzigingen.pdf#page={register["MBO-9"]}">blz. {register["MBO-9"]}</a>' in index
    manifest = json.loads((uit / "manifest.json").read_text(encoding="utf-8"))
    json_sha = next(b["sha256"] for b in manifest["bestanden"] if b["naam"].endswith(".json"))
    assert json_sha == sha(uit / "mbo-2026-staat-van-wijzigingen.json"), "het manifest kent de JSON met bladzijden"
