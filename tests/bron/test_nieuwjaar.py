"""`kaderdiff nieuw-jaar`: the kaders of a new year as one commit on the current branch, and nothing when it
cannot be done."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from lxml import etree

from tests.hulp.draai import kd
from tests.hulp.paden import KADERS, kaders_sha
from tests.hulp.repos import GIT_OMGEVING, git_cmd, maak_repo


@pytest.fixture(autouse=True)
def identiteit(monkeypatch: pytest.MonkeyPatch) -> None:
    """nieuw-jaar commits with the user's git identity: a fixed one here."""
    for naam, waarde in GIT_OMGEVING.items():
        monkeypatch.setenv(naam, waarde)


@pytest.fixture
def repo_zonder_2027(tmp_path: Path) -> Path:
    """The sample kaders without their 2027 (the samples have a 2027/vo.xml)."""
    kaders = tmp_path / "kaders-bron"
    shutil.copytree(KADERS, kaders)
    shutil.rmtree(kaders / "2027")
    return maak_repo(tmp_path / "repo", kaders)


def _toestand(repo: Path) -> tuple[str, str, str]:
    return (git_cmd(repo, "rev-parse", "HEAD"), git_cmd(repo, "status", "--porcelain", "--untracked-files=all"),
            git_cmd(repo, "branch", "--show-current"))


def test_nieuw_jaar_maakt_2027_in_een_commit_op_de_huidige_tak(repo_zonder_2027: Path) -> None:
    repo = repo_zonder_2027
    git_cmd(repo, "switch", "-q", "-c", "jaar-2027")
    voor = git_cmd(repo, "rev-parse", "HEAD")
    code, uit, fout = kd(["nieuw-jaar", "2027"], cwd=repo)
    assert code == 0, fout
    assert git_cmd(repo, "rev-parse", "HEAD~1") == voor  # one commit
    assert git_cmd(repo, "branch", "--show-current") == "jaar-2027"
    assert git_cmd(repo, "status", "--porcelain", "--untracked-files=all") == ""
    in_commit = sorted(git_cmd(repo, "show", "--name-only", "--format=", "HEAD").splitlines())
    assert in_commit == ["kaders/2027/mbo.xml", "kaders/2027/po.xml", "kaders/2027/vo-pro.xml", "kaders/2027/vo.xml"]
    assert "vastgelegd op tak jaar-2027" in uit.lower()
    assert (repo / "kaders" / "2026" / "consultatie.toml").is_file()
    assert not (repo / "kaders" / "2027" / "consultatie.toml").exists()  # 2026's consultation is not 2027's
    for pad in (repo / "kaders" / "2027").iterdir():
        wortel = etree.parse(str(pad)).getroot()
        vorig = etree.parse(str(repo / "kaders" / "2026" / pad.name)).getroot()
        assert (wortel.get("jaar"), wortel.get("status"), wortel.get("peildatum")) == ("2027", "concept", "2027-08-01")
        assert wortel.findtext("titel") == vorig.findtext("titel").replace("2026", "2027")
        assert "2027" in wortel.findtext("titel") and "2026" not in wortel.findtext("titel")
        for weg in ("toelichtingen", "wetswijzigingen", "samenvatting", "correctie"):
            assert wortel.find(weg) is None, (pad.name, weg)
        assert [el.get("id") for el in wortel.iter() if el.get("id")] == \
            [el.get("id") for el in vorig.iter() if el.get("id") and el.getparent().tag != "toelichtingen"
             and el.tag != "toelichting"]
    assert kd(["controleer"], cwd=repo)[0] == 0
    assert kd(["opmaak", "--controle"], cwd=repo)[0] == 0


def test_staat_van_2026_naar_2027_is_leeg_en_het_pakket_heet_2027(repo_zonder_2027: Path, tmp_path: Path) -> None:
    """What the Staat against the previous year holds: no row at all (year, title and peildatum are the kader's
    own data, not elements; the toelichtingen, wetswijzigingen and summary are not compared); only its title says
    2027."""
    repo = repo_zonder_2027
    assert kd(["nieuw-jaar", "2027"], cwd=repo)[0] == 0
    code, _, fout = kd(["staat", "--van", "2026", "--naar", "2027", "--formaat", "json,html",
                        "--uit", str(tmp_path / "staat")], cwd=repo)
    assert code == 0, fout
    for sector in ("mbo", "po", "vo", "vo-pro"):
        staat = json.loads((tmp_path / "staat" / f"{sector}-2027-staat-van-wijzigingen.json").read_text("utf-8"))
        assert staat["wijzigingen"] == [] and staat["samenvatting"]["aantal"] == 0
        assert staat["kader_nieuw"]["titel"].startswith("Onderzoekskader 2027")
        assert staat["kader_nieuw"]["jaar"] == 2027 and staat["kader_nieuw"]["peildatum"] == "2027-08-01"
    code, _, fout = kd(["pakket", "--van", "2026", "--naar", "2027", "--uit", str(tmp_path / "pakket")], cwd=repo)
    assert code == 0, fout
    index = (tmp_path / "pakket" / "index.html").read_text(encoding="utf-8")
    assert "<h1>Consultatiepakket onderzoekskaders 2027</h1>" in index
    assert "MBO: Onderzoekskader 2027 voor het toezicht op het middelbaar beroepsonderwijs" in index
    assert "Onderzoekskader 2026" not in index
    assert (tmp_path / "pakket" / "consultatiepakket-2027.zip").is_file()


