"""The Word template every kaderdiff document starts from: templates/kaderdiff.docx.

python-docx's default template carries 164 styles in a 438 KB styles.xml, a 438 KB copy of it
for Word 2010 (stylesWithEffects.xml) and a thumbnail of an empty page. Every document parsed,
serialised and compressed all of that again: two thirds of the cost of a small document, and
27 KB in each file. The template keeps only the styles kaderdiff documents use (with the styles
they are based on, linked to or followed by) and adds the comment styles python-docx refers to
but does not define.

Regenerate after changing `STIJLEN`: `python -m kaderdiff.word.sjabloon` (a test checks that
the committed file is what this module makes).
"""

from __future__ import annotations

from datetime import UTC, datetime

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree

from kaderdiff.word.document import SJABLOON, opslaan

#: Style ids used by kaderdiff documents (paragraph, character and table styles).
STIJLEN = ("Normal", "Title", "Heading1", "Heading2", "Heading3", "Heading4", "ListBullet", "ListBullet2",
           "ListBullet3", "ListNumber", "ListNumber2", "ListNumber3", "Header", "Footer", "TableGrid")
MOMENT = datetime(2026, 1, 1, tzinfo=UTC)
STIJLEN_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
MINIATUUR = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"

OPMERKINGSTIJLEN = f"""<w:styles {nsdecls("w")}>
<w:style w:type="paragraph" w:styleId="CommentText"><w:name w:val="annotation text"/><w:basedOn w:val="Normal"/>
<w:link w:val="CommentTextChar"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:sz w:val="16"/></w:rPr>
</w:style>
<w:style w:type="character" w:styleId="CommentTextChar"><w:name w:val="Comment Text Char"/>
<w:basedOn w:val="DefaultParagraphFont"/><w:link w:val="CommentText"/><w:uiPriority w:val="99"/>
<w:rPr><w:sz w:val="16"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/>
<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>
<w:rPr><w:sz w:val="16"/></w:rPr></w:style>
</w:styles>"""


def _te_houden(stijlen: etree._Element) -> set[str]:
    """STIJLEN, the default styles, and every style they are based on, linked to or followed by."""
    per_id = {s.get(qn("w:styleId")): s for s in stijlen.iter(qn("w:style"))}
    open_ = [*STIJLEN, *(i for i, s in per_id.items() if s.get(qn("w:default")) == "1")]
    houden: set[str] = set()
    while open_:
        stijl_id = open_.pop()
        if stijl_id in houden:
            continue
        houden.add(stijl_id)
        stijl = per_id.get(stijl_id)
        for verwijzing in ("w:basedOn", "w:link", "w:next"):
            el = stijl.find(qn(verwijzing)) if stijl is not None else None
            if el is not None:
                open_.append(el.get(qn("w:val")))
    return houden


def maak_sjabloon() -> bytes:
    """The slim template, byte-identical each time."""
    doc = Document()
    document = doc.part
    for rid, rel in list(document.rels.items()):
        if rel.reltype == STIJLEN_WITH_EFFECTS:
            document.drop_rel(rid)
    pakket = document.package
    for rid, rel in list(pakket.rels.items()):
        if rel.reltype == MINIATUUR:
            pakket.rels.pop(rid)
    stijlen = doc.styles.element
    houden = _te_houden(stijlen)
    for stijl in list(stijlen.iter(qn("w:style"))):
        if stijl.get(qn("w:styleId")) not in houden:
            stijlen.remove(stijl)
    for latent in stijlen.findall(qn("w:latentStyles")):
        stijlen.remove(latent)
    for stijl in parse_xml(OPMERKINGSTIJLEN):
        stijlen.append(stijl)
    return opslaan(doc, MOMENT)


def main() -> None:
    SJABLOON.write_bytes(maak_sjabloon())
    print(f"{SJABLOON}: {SJABLOON.stat().st_size} bytes")


if __name__ == "__main__":
    main()

