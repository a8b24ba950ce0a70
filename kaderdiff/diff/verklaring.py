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
from kaderdiff.model.kader import AFGELEIDE_CONTAINERS, Kader, echte_kinderen, echte_ouder
from kaderdiff.model.wijziging import Verklaring, Wijziging

TYPE_CHECKING = False  # the commit classes are only named here: a Staat with a toelichting on every row makes none
if TYPE_CHECKING:
    from kaderdiff.model.commit import Blob, Commit, Historiestap

Handtekening = tuple[object, ...]


def handtekeningen(kader: Kader, volgorde: bool = False) -> dict[str, Handtekening]:
    """Element id -> everything that makes up its own content and place; with `volgorde` also the ids of its
    parent's children in order (last), so that `verschilt` can tell when its order among them changed."""
    uit: dict[str, Handtekening] = {}
    broers: dict[str, tuple[str, ...]] = {}
    for el, voorouders in kader.doorloop():
        ouder = echte_ouder(voorouders)
        uit[el.id] = (el.soort, el.nummer, el.titel, el.inhoud, el.grondslagen, el.geen_grondslag, el.kenmerk,
                      ouder.id if ouder else "")
        if volgorde:
            if el.soort not in AFGELEIDE_CONTAINERS:  # parents before their children: theirs are known by now
                kinderen = tuple(k.id for k in echte_kinderen(el))
                broers.update(dict.fromkeys(kinderen, kinderen))
            uit[el.id] += (broers.get(el.id, ()),)
    return uit


def verschilt(element_id: str, voor: Handtekening | None, na: Handtekening | None, volgorde: bool) -> bool:
    """Whether the element changed; with `volgorde` also when it changed places with a sibling that is in both
    versions (an insert or removal next to it moves nothing)."""
    if not volgorde or voor is None or na is None:
        return voor != na
    if voor[:-1] != na[:-1]:
        return True
    broers_voor, broers_na = voor[-1], na[-1]
    assert isinstance(broers_voor, tuple) and isinstance(broers_na, tuple)
    beide = set(broers_voor) & set(broers_na)

    def ervoor(broers: tuple[str, ...]) -> set[str]:
        return {b for b in broers[:broers.index(element_id)] if b in beide} if element_id in broers else set()

    return ervoor(broers_voor) != ervoor(broers_na)


def gewijzigde_ids(voor: Kader, na: Kader) -> set[str]:
    a, b = handtekeningen(voor), handtekeningen(na)
    return {i for i in a.keys() | b.keys() if a.get(i) != b.get(i)}


def genoemd_als(w: Wijziging, nieuw: Kader) -> set[str]:
    """The ids by which a toelichting of the new kader names the row: its new id, and its old id only where no
    element of the new kader has that id (a removed one). With positional ids an old id can be another's."""
    return {i for i in w.ids if (w.nieuw is not None and i == w.nieuw.id) or i not in nieuw.index}


def uit_kader(w: Wijziging, nieuw: Kader) -> tuple[Verklaring, ...]:
    """Toelichtingen of the new kader that name the row."""
    uit = []
    ids = genoemd_als(w, nieuw)
    for t in nieuw.toelichtingen:
        if set(t.betreft) & ids:
            wet = nieuw.wetswijziging(t.wetswijziging) if t.wetswijziging else None
            uit.append(Verklaring(t.tekst, "kader", t.categorie, t.wetswijziging, wet.naam if wet else ""))
    return tuple(uit)


def commits_per_element(historie: Iterable[Historiestap], oud: Kader, ids: Collection[str] | None = None,
                        volgorde: bool = False) -> dict[str, list[Commit]]:
    """Element id -> commits (oldest first) that changed it on the way from the old version to the new; with
    `volgorde` also those that changed its order among its siblings (a reorder changes no element's own content).

    `historie`: the commits that touched the newer kader file, newest first (`KaderMap.historie`). Only `ids`
    are asked about (default: every element). The walk stops at the first commit whose parent still held the
    old version of every element asked about: older commits lie before the two versions parted, whatever the
    length of the history. Each blob is parsed once; a history git cannot read gives no commits at all.
    """
    oude = handtekeningen(oud, volgorde)
    gevraagd = set(ids) if ids is not None else None
    per_blob: dict[str, dict[str, Handtekening] | None] = {}  # blob sha -> signatures (None: not a valid kader)

    def van_blob(blob: Blob) -> dict[str, Handtekening] | None:
        if blob.sha not in per_blob:
            try:
                per_blob[blob.sha] = handtekeningen(laad_bytes(blob.data, blob.naam), volgorde)
            except KaderdiffFout:
                per_blob[blob.sha] = None
        return per_blob[blob.sha]

    def verschil(voor: dict[str, Handtekening], na: dict[str, Handtekening]) -> set[str]:
        kandidaten = gevraagd if gevraagd is not None else voor.keys() | na.keys()
        return {i for i in kandidaten if verschilt(i, voor.get(i), na.get(i), volgorde)}

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

