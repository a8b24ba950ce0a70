"""Property tests with hostile input for the doors that read untrusted files or text: the kader loader, the
citation parser, the BWB importer, the Word reader of `voorstel --uit-docx`, the Word importer (whose every
accepted document must give a kader that `controleer` accepts) and the merge driver.

For every generated input: exit code 0 or 2 (1 is `voorstel --uit-docx`'s "nothing adopted" and the merge
driver's "conflicts left in the file, both sides visible"), a Dutch message,
no traceback, no "interne fout", no hang (a time limit per input), nothing left in the temporary folder,
nothing changed in the repository. The normal run makes 500 inputs per door with a fixed seed (the same inputs
every run, so CI is reproducible); `KADERDIFF_FUZZ_AANTAL=20000` makes a longer run with a random seed
(see docs/betrouwbaarheid.md).
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from lxml import etree

from kaderdiff.fouten import KaderdiffFout
from tests.hulp.draai import kd
from tests.hulp.kaderbewerking import houdt_woord
from tests.hulp.paden import KADERS, REPO, VOORBEELD
from tests.hulp.repos import commit_alles, git_cmd, maak_repo
from tests.hulp.vijandig import W, nederlands, tijdslimiet, veilige_tekst, vijandige_docx, vijandige_xml

#: Property tests with thousands of hostile inputs: left out of the quick run (`-m "not traag"`).
pytestmark = pytest.mark.traag

AANTAL = int(os.environ.get("KADERDIFF_FUZZ_AANTAL", "500"))
FUZZ = settings(max_examples=AANTAL, deadline=None, derandomize="KADERDIFF_FUZZ_AANTAL" not in os.environ,
                database=None, print_blob=True,
                suppress_health_check=list(HealthCheck))
TIJDSLIMIET = 60.0


@pytest.fixture
def eigen_tmp(tmp_path: Path) -> Iterator[Path]:
    """Python's temporary folder for the duration of the test: must be empty after every input."""
    map_ = tmp_path / "tmp"
    map_.mkdir()
    oud = tempfile.tempdir
    tempfile.tempdir = str(map_)
    try:
        yield map_
    finally:
        tempfile.tempdir = oud


def beoordeel_uitkomst(code: int, uit: str, fout: str, toegestaan: set[int]) -> None:
    event(f"exit {code}")  # --hypothesis-show-statistics shows how the inputs ended
    assert code in toegestaan, f"exit {code}\n{uit[-2000:]}\n{fout[-2000:]}"
    if code == 2:
        assert fout.strip(), "een fout zonder melding"
        assert "Fout: " in fout or ": fout: " in fout or "kaderdiff" in fout, fout[-2000:]
    nederlands(fout)


def niets_achtergelaten(tmp: Path) -> None:
    rest = list(tmp.iterdir())
    assert not rest, f"achtergelaten in de tijdelijke map: {rest}"


# -- the kader loader ---------------------------------------------------------------

ZADEN_KADER = [VOORBEELD.read_bytes()] * 4 + [(KADERS / "2027" / "vo.xml").read_bytes()]


@FUZZ
@given(data=vijandige_xml(ZADEN_KADER, "kader"))
def test_fuzz_kaderlader(data: bytes, tmp_path_factory: pytest.TempPathFactory, eigen_tmp: Path) -> None:
    from kaderdiff.bron.laden import laad_bytes
    from kaderdiff.bron.opmaak import maak_op

    werk = tmp_path_factory.getbasetemp() / "fuzz-kader"
    werk.mkdir(exist_ok=True)
    pad = werk / "kader.xml"
    pad.write_bytes(data)
    with tijdslimiet(TIJDSLIMIET):
        code, uit, fout = kd(["controleer", str(pad)])
        beoordeel_uitkomst(code, uit, fout, {0, 2})
        try:
            kader = laad_bytes(data, "kader.xml")
        except KaderdiffFout as f:
            nederlands(str(f))
            kader = None
        try:
            opgemaakt = maak_op(data, "kader.xml")
        except KaderdiffFout as f:
            nederlands(str(f))
            opgemaakt = None
    if kader is not None:
        assert opgemaakt is not None, "een geldig kader moet op te maken zijn"
        assert laad_bytes(opgemaakt, "kader.xml") == kader, "opmaak verandert de inhoud niet"
        assert maak_op(opgemaakt, "kader.xml") == opgemaakt, "opmaak is idempotent"
    assert pad.read_bytes() == data and sorted(p.name for p in werk.iterdir()) == ["kader.xml"]
    niets_achtergelaten(eigen_tmp)


