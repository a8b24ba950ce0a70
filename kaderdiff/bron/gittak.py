"""Create a branch of commits without touching the user's working tree, index or HEAD.

Blobs go straight into the object database; trees are built in a temporary index file
(GIT_INDEX_FILE); commits with `git commit-tree`; the branch ref is created last, and only
if it does not exist yet (`update-ref` with an empty old value), so a failure leaves no branch.
"""

from __future__ import annotations

import io
import os
import tempfile
from dataclasses import dataclass

import git
from gitdb import IStream  # type: ignore[import-untyped]

from kaderdiff.fouten import KaderdiffFout


@dataclass(frozen=True)
class TakCommit:
    hexsha: str
    auteur: str
    aantal: int
    elementen: tuple[str, ...]


def tak_naam_vrij(repo: git.Repo, naam: str) -> None:
    """Refuse an invalid branch name or one that exists already."""
    try:
        repo.git.check_ref_format("--branch", naam)
    except git.GitCommandError:
        raise KaderdiffFout(f"'{naam}' is geen geldige naam voor een git-tak") from None
    if f"refs/heads/{naam}" in {r.path for r in repo.references}:
        raise KaderdiffFout(f"De tak '{naam}' bestaat al; kies een andere --naam")


def _identiteit(repo: git.Repo) -> tuple[str, str]:
    lezer = repo.config_reader()
    naam = str(lezer.get_value("user", "name", "")) or "kaderdiff"
    email = str(lezer.get_value("user", "email", "")) or "kaderdiff@localhost"
    return naam, email


def maak_tak(repo: git.Repo, naam: str, basis: git.Commit, pad_in_repo: str,
             stappen: list[tuple[str, bytes, int, tuple[str, ...], str]], bron: str) -> tuple[TakCommit, ...]:
    """One commit per step (author, new file bytes, revisions, element ids, date) on a new branch `naam`."""
    tak_naam_vrij(repo, naam)
    committer, committer_email = _identiteit(repo)
    ouder = basis.hexsha
    uit: list[TakCommit] = []
    fd, index = tempfile.mkstemp(prefix="kaderdiff-index-")
    os.close(fd)
    os.unlink(index)
    try:
        omgeving = {"GIT_INDEX_FILE": index}
        repo.git.read_tree(basis.tree.hexsha, env=omgeving)
        for auteur, data, aantal, elementen, datum in stappen:
            blob = repo.odb.store(IStream("blob", len(data), io.BytesIO(data))).hexsha.decode("ascii")
            repo.git.update_index("--add", "--cacheinfo", f"100644,{blob},{pad_in_repo}", env=omgeving)
            boom = repo.git.write_tree(env=omgeving)
            bericht = (f"Voorstel uit {bron}: {aantal} revisie(s) van {auteur}\n\n"
                       f"Gewijzigde elementen: {', '.join(elementen)}\n")
            tijd = datum or basis.committed_datetime.isoformat()
            commit_omgeving = {
                **omgeving,
                "GIT_AUTHOR_NAME": auteur, "GIT_AUTHOR_EMAIL": "", "GIT_AUTHOR_DATE": tijd,
                "GIT_COMMITTER_NAME": committer, "GIT_COMMITTER_EMAIL": committer_email,
                "GIT_COMMITTER_DATE": tijd,
            }
            ouder = repo.git.commit_tree(boom, "-p", ouder, "-m", bericht, env=commit_omgeving)
            uit.append(TakCommit(ouder, auteur, aantal, elementen))
        repo.git.update_ref(f"refs/heads/{naam}", ouder, "", env=omgeving)
    except git.GitCommandError as fout:
        raise KaderdiffFout(f"De tak '{naam}' kon niet worden gemaakt; er is niets veranderd "
                            f"(git meldt: {str(fout.stderr).strip()})") from None
    finally:
        if os.path.exists(index):
            os.unlink(index)
    return tuple(uit)


