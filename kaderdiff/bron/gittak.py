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
