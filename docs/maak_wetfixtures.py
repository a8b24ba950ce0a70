"""One-off generator of the sample law texts in kaders/wetten/ (run: .venv/bin/python docs/maak_wetfixtures.py).

For every law in the registry with a BWB id that the sample kaders cite, it writes a small BWB
toestand XML with the real structure (hoofdstuk › artikel › lid › lijst › li) covering every
article, lid and onderdeel the samples cite, with placeholder Dutch text. The WEB gets two
versions (2025-08-01 and 2026-08-01) so that the Wet VABA change of artikel 7.2.4a, eerste lid,
is visible; the other laws one version. Re-run it after the samples change; commit the XML.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from xml.sax.saxutils import escape

from kaderdiff.bron.laden import laad_bestand
from kaderdiff.bron.wetregister import wetten

REPO = Path(__file__).resolve().parents[1]
KADERS = REPO / "kaders"

STANDAARDDATUM = "2024-08-01"
WEB_VERSIES = {
    "2025-08-01": "Voor een beroepsopleiding kan per leerweg een afzonderlijke studieduur worden vastgesteld "
                  "(voorbeeldtekst, versie vóór de Wet VABA).",
    "2026-08-01": "Voor elke leerweg van een beroepsopleiding geldt één studieduur (voorbeeldtekst, versie na de "
                  "Wet VABA).",
}


def _sleutel(nummer: str) -> list[tuple[int, str]]:
    return [(int(m.group(1)), m.group(2)) for m in re.finditer(r"(\d+)([a-z]*)", nummer)]


def geciteerd() -> dict[str, dict[str, dict[str, set[str]]]]:
    """law code -> artikel -> lid ('' for the article itself) -> onderdelen."""
    uit: dict[str, dict[str, dict[str, set[str]]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(set)))
    for pad in sorted(KADERS.glob("[0-9][0-9][0-9][0-9]/*.xml")):
        for eis in laad_bestand(pad).eisen():
            for g in eis.grondslagen:
                if g.artikel:
                    onderdelen = uit[g.wet][g.artikel][g.lid]
                    if g.onderdeel:
                        onderdelen.add(g.onderdeel)
    return uit


def _leden(artikel: str, leden: dict[str, set[str]]) -> list[tuple[str, set[str]]]:
    """All leden up to the highest cited number (a real article has no gaps), plus lettered ones."""
    genoemd = [lid for lid in leden if lid]
    if not genoemd:
        return []
    hoogste = max(int(re.match(r"\d+", lid).group(0)) for lid in genoemd)  # type: ignore[union-attr]
    alle = {str(i) for i in range(1, hoogste + 1)} | set(genoemd)
    return [(lid, leden.get(lid, set())) for lid in sorted(alle, key=_sleutel)]


def _lijst(onderdelen: set[str], wie: str) -> str:
    """A list a. … up to the highest cited letter; a nested onderdeel ('c, 1°') gives c a list 1°. … of its own."""
    if not onderdelen:
        return ""
    paden = [tuple(d.strip() for d in o.split(",")) for o in onderdelen]
    hoogste = max(p[0] for p in paden)
    letters = [chr(c) for c in range(ord("a"), ord(hoogste) + 1)]
    subs: dict[str, set[int]] = defaultdict(set)
    for pad in paden:
        if len(pad) > 1:
            subs[pad[0]].add(int(pad[1].rstrip("°")))
    items = []
    for c in letters:
        sub = "".join(f"<li><li.nr>{i}°.</li.nr><al>onderdeel {c}, {i}°, van {escape(wie)} (voorbeeldtekst);</al></li>"
                      for i in range(1, max(subs[c]) + 1)) if subs[c] else ""
        items.append(f"<li><li.nr>{c}.</li.nr><al>onderdeel {c} van {escape(wie)} (voorbeeldtekst)"
                     f"{':' if sub else ';'}</al>{f'<lijst>{sub}</lijst>' if sub else ''}</li>")
    return f"<lijst>{''.join(items)}</lijst>"


def artikel_xml(code: str, artikel: str, leden: dict[str, set[str]], lid1_tekst: str = "") -> str:
    delen = [f'<artikel label="Artikel {artikel}"><kop><label>Artikel</label><nr>{artikel}</nr>'
             f"<titel>Voorbeeldartikel {artikel}</titel></kop>"]
    alle_leden = _leden(artikel, leden)
    if not alle_leden:
        delen.append(f"<al>Tekst van artikel {artikel} van de {code} (voorbeeldtekst).</al>")
        delen.append(_lijst(leden.get("", set()), f"artikel {artikel}"))
    for lid, onderdelen in alle_leden:
        tekst = lid1_tekst if (lid == "1" and lid1_tekst) else (
            f"Tekst van artikel {artikel}, lid {lid}, van de {code} (voorbeeldtekst)"
            + (":" if onderdelen else "."))
        delen.append(f"<lid><lidnr>{lid}.</lidnr><al>{escape(tekst)}</al>"
                     f"{_lijst(onderdelen, f'artikel {artikel}, lid {lid}')}</lid>")
    delen.append("</artikel>")
    return "".join(delen)


def toestand_xml(code: str, bwb: str, naam: str, datum: str, artikelen: dict[str, dict[str, set[str]]],
                 bijzonder: dict[str, str]) -> str:
    per_hoofdstuk: dict[str, list[str]] = defaultdict(list)
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
        f'<!-- Voorbeeldwettekst voor de sample kaders: de structuur van de geciteerde artikelen van de {code}, '
        "met plaatsvervangende tekst. Geen officiële wettekst. -->\n"
        f'<toestand bwb-id="{bwb}" inwerkingtreding="{datum}">\n'
        f'  <wetgeving soort="wet">\n    <citeertitel status="officieel">{escape(naam)}</citeertitel>\n'
        f"    <wet-besluit>\n     <wettekst>\n{hoofdstukken}\n     </wettekst>\n    </wet-besluit>\n"
        "  </wetgeving>\n</toestand>\n"
    )


def main() -> None:
    register = wetten()
    for code, artikelen in sorted(geciteerd().items()):
        wet = register[code]
        if not wet.bwb:
            continue
        map_ = KADERS / "wetten" / wet.bwb
        map_.mkdir(parents=True, exist_ok=True)
        for oud in map_.glob("*.xml"):
            oud.unlink()
        versies = WEB_VERSIES if code == "WEB" else {STANDAARDDATUM: ""}
        for datum, lid1 in versies.items():
            bijzonder = {"7.2.4a": lid1} if lid1 else {}
            (map_ / f"{datum}.xml").write_text(
                toestand_xml(code, wet.bwb, wet.naam, datum, artikelen, bijzonder), encoding="utf-8")
            print(f"{code}: {map_ / (datum + '.xml')} ({len(artikelen)} artikelen)")


if __name__ == "__main__":
    main()
