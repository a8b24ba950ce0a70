"""Why did an element change? The toelichting in the new kader, else the git history.

Git: the commits that touched the newer kader file since it parted from the older
version are compared with their parents, element by element; a row gets the
messages of the commits that changed one of its elements. The commits come as plain data
(`KaderMap.historie`): this module never calls git.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import replace

from kaderdiff.bron.laden import laad_bytes
from kaderdiff.fouten import KaderdiffFout
from kaderdiff.model.kader import Kader, echte_ouder
from kaderdiff.model.versie import Blob, Commit, Historiestap
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


def commits_per_element(historie: Iterable[Historiestap], oud: Kader,
                        ids: Collection[str] | None = None) -> dict[str, list[Commit]]:
    """Element id -> commits (oldest first) that changed it on the way from the old version to the new.

    `historie`: the commits that touched the newer kader file, newest first (`KaderMap.historie`). Only `ids`
    are asked about (default: every element). The walk stops at the first commit whose parent still held the
    old version of every element asked about: older commits lie before the two versions parted, whatever the
    length of the history. Each blob is parsed once; a history git cannot read gives no commits at all.
    """
    oude = handtekeningen(oud)
    gevraagd = set(ids) if ids is not None else None
    per_blob: dict[str, dict[str, Handtekening] | None] = {}  # blob sha -> signatures (None: not a valid kader)

    def van_blob(blob: Blob) -> dict[str, Handtekening] | None:
        if blob.sha not in per_blob:
            try:
                per_blob[blob.sha] = handtekeningen(laad_bytes(blob.data, blob.naam))
            except KaderdiffFout:
                per_blob[blob.sha] = None
        return per_blob[blob.sha]

    def verschil(voor: dict[str, Handtekening], na: dict[str, Handtekening]) -> set[str]:
        kandidaten = gevraagd if gevraagd is not None else voor.keys() | na.keys()
        return {i for i in kandidaten if voor.get(i) != na.get(i)}

    uit: dict[str, list[Commit]] = {}
    try:
        for stap in historie:  # newest first, read lazily
            na = van_blob(stap.na) if stap.na is not None else None
            if na is None:
                continue
            # no parent, or the commit created the file: compare with the old version
            voor = van_blob(stap.voor) if stap.voor is not None else oude
            if voor is None:
                continue
            for element_id in verschil(voor, na):
                uit.setdefault(element_id, []).append(stap.commit)
            if not verschil(voor, oude):
                break  # before this commit every element asked about was as in the old version
    except KaderdiffFout:  # git could not read the history
        return {}
    return {element_id: commits[::-1] for element_id, commits in sorted(uit.items())}


def uit_git(w: Wijziging, commits: dict[str, list[Commit]]) -> tuple[Verklaring, ...]:
    gezien: dict[str, Verklaring] = {}
    for element_id in w.ids:
        for commit in commits.get(element_id, []):
            bericht = " ".join(commit.bericht.split())
            gezien.setdefault(commit.hexsha, Verklaring(bericht, "git", commit=commit.hexsha))
    return tuple(gezien.values())


def verklaar(wijzigingen: list[Wijziging], nieuw: Kader,
             commits: dict[str, list[Commit]] | None = None) -> list[Wijziging]:
    """Attach explanations: the kader's own toelichting first, git commit messages otherwise."""
    uit = []
    for w in wijzigingen:
        verklaringen = uit_kader(w, nieuw) or (uit_git(w, commits) if commits else ())
        uit.append(replace(w, verklaringen=verklaringen))
    return uit

