"""`python -m bench.samenvoegscenarios [--kaders DIR] [--json]`: what git's own text merge and kaderdiff's merge
driver make of the edits a team really makes at the same time.

Every scenario starts from the sample kader `kaders/2026/mbo.xml` (with the law texts beside it, as in a team's
repository); branch `a` ("onze") and branch `b` ("hun") each edit it as an editor does: a text typed in the file,
an eis cut and pasted elsewhere, `kaderdiff opmaak` run. Then `git merge b` on `a`, twice: in a plain git
repository (git's own line merge) and in one set up by `kaderdiff init` (the driver as init configures it). The
merged file is judged against a result written by hand per scenario, compared as parsed kaders, element by
element (tag, attributes, text; layout ignored), not as bytes:

- right: merged without conflict, and equal to (one of) the expected kader(s);
- wrong: merged without conflict, but not the expected kader (an edit lost, an element twice, not XML), or merged
  where only a conflict is right (the two edits exclude each other; the team must choose);
- conflict: git stopped and the file shows both sides.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from lxml import etree

from kaderdiff.bron.opmaak import canoniek
from kaderdiff.recht.controle import controleer_bytes
from kaderdiff.recht.wetcontrole import controleer_grondslagen

KADERS = Path(__file__).resolve().parent.parent / "kaders"
JAAR, SECTOR = "2026", "mbo"
PAD = f"kaders/{JAAR}/{SECTOR}.xml"
GIT = {"GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.nl", "GIT_COMMITTER_NAME": "bench",
       "GIT_COMMITTER_EMAIL": "bench@example.nl", "GIT_AUTHOR_DATE": "2026-05-20T10:00:00+02:00",
       "GIT_COMMITTER_DATE": "2026-05-20T10:00:00+02:00", "GIT_CONFIG_NOSYSTEM": "1"}
GOED, FOUT, CONFLICT = "right", "wrong", "conflict"

#: One editor's edit of the kader file in a work tree (it may run a command, as `kaderdiff opmaak`).
Bewerking = Callable[[Path], None]


# ---------------------------------------------------------------- edits, as an editor makes them
def vervang(oud: str, nieuw: str) -> Bewerking:
    """Type over a piece of text in the file (it must occur exactly once)."""
    def doe(pad: Path) -> None:
        tekst = pad.read_text(encoding="utf-8")
        assert tekst.count(oud) == 1, f"'{oud}' staat {tekst.count(oud)} keer in {pad}"
        pad.write_text(tekst.replace(oud, nieuw), encoding="utf-8")
    return doe


def _structureel(bewerk: Callable[[dict[str, etree._Element]], None]) -> Bewerking:
    """Cut, paste or insert whole elements: on a canonical file this changes exactly the lines an editor
    changes (the pre-commit hook keeps files canonical)."""
    def doe(pad: Path) -> None:
        data = pad.read_bytes()
        boom = etree.ElementTree(etree.fromstring(data))
        assert canoniek(boom) == data, f"{pad} is niet in vaste opmaak: een structurele bewerking zou meer wijzigen"
        bewerk({el.get("id"): el for el in boom.iter() if isinstance(el.tag, str) and el.get("id")})
        pad.write_bytes(canoniek(boom))
    return doe


def verplaats(element_id: str, na: str) -> Bewerking:
    """Cut an element and paste it right after another (possibly in another standaard)."""
    return _structureel(lambda ids: ids[na].addnext(ids[element_id]))


def schrap(element_id: str) -> Bewerking:
    def doe(ids: dict[str, etree._Element]) -> None:
        el = ids[element_id]
        el.getparent().remove(el)
    return _structureel(doe)


def nieuwe_eis(na: str, eis_id: str, tekst: str, **grondslag: str) -> Bewerking:
    def doe(ids: dict[str, etree._Element]) -> None:
        eis = etree.Element("eis", id=eis_id)
        etree.SubElement(eis, "tekst").text = tekst
        etree.SubElement(eis, "grondslag", **grondslag)
        ids[na].addnext(eis)
    return _structureel(doe)


def nieuwe_toelichting(toelichting_id: str, categorie: str, ref: str, tekst: str) -> Bewerking:
    """A toelichting at the end of the list, where an editor adds one with each change."""
    def doe(ids: dict[str, etree._Element]) -> None:
        lijst = next(iter(ids.values())).getroottree().getroot().find("toelichtingen")
        toelichting = etree.SubElement(lijst, "toelichting", id=toelichting_id, categorie=categorie)
        etree.SubElement(toelichting, "betreft", ref=ref)
        etree.SubElement(toelichting, "tekst").text = tekst
    return _structureel(doe)


def nieuwe_paragraaf(voor: str, paragraaf_id: str, nr: str, titel: str, alinea: str) -> Bewerking:
    def doe(ids: dict[str, etree._Element]) -> None:
        paragraaf = etree.Element("paragraaf", id=paragraaf_id, nr=nr)
        etree.SubElement(paragraaf, "titel").text = titel
        etree.SubElement(paragraaf, "alinea", id=f"{paragraaf_id}-a1").text = alinea
        ids[voor].addprevious(paragraaf)
    return _structureel(doe)


def hernummer(element_id: str, nr: str) -> Bewerking:
    return _structureel(lambda ids: ids[element_id].set("nr", nr))


def opmaak(pad: Path) -> None:
    """`kaderdiff opmaak` on the file, as the editor runs it."""
    subprocess.run([sys.executable, "-m", "kaderdiff", "opmaak", str(pad)], check=True, capture_output=True)


def met_de_hand_afgebroken(pad: Path, breedte: int = 80) -> None:
    """The kader as written by hand before `kaderdiff init`: the running text of alinea's, items and eisen wrapped
    at 80 columns by the editor (titles and toelichtingen stay on one line: the schema wants them so)."""
    data = pad.read_bytes()
    lopend = {el.sourceline for el in etree.fromstring(data).iter("alinea", "item", "tekst")
              if el.tag != "tekst" or el.getparent().tag == "eis"}
    regels = []
    for nummer, regel in enumerate(data.decode("utf-8").split("\n"), start=1):
        kop, _, rest = regel.partition(">")
        tekst, _, staart = rest.rpartition("</")
        if nummer not in lopend or len(regel) <= breedte or "<" in tekst or not tekst:
            regels.append(regel)
            continue
        inspring = regel[:len(regel) - len(regel.lstrip())]
        eerste, *woorden = tekst.split(" ")
        huidig = f"{kop}>{eerste}"
        for woord in woorden:
            if len(huidig) + 1 + len(woord) > breedte:
                regels.append(huidig)
                huidig = f"{inspring}  {woord}"
            else:
                huidig = f"{huidig} {woord}"
        regels.append(f"{huidig}</{staart}")
    pad.write_text("\n".join(regels), encoding="utf-8")


# ---------------------------------------------------------------- the scenarios
@dataclass(frozen=True)
class Scenario:
    """Two concurrent edits of one kader and what merging them must give.

    `verwacht`: the acceptable results, each written as the edits that make it from the basis (two when the
    order of two additions is free); empty when no merge is right and only a conflict is (the edits exclude each
    other). `kaderdiff`: the driver's verdict as bench/README.md reports it (tests/test_bench.py holds the
    driver to it)."""

    naam: str
    wat: str
    onze: tuple[Bewerking, ...]
    hun: tuple[Bewerking, ...]
    verwacht: tuple[tuple[Bewerking, ...], ...]
    kaderdiff: str
    basis: tuple[Bewerking, ...] = ()


_E3 = "De opleiding verzorgt ten minste het wettelijk vereiste aantal uren begeleide onderwijstijd"
_NAAR_OP7 = verplaats("st-op1-e3", na="st-op7-e3")
_NAAR_OP4 = verplaats("st-op1-e3", na="st-op4-e4")
_E3_KLOKUREN = vervang(_E3, _E3.replace("aantal uren", "aantal klokuren"))
_SLB = nieuwe_eis("st-op4-e4", "st-op4-e5", "De opleiding wijst iedere student een studieloopbaanbegeleider toe.",
                  wet="WEB", artikel="7.2.4", lid="1")
_DOORSTROOM = nieuwe_eis("st-op4-e4", "st-op4-doorstroom",
                         "De opleiding begeleidt studenten bij de overstap naar een andere opleiding.",
                         wet="WEB", artikel="8.1.7a", lid="1")
_SLB_ANDERS = nieuwe_eis("st-op4-e4", "st-op4-e5", "Iedere student heeft een vaste mentor.", wet="WEB",
                         artikel="1.3.6", lid="1")
_OP3_TEKST = vervang("sluit aan bij de praktijk van het beroep", "sluit aan bij de actuele praktijk van het beroep")
_OP3_TOELICHTING = nieuwe_toelichting("t-op3-actueel", "verduidelijking", "st-op3-e3",
                                      "De eis vraagt nu aansluiting bij de actuele beroepspraktijk.")
_OP7_TEKST = vervang("Voor iedere student is een praktijkovereenkomst afgesloten voordat",
                     "Voor iedere student is een praktijkovereenkomst ondertekend voordat")
_OP7_TOELICHTING = nieuwe_toelichting("t-op7-ondertekend", "verduidelijking", "st-op7-e2",
                                      "De praktijkovereenkomst moet ondertekend zijn, niet alleen afgesloten.")
_NIEUWE_PARAGRAAF = (nieuwe_paragraaf("p-wettelijk", "p-taken", "1.2", "Taken van de inspectie",
                                      "De inspectie houdt toezicht, doet onderzoek en rapporteert daarover."),
                     hernummer("p-wettelijk", "1.3"), hernummer("p-leeswijzer", "1.4"))
_TITEL = vervang("<titel>Wettelijke basis</titel>", "<titel>Wettelijke basis van het toezicht</titel>")
_OP4_TEKST = vervang("ondersteuningsbehoefte krijgen tijdig de", "ondersteuningsbehoefte krijgen zo snel mogelijk de")
_VABA = vervang('artikel="7.2.4a" lid="1"', 'artikel="7.2.4a" lid="2"')
_KOMMA = vervang("één studieduur vastgesteld, en het", "één studieduur vastgesteld en het")

SCENARIOS: tuple[Scenario, ...] = (
    Scenario("grondslagen-naast-elkaar",
             "adjacent lines of one eis: a corrects the lid of its first grondslag, b adds a lid to the second",
             (vervang('artikel="7.2.4" lid="1"/>\n            <grondslag wet="WEB" artikel="7.2.6"/>',
                      'artikel="7.2.4" lid="2"/>\n            <grondslag wet="WEB" artikel="7.2.6"/>'),),
             (vervang('<grondslag wet="WEB" artikel="7.2.6"/>', '<grondslag wet="WEB" artikel="7.2.6" lid="1"/>'),),
             ((vervang('artikel="7.2.4" lid="1"/>\n            <grondslag wet="WEB" artikel="7.2.6"/>',
                       'artikel="7.2.4" lid="2"/>\n            <grondslag wet="WEB" artikel="7.2.6" lid="1"/>'),),),
             CONFLICT),
    Scenario("nummer-en-titel",
             "adjacent lines of one paragraaf: a inserts a paragraaf before it and renumbers it, b rewords its title",
             _NIEUWE_PARAGRAAF, (_TITEL,), ((*_NIEUWE_PARAGRAAF, _TITEL),), GOED),
    Scenario("verplaatsen-en-bewerken",
             "move + edit: a moves an eis from OP1 to OP7, b edits its text",
             (_NAAR_OP7,), (_E3_KLOKUREN,), ((_NAAR_OP7, _E3_KLOKUREN),), GOED),
    Scenario("grondslag-en-tekst",
             "a grondslag edit beside a text edit of the same eis (VABA: lid 1 -> 2; a comma removed)",
             (_KOMMA,), (_VABA,), ((_KOMMA, _VABA),), GOED),
    Scenario("opmaak-en-tekst",
             "reflow: the kader was wrapped by hand before `kaderdiff init`; a runs `kaderdiff opmaak`, b edits "
             "a wrapped sentence",
             (opmaak,), (_OP4_TEKST,), ((_OP4_TEKST,),), GOED, basis=(met_de_hand_afgebroken,)),
    Scenario("buur-eisen",
             "texts of two neighbouring eisen, one each",
             (vervang("een doelgerichte leeromgeving", "een veilige en doelgerichte leeromgeving"),),
             (vervang("en bieden hun uitdaging", "en bieden hun voldoende uitdaging"),),
             ((vervang("een doelgerichte leeromgeving", "een veilige en doelgerichte leeromgeving"),
               vervang("en bieden hun uitdaging", "en bieden hun voldoende uitdaging")),), GOED),
    Scenario("elk-een-toelichting",
             "each edits an eis and adds its toelichting at the end of the toelichtingen",
             (_OP3_TEKST, _OP3_TOELICHTING), (_OP7_TEKST, _OP7_TOELICHTING),
             ((_OP3_TEKST, _OP7_TEKST, _OP3_TOELICHTING, _OP7_TOELICHTING),
              (_OP3_TEKST, _OP7_TEKST, _OP7_TOELICHTING, _OP3_TOELICHTING)), GOED),
    Scenario("twee-nieuwe-eisen",
             "two new eisen at the same place (end of OP4), different ids",
             (_SLB,), (_DOORSTROOM,), ((_SLB, _DOORSTROOM), (_DOORSTROOM, _SLB)), GOED),
    Scenario("twee-nieuwe-eisen-zelfde-id",
             "two new eisen at the same place, both numbered as the next eis (st-op4-e5)",
             (_SLB,), (_SLB_ANDERS,), (), CONFLICT),
    Scenario("dezelfde-wijziging",
             "both apply the same law change (VABA) to the same grondslag",
             (_VABA,), (_VABA,), ((_VABA,),), GOED),
    Scenario("schrappen-en-bewerken",
             "a deletes an eis, b edits its text",
             (schrap("st-op1-e3"),), (_E3_KLOKUREN,), (), CONFLICT),
    Scenario("schrappen-en-verplaatsen",
             "a deletes an eis, b moves it to another standaard",
             (schrap("st-op1-e3"),), (_NAAR_OP7,), (), CONFLICT),
    Scenario("twee-keer-verplaatst",
             "a moves an eis to OP7, b moves the same eis to OP4",
             (_NAAR_OP7,), (_NAAR_OP4,), (), CONFLICT),
)


# ---------------------------------------------------------------- judging a merged file
def elementen(data: bytes) -> list[tuple[int, str, tuple[tuple[str, str], ...], str, str]]:
    """A kader as its elements in document order: depth, tag, attributes and text (white space collapsed)."""
    uit = []
    stapel = [(etree.fromstring(data), 0)]
    while stapel:
        el, diepte = stapel.pop()
        if not isinstance(el.tag, str):
            continue
        attributen = tuple(sorted((str(k), " ".join(str(v).split())) for k, v in el.attrib.items()))
        uit.append((diepte, el.tag, attributen, " ".join((el.text or "").split()), " ".join((el.tail or "").split())))
        stapel.extend((kind, diepte + 1) for kind in reversed(el))
    return uit


def gebrek(data: bytes) -> str:
    """What makes a merged file no kader at all: not XML, or an id twice ('' when neither)."""
    try:
        gekregen = elementen(data)
    except etree.XMLSyntaxError as fout:
        return f"not XML ({fout})"
    ids = [dict(e[2])["id"] for e in gekregen if "id" in dict(e[2])]
    dubbel = sorted({i for i in ids if ids.count(i) > 1})
    return f"{', '.join(dubbel)} twice" if dubbel else ""


def verschil(data: bytes, verwacht: bytes) -> str:
    """'' when the two kaders are equal element by element, else where they first differ."""
    if fout := gebrek(data):
        return fout
    gekregen, bedoeld = elementen(data), elementen(verwacht)
    for i, (g, b) in enumerate(zip(gekregen, bedoeld, strict=False)):
        if g != b:
            waar = next((dict(e[2])["id"] for e in reversed(bedoeld[:i + 1]) if "id" in dict(e[2])), "kader")
            return f"differs at {b[1]} in {waar}"
    return "" if len(gekregen) == len(bedoeld) else f"{len(gekregen)} elements instead of {len(bedoeld)}"


@dataclass(frozen=True)
class Uitkomst:
    """What one way of merging made of one scenario."""

    oordeel: str  # GOED, FOUT or CONFLICT
    detail: str
    exitcode: int


def beoordeel(exitcode: int, data: bytes, verwacht: list[bytes], onze: bytes, hun: bytes) -> Uitkomst:
    """The verdict on a merged file; `onze` and `hun` (the two sides) only name what a wrong merge kept."""
    if exitcode != 0:
        plekken = data.count(b"\n<<<<<<< ") + data.startswith(b"<<<<<<< ") + data.count(b"<conflict")
        assert plekken, "git meldt een conflict, maar het bestand toont geen twee kanten"
        return Uitkomst(CONFLICT, f"{plekken} place{'s' if plekken > 1 else ''}", exitcode)
    verschillen = [verschil(data, v) for v in verwacht]
    if "" in verschillen:
        return Uitkomst(GOED, "", exitcode)
    if fout := gebrek(data):
        return Uitkomst(FOUT, fout, exitcode)
    for kant, naam in ((onze, "a"), (hun, "b")):
        if not verschil(data, kant):
            anders = "b" if naam == "a" else "a"
            return Uitkomst(FOUT, f"{naam}'s version kept, {anders}'s edit silently lost", exitcode)
    return Uitkomst(FOUT, verschillen[0] if verschillen else "merged, though the edits exclude each other", exitcode)


# ---------------------------------------------------------------- running
def git(repo: Path, *args: str, mag_falen: bool = False) -> subprocess.CompletedProcess[str]:
    omgeving = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")} | GIT
    proces = subprocess.run(["git", *args], cwd=repo, env=omgeving, capture_output=True, text=True, check=False)
    if proces.returncode != 0 and not mag_falen:
        raise RuntimeError(f"git {' '.join(args)} in {repo}: {proces.stderr}")
    return proces


def _sjabloon(doel: Path, kaders: Path, met_kaderdiff: bool, driver: str | None = None) -> None:
    """A repository with the law texts committed: set up by `kaderdiff init`, or plain `git init`. `driver`
    replaces the merge driver init configured (the test uses it to check that a wrong driver is caught)."""
    if met_kaderdiff:
        subprocess.run([sys.executable, "-m", "kaderdiff", "init", str(doel)], check=True, capture_output=True)
        if driver is not None:
            git(doel, "config", "merge.kaderdiff.driver", driver)
    else:
        doel.mkdir(parents=True)
        git(doel, "init", "-q")
    git(doel, "checkout", "-q", "-b", "main")
    if (kaders / "wetten").is_dir():
        shutil.copytree(kaders / "wetten", doel / "kaders" / "wetten", dirs_exist_ok=True)
    git(doel, "add", "-A")
    git(doel, "commit", "-q", "--no-verify", "-m", "Opzet")


def geldig(data: bytes, kaders: Path) -> None:
    """Every version a scenario makes is a kader `controleer` accepts, as the driver's check requires of a merge:
    otherwise a conflict would say more about the scenario than about the merge."""
    meldingen = [m for m in controleer_bytes(data, PAD, kaders, (controleer_grondslagen,)) if m.ernst == "fout"]
    assert not meldingen, "\n".join(str(m) for m in meldingen)


def _versie(werk: Path, basis: bytes, bewerkingen: tuple[Bewerking, ...], kaders: Path) -> bytes:
    pad = werk / f"{SECTOR}.xml"
    pad.write_bytes(basis)
    for bewerking in bewerkingen:
        bewerking(pad)
    geldig(pad.read_bytes(), kaders)
    return pad.read_bytes()


def speel(scenario: Scenario, sjablonen: dict[str, Path], kaders: Path, werk: Path) -> dict[str, Uitkomst]:
    """Both branches in a fresh copy of each repository, then `git merge b` on `a`; the verdict per way."""
    (werk / "los").mkdir(parents=True)
    basis = _versie(werk / "los", (kaders / JAAR / f"{SECTOR}.xml").read_bytes(), scenario.basis, kaders)
    verwacht = [_versie(werk / "los", basis, bewerkingen, kaders) for bewerkingen in scenario.verwacht]
    uit = {}
    for wijze, sjabloon in sjablonen.items():
        repo = werk / wijze
        shutil.copytree(sjabloon, repo, symlinks=True)
        pad = repo / PAD
        pad.parent.mkdir(parents=True, exist_ok=True)
        pad.write_bytes(basis)
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "--no-verify", "-m", "Basis")
        for tak, bewerkingen in (("b", scenario.hun), ("a", scenario.onze)):
            git(repo, "checkout", "-q", "-b", tak, "main")
            for bewerking in bewerkingen:
                bewerking(pad)
            geldig(pad.read_bytes(), kaders)
            git(repo, "commit", "-q", "--no-verify", "-am", f"Tak {tak}")
        hun = git(repo, "show", f"b:{PAD}").stdout.encode("utf-8")
        onze = pad.read_bytes()
        samengevoegd = git(repo, "merge", "-q", "--no-commit", "--no-ff", "--no-verify", "b", mag_falen=True)
        uit[wijze] = beoordeel(samengevoegd.returncode, pad.read_bytes(), verwacht, onze, hun)
    return uit


WIJZEN = {"git": "git's text merge (plain `git merge`)", "kaderdiff": "kaderdiff's driver (`kaderdiff init`)"}


def speel_alle(kaders: Path = KADERS, scenarios: tuple[Scenario, ...] = SCENARIOS, driver: str | None = None,
               wijzen: tuple[str, ...] = tuple(WIJZEN)) -> dict[str, dict[str, Uitkomst]]:
    """Every scenario, each way in `wijzen`; `driver`: another merge driver in the kaderdiff repository (the test
    uses it to check that a wrong merge is caught)."""
    with tempfile.TemporaryDirectory(prefix="kaderdiff-scenarios-") as tijdelijk:
        werk = Path(tijdelijk)
        sjablonen = {wijze: werk / "sjabloon" / wijze for wijze in wijzen}
        for wijze, doel in sjablonen.items():
            _sjabloon(doel, kaders, wijze == "kaderdiff", driver)
        return {s.naam: speel(s, sjablonen, kaders, werk / s.naam) for s in scenarios}


def tabel(uitslagen: dict[str, dict[str, Uitkomst]], scenarios: tuple[Scenario, ...] = SCENARIOS) -> str:
    def cel(u: Uitkomst) -> str:
        tekst = f"**{u.oordeel}**" if u.oordeel == FOUT else u.oordeel
        return f"{tekst} ({u.detail})" if u.detail else tekst

    regels = ["| scenario | a and b, at the same time | right result | " + " | ".join(WIJZEN.values()) + " |",
              "|---|---|---|---|---|"]
    for s in scenarios:
        goed = ("either order of the two additions" if len(s.verwacht) > 1 else "both edits" if s.verwacht
                else "none: a conflict")
        regels.append(f"| {s.naam} | {s.wat} | {goed} | "
                      + " | ".join(cel(uitslagen[s.naam][w]) for w in WIJZEN) + " |")
    return "\n".join(regels)


def main() -> None:
    parser = argparse.ArgumentParser(description="Samenvoegscenario's: git's regelsamenvoeging tegen kaderdiff.")
    parser.add_argument("--kaders", type=Path, default=KADERS, help="de kadermap met 2026/mbo.xml en wetten/")
    parser.add_argument("--json", action="store_true", help="de uitkomsten als JSON")
    args = parser.parse_args()
    uitslagen = speel_alle(args.kaders)
    if args.json:
        print(json.dumps({n: {w: asdict(u) for w, u in per.items()} for n, per in uitslagen.items()}, indent=1))
    else:
        print(tabel(uitslagen))
    afwijkend = [s.naam for s in SCENARIOS if uitslagen[s.naam]["kaderdiff"].oordeel != s.kaderdiff]
    if afwijkend:
        print(f"kaderdiff anders dan in bench/README.md: {', '.join(afwijkend)}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
