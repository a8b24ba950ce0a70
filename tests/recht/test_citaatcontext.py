"""`kaderdiff citaten` on references whose law the text around them gives, and law names read as of a date
(issue 26). The corpus (tests/data/citaten-corpus.json) holds the sentences; here the command as a reader uses it."""

from __future__ import annotations

import json
from pathlib import Path

import docx

from tests.hulp.draai import kd

#: A Ringen report as the issue found it: the law only in the paragraph before, the law before the article, a
#: bare "Artikel 7.2.4a is …" opening a paragraph, and things that look like references but are none.
RINGENVERSLAG = """Verslag van de Ring mbo, 12 maart 2025

De MBO Raad wijst erop dat artikel 7.2.4a, eerste lid, van de WEB per leerweg één studieduur voorschrijft.

Onderdeel Z (artikel 7.2.4a) regelt dat de studieduur per leerweg gelijk is. In artikel 7.2.4a, eerste lid, wordt
expliciet bepaald dat de bbl dezelfde studieduur heeft. Het voorgestelde artikel 7.2.5 verandert daar niets aan.

Artikel 7.2.4a is op 1 augustus 2014 in werking getreden.

In de WEC staan in artikel 14c de regels voor het ontwikkelingsperspectief. Zie ook een artikel in Het Parool,
paragraaf 7.5.2 van het kader en Kamerstukken II 2024/25, 31 289, nr. 123.
"""

VERWACHT = [  # (tekst, wet_uit, citaat)
    ("artikel 7.2.4a, eerste lid, van de WEB", "zin", "artikel 7.2.4a, eerste lid, van de WEB"),
    ("artikel 7.2.4a", "context", "artikel 7.2.4a van de WEB"),
    ("artikel 7.2.4a, eerste lid", "context", "artikel 7.2.4a, eerste lid, van de WEB"),
    ("artikel 7.2.5", "context", "artikel 7.2.5 van de WEB"),
    ("Artikel 7.2.4a", "context", "artikel 7.2.4a van de WEB"),
    ("artikel 14c", "zin", "artikel 14c van de WEC"),
]


def test_ringenverslag_elke_contextverwijzing_met_de_juiste_wet(tmp_path: Path) -> None:
    bestand = tmp_path / "verslag.txt"
    bestand.write_text(RINGENVERSLAG, encoding="utf-8")
    code, uit, fout = kd(["citaten", str(bestand), "--json"])
    assert (code, fout) == (0, "")
    vondsten = json.loads(uit)["vondsten"]
    assert [(v["tekst"], v["wet_uit"], v["verwijzingen"][0]["citaat"]) for v in vondsten] == VERWACHT
    assert vondsten[2]["verwijzingen"][0]["link"] == (
        "https://wetten.overheid.nl/jci1.3:c:BWBR0007625&artikel=7.2.4a&lid=1")
    assert all(RINGENVERSLAG[v["begin"]:v["eind"]] == v["tekst"] for v in vondsten)


def test_de_tekstuitvoer_markeert_wat_uit_de_context_komt_zonder_kleur(tmp_path: Path) -> None:
    bestand = tmp_path / "verslag.txt"
    bestand.write_text(RINGENVERSLAG, encoding="utf-8")
    code, uit, fout = kd(["citaten", str(bestand)])
    assert (code, fout) == (0, "")
    assert "\x1b[" not in uit
    kopregels = [r for r in uit.splitlines() if r.startswith(str(bestand))]
    assert [r.endswith("[wet uit de context]") for r in kopregels] == [w == "context" for _, w, _ in VERWACHT]
    assert f"{bestand}:8:1  Artikel 7.2.4a  [wet uit de context]" in uit
    assert "bij 4 vermelding(en) komt de wet uit de context of de kop: controleer die" in uit


def test_de_kop_van_een_worddocument_geeft_de_wet(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Reactie van de Ring op artikel 7.2.4a WEB")
    document.add_paragraph("")
    document.add_paragraph("De Ring heeft het concept besproken met de instellingen.")
    document.add_paragraph("Artikel 7.2.4a laat geen ruimte voor een kortere bbl.")
    pad = tmp_path / "reactie.docx"
    document.save(str(pad))
    code, uit, fout = kd(["citaten", str(pad), "--json"])
    assert code == 0, fout
    assert [(v["regel"], v["tekst"], v["wet_uit"]) for v in json.loads(uit)["vondsten"]] == [
        (1, "artikel 7.2.4a WEB", "zin"), (4, "Artikel 7.2.4a", "kop")]
    code, uit, _ = kd(["citaten", str(pad)])
    assert f"{pad}:4:1  Artikel 7.2.4a  [wet uit de kop]" in uit


def test_wvo_in_2019_is_de_wvo_van_1968(tmp_path: Path) -> None:
    bestand = tmp_path / "brief.txt"
    bestand.write_text("De school moet volgens artikel 27 lid 2c Wvo een ontwikkelingsperspectief opstellen.\n",
                       encoding="utf-8")
    code, uit, fout = kd(["citaten", str(bestand), "--peildatum", "2019-05-15", "--json"])
    assert (code, fout) == (0, "")
    data = json.loads(uit)
    assert (data["peildatum"], data["peildatum_uit"]) == ("2019-05-15", "optie")
    v = data["vondsten"][0]["verwijzingen"][0]
    assert (v["wet"], v["jci"]) == ("WVO1968", "jci1.3:c:BWBR0002399&artikel=27&lid=2c&g=2019-05-15")
    code, uit, _ = kd(["citaten", str(bestand), "--peildatum", "2021-02-01", "--json"])
    assert json.loads(uit)["vondsten"][0]["verwijzingen"][0]["jci"] == "jci1.3:c:BWBR0044212&artikel=27&lid=2c"


def test_de_peildatum_staat_in_de_eerste_regels_van_het_document(tmp_path: Path) -> None:
    bestand = tmp_path / "verslag.txt"
    bestand.write_text("Verslag Ring vo\n15 mei 2019\n\nDe Ring wijst op artikel 27 lid 2c Wvo.\n", encoding="utf-8")
    code, uit, fout = kd(["citaten", str(bestand), "--json"])
    assert (code, fout) == (0, "")
    data = json.loads(uit)
    assert (data["peildatum"], data["peildatum_uit"]) == ("2019-05-15", "document")
    assert data["vondsten"][0]["verwijzingen"][0]["wet"] == "WVO1968"
    code, uit, _ = kd(["citaten", str(bestand)])
    assert "Wetten gelezen zoals ze golden op 15 mei 2019 (datum in het document)." in uit


def test_een_ongeldige_peildatum_is_een_nederlandse_melding(tmp_path: Path) -> None:
    bestand = tmp_path / "brief.txt"
    bestand.write_text("Zie artikel 8 van de WPO.\n", encoding="utf-8")
    code, uit, fout = kd(["citaten", str(bestand), "--peildatum", "15-05-2019"])
    assert (code, uit) == (2, "") and "Ongeldige --peildatum '15-05-2019'" in fout
