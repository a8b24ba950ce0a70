"""The Staat on Word kaders as they are really written (issue 25): every layout of the corpus (hulp/woordcorpus)
imports to its source kader, and the Staat between two imported years is the Staat written by hand in
tests/data/woordcorpus/verwacht.txt, row for row (kind and element), as the Staat between the XML sources is."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from kaderdiff.bron.laden import laad_bestand
from kaderdiff.model.kader import Kader
from tests.hulp.draai import kd
from tests.hulp.paden import KADERS
from tests.hulp.woordcorpus import JAREN, NAMEN, bron, corpus_docx

Rij = tuple[str, str]  # (soort, element id in the source XML)


def verwacht() -> set[Rij]:
    """The Staat written by hand: 'soort id' per line."""
    regels = (r.split("#")[0].split() for r in (bron(2025).parent.parent / "verwacht.txt").read_text("utf-8")
              .splitlines())
    return {(r[0], r[1]) for r in regels if r}


def zonder_ids(kader: Kader) -> list[tuple[object, ...]]:
    return [(e.soort, e.nummer, e.titel, e.inhoud, e.grondslagen, e.geen_grondslag, e.kenmerk)
            for e, _ in kader.doorloop()]


def nieuwe_kadermap(map_: Path) -> Path:
    """A kadermap with the sample law texts, so that the importer checks every grondslag as `controleer` does."""
    kaders = map_ / "kaders"
    kaders.mkdir(parents=True)
    shutil.copytree(KADERS / "wetten", kaders / "wetten")
    return kaders


@dataclass(frozen=True)
class Import:
    kaders: Path
    rapporten: dict[int, list[dict[str, str]]]


def importeer(opmaak: str, werk: Path, vorige: bool) -> Import:
    """Both years of one layout imported into a kadermap of their own (2026 with --vorige 2025 when asked)."""
    kaders = nieuwe_kadermap(werk)
    rapporten = {}
    for jaar in JAREN:
        docx = corpus_docx(opmaak, jaar, werk)
        rapport = werk / f"rapport-{jaar}.json"
        args = ["importeer", str(docx), "--sector", "po", "--jaar", str(jaar), "--kaders", str(kaders),
                "--status", laad_bestand(bron(jaar)).status, "--rapport", str(rapport)]
        if vorige and jaar != JAREN[0]:
            args += ["--vorige", str(jaar - 1)]
        code, _, fout = kd(args)
        assert code == 0, fout
        rapporten[jaar] = json.loads(rapport.read_text("utf-8"))[0]["niet_geplaatst"]
    return Import(kaders, rapporten)


_IMPORTS: dict[tuple[str, bool], Import] = {}


def geimporteerd(opmaak: str, vorige: bool, tmp_path_factory: pytest.TempPathFactory) -> Import:
    """Each layout is imported once per way (with or without --vorige) for all tests of this module."""
    if (opmaak, vorige) not in _IMPORTS:
        _IMPORTS[opmaak, vorige] = importeer(opmaak, tmp_path_factory.mktemp(f"{opmaak}-{vorige}"), vorige)
    return _IMPORTS[opmaak, vorige]


def staat(kaders: Path, uit: Path, *extra: str) -> list[dict[str, str]]:
    code, _, fout = kd(["staat", "--van", "2025", "--naar", "2026", "--sector", "po", "--formaat", "json",
                        "--kaders", str(kaders), "--uit", str(uit), *extra])
    assert code == 0, fout
    data = json.loads((uit / "po-2026-staat-van-wijzigingen.json").read_text("utf-8"))
    return list(data["wijzigingen"])


def in_bron_ids(rijen: list[dict[str, str]], kaders: Path) -> set[Rij]:
    """The rows of a Staat between imported kaders, their elements named by the ids of the source XML: an import
    has the structure of its source, so element n of the one is element n of the other."""
    naar_bron = {}
    for jaar in JAREN:
        geimp, oorspronkelijk = laad_bestand(kaders / str(jaar) / "po.xml"), laad_bestand(bron(jaar))
        paren = list(zip(geimp.doorloop(), oorspronkelijk.doorloop(), strict=True))
        assert all(a.soort is b.soort for (a, _), (b, _) in paren)
        naar_bron[jaar] = {a.id: b.id for (a, _), (b, _) in paren}
    return {(r["soort"], naar_bron[2026][r["nieuw_id"]] if r["nieuw_id"] else naar_bron[2025][r["oud_id"]])
            for r in rijen}


def vergelijk_met_verwacht(gevonden: set[Rij]) -> None:
    """Precision and recall 1.0 on kind and element; the message names what is missing and what is wrong."""
    goed = verwacht()
    juist = gevonden & goed
    precisie = len(juist) / len(gevonden) if gevonden else 1.0
    terugvinden = len(juist) / len(goed)
    assert (precisie, terugvinden) == (1.0, 1.0), (
        f"precisie {precisie:.2f}, terugvinden {terugvinden:.2f}; ontbreekt: {sorted(goed - gevonden)}; "
        f"onjuist: {sorted(gevonden - goed)}")


def staat_van_de_bronnen(map_: Path) -> set[Rij]:
    """The Staat between the two XML sources (their own, stable ids)."""
    kaders = nieuwe_kadermap(map_)
    for jaar in JAREN:
        (kaders / str(jaar)).mkdir()
        shutil.copy(bron(jaar), kaders / str(jaar) / "po.xml")
    assert kd(["controleer", str(kaders)])[0] == 0
    return {(r["soort"], r["id"]) for r in staat(kaders, map_ / "staat")}


# ---------------------------------------------------------------- every layout gives its source kader
@pytest.mark.parametrize("opmaak", NAMEN)
def test_elke_opmaak_geeft_het_bronkader(opmaak: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Text, structure and every grondslag as in the source XML (ids aside), and nothing in the report."""
    gedaan = geimporteerd(opmaak, False, tmp_path_factory)
    for jaar in JAREN:
        kader, oorspronkelijk = laad_bestand(gedaan.kaders / str(jaar) / "po.xml"), laad_bestand(bron(jaar))
        assert kader.titel == oorspronkelijk.titel
        assert zonder_ids(kader) == zonder_ids(oorspronkelijk)
        assert gedaan.rapporten[jaar] == [], f"{jaar}: {gedaan.rapporten[jaar]}"
    assert kd(["controleer", str(gedaan.kaders)])[0] == 0


