"""The static site: contents per page kind, the same Staat as the pack, every link resolving, determinism,
atomic builds and bad input."""

from __future__ import annotations

import hashlib
import json
import re
from itertools import pairwise
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

from tests.hulp.draai import kd
from tests.hulp.repos import commit_alles, maak_repo


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return maak_repo(tmp_path_factory.mktemp("site") / "repo")


@pytest.fixture(scope="module")
def site(repo: Path) -> Path:
    code, uit, fout = kd(["site"], cwd=repo)
    assert code == 0, fout
    assert "build/site" in uit and "pagina's" in uit
    return repo / "build" / "site"


def pagina(pad: Path) -> lxml_html.HtmlElement:
    return lxml_html.fromstring(pad.read_bytes())


def tekst(el: lxml_html.HtmlElement) -> str:
    return " ".join(el.text_content().split())


def bestanden(map_: Path) -> dict[str, str]:
    return {p.relative_to(map_).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(map_.rglob("*")) if p.is_file()}


def test_startpagina_toont_elke_sector_elk_jaar_en_de_status(site: Path, repo: Path) -> None:
    start = pagina(site / "index.html")
    assert start.get("lang") == "nl"
    rijen = {tekst(r.find("th")): [tekst(td) for td in r.findall("td")]
             for r in start.xpath("//table[1]/tbody/tr")}
    assert set(rijen) == {p.stem.upper() for p in (repo / "kaders").glob("[0-9][0-9][0-9][0-9]/*.xml")}
    for sector, cellen in rijen.items():
        for jaar, cel in zip((2025, 2026, 2027), cellen, strict=True):
            bestand = repo / "kaders" / str(jaar) / f"{sector.lower()}.xml"
            if bestand.is_file():
                status = re.search(r'status="(\w+)"', bestand.read_text(encoding="utf-8"))
                assert status is not None and cel.startswith(status.group(1)), (sector, jaar, cel)
            else:
                assert cel.startswith("–")
    links = start.xpath("//a/@href")
    assert "standaard/mbo-st-op1.html" in links and "staat/vo-2026-2027.html" in links


def test_kaderpagina_heeft_een_anker_per_element_en_juriconnect_links(site: Path, repo: Path) -> None:
    from kaderdiff.bron.laden import laad_bestand

    kader = laad_bestand(repo / "kaders" / "2026" / "mbo.xml")
    doc = pagina(site / "kader" / "mbo-2026.html")
    ids = set(doc.xpath("//@id"))
    assert {el.id for el, _ in kader.doorloop()} <= ids
    eis = doc.get_element_by_id("st-op1-e2")
    hrefs = eis.xpath(".//a/@href")
    assert "https://wetten.overheid.nl/jci1.3:c:BWBR0007625&artikel=7.2.4a&lid=1&g=2026-08-01" in hrefs
    assert "../wet/web-7.2.4a.html#lid-1" in hrefs
    assert "../staat/mbo-2025-2026.html#MBO-9" in hrefs, "het gewijzigde element draagt zijn nummer"
    koppen = [int(h.tag[1]) for h in doc.iter("h1", "h2", "h3", "h4", "h5", "h6")]
    assert koppen[0] == 1 and all(b - a <= 1 for a, b in pairwise(koppen)), "geen kopniveau overgeslagen"


def test_staatpagina_heeft_dezelfde_rijen_en_nummers_als_het_pakket(site: Path, repo: Path) -> None:
    assert kd(["pakket", "--van", "2025", "--naar", "2026", "--formaten", "docx"], cwd=repo)[0] == 0
    for sector in ("mbo", "po", "vo"):
        data = json.loads((repo / "build" / "pakket-2026" / f"{sector}-2026-staat-van-wijzigingen.json")
                          .read_text(encoding="utf-8"))
        doc = pagina(site / "staat" / f"{sector}-2025-2026.html")
        rijen = doc.xpath("//table[contains(@class, 'wijzigingen')]/tbody/tr")
        assert [r.get("id") for r in rijen] == [w["nummer"] for w in data["wijzigingen"]]
        for rij, w in zip(rijen, data["wijzigingen"], strict=True):
            assert tekst(rij.xpath("td[contains(@class, 'wordt')]")[0]) == " ".join(w["wordt"].split())
        assert doc.xpath("//a[@class='overslaan']/@href") == ["#inhoud"] and doc.get_element_by_id("inhoud") is not None
    mbo = pagina(site / "staat" / "mbo-2025-2026.html")
    rij = mbo.xpath("//h2[@id='in-het-kader']/following-sibling::table[1]//tr[th/a[@href='#MBO-9']]")[0]
    assert rij.xpath(".//a/@href")[1:] == ["../kader/mbo-2026.html#st-op1-e2", "../standaard/mbo-st-op1.html"]


