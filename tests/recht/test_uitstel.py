"""`kaderdiff wetten uitstel`: a postponed wetswijziging moves to a later year, on a branch, nothing else touched."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from kaderdiff.bron.versies import KaderMap
from kaderdiff.model.versie import Versie
from tests.hulp.draai import kd
from tests.hulp.paden import alleen_ongecontroleerd
from tests.hulp.repos import commit_alles, git_cmd

TAK = "uitstel/vaba-2027"


def _werkmap(repo: Path) -> dict[str, str]:
    return {p.relative_to(repo).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(repo.rglob("*")) if p.is_file() and ".git" not in p.parts}


def _staat(repo: Path, van: str, naar: str, sector: str, uit: Path) -> dict[str, object]:
    code, _, fout = kd(["staat", "--van", van, "--naar", naar, "--sector", sector, "--formaat", "json",
                        "--uit", str(uit)], cwd=repo)
    assert code == 0, fout
    data: dict[str, object] = json.loads(next(uit.glob("*.json")).read_text(encoding="utf-8"))
    return data


def test_uitstel_vaba_naar_2027_op_een_tak(voorbeeldrepo: Path, tmp_path: Path) -> None:
    voor = _werkmap(voorbeeldrepo)
    head = git_cmd(voorbeeldrepo, "rev-parse", "HEAD")
    index = (voorbeeldrepo / ".git" / "index").read_bytes()
    code, uit, fout = kd(["wetten", "uitstel", "VABA", "--naar", "2027"], cwd=voorbeeldrepo)
    assert (code, fout) == (0, "")
    assert f"Tak {TAK} gemaakt" in uit and "MBO: st-op1-e2 in 2026 teruggezet" in uit
    assert "(kader 2027 aangemaakt uit 2026)" in uit

    # the work tree, the index and the current branch are as they were
    assert _werkmap(voorbeeldrepo) == voor
    assert git_cmd(voorbeeldrepo, "rev-parse", "HEAD") == head
    assert git_cmd(voorbeeldrepo, "branch", "--show-current") == "main"
    assert git_cmd(voorbeeldrepo, "status", "--porcelain") == ""
    assert (voorbeeldrepo / ".git" / "index").read_bytes() == index
    assert git_cmd(voorbeeldrepo, "rev-parse", f"{TAK}~1") == head

    staat_2026 = _staat(voorbeeldrepo, f"2025@{TAK}", f"2026@{TAK}", "mbo", tmp_path / "s2026")
    assert "VABA" not in staat_2026["samenvatting"]["per_wetswijziging"]  # type: ignore[index]
    assert "st-op1-e2" not in [w["id"] for w in staat_2026["wijzigingen"]]  # type: ignore[attr-defined]
    staat_2027 = _staat(voorbeeldrepo, f"2026@{TAK}", f"2027@{TAK}", "mbo", tmp_path / "s2027")
    assert staat_2027["samenvatting"]["per_wetswijziging"] == {"VABA": ["MBO-1"]}  # type: ignore[index]
    rij = staat_2027["wijzigingen"][0]  # type: ignore[index]
    assert (rij["id"], rij["soort"], rij["toelichting"][0]["wetswijziging"]) == ("st-op1-e2", "grondslag", "VABA")

    kaders = KaderMap(voorbeeldrepo / "kaders")
    k2026, k2025 = kaders.laad(Versie(2026, TAK), "MBO"), kaders.laad(Versie(2025), "MBO")
    assert k2026.element("st-op1-e2").grondslagen == k2025.element("st-op1-e2").grondslagen
    assert [(w.code, w.status) for w in k2026.wetswijzigingen] == [("VABA", "uitgesteld")]
    k2027 = kaders.laad(Versie(2027, TAK), "MBO")
    assert (k2027.jaar, k2027.peildatum.isoformat(), k2027.status) == (2027, "2027-08-01", "concept")
    assert [(w.code, w.status, w.inwerkingtreding.isoformat() if w.inwerkingtreding else "")
            for w in k2027.wetswijzigingen] == [("VABA", "verwacht", "2027-08-01")]
    assert [t.id for t in k2027.toelichtingen] == ["t-vaba"]


def test_op_de_tak_is_alles_in_orde(voorbeeldrepo: Path, tmp_path: Path) -> None:
    assert kd(["wetten", "uitstel", "VABA", "--naar", "2027", "--naam", "vaba-later"], cwd=voorbeeldrepo)[0] == 0
    kopie = tmp_path / "kopie"
    git_cmd(voorbeeldrepo, "worktree", "add", "-q", str(kopie), "vaba-later")
    code, uit, fout = kd(["controleer", str(kopie / "kaders")])
    assert code == 0 and alleen_ongecontroleerd(fout), fout
    aantal = len(list((kopie / "kaders").glob("[0-9][0-9][0-9][0-9]/*.xml")))
    assert f"In orde: {aantal} kader(s)" in uit


def test_toegevoegd_element_gaat_weg_en_vervallen_element_komt_terug(voorbeeldrepo: Path) -> None:
    """Tie two more 2026 changes to VABA: an added eis (st-va1-e4) and a removed one (st-fb2-e3)."""
    bestand = voorbeeldrepo / "kaders" / "2026" / "mbo.xml"
    tekst = bestand.read_text(encoding="utf-8")
    for toelichting in ("t-fb2-aanbod", "t-vertrouwenspersoon"):
        oud = f'<toelichting id="{toelichting}" categorie="beleid">'
        assert oud in tekst
        tekst = tekst.replace(oud, f'<toelichting id="{toelichting}" categorie="wetswijziging" wetswijziging="VABA">')
    bestand.write_text(tekst, encoding="utf-8")
    commit_alles(voorbeeldrepo, "Meer wijzigingen aan VABA gekoppeld")
    code, uit, fout = kd(["wetten", "uitstel", "vaba", "--naar", "2027", "--json"], cwd=voorbeeldrepo)
    assert code == 0, fout
    sector = json.loads(uit)["sectoren"][0]
    assert (sector["teruggezet"], sector["verwijderd"], sector["teruggeplaatst"]) == (
        ["st-op1-e2"], ["st-va1-e4"], ["st-fb2-e3"])
    kaders = KaderMap(voorbeeldrepo / "kaders")
    k2026 = kaders.laad(Versie(2026, TAK), "MBO")
    k2025 = kaders.laad(Versie(2025), "MBO")
    assert "st-va1-e4" not in k2026.index
    fb2 = kaders.laad(Versie(2025), "MBO").standaard_van("st-fb2-e3")
    assert fb2 is not None
    teruggeplaatst = [el.id for el, _ in k2026.doorloop() if el.id.startswith("st-fb2-e")]
    assert teruggeplaatst == [el.id for el, _ in k2025.doorloop() if el.id.startswith("st-fb2-e")]
    k2027 = kaders.laad(Versie(2027, TAK), "MBO")
    assert sorted(t.id for t in k2027.toelichtingen) == ["t-fb2-aanbod", "t-vaba", "t-vertrouwenspersoon"]
    assert "st-va1-e4" in k2027.index and "st-fb2-e3" not in k2027.index


def test_bestaand_kader_van_het_latere_jaar_krijgt_de_toelichting(voorbeeldrepo: Path, tmp_path: Path) -> None:
    """VO 2027 exists: it keeps its elements and gains the toelichting and the declaration."""
    bestand = voorbeeldrepo / "kaders" / "2026" / "vo.xml"
    tekst = bestand.read_text(encoding="utf-8")
    tekst = tekst.replace('<toelichting id="t-sk1-grondslag" categorie="technisch">',
                          '<toelichting id="t-sk1-grondslag" categorie="wetswijziging" wetswijziging="WVO2020">')
    tekst = tekst.replace("</titel>\n", "</titel>\n  <wetswijzigingen>\n    <wetswijziging code=\"WVO2020\" "
                          "status=\"verwacht\" naam=\"Wet voortgezet onderwijs 2020\">Nieuwe wet.</wetswijziging>\n"
                          "  </wetswijzigingen>\n", 1)
    bestand.write_text(tekst, encoding="utf-8")
    commit_alles(voorbeeldrepo, "VO: WVO 2020 als wetswijziging")
    voor_2027 = KaderMap(voorbeeldrepo / "kaders").laad(Versie(2027), "VO")
    code, uit, fout = kd(["wetten", "uitstel", "WVO2020", "--naar", "2027"], cwd=voorbeeldrepo)
    assert code == 0, fout
    assert "(kader 2027 aangemaakt" not in uit
    kaders = KaderMap(voorbeeldrepo / "kaders")
    na_2027 = kaders.laad(Versie(2027, "uitstel/wvo2020-2027"), "VO")
    assert [t.id for t in na_2027.toelichtingen] == [t.id for t in voor_2027.toelichtingen] + ["t-sk1-grondslag"]
    assert na_2027.element("st-sk1-e2") == voor_2027.element("st-sk1-e2")
    assert [w.code for w in na_2027.wetswijzigingen][-1] == "WVO2020"
    vo_2026 = kaders.laad(Versie(2026, "uitstel/wvo2020-2027"), "VO")
    assert vo_2026.element("st-sk1-e2").grondslagen == kaders.laad(Versie(2025), "VO").element("st-sk1-e2").grondslagen
    staat = _staat(voorbeeldrepo, "2026@uitstel/wvo2020-2027", "2027@uitstel/wvo2020-2027", "vo", tmp_path / "s")
    samenvatting = staat["samenvatting"]
    assert isinstance(samenvatting, dict) and "WVO2020" in samenvatting["per_wetswijziging"]


def test_uitstel_fouten(voorbeeldrepo: Path, tmp_path: Path) -> None:
    assert kd(["wetten", "uitstel", "VABA", "--naar", "2027"], cwd=voorbeeldrepo)[0] == 0
    code, _, fout = kd(["wetten", "uitstel", "VABA", "--naar", "2027"], cwd=voorbeeldrepo)
    assert code == 2 and "De tak 'uitstel/vaba-2027' bestaat al" in fout
    code, _, fout = kd(["wetten", "uitstel", "XYZ", "--naar", "2027"], cwd=voorbeeldrepo)
    assert code == 2 and "De wetswijziging 'XYZ' komt in geen kader vóór 2027 voor" in fout
    code, _, fout = kd(["wetten", "uitstel", "VABA", "--naar", "2026", "--naam", "x"], cwd=voorbeeldrepo)
    assert code == 2 and "komt in geen kader vóór 2026 voor" in fout
    code, _, fout = kd(["wetten", "uitstel", "VABA", "--naar", "2027", "--naam", "slecht..naam"], cwd=voorbeeldrepo)
    assert code == 2 and "geen geldige naam" in fout
    los = tmp_path / "los"
    (los / "kaders" / "2026").mkdir(parents=True)
    code, _, fout = kd(["wetten", "uitstel", "VABA", "--naar", "2027", "--kaders", str(los / "kaders")])
    assert code == 2 and "staat niet in een git-repository" in fout
