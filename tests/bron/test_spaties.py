"""White space as a reader sees it: `normaliseer` and `enkele_spaties` read as the regular expression `\\s+` does.

Both use `str.split`, which is faster; that they agree rests on `\\s` and `str.split` taking the same characters as
white space, checked here for every code point, and on the two functions, checked against `re` with text of
every kind of white space.
"""

from __future__ import annotations

import re
import sys

from hypothesis import given
from hypothesis import strategies as st

from kaderdiff.bron.laden import enkele_spaties, normaliseer

#: Characters where white space definitions are known to differ (information separators, NEL, no-break spaces,
#: line and paragraph separator, zero-width space, BOM), with ordinary text around them.
RANDGEVALLEN = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2007\u200a\u200b\u2028\u2029\u202f\u205f"
                "\u3000\ufeffab.")


def test_str_split_en_backslash_s_kennen_dezelfde_witruimte() -> None:
    witruimte = re.compile(r"\s")
    verschil = [hex(c) for c in range(sys.maxunicode + 1)
                if (witruimte.match(chr(c)) is not None) != (len(f"a{chr(c)}b".split()) == 2)]
    assert verschil == []


@given(st.text(alphabet=st.sampled_from(RANDGEVALLEN) | st.characters(), max_size=40))
def test_zoals_de_reguliere_expressie(tekst: str) -> None:
    assert enkele_spaties(tekst) == re.sub(r"\s+", " ", tekst)
    assert normaliseer(tekst) == re.sub(r"\s+", " ", tekst).strip()


def test_randen() -> None:
    assert enkele_spaties("") == "" and normaliseer("") == ""
    assert enkele_spaties(" \u2028\t") == " " and normaliseer(" \u2028\t") == ""
    assert enkele_spaties("\xa0a \n b\u3000") == " a b "
    assert enkele_spaties("a\u200bb") == "a\u200bb", "een spatie zonder breedte is geen witruimte"
