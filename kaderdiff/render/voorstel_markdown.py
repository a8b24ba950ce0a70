"""A proposal review as Markdown for a merge-request comment (GitLab, GitHub).

WAS/WORDT side by side with `~~weg~~` and `**erbij**`, the grondslag, the sectors whose identical wording the
proposal breaks, the other branches that change the same elements; cut to the size of a comment, with a line
that says where the whole review is.
"""

from __future__ import annotations

import re

from kaderdiff.model.kader import Grondslag
from kaderdiff.model.voorstelbeoordeling import Voorstel, VoorstelRij
from kaderdiff.model.wijziging import ERBIJ, GELIJK, WEG, DiffDeel
from kaderdiff.render.voorstel_uit import NUMMERUITLEG, indiening
from kaderdiff.verwijzing.citeren import citeer
from kaderdiff.verwijzing.juriconnect import link

#: GitHub's limit for one comment; GitLab allows a note of 1,000,000 characters.
LIMIET = 65_536

#: What could start markup inside a line of a comment: emphasis, strike, code, links, HTML, entities, table
#: cells, math. Escaped with a backslash (CommonMark allows that before any ASCII punctuation mark).
_SPECIAAL = re.compile(r"([\\`*_\[\]<>|~&$])")


def markdown_tekst(tekst: str) -> str:
    """Text as it must read, never as markup: white space collapses (a table cell is one line) and every
    character that could open markup is escaped."""
    return _SPECIAAL.sub(r"\\\1", " ".join(tekst.split()))


def _code(tekst: str) -> str:
    """An id or branch name as code; a backtick inside gets a longer fence."""
    hek = "``" if "`" in tekst else "`"
    ruimte = " " if "`" in tekst else ""
    return f"{hek}{ruimte}{tekst}{ruimte}{hek}"


def kant(delen: tuple[DiffDeel, ...], welke: int) -> str:
    """One side of a word diff (WEG: the text before, ERBIJ: the text after) with what changed marked.

    Whole words (runs without white space) are marked, and neighbouring marked words share one marker: a
    marker then always stands next to a space or the edge of the cell, where CommonMark opens and closes it
    even when the words start or end with a punctuation mark ('personeel.' becoming 'personeel;')."""
    markering = "~~" if welke == WEG else "**"
    woorden: list[tuple[str, bool]] = []
    huidig: list[str] = []
    gewijzigd = False
    for deel in delen:
        if deel.op not in (GELIJK, welke):
            continue
        for teken in deel.tekst:
            if teken.isspace():
                if huidig:
                    woorden.append(("".join(huidig), gewijzigd))
                huidig, gewijzigd = [], False
            else:
                huidig.append(teken)
                gewijzigd = gewijzigd or deel.op == welke
    if huidig:
        woorden.append(("".join(huidig), gewijzigd))
    uit: list[str] = []
    reeks: list[str] = []
    for woord, anders in woorden:
        if anders:
            reeks.append(markdown_tekst(woord))
            continue
        if reeks:
            uit.append(markering + " ".join(reeks) + markering)
            reeks = []
        uit.append(markdown_tekst(woord))
    if reeks:
        uit.append(markering + " ".join(reeks) + markering)
    return " ".join(uit)


def _citaten(grondslagen: tuple[Grondslag, ...]) -> str:
    """'[artikel 4.2.3 van de WEB](https://wetten.overheid.nl/jci…); …', plain text for a law without BWB id."""
    delen = []
    for g in grondslagen:
        adres = link(g)
        tekst = markdown_tekst(citeer(g))
        delen.append(f"[{tekst}](<{adres}>)" if adres else tekst)
    return "; ".join(delen)


def _grondslag(r: VoorstelRij) -> list[str]:
    w = r.wijziging
    was, wordt = _citaten(w.grondslagen_was), _citaten(w.grondslagen_wordt)
    if was and was != wordt:
        regels = [f"**Grondslag WAS:** {was}  ", f"**Grondslag WORDT:** {wordt or 'geen'}"]
    elif wordt:
        regels = [f"**Grondslag:** {wordt}"]
    else:
        element = w.nieuw or w.oud
        bron = element.geen_grondslag.bron if element is not None and element.geen_grondslag is not None else ""
        regels = [f"**Grondslag:** geen wettelijke grondslag; bron: {markdown_tekst(bron)}" if bron
                  else "**Grondslag:** geen"]
    if w.oud is not None and w.nieuw is not None:
        regels[-1] += (" (gewijzigd door het voorstel)" if r.grondslag_gewijzigd
                       else " (niet gewijzigd door het voorstel)")
    return regels


