"""Quality against the ground truth: kaderdiff and its peers, measured the same way on the same pairs.

Every tool is reduced to a `Uitslag`: the element ids it reports, with a kind, and per id the text
pieces (struck or inserted) it shows. Text-level peers see each kader as one line per element (its
heading or text; an eis with its grondslagen), so a changed range maps back to the element it lies in.
"""

from __future__ import annotations

import bisect
import difflib
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from bench.hernummer import deel_voor, positioneel, verwissel_buren
from kaderdiff.bron.laden import laad_bytes
from kaderdiff.diff.uitlijning import lijn_uit
from kaderdiff.diff.vergelijk import vergelijk
from kaderdiff.model.kader import AFGELEIDE_CONTAINERS, Kader, Soort
from kaderdiff.model.plaats import eigen_tekst
from kaderdiff.model.wijziging import GELIJK, WEG, DiffDeel, Wijziging

_WOORDTEKEN = re.compile(r"\w")
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")


@dataclass
class Uitslag:
    """What one tool reports for one pair."""

    soorten: dict[str, set[str]] = field(default_factory=dict)  # element id -> kinds reported
    fragmenten: dict[str, int] = field(default_factory=dict)  # element id -> changed text pieces
    midden_in_woord: int = 0  # piece boundaries that cut a word
    onzeker: set[str] = field(default_factory=set)  # element ids of rows whose pair is marked in doubt
    # element id -> marked units: what a reader sees marked (a row of kaderdiff, a line of a text peer, a paragraph
    # or table row of a Word comparer, an action of xmldiff), and of those the units marked as moved
    eenheden: dict[str, int] = field(default_factory=dict)
    zeteenheden: dict[str, int] = field(default_factory=dict)

    def meld(self, element_id: str, soort: str, stukken: int = 0, eenheden: int = 1, zeteenheden: int = 0) -> None:
        self.soorten.setdefault(element_id, set()).add(soort)
        self.fragmenten[element_id] = self.fragmenten.get(element_id, 0) + stukken
        self.eenheden[element_id] = self.eenheden.get(element_id, 0) + eenheden
        zetten = zeteenheden or (eenheden if soort == "verplaatst" else 0)
        self.zeteenheden[element_id] = self.zeteenheden.get(element_id, 0) + zetten


@dataclass
class Telling:
    """Aggregated quality of one tool over many pairs."""

    verwacht: int = 0
    gemeld: int = 0
    juist: int = 0
    soort_juist: int = 0
    zetten_verwacht: int = 0
    zetten_gevonden: int = 0
    valse_zetten: int = 0
    valse_herindelingen: int = 0  # samengevoegd/gesplitst reported where the ground truth has none
    valse_eenheden: int = 0  # marked units (rows, lines, paragraphs, actions) of elements that did not change
    valse_zeteenheden: int = 0  # units marked as moved of elements the ground truth does not move
    onzeker: int = 0  # rows marked 'koppeling onzeker'
    onzeker_fout: int = 0  # of those, rows that are wrong (not in the ground truth, or of another kind)
    fragmenten: int = 0
    fragmenten_ideaal: int = 0
    bewerkingen: int = 0
    op_ideaal: int = 0
    midden_in_woord: int = 0
    paren: int = 0
    missers: list[str] = field(default_factory=list)
    onterecht: list[str] = field(default_factory=list)
    soort_fout: list[str] = field(default_factory=list)

    @property
    def precisie(self) -> float:
        return self.juist / self.gemeld if self.gemeld else 1.0

    @property
    def recall(self) -> float:
        return self.juist / self.verwacht if self.verwacht else 1.0

    @property
    def valse_elementen(self) -> int:
        """Elements reported that the ground truth does not change (the spurious marks, counted by element)."""
        return self.gemeld - self.juist

    @property
    def soortnauwkeurigheid(self) -> float:
        return self.soort_juist / self.juist if self.juist else 0.0

    def als_dict(self) -> dict[str, object]:
        return {"paren": self.paren, "verwacht": self.verwacht, "gemeld": self.gemeld, "juist": self.juist,
                "precisie": round(self.precisie, 4), "recall": round(self.recall, 4),
                "soortnauwkeurigheid": round(self.soortnauwkeurigheid, 4),
                "zetten_verwacht": self.zetten_verwacht, "zetten_gevonden": self.zetten_gevonden,
                "valse_zetten": self.valse_zetten, "valse_herindelingen": self.valse_herindelingen,
                "valse_elementen": self.valse_elementen, "valse_eenheden": self.valse_eenheden,
                "valse_zeteenheden": self.valse_zeteenheden,
                "onzeker": self.onzeker, "onzeker_fout": self.onzeker_fout,
                "fragmenten": self.fragmenten,
                "fragmenten_ideaal": self.fragmenten_ideaal, "bewerkingen": self.bewerkingen,
                "op_ideaal": self.op_ideaal, "midden_in_woord": self.midden_in_woord,
                "missers": self.missers[:20], "onterecht": self.onterecht[:20], "soort_fout": self.soort_fout[:20]}


