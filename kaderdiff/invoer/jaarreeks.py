"""`kaderdiff importeer --geschiedenis MAP`: the Word kaders of one sector, year after year, as git history.

Every year is imported with the year before it as `vorige`, so an element keeps its id from year to year
and the Staat between two imported years pairs them as the Staat of hand-made kaders does. All years are
read and checked before anything is written; then one commit per year is made — on a new branch of the
kadermap's repository (work tree untouched), or in a new repository of its own.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from kaderdiff.fouten import KaderdiffFout
from kaderdiff.invoer.importeer import Importresultaat, importeer_docx
from kaderdiff.model.commit import Commitstap
from kaderdiff.model.kader import Kader
from kaderdiff.model.wet import Wetregister
from kaderdiff.versiebeheer.repository import Repository

_JAAR = re.compile(r"(?<!\d)(19\d{2}|20\d{2})(?!\d)")


@dataclass(frozen=True)
class Geschiedenis:
    jaren: tuple[Importresultaat, ...]
    commits: tuple[str, ...]
    tak: str
    repo: str


def jaarbestanden(map_: Path) -> list[tuple[int, Path]]:
    """The .docx files of a folder by year ('2021.docx', 'mbo-2022.docx'); one file per year."""
    if not map_.is_dir():
        raise KaderdiffFout(f"De map {map_} bestaat niet")
    per_jaar: dict[int, Path] = {}
    for pad in sorted(map_.glob("*.docx")):
        if pad.name.startswith("~$"):  # Word's lock file
            continue
        jaren = _JAAR.findall(pad.stem)
        if len(jaren) != 1:
            raise KaderdiffFout(f"{pad.name}: uit de naam blijkt niet om welk jaar het gaat (noem het bijv. 2021.docx)")
        jaar = int(jaren[0])
        if jaar in per_jaar:
            raise KaderdiffFout(f"Twee bestanden voor {jaar}: {per_jaar[jaar].name} en {pad.name}")
        per_jaar[jaar] = pad
    if not per_jaar:
        raise KaderdiffFout(f"Geen Word-bestanden (.docx) gevonden in {map_}")
    return sorted(per_jaar.items())


def importeer_jaren(map_: Path, sleutel: str, register: Wetregister, vorige: Kader | None = None,
                    kadermap: Path | None = None) -> list[Importresultaat]:
    """Import every year, each with the one before it (the first with `vorige`, when given)."""
    uit: list[Importresultaat] = []
    for jaar, pad in jaarbestanden(map_):
        resultaat = importeer_docx(pad, sleutel, jaar, register, vorige, kadermap=kadermap)
        uit.append(resultaat)
        vorige = resultaat.kader
    return uit


def bericht(r: Importresultaat, vorig_jaar: int | None) -> str:
    koppeling = (f"{r.gekoppeld} van de {r.elementen} elementen houden hun id uit {vorig_jaar}."
                 if vorig_jaar is not None else "Eerste jaar: alle ids zijn nieuw.")
    niet = f"\n{len(r.rapport)} onderdeel/onderdelen niet als zodanig herkend; zie het importrapport." \
        if r.rapport else ""
    return f"Kader {r.naam} geïmporteerd uit {r.bestand}\n\n{koppeling}{niet}\n"


def stappen(resultaten: list[Importresultaat], basis: str, vorig_jaar: int | None) -> list[Commitstap]:
    uit = []
    for r in resultaten:
        pad = f"{basis}/{r.kader.jaar}/{r.kader.afkorting.lower()}.xml" if basis else \
            f"{r.kader.jaar}/{r.kader.afkorting.lower()}.xml"
        uit.append(Commitstap({pad: r.xml}, bericht(r, vorig_jaar), f"{r.kader.jaar}-08-01T12:00:00+02:00"))
        vorig_jaar = r.kader.jaar
    return uit


def op_tak(repo: Repository, basis_in_repo: str, naam: str, resultaten: list[Importresultaat],
           vorig_jaar: int | None) -> tuple[str, ...]:
    """The years as commits on a new branch of an existing repository, from its HEAD."""
    repo.tak_naam_vrij(naam)
    return repo.maak_reeks(naam, repo.kop(), stappen(resultaten, basis_in_repo, vorig_jaar))


def nieuwe_repo(doel: Path, resultaten: list[Importresultaat]) -> tuple[str, ...]:
    """A new repository at `doel` with kaders/JAAR/SECTOR.xml, one commit per year, built beside it and moved
    into place at the end; `doel` must not exist yet or be an empty folder (nothing is ever replaced)."""
    doel = doel.resolve()
    if doel.exists() and (not doel.is_dir() or any(doel.iterdir())):
        raise KaderdiffFout(f"{doel} bestaat al en is niet leeg; kies een nieuwe map voor de repository")
    doel.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk = Path(tempfile.mkdtemp(prefix=f".{doel.name}.bouw-", dir=doel.parent))
    try:
        repo = Repository.nieuw(tijdelijk)
        commits = repo.maak_reeks("import", None, stappen(resultaten, "kaders", None))
        repo.maak_hoofdtak("import", "main")  # our own new repository: fill its work tree
        repo.sluit()
        if doel.exists():
            doel.rmdir()  # empty, checked above
        tijdelijk.rename(doel)
    except BaseException:
        shutil.rmtree(tijdelijk, ignore_errors=True)
        raise
    return commits