def test_geschiedenispagina_toont_elk_jaar_het_verschil_en_het_nummer(site: Path) -> None:
    doc = pagina(site / "standaard" / "mbo-st-op1.html")
    assert "Geschiedenis van MBO OP1 Aanbod" in tekst(doc.find(".//h1"))
    jaar_2026 = doc.get_element_by_id("jaar-2026")
    assert "../staat/mbo-2025-2026.html#MBO-9" in jaar_2026.xpath(".//a/@href")
    assert [tekst(d) for d in jaar_2026.iter("del")] == ["; artikel 7.4.8, eerste lid, van de WEB"], \
        "alleen de vervallen grondslag is doorgehaald"
    assert "studieduur" in tekst(doc.get_element_by_id("jaar-2025"))
    assert not list(doc.get_element_by_id("jaar-2025").iter("del", "ins"))


def test_artikelpagina_geeft_elke_eis_erop_in_alle_sectoren_en_jaren(site: Path) -> None:
    doc = pagina(site / "wet" / "web-7.2.4a.html")
    lid = doc.get_element_by_id("lid-1")
    assert tekst(lid.find("h2")) == "Eerste lid" and "lid lid" not in tekst(doc)
    rijen = lid.xpath(".//tbody/tr")
    assert any("../kader/mbo-2026.html#st-op1-e2" in r.xpath(".//a/@href") for r in rijen)
    rij = next(r for r in rijen if "../kader/mbo-2026.html#st-op1-e2" in r.xpath(".//a/@href"))
    assert [tekst(a) for a in rij.xpath("td[3]/a")] == ["2025 (MBO, st-op1-e2)", "2026 (MBO, st-op1-e2)"]
    assert doc.xpath("//a[starts-with(@href, 'https://wetten.overheid.nl/jci1.3:c:BWBR0007625&artikel=7.2.4a')]")
    # the old reference 7.4.8 lid 1 of st-op1-e2 went in 2026: the history says so
    oud = pagina(site / "wet" / "web-7.4.8.html").get_element_by_id("lid-1")
    rij = next(r for r in oud.xpath(".//tbody/tr") if "st-op1-e2" in " ".join(r.xpath(".//a/@href")))
    assert "2026: rust er niet meer op (MBO-9)" in [tekst(li) for li in rij.xpath("td[4]//li")]


def test_wetswijzigingpagina_noemt_de_wijzigingen_en_de_naam_eenmaal(site: Path) -> None:
    doc = pagina(site / "wetswijziging" / "vaba.html")
    assert tekst(doc.find(".//h1")) == "Wet vereenvoudiging en aanpassing beroepsonderwijs (VABA)"
    assert "../staat/mbo-2025-2026.html#MBO-9" in doc.xpath("//a/@href")


def test_zoekindex_bevat_alle_kadertekst(site: Path) -> None:
    data = (site / "hulp" / "zoekindex.js").read_text(encoding="utf-8")
    index = json.loads(data.removeprefix("window.KD_ZOEKINDEX=").rstrip().removesuffix(";"))
    mbo = next(s for s in index["sectoren"] if s["sleutel"] == "mbo")
    items = {(i[0], tuple(i[3])): i[2] for i in mbo["items"]}
    assert "onaangekondigde bezoeken" in items[("add-toezichtmix-l1-i1", (2026,))]
    assert sorted(jaren for i, jaren in items if i == "st-op1-e2") == [(2025,), (2026,)], \
        "de grondslag van st-op1-e2 veranderde: een tekst per jaar"
    assert mbo["kaders"]["2026"] == "kader/mbo-2026.html"
    eis = next(i for i in mbo["items"] if i[0] == "st-op1-e2" and i[3] == [2026])
    assert mbo["plaatsen"][eis[1]].endswith("OP1 Aanbod › Basiskwaliteit")


