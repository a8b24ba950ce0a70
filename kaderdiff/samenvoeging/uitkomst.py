"""What the merge driver leaves in ONZE: a merged kader the checks of `controleer` accept (exit 0), or both
sides visible (exit 1). Never one side alone, whatever the three versions hold.

1. Merged by element (samenvoeging/driewegs.py). Conflicts stay in the kader as `<conflict>` with `<onze>` and `<hun>`
   (exit 1); a result without conflicts must pass `controle`, the checks `controleer` makes.
2. What cannot be merged by element (not XML, not a kader, an id the schema forbids or uses twice, a result
   the checks refuse) is merged by lines, as git would without the driver (`git merge-file`): conflicts get
   git's markers (exit 1). A result without conflicts must pass the checks when any version is a kader, and
   be XML when none is (a law text).
3. Anything else (binary bytes, git missing or failing, a line merge the checks refuse): the whole of our
   version and the whole of theirs between git's markers (exit 1).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable

from kaderdiff.bron.xmlveilig import parse_veilig
from kaderdiff.fouten import KaderdiffFout
from kaderdiff.samenvoeging.driewegs import voeg_samen
from kaderdiff.samenvoeging.identiteiten import WORTELTAG, GeenKader
from kaderdiff.samenvoeging.reeks import Resultaat
from kaderdiff.versiebeheer.opdracht import GitOntbreekt, git

#: The problems `controleer` finds in a merged kader (each a Dutch line); [] when it accepts it.
Controle = Callable[[bytes], list[str]]

ONZE, HUN = "onze", "hun"
#: git looks for a NUL byte in the first 8000 bytes to call a file binary (and will not merge it by lines).
_BINAIR_BEREIK = 8000


def naast_elkaar(onze: bytes, hun: bytes) -> bytes:
    """The whole of both versions between git's conflict markers, each ending on a line break."""
    def regels(data: bytes) -> bytes:
        return data if not data or data.endswith(b"\n") else data + b"\n"

    return b"".join([b"<<<<<<< %s\n" % ONZE.encode(), regels(onze), b"=======\n", regels(hun),
                     b">>>>>>> %s\n" % HUN.encode()])


def is_binair(data: bytes) -> bool:
    return b"\0" in data[:_BINAIR_BEREIK]


def regelgewijs(basis: bytes, onze: bytes, hun: bytes) -> tuple[bytes, int] | None:
    """git's own line merge (`git merge-file`) and its number of conflicts; None when git cannot do it."""
    if any(is_binair(data) for data in (basis, onze, hun)):
        return None
    with tempfile.TemporaryDirectory(prefix="kaderdiff-samenvoegen-") as map_:
        paden = []
        for naam, data in ((ONZE, onze), ("basis", basis), (HUN, hun)):
            paden.append(os.path.join(map_, naam))
            with open(paden[-1], "wb") as f:
                f.write(data)
        try:
            uitkomst = git("merge-file", "-p", "-L", ONZE, "-L", "basis", "-L", HUN, *paden)
        except (GitOntbreekt, OSError):
            return None
    if not 0 <= uitkomst.code <= 127:  # git says -1 (255) for an error, the number of conflicts otherwise
        return None
    return uitkomst.uit, uitkomst.code


def _soort(data: bytes) -> str | None:
    """The root tag of a version ('kader' for a kader), or None: empty, or not XML."""
    if not data.strip():
        return None
    try:
        return str(parse_veilig(data, "versie").getroot().tag)
    except KaderdiffFout:
        return None


def _bezwaar(na: str, problemen: list[str]) -> str:
    meer = f" (en {len(problemen) - 1} andere fout(en))" if len(problemen) > 1 else ""
    return f"na samenvoegen {na} keurt 'controleer' het resultaat af: {problemen[0]}{meer}"


def _over(pad: str, reden: str) -> str:
    """The reason as a line that starts with the file (most reasons name it already)."""
    return reden if reden.startswith(f"{pad}") else f"{pad}: {reden}"


def _heel(pad: str, onze: bytes, hun: bytes, reden: str, details: tuple[str, ...] = ()) -> Resultaat:
    return Resultaat(naast_elkaar(onze, hun), True, (
        f"{_over(pad, reden)}. Beide versies staan in hun geheel in het bestand: onze tussen '<<<<<<< {ONZE}' en "
        f"'=======', hun tussen '=======' en '>>>>>>> {HUN}'. Houd één versie over of voeg ze met de hand "
        "samen, en draai daarna 'kaderdiff controleer'", *details))


def per_regel(pad: str, basis: bytes, onze: bytes, hun: bytes, controle: Controle, reden: str,
              details: tuple[str, ...] = ()) -> Resultaat:
    """Step 2 and 3 above: what could not be merged by element, merged by lines or set side by side."""
    lijnen = regelgewijs(basis, onze, hun)
    if lijnen is None:
        waarom = ("een versie bevat binaire gegevens" if any(is_binair(d) for d in (basis, onze, hun))
                  else "git kon de versies niet samenvoegen")
        return _heel(pad, onze, hun, f"{reden}; regel voor regel samenvoegen kan niet: {waarom}", details)
    data, conflicten = lijnen
    if conflicten:
        return Resultaat(data, True, (
            f"{_over(pad, reden)}; daarom regel voor regel samengevoegd: {conflicten} conflict(en), met beide versies "
            f"in het bestand tussen '<<<<<<< {ONZE}' en '>>>>>>> {HUN}'", *details))
    soort = _soort(data)
    if soort == WORTELTAG or WORTELTAG in (_soort(versie) for versie in (basis, onze, hun)):
        problemen = controle(data) if soort == WORTELTAG else ["het resultaat is geen kader meer"]
        if problemen:
            return _heel(pad, onze, hun, f"{reden}; {_bezwaar('regel voor regel', problemen)}", details)
    elif soort is None:
        return _heel(pad, onze, hun, f"{reden}; na samenvoegen regel voor regel is het geen leesbare XML", details)
    return Resultaat(data, False, (f"{_over(pad, reden)}; daarom regel voor regel samengevoegd (git merge-file)",
                                   *details))


def samenvoeging(pad: str, basis: bytes, onze: bytes, hun: bytes, controle: Controle) -> Resultaat:
    """What the driver writes for `pad`, given the common ancestor (b'': none) and both versions."""
    try:
        samen = voeg_samen(basis, onze, hun, pad)
    except GeenKader as reden:
        return per_regel(pad, basis, onze, hun, controle, reden.tekst, tuple(f"  {m}" for m in reden.meldingen))
    if samen.conflicten:
        return Resultaat(samen.data, True, (
            f"{pad}: {len(samen.conflicten)} conflict(en) per element; beide versies staan in het bestand:",
            *(str(conflict) for conflict in samen.conflicten)))
    problemen = controle(samen.data)
    if not problemen:
        return Resultaat(samen.data, False)
    return per_regel(pad, basis, onze, hun, controle, _bezwaar("per element", problemen))
