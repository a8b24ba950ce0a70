"""Citation parser: Dutch legal references in running text -> exact grondslagen, and back."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kaderdiff.bron.wetregister import wetten
from kaderdiff.fouten import KaderdiffFout
from kaderdiff.model.kader import Grondslag
from kaderdiff.verwijzing.citeren import RANGTELWOORDEN, citeer, lid_tekst, parse, parse_een

G = Grondslag

GEVALLEN: list[tuple[str, list[Grondslag]]] = [
    ("artikel 7.2.4a, eerste lid, van de WEB", [G("WEB", "7.2.4a", "1")]),
    ("Artikel 7.2.4a, eerste lid, WEB", [G("WEB", "7.2.4a", "1")]),
    ("artikel 7.2.4a eerste lid Web", [G("WEB", "7.2.4a", "1")]),
    ("art. 40 lid 4 Wpo", [G("WPO", "40", "4")]),
    ("art 40 lid 4 WPO", [G("WPO", "40", "4")]),
    ("ARTIKEL 40, LID 4, WPO", [G("WPO", "40", "4")]),
    ("artikel 27, tweede lid, onder c, WVO 2020", [G("WVO", "27", "2", "c")]),
    ("artikel 27, tweede lid, onder c, van de WVO", [G("WVO", "27", "2", "c")]),
    ("artikel 2.10 van de Wet voortgezet onderwijs 2020", [G("WVO", "2.10")]),
    ("artikel 2.13, derde lid, Wvo 2020", [G("WVO", "2.13", "3")]),
    ("artikel 11, derde lid, en artikel 15 van de WOT", [G("WOT", "11", "3"), G("WOT", "15")]),
    ("artikelen 8 en 10 WPO", [G("WPO", "8"), G("WPO", "10")]),
    ("artikelen 8, 10 en 12 van de Wet op het primair onderwijs", [G("WPO", "8"), G("WPO", "10"), G("WPO", "12")]),
    ("artikel 3 lid 2c WPO", [G("WPO", "3", "2c")]),
    ("artikel 3, lid 2c, van de WPO", [G("WPO", "3", "2c")]),
    ("artikel 14c van de WEC", [G("WEC", "14c")]),
    ("artikel 2.1.3 sub a WEB", [G("WEB", "2.1.3", "", "a")]),
    ("artikel 8.1.1, onderdeel b, van de Wet educatie en beroepsonderwijs", [G("WEB", "8.1.1", "", "b")]),
    ("artikel 8, eerste en tweede lid, WPO", [G("WPO", "8", "1"), G("WPO", "8", "2")]),
    ("artikel 8, leden 1 en 3, WPO", [G("WPO", "8", "1"), G("WPO", "8", "3")]),
    ("artikel 8, eerste lid, onder a en b, WPO", [G("WPO", "8", "1", "a"), G("WPO", "8", "1", "b")]),
    ("artikel 7.4.8, twintigste lid, WEB", [G("WEB", "7.4.8", "20")]),
    ("artikel 7.4.8, elfde lid, WEB", [G("WEB", "7.4.8", "11")]),
    ("artikel 7.2.4a WEB en artikel 40 WPO", [G("WEB", "7.2.4a"), G("WPO", "40")]),
    ("artikel 4.2.3, eerste lid, WEB; artikel 4.2.4 WEB", [G("WEB", "4.2.3", "1"), G("WEB", "4.2.4")]),
    ("artikel 3, eerste lid, en artikel 32 van de WPO", [G("WPO", "3", "1"), G("WPO", "32")]),
    ("artikel 3.11, eerste lid, van de Wet voortgezet onderwijs 2020", [G("WVO", "3.11", "1")]),
    ("artikel 10 van de Wet op het onderwijstoezicht", [G("WOT", "10")]),
    ("artikel 6 van het WMS", [G("WMS", "6")]),
    ("artikel 29 WVO 1968", [G("WVO1968", "29")]),
    ("artikel 7.8.1, tweede lid, onder b, van de Whw", [G("WHW", "7.8.1", "2", "b")]),
    ("art. 12 lid 1 sub c Wpo", [G("WPO", "12", "1", "c")]),
    ("artikel 1:1 WOT", [G("WOT", "1:1")]),
    ("de WPO", [G("WPO")]),
    ("de Beleidsregel financiële sancties bij bekostigde onderwijsinstellingen", [G("BRFS")]),
    ("  artikel   40 ,  vierde   lid  ,  van  de   WPO. ", [G("WPO", "40", "4")]),
    ("artikel 11 van de WOT en artikelen 8 en 10 van de WPO", [G("WOT", "11"), G("WPO", "8"), G("WPO", "10")]),
    # a nested onderdeel is one grondslag, as a jurist writes it
    ("artikel 4.2.1, tweede lid, onder b, 1°, van de WEB", [G("WEB", "4.2.1", "2", "b, 1°")]),
    ("artikel 4c, eerste lid, onderdeel c, onder 1°, WPO", [G("WPO", "4c", "1", "c, 1°")]),
    ("art. 4c lid 1 sub c onder 2° Wpo", [G("WPO", "4c", "1", "c, 2°")]),
    ("artikel 4c, eerste lid, onder c, 1° en 2°, WPO", [G("WPO", "4c", "1", "c, 1°"), G("WPO", "4c", "1", "c, 2°")]),
    ("artikel 4c, eerste lid, onder b, en c, 1°, WPO", [G("WPO", "4c", "1", "b"), G("WPO", "4c", "1", "c, 1°")]),
    ("artikel 9, onder 1°, WPO", [G("WPO", "9", "", "1°")]),
]


@pytest.mark.parametrize(("tekst", "verwacht"), GEVALLEN, ids=[t for t, _ in GEVALLEN])
def test_citaat_wordt_exact_gelezen(tekst: str, verwacht: list[Grondslag]) -> None:
    assert parse(tekst) == verwacht


def test_er_zijn_minstens_dertig_gevallen() -> None:
    assert len(GEVALLEN) >= 30


FOUTEN = [
    ("", "leeg"),
    ("artikel 8", "geen bekende wet"),
    ("artikel 8 van de Wet BIG", "geen bekende wet"),
    ("artikel WPO", "artikelnummer"),
    ("negende lid WPO", "verwacht 'artikel'"),
    ("artikel 8 negende WPO", "hoort 'lid'"),
    ("artikel 8 lid WPO", "lidnummer"),
    ("artikel 8 onder WPO", "onderdeel"),
    ("artikel 8 lid 2 en 3 WPO", "onverwacht 'en'"),
    ("artikel 8 WPO en nog wat", "na de laatste wet"),
    ("zie artikel 8 WPO", "verwacht 'artikel'"),
    ("artikel 8 lid 2 bla WPO", "onverwacht 'bla'"),
]


@pytest.mark.parametrize(("tekst", "stuk"), FOUTEN)
def test_onleesbaar_citaat_geeft_duidelijke_fout(tekst: str, stuk: str) -> None:
    with pytest.raises(KaderdiffFout) as fout:
        parse(tekst)
    assert "Kan de verwijzing" in fout.value.tekst
    assert stuk in fout.value.tekst


def test_parse_een_weigert_meerdere_verwijzingen() -> None:
    assert parse_een("art. 40 lid 4 Wpo") == G("WPO", "40", "4")
    with pytest.raises(KaderdiffFout, match="één verwijzing"):
        parse_een("artikelen 8 en 10 WPO")


@pytest.mark.parametrize(("g", "tekst"), [
    (G("WEB", "7.2.4a", "1"), "artikel 7.2.4a, eerste lid, van de WEB"),
    (G("WVO", "27", "2", "c"), "artikel 27, tweede lid, onder c, van de WVO"),
    (G("WPO", "40"), "artikel 40 van de WPO"),
    (G("WPO", "3", "2c"), "artikel 3, lid 2c, van de WPO"),
    (G("WEB", "7.4.8", "21"), "artikel 7.4.8, lid 21, van de WEB"),
    (G("WEB", "2.1.3", "", "a"), "artikel 2.1.3, onder a, van de WEB"),
    (G("WOT"), "de WOT"),
])
def test_citeer_geeft_de_vaste_vorm(g: Grondslag, tekst: str) -> None:
    assert citeer(g) == tekst


def test_rangtelwoorden_van_eerste_tot_twintigste() -> None:
    assert len(RANGTELWOORDEN) == 20
    assert [lid_tekst(str(i)) for i in (1, 9, 12, 20)] == ["eerste lid", "negende lid", "twaalfde lid",
                                                          "twintigste lid"]
    for i, woord in enumerate(RANGTELWOORDEN, start=1):
        assert parse(f"artikel 5, {woord} lid, WOT") == [G("WOT", "5", str(i))]


artikelnummers = st.from_regex(r"\A[1-9][0-9]{0,2}[a-z]?(\.[1-9][0-9]?[a-z]?){0,3}\Z")
ledennummers = st.one_of(st.just(""), st.integers(1, 40).map(str), st.from_regex(r"\A[1-9][a-e]\Z"))
letters = st.sampled_from("abcdefghijkmnopqrstuvwxyz")
onderdelen = st.one_of(st.just(""), letters,
                       st.builds(lambda letter, nr: f"{letter}, {nr}°", letters, st.integers(1, 12)))


@st.composite
def grondslagen(draw: st.DrawFn) -> Grondslag:
    wet = draw(st.sampled_from(sorted(wetten())))
    if draw(st.booleans()) and draw(st.integers(0, 9)) == 0:
        return G(wet)
    return G(wet, draw(artikelnummers), draw(ledennummers), draw(onderdelen))


@given(grondslagen())
def test_citeer_dan_parse_is_identiteit(g: Grondslag) -> None:
    assert parse(citeer(g)) == [g]


@given(st.lists(grondslagen(), min_size=1, max_size=4))
def test_meerdere_citaten_achter_elkaar(gs: list[Grondslag]) -> None:
    assert parse(" en ".join(citeer(g) for g in gs)) == gs