# -- the citation parser ------------------------------------------------------------

TOKENS = ("artikel", "artikelen", "art.", "artt.", "Artikel", "lid", "leden", "eerste", "tweede", "derde",
          "twintigste", "onder", "onderdeel", "sub", "en", ",", ";", "van de", "van het", "van", "de", "WEB",
          "WPO", "WVO 2020", "Wet op het primair onderwijs", "Wet educatie en beroepsonderwijs", "wet", "7.2.4a",
          "1", "2c", "10", "a", "b", "1°", "2:3", "bis", "[/x]", "0", "999999999999", "-", "(", ")", "°", "é")
GELDIG = ("artikel 7.2.4a, eerste lid, WEB", "artikel 11, derde lid, en artikel 15 van de WOT",
          "artikel 8, tweede lid, onder b, van de Wet op het primair onderwijs", "artikelen 3 en 4 WPO")


@st.composite
def tokensoep(draw: st.DrawFn) -> str:
    delen = draw(st.lists(st.sampled_from(TOKENS), max_size=30))
    scheiders = draw(st.lists(st.sampled_from([" ", "  ", "\t", "\n", "", " , ", "\u00a0"]), min_size=len(delen),
                              max_size=len(delen)))
    return "".join(d + s for d, s in zip(delen, scheiders, strict=True))


@st.composite
def gemuteerd_citaat(draw: st.DrawFn) -> str:
    tekst = list(draw(st.sampled_from(GELDIG)))
    for _ in range(draw(st.integers(1, 5))):
        plek = draw(st.integers(0, len(tekst)))
        soort = draw(st.sampled_from(["weg", "erbij", "vervang"]))
        if soort == "weg" and tekst:
            del tekst[min(plek, len(tekst) - 1)]
        else:
            teken = draw(st.characters())
            tekst[plek:plek + (soort == "vervang")] = [teken]
    return "".join(tekst)


citaten = st.one_of(
    st.text(max_size=200), tokensoep(), gemuteerd_citaat(),
    st.sampled_from(["artikel " * 50_000, " " * 1_000_000, "artikel 1, " * 20_000 + "WEB",
                     "a" * 500_000, "artikel 7.2.4a" + ", eerste lid" * 10_000 + " WEB", "\x00", "-h", "--json",
                     "--", "-"]),
)


@FUZZ
@given(tekst=citaten)
def test_fuzz_citaten(tekst: str, eigen_tmp: Path) -> None:
    from kaderdiff.verwijzing.citeren import citeer, parse

    with tijdslimiet(TIJDSLIMIET):
        code, uit, fout = kd(["herleid", f"--artikel={tekst}", "--kaders", str(KADERS), "--json"], cwd=REPO)
        beoordeel_uitkomst(code, uit, fout, {0, 2})
        try:
            gevonden = parse(tekst)
        except KaderdiffFout as f:
            nederlands(str(f))
            gevonden = []
    for g in gevonden:
        assert parse(citeer(g)) == [g], "elk gelezen citaat leest terug na citeer"
    niets_achtergelaten(eigen_tmp)


# -- the BWB importer ---------------------------------------------------------------

def bwb_zaden() -> list[bytes]:
    zaden = [p.read_bytes() for p in sorted((REPO / "tests" / "data" / "bwb").glob("web-*.xml"))]
    for map_ in (REPO.parent / "shared" / "wetten-echt", REPO.parent.parent / "shared" / "wetten-echt"):
        zaden += [p.read_bytes() for p in sorted(map_.glob("BWB*.xml"))]  # real law text where present
    return zaden


