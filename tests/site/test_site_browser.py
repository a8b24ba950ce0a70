"""The site in a real browser (the system Chromium through Playwright): a reader's walk through it, with a
screenshot of every step, and axe-core's accessibility rules (WCAG 2.1 A/AA and best practices) on a page of
every kind."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.hulp.draai import kd
from tests.hulp.echte_clients import axe_core, vereist
from tests.hulp.repos import maak_repo

pytestmark = pytest.mark.echte_client

AXE_REGELS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


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


@pytest.mark.echte_client
@pytest.mark.parametrize("soort", list(_voorbeelden(Path())))
def test_axe_core_vindt_geen_overtredingen(site: Path, browser: Any, soort: str) -> None:
    vereist("chromium")
    axe = axe_core()
    pagina = browser.new_page(viewport={"width": 1280, "height": 900})
    adres = _voorbeelden(site)[soort]
    pad, _, vraag = adres.partition("?")
    pagina.goto((site / pad).as_uri() + (f"?{vraag}" if vraag else ""))
    if soort == "zoeken":
        pagina.locator("#zoekresultaten li").first.wait_for()
    if soort == "vergelijken":
        pagina.locator("#vergelijking table").wait_for()
    pagina.add_script_tag(path=str(axe))
    uitslag = pagina.evaluate("r => axe.run(document, {runOnly: {type: 'tag', values: r}})", AXE_REGELS)
    overtredingen = [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
                     for v in uitslag["violations"]]
    assert not overtredingen, "\n".join(overtredingen)
    assert len(uitslag["passes"]) > 20, "axe heeft echt regels gecontroleerd"
    pagina.close()
