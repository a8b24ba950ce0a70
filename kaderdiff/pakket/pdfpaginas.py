"""Which page of the PDF Staat each change number stands on, read back from the PDF itself.

Ringen members cite "blz. 13 van de WAS/WORDT lijst"; only the laid-out PDF knows its pages. `pdftotext -layout`
(Poppler) keeps the columns of a page where they are, so the Nr column of the WAS/WORDT table is the start of a
line, and a number in the summary tables or in running text is not; pages are separated by form feeds. Numbers
are looked up in document order, each on or after the page of the one before, and the page of a number is the
page where its row begins.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from kaderdiff.fouten import KaderdiffFout

TIJDSLIMIET = 120


def pdftotext() -> str:
    pad = shutil.which("pdftotext")
    if pad is None:
        raise KaderdiffFout("pdftotext (poppler-utils) is niet gevonden: nodig om de bladzijde van elke wijziging "
                            "uit de PDF te lezen; installeer poppler-utils, of vraag geen pdf aan met --formaten")
    return pad


#: The PDF/A output intent in the document catalog (LibreOffice writes it as `/OutputIntents[N 0 R]`).
_UITVOERBEDOELING = re.compile(rb"/OutputIntents\s*\[[^\]]*\]")


def zonder_kleurprofiel(data: bytes) -> bytes:
    """The PDF without its output intent, blanked with spaces so every offset in the xref table stays valid.

    Poppler builds an lcms2 colour transform from the PDF/A output intent (the sRGB profile) for every page:
    95 % of `pdftotext`'s time, 0.1 s a page. Text extraction needs no colour; the text is the same.
    """
    return _UITVOERBEDOELING.sub(lambda m: b" " * len(m.group(0)), data)


def paginateksten(pdf: Path) -> list[str]:
    """The text of every page, columns kept in place."""
    try:
        uit = subprocess.run([pdftotext(), "-layout", "-enc", "UTF-8", "-", "-"],
                             input=zonder_kleurprofiel(pdf.read_bytes()), capture_output=True, check=False,
                             timeout=TIJDSLIMIET)
    except subprocess.TimeoutExpired:
        raise KaderdiffFout(f"pdftotext deed er langer dan {TIJDSLIMIET} s over op {pdf.name}") from None
    if uit.returncode != 0:
        raise KaderdiffFout(f"pdftotext kon {pdf.name} niet lezen: {uit.stderr.decode(errors='replace').strip()[:300]}")
    paginas = uit.stdout.decode("utf-8").split("\f")
    return paginas[:-1] if paginas and not paginas[-1].strip() else paginas


def paginaregister(paginas: list[str], nummers: list[str]) -> dict[str, int]:
    """Change number -> page (1-based) where its row begins; every number must be found, in order."""
    register: dict[str, int] = {}
    pagina = 0
    for nummer in nummers:
        rijbegin = re.compile(rf"^[ \t]*{re.escape(nummer)}(?![\w-])", re.MULTILINE)
        gevonden = next((i for i in range(pagina, len(paginas)) if rijbegin.search(paginas[i])), None)
        if gevonden is None:
            raise KaderdiffFout(f"Wijziging {nummer} is niet teruggevonden in de PDF van de Staat (na blz. "
                                f"{pagina + 1}); de bladzijdenverwijzingen zouden niet kloppen")
        register[nummer] = gevonden + 1
        pagina = gevonden
    return register


def pdfpaginas(pdf: Path, nummers: list[str]) -> tuple[dict[str, int], int]:
    """The page register of a PDF Staat and its number of pages."""
    paginas = paginateksten(pdf)
    return paginaregister(paginas, nummers), len(paginas)
