"""Create a branch of commits without touching the user's working tree, index or HEAD.

Blobs go straight into the object database; trees are built in a temporary index file
(GIT_INDEX_FILE); commits with `git commit-tree`; the branch ref is created last, and only
if it does not exist yet (`update-ref` with an empty old value), so a failure leaves no branch.
"""

from __future__ import annotations

import io
import os
import tempfile

import git
from gitdb import IStream  # type: ignore[import-untyped]

from kaderdiff.fouten import KaderdiffFout
from kaderdiff.model.commit import Commitstap


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


def maak_reeks(repo: git.Repo, naam: str, basis: git.Commit | None, stappen: list[Commitstap]) -> tuple[str, ...]:
    """One commit per step on a new branch `naam` (from `basis`, or a first commit when None), written
    straight into the object database: the work tree, index and HEAD are not touched, and the branch is
    only created once every commit exists. Returns the commit ids."""
    tak_naam_vrij(repo, naam)
    committer, committer_email = _identiteit(repo)
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
            for pad, data in sorted(stap.bestanden.items()):
                blob = repo.odb.store(IStream("blob", len(data), io.BytesIO(data))).hexsha.decode("ascii")
                repo.git.update_index("--add", "--cacheinfo", f"100644,{blob},{pad}", env=omgeving)
            boom = repo.git.write_tree(env=omgeving)
            auteur, auteur_email = (stap.auteur, "") if stap.auteur else (committer, committer_email)
            commit_omgeving = {
                **omgeving,
                "GIT_AUTHOR_NAME": auteur, "GIT_AUTHOR_EMAIL": auteur_email, "GIT_AUTHOR_DATE": stap.datum,
                "GIT_COMMITTER_NAME": committer, "GIT_COMMITTER_EMAIL": committer_email,
                "GIT_COMMITTER_DATE": stap.datum,
            }
            ouders = ["-p", ouder] if ouder else []
            ouder = repo.git.commit_tree(boom, *ouders, "-m", stap.bericht, env=commit_omgeving)
            uit.append(ouder)
        if uit:
            repo.git.update_ref(f"refs/heads/{naam}", ouder, "", env=omgeving)
    except git.GitCommandError as fout:
        raise KaderdiffFout(f"De tak '{naam}' kon niet worden gemaakt; er is niets veranderd "
                            f"(git meldt: {str(fout.stderr).strip()})") from None
    finally:
        if os.path.exists(index):
            os.unlink(index)
    return tuple(uit)
