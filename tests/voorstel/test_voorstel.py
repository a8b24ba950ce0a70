"""`kaderdiff voorstel REF` and `kaderdiff vergelijk-sectoren`, on real git repositories in tmp_path."""

from __future__ import annotations

import io
import json
from pathlib import Path

from docx import Document

from kaderdiff.bron.versies import KaderMap
from kaderdiff.voorstel.beoordeling import beoordeel
from tests.hulp.draai import kd
from tests.hulp.repos import commit_alles, git_cmd, maak_repo

VOG = "Het bestuur zorgt voor benoembaar/bevoegd en bekwaam personeel dat"
BEKWAAM = "Het bestuur zorgt voor bekwaam personeel dat"


def vervang(pad: Path, oud: str, nieuw: str) -> None:
    tekst = pad.read_text(encoding="utf-8")
    assert tekst.count(oud) == 1, oud
    pad.write_text(tekst.replace(oud, nieuw), encoding="utf-8")


def tak(repo: Path, naam: str, bestand: str, oud: str, nieuw: str, van: str = "main") -> str:
    git_cmd(repo, "checkout", "-q", "-b", naam, van)
    vervang(repo / "kaders" / bestand, oud, nieuw)
    commit = commit_alles(repo, f"Voorstel {naam}")
    git_cmd(repo, "checkout", "-q", "main")
    return commit


def test_een_mbo_eis_geeft_een_rij_met_po_en_vo(voorbeeldrepo: Path) -> None:
    tak(voorbeeldrepo, "voorstel/mbo-bekwaam", "2026/mbo.xml", VOG, BEKWAAM)
    v = beoordeel(KaderMap(voorbeeldrepo / "kaders"), "voorstel/mbo-bekwaam")
    assert len(v.rijen) == 1
    rij = v.rijen[0]
    assert (rij.jaar, rij.sector, rij.wijziging.element_id, rij.wijziging.soort.value) == (
        2026, "MBO", "st-ka1-e3", "gewijzigd")
    assert rij.standaard == "KA1 Kwaliteitszorg"
    assert not rij.grondslag_gewijzigd
    assert [g.artikel for g in rij.wijziging.grondslagen_wordt] == ["4.2.3", "4.2.4"]
    assert {o.sector: o.element_id for o in rij.overeenkomsten} == {"PO": "st-ka1-e3", "VO": "st-ka1-e3"}
    for o in rij.overeenkomsten:
        assert o.gelijk_voor and not o.gelijk_na
        assert o.beoordeling == "voorstel doorbreekt de gelijkluidendheid"
        assert VOG in o.tekst_basis
    assert rij.conflicten == ()


def test_alleen_wat_het_voorstel_wijzigt_niet_wat_main_later_deed(voorbeeldrepo: Path) -> None:
    tak(voorbeeldrepo, "voorstel/mbo-bekwaam", "2026/mbo.xml", VOG, BEKWAAM)
    # main moves on after the branch: another sector changes; that is not part of the proposal
    vervang(voorbeeldrepo / "kaders" / "2026" / "po.xml", VOG, BEKWAAM)
    commit_alles(voorbeeldrepo, "PO ook bekwaam")
    code, uit, fout = kd(["voorstel", "voorstel/mbo-bekwaam", "--json", "--kaders", str(voorbeeldrepo / "kaders")])
    assert code == 0, fout
    data = json.loads(uit)
    assert [r["element_id"] for r in data["wijzigingen"]] == ["st-ka1-e3"]
    assert data["wijzigingen"][0]["sector"] == "MBO"


def test_herstel_van_gelijkluidendheid(voorbeeldrepo: Path) -> None:
    vervang(voorbeeldrepo / "kaders" / "2026" / "mbo.xml", VOG, BEKWAAM)
    commit_alles(voorbeeldrepo, "MBO wijkt af")
    tak(voorbeeldrepo, "voorstel/terug", "2026/mbo.xml", BEKWAAM, VOG)
    rij = beoordeel(KaderMap(voorbeeldrepo / "kaders"), "voorstel/terug").rijen[0]
    assert {o.beoordeling for o in rij.overeenkomsten} == {"voorstel herstelt de gelijkluidendheid"}


def test_tweede_tak_op_dezelfde_eis_is_een_conflict(voorbeeldrepo: Path) -> None:
    tak(voorbeeldrepo, "voorstel/mbo-bekwaam", "2026/mbo.xml", VOG, BEKWAAM)
    tak(voorbeeldrepo, "voorstel/benoembaar", "2026/mbo.xml", VOG,
        "Het bestuur zorgt voor benoembaar en bekwaam personeel dat")
    tak(voorbeeldrepo, "voorstel/elders", "2026/po.xml", VOG, BEKWAAM)  # other sector: no conflict
    code, uit, fout = kd(["voorstel", "voorstel/mbo-bekwaam", "--kaders", str(voorbeeldrepo / "kaders")])
    assert code == 0, fout
    assert "Conflict" in uit and "voorstel/benoembaar" in uit
    assert "voorstel/elders" not in uit
    rij = beoordeel(KaderMap(voorbeeldrepo / "kaders"), "voorstel/mbo-bekwaam").rijen[0]
    assert [(c.tak, c.element_ids) for c in rij.conflicten] == [("voorstel/benoembaar", ("st-ka1-e3",))]
    # and the other way round
    rij2 = beoordeel(KaderMap(voorbeeldrepo / "kaders"), "voorstel/benoembaar").rijen[0]
    assert [c.tak for c in rij2.conflicten] == ["voorstel/mbo-bekwaam"]


