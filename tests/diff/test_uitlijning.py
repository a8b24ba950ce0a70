"""The aligner: ids where they are kept, content and context where they are not (issue 14)."""

from __future__ import annotations

import html
import json
import random
from dataclasses import replace
from pathlib import Path

import pytest
from docx import Document

from bench.hernummer import hernummer
from kaderdiff.bron.laden import laad_bestand, laad_bytes
from kaderdiff.diff import gelijkenis
from kaderdiff.diff.sectoren import lijn_sectoren_uit
from kaderdiff.diff.uitlijning import lijn_uit
from kaderdiff.diff.vergelijk import vergelijk
from kaderdiff.model.kader import Element, Kader
from kaderdiff.model.koppeling import Koppeling, Koppelwijze
from kaderdiff.model.wijziging import WijzigingSoort
from tests.hulp.bouwstenen import alinea, eis, gebied, kader, paragraaf, standaard
from tests.hulp.draai import kd
from tests.hulp.paden import KADERS, sample_kaders
from tests.hulp.repos import commit_alles, maak_repo

PAREN = [("po", 2025, 2026), ("vo", 2025, 2026), ("mbo", 2025, 2026), ("vo", 2026, 2027)]

EISEN = ["De school volgt de ontwikkeling van alle leerlingen systematisch.",
         "Het bestuur zorgt voor een veilige omgeving voor leerlingen en personeel.",
         "De leraren geven duidelijke uitleg en stemmen de instructie af op de groep.",
         "De school bespreekt de resultaten jaarlijks met het team en de ouders."]


def soorten(oud: Kader, nieuw: Kader, **opties: bool) -> dict[str, str]:
    return {w.element_id: w.soort.value for w in vergelijk(oud, nieuw, lijn_uit(oud, nieuw, **opties))}


def hernoem(el: Element, achtervoegsel: str = "-n") -> Element:
    """The element and everything in it with new ids (as a Word import would give them)."""
    nieuw_id = el.id.replace(".", f"{achtervoegsel}.", 1) if "." in el.id else el.id + achtervoegsel
    return replace(el, id=nieuw_id, kinderen=tuple(hernoem(k, achtervoegsel) for k in el.kinderen))


# ---------------------------------------------------------------- the evidence of each pair
def test_zelfde_id_is_hetzelfde_element() -> None:
    oud = kader(paragraaf("p", "1.1", "Werkwijze", alinea("a", "Een.")))
    nieuw = kader(paragraaf("p", "1.1", "Werkwijze", alinea("a", "Iets heel anders.")), jaar=2026)
    uitlijning = lijn_uit(oud, nieuw)
    assert uitlijning.nieuw_naar_oud == {"p": "p", "a": "a"}
    assert uitlijning.koppeling("a") == Koppeling(Koppelwijze.ID)


def test_nieuwe_ids_op_tekst_en_de_ouder_op_zijn_kinderen() -> None:
    oud = kader(paragraaf("p", "1.1", "Werkwijze", alinea("a", EISEN[0]), alinea("b", EISEN[1])))
    nieuw = kader(hernoem(paragraaf("p", "1.2", "Werkwijze", alinea("a", EISEN[0]),
                                    alinea("b", EISEN[1].replace("veilige", "rustige")))), jaar=2026)
    uitlijning = lijn_uit(oud, nieuw)
    assert uitlijning.oud_naar_nieuw == {"p": "p-n", "a": "a-n", "b": "b-n"}
    assert uitlijning.koppeling("a-n") == Koppeling(Koppelwijze.TEKST, 1.0)
    b = uitlijning.koppeling("b-n")
    assert b is not None and b.wijze is Koppelwijze.TEKST and b.gelijkenis is not None and 0.85 <= b.gelijkenis < 1
    assert uitlijning.koppeling("p-n") == Koppeling(Koppelwijze.CONTEXT)  # by its children
    rijen = {w.element_id: w for w in vergelijk(oud, nieuw, uitlijning)}
    assert {i: w.soort.value for i, w in rijen.items()} == {"p-n": "hernummerd", "b-n": "gewijzigd"}
    # a row says how similar the pair is: '1.1 Werkwijze' ~ '1.2 Werkwijze'
    assert rijen["p-n"].koppeling == Koppeling(Koppelwijze.CONTEXT, 0.92)
    assert rijen["b-n"].koppeling == b


