"""Juriconnect BWB 1.3 references and wetten.overheid.nl links."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal
from urllib.parse import quote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kaderdiff.bron.wetregister import pakketregister, wetten, zoek_wet
from kaderdiff.model.kader import Grondslag
from kaderdiff.verwijzing import juriconnect
from kaderdiff.verwijzing.juriconnect import jci, link

PEIL = date(2026, 8, 1)


@pytest.mark.parametrize(("g", "peildatum", "verwacht"), [
    (Grondslag("WEB", "7.2.4a", "1"), PEIL, "jci1.3:c:BWBR0007625&artikel=7.2.4a&lid=1&g=2026-08-01"),
    (Grondslag("WEB", "7.2.4a", "1"), None, "jci1.3:c:BWBR0007625&artikel=7.2.4a&lid=1"),
    (Grondslag("WPO", "40"), date(2025, 8, 1), "jci1.3:c:BWBR0003420&artikel=40&g=2025-08-01"),
    (Grondslag("WVO", "2.10", "3", "c"), PEIL, "jci1.3:c:BWBR0044212&artikel=2.10&lid=3&o=c&g=2026-08-01"),
    (Grondslag("WPO", "3", "2c"), PEIL, "jci1.3:c:BWBR0003420&artikel=3&lid=2c&g=2026-08-01"),
    (Grondslag("WOT", "11", "", "a"), None, "jci1.3:c:BWBR0013800&artikel=11&o=a"),
    (Grondslag("WPO", "4c", "1", "c, 1°"), PEIL, "jci1.3:c:BWBR0003420&artikel=4c&lid=1&o=c&o=1%C2%B0&g=2026-08-01"),
    (Grondslag("WEC"), PEIL, "jci1.3:c:BWBR0003549&g=2026-08-01"),
    (Grondslag("WHW", "7.8.1"), PEIL, "jci1.3:c:BWBR0005682&artikel=7.8.1&g=2026-08-01"),
])
def test_jci_exact(g: Grondslag, peildatum: date | None, verwacht: str) -> None:
    assert jci(g, peildatum) == verwacht


def test_link_voorbeeld_uit_de_opdracht() -> None:
    assert link(Grondslag("WEB", "7.2.4a", "1"), PEIL) == (
        "https://wetten.overheid.nl/jci1.3:c:BWBR0007625&artikel=7.2.4a&lid=1&g=2026-08-01")


@pytest.mark.parametrize("code", sorted(wetten()))
def test_link_voor_elke_wet_in_het_register(code: str) -> None:
    wet = wetten()[code]
    g = Grondslag(code, "5", "2")
    if wet.bwb:
        assert wet.bwb.startswith("BWBR") and len(wet.bwb) == 11
        assert jci(g, PEIL) == f"jci1.3:c:{wet.bwb}&artikel=5&lid=2&g=2026-08-01"
        assert link(g, PEIL) == f"https://wetten.overheid.nl/jci1.3:c:{wet.bwb}&artikel=5&lid=2&g=2026-08-01"
    else:
        assert (jci(g, PEIL), link(g, PEIL)) == ("", "")
    assert zoek_wet(code) == wet
    # a name two laws carried in turn ('Wvo') is the one in force on the date it is read as of
    in_werking = wet.geldig_tot - timedelta(days=1) if wet.geldig_tot else PEIL
    assert all(pakketregister().zoek(alias, in_werking) == wet for alias in wet.aliassen)
    assert any(len(alias.split()) > 2 for alias in wet.aliassen), "de volledige naam is ook een alias"


def test_bwb_ids_uit_het_domein() -> None:
    ids = {code: w.bwb for code, w in wetten().items()}
    assert ids["WPO"] == "BWBR0003420"
    assert ids["WVO"] == "BWBR0044212"
    assert ids["WEC"] == "BWBR0003549"
    assert ids["WEB"] == "BWBR0007625"
    assert ids["WHW"] == "BWBR0005682"
    assert ids["WOT"] == "BWBR0013800"


def test_aliassen_wvo_en_voorganger() -> None:
    def code(naam: str) -> str:
        wet = zoek_wet(naam)
        return wet.code if wet else ""

    assert code("wvo 2020") == "WVO"
    assert code("Wet voortgezet onderwijs 2020") == "WVO"
    assert code("WVO 1968") == "WVO1968"
    assert code("Wet op het voortgezet onderwijs") == "WVO1968"


def test_onbekende_wet_geeft_geen_link() -> None:
    assert link(Grondslag("XYZ", "1"), PEIL) == ""


#: Lone surrogates are no text a reader can type.
GEEN_SURROGATEN: tuple[Literal["Cs"]] = ("Cs",)


@settings(max_examples=300, derandomize=True)
@given(st.text(alphabet=st.sampled_from(list("0123456789abzAZ.:-_~ °/&?#%é€ß"))
               | st.characters(exclude_categories=GEEN_SURROGATEN), max_size=12))
def test_waarde_zoals_urllib_quote(tekst: str) -> None:
    """The quick path for plain article numbers gives what urllib's quote gives, for any text."""
    assert juriconnect._waarde(tekst) == quote(tekst, safe=".:")
