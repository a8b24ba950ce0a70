"""The reactieformulier: one row per change number, empty columns for the Ringen's reactions.

Readers cite "blz. 13 van de WAS/WORDT lijst": when the pack has a PDF Staat, each row says on which page of it
the change stands. A row for general remarks and one for unchanged text come last; after the table the Staat's
colofon line says which versions (commits) the numbers are from. What the form holds is small
(`Formulier`), so the pack can write it again once the PDF's pages are known, in its own process.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from kaderdiff.model.consultatie import Consultatie
from kaderdiff.model.wijziging import Staat
from kaderdiff.nederlands import nl_datum
from kaderdiff.render.teksten import colofon_tekst, referentie
from kaderdiff.word.document import (
    kopblok,
    opslaan,
    tabel,
)
from kaderdiff.word.documentopmaak import liggend_genummerd, opgemaakt_document
from kaderdiff.word.tabelxml import kolombreedtes, regels, rij, voeg_rijen_toe

KOLOMMEN = ["Nr", "Vindplaats", "Soort wijziging", "Organisatie", "Vraag of opmerking"]
BREEDTES_CM = [2.2, 6.0, 3.5, 4.0, 10.0]
#: With the pages of a PDF Staat: a column 'Blz.' after the number (the vindplaats and the reaction give it its
#: width). 2 cm holds 'blz. 999' on one line (Verdana 9.5 pt: 1.4 cm, and the cell's margins): at 1.4 cm
#: 'blz. 10' broke after 'blz.', and since issue 28 a Staat has ten pages and more.
KOLOMMEN_MET_BLZ = ["Nr", "Blz.", "Vindplaats", "Soort wijziging", "Organisatie", "Vraag of opmerking"]
BREEDTES_MET_BLZ_CM = [2.2, 2.0, 4.6, 3.5, 3.7, 9.7]
#: The Nr of the last two rows, as the reactions are read back (`reacties/`).
ALGEMEEN = "Algemeen"
ONGEWIJZIGD = "–"


@dataclass(frozen=True)
class Formulierregel:
    nummer: str
    vindplaats: str
    soort: str


@dataclass(frozen=True)
class Formulier:
    """What a reactieformulier shows of a Staat: small, so it travels back from a worker process."""

    sector: str
    jaar: int
    naar: str
    titel: str
    commit: str
    regels: tuple[Formulierregel, ...]
    colofon: str = ""  # the Staat's closing line: the versions (and commits) its numbers are from

    @classmethod
    def van(cls, staat: Staat) -> Formulier:
        commit = staat.herkomst[-1].commit if staat.herkomst else ""
        return cls(staat.sector, staat.nieuw.jaar, staat.naar, staat.nieuw.titel, commit,
                   tuple(Formulierregel(w.nummer, w.vindplaats, w.soort.label) for w in staat.wijzigingen),
                   colofon_tekst(staat) if staat.herkomst else "")


def _uitleg(formulier: Formulier, met_blz: bool) -> str:
    blz = ("De kolom Blz. geeft de bladzijde van de wijziging in de PDF van de Staat van wijzigingen. "
           if met_blz else "")
    return ("Gebruik per wijziging het nummer uit de Staat van wijzigingen (bijvoorbeeld "
            f"{formulier.sector}-1). Vul de naam van uw organisatie en uw vraag of opmerking in. {blz}Algemene "
            "opmerkingen kunt u kwijt in de rij Algemeen, opmerkingen over tekst die niet is gewijzigd in de laatste "
            "rij. Voeg gerust rijen toe, één per vraag of opmerking.")


def render_reactieformulier(formulier: Formulier, moment: datetime, consultatie: Consultatie | None = None,
                            paginas: dict[str, int] | None = None) -> bytes:
    """The form; with a `consultatie` also until when and where to send it, with `paginas` (change number ->
    page in the PDF Staat) a column with the page."""
    titel = f"Reactieformulier {formulier.titel}"
    kenmerk = referentie(formulier.sector, formulier.jaar, formulier.commit)
    doc = opgemaakt_document(titel, moment, f"Consultatie {formulier.sector} {formulier.naar}", liggend_genummerd,
                             {"kenmerk": kenmerk})
    kop = [("Datum", nl_datum(moment.date())), ("Onze referentie", kenmerk)]
    if consultatie is not None:
        kop += [("Reageren", f"zo snel mogelijk, uiterlijk {nl_datum(consultatie.uiterlijk)}"),
                ("Reacties naar", consultatie.adres)]
        if consultatie.contactpersoon:
            kop.append(("Contactpersoon", consultatie.contactpersoon))
    kopblok(doc, titel, kop)
    met_blz = paginas is not None
    doc.add_paragraph(_uitleg(formulier, met_blz))
    t = tabel(doc, KOLOMMEN_MET_BLZ if met_blz else KOLOMMEN, BREEDTES_MET_BLZ_CM if met_blz else BREEDTES_CM)
    breedtes = kolombreedtes(t)
    rijen = []
    for r in formulier.regels:
        waarden = [r.nummer, *([f"blz. {paginas[r.nummer]}"] if paginas is not None else []), r.vindplaats, r.soort]
        rijen.append(rij(breedtes, [regels(w) for w in waarden] + [[]] * (len(breedtes) - len(waarden)),
                         deelbaar=True))
    for nummer, omschrijving in ((ALGEMEEN, "Algemene opmerkingen over het concept of de Staat van wijzigingen"),
                                 (ONGEWIJZIGD, "Opmerkingen over ongewijzigde tekst (vermeld hoofdstuk, paragraaf "
                                               "of standaard)")):
        cellen: list[list[str]] = [[] for _ in breedtes]
        cellen[0], cellen[2 if met_blz else 1] = regels(nummer), regels(omschrijving)
        rijen.append(rij(breedtes, cellen, deelbaar=True))
    voeg_rijen_toe(t, rijen)  # one parse for the whole table: a row at a time went through python-docx's layers
    if formulier.colofon:  # which version the numbers are from: `kaderdiff reacties` checks it against its concept
        doc.add_paragraph(formulier.colofon)
    return opslaan(doc, moment)
