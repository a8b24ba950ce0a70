"""The `.gitlab-ci.yml` that `kaderdiff init --ci gitlab` writes, run by gitlab-ci-local with the shell executor in a
real repository made by init (with a bare clone as its origin, as a GitLab project is).

Inside the jobs kaderdiff is this checkout's: a wheel built from it is what the configuration's own install step
(KADERDIFF_PAKKET) installs, into one venv the jobs share (KADERDIFF_VENV), so it is installed once per module.
The merge-request pipeline posts its review to a GitLab notes API that a server on 127.0.0.1 plays.
"""

from __future__ import annotations

import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import pytest

from kaderdiff import __version__
from tests.hulp.draai import kd
from tests.hulp.echte_clients import gitlab_ci_local
from tests.hulp.paden import KADERS, REPO
from tests.hulp.repos import git_cmd, leg_vast
from tests.hulp.wetplaatsvervanger import leg_plaatsvervanger_neer

pytestmark = pytest.mark.echte_client

VOG = "Het bestuur zorgt voor benoembaar/bevoegd en bekwaam personeel dat"
BEKWAAM = "Het bestuur zorgt voor bekwaam personeel dat"


@dataclass(frozen=True)
class Omgeving:
    programma: str
    wiel: Path
    venv: Path
    pipcache: Path


@pytest.fixture(scope="module")
def omgeving(tmp_path_factory: pytest.TempPathFactory) -> Omgeving:
    programma = gitlab_ci_local()
    dist = tmp_path_factory.mktemp("dist")
    gebouwd = subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(REPO)],
                             capture_output=True, text=True, timeout=600)
    assert gebouwd.returncode == 0, gebouwd.stdout[-2000:] + gebouwd.stderr[-2000:]
    (wiel,) = dist.glob("kaderdiff-*.whl")
    werk = tmp_path_factory.mktemp("ci")
    return Omgeving(programma, wiel, werk / "venv-kaderdiff", werk / "pipcache")


def _repo(tmp_path: Path) -> Path:
    repo = tmp_path / "kaders-van-de-inspectie"
    code, _, fout = kd(["init", str(repo), "--ci", "gitlab"])
    assert code == 0, fout
    git_cmd(repo, "checkout", "-q", "-b", "main")
    for jaar in ("2025", "2026"):
        shutil.copytree(KADERS / jaar, repo / "kaders" / jaar)
    for wet in (KADERS / "wetten").iterdir():
        shutil.copytree(wet, repo / "kaders" / "wetten" / wet.name)
    # `controleer --streng` wants the text of every cited law, as a team has after `wetten haal --alle`; the samples
    # ship no WVO 2020, so a stand-in lies where the fetched text would (this test is about the pipeline)
    leg_plaatsvervanger_neer(repo / "kaders", "WVO")
    leg_vast(repo, "Kaders overgenomen")
    server = tmp_path / "server.git"
    git_cmd(tmp_path, "init", "-q", "--bare", str(server))
    git_cmd(repo, "remote", "add", "origin", str(server))
    git_cmd(repo, "push", "-q", "origin", "main")
    git_cmd(repo, "remote", "set-head", "origin", "main")
    return repo


def _pijplijn(o: Omgeving, repo: Path, *variabelen: str, opties: tuple[str, ...] = ()
              ) -> subprocess.CompletedProcess[str]:
    """One pipeline, jobs one after another, each in its own copy of the repository (like a runner)."""
    gezet = [f"KADERDIFF_PAKKET={o.wiel}", f"KADERDIFF_VENV={o.venv}", f"PIP_CACHE_DIR={o.pipcache}", *variabelen]
    voorgedefinieerd = ",".join(v.split("=")[0] for v in variabelen if v.startswith("CI_"))  # GitLab sets them
    opdracht = [o.programma, "--force-shell-executor", "--shell-isolation", "--concurrency", "1", "--no-color",
                "--ignore-predefined-vars", voorgedefinieerd, *opties]
    for v in gezet:
        opdracht += ["--variable", v]
    omgeving = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    return subprocess.run(opdracht, cwd=repo, capture_output=True, text=True, timeout=900, env=omgeving)


def _banen(o: Omgeving, repo: Path, *variabelen: str) -> list[str]:
    """The jobs a pipeline with these variables would run (gitlab-ci-local --list-json)."""
    lijst = _pijplijn(o, repo, *variabelen, opties=("--list-json",))
    assert lijst.returncode == 0, lijst.stderr
    return [baan["name"] for baan in json.loads(lijst.stdout) if baan["when"] != "never"]


