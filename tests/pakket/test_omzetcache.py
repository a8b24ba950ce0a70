"""The conversion cache: an unchanged pack is rebuilt without LibreOffice, a changed sector converts only its own
documents, and every byte is what a build without cache gives, also after the cache was deleted or damaged.

The conversions are counted in the pack's progress (a line per document: converted by LibreOffice, or from the
cache) and, for the starts, by a `soffice` on PATH that writes down every start (the `starts` fixture); nothing
of LibreOffice is mocked.
"""

from __future__ import annotations

import ast
import json
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from kaderdiff.bron.versies import KaderMap
from kaderdiff.model.versie import Versie
from kaderdiff.pakket import omzetcache
from kaderdiff.pakket.libreoffice import Omzetter
from kaderdiff.pakket.omzetcache import CODE, Omzetcache, code_kenmerk, libreoffice_kenmerk
from kaderdiff.pakket.pakketbouw import bouw_pakket
from tests.hulp.draai import kd
from tests.hulp.echte_clients import kantoorstarts, vereist
from tests.hulp.kaderbewerking import bewerkt, tekst
from tests.hulp.paden import map_sha
from tests.hulp.repos import commit_alles, maak_repo

MOMENT = datetime(2026, 5, 20, 8, 0)
ALLE = ("docx", "odt", "pdf", "html")
SLEUTEL = "a" * 64


def cache_in(map_: Path, grens: int = omzetcache.GRENS) -> Omzetcache:
    return Omzetcache(map_, "vast kenmerk", grens)


# ------------------------------------------------------------------------------------------- entries, no LibreOffice
def test_een_ingang_komt_terug_zoals_bewaard_en_een_beschadigde_nooit(tmp_path: Path) -> None:
    cache = cache_in(tmp_path / "omzettingen")
    pdf = b"%PDF-1.6\n" + bytes(range(256)) * 40
    sleutel = cache.sleutel(b"docx-bytes", "pdf")
    assert cache.lees(sleutel, "pdf") is None
    cache.bewaar(sleutel, "pdf", pdf)
    assert cache.lees(sleutel, "pdf") == pdf
    pad = cache.map / f"{sleutel}.pdf"
    heel = pad.read_bytes()
    ander = cache.sleutel(b"andere docx", "pdf")
    cache.bewaar(ander, "pdf", b"%PDF-1.6\nander document")
    kop = heel[:heel.index(b"\n") + 1]
    beschadigingen = {
        "afgekapt": heel[:-100],
        "afgekapt in de kop": heel[:40],
        "leeg": b"",
        "een byte anders": heel[:-7] + bytes([heel[-7] ^ 1]) + heel[-6:],
        "kop met een andere sha256": kop.replace(kop.split()[2], b"0" * 64) + pdf,
        "de ingang van een ander document": (cache.map / f"{ander}.pdf").read_bytes(),
        "zonder kop": pdf,
    }
    for naam, inhoud in beschadigingen.items():
        pad.write_bytes(inhoud)
        assert cache.lees(sleutel, "pdf") is None, naam
    pad.unlink()
    elders = tmp_path / "elders.pdf"
    elders.write_bytes(heel)
    pad.symlink_to(elders)
    assert cache.lees(sleutel, "pdf") is None, "een symbolische koppeling is geen ingang"
    pad.unlink()
    os.mkfifo(pad)
    assert cache.lees(sleutel, "pdf") is None, "een FIFO met de naam van een ingang laat de bouw niet wachten"
    pad.unlink()
    cache.bewaar(sleutel, "pdf", pdf)
    assert cache.lees(sleutel, "pdf") == pdf, "opnieuw bewaard is hij weer goed"
    assert cache.sleutel(b"docx-bytes", "odt") != sleutel
    assert cache_in(cache.map).sleutel(b"docx-bytes", "pdf") == sleutel
    assert Omzetcache(cache.map, "ander kenmerk").sleutel(b"docx-bytes", "pdf") != sleutel