def maak_tak_met_bestanden(repo: git.Repo, naam: str, basis: git.Commit, bestanden: dict[str, bytes],
                           bericht: str) -> str:
    """One commit on a new branch `naam` on top of `basis`, replacing or adding `bestanden` (path in the
    repository -> bytes); the working tree, index and HEAD are not touched. Returns the commit id."""
    tak_naam_vrij(repo, naam)
    committer, committer_email = _identiteit(repo)
    fd, index = tempfile.mkstemp(prefix="kaderdiff-index-")
    os.close(fd)
    os.unlink(index)
    try:
        omgeving = {"GIT_INDEX_FILE": index}
        repo.git.read_tree(basis.tree.hexsha, env=omgeving)
        for pad, data in sorted(bestanden.items()):
            blob = repo.odb.store(IStream("blob", len(data), io.BytesIO(data))).hexsha.decode("ascii")
            repo.git.update_index("--add", "--cacheinfo", f"100644,{blob},{pad}", env=omgeving)
        boom = repo.git.write_tree(env=omgeving)
        tijd = basis.committed_datetime.isoformat()
        commit_omgeving = {
            **omgeving,
            "GIT_AUTHOR_NAME": committer, "GIT_AUTHOR_EMAIL": committer_email, "GIT_AUTHOR_DATE": tijd,
            "GIT_COMMITTER_NAME": committer, "GIT_COMMITTER_EMAIL": committer_email, "GIT_COMMITTER_DATE": tijd,
        }
        commit: str = repo.git.commit_tree(boom, "-p", basis.hexsha, "-m", bericht, env=commit_omgeving)
        repo.git.update_ref(f"refs/heads/{naam}", commit, "", env=omgeving)
    except git.GitCommandError as fout:
        raise KaderdiffFout(f"De tak '{naam}' kon niet worden gemaakt: {fout.stderr.strip()}") from None
    finally:
        if os.path.exists(index):
            os.unlink(index)
    return commit


@dataclass(frozen=True)
class Stap:
    """One commit of a series: a file (path in the repo) with its new bytes, the message and a fixed date."""

    pad_in_repo: str
    data: bytes
    bericht: str
    datum: str


def maak_reeks(repo: git.Repo, naam: str, basis: git.Commit | None, stappen: list[Stap]) -> tuple[str, ...]:
    """One commit per step on a new branch `naam` (from `basis`, or a first commit when None), written
    straight into the object database: the work tree, index and HEAD are not touched, and the branch is
    only created once every commit exists."""
    tak_naam_vrij(repo, naam)
    naam_auteur, email = _identiteit(repo)
    ouder = basis.hexsha if basis is not None else ""
    uit: list[str] = []
    fd, index = tempfile.mkstemp(prefix="kaderdiff-index-")
    os.close(fd)
    os.unlink(index)
    try:
        omgeving = {"GIT_INDEX_FILE": index}
        if basis is not None:
            repo.git.read_tree(basis.tree.hexsha, env=omgeving)
        for stap in stappen:
            blob = repo.odb.store(IStream("blob", len(stap.data), io.BytesIO(stap.data))).hexsha.decode("ascii")
            repo.git.update_index("--add", "--cacheinfo", f"100644,{blob},{stap.pad_in_repo}", env=omgeving)
            boom = repo.git.write_tree(env=omgeving)
            commit_omgeving = {
                **omgeving,
                "GIT_AUTHOR_NAME": naam_auteur, "GIT_AUTHOR_EMAIL": email, "GIT_AUTHOR_DATE": stap.datum,
                "GIT_COMMITTER_NAME": naam_auteur, "GIT_COMMITTER_EMAIL": email, "GIT_COMMITTER_DATE": stap.datum,
            }
            ouders = ["-p", ouder] if ouder else []
            ouder = repo.git.commit_tree(boom, *ouders, "-m", stap.bericht, env=commit_omgeving)
            uit.append(ouder)
        if uit:
            repo.git.update_ref(f"refs/heads/{naam}", ouder, "", env=omgeving)
    except git.GitCommandError as fout:
        raise KaderdiffFout(f"De tak '{naam}' kon niet worden gemaakt: {fout.stderr.strip()}") from None
    finally:
        if os.path.exists(index):
            os.unlink(index)
    return tuple(uit)
