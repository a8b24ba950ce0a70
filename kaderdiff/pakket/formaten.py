"""The formats of a pack, and which of them LibreOffice makes from the docx (the rest kaderdiff writes itself).

Apart from `libreoffice` on purpose: a pack with docx and html only finds out here that it needs no LibreOffice,
without loading its modules."""

FORMATEN = ("docx", "odt", "pdf", "html")
#: The formats LibreOffice makes (the fields of a queue line, in this order). The macro exports the PDF first and
#: then the ODT, every time both (see `libreoffice.Omzetter.voeg_toe`): storing the ODT changes the document in
#: memory (a tracked deletion in a list spreads its bullet over the paragraphs after it), and the PDF export changes
#: its settings, so the ODT is the same with or without a PDF.
OMZETFORMATEN = ("odt", "pdf")
