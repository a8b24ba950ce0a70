"""The benchmark's corpus generator and quality measure, at small size: kaderdiff finds exactly the ground truth."""

from __future__ import annotations

import io
import json
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from bench.corpus import SNEL, maak_corpus
from bench.hernummer import deel_voor
from bench.kwaliteit import (
    ALLE_IDS_NIEUW,
    HELFT_IDS_NIEUW,
    IDS_GENEGEERD,
    POSITIONELE_IDS,
    VERWISSELDE_IDS,
    Telling,
    beoordeel,
    hernummerde_uitslagen,
    kaderdiff_uitslag,
    lees_waarheid,
)
from kaderdiff.bron.laden import laad_bytes
from kaderdiff.recht.controle import controleer_bytes


def test_klein_corpus_geldig_en_volledig_gevonden(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    maak_corpus(corpus, sectoren=2, jaren=3, omvang=SNEL, git=False)
    bestanden = sorted((corpus / "kaders").rglob("*.xml"))
    assert len(bestanden) == 6
    assert controleer_bytes(bestanden[0].read_bytes(), str(bestanden[0])) == []
    telling = Telling()
    for waarheid in sorted((corpus / "waarheid").glob("*.json")):
        slot, jaar = waarheid.stem.rsplit("-", 1)
        oud = laad_bytes((corpus / "kaders" / str(int(jaar) - 1) / f"{slot}.xml").read_bytes(), "oud")
        nieuw = laad_bytes((corpus / "kaders" / jaar / f"{slot}.xml").read_bytes(), "nieuw")
        beoordeel(telling, kaderdiff_uitslag(oud, nieuw), lees_waarheid(waarheid), waarheid.stem)
    assert telling.paren == 4
    assert (telling.precisie, telling.recall) == (1.0, 1.0), (telling.missers, telling.onterecht)
    assert telling.soort_fout == [] and telling.valse_zetten == 0 and telling.midden_in_woord == 0


def test_generator_is_deterministisch(tmp_path: Path) -> None:
    for naam in ("a", "b"):
        maak_corpus(tmp_path / naam, sectoren=1, jaren=2, omvang=SNEL, git=False)
    assert (tmp_path / "a/kaders/2026/po.xml").read_bytes() == (tmp_path / "b/kaders/2026/po.xml").read_bytes()
    assert (tmp_path / "a/waarheid/po-2026.json").read_text() == (tmp_path / "b/waarheid/po-2026.json").read_text()


def test_klein_corpus_met_nieuwe_ids_en_zonder_ids_volledig_gevonden(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    maak_corpus(corpus, sectoren=2, jaren=3, omvang=SNEL, git=False)
    tellingen: dict[str, Telling] = {}
    for waarheid in sorted((corpus / "waarheid").glob("*.json")):
        slot, jaar = waarheid.stem.rsplit("-", 1)
        kaart = json.loads((corpus / "hernummerd" / jaar / f"{slot}-ids.json").read_text())
        hernummerd = (corpus / "hernummerd" / jaar / f"{slot}.xml").read_bytes()
        ids = hernummerd.count(b' id="') - hernummerd.count(b'<toelichting id="')
        assert len(kaart) == ids if deel_voor(int(jaar)) == 1.0 else 0.3 * ids < len(kaart) < 0.7 * ids
        oud = laad_bytes((corpus / "kaders" / str(int(jaar) - 1) / f"{slot}.xml").read_bytes(), "oud")
        nieuw = laad_bytes((corpus / "kaders" / jaar / f"{slot}.xml").read_bytes(), "nieuw")
        for variant, uitslag in hernummerde_uitslagen(corpus, slot, int(jaar), oud, nieuw).items():
            beoordeel(tellingen.setdefault(variant, Telling()), uitslag, lees_waarheid(waarheid), waarheid.stem)
    assert set(tellingen) == {ALLE_IDS_NIEUW, HELFT_IDS_NIEUW, IDS_GENEGEERD, POSITIONELE_IDS, VERWISSELDE_IDS}
    for telling in tellingen.values():
        assert (telling.precisie, telling.recall) == (1.0, 1.0), (telling.missers, telling.onterecht)
        assert telling.soort_fout == [] and telling.valse_zetten == telling.valse_herindelingen == 0
        assert telling.zetten_gevonden == telling.zetten_verwacht > 0


def test_bench_stopt_luid_als_een_peer_ontbreekt(monkeypatch: pytest.MonkeyPatch) -> None:
    from bench.__main__ import vereis_peers

    for module in ("redlines", "xmldiff", "python_redlines"):
        monkeypatch.setitem(sys.modules, module, None)  # an import of it now raises ImportError
    with pytest.raises(SystemExit) as stop:
        vereis_peers()
    melding = str(stop.value)
    assert "redlines" in melding and "pip install -e '.[dev,bench]'" in melding


# ---------------------------------------------------------------- issue 31: merge scenarios and the Word comparers
@pytest.mark.traag
def test_samenvoegscenarios_kaderdiff_geeft_wat_de_readme_zegt_en_nooit_een_fout_resultaat() -> None:
    from bench.samenvoegscenarios import CONFLICT, FOUT, GOED, SCENARIOS, speel_alle

    uitslagen = speel_alle()
    for scenario in SCENARIOS:
        kaderdiff = uitslagen[scenario.naam]["kaderdiff"]
        assert kaderdiff.oordeel != FOUT, (scenario.naam, kaderdiff)
        assert kaderdiff.oordeel == scenario.kaderdiff, (scenario.naam, kaderdiff)
    # the scenarios are worth having: git's own line merge conflicts or goes wrong where kaderdiff merges right,
    # and where only a conflict is right kaderdiff stops
    git_mis = {s.naam for s in SCENARIOS if uitslagen[s.naam]["git"].oordeel != GOED and s.kaderdiff == GOED}
    assert {"verplaatsen-en-bewerken", "grondslag-en-tekst", "opmaak-en-tekst", "elk-een-toelichting"} <= git_mis
    assert all(uitslagen[s.naam]["kaderdiff"].oordeel == CONFLICT for s in SCENARIOS if not s.verwacht)


@pytest.mark.traag
def test_samenvoegscenarios_zien_een_driver_die_een_kant_laat_vallen() -> None:
    """A driver that keeps their version and says 'merged' (as `cp %B %A` would) is judged wrong wherever our
    edit mattered: the test above would fail on such a driver."""
    from bench.samenvoegscenarios import FOUT, speel_alle

    uitslagen = speel_alle(driver="cp %B %A", wijzen=("kaderdiff",))
    niet_fout = {naam for naam, per in uitslagen.items() if per["kaderdiff"].oordeel != FOUT}
    # only there is their version already the right result: a reflow changes no element, and both made one change
    assert niet_fout == {"opmaak-en-tekst", "dezelfde-wijziging"}
    assert "silently lost" in uitslagen["verplaatsen-en-bewerken"]["kaderdiff"].detail


def _rookcorpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    maak_corpus(corpus, sectoren=2, jaren=3, omvang=SNEL, git=False)
    return corpus


def test_docxlezer_leest_het_concept_van_kaderdiff_terug_als_de_waarheid(tmp_path: Path) -> None:
    """The reader the Word comparers are scored with, on a document it was not written for: kaderdiff's tracked
    concept (moves, hyperlinked grondslag lines, merged and split standaarden) reads back as the ground truth."""
    from bench.docxkwaliteit import blokken_van, docx_uitslag
    from bench.docxpaar import MOMENT
    from kaderdiff.bron.versies import KaderMap
    from kaderdiff.diff.staatbouw import maak_staat
    from kaderdiff.model.versie import Versie
    from kaderdiff.render.docx_kader import render_concept_docx, render_kader_docx

    corpus = _rookcorpus(tmp_path)
    kadermap = KaderMap(corpus / "kaders")
    telling = Telling()
    for waarheid in sorted((corpus / "waarheid").glob("*.json")):
        slot, jaar = waarheid.stem.rsplit("-", 1)
        kaders = [kadermap.laad(Versie(j), slot) for j in (int(jaar) - 1, int(jaar))]
        oud, nieuw = (blokken_van(k, render_kader_docx(k, MOMENT)) for k in kaders)
        concept = render_concept_docx(maak_staat(kadermap, Versie(int(jaar) - 1), Versie(int(jaar)), slot), MOMENT)
        uitslag, ongekoppeld = docx_uitslag(concept, oud, nieuw)
        assert ongekoppeld == 0
        beoordeel(telling, uitslag, lees_waarheid(waarheid), waarheid.stem)
    assert telling.paren == 4 and telling.zetten_gevonden == telling.zetten_verwacht > 0
    assert (telling.precisie, telling.recall) == (1.0, 1.0), (telling.missers, telling.onterecht)
    assert telling.valse_eenheden == telling.valse_zetten == 0


def test_docxlezer_telt_een_gemarkeerde_ongewijzigde_grondslagregel_als_onterecht(tmp_path: Path) -> None:
    """What Docxodus does with a grondslag line whose link address changed but whose text did not (struck and
    inserted again, or moved): a spurious mark, and a false move, of an eis that did not change."""
    from bench.docxkwaliteit import blokken_van, docx_uitslag
    from bench.docxpaar import MOMENT
    from kaderdiff.bron.versies import KaderMap
    from kaderdiff.model.versie import Versie
    from kaderdiff.render.docx_kader import render_kader_docx
    from kaderdiff.word.ns import W

    corpus = _rookcorpus(tmp_path)
    kader = KaderMap(corpus / "kaders").laad(Versie(2026), "po")
    schoon = render_kader_docx(kader, MOMENT)
    blokken = blokken_van(kader, schoon)
    with zipfile.ZipFile(io.BytesIO(schoon)) as z:
        delen = {naam: z.read(naam) for naam in z.namelist()}
    document = etree.fromstring(delen["word/document.xml"])
    regels = [p for p in document.iter(f"{W}p") if p.find(f"{W}hyperlink") is not None]
    for regel, (weg, erbij) in zip(regels[:2], (("del", "ins"), ("moveFrom", "moveTo")), strict=True):
        link = regel.find(f"{W}hyperlink")
        nieuw = etree.fromstring(etree.tostring(link))
        link.addnext(nieuw)
        for wikkel, omhul in ((link, weg), (nieuw, erbij)):
            revisie = etree.SubElement(wikkel, f"{W}{omhul}", {f"{W}id": "1", f"{W}author": "x"})
            for run in wikkel.findall(f"{W}r"):
                revisie.append(run)
        for t in link.iter(f"{W}t"):
            t.tag = f"{W}delText" if weg == "del" else t.tag
    delen["word/document.xml"] = etree.tostring(document)
    redline = io.BytesIO()
    with zipfile.ZipFile(redline, "w") as z:
        for naam, data in delen.items():
            z.writestr(naam, data)
    uitslag, ongekoppeld = docx_uitslag(redline.getvalue(), blokken, blokken)
    telling = Telling()
    beoordeel(telling, uitslag, [], "po-2026")
    gemarkeerd = {b.element_id for b, _ in blokken if b.deel == "grondslag"}
    assert ongekoppeld == 0 and set(uitslag.soorten) <= gemarkeerd and len(uitslag.soorten) == 2
    assert (telling.valse_elementen, telling.valse_eenheden, telling.valse_zetten, telling.valse_zeteenheden) == (
        2, 2, 1, 1)
