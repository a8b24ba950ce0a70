"""Versions of kaders: `JAAR` (working tree) or `JAAR@REF` (a git tag/commit/branch).

Git is read through versiebeheer/ (its `Repository` reads the object database, so nothing is ever checked
out and the user's working tree is never touched). GitPython (and lxml) are imported only when a version
needs them: reading the working tree, as `herleid --artikel` and `controleer` do, starts without them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path

from kaderdiff.bron.bestanden import lees_bestand
from kaderdiff.fouten import KaderdiffFout
from kaderdiff.model.versie import Herkomst, Versie
from kaderdiff.versiebeheer.plek import zoek_git_map, zoek_werkmap

TYPE_CHECKING = False  # not `typing`: `herleid` loads nothing else that imports it (tests/cli/test_opstart.py)
if TYPE_CHECKING:
    from kaderdiff.model.commit import Commit, Historiestap
    from kaderdiff.model.kader import Kader
    from kaderdiff.uitvoer.atomair import Beschermd
    from kaderdiff.versiebeheer.opdracht import Lopend
    from kaderdiff.versiebeheer.repository import Repository


class KaderMap:
    """The kaders directory (`kaders/` of some git repo) and access to its versions."""

    def __init__(self, pad: Path) -> None:
        self.pad = pad.resolve()
        if not self.pad.is_dir():
            raise KaderdiffFout(f"De kadermap {pad} bestaat niet")
        self._commit_cache: dict[str, Commit] = {}
        self._geparsed: dict[tuple[str, str], Kader] = {}
        self._status_cache: dict[int, tuple[set[str], bool]] = {}
        self._commits_per_bestand: dict[tuple[int, str | None], dict[str, tuple[str, int, int]]] = {}
        self._vooruit: dict[tuple[str, ...], Lopend] = {}  # git commands started early (`git_vooruit`)
        self._overgenomen: dict[tuple[str, str], bytes] = {}  # kaders loaded ahead, pickled (`neem_over`)

    @cached_property
    def repo(self) -> Repository | None:
        """The git repository the kadermap lies in (opened on first use: importing GitPython is slow)."""
        from kaderdiff.versiebeheer.repository import Repository

        return Repository.open(self.pad)

    @cached_property
    def git_map(self) -> Path | None:
        """The git directory of the repository (for a worktree its own one), found without GitPython."""
        return zoek_git_map(self.pad)

    # -- paths ---------------------------------------------------------------
    def wortel(self) -> Path | None:
        """The root of the git working tree the kaders are in (None without git), found without GitPython."""
        return zoek_werkmap(self.pad)

    def beschermd(self, doel: Path | None = None) -> tuple[Beschermd, ...]:
        """Places no output may replace or land in (see `beschermde_plaatsen`)."""
        return beschermde_plaatsen(self.pad, doel)

    def naam_van(self, pad: Path) -> str:
        """How outputs and messages name a file of the working tree: relative to the repository (or to the
        folder holding the kadermap), so no builder's directory ends up in a document."""
        basis = self.wortel() or self.pad.parent
        try:
            return pad.resolve().relative_to(basis).as_posix()
        except ValueError:
            return pad.as_posix()

    def _basis(self) -> str:
        """The kaders directory relative to the repo root ('' when it is the root)."""
        assert self.repo is not None and self.repo.werkmap is not None
        relatief = self.pad.relative_to(self.repo.werkmap.resolve()).as_posix()
        return "" if relatief == "." else relatief

    def pad_in_repo(self, jaar: int, sector: str) -> str:
        """Posix path of a kader file inside the git repository."""
        return self._relatief(jaar, sector)

    def _relatief(self, jaar: int, sector: str | None = None) -> str:
        """Path inside the repo (posix) of a year directory or kader file."""
        deel = f"{jaar}/{sector.lower()}.xml" if sector else str(jaar)
        basis = self._basis()
        return f"{basis}/{deel}" if basis else deel

    def bestand(self, jaar: int, sector: str) -> Path:
        return self.pad / str(jaar) / f"{sector.lower()}.xml"

    def commit(self, ref: str) -> Commit:
        """The commit a ref names; a Dutch error when it does not exist or cannot be read."""
        return self._commit(ref)

    def _commit(self, ref: str) -> Commit:
        if self.repo is None:
            raise KaderdiffFout(f"{self.pad} staat niet in een git-repository; versie @{ref} kan niet gelezen worden")
        if ref not in self._commit_cache:
            self._commit_cache[ref] = self.repo.commit(ref)
        return self._commit_cache[ref]

    def _repository(self) -> Repository:
        assert self.repo is not None  # a ref was read (`_commit`) before anything else of git
        return self.repo

    # -- listing -------------------------------------------------------------
    def jaren(self, ref: str | None = None) -> list[int]:
        """Years present in the working tree (or at a ref)."""
        if ref is None:
            return sorted(int(p.name) for p in self.pad.iterdir() if p.is_dir() and re.fullmatch(r"\d{4}", p.name))
        commit = self._commit(ref).hexsha
        namen = self._repository().mappen(commit, self._basis(), f"De kadermap op {ref}")
        return sorted(int(naam) for naam in namen if re.fullmatch(r"\d{4}", naam))

    def sectoren(self, versie: Versie) -> list[str]:
        """Sectors (upper case) available in a version."""
        self._controleer_jaar(versie)
        if versie.ref is None:
            return sorted(p.stem.upper() for p in (self.pad / str(versie.jaar)).glob("*.xml"))
        namen = self._repository().bestanden(self._commit(versie.ref).hexsha, self._relatief(versie.jaar),
                                             f"Versie {versie}")
        return sorted(naam[:-4].upper() for naam in namen if naam.endswith(".xml"))

    def _controleer_jaar(self, versie: Versie) -> None:
        jaren = self.jaren(versie.ref)
        if versie.jaar not in jaren:
            waar = f" op {versie.ref}" if versie.ref else ""
            beschikbaar = ", ".join(map(str, jaren)) or "geen"
            raise KaderdiffFout(
                f"Het jaar {versie.jaar} bestaat niet in {self.pad}{waar} (beschikbaar: {beschikbaar})"
            )

    # -- loading -------------------------------------------------------------
    def lees_bytes(self, versie: Versie, sector: str) -> tuple[bytes, str]:
        """Raw bytes of one kader and the name used for it in messages."""
        pad = self.bestand(versie.jaar, sector)
        # the file of a plain sector name in the working tree is there: so are its year and sector (listing both,
        # for the message, took a tenth of reading it)
        aanwezig = versie.ref is None and _JAAR.fullmatch(pad.parent.name) is not None \
            and pad.parent == self.pad / str(versie.jaar) and pad.is_file()
        if not aanwezig and sector.upper() not in self.sectoren(versie):
            beschikbaar = ", ".join(self.sectoren(versie))
            raise KaderdiffFout(
                f"De sector '{sector}' bestaat niet in versie {versie} (beschikbaar: {beschikbaar})"
            )
        if versie.ref is None:
            naam = self.naam_van(pad)
            return lees_bestand(pad, naam), naam
        pad_in_repo = self._relatief(versie.jaar, sector)
        commit = self._commit(versie.ref).hexsha
        data = self._repository().lees(commit, pad_in_repo, f"{pad_in_repo}@{versie.ref}")
        return data, f"{pad_in_repo}@{versie.ref}"

    def lees_jaarbestand(self, versie: Versie, naam: str) -> tuple[bytes, str] | None:
        """Another file of a year's folder (its `consultatie.toml`) and its name for messages; None without one."""
        self._controleer_jaar(versie)
        if versie.ref is None:
            pad = self.pad / str(versie.jaar) / naam
            if not (pad.exists() or pad.is_symlink()):
                return None
            return lees_bestand(pad, self.naam_van(pad)), self.naam_van(pad)
        map_ = self._relatief(versie.jaar)
        commit = self._commit(versie.ref).hexsha
        if naam not in self._repository().bestanden(commit, map_, f"Versie {versie}"):
            return None
        return self._repository().lees(commit, f"{map_}/{naam}", f"{map_}/{naam}@{versie.ref}"), \
            f"{map_}/{naam}@{versie.ref}"

    def laad(self, versie: Versie, sector: str) -> Kader:
        """Load one kader of a version; the same bytes are parsed once per KaderMap (Kader is immutable)."""
        return self.laad_met_sleutel(versie, sector)[0]

    def laad_met_sleutel(self, versie: Versie, sector: str) -> tuple[Kader, tuple[str, str]]:
        """`laad`, and the key of the kader: the sha256 of its bytes and their name."""
        import hashlib  # here: loading OpenSSL costs the small commands that never load a kader

        data, bron = self.lees_bytes(versie, sector)
        sleutel = (hashlib.sha256(data).hexdigest(), bron)
        if sleutel not in self._geparsed:
            gepickeld = self._overgenomen.pop(sleutel, None)
            if gepickeld is not None:
                import pickle

                self._geparsed[sleutel] = pickle.loads(gepickeld)
            else:
                from kaderdiff.bron.laden import laad_bytes
                from kaderdiff.bron.wetregister import register_voor

                self._geparsed[sleutel] = laad_bytes(data, bron, register_voor(self.pad))
        return self._geparsed[sleutel], sleutel

    def neem_over(self, gepickeld: dict[tuple[str, str], bytes]) -> None:
        """Kaders another process loaded from these same bytes (`bron/vooruitladen`), pickled, by their key: `laad`
        unpickles one instead of parsing it, if the bytes it reads have that key."""
        self._overgenomen.update(gepickeld)

    def herkomst(self, versie: Versie, sector: str | None = None) -> Herkomst:
        """The commit a version was read from, and whether the working tree differed from it.

        With `sector`: of that kader file alone: the last commit that changed it (its date names the version in
        the documents of that sector) and whether the file itself differs from it. A sector's documents then
        depend on its own sources only: another sector's edit or commit leaves them as they were."""
        if self.git_map is None:
            return Herkomst(str(versie), "", versie.ref is None)
        if sector is not None:
            return self._herkomst_van_bestand(versie, f"{sector.lower()}.xml")
        if versie.ref is not None:
            commit = self._commit(versie.ref)
            return Herkomst(str(versie), commit.hexsha, False, commit.tijd)
        if self._kop is None:
            return Herkomst(str(versie), "", True)
        return Herkomst(str(versie), self._kop[0], self._gewijzigd(versie.jaar)[1], self._kop[1])

    def _herkomst_van_bestand(self, versie: Versie, naam: str) -> Herkomst:
        """The herkomst of one kader file together with the shared files beside it (the consultation's settings):
        the newest commit that changed any of them, and whether any of them differs from it."""
        if versie.ref is None and self._kop is None:
            return Herkomst(str(versie), "", True)
        laatste = self._laatste_commits(versie)
        bronnen = {naam} | {n for n in laatste if not n.endswith(".xml")}
        commit, tijd, _ = min((laatste[n] for n in bronnen if n in laatste), key=lambda c: c[2],
                              default=("", 0, 0))
        gewijzigd = self._gewijzigd(versie.jaar)[0]
        vuil = versie.ref is None and (naam not in laatste or any(
            n == naam or not n.endswith(".xml") for n in gewijzigd))
        return Herkomst(str(versie), commit, vuil, tijd)

    def _gewijzigd(self, jaar: int) -> tuple[set[str], bool]:
        """The names of the files directly in a year's folder of the working tree that differ from HEAD (untracked
        ones too), and whether anything in that folder does, from one `git status` per year."""
        if jaar not in self._status_cache:
            _, status = self._git(*self._statusopdracht(jaar))
            delen = status.split("\0")
            namen: set[str] = set()
            i = 0
            while i < len(delen):
                regel = delen[i]
                if len(regel) > 3:
                    namen.add(_in_jaarmap(regel[3:], jaar))
                    if regel[0] in "RC":  # a rename or copy: its old name follows
                        i += 1
                        if i < len(delen):
                            namen.add(_in_jaarmap(delen[i], jaar))
                i += 1
            namen.discard("")
            self._status_cache[jaar] = (namen, bool(status.strip("\0\n ")))
        return self._status_cache[jaar]

    def _laatste_commits(self, versie: Versie) -> dict[str, tuple[str, int, int]]:
        """Per file of a version's year folder the last commit that changed it, its time and its place in the
        history (0: the newest), from one `git log` along the first parents (a merge counts as the commit that
        brought its changes onto the branch)."""
        sleutel = (versie.jaar, versie.ref)
        if sleutel not in self._commits_per_bestand:
            rev = self._commit(versie.ref).hexsha if versie.ref is not None else "HEAD"
            _, uit = self._git(*self._logopdracht(versie.jaar, rev))
            per_bestand: dict[str, tuple[str, int, int]] = {}
            commit, tijd, plaats = "", 0, -1
            for deel in uit.split("\0"):
                deel = deel.strip("\n")
                if deel.startswith("\x01"):
                    kop, _, deel = deel[1:].partition("\n")
                    commit, ruwe_tijd = kop.split()
                    tijd, plaats = int(ruwe_tijd), plaats + 1
                naam = _in_jaarmap(deel, versie.jaar)
                if naam and naam not in per_bestand:  # newest first: the first commit seen is the last one
                    per_bestand[naam] = (commit, tijd, plaats)
            self._commits_per_bestand[sleutel] = per_bestand
        return self._commits_per_bestand[sleutel]

    def commitdatum(self, versie: Versie) -> int:
        """Unix time of the commit a version belongs to (0 without git): used to fix timestamps."""
        if versie.ref is not None:
            return self._commit(versie.ref).tijd if self.repo is not None else 0
        return self._kop[1] if self._kop is not None else 0

    @cached_property
    def _kop(self) -> tuple[str, int] | None:
        """HEAD's commit and its commit time (None before the first commit), read with one git command: a
        working-tree pack or Staat needs no more of git, and importing GitPython and opening the repository
        took longer than all of this."""
        if self.git_map is None:
            return None
        code, uit = self._git(*_KOP, toegestaan=(128,))
        if code != 0:
            self._git("rev-parse", "--verify", "--quiet", "HEAD", toegestaan=(1,))  # 1: no commit yet
            return None
        commit, tijd = uit.split()
        return commit, int(tijd)

    def _statusopdracht(self, jaar: int) -> tuple[str, ...]:
        return "status", "--porcelain", "-z", "--untracked-files=all", "--", str(self.pad / str(jaar))

    def _logopdracht(self, jaar: int, rev: str) -> tuple[str, ...]:
        return "log", "--first-parent", "--format=%x01%H %ct", "--name-only", "-z", rev, "--", str(self.pad / str(jaar))

    @contextmanager
    def git_vooruit(self, versies: Iterable[Versie]) -> Iterator[None]:
        """Start now, without waiting, the git commands `herkomst` will run for these versions (of the working
        tree): HEAD's commit, and per year its `git status` and its `git log`. git answers on the other CPU while
        this process goes on (the pack: while it imports its renderers), and `herkomst` reads the answers. What
        was not asked for by the end is waited for then, so no git is left running."""
        from kaderdiff.versiebeheer.opdracht import GitOntbreekt, begin

        opdrachten: list[tuple[str, ...]] = []
        if self.git_map is not None:
            opdrachten = [_KOP, *(opdracht for versie in versies if versie.ref is None
                                  for opdracht in (self._statusopdracht(versie.jaar),
                                                   self._logopdracht(versie.jaar, "HEAD")))]
        try:
            for args in dict.fromkeys(opdrachten):
                if args not in self._vooruit:
                    self._vooruit[args] = begin(*args, map_=self.pad, negeer_git_dir=True)
        except GitOntbreekt:
            pass  # `_git` says so in Dutch when it runs the command itself
        try:
            yield
        finally:
            while self._vooruit:
                self._vooruit.popitem()[1].uitkomst()

    def _git(self, *args: str, toegestaan: tuple[int, ...] = ()) -> tuple[int, str]:
        """Exit code and output of a git command in the kadermap; another error than the `toegestaan` exit
        codes is a Dutch error with git's reason. The repository is the one around the kadermap, whatever a
        calling git hook put in GIT_DIR."""
        from kaderdiff.versiebeheer.opdracht import GitOntbreekt, git, git_reden

        lopend = self._vooruit.pop(args, None)
        try:
            uit = lopend.uitkomst() if lopend is not None else git(*args, map_=self.pad, negeer_git_dir=True)
        except GitOntbreekt:
            raise KaderdiffFout(f"De kadermap {self.pad}: het programma git is niet gevonden; installeer git "
                                "(of zet het in PATH)") from None
        if uit.code != 0 and uit.code not in toegestaan:
            raise KaderdiffFout(f"git kan de repository van {self.pad} niet lezen: {git_reden(uit.fout)}")
        return uit.code, uit.tekst

    def historie(self, van: Versie, naar: Versie, sector: str) -> Iterator[Historiestap]:
        """The commits that touched the newer kader file on the way from `van` to `naar`, newest first (none
        without git); with `van` at a ref of the same year only those in `van..naar`."""
        if self.repo is None:
            return iter(())
        rev = naar.ref or "HEAD"
        bereik = f"{van.ref}..{rev}" if van.ref and van.jaar == naar.jaar else rev
        return self.repo.historie(bereik, self.pad_in_repo(naar.jaar, sector))


