"""Term provenance: stems compare ambitieus/ambitieuze and other inflections; function words and actors are no terms."""

from __future__ import annotations

from importlib.metadata import version

import pytest

from kaderdiff.recht.termen import STAMMER_VERSIE, inhoudswoorden, sleutel, vergelijk_termen


def test_de_vastgepinde_stammer_is_geinstalleerd() -> None:
    assert version("snowballstemmer") == STAMMER_VERSIE


@pytest.mark.parametrize(("a", "b"), [
    ("ambitieus", "ambitieuze"), ("ambitieus", "ambitieuzer"), ("actief", "actieve"), ("sociaal", "sociale"),
    ("leerling", "leerlingen"), ("bekwaam", "bekwaamheid"), ("zorg", "zorgt"), ("volgt", "volgen"),
    ("veilig", "veiligheid"), ("ambitie", "ambities"),
])
def test_vormen_van_een_woord_hebben_een_sleutel(a: str, b: str) -> None:
    assert sleutel(a) == sleutel(b)


@pytest.mark.parametrize(("a", "b"), [("ambitieus", "ambitie"), ("onderwijs", "ontwikkeling"), ("veilig", "vrij")])
def test_andere_woorden_niet(a: str, b: str) -> None:
    assert sleutel(a) != sleutel(b)


def test_inhoudswoorden_zonder_functiewoorden_en_actoren() -> None:
    assert inhoudswoorden("Het bestuur zorgt voor bevoegd en bekwaam personeel dat in het bezit is van een VOG.") == [
        "zorgt", "bevoegd", "bekwaam", "personeel", "bezit", "vog"]


def test_ambitieus_in_de_wet_telt_voor_ambitieuze_in_de_eis() -> None:
    wet = [("artikel 1 van de X", "Het onderwijs is ambitieus en gericht op een ononderbroken ontwikkelingsproces.")]
    t = vergelijk_termen("e1", "De school stelt ambitieuze doelen voor de ontwikkeling en de veiligheid.", wet)
    assert t.uit_de_wet == ["ambitieuze", "ontwikkeling"]
    assert t.niet_in_de_wet == ["stelt", "doelen", "veiligheid"]
    assert {x.woord: x.gevonden_in for x in t.termen}["ambitieuze"] == ("artikel 1 van de X",)
