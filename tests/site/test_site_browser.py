"""The site in a real browser (the system Chromium through Playwright): a reader's walk through it, with a
screenshot of every step; axe-core's accessibility rules (WCAG 2.2 A/AA and best practices) on a page of every
kind, on a wide and a phone-sized screen; every page on a 375 px screen without scrolling sideways; the Staat on
paper in the reading order of the PDF Staat; and a site built beside a pack showing the PDF page of each change."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.hulp.draai import kd
from tests.hulp.echte_clients import axe_core, vereist
from tests.hulp.repos import maak_repo

pytestmark = pytest.mark.echte_client

AXE_REGELS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
#: A phone held upright: the narrowest screen the site is made for.
SMAL = 375


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = maak_repo(tmp_path_factory.mktemp("site-browser") / "repo")
    code, _, fout = kd(["site"], cwd=repo)
    assert code == 0, fout
    return repo / "build" / "site"


@pytest.fixture(scope="module")
def browser() -> Any:
    chromium = vereist("chromium")
    sync_playwright = pytest.importorskip("playwright.sync_api").sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        yield b
        b.close()


@pytest.mark.echte_client
def test_een_lezer_gaat_van_de_startpagina_naar_een_wetsartikel(site: Path, browser: Any, tmp_path: Path) -> None:
    vereist("chromium")
    pagina = browser.new_page(viewport={"width": 1280, "height": 900})
    stappen: list[Path] = []

    def schermafdruk(naam: str) -> None:
        pad = tmp_path / f"{len(stappen) + 1:02d}-{naam}.png"
        pagina.screenshot(path=str(pad))
        assert pad.read_bytes().startswith(b"\x89PNG")
        stappen.append(pad)
        print(f"schermafdruk: {pad}")

    pagina.goto((site / "index.html").as_uri())
    schermafdruk("startpagina")
    pagina.keyboard.press("Tab")  # the skip link is the first stop and becomes visible with a focus ring
    overslaan = pagina.locator("a.overslaan")
    assert overslaan.evaluate("e => e === document.activeElement")
    vak = overslaan.bounding_box()
    assert vak is not None and vak["x"] >= 0 and vak["y"] >= 0
    assert overslaan.evaluate("e => getComputedStyle(e).outlineStyle") != "none"
    schermafdruk("overslaan-met-focus")

    pagina.locator("#standaarden-mbo + ul").get_by_role("link", name="OP1 Aanbod").click()
    pagina.wait_for_load_state()
    assert pagina.url.endswith("/standaard/mbo-st-op1.html")
    assert pagina.get_by_role("heading", level=1).inner_text() == "Geschiedenis van MBO OP1 Aanbod"
    schermafdruk("geschiedenis-mbo-op1")

    jaar = pagina.locator("#jaar-2026")
    assert "Wijzigingen 2025 → 2026" in jaar.inner_text()
    wijziging = jaar.locator("a.wijz").first
    nummer = wijziging.inner_text()
    assert nummer.startswith("MBO-")
    assert jaar.locator("del").count() >= 1, "het woordverschil met 2025 staat erbij"
    wijziging.scroll_into_view_if_needed()
    schermafdruk("wijziging-2025-2026")
    wijziging.click()
    pagina.wait_for_load_state()
    assert pagina.url.endswith(f"/staat/mbo-2025-2026.html#{nummer}")
    rij = pagina.locator(":target")
    assert rij.get_attribute("id") == nummer and "Grondslag WAS" in rij.inner_text()
    schermafdruk("rij-in-de-staat")

    pagina.get_by_label("Zoek in alle kaders").fill("studieduur")
    pagina.get_by_label("Zoek in alle kaders").press("Enter")
    pagina.wait_for_load_state()
    assert "zoeken.html?q=studieduur" in pagina.url
    resultaat = pagina.locator("#zoekresultaten li", has_text="MBO 2026").first
    resultaat.wait_for()
    assert "studieduur" in resultaat.inner_text()
    schermafdruk("zoeken-studieduur")
    resultaat.get_by_role("link").click()
    pagina.wait_for_load_state()
    assert pagina.url.endswith("/kader/mbo-2026.html#st-op1-e2")
    eis = pagina.locator(":target")
    assert "studieduur" in eis.inner_text()
    schermafdruk("eis-in-het-kader")

    eis.locator("a.wetlink").first.click()
    pagina.wait_for_load_state()
    assert pagina.url.endswith("/wet/web-7.2.4a.html#lid-1")
    lid = pagina.locator(":target")
    assert "Eerste lid" in lid.locator("h2").inner_text()
    assert lid.locator("a[href$='kader/mbo-2026.html#st-op1-e2']").count() >= 1
    schermafdruk("wetsartikel-7.2.4a-lid-1")
    assert len(stappen) == 8
    pagina.close()


def _voorbeelden(site: Path) -> dict[str, str]:
    """One page of every kind (with search and compare run, so their results are checked too)."""
    return {
        "startpagina": "index.html",
        "kader": "kader/mbo-2026.html",
        "staat": "staat/vo-2026-2027.html",
        "geschiedenis": "standaard/mbo-st-op1.html",
        "wetsartikel": "wet/web-7.2.4a.html",
        "wetsartikelen": "wet/index.html",
        "wetswijziging": "wetswijziging/vaba.html",
        "wetswijzigingen": "wetswijziging/index.html",
        "zoeken": "zoeken.html?q=bestuur",
        "vergelijken": "vergelijk.html?sector=vo&van=2025&naar=2027",
    }


def _open(browser: Any, site: Path, adres: str, breedte: int = 1280) -> Any:
    """A page of the site in a new tab, with its search or comparison run (their results are checked too)."""
    pagina = browser.new_page(viewport={"width": breedte, "height": 900})
    pad, _, vraag = adres.partition("?")
    pagina.goto((site / pad).as_uri() + (f"?{vraag}" if vraag else ""))
    if pad == "zoeken.html" and vraag:
        pagina.locator("#zoekresultaten li").first.wait_for()
    if pad == "vergelijk.html" and vraag:
        pagina.locator("#vergelijking table").wait_for()
    return pagina


def _axe(pagina: Any) -> list[str]:
    pagina.add_script_tag(path=str(axe_core()))
    uitslag = pagina.evaluate("r => axe.run(document, {runOnly: {type: 'tag', values: r}})", AXE_REGELS)
    assert len(uitslag["passes"]) > 20, "axe heeft echt regels gecontroleerd"
    return [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
            for v in uitslag["violations"]]


@pytest.mark.echte_client
@pytest.mark.parametrize("breedte", [1280, SMAL])
@pytest.mark.parametrize("soort", list(_voorbeelden(Path())))
def test_axe_core_vindt_geen_overtredingen(site: Path, browser: Any, soort: str, breedte: int) -> None:
    vereist("chromium")
    pagina = _open(browser, site, _voorbeelden(site)[soort], breedte)
    overtredingen = _axe(pagina)
    assert not overtredingen, "\n".join(overtredingen)
    pagina.close()


def _breedte(pagina: Any) -> int:
    return int(pagina.evaluate("document.scrollingElement.scrollWidth"))


@pytest.mark.echte_client
def test_elke_pagina_past_op_een_smal_scherm(site: Path, browser: Any, tmp_path: Path) -> None:
    """375 px wide: no page needs scrolling sideways; a Staat shows each change as one block, its cells in the
    order of the columns, each with its heading."""
    vereist("chromium")
    pagina = browser.new_page(viewport={"width": SMAL, "height": 800})
    te_breed = []
    paginas = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    for adres in [*paginas, "zoeken.html?q=bestuur", "vergelijk.html?sector=vo&van=2025&naar=2027"]:
        pagina.close()
        pagina = _open(browser, site, adres, SMAL)
        if _breedte(pagina) > SMAL:
            te_breed.append(f"{adres}: {_breedte(pagina)} px")
    assert not te_breed, "\n".join(te_breed)
    pagina.close()
    pagina = _open(browser, site, "staat/mbo-2025-2026.html", SMAL)
    assert _breedte(pagina) <= SMAL
    rij = pagina.locator("tr#MBO-9")
    cellen = rij.locator("td")
    vakken = [cellen.nth(i).bounding_box() for i in range(cellen.count())]
    assert all(v is not None and v["x"] >= 0 and v["x"] + v["width"] <= SMAL for v in vakken)
    assert [v["y"] for v in vakken] == sorted(v["y"] for v in vakken), "onder elkaar, in de volgorde van de kolommen"
    assert "Tekst WORDT" in cellen.nth(3).evaluate("e => getComputedStyle(e, '::before').content")
    pad = tmp_path / "staat-375.png"
    pagina.screenshot(path=str(pad))
    rij.scroll_into_view_if_needed()
    pagina.screenshot(path=str(tmp_path / "staat-375-mbo-9.png"))
    print(f"schermafdruk: {pad}")
    pagina.close()


@pytest.mark.echte_client
@pytest.mark.parametrize("adres", ["kader/mbo-2026.html", "staat/mbo-2025-2026.html"])
def test_de_geciteerde_wettekst_opent_met_een_klik(site: Path, browser: Any, adres: str) -> None:
    """The law's words of a grondslag are one click away; opened (all of them), the page still has no axe violation
    and still fits a 375 px screen."""
    vereist("chromium")
    pagina = _open(browser, site, adres, SMAL)
    uitklap = pagina.locator("details.wettekst").first
    tekst = uitklap.locator("p")
    assert "geldend op 1 augustus 202" in uitklap.locator("summary").inner_text()
    assert not tekst.is_visible(), "collapsed"
    uitklap.locator("summary").click()
    assert tekst.is_visible() and tekst.inner_text().strip()
    assert pagina.evaluate("document.querySelectorAll('details.wettekst').forEach(d => d.open = true)") is None
    assert pagina.locator("details.wettekst[open]").count() > 3
    assert _breedte(pagina) <= SMAL
    overtredingen = _axe(pagina)
    assert not overtredingen, "\n".join(overtredingen)
    pagina.close()


@pytest.mark.echte_client
def test_de_staat_op_papier_volgt_de_pdf_staat(site: Path, browser: Any, tmp_path: Path) -> None:
    """Printed (also from a phone): no navigation, search or footer; the WAS/WORDT table with the columns of the
    Word/PDF Staat in their order, on A4 landscape, each row starting with its number."""
    import subprocess

    from docx import Document

    from kaderdiff.pakket.pdfpaginas import paginaregister, paginateksten

    vereist("chromium")
    pagina = _open(browser, site, "staat/mbo-2025-2026.html", SMAL)
    pagina.emulate_media(media="print")
    for weg in ("header.site", "footer.site", "a.overslaan", "form.zoek", "nav", ".downloads", "#in-het-kader"):
        assert pagina.locator(weg).first.is_hidden(), weg
    koppen = pagina.locator("table.wijzigingen thead th")
    posities = [(koppen.nth(i).bounding_box() or {"x": -1})["x"] for i in range(koppen.count())]
    assert posities == sorted(posities) and len(set(posities)) == len(posities), "naast elkaar, als tabel"
    word = Document(str(site / "staat" / "mbo-2026-staat-van-wijzigingen.docx"))
    woordkoppen = next(t for t in word.tables if t.rows[0].cells[0].text == "Nr").rows[0].cells
    assert koppen.all_inner_texts() == [c.text for c in woordkoppen], "de kolommen van de Word/PDF-staat"
    pdf = tmp_path / "staat-afdruk.pdf"
    pagina.pdf(path=str(pdf), prefer_css_page_size=True)
    tekst = "\n".join(paginateksten(pdf))
    for navigatie in ("Kaders en staten", "Zoek in alle kaders", "Gemaakt met kaderdiff", "Deze Staat als bestand"):
        assert navigatie not in tekst
    nummers = pagina.locator("table.wijzigingen tbody tr").evaluate_all("rijen => rijen.map(r => r.id)")
    paginaregister(paginateksten(pdf), nummers)  # each row begins with its number, in order (as in the PDF)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    breed, hoog = map(float, next(r for r in info.splitlines() if r.startswith("Page size")).split()[2:5:2])
    assert breed > hoog, "A4 liggend, als de PDF-staat"
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "3", str(pdf), str(tmp_path / "afdruk")],
                   check=True)
    print(f"afdrukvoorbeeld: {pdf} en {sorted(tmp_path.glob('afdruk*.png'))}")
    pagina.close()


@pytest.mark.echte_client
def test_zoeken_vindt_een_wijzigingsnummer_en_een_toelichting(site: Path, browser: Any) -> None:
    vereist("chromium")
    pagina = _open(browser, site, "zoeken.html?q=MBO-9")
    eerste = pagina.locator("#zoekresultaten li").first
    assert eerste.get_by_role("link").get_attribute("href") == "staat/mbo-2025-2026.html#MBO-9"
    assert "Staat van wijzigingen MBO 2025 → 2026" in eerste.inner_text()
    eerste.get_by_role("link").click()
    pagina.wait_for_load_state()
    assert pagina.locator(":target").get_attribute("id") == "MBO-9"
    pagina.close()
    pagina = _open(browser, site, "zoeken.html?q=macrodoelmatigheid")
    resultaten = pagina.locator("#zoekresultaten li")
    assert resultaten.count() == 1 and "staat/mbo-2025-2026.html#MBO-" in (
        resultaten.first.get_by_role("link").get_attribute("href") or "")
    pagina.close()


@pytest.fixture(scope="module")
def pakketsite(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A pack with its PDFs (LibreOffice) and the site built beside it with `--pakket`."""
    vereist("soffice")
    vereist("pdftotext")
    repo = maak_repo(tmp_path_factory.mktemp("pakketsite") / "repo")
    code, _, fout = kd(["pakket", "--van", "2025", "--naar", "2026", "--formaten", "docx,pdf"], cwd=repo)
    assert code == 0, fout
    pakket = repo / "build" / "pakket-2026"
    code, _, fout = kd(["site", "--pakket", str(pakket)], cwd=repo)
    assert code == 0, fout
    return pakket, repo / "build" / "site"


