"""The plain text of a Word document's parts, for commands that only search it: the page headers and footers
(where kaderdiff writes 'Onze referentie KD-…'), and the body paragraph by paragraph; and what kaderdiff's own
documents say of themselves in that text: their reference, and the commit their colofon names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kaderdiff.bron.docxveilig import Docx
from kaderdiff.word.ns import W

_KOP_OF_VOET = re.compile(r"word/(header|footer)\d*\.xml")
#: After the reference of a document made from kaders that were not committed: 'KD-MBO-2026-werkmap'.
WERKMAP = "werkmap"
#: The reference kaderdiff writes on every page (`render.teksten.referentie`): 'KD-MBO-2026', 'KD-VO-PRO-2026' (a
#: variant may hold digits), '-werkmap' after it when the source was not committed, and in packs before issue 28
#: the short commit after it ('KD-MBO-2026-1a2b3c4').
_REFERENTIE = re.compile(r"KD-([A-Z]+(?:-[A-Z][A-Z0-9]*)?)-(\d{4})(?!\d)(?:-(werkmap|[0-9a-f]{7,40})(?![0-9a-f]))?")
#: How a colofon names the commit a document was made from (`render.teksten.bronversie_met_commit`).
_COMMIT = re.compile(r"\bgit-commit ([0-9a-f]{7,40})\b")


@dataclass(frozen=True)
class Referentie:
    """kaderdiff's reference as a document carries it."""

    tekst: str  # 'KD-MBO-2026'
    sector: str
    jaar: int
    achtervoegsel: str  # '', 'werkmap', or the short commit of a pack before issue 28


def referentie_in(tekst: str) -> Referentie | None:
    """The first reference of kaderdiff in a text (a document's headers and footers); None when there is none."""
    gevonden = _REFERENTIE.search(tekst)
    if gevonden is None:
        return None
    return Referentie(gevonden.group(0), gevonden.group(1), int(gevonden.group(2)), gevonden.group(3) or "")


def colofoncommit(tekst: str) -> str:
    """The commit the last 'git-commit …' of a text names ('' when none): in a colofon the version a document
    was made from comes last (a concept names its old source first)."""
    gevonden = _COMMIT.findall(tekst)
    return gevonden[-1] if gevonden else ""


def kop_en_voettekst(docx: Docx) -> str:
    """The text of every header and footer part, in part name order, one line per part."""
    teksten = []
    for naam, boom in sorted(docx.delen.items()):
        if _KOP_OF_VOET.fullmatch(naam):
            teksten.append("".join(t.text or "" for t in boom.getroot().iter(f"{W}t")))
    return "\n".join(teksten)


def alineateksten(docx: Docx) -> list[str] | None:
    """The text of every paragraph of the main document (tracked deletions left out); None when the package
    has no main document."""
    document = docx.deel("word/document.xml")
    if document is None:
        return None
    return ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in document.getroot().iter(f"{W}p")]
