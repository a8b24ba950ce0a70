"""The one door to git: its rules as options (a kadermap's own repository whatever GIT_DIR says), git's reasons
in Dutch, and plain data out (never a GitPython object), on real repositories in tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest

from kaderdiff.bron.versies import KaderMap
from kaderdiff.fouten import KaderdiffFout
from kaderdiff.model.commit import Blob, Commit, Historiestap
from kaderdiff.model.versie import Versie
from kaderdiff.versiebeheer.opdracht import git, git_reden
from kaderdiff.versiebeheer.repository import Repository
from tests.hulp.paden import KADERS
from tests.hulp.repos import commit_alles, git_cmd, maak_repo


def test_de_repository_van_een_kadermap_ook_als_een_hook_git_dir_zet(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A hook or merge driver runs with GIT_DIR of the repository being committed: the runner follows it unless
    asked for the repository around a folder, as KaderMap asks."""
    eigen = maak_repo(tmp_path / "eigen")
    ander = maak_repo(tmp_path / "ander", kaders=None)
    (ander / "x.txt").write_text("x", encoding="utf-8")
    andere_kop = commit_alles(ander, "Iets anders")
    eigen_kop = git_cmd(eigen, "rev-parse", "HEAD")
    monkeypatch.setenv("GIT_DIR", str(ander / ".git"))
    assert git("rev-parse", "HEAD", map_=eigen).tekst.strip() == andere_kop
    assert git("rev-parse", "HEAD", map_=eigen, negeer_git_dir=True).tekst.strip() == eigen_kop
    assert KaderMap(eigen / "kaders").herkomst(Versie(2026)).commit == eigen_kop


def test_git_reden_in_het_nederlands_met_gits_eigen_regel_in_het_midden() -> None:
    regel = "fatal: not a git repository (or any of the parent directories): .git"
    assert git_reden(f"{regel}\n".encode()) == f"git herkent er geen repository in (git: '{regel}')"
    assert git_reden("error: iets onverwachts\nmeer") == "git meldt een fout (git: 'error: iets onverwachts')"
    assert git_reden(b"") == "git meldt een fout"


def test_wat_git_geeft_zijn_gewone_gegevens(voorbeeldrepo: Path) -> None:
    """Commits, history and bytes come out of the door as kaderdiff's own data, with git's exact values."""
    mbo = voorbeeldrepo / "kaders" / "2026" / "mbo.xml"
    mbo.write_text(mbo.read_text(encoding="utf-8").replace("bekwaam personeel", "deskundig personeel", 1),
                   encoding="utf-8")
    tweede = commit_alles(voorbeeldrepo, "VOG-eis: deskundig\n\nNa de Ringen.")
    kadermap = KaderMap(voorbeeldrepo / "kaders")
    commit = kadermap.commit("HEAD")
    assert type(commit) is Commit
    assert (commit.hexsha, commit.tijd, commit.datum) == (
        tweede, int(git_cmd(voorbeeldrepo, "log", "-1", "--format=%ct")), "2026-05-20T10:00:00+02:00")
    assert commit.bericht == "VOG-eis: deskundig\n\nNa de Ringen.\n"
    stappen = list(kadermap.historie(Versie(2025), Versie(2026), "MBO"))
    assert all(type(s) is Historiestap for s in stappen)
    assert [s.commit.hexsha for s in stappen] == [tweede, git_cmd(voorbeeldrepo, "rev-parse", "HEAD~1")]
    nieuwste = stappen[0]
    assert type(nieuwste.na) is Blob and type(nieuwste.voor) is Blob
    assert nieuwste.na.data == mbo.read_bytes()
    assert nieuwste.voor.data == (KADERS / "2026" / "mbo.xml").read_bytes()
    assert nieuwste.na.naam == f"kaders/2026/mbo.xml@{tweede[:7]}"
    assert stappen[1].voor is None  # the first commit has no parent
    repo = Repository.open(voorbeeldrepo / "kaders")
    assert repo is not None
    assert repo.lees(tweede, "kaders/2026/mbo.xml", "mbo") == mbo.read_bytes()
    assert repo.takken() == [("main", commit)]


def test_een_onbekende_ref_en_een_geschiedenis_die_git_niet_kan_lezen(voorbeeldrepo: Path) -> None:
    kadermap = KaderMap(voorbeeldrepo / "kaders")
    with pytest.raises(KaderdiffFout, match="De git-referentie 'bestaat-niet' bestaat niet in"):
        kadermap.commit("bestaat-niet")
    repo = Repository.open(voorbeeldrepo)
    assert repo is not None
    with pytest.raises(KaderdiffFout, match=r"De geschiedenis van kaders/2026/mbo.xml \(nergens\.\.HEAD\): git kan"):
        list(repo.historie("nergens..HEAD", "kaders/2026/mbo.xml"))
