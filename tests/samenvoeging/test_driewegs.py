"""The three-way merge of kader XML by element id (samenvoeging/driewegs.py), without git: parts, conflicts."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from kaderdiff.bron.opmaak import canoniek, maak_op
from kaderdiff.samenvoeging.driewegs import voeg_samen
from kaderdiff.samenvoeging.identiteiten import GeenKader
from tests.hulp.draai import kd
from tests.hulp.kaderbewerking import Bewerking, attribuut, bewerkt, na, nieuw, per_id, tekst, verwijder
from tests.hulp.paden import KADERS

BASIS = maak_op((KADERS / "2026" / "mbo.xml").read_bytes(), "mbo.xml")

def test_niets_gewijzigd_geeft_de_basis() -> None:
    uitkomst = voeg_samen(BASIS, BASIS, BASIS)
    assert (uitkomst.data, uitkomst.conflicten) == (BASIS, ())


def test_zonder_basis_en_gelijk_toegevoegd_is_dat_het_resultaat() -> None:
    assert voeg_samen(b"", BASIS, BASIS).data == BASIS


def test_resultaat_is_canoniek_ook_als_de_invoer_dat_niet_is() -> None:
    los = BASIS.replace(b"\n    <", b"\n<").replace(b'sector="MBO" jaar="2026"', b'jaar="2026"  sector="MBO"')
    uitkomst = voeg_samen(BASIS, los, bewerkt(BASIS, tekst("wv-a1", "Nieuw.")))
    assert uitkomst.data == maak_op(uitkomst.data, "x")
    assert uitkomst.data == bewerkt(BASIS, tekst("wv-a1", "Nieuw."))


def test_tekst_en_grondslag_van_een_eis_apart_samengevoegd() -> None:
    onze, hun = tekst("st-ka1-e1", "Eigen tekst."), attribuut("st-ka1-e1", "artikel", "4.2.3", "grondslag")
    uitkomst = voeg_samen(BASIS, bewerkt(BASIS, onze), bewerkt(BASIS, hun))
    assert uitkomst.conflicten == ()
    assert uitkomst.data == bewerkt(BASIS, onze, hun)


def test_verplaatsen_en_bewerken_van_een_eis() -> None:
    onze, hun = na("st-ka1-e1", "st-ka2-e3"), tekst("st-ka1-e1", "Verplaatst en bewerkt.")
    uitkomst = voeg_samen(BASIS, bewerkt(BASIS, onze), bewerkt(BASIS, hun))
    assert uitkomst.conflicten == ()
    assert uitkomst.data == bewerkt(BASIS, onze, hun)
    assert per_id(etree.fromstring(uitkomst.data))["st-ka1-e1"].getprevious().get("id") == "st-ka2-e3"


def test_twee_teksten_voor_een_alinea_geven_een_conflict_met_beide_versies(tmp_path: Path) -> None:
    onze, hun = bewerkt(BASIS, tekst("wv-a2", "Onze zin.")), bewerkt(BASIS, tekst("wv-a2", "Hun zin."))
    uitkomst = voeg_samen(BASIS, onze, hun)
    assert len(uitkomst.conflicten) == 1
    melding = uitkomst.conflicten[0].tekst
    assert "alinea 'wv-a2'" in melding and "«Onze zin.»" in melding and "«Hun zin.»" in melding
    conflict = etree.fromstring(uitkomst.data).find(".//conflict")
    assert [el.text for el in conflict.iter("alinea")] == ["Onze zin.", "Hun zin."]
    kader = tmp_path / "mbo.xml"
    kader.write_bytes(uitkomst.data)
    code, _, fout = kd(["controleer", str(kader)])
    assert code == 2 and "onopgelost samenvoegconflict bij alinea 'wv-a2'" in fout and "Hun zin." in fout
    assert kd(["opmaak", str(kader)])[0] == 2
    assert kader.read_bytes() == uitkomst.data, "opmaak laat een kader met een conflict ongemoeid"


def test_attribuut_op_twee_manieren_gewijzigd() -> None:
    onze, hun = attribuut("p-doel", "nr", "1.7"), attribuut("p-doel", "nr", "1.8")
    uitkomst = voeg_samen(BASIS, bewerkt(BASIS, onze), bewerkt(BASIS, hun))
    assert len(uitkomst.conflicten) == 1
    assert "attribuut nr): onze versie: '1.7'; hun versie: '1.8'" in uitkomst.conflicten[0].tekst


def test_verwijderen_tegenover_bewerken_brengt_het_geheel_terug_als_hun_versie() -> None:
    """Ours deletes a whole standard; theirs edits one eis in it: the standard comes back whole, in <hun>."""
    onze = verwijder("st-ka1")
    hun = tekst("st-ka1-e2", "Bewerkt door hen.")
    anders = tekst("wv-a1", "Ook gewijzigd.")
    uitkomst = voeg_samen(BASIS, bewerkt(BASIS, onze, anders), bewerkt(BASIS, hun))
    assert len(uitkomst.conflicten) == 1
    melding = uitkomst.conflicten[0].tekst
    assert "standaard 'st-ka1'" in melding and "onze versie: verwijderd" in melding
    assert "hun versie: behouden, met wijzigingen in st-ka1-e2: «Bewerkt door hen.»" in melding
    wortel = etree.fromstring(uitkomst.data)
    conflict = wortel.find(".//conflict")
    assert conflict.get("veld") == "bestaan" and len(conflict.find("onze")) == 0
    hersteld = per_id(conflict.find("hun"))
    assert set(hersteld) == set(per_id(etree.fromstring(BASIS).find(".//standaard[@id='st-ka1']")))
    assert per_id(wortel)["wv-a1"].text == "Ook gewijzigd."


def test_verwijderen_tegenover_niets_doen_is_verwijderen() -> None:
    onze = verwijder("st-ka1-e2")
    uitkomst = voeg_samen(BASIS, bewerkt(BASIS, onze), bewerkt(BASIS, tekst("wv-a1", "x")))
    assert uitkomst.data == bewerkt(BASIS, onze, tekst("wv-a1", "x"))


def test_nieuwe_soorten_elementen_worden_net_zo_samengevoegd() -> None:
    """Elements the format does not know yet (a table, a footnote in running text) merge by id all the same."""
    wortel = etree.fromstring(BASIS)
    tabel = etree.SubElement(per_id(wortel)["p-doel"], "tabel", id="t1", kop="ja")
    for r in range(2):
        rij = etree.SubElement(tabel, "rij", id=f"t1-r{r}")
        for c in range(2):
            etree.SubElement(rij, "cel", id=f"t1-r{r}-c{c}").text = f"cel {r}.{c}"
    voetnoot = etree.SubElement(per_id(wortel)["st-ka1-e1"].find("tekst"), "voetnoot", id="vn1")
    voetnoot.text = "Zie de memorie van toelichting."
    basis = canoniek(etree.ElementTree(wortel))
    onze = [tekst("t1-r1-c0", "nieuwe cel"), attribuut("vn1", "nr", "2", pad=".")]
    hun = [attribuut("t1", "kop", "nee"), na("t1-r0", "t1-r1")]
    uitkomst = voeg_samen(basis, bewerkt(basis, *onze), bewerkt(basis, *hun))
    assert uitkomst.conflicten == ()
    assert uitkomst.data == bewerkt(basis, *onze, *hun)


def test_opmerkingen_blijven_staan() -> None:
    met = BASIS.replace(b"<woordVooraf id=\"wv\">", b"<woordVooraf id=\"wv\">\n<!-- nog nakijken -->")
    uitkomst = voeg_samen(met, bewerkt(met, tekst("wv-a1", "a")), bewerkt(met, tekst("wv-a2", "b")))
    assert b"<!-- nog nakijken -->" in uitkomst.data and uitkomst.conflicten == ()


@pytest.mark.parametrize(("data", "reden"), [
    (b"<toestand><wet/></toestand>", "geen kader"),
    (b"<kader><titel>kapot</kader>", "geen leesbare XML"),
    (BASIS.replace(b'id="wv-a2"', b'id="wv-a1"'), "dubbel"),
])
def test_wat_geen_kader_is_wordt_niet_per_element_samengevoegd(data: bytes, reden: str) -> None:
    with pytest.raises(GeenKader, match=reden):
        voeg_samen(BASIS, data, BASIS)


# -- property: non-overlapping edits on two branches merge to applying both ---------------------------------

_IDS = per_id(etree.fromstring(BASIS))
_SOORTEN = {
    "tekst": [i for i, el in _IDS.items() if el.tag in ("eis", "alinea", "item", "beslisregel")],
    "grondslag": [i for i, el in _IDS.items() if el.tag == "eis" and el.find("grondslag") is not None],
    "nummer": [i for i, el in _IDS.items() if el.tag == "paragraaf"],
    "verwijder": [i for i, el in _IDS.items() if el.tag in ("eis", "alinea", "item")],
    "nieuw": [i for i, el in _IDS.items() if el.tag in ("eis", "alinea")],
    "verplaats": [i for i, el in _IDS.items() if el.tag in ("eis", "alinea")],
}
_SPEC = st.lists(st.tuples(st.sampled_from(sorted(_SOORTEN)), st.integers(0, 10_000), st.integers(0, 10_000)),
                 max_size=10)


def _maak(specs: list[tuple[str, int, int]], kant: str, bezet: set[str]) -> list[Bewerking]:
    """Edits from random choices, each on elements no other edit (of either side) touches."""
    uit: list[Bewerking] = []
    for n, (soort, i, j) in enumerate(specs):
        doel = _SOORTEN[soort][i % len(_SOORTEN[soort])]
        raakt = {doel, *per_id(_IDS[doel])}
        if soort == "verplaats":  # after another element of the same kind, possibly in another parent
            zelfde = [k for k in _SOORTEN["verplaats"] if _IDS[k].tag == _IDS[doel].tag]
            anker = zelfde[j % len(zelfde)]
            raakt |= {anker}
        if raakt & bezet or any(_IDS[doel] in _IDS[b].iterancestors() for b in bezet if b in _IDS):
            continue
        if soort == "verplaats" and (anker == doel or _IDS[doel] in _IDS[anker].iterancestors()):
            continue
        bezet |= raakt
        if soort == "tekst":
            uit.append(tekst(doel, f"Tekst van {kant} {n}."))
        elif soort == "grondslag":
            uit.append(attribuut(doel, "lid", f"{j % 9 + 1}", "grondslag"))
        elif soort == "nummer":
            uit.append(attribuut(doel, "nr", f"{j % 9}.{n}"))
        elif soort == "verwijder":
            uit.append(verwijder(doel))
        elif soort == "nieuw":
            bezet.add(f"{doel}-{kant}{n}")
            uit.append(nieuw(doel, f"{doel}-{kant}{n}"))
        else:
            uit.append(na(doel, anker))
    return uit


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_SPEC, _SPEC)
def test_eigenschap_samenvoegen_is_beide_toepassen(specs_onze: list[tuple[str, int, int]],
                                                     specs_hun: list[tuple[str, int, int]]) -> None:
    bezet: set[str] = set()
    onze = _maak(specs_onze, "onze", bezet)
    hun = _maak(specs_hun, "hun", bezet)
    uitkomst = voeg_samen(BASIS, bewerkt(BASIS, *onze), bewerkt(BASIS, *hun))
    assert uitkomst.conflicten == ()
    assert uitkomst.data == bewerkt(BASIS, *onze, *hun)


def test_eigenschap_is_niet_blind() -> None:
    """The property compares whole kaders: the result of one side alone, or another order, does not pass."""
    onze, hun = [tekst("wv-a1", "a"), nieuw("wv-a1", "wv-x")], [nieuw("wv-a1", "wv-y")]
    uitkomst = voeg_samen(BASIS, bewerkt(BASIS, *onze), bewerkt(BASIS, *hun))
    assert uitkomst.data == bewerkt(BASIS, *onze, *hun)
    assert uitkomst.data not in (bewerkt(BASIS, *onze), bewerkt(BASIS, *hun), bewerkt(BASIS, *hun, *onze))


def test_merge_opdracht_schrijft_in_onze_en_meldt_conflicten(tmp_path: Path) -> None:
    basis, onze, hun = tmp_path / "basis.xml", tmp_path / "onze.xml", tmp_path / "hun.xml"
    basis.write_bytes(BASIS)
    onze.write_bytes(bewerkt(BASIS, tekst("wv-a1", "Onze.")))
    hun.write_bytes(bewerkt(BASIS, tekst("wv-a2", "Hun.")))
    assert kd(["merge", str(basis), str(onze), str(hun), "kaders/2026/mbo.xml"]) == (0, "", "")
    assert onze.read_bytes() == bewerkt(BASIS, tekst("wv-a1", "Onze."), tekst("wv-a2", "Hun."))
    hun.write_bytes(bewerkt(BASIS, tekst("wv-a1", "Hun.")))
    code, _, fout = kd(["merge", str(basis), str(onze), str(hun), "kaders/2026/mbo.xml"])
    assert code == 1
    assert "kaders/2026/mbo.xml: 1 conflict(en)" in fout and "alinea 'wv-a1'" in fout
    assert b"<conflict" in onze.read_bytes()


def test_merge_opdracht_voegt_wat_geen_kader_is_regel_voor_regel_samen(tmp_path: Path) -> None:
    basis, onze, hun = tmp_path / "basis.xml", tmp_path / "onze.xml", tmp_path / "hun.xml"
    basis.write_text("<toestand>\n<a/>\n<b/>\n<c/>\n</toestand>\n", encoding="utf-8")
    onze.write_text("<toestand>\n<a x='1'/>\n<b/>\n<c/>\n</toestand>\n", encoding="utf-8")
    hun.write_text("<toestand>\n<a/>\n<b/>\n<c y='2'/>\n</toestand>\n", encoding="utf-8")
    code, _, fout = kd(["merge", str(basis), str(onze), str(hun), "kaders/wetten/x.xml"])
    assert code == 0 and "regel voor regel" in fout
    assert onze.read_text(encoding="utf-8") == "<toestand>\n<a x='1'/>\n<b/>\n<c y='2'/>\n</toestand>\n"
    hun.write_text("<toestand>\n<a z='3'/>\n<b/>\n<c/>\n</toestand>\n", encoding="utf-8")
    onze.write_text("<toestand>\n<a x='1'/>\n<b/>\n<c/>\n</toestand>\n", encoding="utf-8")
    code, _, _ = kd(["merge", str(basis), str(onze), str(hun)])
    assert code == 1
    assert "<<<<<<< onze" in onze.read_text(encoding="utf-8") and ">>>>>>> hun" in onze.read_text(encoding="utf-8")


def test_merge_opdracht_zonder_bestand(tmp_path: Path) -> None:
    code, _, fout = kd(["merge", str(tmp_path / "weg.xml"), str(tmp_path / "o.xml"), str(tmp_path / "h.xml")])
    assert code == 2 and "niet gevonden" in fout


def test_andere_soort_element_met_hetzelfde_id() -> None:
    def wordt_item(ids: dict[str, etree._Element]) -> None:
        ids["wv-a3"].tag = "item"

    def wordt_beslisregel(ids: dict[str, etree._Element]) -> None:
        ids["wv-a3"].tag = "beslisregel"

    schoon = voeg_samen(BASIS, bewerkt(BASIS, tekst("wv-a3", "Nieuw.")), bewerkt(BASIS, wordt_item))
    assert schoon.conflicten == () and schoon.data == bewerkt(BASIS, tekst("wv-a3", "Nieuw."), wordt_item)
    botsend = voeg_samen(BASIS, bewerkt(BASIS, wordt_beslisregel), bewerkt(BASIS, wordt_item))
    assert len(botsend.conflicten) == 1
    assert "onze versie: <beslisregel>; hun versie: <item>" in botsend.conflicten[0].tekst


def test_kader_attribuut_en_dubbel_verplaatsen() -> None:
    """A conflict on the kader itself goes first inside it; a twice-moved eis stays where we put it."""
    def status(waarde: str) -> Bewerking:
        def doe(ids: dict[str, etree._Element]) -> None:
            ids["wv"].getparent().set("status", waarde)
        return doe

    onze = [status("vastgesteld"), na("st-ka1-e1", "st-ka2-e1")]
    hun = [status("concept-2"), na("st-ka1-e1", "st-ka3-e1")]
    uitkomst = voeg_samen(BASIS, bewerkt(BASIS, *onze), bewerkt(BASIS, *hun))
    wortel = etree.fromstring(uitkomst.data)
    assert wortel[0].tag == "conflict" and wortel[0].get("veld") == "@status"
    assert per_id(wortel)["st-ka1-e1"].getprevious().get("veld") == "plaats"
    assert len(uitkomst.conflicten) == 2
    plaats = next(m.tekst for m in uitkomst.conflicten if "verplaatsten" in m.tekst)
    assert "onze versie: in 'basiskwaliteit van st-ka2' na 'st-ka2-e1'" in plaats
    assert "hun versie: in 'basiskwaliteit van st-ka3' na 'st-ka3-e1'" in plaats


@pytest.mark.parametrize("indeling", ["een regel", "gedeelde regels"])
def test_andere_indeling_van_de_invoer_verandert_het_resultaat_niet(indeling: str) -> None:
    """Equal subtrees are found by their source lines only where each starts its own line; else serialised."""
    def indelen(data: bytes) -> bytes:
        if indeling == "een regel":
            return b"\n".join(r.strip() for r in data.split(b"\n")).replace(b"\n", b"")
        regels = data.split(b"\n")  # every two lines on one: elements end and start on shared lines
        return b"\n".join(b"".join(regels[i:i + 2]) for i in range(0, len(regels), 2))

    onze = [tekst("p-doel-a1", "Onze."), tekst("st-ka1-e2", "Onze eis.")]
    hun = [tekst("p-doel-a2", "Hun."), attribuut("st-ka1-e2", "lid", "2", "grondslag")]
    uitkomst = voeg_samen(indelen(BASIS), indelen(bewerkt(BASIS, *onze)), indelen(bewerkt(BASIS, *hun)))
    assert uitkomst.conflicten == ()
    assert uitkomst.data == bewerkt(BASIS, *onze, *hun)


def test_een_element_dat_eindigt_waar_het_volgende_begint_telt_niet_als_gelijk() -> None:
    """The text of p-doel-a1 stands on the line where p-doel-a2 starts: its own first line alone is no proof."""
    def scheef(data: bytes) -> bytes:
        data = data.replace(b'<alinea id="p-doel-a1">', b'<alinea id="p-doel-a1">\n')
        return data.replace(b'</alinea>\n      <alinea id="p-doel-a2">', b'</alinea><alinea id="p-doel-a2">')

    assert scheef(BASIS).count(b"</alinea><alinea") == 1
    een, ander = [tekst("p-doel-a1", "Nieuwe tekst.")], [tekst("p-doel-l1-i1", "Ander item.")]
    for onze, hun in ((een, ander), (ander, een)):
        uitkomst = voeg_samen(scheef(BASIS), scheef(bewerkt(BASIS, *onze)), scheef(bewerkt(BASIS, *hun)))
        assert uitkomst.data == bewerkt(BASIS, *onze, *hun)