@FUZZ
@given(data=vijandige_xml(bwb_zaden(), "toestand"))
def test_fuzz_bwb_importeren(data: bytes, tmp_path_factory: pytest.TempPathFactory, eigen_tmp: Path) -> None:
    werk = tmp_path_factory.getbasetemp() / "fuzz-bwb"
    kaders = werk / "kaders"
    kaders.mkdir(parents=True, exist_ok=True)
    pad = werk / "toestand.xml"
    pad.write_bytes(data)
    with tijdslimiet(TIJDSLIMIET):
        code, uit, fout = kd(["wetten", "importeer", str(pad), "--kaders", str(kaders)])
    beoordeel_uitkomst(code, uit, fout, {0, 2})
    opgeslagen = sorted(p for p in kaders.rglob("*") if p.is_file())
    if code == 0:
        assert len(opgeslagen) == 1 and opgeslagen[0].read_bytes() == data
        assert re.fullmatch(r"wetten/BWB[RV]\d{7}/\d{4}-\d\d-\d\d\.xml", opgeslagen[0].relative_to(kaders).as_posix())
    else:
        assert not opgeslagen, "na een fout is niets opgeslagen"
    shutil.rmtree(kaders)
    assert sorted(p.name for p in werk.iterdir()) == ["toestand.xml"]
    niets_achtergelaten(eigen_tmp)


# -- the Word reader of voorstel --uit-docx -----------------------------------------

def _docx_repo(map_: Path) -> tuple[Path, list[bytes]]:
    """A small repository (the example kader in 2025 and 2026) and concept documents made from it, one with
    a reader's tracked insertion: the seeds."""
    from kaderdiff.bron.versies import KaderMap
    from kaderdiff.diff.staatbouw import maak_staat
    from kaderdiff.model.versie import Versie
    from kaderdiff.render.docx_kader import render_concept_docx
    from kaderdiff.word.blokken import blokken, blokmerk
    from tests.hulp.vijandig import als_zip, zip_delen

    repo = maak_repo(map_ / "repo", kaders=None)
    tekst = VOORBEELD.read_text(encoding="utf-8")
    for jaar, inhoud in ((2025, tekst.replace('jaar="2026"', 'jaar="2025"', 1)),
                         (2026, tekst.replace("Aanbod", "Het aanbod", 1))):
        (repo / "kaders" / str(jaar)).mkdir(parents=True)
        (repo / "kaders" / str(jaar) / "mbo.xml").write_text(inhoud, encoding="utf-8")
    commit_alles(repo, "Voorbeeldkaders")
    staat = maak_staat(KaderMap(repo / "kaders"), Versie(2025), Versie(2026), "MBO")
    concept = render_concept_docx(staat, datetime(2026, 5, 20, tzinfo=UTC))
    delen = zip_delen(concept)
    document = etree.fromstring(delen["word/document.xml"])
    merk = next(blokmerk(b.sleutel) for b in blokken(staat.oud) if b.element_id == "op1-e1" and b.deel == "tekst")
    alinea = next(p for p in document.iter(f"{{{W}}}p")
                  if merk in {b.get(f"{{{W}}}name") for b in p.iter(f"{{{W}}}bookmarkStart")})
    alinea.append(etree.fromstring(f'<w:ins xmlns:w="{W}" w:id="9001" w:author="Lezer" '
                                   f'w:date="2026-06-01T09:00:00Z"><w:r><w:t xml:space="preserve"> en meer'
                                   f'</w:t></w:r></w:ins>'))
    delen["word/document.xml"] = etree.tostring(document, xml_declaration=True, encoding="UTF-8", standalone=True)
    return repo, [als_zip(delen), als_zip(delen), concept]


_DOCX_REPO: dict[str, tuple[Path, list[bytes]]] = {}
_TELLER = itertools.count()


def docx_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[bytes]]:
    if "repo" not in _DOCX_REPO:
        _DOCX_REPO["repo"] = _docx_repo(tmp_path_factory.mktemp("fuzz-docx"))
    return _DOCX_REPO["repo"]


