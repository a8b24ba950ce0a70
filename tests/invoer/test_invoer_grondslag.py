"""`kaderdiff importeer` and the legal basis of an eis as authors write it: every wording of 'no legal basis', and
a line that looks like a legal basis but cannot be attached is a fout in the report, with its place (issue 25)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from docx import Document

from kaderdiff.bron.docxveilig import lees_docx
from kaderdiff.bron.laden import laad_bestand
from kaderdiff.model.kader import GeenGrondslag, Grondslag, Soort
from kaderdiff.word.inhoud import Lezer, Tabel
from tests.hulp.draai import kd
from tests.hulp.paden import KADERS, REPO


def basiskwaliteit(*regels: str | tuple[str, str]) -> object:
    """A document with one standaard whose basiskwaliteit holds these paragraphs (('tekst', stijl) for a style)."""
    doc = Document()
    doc.add_paragraph("Onderzoekskader 2026", style="Title")
    doc.add_heading("Waarderingskader school", 1)
    doc.add_heading("OP Onderwijsproces", 2)
    doc.add_heading("OP1 Aanbod", 3)
    doc.add_paragraph("Het aanbod bereidt leerlingen voor op het vervolgonderwijs.")
    doc.add_heading("Basiskwaliteit", 4)
    for regel in regels:
        tekst, stijl = regel if isinstance(regel, tuple) else (regel, None)
        doc.add_paragraph(tekst, style=stijl)
    return doc


def importeer(doc: object, tmp_path: Path, *extra: str) -> tuple[int, str, str, Path]:
    pad = tmp_path / "po.docx"
    doc.save(str(pad))  # type: ignore[attr-defined]
    uit = tmp_path / "po.xml"
    code, stdout, fout = kd(["importeer", str(pad), "--sector", "po", "--jaar", "2026", "--kaders", str(KADERS),
                             "--uit", str(uit), "--rapport", str(tmp_path / "rapport.json"), *extra])
    return code, stdout, fout, uit


def eisen(uit: Path) -> list[tuple[str, tuple[Grondslag, ...], GeenGrondslag | None]]:
    return [(e.tekst, e.grondslagen, e.geen_grondslag) for e in laad_bestand(uit).eisen()]


GEEN = {  # wordings of 'no legal basis' in real kaders -> (bron, uitleg)
    "Geen wettelijke grondslag; bron: Handreiking lezen. De wet schrijft geen leesplan voor.":
        ("Handreiking lezen", "De wet schrijft geen leesplan voor."),
    "Wettelijke grondslag: geen; zie Handreiking lezen. De wet schrijft geen leesplan voor.":
        ("Handreiking lezen", "De wet schrijft geen leesplan voor."),
    "Geen wettelijke grondslag (Handreiking lezen (2024)). De wet schrijft geen leesplan voor.":
        ("Handreiking lezen (2024)", "De wet schrijft geen leesplan voor."),
    "Niet wettelijk verankerd; ontleend aan de Handreiking lezen.": ("de Handreiking lezen", ""),
    "Grondslag: geen (beleid)": ("beleid", ""),
    "Bron: handreiking burgerschap": ("handreiking burgerschap", ""),
    "Wettelijke grondslag: niet van toepassing (beleid van de inspectie)": ("beleid van de inspectie", ""),
    "Deze eis heeft geen wettelijke grondslag; zie de Handreiking lezen.": ("de Handreiking lezen", ""),
    "Wettelijk kader: geen wettelijke eis; ontleend aan het Toezichtkader.": ("het Toezichtkader", ""),
    "(Geen wettelijke grondslag; bron: Handreiking lezen.)": ("Handreiking lezen", ""),
    "geen wettelijke grondslag": ("onbekend", ""),
    "Wettelijke grondslag: n.v.t.": ("onbekend", ""),
}


@pytest.mark.parametrize("regel", sorted(GEEN))
def test_elke_formulering_van_geen_wettelijke_grondslag(regel: str, tmp_path: Path) -> None:
    code, stdout, fout, uit = importeer(basiskwaliteit("De school heeft een leesplan.", regel), tmp_path)
    assert code == 0, fout
    assert eisen(uit) == [("De school heeft een leesplan.", (), GeenGrondslag(*GEEN[regel]))]
    # a statement without a source is taken, but the author hears that the bron is missing
    assert ("geen bron genoemd" in stdout) == (GEEN[regel][0] == "onbekend")


GRONDSLAG = {  # lines that give the eis before them its legal basis
    "Wettelijke grondslag: artikel 8, eerste lid, WPO": (Grondslag("WPO", "8", "1"),),
    "Wettelijke vereisten: artikel 9, eerste lid, WPO": (Grondslag("WPO", "9", "1"),),
    "Wettelijk kader: art. 8 lid 1 en art. 9 lid 1 WPO": (Grondslag("WPO", "8", "1"), Grondslag("WPO", "9", "1")),
    "Grondslag: artikel 4c, eerste lid, onder c, 1°, van de Wet op het primair onderwijs":
        (Grondslag("WPO", "4c", "1", "c, 1°"),),
    "(artikel 8, eerste lid, WPO)": (Grondslag("WPO", "8", "1"),),
    "Artikel 8, eerste lid, WPO.": (Grondslag("WPO", "8", "1"),),
}


@pytest.mark.parametrize("regel", sorted(GRONDSLAG))
def test_elke_grondslagregel_na_een_gewone_alinea(regel: str, tmp_path: Path) -> None:
    code, stdout, fout, uit = importeer(basiskwaliteit("Het aanbod omvat de kerndoelen.", regel), tmp_path)
    assert code == 0, fout
    assert eisen(uit) == [("Het aanbod omvat de kerndoelen.", GRONDSLAG[regel], None)]
    assert "0 onderdeel/onderdelen niet als zodanig herkend" in stdout


def test_vet_eisnummer_dan_de_eis_als_alinea_dan_de_grondslag(tmp_path: Path) -> None:
    """The layout of the issue: a bold 'OP 1.1 Titel', the eis as a plain paragraph, then its grondslag line."""
    doc = basiskwaliteit()
    doc.add_paragraph().add_run("OP 1.1 Kerndoelen").bold = True  # type: ignore[attr-defined]
    doc.add_paragraph("Het aanbod omvat de kerndoelen.")  # type: ignore[attr-defined]
    doc.add_paragraph("Wettelijke grondslag: artikel 8, eerste lid, WPO")  # type: ignore[attr-defined]
    code, stdout, fout, uit = importeer(doc, tmp_path)
    assert code == 0, fout
    [eis] = laad_bestand(uit).eisen()
    assert (eis.nummer, eis.titel, eis.tekst, eis.grondslagen) == (
        "OP1.1", "Kerndoelen", "Het aanbod omvat de kerndoelen.", (Grondslag("WPO", "8", "1"),))
    assert "0 onderdeel/onderdelen niet als zodanig herkend" in stdout


def _superscript(p: object, tekst: str) -> None:
    p.add_run(tekst).font.superscript = True  # type: ignore[attr-defined]


def test_getypte_voetnoten_horen_bij_het_teken_in_de_eis(tmp_path: Path) -> None:
    """Footnotes typed as lines at the end of the basiskwaliteit, tied to the mark in each eis; a note that is not
    a legal basis stays a footnote of its text."""
    doc = basiskwaliteit()
    for tekst, merk in (("Het aanbod omvat de kerndoelen.", "1"), ("De school stelt ambitieuze doelen.", "2"),
                        ("Het aanbod is breed.", "3")):
        p = doc.add_paragraph(tekst)  # type: ignore[attr-defined]
        _superscript(p, merk)
    doc.add_paragraph("¹ Artikel 8, eerste lid, WPO.")  # type: ignore[attr-defined]
    p = doc.add_paragraph()  # type: ignore[attr-defined]
    _superscript(p, "2")
    p.add_run(" Geen wettelijke grondslag; bron: Handreiking zicht op ontwikkeling.")
    doc.add_paragraph("³ Zie ook de brochure over brede vorming.")  # type: ignore[attr-defined]
    code, _, fout, uit = importeer(doc, tmp_path)
    assert code == 0, fout
    kader = laad_bestand(uit)
    assert [(e.tekst, e.grondslagen, e.geen_grondslag) for e in kader.eisen()] == [
        ("Het aanbod omvat de kerndoelen.", (Grondslag("WPO", "8", "1"),), None),
        ("De school stelt ambitieuze doelen.", (), GeenGrondslag("Handreiking zicht op ontwikkeling"))]
    [alinea] = [e for e, _ in kader.doorloop() if e.soort is Soort.ALINEA and "breed" in e.tekst]
    assert alinea.tekst == "Het aanbod is breed.[voetnoot: Zie ook de brochure over brede vorming.]"


def fouten(tmp_path: Path) -> list[dict[str, str]]:
    rapport = json.loads((tmp_path / "rapport.json").read_text("utf-8"))[0]["niet_geplaatst"]
    return [o for o in rapport if o["ernst"] == "fout"]


NIET_TE_PLAATSEN = {  # a legal basis that cannot be attached: (paragraphs, where the fout is, what it says)
    "na-een-kop": (("Wettelijke grondslag: artikel 8, eerste lid, WPO",), "alinea 7", "hoort bij geen eis"),
    "onleesbaar": (("Het aanbod omvat de kerndoelen.", "Wettelijke grondslag: artikel 8 van de Wet op de kunst"),
                   "alinea 8", "grondslag niet te lezen"),
    "niet-vermeld": (("Het aanbod omvat de kerndoelen.", "Wettelijke grondslag: niet vermeld"), "alinea 8",
                     "wettelijke grondslag niet vermeld"),
    "voetnoot-zonder-teken": (("Het aanbod omvat de kerndoelen.", "¹ Artikel 8, eerste lid, WPO."), "alinea 8",
                              "hoort bij geen tekst met voetnootteken 1"),
    "eisnummer-zonder-grondslag": ((("OP1.1 Kerndoelen", "Heading 5"), "Het aanbod omvat de kerndoelen."),
                                   "alinea 8", "eis OP1.1 zonder wettelijke grondslag"),
    "artikel-bestaat-niet": (("Het aanbod omvat de kerndoelen.", "Wettelijke grondslag: artikel 99, eerste lid, WPO"),
                             "alinea 7", "artikel 99"),
}


@pytest.mark.parametrize("geval", sorted(NIET_TE_PLAATSEN))
def test_grondslag_die_niet_te_plaatsen_is_is_een_fout_en_streng_weigert(geval: str, tmp_path: Path) -> None:
    regels, plaats, reden = NIET_TE_PLAATSEN[geval]
    doc = basiskwaliteit(*regels)
    code, stdout, fout, uit = importeer(doc, tmp_path, "--streng")
    assert code == 2 and "(--streng)" in fout and "niets geschreven" in fout
    assert f"{plaats}: FOUT: " in stdout and reden in stdout
    assert not uit.exists()
    code, stdout, fout, uit = importeer(doc, tmp_path)
    assert code == 0, fout
    [gemeld] = fouten(tmp_path)
    assert gemeld["plaats"] == plaats and reden in gemeld["reden"]
    # nothing dropped, and never a kader the checker refuses
    assert all(tekst in uit.read_text("utf-8") for tekst in (r if isinstance(r, str) else r[0] for r in regels)
               if not tekst.startswith("OP1.1"))
    assert kd(["controleer", str(uit)])[0] == 0


def woorden(pad: Path) -> set[str]:
    uit: set[str] = set()
    for onderdeel in Lezer(lees_docx(pad)).onderdelen():
        alineas = [a for r in onderdeel.rijen for c in r.cellen for a in c] if isinstance(onderdeel, Tabel) \
            else [onderdeel]
        uit.update(w.strip(".,;:()¹²³") for a in alineas for f in a.fragmenten for w in f.tekst.split())
    return uit - {""}


#: Words that become structure: the parts of a kader, citations and how a legal basis is introduced.
STRUCTUUR = {"Onderzoekskader", "2026", "Waarderingskader", "school", "OP", "Onderwijsproces", "OP1", "Aanbod",
             "Basiskwaliteit", "Wettelijke", "grondslag", "vereisten", "artikel", "Artikel", "eerste", "lid", "WPO",
             "geen", "zie", "8", "9", "OP1.2", "Leesplan"}


def test_niets_valt_weg_en_geen_grondslag_wordt_stil_tekst(tmp_path: Path) -> None:
    """Every word of the document is in the kader, in the report, or became structure; and a line about a legal
    basis is either the grondslag of an eis or a FOUT in the report: never a plain alinea without a word."""
    regels = ("Wettelijke grondslag: artikel 8, eerste lid, WPO", "Het aanbod omvat de kerndoelen.",
              "Wettelijke vereisten: artikel 9, eerste lid, WPO", "De school heeft een taalbeleid.",
              "Wettelijke grondslag: artikel 8 van de Wet op de kunst", "² Artikel 9, eerste lid, WPO.",
              ("OP1.2 Leesplan", "Heading 5"), "De school heeft een leesplan.",
              "Wettelijke grondslag: geen; zie Handreiking lezen.", ("Colofon", "Heading 1"))
    code, stdout, fout, uit = importeer(basiskwaliteit(*regels), tmp_path)
    assert code == 0, fout
    gevonden = uit.read_text("utf-8") + stdout
    assert {w for w in woorden(tmp_path / "po.docx") if w not in gevonden} - STRUCTUUR == set()
    from kaderdiff.invoer import herkenning as h

    gemeld = {o["tekst"] for o in fouten(tmp_path)}
    stil = [e.tekst for e, _ in laad_bestand(uit).doorloop() if e.soort in (Soort.ALINEA, Soort.ITEM)
            and (h.grondslagregel(e.tekst) or h.voetnootregel(e.tekst)) and e.tekst not in gemeld]
    assert stil == []
    assert [e.tekst for e in laad_bestand(uit).eisen()] == ["Het aanbod omvat de kerndoelen.",
                                                             "De school heeft een leesplan."]


# ---------------------------------------------------------------- docs/word-invoer.md and its example document
DOCS = REPO / "docs"


def test_voorbeeld_in_word_komt_uit_het_script_en_leest_zonder_opmerking(tmp_path: Path) -> None:
    """docs/word-voorbeeld.docx is what docs/maak_word_voorbeeld.py makes (the same bytes), and every layout in it
    is read without one remark, into a kader `controleer` accepts."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("maak_word_voorbeeld", DOCS / "maak_word_voorbeeld.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.maak() == (DOCS / "word-voorbeeld.docx").read_bytes()
    uit = tmp_path / "mbo.xml"
    code, stdout, fout = kd(["importeer", str(DOCS / "word-voorbeeld.docx"), "--sector", "mbo", "--jaar", "2026",
                             "--kaders", str(KADERS), "--uit", str(uit)])
    assert code == 0, fout
    assert "0 onderdeel/onderdelen niet als zodanig herkend" in stdout
    kader = laad_bestand(uit)
    assert [s.nummer for s in kader.standaarden()] == ["OP1", "OP2", "OP3", "SK1"]
    assert len(kader.eisen()) == 7 and all(e.grondslagen or e.geen_grondslag for e in kader.eisen())
    assert kd(["controleer", str(uit)])[0] == 0


