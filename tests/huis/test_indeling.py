"""The house stays as docs/indeling.md draws it: layers that import one way, no import circles, small modules.

Imports are read from the source with `ast` (also those inside functions and under TYPE_CHECKING), so a lazy
import that runs upwards is caught as well.
"""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

PAKKET = Path(__file__).resolve().parents[2] / "kaderdiff"

#: Layer of each room (its first folder below kaderdiff/; '' for the loose modules). An import may only go to a
#: lower layer or stay inside its own room; rooms on one layer do not import each other.
LAGEN = {
    "": 0,
    "__main__": 11,
    "model": 1,
    "uitvoer": 2,
    "versiebeheer": 2,
    "bron": 3,
    "samenvoeging": 4,
    "verwijzing": 4,
    "diff": 5,
    "recht": 6,
    "word": 7,
    "render": 8,
    "voorstel": 8,
    "invoer": 8,
    "reacties": 8,
    "pakket": 9,
    "site": 9,
    "cli": 10,
}
MAX_REGELS = 400
MAX_LOS = 6


def _modulenaam(pad: Path, pakket: Path = PAKKET) -> str:
    delen = pad.relative_to(pakket.parent).with_suffix("").parts
    return ".".join(delen[:-1] if delen[-1] == "__init__" else delen)


def _kamer(module: str, pakket: Path = PAKKET) -> str:
    """The room of a module: its folder below kaderdiff/, '' for a loose module, '__main__' for the entry point."""
    delen = module.split(".")
    if delen[-1] == "__main__":
        return "__main__"
    if len(delen) < 2:
        return ""
    kandidaat = delen[1]
    return kandidaat if (pakket / kandidaat).is_dir() else ""


def _imports(pad: Path, pakket: Path = PAKKET) -> set[str]:
    """Every kaderdiff module named by an import in this file (a `from x import y` names x.y when that is a module)."""
    boom = ast.parse(pad.read_text(encoding="utf-8"))
    eigen = _modulenaam(pad, pakket)
    uit: set[str] = set()
    for knoop in ast.walk(boom):
        if isinstance(knoop, ast.Import):
            uit.update(a.name for a in knoop.names if a.name.startswith("kaderdiff"))
        elif isinstance(knoop, ast.ImportFrom):
            if knoop.level:
                basis = eigen.split(".")
                if pad.name != "__init__.py":
                    basis = basis[:-1]
                basis = basis[: len(basis) - (knoop.level - 1)]
                module = ".".join([*basis, *([knoop.module] if knoop.module else [])])
            else:
                module = knoop.module or ""
            if not module.startswith("kaderdiff"):
                continue
            for alias in knoop.names:
                sub = f"{module}.{alias.name}"
                uit.add(sub if _bestaat(sub, pakket) else module)
    uit.discard(eigen)
    return uit


def _bestaat(module: str, pakket: Path) -> bool:
    pad = pakket.parent.joinpath(*module.split("."))
    return pad.with_suffix(".py").is_file() or (pad / "__init__.py").is_file()


def _modules(pakket: Path = PAKKET) -> dict[str, Path]:
    return {_modulenaam(p, pakket): p for p in sorted(pakket.rglob("*.py"))}


def overtredingen(pakket: Path = PAKKET) -> list[str]:
    """Imports from a room to a room on the same or a higher layer."""
    fout = []
    for module, pad in _modules(pakket).items():
        van = _kamer(module, pakket)
        for doel in _imports(pad, pakket):
            naar = _kamer(doel, pakket)
            if naar != van and LAGEN[naar] >= LAGEN[van]:
                fout.append(f"{module} ({van or 'los'}, laag {LAGEN[van]}) importeert {doel} "
                            f"({naar or 'los'}, laag {LAGEN[naar]})")
    return fout


def test_elke_kamer_heeft_een_laag() -> None:
    kamers = {_kamer(m) for m in _modules()}
    assert kamers <= LAGEN.keys(), f"kamer zonder laag in LAGEN: {sorted(kamers - LAGEN.keys())}"


def test_imports_wijzen_naar_beneden() -> None:
    fout = overtredingen()
    assert not fout, "\n".join(fout)


def test_geen_importcirkels() -> None:
    modules = _modules()
    graaf = {m: {d for d in _imports(p) if d in modules} for m, p in modules.items()}
    # Tarjan: strongly connected components of more than one module are circles
    index: dict[str, int] = {}
    laag: dict[str, int] = {}
    stapel: list[str] = []
    op_stapel: set[str] = set()
    cirkels: list[list[str]] = []
    teller = 0

    def bezoek(v: str) -> None:
        nonlocal teller
        index[v] = laag[v] = teller
        teller += 1
        stapel.append(v)
        op_stapel.add(v)
        for w in graaf[v]:
            if w not in index:
                bezoek(w)
                laag[v] = min(laag[v], laag[w])
            elif w in op_stapel:
                laag[v] = min(laag[v], index[w])
        if laag[v] == index[v]:
            groep = []
            while True:
                w = stapel.pop()
                op_stapel.discard(w)
                groep.append(w)
                if w == v:
                    break
            if len(groep) > 1:
                cirkels.append(sorted(groep))

    for v in graaf:
        if v not in index:
            bezoek(v)
    assert not cirkels, f"importcirkels: {cirkels}"


def test_kleine_modules_en_weinig_losse() -> None:
    regels = {m: len(p.read_text(encoding="utf-8").splitlines()) for m, p in _modules().items()}
    te_groot = {m: n for m, n in regels.items() if n > MAX_REGELS}
    assert not te_groot, f"modules boven {MAX_REGELS} regels: {te_groot}"
    los = [p.name for p in PAKKET.glob("*.py")]
    assert len(los) <= MAX_LOS, f"te veel losse modules in kaderdiff/: {los}"
    kamers = [p for p in PAKKET.iterdir() if p.is_dir() and (p / "__init__.py").is_file()]
    assert len(kamers) >= 5


def test_de_controle_kan_falen(tmp_path: Path) -> None:
    """An upward import planted in a copy of the package is reported (the check is not blind)."""
    kopie = tmp_path / "kaderdiff"
    shutil.copytree(PAKKET, kopie, ignore=shutil.ignore_patterns("__pycache__"))
    staat = kopie / "diff" / "staatbouw.py"
    staat.write_text("from kaderdiff.render.teksten import referentie\n" + staat.read_text(encoding="utf-8"),
                     encoding="utf-8")
    assert overtredingen(kopie) == ["kaderdiff.diff.staatbouw (diff, laag 5) importeert kaderdiff.render.teksten "
                                    "(render, laag 8)"]
