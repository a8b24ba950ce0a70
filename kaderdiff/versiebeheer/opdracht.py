"""Running git: the one runner every git command of kaderdiff goes through, and git's reasons in Dutch.

Lean on purpose: the merge driver imports this at every start (only `os`; `subprocess` when git really runs).
The callers differ in a few rules, which are options here rather than copies of the runner:
- `map_`: where git runs (git starts a merge driver at the worktree's top, so it passes none);
- `negeer_git_dir`: a kadermap's own repository, whatever a calling hook put in GIT_DIR (the merge driver
  itself wants GIT_DIR: during a merge it names the repository being merged);
- `invoer`: bytes for git's standard input; `omgeving`: extra variables (GIT_INDEX_FILE, identities).
git missing is `GitOntbreekt`, which each caller turns into its own Dutch sentence; `git_reden` says in Dutch
why a git command failed.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False  # not `typing`: the merge driver's later starts import only os and hashlib
if TYPE_CHECKING:
    import subprocess
    from pathlib import Path
    from typing import IO


class GitOntbreekt(Exception):
    """The git program is not installed (or not in PATH)."""


class Uitkomst:
    """Exit code and the bytes git wrote."""

    __slots__ = ("code", "fout", "uit")

    def __init__(self, code: int, uit: bytes, fout: bytes) -> None:
        self.code, self.uit, self.fout = code, uit, fout

    @property
    def gelukt(self) -> bool:
        return self.code == 0

    @property
    def tekst(self) -> str:
        """Standard output as text (git writes UTF-8; anything else is replaced, never an error)."""
        return self.uit.decode("utf-8", errors="replace")

    @property
    def fouttekst(self) -> str:
        return self.fout.decode("utf-8", errors="replace")


def _omgeving(negeer_git_dir: bool, omgeving: dict[str, str] | None) -> dict[str, str] | None:
    if not negeer_git_dir and not omgeving:
        return None  # inherit ours unchanged
    basis = {k: v for k, v in os.environ.items() if not (negeer_git_dir and k in ("GIT_DIR", "GIT_WORK_TREE"))}
    return {**basis, **(omgeving or {})}


def git_aanwezig() -> bool:
    """Whether the git program can be found (in PATH)."""
    import shutil

    return shutil.which("git") is not None


def git(*args: str, map_: str | Path | None = None, invoer: bytes | None = None, negeer_git_dir: bool = False,
        omgeving: dict[str, str] | None = None) -> Uitkomst:
    """Run `git ARGS` and wait; raises `GitOntbreekt` when there is no git, never for git's own exit code."""
    import subprocess

    try:
        klaar = subprocess.run(["git", *args], cwd=map_, input=invoer, capture_output=True, check=False,
                               env=_omgeving(negeer_git_dir, omgeving))
    except FileNotFoundError:
        raise GitOntbreekt from None
    return Uitkomst(klaar.returncode, klaar.stdout, klaar.stderr)


class Lopend:
    """A git command started by `begin`: it runs while the caller goes on; `uitkomst` waits for its answer."""

    __slots__ = ("_proces",)

    def __init__(self, proces: subprocess.Popen[bytes]) -> None:
        self._proces = proces

    def uitkomst(self) -> Uitkomst:
        uit, fout = self._proces.communicate()
        return Uitkomst(self._proces.returncode, uit, fout)


def begin(*args: str, map_: str | Path | None = None, negeer_git_dir: bool = False) -> Lopend:
    """Start `git ARGS` as `git` runs it, without waiting; raises `GitOntbreekt` when there is no git. Its
    output waits in a pipe (git pauses on a full one until `uitkomst` reads it)."""
    import subprocess

    try:
        proces = subprocess.Popen(["git", *args], cwd=map_, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  env=_omgeving(negeer_git_dir, None))
    except FileNotFoundError:
        raise GitOntbreekt from None
    return Lopend(proces)


def start(*args: str, uitvoer: IO[bytes]) -> subprocess.Popen[bytes]:
    """Start `git ARGS` with a pipe for its input and its output into a file, without waiting: git works while
    the caller does something else. Raises `GitOntbreekt` when there is no git."""
    import subprocess

    try:
        return subprocess.Popen(["git", *args], stdin=subprocess.PIPE, stdout=uitvoer)
    except FileNotFoundError:
        raise GitOntbreekt from None


def gitmap(map_: str = ".") -> str | None:
    """This worktree's git directory as git finds it (GIT_DIR, or `.git` here or above: a folder, or a file
    that points to one), without starting git; None outside a repository. What the merge driver, started by
    git, uses; a kadermap looks its repository up with `plek.zoek_git_map`, which ignores GIT_DIR."""
    if os.environ.get("GIT_DIR"):
        return os.path.abspath(os.environ["GIT_DIR"])
    map_ = os.path.abspath(map_)
    while True:
        kandidaat = os.path.join(map_, ".git")
        if os.path.isdir(kandidaat):
            return kandidaat
        if os.path.isfile(kandidaat):
            with open(kandidaat, encoding="utf-8") as f:
                regel = f.readline().strip()
            if regel.startswith("gitdir:"):
                return os.path.normpath(os.path.join(map_, regel[len("gitdir:"):].strip()))
            return None
        boven = os.path.dirname(map_)
        if boven == map_:
            return None
        map_ = boven


#: What git's own (English) messages mean, for the few ways a repository can be unusable.
_GITREDENEN = (("not a git repository", "git herkent er geen repository in"),
               ("invalid gitfile format", "het bestand .git wijst niet naar een git-map"),
               ("bad config", "de git-instellingen (.git/config) zijn onleesbaar"),
               ("Permission denied", "geen toegang (rechten)"),
               ("unsafe repository", "de repository is van een andere gebruiker (git: safe.directory)"),
               ("dubious ownership", "de repository is van een andere gebruiker (git: safe.directory)"))


def git_reden(stderr: str | bytes) -> str:
    """Why a git command failed, in Dutch; git's own first line quoted in the middle, never at the end."""
    if isinstance(stderr, bytes):
        stderr = stderr.decode("utf-8", errors="replace")
    regel = next((r.strip() for r in stderr.splitlines() if r.strip()), "")
    reden = next((nl for en, nl in _GITREDENEN if en.lower() in regel.lower()), "git meldt een fout")
    return f"{reden} (git: '{regel}')" if regel else reden