#: The name of a year's folder.
_JAAR = re.compile(r"\d{4}")
#: HEAD's commit and its commit time (`_kop`).
_KOP = ("log", "-1", "--format=%H %ct", "HEAD")


def _in_jaarmap(pad: str, jaar: int) -> str:
    """The file name of a path git gives (relative to the repository root) when it lies directly in the folder
    of `jaar`, else ''."""
    delen = pad.split("/")
    return delen[-1] if len(delen) >= 2 and delen[-2] == str(jaar) else ""


def standaard_kadermap() -> Path:
    """The `kaders/` of the repository or directory the user is in."""
    huidig = Path.cwd()
    for kandidaat in (huidig, *huidig.parents):
        if (kandidaat / "kaders").is_dir():
            return kandidaat / "kaders"
    return huidig / "kaders"


def beschermde_plaatsen(kadermap: Path | None, doel: Path | None = None) -> tuple[Beschermd, ...]:
    """Places no output may replace or land in: the kadermap and the git directory (also inside them), the
    repository root (being or containing it); of the repository the kaders lie in and of the one the output
    `doel` would land in (its `kaders/` too)."""
    from kaderdiff.uitvoer.atomair import Beschermd

    uit = [Beschermd(kadermap.resolve(), "de kadermap")] if kadermap is not None else []
    for pad in dict.fromkeys(p.resolve() for p in (kadermap, doel) if p is not None):
        wortel = zoek_werkmap(pad)
        if wortel is None:
            continue
        git_map = zoek_git_map(pad)
        if git_map is not None:
            uit.append(Beschermd(git_map, "de git-map van de repository"))
        uit.append(Beschermd(wortel / ".git", "de git-map van de repository"))
        uit.append(Beschermd(wortel, "de hoofdmap van de repository", ook_erbinnen=False))
        if (wortel / "kaders").is_dir():
            uit.append(Beschermd(wortel / "kaders", "de kadermap"))
    return tuple(dict.fromkeys(uit))
