"""A git repository read with GitPython, straight from the object database: nothing is checked out, and the
working tree, index and HEAD are never touched. What the rest of kaderdiff gets is plain data (commits,
names, bytes: `model.versie`), never a GitPython object.

Whatever git cannot give (a shallow clone's missing object, an unknown ref, git not installed) becomes a
Dutch message (`git_geeft`). Importing this module loads GitPython: callers import it when a version needs
git, so commands that read only the working tree start without it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import git
from gitdb.exc import ODBError  # type: ignore[import-untyped]

from kaderdiff.fouten import KaderdiffFout
from kaderdiff.model.commit import Blob, Commit, Commitstap, Historiestap
from kaderdiff.versiebeheer import tak
from kaderdiff.versiebeheer.opdracht import GitOntbreekt, git_reden
from kaderdiff.versiebeheer.opdracht import git as git_opdracht

T = TypeVar("T")

#: What GitPython raises for a missing object (shallow clone), a bad ref or a failing git command.
GITFOUTEN: tuple[type[BaseException], ...] = (git.BadName, git.BadObject, ODBError, ValueError,
                                               git.GitCommandError, git.GitCommandNotFound, KeyError, OSError)


def git_geeft(functie: Callable[[], T], wat: str) -> T:
    """Run a GitPython call; a missing object, a bad ref or a missing git becomes a Dutch `KaderdiffFout`."""
    try:
        return functie()
    except git.GitCommandNotFound:
        raise KaderdiffFout(f"{wat}: het programma git is niet gevonden; installeer git (of zet het in PATH)") from None
    except GITFOUTEN as fout:
        detail = str(getattr(fout, "stderr", "") or "").strip()
        ontbreekt = "missing" in str(fout) or isinstance(fout, (ODBError, git.BadObject)) or "missing" in detail
        reden = ("een git-object ontbreekt; is dit een onvolledige (shallow) clone? Haal de volledige "
                 "geschiedenis op met 'git fetch --unshallow'") if ontbreekt else "git kan dit niet lezen"
        raise KaderdiffFout(f"{wat}: {reden}") from None


def _commit(c: git.Commit) -> Commit:
    bericht = c.message if isinstance(c.message, str) else c.message.decode()
    auteur = f"{c.author.name} <{c.author.email}>" if c.author.email else str(c.author.name or "")
    return Commit(c.hexsha, int(c.committed_date), c.committed_datetime.isoformat(), bericht, auteur)


class Repository:
    """One git repository: commits, trees and blobs by commit id, history, new branches."""

    def __init__(self, repo: git.Repo) -> None:
        self._repo = repo
        self._commits: dict[str, git.Commit] = {}

    @classmethod
    def open(cls, pad: Path) -> Repository | None:
        """The repository `pad` lies in (itself or a parent); None outside one."""
        try:
            return cls(git.Repo(pad, search_parent_directories=True))
        except (git.InvalidGitRepositoryError, git.NoSuchPathError):
            return None

    @classmethod
    def nieuw(cls, map_: Path) -> Repository:
        """A new, empty repository in `map_` whose first branch is main."""
        try:
            gemaakt = git_opdracht("init", "-q", "-b", "main", str(map_))
        except GitOntbreekt:
            raise KaderdiffFout("git is niet gevonden: installeer git (https://git-scm.com)") from None
        if not gemaakt.gelukt:
            raise KaderdiffFout(f"git init in {map_} mislukte: {git_reden(gemaakt.fout)}")
        return cls(git.Repo(map_))

    @property
    def werkmap(self) -> Path | None:
        return Path(self._repo.working_tree_dir) if self._repo.working_tree_dir is not None else None

    def sluit(self) -> None:
        self._repo.close()

    # -- commits -------------------------------------------------------------
    def _git_commit(self, ref: str) -> git.Commit:
        if ref not in self._commits:
            self._commits[ref] = self._repo.commit(ref)
        return self._commits[ref]

    def commit(self, ref: str) -> Commit:
        """The commit a ref names; a Dutch error when it does not exist or cannot be read."""
        try:
            commit = self._git_commit(ref)
        except git.GitCommandNotFound:
            raise KaderdiffFout(f"Versie @{ref}: het programma git is niet gevonden; installeer git") from None
        except GITFOUTEN:
            raise KaderdiffFout(f"De git-referentie '{ref}' bestaat niet in {self._repo.working_tree_dir}") from None
        git_geeft(lambda: commit.tree, f"De git-referentie '{ref}' (commit {commit.hexsha[:7]})")
        self._commits[commit.hexsha] = commit
        return _commit(commit)

    def kop(self) -> Commit | None:
        """HEAD's commit; None before the first commit."""
        try:
            return _commit(self._repo.head.commit)
        except ValueError:
            return None

    def merge_base(self, a: Commit, b: Commit) -> Commit:
        """The common ancestor of two commits; a Dutch error when they have none."""
        basissen = git_geeft(lambda: self._repo.merge_base(a.hexsha, b.hexsha),
                             f"De gemeenschappelijke voorouder van {a.hexsha[:7]} en {b.hexsha[:7]}")
        if not basissen or not isinstance(basissen[0], git.Commit):
            raise KaderdiffFout(f"{a.hexsha[:7]} en {b.hexsha[:7]} hebben geen gemeenschappelijke voorouder")
        return _commit(basissen[0])

    def commits_tussen(self, van: Commit, naar: Commit) -> list[Commit]:
        """The commits reachable from `naar` but not from `van` (`git log van..naar`), oldest first."""
        return git_geeft(lambda: [_commit(c) for c in reversed(list(self._repo.iter_commits(
            f"{van.hexsha}..{naar.hexsha}")))], f"De commits tussen {van.hexsha[:7]} en {naar.hexsha[:7]}")

    def gewijzigde_paden(self, van: Commit, naar: Commit) -> list[tuple[str | None, str | None]]:
        """(old path, new path) of every file that differs between two commits."""
        verschillen = git_geeft(lambda: self._git_commit(van.hexsha).diff(self._git_commit(naar.hexsha)),
                                f"De verschillen tussen {van.hexsha[:7]} en {naar.hexsha[:7]}")
        return [(d.a_path, d.b_path) for d in verschillen]

    def takken(self) -> list[tuple[str, Commit]]:
        """Every local branch and the commit it points to."""
        return [(t.name, _commit(t.commit)) for t in self._repo.heads]

    # -- trees and blobs ------------------------------------------------------
    def mappen(self, commit: str, pad: str, wat: str) -> list[str]:
        """The names of the folders in folder `pad` ('' for the root) of a commit; [] when it is not there."""
        boom = self._git_commit(commit).tree
        try:
            map_ = boom / pad if pad else boom
        except KeyError:
            return []
        return git_geeft(lambda: [t.name for t in map_.trees], wat)

    def bestanden(self, commit: str, pad: str, wat: str) -> list[str]:
        """The names of the files in folder `pad` of a commit."""
        return git_geeft(lambda: [b.name for b in (self._git_commit(commit).tree / pad).blobs], wat)

    def lees(self, commit: str, pad: str, wat: str) -> bytes:
        """The bytes of file `pad` in a commit."""
        data: bytes = git_geeft(lambda: (self._git_commit(commit).tree / pad).data_stream.read(), wat)
        return data

    def historie(self, bereik: str, pad: str) -> Iterator[Historiestap]:
        """The commits in `bereik` that touched `pad`, newest first and read lazily, each with the file after
        it and in its first parent. A history git cannot read is a `KaderdiffFout`."""
        gelezen: dict[str, Blob] = {}

        def blob(commit: git.Commit) -> Blob | None:
            try:
                gevonden = commit.tree / pad
            except KeyError:
                return None
            if gevonden.hexsha not in gelezen:
                gelezen[gevonden.hexsha] = Blob(gevonden.hexsha, gevonden.data_stream.read(),
                                                f"{pad}@{commit.hexsha[:7]}")
            return gelezen[gevonden.hexsha]

        try:
            for commit in self._repo.iter_commits(bereik, paths=pad):
                na = blob(commit)
                voor = blob(commit.parents[0]) if na is not None and commit.parents else None
                yield Historiestap(_commit(commit), na, voor)
        except (git.GitCommandError, ValueError):
            raise KaderdiffFout(f"De geschiedenis van {pad} ({bereik}): git kan dit niet lezen") from None

    # -- writing: a branch without a checkout ---------------------------------
    def tak_naam_vrij(self, naam: str) -> None:
        """Refuse an invalid branch name or one that exists already."""
        tak.tak_naam_vrij(self._repo, naam)

    def maak_reeks(self, naam: str, basis: Commit | None, stappen: list[Commitstap]) -> tuple[str, ...]:
        """One commit per step on a new branch `naam` (see `tak.maak_reeks`); returns the commit ids."""
        return tak.maak_reeks(self._repo, naam, self._git_commit(basis.hexsha) if basis is not None else None,
                              stappen)

    def maak_hoofdtak(self, tak_naam: str, hoofd: str = "main") -> None:
        """In a repository of our own: branch `tak_naam` becomes `hoofd`, HEAD and the working tree follow it."""
        self._repo.git.symbolic_ref("HEAD", f"refs/heads/{hoofd}")
        self._repo.git.branch("-m", tak_naam, hoofd)
        self._repo.git.reset("--hard", hoofd)
