"""The persistent grondslag index behind `herleid --artikel`: correct results, and invalidation by content."""

from __future__ import annotations

import json
import marshal
import os
import shutil
import zlib
from pathlib import Path
from typing import Any

from kaderdiff.bron.cachemap import KOP
from kaderdiff.bron.versies import KaderMap
from kaderdiff.model.kader import Grondslag
from kaderdiff.model.versie import Versie
from kaderdiff.recht import grondslagindex
from kaderdiff.recht.artikelherleiding import herleid_artikel
from kaderdiff.recht.grondslagindex import Grondslagindex, _Ingang, index_van_kader
from kaderdiff.verwijzing.citeren import parse_een
from tests.hulp.draai import kd
from tests.hulp.paden import KADERS, sample_kaders
from tests.hulp.repos import commit_alles, maak_repo

STUDIEDUUR = parse_een("artikel 7.2.4a, eerste lid, WEB")


def _kopie(tmp_path: Path) -> tuple[KaderMap, Path]:
    shutil.copytree(KADERS, tmp_path / "kaders")
    return KaderMap(tmp_path / "kaders"), tmp_path / "cache"


def _opgeslagen(pad: Path) -> dict[str, Any]:
    """A stored index read as the format describes it (header line, CRC-32, marshal), not by the reader under test."""
    inhoud = pad.read_bytes()
    assert inhoud.startswith(KOP) and zlib.crc32(inhoud[len(KOP) + 4:]).to_bytes(4, "big") == inhoud[len(KOP):][:4]
    data = marshal.loads(inhoud[len(KOP) + 4:])
    assert isinstance(data, dict)
    return data


