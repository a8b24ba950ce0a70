"""Generator of docs/word-voorbeeld.docx, the minimal Word kader of docs/word-invoer.md
(run: .venv/bin/python docs/maak_word_voorbeeld.py).

A small MBO kader typed as authors type one, each standaard in another of the layouts `kaderdiff importeer`
reads: Word headings with 'Kwaliteitsgebied … (OP)' and 'Standaard OP1 …', eisen as bullets with a line
'Wettelijke grondslag: …'; a standaard as a bold line with numbered eisen under a bold 'OP 2.1 Titel' and a line
'Wettelijke vereisten: …'; eisen in a table (eis | wettelijke grondslag); footnotes typed by hand ('¹ Artikel …');
a real Word footnote; beslisregels in a table. The bytes are the same on every run (fixed zip dates; python-docx
writes the rest the same way each time): commit the file after running this.
"""

from __future__ import annotations

import io
import sys
from datetime import UTC, datetime
from pathlib import Path

from docx import Document
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import nsdecls, qn

from kaderdiff.uitvoer.xmltekst import escape
from kaderdiff.uitvoer.zipvast import vastgezet

DOEL = Path(__file__).resolve().parent / "word-voorbeeld.docx"
MOMENT = datetime(2026, 1, 1, tzinfo=UTC)


def _vet(doc: object, tekst: str) -> None:
    doc.add_paragraph().add_run(tekst).bold = True  # type: ignore[attr-defined]


def _met_merk(doc: object, tekst: str, merk: str) -> None:
    """A paragraph ending in a footnote mark typed by hand (superscript)."""
    p = doc.add_paragraph(tekst)  # type: ignore[attr-defined]
    p.add_run(merk).font.superscript = True


def _noot(doc: object, merk: str, tekst: str) -> None:
    """A footnote typed by hand as a line of its own: the superscript number, then the text."""
    p = doc.add_paragraph()  # type: ignore[attr-defined]
    p.add_run(merk).font.superscript = True
    p.add_run(f" {tekst}")


def _tabel(doc: object, rijen: list[tuple[str, str]], kop: tuple[str, str] | None) -> None:
    tabel = doc.add_table(rows=len(rijen) + (kop is not None), cols=2)  # type: ignore[attr-defined]
    tabel.style = doc.styles["Table Grid"]  # type: ignore[attr-defined]
    rij_nummer = 0
    if kop is not None:
        for cel, tekst in zip(tabel.rows[0].cells, kop, strict=True):
            cel.paragraphs[0].add_run(tekst).bold = True
        rij_nummer = 1
    for rij, teksten in zip(tabel.rows[rij_nummer:], rijen, strict=True):
        for cel, tekst in zip(rij.cells, teksten, strict=True):
            cel.paragraphs[0].add_run(tekst)


def _echte_voetnoot(doc: object, p: object, tekst: str) -> None:
    """A Word footnote (footnotes part, reference in the paragraph): python-docx has no call for it."""
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    uitlijning = OxmlElement("w:vertAlign")
    uitlijning.set(qn("w:val"), "superscript")
    rpr.append(uitlijning)
    run.append(rpr)
    verwijzing = OxmlElement("w:footnoteReference")
    verwijzing.set(qn("w:id"), "1")
    run.append(verwijzing)
    p._p.append(run)  # type: ignore[attr-defined]
    xml = (f'<w:footnotes {nsdecls("w")}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r>'
           f'</w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
           f'<w:continuationSeparator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:rPr><w:vertAlign '
           f'w:val="superscript"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {escape(tekst)}'
           f"</w:t></w:r></w:p></w:footnote></w:footnotes>")
    deel = Part(PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, xml.encode("utf-8"),
                doc.part.package)  # type: ignore[attr-defined]
    doc.part.relate_to(deel, RELATIONSHIP_TYPE.FOOTNOTES)  # type: ignore[attr-defined]


