"""Cutting a block's text into the runs of its revisions: the right pieces, in time linear in the block."""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Iterator
from typing import SupportsIndex, overload

from kaderdiff.model.kader import Fragment
from kaderdiff.word.revisiereeks import BlokStatus
from kaderdiff.word.revisies import Links, Revisies, runs_van_blok


def _stukken_uit_tekst(fragmenten: tuple[Fragment, ...], start: int, eind: int) -> list[tuple[str, str, int]]:
    """What a cut must give, by the letter: every character with its fragment, grouped per fragment."""
    tekens = [(teken, f.stijl, i) for i, f in enumerate(fragmenten) for teken in f.tekst][start:eind]
    uit: list[tuple[str, str, int]] = []
    for teken, stijl, i in tekens:
        if uit and uit[-1][2] == i:
            uit[-1] = (uit[-1][0] + teken, stijl, i)
        else:
            uit.append((teken, stijl, i))
    return uit


def test_knippen_geeft_de_stukken_van_de_tekst_ook_terug_en_over_lege_fragmenten() -> None:
    from kaderdiff.word.revisies import Knipper

    rng = random.Random(31)
    for _ in range(200):
        fragmenten = tuple(Fragment(rng.choice(["", "a", "art. 8 ", "lid 2, ", "WEB"]), rng.choice(["", "nadruk"]))
                           for _ in range(rng.randint(0, 12)))
        lengte = sum(len(f.tekst) for f in fragmenten)
        knipper = Knipper(fragmenten)
        assert knipper.lengte == lengte
        grenzen = sorted(rng.randint(0, lengte) for _ in range(rng.randint(1, 6)))
        for start, eind in zip([0, *grenzen], [*grenzen, lengte], strict=True):
            assert knipper.met_index(start, eind) == _stukken_uit_tekst(fragmenten, start, eind)
        start = rng.randint(0, lengte)  # a cut further back starts again from the front
        assert knipper.met_index(start, lengte) == _stukken_uit_tekst(fragmenten, start, lengte)


class _GeteldeFragmenten(tuple[Fragment, ...]):
    """A block's fragments that count how often a fragment is read."""

    gelezen = 0

    def __iter__(self) -> Iterator[Fragment]:
        for f in super().__iter__():
            _GeteldeFragmenten.gelezen += 1
            yield f

    @overload
    def __getitem__(self, i: SupportsIndex) -> Fragment: ...
    @overload
    def __getitem__(self, i: slice) -> tuple[Fragment, ...]: ...
    def __getitem__(self, i: SupportsIndex | slice) -> Fragment | tuple[Fragment, ...]:
        _GeteldeFragmenten.gelezen += 1
        return super().__getitem__(i)


def test_een_grondslagregel_met_veel_citaten_wordt_in_lineaire_tijd_in_runs_geknipt() -> None:
    """A grondslag line is a fragment per linked citation; an edit of every fifth one makes a part of the word
    diff per edit. Each part used to search the fragments from the first: reads grew with fragments x parts."""
    aantal = 600
    oud = _GeteldeFragmenten(Fragment(f"artikel {i} WEB; ") for i in range(aantal))
    nieuw = _GeteldeFragmenten(Fragment(f"artikel {i}a WEB; " if i % 5 == 0 else f"artikel {i} WEB; ")
                               for i in range(aantal))
    links = Links(tuple(f"https://wetten.overheid.nl/jci1.3:c:BWBR0007625&artikel={i}" for i in range(aantal)),
                  lambda adres: "rId9")
    _GeteldeFragmenten.gelezen = 0
    runs = runs_van_blok(oud, nieuw, BlokStatus.GEWIJZIGD, Revisies("2026-05-20T00:00:00Z"), links)
    assert runs.count("<w:ins ") == aantal // 5 and runs.count("<w:del ") == aantal // 5
    assert _GeteldeFragmenten.gelezen < 20 * aantal, _GeteldeFragmenten.gelezen


def test_het_schone_kader_uit_de_runs_van_het_concept_is_hetzelfde_document_als_alleen_gemaakt() -> None:
    """The pack writes the concept first and the clean kader from the same blocks, with the runs of every unchanged
    block made once; each document names its links by its own relationships (the concept has a comments part)."""
    from datetime import UTC, datetime

    from kaderdiff.bron.versies import KaderMap
    from kaderdiff.diff.staatbouw import maak_staat
    from kaderdiff.model.versie import Versie
    from kaderdiff.render.docx_kader import render_concept_docx, render_kader_docx
    from kaderdiff.word.blokken import blokken
    from tests.hulp.paden import KADERS

    moment = datetime(2026, 5, 20, tzinfo=UTC)
    staat = maak_staat(KaderMap(KADERS), Versie(2025), Versie(2026), "MBO")
    alleen = render_kader_docx(staat.nieuw, moment, "", blokken(staat.nieuw, staat.wetten), staat.herkomst)
    gedeeld = blokken(staat.nieuw, staat.wetten)
    concept = render_concept_docx(staat, moment, gedeeld)
    gemaakt = len(gedeeld.runs)
    assert 0 < gemaakt < len(gedeeld)  # the concept's unchanged blocks: not the changed ones
    assert render_kader_docx(staat.nieuw, moment, "", gedeeld, staat.herkomst) == alleen
    assert len(gedeeld.runs) > gemaakt  # the clean kader made only the runs the concept had not made
    assert render_concept_docx(staat, moment, gedeeld) == concept == render_concept_docx(staat, moment)
    for docx in (alleen, concept):
        with zipfile.ZipFile(io.BytesIO(docx)) as z:
            assert b"<w:hyperlink" in z.read("word/document.xml")