@pytest.mark.echte_client
def test_staatpagina_noemt_de_bladzijde_van_elke_wijziging_in_de_pdf(pakketsite: tuple[Path, Path],
                                                                     browser: Any) -> None:
    import json
    import re
    import subprocess

    from lxml import html

    vereist("chromium")
    pakket, site = pakketsite
    for sector in ("mbo", "po", "vo", "vo-pro"):
        naam = f"{sector}-2026-staat-van-wijzigingen"
        doc = html.fromstring((site / "staat" / f"{sector}-2025-2026.html").read_bytes())
        blz = {r.get("id"): r.xpath("string(td[@class='nr']/span[@class='blz']/a)")
               for r in doc.xpath("//table[contains(@class, 'wijzigingen')]/tbody/tr")}
        data = json.loads((pakket / f"{naam}.json").read_bytes())
        assert blz == {w["nummer"]: f"blz. {w['pdf_pagina']} van de PDF-staat ({w['nummer']})"
                       for w in data["wijzigingen"]}
        assert (site / "staat" / f"{naam}.pdf").read_bytes() == (pakket / f"{naam}.pdf").read_bytes()
        for w in data["wijzigingen"]:  # read the PDF itself: the row of the number begins on that page
            bladzijde = subprocess.run(["pdftotext", "-layout", "-f", str(w["pdf_pagina"]), "-l", str(w["pdf_pagina"]),
                                        str(pakket / f"{naam}.pdf"), "-"], capture_output=True, text=True,
                                       check=True).stdout
            assert re.search(rf"^\s*{re.escape(w['nummer'])}(?![\w-])", bladzijde, re.MULTILINE), w["nummer"]
    assert not html.fromstring((site / "staat" / "vo-2026-2027.html").read_bytes()).xpath("//*[@class='blz']"), \
        "een jaar zonder pakket: geen bladzijden"
    pagina = _open(browser, site, "staat/mbo-2025-2026.html")
    link = pagina.locator("tr#MBO-9 .blz a")
    assert re.fullmatch(r"mbo-2026-staat-van-wijzigingen\.pdf#page=\d+", link.get_attribute("href") or "")
    overtredingen = _axe(pagina)
    assert not overtredingen, "\n".join(overtredingen)
    pagina.close()
