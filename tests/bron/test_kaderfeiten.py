"""`controleer` reads a kader's facts from its tree (`bron.kaderfeiten`), the loader builds the model (`bron.laden`):
both must give the rules the same eisen, grondslagen and declarations, and the rules the same verdicts."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from bench.corpus import SNEL, maak_corpus
from kaderdiff.bron.kaderfeiten import Boomfeiten
from kaderdiff.bron.laden import kader_uit_boom
from kaderdiff.bron.ontleden import parse_kader
from kaderdiff.bron.regels import inhoudelijke_fouten
from kaderdiff.bron.wetregister import register_voor
from kaderdiff.recht.wetcontrole import controleer_grondslagen
from tests.hulp.paden import DATA, KADERS, VOORBEELD, sample_kaders

if TYPE_CHECKING:
    from kaderdiff.model.feiten import Kaderfeiten


def _feiten(k: Kaderfeiten) -> tuple[object, ...]:
    return (k.bron, k.peildatum, k.status, k.correctie is not None, [w.code for w in k.wetswijzigingen],
            [(t.id, t.regel, t.wetswijziging) for t in k.toelichtingen],
            [(e.id, e.regel, e.grondslagen, e.geen_grondslag is not None) for e in k.eisen()])


def _beide(data: bytes, bron: str) -> tuple[Boomfeiten, Kaderfeiten]:
    boom, meldingen = parse_kader(data, bron)
    assert meldingen == []
    return Boomfeiten(boom, bron), kader_uit_boom(boom, bron)


def _kaders(tmp: Path) -> list[Path]:
    maak_corpus(tmp / "corpus", sectoren=3, jaren=2, omvang=SNEL, git=False)
    return [*sample_kaders(), VOORBEELD, *sorted((DATA / "woordcorpus").rglob("*.xml")),
            *sorted((tmp / "corpus" / "kaders").rglob("*.xml"))]


def test_dezelfde_feiten_als_het_model(tmp_path: Path) -> None:
    kaders = _kaders(tmp_path)
    assert len(kaders) > 15
    for pad in kaders:
        uit_boom, model = _beide(pad.read_bytes(), str(pad))
        assert _feiten(uit_boom) == _feiten(model), pad
    assert any(k.correctie is not None for k in (_beide(p.read_bytes(), str(p))[0] for p in kaders))


#: What people get wrong, each a change to a sample kader that one of the rules reports.
FOUTEN = {
    "eis zonder grondslag": (r'<grondslag [^>]*/>', ""),
    "onbekende wet": (r'wet="WEB"', 'wet="WEBB"'),
    "niet gedeclareerde wetswijziging": (r'wetswijziging="([^"]+)"', 'wetswijziging="X-\\1"'),
    "correctie zonder correctie": (r'(<kader [^>]*)status="[a-z]+"', '\\1status="correctie"'),
    "artikel dat niet bestaat": (r'artikel="7\.2\.4a"', 'artikel="7.2.4zz"'),
}


@pytest.mark.parametrize("soort", sorted(FOUTEN))
def test_de_regels_oordelen_over_feiten_als_over_het_model(soort: str) -> None:
    patroon, vervanging = FOUTEN[soort]
    pad = KADERS / "2026" / "mbo.xml"
    tekst, aantal = re.subn(patroon, vervanging, pad.read_text(encoding="utf-8"))
    assert aantal
    uit_boom, model = _beide(tekst.encode(), str(pad))
    register = register_voor(KADERS)
    regels = inhoudelijke_fouten(uit_boom, register)
    assert regels == inhoudelijke_fouten(model, register)
    wetten = controleer_grondslagen(uit_boom, pad)
    assert wetten == controleer_grondslagen(model, pad)
    assert regels or wetten, "de fout wordt gemeld"
