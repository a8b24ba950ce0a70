"""The merge driver's promise: a merged kader that `controleer` accepts (exit 0), or a file with both sides
visible (exit 1); never one side alone, whatever the two branches hold.

Before issue 29 an id the schema forbids (`id="h/x"`) made `kaderdiff merge` fail with an internal error, and
through git the file then held our version only: their change lived on only in the index, and `git add`
dropped it. Binary versions ended in git's English "Cannot merge binary files" and our version alone.

The property runs the driver in-process over two sides made from a sample kader (edits, forbidden and doubled
ids, broken XML, binary bytes, an empty file), and a few of them through a real `git merge` in a repository
made by `kaderdiff init`, where git starts the fast driver (`python -m kaderdiff.cli.samenvoeghulp`) and the
first start prepares every kader of the merge.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st
from lxml import etree

from tests.hulp.draai import kd
from tests.hulp.kaderbewerking import bewerkt, houdt_woord, per_id, tekst
from tests.hulp.paden import KADERS, VOORBEELD
from tests.hulp.repos import git_cmd, merge
from tests.hulp.vijandig import kaderkant

MBO = Path("kaders") / "2026" / "mbo.xml"
PO = Path("kaders") / "2026" / "po.xml"
ZADEN = [VOORBEELD.read_bytes(), (KADERS / "2026" / "vo-pro.xml").read_bytes()]
EIGENSCHAP = settings(max_examples=300, deadline=None, derandomize=True, database=None, print_blob=True,
                      suppress_health_check=list(HealthCheck))


@pytest.fixture(scope="module")
def werkmap(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A kadermap with the law texts (outside any repository): what `controleer` needs to check a kader."""
    werk = tmp_path_factory.mktemp("contract")
    (werk / "kaders" / "2026").mkdir(parents=True)
    shutil.copytree(KADERS / "wetten", werk / "kaders" / "wetten")
    return werk


def voer_uit(werk: Path, basis: bytes, onze: bytes, hun: bytes) -> tuple[int, str, Path]:
    pad = werk / MBO
    pad.write_bytes(onze)
    (werk / "basis.xml").write_bytes(basis)
    (werk / "hun.xml").write_bytes(hun)
    code, _, fout = kd(["merge", str(werk / "basis.xml"), str(pad), str(werk / "hun.xml")], cwd=werk)
    return code, fout, pad


@EIGENSCHAP
@given(keuze=st.integers(0, len(ZADEN) - 1), data=st.data())
def test_samengevoegd_en_goedgekeurd_of_beide_kanten_zichtbaar(keuze: int, data: st.DataObject,
                                                               werkmap: Path) -> None:
    basis = ZADEN[keuze]
    onze = data.draw(kaderkant(basis), label="onze")
    hun = data.draw(kaderkant(basis), label="hun")
    code, fout, pad = voer_uit(werkmap, basis, onze, hun)
    event(houdt_woord(code, fout, pad, onze, hun, werkmap))


def test_een_verboden_id_geeft_beide_kanten(werkmap: Path) -> None:
    """The case of issue 29: ours has an id the schema forbids, theirs edits another element."""
    basis = VOORBEELD.read_bytes()
    onze = basis.replace(b'id="op1-e1"', b'id="h/x"', 1)
    hun = bewerkt(basis, tekst("op1-e2", "Hun nieuwe tekst."))
    code, fout, pad = voer_uit(werkmap, basis, onze, hun)
    assert code == 1, fout
    assert houdt_woord(code, fout, pad, onze, hun, werkmap) == "heel"
    assert "'h/x' is geen geldig id" in fout and "Interne fout" not in fout


def test_binaire_versies_geven_een_nederlandse_melding(werkmap: Path) -> None:
    basis = VOORBEELD.read_bytes()
    onze, hun = basis + b"\0onze", b"\0\1\2hun" + basis
    code, fout, pad = voer_uit(werkmap, basis, onze, hun)
    assert houdt_woord(code, fout, pad, onze, hun, werkmap) == "heel"
    assert "binaire gegevens" in fout and "Cannot merge" not in fout


