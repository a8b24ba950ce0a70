"""`kaderdiff reacties`: the Ringen's reactions placed under their change numbers (the reactienota), and the filled
nota into the consultatieverslag, marked against the vastgestelde kader."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from tests.hulp.draai import kd
from tests.hulp.kaderbewerking import bewerkt, tekst
from tests.hulp.paden import kaders_sha
from tests.hulp.reactiebestanden import opmerking_bij, vul_formulier, vul_nota
from tests.hulp.repos import commit_alles, git_cmd, maak_repo
from tests.hulp.validatie import ooxml_fouten
from tests.hulp.woordbewerker import Woordbewerker

CONCEPT = "2026@ringen-concept-2026"
REACTIES = ["--van", "2025", "--naar", CONCEPT]
TEKST_MBO_RAAD = "Het mbo kent geen bevoegdheden: schrijf alleen 'bekwaam', zoals in de WEB."


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = maak_repo(tmp_path_factory.mktemp("reacties") / "repo")
    git_cmd(repo, "tag", "ringen-concept-2026")
    code, _, fout = kd(["pakket", "--van", "2025", "--naar", CONCEPT, "--formaten", "docx"], cwd=repo)
    assert code == 0, fout
    return repo


def pakket(repo: Path) -> Path:
    return repo / "build" / "pakket-2026"


@pytest.fixture(scope="module")
def binnen(repo: Path) -> Path:
    """What came back: three organisations on MBO (two forms, a concept with comments and a tracked change), a form
    of last year's consultation, and a PO form."""
    map_ = repo.parent / "binnengekomen"
    map_.mkdir()
    formulier = pakket(repo) / "mbo-2026-reactieformulier.docx"
    concept = pakket(repo) / "mbo-2026-concept-met-wijzigingen.docx"
    vul_formulier(formulier, map_ / "mbo-raad.docx", [
        ("MBO-6", "MBO Raad", TEKST_MBO_RAAD), ("MBO-99", "MBO Raad", "Over een nummer dat niet bestaat."),
        ("VO-3", "MBO Raad", "Dit gaat over het vo."), ("Algemeen", "MBO Raad", "Graag zes weken voor de reacties."),
        ("–", "MBO Raad", "In 1.2 staat de WEB nog zonder afkorting."), ("", "MBO Raad", "Zonder nummer.")])
    vul_formulier(formulier, map_ / "job.docx", [("MBO-2", "", "Fijn dat de stem van studenten er staat."),
                                                  ("mbo 6", "", "Ook wij: alleen bekwaam.")], auteur="JOB mbo")
    opmerking_bij(concept, map_ / "aob-concept.docx", "st-ka1-e3", "AOb", "Wij steunen de MBO Raad.")
    opmerking_bij(map_ / "aob-concept.docx", map_ / "aob-concept.docx", "p-studentstem-a1", "AOb",
                  "Noem ook de ondernemingsraad.")
    opmerking_bij(map_ / "aob-concept.docx", map_ / "aob-concept.docx", "p-doel-a1", "AOb", "Ongewijzigd, maar oud.")
    bewerker = Woordbewerker((map_ / "aob-concept.docx").read_bytes())
    bewerker.vervang(bewerker.alinea("st-ka3-e2"), "dialoog", "gesprek", "AOb")
    (map_ / "aob-concept.docx").write_bytes(bewerker.opslaan())
    oud = docx.Document(str(formulier))
    oud.core_properties.subject = "Consultatie MBO 2025"
    oud.save(str(map_ / "oud-formulier.docx"))
    vul_formulier(map_ / "oud-formulier.docx", map_ / "oud-formulier.docx", [("MBO-6", "VO-raad", "Vorig jaar.")])
    vul_formulier(pakket(repo) / "po-2026-reactieformulier.docx", map_ / "ouders.docx",
                  [("PO-1", "Ouders & Onderwijs", "Duidelijker voor ouders graag.")])
    (map_ / "leesmij.txt").write_text("geen reactie\n", encoding="utf-8")
    return map_