def test_grondslagwijziging_wordt_gemeld(voorbeeldrepo: Path) -> None:
    tak(voorbeeldrepo, "voorstel/grondslag", "2026/mbo.xml",
        '<grondslag wet="WEB" artikel="4.2.4"/>', '<grondslag wet="WEB" artikel="4.2.4" lid="1"/>')
    rij = beoordeel(KaderMap(voorbeeldrepo / "kaders"), "voorstel/grondslag").rijen[0]
    assert rij.wijziging.soort.value == "grondslag"
    assert rij.grondslag_gewijzigd


def test_docx_bespreekstuk_en_werkmap_onaangeroerd(voorbeeldrepo: Path, tmp_path: Path) -> None:
    tak(voorbeeldrepo, "voorstel/mbo-bekwaam", "2026/mbo.xml", VOG, BEKWAAM)
    status_voor = git_cmd(voorbeeldrepo, "status", "--porcelain")
    doel = tmp_path / "uit" / "bespreek.docx"
    code, _, fout = kd(["voorstel", "voorstel/mbo-bekwaam", "--docx", str(doel)], cwd=voorbeeldrepo)
    assert code == 0, fout
    doc = Document(io.BytesIO(doel.read_bytes()))
    tekst = "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    assert "benoembaar/bevoegd" in tekst and "KA1 Kwaliteitszorg" in tekst
    assert "voorstel doorbreekt de gelijkluidendheid" in tekst
    assert git_cmd(voorbeeldrepo, "status", "--porcelain") == status_voor
    assert git_cmd(voorbeeldrepo, "rev-parse", "--abbrev-ref", "HEAD") == "main"
    # deterministic: same inputs, same bytes
    eerste = doel.read_bytes()
    kd(["voorstel", "voorstel/mbo-bekwaam", "--docx", str(doel)], cwd=voorbeeldrepo)
    assert doel.read_bytes() == eerste


def test_onbekende_referentie_geeft_nette_fout(voorbeeldrepo: Path) -> None:
    code, _, fout = kd(["voorstel", "bestaat-niet", "--kaders", str(voorbeeldrepo / "kaders")])
    assert code == 2
    assert "bestaat-niet" in fout and "Traceback" not in fout


def test_voorstel_zonder_wijzigingen(tmp_path: Path) -> None:
    repo = maak_repo(tmp_path / "r")
    git_cmd(repo, "branch", "leeg")
    v = beoordeel(KaderMap(repo / "kaders"), "leeg")
    assert v.rijen == ()


# ---------------------------------------------------------------- vergelijk-sectoren
def test_vergelijk_sectoren_standaard() -> None:
    code, uit, fout = kd(["vergelijk-sectoren", "KA1", "--jaar", "2026", "--json"])
    assert code == 0, fout
    data = json.loads(uit)
    assert [s["sector"] for s in data["sectoren"]] == ["PO", "VO", "MBO"]
    vog = next(r for r in data["rijen"] if r["sleutel"] == "st-ka1-e3")
    assert all(c is not None and c["gelijk"] for c in vog["cellen"].values())
    # eisen that differ between sectors are marked with a word diff against PO
    verschillend = [c for r in data["rijen"] for c in r["cellen"].values() if c is not None and not c["gelijk"]]
    assert verschillend and all(any(d["op"] != "gelijk" for d in c["diff"]) for c in verschillend)


def test_vergelijk_sectoren_verschil_gemarkeerd(voorbeeldrepo: Path) -> None:
    vervang(voorbeeldrepo / "kaders" / "2026" / "mbo.xml", VOG, BEKWAAM)
    code, uit, fout = kd(["vergelijk-sectoren", "st-ka1-e3", "--jaar", "2026", "--json",
                          "--kaders", str(voorbeeldrepo / "kaders")])
    assert code == 0, fout
    cellen = json.loads(uit)["rijen"][0]["cellen"]
    assert cellen["PO"]["gelijk"] and cellen["VO"]["gelijk"] and not cellen["MBO"]["gelijk"]
    assert {"op": "weg", "tekst": "benoembaar/bevoegd en "} in cellen["MBO"]["diff"]
    # a git version of the same year: still the committed (equal) text
    code, uit, _ = kd(["vergelijk-sectoren", "st-ka1-e3", "--jaar", "2026@main", "--json",
                       "--kaders", str(voorbeeldrepo / "kaders")])
    assert json.loads(uit)["rijen"][0]["cellen"]["MBO"]["gelijk"]
    code, uit, _ = kd(["vergelijk-sectoren", "st-ka1-e3", "--jaar", "2026", "--kaders", str(voorbeeldrepo / "kaders")])
    assert code == 0 and "MBO" in uit


def test_vergelijk_sectoren_onbekend() -> None:
    code, _, fout = kd(["vergelijk-sectoren", "XX9", "--jaar", "2026"])
    assert code == 2 and "XX9" in fout
