"""A grondslag judged against one version of a law: does the article, lid and onderdeel exist and is it in force.

Kept apart from `recht.wetcontrole`, which decides which law version a kader's grondslag is checked against: the
article index (`recht.artikelindex`) remembers the verdicts given here per law file, so a kader checked again
needs neither this module nor the law model it reads (`model.wettekst`).
"""

from __future__ import annotations

from kaderdiff.model.grondslag import Grondslag, onderdeelpad
from kaderdiff.model.wettekst import GELDIG, VERVALLEN, Artikel, Wettekst, alle_paden, zoek_onderdelen
from kaderdiff.nederlands import nl_datum


def dichtstbij(gezocht: str, bestaand: list[str], aantal: int = 3) -> list[str]:
    """The existing numbers closest to the one asked for (best first)."""
    import difflib  # only for a grondslag that does not exist

    return difflib.get_close_matches(gezocht, bestaand, n=aantal, cutoff=0.4)


def _voorstel(gezocht: str, bestaand: list[str], soort: str) -> str:
    beste = dichtstbij(gezocht, bestaand)
    if len(beste) > 1:
        return f"; bedoelt u {soort} {', '.join(beste[:-1])} of {beste[-1]}?"
    if beste:
        return f"; bedoelt u {soort} {beste[0]}?"
    return ""


def _staat(status: str) -> str:
    return "vervallen" if status == VERVALLEN else "nog niet in werking getreden"


def _onderdeel(g: Grondslag, artikel: Artikel, waar: str) -> tuple[str, str]:
    """Check a (possibly nested: 'b, 1°') onderdeel against the lists of the cited lid or article."""
    pad = g.onderdelen
    plek = f"lid {g.lid} van artikel {g.artikel}" if g.lid else f"artikel {g.artikel}"
    lijsten = [lijst for lijst in artikel.lijsten(g.lid) if lijst]
    if not lijsten:
        if not g.lid and artikel.leden:
            met = [lid.nr for lid in artikel.leden if zoek_onderdelen(lid.onderdelen, pad)]
            hint = f"; bedoelt u lid {' of '.join(dict.fromkeys(met))}?" if met else ""
            return "fout", (f"artikel {g.artikel} heeft leden maar zelf geen onderdelen; noem het lid waarin "
                            f"onderdeel {g.onderdeel} staat {waar}{hint}")
        return "fout", f"{plek} heeft geen onderdelen {waar} (er is geen opsomming)"
    if any(zoek_onderdelen(lijst, pad) for lijst in lijsten):
        return "", ""
    bestaand = list(dict.fromkeys(p for lijst in lijsten for p in alle_paden(lijst)))
    genest = [p for p in bestaand if onderdeelpad(p)[-1:] == pad[-1:] and len(onderdeelpad(p)) > len(pad)]
    hint = f"; bedoelt u onderdeel {' of '.join(genest)}?" if genest else ""
    return "fout", f"{plek} heeft geen onderdeel {g.onderdeel} {waar} (onderdelen: {', '.join(bestaand)}){hint}"


def beoordeel_grondslag(g: Grondslag, tekst: Wettekst) -> tuple[str, str]:
    """('', '') when the grondslag exists and is in force in this law version, else (ernst, Dutch reason):
    'fout' for what does not exist or is not in force, 'waarschuwing' for a citation the law makes
    ambiguous (two leden with one number)."""
    if not g.artikel:
        return "", ""
    waar = f"in de wettekst {tekst.bwb} geldig vanaf {nl_datum(tekst.geldig_vanaf)}"
    artikel = tekst.artikelen.get(g.artikel.lower())
    if artikel is None:
        geldig = [nr for nr, a in tekst.artikelen.items() if a.status == GELDIG]
        return "fout", (f"artikel {g.artikel} bestaat niet {waar}" + _voorstel(g.artikel, geldig, "artikel"))
    if artikel.status != GELDIG:
        return "fout", f"artikel {g.artikel} is {_staat(artikel.status)} {waar}"
    if g.lid:
        leden = artikel.lid(g.lid)
        if not leden:
            bestaand = artikel.lidnummers
            wel = f" (leden: {', '.join(bestaand)})" if bestaand else " (het artikel heeft geen leden)"
            return "fout", f"artikel {g.artikel} heeft geen lid {g.lid} {waar}{wel}"
        if all(lid.status != GELDIG for lid in leden):
            return "fout", f"lid {g.lid} van artikel {g.artikel} is {_staat(leden[0].status)} {waar}"
    if g.onderdeel:
        ernst, reden = _onderdeel(g, artikel, waar)
        if ernst:
            return ernst, reden
    if g.lid and len(artikel.lid(g.lid)) > 1:
        return "waarschuwing", (f"artikel {g.artikel} heeft {len(artikel.lid(g.lid))} leden met nummer {g.lid} "
                                f"{waar}; de verwijzing is niet eenduidig")
    return "", ""


def controleer_grondslag(g: Grondslag, tekst: Wettekst) -> str:
    """'' when the grondslag exists in this law version, else the Dutch reason why not (errors only)."""
    ernst, reden = beoordeel_grondslag(g, tekst)
    return reden if ernst == "fout" else ""


