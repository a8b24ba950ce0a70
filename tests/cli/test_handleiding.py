"""What the documents for users promise exists: every `kaderdiff …` command and option they name is real.

The handbook (docs/handleiding.md), the README of a kaders repository (templates/repo/README.md) and the
project README describe commands by example; when a command or option is renamed, this test names the
place that is no longer true.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.hulp.draai import kd
from tests.hulp.paden import REPO

DOCUMENTEN = [REPO / "docs" / "handleiding.md", REPO / "templates" / "repo" / "README.md", REPO / "README.md"]
#: `kaderdiff COMMAND …` where a command starts: at the start of the code, after `&&`, or after a path (.venv/bin/).
_OPDRACHT = re.compile(r"(?:^|&& |[\w.~]+/)kaderdiff ((?:[a-z][a-z-]*)(?: (?:importeer|haal|uitstel|bewaak))?)"
                       r"((?: [^`|&\n]*)?)")
_OPTIE = re.compile(r"(?<![\w-])(--[a-z][a-z-]*)")


def genoemd(document: Path) -> list[tuple[int, str, set[str]]]:
    """(line, command, options) for every `kaderdiff COMMAND …` in code spans and blocks."""
    uit = []
    in_blok = False
    for nummer, regel in enumerate(document.read_text(encoding="utf-8").splitlines(), start=1):
        if regel.startswith("```"):
            in_blok = not in_blok
            continue
        stukken = [regel] if in_blok else re.findall(r"`([^`]*)`", regel)
        for stuk in stukken:
            for gevonden in _OPDRACHT.finditer(stuk):
                uit.append((nummer, gevonden.group(1), set(_OPTIE.findall(gevonden.group(2)))))
    return uit


@pytest.mark.parametrize("document", DOCUMENTEN, ids=lambda p: p.relative_to(REPO).as_posix())
def test_genoemde_opdrachten_en_opties_bestaan(document: Path) -> None:
    hulp: dict[str, str] = {}
    fout = []
    gevonden = genoemd(document)
    assert len(gevonden) >= 5, "de test vindt de opdrachten in het document"
    for nummer, opdracht, opties in gevonden:
        if opdracht not in hulp:
            code, uit, _ = kd([*opdracht.split(), "-h"])
            hulp[opdracht] = uit if code == 0 else ""
        if not hulp[opdracht]:
            fout.append(f"{document.name}:{nummer}: kaderdiff {opdracht} bestaat niet")
        fout += [f"{document.name}:{nummer}: kaderdiff {opdracht} kent {o} niet" for o in sorted(opties)
                 if o not in hulp[opdracht]]
    assert not fout, "\n".join(fout)


def test_de_controle_ziet_een_verkeerde_opdracht(tmp_path: Path) -> None:
    document = tmp_path / "x.md"
    document.write_text("Draai `kaderdiff staat --van 2025 --naar 2026 --sneller` en `kaderdiff bestaatniet`.\n"
                        "Niet: `ruff check kaderdiff tests`. Wel: `.venv/bin/kaderdiff wetten importeer x.xml`\n",
                        encoding="utf-8")
    assert genoemd(document) == [(1, "staat", {"--van", "--naar", "--sneller"}), (1, "bestaatniet", set()),
                                 (2, "wetten importeer", set())]


def test_de_handleiding_toont_een_verplaatsing_in_het_concept_en_een_bladzijdegrens_in_de_staat() -> None:
    """The pictures the handbook shows exist (made from the packs tests/pakket/test_bladspiegel.py builds)."""
    handleiding = REPO / "docs" / "handleiding.md"
    plaatjes = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", handleiding.read_text(encoding="utf-8"))
    assert {"concept-verplaatsing.png", "staat-bladzijdegrens.png"} <= set(plaatjes)
    for naam in plaatjes:
        assert (handleiding.parent / naam).read_bytes().startswith(b"\x89PNG"), naam
