"""kaderdiff as the inspectie installs it: a wheel, built from the sdist, in a fresh venv outside the checkout.

From there `kaderdiff init` sets up a kaders repository in an empty folder, the sample kaders go in, the
commit check and the merge driver of the installed kaderdiff run in real git, and the pack is built: the
templates, the schema and the law registry must all come from the installed package.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from tests.hulp.kaderbewerking import bewerkt, tekst
from tests.hulp.paden import KADERS, REPO
from tests.hulp.repos import GIT_OMGEVING

TIJD = 900


def _uitvoeren(opdracht: list[str | Path], cwd: Path, omgeving: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(d) for d in opdracht], cwd=cwd, env=omgeving, capture_output=True, text=True,
                          timeout=TIJD)


def _bronbestanden() -> list[str]:
    """What git tracks of the package and the templates: all of it must be in the wheel."""
    uit = subprocess.run(["git", "ls-files", "kaderdiff", "templates"], cwd=REPO, capture_output=True, text=True,
                         check=True).stdout.split()
    return [p.replace("templates/", "kaderdiff/sjablonen/", 1) if p.startswith("templates/") else p for p in uit]


@pytest.mark.echte_client
def test_wiel_in_een_verse_omgeving_richt_een_repository_in_en_bouwt_het_pakket(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    gebouwd = _uitvoeren([sys.executable, "-m", "build", "--outdir", dist, REPO], tmp_path, dict(os.environ))
    assert gebouwd.returncode == 0, gebouwd.stdout[-3000:] + gebouwd.stderr[-3000:]
    (wiel,), (sdist,) = sorted(dist.glob("*.whl")), sorted(dist.glob("*.tar.gz"))
    with zipfile.ZipFile(wiel) as z:
        in_wiel = set(z.namelist())
    ontbreekt = sorted(set(_bronbestanden()) - in_wiel)
    assert not ontbreekt, f"niet in het wiel: {ontbreekt}"
    assert {"kaderdiff/sjablonen/kaderdiff.docx", "kaderdiff/sjablonen/repo/README.md",
            "kaderdiff/bron/schema/kader.xsd", "kaderdiff/bron/wetten.toml"} <= in_wiel
    with tarfile.open(sdist) as t:
        in_sdist = {n.split("/", 1)[1] for n in t.getnames() if "/" in n}
    assert {"templates/kaderdiff.docx", "templates/staat.html.j2", "pyproject.toml", "kaders/2026/mbo.xml"} <= in_sdist

    omgeving_map = tmp_path / "omgeving"
    assert _uitvoeren([sys.executable, "-m", "venv", omgeving_map], tmp_path, dict(os.environ)).returncode == 0
    omgeving = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "KADERDIFF_CACHE")}
    omgeving |= GIT_OMGEVING
    geinstalleerd = _uitvoeren([omgeving_map / "bin" / "python", "-m", "pip", "install", "-q", wiel], tmp_path,
                               omgeving)
    assert geinstalleerd.returncode == 0, geinstalleerd.stderr[-3000:]
    kaderdiff = omgeving_map / "bin" / "kaderdiff"
    sjablonen = _uitvoeren([omgeving_map / "bin" / "python", "-c",
                            "from kaderdiff.uitvoer.sjablonen import SJABLONEN; print(SJABLONEN)"], tmp_path, omgeving)
    assert Path(sjablonen.stdout.strip()).is_relative_to(omgeving_map), sjablonen.stdout + sjablonen.stderr

    werk = tmp_path / "werk"
    werk.mkdir()
    ingericht = _uitvoeren([kaderdiff, "init", "kaders-van-de-inspectie"], werk, omgeving)
    assert ingericht.returncode == 0, ingericht.stderr
    repo = werk / "kaders-van-de-inspectie"
    assert (repo / "README.md").is_file() and (repo / ".git" / "hooks" / "pre-commit").is_file()
    for jaar in ("2025", "2026"):
        shutil.copytree(KADERS / jaar, repo / "kaders" / jaar)
    for wet in (KADERS / "wetten").iterdir():
        shutil.copytree(wet, repo / "kaders" / "wetten" / wet.name)

    def git(*args: str) -> subprocess.CompletedProcess[str]:
        return _uitvoeren(["git", *args], repo, omgeving)

    assert git("checkout", "-q", "-b", "main").returncode == 0
    assert git("add", "-A").returncode == 0
    vastgelegd = git("commit", "-q", "-m", "Kaders overgenomen")  # the installed commit check runs
    assert vastgelegd.returncode == 0, vastgelegd.stderr

    pakket = _uitvoeren([kaderdiff, "pakket", "--van", "2025", "--naar", "2026"], repo, omgeving)
    assert pakket.returncode == 0, pakket.stderr[-3000:]
    uit = repo / "build" / "pakket-2026"
    assert (uit / "index.html").is_file() and (uit / "manifest.json").is_file()
    assert len(list(uit.glob("*.docx"))) >= 6

    # the installed merge driver, in a real git merge of two branches
    kader = repo / "kaders" / "2026" / "mbo.xml"
    basis = kader.read_bytes()
    for tak, bewerking in (("hun", tekst("wv-a1", "Hun woord vooraf.")), ("onze", tekst("wv-a2", "Onze zin."))):
        assert git("checkout", "-q", "-b", tak, "main").returncode == 0
        kader.write_bytes(bewerkt(basis, bewerking))
        assert git("commit", "-q", "-am", tak).returncode == 0
    samengevoegd = git("merge", "--no-edit", "hun")
    assert samengevoegd.returncode == 0, samengevoegd.stdout + samengevoegd.stderr
    wortel = etree.fromstring(kader.read_bytes())
    assert [wortel.find(f".//alinea[@id='{i}']").text for i in ("wv-a1", "wv-a2")] == ["Hun woord vooraf.",
                                                                                       "Onze zin."]