# ---------------------------------------------------------------- the Staat between two imported years
@pytest.mark.parametrize("opmaak", NAMEN)
def test_staat_met_vorige_is_de_verwachte(opmaak: str, tmp_path_factory: pytest.TempPathFactory,
                                          tmp_path: Path) -> None:
    """Imported year by year with --vorige (as `importeer --geschiedenis` does): the hand-written Staat, which is
    also the Staat between the XML sources."""
    gedaan = geimporteerd(opmaak, True, tmp_path_factory)
    gevonden = in_bron_ids(staat(gedaan.kaders, tmp_path / "staat"), gedaan.kaders)
    vergelijk_met_verwacht(gevonden)
    assert gevonden == staat_van_de_bronnen(tmp_path / "bronnen")


@pytest.mark.parametrize("opmaak", NAMEN)
def test_staat_zonder_vorige_is_de_verwachte(opmaak: str, tmp_path_factory: pytest.TempPathFactory,
                                            tmp_path: Path) -> None:
    """Each year imported on its own: positional ids (st-ka1 is whatever standaard comes first) that the Staat
    must not trust blindly (a merged standaard takes the id of one of its sources, swapped eisen each other's)."""
    gedaan = geimporteerd(opmaak, False, tmp_path_factory)
    vergelijk_met_verwacht(in_bron_ids(staat(gedaan.kaders, tmp_path / "staat"), gedaan.kaders))


@pytest.mark.parametrize("opmaak", NAMEN)
def test_staat_op_inhoud_is_de_verwachte(opmaak: str, tmp_path_factory: pytest.TempPathFactory,
                                        tmp_path: Path) -> None:
    """`staat --koppel-op-inhoud` on the imports without --vorige: the ids ignored, the same Staat."""
    gedaan = geimporteerd(opmaak, False, tmp_path_factory)
    vergelijk_met_verwacht(in_bron_ids(staat(gedaan.kaders, tmp_path / "staat", "--koppel-op-inhoud"),
                                       gedaan.kaders))


@pytest.mark.echte_client
def test_elke_opmaak_ook_na_opslaan_in_libreoffice(tmp_path: Path) -> None:
    """The six typed layouts opened and saved by a real word processor (LibreOffice: docx -> odt -> docx, with
    its own styles, numbering, footnotes and superscript runs) still give their source kader, without a remark."""
    import subprocess
    import tempfile

    from tests.hulp.echte_clients import naar_odt, vereist
    from tests.hulp.woordcorpus import LAGEN

    soffice = vereist("soffice")
    kaders = nieuwe_kadermap(tmp_path)
    odts = naar_odt([corpus_docx(opmaak, 2026, tmp_path) for opmaak in LAGEN], tmp_path)
    terug = tmp_path / "terug"
    with tempfile.TemporaryDirectory() as profiel:
        subprocess.run([soffice, f"-env:UserInstallation=file://{profiel}", "--headless", "--convert-to", "docx",
                        "--outdir", str(terug), *map(str, odts)], capture_output=True, check=True, timeout=600)
    oorspronkelijk = laad_bestand(bron(2026))
    for opmaak in LAGEN:
        uit = tmp_path / f"{opmaak}.xml"
        code, stdout, fout = kd(["importeer", str(terug / f"{opmaak}-2026.docx"), "--sector", "po", "--jaar", "2026",
                                 "--status", "concept", "--kaders", str(kaders), "--uit", str(uit)])
        assert code == 0, fout
        assert zonder_ids(laad_bestand(uit)) == zonder_ids(oorspronkelijk), opmaak
        assert "0 onderdeel/onderdelen niet als zodanig herkend" in stdout, stdout
