"""Reading a filled reactienota back (`reacties --verwerk`): per reaction the inspectie's answer and decision, per
change its WAS/WORDT as the nota shows it; and, with `--vastgesteld REF`, what became of each change's text.

The nota is found by what `render/reactienota_uit` writes and says not to change: its subject ('Reactienota MBO
2026'), the lines 'Concept' and 'Vergeleken met' with their commits, the WAS/WORDT table of each change and the
reactions' tables with their keys. A row someone added without a key belongs to the section it stands in. A
decision must be one of `BESLUITEN` (case and a final full stop aside): anything else is an error naming the row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from kaderdiff.bron.docxveilig import Docx, lees_docx
from kaderdiff.bron.versies import KaderMap
from kaderdiff.diff.staatbouw import maak_staat
from kaderdiff.fouten import KaderdiffFout
from kaderdiff.model.reactie import (
    ALGEMEEN,
    BESLUITEN,
    NIET_GEPLAATST,
    ONGEWIJZIGD,
    SLEUTELNAMEN,
    Consultatieverslag,
    Genoteerd,
    Nieuwewijziging,
    Reactie,
    Verslagwijziging,
)
from kaderdiff.model.versie import Versie
from kaderdiff.word.inhoud import Alinea, Lezer, Tabel
from kaderdiff.word.rijhoogte import VERVOLG

ONDERWERP = re.compile(r"^Reactienota\s+(\S+)\s+(\d{4})$")
REACTIEKOPPEN = ("nr", "organisatie", "reactie", "bron", "reactie inspectie", "besluit")
WASWORDTKOPPEN = ("nr", "vindplaats", "tekst was", "tekst wordt", "blz.")
_SECTIES = {"algemene opmerkingen": ALGEMEEN, "opmerkingen over ongewijzigde tekst": ONGEWIJZIGD,
            "niet te plaatsen": NIET_GEPLAATST}
_COMMIT = re.compile(r"^(\S+) \(commit ([0-9a-f]{7,40}|onbekend)\)$")


@dataclass(frozen=True)
class Notagegevens:
    """What the nota's title block records: the sector, and the versions and commits of the concept."""

    sector: str
    jaar: int
    titel: str
    concept: str  # 'versie (commit …)'
    vergeleken_met: str
    bewaard: datetime | None = None  # when the nota was last saved (its core properties), for the verslag's date


def versie_en_commit(tekst: str) -> tuple[str, str]:
    """'2026@ringen (commit 3f2a…)' -> ('2026@ringen', '3f2a…'); the commit 'onbekend' when the line has none."""
    gevonden = _COMMIT.match(tekst)
    return (gevonden.group(1), gevonden.group(2)) if gevonden else (tekst, "onbekend")


@dataclass
class _Lezing:
    nota: str
    wijzigingen: list[Verslagwijziging] = field(default_factory=list)
    secties: dict[str, list[Genoteerd]] = field(default_factory=lambda: {ALGEMEEN: [], ONGEWIJZIGD: [],
                                                                           NIET_GEPLAATST: []})
    sectie: str = ""  # the change number or section the next reactions belong to


def _besluit(tekst: str, waar: str) -> str:
    schoon = " ".join(tekst.split()).rstrip(".").casefold()
    if not schoon or schoon in BESLUITEN:
        return schoon
    raise KaderdiffFout(f"{waar}: besluit '{' '.join(tekst.split())}' is onbekend; kies uit: {', '.join(BESLUITEN)} "
                        "(of laat het leeg). Er is niets geschreven.")


def _cellen(rij: tuple[tuple[Alinea, ...], ...]) -> list[str]:
    return ["\n".join(a.tekst for a in cel).strip() for cel in rij]


def _koppen(tabel: Tabel) -> tuple[str, ...]:
    return tuple(" ".join(c.split()).casefold() for c in _cellen(tabel.rijen[0].cellen)) if tabel.rijen else ()


