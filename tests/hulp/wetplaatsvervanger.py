"""A stand-in for a law text the sample kaders cite but the repository does not ship (the WVO 2020).

A team that runs `controleer --streng` in CI has fetched every cited law (`kaderdiff wetten haal --alle`); here, with
no BWB repository to fetch from, a test of the CI machinery puts this stand-in where the fetched text would be. Its
structure is taken FROM the kaders (every article, lid and onderdeel they cite), so it checks nothing about the law
itself: use it only where the test is about the pipeline, never to test `controleer` against a law.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from xml.sax.saxutils import escape

from lxml import etree

from kaderdiff.bron.wetregister import wetten
from kaderdiff.model.kader import onderdeelpad

NS = "{https://kaderdiff.nl/schema/kader}"


def _geciteerd(kaders: Path, code: str) -> dict[str, dict[str, set[tuple[str, ...]]]]:
    """Article -> lid -> onderdeel paths, as cited by every kader under `kaders`."""
    uit: dict[str, dict[str, set[tuple[str, ...]]]] = defaultdict(lambda: defaultdict(set))
    for pad in sorted(kaders.glob("[0-9][0-9][0-9][0-9]/*.xml")):
        for g in etree.parse(str(pad)).iter():
            if not isinstance(g.tag, str) or not g.tag.endswith("grondslag") or g.get("wet") != code:
                continue
            uit[g.get("artikel", "")][g.get("lid", "")].add(onderdeelpad(g.get("onderdeel", "")))
    return uit


def _lijst(paden: set[tuple[str, ...]], diepte: int = 0) -> str:
    kinderen = sorted({p[diepte] for p in paden if len(p) > diepte})
    if not kinderen:
        return ""
    items = "".join(f"<li><li.nr>{escape(nr)}</li.nr><al>onderdeel {escape(nr)} (plaatsvervanger)</al>"
                    f"{_lijst({p for p in paden if len(p) > diepte and p[diepte] == nr}, diepte + 1)}</li>"
                    for nr in kinderen)
    return f"<lijst>{items}</lijst>"


def plaatsvervanger(kaders: Path, code: str, datum: str) -> bytes:
    """BWB toestand XML of law `code` holding exactly what the kaders cite of it, in force from `datum`."""
    wet = wetten()[code]
    artikelen = []
    for artikel, leden in sorted(_geciteerd(kaders, code).items()):
        delen = [f'<artikel label="Artikel {escape(artikel)}"><kop><label>Artikel</label><nr>{escape(artikel)}</nr>'
                 "</kop>"]
        zonder_lid = leden.get("", set())
        delen.append(f"<al>Artikel {escape(artikel)} (plaatsvervanger)</al>{_lijst(zonder_lid)}")
        for lid, onderdelen in sorted((lid, o) for lid, o in leden.items() if lid):
            delen.append(f"<lid><lidnr>{escape(lid)}.</lidnr><al>lid {escape(lid)} (plaatsvervanger)</al>"
                         f"{_lijst(onderdelen)}</lid>")
        artikelen.append("".join(delen) + "</artikel>")
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<toestand bwb-id="{wet.bwb}" inwerkingtreding="{datum}">'
            f'<wetgeving soort="wet"><citeertitel status="officieel">{escape(wet.naam)}</citeertitel><wet-besluit>'
            f"<wettekst>{''.join(artikelen)}</wettekst></wet-besluit></wetgeving></toestand>\n").encode()


def leg_plaatsvervanger_neer(kadermap: Path, code: str, datum: str = "2020-08-01") -> Path:
    """Put the stand-in where `wetten haal` would store the fetched text (kaders/wetten/BWB-ID/DATUM.xml)."""
    pad = kadermap / "wetten" / wetten()[code].bwb / f"{datum}.xml"
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_bytes(plaatsvervanger(kadermap, code, datum))
    return pad