def maak() -> bytes:
    doc = Document()
    kern = doc.core_properties
    kern.title, kern.author, kern.language = "Voorbeeld van een onderzoekskader in Word", "kaderdiff", "nl-NL"
    kern.comments, kern.last_modified_by = "Gemaakt door docs/maak_word_voorbeeld.py", "kaderdiff"
    kern.created = kern.modified = MOMENT.replace(tzinfo=None)
    doc.add_paragraph("Onderzoekskader 2026 voor het toezicht op het middelbaar beroepsonderwijs", style="Title")
    doc.add_heading("Woord vooraf", 1)
    doc.add_paragraph("Dit voorbeeld laat zien hoe kaderdiff een onderzoekskader in Word leest. Elke standaard is "
                      "op een andere manier getypt.")
    doc.add_heading("1 Inleiding", 1)
    doc.add_paragraph("De inspectie houdt toezicht op de kwaliteit van het onderwijs in het mbo.")
    doc.add_heading("1.1 Werkwijze", 2)
    werkwijze = doc.add_paragraph("De inspectie publiceert haar rapporten in de derde week na de vaststelling.")
    _echte_voetnoot(doc, werkwijze, "Zie ook de Wet op het onderwijstoezicht over de openbaarmaking van rapporten.")
    doc.add_heading("Waarderingskader opleiding", 1)
    doc.add_heading("Kwaliteitsgebied Onderwijsproces (OP)", 2)
    # 1. Word headings, eisen as bullets, each with its line 'Wettelijke grondslag: …'
    doc.add_heading("Standaard OP1 Aanbod", 3)
    doc.add_paragraph("Het aanbod bereidt studenten voor op beroep en vervolgonderwijs.")
    doc.add_heading("Basiskwaliteit", 4)
    doc.add_paragraph("De opleiding heeft per leerweg één studieduur vastgesteld.", style="List Bullet")
    doc.add_paragraph("Wettelijke grondslag: artikel 7.2.4a, eerste lid, WEB")
    doc.add_paragraph("Het aanbod sluit aan bij de beroepspraktijk in de regio.", style="List Bullet")
    doc.add_paragraph("Wettelijke grondslag: geen; zie Handreiking aanbod mbo. De formulering komt uit de "
                      "handreiking; de wet stelt deze eis niet.")
    doc.add_heading("Eigen aspiraties", 4)
    doc.add_paragraph("De opleiding betrekt het werkveld bij de vernieuwing van het aanbod.")
    # 2. no heading styles: bold lines, a numbered eis under a bold 'OP 2.1 Titel', 'Wettelijke vereisten: …'
    _vet(doc, "OP 2 Begeleiding")
    doc.add_paragraph("De opleiding begeleidt studenten bij hun ontwikkeling en loopbaan.")
    _vet(doc, "Basiskwaliteit")
    _vet(doc, "OP 2.1 Studieloopbaan")
    doc.add_paragraph("De opleiding begeleidt iedere student bij de keuzes in zijn studieloopbaan.")
    doc.add_paragraph("Wettelijke vereisten: art. 7.2.6 lid 1 WEB")
    # 3. eisen in a table: eis | wettelijke grondslag
    doc.add_heading("OP3 Beroepspraktijkvorming", 3)
    doc.add_paragraph("Studenten leren het beroep ook in de praktijk.")
    doc.add_heading("Basiskwaliteit", 4)
    _tabel(doc, [("Voor iedere student is een praktijkovereenkomst gesloten.", "artikel 7.2.8, eerste lid, WEB"),
                 ("De beroepspraktijkvorming vindt plaats bij een erkend leerbedrijf.",
                  "Geen wettelijke grondslag (Handreiking bpv). De inspectie kijkt naar de erkenning.")],
           ("Eis", "Wettelijke grondslag"))
    doc.add_heading("Veiligheid en klimaat (SK)", 2)
    # 4. footnotes typed by hand, tied to the mark in the eis
    doc.add_heading("SK1 Veiligheid", 3)
    doc.add_paragraph("De opleiding zorgt voor een veilige omgeving voor studenten en personeel.")
    doc.add_heading("Basiskwaliteit", 4)
    _met_merk(doc, "De instelling voert een beleid gericht op de veiligheid van studenten.", "1")
    _met_merk(doc, "De instelling registreert incidenten en analyseert ze.", "2")
    _noot(doc, "1", "Artikel 1.3.6, eerste lid, WEB.")
    _noot(doc, "2", "Grondslag: geen (Handreiking sociale veiligheid mbo).")
    doc.add_heading("Beslisregels", 2)
    _tabel(doc, [("Onvoldoende", "De opleiding is onvoldoende als één of meer standaarden onvoldoende zijn."),
                 ("Voldoende", "In andere gevallen is de opleiding voldoende.")], None)
    doc.add_heading("Bijlage 1 Afkortingen", 1)
    doc.add_paragraph("WEB: Wet educatie en beroepsonderwijs.", style="List Bullet")
    uit = io.BytesIO()
    doc.save(uit)
    return vastgezet(uit.getvalue(), MOMENT)


def main() -> int:
    data = maak()
    if DOEL.exists() and DOEL.read_bytes() == data:
        print(f"{DOEL.name} is al bij.")
        return 0
    DOEL.write_bytes(data)
    print(f"{DOEL.name} geschreven ({len(data)} bytes).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