def lees_waarheid(pad: Path) -> list[dict[str, object]]:
    rijen: list[dict[str, object]] = json.loads(pad.read_text())
    return rijen


def beoordeel(t: Telling, uitslag: Uitslag, waarheid: list[dict[str, object]], naam: str) -> None:
    """Add one pair's result to the tally."""
    verwacht = {str(r["id"]): r for r in waarheid if not r.get("gevolg")}
    # Consequences of a merge or split (its eisen moved, its texts replaced) are covered by the one
    # samengevoegd/gesplitst row, as in the project's own expectations: reporting them is neither
    # required nor counted against a tool.
    gevolg = {str(r["id"]) for r in waarheid if r.get("gevolg")} - set(verwacht)
    uitslag = Uitslag({i: s for i, s in uitslag.soorten.items() if i not in gevolg},
                      {i: n for i, n in uitslag.fragmenten.items() if i not in gevolg}, uitslag.midden_in_woord,
                      uitslag.onzeker - gevolg, uitslag.eenheden, uitslag.zeteenheden)
    t.onzeker += len(uitslag.onzeker)
    t.onzeker_fout += sum(1 for i in uitslag.onzeker
                          if i not in verwacht or uitslag.soorten[i] != {verwacht[i]["soort"]})
    t.paren += 1
    t.verwacht += len(verwacht)
    t.gemeld += len(uitslag.soorten)
    t.midden_in_woord += uitslag.midden_in_woord
    for element_id, soorten in uitslag.soorten.items():
        rij = verwacht.get(element_id)
        herindeling = soorten & {"samengevoegd", "gesplitst"}
        if herindeling and (rij is None or rij["soort"] not in herindeling):
            t.valse_herindelingen += 1
        if rij is None:
            t.onterecht.append(f"{naam}:{element_id}({'/'.join(sorted(soorten))})")
            t.valse_eenheden += uitslag.eenheden.get(element_id, 1)
            if "verplaatst" in soorten:
                t.valse_zetten += 1
                t.valse_zeteenheden += uitslag.zeteenheden.get(element_id, 1)
            continue
        t.juist += 1
        if soorten == {rij["soort"]}:
            t.soort_juist += 1
        else:
            t.soort_fout.append(f"{naam}:{element_id} verwacht {rij['soort']}, gemeld {'/'.join(sorted(soorten))}")
        if rij["soort"] == "verplaatst" and "verplaatst" in soorten:
            t.zetten_gevonden += 1
        elif "verplaatst" in soorten:
            t.valse_zetten += 1
            t.valse_zeteenheden += uitslag.zeteenheden.get(element_id, 1)
    for element_id, rij in verwacht.items():
        if rij["soort"] == "verplaatst":
            t.zetten_verwacht += 1
        if element_id not in uitslag.soorten:
            t.missers.append(f"{naam}:{element_id}({rij['soort']})")
        ideaal = rij.get("fragmenten")
        if isinstance(ideaal, int) and ideaal > 0 and not rij.get("gevolg"):
            gevonden = uitslag.fragmenten.get(element_id, 0)
            t.bewerkingen += 1
            t.fragmenten += gevonden
            t.fragmenten_ideaal += ideaal
            t.op_ideaal += gevonden == ideaal


# ---------------------------------------------------------------- word-boundary check
def midden_in_woord(tekst: str, grenzen: Iterable[int]) -> int:
    """How many of the cut positions fall between two word characters."""
    return sum(1 for p in grenzen if 0 < p < len(tekst)
               and _WOORDTEKEN.match(tekst[p - 1]) and _WOORDTEKEN.match(tekst[p]))


def diffdelen_check(delen: Iterable[DiffDeel]) -> tuple[int, int]:
    """(changed pieces, mid-word cuts) of a kaderdiff word diff."""
    oud, nieuw, grenzen_oud, grenzen_nieuw, stukken = "", "", [], [], 0
    for d in delen:
        if d.op == GELIJK:
            oud += d.tekst
            nieuw += d.tekst
            continue
        stukken += 1
        if d.op == WEG:
            grenzen_oud += [len(oud), len(oud) + len(d.tekst)]
            oud += d.tekst
        else:
            grenzen_nieuw += [len(nieuw), len(nieuw) + len(d.tekst)]
            nieuw += d.tekst
    return stukken, midden_in_woord(oud, grenzen_oud) + midden_in_woord(nieuw, grenzen_nieuw)


