"""`kaderdiff importeer`: a Word kader (.docx) becomes kader XML.

The document is opened with every safety check of `bron.docxveilig` (no macros, zip bombs, entities),
read in order by `word.inhoud`, built into a kader by `invoer.opbouw`, given ids by `invoer.ids` and
written by `bron.schrijven` — which checks it against the schema. Before anything is written the kader meets
every rule of `kaderdiff controleer` too (a grondslag, laws and articles that exist): an eis whose legal basis
fails them becomes text and a fout in the report, so the importer never writes what its own checker refuses.
What the importer could not place as what it seems to be is in the report, with its place in the docx.
"""

from __future__ import annotations

import gc
import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from kaderdiff.bron.docxveilig import Docx, lees_docx
from kaderdiff.bron.regels import inhoudelijke_fouten
from kaderdiff.bron.schrijven import kader_xml
from kaderdiff.fouten import KaderdiffFout, Melding
from kaderdiff.invoer.afronding import als_tekst
from kaderdiff.invoer.ids import Kop, maak_kader
from kaderdiff.invoer.knopen import FOUT, Kinderen, Knoop, Opmerking, S
from kaderdiff.invoer.opbouw import Bouwer
from kaderdiff.model.kader import Correctie, Element, Grondslag, Kader, Soort
from kaderdiff.model.wet import Wetregister
from kaderdiff.recht.wetcontrole import controleer_grondslagen
from kaderdiff.word.documenttekst import kop_en_voettekst
from kaderdiff.word.inhoud import Lezer, Tabel, lange_alinea, te_lang

SECTOREN = ("PO", "VO", "VSO", "MBO", "HO")
_SLEUTEL = re.compile(r"^([a-z]{2,3})(?:-([a-z][a-z0-9]{1,11}))?$")
_KOPREGEL = re.compile(r"\((concept|vastgesteld|correctie)\) · Datum")
#: Most text one paragraph may hold: libxml2's limit for one text node (XML_MAX_TEXT_LENGTH), so the limit of
#: every kader loader; a longer paragraph would be written as a kader no command can read.
MAX_ALINEA = 10_000_000


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

    @property
    def fouten(self) -> tuple[Opmerking, ...]:
        return tuple(o for o in self.rapport if o.ernst == FOUT)


def lees_sleutel(sleutel: str) -> tuple[str, str]:
    """'vo-pro' -> ('VO', 'pro'): the kader file name without '.xml' is sector and variant."""
    gevonden = _SLEUTEL.match(sleutel.strip().lower())
    if gevonden is None or gevonden.group(1).upper() not in SECTOREN:
        raise KaderdiffFout(f"Onbekende sector '{sleutel}': kies uit {', '.join(s.lower() for s in SECTOREN)}, "
                            "eventueel met een variant (bijv. vo-pro)")
    return gevonden.group(1).upper(), gevonden.group(2) or ""


@contextmanager
def _zonder_opruimen() -> Iterator[None]:
    """The cycle collector paused during an import: everything it makes lives until the kader is written, so each
    collection would walk all of it again (a fifth of the time of a 100,000-paragraph import); the few cycles it
    leaves are collected afterwards."""
    aan = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if aan:
            gc.enable()


def lees_jaar(jaar: int) -> int:
    """A kader year as kaderdiff versions name it: four digits."""
    if not 1000 <= jaar <= 9999:
        raise KaderdiffFout(f"Ongeldig jaar {jaar}: een kaderjaar heeft vier cijfers (bijv. 2026)")
    return jaar


def _lees(pad: Path) -> Docx:
    try:
        return lees_docx(pad)
    except KaderdiffFout as fout:
        if "niets geschreven" in fout.tekst:
            raise
        if fout.tekst.startswith(f"{pad.name}:word/document.xml ") \
                and any("te lang" in m.tekst for m in fout.meldingen):
            _weiger_lange_alinea(pad, _lange_alinea_in(pad))
        raise KaderdiffFout(f"{fout.tekst}. Er is niets geschreven.", fout.meldingen) from None


def _lange_alinea_in(pad: Path) -> tuple[str, str, int] | None:
    """Which paragraph made the document too long for the XML parser (its size limits were checked already)."""
    try:
        with zipfile.ZipFile(pad) as archief:
            return lange_alinea(archief.read("word/document.xml"), MAX_ALINEA)
    except (OSError, KeyError, zipfile.BadZipFile, ValueError):
        return None


def _weiger_lange_alinea(pad: Path, gevonden: tuple[str, str, int] | None) -> None:
    if gevonden is None:
        return
    plaats, begin, lengte = gevonden
    raise KaderdiffFout(
        f"{pad.name}: {plaats} is te lang ({lengte / 1_000_000:.1f} MB tekst, begint met «{begin}»); een alinea "
        f"van een kader kan ten hoogste {MAX_ALINEA // 1_000_000} MB tekst bevatten. Splits de tekst in "
        "alinea's. Er is niets geschreven.")


def importeer_docx(pad: Path, sleutel: str, jaar: int, register: Wetregister, vorige: Kader | None = None,
                   status: str | None = None, peildatum: date | None = None,
                   kadermap: Path | None = None) -> Importresultaat:
    """Read a Word kader; raises `KaderdiffFout` (Dutch, naming the file) when it is not a kader. `kadermap` holds
    the law texts the grondslagen are checked against (as `kaderdiff controleer` does)."""
    sector, variant = lees_sleutel(sleutel)
    lees_jaar(jaar)
    docx = _lees(pad)
    with _zonder_opruimen():
        return _importeer(pad, docx, sector, variant, jaar, register, vorige, status, peildatum, kadermap)


