"""What a line of a Word kader is, judged by its words: headings of each kind, grondslag lines, beslisregels,
eis numbers, a correction notice. Pure functions on text; the builder decides what to do with the answer."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from kaderdiff.model.kader import Soort
from kaderdiff.nederlands import MAANDEN

S = Soort
OORDELEN = ("Zeer zwak", "Onvoldoende", "Voldoende", "Goed")
NIVEAUS = ("bestuur", "school", "opleiding", "afdeling", "instelling")
STANDAARDNIVEAU = {"PO": "school", "VO": "school", "VSO": "school", "MBO": "opleiding", "HO": "opleiding"}

_HOOFDSTUK = re.compile(r"^(?:hoofdstuk\s+)?(\d{1,2})\.?\s+(\S.*)$", re.IGNORECASE)
_HOOFDSTUK_WOORD = re.compile(r"^hoofdstuk\s+(\d{1,2})[.:]?\s*(.*)$", re.IGNORECASE)
_PARAGRAAF = re.compile(r"^(?:§\s*)?(\d{1,2}(?:\.\d{1,2}){1,4})\.?\s+(\S.*)$")
_BIJLAGE = re.compile(r"^bijlage\s*([0-9IVXLC]{1,5}|[A-Z])?\s*[.:–-]?\s*(.*)$", re.IGNORECASE)
#: Between a code or number and its title: a space, a colon or dash, or a full stop ('OP1 Aanbod', 'OP1: Aanbod').
_NA_CODE = r"(?:\.?\s*[:–—-]\s*|\.?\s+)"
#: 'OP Onderwijsproces', 'OP – Onderwijsproces' (only inside a waarderingskader: elsewhere too many false hits).
_KWALITEITSGEBIED = re.compile(rf"^([A-Z]{{1,4}}){_NA_CODE}([A-Z][^\s].*)$")
#: 'Kwaliteitsgebied OP Onderwijsproces', 'Kwaliteitsgebied OP: Onderwijsproces'.
_KWALITEITSGEBIED_WOORD = re.compile(rf"^(?i:kwaliteitsgebied)\s+([A-Z]{{1,4}}){_NA_CODE}(\S.*)$")
#: 'Onderwijsproces (OP)', 'Kwaliteitsgebied Onderwijsproces (OP)'.
_KWALITEITSGEBIED_ACHTER = re.compile(r"^((?i:kwaliteitsgebied)\s+)?(\S.*?)\s*\(([A-Z]{1,4})\)$")
#: 'Kwaliteitsgebied Onderwijsproces': the code of a name every sector uses.
_KWALITEITSGEBIED_NAAM = re.compile(r"^(?i:kwaliteitsgebied)\s*[:–—-]?\s*(\S.*)$")
#: 'Wet op het primair onderwijs (WPO)' is a law with its abbreviation, not a kwaliteitsgebied.
_WETSNAAM = re.compile(r"^(?:wet|besluit|regeling|beleidsregel|verdrag)\b", re.IGNORECASE)
BEKENDE_GEBIEDEN = {"onderwijsproces": "OP", "schoolklimaat": "SK", "veiligheid en schoolklimaat": "SK",
                    "onderwijsresultaten": "OR", "kwaliteitszorg en ambitie": "KA", "financieel beheer": "FB"}
#: 'OP1 Aanbod', 'OP 1 Aanbod', 'Standaard OP1: Aanbod', 'OP1a Aanbod'.
_STANDAARD = re.compile(rf"^(?:(?i:standaard)\s+)?([A-Z]{{1,4}})\s?(\d{{1,2}}[a-z]?){_NA_CODE}(\S.*)$")
#: 'Aanbod (OP1)', 'Standaard Aanbod (OP 1)'.
_STANDAARD_ACHTER = re.compile(r"^(?:(?i:standaard)\s+)?(\S.*?)\s*\(([A-Z]{1,4})\s?(\d{1,2}[a-z]?)\)$")
#: 'OP0.1 Leesonderwijs', 'OP 0.1: Leesonderwijs', 'Eis OP0.1 – Leesonderwijs', 'OP0.1' (no title).
_EISNUMMER = re.compile(r"^(?:(?i:eis)\s+)?([A-Z]{1,4})\s?(\d{1,2}\.\d{1,2}[a-z]?)(?:\.?\s*[:–—-]\s*|\.?\s+|\.?$)(.*)$")
#: What introduces a legal basis on a line of its own.
_GRONDSLAGWOORDEN = (r"wettelijke\s+grondslag(?:en)?|wettelijke\s+vereisten?|wettelijk\s+vereiste|wettelijk\s+kader|"
                     r"wettelijke\s+basis|wettelijke\s+bepalingen?|juridische\s+grondslag|wet-?\s+en\s+regelgeving|"
                     r"grondslag(?:en)?")
_GRONDSLAG = re.compile(rf"^(?:{_GRONDSLAGWOORDEN})\s*:\s*(.*)$", re.IGNORECASE)
#: 'Bron: handreiking …': where a text without legal basis comes from.
_BRON = re.compile(r"^(?:bron|ontleend\s+aan|herkomst)\s*:\s*(.*)$", re.IGNORECASE)
#: How kaders say that an eis has no legal basis, on a line of its own …
_GEEN_WOORDEN = (r"geen\s+wettelijke\s+(?:grondslag|basis|eis|verplichting|bepaling)|"
                 r"niet\s+wettelijk\s+(?:verankerd|vastgelegd|bepaald|voorgeschreven)|"
                 r"(?:deze\s+eis\s+)?(?:heeft|kent)\s+geen\s+wettelijke\s+grondslag")
_GEEN = re.compile(rf"^(?:{_GEEN_WOORDEN})(?=$|[\s.;:,()–—-])[\s.;:,–—-]*(.*)$", re.IGNORECASE)
#: … or after 'Wettelijke grondslag:'.
_GEEN_NA_WOORD = re.compile(rf"^(?:{_GEEN_WOORDEN}|geen|n\.?\s?v\.?\s?t\.?|niet\s+van\s+toepassing)"
                            r"(?=$|[\s.;:,()–—-])[\s.;:,–—-]*(.*)$", re.IGNORECASE)
#: A line that is nothing but a citation ('Artikel 8, eerste lid, WPO.', '(art. 8 lid 1 WPO)').
_KAAL = re.compile(r"^(?:artikelen|artikel|artt\.|art\.?)\s+\S", re.IGNORECASE)
#: 'zie', 'bron:' … before the name of a source.
_BRON_VOORAF = re.compile(r"^(?:zie(?:\s+ook)?|bron\s*:?|ontleend\s+aan|afkomstig\s+uit|volgt\s+uit)\s+", re.IGNORECASE)
#: Footnote marks typed as superscript digits, and a typed footnote line ('¹ Artikel 8, eerste lid, WPO.').
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_GEWOON = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
MERK = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_NOOTREGEL = re.compile(r"^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*(\S.*)$")
_NOOTREGEL_GETAL = re.compile(r"^(\d{1,3})[.)]?\s+(\S.*)$")
_BESLISREGEL = re.compile(r"^(" + "|".join(OORDELEN) + r")\s*:\s*(\S.*)$")
_CORRECTIE = re.compile(r"^correctie:\s*dit kader corrigeert het op (\d{1,2}) (\w+) (\d{4}) vastgestelde kader"
                        r"(?: \((.*?)\))?\.\s*(.*)$", re.IGNORECASE)
_NUMMER_VOORAF = re.compile(r"^(?:hoofdstuk\s+)?\d{1,2}\.?\s+(?=\D)", re.IGNORECASE)
#: A kwaliteitsgebied code is never one of these ordinary capitalised words in a heading.
_GEEN_CODE = frozenset({"DE", "HET", "EEN", "EN", "OF", "IN", "BIJ", "VAN"})


@dataclass(frozen=True)
class Kop:
    """A recognised heading: what it opens, its number or code and its title."""

    soort: Soort
    nummer: str = ""
    titel: str = ""


def _schoon(tekst: str) -> str:
    return " ".join(tekst.split())


def herken_kop(tekst: str, in_waarderingskader: bool) -> Kop | None:
    """The kind of part a heading opens, or None when its words do not say."""
    tekst = _schoon(tekst)
    # a part with a name of its own may stand in a numbered chapter ('8 Waarderingskader school'): its name counts
    laag = _NUMMER_VOORAF.sub("", tekst).casefold()
    if laag in ("woord vooraf", "voorwoord"):
        return Kop(S.WOORD_VOORAF, "", _NUMMER_VOORAF.sub("", tekst))
    if laag.startswith("addendum"):
        return Kop(S.ADDENDUM, "", _NUMMER_VOORAF.sub("", tekst))
    if laag in ("basiskwaliteit", "basiskwaliteit:"):
        return Kop(S.BASISKWALITEIT)
    if laag.rstrip(":") in ("eigen aspiraties", "eigen aspiratie"):
        return Kop(S.EIGEN_ASPIRATIES)
    if laag.startswith("overige wettelijke vereisten") or laag.startswith("overige vereisten"):
        return Kop(S.OVERIGE_VEREISTEN, "", _NUMMER_VOORAF.sub("", tekst))
    if laag.startswith("beslisregel"):
        return Kop(S.BESLISREGELS, "", _NUMMER_VOORAF.sub("", tekst))
    if re.match(r"waarderingskader\b", laag):
        return Kop(S.WAARDERINGSKADER, "", _NUMMER_VOORAF.sub("", tekst))
    gevonden = _BIJLAGE.match(tekst)
    if gevonden and laag.startswith("bijlage"):
        return Kop(S.BIJLAGE, gevonden.group(1) or "", gevonden.group(2) or tekst)
    standaard = _standaard(tekst)
    if standaard is not None:
        return standaard
    gebied = _kwaliteitsgebied(tekst, in_waarderingskader)
    if gebied is not None:
        return gebied
    gevonden = _HOOFDSTUK_WOORD.match(tekst)
    if gevonden:
        return Kop(S.HOOFDSTUK, gevonden.group(1), gevonden.group(2) or tekst)
    gevonden = _PARAGRAAF.match(tekst)
    if gevonden:
        return Kop(S.PARAGRAAF, gevonden.group(1), gevonden.group(2))
    gevonden = _HOOFDSTUK.match(tekst)
    if gevonden:
        return Kop(S.HOOFDSTUK, gevonden.group(1), gevonden.group(2))
    return None


def _standaard(tekst: str) -> Kop | None:
    gevonden = _STANDAARD.match(tekst)
    if gevonden and gevonden.group(1) not in _GEEN_CODE:
        return Kop(S.STANDAARD, gevonden.group(1) + gevonden.group(2), gevonden.group(3))
    gevonden = _STANDAARD_ACHTER.match(tekst)
    if gevonden and len(tekst) < 120:
        return Kop(S.STANDAARD, gevonden.group(2) + gevonden.group(3), gevonden.group(1))
    return None


def _kwaliteitsgebied(tekst: str, in_waarderingskader: bool) -> Kop | None:
    """A heading with the word 'Kwaliteitsgebied' is one anywhere; a code and a name only in a waarderingskader."""
    if len(tekst) >= 80:
        return None
    gevonden = _KWALITEITSGEBIED_WOORD.match(tekst)
    if gevonden and gevonden.group(1) not in _GEEN_CODE:
        return Kop(S.KWALITEITSGEBIED, gevonden.group(1), gevonden.group(2))
    gevonden = _KWALITEITSGEBIED_ACHTER.match(tekst)
    if gevonden and (gevonden.group(1) or (in_waarderingskader and not _WETSNAAM.match(gevonden.group(2)))):
        return Kop(S.KWALITEITSGEBIED, gevonden.group(3), gevonden.group(2))
    gevonden = _KWALITEITSGEBIED_NAAM.match(tekst)
    if gevonden and gevonden.group(1).casefold() in BEKENDE_GEBIEDEN:
        return Kop(S.KWALITEITSGEBIED, BEKENDE_GEBIEDEN[gevonden.group(1).casefold()], gevonden.group(1))
    gevonden = _KWALITEITSGEBIED.match(tekst)
    if gevonden and in_waarderingskader and gevonden.group(1) not in _GEEN_CODE:
        return Kop(S.KWALITEITSGEBIED, gevonden.group(1), gevonden.group(2))
    return None


def lijkt_kop(tekst: str, in_waarderingskader: bool = False) -> bool:
    """Does a bold (or large) line without a heading style read like a heading: short, numbered or named as a part
    of a kader, no full stop?"""
    tekst = _schoon(tekst)
    if not tekst or len(tekst) > 120 or tekst.endswith((".", ":", ";", ",")):
        return False
    if _HOOFDSTUK_WOORD.match(tekst) or _PARAGRAAF.match(tekst) or _HOOFDSTUK.match(tekst):
        return True
    kop = herken_kop(tekst, in_waarderingskader)
    return kop is not None and kop.soort is not S.HOOFDSTUK


def eisnummer(tekst: str) -> tuple[str, str] | None:
    """'OP0.1 Leesonderwijs' or 'OP 0.1 Leesonderwijs' -> ('OP0.1', 'Leesonderwijs')."""
    gevonden = _EISNUMMER.match(_schoon(tekst))
    if gevonden is None or len(tekst) > 120:
        return None
    return gevonden.group(1) + gevonden.group(2), gevonden.group(3).strip()


@dataclass(frozen=True)
class Grondslagregel:
    """A line that gives an eis its legal basis: `soort` 'grondslag' (citations in `tekst`), 'geen' (no legal basis;
    `tekst` names the source and explains) or 'kaal' (a line that is only a citation, to be read in context).
    `gelabeld`: it starts with 'Wettelijke grondslag:' or the like, so it is one wherever it stands; the others
    ('Bron: …', 'Geen wettelijke grondslag …') only count where eisen are."""

    soort: str
    tekst: str
    gelabeld: bool = False


def _zonder_haakjes(tekst: str) -> str:
    """'(Wettelijke grondslag: artikel 8 WPO)' -> 'Wettelijke grondslag: artikel 8 WPO'."""
    while len(tekst) > 2 and (tekst[0], tekst[-1]) in (("(", ")"), ("[", "]")) and _sluit(tekst, 0) == len(tekst) - 1:
        tekst = tekst[1:-1].strip()
    return tekst


def _sluit(tekst: str, begin: int) -> int:
    """Where the bracket opened at `begin` is closed (-1: never)."""
    diepte = 0
    for i in range(begin, len(tekst)):
        if tekst[i] in "([":
            diepte += 1
        elif tekst[i] in ")]":
            diepte -= 1
            if diepte == 0:
                return i
    return -1


def grondslagregel(tekst: str) -> Grondslagregel | None:
    """What a line says about the legal basis of the eis before it, or None when it says nothing about it."""
    tekst = _zonder_haakjes(_schoon(tekst))
    gevonden = _GEEN.match(tekst)
    if gevonden:
        return Grondslagregel("geen", gevonden.group(1))
    gevonden = _GRONDSLAG.match(tekst)
    if gevonden:
        rest = gevonden.group(1)
        geen = _GEEN_NA_WOORD.match(rest)
        return Grondslagregel("geen", geen.group(1), True) if geen else Grondslagregel("grondslag", rest, True)
    gevonden = _BRON.match(tekst)
    if gevonden:
        rest = gevonden.group(1)
        return Grondslagregel("grondslag" if _KAAL.match(rest) else "geen", rest)
    if _KAAL.match(tekst) and len(tekst) <= 400:
        return Grondslagregel("kaal", tekst)
    return None


def splits_bron(rest: str, bekend: tuple[str, ...] = ()) -> tuple[str, str]:
    """'zie Handreiking X. Uitleg' -> ('Handreiking X', 'Uitleg'): where a text without legal basis comes from, and
    why. A source in brackets ends there; else a source in `bekend` (it may hold a full stop); else the first full
    stop or semicolon ends it."""
    rest = _BRON_VOORAF.sub("", rest.strip(), count=1).strip()
    if rest.startswith(("(", "[")) and _sluit(rest, 0) > 0:
        einde = _sluit(rest, 0)
        bron = _BRON_VOORAF.sub("", rest[1:einde].strip(), count=1).strip()
        return bron, rest[einde + 1:].lstrip(".;:, ").strip()
    for b in sorted((b for b in bekend if b), key=len, reverse=True):
        if rest == b or rest.startswith((f"{b}.", f"{b} ", f"{b};")):
            return b, rest[len(b):].lstrip(".;").strip()
    gevonden = re.search(r"[.;]\s", rest)
    if gevonden is None:
        return rest.rstrip(".;").strip(), ""
    return rest[:gevonden.start()].strip(), rest[gevonden.end():].strip()


def voetnootregel(tekst: str, voetnootstijl: bool = False) -> tuple[str, str] | None:
    """A footnote typed as a line: ('1', 'Artikel 8, eerste lid, WPO.') for '¹ Artikel 8, eerste lid, WPO.' (or for
    '1 Artikel …' in a footnote text style)."""
    tekst = _schoon(tekst)
    gevonden = _NOOTREGEL.match(tekst) or (_NOOTREGEL_GETAL.match(tekst) if voetnootstijl else None)
    return (gevonden.group(1).translate(_GEWOON), gevonden.group(2)) if gevonden else None


def merken(tekst: str) -> list[str]:
    """The footnote marks typed in a text ('¹', '²³' -> ['1', '23'])."""
    return [m.translate(_GEWOON) for m in MERK.findall(tekst)]


def beslisregel(tekst: str) -> tuple[str, str] | None:
    """'Onvoldoende: de school …' -> ('Onvoldoende', 'de school …')."""
    gevonden = _BESLISREGEL.match(_schoon(tekst))
    return (gevonden.group(1), gevonden.group(2)) if gevonden else None


def oordeel(tekst: str) -> str:
    """A cell that is exactly an oordeel ('Zeer zwak'), else ''."""
    tekst = _schoon(tekst).rstrip(":")
    return next((o for o in OORDELEN if tekst.casefold() == o.casefold()), "")


def niveau_van(titel: str, sector: str) -> str:
    laag = titel.casefold()
    return next((n for n in NIVEAUS if n in laag), STANDAARDNIVEAU.get(sector, "school"))


@dataclass(frozen=True)
class Correctieregel:
    vastgesteld: date
    publicatie: str
    omschrijving: str


def correctieregel(tekst: str) -> Correctieregel | None:
    """The line kaderdiff writes under the title of a correction (see `word.blokken.correctie_regel`)."""
    gevonden = _CORRECTIE.match(_schoon(tekst))
    if gevonden is None:
        return None
    dag, maand, jaar, publicatie, omschrijving = gevonden.groups()
    if maand.casefold() not in MAANDEN:
        return None
    try:
        datum = date(int(jaar), MAANDEN.index(maand.casefold()) + 1, int(dag))
    except ValueError:
        return None
    return Correctieregel(datum, publicatie or "", omschrijving)
