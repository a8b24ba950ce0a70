"""`kaderdiff citaten`: law references in running Dutch text, measured on a corpus of real-style sentences."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import tracemalloc
from datetime import date
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kaderdiff.cli.app import main
from kaderdiff.model.kader import Grondslag
from kaderdiff.recht.citaatcontext import zoek_citaten
from kaderdiff.recht.citaatzoeker import regel_kolom
from tests.hulp.draai import kd
from tests.hulp.paden import DATA, REPO

CORPUS = json.loads((DATA / "citaten-corpus.json").read_text(encoding="utf-8"))["zinnen"]


def _peildatum(z: dict[str, object]) -> date | None:
    return date.fromisoformat(str(z["peildatum"])) if "peildatum" in z else None


def meet() -> dict[str, float | int]:
    """Precision and recall over the corpus, for the references (per sentence) and for the text spans."""
    goed = fout = gemist = goed_stuk = fout_stuk = gemist_stuk = 0
    for i, z in enumerate(CORPUS):
        vondsten = zoek_citaten(z["zin"], peildatum=_peildatum(z))
        gevonden = {(i, g) for v in vondsten for g in v.grondslagen}
        verwacht = {(i, Grondslag(*v)) for v in z["verwijzingen"]}
        goed += len(gevonden & verwacht)
        fout += len(gevonden - verwacht)
        gemist += len(verwacht - gevonden)
        stukken = [v.tekst for v in vondsten]
        goed_stuk += sum(1 for s in stukken if s in z["stukken"])
        fout_stuk += sum(1 for s in stukken if s not in z["stukken"])
        gemist_stuk += sum(1 for s in z["stukken"] if s not in stukken)
    return {
        "zinnen": len(CORPUS), "met_verwijzing": sum(1 for z in CORPUS if z["verwijzingen"]),
        "verwijzingen": goed + gemist,
        "precisie": goed / (goed + fout) if goed + fout else 1.0, "recall": goed / (goed + gemist),
        "precisie_stukken": goed_stuk / (goed_stuk + fout_stuk),
        "recall_stukken": goed_stuk / (goed_stuk + gemist_stuk),
    }


def test_corpus_precisie_en_recall_zijn_1() -> None:
    cijfers = meet()
    print(f"\ncitaten-corpus: {cijfers}")  # reported with pytest -s
    assert cijfers["zinnen"] >= 40 and cijfers["met_verwijzing"] >= 20
    assert (cijfers["precisie"], cijfers["recall"]) == (1.0, 1.0)
    assert (cijfers["precisie_stukken"], cijfers["recall_stukken"]) == (1.0, 1.0)


@pytest.mark.parametrize("z", CORPUS, ids=lambda z: z["zin"][:40])
def test_elke_zin(z: dict[str, list[object]]) -> None:
    vondsten = zoek_citaten(str(z["zin"]), peildatum=_peildatum(z))  # type: ignore[arg-type]
    assert [v.tekst for v in vondsten] == z["stukken"]
    assert [g for v in vondsten for g in v.grondslagen] == [Grondslag(*v) for v in z["verwijzingen"]]  # type: ignore[misc]
    for v in vondsten:
        assert str(z["zin"])[v.begin:v.eind] == v.tekst
    if "wet_uit" in z:
        assert [v.wet_uit for v in vondsten] == z["wet_uit"]


def test_cli_tekstbestand_met_plaats_citaat_en_link(tmp_path: Path) -> None:
    bestand = tmp_path / "verslag.txt"
    bestand.write_text("Eerste regel zonder verwijzing.\nDe Ring wijst op art. 4c lid 1 Wpo en\n"
                       "artikel 7.2.4a, eerste lid, van de WEB.\n", encoding="utf-8")
    code, uit, fout = kd(["citaten", str(bestand), "--json"])
    assert (code, fout) == (0, "")
    data = json.loads(uit)
    assert [(v["regel"], v["kolom"], v["tekst"]) for v in data["vondsten"]] == [
        (2, 18, "art. 4c lid 1 Wpo"), (3, 1, "artikel 7.2.4a, eerste lid, van de WEB")]
    v = data["vondsten"][0]["verwijzingen"][0]
    assert v == {"wet": "WPO", "artikel": "4c", "lid": "1", "onderdeel": "",
                 "citaat": "artikel 4c, eerste lid, van de WPO",
                 "jci": "jci1.3:c:BWBR0003420&artikel=4c&lid=1",
                 "link": "https://wetten.overheid.nl/jci1.3:c:BWBR0003420&artikel=4c&lid=1"}
    code, uit, _ = kd(["citaten", str(bestand)])
    assert code == 0
    assert f"{bestand}:2:18  art. 4c lid 1 Wpo" in uit and "artikel 7.2.4a, eerste lid, van de WEB" in uit
    assert "https://wetten.overheid.nl/jci1.3:c:BWBR0007625&artikel=7.2.4a&lid=1" in uit
    assert "2 verwijzing(en)" in uit


def test_cli_leest_stdin_als_proces() -> None:
    proces = subprocess.run([sys.executable, "-m", "kaderdiff", "citaten", "-", "--json"], cwd=REPO,
                            input="Zie artikel 11 derde lid en in artikel 15 van de WOT.", capture_output=True,
                            text=True, timeout=60)
    assert proces.returncode == 0, proces.stderr
    citaten = [v["citaat"] for vondst in json.loads(proces.stdout)["vondsten"] for v in vondst["verwijzingen"]]
    assert citaten == ["artikel 11, derde lid, van de WOT", "artikel 15 van de WOT"]


def test_cli_docx(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Kamerbrief over passend onderwijs")
    document.add_paragraph("De wettelijke basis is artikel 40a, eerste lid, van de WPO.")
    pad = tmp_path / "brief.docx"
    document.save(str(pad))
    code, uit, fout = kd(["citaten", str(pad), "--json"])
    assert code == 0, fout
    assert [(v["regel"], v["tekst"]) for v in json.loads(uit)["vondsten"]] == [
        (2, "artikel 40a, eerste lid, van de WPO")]


def test_cli_fouten(tmp_path: Path) -> None:
    code, _, fout = kd(["citaten", str(tmp_path / "weg.txt")])
    assert code == 2 and "niet gevonden" in fout
    (tmp_path / "bin.txt").write_bytes(b"\xff\xfe\x00kapot")
    code, _, fout = kd(["citaten", str(tmp_path / "bin.txt")])
    assert code == 2 and "geen UTF-8-tekst" in fout


def test_regel_kolom() -> None:
    assert regel_kolom("ab\ncd", 0) == (1, 1)
    assert regel_kolom("ab\ncd", 4) == (2, 2)


def test_een_verwijzing_loopt_niet_over_een_lege_regel(tmp_path: Path) -> None:
    """Paragraphs are searched one by one: a line break inside one is fine, an empty line ends the reference;
    line, column and offsets stay those of the whole text."""
    tekst = ("Eerste alinea eindigt met artikel 8\n\nvan de WPO staat hier los van.\n \t\n"
             "Zie artikel 7.2.4a, eerste\nlid, van de WEB.\r\n\r\nEn art. 40 lid 4 Wpo.")
    bestand = tmp_path / "brief.txt"
    bestand.write_bytes(tekst.encode("utf-8"))
    code, uit, fout = kd(["citaten", str(bestand), "--json"])
    assert (code, fout) == (0, "")
    gelezen = tekst.replace("\r\n", "\n")
    vondsten = json.loads(uit)["vondsten"]
    assert [(v["regel"], v["kolom"], v["tekst"]) for v in vondsten] == [
        (5, 5, "artikel 7.2.4a, eerste\nlid, van de WEB"), (8, 4, "art. 40 lid 4 Wpo")]
    for v in vondsten:
        assert gelezen[v["begin"]:v["eind"]] == v["tekst"]
        regel, kolom = regel_kolom(gelezen, v["begin"])
        assert (regel, kolom) == (v["regel"], v["kolom"])


@pytest.mark.parametrize("omgeving", [{}, {"PYTHONIOENCODING": "utf-8"}], ids=["locale", "utf-8"])
def test_binaire_standaardinvoer_wordt_geweigerd(omgeving: dict[str, str]) -> None:
    """Not whatever the locale makes of it (silently kept as surrogates, or a UnicodeDecodeError: exit 70)."""
    proces = subprocess.run([sys.executable, "-m", "kaderdiff", "citaten", "-", "--json"], cwd=REPO,
                            input=b"Zie artikel 8 van de WPO.\n\x00\xff\xfe kapot\n", capture_output=True,
                            timeout=60, env={**os.environ, **omgeving})
    fout = proces.stderr.decode("utf-8")
    assert proces.returncode == 2, fout
    assert "De standaardinvoer is geen UTF-8-tekst (regel 2, byte 27)" in fout
    assert "Traceback" not in fout and "Interne fout" not in fout
    assert proces.stdout == b"", "niets half geschreven"


def test_veel_tekst_met_weinig_geheugen(tmp_path: Path) -> None:
    """1 MB dense with references (one in every ~120 characters): the paragraphs are searched one by one and
    the JSON is written as it is found, so memory stays a small multiple of the input (it was about 50 bytes
    per input byte, the JSON of all findings held at once) and the output is still json.dumps' own."""
    from bench.citaten import schrijf

    klein, pad, uit = tmp_path / "klein.txt", tmp_path / "verslag.txt", tmp_path / "uit.json"
    klein.write_text("Zie artikel 8 van de WPO.\n", encoding="utf-8")
    grootte = schrijf(pad, 1024 * 1024)
    with uit.open("w", encoding="utf-8") as stroom, contextlib.redirect_stdout(stroom):
        assert main(["citaten", str(klein), "--json"]) == 0  # imports and caches before measuring
        stroom.seek(0)
        stroom.truncate()
        tracemalloc.start()
        try:
            code = main(["citaten", str(pad), "--json"])
            _, piek = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert code == 0
    assert piek < 8 * grootte, f"{piek / grootte:.1f} bytes per invoerbyte"
    data = uit.read_text(encoding="utf-8")
    assert data == json.dumps(json.loads(data), ensure_ascii=False, indent=2) + "\n"
    vondsten = json.loads(data)["vondsten"]
    assert len(vondsten) > grootte / 150
    tekst = pad.read_text(encoding="utf-8")
    assert all(tekst[v["begin"]:v["eind"]] == v["tekst"] for v in vondsten[::97])


_JSON_WAARDEN = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda binnen: st.lists(binnen, max_size=4) | st.dictionaries(st.text(max_size=5), binnen, max_size=4),
    max_leaves=12)


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(waarde=_JSON_WAARDEN)
def test_de_json_van_citaten_is_die_van_json_dumps(waarde: object) -> None:
    """`citaten --json` writes each finding itself (json's indenting encoder was a quarter of its time)."""
    from kaderdiff.cli.citaten import _json

    assert _json(waarde, "") == json.dumps(waarde, ensure_ascii=False, indent=2)
