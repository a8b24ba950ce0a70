"""Moves in the concept kader are real Word moves (w:moveFrom/w:moveTo with named ranges), checked on the VO
samples (2025 → 2026 and 2026 → 2027) by reading the XML, and by LibreOffice and pandoc: accepting all gives the
new kader, rejecting all the old one, and LibreOffice reads the ranges as moves.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from kaderdiff.bron.versies import KaderMap
from kaderdiff.model.versie import Versie
from kaderdiff.render.docx_kader import render_kader_docx
from tests.hulp.draai import kd
from tests.hulp.echte_clients import libreoffice_regels, libreoffice_wijzigingen, naar_odt, pandoc_woorden, vereist
from tests.hulp.paden import REPO
from tests.hulp.repos import commit_alles, maak_repo
from tests.hulp.validatie import ooxml_fouten

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
T = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
REVISIES = ("ins", "del", "moveFrom", "moveTo")
#: Where the rendered page of a move is kept after the run (build/ is not in git).
TESTUITVOER = REPO / "build" / "testuitvoer"
OUD_WOORD, NIEUW_WOORD = "afspraken over de toewijzing", "afspraken over de verdeling"


@dataclass
class Verplaatsing:
    """One move as found in document.xml: the text in its source range and in its destination range."""

    naam: str
    van: list[str] = field(default_factory=list)  # text of w:moveFrom runs in the source range
    naar: list[str] = field(default_factory=list)  # text of w:moveTo and w:ins runs in the destination range
    alineas_van: list[Any] = field(default_factory=list)
    alineas_naar: list[Any] = field(default_factory=list)


@dataclass
class Concept:
    """A concept docx of the VO samples with its Staat (JSON)."""

    docx: Path
    van: int
    naar: int
    wijzigingen: list[dict[str, Any]]
    repo: Path

    @property
    def document(self) -> Any:
        with zipfile.ZipFile(self.docx) as z:
            return etree.fromstring(z.read("word/document.xml"))

    @property
    def opmerkingen(self) -> dict[str, str]:
        with zipfile.ZipFile(self.docx) as z:
            root = etree.fromstring(z.read("word/comments.xml"))
        return {c.get(f"{W}id"): "".join(c.itertext()) for c in root.iter(f"{W}comment")}

    def verplaatst(self) -> list[dict[str, Any]]:
        return [w for w in self.wijzigingen if w["soort"] == "verplaatst"]


def bouw_concept(repo: Path, van: int, naar: int, uit: Path) -> Concept:
    code, _, fout = kd(["pakket", "--van", str(van), "--naar", str(naar), "--sector", "vo", "--formaten",
                        "docx,html", "--uit", str(uit)], cwd=repo)
    assert code == 0, fout
    staat = json.loads((uit / f"vo-{naar}-staat-van-wijzigingen.json").read_text(encoding="utf-8"))
    return Concept(uit / f"vo-{naar}-concept-met-wijzigingen.docx", van, naar, staat["wijzigingen"], repo)


@pytest.fixture(scope="module")
def concepten(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Concept]:
    """The VO concepts of the samples, and one where the moved eis was also edited."""
    map_ = tmp_path_factory.mktemp("verplaatsen")
    repo = maak_repo(map_ / "repo")
    uit = {"2026": bouw_concept(repo, 2025, 2026, map_ / "p26"), "2027": bouw_concept(repo, 2026, 2027, map_ / "p27")}
    bewerkt = maak_repo(map_ / "bewerkt")
    pad = bewerkt / "kaders" / "2026" / "vo.xml"
    tekst = pad.read_text(encoding="utf-8")
    assert tekst.count(OUD_WOORD) == 1
    pad.write_text(tekst.replace(OUD_WOORD, NIEUW_WOORD), encoding="utf-8")
    commit_alles(bewerkt, "Verplaatste eis ook bewerkt")
    uit["bewerkt"] = bouw_concept(bewerkt, 2025, 2026, map_ / "pb")
    return uit


def runtekst(el: Any) -> str:
    return "".join(t.text or "" for t in el.iter(f"{W}t", f"{W}delText"))


def verplaatsingen(document: Any) -> dict[str, Verplaatsing]:
    """Walk the body in document order and collect the text inside each named move range."""
    uit: dict[str, Verplaatsing] = {}
    open_: dict[str, tuple[str, str]] = {}  # range id -> (kind, name)
    for el in document.iter():
        tag = el.tag[len(W):] if isinstance(el.tag, str) and el.tag.startswith(W) else ""
        if tag in ("moveFromRangeStart", "moveToRangeStart"):
            soort = tag.removesuffix("RangeStart")
            assert el.get(f"{W}id") not in open_, "range id used twice"
            open_[el.get(f"{W}id")] = (soort, el.get(f"{W}name"))
            v = uit.setdefault(el.get(f"{W}name"), Verplaatsing(el.get(f"{W}name")))
            if el.getparent().tag == f"{W}p":  # Word's place: inside the first paragraph, after its properties
                (v.alineas_van if soort == "moveFrom" else v.alineas_naar).append(el.getparent())
        elif tag in ("moveFromRangeEnd", "moveToRangeEnd"):
            soort, _ = open_.pop(el.get(f"{W}id"))
            assert soort == tag.removesuffix("RangeEnd"), "range closed by the other kind"
        elif tag in REVISIES and el.getparent().tag != f"{W}rPr":
            for voorouder in el.iterancestors():
                assert voorouder.tag[len(W):] not in REVISIES, f"w:{tag} nested in a revision"
            if tag in ("moveFrom", "moveTo"):
                soorten = [(s, n) for s, n in open_.values() if s == tag]
                assert len(soorten) == 1, f"w:{tag} outside (or in two) move ranges"
            for s, naam in open_.values():
                v = uit[naam]
                if s == "moveFrom" and tag == "moveFrom":
                    v.van.append(runtekst(el))
                elif s == "moveTo" and tag in ("moveTo", "ins"):
                    v.naar.append(runtekst(el))
        elif tag == "p":
            for s, naam in open_.values():
                (uit[naam].alineas_van if s == "moveFrom" else uit[naam].alineas_naar).append(el)
    assert not open_, "a move range is not closed"
    return uit


def alinea_tekst(alineas: list[Any]) -> str:
    return "".join(runtekst(p) for p in alineas)


@pytest.mark.parametrize("jaar", ["2026", "2027"])
def test_elke_verplaatste_eis_is_een_word_verplaatsing(concepten: dict[str, Concept], jaar: str) -> None:
    concept = concepten[jaar]
    assert concept.verplaatst(), "de VO-voorbeelden hebben een verplaatste eis"
    bereiken = verplaatsingen(concept.document)
    for w in concept.verplaatst():
        gevonden = [v for v in bereiken.values() if w["was"] in "".join(v.van) and w["wordt"] in "".join(v.naar)]
        assert len(gevonden) == 1, f"{w['nummer']}: {w['was'][:40]}"
        v = gevonden[0]
        # the range holds the eis and its grondslag line, nothing else: both paragraphs, marks tracked as moved
        assert alinea_tekst(v.alineas_van) == "".join(v.van) and alinea_tekst(v.alineas_naar) == "".join(v.naar)
        for soort, alineas in (("moveFrom", v.alineas_van), ("moveTo", v.alineas_naar)):
            assert len(alineas) == 2
            for p in alineas:
                assert p.find(f"{W}pPr/{W}rPr/{W}{soort}") is not None, "alineateken als verplaatst gemarkeerd"


@pytest.mark.parametrize("jaar", ["2026", "2027", "bewerkt"])
def test_bereiken_paren_ids_en_namen(concepten: dict[str, Concept], jaar: str) -> None:
    document = concepten[jaar].document
    starts = {s: [el.get(f"{W}name") for el in document.iter(f"{W}{s}RangeStart")] for s in ("moveFrom", "moveTo")}
    assert starts["moveFrom"] and sorted(starts["moveFrom"]) == sorted(starts["moveTo"]), "elke naam één bron, één doel"
    assert len(set(starts["moveFrom"])) == len(starts["moveFrom"])
    verplaatsingen(document)  # ranges closed, wrappers inside their range, nothing nested
    ids = [el.get(f"{W}id") for el in document.iter(*(f"{W}{t}" for t in (
        *REVISIES, "moveFromRangeStart", "moveToRangeStart", "bookmarkStart")))]
    assert len(ids) == len(set(ids)), "één teller voor revisies, bereiken en bladwijzers"
    namen = [el.get(f"{W}name") for el in document.iter(f"{W}bookmarkStart")]
    assert len(namen) == len(set(namen)), "bladwijzernamen uniek"
    for el in document.iter(*(f"{W}{t}" for t in (*REVISIES, "moveFromRangeStart", "moveToRangeStart"))):
        assert el.get(f"{W}author") and re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", el.get(f"{W}date") or "")


@pytest.mark.parametrize("jaar", ["2026", "2027"])
def test_de_opmerking_bij_een_verplaatsing_draagt_het_nummer(concepten: dict[str, Concept], jaar: str) -> None:
    concept = concepten[jaar]
    opmerkingen = concept.opmerkingen
    bereiken = verplaatsingen(concept.document)
    for w in concept.verplaatst():
        v = next(v for v in bereiken.values() if w["was"] in "".join(v.van))
        verankerd = [opmerkingen[c.get(f"{W}id")] for p in v.alineas_van + v.alineas_naar
                     for c in p.iter(f"{W}commentRangeStart")]
        assert verankerd == [f"{w['nummer']} (verplaatst): {w['toelichting'][0]['tekst']}"]


def test_verplaatst_en_bewerkt_geeft_verplaatsing_met_invoeging_ernaast(concepten: dict[str, Concept]) -> None:
    bereiken = verplaatsingen(concepten["bewerkt"].document)
    v = next(v for v in bereiken.values() if OUD_WOORD in "".join(v.van))
    assert OUD_WOORD in "".join(v.van) and NIEUW_WOORD not in "".join(v.van), "de bron houdt de oude tekst"
    naar = v.alineas_naar[0]
    soorten = [el.tag[len(W):] for el in naar if el.tag[len(W):] in REVISIES]
    assert soorten[:3] == ["moveTo", "ins", "moveTo"], soorten
    assert runtekst(naar.find(f"{W}ins")).strip() == "verdeling"
    assert not list(naar.iter(f"{W}del")), "oude woorden niet nog eens bij het doel"


@pytest.mark.parametrize("jaar", ["2026", "2027", "bewerkt"])
def test_ooxml_validator_vindt_geen_fouten(concepten: dict[str, Concept], jaar: str) -> None:
    assert ooxml_fouten(concepten[jaar].docx) == []


# ---------------------------------------------------------------- real clients
def schone_versies(concept: Concept, doel: Path) -> tuple[Path, Path]:
    kadermap = KaderMap(concept.repo / "kaders")
    moment = datetime(2026, 1, 1)
    uit = []
    for jaar in (concept.van, concept.naar):
        pad = doel / f"vo-{jaar}-schoon.docx"
        pad.write_bytes(render_kader_docx(kadermap.laad(Versie(jaar), "VO"), moment))
        uit.append(pad)
    return uit[0], uit[1]


def zonder_opsommingsteken(regels: list[str]) -> list[str]:
    """Lines without list bullets: LibreOffice gives the paragraph after a removed list paragraph the list's
    bullet (it keeps the first paragraph's attributes when joining); the text itself is exact."""
    return [r.strip().removeprefix("•").strip() for r in regels]


@pytest.mark.echte_client
def test_libreoffice_en_pandoc_aanvaarden_geeft_nieuw_en_verwerpen_oud(concepten: dict[str, Concept],
                                                                         tmp_path: Path) -> None:
    vereist("soffice")
    vereist("pandoc")
    opdrachten: list[tuple[Path, Path, str]] = []
    paren = []
    for naam, concept in concepten.items():
        map_ = tmp_path / naam
        map_.mkdir()
        oud, nieuw = schone_versies(concept, map_)
        for bron, modus in ((concept.docx, "accept"), (concept.docx, "reject"), (oud, "geen"), (nieuw, "geen")):
            opdrachten.append((bron, map_ / f"{bron.stem}-{modus}.txt", modus))
        paren.append((naam, concept, map_, oud, nieuw))
        assert pandoc_woorden(concept.docx, "accept") == pandoc_woorden(nieuw), naam
        assert pandoc_woorden(concept.docx, "reject") == pandoc_woorden(oud), naam
    libreoffice_wijzigingen(opdrachten)
    for naam, concept, map_, oud, nieuw in paren:
        def regels(bron: Path, modus: str, map_: Path = map_) -> list[str]:
            return zonder_opsommingsteken(libreoffice_regels(map_ / f"{bron.stem}-{modus}.txt"))

        assert regels(concept.docx, "accept") == regels(nieuw, "geen"), naam
        assert regels(concept.docx, "reject") == regels(oud, "geen"), naam
        assert regels(concept.docx, "accept") != regels(concept.docx, "reject")


OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


def odt_bereik(content: Any, naam: str) -> tuple[str, str, str]:
    """What lies inside LibreOffice's move bookmark `naam` (or `naam Copy n`) in an odt:
    (text standing in the body, text of the deletions whose change points lie inside, the inserted text).

    ODF keeps deleted text in the tracked-changes section, with a text:change point in the body; a bookmark
    inside deleted text sits in that section. Deleted paragraphs collapse to one position in the body, where
    LibreOffice may put the bookmark's end before the last change point: points at the end position count.
    """
    regio = {r.get(f"{T}id"): r[0] for r in content.iter(f"{T}changed-region")}
    patroon = re.compile(re.escape(naam) + r"( Copy \d+)?")

    def lees(wortel: Any) -> tuple[str, str, str]:
        body: list[str] = []
        verwijderd: list[str] = []
        ingevoegd: list[str] = []
        staat = {"binnen": False, "invoeging": False, "aan_het_einde": False}

        def tekst(s: str | None) -> None:
            if s and s.strip():
                staat["aan_het_einde"] = False
            if s and staat["binnen"]:
                body.append(s)
                if staat["invoeging"]:
                    ingevoegd.append(s)

        def loop(el: Any) -> None:
            if el.tag in (f"{OFFICE}annotation", f"{T}tracked-changes"):
                tekst(el.tail)
                return
            if el.tag in (f"{T}bookmark-start", f"{T}bookmark-end") and patroon.fullmatch(el.get(f"{T}name") or ""):
                staat["binnen"] = el.tag == f"{T}bookmark-start"
                staat["aan_het_einde"] = not staat["binnen"]
            soort = regio.get(el.get(f"{T}change-id"))
            bij = staat["binnen"] or staat["aan_het_einde"]
            if el.tag == f"{T}change" and bij and soort is not None and soort.tag == f"{T}deletion":
                verwijderd.append(lees_alles(soort))
            if el.tag == f"{T}change-start" and soort is not None and soort.tag == f"{T}insertion":
                staat["invoeging"] = True
            if el.tag == f"{T}change-end":
                staat["invoeging"] = False
            tekst(el.text)
            for kind in el:
                loop(kind)
            if el.tag in (f"{T}p", f"{T}h"):
                tekst(" ")
            tekst(el.tail)

        loop(wortel)
        return " ".join(body), " ".join(verwijderd), " ".join(ingevoegd)

    def lees_alles(verwijdering: Any) -> str:
        return " ".join("".join(p.itertext()) for p in verwijdering.iter(f"{T}p", f"{T}h"))

    body, verwijderd, ingevoegd = lees(content.find(f"{OFFICE}body/{OFFICE}text"))
    for verwijdering in content.iter(f"{T}deletion"):  # a bookmark inside deleted text
        if any(patroon.fullmatch(b.get(f"{T}name") or "") for b in verwijdering.iter(f"{T}bookmark-start")):
            verwijderd += " " + lees(verwijdering)[0]
    return tuple(" ".join(d.split()) for d in (body, verwijderd, ingevoegd))  # type: ignore[return-value]


@pytest.mark.echte_client
@pytest.mark.parametrize("jaar", ["2026", "2027", "bewerkt"])
def test_libreoffice_leest_de_verplaatsing_als_verplaatsing(concepten: dict[str, Concept], tmp_path: Path,
                                                            jaar: str) -> None:
    """LibreOffice 7.4 keeps a docx move as a tracked deletion and insertion joined by the move's name: it marks
    the source text with bookmark '__RefMoveFrom__<name>' and the destination with '__RefMoveTo__<name>' (its
    own odt has no move element), and it draws both in its move colour (green, double strike/underline)
    instead of the author's colour. Both are checked here, and the page is kept as PNG."""
    vereist("soffice")
    vereist("pdftoppm")
    concept = concepten[jaar]
    bereiken = verplaatsingen(concept.document)
    (odt,) = naar_odt([concept.docx], tmp_path)
    with zipfile.ZipFile(odt) as z:
        content = etree.fromstring(z.read("content.xml"))
    for naam, v in bereiken.items():
        _, van, _ = odt_bereik(content, f"__RefMoveFrom__{naam}")
        assert van == " ".join(" ".join(v.van).split()), naam  # the source: the old text, tracked as deleted
        naar, _, ingevoegd = odt_bereik(content, f"__RefMoveTo__{naam}")
        nieuw = " ".join(" ".join(v.naar).split())
        assert naar == ingevoegd == nieuw, naam  # the destination: the new text, all of it tracked as inserted

    # the page with the destination, rendered from the docx as a reader's LibreOffice shows it
    soffice = vereist("soffice")
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profiel", "--headless", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), str(concept.docx)], capture_output=True, check=True,
                   timeout=300)
    pdf = tmp_path / f"{concept.docx.stem}.pdf"
    eerste = next(iter(bereiken.values()))
    pagina = _pagina_met(pdf, " ".join("".join(eerste.naar).split()[:6]))
    beeld = tmp_path / f"verplaatsing-vo-{jaar}"
    for formaat in ("-png", "-ppm"):  # PNG to look at, PPM to count pixels without an imaging library
        opdracht = ["pdftoppm", "-r", "80", "-f", str(pagina), "-l", str(pagina), "-singlefile", str(pdf), str(beeld)]
        subprocess.run(opdracht[:1] + ([formaat] if formaat == "-png" else []) + opdracht[1:], check=True, timeout=120)
    TESTUITVOER.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(beeld.with_suffix(".png"), TESTUITVOER / beeld.with_suffix(".png").name)
    assert _groene_punten(beeld.with_suffix(".ppm")) > 300, "LibreOffice tekent de verplaatsing in groen"


def _pagina_met(pdf: Path, woorden: str) -> int:
    """The first page whose text holds `woorden` (pdftotext, one page at a time)."""
    vereist("pdftotext")
    pagina = 1
    while True:
        tekst = subprocess.run(["pdftotext", "-f", str(pagina), "-l", str(pagina), str(pdf), "-"],
                               capture_output=True, text=True, timeout=60)
        if tekst.returncode != 0:
            raise AssertionError(f"'{woorden}' niet gevonden in {pdf.name}")
        if woorden in " ".join(tekst.stdout.split()):
            return pagina
        pagina += 1


def _groene_punten(ppm: Path) -> int:
    """Pixels in LibreOffice's move colour (green: G well above R and B) of a binary PPM (P6, 8 bit)."""
    data = ppm.read_bytes()
    kop = data.split(maxsplit=4)
    assert kop[0] == b"P6" and kop[3] == b"255"
    pixels = kop[4]
    return sum(1 for k in range(0, len(pixels) - 2, 3)
               if pixels[k + 1] - max(pixels[k], pixels[k + 2]) > 60)
