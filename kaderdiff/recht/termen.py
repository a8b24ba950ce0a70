"""Term provenance: which content words of an eis occur in the law text it cites, and which do not.

"Is 'ambitieus' from the law?" is answered by comparing word stems, not spellings: the Dutch Snowball
stemmer (`snowballstemmer` 3.1.1, algorithm "dutch" = Kraaij-Pohlmann; older versions' "dutch" is the
Porter-style algorithm now called "dutch_porter", which stems differently, hence the pin) plus a small
normalisation the stemmer lacks for inflected adjectives and spelling alternations: ambitieuze/ambitieus
(z/s), actieve/actief (v/f), sociale/sociaal (double vowel), and the -t of a verb (zorgt/zorg). A term
also counts as found when a law word begins with it ('ontwikkeling' in 'ontwikkelingsproces').

Content words are the words of the eis minus Dutch function words and the kader's own names for the
actors ('bestuur', 'school', 'leerlingen' …): the law calls those 'bevoegd gezag', 'instelling',
'deelnemers', and flagging them on every eis would hide the terms that matter.
The text searched is that of the cited leden (the whole lid also when an onderdeel is cited: its aanhef
belongs to it), or of the article when no lid is cited.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kaderdiff.bron.bwb import versies, wetversie
from kaderdiff.bron.versies import KaderMap
from kaderdiff.bron.wetregister import register_voor
from kaderdiff.fouten import Melding
from kaderdiff.model.kader import Element, Grondslag, Kader, Soort
from kaderdiff.model.versie import Versie
from kaderdiff.model.wet import Wetregister
from kaderdiff.model.wettekst import tekst_van
from kaderdiff.recht.wetcontrole import kadersdir_van
from kaderdiff.verwijzing.citeren import citeer

STAMMER = "dutch"
#: The stemmer version the normalisation was written and tested for (pinned in pyproject.toml).
STAMMER_VERSIE = "3.1.1"

_WOORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)
_MIN_LENGTE = 3
_MIN_PREFIX = 5


def _woorden(*regels: str) -> frozenset[str]:
    return frozenset(woord for regel in regels for woord in regel.split())


FUNCTIEWOORDEN = _woorden(
    "aan aangezien al alle alleen als alsmede alsook ander andere anders bij bijvoorbeeld binnen daar daarbij",
    "daarmee daarin daarnaast daarom dan dat de deze die dit door doet doen dus een eens eerst elk elke en enig",
    "enige er erbij erin ervoor even gaat geen geeft gehele gewoon haar hebben heeft hen het hier hierbij hij hoe",
    "hun iedere iets in is je kan kunnen laat maar maakt maken meer mede met mits moet moeten na naar naast niet",
    "nog nu of om onder ons ook op over per rond sommige te ten ter tot tussen u uit van vanuit veel via voor",
    "voordat vooral waar waarbij waarin waarmee waarop wanneer want was wat we wel welke werd wie wij wil wordt",
    "worden zal zich zij zijn zo zoals zodat zonder zowel zullen",
)

#: The kader's own names for actors and settings; the law has its own words for them.
KADERWOORDEN = _woorden(
    "bestuur besturen school scholen opleiding opleidingen instelling instellingen afdeling leerling leerlingen",
    "student studenten deelnemer deelnemers ouders inspectie",
)


@cache
def _stammer() -> object:
    import snowballstemmer  # type: ignore[import-untyped]

    return snowballstemmer.stemmer(STAMMER)


@cache
def sleutel(woord: str) -> str:
    """The comparison key of a word: Snowball stem, then z/s, v/f and double-vowel normalisation."""
    stam: str = _stammer().stemWord(woord.lower())  # type: ignore[attr-defined]
    stam = re.sub(r"z(?:e|er|ere|en)?$", "s", stam)
    stam = re.sub(r"v(?:e|er|en)?$", "f", stam)
    if len(stam) > 4:
        stam = re.sub(r"(?<=[^aeiout])t$", "", stam)  # 'zorgt', 'volgt': the verb's -t the stemmer keeps
    return re.sub(r"([aeiou])\1([^aeiou]+)$", r"\1\2", stam)


def inhoudswoorden(tekst: str) -> list[str]:
    """The distinct content words of a text, in order of first appearance, lower case."""
    uit: dict[str, None] = {}
    for woord in _WOORD.findall(tekst.lower()):
        if len(woord) >= _MIN_LENGTE and woord not in FUNCTIEWOORDEN and woord not in KADERWOORDEN:
            uit.setdefault(woord)
    return list(uit)


@cache
def _sleutels(wettekst: str) -> frozenset[str]:
    """The keys of every word of a law text (cached: many eisen cite the same lid)."""
    return frozenset(sleutel(w) for w in _WOORD.findall(wettekst.lower()))


def _komt_voor(term: str, wetsleutels: frozenset[str]) -> bool:
    if term in wetsleutels:
        return True
    return len(term) >= _MIN_PREFIX and any(w.startswith(term) for w in wetsleutels)


@dataclass(frozen=True)
class Term:
    woord: str
    sleutel: str
    gevonden_in: tuple[str, ...]


@dataclass(frozen=True)
class TermenEis:
    """The terms of one eis against the texts of its grondslagen (citaat -> law text)."""

    eis_id: str
    tekst: str
    termen: tuple[Term, ...]
    zonder_wettekst: tuple[str, ...]

    @property
    def uit_de_wet(self) -> list[str]:
        return [t.woord for t in self.termen if t.gevonden_in]

    @property
    def niet_in_de_wet(self) -> list[str]:
        return [t.woord for t in self.termen if not t.gevonden_in]


def vergelijk_termen(eis_id: str, tekst: str, wetteksten: list[tuple[str, str]],
                     zonder_wettekst: tuple[str, ...] = ()) -> TermenEis:
    """Each content word of `tekst` with the citations (of `wetteksten`: citaat, law text) whose text has it."""
    sleutels = [(citaat, _sleutels(wet)) for citaat, wet in wetteksten]
    termen = []
    for woord in inhoudswoorden(tekst):
        s = sleutel(woord)
        termen.append(Term(woord, s, tuple(c for c, wet in sleutels if _komt_voor(s, wet))))
    return TermenEis(eis_id, tekst, tuple(termen), zonder_wettekst)


def wettekst_van(g: Grondslag, kader: Kader, kadersdir: Path | None, register: Wetregister | None = None) -> str | None:
    """The stored text of the cited lid (or article) valid on the kader's peildatum; None when not stored.
    `register`: the kadermap's law registry (its own laws too), default read from `kadersdir`."""
    if kadersdir is None:
        return None
    wet = (register if register is not None else register_voor(kadersdir)).get(g.wet)
    if wet is None or not wet.bwb or not g.artikel:
        return None
    versie = wetversie(kadersdir, wet.bwb, kader.peildatum)
    artikel = versie.artikelen.get(g.artikel.lower()) if versie is not None else None
    if artikel is None:
        return None
    return tekst_van(artikel, g.lid.lower()) or None


