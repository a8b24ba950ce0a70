"""Validators for the documents kaderdiff writes: OOXML and ODF (openxml-audit), PDF identification (pypdf).

openxml-audit is a pure-Python port of the Open XML SDK validator (schema, package and semantic checks)
with the OASIS Relax NG schemas and its own rules for ODF. It is young: it does not check move ranges or
ids shared between bookmarks and revisions, so tests check those themselves (see docs/ooxml.md).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from lxml import etree
from openxml_audit import FileFormat, OpenXmlValidator, ValidationSeverity
from openxml_audit.odf import OdfValidator
from pypdf import PdfReader

PDFAID = "{http://www.aiim.org/pdfa/ns/id/}"
PDFUAID = "{http://www.aiim.org/pdfua/ns/id/}"


def ooxml_fouten(pad: Path) -> list[str]:
    """Errors (not warnings) for current Word (Office 2019 rules of the Open XML SDK)."""
    resultaat = OpenXmlValidator(file_format=FileFormat.OFFICE_2019, max_errors=0).validate(pad)
    return [str(e) for e in resultaat.errors if e.severity is ValidationSeverity.ERROR]


def odf_fouten(pad: Path) -> list[str]:
    """Errors (not warnings) against ODF 1.3: package, manifest, and the validator's semantic rules."""
    resultaat = OdfValidator(file_format=FileFormat.ODF_1_3, max_errors=0).validate(pad)
    return [str(e) for e in resultaat.errors if e.severity is ValidationSeverity.ERROR]


def fouten(pad: Path) -> list[str]:
    return ooxml_fouten(pad) if pad.suffix == ".docx" else odf_fouten(pad)


def pdf_kenmerken(pad: Path) -> dict[str, str]:
    """What a PDF says about itself: PDF/A and PDF/UA identification (XMP), language and tagging (catalog)."""
    catalogus: Any = PdfReader(pad).trailer["/Root"]
    xmp = etree.fromstring(catalogus["/Metadata"].get_object().get_data())
    uit = {"taal": str(catalogus.get("/Lang", "")),
           "getagd": str(bool(catalogus.get("/MarkInfo", {}).get("/Marked")) and "/StructTreeRoot" in catalogus)}
    for sleutel, tag in (("pdfa_deel", PDFAID + "part"), ("pdfa_niveau", PDFAID + "conformance"),
                         ("pdfua_deel", PDFUAID + "part")):
        gevonden = xmp.find(f".//{tag}")
        uit[sleutel] = (gevonden.text or "").strip() if gevonden is not None else ""
    return uit


def pdf_annotaties(pad: Path) -> tuple[int, list[str]]:
    """How many annotations the PDF's pages have, and which lack the rectangle every annotation must have
    (ISO 32000-1, table 164): 'page N: /Subtype'."""
    aantal, zonder = 0, []
    for nummer, pagina in enumerate(PdfReader(pad).pages, start=1):
        for verwijzing in pagina.get("/Annots") or []:
            annotatie = verwijzing.get_object()
            aantal += 1
            if len(annotatie.get("/Rect") or []) != 4:
                zonder.append(f"blz. {nummer}: {annotatie.get('/Subtype')}")
    return aantal, zonder


def pdf_fonts(pad: Path) -> tuple[list[str], set[str]]:
    """The embedded fonts in the order of their object numbers (as the file holds them), and the fonts the
    pages use, read through pypdf's own parser (every reference must lead to a font dictionary)."""
    data = pad.read_bytes()
    op_nummer = sorted((int(n), naam.decode()) for n, naam in
                       re.findall(rb"\n(\d+) 0 obj\n<</Type/Font/Subtype/\w+/BaseFont/([^\s/]+)", data))
    gebruikt = set()
    for pagina in PdfReader(pad).pages:
        for font in (pagina.get("/Resources") or {}).get("/Font", {}).values():
            font = font.get_object()
            assert font["/Type"] == "/Font", font
            gebruikt.add(str(font["/BaseFont"])[1:])
    return [naam for _, naam in op_nummer], gebruikt
