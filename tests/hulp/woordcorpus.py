"""The layout corpus of issue 25: Word kaders typed the way the inspectie and the sectors write them, each written
with python-docx from a kader XML (tests/data/woordcorpus/JAAR/po.xml).

Every layout is one person's habits: headings as Word headings (English 'Heading N' or Dutch 'Kop N' styles, at
varying levels, or Word's own chapter numbering) or as bold lines; kwaliteitsgebieden as 'Naam (CODE)', 'CODE Naam'
or 'Kwaliteitsgebied Naam (CODE)'; standaarden with or without the word 'Standaard' and a space in the code; eisen
as bullets, a numbered list, plain paragraphs or rows of a two-column table, numbered eisen under a bold line;
the legal basis as a line ('Wettelijke grondslag:', 'Wettelijke vereisten:', a bare citation in brackets …), a
table cell, a real Word footnote or a footnote typed by hand; and each its own way of saying that an eis has no
legal basis. `LAGEN` names them; `schrijf_docx` writes one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

from kaderdiff.bron.laden import laad_bestand
from kaderdiff.bron.wetregister import pakketregister
from kaderdiff.model.kader import VOETNOOT, Element, Fragment, GeenGrondslag, Grondslag, Kader, Soort
from kaderdiff.render.docx_kader import render_kader_docx
from kaderdiff.uitvoer.xmltekst import escape
from kaderdiff.verwijzing.citeren import RANGTELWOORDEN, citeer
from tests.hulp.paden import DATA

CORPUS = DATA / "woordcorpus"
JAREN = (2025, 2026)


def bron(jaar: int) -> Path:
    return CORPUS / str(jaar) / "po.xml"


# ---------------------------------------------------------------- how people cite and say 'no legal basis'
def _lid(g: Grondslag) -> str:
    return RANGTELWOORDEN[int(g.lid) - 1] + " lid" if g.lid.isdigit() and int(g.lid) <= 20 else f"lid {g.lid}"


def kanoniek(grondslagen: tuple[Grondslag, ...]) -> str:
    """'artikel 8, eerste lid, van de WPO; artikel 9, eerste lid, van de WPO'."""
    return "; ".join(citeer(g) for g in grondslagen)


def kort(grondslagen: tuple[Grondslag, ...]) -> str:
    """'art. 8 lid 1 WPO en art. 4c lid 1 onder c WPO'."""
    return " en ".join(f"art. {g.artikel}" + (f" lid {g.lid}" if g.lid else "")
                       + (f" onder {g.onderdeel}" if g.onderdeel else "") + f" {g.wet}" for g in grondslagen)


def komma(grondslagen: tuple[Grondslag, ...]) -> str:
    """'Artikel 8, eerste lid, WPO en artikel 9, eerste lid, WPO.' (as in a footnote)."""
    tekst = " en ".join(f"artikel {g.artikel}" + (f", {_lid(g)}" if g.lid else "")
                        + (f", onder {g.onderdeel}" if g.onderdeel else "") + f", {g.wet}" for g in grondslagen)
    return tekst[0].upper() + tekst[1:] + "."


def voluit(grondslagen: tuple[Grondslag, ...]) -> str:
    """'artikel 8, eerste lid, van de Wet op het primair onderwijs' (the law's full name)."""
    namen = {w.code: w.naam for w in pakketregister().wetten}
    return " en ".join(f"artikel {g.artikel}" + (f", {_lid(g)}" if g.lid else "")
                       + (f", onder {g.onderdeel}" if g.onderdeel else "") + f", van de {namen[g.wet]}"
                       for g in grondslagen)


def _met(uitleg: str) -> str:
    return f" {uitleg}" if uitleg else ""


@dataclass(frozen=True)
class Opmaak:
    """One person's way of typing a kader."""

    naam: str
    kop: Callable[[Any, int, str], Any]  # (document, level, text): write a heading of this level
    niveau: dict[Soort, int]  # the heading level of each part
    kwaliteitsgebied: Callable[[Element], str]
    standaard: Callable[[Element], str]
    eiskop: Callable[[Element], str]  # the bold line with number and title above a numbered eis
    eisen: str  # 'opsomming', 'genummerd', 'alinea', 'tabel', 'voetnoot', 'getypt'
    grondslag: Callable[[tuple[Grondslag, ...]], str]  # the line (or cell, or footnote) with citations
    geen: Callable[[GeenGrondslag], str]  # how it says that there is no legal basis
    beslisregels: str  # 'tabel' or 'regels' ('Onvoldoende: …')
    eiskop_niveau: int = 0  # > 0: the eis number and title as a heading of this level instead of a bold line
    hoofdstuknummering: bool = False  # chapters and paragraphs numbered by Word (the number not in the text)


# ---------------------------------------------------------------- writing a document
def _kopstijl(doc: Any, niveau: int, tekst: str) -> Any:
    return doc.add_heading(tekst, niveau)


def _vet(doc: Any, _niveau: int, tekst: str) -> Any:
    p = doc.add_paragraph()
    p.add_run(tekst).bold = True
    return p


def _nederlandse_kop(doc: Any, niveau: int, tekst: str) -> Any:
    """A heading in a Dutch Word's own style 'Kop N' (not a built-in English 'Heading N')."""
    naam = f"Kop {niveau}"
    if naam not in [s.name for s in doc.styles]:
        stijl = doc.styles.add_style(naam, WD_STYLE_TYPE.PARAGRAPH)
        stijl.base_style = doc.styles["Normal"]
        stijl.font.bold = True
    return doc.add_paragraph(tekst, style=naam)


@dataclass
class Schrijver:
    """Writes one kader as a document in one layout."""

    opmaak: Opmaak
    doc: Any = field(default_factory=Document)
    noten: list[str] = field(default_factory=list)  # real footnotes, in order
    getypt: list[str] = field(default_factory=list)  # typed footnote lines waiting for the end of their section

    # -- inline text ----------------------------------------------------------
    def runs(self, p: Any, fragmenten: tuple[Fragment, ...]) -> None:
        for f in fragmenten:
            if f.stijl == VOETNOOT:
                self.voetnoot(p, f.tekst)
                continue
            run = p.add_run(f.tekst)
            run.bold = f.stijl == "sterk" or None
            run.italic = f.stijl == "nadruk" or None

    def voetnoot(self, p: Any, tekst: str) -> None:
        if self.opmaak.eisen == "getypt":
            self.merk(p, tekst)
            return
        self.noten.append(tekst)
        voetnootverwijzing(p, len(self.noten))

    def merk(self, p: Any, tekst: str) -> None:
        """A footnote typed by hand: a superscript number, its text as a line at the end of the section."""
        nummer = len(self.getypt) + 1
        p.add_run(str(nummer)).font.superscript = True
        self.getypt.append(tekst)

    def getypte_noten(self) -> None:
        for nummer, tekst in enumerate(self.getypt, start=1):
            p = self.doc.add_paragraph()
            p.add_run(str(nummer)).font.superscript = True
            p.add_run(f" {tekst}")
        self.getypt.clear()

    # -- the parts ---------------------------------------------------------------
    def kop(self, soort: Soort, tekst: str) -> Any:
        return self.opmaak.kop(self.doc, self.opmaak.niveau.get(soort, 1), tekst)

    def kader(self, kader: Kader) -> Any:
        self.doc.add_paragraph(kader.titel, style="Title" if self.opmaak.kop is not _vet else None)
        for el in kader.onderdelen:
            self.onderdeel(el)
        self.getypte_noten()
        if self.noten:
            voetnotendeel(self.doc, self.noten)
        return self.doc

    def onderdeel(self, el: Element) -> None:
        match el.soort:
            case Soort.WOORD_VOORAF | Soort.ADDENDUM:
                self.kop(Soort.HOOFDSTUK, el.titel)
            case Soort.HOOFDSTUK | Soort.PARAGRAAF:
                self.hoofdstukkop(el)
            case Soort.BIJLAGE:
                self.kop(Soort.HOOFDSTUK, f"Bijlage {el.nummer} {el.titel}")
            case Soort.WAARDERINGSKADER | Soort.OVERIGE_VEREISTEN:
                self.kop(el.soort, el.titel)
            case Soort.KWALITEITSGEBIED:
                self.kop(el.soort, self.opmaak.kwaliteitsgebied(el))
            case Soort.STANDAARD:
                self.kop(el.soort, self.opmaak.standaard(el))
            case Soort.BASISKWALITEIT:
                self.kop(el.soort, "Basiskwaliteit")
            case Soort.EIGEN_ASPIRATIES:
                self.kop(el.soort, "Eigen aspiraties")
            case Soort.BESLISREGELS:
                self.kop(el.soort, el.titel)
                self.beslisregels(el)
                return
        self.blokken(el.kinderen)
        if el.soort in (Soort.BASISKWALITEIT, Soort.OVERIGE_VEREISTEN, Soort.PARAGRAAF) or (
                el.soort is Soort.HOOFDSTUK and not any(k.soort is Soort.PARAGRAAF for k in el.kinderen)):
            self.getypte_noten()

    def hoofdstukkop(self, el: Element) -> None:
        if not self.opmaak.hoofdstuknummering:
            self.kop(el.soort, f"{el.nummer} {el.titel}")
            return
        p = self.doc.add_heading(el.titel, 1 if el.soort is Soort.HOOFDSTUK else 2)
        niveau = el.nummer.count(".")
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{niveau}"/><w:numId w:val="90"/></w:numPr>'))

    def blokken(self, kinderen: tuple[Element, ...]) -> None:
        i = 0
        while i < len(kinderen):
            el = kinderen[i]
            if el.soort is Soort.EIS and self.opmaak.eisen == "tabel":
                rij = [el]
                while i + 1 < len(kinderen) and kinderen[i + 1].soort is Soort.EIS:
                    i += 1
                    rij.append(kinderen[i])
                self.eisentabel(rij)
            elif el.soort is Soort.EIS:
                self.eis(el)
            elif el.soort is Soort.ALINEA:
                self.runs(self.doc.add_paragraph(), el.inhoud)
            elif el.soort is Soort.LIJST:
                self.lijst(el, 1)
            elif el.soort is Soort.TABEL:
                self.tabel(el)
            else:
                self.onderdeel(el)
            i += 1

    def lijst(self, lijst: Element, niveau: int) -> None:
        basis = "List Number" if lijst.kenmerk == "genummerd" else "List Bullet"
        for item in lijst.kinderen:
            self.runs(self.doc.add_paragraph(style=basis if niveau == 1 else f"{basis} {niveau}"), item.inhoud)
            for sub in item.kinderen:
                self.lijst(sub, niveau + 1)

    def tabel(self, el: Element) -> None:
        rijen = el.kinderen
        tabel = self.doc.add_table(rows=len(rijen), cols=len(rijen[0].cellen))
        tabel.style = self.doc.styles["Table Grid"]
        for rij, bron_ in zip(tabel.rows, rijen, strict=True):
            for cel, inhoud in zip(rij.cells, bron_.cellen, strict=True):
                self.runs(cel.paragraphs[0], inhoud)
            if bron_.kenmerk == "kop":
                rij._tr.get_or_add_trPr().append(parse_xml(f'<w:tblHeader {nsdecls("w")}/>'))

    # -- eisen ------------------------------------------------------------------
    def basis(self, eis: Element) -> str:
        return self.opmaak.geen(eis.geen_grondslag) if eis.geen_grondslag else self.opmaak.grondslag(eis.grondslagen)

    def eiskop(self, eis: Element) -> None:
        if not eis.nummer:
            return
        if self.opmaak.eiskop_niveau:
            self.doc.add_heading(self.opmaak.eiskop(eis), self.opmaak.eiskop_niveau)
        else:
            _vet(self.doc, 0, self.opmaak.eiskop(eis))

    def eis(self, eis: Element) -> None:
        self.eiskop(eis)
        soort = self.opmaak.eisen
        stijl = {"opsomming": "List Bullet", "genummerd": "List Number", "voetnoot": "List Number"}.get(soort)
        p = self.doc.add_paragraph(style=stijl)
        self.runs(p, eis.inhoud)
        if soort in ("voetnoot", "getypt"):
            self.voetnoot(p, self.basis(eis))
        else:
            self.doc.add_paragraph(self.basis(eis))

    def eisentabel(self, eisen: list[Element]) -> None:
        tabel = self.doc.add_table(rows=len(eisen) + 1, cols=2)
        tabel.style = self.doc.styles["Table Grid"]
        kop = tabel.rows[0].cells
        kop[0].paragraphs[0].add_run("Eis").bold = True
        kop[1].paragraphs[0].add_run("Wettelijke grondslag").bold = True
        for rij, eis in zip(tabel.rows[1:], eisen, strict=True):
            eerste = rij.cells[0].paragraphs[0]
            if eis.nummer:
                eerste.add_run(self.opmaak.eiskop(eis)).bold = True
                eerste = rij.cells[0].add_paragraph()
            self.runs(eerste, eis.inhoud)
            rij.cells[1].paragraphs[0].add_run(self.basis(eis))

    def beslisregels(self, el: Element) -> None:
        regels = [k for k in el.kinderen if k.soort is Soort.BESLISREGEL]
        self.blokken(tuple(k for k in el.kinderen if k.soort is not Soort.BESLISREGEL))
        if self.opmaak.beslisregels == "regels":
            for regel in regels:
                self.runs(self.doc.add_paragraph(f"{regel.kenmerk}: "), regel.inhoud)
            return
        tabel = self.doc.add_table(rows=len(regels), cols=2)
        tabel.style = self.doc.styles["Table Grid"]
        for rij, regel in zip(tabel.rows, regels, strict=True):
            rij.cells[0].paragraphs[0].add_run(regel.kenmerk)
            self.runs(rij.cells[1].paragraphs[0], regel.inhoud)



def voetnootverwijzing(p: Any, nummer: int) -> None:
    """A Word footnote reference (superscript) at the end of paragraph `p`, to footnote `nummer`."""
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    uitlijning = OxmlElement("w:vertAlign")
    uitlijning.set(qn("w:val"), "superscript")
    rpr.append(uitlijning)
    run.append(rpr)
    verwijzing = OxmlElement("w:footnoteReference")
    verwijzing.set(qn("w:id"), str(nummer))
    run.append(verwijzing)
    p._p.append(run)


def voetnotendeel(doc: Any, noten: list[str]) -> None:
    """The footnotes part (python-docx has none): footnote 1, 2 … with these texts, and Word's separators."""
    teksten = "".join(f'<w:footnote w:id="{i}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:rPr>'
                      f'<w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space='
                      f'"preserve"> {escape(t)}</w:t></w:r></w:p></w:footnote>' for i, t in enumerate(noten, start=1))
    xml = (f'<w:footnotes {nsdecls("w")}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/>'
           f'</w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
           f"<w:continuationSeparator/></w:r></w:p></w:footnote>{teksten}</w:footnotes>")
    deel = Part(PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, xml.encode("utf-8"), doc.part.package)
    doc.part.relate_to(deel, RELATIONSHIP_TYPE.FOOTNOTES)


def hoofdstuknummering(doc: Any) -> None:
    """Word's outline numbering for chapters ('1') and paragraphs ('1.1'), numId 90."""
    numbering = doc.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>'
        "</w:abstractNum>")
    eerste_num = numbering.find(qn("w:num"))
    if eerste_num is not None:
        eerste_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))