def test_opruimen_houdt_de_grens_en_raakt_alleen_eigen_ingangen(tmp_path: Path) -> None:
    map_ = tmp_path / "omzettingen"
    oud = cache_in(map_)
    sleutels = [oud.sleutel(str(i).encode(), "pdf") for i in range(6)]
    for i, sleutel in enumerate(sleutels):
        oud.bewaar(sleutel, "pdf", bytes([i]) * 10_000)
        os.utime(map_ / f"{sleutel}.pdf", ns=(10**18 + i * 10**9, 10**18 + i * 10**9))  # 0 least recently used
    vreemd = {
        "notities.txt": b"van de gebruiker",
        f"{'b' * 64}.pdf": b"%PDF-1.6 een echte pdf met de naam van een ingang",
        f"{'c' * 64}.odt": b"x" * 50_000,
    }
    for naam, inhoud in vreemd.items():
        (map_ / naam).write_bytes(inhoud)
        os.utime(map_ / naam, ns=(1, 1))  # the oldest of all
    buiten = tmp_path / "belangrijk.pdf"
    buiten.write_bytes((map_ / f"{sleutels[0]}.pdf").read_bytes())
    (map_ / f"{'d' * 64}.pdf").symlink_to(buiten)
    (map_ / f"{'e' * 64}.pdf").mkdir()
    dood = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True,
                          check=True).stdout.strip()
    rest_dood = map_ / f".{sleutels[0]}.pdf.{dood}-0123abcd.tmp"
    rest_levend = map_ / f".{sleutels[1]}.pdf.{os.getpid()}-0123abcd.tmp"
    rest_dood.write_bytes(b"half")
    rest_levend.write_bytes(b"wordt nog geschreven")

    nu = cache_in(map_, grens=3 * 10_200)
    assert nu.lees(sleutels[1], "pdf") == bytes([1]) * 10_000  # used by this build: never pruned by it
    weg = nu.ruim_op()
    assert sorted(weg) == sorted([rest_dood.name, f"{sleutels[0]}.pdf", f"{sleutels[2]}.pdf",
                                  f"{sleutels[3]}.pdf"])
    for naam, inhoud in vreemd.items():
        assert (map_ / naam).read_bytes() == inhoud, f"{naam} is geen ingang en blijft"
    assert buiten.is_file() and (map_ / f"{'d' * 64}.pdf").is_symlink() and (map_ / f"{'e' * 64}.pdf").is_dir()
    assert rest_levend.exists(), "het tijdelijke bestand van een levend proces blijft"
    assert [nu.lees(s, "pdf") is not None for s in sleutels] == [False, True, False, False, True, True]


def _schrijf_steeds(map_: Path, sleutel: str, stop: float) -> None:
    import time

    cache = cache_in(map_)
    i = 0
    while time.monotonic() < stop:
        cache.bewaar(sleutel, "pdf", bytes([i % 251]) * (1000 + (i % 7) * 200_000))
        i += 1


def test_een_tweede_proces_ziet_nooit_een_half_geschreven_ingang(tmp_path: Path) -> None:
    """Two builds share one cache: one writes an entry again and again (small and large), the other reads it
    meanwhile; every read is a whole entry or none."""
    import time

    map_ = tmp_path / "omzettingen"
    cache = cache_in(map_)
    stop = time.monotonic() + 1.5
    schrijver = multiprocessing.get_context("fork").Process(target=_schrijf_steeds, args=(map_, SLEUTEL, stop))
    schrijver.start()
    gelezen = geheel = 0
    while time.monotonic() < stop:
        data = cache.lees(SLEUTEL, "pdf")
        if data is not None:
            geheel += 1
            assert len(data) in {1000 + k * 200_000 for k in range(7)} and data == data[:1] * len(data)
        gelezen += 1
    schrijver.join()
    assert schrijver.exitcode == 0 and geheel > 10, (gelezen, geheel)


# ------------------------------------------------------------------------------------------------ what the key covers
def _imports(module: str) -> set[str]:
    bestand = sys.modules[module].__file__
    assert bestand is not None
    uit = set()
    for knoop in ast.walk(ast.parse(Path(bestand).read_text(encoding="utf-8"))):
        if isinstance(knoop, ast.ImportFrom) and knoop.module and knoop.module.startswith("kaderdiff"):
            uit.add(knoop.module)
        elif isinstance(knoop, ast.Import):
            uit.update(a.name for a in knoop.names if a.name.startswith("kaderdiff"))
    return uit