def test_herschreven_eis_op_dezelfde_plek_van_dezelfde_standaard_is_gewijzigd() -> None:
    oude_eisen = [eis(f"e{i}", t) for i, t in enumerate(EISEN)]
    herschreven = "Elke leerling krijgt passend onderwijs dat aansluit bij wat hij nodig heeft."
    oud = kader(gebied("kg", "OP", standaard("op1", "OP1", "Aanbod", *oude_eisen)))
    nieuwe_eisen = [*oude_eisen[:2], eis("e2", herschreven), oude_eisen[3]]
    nieuw = kader(hernoem(gebied("kg", "OP", standaard("op1", "OP1", "Aanbod", *nieuwe_eisen))), jaar=2026)
    uitlijning = lijn_uit(oud, nieuw)
    [rij] = vergelijk(oud, nieuw, uitlijning)
    assert (rij.soort, rij.element_id, rij.oud and rij.oud.id) == (WijzigingSoort.GEWIJZIGD, "e2-n", "e2")
    assert rij.koppeling is not None and rij.koppeling.wijze is Koppelwijze.CONTEXT
    assert rij.koppeling.gelijkenis is not None and rij.koppeling.gelijkenis < 0.6  # the text alone would not do
    assert any(d.op == 1 and "passend onderwijs" in d.tekst for d in rij.tekstdiff)


def test_waar_de_ids_bewaard_zijn_is_een_nieuw_id_op_een_oude_plek_een_nieuwe_eis() -> None:
    oude_eisen = [eis(f"e{i}", t) for i, t in enumerate(EISEN)]
    nieuw_st = standaard("op1", "OP1", "Aanbod", *oude_eisen[:2], eis("e9", "Geheel andere, nieuwe eis."),
                         oude_eisen[3])
    oud = kader(gebied("kg", "OP", standaard("op1", "OP1", "Aanbod", *oude_eisen)))
    assert soorten(oud, kader(gebied("kg", "OP", nieuw_st), jaar=2026)) == {"e9": "toegevoegd", "e2": "vervallen"}


def test_inhoud_en_plek_allebei_anders_is_vervallen_en_toegevoegd() -> None:
    oud = kader(gebied("kg", "OP", standaard("op1", "OP1", "Aanbod", *(eis(f"e{i}", t) for i, t in enumerate(EISEN))),
                       standaard("op2", "OP2", "Zicht", eis("z", "De school heeft zicht op de ontwikkeling."))))
    nieuw = kader(hernoem(gebied("kg", "OP", standaard("op1", "OP1", "Aanbod", *(
        eis(f"e{i}", t) for i, t in enumerate(EISEN[:3]))), standaard("op2", "OP2", "Zicht", eis(
            "z", "De school heeft zicht op de ontwikkeling."), eis("x", "Ouders worden tijdig geïnformeerd.")))),
        jaar=2026)
    assert soorten(oud, nieuw) == {"x-n": "toegevoegd", "e3": "vervallen"}


# ---------------------------------------------------------------- splits and merges only with evidence
def test_eis_naar_een_andere_standaard_is_geen_splitsing_of_samenvoeging() -> None:
    """VO 2025->2026 in miniature: OP4 gives an eis to OP6; renumbered, both standards stay themselves."""
    om4, om6 = alinea("om4", "Omschrijving van de ondersteuning."), alinea("om6", "Omschrijving van de samenwerking.")
    e = [eis(f"e{i}", t) for i, t in enumerate(EISEN)]
    oud = kader(gebied("kg", "OP", standaard("op4", "OP4", "Ondersteuning", *e[:3], omschrijving=(om4,)),
                       standaard("op6", "OP6", "Samenwerking", e[3], omschrijving=(om6,))))
    nieuw = kader(hernoem(gebied("kg", "OP", standaard("op4", "OP4", "Ondersteuning", *e[:2], omschrijving=(om4,)),
                                 standaard("op6", "OP6", "Samenwerking", e[3], e[2], omschrijving=(om6,)))),
                  jaar=2026)
    assert soorten(oud, nieuw) == {"e2-n": "verplaatst"}


def test_standaard_met_de_eisen_van_twee_andere_is_samengevoegd_ook_als_een_de_meeste_gaf() -> None:
    e = [eis(f"e{i}", t) for i, t in enumerate(EISEN)]
    oud = kader(gebied("kg", "KA", standaard("ka2", "KA2", "Cultuur", *e[:3], omschrijving=(alinea("a", "Cultuur."),)),
                       standaard("ka3", "KA3", "Dialoog", e[3], omschrijving=(alinea("b", "Dialoog."),))))
    nieuw = kader(hernoem(gebied("kg", "KA", standaard("ka2", "KA2", "Kwaliteitscultuur en dialoog", *e,
                                                       omschrijving=(alinea("c", "Samen verder."),)))), jaar=2026)
    rijen = {w.element_id: w for w in vergelijk(oud, nieuw, lijn_uit(oud, nieuw))}
    assert {i: w.soort.value for i, w in rijen.items()} == {"ka2-n": "samengevoegd"}
    assert rijen["ka2-n"].betrokken == ("ka2", "ka3")


