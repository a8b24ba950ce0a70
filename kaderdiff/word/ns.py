"""The WordprocessingML namespace, named once for every module that reads or writes OOXML by hand."""

from __future__ import annotations

W_URI = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#: Clark notation prefix for lxml: W + "p" is the tag of a paragraph.
W = "{" + W_URI + "}"
R_URI = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#: The declarations to put on a wrapper element when parsing WordprocessingML written as text (r: for the
#: relationship ids of hyperlinks).
NS_W_DECLARATIE = f'xmlns:w="{W_URI}" xmlns:r="{R_URI}"'
DCTERMS = "{http://purl.org/dc/terms/}"
#: The author of kaderdiff's own revisions and comments (here, not in `document`, so that reading a document
#: does not load python-docx).
AUTEUR = "Inspectie van het Onderwijs"
#: How Word names a content control that holds a table of contents (ECMA-376 §17.5.2.12, w:docPartGallery).
INHOUDSOPGAVE = "Table of Contents"
