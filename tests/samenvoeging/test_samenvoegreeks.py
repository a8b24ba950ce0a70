"""The first merge driver of a `git merge` merges every kader; the later ones copy what it prepared.

Real `git merge` and `git rebase` runs in a repository set up by `kaderdiff init`: the result must be the
same whichever driver did the work, a later start must work without lxml (that is where the time goes), a
merge that is aborted and started again finds the prepared results, and a rebase (no prepared results)
merges each kader by itself.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from kaderdiff.samenvoeging import reeks as samenvoegreeks
from kaderdiff.uitvoer.parallel import verdeel
from kaderdiff.versiebeheer.opdracht import gitmap
from tests.hulp.kaderbewerking import bewerkt, per_id, tekst
from tests.hulp.repos import GIT_OMGEVING, git_cmd, leg_vast, merge

KADERS_2026 = [Path("kaders") / "2026" / f"{sector}.xml" for sector in ("mbo", "po", "vo")]


def twee_takken(repo: Path, hun_tekst: str = "Hun woord vooraf.") -> None:
    """On every kader of 2026: 'hun' rewords wv-a1, 'onze' (checked out) rewords wv-a2."""
    for tak, element_id, nieuw in (("hun", "wv-a1", hun_tekst), ("onze", "wv-a2", "Onze tekst.")):
        git_cmd(repo, "checkout", "-q", "-b", tak, "main")
        for pad in KADERS_2026:
            (repo / pad).write_bytes(bewerkt((repo / pad).read_bytes(), tekst(element_id, nieuw)))
        leg_vast(repo, f"Wijziging op {tak}")


def teksten(repo: Path, pad: Path) -> tuple[str, str]:
    ids = per_id(etree.fromstring((repo / pad).read_bytes()))
    return ids["wv-a1"].text, ids["wv-a2"].text


def blob(repo: Path, ref: str, pad: Path) -> bytes:
    return subprocess.run(["git", "show", f"{ref}:{pad.as_posix()}"], cwd=repo, capture_output=True,
                          check=True).stdout


def voorraad(repo: Path) -> Path:
    return Path(git_cmd(repo, "rev-parse", "--absolute-git-dir")) / samenvoegreeks.VOORRAAD


def test_de_eerste_start_bereidt_elk_kader_voor(initrepo: Path) -> None:
    twee_takken(initrepo)
    uitkomst = merge(initrepo)
    assert uitkomst.returncode == 0, uitkomst.stdout + uitkomst.stderr
    for pad in KADERS_2026:
        assert teksten(initrepo, pad) == ("Hun woord vooraf.", "Onze tekst.")
    bewaard = sorted(p.name for p in voorraad(initrepo).iterdir())
    assert bewaard.count(samenvoegreeks.REEKS) == 1 and len(bewaard) == len(KADERS_2026) + 1
    # each stored result is the merged kader, named by the path and the three versions
    for pad in KADERS_2026:
        versies = [blob(initrepo, ref, pad) for ref in ("main", "HEAD^1", "HEAD^2")]
        naam = samenvoegreeks.sleutel(pad.as_posix(), *versies)
        resultaat = samenvoegreeks.lees(str(voorraad(initrepo)), naam)
        assert resultaat is not None and resultaat.data == (initrepo / pad).read_bytes()


def test_een_latere_start_kopieert_zonder_lxml(initrepo: Path, tmp_path: Path) -> None:
    """The later starts are what makes a merge of many kaders fast: they may not load lxml (or argparse)."""
    twee_takken(initrepo)
    assert merge(initrepo).returncode == 0
    pad = KADERS_2026[1]
    drie = {}
    for naam, ref in (("basis", "main"), ("onze", "HEAD^1"), ("hun", "HEAD^2")):
        drie[naam] = tmp_path / f"{naam}.xml"
        drie[naam].write_bytes(blob(initrepo, ref, pad))
    vergiftigd = tmp_path / "vergiftigd"
    for module in ("lxml", "argparse"):
        (vergiftigd / module).mkdir(parents=True)
        (vergiftigd / module / "__init__.py").write_text(f"raise ImportError('{module} geladen')\n")
    omgeving = {**os.environ, "PYTHONPATH": f"{vergiftigd}{os.pathsep}{Path.cwd()}"}
    uitkomst = subprocess.run([sys.executable, "-m", "kaderdiff.cli.samenvoeghulp", str(drie["basis"]),
                               str(drie["onze"]), str(drie["hun"]), pad.as_posix()], cwd=initrepo,
                              capture_output=True, text=True, env=omgeving)
    assert uitkomst.returncode == 0, uitkomst.stderr
    assert drie["onze"].read_bytes() == (initrepo / pad).read_bytes()
    # other bytes than were prepared: this start would have to merge, and cannot without lxml
    drie["onze"].write_bytes(blob(initrepo, "HEAD^1", pad) + b"\n")
    anders = subprocess.run([sys.executable, "-m", "kaderdiff.cli.samenvoeghulp", str(drie["basis"]),
                             str(drie["onze"]), str(drie["hun"]), pad.as_posix()], cwd=initrepo,
                            capture_output=True, text=True, env=omgeving)
    assert anders.returncode != 0 and "geladen" in anders.stderr


def test_een_afgebroken_merge_vindt_zijn_resultaten_terug(initrepo: Path) -> None:
    twee_takken(initrepo)
    git_cmd(initrepo, "checkout", "-q", "hun")
    (initrepo / KADERS_2026[0]).write_bytes(bewerkt((initrepo / KADERS_2026[0]).read_bytes(),
                                                      tekst("wv-a2", "Hun andere tekst.")))
    leg_vast(initrepo, "Ook wv-a2 op hun")
    git_cmd(initrepo, "checkout", "-q", "onze")
    eerste = merge(initrepo)
    assert eerste.returncode != 0 and "1 conflict(en) per element" in eerste.stderr
    conflict = (initrepo / KADERS_2026[0]).read_bytes()
    reeks = (voorraad(initrepo) / samenvoegreeks.REEKS).read_bytes()
    git_cmd(initrepo, "merge", "--abort")
    tweede = merge(initrepo)
    assert tweede.returncode != 0 and "1 conflict(en) per element" in tweede.stderr
    assert (initrepo / KADERS_2026[0]).read_bytes() == conflict
    assert (voorraad(initrepo) / samenvoegreeks.REEKS).read_bytes() == reeks
    assert teksten(initrepo, KADERS_2026[1]) == ("Hun woord vooraf.", "Onze tekst.")


def test_rebase_voegt_elk_kader_zelf_samen(initrepo: Path) -> None:
    twee_takken(initrepo)
    uitkomst = subprocess.run(["git", "rebase", "hun"], cwd=initrepo, capture_output=True, text=True,
                              env={**os.environ, **GIT_OMGEVING})
    assert uitkomst.returncode == 0, uitkomst.stdout + uitkomst.stderr
    for pad in KADERS_2026:
        assert teksten(initrepo, pad) == ("Hun woord vooraf.", "Onze tekst.")
    assert not voorraad(initrepo).exists()


def test_opruimen_laat_vreemde_bestanden_staan(tmp_path: Path) -> None:
    eigen = ["a" * 64, f"{'b' * 64}.123.tmp", samenvoegreeks.REEKS]
    vreemd = ["notities.txt", "a" * 63, f"{'c' * 64}.txt", f"{'d' * 64}x"]
    for naam in eigen + vreemd:
        (tmp_path / naam).write_text("x")
    samenvoegreeks._ruim_op(str(tmp_path))
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(vreemd)


def test_gitmap_zoals_git_hem_vindt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    git_cmd(repo, "init", "-q")
    (repo / "a.txt").write_text("a")
    leg_vast(repo, "a")
    (repo / "sub").mkdir()
    assert gitmap(str(repo / "sub")) == str(repo / ".git")
    git_cmd(repo, "worktree", "add", "-q", str(tmp_path / "boom"))
    verwacht = git_cmd(tmp_path / "boom", "rev-parse", "--absolute-git-dir")
    assert gitmap(str(tmp_path / "boom")) == verwacht
    monkeypatch.setenv("GIT_DIR", "elders/.git")
    monkeypatch.chdir(tmp_path)
    assert gitmap(str(repo)) == str(tmp_path / "elders" / ".git")


def _schrijf_of_faal(opdracht: tuple[Path, str]) -> None:
    map_, naam = opdracht
    if naam == "fout":
        raise ValueError("deze opdracht faalt")
    (map_ / naam).write_text(str(os.getpid()))


def test_verdeel_meldt_een_mislukte_opdracht(tmp_path: Path) -> None:
    namen = ["a", "b", "fout", "c", "d"]
    assert verdeel(_schrijf_of_faal, [(tmp_path, n) for n in namen if n != "fout"], 2)
    assert {p.name for p in tmp_path.iterdir()} == {"a", "b", "c", "d"}
    for p in tmp_path.iterdir():
        p.unlink()
    assert not verdeel(_schrijf_of_faal, [(tmp_path, n) for n in namen], 2)
    assert {"a", "b"} <= {p.name for p in tmp_path.iterdir()}
