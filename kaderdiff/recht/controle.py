"""`kaderdiff controleer`: every rule a kader file must meet, reported all at once.

Schema violations, duplicate ids, eisen without grondslag or marker, unknown law
codes, undeclared wetswijzigingen, and (when law texts are present) grondslagen
that point to articles or leden that do not exist.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from kaderdiff.bron.bestanden import lees_bestand
from kaderdiff.bron.conflict import heeft_conflicten
from kaderdiff.bron.kaderfeiten import Boomfeiten
from kaderdiff.bron.ontleden import parse_kader
from kaderdiff.bron.regels import dubbele_ids, inhoudelijke_fouten, tekst_na_lijst
from kaderdiff.bron.wetregister import controleer_register, register_voor
from kaderdiff.fouten import KaderdiffFout, Melding

TYPE_CHECKING = False  # not `typing`, like the other modules on the path of `controleer`
if TYPE_CHECKING:
    from kaderdiff.model.feiten import Kaderfeiten
    from kaderdiff.model.kader import Kader

#: Extra checks on a kader's facts (e.g. grondslagen against law texts); each gets the facts and the kaders
#: directory the kader lives in.
ExtraControle = Callable[["Kaderfeiten", Path | None], list[Melding]]
#: Extra checks that read the kader's texts (`controleer --termen`): these get the whole kader model.
ModelControle = Callable[["Kader", Path | None], list[Melding]]


def kaderbestanden(pad: Path) -> list[Path]:
    """The kader files under a path: the file itself, or every `JAAR/*.xml` below a kaders directory."""
    if not pad.is_dir():
        if not os.path.lexists(pad):
            raise KaderdiffFout(f"Pad niet gevonden: {pad}")
        return [pad]  # a file, or something that is not one: reading it says which
    bestanden = sorted(p for p in pad.glob("[0-9][0-9][0-9][0-9]/*.xml"))
    if not bestanden and any(pad.glob("*.xml")):
        bestanden = sorted(pad.glob("*.xml"))
    return bestanden


def controleer_bytes(data: bytes, bron: str, kadermap: Path | None = None,
                     extra: tuple[ExtraControle, ...] = (), met_model: tuple[ModelControle, ...] = ()
                     ) -> list[Melding]:
    """All problems of one kader, in file order; [] when it is clean.

    The rules read the kader's facts from its tree (`bron.kaderfeiten`); the kader model is built only for checks
    that read its texts (`met_model`)."""
    try:
        boom, meldingen = parse_kader(data, bron)
    except KaderdiffFout as fout:
        return list(fout.meldingen) or [Melding(bron, 0, 0, fout.tekst)]
    if not heeft_conflicten(boom):  # both sides of a conflict hold the same ids: that is the conflict itself
        meldingen += dubbele_ids(boom, bron)
    meldingen += tekst_na_lijst(boom, bron)
    if not meldingen:
        feiten = Boomfeiten(boom, bron)
        meldingen += inhoudelijke_fouten(feiten, register_voor(kadermap))
        for controle in extra:
            meldingen += controle(feiten, kadermap)
        if met_model:
            from kaderdiff.bron.laden import kader_uit_boom

            kader = kader_uit_boom(boom, bron)
            for model_controle in met_model:
                meldingen += model_controle(kader, kadermap)
    return sorted(meldingen)


def controleer_pad(pad: Path, extra: tuple[ExtraControle, ...] = (), met_model: tuple[ModelControle, ...] = ()
                   ) -> tuple[list[Path], list[Melding]]:
    """Check every kader under a path; returns the files checked and all problems."""
    bestanden = kaderbestanden(pad)
    kadermap = pad if pad.is_dir() else pad.parent.parent
    meldingen: list[Melding] = controleer_register(kadermap)
    if meldingen:  # the kaders cite laws from it: check them once it is in order
        return bestanden, meldingen
    for bestand in bestanden:
        try:
            data = lees_bestand(bestand)
        except KaderdiffFout as fout:
            meldingen.append(Melding(str(bestand), 0, 0, fout.tekst))
            continue
        meldingen += controleer_bytes(data, str(bestand), kadermap, extra, met_model)
    return bestanden, meldingen
