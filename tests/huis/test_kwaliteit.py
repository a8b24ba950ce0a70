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


def _getypte_tweelingen() -> list[tuple[str, ast.ClassDef]]:
    """Every NamedTuple written for mypy alone (under `if TYPE_CHECKING:`), with its module."""
    uit = []
    for pad in sorted((REPO / "kaderdiff").rglob("*.py")):
        boom = ast.parse(pad.read_text(encoding="utf-8"))
        for knoop in boom.body:
            if isinstance(knoop, ast.If) and isinstance(knoop.test, ast.Name) and knoop.test.id == "TYPE_CHECKING":
                module = ".".join(pad.relative_to(REPO).with_suffix("").parts)
                uit += [(module, k) for k in knoop.body if isinstance(k, ast.ClassDef)
                        and any(isinstance(b, ast.Name) and b.id == "NamedTuple" for b in k.bases)]
    return uit


def test_elke_namedtuple_heeft_de_velden_die_mypy_ziet() -> None:
    """Where `typing` is kept off a small command's path (`fouten.Melding`, `citeren._Token`,
    `grondslagindex.IndexEis`), a NamedTuple is a `collections.namedtuple` at run time and a typed NamedTuple for
    mypy: the two field lists and defaults must be the same, or mypy checks calls against fields that do not exist."""
    import importlib

    tweelingen = _getypte_tweelingen()
    assert {k.name for _, k in tweelingen} >= {"_Velden", "_Token", "IndexEis"}
    for module, klasse in tweelingen:
        velden = [n for n in klasse.body if isinstance(n, ast.AnnAssign) and isinstance(n.target, ast.Name)]
        echt = getattr(importlib.import_module(module), klasse.name)
        assert echt._fields == tuple(n.target.id for n in velden if isinstance(n.target, ast.Name)), klasse.name
        assert echt._field_defaults == {n.target.id: ast.literal_eval(n.value) for n in velden
                                        if isinstance(n.target, ast.Name) and n.value is not None}, klasse.name


def test_melding() -> None:
    from kaderdiff.fouten import Melding

    assert Melding._field_defaults == {"ernst": "fout"}
    m = Melding("kaders/2026/po.xml", 3, 7, "iets")
    assert (m.bestand, m.regel, m.kolom, m.tekst, m.ernst) == ("kaders/2026/po.xml", 3, 7, "iets", "fout")
    assert str(m) == "kaders/2026/po.xml:3:7: fout: iets"
    assert repr(m).startswith("Melding(bestand=")
