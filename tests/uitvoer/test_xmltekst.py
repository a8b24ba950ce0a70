"""Our escape/quoteattr (written to spare every command the import of urllib) against the standard library's."""

from __future__ import annotations

from xml.sax.saxutils import escape as sax_escape
from xml.sax.saxutils import quoteattr as sax_quoteattr

from hypothesis import given, settings
from hypothesis import strategies as st

from kaderdiff.uitvoer.xmltekst import escape, quoteattr

TEKENS = st.text(alphabet=st.sampled_from(list("&<>\"'\n\r\t ab&amp;;é€")) | st.characters(), max_size=60)


@settings(max_examples=200, derandomize=True)
@given(TEKENS)
def test_gelijk_aan_de_standaardbibliotheek(tekst: str) -> None:
    assert escape(tekst) == sax_escape(tekst)
    assert quoteattr(tekst) == sax_quoteattr(tekst)


def test_juriconnect_adres_als_attribuut() -> None:
    adres = "https://wetten.overheid.nl/jci1.3:c:BWBR0007625&artikel=7.2.4a&lid=1&g=2026-08-01"
    assert quoteattr(adres) == '"' + adres.replace("&", "&amp;") + '"'
