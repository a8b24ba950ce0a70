"""All kader merges of one `git merge` in the first driver's process; the later drivers only copy a result.

git starts the merge driver once for every kader both branches changed, each time a new Python process that
loads lxml and parses three versions: eight kaders cost eight start-ups. During `git merge` (and `git pull`)
git names the other branch's commit in the environment (`GITHEAD_<commit>`). The first driver then merges
every kader that both branches changed, in its own process, and leaves each result in the git directory
(`kaderdiff-samenvoegingen/`), named by the sha256 of the path and the three versions' bytes. A later
driver whose path and versions hash to a stored result writes that result and stops, without lxml; one
that finds nothing (a rebase, a cherry-pick, bytes that git changed on the way) merges by itself. So a
stored result is only ever used for exactly the bytes it was computed from.

Nothing here is needed for a correct merge: whatever goes wrong while preparing leaves the drivers to do
their own work.
"""

from __future__ import annotations

import hashlib
import os

from kaderdiff import __version__
from kaderdiff.versiebeheer.opdracht import GitOntbreekt, git, gitmap, start

TYPE_CHECKING = False  # not `typing`: a later driver start imports only os and hashlib (see cli/samenvoeghulp)
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    #: Merges one kader: (path, basis, ours, theirs) -> what the driver writes (samenvoeging/uitkomst.py).
    Samenvoeger = Callable[[str, bytes, bytes, bytes], "Resultaat"]

#: The merge driver's name: `.gitattributes` routes kaders to it with `merge=kaderdiff`.
SAMENVOEGHULP = "kaderdiff"
#: The folder in the git directory (per worktree) that holds prepared results.
VOORRAAD = "kaderdiff-samenvoegingen"
#: The file in it that says for which merge (our commit, their commit) the results were prepared.
REEKS = "reeks"
_HEX = frozenset("0123456789abcdef")
_KOP = b"kaderdiff-samenvoeging/2\n"
_GITHEAD = "GITHEAD_"


class Resultaat:
    """What the driver writes into ONZE, whether that leaves a conflict (exit 1), and the lines it reports."""

    __slots__ = ("conflict", "data", "meldingen")

    def __init__(self, data: bytes, conflict: bool, meldingen: tuple[str, ...] = ()) -> None:
        self.data, self.conflict, self.meldingen = data, conflict, meldingen


def sleutel(pad: str, basis: bytes, onze: bytes, hun: bytes) -> str:
    """The name of a result: kaderdiff's version, the path and the three versions, each with its length (no
    two inputs collide; a merge retried after an upgrade is merged by the new version)."""
    h = hashlib.sha256()
    for deel in (__version__.encode(), os.fsencode(pad), basis, onze, hun):
        h.update(b"%d:" % len(deel))
        h.update(deel)
    return h.hexdigest()


def _git(*args: str, invoer: bytes | None = None) -> bytes | None:
    """Output of a git plumbing command in the current directory (git starts drivers at the worktree's top,
    and names the repository in GIT_DIR); None when git fails or is missing: preparing is only an extra."""
    try:
        uitkomst = git(*args, invoer=invoer)
    except (GitOntbreekt, OSError):
        return None
    return uitkomst.uit if uitkomst.gelukt else None


def voorraadmap() -> str | None:
    """The folder of prepared results in this worktree's git directory; None outside a repository."""
    git_map = gitmap()
    return os.path.join(git_map, VOORRAAD) if git_map else None


def lees(map_: str, naam: str) -> Resultaat | None:
    """The stored result named `naam`; None if there is none.

    Results stay until the next merge is prepared: a merge that is aborted and started again finds them."""
    try:
        with open(os.path.join(map_, naam), "rb") as f:
            inhoud = f.read()
    except OSError:
        return None
    if not inhoud.startswith(_KOP):
        return None
    kop, _, rest = inhoud[len(_KOP):].partition(b"\n")
    conflict, _, lengte_regel = kop.partition(b" ")
    if conflict not in (b"0", b"1") or not lengte_regel.isdigit():
        return None
    lengte = int(lengte_regel)
    meldingen = rest[:lengte].decode("utf-8", "replace")
    return Resultaat(rest[lengte:], conflict == b"1", tuple(meldingen.split("\0")) if meldingen else ())


def _bewaar(map_: str, naam: str, resultaat: Resultaat) -> None:
    meldingen = "\0".join(resultaat.meldingen).encode("utf-8", "replace")
    tijdelijk = os.path.join(map_, f"{naam}.{os.getpid()}.tmp")
    with open(tijdelijk, "wb") as f:
        f.write(_KOP + b"%d %d\n" % (resultaat.conflict, len(meldingen)) + meldingen + resultaat.data)
    os.replace(tijdelijk, os.path.join(map_, naam))


def _ruim_op(map_: str) -> None:
    """Remove results of an earlier merge (only files named like ours: the folder is kaderdiff's own)."""
    for naam in os.listdir(map_):
        if naam == REEKS or (len(naam) >= 64 and set(naam[:64]) <= _HEX
                             and (len(naam) == 64 or (naam.startswith(".", 64) and naam.endswith(".tmp")))):
            os.unlink(os.path.join(map_, naam))


def hun_commit() -> str | None:
    """Their commit while `git merge` runs (one branch merged); None in every other case."""
    heads = [naam[len(_GITHEAD):] for naam in os.environ if naam.startswith(_GITHEAD)]
    return heads[0] if len(heads) == 1 and len(heads[0]) in (40, 64) and set(heads[0]) <= _HEX else None