def test_gesplitste_standaard_met_nieuwe_ids_blijft_gesplitst() -> None:
    e = [eis(f"e{i}", t) for i, t in enumerate([*EISEN, "De school werkt samen met de gemeente."])]
    oud = kader(gebied("kg", "OP", standaard("op2", "OP2", "Zicht en begeleiding", *e,
                                             omschrijving=(alinea("a", "Zicht en begeleiding."),))))
    nieuw = kader(hernoem(gebied("kg", "OP", standaard("op2", "OP2", "Zicht", *e[:2]),
                                 standaard("op3", "OP3", "Begeleiding", *e[2:]))), jaar=2026)
    rijen = {w.element_id: w for w in vergelijk(oud, nieuw, lijn_uit(oud, nieuw))}
    assert {i: w.soort.value for i, w in rijen.items()} == {"op2": "gesplitst"}
    assert rijen["op2"].betrokken == ("op2-n", "op3-n")


def test_herhaalde_tekst_wordt_op_zijn_plek_gekoppeld() -> None:
    zin = "Zie ook de toelichting in hoofdstuk 3."
    oud = kader(paragraaf("p1", "1.1", "Een", alinea("a1", EISEN[0]), alinea("z1", zin)),
                paragraaf("p2", "1.2", "Twee", alinea("a2", EISEN[1]), alinea("z2", zin)))
    nieuw = kader(hernoem(paragraaf("p1", "1.1", "Een", alinea("a1", EISEN[0]))),
                  hernoem(paragraaf("p2", "1.2", "Twee", alinea("a2", EISEN[1]), alinea("z2", zin))), jaar=2026)
    assert soorten(oud, nieuw) == {"z1": "vervallen"}


def test_koppel_op_inhoud_negeert_gelijke_ids() -> None:
    oud = kader(paragraaf("p", "1.1", "Werkwijze", alinea("a", EISEN[0]), alinea("b", EISEN[1])))
    nieuw = kader(paragraaf("p", "1.1", "Werkwijze", alinea("b", EISEN[0]), alinea("a", EISEN[1])), jaar=2026)
    # the ids were swapped: the texts say so, with or without looking at the ids (issue 25)
    assert soorten(oud, nieuw) == soorten(oud, nieuw, op_inhoud=True) == {}
    for opties in ({}, {"op_inhoud": True}):
        assert lijn_uit(oud, nieuw, **opties).oud_naar_nieuw == {"p": "p", "a": "b", "b": "a"}
    # an id that the content confirms is an id match, unless the ids are ignored
    herschreven = kader(paragraaf("p", "1.1", "Werkwijze", alinea("a", EISEN[0].replace("alle", "de"))), jaar=2026)
    assert lijn_uit(oud, herschreven).koppeling("a") == Koppeling(Koppelwijze.ID)
    koppeling = lijn_uit(oud, herschreven, op_inhoud=True).koppeling("a")
    assert koppeling is not None and koppeling.wijze is Koppelwijze.TEKST


# ---------------------------------------------------------------- the sample kaders renumbered
def _rijen(oud: Kader, nieuw: Kader, **opties: bool) -> list[tuple[str, str, str]]:
    return [(w.nummer, w.soort.value, w.vindplaats) for w in vergelijk(oud, nieuw, lijn_uit(oud, nieuw, **opties))]


@pytest.mark.parametrize(("sector", "van", "naar"), PAREN, ids=lambda x: str(x))
def test_voorbeeldkaders_met_elk_id_nieuw_geven_dezelfde_staat(sector: str, van: int, naar: int) -> None:
    oud = laad_bestand(KADERS / str(van) / f"{sector}.xml")
    nieuw_xml = (KADERS / str(naar) / f"{sector}.xml").read_bytes()
    hernummerd_xml, kaart = hernummer(nieuw_xml, zaad=sector)
    hernummerd = laad_bytes(hernummerd_xml, "hernummerd")
    assert not set(hernummerd.index) & set(oud.index) - {""}, "geen enkel id meer gelijk"
    verwacht = _rijen(oud, laad_bytes(nieuw_xml, "nieuw"))
    assert _rijen(oud, hernummerd) == verwacht
    assert _rijen(oud, laad_bytes(nieuw_xml, "nieuw"), op_inhoud=True) == verwacht
    # and the rows point at the same elements
    stabiel = {w.nummer: w.element_id for w in vergelijk(oud, laad_bytes(nieuw_xml, "nieuw"))}
    assert {w.nummer: kaart.get(w.element_id, w.element_id) for w in vergelijk(oud, hernummerd)} == stabiel


