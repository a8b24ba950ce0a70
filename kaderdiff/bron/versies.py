"""Versions of kaders: `JAAR` (working tree) or `JAAR@REF` (a git tag/commit/branch).

Git objects are read with GitPython straight from the object database, so nothing
is ever checked out and the user's working tree is never touched. GitPython (and lxml) are
imported only when a version needs them: reading the working tree, as `herleid --artikel` and
`controleer` do, starts without them.
"""

from __future__ import annotations

import hashlib
import re
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from kaderdiff.fouten import KaderdiffFout
from kaderdiff.model.versie import Herkomst, Versie

if TYPE_CHECKING:
    import git

    from kaderdiff.model.kader import Kader


class KaderMap:
    """The kaders directory (`kaders/` of some git repo) and access to its versions."""

    def __init__(self, pad: Path) -> None:
        self.pad = pad.resolve()
        if not self.pad.is_dir():
            raise KaderdiffFout(f"De kadermap {pad} bestaat niet")
        self._commit_cache: dict[str, git.Commit] = {}
        self._geparsed: dict[tuple[str, str], Kader] = {}

    @cached_property
    def repo(self) -> git.Repo | None:
        """The git repository the kadermap lies in (opened on first use: importing GitPython is slow)."""
        import git

        try:
            return git.Repo(self.pad, search_parent_directories=True)
        except (git.InvalidGitRepositoryError, git.NoSuchPathError):
            return None

    @cached_property
    def git_map(self) -> Path | None:
        """The git directory of the repository (for a worktree its own one), found without GitPython."""
        return zoek_git_map(self.pad)

    # -- paths ---------------------------------------------------------------
    def _basis(self) -> str:
        """The kaders directory relative to the repo root ('' when it is the root)."""
        assert self.repo is not None and self.repo.working_tree_dir is not None
        relatief = self.pad.relative_to(Path(self.repo.working_tree_dir).resolve()).as_posix()
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

    def _commit(self, ref: str) -> git.Commit:
        import git

        if self.repo is None:
            raise KaderdiffFout(f"{self.pad} staat niet in een git-repository; versie @{ref} kan niet gelezen worden")
        if ref not in self._commit_cache:
            try:
                self._commit_cache[ref] = self.repo.commit(ref)
            except (git.BadName, ValueError, git.GitCommandError):
                raise KaderdiffFout(f"De git-referentie '{ref}' bestaat niet in {self.repo.working_tree_dir}") from None
        return self._commit_cache[ref]

    # -- listing -------------------------------------------------------------
    def jaren(self, ref: str | None = None) -> list[int]:
        """Years present in the working tree (or at a ref)."""
        if ref is None:
            return sorted(int(p.name) for p in self.pad.iterdir() if p.is_dir() and re.fullmatch(r"\d{4}", p.name))
        boom = self._commit(ref).tree
        basis = self._basis()
        try:
            map_ = boom / basis if basis else boom
        except KeyError:
            return []
        return sorted(int(t.name) for t in map_.trees if re.fullmatch(r"\d{4}", t.name))

    def sectoren(self, versie: Versie) -> list[str]:
        """Sectors (upper case) available in a version."""
        self._controleer_jaar(versie)
        if versie.ref is None:
            return sorted(p.stem.upper() for p in (self.pad / str(versie.jaar)).glob("*.xml"))
        boom = self._commit(versie.ref).tree / self._relatief(versie.jaar)
        return sorted(b.name[:-4].upper() for b in boom.blobs if b.name.endswith(".xml"))

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
        if sector.upper() not in self.sectoren(versie):
            beschikbaar = ", ".join(self.sectoren(versie))
            raise KaderdiffFout(
                f"De sector '{sector}' bestaat niet in versie {versie} (beschikbaar: {beschikbaar})"
            )
        if versie.ref is None:
            pad = self.bestand(versie.jaar, sector)
            return pad.read_bytes(), str(pad)
        pad_in_repo = self._relatief(versie.jaar, sector)
        blob = self._commit(versie.ref).tree / pad_in_repo
        return blob.data_stream.read(), f"{pad_in_repo}@{versie.ref}"

    def laad(self, versie: Versie, sector: str) -> Kader:
        """Load one kader of a version; the same bytes are parsed once per KaderMap (Kader is immutable)."""
        data, bron = self.lees_bytes(versie, sector)
        sleutel = (hashlib.sha256(data).hexdigest(), bron)
        if sleutel not in self._geparsed:
            from kaderdiff.bron.laden import laad_bytes

            self._geparsed[sleutel] = laad_bytes(data, bron)
        return self._geparsed[sleutel]

    def herkomst(self, versie: Versie) -> Herkomst:
        """The commit a version was read from, and whether the working tree differed from it."""
        if self.repo is None:
            return Herkomst(str(versie), "", versie.ref is None)
        if versie.ref is not None:
            return Herkomst(str(versie), self._commit(versie.ref).hexsha, False)
        try:
            commit = self.repo.head.commit.hexsha
        except ValueError:
            return Herkomst(str(versie), "", True)
        vuil = self.repo.is_dirty(untracked_files=True, path=str(self.pad / str(versie.jaar)))
        return Herkomst(str(versie), commit, vuil)

    def commitdatum(self, versie: Versie) -> int:
        """Unix time of the commit a version belongs to (0 without git): used to fix timestamps."""
        if self.repo is None:
            return 0
        try:
            commit = self._commit(versie.ref) if versie.ref else self.repo.head.commit
        except ValueError:
            return 0
        return int(commit.committed_date)


def standaard_kadermap() -> Path:
    """The `kaders/` of the repository or directory the user is in."""
    huidig = Path.cwd()
    for kandidaat in (huidig, *huidig.parents):
        if (kandidaat / "kaders").is_dir():
            return kandidaat / "kaders"
    return huidig / "kaders"


def zoek_git_map(pad: Path) -> Path | None:
    """The git directory for `pad`, looked up as git does: a `.git` folder in `pad` or a parent, or a `.git`
    file saying `gitdir: …` (a worktree or submodule). Cheap, so a cache can live there without GitPython."""
    for map_ in (pad, *pad.parents):
        kandidaat = map_ / ".git"
        if kandidaat.is_dir():
            if (kandidaat / "HEAD").is_file():
                return kandidaat
        elif kandidaat.is_file():
            try:
                inhoud = kandidaat.read_text(encoding="utf-8").strip()
            except (OSError, UnicodeDecodeError):
                return None
            if not inhoud.startswith("gitdir:"):
                return None
            doel = Path(inhoud.removeprefix("gitdir:").strip())
            return (doel if doel.is_absolute() else map_ / doel).resolve()
    return None
