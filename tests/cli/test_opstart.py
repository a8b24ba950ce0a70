"""Start-up: each command imports only what it needs.

Checked by what Python reports importing (`-X importtime`), not by timing: a command that starts
pulling in GitPython, python-docx, Jinja2 or Rich again fails here on any machine.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import git
import pytest

from kaderdiff.bron.bestanden import RACY_SECONDEN
from kaderdiff.bron.versies import KaderMap
from kaderdiff.cli.app import COMMANDOS
from kaderdiff.cli.foutafhandeling import FOUT_INTERN, voer_veilig_uit
from kaderdiff.versiebeheer.plek import zoek_git_map
from tests.hulp.repos import git_cmd

#: Needed by no small command: documents, templates, git, tables, fuzzy matching, and the standard library's
#: heavier corners (xml.sax.saxutils pulls in urllib.request; tempfile and traceback only serve errors).
ZWAAR = ("git", "gitdb", "docx", "jinja2", "rich", "lxml", "rapidfuzz", "diff_match_patch", "xml.sax",
         "urllib.request", "tempfile", "traceback")
ARTIKEL = "artikel 7.2.4a, eerste lid, WEB"


def start(args: list[str], cwd: Path, omgeving: dict[str, str] | None = None) -> tuple[set[str], str]:
    """Run `python -m kaderdiff ARGS` in a new process; the modules it imported and its standard output."""
    proces = subprocess.run([sys.executable, "-X", "importtime", "-m", "kaderdiff", *args], cwd=cwd,
                            capture_output=True, text=True, timeout=120, env=omgeving)
    assert proces.returncode == 0, proces.stderr[-2000:]
    modules = {regel.rsplit("|", 1)[1].strip() for regel in proces.stderr.splitlines()
               if regel.startswith("import time:") and "|" in regel}
    assert "kaderdiff.cli.app" in modules, "importtime gaf geen lijst"
    return modules, proces.stdout


def geladen(modules: set[str], pakketten: tuple[str, ...]) -> list[str]:
    return sorted(p for p in pakketten if any(m == p or m.startswith(p + ".") for m in modules))


@pytest.mark.parametrize("args", [["--help"], ["versie"], *([c.naam, "--help"] for c in COMMANDOS)])
def test_hulp_en_versie_laden_niets_zwaars(args: list[str], tmp_path: Path) -> None:
    modules, uit = start(args, tmp_path)
    assert uit.strip()
    assert geladen(modules, ZWAAR) == []


def test_controleer_een_bestand_zonder_git_word_of_tabellen(voorbeeldrepo: Path) -> None:
    modules, uit = start(["controleer", "kaders/2026/mbo.xml"], voorbeeldrepo)
    assert "In orde: 1 kader(s)" in uit
    assert geladen(modules, ZWAAR) == ["lxml"]  # schema validation needs lxml, nothing else heavy


def test_controleer_tweede_keer_zonder_toml_en_json(voorbeeldrepo: Path) -> None:
    """The law registry and the article index come from the cache (`bron.registercache`, `bron.cachemap`); a kader
    in order needs neither the BWB reader nor the citation module (only a message cites), and a kader checked
    before neither the law model nor the judge of grondslagen (the index remembers each verdict)."""
    eerste, uit = start(["controleer", "kaders/2026/mbo.xml"], voorbeeldrepo)
    assert "tomllib" in eerste, "de eerste keer wordt het register gelezen"
    assert "kaderdiff.recht.artikeloordeel" in eerste, "de eerste keer worden de grondslagen beoordeeld"
    tweede, nog_eens = start(["controleer", "kaders/2026/mbo.xml"], voorbeeldrepo)
    assert nog_eens == uit
    assert geladen(tweede, ("tomllib", "json", "kaderdiff.bron.bwb", "kaderdiff.verwijzing")) == []
    # the verdicts on its grondslagen come from the article index: no law model, no judging
    assert geladen(tweede, ("kaderdiff.model.wettekst", "kaderdiff.recht.artikeloordeel")) == []
    # the rules read the kader's facts from its tree (bron.kaderfeiten): no kader model
    assert geladen(eerste | tweede, ("kaderdiff.model.kader", "kaderdiff.bron.laden")) == []


def test_herleid_artikel_tweede_keer_zonder_git_en_lxml(voorbeeldrepo: Path) -> None:
    # files changed within RACY_SECONDEN are re-hashed (and the index rewritten) next time: wait that out
    time.sleep(RACY_SECONDEN)
    # the user's path: no KADERDIFF_CACHE, so the index lives in the repository's git directory
    omgeving = {k: v for k, v in os.environ.items() if k != "KADERDIFF_CACHE"}
    eerste, uit = start(["herleid", "--artikel", ARTIKEL, "--json"], voorbeeldrepo, omgeving)
    assert "lxml" in geladen(eerste, ZWAAR), "de eerste keer worden de kaders gelezen"
    assert list((voorbeeldrepo / ".git" / "kaderdiff").glob("grondslagindex-*.bin"))
    modules, tweede = start(["herleid", "--artikel", ARTIKEL, "--json"], voorbeeldrepo, omgeving)
    assert json.loads(tweede) == json.loads(uit)
    assert json.loads(tweede)["eisen"], "het artikel heeft eisen in de voorbeeldkaders"
    assert geladen(modules, ZWAAR) == []
    # no TOML (the registry of the kadermap comes from its cache, also for the citation), no JSON without --json,
    # no typing (nothing else on this path imports it: without lxml it was a twentieth of the command)
    assert geladen(geladen_zonder_json := start(["herleid", "--artikel", ARTIKEL], voorbeeldrepo, omgeving)[0],
                   ("tomllib", "json", "typing")) == [], sorted(geladen_zonder_json)
    # an article and its eisen from the index: no kader model, no git commits, no finder of references in prose
    assert geladen(modules, ("kaderdiff.model.kader", "kaderdiff.model.commit", "kaderdiff.recht.citaatzoeker")) == []
    modules, tabel = start(["herleid", "--artikel", ARTIKEL], voorbeeldrepo, omgeving)
    assert "st-op1-e2" in tabel
    assert geladen(modules, ZWAAR) == [], "buiten een terminal (hier een pijp) platte tekst, zonder Rich"


def test_git_map_zoals_gitpython_hem_vindt(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "kaders" / "2026").mkdir(parents=True)
    git_cmd(repo, "init", "-q", "-b", "main")
    (repo / "kaders" / "2026" / "leeg.txt").write_text("x")
    git_cmd(repo, "add", "-A")
    git_cmd(repo, "commit", "-q", "-m", "begin")
    git_cmd(repo, "worktree", "add", "-q", str(tmp_path / "werkboom"), "-b", "tak")
    buiten = tmp_path / "buiten" / "kaders"
    buiten.mkdir(parents=True)
    for pad in (repo / "kaders", repo / "kaders" / "2026", tmp_path / "werkboom" / "kaders", buiten):
        try:
            verwacht: Path | None = Path(git.Repo(pad, search_parent_directories=True).git_dir).resolve()
        except git.InvalidGitRepositoryError:
            verwacht = None
        assert zoek_git_map(pad.resolve()) == verwacht, pad
        assert KaderMap(pad).git_map == verwacht
    assert zoek_git_map((tmp_path / "werkboom").resolve()) != zoek_git_map(repo.resolve()), "eigen map per werkboom"


def test_interne_fout_schrijft_nog_steeds_een_logboek(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))

    def defect() -> int:
        return 1 // 0

    assert voer_veilig_uit("proef", defect) == FOUT_INTERN
    logboeken = list(tmp_path.glob("kaderdiff-fout-*.log"))
    assert len(logboeken) == 1
    tekst = logboeken[0].read_text(encoding="utf-8")
    assert "kaderdiff proef" in tekst and "ZeroDivisionError" in tekst and "Traceback" in tekst
    fout = capsys.readouterr().err
    assert "Interne fout" in fout and str(logboeken[0]) in fout and "Traceback" not in fout


def _proef(tmp_path: Path, romp: str) -> Path:
    """A start of kaderdiff whose command is `romp` (the body of `main`), as a script of its own."""
    script = tmp_path / "proef.py"
    script.write_text("import atexit, os, sys\nfrom kaderdiff.cli import app\n\n\ndef main():\n"
                      + "".join(f"    {regel}\n" for regel in romp.splitlines())
                      + "\n\napp.main = main\napp.start()\n", encoding="utf-8")
    return script


def test_einde_na_elke_uitgangshandler_met_alle_uitvoer_en_zonder_afbraak(tmp_path: Path) -> None:
    """`start` ends the process in the last exit handler: the handlers a command registers still run, standard
    output arrives whole, the exit code is the command's; only Python's teardown (objects freed one by one,
    their `__del__`) is skipped."""
    script = _proef(tmp_path, f"""
