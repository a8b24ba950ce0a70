"""A concept kader (.docx) edited in Word with tracked changes -> a proposal branch, one commit per author.

Revisions are read with `word.lezen` (the pack's own count as accepted text); this module sees paragraphs
(`Alinea`), never WordprocessingML. Paragraphs are mapped to kader elements through the hidden per-block
bookmarks of the concept document. The kader is edited with `bron.bewerken`. A reader's move of a whole eis
(made in Word or LibreOffice) moves the eis on the branch (`voorstel.verplaatsingen`). What cannot be mapped
(a heading, a grondslag line, a paragraph split or merged, part of a paragraph moved, text outside the kader)
is listed with its location, never dropped silently. Nothing is written before every check has passed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kaderdiff.bron import bewerken
from kaderdiff.bron.docxveilig import Docx, lees_docx
from kaderdiff.bron.laden import laad_bytes
from kaderdiff.bron.opmaak import canoniek
from kaderdiff.bron.versies import KaderMap
from kaderdiff.bron.xmlveilig import parse_veilig
from kaderdiff.fouten import KaderdiffFout
from kaderdiff.model.commit import Commitstap
from kaderdiff.model.kader import Fragment, Kader
from kaderdiff.model.versie import Versie
from kaderdiff.voorstel.verplaatsingen import LezerVerplaatsing, verplaats, zoek
from kaderdiff.word.blokken import BLOKMERK, Blok, blokken, blokmerk
from kaderdiff.word.documenttekst import kop_en_voettekst, referentie_in
from kaderdiff.word.lezen import (
    HIER_GEPLAATST,
    INGEVOEGD,
    VERWIJDERD,
    WEG_VERPLAATST,
    Alinea,
    Revisie,
    alineas_van,
    pakketdatum_van,
)

_SPATIE = re.compile(r"\s+")


@dataclass(frozen=True)
class TakCommit:
    """One commit of the proposal branch: a reader's revisions, how many, and the elements they change."""

    hexsha: str
    auteur: str
    aantal: int
    elementen: tuple[str, ...]


@dataclass(frozen=True)
class NietOvergenomen:
    """A reader's revision that could not be mapped onto a kader element."""

    plaats: str
    reden: str
    auteur: str
    tekst: str


@dataclass(frozen=True)
class AlineaWijziging:
    """A mapped paragraph: the element whose text it is and its fragments per set of accepted authors."""

    element_id: str
    alinea: Alinea
    revisies: tuple[Revisie, ...]

    @property
    def auteurs(self) -> frozenset[str]:
        return frozenset(r.auteur for r in self.revisies)

    def fragmenten(self, aanvaard: frozenset[str]) -> tuple[Fragment, ...]:
        return self.alinea.fragmenten(aanvaard)


@dataclass(frozen=True)
class ImportResultaat:
    bestand: str
    tak: str
    sector: str
    jaar: int
    commits: tuple[TakCommit, ...]
    niet_overgenomen: tuple[NietOvergenomen, ...]
    revisies: tuple[Revisie, ...] = field(default=())

    def dict(self) -> dict[str, Any]:
        return {
            "bestand": self.bestand, "tak": self.tak, "sector": self.sector, "jaar": self.jaar,
            "commits": [{"commit": c.hexsha, "auteur": c.auteur, "revisies": c.aantal,
                         "elementen": list(c.elementen)} for c in self.commits],
            "niet_overgenomen": [{"plaats": n.plaats, "reden": n.reden, "auteur": n.auteur, "tekst": n.tekst}
                                 for n in self.niet_overgenomen],
        }


def _kader_van(docx: Docx) -> tuple[str, int]:
    """Sector and year from 'Onze referentie KD-MBO-2026-…' in the header or footer."""
    gevonden = referentie_in(kop_en_voettekst(docx))
    if gevonden is not None:
        return gevonden.sector, gevonden.jaar
    raise KaderdiffFout(f"{docx.naam} is geen conceptkader van kaderdiff (geen 'Onze referentie KD-…' gevonden). "
                        "Er is niets geschreven.")