def test_de_sleutel_dekt_alle_code_die_een_omzetting_vormt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every kaderdiff module the conversion runs (libreoffice.py and what it imports, transitively) is in CODE,
    and changing one byte of one of them gives another key."""
    gezien, te_doen = set(), ["kaderdiff.pakket.libreoffice"]
    while te_doen:
        naam = te_doen.pop()
        if naam not in gezien and naam != "kaderdiff":
            gezien.add(naam)
            __import__(naam)
            te_doen += _imports(naam)
    assert gezien <= set(CODE), sorted(gezien - set(CODE))
    voor = code_kenmerk()
    for naam in CODE:
        module = sys.modules[naam]
        kopie = tmp_path / f"{naam}.py"
        kopie.write_bytes(Path(str(module.__file__)).read_bytes() + b"\n# een komma anders\n")
        with monkeypatch.context() as m:
            m.setattr(module, "__file__", str(kopie))
            assert code_kenmerk() != voor, naam
    assert code_kenmerk() == voor


def test_de_sleutel_volgt_de_libreoffice_installatie(tmp_path: Path) -> None:
    programma = tmp_path / "libreoffice" / "program"
    programma.mkdir(parents=True)
    for naam in ("soffice", "soffice.bin", "libmergedlo.so"):
        (programma / naam).write_bytes(b"7.4.7.2")
    (programma / "versionrc").write_text("[Version]\nbuildid=40(Build:2)\n", encoding="utf-8")
    koppeling = tmp_path / "bin" / "soffice"
    koppeling.parent.mkdir()
    koppeling.symlink_to(programma / "soffice")
    voor = libreoffice_kenmerk(str(koppeling))
    assert libreoffice_kenmerk(str(programma / "soffice")) == voor, "de koppeling leidt naar dezelfde installatie"
    (programma / "libmergedlo.so").write_bytes(b"7.4.7.3")  # a new build of the same version
    assert libreoffice_kenmerk(str(koppeling)) != voor


# ----------------------------------------------------------------------------------------- with LibreOffice itself
@pytest.mark.echte_client
def test_een_omzetting_hangt_niet_af_van_wat_hetzelfde_proces_eerder_omzette(tmp_path: Path) -> None:
    """LibreOffice gave the revisions of a concept another colour when the Staat was converted before it in the
    same process (authors got colours in the order the process met them); a cached conversion must be exact."""
    vereist("soffice")
    repo = maak_repo(tmp_path / "repo")
    code, _, fout = kd(["pakket", "--van", "2025", "--naar", "2026", "--sector", "mbo", "--uit",
                        str(tmp_path / "docx")], cwd=repo)
    assert code == 0, fout
    staat, concept = (tmp_path / "docx" / f"mbo-2026-{n}.docx" for n in ("staat-van-wijzigingen",
                                                                          "concept-met-wijzigingen"))
    na_de_staat, alleen = tmp_path / "na-de-staat", tmp_path / "alleen"
    for map_, documenten in ((na_de_staat, (staat, concept)), (alleen, (concept,))):
        map_.mkdir()
        with Omzetter(("odt", "pdf"), MOMENT, kantoren=1) as omzetter:
            for document in documenten:
                omzetter.voeg_toe(document, map_)
            omzetter.wacht()
    for formaat in ("odt", "pdf"):
        naam = f"{concept.stem}.{formaat}"
        assert (na_de_staat / naam).read_bytes() == (alleen / naam).read_bytes(), naam


def bouw(repo: Path, uit: Path) -> int:
    """Build the whole pack with odt and pdf in this process; the number of documents LibreOffice converted (each
    document is one step of the progress: converted, or from the cache)."""
    meldingen: list[str] = []
    bouw_pakket(KaderMap(repo / "kaders"), Versie(2025), Versie(2026), uit, ALLE, stap=meldingen.append)
    omgezet = [m[1] for m in map(re.compile(r"LibreOffice: (\S+) omgezet naar odt en pdf").fullmatch, meldingen) if m]
    uit_cache = [m[1] for m in map(re.compile(r"LibreOffice: (\S+) uit de cache").fullmatch, meldingen) if m]
    assert sorted(omgezet + uit_cache) == sorted(p.name for p in uit.glob("*.docx")), meldingen  # each once
    return len(omgezet)


def ingangen(cache: Path) -> dict[str, bytes]:
    """Entry name -> what it holds (after its first line)."""
    return {p.name: p.read_bytes().split(b"\n", 1)[1] for p in (cache / "omzettingen").iterdir()}


def documenten_van(inhoud: dict[str, bytes], pakket: Path) -> list[str]:
    """The pack's odt and pdf files whose bytes these entries hold."""
    waarden = set(inhoud.values())
    return sorted(p.name for p in pakket.iterdir() if p.suffix in (".odt", ".pdf") and p.read_bytes() in waarden)