def test_elke_lokale_link_en_elk_anker_bestaat(site: Path) -> None:
    """Walk every page: each href/src to a local file must exist, and each #anker must be an id on that page."""
    ids: dict[Path, set[str]] = {}
    kapot: list[str] = []
    paginas = sorted(site.rglob("*.html"))
    assert len(paginas) > 100

    def ids_van(pad: Path) -> set[str]:
        if pad not in ids:
            ids[pad] = set(pagina(pad).xpath("//@id")) if pad.suffix == ".html" else set()
        return ids[pad]

    gecontroleerd = 0
    for pad in paginas:
        doc = pagina(pad)
        for waarde in doc.xpath("//a/@href | //link/@href | //script/@src | //form/@action"):
            delen = urlsplit(waarde)
            if delen.scheme or waarde.startswith("//"):
                assert delen.scheme == "https", waarde
                continue
            doel = (pad.parent / unquote(delen.path)).resolve() if delen.path else pad
            gecontroleerd += 1
            if not doel.is_file() or not doel.is_relative_to(site.resolve()):
                kapot.append(f"{pad.relative_to(site)}: {waarde} (bestand ontbreekt)")
            elif delen.fragment and unquote(delen.fragment) not in ids_van(doel):
                kapot.append(f"{pad.relative_to(site)}: {waarde} (anker ontbreekt)")
    assert not kapot, "\n".join(kapot[:20])
    assert gecontroleerd > 3000


