"""Nothing lost: --uit and --docx only ever replace kaderdiff's own output, in one atomic step.

Each test here failed before issue 11 (kaderdiff then deleted kaders and checkouts, overwrote a kader with a
docx, left stale build directories, wrote packs with mode 0700 and named its hidden build directory in errors).
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import commit_alles, git_cmd, kaders_sha, kd, kd_proces, maak_repo, map_sha

PAKKET = ["pakket", "--van", "2025", "--naar", "2026"]
STAAT = ["staat", "--van", "2025", "--naar", "2026"]


def geschiedenis(repo: Path) -> tuple[str, str]:
    return git_cmd(repo, "rev-parse", "HEAD"), git_cmd(repo, "status", "--porcelain")


@pytest.mark.parametrize("opdracht", [STAAT, [*PAKKET, "--sector", "mbo"]], ids=["staat", "pakket"])
@pytest.mark.parametrize("uit", ["kaders", "kaders/2026", "kaders/nieuw", ".", "REPO", ".git/uit", "..", "/"])
def test_uit_over_kaders_checkout_of_git_wordt_geweigerd(kaderrepo: Path, opdracht: list[str], uit: str) -> None:
    kaders_voor, git_voor = kaders_sha(kaderrepo / "kaders"), geschiedenis(kaderrepo)
    doel = str(kaderrepo) if uit == "REPO" else uit
    code, stdout, fout = kd([*opdracht, "--uit", doel], cwd=kaderrepo)
    assert code == 2, stdout + fout
    assert fout.strip().startswith("Fout: ") and "uitvoermap" in fout.lower(), fout
    assert any(w in fout for w in ("kadermap", "repository", "git-map", "hoofdmap", "map waarin u staat")), fout
    assert kaders_sha(kaderrepo / "kaders") == kaders_voor
    assert geschiedenis(kaderrepo) == git_voor
    assert (kaderrepo / ".git" / "HEAD").is_file()


def test_uit_over_een_vreemde_map_wordt_geweigerd(kaderrepo: Path, tmp_path: Path) -> None:
    werk = tmp_path / "mijn-werk"
    werk.mkdir()
    (werk / "scriptie.docx").write_bytes(b"vier jaar werk")
    code, _, fout = kd([*STAAT, "--uit", str(werk)], cwd=kaderrepo)
    assert code == 2
    assert "geen eerdere uitvoer van kaderdiff" in fout
    assert (werk / "scriptie.docx").read_bytes() == b"vier jaar werk"
    (werk / "scriptie.docx").unlink()
    assert kd([*STAAT, "--uit", str(werk)], cwd=kaderrepo)[0] == 0, "een lege map mag"


def test_uit_een_bestand_wordt_geweigerd(kaderrepo: Path, tmp_path: Path) -> None:
    bestand = tmp_path / "notities.txt"
    bestand.write_text("belangrijk", encoding="utf-8")
    code, _, fout = kd([*STAAT, "--uit", str(bestand)], cwd=kaderrepo)
    assert code == 2 and "geen map" in fout
    assert bestand.read_text(encoding="utf-8") == "belangrijk"


def test_eerdere_uitvoer_ook_van_een_oudere_versie_wordt_vervangen(kaderrepo: Path, tmp_path: Path) -> None:
    uit = tmp_path / "pakket"
    assert kd([*PAKKET, "--sector", "mbo", "--uit", str(uit)], cwd=kaderrepo)[0] == 0
    assert kd([*PAKKET, "--sector", "mbo", "--uit", str(uit)], cwd=kaderrepo)[0] == 0
    # a pack from before the marker: recognised by its manifest
    (uit / ".kaderdiff-uitvoer").unlink()
    assert json.loads((uit / "manifest.json").read_text(encoding="utf-8"))["formaat"].startswith("kaderdiff-pakket/")
    assert kd([*PAKKET, "--sector", "mbo", "--uit", str(uit)], cwd=kaderrepo)[0] == 0
    # a Staat from before the marker: only its own files
    staat = tmp_path / "staat"
    assert kd([*STAAT, "--uit", str(staat)], cwd=kaderrepo)[0] == 0
    (staat / ".kaderdiff-uitvoer").unlink()
    assert kd([*STAAT, "--uit", str(staat)], cwd=kaderrepo)[0] == 0
    (staat / ".kaderdiff-uitvoer").unlink()
    (staat / "eigen-aantekening.txt").write_text("niet van kaderdiff", encoding="utf-8")
    assert kd([*STAAT, "--uit", str(staat)], cwd=kaderrepo)[0] == 2
    assert (staat / "eigen-aantekening.txt").is_file()


def _voorstel_tak(repo: Path) -> None:
    git_cmd(repo, "checkout", "-q", "-b", "voorstel/x")
    mbo = repo / "kaders" / "2026" / "mbo.xml"
    mbo.write_text(mbo.read_text(encoding="utf-8").replace("benoembaar/bevoegd en ", "", 1), encoding="utf-8")
    commit_alles(repo, "Voorstel")
    git_cmd(repo, "checkout", "-q", "main")


@pytest.mark.parametrize("doel", ["kaders/2026/mbo.xml", "kaders/bespreekstuk.docx", ".git/bespreek.docx",
                                  "README.md", "kaders"])
def test_voorstel_docx_schrijft_nooit_in_de_kadermap_of_over_een_vreemd_bestand(kaderrepo: Path, doel: str) -> None:
    _voorstel_tak(kaderrepo)
    (kaderrepo / "README.md").write_text("# Eigen tekst\n", encoding="utf-8")
    commit_alles(kaderrepo, "README")
    kaders_voor, git_voor = kaders_sha(kaderrepo / "kaders"), geschiedenis(kaderrepo)
    code, uit, fout = kd(["voorstel", "voorstel/x", "--docx", doel], cwd=kaderrepo)
    assert code == 2, uit + fout
    assert "bespreekstuk" in fout.lower() or "--docx" in fout
    assert kaders_sha(kaderrepo / "kaders") == kaders_voor
    assert geschiedenis(kaderrepo) == git_voor
    assert (kaderrepo / "README.md").read_text(encoding="utf-8") == "# Eigen tekst\n"


def test_voorstel_docx_vervangt_wel_een_eigen_bespreekstuk(kaderrepo: Path, tmp_path: Path) -> None:
    _voorstel_tak(kaderrepo)
    docx = tmp_path / "bespreek.docx"
    for _ in range(2):
        code, _, fout = kd(["voorstel", "voorstel/x", "--docx", str(docx)], cwd=kaderrepo)
        assert code == 0, fout
    assert docx.read_bytes().startswith(b"PK")


def _dood_proces() -> int:
    proces = subprocess.Popen([sys.executable, "-c", "pass"])
    proces.wait()
    return proces.pid


def test_achtergebleven_bouwmappen_van_gestopte_runs_worden_opgeruimd(kaderrepo: Path, tmp_path: Path) -> None:
    uit = tmp_path / "pakket-2026"
    dood = _dood_proces()
    verweesd = tmp_path / f".pakket-2026.bouw-{dood}-0123abcd"
    (verweesd / "sub").mkdir(parents=True)
    (verweesd / "sub" / "half.docx").write_bytes(b"half")
    levend = tmp_path / f".pakket-2026.bouw-{os.getpid()}-89abcdef"  # a build that is still running
    levend.mkdir()
    vreemd = tmp_path / ".pakket-2026.bouw-van-iemand-anders"
    vreemd.mkdir()
    code, _, fout = kd([*PAKKET, "--sector", "mbo", "--uit", str(uit)], cwd=kaderrepo)
    assert code == 0, fout
    assert not verweesd.exists()
    assert levend.is_dir() and vreemd.is_dir(), "alleen mappen van gestopte kaderdiff-processen"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".pakket")) == sorted(
        [levend.name, vreemd.name])


def test_half_verwisseld_pakket_komt_terug(kaderrepo: Path, tmp_path: Path) -> None:
    """Without an atomic exchange, a kill between the two renames leaves the old pack aside: the next run
    puts it back before anything else."""
    uit = tmp_path / "pakket-2026"
    assert kd([*PAKKET, "--sector", "mbo", "--uit", str(uit)], cwd=kaderrepo)[0] == 0
    eerder = map_sha(uit)
    opzij = tmp_path / f".pakket-2026.oud-{_dood_proces()}-0123abcd"
    uit.rename(opzij)
    mbo = kaderrepo / "kaders" / "2026" / "mbo.xml"
    mbo.write_text(mbo.read_text(encoding="utf-8").replace("</kader>", "</kadr>"), encoding="utf-8")
    commit_alles(kaderrepo, "Kapot")
    code, _, fout = kd([*PAKKET, "--sector", "mbo", "--uit", str(uit)], cwd=kaderrepo)
    assert code == 2 and "geen geldige XML" in fout
    assert map_sha(uit) == eerder
    assert not opzij.exists()


@pytest.mark.parametrize(("umask", "modus"), [(0o022, 0o755), (0o027, 0o750)])
def test_pakketmap_krijgt_de_gewone_modus(kaderrepo: Path, tmp_path: Path, umask: int, modus: int) -> None:
    uit = tmp_path / "pakket"
    proces = kd_proces([*PAKKET, "--sector", "mbo", "--uit", str(uit)], kaderrepo, voor_start=lambda: os.umask(umask))
    assert proces.returncode == 0, proces.stderr
    assert uit.stat().st_mode & 0o777 == modus
    assert (uit / "index.html").stat().st_mode & 0o777 == 0o666 & ~umask


def test_schrijffout_noemt_de_uitvoermap_in_het_nederlands(kaderrepo: Path, tmp_path: Path) -> None:
    """A write that fails half-way (here: a file size limit, as a full disk would) names --uit, not the hidden
    build directory, says what is wrong in Dutch, and leaves the earlier pack whole."""
    uit = tmp_path / "pakket"
    assert kd([*PAKKET, "--sector", "mbo", "--uit", str(uit)], cwd=kaderrepo)[0] == 0
    eerder = map_sha(uit)

    def klein() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))

    proces = kd_proces([*PAKKET, "--sector", "mbo", "--uit", str(uit)], kaderrepo, voor_start=klein)
    assert proces.returncode == 2, proces.stderr
    fout = proces.stderr
    assert f"{uit}/" in fout and "kan niet worden geschreven: het bestand is te groot" in fout, fout
    assert ".bouw-" not in fout and "None" not in fout and "Traceback" not in fout
    assert "File too large" not in fout
    assert map_sha(uit) == eerder
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pakket", "repo"]


def test_kadermap_zonder_git_beschermt_ook(tmp_path: Path) -> None:
    repo = maak_repo(tmp_path / "repo")
    kaders = repo / "kaders"
    code, _, fout = kd([*STAAT, "--kaders", str(kaders), "--uit", str(kaders / "2025")], cwd=tmp_path)
    assert code == 2 and "kadermap" in fout
