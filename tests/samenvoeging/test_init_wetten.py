"""`kaderdiff init` offers the texts of the laws the kaders cite (issue 26): it names what is missing and how to
fetch it; with `--wetten` it fetches them from the BWB repository (here a real HTTP server on 127.0.0.1)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.hulp.bwbserver import Server, manifest
from tests.hulp.draai import kd
from tests.hulp.paden import KADERS


def _kloon_met_kaders(map_: Path) -> Path:
    """A folder with the kaders of 2026 copied in, and no law texts: as a team starts with its own repository."""
    (map_ / "kaders").mkdir(parents=True)
    shutil.copytree(KADERS / "2026", map_ / "kaders" / "2026")
    return map_


def test_init_noemt_de_wetten_zonder_tekst_en_hoe_ze_te_halen(tmp_path: Path) -> None:
    repo = _kloon_met_kaders(tmp_path / "repo")
    code, uit, fout = kd(["init", str(repo)])
    assert (code, fout) == (0, ""), fout
    assert ("De kaders citeren 5 wet(ten) zonder opgeslagen tekst (WEB, WMS, WOT, WPO, WVO); zonder die tekst "
            "controleert 'kaderdiff controleer' hun artikelen niet. Haal ze met 'kaderdiff wetten haal --alle' (of "
            "draai 'kaderdiff init --wetten').") in uit
    readme = (repo / "README.md").read_text(encoding="utf-8")
    assert "kaderdiff wetten haal --alle" in readme and "kaderdiff init --wetten" in readme
    assert "kaderdiff wetten bewaak" in readme


def test_init_in_een_lege_map_zegt_wat_te_doen_als_de_kaders_er_staan(tmp_path: Path) -> None:
    code, uit, _ = kd(["init", str(tmp_path / "leeg")])
    assert code == 0 and "haal dan de tekst van de wetten die ze citeren met 'kaderdiff wetten haal --alle'" in uit


def test_init_met_wetten_haalt_ze(tmp_path: Path, server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = _kloon_met_kaders(tmp_path / "repo")
    for kader in (repo / "kaders" / "2026").glob("*.xml"):
        if kader.name != "po.xml":
            kader.unlink()  # the PO kader cites the WPO, the WMS and the WOT
    for bwb in ("BWBR0003420", "BWBR0020685", "BWBR0013800"):  # WPO, WMS, WOT
        tekst = (KADERS / "wetten" / bwb / "2024-08-01.xml").read_bytes()
        server.routes[f"/bwb/{bwb}/manifest.xml"] = (200, "application/xml", manifest(bwb, [
            ("2024-08-01_0", "2024-08-01", "9999-12-31", "9999-12-31", False)]))
        server.routes[f"/bwb/{bwb}/2024-08-01_0/xml/{bwb}_2024-08-01_0.xml"] = (200, "application/xml", tekst)
    monkeypatch.setenv("KADERDIFF_BWB_URL", server.url)
    code, uit, fout = kd(["init", "--wetten", str(repo)])
    assert (code, fout) == (0, ""), fout
    assert "3 wet(ten): 3 versie(s) opgehaald, 0 al aanwezig." in uit
    code, uit, fout = kd(["controleer", "--streng"], cwd=repo)
    assert (code, fout) == (0, ""), fout
    code, uit, _ = kd(["init", str(repo)])
    assert code == 0 and "zonder opgeslagen tekst" not in uit, "nothing is missing any more"
