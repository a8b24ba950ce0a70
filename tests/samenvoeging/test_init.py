"""`kaderdiff init`: a kaders repository from an empty folder, idempotent, and never over an editor's files."""

from __future__ import annotations

import os
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

from kaderdiff.samenvoeging.inrichting import ATTRIBUUTREGEL, HOOKS
from tests.hulp.draai import kd
from tests.hulp.paden import KADERS
from tests.hulp.repos import GIT_OMGEVING, git_cmd

BESTANDEN = ("README.md", ".gitignore", ".gitattributes", "kaders/wetten/register.toml")


def inhoud(map_: Path) -> dict[str, bytes]:
    """Every file below a folder (also in .git) with its bytes and mode: to prove nothing changed."""
    return {f"{p.relative_to(map_)}:{oct(p.stat().st_mode)}": p.read_bytes()
            for p in sorted(map_.rglob("*")) if p.is_file()}


def test_init_in_een_lege_map(tmp_path: Path) -> None:
    repo = tmp_path / "kaders-repo"
    code, uit, fout = kd(["init", str(repo)])
    assert (code, fout) == (0, ""), fout
    assert "aangemaakt: .git" in uit and "aangemaakt: README.md" in uit
    assert git_cmd(repo, "rev-parse", "--show-toplevel") == str(repo.resolve())
    for naam in BESTANDEN:
        assert (repo / naam).is_file(), naam
        assert (repo / naam).stat().st_mode & 0o044, f"{naam} is leesbaar voor het team"
    assert tomllib.loads((repo / "kaders/wetten/register.toml").read_text(encoding="utf-8")) == {}
    readme = (repo / "README.md").read_text(encoding="utf-8")
    assert "kaderdiff init" in readme and "<conflict" in readme and "Een conflict oplossen" in readme
    assert ATTRIBUUTREGEL in (repo / ".gitattributes").read_text(encoding="utf-8").splitlines()
    assert git_cmd(repo, "check-attr", "merge", "kaders/2027/vo.xml") == "kaders/2027/vo.xml: merge: kaderdiff"
    driver = git_cmd(repo, "config", "--local", "merge.kaderdiff.driver")
    assert driver.endswith("-m kaderdiff.cli.samenvoeghulp %O %A %B %P")
    for hook in HOOKS:
        pad = repo / ".git" / "hooks" / hook
        assert os.access(pad, os.X_OK), hook
        assert "kaderdiff controleer \"$@\"" in pad.read_text(encoding="utf-8")


