"""Elements followed through the years of one sector, through the alignment of each year's Staat.

The Staat of two consecutive years already knows which old element is which new one (also when an id
changed and the element was matched on its content); chaining those alignments gives each standaard's
history, and each element's text per year for the compare page.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from html import escape

from kaderdiff.diff.tekstdiff import woorddiff
from kaderdiff.model.kader import AFGELEIDE_CONTAINERS, BLAD_SOORTEN, Element, Kader, Soort
from kaderdiff.model.plaats import eigen_tekst, label, lijstteken
from kaderdiff.model.wijziging import ERBIJ, GELIJK, WEG, DiffDeel, Staat
from kaderdiff.site.kaderhtml import citaat

#: Kinds that appear in a vindplaats path (as in model.plaats).
_PLAATSEN = frozenset(Soort) - BLAD_SOORTEN - {Soort.LIJST}


@dataclass(frozen=True)
class Schakel:
    """One element in one year of a chain."""

    jaar: int
    id: str


def ketens(kaders: dict[int, Kader], staten: dict[tuple[int, int], Staat],
           soort: Soort | None = None) -> list[list[Schakel]]:
    """Chains of elements (of one kind, or all) over the years, oldest first, in order of first appearance."""
    jaren = sorted(kaders)
    uit: list[list[Schakel]] = []
    vorige: dict[str, int] = {}
    for i, jaar in enumerate(jaren):
        staat = staten.get((jaren[i - 1], jaar)) if i else None
        huidige: dict[str, int] = {}
        for el, _ in kaders[jaar].index.values():  # document order, walked once per kader (cached)
            if soort is not None and el.soort is not soort:
                continue
            oud_id = staat.uitlijning.nieuw_naar_oud.get(el.id) if staat is not None else None
            plek = vorige.get(oud_id) if oud_id is not None else None
            if plek is None:
                plek = len(uit)
                uit.append([])
            uit[plek].append(Schakel(jaar, el.id))
            huidige[el.id] = plek
        vorige = huidige
    return uit


def regels_met_soort(st: Element) -> list[tuple[str, str]]:
    """A standaard as lines of text with what each line is ('deel': Basiskwaliteit and the like, 'eis',
    'grondslag', 'tekst'): its history page diffs the lines and shows each as a block of its kind."""
    regels: list[tuple[str, str]] = []
    for sub, voorouders in st.doorloop():
        if sub.soort in AFGELEIDE_CONTAINERS:
            if sub.soort is not Soort.OMSCHRIJVING:
                regels.append(("deel", label(sub)))
            continue
        tekst = eigen_tekst(sub)
        if sub.soort is Soort.ITEM:
            tekst = lijstteken(sub, voorouders[-1] if voorouders else None) + tekst
        if tekst:
            regels.append(("kop" if sub is st else "eis" if sub.soort is Soort.EIS else "tekst", tekst))
        if sub.soort is Soort.EIS:
            if sub.grondslagen:
                regels.append(("grondslag", "Wettelijke grondslag: " + "; ".join(citaat(g) for g in sub.grondslagen)))
            elif sub.geen_grondslag is not None:
                regels.append(("grondslag", f"Geen wettelijke grondslag; bron: {sub.geen_grondslag.bron}"))
    return regels


def regeldiff(oud: str, nieuw: str) -> tuple[DiffDeel, ...]:
    """Word diff of two multi-line texts, run only on the lines that differ.

    Lines are paired first (difflib on whole lines is cheap); kaderdiff's word diff then runs per changed
    stretch, so a standaard with one changed eis costs one small diff instead of a diff of all its text.
    """
    a, b = oud.split("\n"), nieuw.split("\n")
    delen: list[DiffDeel] = []
    oud_begonnen = nieuw_begonnen = False  # the newline before a stretch belongs to the side(s) it continues
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        links, rechts = i2 > i1, j2 > j1
        scheiding_oud, scheiding_nieuw = oud_begonnen and links, nieuw_begonnen and rechts
        if scheiding_oud and scheiding_nieuw:
            delen.append(DiffDeel(GELIJK, "\n"))
        elif scheiding_oud:
            delen.append(DiffDeel(WEG, "\n"))
        elif scheiding_nieuw:
            delen.append(DiffDeel(ERBIJ, "\n"))
        stuk_oud, stuk_nieuw = "\n".join(a[i1:i2]), "\n".join(b[j1:j2])
        if op == "equal":
            delen.append(DiffDeel(GELIJK, stuk_oud))
        elif op == "delete":
            delen.append(DiffDeel(WEG, stuk_oud))
        elif op == "insert":
            delen.append(DiffDeel(ERBIJ, stuk_nieuw))
        else:
            delen.extend(woorddiff(stuk_oud, stuk_nieuw))
        oud_begonnen, nieuw_begonnen = oud_begonnen or links, nieuw_begonnen or rechts
    return tuple(delen)


def regels_html(delen: tuple[DiffDeel, ...], soorten_oud: list[str], soorten_nieuw: list[str]) -> str:
    """A word diff of two multi-line texts (`regeldiff`) as one paragraph per line, each with the kind of its
    line (`regels_met_soort`): an eis, its grondslag and a heading are separate blocks, not one run of text.
    A deleted or inserted line break ends a line like any other; a line holds new text when it has any."""
    uit: list[str] = []
    stukken: list[str] = []
    oud = nieuw = begin_oud = begin_nieuw = 0
    heeft_nieuw = False

    def sluit() -> None:
        nonlocal stukken, begin_oud, begin_nieuw, heeft_nieuw
        if stukken:
            soorten, i = (soorten_nieuw, begin_nieuw) if heeft_nieuw else (soorten_oud, begin_oud)
            soort = soorten[i] if i < len(soorten) else "tekst"
            uit.append(f'<p class="regel-{soort}">{"".join(stukken)}</p>')
        stukken, begin_oud, begin_nieuw, heeft_nieuw = [], oud, nieuw, False

    for d in delen:
        for k, stuk in enumerate(d.tekst.split("\n")):
            if k:
                oud += d.op != ERBIJ
                nieuw += d.op != WEG
                sluit()
            if stuk:
                tekst = escape(stuk, quote=False)
                stukken.append(f"<del>{tekst}</del>" if d.op == WEG else f"<ins>{tekst}</ins>" if d.op == ERBIJ
                               else tekst)
                heeft_nieuw = heeft_nieuw or d.op != WEG
    sluit()
    return "\n".join(uit)


def vindplaatsen(kader: Kader) -> dict[str, str]:
    """Element id -> vindplaats, computed once per parent instead of walking every element's ancestors."""
    per_ouder: dict[str, str] = {}
    uit: dict[str, str] = {}
    for el, voorouders in kader.index.values():
        pad = per_ouder.get(voorouders[-1].id, "") if voorouders else ""
        eigen = label(el) if el.soort in _PLAATSEN else ""
        volledig = f"{pad} › {eigen}" if pad and eigen else pad or eigen
        uit[el.id] = volledig
        if el.kinderen:
            per_ouder[el.id] = volledig
    return uit


def nummers_per_element(staat: Staat) -> dict[str, str]:
    """New element id -> its change number in this Staat (the row of the element itself)."""
    uit: dict[str, str] = {}
    for w in staat.wijzigingen:
        if w.nieuw is not None:
            uit.setdefault(w.nieuw.id, w.nummer)
    return uit


def nummers_per_standaard(staat: Staat) -> dict[str, list[str]]:
    """Standaard id (new, or old for a vanished one, prefixed 'oud:') -> change numbers inside it."""
    uit: dict[str, list[str]] = {}
    for w in staat.wijzigingen:
        sleutels = []
        if w.nieuw is not None and (st := staat.nieuw.standaard_van(w.nieuw.id)) is not None:
            sleutels.append(st.id)
        if w.oud is not None and (st := staat.oud.standaard_van(w.oud.id)) is not None:
            sleutels.append(f"oud:{st.id}")
        for sleutel in dict.fromkeys(sleutels):
            uit.setdefault(sleutel, []).append(w.nummer)
    return uit