def termen_van_eis(eis: Element, kader: Kader, kadersdir: Path | None,
                   register: Wetregister | None = None) -> TermenEis:
    teksten: list[tuple[str, str]] = []
    ontbreekt: list[str] = []
    if kadersdir is not None and register is None:
        register = register_voor(kadersdir)
    for g in eis.grondslagen:
        wettekst = wettekst_van(g, kader, kadersdir, register)
        if wettekst is None:
            ontbreekt.append(citeer(g))
        else:
            teksten.append((citeer(g), wettekst))
    return vergelijk_termen(eis.id, eis.tekst, teksten, tuple(ontbreekt))


def controleer_termen(kader: Kader, pad: Path | None) -> list[Melding]:
    """`controleer --termen`: every eis with content words that occur in none of its (stored) grondslagen."""
    kadersdir = kadersdir_van(kader, pad)
    if kadersdir is None:
        return []
    meldingen = []
    register = register_voor(kadersdir)
    for eis, _ in kader.doorloop():
        if eis.soort is not Soort.EIS or not eis.grondslagen:
            continue
        if not any(versies(kadersdir, w.bwb) for g in eis.grondslagen if (w := register.get(g.wet)) and w.bwb):
            continue
        resultaat = termen_van_eis(eis, kader, kadersdir, register)
        if resultaat.niet_in_de_wet and len(resultaat.zonder_wettekst) < len(eis.grondslagen):
            meldingen.append(Melding(
                kader.bron, eis.regel, 0,
                f"eis '{eis.id}': niet in de wettekst van de grondslag(en): {', '.join(resultaat.niet_in_de_wet)}",
                "opmerking"))
    return meldingen


def termen_van_standaard(kadermap: KaderMap, sector: str, jaar: int, eis_ids: list[str]) -> list[TermenEis]:
    """The term provenance of the given eisen of one kader (as `herleid SECTOR:CODE --termen` shows it)."""
    kader = kadermap.laad(Versie(jaar), sector)
    register = register_voor(kadermap.pad)  # read once, not per eis
    return [termen_van_eis(kader.element(eis_id), kader, kadermap.pad, register) for eis_id in eis_ids]