def _vervang_even_lang(bestand: Path, oud: str, nieuw: str) -> None:
    """Edit a file keeping its size and its modification time: only the content (and ctime) differ."""
    assert len(oud.encode()) == len(nieuw.encode())
    st = bestand.stat()
    inhoud = bestand.read_text(encoding="utf-8")
    assert oud in inhoud
    bestand.write_text(inhoud.replace(oud, nieuw), encoding="utf-8")
    os.utime(bestand, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert bestand.stat().st_size == st.st_size and bestand.stat().st_mtime_ns == st.st_mtime_ns


def test_index_geeft_dezelfde_eisen_als_de_kaders_zelf(tmp_path: Path) -> None:
    km, cache = _kopie(tmp_path)
    index = Grondslagindex(km, cache)
    verwacht = [index_van_kader(km.laad(Versie(j), s)) for j in km.jaren() for s in km.sectoren(Versie(j))]
    assert index.kaders() == verwacht
    assert len(index.herlezen) == len(verwacht)
    assert index.kaders() == verwacht and index.herlezen == [], "tweede keer: niets opnieuw gelezen"


def test_opgeslagen_index_wordt_in_een_nieuw_proces_gebruikt(tmp_path: Path) -> None:
    km, cache = _kopie(tmp_path)
    index = Grondslagindex(km, cache)
    eerste = herleid_artikel(km, STUDIEDUUR, index)
    assert index.pad is not None and index.pad.parent == cache
    opgeslagen = _opgeslagen(index.pad)
    assert len(opgeslagen["bestanden"]) == len(sample_kaders()) and opgeslagen["formaat"] == grondslagindex.FORMAAT
    nieuw = Grondslagindex(KaderMap(tmp_path / "kaders"), cache)  # as a fresh process would
    assert herleid_artikel(km, STUDIEDUUR, nieuw) == eerste
    assert nieuw.herlezen == [], "alles uit de opgeslagen index, niets geparst"


def test_gewijzigde_inhoud_met_gelijke_grootte_en_tijd_wordt_opnieuw_gelezen(tmp_path: Path) -> None:
    km, cache = _kopie(tmp_path)
    [voor] = [g for g in herleid_artikel(km, STUDIEDUUR, Grondslagindex(km, cache)) if g.sector == "MBO"]
    assert voor.tekst_gewijzigd == []
    _vervang_even_lang(tmp_path / "kaders" / "2026" / "mbo.xml", "kunnen afronden", "kunnen AFRONDEN")
    index = Grondslagindex(km, cache)
    [na] = [g for g in herleid_artikel(km, STUDIEDUUR, index) if g.sector == "MBO"]
    assert index.herlezen == ["2026/mbo.xml"]
    assert na.tekst_gewijzigd == [2026] and "kunnen AFRONDEN" in na.voorkomens[-1].tekst
    # the same index object in memory sees a second edit as well
    _vervang_even_lang(tmp_path / "kaders" / "2026" / "mbo.xml", "kunnen AFRONDEN", "kunnen afronden")
    [terug] = [g for g in herleid_artikel(km, STUDIEDUUR, index) if g.sector == "MBO"]
    assert index.herlezen == ["2026/mbo.xml"] and terug.tekst_gewijzigd == []


def test_grondslag_gewijzigd_en_jaar_erbij_en_weg(tmp_path: Path) -> None:
    km, cache = _kopie(tmp_path)
    index = Grondslagindex(km, cache)
    assert {g.sector for g in herleid_artikel(km, STUDIEDUUR, index)} >= {"MBO"}
    mbo = tmp_path / "kaders" / "2026" / "mbo.xml"
    inhoud = mbo.read_text(encoding="utf-8")
    mbo.write_text(inhoud.replace('artikel="7.2.4a" lid="1"', 'artikel="7.2.4b" lid="1"'), encoding="utf-8")
    [g] = [g for g in herleid_artikel(km, STUDIEDUUR, index) if g.sector == "MBO"]
    assert g.verwijderd_in == 2026 and not g.eis_vervallen
    shutil.copytree(tmp_path / "kaders" / "2025", tmp_path / "kaders" / "2024")
    for bestand in (tmp_path / "kaders" / "2024").glob("*.xml"):
        bestand.write_text(bestand.read_text(encoding="utf-8").replace('jaar="2025"', 'jaar="2024"'),
                           encoding="utf-8")
    [g] = [g for g in herleid_artikel(km, STUDIEDUUR, index) if g.sector == "MBO"]
    assert g.eerste_jaar == 2024
    assert sorted(index.herlezen) == sorted(f"2024/{p.name}" for p in (KADERS / "2025").glob("*.xml"))
    shutil.rmtree(tmp_path / "kaders" / "2024")
    [g] = [g for g in herleid_artikel(km, STUDIEDUUR, index) if g.sector == "MBO"]
    assert g.eerste_jaar == 2025
    assert index.pad is not None
    opgeslagen = _opgeslagen(index.pad)
    assert not any(naam.startswith("2024/") for naam in opgeslagen["bestanden"])


def test_kapotte_of_verouderde_index_wordt_genegeerd(tmp_path: Path, monkeypatch: object) -> None:
    km, cache = _kopie(tmp_path)
    index = Grondslagindex(km, cache)
    goed = herleid_artikel(km, STUDIEDUUR, index)
    assert index.pad is not None
    pad = index.pad
    pad.write_text("{ kapot", encoding="utf-8")
    index = Grondslagindex(km, cache)
    assert herleid_artikel(km, STUDIEDUUR, index) == goed and len(index.herlezen) == len(sample_kaders())
    opgeslagen = _opgeslagen(pad)
    opgeslagen["formaat"] = "kaderdiff-grondslagindex/0"
    romp = marshal.dumps(opgeslagen)
    pad.write_bytes(KOP + zlib.crc32(romp).to_bytes(4, "big") + romp)
    index = Grondslagindex(km, cache)
    assert herleid_artikel(km, STUDIEDUUR, index) == goed and len(index.herlezen) == len(sample_kaders())


def test_stat_wordt_alleen_vertrouwd_buiten_het_racy_venster() -> None:
    kader = grondslagindex.IndexKader("MBO", 2026, ())
    seconde = 1_000_000_000
    handtekening = (100, 5 * seconde, 5 * seconde, 42)
    kort_na = _Ingang(handtekening, 5 * seconde + seconde // 2, "x", kader)
    lang_na = _Ingang(handtekening, 9 * seconde, "x", kader)
    assert not kort_na.vertrouwd(handtekening), "net gewijzigd: opnieuw hashen"
    assert lang_na.vertrouwd(handtekening)
    assert not lang_na.vertrouwd((100, 5 * seconde, 6 * seconde, 42)), "andere ctime: opnieuw hashen"


def test_cli_herleid_artikel_bewaart_de_index_in_de_git_map(tmp_path: Path, monkeypatch: object) -> None:
    import pytest
    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    monkeypatch.delenv("KADERDIFF_CACHE")
    repo = maak_repo(tmp_path / "repo")
    code, uit, fout = kd(["herleid", "--artikel", "artikel 7.2.4a, eerste lid, WEB", "--json",
                          "--kaders", str(repo / "kaders")])
    assert code == 0, fout
    [bestand] = (repo / ".git" / "kaderdiff").glob("grondslagindex-*.bin")
    mbo = repo / "kaders" / "2026" / "mbo.xml"
    mbo.write_text(mbo.read_text(encoding="utf-8").replace("kunnen afronden", "kunnen voltooien"),
                   encoding="utf-8")
    commit_alles(repo, "Studieduur: voltooien")
    code, uit, fout = kd(["herleid", "--artikel", "artikel 7.2.4a, eerste lid, WEB", "--json",
                          "--kaders", str(repo / "kaders")])
    eisen = {e["sector"]: e for e in json.loads(uit)["eisen"]}
    assert eisen["MBO"]["tekst_gewijzigd"] == [2026]
    assert list(bestand.parent.glob("grondslagindex-*")) == [bestand], "bijgewerkt, niet een tweede erbij"
    assert Grondslag("WEB", "7.2.4a", "1") == STUDIEDUUR


def test_twee_kadermappen_met_een_cachemap_verdringen_elkaar_niet(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    mappen = []
    for naam in ("kaders", "concept-kaders"):
        shutil.copytree(KADERS, tmp_path / naam)
        mappen.append(KaderMap(tmp_path / naam))
    for km in mappen:
        herleid_artikel(km, STUDIEDUUR, Grondslagindex(km, cache))
    assert len(list(cache.glob("grondslagindex-*.bin"))) == 2
    for km in mappen:
        index = Grondslagindex(km, cache)
        herleid_artikel(km, STUDIEDUUR, index)
        assert index.herlezen == [], f"{km.pad}: eigen index gebruikt"
