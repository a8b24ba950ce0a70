"""Reading what kaderdiff wrote into a Word document, independently of kaderdiff's own reading code."""

from __future__ import annotations

import zipfile
from pathlib import Path


def docx_links(docx: Path) -> list[tuple[str, str]]:
    """(text, target) of every w:hyperlink in a docx's body, resolved through its relationships."""
    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    with zipfile.ZipFile(docx) as z:
        rels = etree.fromstring(z.read("word/_rels/document.xml.rels"))
        doel = {r.get("Id"): (r.get("Target"), r.get("TargetMode")) for r in rels}
        body = etree.fromstring(z.read("word/document.xml"))
    uit = []
    for link in body.iter(f"{w}hyperlink"):
        target, modus = doel[link.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")]
        assert modus == "External"
        uit.append(("".join(t.text or "" for t in link.iter(f"{w}t")), target))
    return uit