# ---------------------------------------------------------------- kaderdiff
def kaderdiff_uitslag(oud: Kader, nieuw: Kader, kaart: dict[str, str] | None = None,
                     op_inhoud: bool = False) -> Uitslag:
    """kaderdiff's rows; `kaart` maps the newer kader's ids back to the generator's (a removed element keeps
    its old id), `op_inhoud` ignores ids."""
    return uitslag_uit_rijen(vergelijk(oud, nieuw, lijn_uit(oud, nieuw, op_inhoud=op_inhoud)), kaart)


def uitslag_uit_rijen(rijen: Iterable[Wijziging], kaart: dict[str, str] | None = None) -> Uitslag:
    """kaderdiff's rows (one marked unit each) as a Uitslag; `kaart` as in `kaderdiff_uitslag`."""
    u = Uitslag()
    kaart = kaart or {}
    for w in rijen:
        stukken, midden = diffdelen_check(w.tekstdiff)
        element_id = kaart.get(w.nieuw.id, w.nieuw.id) if w.nieuw is not None else w.element_id
        u.meld(element_id, w.soort.value, stukken)
        u.midden_in_woord += midden
        if w.koppeling is not None and w.koppeling.onzeker:
            u.onzeker.add(element_id)
    return u


#: The renumbered variants (issue 14) and the positional and swapped ids (issue 25), as rows of the quality table.
ALLE_IDS_NIEUW = "kaderdiff, all ids new"
HELFT_IDS_NIEUW = "kaderdiff, half the ids new"
IDS_GENEGEERD = "kaderdiff, ids ignored (--koppel-op-inhoud)"
POSITIONELE_IDS = "kaderdiff, positional ids (import without --vorige)"
VERWISSELDE_IDS = "kaderdiff, first two eisen of each standard with swapped ids"


def hernummerde_uitslagen(corpus: Path, slot: str, jaar: int, oud: Kader, nieuw: Kader) -> dict[str, Uitslag]:
    """kaderdiff on the renumbered newer kader of a pair (ids mapped back), on the same kader with positional
    and with swapped ids, and with ids ignored."""
    map_ = corpus / "hernummerd" / str(jaar)
    uit = {IDS_GENEGEERD: kaderdiff_uitslag(oud, nieuw, op_inhoud=True)}
    if (map_ / f"{slot}.xml").exists():
        kaart: dict[str, str] = json.loads((map_ / f"{slot}-ids.json").read_text())
        hernummerd = laad_bytes((map_ / f"{slot}.xml").read_bytes(), f"{slot}-{jaar}-hernummerd")
        naam = ALLE_IDS_NIEUW if deel_voor(jaar) == 1.0 else HELFT_IDS_NIEUW
        uit[naam] = kaderdiff_uitslag(oud, hernummerd, kaart)
    nieuw_xml = (corpus / "kaders" / str(jaar) / f"{slot}.xml").read_bytes()
    for naam, variant in ((POSITIONELE_IDS, positioneel), (VERWISSELDE_IDS, verwissel_buren)):
        xml, kaart = variant(nieuw_xml)
        uit[naam] = kaderdiff_uitslag(oud, laad_bytes(xml, f"{slot}-{jaar}-{variant.__name__}"), kaart)
    return dict(sorted(uit.items()))


# ---------------------------------------------------------------- text rendering for text peers
def regels(kader: Kader) -> list[tuple[str, str]]:
    """(element id, line) per element: heading or text; an eis with its grondslagen."""
    uit = []
    for el, _ in kader.doorloop():
        if el.soort in AFGELEIDE_CONTAINERS:
            continue
        tekst = eigen_tekst(el)
        if el.soort is Soort.EIS:
            geen = el.geen_grondslag.bron if el.geen_grondslag else ""
            gronden = "; ".join(g.kort() for g in el.grondslagen) or geen
            tekst = f"{tekst} [{gronden}]"
        if tekst:
            uit.append((el.id, tekst))
    return uit


