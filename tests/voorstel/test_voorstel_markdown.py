"""`kaderdiff voorstel REF --formaat markdown`: the review as a merge-request comment.

The Markdown is read back the way GitLab and GitHub read it: rendered by a CommonMark parser with GFM tables and
strikethrough (markdown-it-py), and the HTML inspected, so a marker that does not open or a `|` that splits a cell
shows.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from lxml import html
from markdown_it import MarkdownIt

from kaderdiff.bron.versies import KaderMap
from kaderdiff.render.voorstel_markdown import LIMIET, render_voorstel_markdown
from kaderdiff.voorstel.beoordeling import beoordeel
from tests.hulp.draai import kd
from tests.hulp.kaderbewerking import bewerkt, nieuw, tekst, verwijder
from tests.hulp.repos import commit_alles, git_cmd

VOG = "Het bestuur zorgt voor benoembaar/bevoegd en bekwaam personeel dat"
BEKWAAM = "Het bestuur zorgt voor bekwaam personeel dat"
VOG_EIS = "st-ka1-e3"


def als_html(markdown: str) -> html.HtmlElement:
    """The comment as GitLab and GitHub show it (CommonMark with GFM tables and strikethrough)."""
    weergave = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown)
    return html.fromstring(f"<div>{weergave}</div>")


def woorden(el: html.HtmlElement) -> str:
    return " ".join("".join(el.itertext()).split())


def voorstel_tak(repo: Path, naam: str, bestand: str, *bewerkingen: object) -> None:
    git_cmd(repo, "checkout", "-q", "-b", naam, "main")
    pad = repo / "kaders" / bestand
    pad.write_bytes(bewerkt(pad.read_bytes(), *bewerkingen))  # type: ignore[arg-type]
    commit_alles(repo, f"Voorstel {naam}")
    git_cmd(repo, "checkout", "-q", "main")


def vervang_tak(repo: Path, naam: str, bestand: str, oud: str, nieuw: str) -> None:
    git_cmd(repo, "checkout", "-q", "-b", naam, "main")
    pad = repo / "kaders" / bestand
    inhoud = pad.read_text(encoding="utf-8")
    assert inhoud.count(oud) == 1, oud
    pad.write_text(inhoud.replace(oud, nieuw), encoding="utf-8")
    commit_alles(repo, f"Voorstel {naam}")
    git_cmd(repo, "checkout", "-q", "main")


def markdown(repo: Path, *args: str) -> str:
    code, uit, fout = kd(["voorstel", *args, "--formaat", "markdown"], cwd=repo)
    assert (code, fout) == (0, ""), fout
    return uit


def cellen(weergave: html.HtmlElement) -> list[list[html.HtmlElement]]:
    """The body rows of every WAS/WORDT table."""
    return [list(tr.findall("td")) for tr in weergave.iter("tr") if tr.findall("td")]


def test_de_vog_beoordeling_toont_geschrapte_woorden_grondslag_en_doorbroken_gelijkluidendheid(
        voorbeeldrepo: Path) -> None:
    vervang_tak(voorbeeldrepo, "voorstel/mbo-bekwaam", "2026/mbo.xml", VOG, BEKWAAM)
    uit = markdown(voorbeeldrepo, "voorstel/mbo-bekwaam")
    weergave = als_html(uit)
    ((was, wordt),) = cellen(weergave)
    # the deleted words, struck, in the text as it was; the new text without them
    assert [woorden(s) for s in was.iter("s")] == ["benoembaar/bevoegd en"]
    assert woorden(was).startswith(VOG) and "(VOG)" in woorden(was)
    assert woorden(wordt).startswith(BEKWAAM) and not list(wordt.iter("s", "strong"))
    # the grondslag, cited and linked to the law
    tekst_geheel = woorden(weergave)
    assert "Grondslag: artikel 4.2.3, eerste lid, van de WEB; artikel 4.2.4 van de WEB (niet gewijzigd" in tekst_geheel
    links = {woorden(a): a.get("href") for a in weergave.iter("a")}
    assert links["artikel 4.2.4 van de WEB"] == "https://wetten.overheid.nl/jci1.3:c:BWBR0007625&artikel=4.2.4"
    # the sectors whose identical wording it breaks
    sectoren = [woorden(li) for li in weergave.iter("li")]
    assert [s.split(" ")[0] for s in sectoren] == ["PO", "VO"]
    assert all("voorstel doorbreekt de gelijkluidendheid" in s and "gelijkenis 100 →" in s for s in sectoren)
    assert "Doorbreekt de gelijkluidende tekst met: PO en VO (MBO-6, 2026)" in tekst_geheel
    assert len(uit) < LIMIET and "Ingekort" not in uit


def test_conflict_met_een_andere_open_tak(voorbeeldrepo: Path) -> None:
    vervang_tak(voorbeeldrepo, "voorstel/mbo-bekwaam", "2026/mbo.xml", VOG, BEKWAAM)
    vervang_tak(voorbeeldrepo, "voorstel/benoembaar", "2026/mbo.xml", VOG,
                "Het bestuur zorgt voor benoembaar en bekwaam personeel dat")
    tekst_geheel = woorden(als_html(markdown(voorbeeldrepo, "voorstel/mbo-bekwaam")))
    assert "Conflicteert met de open takken: voorstel/benoembaar." in tekst_geheel
    assert f"Conflict: het voorstel op tak voorstel/benoembaar wijzigt ook {VOG_EIS}." in tekst_geheel


#: Typed as people type: a footnote star, a pipe, an underscore in an e-mail address, angle brackets, an
#: ampersand with an entity after it, tildes, a dollar amount, brackets and a backslash.
LASTIG = ("Het bestuur zorgt voor *bekwaam* personeel | ook stagiairs <b>en</b> vrijwilligers "
          "(zie info_vog@duo.nl & &amp; ~~oud~~ [bijlage](x) of $50 tot $60, map C:\\vog\\) met een VOG.")


def test_tekens_uit_de_kadertekst_breken_de_opmaak_niet(voorbeeldrepo: Path) -> None:
    voorstel_tak(voorbeeldrepo, "voorstel/lastig", "2026/mbo.xml", tekst(VOG_EIS, LASTIG))
    weergave = als_html(markdown(voorbeeldrepo, "voorstel/lastig"))
    ((was, wordt),) = cellen(weergave)  # one row of two cells: the pipe did not split a cell
    assert woorden(wordt) == LASTIG  # every character reads as typed
    # the only markup in the new text is the marking of what the proposal adds
    assert {el.tag for el in wordt.iterdescendants()} == {"strong"}
    erbij = " ".join(woorden(s) for s in wordt.iter("strong"))
    assert "*bekwaam* personeel | ook stagiairs <b>en</b>" in erbij
    assert woorden(was) == f"{VOG} in het bezit is van een Verklaring Omtrent het Gedrag (VOG)."


def test_een_gewijzigd_leesteken_naast_een_woord_wordt_gemarkeerd(voorbeeldrepo: Path) -> None:
    """'(VOG).' becoming '(VOG);': a marker next to a punctuation mark opens only beside a space, so the whole
    word is marked rather than the mark alone."""
    vervang_tak(voorbeeldrepo, "voorstel/leesteken", "2026/mbo.xml", "Gedrag (VOG).</tekst>", "Gedrag (VOG);</tekst>")
    uit = markdown(voorbeeldrepo, "voorstel/leesteken")
    ((was, wordt),) = cellen(als_html(uit))
    assert [woorden(s) for s in was.iter("s")] == ["(VOG)."]
    assert [woorden(s) for s in wordt.iter("strong")] == ["(VOG);"]
    assert "~~" not in woorden(was) and "**" not in woorden(wordt)


def test_een_nieuwe_en_een_vervallen_eis(voorbeeldrepo: Path) -> None:
    voorstel_tak(voorbeeldrepo, "voorstel/erbij-en-weg", "2026/mbo.xml", nieuw("st-ka1-e1", "st-ka1-e9"),
                 verwijder("st-ka1-e4"))
    uit = markdown(voorbeeldrepo, "voorstel/erbij-en-weg")
    weergave = als_html(uit)
    rijen = {woorden(h4).split(": ")[1]: h4 for h4 in weergave.iter("h4")}
    assert set(rijen) == {"toegevoegd", "vervallen"}
    per_soort = dict(zip([woorden(h).split(": ")[1] for h in weergave.iter("h4")], cellen(weergave), strict=True))
    was, wordt = per_soort["toegevoegd"]
    assert woorden(was) == "(nieuw)" and [woorden(b) for b in wordt.iter("strong")] == ["Nieuwe eis st-ka1-e9."]
    was, wordt = per_soort["vervallen"]
    assert woorden(wordt) == "(vervalt)" and [woorden(s) for s in was.iter("s")] == [woorden(was)]


def _veel_wijzigingen(repo: Path) -> int:
    """A proposal that rewrites every eis of MBO 2026: more than a comment should hold at a small limit."""
    pad = repo / "kaders" / "2026" / "mbo.xml"
    ids = re.findall(r'<eis id="([^"]+)"', pad.read_text(encoding="utf-8"))
    voorstel_tak(repo, "voorstel/alles", "2026/mbo.xml",
                 *(tekst(i, f"Het bestuur zorgt voor de eis {i} met een herschreven tekst.") for i in ids))
    return len(ids)


def test_een_lange_beoordeling_wordt_ingekort_met_een_link_naar_het_geheel(voorbeeldrepo: Path) -> None:
    aantal = _veel_wijzigingen(voorbeeldrepo)
    adres = "https://gitlab.example.nl/inspectie/kaders/-/jobs/812/artifacts/browse/build/voorstel/"
    uit = markdown(voorbeeldrepo, "voorstel/alles", "--limiet", "6000", "--volledig", adres)
    assert len(uit) <= 6000
    getoond = len(re.findall(r"^#### ", uit, re.MULTILINE))
    assert 0 < getoond < aantal
    weergave = als_html(uit)
    assert len(cellen(weergave)) == getoond  # whole rows only: each shown row has its whole table
    slot = woorden(weergave).split("Ingekort:")[1]
    assert slot.startswith(f" {getoond} van de {aantal} wijzigingen staan hierboven")
    assert [a.get("href") for a in weergave.iter("a")][-1] == adres
    # the whole review, without a limit, has every row
    volledig = markdown(voorbeeldrepo, "voorstel/alles", "--limiet", "0")
    assert len(re.findall(r"^#### ", volledig, re.MULTILINE)) == aantal and "Ingekort" not in volledig


def test_het_adres_van_het_geheel_uit_de_omgeving(voorbeeldrepo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _veel_wijzigingen(voorbeeldrepo)
    monkeypatch.setenv("KADERDIFF_VOLLEDIG_URL", "https://github.com/inspectie/kaders/actions/runs/42")
    uit = markdown(voorbeeldrepo, "voorstel/alles", "--limiet", "5000")
    assert uit.rstrip().endswith("De volledige beoordeling: <https://github.com/inspectie/kaders/actions/runs/42>")
    # a path (not an address) is named as code, never as an HTML tag that a sanitizer would drop
    uit = markdown(voorbeeldrepo, "voorstel/alles", "--limiet", "5000", "--volledig", "build/voorstel/")
    assert "De volledige beoordeling: build/voorstel/" in woorden(als_html(uit))


def test_standaard_binnen_de_grens_van_een_github_reactie(voorbeeldrepo: Path) -> None:
    _veel_wijzigingen(voorbeeldrepo)
    v = beoordeel(KaderMap(voorbeeldrepo / "kaders"), "voorstel/alles")
    groot = dataclasses.replace(v, rijen=v.rijen * 60)  # thousands of rows: far over any comment limit
    uit = render_voorstel_markdown(groot)
    assert len(uit) <= LIMIET == 65_536
    assert "Ingekort" in uit and f"van de {len(groot.rijen)} wijzigingen" in uit
    assert len(render_voorstel_markdown(groot, limiet=1_000_000)) <= 1_000_000  # GitLab's limit for a note


def test_onjuiste_limiet_en_docx_invoer_geven_een_nette_melding(voorbeeldrepo: Path) -> None:
    code, _, fout = kd(["voorstel", "main", "--formaat", "markdown", "--limiet", "-5"], cwd=voorbeeldrepo)
    assert code == 2 and "--limiet -5" in fout and "Traceback" not in fout
    code, _, fout = kd(["voorstel", "--uit-docx", "x.docx", "--naam", "v", "--formaat", "markdown"], cwd=voorbeeldrepo)
    assert code == 2 and "--uit-docx" in fout


def test_markdown_is_deterministisch(voorbeeldrepo: Path) -> None:
    vervang_tak(voorbeeldrepo, "voorstel/mbo-bekwaam", "2026/mbo.xml", VOG, BEKWAAM)
    assert markdown(voorbeeldrepo, "voorstel/mbo-bekwaam") == markdown(voorbeeldrepo, "voorstel/mbo-bekwaam")