# ---------------------------------------------------------------- the layouts
S = Soort
LAGEN: dict[str, Opmaak] = {o.naam: o for o in (
    # Word headings, 'Kwaliteitsgebied Naam (CODE)', 'Standaard OP1 Aanbod', eisen as bullets with a grondslag line
    Opmaak("koppen-opsomming", _kopstijl,
           {S.HOOFDSTUK: 1, S.PARAGRAAF: 2, S.WAARDERINGSKADER: 1, S.KWALITEITSGEBIED: 2, S.STANDAARD: 3,
            S.BASISKWALITEIT: 4, S.EIGEN_ASPIRATIES: 4, S.OVERIGE_VEREISTEN: 2, S.BESLISREGELS: 2},
           lambda kg: f"Kwaliteitsgebied {kg.titel} ({kg.nummer})",
           lambda st: f"Standaard {st.nummer} {st.titel}",
           lambda e: f"{e.nummer} {e.titel}", "opsomming",
           lambda g: f"Wettelijke grondslag: {kanoniek(g)}",
           lambda geen: f"Wettelijke grondslag: geen; zie {geen.bron}.{_met(geen.uitleg)}", "tabel"),
    # no heading styles at all: bold lines, 'Naam (CODE)', 'OP 1 Aanbod', eisen as plain paragraphs under a bold
    # 'OP 0.1 Titel', 'Wettelijke vereisten: art. 8 lid 1 WPO'
    Opmaak("vet-alinea", _vet, {},
           lambda kg: f"{kg.titel} ({kg.nummer})",
           lambda st: f"{st.nummer[:2]} {st.nummer[2:]} {st.titel}",
           lambda e: f"{e.nummer[:2]} {e.nummer[2:]} {e.titel}", "alinea",
           lambda g: f"Wettelijke vereisten: {kort(g)}",
           lambda geen: f"Geen wettelijke grondslag; bron: {geen.bron}.{_met(geen.uitleg)}", "regels"),
    # a standaard at the level of its kwaliteitsgebied, 'CODE Naam', eisen in a table eis | grondslag
    Opmaak("tabel", _kopstijl,
           {S.HOOFDSTUK: 1, S.PARAGRAAF: 2, S.WAARDERINGSKADER: 1, S.KWALITEITSGEBIED: 2, S.STANDAARD: 2,
            S.BASISKWALITEIT: 3, S.EIGEN_ASPIRATIES: 3, S.OVERIGE_VEREISTEN: 2, S.BESLISREGELS: 2},
           lambda kg: f"{kg.nummer} {kg.titel}",
           lambda st: f"{st.nummer} {st.titel}",
           lambda e: f"{e.nummer} {e.titel}", "tabel",
           komma, lambda geen: f"Geen wettelijke grondslag ({geen.bron}).{_met(geen.uitleg)}", "tabel"),
    # eisen as a numbered list, their grondslag in a real Word footnote; 'Standaard OP 1: Aanbod'; eis numbers as
    # headings of level 5
    Opmaak("voetnoten", _kopstijl,
           {S.HOOFDSTUK: 1, S.PARAGRAAF: 2, S.WAARDERINGSKADER: 1, S.KWALITEITSGEBIED: 2, S.STANDAARD: 3,
            S.BASISKWALITEIT: 4, S.EIGEN_ASPIRATIES: 4, S.OVERIGE_VEREISTEN: 2, S.BESLISREGELS: 2},
           lambda kg: f"{kg.titel} ({kg.nummer})",
           lambda st: f"Standaard {st.nummer[:2]} {st.nummer[2:]}: {st.titel}",
           lambda e: f"{e.nummer} – {e.titel}", "voetnoot", komma,
           lambda geen: f"Niet wettelijk verankerd; ontleend aan {geen.bron}.{_met(geen.uitleg)}", "regels",
           eiskop_niveau=5),
    # a Dutch Word: 'Kop N' styles, 'Kwaliteitsgebied Onderwijsproces' (no code), footnotes typed by hand ('¹ …')
    Opmaak("getypte-voetnoten", _nederlandse_kop,
           {S.HOOFDSTUK: 1, S.PARAGRAAF: 2, S.WAARDERINGSKADER: 1, S.KWALITEITSGEBIED: 2, S.STANDAARD: 3,
            S.BASISKWALITEIT: 4, S.EIGEN_ASPIRATIES: 4, S.OVERIGE_VEREISTEN: 2, S.BESLISREGELS: 2},
           lambda kg: f"Kwaliteitsgebied {kg.titel}",
           lambda st: f"{st.nummer} – {st.titel}",
           lambda e: f"{e.nummer}: {e.titel}", "getypt", komma,
           lambda geen: f"Grondslag: geen ({geen.bron}).{_met(geen.uitleg)}", "tabel"),
    # chapters numbered by Word, bold 'Standaard OP1: Aanbod', a numbered list of eisen, each with its citation in
    # brackets on the next line ('(artikel 8, eerste lid, van de Wet op het primair onderwijs)'), 'Bron: …'
    Opmaak("genummerd", lambda doc, niveau, tekst: (_kopstijl if niveau else _vet)(doc, niveau, tekst),
           {S.HOOFDSTUK: 1, S.PARAGRAAF: 2, S.WAARDERINGSKADER: 1, S.KWALITEITSGEBIED: 0, S.STANDAARD: 0,
            S.BASISKWALITEIT: 4, S.EIGEN_ASPIRATIES: 4, S.OVERIGE_VEREISTEN: 2, S.BESLISREGELS: 2},
           lambda kg: f"Kwaliteitsgebied {kg.titel} ({kg.nummer})",
           lambda st: f"Standaard {st.nummer}: {st.titel}",
           lambda e: f"Eis {e.nummer} {e.titel}", "genummerd",
           lambda g: f"({voluit(g)})",
           lambda geen: f"Bron: {geen.bron}.{_met(geen.uitleg)}", "regels", hoofdstuknummering=True),
)}
#: kaderdiff's own clean kader (its concept layout): the round trip the other tests check in detail.
EIGEN = "kaderdiff"
NAMEN = (*LAGEN, EIGEN)


def schrijf_docx(kader: Kader, opmaak: str, pad: Path) -> Path:
    """The kader as a Word document in this layout."""
    if opmaak == EIGEN:
        pad.write_bytes(render_kader_docx(kader, datetime(2026, 3, 1, tzinfo=UTC)))
        return pad
    schrijver = Schrijver(LAGEN[opmaak])
    if schrijver.opmaak.hoofdstuknummering:
        hoofdstuknummering(schrijver.doc)
    schrijver.kader(kader).save(str(pad))
    return pad


def corpus_docx(opmaak: str, jaar: int, map_: Path) -> Path:
    return schrijf_docx(laad_bestand(bron(jaar)), opmaak, map_ / f"{opmaak}-{jaar}.docx")
