"""Each kind of work in one room, through one door (docs/indeling.md): which third-party packages and which of
our own doors a room may use, WordprocessingML only in word/, git only through versiebeheer/, and no module
name twice. Read from the source with `ast`, like test_indeling.py (lazy imports inside functions too).
"""

from __future__ import annotations

import ast
import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

from tests.huis.test_indeling import PAKKET, _imports, _kamer, _modules

#: Third-party packages (and `subprocess`, which can start any program) each room may import; the rest of the
#: standard library is free. lxml reads kader XML (bron, samenvoeging), law texts (recht) and OOXML (word: the
#: only room that may name WordprocessingML, see below); GitPython and subprocess for git only in
#: versiebeheer; subprocess besides that only for LibreOffice and pdftotext (pakket).
DERDEN: dict[str, set[str]] = {
    "": set(),
    "__main__": set(),
    "model": set(),
    "uitvoer": set(),
    "versiebeheer": {"git", "gitdb", "subprocess"},
    "bron": {"lxml"},
    "samenvoeging": {"lxml"},
    "verwijzing": set(),
    "diff": {"rapidfuzz", "diff_match_patch"},
    "recht": {"lxml", "rapidfuzz", "snowballstemmer"},
    "word": {"lxml", "docx"},
    "render": {"jinja2"},
    "voorstel": {"rapidfuzz"},
    "invoer": {"rapidfuzz"},
    "reacties": set(),
    "pakket": {"subprocess"},
    "site": {"markupsafe"},
    "cli": {"rich"},
}
BEPERKT_STANDAARD = {"subprocess"}
#: Our own doors, and the rooms that may go through them (besides the door's own room).
DEUREN: dict[str, set[str]] = {
    "kaderdiff.versiebeheer": {"bron", "samenvoeging", "invoer", "voorstel", "cli"},  # git
    "kaderdiff.word": {"render", "voorstel", "invoer", "reacties", "pakket", "cli"},  # OOXML
    "kaderdiff.bron.bewerken": {"recht", "voorstel"},  # changing a kader XML tree
}
#: WordprocessingML written or read by name: 'w:p', '<w:spacing …>', the namespace URI.
_WORDML = re.compile(r"(?<![\w])w:[A-Za-z]|schemas\.openxmlformats\.org/wordprocessingml")
#: python-docx's private attributes (the OOXML element behind an object of its API).
_DOCX_PRIVAAT = {"_tbl", "_tc", "_tr", "_p", "_r", "_element", "_body", "_sectPr"}


def _bomen(pakket: Path) -> Iterator[tuple[str, str, ast.Module]]:
    for module, pad in _modules(pakket).items():
        yield module, _kamer(module, pakket), ast.parse(pad.read_text(encoding="utf-8"))


def _bovenste_imports(boom: ast.Module) -> set[str]:
    """The top-level package of every absolute import (kaderdiff's own left out)."""
    uit: set[str] = set()
    for knoop in ast.walk(boom):
        if isinstance(knoop, ast.Import):
            uit.update(a.name.split(".")[0] for a in knoop.names)
        elif isinstance(knoop, ast.ImportFrom) and not knoop.level and knoop.module:
            uit.add(knoop.module.split(".")[0])
    return uit - {"kaderdiff"}


