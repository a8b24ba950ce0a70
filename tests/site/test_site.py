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
    assert "rust er niet meer op in 2026" in tekst(rij)


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