def test_init_nogmaals_verandert_niets(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    assert kd(["init", str(repo)])[0] == 0
    voor = inhoud(repo)
    code, uit, _ = kd(["init", str(repo)])
    assert code == 0
    assert "aangemaakt" not in uit and "bijgewerkt" not in uit and "aangevuld" not in uit
    assert inhoud(repo) == voor


def test_init_laat_bestanden_van_redacteuren_staan(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    git_cmd(repo, "init", "-q")
    eigen = {"README.md": "# Onze kaders\nEigen uitleg.\n", ".gitignore": "*.tmp\n",
             "kaders/wetten/register.toml": '[LPW]\nnaam = "Leerplichtwet 1969"\nsoort = "wet"\nbwb = "BWBR0002628"\n'}
    for naam, tekst in eigen.items():
        (repo / naam).parent.mkdir(parents=True, exist_ok=True)
        (repo / naam).write_text(tekst, encoding="utf-8")
    (repo / ".gitattributes").write_text("*.docx binary", encoding="utf-8")  # no newline at the end
    eigen_hook = "#!/bin/sh\necho eigen controle\n"
    (repo / ".git" / "hooks" / "pre-commit").write_text(eigen_hook, encoding="utf-8")
    code, uit, fout = kd(["init", str(repo)])
    assert code == 0
    for naam, tekst in eigen.items():
        assert (repo / naam).read_text(encoding="utf-8") == tekst, naam
    assert (repo / ".gitattributes").read_text(encoding="utf-8").splitlines()[0] == "*.docx binary"
    assert ATTRIBUUTREGEL in (repo / ".gitattributes").read_text(encoding="utf-8").splitlines()
    assert "aangevuld: .gitattributes" in uit
    assert (repo / ".git" / "hooks" / "pre-commit").read_text(encoding="utf-8") == eigen_hook
    assert "let op: .git/hooks/pre-commit" in fout and "ongemoeid" in fout
    assert (repo / ".git" / "hooks" / "pre-merge-commit").is_file()


def test_init_werkt_de_eigen_hook_bij(tmp_path: Path) -> None:
    """A hook with our marker is ours: an older one (another interpreter) is brought up to date."""
    repo = tmp_path / "repo"
    assert kd(["init", str(repo)])[0] == 0
    hook = repo / ".git" / "hooks" / "pre-commit"
    hook.write_text(hook.read_text(encoding="utf-8").replace("KADERDIFF_PYTHON=", "KADERDIFF_PYTHON=/weg/python#"),
                    encoding="utf-8")
    code, uit, _ = kd(["init", str(repo)])
    assert code == 0 and "bijgewerkt: .git/hooks/pre-commit" in uit
    assert "/weg/python" not in hook.read_text(encoding="utf-8")


def test_init_weigert_een_submap_van_een_repository(tmp_path: Path) -> None:
    repo = tmp_path / "project"
    repo.mkdir()
    git_cmd(repo, "init", "-q")
    code, _, fout = kd(["init", str(repo / "kaders-hier")])
    assert code == 2
    assert "ligt binnen de git-repository" in fout and "niet de hoofdmap" in fout
    assert not (repo / "kaders-hier" / "README.md").exists()


def test_init_weigert_een_bestand(tmp_path: Path) -> None:
    bestand = tmp_path / "kaders.txt"
    bestand.write_text("x", encoding="utf-8")
    code, _, fout = kd(["init", str(bestand)])
    assert code == 2 and "geen map" in fout


def _commit(repo: Path) -> subprocess.CompletedProcess[str]:
    git_cmd(repo, "add", "-A")
    return subprocess.run(["git", "commit", "-q", "-m", "Kaders"], cwd=repo, capture_output=True, text=True,
                          env={**os.environ, **GIT_OMGEVING})


def test_de_hook_laat_alleen_goede_kaders_door(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    assert kd(["init", str(repo)])[0] == 0
    assert _commit(repo).returncode == 0, "zonder kaders is er niets te controleren"
    shutil.copytree(KADERS / "2026", repo / "kaders" / "2026")
    kader = repo / "kaders" / "2026" / "vo.xml"
    goed = kader.read_text(encoding="utf-8")
    kader.write_text(goed.replace('<eis id="', '<eis nummer="1" id="', 1), encoding="utf-8")
    geweigerd = _commit(repo)
    assert geweigerd.returncode != 0
    assert "vo.xml" in geweigerd.stderr and "attribuut 'nummer'" in geweigerd.stderr
    assert "Commit geweigerd" in geweigerd.stderr
    kader.write_text(goed.replace("\n    <", "\n<", 3), encoding="utf-8")
    niet_opgemaakt = _commit(repo)
    assert niet_opgemaakt.returncode != 0
    assert "moet worden opgemaakt" in niet_opgemaakt.stderr and "kaderdiff opmaak" in niet_opgemaakt.stderr
    kader.write_text(goed, encoding="utf-8")
    assert _commit(repo).returncode == 0
    assert git_cmd(repo, "log", "--oneline").count("\n") == 1


def test_de_hook_controleert_wat_de_commit_verandert(tmp_path: Path) -> None:
    """A kader the commit leaves alone is not checked again (a commit stays quick as the years add up);
    when a law text or the law registry changes, every kader is, for a grondslag may no longer hold."""
    repo = tmp_path / "repo"
    assert kd(["init", str(repo)])[0] == 0
    shutil.copytree(KADERS / "2026", repo / "kaders" / "2026")
    assert _commit(repo).returncode == 0
    vo, po = repo / "kaders" / "2026" / "vo.xml", repo / "kaders" / "2026" / "po.xml"
    vo.write_text(vo.read_text(encoding="utf-8").replace('<eis id="', '<eis nummer="1" id="', 1), encoding="utf-8")
    git_cmd(repo, "add", "-A")
    git_cmd(repo, "commit", "-q", "--no-verify", "-m", "Een fout kader, in een noodgeval vastgelegd")
    po.write_text(po.read_text(encoding="utf-8").replace("toelating van een leerling.", "toelating van een kind.", 1),
                  encoding="utf-8")
    assert _commit(repo).returncode == 0, "alleen po.xml verandert, en dat is in orde"
    po.write_text(po.read_text(encoding="utf-8").replace("\n    <", "\n<", 1), encoding="utf-8")
    geweigerd = _commit(repo)
    assert geweigerd.returncode != 0 and "po.xml" in geweigerd.stderr and "vo.xml" not in geweigerd.stderr
    git_cmd(repo, "checkout", "--", "kaders/2026/po.xml")
    register = repo / "kaders" / "wetten" / "register.toml"
    register.write_text(register.read_text(encoding="utf-8") + "\n# een opmerking\n", encoding="utf-8")
    alles = _commit(repo)
    assert alles.returncode != 0 and "vo.xml" in alles.stderr and "attribuut 'nummer'" in alles.stderr


def test_controleer_en_opmaak_nemen_meer_bestanden(tmp_path: Path) -> None:
    kaders = tmp_path / "kaders"
    shutil.copytree(KADERS / "2026", kaders / "2026")
    bestanden = [str(kaders / "2026" / "po.xml"), str(kaders / "2026" / "mbo.xml")]
    code, uit, fout = kd(["controleer", *bestanden])
    assert code == 0 and "2 kader(s) gecontroleerd" in uit, fout
    code, uit, _ = kd(["opmaak", "--controle", *bestanden])
    assert code == 0 and "2 bestand(en) bekeken" in uit


def test_init_zonder_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "leeg"))
    code, _, fout = kd(["init", str(tmp_path / "repo")])
    assert code == 2 and "git is niet gevonden" in fout
    assert not (tmp_path / "repo").exists()


def _kapotte_git(repo: Path, soort: str) -> None:
    """A folder with a `.git` that git does not take for a repository (issue 29)."""
    repo.mkdir()
    if soort == "bestand":
        (repo / ".git").write_text("rommel\n", encoding="utf-8")
        return
    if soort == "alleen-head":
        (repo / ".git").mkdir()
        (repo / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
        return
    git_cmd(repo, "init", "-q")
    if soort == "kapotte-head":
        (repo / ".git" / "HEAD").write_text("rommel\n", encoding="utf-8")
    else:
        (repo / ".git" / "config").write_text("[core\n", encoding="utf-8")


@pytest.mark.parametrize("soort", ["bestand", "alleen-head", "kapotte-head", "kapotte-config"])
def test_init_in_een_map_met_een_kapotte_git(tmp_path: Path, soort: str) -> None:
    """Refused with a Dutch message (git's own text only quoted, never at the end), and nothing changed: git
    init over a broken repository would paper over it or fail halfway."""
    from tests.hulp.vijandig import nederlands

    repo = tmp_path / "kaders-repo"
    _kapotte_git(repo, soort)
    voor = inhoud(repo)
    code, uit, fout = kd(["init", str(repo)])
    assert code == 2, uit + fout
    assert fout.startswith("Fout: ") and "geen bruikbare git-repository" in fout, fout
    assert fout.rstrip().endswith("Er is niets gewijzigd."), fout
    assert "fatal:" not in fout.replace("(git: 'fatal:", ""), fout
    nederlands(fout)
    assert inhoud(repo) == voor and sorted(p.name for p in repo.iterdir()) == [".git"]


def test_init_in_een_map_met_een_lege_git_map(tmp_path: Path) -> None:
    """An empty .git holds nothing to lose: git init makes the repository there."""
    repo = tmp_path / "kaders-repo"
    (repo / ".git").mkdir(parents=True)
    code, _, fout = kd(["init", str(repo)])
    assert code == 0, fout
    assert (repo / ".git" / "HEAD").is_file()