def _docstrings(boom: ast.Module) -> set[int]:
    return {id(k.body[0].value) for k in ast.walk(boom)
            if isinstance(k, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and k.body
            and isinstance(k.body[0], ast.Expr) and isinstance(k.body[0].value, ast.Constant)}


def derden_buiten_hun_kamer(pakket: Path = PAKKET) -> list[str]:
    fout = []
    for module, kamer, boom in _bomen(pakket):
        for naam in sorted(_bovenste_imports(boom)):
            if (naam not in sys.stdlib_module_names or naam in BEPERKT_STANDAARD) and naam not in DERDEN[kamer]:
                fout.append(f"{module} ({kamer or 'los'}) importeert {naam}")
    return fout


def deuren_buiten_hun_kamers(pakket: Path = PAKKET) -> list[str]:
    fout = []
    for module, pad in _modules(pakket).items():
        kamer = _kamer(module, pakket)
        for doel in sorted(_imports(pad, pakket)):
            for deur, kamers in DEUREN.items():
                eigen = kamer == _kamer(deur, pakket)
                if (doel == deur or doel.startswith(deur + ".")) and not eigen and kamer not in kamers:
                    fout.append(f"{module} ({kamer or 'los'}) gaat door {deur}")
    return fout


def wordprocessingml_buiten_word(pakket: Path = PAKKET) -> list[str]:
    fout = []
    for module, kamer, boom in _bomen(pakket):
        if kamer == "word":
            continue
        docstrings = _docstrings(boom)
        for knoop in ast.walk(boom):
            if isinstance(knoop, ast.Constant) and isinstance(knoop.value, str) and id(knoop) not in docstrings \
                    and _WORDML.search(knoop.value):
                fout.append(f"{module}:{knoop.lineno} noemt WordprocessingML: {knoop.value[:60]!r}")
            elif isinstance(knoop, ast.Attribute) and knoop.attr in _DOCX_PRIVAAT:
                fout.append(f"{module}:{knoop.lineno} gebruikt python-docx' {knoop.attr}")
            elif isinstance(knoop, ast.ImportFrom) and knoop.module in ("kaderdiff.word.ns", "docx.oxml.ns"):
                fout.append(f"{module}:{knoop.lineno} importeert {knoop.module}")
    return fout


def git_buiten_versiebeheer(pakket: Path = PAKKET) -> list[str]:
    """A git command started outside versiebeheer/: a list or tuple that begins with 'git' (the arguments of a
    process), or GitPython imported."""
    fout = []
    for module, kamer, boom in _bomen(pakket):
        if kamer == "versiebeheer":
            continue
        for knoop in ast.walk(boom):
            if isinstance(knoop, ast.List | ast.Tuple) and knoop.elts and isinstance(knoop.elts[0], ast.Constant) \
                    and knoop.elts[0].value == "git":
                fout.append(f"{module}:{knoop.lineno} start git")
        fout += [f"{module} importeert {naam}" for naam in sorted(_bovenste_imports(boom) & {"git", "gitdb"})]
    return fout


def dubbele_modulenamen(pakket: Path = PAKKET) -> list[str]:
    """Module names used twice in the package (a room's __init__ and the entry point aside)."""
    per_naam: dict[str, list[str]] = {}
    for module, pad in _modules(pakket).items():
        if module.split(".")[-1] != "__main__" and pad.name != "__init__.py":
            per_naam.setdefault(module.split(".")[-1], []).append(module)
    return [f"{naam}: {', '.join(modules)}" for naam, modules in sorted(per_naam.items()) if len(modules) > 1]


def test_elke_kamer_heeft_zijn_derden() -> None:
    assert {_kamer(m) for m in _modules()} <= DERDEN.keys()


def test_derden_alleen_in_hun_kamer() -> None:
    fout = derden_buiten_hun_kamer()
    assert not fout, "\n".join(fout)


def test_eigen_deuren_alleen_voor_hun_kamers() -> None:
    fout = deuren_buiten_hun_kamers()
    assert not fout, "\n".join(fout)


def test_wordprocessingml_alleen_in_word() -> None:
    fout = wordprocessingml_buiten_word()
    assert not fout, "\n".join(fout)


def test_git_alleen_door_versiebeheer() -> None:
    fout = git_buiten_versiebeheer()
    assert not fout, "\n".join(fout)


def test_geen_modulenaam_twee_keer() -> None:
    fout = dubbele_modulenamen()
    assert not fout, "\n".join(fout)


def test_de_controles_kunnen_falen(tmp_path: Path) -> None:
    """Each rule breached in a copy of the package is reported (the checks are not blind)."""
    kopie = tmp_path / "kaderdiff"
    shutil.copytree(PAKKET, kopie, ignore=shutil.ignore_patterns("__pycache__"))

    def plant(relatief: str, regels: str) -> None:
        pad = kopie / relatief
        pad.write_text(pad.read_text(encoding="utf-8") + "\n" + regels + "\n", encoding="utf-8")

    plant("diff/staatbouw.py", 'def _log() -> None:\n    import subprocess\n\n    subprocess.run(["git", "log"])')
    plant("render/docx_staat.py", "KRAP = '<w:spacing w:after=\"20\"/>'\n\n\ndef _p(t: object) -> object:\n"
                                  "    return t._tbl")
    plant("site/paden.py", "from kaderdiff.bron.bewerken import zet  # noqa: F401\nimport lxml  # noqa: F401")
    (kopie / "render" / "staatbouw.py").write_text('"""A second module of that name."""\n', encoding="utf-8")
    assert [f.split(":")[0] for f in git_buiten_versiebeheer(kopie)] == ["kaderdiff.diff.staatbouw"]
    assert "kaderdiff.diff.staatbouw (diff) importeert subprocess" in derden_buiten_hun_kamer(kopie)
    assert "kaderdiff.site.paden (site) importeert lxml" in derden_buiten_hun_kamer(kopie)
    assert [f.split(":")[0] for f in wordprocessingml_buiten_word(kopie)] == ["kaderdiff.render.docx_staat"] * 2
    assert deuren_buiten_hun_kamers(kopie) == ["kaderdiff.site.paden (site) gaat door kaderdiff.bron.bewerken"]
    assert dubbele_modulenamen(kopie) == ["staatbouw: kaderdiff.diff.staatbouw, kaderdiff.render.staatbouw"]
