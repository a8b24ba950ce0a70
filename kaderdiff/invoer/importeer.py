"""`kaderdiff importeer`: a Word kader (.docx) becomes kader XML.

The document is opened with every safety check of `bron.docxveilig` (no macros, zip bombs, entities),
read in order by `word.inhoud`, built into a kader by `invoer.opbouw`, given ids by `invoer.ids` and
written by `bron.schrijven` — which checks it against the schema, so nothing invalid is ever written.
What the importer could not place as what it seems to be is in the report, with its place in the docx.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kaderdiff.bron.docxveilig import lees_docx
from kaderdiff.bron.regels import inhoudelijke_fouten
from kaderdiff.bron.schrijven import kader_xml
from kaderdiff.fouten import KaderdiffFout
from kaderdiff.invoer.ids import Kop, maak_kader
from kaderdiff.invoer.knopen import Opmerking, S
from kaderdiff.invoer.opbouw import Bouwer
from kaderdiff.model.kader import Correctie, Kader
from kaderdiff.model.wet import Wetregister
from kaderdiff.word.documenttekst import kop_en_voettekst
from kaderdiff.word.inhoud import Lezer, Tabel

SECTOREN = ("PO", "VO", "VSO", "MBO", "HO")
_SLEUTEL = re.compile(r"^([a-z]{2,3})(?:-([a-z][a-z0-9]{1,11}))?$")
_KOPREGEL = re.compile(r"\((concept|vastgesteld|correctie)\) · Datum")


@dataclass(frozen=True)
class Importresultaat:
    bestand: str
    kader: Kader
    xml: bytes
    rapport: tuple[Opmerking, ...]
    gekoppeld: int  # elements that got the id of the previous year's element
    elementen: int

    @property
    def naam(self) -> str:
        return self.kader.naam


def lees_sleutel(sleutel: str) -> tuple[str, str]:
    """'vo-pro' -> ('VO', 'pro'): the kader file name without '.xml' is sector and variant."""
    gevonden = _SLEUTEL.match(sleutel.strip().lower())
    if gevonden is None or gevonden.group(1).upper() not in SECTOREN:
        raise KaderdiffFout(f"Onbekende sector '{sleutel}': kies uit {', '.join(s.lower() for s in SECTOREN)}, "
                            "eventueel met een variant (bijv. vo-pro)")
    return gevonden.group(1).upper(), gevonden.group(2) or ""


def importeer_docx(pad: Path, sleutel: str, jaar: int, register: Wetregister, vorige: Kader | None = None,
                   status: str | None = None, peildatum: date | None = None) -> Importresultaat:
    """Read a Word kader; raises `KaderdiffFout` (Dutch, naming the file) when it is not a kader."""
    sector, variant = lees_sleutel(sleutel)
    try:
        docx = lees_docx(pad)
    except KaderdiffFout as fout:
        if "niets geschreven" in fout.tekst:
            raise
        raise KaderdiffFout(f"{fout.tekst}. Er is niets geschreven.", fout.meldingen) from None
    kopregels = kop_en_voettekst(docx)
    eigen = "Onze referentie KD-" in kopregels
    bronnen = frozenset(e.geen_grondslag.bron for e in vorige.eisen() if e.geen_grondslag) if vorige else frozenset()
    bouwer = Bouwer(sector, register, eigen, bronnen=bronnen)
    lezer = Lezer(docx)
    tekst_gezien = False
    for onderdeel in lezer.onderdelen():
        tekst_gezien = tekst_gezien or (bool(onderdeel.rijen) if isinstance(onderdeel, Tabel)
                                        else bool(onderdeel.tekst.strip() or onderdeel.voetnoten))
        bouwer.verwerk(onderdeel)
    if not tekst_gezien:
        raise KaderdiffFout(f"{pad.name} is leeg: het document bevat geen tekst. Er is niets geschreven.")
    wortel = bouwer.af()
    if not any(k.soort in (S.HOOFDSTUK, S.WAARDERINGSKADER) for k in wortel.kinderen):
        raise KaderdiffFout(
            f"{pad.name} is geen onderzoekskader: er staan geen hoofdstukken ('Hoofdstuk 1 …', '1 Inleiding') "
            "of waarderingskaders ('Waarderingskader …' met standaarden als 'OP1 Aanbod') in. Er is niets geschreven.")
    titel = bouwer.titel
    if not titel:
        titel = f"Onderzoekskader {jaar}"
        bouwer.meld("begin van het document", f"geen titel gevonden; '{titel}' genomen")
    gevonden = _KOPREGEL.search(kopregels)
    correctie = (Correctie(bouwer.correctie.vastgesteld, bouwer.correctie.publicatie, bouwer.correctie.omschrijving)
                 if bouwer.correctie is not None else None)
    kader_status = status or (gevonden.group(1) if gevonden else "correctie" if correctie else "vastgesteld")
    if kader_status == "correctie" and correctie is None:
        raise KaderdiffFout(f"{pad.name}: status correctie, maar het document zegt niet welk vastgesteld kader het "
                            "corrigeert (regel 'Correctie: dit kader corrigeert het op … vastgestelde kader'). "
                            "Er is niets geschreven.")
    if correctie is not None and kader_status != "correctie":
        raise KaderdiffFout(f"{pad.name} zegt dat het een correctie is (regel 'Correctie: …'), maar de status is "
                            f"{kader_status}; geef --status correctie. Er is niets geschreven.")
    kop = Kop(sector, variant, jaar, kader_status, peildatum or date(jaar, 8, 1), titel, correctie)
    kader, gekoppeld = maak_kader(kop, wortel, vorige)
    bron = f"{kader.afkorting.lower()}.xml (uit {pad.name})"
    data = kader_xml(kader, bron)
    # what `controleer` will refuse (an eis whose grondslag could not be read …) goes in the report, to be fixed
    nog_te_doen = [Opmerking(f"regel {m.regel} van het kader" if m.regel else "het kader",
                             f"nog te verbeteren: {m.tekst}") for m in inhoudelijke_fouten(kader, register)]
    return Importresultaat(pad.name, kader, data, (*bouwer.rapport, *nog_te_doen), gekoppeld, len(kader.index))