def _reactierij(lezing: _Lezing, cellen: list[str], waar: str) -> None:
    sleutel, organisatie, tekst, bron, antwoord, besluit = (cellen + [""] * 6)[:6]
    if not any((sleutel, organisatie, tekst, antwoord, besluit)):
        return
    besluit = _besluit(besluit, f"{lezing.nota}, {waar} ({sleutel or 'zonder nummer'})")
    voorvoegsel = sleutel.rsplit(".", 1)[0] if "." in sleutel else ""
    sectie = next((k for k, naam in SLEUTELNAMEN.items() if naam == voorvoegsel), "")
    nummers = [w.nummer for w in lezing.wijzigingen]
    doel = sectie or (voorvoegsel if voorvoegsel in nummers else lezing.sectie)
    bron, _, reden = bron.partition("\nReden: ")
    reactie = Reactie(doel if doel in nummers else "", organisatie, tekst, bron)
    g = Genoteerd(sleutel or f"{doel}.?", reactie, reden, antwoord, besluit)
    if doel in lezing.secties:
        lezing.secties[doel].append(g)
    elif doel in nummers:
        i = nummers.index(doel)
        lezing.wijzigingen[i] = replace(lezing.wijzigingen[i], reacties=(*lezing.wijzigingen[i].reacties, g))
    else:
        raise KaderdiffFout(f"{lezing.nota}, {waar}: reactie '{sleutel}' staat niet bij een wijziging of een "
                            "onderdeel van de nota; zet de rij terug onder de wijziging waar ze hoort")


def _wijzigingsrijen(tabel: Tabel) -> list[tuple[str, ...]]:
    """The changes of a WAS/WORDT table: number, kind, vindplaats, WAS, WORDT, page. A change taller than a page
    was written as several rows, the later ones marked '(vervolg)' under the number (`word.rijhoogte`): they are
    one change again, each cell's paragraphs joined. (A paragraph the writer cut at a word comes back as two
    lines: the reader of a cell does not keep the space at the end of its first part.)"""
    uit: list[list[str]] = []
    for rij in tabel.rijen[1:]:
        nr, *rest = (_cellen(rij.cellen) + [""] * 5)[:5]
        nummer, _, soort = nr.partition("\n")
        regels = [r.strip() for r in soort.splitlines()]
        if regels and regels[-1] == VERVOLG and uit and uit[-1][0] == nummer.strip():
            for i, deel in enumerate(rest, start=2):
                uit[-1][i] = "\n".join(t for t in (uit[-1][i], deel) if t)
            continue
        uit.append([nummer.strip(), "\n".join(regels), *rest])
    return [tuple(wijziging) for wijziging in uit]


def kerngegevens(docx: Docx) -> tuple[str, datetime | None]:
    """The subject of a document and when it was last saved (UTC; None when it does not say)."""
    deel = docx.deel("docProps/core.xml")
    if deel is None:
        return "", None
    onderwerp = deel.getroot().find("{http://purl.org/dc/elements/1.1/}subject")
    bewaard = deel.getroot().find("{http://purl.org/dc/terms/}modified")
    try:
        moment = datetime.fromisoformat(str(bewaard.text).strip().replace("Z", "+00:00")) if bewaard is not None \
            else None
    except ValueError:
        moment = None
    if moment is not None:
        moment = (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC)
    return (str(onderwerp.text or "").strip() if onderwerp is not None else ""), moment


def lees_nota(pad: Path) -> tuple[Notagegevens, _Lezing]:
    """The filled nota's title block, changes and reactions (a Dutch error for what is not a nota)."""
    if pad.suffix.lower() != ".docx":
        raise KaderdiffFout(f"{pad.name}: --verwerk leest de reactienota als Word-document (.docx); sla de nota "
                            "als .docx op")
    docx = lees_docx(pad)
    onderwerp, bewaard = kerngegevens(docx)
    kop = ONDERWERP.match(onderwerp)
    if kop is None:
        raise KaderdiffFout(f"{pad.name} is geen reactienota van kaderdiff (onderwerp '{onderwerp}'); maak de nota "
                            "met kaderdiff reacties")
    lezing = _Lezing(pad.name)
    regels: dict[str, str] = {}
    titel = ""
    for onderdeel in Lezer(docx).onderdelen():
        if isinstance(onderdeel, Alinea):
            tekst = onderdeel.tekst.strip()
            if onderdeel.kopniveau == 1 and not titel:
                titel = tekst.removeprefix("Reactienota ").strip()
            elif onderdeel.kopniveau == 2 and tekst.casefold() in _SECTIES:
                lezing.sectie = _SECTIES[tekst.casefold()]
            for label in ("Concept", "Vergeleken met", "Sector"):
                if tekst.startswith(label + " ") and label not in regels:
                    regels[label] = tekst[len(label):].strip()
            continue
        koppen = _koppen(onderdeel)
        if koppen[:5] == WASWORDTKOPPEN:
            for nummer, soort, vindplaats, was, wordt, blz in _wijzigingsrijen(onderdeel):
                lezing.wijzigingen.append(Verslagwijziging(nummer, soort, vindplaats, blz, was, wordt, ()))
                lezing.sectie = nummer
        elif koppen[:6] == REACTIEKOPPEN:
            for n, rij in enumerate(onderdeel.rijen[1:], start=2):
                _reactierij(lezing, _cellen(rij.cellen), f"{onderdeel.plaats.split(' (')[0]}, rij {n}")
    if "Concept" not in regels:
        raise KaderdiffFout(f"{pad.name}: de regel 'Concept' ontbreekt in de kop van de nota; maak de nota opnieuw")
    gegevens = Notagegevens(regels.get("Sector", kop.group(1)), int(kop.group(2)), titel, regels["Concept"],
                            regels.get("Vergeleken met", ""), bewaard)
    return gegevens, lezing