def _kort(tekst: str, n: int = 60) -> str:
    tekst = _SPATIE.sub(" ", tekst).strip()
    return tekst if len(tekst) <= n else tekst[: n - 1] + "…"


_DEEL_REDEN = {
    "kop": "wijziging in een kop of kopnummer wordt niet overgenomen",
    "grondslag": "wijziging in een grondslagregel; pas de grondslag aan in de kader-XML",
}


@dataclass
class _Verzameling:
    wijzigingen: list[AlineaWijziging] = field(default_factory=list)
    verplaatsingen: list[LezerVerplaatsing] = field(default_factory=list)
    niet: list[NietOvergenomen] = field(default_factory=list)
    revisies: list[Revisie] = field(default_factory=list)

    def weiger(self, plaats: str, reden: str, revisies: list[Revisie]) -> None:
        for r in revisies:
            self.niet.append(NietOvergenomen(plaats, reden, r.auteur, _kort(r.tekst) or f"({r.soort})"))


def verzamel(docx: Docx, kader: Kader, blokken_basis: list[Blok], pakketdatum: str) -> _Verzameling:
    """Map every reader revision onto a block of the basis kader, or list it as not mappable."""
    per_merk = {blokmerk(b.sleutel): b for b in blokken_basis}
    uit = _Verzameling()
    alineas = alineas_van(docx, pakketdatum)
    if not alineas:
        return uit

    def plaats(nummer: int, alinea: Alinea) -> tuple[str, Blok | None]:
        blok = per_merk.get(next((m for m in alinea.merken() if m.startswith(BLOKMERK) and m in per_merk), ""))
        waar = f"alinea {nummer}" + (f" ({blok.element_id}, {blok.deel})" if blok else "")
        return waar + f": '{_kort(alinea.tekst(), 40)}'", blok

    verplaatst = zoek(alineas, per_merk, kader)
    uit.verplaatsingen = verplaatst.gevonden
    uit.revisies.extend(r for v in verplaatst.gevonden for r in v.revisies)
    for index, reden, revisies_ in verplaatst.geweigerd:
        uit.revisies.extend(revisies_)
        uit.weiger(plaats(index + 1, alineas[index])[0], reden, revisies_)
    na_samenvoeging = False
    for nummer, alinea in enumerate(alineas, start=1):
        if nummer - 1 in verplaatst.alineas:  # whole paragraphs moved: handled above
            na_samenvoeging = False
            continue
        revisies = alinea.revisies()
        waar, blok = plaats(nummer, alinea)
        samengevoegd = na_samenvoeging
        na_samenvoeging = any(r.soort == "alineateken" for r in revisies)
        if not revisies:
            continue
        uit.revisies.extend(revisies)
        if samengevoegd or na_samenvoeging:
            uit.weiger(waar, "wijziging over twee alinea's of eisen heen (alinea gesplitst of samengevoegd)", revisies)
            continue
        if any(r.soort in (WEG_VERPLAATST, HIER_GEPLAATST) for r in revisies):
            uit.weiger(waar, "verplaatsing van een deel van een alinea wordt niet overgenomen (alleen een hele eis)",
                       revisies)
            continue
        if blok is None:
            uit.weiger(waar, "alinea hoort niet bij een kaderelement (nieuwe alinea of tekst buiten het kader)",
                       revisies)
            continue
        if blok.deel != "tekst":
            uit.weiger(waar, _DEEL_REDEN.get(blok.deel, f"onderdeel '{blok.deel}' wordt niet overgenomen"), revisies)
            continue
        opmaak = [r for r in revisies if r.soort == "opmaak"]
        if opmaak:
            uit.weiger(waar, "opmaakwijziging wordt niet overgenomen", opmaak)
            revisies = [r for r in revisies if r.soort != "opmaak"]
            if not revisies:
                continue
        if alinea.fragmenten(frozenset()) != blok.fragmenten:
            uit.weiger(waar, "de tekst in het document wijkt af van het kader op de basis", revisies)
            continue
        uit.wijzigingen.append(AlineaWijziging(blok.element_id, alinea, tuple(revisies)))
    return uit


