"""Committing files of the working tree on the current branch: what `nieuw-jaar` leaves as one commit.

Only the given folder goes into the commit (`git commit --only`): whatever else the user has staged stays
staged and out of it. The repository's own hooks run as for any commit (a repository made by `init` checks the
new kaders before the commit). When the commit fails nothing of it stays in the index, so the caller can take
its files away again and leave the repository as it was.
"""

from __future__ import annotations

from pathlib import Path

from kaderdiff.fouten import KaderdiffFout
from kaderdiff.versiebeheer.opdracht import GitOntbreekt, Uitkomst, git, git_reden


def _git(werkmap: Path, *args: str) -> Uitkomst:
    try:
        return git(*args, map_=werkmap, negeer_git_dir=True)
    except GitOntbreekt:
        raise KaderdiffFout("git is niet gevonden: installeer git (of zet het in PATH)") from None


def huidige_tak(werkmap: Path) -> str:
    """The branch HEAD is on; a Dutch error on a detached HEAD (a commit there is easily lost)."""
    uit = _git(werkmap, "symbolic-ref", "--quiet", "--short", "HEAD")
    if not uit.gelukt:
        raise KaderdiffFout(f"{werkmap}: HEAD staat niet op een tak (losse HEAD); ga eerst naar een tak "
                            "(git switch TAK)")
    return uit.tekst.strip()


def onvastgelegd(werkmap: Path, pad: str) -> list[str]:
    """The files under `pad` (relative to the working tree) that differ from HEAD or are not in git."""
    uit = _git(werkmap, "status", "--porcelain", "--untracked-files=all", "--", pad)
    if not uit.gelukt:
        raise KaderdiffFout(f"git kan de status van {pad} niet lezen: {git_reden(uit.fout)}")
    return [regel[3:] for regel in uit.tekst.splitlines() if regel.strip()]


def leg_map_vast(werkmap: Path, pad: str, bericht: str) -> str:
    """Commit the files under `pad` (and nothing else) on the current branch; returns the new commit. When git
    refuses (a hook, a merge in progress), the index is as before and a Dutch error says why."""
    toegevoegd = _git(werkmap, "add", "--", pad)
    if not toegevoegd.gelukt:
        raise KaderdiffFout(f"git kon {pad} niet toevoegen: {git_reden(toegevoegd.fout)}")
    gemaakt = _git(werkmap, "commit", "--quiet", "--only", "-m", bericht, "--", pad)
    if not gemaakt.gelukt:
        heeft_kop = _git(werkmap, "rev-parse", "--verify", "--quiet", "HEAD").gelukt
        _git(werkmap, *(("reset", "--quiet", "--", pad) if heeft_kop else ("rm", "-r", "--cached", "--quiet",
                                                                             "--", pad)))
        reden = (gemaakt.fouttekst + gemaakt.tekst).strip()
        raise KaderdiffFout(f"git legde {pad} niet vast: {git_reden(reden)}"
                            + (f"\n{reden[:2000]}" if reden else ""))
    return _git(werkmap, "rev-parse", "HEAD").tekst.strip()
