"""Generator of the sample law texts in kaders/wetten/ (run: .venv/bin/python docs/maak_wetfixtures.py).

The samples are voorbeeldtekst: law text is not ours to copy. Their *structure* is a fact, and it is
taken from the law, never from the sample kaders: which articles, leden and (nested) onderdelen exist
is declared below, per article the kaders cite, as the text of about 2017 numbers them (source: the
public repository statengeneraal/laws-markdown, files wet/…/BWBR…/README.md). So a sample kader that
cites a lid or onderdeel the law does not have fails `kaderdiff controleer`.

Notation per article: leden separated by spaces, a lid's list in brackets, nested lists in nested
brackets: "1 2(a b(1° 2°) c)" is lid 1, and lid 2 with onderdelen a, b (with 1° and 2°) and c. A list
without a lid number ("(a b c)") stands directly under the article; "" is an article of one alinea.

Not included: the Wet voortgezet onderwijs 2020 (BWBR0044212). No public source of its structure was
at hand, and a structure guessed from the kaders would be a check that cannot fail; its grondslagen
are therefore not checked against a law text until a real toestand is imported (`wetten haal WVO`).

The WEB gets two versions (2025-08-01 and 2026-08-01), differing only in artikel 7.2.4a, eerste lid
(the Wet VABA); the other laws one version dated 2024-08-01. Commit the XML after running this.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path
from xml.sax.saxutils import escape

from kaderdiff.bron.wetregister import wetten

REPO = Path(__file__).resolve().parents[1]
WETTEN = REPO / "kaders" / "wetten"

STANDAARDDATUM = "2024-08-01"
WEB_VERSIES = {
    "2025-08-01": "Voor een beroepsopleiding kan per leerweg een afzonderlijke studieduur worden vastgesteld "
                  "(voorbeeldtekst, versie vóór de Wet VABA).",
    "2026-08-01": "Voor elke leerweg van een beroepsopleiding geldt één studieduur (voorbeeldtekst, versie na de "
                  "Wet VABA).",
}

#: law code -> article -> structure (see the module docstring for the notation).
STRUCTUUR: dict[str, dict[str, str]] = {
    "WEB": {
        "1.2.1": "1 2",
        "1.3.6": "1 2(a b c)",
        "1.3.6a": "",
        "2.2.1": "1 2 3(a b c d e f g h i j k l) 4(a b c) 5 6",
        "2.5.4": "1 2",
        "4.2.1": "1 2(a b(1° 2° 3° 4° 5° 6°) c d) 3 4 5 6",
        "4.2.2": "1(a b c d e) 2 3 4",
        "4.2.3": "1 2 3(a b) 4 5",
        "4.2.4": "1(a b c) 2(a b c d e) 3",
        "6.1.3": "1 2 3 4",
        "7.2.4": "1 2(a b(1° 2° 3°) c(1° 2° 3° 4° 5°)) 3 4 5 6 7 8",
        "7.2.4a": "1 2 3(a b c d e) 4",
        "7.2.6": "1(a b c) 2",
        "7.2.7": "1 2 3(a b c d) 4 5 6 7 8",
        "7.2.8": "1 2(a b c d) 3",
        "7.2.10": "1 2 3 4 5 6 7",
        "7.4.5": "1 2",
        "7.4.6": "1 2",
        "7.4.8": "1 2 3 4 5 6",
        "7.4.11": "1 2 3 4 5 6",
        "7.5.1": "1 2 3 4",
        "8.1.3": "1 2 3(a b c d e f g h) 4 5 6",
        "8.1.7a": "1 2 3 4 5",
        "8a.1.1": "(a b c)",
        "9.1.4": "1 2 3(a b c d e f g) 4 5 6(a b) 7",
    },
    "WPO": {
        "3": "1(a b(1° 2° 3°) c) 2(a b) 3 4",
        "4c": "1(a b c(1° 2°)) 2",
        "8": "1 2 3(a b c) 4(a b c d e) 5 6 7 8 9(a b c) 10 11",
        "9": "1(a b c d e f g h) 2(a b c d e) 3 4 5 6 7(a b) 8(a b c d) 9 10 11 12 13 14 15",
        "9b": "1 2 3 4(a b c) 5 6 7 8 9 10",
        "10": "",
        "12": "1 2 3 4(a b c)",
        "13": "1(a(1° 2°) b c d e f g i j k l m n) 2 3",
        "14": "1 2(a b c d) 3 4(a b) 5(a b) 6 7 8 9",
        "17c": "1(a b c d e) 2 3 4",
        "18a": "1 2 3 3a 4 5 6(a b c d) 7 8(a b c d e f g h i j) 9 10 11 12 13(a b c) 14 15 16",
        "32": "1 2(a(1° 2°) b(1° 2° 3°) c) 3 4 5 6 7(a b) 8 9 10 11",
        "32b": "",
        "40": "1 2 3 4 5(a b) 6 7 8 9 10(a b c) 11 12",
        "40a": "1(a b) 2 3 4 5",
        "42": "1 2 3",
        "148": "1 2(a b) 3 4 5",
        "167": "1(a(1° 2° 3°) b) 2(a b) 3",
        "171": "1(a b c) 2 3(a b c d) 4 5(a b c) 6",
    },
    "WOT": {
        "11": "1 2(a b c) 3(a b c d e f g h(1° 2°)) 4 5 6 7",
        "15": "1 2",
    },
    "WMS": {
        "3": "1 2 3(a b(1° 2° 3°)) 4 5 6 7 8 9 10 11 12 13",
        "8": "1 2(a b c d e f g h i) 3 4 5 6",
        "10": "(a b c d e f g h i j)",
        "11": "(a b c d e f g h i j k l m n o p q r)",
    },
}

Boom = list[tuple[str, "Boom"]]
_TOKEN = re.compile(r"\(|\)|[^\s()]+")


def lees_notatie(tekst: str) -> Boom:
    """'1 2(a b(1°))' -> [('1', []), ('2', [('a', []), ('b', [('1°', [])])])]; '(a b)' -> [('', [...])]."""
    stapel: list[Boom] = [[]]
    for token in _TOKEN.findall(tekst):
        if token == "(":
            if not stapel[-1]:
                stapel[-1].append(("", []))  # a list directly under the article
            kinderen: Boom = []
            stapel[-1][-1] = (stapel[-1][-1][0], kinderen)
            stapel.append(kinderen)
        elif token == ")":
            stapel.pop()
        else:
            stapel[-1].append((token, []))
    if len(stapel) != 1:
        raise ValueError(f"haakjes kloppen niet in '{tekst}'")
    return stapel[0]


def _sleutel(nummer: str) -> list[tuple[int, str]]:
    return [(int(m.group(1)), m.group(2)) for m in re.finditer(r"(\d+)([a-z]*)", nummer)]


def _lijst(items: Boom, wie: str) -> str:
    if not items:
        return ""
    delen = []
    for nr, sub in items:
        punt = "" if nr.endswith("°") else "."
        delen.append(f"<li><li.nr>{nr}{punt}</li.nr><al>onderdeel {nr} van {escape(wie)} (voorbeeldtekst)"
                     f"{':' if sub else ';'}</al>{_lijst(sub, f'{wie}, onder {nr}')}</li>")
    return f"<lijst>{''.join(delen)}</lijst>"


def artikel_xml(code: str, artikel: str, structuur: str, lid1_tekst: str = "") -> str:
    delen = [f'<artikel label="Artikel {artikel}"><kop><label>Artikel</label><nr>{artikel}</nr>'
             f"<titel>Voorbeeldartikel {artikel}</titel></kop>"]
    boom = lees_notatie(structuur)
    if not boom or boom[0][0] == "":
        lijst = boom[0][1] if boom else []
        delen.append(f"<al>Tekst van artikel {artikel} van de {code} (voorbeeldtekst){':' if lijst else '.'}</al>")
        delen.append(_lijst(lijst, f"artikel {artikel}"))
    for lid, onderdelen in boom:
        if not lid:
            continue
        tekst = lid1_tekst if (lid == "1" and lid1_tekst) else (
            f"Tekst van artikel {artikel}, lid {lid}, van de {code} (voorbeeldtekst)" + (":" if onderdelen else "."))
        delen.append(f"<lid><lidnr>{lid}.</lidnr><al>{escape(tekst)}</al>"
                     f"{_lijst(onderdelen, f'artikel {artikel}, lid {lid}')}</lid>")
    delen.append("</artikel>")
    return "".join(delen)


def toestand_xml(code: str, bwb: str, naam: str, datum: str, bijzonder: dict[str, str]) -> str:
    per_hoofdstuk: dict[str, list[str]] = defaultdict(list)
    artikelen = STRUCTUUR[code]
    for artikel in sorted(artikelen, key=_sleutel):
        hoofdstuk = artikel.split(".")[0] if "." in artikel else "1"
        hoofdstuk = re.sub(r"[a-z]+$", "", hoofdstuk) or hoofdstuk
        per_hoofdstuk[hoofdstuk].append(artikel_xml(code, artikel, artikelen[artikel], bijzonder.get(artikel, "")))
    hoofdstukken = "\n".join(
        f'      <hoofdstuk label="Hoofdstuk {h}"><kop><label>Hoofdstuk</label><nr>{h}</nr>'
        f"<titel>Hoofdstuk {h} (voorbeeld)</titel></kop>\n        " + "\n        ".join(arts) + "\n      </hoofdstuk>"
        for h, arts in sorted(per_hoofdstuk.items(), key=lambda kv: _sleutel(kv[0]))
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"<!-- Voorbeeldwettekst voor de sample kaders: de {code} met plaatsvervangende tekst, geen officiële "
        "wettekst. De structuur (welke artikelen, leden en onderdelen er zijn) volgt de wet zelf (tekst van "
        "ca. 2017), niet de kaders; zie docs/maak_wetfixtures.py. -->\n"
        f'<toestand bwb-id="{bwb}" inwerkingtreding="{datum}">\n'
        f'  <wetgeving soort="wet">\n    <citeertitel status="officieel">{escape(naam)}</citeertitel>\n'
        f"    <wet-besluit>\n     <wettekst>\n{hoofdstukken}\n     </wettekst>\n    </wet-besluit>\n"
        "  </wetgeving>\n</toestand>\n"
    )


def bestanden() -> dict[str, str]:
    """Relative path under kaders/wetten -> XML text, for every sample law version."""
    register = wetten()
    uit: dict[str, str] = {}
    for code in sorted(STRUCTUUR):
        wet = register[code]
        versies = WEB_VERSIES if code == "WEB" else {STANDAARDDATUM: ""}
        for datum, lid1 in versies.items():
            bijzonder = {"7.2.4a": lid1} if lid1 else {}
            uit[f"{wet.bwb}/{datum}.xml"] = toestand_xml(code, wet.bwb, wet.naam, datum, bijzonder)
    return uit


MERKTEKEN = "<!-- Voorbeeldwettekst voor de sample kaders"


def main(doel: Path = WETTEN) -> None:
    nieuw = bestanden()
    for oud in doel.glob("BWB*/*.xml"):
        # Only ever remove what this generator wrote: a real imported law text stays.
        if oud.relative_to(doel).as_posix() not in nieuw and MERKTEKEN in oud.read_text(encoding="utf-8")[:300]:
            oud.unlink()
    for map_ in doel.glob("BWB*"):
        if map_.is_dir() and not any(map_.iterdir()):
            map_.rmdir()
    for relatief, tekst in nieuw.items():
        pad = doel / relatief
        pad.parent.mkdir(parents=True, exist_ok=True)
        pad.write_text(tekst, encoding="utf-8")
        print(f"{pad}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else WETTEN)
