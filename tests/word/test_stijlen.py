"""`KaderSchrijver.stijl_id_van` finds every style as python-docx's `doc.styles[naam]` does."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.styles import BabelFish

from kaderdiff.render import docx_kader
from kaderdiff.word.documentopmaak import opgemaakt_document
from kaderdiff.word.kaderdocument import STIJL, KaderSchrijver, extra_stijlen

MOMENT = datetime(2026, 3, 16, tzinfo=UTC)


def _schrijver() -> KaderSchrijver:
    doc = opgemaakt_document("T", MOMENT, "", docx_kader._conceptopmaak, {"kop": "k", "kenmerk": "K"})
    extra_stijlen(doc)
    return KaderSchrijver(doc, None, {}, MOMENT)


def test_elke_stijl_zoals_python_docx_hem_vindt() -> None:
    schrijver = _schrijver()
    namen = {BabelFish.internal2ui(s.name) for s in schrijver.doc.styles if s.name} | set(STIJL.values())
    assert len(namen) > 20
    for naam in sorted(namen):
        assert schrijver.stijl_id_van(naam) == str(schrijver.doc.styles[naam].style_id), naam


def test_de_eerste_van_twee_stijlen_met_dezelfde_naam_en_een_onbekende() -> None:
    schrijver = _schrijver()
    schrijver.doc.styles.element.append(parse_xml(
        f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="Tweede"><w:name w:val="Eiskop"/></w:style>'))
    assert schrijver.stijl_id_van("Eiskop") == str(schrijver.doc.styles["Eiskop"].style_id) == "Eiskop"
    with pytest.raises(KeyError):
        schrijver.stijl_id_van("Bestaat niet")