def test_een_fout_in_kaderdiff_laat_toch_beide_kanten_staan(werkmap: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever fails inside the merge, the file shows both sides (and a log names the defect)."""
    from kaderdiff.samenvoeging import uitkomst

    def kapot(*_: object) -> None:
        raise ValueError("kapot")

    monkeypatch.setattr(uitkomst, "voeg_samen", kapot)
    basis = VOORBEELD.read_bytes()
    onze, hun = bewerkt(basis, tekst("op1-e1", "Onze.")), bewerkt(basis, tekst("op1-e2", "Hun."))
    code, fout, pad = voer_uit(werkmap, basis, onze, hun)
    assert code == 1 and pad.read_bytes() == uitkomst.naast_elkaar(onze, hun)
    assert "interne fout in kaderdiff" in fout and "kaderdiff-fout-" in fout


def test_een_schone_merge_die_controleer_afkeurt_wordt_geen_exit_0(werkmap: Path) -> None:
    """Both sides merge by element without conflict, but the result cites an article the law does not have:
    not exit 0 with a kader `controleer` refuses."""
    basis = VOORBEELD.read_bytes()
    wortel = etree.fromstring(basis)
    eis = next(el for el in per_id(wortel).values() if el.find("grondslag") is not None)
    eis_id = eis.get("id")

    def artikel(ids: dict[str, etree._Element]) -> None:
        ids[eis_id].find("grondslag").set("artikel", "999.999")

    onze, hun = bewerkt(basis, artikel), bewerkt(basis, tekst("op1-e2", "Hun."))
    code, fout, pad = voer_uit(werkmap, basis, onze, hun)
    assert code == 1, fout
    assert houdt_woord(code, fout, pad, onze, hun, werkmap) in ("heel", "regels")
    assert "keurt 'controleer' het resultaat af" in fout


# -- through a real git merge -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A kaders repository made by `kaderdiff init`, with the sample kaders of 2026 on main."""
    repo = tmp_path_factory.mktemp("git") / "kaders-van-de-inspectie"
    code, _, fout = kd(["init", str(repo)])
    assert code == 0, fout
    git_cmd(repo, "checkout", "-q", "-b", "main")
    shutil.copytree(KADERS / "2026", repo / "kaders" / "2026")
    for wet in (KADERS / "wetten").iterdir():
        shutil.copytree(wet, repo / "kaders" / "wetten" / wet.name)
    git_cmd(repo, "add", "-A")
    git_cmd(repo, "commit", "-q", "--no-verify", "-m", "Kaders overgenomen")
    return repo


def via_git(repo: Path, onze: dict[Path, bytes], hun: dict[Path, bytes]) -> subprocess.CompletedProcess[str]:
    """Branch 'hun' and 'onze' from main with these files, and merge hun into onze (hooks skipped: the
    driver's own result is what is tested)."""
    subprocess.run(["git", "merge", "--abort"], cwd=repo, capture_output=True)
    git_cmd(repo, "checkout", "-q", "-f", "main")
    git_cmd(repo, "clean", "-fdq")
    for tak, bestanden in (("hun", hun), ("onze", onze)):
        git_cmd(repo, "checkout", "-q", "-B", tak, "main")
        for pad, data in bestanden.items():
            (repo / pad).write_bytes(data)
        git_cmd(repo, "add", "-A")
        git_cmd(repo, "commit", "-q", "--no-verify", "--allow-empty", "-m", tak)
    return merge(repo, "--no-verify")


def houdt_woord_in_git(repo: Path, uitkomst: subprocess.CompletedProcess[str], pad: Path, onze: bytes,
                       hun: bytes) -> str:
    """As `houdt_woord`, with git's verdict on the file: still unmerged (the driver said 1) or merged."""
    onopgelost = git_cmd(repo, "ls-files", "-u", "--", pad.as_posix())
    return houdt_woord(1 if onopgelost else 0, uitkomst.stderr, repo / pad, onze, hun, repo)


@pytest.mark.parametrize("geval", ["verboden-id", "binair", "kapotte-xml", "leeg", "dubbel-id"])
def test_via_git_blijven_beide_kanten_zichtbaar(repo: Path, geval: str) -> None:
    """Our mbo kader broken in five ways, their edit of it, and a clean edit of po on both branches (so one
    driver prepares both kaders and the other copies its result)."""
    basis = (KADERS / "2026" / "mbo.xml").read_bytes()
    onze = {"verboden-id": basis.replace(b'id="wv-a1"', b'id="h/x"', 1),
            "binair": basis.replace(b"Voor u ligt", b"Voor\0u ligt", 1),
            "kapotte-xml": basis.replace(b"</titel>", b"</titl>", 1),
            "leeg": b"",
            "dubbel-id": basis.replace(b'id="wv-a2"', b'id="wv-a1"', 1)}[geval]
    hun = bewerkt(basis, tekst("wv-a3", "Hun nieuwe woord vooraf."))
    po = (KADERS / "2026" / "po.xml").read_bytes()
    uitkomst = via_git(repo, {MBO: onze, PO: bewerkt(po, tekst("wv-a1", "Onze po."))},
                       {MBO: hun, PO: bewerkt(po, tekst("wv-a2", "Hun po."))})
    assert uitkomst.returncode == 1, uitkomst.stdout + uitkomst.stderr
    assert houdt_woord_in_git(repo, uitkomst, MBO, onze, hun) in ("heel", "regels")
    assert b"Hun nieuwe woord vooraf." in (repo / MBO).read_bytes(), "hun wijziging staat in het bestand"
    ids = per_id(etree.fromstring((repo / PO).read_bytes()))
    assert (ids["wv-a1"].text, ids["wv-a2"].text) == ("Onze po.", "Hun po."), "po: per element samengevoegd"
    for woord in ("Cannot merge", "fatal:", "error:", "Traceback", "Interne fout"):
        assert woord not in uitkomst.stderr, uitkomst.stderr


@settings(max_examples=10, deadline=None, derandomize=True, database=None, print_blob=True,
          suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_via_git_samengevoegd_en_goedgekeurd_of_beide_kanten_zichtbaar(data: st.DataObject, repo: Path) -> None:
    basis = (KADERS / "2026" / "mbo.xml").read_bytes()
    onze = data.draw(kaderkant(basis), label="onze")
    hun = data.draw(kaderkant(basis), label="hun")
    assume(len({basis, onze, hun}) == 3)  # otherwise git merges without the driver
    uitkomst = via_git(repo, {MBO: onze}, {MBO: hun})
    event(houdt_woord_in_git(repo, uitkomst, MBO, onze, hun))

