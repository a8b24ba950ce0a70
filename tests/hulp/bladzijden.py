"""Reading a PDF as a reader cites it, page by page (pdftotext from poppler), and pictures of its pages (pdftoppm).

`losse_nummers` is what a jurist who cites "blz. 13, MBO-9" needs: on every page the WAS/WORDT table starts with
a change number (a row begun there, or the number repeated over its continuation), and every number has its
kind under it on the same page.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from html import unescape
from pathlib import Path

from tests.hulp.echte_clients import vereist

#: A change number as the Nr column shows it: MBO-9, VO-PRO-2.
NUMMER = re.compile(r"^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-\d+$")
_KOP = re.compile(r"^\s*Nr\s+Vindplaats\b")
_VOET = re.compile(r"— pagina \d+ van \d+")


def paginas(pdf: Path, indeling: bool = True) -> list[str]:
    """The text of each page (`-layout`: columns side by side as on the page)."""
    opdracht = [vereist("pdftotext"), *(["-layout"] if indeling else []), str(pdf), "-"]
    tekst = subprocess.run(opdracht, capture_output=True, text=True, check=True, timeout=120).stdout
    return tekst.split("\f")[:-1] if tekst.endswith("\f") else tekst.split("\f")


def nr_kolom(pagina: str) -> list[str] | None:
    """The lines of the Nr column of the WAS/WORDT table on a page (None: the table is not on it)."""
    regels = pagina.split("\n")
    kop = next((i for i, r in enumerate(regels) if _KOP.match(r)), None)
    if kop is None:
        return None
    grens = regels[kop].index("Vindplaats")
    cellen = []
    for r in regels[kop + 1:]:
        if _VOET.search(r):
            break
        cellen.append(r[:grens].strip())
    while cellen and not cellen[-1]:
        cellen.pop()
    return cellen


def losse_nummers(pdf: Path) -> list[str]:
    """Every page where the table goes on without a number at its top, and every number whose kind is on
    another page (or nowhere): what a reader citing a page would get wrong. Empty: all is well."""
    fouten = []
    for blz, pagina in enumerate(paginas(pdf), start=1):
        cellen = nr_kolom(pagina)
        if cellen is None:
            continue
        if not cellen or not NUMMER.match(cellen[0]):
            fouten.append(f"{pdf.name} blz. {blz}: de tabel gaat verder zonder nummer ({cellen[:1]})")
        for i, cel in enumerate(cellen):
            if NUMMER.match(cel) and (i + 1 == len(cellen) or not cellen[i + 1]):
                fouten.append(f"{pdf.name} blz. {blz}: {cel} staat zonder zijn soort")
    return fouten


@dataclass(frozen=True)
class Woord:
    """A word on a page, in pt from the page's top left corner (as pdftotext -bbox gives it)."""

    tekst: str
    x0: float
    y0: float
    x1: float
    y1: float


_WOORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
_PAGINA = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)


def woorden(pdf: Path) -> list[tuple[float, float, list[Woord]]]:
    """Per page: its width, its height and its words with their boxes."""
    tekst = subprocess.run([vereist("pdftotext"), "-bbox", str(pdf), "-"], capture_output=True, text=True,
                           check=True, timeout=120).stdout
    return [(float(b), float(h), [Woord(unescape(m.group(5)), *(float(m.group(i)) for i in range(1, 5)))
                                  for m in _WOORD.finditer(inhoud)])
            for b, h, inhoud in _PAGINA.findall(tekst)]


def afbeelding(pdf: Path, blz: int, doel: Path, resolutie: int = 80) -> Path:
    """Page `blz` as a PNG at `doel` (for the test report and the handbook)."""
    stam = doel.with_suffix("")
    subprocess.run([vereist("pdftoppm"), "-png", "-r", str(resolutie), "-f", str(blz), "-l", str(blz),
                    "-singlefile", str(pdf), str(stam)], check=True, timeout=120)
    return stam.with_suffix(".png")