def _staat_json(repo: Path, uit: Path, *extra: str) -> dict[str, dict[str, object]]:
    code, _, fout = kd(["staat", "--van", "2025", "--naar", "2026", "--uit", str(uit), *extra], cwd=repo)
    assert code == 0, fout
    return {s: json.loads((uit / f"{s}-2026-staat-van-wijzigingen.json").read_text(encoding="utf-8"))
            for s in ("po", "vo", "mbo")}


def test_staat_van_hernummerde_kaders_zegt_per_rij_hoe_het_paar_gevonden_is(tmp_path: Path) -> None:
    stabiel = _staat_json(maak_repo(tmp_path / "stabiel"), tmp_path / "uit-stabiel")
    repo = maak_repo(tmp_path / "repo")
    for pad in (repo / "kaders" / "2026").glob("*.xml"):
        pad.write_bytes(hernummer(pad.read_bytes(), zaad=pad.stem)[0])
    commit_alles(repo, "Kaders 2026 met nieuwe ids, zoals na een import uit Word")
    hernummerd = _staat_json(repo, tmp_path / "uit")
    op_inhoud = _staat_json(maak_repo(tmp_path / "inhoud"), tmp_path / "uit-inhoud", "--koppel-op-inhoud")

    def rijen(staat: dict[str, object]) -> list[tuple[object, ...]]:
        wijzigingen = staat["wijzigingen"]
        assert isinstance(wijzigingen, list)
        return [(w["nummer"], w["soort"], w["vindplaats"]) for w in wijzigingen]

    for sector in ("po", "vo", "mbo"):
        assert rijen(hernummerd[sector]) == rijen(stabiel[sector]) == rijen(op_inhoud[sector])
        for staat, wijzen in ((stabiel, {"id"}), (hernummerd, {"tekst", "context"}), (op_inhoud, {"tekst", "context"})):
            rijen_met_paar = [w for w in staat[sector]["wijzigingen"] if w["oud_id"] and w["nieuw_id"]]  # type: ignore
            assert {w["koppeling"]["wijze"] for w in rijen_met_paar} == wijzen
            assert all(w["koppeling"] is None for w in staat[sector]["wijzigingen"]  # type: ignore
                       if not (w["oud_id"] and w["nieuw_id"]))
        assert hernummerd[sector]["samenvatting"]["zonder_toelichting"] == []  # type: ignore[index]
    vog = next(w for w in hernummerd["mbo"]["wijzigingen"] if w["oud_id"] == "st-ka1-e3")  # type: ignore
    assert vog["soort"] == "gewijzigd" and vog["koppeling"] == {"wijze": "context", "gelijkenis": 0.58}
    notitie = "gekoppeld op context, gelijkenis 58% (id was 'st-ka1-e3')"
    assert notitie in html.unescape((tmp_path / "uit" / "mbo-2026-staat-van-wijzigingen.html").read_text("utf-8"))
    tabel = Document(str(tmp_path / "uit" / "mbo-2026-staat-van-wijzigingen.docx")).tables[-1]
    rij = next(r for r in tabel.rows if r.cells[0].paragraphs[0].text == vog["nummer"])
    assert notitie in rij.cells[4].text
    assert "gekoppeld op" not in (tmp_path / "uit-stabiel" / "mbo-2026-staat-van-wijzigingen.html").read_text(
        encoding="utf-8")