@pytest.mark.echte_client
def test_ongewijzigd_pakket_zonder_libreoffice_en_byte_gelijk_ook_na_weggooien_en_beschadigen(
        tmp_path: Path, eigen_cache: Path, starts: Path) -> None:
    repo = maak_repo(tmp_path / "repo")
    uit = tmp_path / "pakket"
    assert bouw(repo, uit) == 16, "lege cache: alle zestien documenten"
    verwacht = map_sha(uit)
    assert len(kantoorstarts(starts)) == 2

    assert bouw(repo, uit) == 0, "niets veranderd: niets omgezet"
    assert len(kantoorstarts(starts)) == 2, "en LibreOffice is niet gestart"
    assert map_sha(uit) == verwacht
    assert '"pdf_pagina"' in (uit / "mbo-2026-staat-van-wijzigingen.json").read_text(encoding="utf-8")

    shutil.rmtree(eigen_cache / "omzettingen")
    assert bouw(repo, uit) == 16, "cache weggegooid: alles opnieuw"
    assert map_sha(uit) == verwacht

    per_document = ingangen(eigen_cache)
    naar_ingang = {p.name: next(n for n, i in per_document.items() if i == p.read_bytes())
                   for p in uit.iterdir() if p.suffix in (".odt", ".pdf")}
    cache = eigen_cache / "omzettingen"
    afgekapt = cache / naar_ingang["po-2026-staat-van-wijzigingen.pdf"]
    afgekapt.write_bytes(afgekapt.read_bytes()[:5000])
    veranderd = cache / naar_ingang["vo-2026-concept-zonder-markeringen.odt"]
    data = bytearray(veranderd.read_bytes())
    data[-200] ^= 0xFF
    veranderd.write_bytes(bytes(data))
    (cache / naar_ingang["mbo-2026-reactieformulier.pdf"]).write_bytes(
        (cache / naar_ingang["mbo-2026-concept-met-wijzigingen.pdf"]).read_bytes())
    assert bouw(repo, uit) == 3, "elke beschadigde ingang opnieuw omgezet, de rest uit de cache"
    assert map_sha(uit) == verwacht
    assert ingangen(eigen_cache) == per_document, "en opnieuw bewaard"


MBO_DOCUMENTEN = sorted(f"mbo-2026-{d}.{f}" for d in ("concept-met-wijzigingen", "concept-zonder-markeringen",
                                                          "reactieformulier", "staat-van-wijzigingen")
                        for f in ("odt", "pdf"))


