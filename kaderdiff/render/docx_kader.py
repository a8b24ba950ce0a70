"""A kader as a Word document: clean, or as concept with every change as a real Word revision.

The body comes from `word.kaderdocument` (the same blocks for both, so accepting all revisions gives exactly
the clean new kader and rejecting all the old one); this module adds the document around it: styles, the
page header with Datum and Onze referentie, page numbers, and the comment text per change number.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from kaderdiff import __version__
from kaderdiff.model.kader import Kader
from kaderdiff.model.versie import Herkomst
from kaderdiff.model.wijziging import Staat, Wijziging
from kaderdiff.nederlands import aantal, nl_datum
from kaderdiff.render.teksten import bronversie_met_commit, referentie
from kaderdiff.word.blokken import Blok, blokken, gedeelde_runs
from kaderdiff.word.document import Worddocument, kopregel, opslaan, paginanummers, staand
from kaderdiff.word.documentopmaak import opgemaakt_document
from kaderdiff.word.inhoudsopgave import colofon, conceptmerk, inhoudsopgave
from kaderdiff.word.kaderdocument import grondslagstijl, schrijf_kader, titelblok
from kaderdiff.word.revisiereeks import BlokStatus, Regel, voeg_samen
from kaderdiff.word.revisies import Revisies, revisiedatum


def _basis(kader: Kader, moment: datetime, kenmerk: str, soort: str, concept: bool) -> Worddocument:
    return opgemaakt_document(kader.titel, moment, soort, _conceptopmaak if concept else _kaderopmaak,
                              {"kop": f"{soort} · Datum {nl_datum(moment.date())} · Onze referentie {kenmerk}",
                               "kenmerk": kenmerk})


def _kaderopmaak(doc: Worddocument, tekst: Callable[[str], str]) -> None:
    """A kader document: portrait, the grondslag style, the header line, the footer with its reference."""
    staand(doc)
    grondslagstijl(doc)
    kopregel(doc, tekst("kop"))
    paginanummers(doc, tekst("kenmerk"))


def _conceptopmaak(doc: Worddocument, tekst: Callable[[str], str]) -> None:
    """`_kaderopmaak` with the CONCEPT mark in the header."""
    _kaderopmaak(doc, tekst)
    conceptmerk(doc)


GEMAAKT_MET = ("Gemaakt met", f"kaderdiff {__version__}")


def _gemeen(kader: Kader, moment: datetime, kenmerk: str, herkomst: Sequence[Herkomst],
            commit: str) -> list[tuple[str, str]]:
    bronnen = [(f"Bron {h.versie}", bronversie_met_commit(h)) for h in herkomst] or (
        [("Bron", f"git-commit {commit}")] if commit else [])
    return [("Kader", kader.titel), ("Status", kader.status), ("Datum", nl_datum(moment.date())),
            ("Onze referentie", kenmerk), *bronnen]


def render_kader_docx(kader: Kader, moment: datetime, commit: str = "",
                      kaderblokken: list[Blok] | None = None, herkomst: Sequence[Herkomst] = ()) -> bytes:
    """The kader without marks (the clean version); pass `kaderblokken` when they are already made."""
    kenmerk = referentie(kader.afkorting, kader.jaar, commit)
    doc = _basis(kader, moment, kenmerk, f"{kader.titel} ({kader.status})", kader.status == "concept")
    alle = kaderblokken if kaderblokken is not None else blokken(kader)
    regels = [Regel(BlokStatus.GELIJK, b, b) for b in [titelblok(kader), *alle]]
    stukken = schrijf_kader(doc, regels, None, {}, moment, gedeelde_runs(alle))
    inhoudsopgave(doc)
    colofon(doc, [("Document", "Het kader zonder markeringen."),
                  *_gemeen(kader, moment, kenmerk, herkomst[-1:], commit), GEMAAKT_MET])
    return opslaan(doc, moment, stukken)


def uitleg_per_nummer(wijzigingen: tuple[Wijziging, ...]) -> dict[str, str]:
    """Comment text per change: number, kind and the first explanation."""
    uit = {}
    for w in wijzigingen:
        toelichting = w.verklaringen[0].tekst if w.verklaringen else "toelichting ontbreekt"
        uit[w.nummer] = f"{w.nummer} ({w.soort.label}): {toelichting}"
    return uit


def render_concept_docx(staat: Staat, moment: datetime, nieuwe_blokken: list[Blok] | None = None) -> bytes:
    """The new kader with every change since the old one as a tracked Word revision."""
    oud, nieuw = staat.oud, staat.nieuw
    commit = staat.herkomst[-1].commit if staat.herkomst else ""
    kenmerk = referentie(nieuw.afkorting, nieuw.jaar, commit)
    doc = _basis(nieuw, moment, kenmerk, f"Concept {nieuw.titel}, met wijzigingen ten opzichte van {staat.van}",
                 concept=True)
    if nieuwe_blokken is None:
        nieuwe_blokken = blokken(nieuw, staat.wetten)
    # the old text is shown only deleted or moved away, which links nowhere (it is gone once accepted)
    oude_blokken = blokken(oud, staat.wetten, met_links=False)
    regels = voeg_samen(oud, nieuw, [titelblok(oud), *oude_blokken], [titelblok(nieuw), *nieuwe_blokken],
                        staat.uitlijning, list(staat.wijzigingen))
    stukken = schrijf_kader(doc, regels, Revisies(revisiedatum(moment)), uitleg_per_nummer(staat.wijzigingen), moment,
                            gedeelde_runs(nieuwe_blokken))
    inhoudsopgave(doc)
    nummers = [w.nummer for w in staat.wijzigingen]
    colofon(doc, [
        ("Document", f"Het concept-kader met de wijzigingen ten opzichte van {staat.van} als bijgehouden "
                     "wijzigingen (revisies)."),
        *_gemeen(nieuw, moment, kenmerk, staat.herkomst, commit),
        ("Wijzigingen", (f"{aantal(len(nummers), 'wijziging', 'wijzigingen')}, genummerd als in de Staat van "
                         f"wijzigingen ({nummers[0]} tot en met {nummers[-1]}); bij elke wijziging staat een "
                         "opmerking met haar nummer, soort en toelichting.") if nummers else "Geen."),
        ("Lezen", "Ingevoegde tekst is onderstreept, geschrapte tekst doorgehaald; verplaatste tekst is op de oude "
                  f"en de nieuwe plek gemarkeerd. Alles accepteren geeft het kader {staat.naar}, alles verwerpen "
                  f"het kader {staat.van}."),
        GEMAAKT_MET,
    ])
    return opslaan(doc, moment, stukken)
