"""The code stays ruff- and mypy-clean (the team agreement), checked with the real tools."""

from __future__ import annotations

import ast
import subprocess
import sys

from tests.hulp.paden import REPO


def test_ruff_schoon() -> None:
    resultaat = subprocess.run([sys.executable, "-m", "ruff", "check", "kaderdiff", "tests", "bench"],
                               cwd=REPO, capture_output=True, text=True)
    assert resultaat.returncode == 0, resultaat.stdout + resultaat.stderr


def test_mypy_schoon() -> None:
    resultaat = subprocess.run([sys.executable, "-m", "mypy"], cwd=REPO, capture_output=True, text=True)
    assert resultaat.returncode == 0, resultaat.stdout + resultaat.stderr


#: Helpers in tests/hulp/echte_clients.py that start LibreOffice, pandoc, Chromium or another real client.
ECHTE_CLIENTS = {"vereist", "naar_odt", "pandoc_woorden", "axe_core", "naast_python", "gitlab_ci_local"}


def _gebruikt_echte_client(functie: ast.FunctionDef) -> bool:
    return any(isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in ECHTE_CLIENTS
               for n in ast.walk(functie))


def _gemarkeerd(functie: ast.FunctionDef) -> bool:
    return any("echte_client" in ast.unparse(d) for d in functie.decorator_list)


def test_tests_met_echte_clients_zijn_gemarkeerd() -> None:
    """`-m "not echte_client"` must really leave out every test that starts a real client."""
    ongemarkeerd = []
    for pad in sorted((REPO / "tests").rglob("test_*.py")):
        boom = ast.parse(pad.read_text(encoding="utf-8"))
        module_markering = "pytest.mark.echte_client" in pad.read_text(encoding="utf-8").split("\ndef ", 1)[0]
        for knoop in boom.body:
            if (isinstance(knoop, ast.FunctionDef) and knoop.name.startswith("test_")
                    and _gebruikt_echte_client(knoop) and not _gemarkeerd(knoop) and not module_markering):
                ongemarkeerd.append(f"{pad.name}::{knoop.name}")
    assert not ongemarkeerd, f"zonder @pytest.mark.echte_client: {ongemarkeerd}"


def test_melding_heeft_de_velden_die_mypy_ziet() -> None:
    """`fouten.Melding` is a `collections.namedtuple` at run time and a typed NamedTuple for mypy (see the module):
    the two field lists and the default must be the same, or mypy checks calls against fields that do not exist."""
    from kaderdiff.fouten import Melding

    boom = ast.parse((REPO / "kaderdiff" / "fouten.py").read_text(encoding="utf-8"))
    getypt = next(n for n in ast.walk(boom) if isinstance(n, ast.ClassDef) and n.name == "_Velden")
    velden = [n for n in getypt.body if isinstance(n, ast.AnnAssign) and isinstance(n.target, ast.Name)]
    assert Melding._fields == tuple(n.target.id for n in velden if isinstance(n.target, ast.Name))
    standaard = {n.target.id: ast.literal_eval(n.value) for n in velden
                 if isinstance(n.target, ast.Name) and n.value is not None}
    assert Melding._field_defaults == standaard == {"ernst": "fout"}
    m = Melding("kaders/2026/po.xml", 3, 7, "iets")
    assert (m.bestand, m.regel, m.kolom, m.tekst, m.ernst) == ("kaders/2026/po.xml", 3, 7, "iets", "fout")
    assert str(m) == "kaders/2026/po.xml:3:7: fout: iets"
    assert repr(m).startswith("Melding(bestand=")