class Afbraak:
    def __del__(self):
        with open({str(tmp_path / "afgebroken")!r}, "w") as f:
            f.write("ja")
sys.modules["afbraak"] = Afbraak()
def handler():
    with open({str(tmp_path / "handler")!r}, "w") as f:
        f.write("gedraaid")
atexit.register(handler)
sys.stdout.write("x" * 100_000 + "einde")
sys.stderr.write("melding")
return 3""")
    proces = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60)
    assert proces.returncode == 3
    assert proces.stdout == "x" * 100_000 + "einde" and proces.stderr == "melding"
    assert (tmp_path / "handler").read_text(encoding="utf-8") == "gedraaid"
    assert not (tmp_path / "afgebroken").exists(), "de afbraak van Python is overgeslagen"


@pytest.mark.parametrize("ingang", ["-m kaderdiff", "console"])
def test_voor_start_is_er_geen_uitgangshandler(ingang: str, tmp_path: Path) -> None:
    """`start` registers its handler first, so that it runs last; one registered before it would be skipped. What
    runs before `start` (the console script's import, `python -m`) registers none."""
    laden = ("import runpy, sys; sys.argv = ['kaderdiff', 'versie']; import kaderdiff.cli.app as app; "
             "app.start = lambda: None; runpy.run_module('kaderdiff', run_name='__main__')"
             if ingang == "-m kaderdiff" else "from kaderdiff.cli.app import start")
    proces = subprocess.run([sys.executable, "-c", f"{laden}; import atexit; print(atexit._ncallbacks())"],
                            capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert (proces.returncode, proces.stdout) == (0, "0\n"), proces.stderr


def test_een_gestopte_lezer_meldt_python_zoals_altijd(tmp_path: Path) -> None:
    """Output still buffered when the reader of the pipe has gone: the flush fails, and Python ends as it always
    does (exit code 120, its own message), not silently with the command's code."""
    script = _proef(tmp_path, """import io
sys.stdout = io.TextIOWrapper(io.BufferedWriter(io.FileIO(1, "w", closefd=False), 1 << 16))
sys.stdin.readline()  # until the reader has gone
sys.stdout.write("nog in de buffer")
return 0""")
    proces = subprocess.Popen([sys.executable, str(script)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE)
    assert proces.stdin is not None and proces.stdout is not None and proces.stderr is not None
    proces.stdout.close()
    proces.stdin.write(b"weg\n")
    proces.stdin.close()
    fout = proces.stderr.read().decode()
    assert proces.wait(timeout=60) == 120
    assert "BrokenPipeError" in fout
