"""Build the Staat van wijzigingen for one sector: load -> align -> diff -> explain -> cite."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from kaderdiff.bron.versies import KaderMap
from kaderdiff.bron.wetregister import register_voor
from kaderdiff.diff.uitlijning import lijn_uit
from kaderdiff.diff.vergelijk import vergelijk
from kaderdiff.diff.verklaring import commits_per_element, genoemd_als, verklaar
from kaderdiff.fouten import KaderdiffFout
from kaderdiff.model.kader import SOORT_NAAM, Grondslag, Soort
from kaderdiff.model.versie import Herkomst, Versie
from kaderdiff.model.wijziging import Staat, WijzigingSoort
from kaderdiff.verwijzing.citeren import citeer
from kaderdiff.verwijzing.juriconnect import link
from kaderdiff.verwijzing.wetwoorden import Wetwoorden


def maak_staat(kadermap: KaderMap, van: Versie, naar: Versie, sector: str, streng: bool = False,
               herkomst: tuple[Herkomst, Herkomst] | None = None, op_inhoud: bool = False) -> Staat:
    """Compare one sector between two versions; `streng` makes a missing toelichting or a pair in doubt an error.

    Pass `herkomst` when the caller already looked up the commits (the pack does, once for all sectors); by
    default it is that of the sector's own kader files (`KaderMap.herkomst` with a sector).
    `op_inhoud` pairs elements by content and place only, ignoring their ids.
    """
    oud = kadermap.laad(van, sector)
    nieuw = kadermap.laad(naar, sector)
    uitlijning = lijn_uit(oud, nieuw, op_inhoud=op_inhoud)
    wijzigingen = vergelijk(oud, nieuw, uitlijning)
    toegelicht = {ref for t in nieuw.toelichtingen for ref in t.betreft}
    # git history is only read when some change has no toelichting in the kader, and only for its elements
    uit_git = {i for w in wijzigingen if not genoemd_als(w, nieuw) & toegelicht for i in w.ids}
    commits = commits_per_element(kadermap.historie(van, naar, sector), oud, uit_git) if uit_git else {}
    # a move among siblings changes no element's own content: for such rows git is asked who changed the order
    volgorde = {i for w in wijzigingen if w.soort is WijzigingSoort.VERPLAATST and set(w.ids) & uit_git
                and not any(j in commits for j in w.ids) for i in w.ids}
    if volgorde:
        commits.update(commits_per_element(kadermap.historie(van, naar, sector), oud, volgorde, volgorde=True))
    staat = Staat(
        sector=nieuw.afkorting,  # 'VO-PRO' for a variant: its numbers are 'VO-PRO-3'
        van=str(van),
        naar=str(naar),
        oud=oud,
        nieuw=nieuw,
        wijzigingen=tuple(verklaar(wijzigingen, nieuw, commits)),
        uitlijning=uitlijning,
        herkomst=herkomst if herkomst is not None else (kadermap.herkomst(van, sector),
                                                        kadermap.herkomst(naar, sector)),
        wetten=register_voor(kadermap.pad),
    )
    staat = met_verwijzingen(staat, kadermap.pad)
    if streng and (staat.zonder_toelichting() or staat.onzeker()):
        bezwaren = []
        if staat.zonder_toelichting():
            bezwaren.append(f"toelichting ontbreekt bij {', '.join(w.nummer for w in staat.zonder_toelichting())}")
        if staat.onzeker():
            paren = ", ".join(f"{w.nummer} ({SOORT_NAAM[Soort(w.element_soort)]} '{w.element_id}')"
                              for w in staat.onzeker())
            bezwaren.append(f"koppeling onzeker bij {paren}: controleer of WAS en WORDT hetzelfde element zijn")
        raise KaderdiffFout(f"{nieuw.naam}: {'; '.join(bezwaren)} (--streng)")
    return staat


def met_verwijzingen(staat: Staat, kadersdir: Path | None = None) -> Staat:
    """The Staat with the citation of every grondslag of its rows, its link and the law's words there (from the
    law texts stored under `kadersdir`) on the peildatum of its kader (WAS: the old kader, WORDT: the new one):
    computed once here, read by every renderer."""
    citaten: dict[Grondslag, str] = {}
    links: dict[tuple[Grondslag, date], str] = {}
    wetteksten: dict[tuple[Grondslag, date], str] = {}
    woorden = Wetwoorden(kadersdir, staat.wetten)
    for w in staat.wijzigingen:
        for grondslagen, kader in ((w.grondslagen_was, staat.oud), (w.grondslagen_wordt, staat.nieuw)):
            for g in grondslagen:
                if g not in citaten:
                    citaten[g] = citeer(g, staat.wetten)
                if (g, kader.peildatum) not in links:
                    links[(g, kader.peildatum)] = link(g, kader.peildatum, staat.wetten)
                    tekst = woorden.van(g, kader.peildatum)
                    if tekst:
                        wetteksten[(g, kader.peildatum)] = tekst
    return replace(staat, citaten=citaten, links=links, wetteksten=wetteksten)


def sectoren_voor(kadermap: KaderMap, van: Versie, naar: Versie, sector: str | None) -> list[str]:
    """The sectors to compare: the one asked for, or every sector of the newer version."""
    beschikbaar = kadermap.sectoren(naar)
    if sector is None:
        kadermap.sectoren(van)  # fails clearly when the older year does not exist
        return beschikbaar
    if sector.upper() not in beschikbaar:
        raise KaderdiffFout(
            f"De sector '{sector}' bestaat niet in versie {naar} (beschikbaar: {', '.join(beschikbaar)})")
    return [sector.upper()]