def _vastgesteld(kaders: KaderMap, gegevens: Notagegevens, lezing: _Lezing,
                 ref: str) -> tuple[list[Verslagwijziging], tuple[Nieuwewijziging, ...], str]:
    """Each change number marked with whether its text changed between the concept (the nota's commit) and the
    kader at `ref`, and the changes of the vastgestelde kader the concept did not have."""
    concept_versie, concept_commit = versie_en_commit(gegevens.concept)
    van_versie, van_commit = versie_en_commit(gegevens.vergeleken_met)
    if "onbekend" in (concept_commit, van_commit):
        raise KaderdiffFout(f"{lezing.nota}: de nota noemt geen commit van het concept (of van het jaar ervoor); "
                            "--vastgesteld kan het concept dan niet terugvinden")
    jaar, van_jaar = Versie.parse(concept_versie).jaar, Versie.parse(van_versie).jaar
    vastgesteld = Versie.parse(ref) if re.fullmatch(r"\d{4}(@.+)?", ref) else Versie(jaar, ref)
    sleutel = gegevens.sector
    van = Versie(van_jaar, van_commit)
    concept = maak_staat(kaders, van, Versie(jaar, concept_commit), sleutel)
    eigen = [w.nummer for w in lezing.wijzigingen]
    if [w.nummer for w in concept.wijzigingen] != eigen:
        raise KaderdiffFout(f"{lezing.nota}: de kaders op commit {concept_commit[:7]} geven andere wijzigingsnummers "
                            "dan de nota; is de nota met deze kaders gemaakt?")
    final = maak_staat(kaders, van, vastgesteld, sleutel)
    per_id = {i: w for w in final.wijzigingen for i in w.ids}
    gebruikt = {i for w in concept.wijzigingen for i in w.ids}
    uit = []
    for vw, w in zip(lezing.wijzigingen, concept.wijzigingen, strict=True):
        f = next((per_id[i] for i in w.ids if i in per_id), None)
        uit.append(replace(vw, gewijzigd_na_consultatie=f is None or f.wordt != w.wordt,
                           vastgesteld_nummer=f.nummer if f is not None else "",
                           vastgesteld_wordt=f.wordt if f is not None else w.was))
    nieuw = tuple(Nieuwewijziging(f.nummer, f.soort.label, f.vindplaats, f.was, f.wordt)
                  for f in final.wijzigingen if not set(f.ids) & gebruikt)
    return uit, nieuw, str(vastgesteld)


def maak_verslag(pad: Path, kaders: KaderMap | None = None,
                 vastgesteld: str | None = None) -> tuple[Consultatieverslag, datetime | None]:
    """The consultatieverslag of a filled nota, and when the nota was last saved; with `vastgesteld` (a git ref or
    JAAR@REF) compared with the vastgestelde kader in `kaders`."""
    gegevens, lezing = lees_nota(pad)
    wijzigingen, versie = list(lezing.wijzigingen), ""
    nieuw: tuple[Nieuwewijziging, ...] = ()
    if vastgesteld is not None:
        if kaders is None:  # pragma: no cover - the command always passes the kadermap
            raise KaderdiffFout("--vastgesteld heeft de kadermap nodig")
        wijzigingen, nieuw, versie = _vastgesteld(kaders, gegevens, lezing, vastgesteld)
    return Consultatieverslag(gegevens.sector, gegevens.jaar, gegevens.titel, gegevens.concept,
                              gegevens.vergeleken_met, tuple(wijzigingen), tuple(lezing.secties[ALGEMEEN]),
                              tuple(lezing.secties[ONGEWIJZIGD]), tuple(lezing.secties[NIET_GEPLAATST]), versie,
                              nieuw), gegevens.bewaard
