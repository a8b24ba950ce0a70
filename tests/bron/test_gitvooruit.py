"""`KaderMap.git_vooruit`: the git commands of `herkomst` started early give the same herkomst, are really used,
leave no git running and fail as before."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kaderdiff.bron.versies import KaderMap
from kaderdiff.fouten import KaderdiffFout
from kaderdiff.model.versie import Versie
from kaderdiff.versiebeheer import opdracht
from tests.hulp.paden import KADERS
from tests.hulp.repos import commit_alles, maak_repo

VERSIES = (Versie(2025), Versie(2026))


def _alle_herkomst(kadermap: KaderMap) -> list[object]:
    """What a pack asks: per version, of the whole tree and of each sector's file, and the commit date."""
    uit: list[object] = [kadermap.commitdatum(Versie(2026))]
    for versie in VERSIES:
        uit.append(kadermap.herkomst(versie))
        uit += [kadermap.herkomst(versie, sector) for sector in kadermap.sectoren(versie)]
    return uit


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with two commits, the second touching one sector, and a changed file in the working tree."""
    repo = maak_repo(tmp_path / "repo")
    pad = repo / "kaders" / "2026" / "mbo.xml"
    pad.write_text(pad.read_text(encoding="utf-8").replace("<titel>", "<titel>Nieuw: ", 1), encoding="utf-8")
    commit_alles(repo, "Titel van MBO")
    po = repo / "kaders" / "2026" / "po.xml"
    po.write_text(po.read_text(encoding="utf-8").replace("<titel>", "<titel>Werk: ", 1), encoding="utf-8")
    return repo


def test_vooruit_geeft_dezelfde_herkomst_en_wordt_gebruikt(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    verwacht = _alle_herkomst(KaderMap(repo / "kaders"))
    assert any(getattr(h, "vuil", False) for h in verwacht), "de werkmap van 2026 is gewijzigd"
    gewacht: list[tuple[str, ...]] = []
    echt = opdracht.git

    def tel(*args: str, **kwargs: object) -> opdracht.Uitkomst:
        gewacht.append(args)
        return echt(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(opdracht, "git", tel)
    kadermap = KaderMap(repo / "kaders")
    with kadermap.git_vooruit(VERSIES):
        assert _alle_herkomst(kadermap) == verwacht
    assert gewacht == [], "elke vraag van herkomst had zijn antwoord al onderweg"


def test_niet_gevraagde_opdrachten_lopen_niet_door(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    gestart: list[opdracht.Lopend] = []
    echt = opdracht.begin

    def onthoud(*args: str, **kwargs: object) -> opdracht.Lopend:
        gestart.append(echt(*args, **kwargs))  # type: ignore[arg-type]
        return gestart[-1]

    monkeypatch.setattr(opdracht, "begin", onthoud)
    with KaderMap(repo / "kaders").git_vooruit(VERSIES):
        pass  # nothing asked: every command is waited for at the end
    assert len(gestart) == 5  # HEAD, and per year its status and its log
    assert all(lopend._proces.returncode == 0 for lopend in gestart)


def test_zonder_git_repository_start_er_niets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(KADERS, tmp_path / "kaders")
    monkeypatch.setattr(opdracht, "begin", lambda *a, **k: pytest.fail("git gestart buiten een repository"))
    kadermap = KaderMap(tmp_path / "kaders")
    with kadermap.git_vooruit(VERSIES):
        assert kadermap.herkomst(Versie(2026)).vuil


def test_fouten_blijven_dezelfde(repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A repository git cannot read, and no git at all: the same Dutch errors as without the early start."""
    head = (repo / ".git" / "HEAD").read_bytes()
    (repo / ".git" / "HEAD").write_text("kapot\n", encoding="utf-8")
    kadermap = KaderMap(repo / "kaders")
    with pytest.raises(KaderdiffFout, match=r"git kan de repository van .* niet lezen"), \
            kadermap.git_vooruit(VERSIES):
        kadermap.herkomst(Versie(2026))
    (repo / ".git" / "HEAD").write_bytes(head)
    (tmp_path / "leeg").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "leeg"))
    kadermap = KaderMap(repo / "kaders")
    with pytest.raises(KaderdiffFout, match=r"het programma git is niet gevonden"), kadermap.git_vooruit(VERSIES):
        kadermap.herkomst(Versie(2026))
