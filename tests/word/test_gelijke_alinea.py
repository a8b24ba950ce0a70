"""`KaderSchrijver.gelijke_alinea`, the short way for an unchanged paragraph, writes what `paragraaf` writes."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from kaderdiff.render import docx_kader
from kaderdiff.word.blokken import blokken
from kaderdiff.word.documentopmaak import opgemaakt_document
from kaderdiff.word.kaderdocument import TABELVORMEN, KaderSchrijver, extra_stijlen
from kaderdiff.word.revisiereeks import BlokStatus
from kaderdiff.word.revisies import Revisies
from tests.hulp.paden import sample_kaders

MOMENT = datetime(2026, 3, 16, tzinfo=UTC)


def _schrijver(concept: bool) -> KaderSchrijver:
    doc = opgemaakt_document("T", MOMENT, "", docx_kader._conceptopmaak, {"kop": "k", "kenmerk": "K"})
    extra_stijlen(doc)
    return KaderSchrijver(doc, Revisies("2026-03-16T00:00:00Z") if concept else None, {}, MOMENT)


@pytest.mark.parametrize("concept", [True, False], ids=["concept", "schoon"])
def test_zoals_paragraaf_het_schrijft(concept: bool) -> None:
    from kaderdiff.bron.laden import laad_bestand

    kort, lang = _schrijver(concept), _schrijver(concept)
    gezien = set()
    for pad in sample_kaders():
        for blok in blokken(laad_bestand(pad)):
            if blok.vorm in TABELVORMEN:
                continue
            gezien.add(blok.vorm)
            kort.gelijke_alinea(blok)
            stijl_id = lang.eigen_stijl(blok.vorm)
            lang.wachtend.append(lang.paragraaf(stijl_id, lang.gelijke_runs(blok), BlokStatus.GELIJK, "", blok))
    assert kort.wachtend == lang.wachtend
    assert {"kop1", "alinea", "eis", "grondslag", "opsomming"} <= gezien