def test_manifest_legt_de_bron_en_elk_bestand_vast(site: Path, repo: Path) -> None:
    from tests.hulp.repos import git_cmd

    manifest = json.loads((site / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["formaat"] == "kaderdiff-site/1"
    commit = git_cmd(repo, "rev-parse", "HEAD")
    assert [(j["jaar"], j["commit"]) for j in manifest["jaren"]] == [(2025, commit), (2026, commit), (2027, commit)]
    namen = {b["naam"]: b["sha256"] for b in manifest["bestanden"]}
    from kaderdiff.uitvoer.atomair import MARKERING

    assert set(namen) | {"manifest.json", MARKERING} == set(bestanden(site))
    assert all(bestanden(site)[n] == h for n, h in namen.items())


def test_twee_keer_bouwen_is_byte_voor_byte_gelijk(site: Path, repo: Path, tmp_path: Path) -> None:
    tweede = tmp_path / "tweede"
    assert kd(["site", "--uit", str(tweede)], cwd=repo)[0] == 0
    assert bestanden(tweede) == bestanden(site)


def test_een_jaar_bereik_geeft_alleen_die_jaren(repo: Path, tmp_path: Path) -> None:
    uit = tmp_path / "alleen-2026"
    code, _, fout = kd(["site", "--van", "2026", "--naar", "2026", "--uit", str(uit)], cwd=repo)
    assert code == 0, fout
    assert sorted(p.name for p in (uit / "kader").iterdir()) == sorted(
        f"{p.stem}-2026.html" for p in (repo / "kaders" / "2026").glob("*.xml"))
    assert not (uit / "staat").exists()


def test_fout_jaar_geeft_een_duidelijke_melding(repo: Path, tmp_path: Path) -> None:
    code, _, fout = kd(["site", "--van", "1999", "--uit", str(tmp_path / "x")], cwd=repo)
    assert code == 2
    assert "--van 1999" in fout and "2025, 2026, 2027" in fout
    code, _, fout = kd(["site", "--naar", "twintig", "--uit", str(tmp_path / "x")], cwd=repo)
    assert code == 2 and "geen jaar" in fout
    assert not (tmp_path / "x").exists()


def test_mislukte_bouw_laat_de_vorige_site_heel(tmp_path: Path) -> None:
    repo = maak_repo(tmp_path / "repo")
    uit = tmp_path / "site"
    assert kd(["site", "--uit", str(uit)], cwd=repo)[0] == 0
    eerder = bestanden(uit)
    vo = repo / "kaders" / "2027" / "vo.xml"
    vo.write_text(vo.read_text(encoding="utf-8").replace("</kader>", "</kadr>"), encoding="utf-8")
    commit_alles(repo, "Kapotte VO")
    code, _, fout = kd(["site", "--uit", str(uit)], cwd=repo)
    assert code == 2 and "vo.xml" in fout
    assert bestanden(uit) == eerder
    assert sorted(p.name for p in tmp_path.iterdir()) == ["repo", "site"], "geen halve site achtergebleven"


@given(st.lists(st.text("ab xy.\n", max_size=12), max_size=6), st.lists(st.text("ab cd.\n", max_size=12), max_size=6))
@settings(max_examples=300, deadline=None)
def test_regeldiff_geeft_precies_oud_en_nieuw_terug(oud: list[str], nieuw: list[str]) -> None:
    from kaderdiff.diff.tekstdiff import nieuwe_tekst, oude_tekst
    from kaderdiff.site.geschiedenis import regeldiff

    a, b = "\n".join(oud), "\n".join(nieuw)
    delen = regeldiff(a, b)
    assert oude_tekst(delen) == a and nieuwe_tekst(delen) == b


# ---------------------------------------------------------------- what a reader and a jurist trip over (issue 28)

def test_beslisregels_staan_in_een_tabel_met_kopcellen(site: Path, repo: Path) -> None:
    from kaderdiff.bron.laden import laad_bestand
    from kaderdiff.model.kader import Soort

    for sector in ("mbo", "po", "vo"):
        kader = laad_bestand(repo / "kaders" / "2026" / f"{sector}.xml")
        regels = [el for el, _ in kader.doorloop() if el.soort is Soort.BESLISREGEL]
        assert regels, sector
        doc = pagina(site / "kader" / f"{sector}-2026.html")
        for regel in regels:
            rij = doc.get_element_by_id(regel.id)
            assert rij.tag == "tr", regel.id
            tabel = next(rij.iterancestors("table"))
            assert [tekst(th) for th in tabel.xpath("thead/tr/th[@scope='col']")] == ["Oordeel", "Beslisregel"]
            assert tekst(rij.find("th")) == regel.kenmerk and rij.find("th").get("scope") == "row"
            assert tekst(rij.find("td")).startswith(" ".join(regel.tekst.split()))  # then its change number
        assert not doc.xpath("//tr[not(ancestor::table)]"), "geen tabelrij buiten een tabel"


def test_wetsartikelen_staan_in_de_volgorde_van_hun_nummers(site: Path) -> None:
    doc = pagina(site / "wet" / "index.html")
    wpo = [tekst(a).removeprefix("artikel ").removesuffix(" WPO") for a in doc.xpath("//section[@id='wet-wpo']//a")]
    assert wpo[:7] == ["3", "4c", "8", "9", "9b", "10", "12"] and wpo.index("17c") < wpo.index("148")
    web = [tekst(a).removeprefix("artikel ").removesuffix(" WEB") for a in doc.xpath("//section[@id='wet-web']//a")]
    assert web.index("7.2.4") < web.index("7.2.4a") < web.index("7.2.10") < web.index("7.4.5")
    from kaderdiff.site.wetpaginas import artikelvolgorde

    assert sorted(["10", "148", "17c", "3", "4c", "8"], key=artikelvolgorde) == ["3", "4c", "8", "10", "17c", "148"]
    assert sorted(["7.2.10", "7.2.4a", "8a.1.1", "7.2.4", "8.1.7a", "I"], key=artikelvolgorde) == \
        ["7.2.4", "7.2.4a", "7.2.10", "8.1.7a", "8a.1.1", "I"]


def test_artikelpagina_toont_de_wettekst_van_elk_lid_zoals_de_kaders_hem_lazen(site: Path) -> None:
    lid = pagina(site / "wet" / "web-7.2.4a.html").get_element_by_id("lid-1")
    blokken = lid.xpath("div[@class='wettekst']")
    assert [tekst(b.find("p")) for b in blokken] == [
        "Wettekst geldig vanaf 1 augustus 2026 (in de kaders van 2026):",
        "Wettekst geldig vanaf 1 augustus 2025 (in de kaders van 2025):"], "de tekst veranderde met de Wet VABA"
    assert "Voor elke leerweg van een beroepsopleiding geldt één studieduur" in tekst(blokken[0])
    assert "per leerweg een afzonderlijke studieduur" in tekst(blokken[1])
    # a lid with onderdelen shows them as a list, each with its letter
    drie = pagina(site / "wet" / "web-1.3.6.html")
    onderdelen = [tekst(li) for li in drie.xpath("//div[@class='wettekst']/ol/li")]
    assert onderdelen and all(re.match(r"[a-z]\. ", o) for o in onderdelen), onderdelen


def test_artikelpagina_met_echte_wettekst_toont_geneste_onderdelen_en_beide_leden_10(tmp_path: Path) -> None:
    from tests.hulp.wetten_echt import kader_met

    bevoegd = {"wet": "WEB", "artikel": "4.2.1", "lid": "2", "onderdeel": "b"}
    kader_met(tmp_path, [("e-bevoegd", "Het personeel is bevoegd.", bevoegd),
                         ("e-ziek", "Zieke leerlingen krijgen les.", {"wet": "WPO", "artikel": "8", "lid": "10"})])
    uit = tmp_path / "site"
    code, _, fout = kd(["site", "--kaders", str(tmp_path / "kaders"), "--uit", str(uit)])
    assert code == 0, fout
    lid = pagina(uit / "wet" / "web-4.2.1.html").get_element_by_id("lid-2")
    wet = lid.xpath("div[@class='wettekst']")[0]
    b = next(li for li in wet.xpath("ol/li") if tekst(li).startswith("b. voldoet aan de bekwaamheidseisen"))
    assert [tekst(li)[:2] for li in b.xpath("ol/li")] == ["1°", "2°", "3°", "4°", "5°", "6°"]
    assert tekst(b.xpath("ol/li")[0]).startswith("1° een getuigschrift als bedoeld in artikel 7.11, eerste lid,")
    tien = tekst(pagina(uit / "wet" / "wpo-8.html").get_element_by_id("lid-10").xpath("div[@class='wettekst']")[0])
    assert "ziekte thuis verblijven" in tien and "achterstanden" in tien, "beide leden 10, geen overschreven"


def test_geschiedeniskolom_zegt_per_jaar_wat_er_met_de_eis_gebeurde(site: Path) -> None:
    leeg = []
    for pad in sorted((site / "wet").glob("*-*.html")):
        for rij in pagina(pad).xpath("//tbody/tr"):
            jaren = [tekst(a).split(" ")[0] for a in rij.xpath("td[3]/a")]
            regels = [tekst(li) for li in rij.xpath("td[4]//li")]
            if [r.split(":")[0] for r in regels][:len(jaren)] != jaren:
                leeg.append(f"{pad.name}: {jaren} {regels}")
    assert not leeg, "\n".join(leeg[:10])
    rij = pagina(site / "wet" / "web-7.2.4a.html").xpath("//tr[td/a[@href='../kader/mbo-2026.html#st-op1-e2']]")[0]
    assert [tekst(li) for li in rij.xpath("td[4]//li")] == ["2025: in het eerste kader op deze site",
                                                             "2026: alleen grondslag gewijzigd (MBO-9)"]
    assert rij.xpath("td[4]//a/@href") == ["../staat/mbo-2025-2026.html#MBO-9"]
    # an eis that came with a new kwaliteitsgebied carries the number of that row
    rij = pagina(site / "wet" / "wms-10.html").xpath("//tr[td/a[@href='../kader/vo-2027.html#st-ska3-e2']]")[0]
    assert [tekst(li) for li in rij.xpath("td[4]//li")] == ["2027: toegevoegd (VO-13)"]


def test_enkelvoud_en_meervoud_en_datums_in_het_nederlands_op_elke_pagina(site: Path) -> None:
    fouten = []
    for pad in sorted(site.rglob("*.html")):
        doc = pagina(pad)
        for el in doc.xpath("//script | //style"):
            el.drop_tree()
        zichtbaar = tekst(doc)
        fouten += [f"{pad.relative_to(site)}: {m}" for m in re.findall(
            r"\b1 (?:wijzigingen|eisen|onderdelen|resultaten|artikelen)\b|\b\d{4}-\d\d-\d\d\b", zichtbaar)]
    assert not fouten, "\n".join(fouten[:10])
    vaba = pagina(site / "wetswijziging" / "vaba.html")
    assert tekst(vaba.xpath("//table[1]//td[2]")[0]) == "1 augustus 2026"
    assert tekst(vaba.xpath("//table[2]/caption")[0]) == "1 wijziging verbonden aan VABA"
    assert "(1 wijziging)" in tekst(pagina(site / "wetswijziging" / "index.html"))


def test_geschiedenis_van_een_standaard_toont_elke_eis_apart(site: Path, repo: Path) -> None:
    from kaderdiff.bron.laden import laad_bestand

    st = laad_bestand(repo / "kaders" / "2026" / "mbo.xml").element("st-op1")
    eisen = [" ".join(el.tekst.split()) for el, _ in st.doorloop() if el.soort.value == "eis"]
    jaar = pagina(site / "standaard" / "mbo-st-op1.html").get_element_by_id("jaar-2026")
    assert [tekst(p) for p in jaar.xpath(".//p[@class='regel-eis']")] == eisen
    grondslagen = jaar.xpath(".//p[@class='regel-grondslag']")
    assert len(grondslagen) == len(eisen) and all(tekst(g).startswith("Wettelijke grondslag:") for g in grondslagen)
    assert [tekst(d) for d in jaar.iter("del")] == ["; artikel 7.4.8, eerste lid, van de WEB"]
    assert [tekst(p) for p in jaar.xpath(".//p[@class='regel-deel']")] == ["Basiskwaliteit", "Eigen aspiraties"]


def test_staatpagina_biedt_de_staat_als_word_en_json_en_elke_eis_een_vaste_link(site: Path, repo: Path) -> None:
    from docx import Document

    doc = pagina(site / "staat" / "mbo-2025-2026.html")
    links = doc.xpath("//p[@class='downloads']/a/@href")
    assert links == ["mbo-2026-staat-van-wijzigingen.docx", "mbo-2026-staat-van-wijzigingen.json"]
    word = Document(str(site / "staat" / links[0]))
    assert "MBO-9" in [c.text.split("\n")[0] for t in word.tables for r in t.rows for c in r.cells[:1]]
    data = json.loads((site / "staat" / links[1]).read_text(encoding="utf-8"))
    rijen = doc.xpath("//table[contains(@class, 'wijzigingen')]/tbody/tr/@id")
    assert [w["nummer"] for w in data["wijzigingen"]] == rijen
    assert not doc.xpath("//*[@class='blz']"), "zonder pakket geen bladzijden"
    kader = pagina(site / "kader" / "mbo-2026.html")
    eisen = kader.xpath("//div[@class='eis']")
    assert len(eisen) > 40
    for eis in eisen:
        link = eis.xpath(".//a[@class='permalink']")
        assert [a.get("href") for a in link] == [f"#{eis.get('id')}"]
        assert link[0].text == "vaste link", "zichtbaar, niet alleen voor schermlezers"


def test_zoekindex_vindt_wijzigingsnummers_en_toelichtingen(site: Path) -> None:
    data = (site / "hulp" / "zoekindex.js").read_text(encoding="utf-8")
    index = json.loads(data.removeprefix("window.KD_ZOEKINDEX=").rstrip().removesuffix(";"))
    mbo = next(s for s in index["sectoren"] if s["sleutel"] == "mbo")
    staat = next(s for s in mbo["staten"] if (s["van"], s["naar"]) == (2025, 2026))
    assert staat["url"] == "staat/mbo-2025-2026.html"
    rijen = {w[0]: w for w in staat["wijzigingen"]}
    assert list(rijen) == [f"MBO-{n}" for n in range(1, 18)]
    assert "Door de Wet VABA wijzigt artikel 7.2.4a" in rijen["MBO-9"][2]
    assert mbo["plaatsen"][rijen["MBO-9"][1]].endswith("OP1 Aanbod › Basiskwaliteit")
    assert any("macrodoelmatigheid" in w[2] for w in staat["wijzigingen"]), "staat alleen in een toelichting"


def test_site_geeft_de_bladzijde_uit_de_pdf_alleen_met_een_passend_pakket(tmp_path: Path) -> None:
    from kaderdiff.render.json_uit import met_pdfpaginas
    from tests.hulp.kaderbewerking import bewerkt, nieuw

    repo = maak_repo(tmp_path / "repo")
    code, _, fout = kd(["site", "--pakket", str(tmp_path / "geen"), "--uit", str(tmp_path / "s")], cwd=repo)
    assert code == 2 and "--pakket" in fout and "bestaat niet" in fout
    assert kd(["pakket", "--van", "2025", "--naar", "2026", "--formaten", "docx"], cwd=repo)[0] == 0
    pakket = repo / "build" / "pakket-2026"
    code, _, fout = kd(["site", "--pakket", str(pakket), "--uit", str(tmp_path / "s")], cwd=repo)
    assert code == 2 and "--formaten docx,pdf" in fout, "een pakket zonder pdf heeft geen bladzijden"
    code, _, fout = kd(["site", "--pakket", str(pakket / "consultatiepakket-2026.zip"), "--uit", str(tmp_path / "s")],
                       cwd=repo)
    assert code == 2 and "geen map" in fout and "niet de zip" in fout
    # the pack as a pdf build leaves it (page per change), then the kaders change: other numbers on the site
    json_pad = pakket / "mbo-2026-staat-van-wijzigingen.json"
    nummers = [w["nummer"] for w in json.loads(json_pad.read_bytes())["wijzigingen"]]
    json_pad.write_bytes(met_pdfpaginas(json_pad.read_bytes(), "mbo-2026-staat-van-wijzigingen.pdf",
                                        {n: i + 1 for i, n in enumerate(nummers)}, len(nummers)))
    mbo = repo / "kaders" / "2026" / "mbo.xml"
    mbo.write_bytes(bewerkt(mbo.read_bytes(), nieuw("st-op1-e1", "st-op1-nieuw")))
    commit_alles(repo, "Een eis erbij")
    code, _, fout = kd(["site", "--pakket", str(pakket), "--uit", str(tmp_path / "s")], cwd=repo)
    assert code == 2 and "mbo-2026-staat-van-wijzigingen.json" in fout and "hoort niet bij deze kaders" in fout
    assert not (tmp_path / "s").exists(), "niets half geschreven"


def test_kleur_en_letter_komen_voor_word_html_en_site_uit_een_bron(tmp_path: Path) -> None:
    """Change the one house style file in a copy of kaderdiff: the Word Staat, the HTML Staat and the site all
    follow (and nothing else keeps the old colour)."""
    import shutil
    import subprocess
    import sys
    import zipfile

    from tests.hulp.paden import REPO

    kopie = tmp_path / "kopie"
    shutil.copytree(REPO / "kaderdiff", kopie / "kaderdiff", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO / "templates", kopie / "templates")
    stijl = kopie / "templates" / "huisstijl.toml"
    inhoud = stijl.read_text(encoding="utf-8")
    for oud, nieuw_ in (('doorgehaald = "C00000"', 'doorgehaald = "9B1C31"'), ('lint = "154273"', 'lint = "2A1F5C"'),
                        ('familie = "Verdana"', 'familie = "Arial"')):
        assert oud in inhoud
        inhoud = inhoud.replace(oud, nieuw_)
    stijl.write_text(inhoud, encoding="utf-8")
    repo = maak_repo(tmp_path / "repo")
    omgeving = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(kopie), "KADERDIFF_CACHE": str(tmp_path / "cache")}
    for opdracht in (["pakket", "--van", "2025", "--naar", "2026", "--formaten", "docx,html"], ["site"]):
        uit = subprocess.run([sys.executable, "-m", "kaderdiff", *opdracht], cwd=repo, env=omgeving,
                             capture_output=True, text=True, timeout=300)
        assert uit.returncode == 0, uit.stderr
    with zipfile.ZipFile(repo / "build" / "pakket-2026" / "mbo-2026-staat-van-wijzigingen.docx") as z:
        document, stijlen = z.read("word/document.xml").decode(), z.read("word/styles.xml").decode()
    assert '<w:strike/><w:color w:val="9B1C31"/>' in document and "C00000" not in document
    assert 'w:color w:val="2A1F5C"' in stijlen and 'w:ascii="Arial"' in stijlen and "154273" not in stijlen
    html = (repo / "build" / "pakket-2026" / "mbo-2026-staat-van-wijzigingen.html").read_text(encoding="utf-8")
    css = (repo / "build" / "site" / "hulp" / "site.css").read_text(encoding="utf-8")
    for tekst_ in (html, css):
        assert "--doorgehaald: #9b1c31" in tekst_ and "--lint: #2a1f5c" in tekst_ and "font-family: Arial," in tekst_
        assert not re.search(r"#154273|#c00000|#c00\b|Verdana", tekst_, re.IGNORECASE)
