"""The Staat van wijzigingen as a Word document: landscape WAS/WORDT table, as the inspectie sends it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from kaderdiff.model.consultatie import Consultatie
from kaderdiff.model.kader import Fragment, Grondslag
from kaderdiff.model.wijziging import Staat, Wijziging
from kaderdiff.nederlands import nl_datum
from kaderdiff.render.teksten import (
    aanleiding,
    bronversie,
    colofon_tekst,
    correctie_tekst,
    kenmerk_zin,
    koppeling_regels,
    referentie,
    twijfel_regel,
)
from kaderdiff.render.wastabel import was_wordt_rij, was_wordt_tabel
from kaderdiff.word import tabelxml
from kaderdiff.word.document import (
    Koppelingen,
    Worddocument,
    kopblok,
    nieuwe_rij,
    opslaan,
    ruimte_na_alineas,
    schrijf_regels,
    tabel,
)
from kaderdiff.word.documentopmaak import liggend_genummerd, opgemaakt_document

SAMENVATTING_CM = [12.0, 13.7]
#: The paragraphs of the WAS/WORDT table: 2 pt after each, so a row of many lines stays compact.
RIJRUIMTE = tabelxml.ruimte_na(2)
#: The note of a pair in doubt: bold and red, so that nobody reads past it.
TWIJFELOPMAAK = tabelxml.VET_ROOD


def titel_van(staat: Staat) -> str:
    return f"Staat van wijzigingen {staat.nieuw.titel}"


def toelichting_regels(w: Wijziging, staat: Staat, met_grondslag: bool = True) -> list[str]:
    """The 'Toelichting en grondslag' column: explanations, remarks, then the legal basis."""
    regels: list[str] = []
    for v in w.verklaringen:
        regels.append(v.tekst + (f" (toelichting uit de git-geschiedenis, commit {v.commit[:7]})"
                                 if v.bron == "git" else ""))
        if aanleiding(v):
            regels.append(aanleiding(v))
    if not w.verklaringen:
        regels.append("Toelichting ontbreekt.")
    regels.extend(kenmerk_zin(k) for k in w.kenmerken)
    regels.extend(koppeling_regels(w))
    if met_grondslag:
        regels.extend(grondslag_regels(w, staat.citaat))
    return regels


def grondslag_regels(w: Wijziging, citaat: Callable[[Grondslag], str]) -> list[str]:
    """'Grondslag WAS: …' / 'Grondslag WORDT: …', or one line when unchanged; `citaat` cites a grondslag (the
    Staat's own citations, `Staat.citaat`)."""
    was = "; ".join(citaat(g) for g in w.grondslagen_was)
    wordt = "; ".join(citaat(g) for g in w.grondslagen_wordt)
    regels = []
    if was and was != wordt:
        regels.append(f"Grondslag WAS: {was}")
        if wordt:
            regels.append(f"Grondslag WORDT: {wordt}")
    elif wordt:
        regels.append(f"Grondslag: {wordt}")
    element = w.nieuw or w.oud
    if not wordt and not was and element is not None and element.geen_grondslag is not None:
        regels.append(f"Geen wettelijke grondslag; bron: {element.geen_grondslag.bron}")
    return regels


def grondslag_stukken(w: Wijziging, staat: Staat) -> list[list[tuple[str, str]]]:
    """The lines of `grondslag_regels` as (text, address) pieces: each citation links to the law as it reads on
    the peildatum of its kader (WAS: the old kader, WORDT: the new one)."""
    def lijst(grondslagen: tuple[Grondslag, ...], peildatum: date) -> list[tuple[str, str]]:
        stukken: list[tuple[str, str]] = []
        for i, g in enumerate(grondslagen):
            if i:
                stukken.append(("; ", ""))
            stukken.append((staat.citaat(g), staat.link(g, peildatum)))
        return stukken

    was = lijst(w.grondslagen_was, staat.oud.peildatum)
    wordt = lijst(w.grondslagen_wordt, staat.nieuw.peildatum)
    uit = [[(kop, ""), *stukken] for kop, stukken in zip(("Grondslag WAS: ", "Grondslag WORDT: "), (was, wordt),
                                                             strict=True)]
    tekst = ["".join(t for t, _ in stukken) for stukken in (was, wordt)]
    if tekst[0] and tekst[0] != tekst[1]:
        regels = uit if tekst[1] else uit[:1]
    elif tekst[1]:
        regels = [[("Grondslag: ", ""), *wordt]]
    else:
        regels = []
    rest = grondslag_regels(w, staat.citaat)[len(regels):]  # 'Geen wettelijke grondslag; bron: …'
    return regels + [[(r, "")] for r in rest]


def grondslag_alineas(regels: list[list[tuple[str, str]]], koppelingen: Koppelingen,
                      eigenschappen: str = "") -> list[str]:
    """The grondslag lines as paragraphs; each citation with an address is a link."""
    return [tabelxml.alinea("".join(tabelxml.link(tekst, koppelingen.id(adres)) if adres else tabelxml.run(tekst)
                                    for tekst, adres in stukken), eigenschappen) for stukken in regels]


def alinea_met_opmaak(doc: Worddocument, fragmenten: tuple[Fragment, ...]) -> None:
    """One paragraph of running text with its emphasis (the team's summary)."""
    p = doc.add_paragraph()
    for f in fragmenten:
        run = p.add_run(f.tekst)
        run.italic = f.stijl == "nadruk" or None
        run.bold = f.stijl == "sterk" or None


def consultatie_regels(consultatie: Consultatie) -> list[tuple[str, str]]:
    """The lines of a title block about the consultation: deadline, address, contact person."""
    regels = [("Reageren", f"zo snel mogelijk, uiterlijk {nl_datum(consultatie.uiterlijk)}"),
              ("Reacties naar", consultatie.adres)]
    if consultatie.contactpersoon:
        regels.append(("Contactpersoon", consultatie.contactpersoon))
    return regels


def _samenvatting(doc: Worddocument, staat: Staat) -> None:
    doc.add_heading("Samenvatting", level=2)
    for alinea in staat.nieuw.samenvatting:  # the team's own words first: they open the Staat
        alinea_met_opmaak(doc, alinea)
    doc.add_paragraph(
        f"Deze staat beschrijft {len(staat.wijzigingen)} wijzigingen van {staat.oud.titel} ({staat.van}) "
        f"naar {staat.nieuw.titel} ({staat.naar}). Elke wijziging heeft een vast nummer "
        f"({staat.sector}-1, {staat.sector}-2, …) dat in alle documenten van dit pakket gelijk is."
        + (f" {correctie_tekst(staat.nieuw)}" if staat.nieuw.correctie else ""))
    t = tabel(doc, ["Soort wijziging", "Aantal"], SAMENVATTING_CM)
    for soort, aantal in staat.telling().items():
        if aantal:
            cellen = nieuwe_rij(t)
            schrijf_regels(cellen[0], soort.label)
            schrijf_regels(cellen[1], str(aantal))
    doc.add_paragraph()
    t = tabel(doc, ["Veroorzakende wetswijziging", "Wijzigingen"], SAMENVATTING_CM)
    for code, nummers in staat.per_wetswijziging().items():
        cellen = nieuwe_rij(t)
        wet = staat.nieuw.wetswijziging(code) if code else None
        if wet is not None:
            naam = wet.naam_met_code
            if wet.inwerkingtreding:
                naam += f", inwerkingtreding {nl_datum(wet.inwerkingtreding)}"
            if wet.status != "in-werking":
                naam += f" ({wet.status})"
        else:
            naam = code or "Niet aan een wetswijziging gebonden"
        schrijf_regels(cellen[0], naam)
        schrijf_regels(cellen[1], ", ".join(nummers))


def render_docx(staat: Staat, moment: datetime, consultatie: Consultatie | None = None) -> bytes:
    """The whole document; `moment` fixes every date in it (Datum and zip/core timestamps); with a
    `consultatie` the title block says until when and where to react, and on what basis."""
    titel = titel_van(staat)
    nieuw_commit = staat.herkomst[-1].commit if staat.herkomst else ""
    kenmerk = referentie(staat.sector, staat.nieuw.jaar, nieuw_commit)
    doc = opgemaakt_document(titel, moment, f"{staat.sector} {staat.van} → {staat.naar}", liggend_genummerd,
                             {"kenmerk": kenmerk})
    regels = [("Datum", nl_datum(moment.date())), ("Onze referentie", kenmerk),
              ("Vergeleken", f"{staat.van} met {staat.naar}")]
    if consultatie is not None:
        regels += consultatie_regels(consultatie)
    if staat.nieuw.correctie is not None:
        regels.append(("Correctie", correctie_tekst(staat.nieuw)))
    regels += [(f"Bron {h.versie}", bronversie(h)) for h in staat.herkomst]
    kopblok(doc, titel, regels)
    for alinea in consultatie.grondslag_alineas if consultatie is not None else ():
        doc.add_paragraph(alinea)
    _samenvatting(doc, staat)

    # the table starts on a page of its own (as the site's Staat on paper): its heading never stands alone
    doc.add_heading("Wijzigingen", level=2).paragraph_format.page_break_before = True
    t = was_wordt_tabel(doc, "Vindplaats", "Toelichting en grondslag")
    ruimte_na_alineas(t, 2)
    koppelingen = Koppelingen(doc.part)
    breedtes = tabelxml.kolombreedtes(t)
    rijen = []
    for w in staat.wijzigingen:
        vindplaats = tabelxml.regels(w.vindplaats, RIJRUIMTE)
        if w.vindplaats_oud and w.vindplaats_nieuw and w.vindplaats_oud != w.vindplaats_nieuw:
            vindplaats.append(tabelxml.alinea(tabelxml.run(f"was: {w.vindplaats_oud}", tabelxml.CURSIEF), RIJRUIMTE))
        toelichting = tabelxml.regels("\n".join(toelichting_regels(w, staat, met_grondslag=False)), RIJRUIMTE)
        if twijfel := twijfel_regel(w):  # first and in bold red: the reader must check this pair
            toelichting.insert(0, tabelxml.alinea(tabelxml.run(twijfel, TWIJFELOPMAAK), RIJRUIMTE))
        toelichting += grondslag_alineas(grondslag_stukken(w, staat), koppelingen, RIJRUIMTE)
        rijen.append(was_wordt_rij(breedtes, w.nummer, w.soort.label, vindplaats, w.tekstdiff, toelichting,
                                   RIJRUIMTE))
    tabelxml.voeg_rijen_toe(t, rijen)
    if staat.herkomst:  # the commits stand here, not in the header block: a reader knows a version by its date
        doc.add_paragraph()
        doc.add_paragraph(colofon_tekst(staat))
    return opslaan(doc, moment)