@dataclass
class Tekstdoc:
    """A kader as text: the lines joined by newlines, and where each line starts."""

    ids: list[str]
    tekst: str
    starts: list[int]

    @classmethod
    def van(cls, kader: Kader) -> Tekstdoc:
        ids, teksten, starts, pos = [], [], [], 0
        for element_id, tekst in regels(kader):
            ids.append(element_id)
            teksten.append(tekst)
            starts.append(pos)
            pos += len(tekst) + 1
        return cls(ids, "\n".join(teksten), starts)

    def regel_van(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def ids_in(self, begin: int, eind: int) -> list[int]:
        """Line indices touched by the character range [begin, eind)."""
        eind = max(begin + 1, eind)
        eerste, laatste = self.regel_van(begin), self.regel_van(eind - 1)
        if self.tekst[begin:eind].strip("\n") == "":
            return []
        return [i for i in range(eerste, laatste + 1) if self.tekst[max(begin, self.starts[i]):eind].strip()]

    def regel_tekst(self, i: int) -> str:
        eind = self.starts[i + 1] - 1 if i + 1 < len(self.starts) else len(self.tekst)
        return self.tekst[self.starts[i]:eind]


def uitslag_uit_bereiken(oud: Tekstdoc, nieuw: Tekstdoc,
                         bereiken: Iterable[tuple[str, int, int, int, int]]) -> Uitslag:
    """Turn changed character ranges (tag, old begin, old end, new begin, new end) into a Uitslag.

    A line entirely struck is 'vervallen', entirely inserted 'toegevoegd', otherwise 'gewijzigd'.
    """
    u = Uitslag()
    geraakt_oud: dict[int, list[tuple[int, int]]] = {}
    geraakt_nieuw: dict[int, list[tuple[int, int]]] = {}
    grenzen_oud: list[int] = []
    grenzen_nieuw: list[int] = []
    for tag, i1, i2, j1, j2 in bereiken:
        if tag in ("delete", "replace") and i2 > i1:
            grenzen_oud += [i1, i2]
            for r in oud.ids_in(i1, i2):
                geraakt_oud.setdefault(r, []).append((i1, i2))
        if tag in ("insert", "replace") and j2 > j1:
            grenzen_nieuw += [j1, j2]
            for r in nieuw.ids_in(j1, j2):
                geraakt_nieuw.setdefault(r, []).append((j1, j2))
    u.midden_in_woord = midden_in_woord(oud.tekst, grenzen_oud) + midden_in_woord(nieuw.tekst, grenzen_nieuw)

    def geheel(doc: Tekstdoc, r: int, stukken: list[tuple[int, int]]) -> bool:
        begin, tekst = doc.starts[r], doc.regel_tekst(r)
        gedekt = sum(min(b, begin + len(tekst)) - max(a, begin) for a, b in stukken if b > begin)
        return gedekt >= len(tekst)

    nieuwe_ids = set(nieuw.ids)
    oude_ids = set(oud.ids)
    for r, stukken in geraakt_oud.items():
        element_id = oud.ids[r]
        soort = "vervallen" if geheel(oud, r, stukken) or element_id not in nieuwe_ids else "gewijzigd"
        u.meld(element_id, soort, len(stukken))
    for r, stukken in geraakt_nieuw.items():
        element_id = nieuw.ids[r]
        soort = "toegevoegd" if geheel(nieuw, r, stukken) or element_id not in oude_ids else "gewijzigd"
        # a changed line is one marked unit, however many of its sides are marked
        u.meld(element_id, soort, len(stukken), eenheden=0 if element_id in u.eenheden else 1)
    return u


def _tokens_met_posities(tekst: str) -> tuple[list[str], list[int]]:
    tokens, posities = [], []
    for m in _TOKEN.finditer(tekst):
        tokens.append(m.group())
        posities.append(m.start())
    posities.append(len(tekst))
    return tokens, posities


def difflib_bereiken(oud: str, nieuw: str) -> list[tuple[str, int, int, int, int]]:
    """Plain difflib baseline: SequenceMatcher over word, space and punctuation tokens."""
    # lines first, then tokens inside each changed block (how difflib is normally used on long texts)
    la, lb = oud.split("\n"), nieuw.split("\n")
    sa = [0]
    for regel in la:
        sa.append(sa[-1] + len(regel) + 1)
    sb = [0]
    for regel in lb:
        sb.append(sb[-1] + len(regel) + 1)
    uit: list[tuple[str, int, int, int, int]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, la, lb, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        oa, ob = sa[i1], sb[j1]
        ta, pa = _tokens_met_posities("\n".join(la[i1:i2]))
        tb, pb = _tokens_met_posities("\n".join(lb[j1:j2]))
        for t2, k1, k2, m1, m2 in difflib.SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes():
            if t2 != "equal":
                uit.append((t2, oa + pa[k1], oa + pa[k2], ob + pb[m1], ob + pb[m2]))
    return uit


def redlines_bereiken(oud: str, nieuw: str) -> list[tuple[str, int, int, int, int]]:
    """redlines (word-level text diff): its token opcodes mapped back to character ranges."""
    from redlines import Redlines

    r = Redlines(oud, nieuw)
    ops = r._diff_ops  # one chunk for the whole text ('¶ ' tokens between paragraphs), global opcodes
    if not ops:
        return []
    bron, test = ops[0].source_chunk.text, ops[0].test_chunk.text
    opcodes = [op.opcodes for op in ops]
    pa = _zoek_posities(oud, bron)
    pb = _zoek_posities(nieuw, test)
    return [(tag, pa[i1], pa[i2], pb[j1], pb[j2]) for tag, i1, i2, j1, j2 in opcodes if tag != "equal"]


def _zoek_posities(tekst: str, tokens: list[str]) -> list[int]:
    """Start offset of each token in the text (tokens may have their white space changed)."""
    posities, pos = [], 0
    for token in tokens:
        kern = token.strip()
        gevonden = tekst.find(kern, pos) if kern else pos
        if gevonden < 0:
            gevonden = pos
        posities.append(gevonden)
        pos = gevonden + len(kern)
    posities.append(len(tekst))
    return posities


# ---------------------------------------------------------------- xmldiff (structural)
XmldiffScript = tuple[etree._Element, etree._Element, list[object]]


def xmldiff_script(oud_xml: bytes, nieuw_xml: bytes) -> XmldiffScript:
    """What xmldiff does with the two kader files: parse both and compute its edit script (the part that is timed)."""
    from xmldiff import main  # type: ignore[import-untyped,unused-ignore]

    parser = etree.XMLParser(remove_blank_text=True)
    oud = etree.fromstring(oud_xml, parser)
    nieuw = etree.fromstring(nieuw_xml, parser)
    return oud, nieuw, list(main.diff_trees(oud, nieuw, diff_options={"fast_match": True}))


def xmldiff_uitslag(oud_xml: bytes, nieuw_xml: bytes) -> Uitslag:
    return xmldiff_uitslag_uit(xmldiff_script(oud_xml, nieuw_xml))


def xmldiff_uitslag_uit(script_en_bomen: XmldiffScript) -> Uitslag:
    """xmldiff's edit script mapped to the nearest element with an id (approximate: paths are evaluated on
    the old tree, then the new one, while the script refers to the tree as it is being edited); one action is
    one marked unit."""
    from xmldiff import actions  # type: ignore[import-untyped,unused-ignore]

    oud, nieuw, script = script_en_bomen
    u = Uitslag()

    def id_bij(pad: str) -> str | None:
        for boom in (oud, nieuw):
            try:
                gevonden = boom.getroottree().xpath(pad)
            except etree.XPathError:
                continue
            if isinstance(gevonden, list) and gevonden and isinstance(gevonden[0], etree._Element):
                el: etree._Element | None = gevonden[0]
                while el is not None:
                    if el.tag in ("toelichtingen", "toelichting"):
                        return None
                    if el.get("id"):
                        return str(el.get("id"))
                    el = el.getparent()
                return None
        return None

    for actie in script:
        if isinstance(actie, actions.InsertAttrib) and actie.name == "id":
            # a new element's id; toelichtingen are not kader elements (no tool is scored on them)
            if "/toelichting" not in str(actie.node):
                u.meld(actie.value, "toegevoegd", 1)
            continue
        pad = str(getattr(actie, "node", None) or getattr(actie, "target", ""))
        element_id = id_bij(pad)
        if element_id is None:
            continue
        if isinstance(actie, actions.MoveNode):
            soort = "verplaatst"
        elif isinstance(actie, actions.DeleteNode):
            soort = "vervallen"
        elif isinstance(actie, actions.InsertNode):
            continue  # the new element's id arrives as InsertAttrib
        elif isinstance(actie, (actions.UpdateAttrib, actions.InsertAttrib, actions.DeleteAttrib)):
            naam = actie.name
            soort = "hernummerd" if naam in ("nr", "code") else "grondslag" if naam in (
                "wet", "artikel", "lid", "onderdeel") else "gewijzigd"
        else:
            if isinstance(actie, actions.UpdateTextAfter) and not (actie.text or "").strip() and not (
                    actie.oldtext or "").strip():
                continue
            soort = "gewijzigd"
        u.meld(element_id, soort, 1)
    return u


Meetfunctie = Callable[[Kader, Kader, bytes, bytes], Uitslag]