# ---------------------------------------------------------------- applying to kader XML
def pas_toe(kader_xml: bytes, bron: str, teksten: dict[str, tuple[Fragment, ...]],
            verplaatsingen: tuple[LezerVerplaatsing, ...] = ()) -> bytes:
    """New canonical kader bytes with the inline text of the given elements replaced and eisen moved."""
    boom = parse_veilig(kader_xml, bron)

    def vind(element_id: str) -> bewerken.Knoop:
        return bewerken.vind(boom, element_id, bron)

    for v in verplaatsingen:
        verplaats(v, vind)
    for element_id, fragmenten in teksten.items():
        bewerken.zet_inhoud(vind(element_id), fragmenten)
    data = canoniek(boom)
    laad_bytes(data, bron)  # still a valid kader (schema and rules)
    return data


# ---------------------------------------------------------------- the command
def importeer_docx(kadermap: KaderMap, pad: Path, naam: str, basis: str = "main") -> ImportResultaat:
    """Read the document, map the reader's revisions, and create branch `naam` from `basis`."""
    if kadermap.repo is None:
        raise KaderdiffFout(f"{kadermap.pad} staat niet in een git-repository")
    kadermap.repo.tak_naam_vrij(naam)
    docx = lees_docx(pad)
    sector, jaar = _kader_van(docx)
    pakketdatum = pakketdatum_van(docx)
    basis_commit = kadermap.commit(basis or "HEAD")
    versie = Versie(jaar, basis_commit.hexsha)
    data, bron = kadermap.lees_bytes(versie, sector)
    kader = laad_bytes(data, bron)
    verzameld = verzamel(docx, kader, blokken(kader), pakketdatum)
    auteurs = sorted({a for w in verzameld.wijzigingen for a in w.auteurs}
                     | {v.auteur for v in verzameld.verplaatsingen},
                     key=lambda a: (min(r.datum for r in verzameld.revisies if r.auteur == a), a))
    stappen: list[tuple[str, Commitstap, int, tuple[str, ...]]] = []
    pad_in_repo = kadermap.pad_in_repo(jaar, sector)
    aanvaard: frozenset[str] = frozenset()
    huidig = data
    for auteur in auteurs:
        aanvaard = aanvaard | {auteur}
        teksten = {w.element_id: w.fragmenten(aanvaard) for w in verzameld.wijzigingen if auteur in w.auteurs}
        verplaatsingen = tuple(v for v in verzameld.verplaatsingen if v.auteur == auteur)
        teksten.update({v.element_id: v.tekst for v in verplaatsingen if v.tekst is not None})
        huidig = pas_toe(huidig, bron, teksten, verplaatsingen)
        eigen = [r for w in verzameld.wijzigingen for r in w.revisies if r.auteur == auteur]
        aantal = sum(1 for r in eigen if r.soort in (INGEVOEGD, VERWIJDERD)) + len(verplaatsingen)  # a move counts once
        datum = max(r.datum for r in [*eigen, *(r for v in verplaatsingen for r in v.revisies)])
        elementen = tuple(dict.fromkeys([*teksten, *(v.element_id for v in verplaatsingen)]))
        bericht = (f"Voorstel uit {pad.name}: {aantal} revisie(s) van {auteur}\n\n"
                   f"Gewijzigde elementen: {', '.join(elementen)}\n")
        stap = Commitstap({pad_in_repo: huidig}, bericht, datum or basis_commit.datum, auteur)
        stappen.append((auteur, stap, aantal, elementen))
    ids = kadermap.repo.maak_reeks(naam, basis_commit, [s for _, s, _, _ in stappen]) if stappen else ()
    commits = tuple(TakCommit(hexsha, auteur, aantal, elementen)
                    for hexsha, (auteur, _, aantal, elementen) in zip(ids, stappen, strict=True))
    return ImportResultaat(pad.name, naam, sector, jaar, commits, tuple(verzameld.niet), tuple(verzameld.revisies))
