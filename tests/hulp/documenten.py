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


def aanvaarde_links(docx: Path) -> list[tuple[str, str]]:
    """(text, target) of every link once all tracked changes are accepted, as a reader then sees it: deleted and
    moved-away runs gone, inserted and moved-to runs kept, and links to one target with nothing between them
    one link (a citation that changed a word is written as two links around the change)."""
    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    rid = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    weg = (f"{w}del", f"{w}moveFrom")
    with zipfile.ZipFile(docx) as z:
        rels = etree.fromstring(z.read("word/_rels/document.xml.rels"))
        doel = {r.get("Id"): r.get("Target") for r in rels}
        body = etree.fromstring(z.read("word/document.xml"))
    uit: list[tuple[str, str]] = []
    for alinea in body.iter(f"{w}p"):
        vorige: str | None = None
        for t in alinea.iter(f"{w}t"):
            voorouders = list(t.iterancestors())
            if any(o.tag in weg for o in voorouders) or not t.text:
                continue
            link = next((o for o in voorouders if o.tag == f"{w}hyperlink"), None)
            adres = str(doel[link.get(rid)]) if link is not None else None
            if adres is not None and adres == vorige:
                uit[-1] = (uit[-1][0] + t.text, adres)
            elif adres is not None:
                uit.append((t.text, adres))
            vorige = adres
    return uit