def _voorbeelden(kopje: str) -> list[str]:
    """The `examples` on the lines of docs/word-invoer.md that start with `kopje`."""
    regels = (DOCS / "word-invoer.md").read_text("utf-8").splitlines()
    return [v for r in regels if r.startswith(kopje) for v in re.findall(r"`([^`]+)`", r)]


def test_word_invoer_noemt_alleen_wat_herkend_wordt() -> None:
    """Every heading and phrase docs/word-invoer.md promises is read as it says."""
    from kaderdiff.invoer import herkenning as h

    for kopje, soort in (("| Kwaliteitsgebied", Soort.KWALITEITSGEBIED), ("| Standaard", Soort.STANDAARD),
                         ("| Hoofdstuk", Soort.HOOFDSTUK), ("| Paragraaf", Soort.PARAGRAAF),
                         ("| Bijlage", Soort.BIJLAGE)):
        voorbeelden = [v for v in _voorbeelden(kopje) if " " in v or v[:1].isdigit()]
        assert voorbeelden, kopje
        for voorbeeld in voorbeelden:
            kop = h.herken_kop(voorbeeld, True)
            assert kop is not None and kop.soort is soort, voorbeeld
    geen = _voorbeelden("- `") + [v for v in _voorbeelden("- `Grondslag: geen (beleid)`")]
    assert len(geen) >= 8
    for voorbeeld in geen:
        regel = h.grondslagregel(voorbeeld)
        assert regel is not None and regel.soort == "geen", voorbeeld
    for voorbeeld in _voorbeelden("| grondslagregel") + _voorbeelden("| |"):
        regel = h.grondslagregel(voorbeeld)
        assert regel is not None and regel.soort == "grondslag", voorbeeld
    for voorbeeld in ("OP0.1 Leesonderwijs", "OP 0.1 Leesonderwijs", "OP0.1: Leesonderwijs",
                      "Eis OP0.1 – Leesonderwijs"):
        assert voorbeeld in " ".join((DOCS / "word-invoer.md").read_text("utf-8").split())
        assert h.eisnummer(voorbeeld) == ("OP0.1", "Leesonderwijs")
