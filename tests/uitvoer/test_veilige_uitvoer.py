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

from tests.hulp.draai import kd, kd_proces
from tests.hulp.paden import KADERS, kaders_sha, map_sha
from tests.hulp.repos import commit_alles, git_cmd, maak_repo

PAKKET = ["pakket", "--van", "2025", "--naar", "2026"]
STAAT = ["staat", "--van", "2025", "--naar", "2026"]


def geschiedenis(repo: Path) -> tuple[str, str]:
    return git_cmd(repo, "rev-parse", "HEAD"), git_cmd(repo, "status", "--porcelain")


@pytest.mark.parametrize("opdracht", [STAAT, [*PAKKET, "--sector", "mbo"]], ids=["staat", "pakket"])
@pytest.mark.parametrize("uit", ["kaders", "kaders/2026", "kaders/nieuw", ".", "REPO", ".git/uit", "..", "/"])
def test_uit_over_kaders_checkout_of_git_wordt_geweigerd(voorbeeldrepo: Path, opdracht: list[str], uit: str) -> None:
    kaders_voor, git_voor = kaders_sha(voorbeeldrepo / "kaders"), geschiedenis(voorbeeldrepo)
    doel = str(voorbeeldrepo) if uit == "REPO" else uit
    code, stdout, fout = kd([*opdracht, "--uit", doel], cwd=voorbeeldrepo)
    assert code == 2, stdout + fout
    assert fout.strip().startswith("Fout: ") and "uitvoermap" in fout.lower(), fout
    assert any(w in fout for w in ("kadermap", "repository", "git-map", "hoofdmap", "map waarin u staat")), fout
    assert kaders_sha(voorbeeldrepo / "kaders") == kaders_voor
    assert geschiedenis(voorbeeldrepo) == git_voor
    assert (voorbeeldrepo / ".git" / "HEAD").is_file()


def test_uit_over_een_vreemde_map_wordt_geweigerd(voorbeeldrepo: Path, tmp_path: Path) -> None:
    werk = tmp_path / "mijn-werk"
    werk.mkdir()
    (werk / "scriptie.docx").write_bytes(b"vier jaar werk")
    code, _, fout = kd([*STAAT, "--uit", str(werk)], cwd=voorbeeldrepo)
    assert code == 2
    assert "geen eerdere uitvoer van kaderdiff" in fout
    assert (werk / "scriptie.docx").read_bytes() == b"vier jaar werk"
    (werk / "scriptie.docx").unlink()
    assert kd([*STAAT, "--uit", str(werk)], cwd=voorbeeldrepo)[0] == 0, "een lege map mag"


def test_uit_een_bestand_wordt_geweigerd(voorbeeldrepo: Path, tmp_path: Path) -> None:
    bestand = tmp_path / "notities.txt"
    bestand.write_text("belangrijk", encoding="utf-8")
    code, _, fout = kd([*STAAT, "--uit", str(bestand)], cwd=voorbeeldrepo)
    assert code == 2 and "geen map" in fout
    assert bestand.read_text(encoding="utf-8") == "belangrijk"


def test_eerdere_uitvoer_ook_van_een_oudere_versie_wordt_vervangen(voorbeeldrepo: Path, tmp_path: Path) -> None:
    uit = tmp_path / "pakket"
    assert kd([*PAKKET, "--sector", "mbo", "--uit", str(uit)], cwd=voorbeeldrepo)[0] == 0
    assert kd([*PAKKET, "--sector", "mbo", "--uit", str(uit)], cwd=voorbeeldrepo)[0] == 0
    # a pack from before the marker: recognised by its manifest
    (uit / ".kaderdiff-uitvoer").unlink()
    assert json.loads((uit / "manifest.json").read_text(encoding="utf-8"))["formaat"].startswith("kaderdiff-pakket/")
    assert kd([*PAKKET, "--sector", "mbo", "--uit", str(uit)], cwd=voorbeeldrepo)[0] == 0
    # a Staat from before the marker: only its own files
    staat = tmp_path / "staat"
    assert kd([*STAAT, "--uit", str(staat)], cwd=voorbeeldrepo)[0] == 0
    (staat / ".kaderdiff-uitvoer").unlink()
    assert kd([*STAAT, "--uit", str(staat)], cwd=voorbeeldrepo)[0] == 0
    (staat / ".kaderdiff-uitvoer").unlink()
    (staat / "eigen-aantekening.txt").write_text("niet van kaderdiff", encoding="utf-8")
    assert kd([*STAAT, "--uit", str(staat)], cwd=voorbeeldrepo)[0] == 2
    assert (staat / "eigen-aantekening.txt").is_file()