def _rij(r: VoorstelRij) -> str:
    w = r.wijziging
    plaats = [f"{markdown_tekst(w.element_soort)} {_code(w.element_id)}"]
    if r.standaard:
        plaats.append(f"standaard {markdown_tekst(r.standaard)}")
    plaats.append(markdown_tekst(w.vindplaats))
    was = kant(w.tekstdiff, WEG) if w.oud is not None else "*(nieuw)*"
    wordt = kant(w.tekstdiff, ERBIJ) if w.nieuw is not None else "*(vervalt)*"
    regels = [f"#### {markdown_tekst(r.nummer)} ({r.jaar}): {markdown_tekst(w.soort.label)}", "",
              " · ".join(plaats), "", "| WAS | WORDT |", "| --- | --- |", f"| {was} | {wordt} |", "",
              *_grondslag(r)]
    if w.kenmerken:
        regels += ["", f"*{markdown_tekst(', '.join(w.kenmerken))}*"]
    if r.overeenkomsten:
        regels += ["", "**Dezelfde tekst in andere sectoren:**", ""]
        for o in r.overeenkomsten:
            oordeel = markdown_tekst(o.beoordeling)
            if o.gelijk_voor and not o.gelijk_na:
                oordeel = f"**{oordeel}**"
            regels.append(f"- {markdown_tekst(o.sector)} ({_code(o.element_id)}, {markdown_tekst(o.vindplaats)}): "
                          f"{oordeel} (gelijkenis {o.score_was:.0f} → {o.score_wordt:.0f})")
    for c in r.conflicten:
        regels += ["", f"**Conflict:** het voorstel op tak {_code(c.tak)} wijzigt ook "
                       f"{', '.join(_code(i) for i in c.element_ids)}."]
    return "\n".join(regels) + "\n"


def _kop(v: Voorstel) -> str:
    regels = [f"### Voorstel: {markdown_tekst(v.titel)}", "",
              f"Tak {_code(v.ref)} ten opzichte van {_code(v.basis)}; commit {_code(v.commit[:7])}, gemeenschappelijke "
              f"voorouder {_code(v.merge_base[:7])}: {markdown_tekst(v.samenvatting)}."]
    for wat, tekst in indiening(v):
        regels += ["", f"**{markdown_tekst(wat)}:** {markdown_tekst(tekst).replace(chr(10), ' ')}"]
    if v.rijen:
        regels += ["", f"*{markdown_tekst(NUMMERUITLEG)}*"]
    for k in v.kaderbestanden:
        regels += ["", f"**Let op:** {markdown_tekst(k.omschrijving)}."]
    doorbroken = [f"{' en '.join(sectoren)} ({r.nummer}, {r.jaar})" for r in v.rijen
                  if (sectoren := [o.sector for o in r.overeenkomsten if o.gelijk_voor and not o.gelijk_na])]
    if doorbroken:
        regels += ["", f"**Doorbreekt de gelijkluidende tekst met:** {markdown_tekst('; '.join(doorbroken))}."]
    conflicten = sorted({c.tak for r in v.rijen for c in r.conflicten})
    if conflicten:
        regels += ["", f"**Conflicteert met de open takken:** {', '.join(_code(t) for t in conflicten)}."]
    if not v.rijen:
        regels += ["", "Het voorstel wijzigt " + ("verder " if v.kaderbestanden else "") + "geen kadertekst."]
    return "\n".join(regels) + "\n"


def _afkap(v: Voorstel, getoond: int, limiet: int, volledig: str) -> str:
    if re.match(r"[a-z][a-z0-9+.-]*://\S+$", volledig, re.IGNORECASE) and ">" not in volledig:
        waar = f"De volledige beoordeling: <{volledig}>"
    elif volledig:
        waar = f"De volledige beoordeling: {_code(volledig)}"
    else:
        waar = f"De volledige beoordeling geeft {_code(f'kaderdiff voorstel {v.ref}')}."
    return (f"\n---\n\n**Ingekort:** {getoond} van de {len(v.rijen)} wijzigingen staan hierboven; een reactie mag "
            f"niet langer zijn dan {limiet} tekens. {waar}\n")


def render_voorstel_markdown(v: Voorstel, limiet: int = LIMIET, volledig: str = "") -> str:
    """The review as Markdown, at most `limiet` characters (0: no limit); when cut, the last line points to
    `volledig` (the address of the whole review, such as the job's artifacts)."""
    kop = _kop(v)
    rijen = ["\n" + _rij(r) for r in v.rijen]
    geheel = kop + "".join(rijen)
    if not limiet or len(geheel) <= limiet:
        return geheel
    uit = kop
    getoond = 0
    for rij in rijen:
        if len(uit) + len(rij) + len(_afkap(v, getoond + 1, limiet, volledig)) > limiet:
            break
        uit += rij
        getoond += 1
    uit += _afkap(v, getoond, limiet, volledig)
    if len(uit) > limiet:  # even the heading is too long (thousands of whole kaders): the cut line alone
        uit = _afkap(v, 0, limiet, volledig).lstrip("\n-")[:limiet]
    return uit
