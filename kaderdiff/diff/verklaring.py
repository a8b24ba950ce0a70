"""Why did an element change? The toelichting in the new kader, else the git history.

Git: every commit that touched the newer kader file (and is not already part of
the older version) is compared with its parent, element by element; a row gets
the messages of the commits that changed one of its elements.
"""

from __future__ import annotations

from dataclasses import replace

import git

from kaderdiff.bron.laden import laad_bytes
from kaderdiff.bron.versies import KaderMap
from kaderdiff.fouten import KaderdiffFout
from kaderdiff.model.kader import Kader, echte_ouder
from kaderdiff.model.versie import Versie
from kaderdiff.model.wijziging import Verklaring, Wijziging

Handtekening = tuple[object, ...]


def handtekeningen(kader: Kader) -> dict[str, Handtekening]:
    """Element id -> everything that makes up its own content and place."""
    uit: dict[str, Handtekening] = {}
    for el, voorouders in kader.doorloop():
        ouder = echte_ouder(voorouders)
        uit[el.id] = (el.soort, el.nummer, el.titel, el.inhoud, el.grondslagen, el.geen_grondslag, el.kenmerk,
                      ouder.id if ouder else "")
    return uit


def gewijzigde_ids(voor: Kader, na: Kader) -> set[str]:
    a, b = handtekeningen(voor), handtekeningen(na)
    return {i for i in a.keys() | b.keys() if a.get(i) != b.get(i)}


def uit_kader(w: Wijziging, nieuw: Kader) -> tuple[Verklaring, ...]:
    """Toelichtingen of the new kader that name one of the row's ids."""
    uit = []
    for t in nieuw.toelichtingen:
        if set(t.betreft) & set(w.ids):
            wet = nieuw.wetswijziging(t.wetswijziging) if t.wetswijziging else None
            uit.append(Verklaring(t.tekst, "kader", t.categorie, t.wetswijziging, wet.naam if wet else ""))
    return tuple(uit)


def commits_per_element(kadermap: KaderMap, van: Versie, naar: Versie, sector: str,
                        oud: Kader) -> dict[str, list[git.Commit]]:
    """Element id -> commits (oldest first) that changed it on the way from `van` to `naar`."""
    repo = kadermap.repo
    if repo is None:
        return {}
    pad = kadermap.pad_in_repo(naar.jaar, sector)
    rev = naar.ref or "HEAD"
    try:
        if van.ref and van.jaar == naar.jaar:
            commits = list(repo.iter_commits(f"{van.ref}..{rev}", paths=pad))
        else:
            commits = list(repo.iter_commits(rev, paths=pad))
    except (git.GitCommandError, ValueError):
        return {}
    geladen: dict[str, Kader] = {}  # blob sha -> Kader: in a linear history each version is a parent too

    def laad_blob(blob: git.Blob, naam: str) -> Kader:
        if blob.hexsha not in geladen:
            geladen[blob.hexsha] = laad_bytes(blob.data_stream.read(), naam)
        return geladen[blob.hexsha]

    uit: dict[str, list[git.Commit]] = {}
    for commit in reversed(commits):
        try:
            na = laad_blob(commit.tree / pad, f"{pad}@{commit.hexsha[:7]}")
        except (KeyError, KaderdiffFout):
            continue
        voor = oud
        if commit.parents:
            try:
                voor = laad_blob(commit.parents[0].tree / pad, pad)
            except KeyError:
                voor = oud  # the commit created the file: compare with the older version
            except KaderdiffFout:
                continue
        for element_id in sorted(gewijzigde_ids(voor, na)):
            uit.setdefault(element_id, []).append(commit)
    return uit


def uit_git(w: Wijziging, commits: dict[str, list[git.Commit]]) -> tuple[Verklaring, ...]:
    gezien: dict[str, Verklaring] = {}
    for element_id in w.ids:
        for commit in commits.get(element_id, []):
            bericht = commit.message if isinstance(commit.message, str) else commit.message.decode()
            gezien.setdefault(commit.hexsha, Verklaring(" ".join(bericht.split()), "git", commit=commit.hexsha))
    return tuple(gezien.values())


def verklaar(wijzigingen: list[Wijziging], nieuw: Kader,
             commits: dict[str, list[git.Commit]] | None = None) -> list[Wijziging]:
    """Attach explanations: the kader's own toelichting first, git commit messages otherwise."""
    uit = []
    for w in wijzigingen:
        verklaringen = uit_kader(w, nieuw) or (uit_git(w, commits) if commits else ())
        uit.append(replace(w, verklaringen=verklaringen))
    return uit