def _voorstel_tak(repo: Path) -> None:
    git_cmd(repo, "checkout", "-q", "-b", "voorstel/x")
    mbo = repo / "kaders" / "2026" / "mbo.xml"
    # the eis, not the samenvatting at the top of the MBO kader that quotes the same words
    mbo.write_text(mbo.read_text(encoding="utf-8").replace("zorgt voor benoembaar/bevoegd en ", "zorgt voor ", 1),
                   encoding="utf-8")
    commit_alles(repo, "Voorstel")
    git_cmd(repo, "checkout", "-q", "main")


@pytest.mark.parametrize("doel", ["kaders/2026/mbo.xml", "kaders/bespreekstuk.docx", ".git/bespreek.docx",
                                  "README.md", "kaders"])
def test_voorstel_docx_schrijft_nooit_in_de_kadermap_of_over_een_vreemd_bestand(voorbeeldrepo: Path, doel: str) -> None:
    _voorstel_tak(voorbeeldrepo)
    (voorbeeldrepo / "README.md").write_text("# Eigen tekst\n", encoding="utf-8")
    commit_alles(voorbeeldrepo, "README")
    kaders_voor, git_voor = kaders_sha(voorbeeldrepo / "kaders"), geschiedenis(voorbeeldrepo)
    code, uit, fout = kd(["voorstel", "voorstel/x", "--docx", doel], cwd=voorbeeldrepo)
    assert code == 2, uit + fout
    assert "bespreekstuk" in fout.lower() or "--docx" in fout
    assert kaders_sha(voorbeeldrepo / "kaders") == kaders_voor
    assert geschiedenis(voorbeeldrepo) == git_voor
    assert (voorbeeldrepo / "README.md").read_text(encoding="utf-8") == "# Eigen tekst\n"


def test_voorstel_docx_vervangt_wel_een_eigen_bespreekstuk(voorbeeldrepo: Path, tmp_path: Path) -> None:
    _voorstel_tak(voorbeeldrepo)
    docx = tmp_path / "bespreek.docx"
    for _ in range(2):
        code, _, fout = kd(["voorstel", "voorstel/x", "--docx", str(docx)], cwd=voorbeeldrepo)
        assert code == 0, fout
    assert docx.read_bytes().startswith(b"PK")


def _dood_proces() -> int:
    proces = subprocess.Popen([sys.executable, "-c", "pass"])
    proces.wait()
    return proces.pid


def test_achtergebleven_bouwmappen_van_gestopte_runs_worden_opgeruimd(voorbeeldrepo: Path, tmp_path: Path) -> None:
    uit = tmp_path / "pakket-2026"
    dood = _dood_proces()
    verweesd = tmp_path / f".pakket-2026.bouw-{dood}-0123abcd"
    (verweesd / "sub").mkdir(parents=True)
    (verweesd / "sub" / "half.docx").write_bytes(b"half")
    levend = tmp_path / f".pakket-2026.bouw-{os.getpid()}-89abcdef"  # a build that is still running
    levend.mkdir()
    vreemd = tmp_path / ".pakket-2026.bouw-van-iemand-anders"
    vreemd.mkdir()
    code, _, fout = kd([*PAKKET, "--sector", "mbo", "--uit", str(uit)], cwd=voorbeeldrepo)
    assert code == 0, fout
    assert not verweesd.exists()
    assert levend.is_dir() and vreemd.is_dir(), "alleen mappen van gestopte kaderdiff-processen"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".pakket")) == sorted(
        [levend.name, vreemd.name])


def test_half_verwisseld_pakket_komt_terug(voorbeeldrepo: Path, tmp_path: Path) -> None:
    """Without an atomic exchange, a kill between the two renames leaves the old pack aside: the next run
    puts it back before anything else."""
    uit = tmp_path / "pakket-2026"
    assert kd([*PAKKET, "--sector", "mbo", "--uit", str(uit)], cwd=voorbeeldrepo)[0] == 0
    eerder = map_sha(uit)
    opzij = tmp_path / f".pakket-2026.oud-{_dood_proces()}-0123abcd"
    uit.rename(opzij)
    mbo = voorbeeldrepo / "kaders" / "2026" / "mbo.xml"
    mbo.write_text(mbo.read_text(encoding="utf-8").replace("</kader>", "</kadr>"), encoding="utf-8")
    commit_alles(voorbeeldrepo, "Kapot")
    code, _, fout = kd([*PAKKET, "--sector", "mbo", "--uit", str(uit)], cwd=voorbeeldrepo)
    assert code == 2 and "geen geldige XML" in fout
    assert map_sha(uit) == eerder
    assert not opzij.exists()