@pytest.mark.parametrize("pad", sample_kaders(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_kader_tegen_zichzelf_met_nieuwe_ids_of_zonder_ids_is_leeg(pad: Path) -> None:
    kader_ = laad_bestand(pad)
    assert vergelijk(kader_, laad_bytes(hernummer(pad.read_bytes(), zaad="zelf")[0], "hernummerd")) == []
    assert vergelijk(kader_, kader_, lijn_uit(kader_, kader_, op_inhoud=True)) == []


# ---------------------------------------------------------------- blocking finds what all-pairs finds
def test_blokkeren_vindt_dezelfde_kandidaten_als_alle_paren(monkeypatch: pytest.MonkeyPatch) -> None:
    kans = random.Random(14)
    woorden = Path(__file__).read_text(encoding="utf-8").split()
    oud = [" ".join(kans.choice(woorden) for _ in range(kans.randint(8, 20))) for _ in range(300)]
    nieuw = []
    for tekst in oud[:200]:  # edited copies: a word replaced, one dropped, punctuation
        delen = tekst.split()
        delen[kans.randrange(len(delen))] = kans.choice(woorden)
        if kans.random() < 0.5:
            del delen[kans.randrange(len(delen))]
        nieuw.append(" ".join(delen) + kans.choice(["", ".", ","]))
    nieuw += [" ".join(kans.choice(woorden) for _ in range(12)) for _ in range(100)]
    alle = {(i, j) for _, i, j in gelijkenis.kandidaten(oud, nieuw, 0.85)}
    monkeypatch.setattr(gelijkenis, "KLEIN", 0)
    geblokt = {(i, j) for _, i, j in gelijkenis.kandidaten(oud, nieuw, 0.85)}
    assert geblokt <= alle
    assert len(geblokt) >= 0.98 * len(alle) and len(alle) >= 150


# ---------------------------------------------------------------- across sectors
def test_sectoren_op_inhoud_niet_op_id_en_het_beste_paar_eerst() -> None:
    po = [eis("e1", "Het bestuur stelt doelen voor de kwaliteit van het onderwijs en evalueert die jaarlijks."),
          eis("e2", "Het bestuur stelt doelen voor de financiën en bespreekt die met de raad.")]
    # VO's first eis is a little closer to PO's e1 (85%) than to e2 (83%), but VO's second eis is PO's e1
    # reworded (95%) and unlike e2 (69%): one at a time in order, e2 would stay alone and VO e2 too
    vo = [eis("e1", "Het bestuur stelt doelen voor de kwaliteit van het onderwijs en bespreekt die met de raad."),
          eis("e2", "Het bestuur stelt doelen voor de kwaliteit van het onderwijs en evalueert die elk jaar.")]
    rijen = lijn_sectoren_uit([po, vo])
    assert [[e.id if e else None for e in rij] for rij in rijen] == [["e1", "e2"], ["e2", "e1"]]
    assert lijn_sectoren_uit([po, [eis("e1", "Iets heel anders over de leerlingen.")]])[-1] == [None, eis(
        "e1", "Iets heel anders over de leerlingen.")]


def test_vergelijk_sectoren_vindt_dezelfde_eis_onder_een_ander_id(tmp_path: Path) -> None:
    repo = maak_repo(tmp_path / "repo")
    mbo = repo / "kaders" / "2026" / "mbo.xml"
    mbo.write_bytes(hernummer(mbo.read_bytes(), zaad="mbo")[0])
    commit_alles(repo, "MBO met eigen ids")
    voor = {}
    for naam, kaders in (("stabiel", KADERS), ("hernummerd", repo / "kaders")):
        code, uit, fout = kd(["vergelijk-sectoren", "KA1", "--jaar", "2026", "--json", "--kaders", str(kaders)])
        assert code == 0, fout
        voor[naam] = [{s: c and c["tekst"] for s, c in r["cellen"].items()} for r in json.loads(uit)["rijen"]]
    assert voor["hernummerd"] == voor["stabiel"]
    vog = next(r for r in voor["hernummerd"] if r["PO"] and "(VOG)" in r["PO"])
    assert vog["PO"] == vog["VO"] == vog["MBO"]


def test_ids_op_volgorde_kosten_niet_meer_dan_vaste_ids() -> None:
    """A 128k-word kader (bench/groei.py) whose newer year has the ids of an import without --vorige: the few
    ids that both years share and whose texts differ are weighed against all texts, not all texts against all
    (19x the time of stable ids before, about 1x now); allowed up to 4x, CPU time of this process, medians."""
    from bench.groei import maak_paar, mediaan
    from bench.hernummer import positioneel

    oud_xml, nieuw_xml, _, _ = maak_paar(128_000)
    oud, stabiel = laad_bytes(oud_xml, "oud"), laad_bytes(nieuw_xml, "stabiel")
    op_volgorde = laad_bytes(positioneel(nieuw_xml)[0], "op volgorde")
    tijd_stabiel = mediaan(lambda: lijn_uit(oud, stabiel), 3)
    tijd_op_volgorde = mediaan(lambda: lijn_uit(oud, op_volgorde), 3)
    assert tijd_op_volgorde < 4 * tijd_stabiel + 0.01, (
        f"vaste ids {tijd_stabiel:.3f} s, op volgorde {tijd_op_volgorde:.3f} s")
