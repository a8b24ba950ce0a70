"""What the Ringen send back, made as a reader would: a reactieformulier filled in, a comment in the concept, the
inspectie's answers in the reactienota; and LibreOffice opening and saving them (so the file is what a real editor
writes)."""

from __future__ import annotations

import copy
import shutil
import subprocess
import tempfile
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.run import Run

from kaderdiff.word.blokken import blokmerk
from tests.hulp.echte_clients import vereist


def _formuliertabel(doc: docx.document.Document) -> Table:
    return next(t for t in doc.tables if [c.text for c in t.rows[0].cells][:1] == ["Nr"]
                and "Vraag of opmerking" in [c.text for c in t.rows[0].cells])


def vul_formulier(bron: Path, doel: Path, rijen: list[tuple[str, str, str]], auteur: str | None = None) -> Path:
    """The form with a reaction (Nr, Organisatie, Vraag of opmerking) per row: in the row of that number while it
    is empty, else in a new row at the end, as a reader adds one."""
    doc = docx.Document(str(bron))
    t = _formuliertabel(doc)
    koppen = [c.text for c in t.rows[0].cells]
    org, vraag = koppen.index("Organisatie"), koppen.index("Vraag of opmerking")
    for nummer, organisatie, tekst in rijen:
        rij = next((r for r in t.rows[1:] if r.cells[0].text == nummer and not r.cells[vraag].text), None)
        if rij is None:
            nieuw = copy.deepcopy(t.rows[-1]._tr)
            t._tbl.append(nieuw)
            rij = t.rows[-1]
            for cel in rij.cells:
                cel.text = ""
            rij.cells[0].text = nummer
        rij.cells[org].text = organisatie
        rij.cells[vraag].text = tekst
    if auteur is not None:
        doc.core_properties.last_modified_by = auteur
    doc.save(str(doel))
    return doel


def opmerking_bij(concept: Path, doel: Path, element_id: str, auteur: str, tekst: str) -> Path:
    """A reader's comment on the first words of an element's paragraph in the concept (Word's comment: a range
    around the run and a reference after it)."""
    doc = docx.Document(str(concept))
    naam = blokmerk(f"{element_id}:tekst")
    alinea = next(p for p in doc.paragraphs
                  if any(b.get(qn("w:name")) == naam for b in p._p.iter(qn("w:bookmarkStart"))))
    # also the runs of inserted text (inside w:ins), which python-docx's `runs` leaves out
    runs = [Run(r, alinea) for r in alinea._p.iter(qn("w:r")) if Run(r, alinea).text.strip()]
    doc.add_comment(runs[:1], text=tekst, author=auteur, initials=auteur[:3])
    doc.save(str(doel))
    return doel


def vul_nota(nota: Path, doel: Path, antwoorden: dict[str, tuple[str, str]]) -> Path:
    """The nota with the inspectie's answer and decision in the rows of these keys ('MBO-6.1': (antwoord, besluit))."""
    doc = docx.Document(str(nota))
    for t in doc.tables:
        koppen = [c.text for c in t.rows[0].cells]
        if koppen[:2] != ["Nr", "Organisatie"]:
            continue
        for rij in t.rows[1:]:
            if rij.cells[0].text in antwoorden:
                antwoord, besluit = antwoorden[rij.cells[0].text]
                rij.cells[koppen.index("Reactie inspectie")].text = antwoord
                rij.cells[koppen.index("Besluit")].text = besluit
    doc.save(str(doel))
    return doel


def libreoffice_opslaan(bestanden: list[Path], doelmap: Path, formaat: str = "docx:MS Word 2007 XML") -> list[Path]:
    """Open each file in LibreOffice (headless) and save it in `formaat` into `doelmap`: the file a real editor
    writes."""
    soffice = vereist("soffice")
    doelmap.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profiel:
        subprocess.run([soffice, f"-env:UserInstallation=file://{profiel}", "--headless", "--convert-to", formaat,
                        "--outdir", str(doelmap), *map(str, bestanden)], capture_output=True, check=True, timeout=600)
    uit = [doelmap / f"{b.stem}.{formaat.split(':')[0]}" for b in bestanden]
    ontbreekt = [str(p) for p in uit if not p.is_file()]
    assert not ontbreekt, f"LibreOffice schreef niet: {ontbreekt}"
    return uit


def kopie(bron: Path, doel: Path) -> Path:
    shutil.copyfile(bron, doel)
    return doel