@pytest.mark.parametrize(("umask", "modus"), [(0o022, 0o755), (0o027, 0o750)])
def test_pakketmap_krijgt_de_gewone_modus(voorbeeldrepo: Path, tmp_path: Path, umask: int, modus: int) -> None:
    uit = tmp_path / "pakket"
    proces = kd_proces([*PAKKET, "--sector", "mbo", "--uit", str(uit)], voorbeeldrepo,
                       voor_start=lambda: os.umask(umask))
    assert proces.returncode == 0, proces.stderr
    assert uit.stat().st_mode & 0o777 == modus
    assert (uit / "index.html").stat().st_mode & 0o777 == 0o666 & ~umask


def test_schrijffout_noemt_de_uitvoermap_in_het_nederlands(voorbeeldrepo: Path, tmp_path: Path) -> None:
    """A write that fails half-way (here: a file size limit, as a full disk would) names --uit, not the hidden
    build directory, says what is wrong in Dutch, and leaves the earlier pack whole."""
    uit = tmp_path / "pakket"
    assert kd([*PAKKET, "--sector", "mbo", "--uit", str(uit)], cwd=voorbeeldrepo)[0] == 0
    eerder = map_sha(uit)

    def klein() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))

    proces = kd_proces([*PAKKET, "--sector", "mbo", "--uit", str(uit)], voorbeeldrepo, voor_start=klein)
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


# -- one guard for every output place (issue 29) ---------------------------------------------------------------
# Before issue 29, `importeer --uit .git` (or .git/hooks/post-checkout, .git/info/attributes) wrote into the git
# directory with exit 0, `importeer --uit .` wrote ./mbo.xml in the repository root, and `impact --uit
# kaders/2026` (also kaders, . and .git) wrote three files among the kaders or into .git, replacing same-named
# files without asking.

def boom_afdruk(map_: Path) -> dict[str, str]:
    """Every path under a folder (.git too), with the sha256 of each file: what 'nothing changed' compares."""
    afdruk = map_sha(map_)
    afdruk.update({p.relative_to(map_).as_posix() + "/": "map" for p in map_.rglob("*") if p.is_dir()})
    return afdruk


def _docx(map_: Path, jaar: int = 2026) -> Path:
    from datetime import UTC, datetime

    from kaderdiff.bron.laden import laad_bestand
    from kaderdiff.render.docx_kader import render_kader_docx

    pad = map_ / f"{jaar}.docx"
    if not pad.exists():
        map_.mkdir(parents=True, exist_ok=True)
        pad.write_bytes(render_kader_docx(laad_bestand(KADERS / str(jaar) / "mbo.xml"),
                                          datetime(2026, 3, 1, tzinfo=UTC)))
    return pad


def _opdracht(optie: str, plek: str, repo: Path, werk: Path) -> list[str]:
    kaders = ["--kaders", str(repo / "kaders")]
    importeer = ["importeer", str(_docx(werk / "word")), "--sector", "mbo", "--jaar", "2026", *kaders]
    return {
        "staat --uit": [*STAAT, "--sector", "mbo", *kaders, "--uit", plek],
        "pakket --uit": [*PAKKET, "--sector", "mbo", *kaders, "--uit", plek],
        "site --uit": ["site", *kaders, "--uit", plek],
        "impact --uit": ["impact", "--wet", "WEB", "--van-datum", "2025-08-01", "--naar-datum", "2026-08-01",
                         *kaders, "--uit", plek],
        "importeer --uit": [*importeer, "--uit", plek],
        "importeer --rapport": [*importeer, "--uit", str(werk / "mbo.xml"), "--rapport", plek],
        "importeer --geschiedenis --uit": ["importeer", "--geschiedenis", str(_docx(werk / "jaren", 2025).parent),
                                           "--sector", "mbo", *kaders, "--uit", plek],
        "voorstel --docx": ["voorstel", "voorstel/x", *kaders, "--docx", plek],
    }[optie]


UITVOEROPTIES = ["staat --uit", "pakket --uit", "site --uit", "impact --uit", "importeer --uit",
                 "importeer --rapport", "importeer --geschiedenis --uit", "voorstel --docx"]
BESCHERMDE_PLEKKEN = [".git", ".git/hooks/post-checkout", ".git/info/attributes", ".", "REPO", "kaders",
                      "kaders/2026", "kaders/2026/mbo.xml"]


