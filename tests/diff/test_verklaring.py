"""Explanations from git: only the commits between the two versions are read, each blob once."""

from __future__ import annotations

from pathlib import Path

import pytest

from kaderdiff.bron.laden import laad_bytes
from kaderdiff.bron.versies import KaderMap
from kaderdiff.diff import verklaring
from kaderdiff.diff.staatbouw import maak_staat
from kaderdiff.diff.verklaring import commits_per_element
from kaderdiff.model.versie import Versie
from tests.hulp.repos import commit_alles, git_cmd, maak_repo

AANTAL = 10


@pytest.fixture
def geschiedenis(tmp_path: Path) -> tuple[Path, list[str], list[str]]:
    """The sample kaders, then AANTAL commits that each touch one mbo 2026 eis not changed since 2025."""
    repo = maak_repo(tmp_path / "repo")
    kadermap = KaderMap(repo / "kaders")
    oud, nieuw = kadermap.laad(Versie(2025), "MBO"), kadermap.laad(Versie(2026), "MBO")
    bestand = repo / "kaders" / "2026" / "mbo.xml"
    tekst = bestand.read_text(encoding="utf-8")
    oude_teksten = {e.id: e.tekst for e in oud.eisen()}
    eisen = [e for e in nieuw.eisen() if oude_teksten.get(e.id) == e.tekst and tekst.count(e.tekst) == 1]
    assert len(eisen) >= AANTAL, "genoeg eisen die sinds 2025 gelijk bleven"
    ids, commits = [], []
    for i, eis in enumerate(eisen[:AANTAL], start=1):
        tekst = tekst.replace(eis.tekst, f"{eis.tekst[:-1]} (herzien {i}).")
        bestand.write_text(tekst, encoding="utf-8")
        commits.append(commit_alles(repo, f"Eis {eis.id}: herzien in stap {i}"))
        ids.append(eis.id)
    return repo, ids, commits


def test_alleen_commits_sinds_de_gevraagde_elementen_afweken(
        geschiedenis: tuple[Path, list[str], list[str]], monkeypatch: pytest.MonkeyPatch) -> None:
    repo, ids, commits = geschiedenis
    kadermap = KaderMap(repo / "kaders")
    oud = kadermap.laad(Versie(2025), "MBO")
    volledig = commits_per_element(kadermap.historie(Versie(2025), Versie(2026), "MBO"), oud)
    for element_id, commit in zip(ids, commits, strict=True):
        assert [c.hexsha for c in volledig[element_id]] == [commit], element_id
    eerste = git_cmd(repo, "rev-list", "--max-parents=0", "HEAD")
    assert {c.hexsha for lijst in volledig.values() for c in lijst} == {eerste, *commits}

    gelezen: list[str] = []
    echt = laad_bytes

    def lees(data: bytes, naam: str) -> object:
        gelezen.append(naam.rsplit("@", 1)[1])
        return echt(data, naam)

    monkeypatch.setattr(verklaring, "laad_bytes", lees)
    laatste = commits_per_element(kadermap.historie(Versie(2025), Versie(2026), "MBO"), oud, set(ids[-2:]))
    # the same answer as the full walk for the elements asked about ...
    assert {i: [c.hexsha for c in lijst] for i, lijst in laatste.items()} == {
        i: [c.hexsha for c in volledig[i]] for i in ids[-2:]}
    # ... read from the two commits that changed them and the parent of the older one, each blob once
    assert sorted(gelezen) == sorted(c[:7] for c in commits[-3:])
    assert len(gelezen) == len(set(gelezen))


def test_staat_noemt_de_commitberichten_van_de_laatste_stappen(
        geschiedenis: tuple[Path, list[str], list[str]]) -> None:
    repo, ids, commits = geschiedenis
    staat = maak_staat(KaderMap(repo / "kaders"), Versie(2025), Versie(2026), "MBO")
    for i, element_id in enumerate(ids, start=1):
        rij = next(w for w in staat.wijzigingen if element_id in w.ids)
        assert [v.commit for v in rij.verklaringen] == [commits[i - 1]]
        assert f"herzien in stap {i}" in rij.verklaringen[0].tekst


def test_zelfde_jaar_met_ref_blijft_binnen_het_bereik(geschiedenis: tuple[Path, list[str], list[str]]) -> None:
    repo, ids, commits = geschiedenis
    git_cmd(repo, "tag", "halverwege", commits[4])
    kadermap = KaderMap(repo / "kaders")
    oud = kadermap.laad(Versie(2026, "halverwege"), "MBO")
    uit = commits_per_element(kadermap.historie(Versie(2026, "halverwege"), Versie(2026), "MBO"), oud)
    assert {i: [c.hexsha for c in lijst] for i, lijst in uit.items()} == {
        i: [c] for i, c in zip(ids[5:], commits[5:], strict=True)}
