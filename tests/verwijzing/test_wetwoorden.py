"""The cited words where a reader looks (issue 26): each grondslag in the HTML Staat and on the site shows the text
of the cited lid or onderdeel as the law read on the kader's peildatum, collapsed, with "geldend op …". The Staat
carries the text (made once with its citations and links); the renderers only show it."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from lxml import html

from kaderdiff.bron.bwb import importeer, lees_wettekst
from kaderdiff.bron.versies import KaderMap
from kaderdiff.diff.staatbouw import maak_staat
from kaderdiff.model.kader import Grondslag
from kaderdiff.model.versie import Versie
from kaderdiff.model.wettekst import tekst_van
from tests.hulp.draai import kd
from tests.hulp.paden import KADERS
from tests.hulp.wetten_echt import WEB, echte_wet

LID1 = Grondslag("WEB", "7.2.4a", "1")
VOOR_VABA = "Voor een beroepsopleiding kan per leerweg een afzonderlijke studieduur worden vastgesteld"
NA_VABA = "Voor elke leerweg van een beroepsopleiding geldt één studieduur"


def _details(element: html.HtmlElement) -> list[tuple[str, str, bool]]:
    """(summary, text, open) of every collapsed law text in an element."""
    return [(" ".join(d.findtext("summary").split()), " ".join(d.find("p").text_content().split()),
             d.get("open") is not None) for d in element.iter("details") if "wettekst" in d.get("class", "")]


def test_de_staat_draagt_de_wettekst_op_de_peildatum_van_elk_kader(voorbeeldrepo: Path) -> None:
    staat = maak_staat(KaderMap(voorbeeldrepo / "kaders"), Versie(2025), Versie(2026), "mbo")
    assert VOOR_VABA in staat.wettekst(LID1, date(2025, 8, 1))
    assert NA_VABA in staat.wettekst(LID1, date(2026, 8, 1))
    zonder_tekst = Grondslag("WOT", "99")
    assert staat.wettekst(zonder_tekst, date(2026, 8, 1)) == ""


def test_de_html_staat_toont_was_en_wordt_elk_naar_hun_peildatum(voorbeeldrepo: Path, tmp_path: Path) -> None:
    code, _, fout = kd(["staat", "--van", "2025", "--naar", "2026", "--sector", "mbo", "--formaat", "html",
                        "--uit", str(tmp_path / "staat")], cwd=voorbeeldrepo)
    assert code == 0, fout
    pagina = html.parse(str(tmp_path / "staat" / "mbo-2026-staat-van-wijzigingen.html")).getroot()
    [rij] = [r for r in pagina.iter("tr") if r.get("id") == "MBO-9"]  # st-op1-e2: the grondslag of the Wet VABA
    teksten = _details(rij)
    was = [t for t in teksten if t[0] == "Wettekst van artikel 7.2.4a, eerste lid, van de WEB, geldend op 1 augustus "
                                         "2025"]
    wordt = [t for t in teksten if t[0] == "Wettekst van artikel 7.2.4a, eerste lid, van de WEB, geldend op 1 "
                                           "augustus 2026"]
    assert len(was) == len(wordt) == 1
    assert VOOR_VABA in was[0][1] and NA_VABA in wordt[0][1]
    assert not any(t[2] for t in teksten), "collapsed: one click opens it"
    assert any(t[0].startswith("Wettekst van artikel 7.4.8, eerste lid, van de WEB") for t in teksten)


def test_echte_wettekst_in_staat_en_op_de_site(voorbeeldrepo: Path, tmp_path: Path) -> None:
    """With the real WEB stored (valid from 2016, so for both years), the Staat row and the kader page show the
    law's own words of the cited lid and onderdeel."""
    web = voorbeeldrepo / "kaders" / "wetten" / "BWBR0007625"
    shutil.rmtree(web)
    importeer(echte_wet(WEB), voorbeeldrepo / "kaders")
    wet = lees_wettekst(echte_wet(WEB).read_bytes(), WEB)
    lid1 = tekst_van(wet.artikelen["7.2.4a"], "1")
    assert lid1.startswith("Het bevoegd gezag stelt de studieduur van de opleiding vast")
    onder_a = tekst_van(wet.artikelen["4.2.1"], "2", "a")
    assert onder_a.startswith("a. in het bezit is van een verklaring omtrent het gedrag")
    mbo = voorbeeldrepo / "kaders" / "2026" / "mbo.xml"  # the VOG eis cites the onderdeel of the law on the VOG
    tekst = mbo.read_text(encoding="utf-8")
    vog = '<grondslag wet="WEB" artikel="4.2.3" lid="1"/>\n            <grondslag wet="WEB" artikel="4.2.4"/>'
    assert tekst.count(vog) == 1
    mbo.write_text(tekst.replace(vog, '<grondslag wet="WEB" artikel="4.2.1" lid="2" onderdeel="a"/>'),
                   encoding="utf-8")
    code, _, fout = kd(["site", "--uit", str(tmp_path / "site")], cwd=voorbeeldrepo)
    assert code == 0, fout
    kader = html.parse(str(tmp_path / "site" / "kader" / "mbo-2026.html")).getroot()
    [eis] = [d for d in kader.iter("div") if d.get("id") == "st-op1-e2"]
    assert _details(eis) == [("Wettekst van artikel 7.2.4a, eerste lid, van de WEB, geldend op 1 augustus 2026",
                              lid1, False)]
    [vog] = [d for d in kader.iter("div") if d.get("id") == "st-ka1-e3"]
    assert ("Wettekst van artikel 4.2.1, tweede lid, onder a, van de WEB, geldend op 1 augustus 2026", onder_a,
            False) in _details(vog)
    staat = html.parse(str(tmp_path / "site" / "staat" / "mbo-2025-2026.html")).getroot()
    [rij] = [r for r in staat.iter("tr") if r.get("id") == "MBO-9"]
    assert ("Wettekst van artikel 7.2.4a, eerste lid, van de WEB, geldend op 1 augustus 2026", lid1, False) in (
        _details(rij))


def test_zonder_wettekst_geen_lege_uitklap(tmp_path: Path) -> None:
    """A kadermap without law texts: the grondslagen stand as before, with no empty collapsed block."""
    repo = tmp_path / "repo"
    (repo / "kaders").mkdir(parents=True)
    for jaar in ("2025", "2026"):
        shutil.copytree(KADERS / jaar, repo / "kaders" / jaar)
    staat = maak_staat(KaderMap(repo / "kaders"), Versie(2025), Versie(2026), "po")
    assert staat.citaten and staat.wetteksten == {}
    code, _, fout = kd(["staat", "--van", "2025", "--naar", "2026", "--sector", "po", "--formaat", "html",
                        "--uit", str(tmp_path / "staat")], cwd=repo)
    assert code == 0, fout
    pagina = (tmp_path / "staat" / "po-2026-staat-van-wijzigingen.html").read_text(encoding="utf-8")
    assert "Grondslag" in pagina and "<details" not in pagina