@pytest.fixture(scope="module")
def werk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Word documents to import (made once): a kader of 2026, and a folder with 2025 and 2026."""
    map_ = tmp_path_factory.mktemp("invoer")
    _docx(map_ / "word")
    _docx(map_ / "jaren", 2025)
    _docx(map_ / "jaren", 2026)
    return map_


@pytest.mark.parametrize("plek", BESCHERMDE_PLEKKEN)
@pytest.mark.parametrize("optie", UITVOEROPTIES)
def test_geen_uitvoer_in_git_kaders_of_de_hoofdmap(voorbeeldrepo: Path, werk: Path, optie: str, plek: str,
                                                    tmp_path: Path) -> None:
    from tests.hulp.vijandig import nederlands

    _voorstel_tak(voorbeeldrepo)
    (voorbeeldrepo / ".git" / "info").mkdir(exist_ok=True)
    (voorbeeldrepo / ".git" / "info" / "attributes").write_text("# van de redactie\n", encoding="utf-8")
    voor = boom_afdruk(voorbeeldrepo)
    # the repository root given by its full path, from outside it; every other place as typed in the checkout
    doel, cwd = (str(voorbeeldrepo), tmp_path) if plek == "REPO" else (plek, voorbeeldrepo)
    code, uit, fout = kd(_opdracht(optie, doel, voorbeeldrepo, werk), cwd=cwd)
    assert code == 2, uit + fout
    assert fout.strip().startswith("Fout: ") and fout.strip().count("\n") == 0, fout
    nederlands(fout)
    assert boom_afdruk(voorbeeldrepo) == voor, "er is iets geschreven of gewijzigd"
    assert not (werk / "mbo.xml").exists()


def test_importeer_schrijft_wel_een_kader_in_de_kadermap(voorbeeldrepo: Path, werk: Path) -> None:
    """What importeer --uit is for: a kader as JAAR/SECTOR.xml in the kadermap (an existing one with
    --overschrijf)."""
    args = ["importeer", str(_docx(werk / "word")), "--sector", "mbo", "--jaar", "2026"]
    code, _, fout = kd([*args, "--uit", "kaders/2026", "--overschrijf"], cwd=voorbeeldrepo)
    assert code == 0, fout
    (voorbeeldrepo / "kaders" / "2027" / "mbo.xml").unlink(missing_ok=True)
    code, _, fout = kd([*args, "--uit", "kaders/2027/mbo.xml"], cwd=voorbeeldrepo)
    assert code == 0, fout
    assert (voorbeeldrepo / "kaders" / "2027" / "mbo.xml").read_bytes().startswith(b"<?xml")


@pytest.mark.parametrize("plek", ["kaders/mbo.xml", "kaders/wetten/mbo.xml", "docs/mbo.xml", "mbo.xml"])
def test_importeer_schrijft_geen_kader_elders_in_de_repository(voorbeeldrepo: Path, werk: Path, plek: str) -> None:
    voor = boom_afdruk(voorbeeldrepo)
    code, _, fout = kd(["importeer", str(_docx(werk / "word")), "--sector", "mbo", "--jaar", "2026", "--uit", plek],
                       cwd=voorbeeldrepo)
    assert code == 2 and ("JAAR/SECTOR.xml" in fout), fout
    assert boom_afdruk(voorbeeldrepo) == voor


def test_impact_uit_vervangt_alleen_eigen_uitvoer(voorbeeldrepo: Path, tmp_path: Path) -> None:
    impact = ["impact", "--wet", "WEB", "--van-datum", "2025-08-01", "--naar-datum", "2026-08-01"]
    uit = tmp_path / "wetimpact"
    uit.mkdir()
    naam = "web-2025-08-01-2026-08-01-wetimpact.json"
    (uit / naam).write_text("mijn eigen aantekeningen", encoding="utf-8")
    code, _, fout = kd([*impact, "--uit", str(uit)], cwd=voorbeeldrepo)
    assert code == 2 and "geen eerdere uitvoer van kaderdiff" in fout
    assert (uit / naam).read_text(encoding="utf-8") == "mijn eigen aantekeningen"
    (uit / naam).unlink()
    for _ in range(2):  # empty, then its own earlier output
        code, _, fout = kd([*impact, "--uit", str(uit)], cwd=voorbeeldrepo)
        assert code == 0, fout
    assert sorted(p.name for p in uit.iterdir())[0] == ".kaderdiff-uitvoer"