@pytest.fixture(scope="module")
def nota(repo: Path, binnen: Path) -> Path:
    uit = repo / "build" / "reacties-2026"
    code, tekst, fout = kd(["reacties", str(binnen), *REACTIES], cwd=repo)
    assert code == 0, fout
    assert "MBO: 6 reacties bij 3 wijzigingen, 1 algemeen, 2 over ongewijzigde tekst, 4 niet te plaatsen" in tekst
    assert "leesmij.txt overgeslagen" in fout
    return uit


def lees(nota: Path, sector: str) -> dict[str, object]:
    data = json.loads((nota / f"{sector}-2026-reactienota.json").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_elke_reactie_staat_onder_haar_nummer(nota: Path) -> None:
    data = lees(nota, "mbo")
    reacties = data["reacties"]
    assert isinstance(reacties, list)
    per_nummer = [(r["sleutel"], r["nummer"], r["organisatie"], r["soort"]) for r in reacties]
    assert per_nummer == [
        ("MBO-2.1", "MBO-2", "AOb", "opmerking"),  # inside the added paragraph: its change
        ("MBO-2.2", "MBO-2", "JOB mbo", "formulier"),  # the form's author: its Organisatie column is empty
        ("MBO-6.1", "MBO-6", "AOb", "opmerking"),
        ("MBO-6.2", "MBO-6", "JOB mbo", "formulier"),
        ("MBO-6.3", "MBO-6", "MBO Raad", "formulier"),
        ("MBO-7.1", "MBO-7", "AOb", "tekstvoorstel"),
        ("Algemeen.1", "algemeen", "MBO Raad", "formulier"),
        ("Ongewijzigd.1", "ongewijzigd", "AOb", "opmerking"),
        ("Ongewijzigd.2", "ongewijzigd", "MBO Raad", "formulier")]
    assert reacties[4]["tekst"] == TEKST_MBO_RAAD and reacties[4]["bron"] == "mbo-raad.docx, tabel 1, rij 7"
    assert reacties[2]["tekst"] == "Wij steunen de MBO Raad."
    assert reacties[2]["bron"].startswith("aob-concept.docx, opmerking ")
    assert "Het bestuur zorgt voor" in reacties[2]["bron"]
    assert reacties[5]["tekst"].startswith("Tekstvoorstel: «Het bestuur voert een gesprek met de interne")
    assert "geschrapt: «dialoog»" in reacties[5]["tekst"] and "toegevoegd: «gesprek»" in reacties[5]["tekst"]
    assert reacties[7]["bron"].endswith("bij Hoofdstuk 1 Inleiding › § 1.1 Doel van het toezicht")
    wijzigingen = data["wijzigingen"]
    assert isinstance(wijzigingen, list)
    assert [w["nummer"] for w in wijzigingen] == [f"MBO-{n}" for n in range(1, 18)]  # ordered as the Staat
    zes = wijzigingen[5]
    assert zes["reacties"] == ["MBO-6.1", "MBO-6.2", "MBO-6.3"]
    assert zes["was"] == "Het bestuur zorgt voor bevoegd en bekwaam personeel."
    assert zes["wordt"].startswith("Het bestuur zorgt voor benoembaar/bevoegd en bekwaam personeel")
    po = lees(nota, "po")["reacties"]
    assert isinstance(po, list)
    assert [(r["nummer"], r["organisatie"]) for r in po] == [("PO-1", "Ouders & Onderwijs")]


def test_wat_niet_te_plaatsen_is_staat_er_met_bestand_rij_en_reden(nota: Path) -> None:
    niet = lees(nota, "mbo")["niet_geplaatst"]
    assert isinstance(niet, list)
    assert [(r["nummer"], r["bron"]) for r in niet] == [
        ("MBO-99", "mbo-raad.docx, tabel 1, rij 21"), ("VO-3", "mbo-raad.docx, tabel 1, rij 22"),
        ("", "mbo-raad.docx, tabel 1, rij 23"), ("MBO-6", "oud-formulier.docx, tabel 1, rij 7")]
    assert niet[0]["reden"] == ("MBO-99 bestaat niet in de Staat van wijzigingen MBO 2025 → 2026@ringen-concept-2026 "
                                "(MBO-1 tot en met MBO-17)")
    assert niet[1]["reden"] == "VO-3 is een nummer van VO, het document hoort bij MBO"
    assert niet[2]["reden"] == "er is geen wijzigingsnummer ingevuld"
    assert niet[3]["reden"] == "het document hoort bij de consultatie van 2025, deze nota bij die van 2026"


def test_niets_gaat_verloren(nota: Path, binnen: Path) -> None:
    """Every filled row and every comment and tracked change is somewhere: placed or not placeable."""
    gelezen = 6 + 2 + 1 + 1 + 3 + 1  # mbo-raad, job, oud-formulier, ouders; aob: three comments and a proposal
    totaal = 0
    for pad in nota.glob("*-reactienota.json"):
        data = json.loads(pad.read_text(encoding="utf-8"))
        totaal += len(data["reacties"]) + len(data["niet_geplaatst"])
    assert totaal == gelezen
    assert sorted(p.name for p in nota.iterdir() if not p.name.startswith(".")) == sorted(
        f"{s}-2026-reactienota.{f}" for s in ("mbo", "po", "vo", "vo-pro") for f in ("docx", "html", "json"))


def test_nota_in_word_heeft_de_kolommen_voor_de_inspectie(nota: Path) -> None:
    doc = docx.Document(str(nota / "mbo-2026-reactienota.docx"))
    koppen = [[c.text for c in t.rows[0].cells] for t in doc.tables]
    # MBO-2, MBO-6 and MBO-7 have reactions; then general, unchanged text, not placeable
    assert koppen.count(["Nr", "Organisatie", "Reactie", "Bron", "Reactie inspectie", "Besluit"]) == 6
    assert koppen.count(["Nr", "Vindplaats", "Tekst WAS", "Tekst WORDT", "Blz."]) == 17
    tekst = [p.text for p in doc.paragraphs]
    assert "MBO-6 · gewijzigd" in tekst and "Niet te plaatsen" in tekst
    assert any(t.startswith("Concept\t2026@ringen-concept-2026 (commit ") for t in tekst)
    html = (nota / "mbo-2026-reactienota.html").read_text(encoding="utf-8")
    assert '<tr id="MBO-6.3"><td>MBO-6.3</td><td>MBO Raad</td>' in html
    assert ooxml_fouten(nota / "mbo-2026-reactienota.docx") == []


def test_verwerk_geeft_het_verslag_met_antwoord_en_besluit(repo: Path, nota: Path, tmp_path: Path) -> None:
    ingevuld = vul_nota(nota / "mbo-2026-reactienota.docx", tmp_path / "nota.docx", {
        "MBO-6.1": ("Zie MBO-6.3.", "Overgenomen."), "MBO-6.3": ("We schrijven 'bekwaam'.", "overgenomen"),
        "Algemeen.1": ("De termijn blijft vier weken.", "niet overgenomen"),
        "Niet te plaatsen.1": ("Bedoeld is MBO-9.", "geen wijziging nodig")})
    uit = tmp_path / "verslag"
    code, tekst, fout = kd(["reacties", "--verwerk", str(ingevuld), "--uit", str(uit)], cwd=repo)
    assert code == 0, fout
    assert "MBO: 13 reacties" in tekst and "9 reactie(s) zonder besluit" in fout
    verslag = json.loads((uit / "mbo-2026-consultatieverslag.json").read_text(encoding="utf-8"))
    zes = verslag["wijzigingen"][5]
    assert [(r["sleutel"], r["organisatie"], r["antwoord"], r["besluit"]) for r in zes["reacties"]] == [
        ("MBO-6.1", "AOb", "Zie MBO-6.3.", "overgenomen"), ("MBO-6.2", "JOB mbo", "", ""),
        ("MBO-6.3", "MBO Raad", "We schrijven 'bekwaam'.", "overgenomen")]
    assert zes["reacties"][2]["tekst"] == TEKST_MBO_RAAD and zes["gewijzigd_na_consultatie"] is None
    assert verslag["algemeen"][0]["besluit"] == "niet overgenomen"
    assert verslag["niet_geplaatst"][0]["reden"].startswith("MBO-99 bestaat niet")
    assert verslag["niet_geplaatst"][0]["besluit"] == "geen wijziging nodig"
    assert len(verslag["wijzigingen"]) == 17
    # MBO-1 stands in three rows of the nota (a row per page, '(vervolg)'): one change again, with all its text
    nota_json = lees(nota, "mbo")["wijzigingen"]
    assert isinstance(nota_json, list)
    assert [(w["nummer"], w["was"], w["wordt"]) for w in verslag["wijzigingen"]] == [
        (w["nummer"], w["was"], w["wordt"]) for w in nota_json]
    assert docx.Document(str(uit / "mbo-2026-consultatieverslag.docx")).paragraphs[0].text.startswith(
        "Consultatieverslag Onderzoekskader 2026")
    assert ooxml_fouten(uit / "mbo-2026-consultatieverslag.docx") == []


def test_een_alinea_langer_dan_een_bladzijde_komt_heel_terug_in_het_verslag(tmp_path: Path, binnen: Path) -> None:
    """A change taller than a page is cut in rows of the nota, its one paragraph cut at a word; --verwerk reads it
    as one change with all its words (the cut comes back as a line break: the nota's reader does not see the space
    at the end of the first part)."""
    repo = maak_repo(tmp_path / "repo")
    mbo = repo / "kaders" / "2026" / "mbo.xml"
    lang = " ".join(f"Het bestuur legt in stap {n} vast hoe het de kwaliteit van het onderwijs bewaakt en verbetert."
                    for n in range(1, 90))
    mbo.write_bytes(bewerkt(mbo.read_bytes(), tekst("st-ka1-e3", lang)))
    commit_alles(repo, "Een eis langer dan een bladzijde")
    code, _, fout = kd(["reacties", str(binnen / "ouders.docx"), "--van", "2025", "--naar", "2026"], cwd=repo)
    assert code == 0, fout
    nota = repo / "build" / "reacties-2026"
    rijen = [r.cells[0].text for t in docx.Document(str(nota / "mbo-2026-reactienota.docx")).tables for r in t.rows]
    assert "MBO-6\ngewijzigd\n(vervolg)" in rijen
    code, _, fout = kd(["reacties", "--verwerk", str(nota / "mbo-2026-reactienota.docx"), "--uit",
                        str(tmp_path / "verslag")], cwd=repo)
    assert code == 0, fout
    verslag = json.loads((tmp_path / "verslag" / "mbo-2026-consultatieverslag.json").read_text(encoding="utf-8"))
    zes = verslag["wijzigingen"][5]
    assert (zes["nummer"], zes["soort"], " ".join(zes["wordt"].split())) == ("MBO-6", "gewijzigd", lang)
    nota_json = lees(nota, "mbo")["wijzigingen"]
    assert isinstance(nota_json, list)
    assert [w["nummer"] for w in verslag["wijzigingen"]] == [w["nummer"] for w in nota_json]
    assert [w["wordt"] for w in verslag["wijzigingen"] if w["nummer"] != "MBO-6"] == [
        w["wordt"] for w in nota_json if w["nummer"] != "MBO-6"]


def test_onbekend_besluit_noemt_de_rij_en_schrijft_niets(repo: Path, nota: Path, tmp_path: Path) -> None:
    ingevuld = vul_nota(nota / "mbo-2026-reactienota.docx", tmp_path / "nota.docx",
                        {"MBO-6.2": ("Nee.", "afgewezen")})
    code, _, fout = kd(["reacties", "--verwerk", str(ingevuld), "--uit", str(tmp_path / "verslag")], cwd=repo)
    assert code == 2 and "Traceback" not in fout
    assert "nota.docx, tabel 8, rij 3 (MBO-6.2): besluit 'afgewezen' is onbekend; kies uit: overgenomen, deels " \
           "overgenomen, niet overgenomen, geen wijziging nodig" in fout
    assert not (tmp_path / "verslag").exists()


def test_vastgesteld_markeert_precies_de_na_de_consultatie_gewijzigde_teksten(
        tmp_path: Path, repo: Path, nota: Path) -> None:
    """After the consultation MBO-6 gets 'bekwaam' (the MBO Raad's point) and MBO-12 a new wording; MBO-7 and the
    rest stay; a new eis is added. --vastgesteld marks exactly MBO-6 and MBO-12 and lists the new change."""
    kopie = maak_repo(tmp_path / "kopie", None)
    git_cmd(kopie, "fetch", "-q", str(repo), "refs/tags/ringen-concept-2026:refs/tags/ringen-concept-2026")
    git_cmd(kopie, "reset", "-q", "--hard", "ringen-concept-2026")
    mbo = kopie / "kaders" / "2026" / "mbo.xml"
    tekst = mbo.read_text(encoding="utf-8")
    tekst = tekst.replace("zorgt voor benoembaar/bevoegd en bekwaam personeel", "zorgt voor bekwaam personeel", 1)
    tekst = tekst.replace("Bedrijfsleven (SBB) erkend leerbedrijf.", "Bedrijfsleven (SBB) erkend leerbedrijf dat "
                                                                     "de student begeleidt.", 1)
    assert "de student begeleidt" in tekst and "zorgt voor bekwaam personeel" in tekst
    tekst = tekst.replace('<eis id="st-va1-e4">', '<eis id="st-va1-e5">\n<tekst>De instelling heeft een '
                          'anti-pestcoördinator.</tekst>\n<geenGrondslag bron="Handreiking sociale veiligheid">Geen '
                          'wettelijke eis.</geenGrondslag>\n</eis>\n<eis id="st-va1-e4">', 1)
    mbo.write_text(tekst, encoding="utf-8")
    assert kd(["opmaak"], cwd=kopie)[0] == 0
    commit_alles(kopie, "Kaders 2026 na het consensusoverleg")
    git_cmd(kopie, "tag", "vastgesteld-2026")
    voor = kaders_sha(kopie / "kaders")
    ingevuld = vul_nota(nota / "mbo-2026-reactienota.docx", tmp_path / "nota.docx",
                        {"MBO-6.3": ("We schrijven 'bekwaam'.", "overgenomen")})
    uit = tmp_path / "verslag"
    code, tekst_uit, fout = kd(["reacties", "--verwerk", str(ingevuld), "--vastgesteld", "vastgesteld-2026",
                                "--uit", str(uit)], cwd=kopie)
    assert code == 0, fout
    assert "tekst gewijzigd na de consultatie: MBO-6, MBO-12; 1 nieuwe wijziging(en)" in tekst_uit
    verslag = json.loads((uit / "mbo-2026-consultatieverslag.json").read_text(encoding="utf-8"))
    gewijzigd = {w["nummer"]: w["gewijzigd_na_consultatie"] for w in verslag["wijzigingen"]}
    assert {n for n, g in gewijzigd.items() if g} == {"MBO-6", "MBO-12"}
    assert all(g is False for n, g in gewijzigd.items() if n not in ("MBO-6", "MBO-12"))
    zes = verslag["wijzigingen"][5]
    assert zes["vastgesteld_wordt"] == ("Het bestuur zorgt voor bekwaam personeel dat in het bezit is van een "
                                        "Verklaring Omtrent het Gedrag (VOG).")
    assert [(n["soort"], n["wordt"]) for n in verslag["nieuw_na_consultatie"]] == [
        ("toegevoegd", "De instelling heeft een anti-pestcoördinator.")]
    assert verslag["vastgesteld"] == "2026@vastgesteld-2026"
    assert kaders_sha(kopie / "kaders") == voor


@pytest.mark.parametrize(("args", "melding"), [
    (["reacties", "x.docx"], "Geef de reacties (bestanden of mappen) en --van en --naar"),
    (["reacties", "leesmij.pdf", *REACTIES], "leesmij.pdf: kaderdiff leest reacties uit .docx en .odt"),
    (["reacties", "--verwerk", "build/pakket-2026/mbo-2026-reactieformulier.docx"],
     "mbo-2026-reactieformulier.docx is geen reactienota van kaderdiff (onderwerp 'Consultatie MBO "
     "2026@ringen-concept-2026')"),
    (["reacties", "--vastgesteld", "HEAD", "x.docx", *REACTIES], "--vastgesteld hoort bij --verwerk"),
    (["reacties", "build/pakket-2026", *REACTIES, "--uit", "kaders"], "is de kadermap"),
])
def test_reacties_zegt_wat_er_mis_is(repo: Path, args: list[str], melding: str) -> None:
    (repo / "leesmij.pdf").write_bytes(b"%PDF-1.4\n")
    code, _, fout = kd(args, cwd=repo)
    assert code == 2 and melding in fout, fout
    assert "Traceback" not in fout


def test_documenten_uit_een_andere_versie_geven_een_waarschuwing(tmp_path: Path, repo: Path) -> None:
    """The form and the concept name the commit of their Staat in their colofon (the reference on every page no
    longer does, issue 28): the last commit that changed the sector's own sources. Read against a later commit
    that changed mbo, the nota says their numbers may differ; a later commit of po alone leaves mbo's documents
    as they were, and says nothing."""
    oud = git_cmd(repo, "rev-parse", "ringen-concept-2026")
    documenten = [pakket(repo) / f"mbo-2026-{n}.docx" for n in ("reactieformulier", "concept-met-wijzigingen")]
    later = maak_repo(tmp_path / "later")
    assert git_cmd(later, "rev-parse", "HEAD") == oud  # the same kaders, the same commit
    for sector in ("po", "mbo"):
        bestand = later / "kaders" / "2026" / f"{sector}.xml"
        bestand.write_text(bestand.read_text(encoding="utf-8").replace("Woord vooraf", "Voorwoord", 1),
                           encoding="utf-8")
        commit_alles(later, f"Voorwoord in {sector}")
        nieuw = git_cmd(later, "rev-parse", "HEAD")
        for naar, verwacht in ((f"2026@{oud}", []), ("2026", [] if sector == "po" else [
                f"{d.name} is gemaakt uit een andere versie (commit {oud[:7]}) dan deze nota ({nieuw[:7]}); kijk of "
                "de nummers dezelfde wijzigingen noemen" for d in documenten])):
            code, _, fout = kd(["reacties", *map(str, documenten), "--van", "2025", "--naar", naar], cwd=later)
            assert code == 0, fout
            assert lees(later / "build" / "reacties-2026", "mbo")["waarschuwingen"] == verwacht, (sector, naar)


def test_concept_uit_een_gewijzigde_werkmap_geeft_een_waarschuwing(tmp_path: Path, binnen: Path) -> None:
    """The nota records the commit of its concept; when the working tree differed from it, it says so (--verwerk
    --vastgesteld compares with that commit)."""
    repo = maak_repo(tmp_path / "repo")
    po = repo / "kaders" / "2026" / "po.xml"
    po.write_text(po.read_text(encoding="utf-8").replace("Woord vooraf", "Voorwoord", 1), encoding="utf-8")
    code, _, fout = kd(["reacties", str(binnen / "ouders.docx"), "--van", "2025", "--naar", "2026"], cwd=repo)
    assert code == 0, fout
    assert "let op: het concept (2026) is gelezen uit de werkmap met wijzigingen die niet zijn vastgelegd" in fout
    data = lees(repo / "build" / "reacties-2026", "po")
    assert data["waarschuwingen"] and "werkmap" in str(data["waarschuwingen"])