def test_nieuw_jaar_weigert_een_jaar_dat_al_bestaat(voorbeeldrepo: Path) -> None:
    """The samples have kaders/2027/vo.xml: nothing may be touched."""
    voor, sha = _toestand(voorbeeldrepo), kaders_sha(voorbeeldrepo / "kaders")
    code, _, fout = kd(["nieuw-jaar", "2027"], cwd=voorbeeldrepo)
    assert code == 2
    assert "Het jaar 2027 bestaat al (kaders/2027)" in fout and "Traceback" not in fout
    assert _toestand(voorbeeldrepo) == voor and kaders_sha(voorbeeldrepo / "kaders") == sha


def test_nieuw_jaar_weigert_als_het_vorige_jaar_niet_is_vastgelegd(repo_zonder_2027: Path) -> None:
    repo = repo_zonder_2027
    mbo = repo / "kaders" / "2026" / "mbo.xml"
    mbo.write_text(mbo.read_text(encoding="utf-8").replace("Woord vooraf", "Voorwoord", 1), encoding="utf-8")
    voor = _toestand(repo)
    code, _, fout = kd(["nieuw-jaar", "2027", "--van", "2026"], cwd=repo)
    assert code == 2 and "kaders/2026 heeft wijzigingen die niet zijn vastgelegd (kaders/2026/mbo.xml)" in fout
    assert _toestand(repo) == voor and not (repo / "kaders" / "2027").exists()


def test_geweigerde_commit_laat_niets_achter_en_staged_werk_blijft_staan(repo_zonder_2027: Path) -> None:
    """A pre-commit hook that refuses: no 2027 folder, nothing in the index, HEAD as it was; what the user had
    staged elsewhere stays staged (and is never part of the commit)."""
    repo = repo_zonder_2027
    (repo / "notitie.txt").write_text("werk in uitvoering\n", encoding="utf-8")
    git_cmd(repo, "add", "notitie.txt")
    haak = repo / ".git" / "hooks" / "pre-commit"
    haak.write_text("#!/bin/sh\necho 'controle: nee' >&2\nexit 1\n", encoding="utf-8")
    haak.chmod(0o755)
    voor = _toestand(repo)
    code, _, fout = kd(["nieuw-jaar", "2027"], cwd=repo)
    assert code == 2 and "git legde kaders/2027 niet vast" in fout and "controle: nee" in fout
    assert _toestand(repo) == voor and not (repo / "kaders" / "2027").exists()
    assert not list((repo / "kaders").glob(".2027*"))
    haak.unlink()
    assert kd(["nieuw-jaar", "2027"], cwd=repo)[0] == 0
    assert git_cmd(repo, "show", "--name-only", "--format=", "HEAD").count("notitie.txt") == 0
    assert git_cmd(repo, "status", "--porcelain") == "A  notitie.txt"


def test_nieuw_jaar_in_een_repository_van_init_gaat_door_de_controle(initrepo: Path) -> None:
    """`init` installs the check before every commit: the new year passes it (valid, canonical kaders)."""
    code, _, fout = kd(["nieuw-jaar", "2027"], cwd=initrepo)
    assert code == 0, fout
    assert git_cmd(initrepo, "log", "-1", "--format=%s") == "Kaders 2027: nieuw jaar uit 2026"


@pytest.mark.parametrize(("args", "melding"), [
    (["nieuw-jaar", "27"], "'27' is geen jaartal"),
    (["nieuw-jaar", "2027", "--van", "2030"], "Het jaar 2030 bestaat niet"),
    (["nieuw-jaar", "2024"], "Er is geen jaar vóór 2024"),
])
def test_nieuw_jaar_zegt_wat_er_mis_is(repo_zonder_2027: Path, args: list[str], melding: str) -> None:
    voor = _toestand(repo_zonder_2027)
    code, _, fout = kd(args, cwd=repo_zonder_2027)
    assert code == 2 and melding in fout, fout
    assert _toestand(repo_zonder_2027) == voor