@pytest.mark.echte_client
def test_een_gewijzigde_sector_zet_alleen_haar_eigen_documenten_om(
        tmp_path: Path, eigen_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each sector's documents depend on its own sources only: an edit of mbo, uncommitted and then committed (the
    sample consultation fixes the documents' date), converts the four documents of mbo and nothing else."""
    vereist("soffice")
    repo = maak_repo(tmp_path / "repo")
    uit = tmp_path / "pakket"
    assert bouw(repo, uit) == 16
    mbo = repo / "kaders" / "2026" / "mbo.xml"
    andere = {p.name: p.read_bytes() for p in uit.iterdir() if not p.name.startswith("mbo-")
              and p.suffix in (".docx", ".odt", ".pdf")}

    def na(bewerking: Callable[[], object], waarom: str) -> None:
        voor = ingangen(eigen_cache)
        bewerking()
        assert bouw(repo, uit) == 4, waarom
        nieuw = {n: i for n, i in ingangen(eigen_cache).items() if n not in voor}
        assert documenten_van(nieuw, uit) == MBO_DOCUMENTEN, waarom
        assert {n: (uit / n).read_bytes() for n in andere} == andere, f"{waarom}: de andere sectoren als voorheen"

    na(lambda: mbo.write_bytes(bewerkt(mbo.read_bytes(), tekst(
        "p-doel-a1", "De inspectie houdt toezicht op de kwaliteit van het onderwijs en op het financieel beheer."))),
       "een eerste wijziging van mbo, niet vastgelegd")
    assert "met wijzigingen die nog niet zijn vastgelegd" in lees_docx(uit / "mbo-2026-staat-van-wijzigingen.docx")
    assert "nog niet zijn vastgelegd" not in lees_docx(uit / "po-2026-staat-van-wijzigingen.docx")
    na(lambda: mbo.write_bytes(bewerkt(mbo.read_bytes(), tekst(
        "p-wettelijk-a2", "Bij iedere eis staat op welk wetsartikel zij berust."))), "een tweede wijziging van mbo")
    commit = ""

    def leg_vast() -> None:
        nonlocal commit
        commit = commit_alles(repo, "MBO: twee alinea's scherper")

    na(leg_vast, "de wijziging van mbo vastgelegd")
    assert f"git-commit {commit}" in lees_docx(uit / "mbo-2026-concept-zonder-markeringen.docx")
    assert f"git-commit {commit}" not in lees_docx(uit / "po-2026-concept-zonder-markeringen.docx")
    assert json.loads((uit / "manifest.json").read_bytes())["naar"]["commit"] == commit, "het pakket: de boom"

    voor = ingangen(eigen_cache)
    po = repo / "kaders" / "2026" / "po.xml"
    po.write_text(po.read_text(encoding="utf-8").replace("Woord vooraf", "Voorwoord", 1), encoding="utf-8")
    assert bouw(repo, uit) == 4, "dan een wijziging van po: alleen de vier documenten van po"
    nieuw = {n: i for n, i in ingangen(eigen_cache).items() if n not in voor}
    assert documenten_van(nieuw, uit) == sorted(
        f"po-2026-{d}.{f}" for d in ("concept-met-wijzigingen", "concept-zonder-markeringen", "reactieformulier",
                                     "staat-van-wijzigingen") for f in ("odt", "pdf"))

    monkeypatch.setenv("KADERDIFF_CACHE", str(tmp_path / "lege-cache"))
    assert bouw(repo, tmp_path / "zonder-cache") == 16
    assert map_sha(uit) == map_sha(tmp_path / "zonder-cache"), "byte voor byte een bouw zonder cache"


def lees_docx(pad: Path) -> str:
    """The main part of a Word document (its colofon and header block hold the sources, each value one run)."""
    with zipfile.ZipFile(pad) as z:
        return z.read("word/document.xml").decode("utf-8")


@pytest.mark.echte_client
def test_twee_gelijktijdige_bouwen_delen_een_cache(tmp_path: Path, eigen_cache: Path) -> None:
    vereist("soffice")
    repo = maak_repo(tmp_path / "repo")
    opdracht = [sys.executable, "-m", "kaderdiff", "pakket", "--van", "2025", "--naar", "2026", "--sector", "po",
                "--formaten", "docx,odt,pdf"]
    processen = [subprocess.Popen([*opdracht, "--uit", str(tmp_path / naam)], cwd=repo, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE) for naam in ("een", "twee")]
    for proces in processen:
        _, fout = proces.communicate(timeout=600)
        assert proces.returncode == 0, fout.decode()
    assert map_sha(tmp_path / "een") == map_sha(tmp_path / "twee")
    assert len(list((eigen_cache / "omzettingen").iterdir())) == 8, "vier documenten, odt en pdf, geen resten"
    uit = subprocess.run([*opdracht, "--uit", str(tmp_path / "drie")], cwd=repo, capture_output=True, check=False)
    assert uit.returncode == 0, uit.stderr.decode()
    assert map_sha(tmp_path / "drie") == map_sha(tmp_path / "een")