def test_de_pushbanen_slagen_op_de_voorbeelden_en_falen_op_een_kapot_kader(omgeving: Omgeving, tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    goed = _pijplijn(omgeving, repo)
    log = goed.stdout + goed.stderr
    assert goed.returncode == 0, log[-6000:]
    assert f"kaderdiff {__version__}" in log  # what the configuration's install step put in the venv
    assert (omgeving.venv / "bin" / "kaderdiff").is_file()
    assert "In orde: 8 kader(s) gecontroleerd." in log and "8 bestand(en) bekeken, 0 af te wijken." in log
    for baan in ("controleer", "opmaak", "pages"):
        assert f"PASS  {baan}" in log
    assert (repo / "public" / "index.html").is_file()  # on the default branch: the site for Pages

    # a grondslag the law does not have: controleer fails, with kaderdiff's message naming file and line
    kader = repo / "kaders" / "2026" / "mbo.xml"
    goed_kader = kader.read_text(encoding="utf-8")
    kader.write_text(goed_kader.replace('<grondslag wet="WEB" artikel="4.2.4"/>',
                                        '<grondslag wet="WEB" artikel="4.2.99"/>', 1), encoding="utf-8")
    leg_vast(repo, "Een grondslag die niet bestaat")
    fout = _pijplijn(omgeving, repo)
    log = fout.stdout + fout.stderr
    assert fout.returncode != 0
    assert "FAIL  controleer" in log and "PASS  opmaak" in log
    assert "(publiceren)" not in log  # no Pages from a broken kader
    assert "kaders/2026/mbo.xml:" in log and ": fout: eis " in log and "artikel 4.2.99 bestaat niet" in log
    # a kader out of its fixed layout: opmaak --controle fails and names it
    kader.write_text(goed_kader.replace("\n    <", "\n<", 1), encoding="utf-8")
    leg_vast(repo, "Een kader buiten de opmaak")
    fout = _pijplijn(omgeving, repo)
    log = fout.stdout + fout.stderr
    assert fout.returncode != 0
    assert "PASS  controleer" in log and "FAIL  opmaak" in log
    assert re.search(r"moet worden opgemaakt: \S*/kaders/2026/mbo\.xml\n", log), log[-3000:]


def test_het_merge_request_krijgt_beoordeling_en_staat(omgeving: Omgeving, tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    for tak, nieuw in (("voorstel/benoembaar", "Het bestuur zorgt voor benoembaar en bekwaam personeel dat"),
                       ("voorstel/mbo-bekwaam", BEKWAAM)):
        git_cmd(repo, "checkout", "-q", "-b", tak, "main")
        kader = repo / "kaders" / "2026" / "mbo.xml"
        kader.write_text(kader.read_text(encoding="utf-8").replace(VOG, nieuw, 1), encoding="utf-8")
        leg_vast(repo, f"Voorstel {tak}")  # one changed sentence
        git_cmd(repo, "push", "-q", "origin", tak)
    git_cmd(repo, "branch", "-q", "-D", "voorstel/benoembaar")  # the other open branch is only on the server

    ontvangen: list[tuple[str, dict[str, str], dict[str, list[str]]]] = []

    class Notities(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # the name http.server calls
            lengte = int(self.headers["Content-Length"])
            formulier = urllib.parse.parse_qs(self.rfile.read(lengte).decode("utf-8"))
            ontvangen.append((self.path, dict(self.headers), formulier))
            self.send_response(201)
            self.end_headers()
            self.wfile.write(b"{}")

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Notities)
    draad = threading.Thread(target=server.serve_forever, daemon=True)
    draad.start()
    try:
        mr = ("CI_PIPELINE_SOURCE=merge_request_event", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME=main",
              "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME=voorstel/mbo-bekwaam", "CI_MERGE_REQUEST_IID=17",
              "CI_PROJECT_ID=4", f"CI_API_V4_URL=http://127.0.0.1:{server.server_address[1]}/api/v4",
              "KADERDIFF_GITLAB_TOKEN=glpat-test")
        assert _banen(omgeving, repo, *mr) == ["controleer", "opmaak", "voorstel", "site"]
        uitkomst = _pijplijn(omgeving, repo, *mr)
    finally:
        server.shutdown()
        server.server_close()
    log = uitkomst.stdout + uitkomst.stderr
    assert uitkomst.returncode == 0, log[-8000:]
    uit = repo / "build" / "voorstel"
    beoordeling = (uit / "beoordeling.md").read_text(encoding="utf-8")
    assert beoordeling.startswith("### Voorstel: ")
    assert "Tak `voorstel/mbo-bekwaam` ten opzichte van `main`" in beoordeling
    assert "~~benoembaar/bevoegd en~~" in beoordeling
    assert "voorstel doorbreekt de gelijkluidendheid" in beoordeling
    assert "**Conflicteert met de open takken:** `voorstel/benoembaar`." in beoordeling
    # the Staat of the branch against its base: the one changed sentence
    staat = uit / "staat-2026"
    mbo = json.loads((staat / "mbo-2026-staat-van-wijzigingen.json").read_text(encoding="utf-8"))
    assert [(w["id"], w["soort"]) for w in mbo["wijzigingen"]] == [("st-ka1-e3", "gewijzigd")]
    assert json.loads((staat / "po-2026-staat-van-wijzigingen.json").read_text(encoding="utf-8"))["wijzigingen"] == []
    assert {p.suffix for p in staat.glob("mbo-2026-*")} == {".docx", ".html", ".json"}
    assert (uit / "pakket-2026" / "index.html").is_file() and (repo / "build" / "site" / "index.html").is_file()
    # posted as a note on the merge request, with the project access token
    ((pad, koppen, formulier),) = ontvangen
    assert pad == "/api/v4/projects/4/merge_requests/17/notes"
    assert koppen["PRIVATE-TOKEN"] == "glpat-test"
    assert formulier["body"] == [beoordeling]


def test_gepland_alleen_de_wetten_bewaken(omgeving: Omgeving, tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    assert _banen(omgeving, repo, "CI_PIPELINE_SOURCE=schedule") == ["wetten-bewaken"]
    git_cmd(repo, "checkout", "-q", "-b", "voorstel/x")
    assert _banen(omgeving, repo) == ["controleer", "opmaak"]  # a push to another branch: no Pages
    assert "kaderdiff wetten bewaak" in (repo / ".gitlab-ci.yml").read_text(encoding="utf-8")