def test_het_docx_zaad_wordt_zelf_overgenomen(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> None:
    """The seed with a reader's insertion is a real proposal: the fuzzing starts from something that works."""
    repo, zaden = docx_repo(tmp_path_factory)
    (tmp_path / "c.docx").write_bytes(zaden[0])
    code, uit, fout = kd(["voorstel", "--uit-docx", str(tmp_path / "c.docx"), "--naam", "zaad/lezer"], cwd=repo)
    assert code == 0, uit + fout
    assert "1 revisie(s) overgenomen" in uit


@FUZZ
@given(keuze=st.integers(0, 2), data=st.data())
def test_fuzz_word_lezer(keuze: int, data: st.DataObject, tmp_path_factory: pytest.TempPathFactory,
                         eigen_tmp: Path) -> None:
    repo, zaden = docx_repo(tmp_path_factory)
    docx = data.draw(vijandige_docx(zaden[keuze]))
    werk = repo.parent / "werk"
    werk.mkdir(exist_ok=True)
    pad = werk / "concept.docx"
    pad.write_bytes(docx)
    voor = git_cmd(repo, "rev-parse", "HEAD")
    naam = f"fuzz/{next(_TELLER)}"
    with tijdslimiet(TIJDSLIMIET):
        code, uit, fout = kd(["voorstel", "--uit-docx", str(pad), "--naam", naam], cwd=repo)
    beoordeel_uitkomst(code, uit, fout, {0, 1, 2})
    assert git_cmd(repo, "rev-parse", "HEAD") == voor
    assert git_cmd(repo, "status", "--porcelain") == "", "de werkmap is niet aangeraakt"
    takken = git_cmd(repo, "branch", "--list", "fuzz/*")
    if code == 2:
        assert naam not in takken, "na een fout is er geen tak"
    if naam in takken:  # the next input starts from the same repository
        git_cmd(repo, "update-ref", "-d", f"refs/heads/{naam}")
    assert pad.read_bytes() == docx
    niets_achtergelaten(eigen_tmp)


# -- the merge driver -----------------------------------------------------------------

@FUZZ
@given(onze=vijandige_xml(ZADEN_KADER, "kader"), hun=vijandige_xml(ZADEN_KADER, "kader"))
def test_fuzz_samenvoeghulp(onze: bytes, hun: bytes, tmp_path_factory: pytest.TempPathFactory,
                            eigen_tmp: Path) -> None:
    """Both branches hostile: a merged kader `controleer` accepts, or both sides in the file (exit 1)."""
    werk = tmp_path_factory.getbasetemp() / "fuzz-merge"
    if not (werk / "kaders" / "wetten").is_dir():
        shutil.copytree(KADERS / "wetten", werk / "kaders" / "wetten")
        (werk / "kaders" / "2026").mkdir()
    pad = werk / "kaders" / "2026" / "mbo.xml"
    pad.write_bytes(onze)
    (werk / "basis.xml").write_bytes(VOORBEELD.read_bytes())
    (werk / "hun.xml").write_bytes(hun)
    with tijdslimiet(TIJDSLIMIET):
        code, _, fout = kd(["merge", str(werk / "basis.xml"), str(pad), str(werk / "hun.xml")], cwd=werk)
        event(houdt_woord(code, fout, pad, onze, hun, werk))
    assert sorted(p.name for p in (werk / "kaders" / "2026").iterdir()) == ["mbo.xml"]


# -- the Word importer ----------------------------------------------------------------

_IMPORT: dict[str, tuple[Path, list[bytes]]] = {}


def importeer_zaden(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[bytes]]:
    """A kadermap with the sample law texts, and the seeds: the corpus kader in four layouts people type (headings
    and bullets, bold lines and plain paragraphs, eisen in a table, typed footnotes) and in kaderdiff's own."""
    if "zaden" not in _IMPORT:
        from tests.hulp.woordcorpus import corpus_docx

        map_ = tmp_path_factory.mktemp("fuzz-importeer")
        kaders = map_ / "kaders"
        kaders.mkdir()
        shutil.copytree(KADERS / "wetten", kaders / "wetten")
        zaden = [corpus_docx(opmaak, 2026, map_).read_bytes()
                 for opmaak in ("koppen-opsomming", "vet-alinea", "tabel", "getypte-voetnoten", "kaderdiff")]
        _IMPORT["zaden"] = (kaders, zaden)
    return _IMPORT["zaden"]


#: Lines of kaders as people type them (heading, eis, grondslag, no legal basis, footnote, beslisregel …), from
#: which `kaderachtige_docx` draws documents: parts in odd orders, citations that are broken or cite articles the
#: law does not have, footnote marks without their note.
KADERREGELS = ("Waarderingskader school", "OP Onderwijsproces", "Kwaliteitsgebied Schoolklimaat (SK)",
               "Standaard OP1 Aanbod", "OP 2 Zicht op ontwikkeling", "Basiskwaliteit", "Eigen aspiraties",
               "Overige wettelijke vereisten", "Beslisregels school", "1 Inleiding", "1.1 Werkwijze", "Woord vooraf",
               "Bijlage 1 Afkortingen", "OP1.1 Kerndoelen", "OP 0.2: Rekenen", "Het aanbod omvat de kerndoelen.",
               "De school volgt de ontwikkeling van de leerlingen.", "Onvoldoende: De school is onvoldoende.",
               "Wettelijke grondslag: geen; zie Handreiking lezen. Uitleg.", "Grondslag: geen (beleid)",
               "Geen wettelijke grondslag", "Bron: handreiking", "¹ Artikel 8, eerste lid, WPO.", "² Zie ook de wet.",
               "Wettelijke grondslag: niet vermeld", "(artikel 9, eerste lid, WPO)", "Colofon", "")
GRONDSLAGWOORDEN = ("Wettelijke grondslag: ", "Wettelijke vereisten: ", "Wettelijk kader: ", "Grondslag: ", "¹ ",
                    "(", "")
STIJLEN = (None, None, None, "List Bullet", "List Number", "List Bullet 2", "Heading 1", "Heading 2", "Heading 3",
           "Heading 4", "Heading 5", "Title", "Caption")
#: Citations the sample law texts cannot all confirm: a lid, onderdeel or article they do not have.
ONBESTAAND = ("artikel 99 WPO", "artikel 8, twintigste lid, WPO", "artikel 4c, eerste lid, onder z, WPO",
              "artikel 11, achtste lid, WOT", "artikel 8 WPO en artikel 999 WPO")


#: A mutated citation with only what Word can hold (no control characters).
word_citaat = gemuteerd_citaat().map(lambda t: "".join(c for c in t if c.isprintable()))


Regel = tuple[str, str | None, bool, str]  # text, style, bold, superscript mark


@st.composite
def eis_met_grondslag(draw: st.DrawFn) -> list[Regel]:
    """An eis as bullet, numbered item, plain paragraph or under a bold number, with a line about its basis."""
    stijl = draw(st.sampled_from([None, "List Bullet", "List Number"]))
    uit: list[Regel] = []
    if draw(st.booleans()):
        uit.append((draw(st.sampled_from(["OP1.1 Kerndoelen", "OP 1.2: Rekenen", "Eis OP1.3 Burgerschap"])), None,
                    True, ""))
    merk = draw(st.sampled_from(["", "", "1"]))
    uit.append((draw(st.sampled_from(KADERREGELS[15:17])), stijl, False, merk))
    grond = draw(st.one_of(st.sampled_from(GELDIG + ONBESTAAND), word_citaat, st.sampled_from(KADERREGELS[18:26])))
    uit.append(((f"{merk} " if merk and draw(st.booleans()) else "") + draw(st.sampled_from(GRONDSLAGWOORDEN))
                + grond, None, False, ""))
    return uit


@st.composite
def kaderachtige_docx(draw: st.DrawFn) -> bytes:
    """A Word document typed after a kader's skeleton (waarderingskader, kwaliteitsgebied, standaard, eisen with
    their grondslag), then disturbed: lines replaced, dropped, doubled, swapped, restyled; citations broken or
    naming articles the law does not have; footnote marks without their note; tables of eisen."""
    import io

    from docx import Document

    regels: list[Regel] = [("Onderzoekskader 2026", "Title", False, ""),
                           ("Waarderingskader school", "Heading 1", False, ""),
                           ("OP Onderwijsproces", "Heading 2", False, ""), ("OP1 Aanbod", "Heading 3", False, ""),
                           ("Het aanbod is breed.", None, False, ""), ("Basiskwaliteit", "Heading 4", False, "")]
    for _ in range(draw(st.integers(1, 6))):
        regels += draw(eis_met_grondslag())
    for _ in range(draw(st.integers(0, 8))):
        i = draw(st.integers(0, len(regels) - 1))
        tekst, stijl, vet, merk = regels[i]
        soort = draw(st.sampled_from(["vervang", "weg", "dubbel", "wissel", "stijl", "vet", "merk", "tekst"]))
        if soort == "vervang":
            regels[i] = (draw(st.sampled_from(KADERREGELS)), stijl, vet, merk)
        elif soort == "weg" and len(regels) > 1:
            del regels[i]
        elif soort == "dubbel":
            regels.insert(i, regels[i])
        elif soort == "wissel" and i + 1 < len(regels):
            regels[i], regels[i + 1] = regels[i + 1], regels[i]
        elif soort == "stijl":
            regels[i] = (tekst, draw(st.sampled_from(STIJLEN)), vet, merk)
        elif soort == "vet":
            regels[i] = (tekst, stijl, not vet, merk)
        elif soort == "merk":
            regels[i] = (tekst, stijl, vet, draw(st.sampled_from(["1", "2", ""])))
        else:
            regels[i] = (draw(veilige_tekst), stijl, vet, merk)
    doc = Document()
    for tekst, stijl, vet, merk in regels:
        if draw(st.integers(0, 12)) == 0:  # the eisen of this line as a table: eis | grondslag
            rijen = draw(st.lists(st.tuples(st.sampled_from(KADERREGELS[14:17]), st.one_of(
                st.sampled_from(GELDIG + ONBESTAAND), word_citaat)), min_size=1, max_size=3))
            tabel = doc.add_table(rows=len(rijen), cols=2)
            for rij, (eis, grond) in zip(tabel.rows, rijen, strict=True):
                rij.cells[0].text, rij.cells[1].text = eis, grond
        p = doc.add_paragraph(style=stijl)
        p.add_run(tekst).bold = vet or None
        if merk:
            p.add_run(merk).font.superscript = True
    uit = io.BytesIO()
    doc.save(uit)
    return uit.getvalue()


@FUZZ
@given(keuze=st.integers(0, 5), data=st.data())
def test_fuzz_importeer(keuze: int, data: st.DataObject, tmp_path_factory: pytest.TempPathFactory,
                        eigen_tmp: Path) -> None:
    kaders, zaden = importeer_zaden(tmp_path_factory)
    docx = data.draw(kaderachtige_docx() if keuze == len(zaden) else vijandige_docx(zaden[keuze]))
    pad = kaders.parent / "invoer.docx"
    pad.write_bytes(docx)
    uit = kaders / "2026" / "po.xml"  # in the kadermap: `controleer` checks it against the law texts there
    with tijdslimiet(TIJDSLIMIET):
        code, stdout, fout = kd(["importeer", str(pad), "--sector", "po", "--jaar", "2026", "--kaders", str(kaders),
                                 "--uit", str(uit)])
    beoordeel_uitkomst(code, stdout, fout, {0, 2})
    if code == 0:
        gecontroleerd, melding, fout_controle = kd(["controleer", str(uit)])
        assert gecontroleerd == 0, f"importeer schreef wat controleer weigert:\n{melding}{fout_controle}"
        shutil.rmtree(uit.parent)
    assert not uit.parent.exists(), "na een fout is niets geschreven"
    assert sorted(p.name for p in kaders.iterdir()) == ["wetten"]
    assert pad.read_bytes() == docx
    niets_achtergelaten(eigen_tmp)