def _importeer(pad: Path, docx: Docx, sector: str, variant: str, jaar: int, register: Wetregister,
               vorige: Kader | None, status: str | None, peildatum: date | None,
               kadermap: Path | None) -> Importresultaat:
    kopregels = kop_en_voettekst(docx)
    eigen = "Onze referentie KD-" in kopregels
    bronnen = frozenset(e.geen_grondslag.bron for e in vorige.eisen() if e.geen_grondslag) if vorige else frozenset()
    bouwer = Bouwer(sector, register, eigen, bronnen=bronnen)
    tekst_gezien = False
    for onderdeel in Lezer(docx).onderdelen():
        _weiger_lange_alinea(pad, te_lang(onderdeel, MAX_ALINEA))
        tekst_gezien = tekst_gezien or (bool(onderdeel.rijen) if isinstance(onderdeel, Tabel)
                                        else bool(onderdeel.tekst.strip() or onderdeel.voetnoten))
        bouwer.verwerk(onderdeel)
    if not tekst_gezien:
        raise KaderdiffFout(f"{pad.name} is leeg: het document bevat geen tekst. Er is niets geschreven.")
    wortel = bouwer.af()
    if not any(k.soort is S.WAARDERINGSKADER and k.heeft(S.KWALITEITSGEBIED) for k in wortel.kinderen):
        raise KaderdiffFout(
            f"{pad.name} is geen onderzoekskader: er is geen kaderstructuur gevonden, geen waarderingskader met "
            "standaarden ('Waarderingskader school', 'Kwaliteitsgebied Onderwijsproces (OP)', 'Standaard OP1 "
            "Aanbod'; zie docs/word-invoer.md voor de koppen die herkend worden). Er is niets geschreven.")
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
    kader, gekoppeld, ids = maak_kader(kop, wortel, vorige)
    afgewezen = _afgewezen_eisen(kader, register, kadermap)
    if afgewezen:  # what `controleer` refuses becomes text, reported: then the kader is made again
        _als_tekst(wortel, {knoop: afgewezen[i] for knoop, i in ids.items() if i in afgewezen}, bouwer)
        kader, gekoppeld, ids = maak_kader(kop, wortel, vorige)
    bron = f"{kader.afkorting.lower()}.xml (uit {pad.name})"
    data = kader_xml(kader, bron)  # the schema, unique ids, no text after a list: as `controleer` checks them
    nog = [m for m in (inhoudelijke_fouten(kader, register) if afgewezen else []) if m.ernst == "fout"]
    if nog:  # pragma: no cover - every rule on eisen is repaired above; this guards the promise
        raise KaderdiffFout(f"{pad.name}: het kader dat hieruit volgt, zou 'kaderdiff controleer' niet doorstaan. "
                            "Er is niets geschreven.", tuple(nog))
    return Importresultaat(pad.name, kader, data, tuple(bouwer.rapport), gekoppeld, len(kader.index))


def _afgewezen_eisen(kader: Kader, register: Wetregister, kadermap: Path | None) -> dict[str, Melding]:
    """The eisen `controleer` would refuse (the rules of `bron.regels`, and a grondslag whose article, lid or
    onderdeel the stored law text does not have), by id."""
    eisen = {el.id: el for el in kader.eisen()}
    meldingen = [*inhoudelijke_fouten(kader, register), *_wetcontrole(kader, kadermap)]
    uit: dict[str, Melding] = {}
    for m in meldingen:
        gevonden = re.match(r"^eis '([^']+)'[: ]", m.tekst)
        if m.ernst == "fout" and gevonden and gevonden.group(1) in eisen:
            uit.setdefault(gevonden.group(1), m)
    return uit


def _wetcontrole(kader: Kader, kadermap: Path | None) -> list[Melding]:
    """`controleer`'s check against the law texts, asked once per distinct grondslag (a kader cites a few dozen
    articles many times over; each check reads the law text) and given back to every eis that cites it."""
    if kadermap is None:
        return []
    per_grondslag: dict[Grondslag, list[str]] = {}
    for eis in kader.eisen():
        for g in eis.grondslagen:
            per_grondslag.setdefault(g, []).append(eis.id)
    proef = [Element(Soort.EIS, f"g{i}", grondslagen=(g,)) for i, g in enumerate(per_grondslag)]
    uit = []
    for m in controleer_grondslagen(replace(kader, onderdelen=tuple(proef)), kadermap):
        gevonden = re.match(r"^eis 'g(\d+)'(.*)$", m.tekst, re.DOTALL)
        if gevonden is None:  # pragma: no cover - every message names the eis
            continue
        for eis_id in per_grondslag[proef[int(gevonden.group(1))].grondslagen[0]]:
            uit.append(m._replace(tekst=f"eis '{eis_id}'{gevonden.group(2)}"))
    return uit


def _als_tekst(wortel: Knoop, eisen: dict[Knoop, Melding], bouwer: Bouwer) -> None:
    """Each refused eis becomes the text it was (see `afronding.als_tekst`), with the checker's reason as a fout."""
    stapel = [wortel]
    while stapel:
        ouder = stapel.pop()
        if any(k in eisen for k in ouder.kinderen):
            nieuw: list[Knoop] = []
            for kind in ouder.kinderen:
                if kind not in eisen:
                    nieuw.append(kind)
                    continue
                reden = re.sub(r"^eis '[^']+':\s*", "", eisen[kind].tekst)
                bouwer.meld(kind.plaats, f"{reden}; de eis staat zonder grondslag als tekst in het kader", kind.tekst,
                            FOUT)
                kind.gemeld = True
                nieuw.extend(als_tekst(kind, bouwer.meld, bouwer.eigen))
            ouder.kinderen = Kinderen(nieuw)
        stapel.extend(k for k in ouder.kinderen if k.soort is not Soort.EIS)
