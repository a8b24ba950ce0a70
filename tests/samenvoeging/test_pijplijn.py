"""`kaderdiff init --ci github|gitlab` and `--pre-commit`: what they write, and the real clients reading it
(actionlint for the GitHub workflow, ShellCheck for the review script, the pre-commit framework with kaderdiff's
own .pre-commit-hooks.yaml). The GitLab pipeline itself runs in test_gitlab_ci.py."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from kaderdiff import __version__
from kaderdiff.samenvoeging.inrichting import HOOKS
from tests.hulp.draai import kd
from tests.hulp.echte_clients import naast_python, vereist
from tests.hulp.paden import KADERS, REPO
from tests.hulp.repos import GIT_OMGEVING, git_cmd, leg_vast

WORKFLOW = ".github/workflows/kaderdiff.yml"


def _init(map_: Path, *opties: str) -> str:
    code, uit, fout = kd(["init", str(map_), *opties])
    assert code == 0, fout
    return uit


def _met_kaders(repo: Path) -> None:
    git_cmd(repo, "checkout", "-q", "-b", "main")
    for jaar in ("2025", "2026"):
        shutil.copytree(KADERS / jaar, repo / "kaders" / jaar)
    for wet in (KADERS / "wetten").iterdir():
        shutil.copytree(wet, repo / "kaders" / "wetten" / wet.name)


# ---------------------------------------------------------------- what init writes
@pytest.mark.parametrize(("platform", "configuratie"), [("gitlab", ".gitlab-ci.yml"), ("github", WORKFLOW)])
def test_init_ci_schrijft_een_vastgepinde_configuratie(tmp_path: Path, platform: str, configuratie: str) -> None:
    repo = tmp_path / "repo"
    uit = _init(repo, "--ci", platform)
    assert f"aangemaakt: {configuratie}" in uit and "aangemaakt: ci/kaderdiff-voorstel.sh" in uit
    tekst = (repo / configuratie).read_text(encoding="utf-8")
    data = yaml.safe_load(tekst)
    if platform == "gitlab":
        assert data["variables"]["KADERDIFF_PAKKET"] == f"kaderdiff=={__version__}"
        assert data[".kaderdiff"]["image"].startswith("python:")  # a public image, none of ours
        assert data[".kaderdiff"]["cache"]["paths"] == [".cache/pip"]
        assert data["controleer"]["script"] == ["kaderdiff controleer --streng"]
        assert data["opmaak"]["script"] == ["kaderdiff opmaak --controle"]
        assert data["wetten-bewaken"]["script"] == ["kaderdiff wetten bewaak"]
    else:
        assert f"'kaderdiff=={__version__}'" in data["env"]["KADERDIFF_PAKKET"]
        stappen = [s.get("run", "") for s in data["jobs"]["controle"]["steps"]]
        assert "kaderdiff controleer --streng" in stappen and "kaderdiff opmaak --controle" in stappen
        assert all(s["with"]["cache"] == "pip" for baan in data["jobs"].values() for s in baan["steps"]
                   if s.get("uses", "").startswith("actions/setup-python"))
        assert data["jobs"]["wetten-bewaken"]["steps"][-1]["run"] == "kaderdiff wetten bewaak"
    assert "@VERSIE@" not in tekst
    # written once: the team's own changes stay
    (repo / configuratie).write_text("# eigen pijplijn\n", encoding="utf-8")
    uit = _init(repo, "--ci", platform)
    assert f"ongemoeid: {configuratie}" in uit
    assert (repo / configuratie).read_text(encoding="utf-8") == "# eigen pijplijn\n"


def test_init_pre_commit_in_plaats_van_eigen_hooks(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    _init(repo)  # first with our own raw hooks
    assert all((repo / ".git" / "hooks" / h).is_file() for h in HOOKS)
    uit = _init(repo, "--pre-commit")
    for h in HOOKS:
        assert f"verwijderd: .git/hooks/{h}" in uit
        assert not (repo / ".git" / "hooks" / h).exists()
    config = yaml.safe_load((repo / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert config["default_install_hook_types"] == ["pre-commit", "pre-merge-commit"]
    (lokaal,) = config["repos"]
    assert lokaal["repo"] == "local"
    assert {h["id"]: h["additional_dependencies"] for h in lokaal["hooks"]} == {
        "kaderdiff-controleer": [f"kaderdiff=={__version__}"], "kaderdiff-opmaak": [f"kaderdiff=={__version__}"]}
    # init after a reinstall (as the README asks) sees pre-commit and puts no raw hooks back
    uit = _init(repo)
    assert not any((repo / ".git" / "hooks" / h).exists() for h in HOOKS)
    assert "vóór elke commit draaien controleer en opmaak --controle via pre-commit" in uit


def test_een_eigen_hook_blijft_ook_bij_pre_commit(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    git_cmd(repo, "init", "-q")
    eigen = "#!/bin/sh\necho eigen controle\n"
    (repo / ".git" / "hooks" / "pre-commit").write_text(eigen, encoding="utf-8")
    _init(repo, "--pre-commit", "--hookrepo", "https://gitlab.example.nl/inspectie/kaderdiff.git")
    assert (repo / ".git" / "hooks" / "pre-commit").read_text(encoding="utf-8") == eigen
    (bron,) = yaml.safe_load((repo / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"]
    assert bron == {"repo": "https://gitlab.example.nl/inspectie/kaderdiff.git", "rev": f"v{__version__}",
                    "hooks": [{"id": "kaderdiff-controleer"}, {"id": "kaderdiff-opmaak"}]}


def test_hookrepo_zonder_pre_commit_is_een_nette_fout(tmp_path: Path) -> None:
    code, _, fout = kd(["init", str(tmp_path / "repo"), "--hookrepo", "https://x"])
    assert code == 2 and "--hookrepo hoort bij --pre-commit" in fout and "Traceback" not in fout
    assert not (tmp_path / "repo").exists()


def test_lokale_hooks_zijn_die_van_pre_commit_hooks_yaml(tmp_path: Path) -> None:
    """Without --hookrepo the hooks are written out in the configuration: the same as kaderdiff publishes."""
    gepubliceerd = {h["id"]: h for h in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    _init(tmp_path / "repo", "--pre-commit")
    (lokaal,) = yaml.safe_load((tmp_path / "repo" / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"]
    sleutels = ("name", "entry", "language", "files", "pass_filenames", "require_serial")
    assert {h["id"]: {k: h.get(k) for k in sleutels} for h in lokaal["hooks"]} == {
        i: {k: h.get(k) for k in sleutels} for i, h in gepubliceerd.items()}


# ---------------------------------------------------------------- real clients
@pytest.mark.echte_client
def test_de_github_workflow_doorstaat_actionlint(tmp_path: Path) -> None:
    actionlint = naast_python("actionlint")
    vereist("shellcheck")  # actionlint checks every run: script with it
    repo = tmp_path / "repo"
    _init(repo, "--ci", "github")
    goed = subprocess.run([actionlint, "-no-color", WORKFLOW], cwd=repo, capture_output=True, text=True, timeout=120)
    assert goed.returncode == 0, goed.stdout + goed.stderr
    # and actionlint does read it: a mistake in it is found
    workflow = repo / WORKFLOW
    workflow.write_text(workflow.read_text(encoding="utf-8").replace("needs: controle", "needs: controlle", 1)
                        .replace("github.base_ref", "github.basis_ref"), encoding="utf-8")
    fout = subprocess.run([actionlint, "-no-color", WORKFLOW], cwd=repo, capture_output=True, text=True, timeout=120)
    assert fout.returncode != 0 and '"controlle"' in fout.stdout and '"basis_ref"' in fout.stdout


@pytest.mark.echte_client
def test_het_beoordelingsscript_doorstaat_shellcheck(tmp_path: Path) -> None:
    shellcheck = vereist("shellcheck")
    _init(tmp_path / "repo", "--ci", "gitlab")
    uitkomst = subprocess.run([shellcheck, "--shell=sh", "ci/kaderdiff-voorstel.sh"], cwd=tmp_path / "repo",
                              capture_output=True, text=True, timeout=120)
    assert uitkomst.returncode == 0, uitkomst.stdout


def _kaderdiff_repository(doel: Path) -> Path:
    """This checkout as a git repository with a release tag, as teams point pre-commit at kaderdiff's repository
    (without a network: a local path instead of its URL). The working tree, so uncommitted changes count too."""
    bestanden = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=REPO, capture_output=True,
                               check=True).stdout.decode("utf-8").split("\0")
    for naam in filter(None, bestanden):
        if (REPO / naam).is_file():
            (doel / naam).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / naam, doel / naam)
    git_cmd(doel, "init", "-q")
    git_cmd(doel, "add", "-A")
    git_cmd(doel, "commit", "-q", "-m", "kaderdiff")
    git_cmd(doel, "tag", f"v{__version__}")
    return doel


@pytest.mark.echte_client
def test_pre_commit_met_de_hooks_van_kaderdiff(tmp_path: Path) -> None:
    pre_commit = naast_python("pre-commit")
    bron = _kaderdiff_repository(tmp_path / "kaderdiff")
    repo = tmp_path / "kaders-van-de-inspectie"
    _init(repo, "--pre-commit", "--hookrepo", str(bron))
    _met_kaders(repo)
    git_cmd(repo, "add", "-A")
    omgeving = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    omgeving |= GIT_OMGEVING | {"PRE_COMMIT_HOME": str(tmp_path / "pre-commit-cache"), "PRE_COMMIT_COLOR": "never"}

    def draai(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([pre_commit, *args], cwd=repo, capture_output=True, text=True, timeout=900,
                              env=omgeving)

    goed = draai("run", "--all-files")
    assert goed.returncode == 0, goed.stdout + goed.stderr
    assert "kaderdiff controleer" in goed.stdout and "kaderdiff opmaak --controle" in goed.stdout
    assert "Failed" not in goed.stdout
    leg_vast(repo, "Kaders overgenomen")

    kader = repo / "kaders" / "2026" / "mbo.xml"
    origineel = kader.read_text(encoding="utf-8")
    kader.write_text(origineel.replace('<grondslag wet="WEB" artikel="4.2.4"/>',
                                       '<grondslag wet="WEB" artikel="4.2.99"/>', 1), encoding="utf-8")
    kapot = draai("run", "--all-files")
    assert kapot.returncode != 0
    assert "kaderdiff controleer" in kapot.stdout and "Failed" in kapot.stdout
    assert "kaders/2026/mbo.xml:" in kapot.stdout and "artikel 4.2.99 bestaat niet" in kapot.stdout

    kader.write_text(origineel.replace("\n    <", "\n<", 1), encoding="utf-8")
    scheef = draai("run", "--all-files")
    assert scheef.returncode != 0 and "moet worden opgemaakt: kaders/2026/mbo.xml" in scheef.stdout

    # installed as the git hooks: a commit of that kader is refused, and goes through once it is in order
    installatie = draai("install")
    assert installatie.returncode == 0, installatie.stderr
    assert (repo / ".git" / "hooks" / "pre-merge-commit").is_file()
    git_cmd(repo, "add", "-A")
    geweigerd = subprocess.run(["git", "commit", "-q", "-m", "Scheef kader"], cwd=repo, capture_output=True,
                               text=True, env=omgeving, timeout=600)
    assert geweigerd.returncode != 0 and "moet worden opgemaakt" in geweigerd.stdout + geweigerd.stderr
    kader.write_text(origineel, encoding="utf-8")
    git_cmd(repo, "add", "-A")
    assert subprocess.run(["git", "commit", "-q", "--allow-empty", "-m", "In orde"], cwd=repo, env=omgeving,
                          capture_output=True, timeout=600).returncode == 0