def _gewijzigd(van: str, naar: str) -> dict[str, tuple[str, str]]:
    """path -> (old blob, new blob) of every file changed in place between two commits."""
    uit = _git("diff-tree", "-r", "-z", "--no-renames", van, naar)
    if uit is None:
        return {}
    delen = uit.decode("utf-8", "surrogateescape").split("\0")
    gewijzigd = {}
    for kop, pad in zip(delen[0::2], delen[1::2], strict=False):
        velden = kop.split()
        if len(velden) == 5 and velden[4] == "M":
            gewijzigd[pad] = (velden[2], velden[3])
    return gewijzigd


def _met_samenvoeghulp(paden: Iterable[str]) -> list[str]:
    """The paths that .gitattributes routes to kaderdiff's merge driver."""
    invoer = "".join(f"{pad}\0" for pad in paden).encode("utf-8", "surrogateescape")
    uit = _git("check-attr", "-z", "--stdin", "merge", invoer=invoer)
    if uit is None:
        return []
    delen = uit.decode("utf-8", "surrogateescape").split("\0")
    drietallen = zip(delen[0::3], delen[1::3], delen[2::3], strict=False)
    return [pad for pad, _, waarde in drietallen if waarde == SAMENVOEGHULP]


def _lees_blobs(uitvoer: bytes) -> dict[str, bytes]:
    """The blobs in the output of `git cat-file --batch`, by id."""
    inhoud: dict[str, bytes] = {}
    positie = 0
    while positie < len(uitvoer):
        einde = uitvoer.index(b"\n", positie)
        kop = uitvoer[positie:einde].split()
        if len(kop) != 3 or not kop[2].isdigit():
            return {}
        lengte = int(kop[2])
        inhoud[kop[0].decode()] = uitvoer[einde + 1:einde + 1 + lengte]
        positie = einde + 1 + lengte + 1
    return inhoud


def bereid_voor(map_: str, samenvoeger: Callable[[], Samenvoeger]) -> bool:
    """Merge every kader both branches of this `git merge` changed, and store the results; False when this
    is no `git merge` of one branch, it was prepared already, or not every kader could be prepared.

    Done once per merge: the `REEKS` file names the merge it was done for, so a driver whose result is
    missing (git gave it other bytes) does not prepare everything again. `samenvoeger` loads the merge (while
    git unpacks the versions) and returns it.
    """
    hun = hun_commit()
    onze = _git("rev-parse", "HEAD") if hun else None
    if not hun or onze is None:
        return False
    reeks = f"{onze.decode().strip()} {hun}\n"
    os.makedirs(map_, exist_ok=True)
    try:
        with open(os.path.join(map_, REEKS), encoding="utf-8") as f:
            if f.read() == reeks:
                return False
    except OSError:
        pass
    _ruim_op(map_)
    with open(os.path.join(map_, REEKS), "w", encoding="utf-8") as f:
        f.write(reeks)
    basis = _git("merge-base", "--all", "HEAD", hun)  # after the check: a later driver needs only rev-parse
    if basis is None or len(basis.split()) != 1:  # a criss-cross merge: git merges a virtual base first
        return False
    basis_commit = basis.decode().strip()
    van_ons, van_hen = _gewijzigd(basis_commit, "HEAD"), _gewijzigd(basis_commit, hun)
    beide = [pad for pad in van_ons if pad in van_hen and van_ons[pad][1] != van_hen[pad][1]]
    paden = _met_samenvoeghulp(beide)
    if not paden:
        return True
    drietallen = {pad: (van_ons[pad][0], van_ons[pad][1], van_hen[pad][1]) for pad in paden}
    # git unpacks the blobs into a file while this process loads lxml and the merge (each takes ~50 ms)
    blobbestand = os.path.join(map_, f"blobs.{os.getpid()}.tmp")
    with open(blobbestand, "w+b") as uitvoer:
        os.unlink(blobbestand)
        try:
            blobs = start("cat-file", "--batch", uitvoer=uitvoer)
        except (GitOntbreekt, OSError):
            return False
        assert blobs.stdin is not None
        blobs.stdin.write("".join(f"{b}\n" for b in sorted({b for d in drietallen.values() for b in d})).encode())
        blobs.stdin.close()
        voeg_samen = samenvoeger()  # loaded once here, not in every forked process
        if blobs.wait() != 0:
            return False
        uitvoer.seek(0)
        inhoud = _lees_blobs(uitvoer.read())
    opdrachten = [(map_, pad, inhoud[basisblob], inhoud[onzeblob], inhoud[hunblob], voeg_samen)
                  for pad, (basisblob, onzeblob, hunblob) in drietallen.items()
                  if {basisblob, onzeblob, hunblob} <= inhoud.keys()]
    from kaderdiff.uitvoer.parallel import bruikbare_processors, verdeel

    return verdeel(_voeg_samen_en_bewaar, opdrachten, bruikbare_processors()) and len(opdrachten) == len(paden)


def _voeg_samen_en_bewaar(opdracht: tuple[str, str, bytes, bytes, bytes, Samenvoeger]) -> None:
    """One kader merged and its result stored (in one of the processes the kaders are spread over)."""
    map_, pad, basis, onze, hun, voeg_samen = opdracht
    _bewaar(map_, sleutel(pad, basis, onze, hun), voeg_samen(pad, basis, onze, hun))
