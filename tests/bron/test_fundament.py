"""Foundation: checking kaders (schema, ids, grondslagen, hostile XML), canonical form, versions."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from kaderdiff.bron.laden import laad_bestand
from kaderdiff.bron.opmaak import maak_op
from kaderdiff.bron.versies import KaderMap
from kaderdiff.fouten import KaderdiffFout
from kaderdiff.model.versie import Herkomst, Versie
from tests.hulp.draai import kd
from tests.hulp.paden import KADERS, VOORBEELD, alleen_ongecontroleerd, sample_kaders
from tests.hulp.repos import commit_alles, git_cmd, maak_repo

ALLE_KADERS = [*sample_kaders(), VOORBEELD]


def test_er_zijn_sample_kaders_voor_drie_sectoren_en_twee_jaren() -> None:
    namen = {f"{p.parent.name}/{p.name}" for p in sample_kaders()}
    assert {f"{j}/{s}.xml" for j in (2025, 2026) for s in ("po", "vo", "mbo")} <= namen
    assert "2027/vo.xml" in namen


@pytest.mark.parametrize("pad", ALLE_KADERS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_sample_kader_is_in_orde(pad: Path) -> None:
    """In orde; what it says on top is only which articles it could not check (the WVO 2020's, whose text is not
    among the samples, and for the example outside a kadermap the WEB's)."""
    code, uit, fout = kd(["controleer", str(pad)])
    assert code == 0 and alleen_ongecontroleerd(fout, ("WVO", "WEB")), fout
    assert "In orde" in uit


@pytest.mark.parametrize("pad", sample_kaders(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_sample_kader_is_volledig(pad: Path) -> None:
    kader = laad_bestand(pad)
    if kader.variant:  # a variant (praktijkonderwijs) holds only what differs from its sector's kader
        assert pad.stem == kader.afkorting.lower()
        assert len(kader.standaarden()) >= 4 and all(e.grondslagen or e.geen_grondslag for e in kader.eisen())
        return
    assert len(kader.standaarden()) >= 12
    assert len(kader.eisen()) >= 40
    assert all(e.grondslagen or e.geen_grondslag for e in kader.eisen())
    assert any(e.geen_grondslag for e in kader.eisen()), "ook eisen zonder wettelijke grondslag"
    assert kader.element("p-escaleren").nummer == "7.5.2"


def test_hele_kadermap_in_orde() -> None:
    code, _, fout = kd(["controleer", str(KADERS)])
    assert code == 0, fout


def schrijf_variant(tmp_path: Path, zoek: str, vervang: str, naam: str = "kapot.xml") -> Path:
    tekst = VOORBEELD.read_text(encoding="utf-8")
    assert zoek in tekst
    pad = tmp_path / naam
    pad.write_text(tekst.replace(zoek, vervang, 1), encoding="utf-8")
    return pad


def regel_van(pad: Path, fragment: str) -> int:
    for nummer, regel in enumerate(pad.read_text(encoding="utf-8").splitlines(), start=1):
        if fragment in regel:
            return nummer
    raise AssertionError(fragment)


def test_kapotte_xml_met_regel_en_kolom(tmp_path: Path) -> None:
    pad = schrijf_variant(tmp_path, "<titel>Aanbod</titel>", "<titel>Aanbod</titl>")
    code, uit, fout = kd(["controleer", str(pad)])
    assert code == 2
    regel = regel_van(pad, "</titl>")
    assert re.search(rf"kapot\.xml:{regel}:\d+: fout: geen geldige XML: begintag <titel> \(regel {regel}\) "
                     r"wordt afgesloten met </titl>", fout), fout
    assert "Traceback" not in fout + uit


def test_schemafouten_allemaal_en_in_het_nederlands(tmp_path: Path) -> None:
    pad = schrijf_variant(tmp_path, 'niveau="opleiding"', 'niveau="klas"')
    tekst = pad.read_text(encoding="utf-8").replace('oordeel="Voldoende"', 'oordeel="Prima"')
    pad.write_text(tekst, encoding="utf-8")
    code, _, fout = kd(["controleer", str(pad)])
    assert code == 2
    regel = regel_van(pad, 'niveau="klas"')
    assert f"kapot.xml:{regel}" in fout
    assert "de waarde 'klas' is niet toegestaan" in fout
    assert "de waarde 'Prima' is niet toegestaan" in fout
    assert "2 fout(en)" in fout


#: Days and years the XML Schema types accept but a kader cannot mean: a moment in a time zone. Before the schema
#: refused them, loading one ended in an internal error (Python's `date.fromisoformat` refuses them too).
MET_TIJDZONE = [
    ("kaders/2026/mbo.xml", 'peildatum="2026-08-01"', 'peildatum="2026-08-01Z"', "'2026-08-01Z' is geen dag"),
    ("kaders/2026/mbo.xml", 'peildatum="2026-08-01"', 'peildatum="2026-08-01+02:00"', "'2026-08-01+02:00' is geen dag"),
    ("kaders/2026/mbo.xml", 'jaar="2026"', 'jaar="2026Z"', "'2026Z' is geen jaartal"),
    ("kaders/2026/mbo.xml", 'inwerkingtreding="2026-08-01"', 'inwerkingtreding="2026-08-01-05:00"', "is geen dag"),
    ("kaders/2025/vo-pro.xml", 'vastgesteld="2025-06-20"', 'vastgesteld="2025-06-20Z"', "'2025-06-20Z' is geen dag"),
    ("kaders/2026/mbo.xml", 'peildatum="2026-08-01"', 'peildatum="2026-13-01"', "'2026-13-01' is geen geldige datum"),
]


@pytest.mark.parametrize(("bestand", "zoek", "vervang", "verwacht"), MET_TIJDZONE, ids=lambda x: str(x)[:30])
def test_dag_en_jaar_zonder_tijdzone(tmp_path: Path, bestand: str, zoek: str, vervang: str, verwacht: str) -> None:
    tekst = (KADERS.parent / bestand).read_text(encoding="utf-8")
    assert zoek in tekst
    pad = tmp_path / "kaders" / "2026" / "kapot.xml"
    pad.parent.mkdir(parents=True)
    pad.write_text(tekst.replace(zoek, vervang, 1), encoding="utf-8")
    code, _, fout = kd(["controleer", str(pad)])
    assert code == 2 and "Interne fout" not in fout, fout
    assert f"kapot.xml:{regel_van(pad, vervang)}: fout: " in fout and verwacht in fout
    with pytest.raises(KaderdiffFout):
        laad_bestand(pad)


def test_dubbele_id(tmp_path: Path) -> None:
    pad = schrijf_variant(tmp_path, '<eis id="op1-e2">', '<eis id="op1-e1">')
    code, _, fout = kd(["controleer", str(pad)])
    assert code == 2
    tweede = regel_van(pad, 'id="op1-e1"') + 4
    assert f"kapot.xml:{tweede}: fout: id 'op1-e1' komt dubbel voor" in fout


def test_eis_zonder_grondslag_en_zonder_markering(tmp_path: Path) -> None:
    pad = schrijf_variant(tmp_path, '<grondslag wet="WEB" artikel="7.2.4a" lid="1"/>', "")
    code, _, fout = kd(["controleer", str(pad)])
    assert code == 2
    assert f"kapot.xml:{regel_van(pad, 'op1-e1')}: fout: eis 'op1-e1' heeft geen grondslag" in fout


def test_onbekende_wet(tmp_path: Path) -> None:
    pad = schrijf_variant(tmp_path, '<grondslag wet="WEB"', '<grondslag wet="WXYZ"')
    code, _, fout = kd(["controleer", str(pad)])
    assert code == 2
    assert "onbekende wet 'WXYZ'" in fout


@pytest.mark.parametrize("kwaadaardig", [
    '<!DOCTYPE kader [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<kader>&xxe;</kader>',
    '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;">]>\n<kader>&lol3;</kader>',
], ids=["xxe", "billion-laughs"])
def test_entiteiten_worden_geweigerd(tmp_path: Path, kwaadaardig: str) -> None:
    pad = tmp_path / "kwaad.xml"
    pad.write_text('<?xml version="1.0"?>\n' + kwaadaardig, encoding="utf-8")
    code, uit, fout = kd(["controleer", str(pad)])
    assert code == 2
    assert "kwaad.xml:2:1: fout: DOCTYPE/ENTITY gevonden" in fout
    assert "root:" not in uit + fout


@pytest.mark.parametrize("pad", ALLE_KADERS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_opmaak_is_idempotent_en_samples_zijn_canoniek(pad: Path) -> None:
    origineel = pad.read_bytes()
    eens = maak_op(origineel, str(pad))
    assert maak_op(eens, str(pad)) == eens
    assert eens == origineel, "sample kaders staan in de vaste opmaak"
    assert laad_bestand(pad) == laad_bestand(pad)


def test_opmaak_herschrijft_en_behoudt_inhoud(tmp_path: Path) -> None:
    rommelig = VOORBEELD.read_text(encoding="utf-8").replace("\n    ", "\n").replace('sector="MBO" jaar', 'jaar')
    rommelig = rommelig.replace("<kader jaar", '<kader sector="MBO" jaar')
    pad = tmp_path / "rommelig.xml"
    pad.write_text(rommelig, encoding="utf-8")
    assert kd(["opmaak", str(pad), "--controle"])[0] == 1
    assert kd(["opmaak", str(pad)])[0] == 0
    assert pad.read_bytes() == VOORBEELD.read_bytes()
    assert kd(["opmaak", str(pad), "--controle"])[0] == 0


def test_werkmap_en_tag_geven_hetzelfde_model(tmp_path: Path) -> None:
    repo = maak_repo(tmp_path / "repo")
    git_cmd(repo, "tag", "ringen-concept")
    kadermap = KaderMap(repo / "kaders")
    for sector in kadermap.sectoren(Versie(2026)):
        assert kadermap.laad(Versie(2026), sector) == kadermap.laad(Versie.parse("2026@ringen-concept"), sector)
    assert not kadermap.herkomst(Versie(2026)).vuil


def test_herkomst_van_de_werkmap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Commit, commit time and 'working tree changed' come from git itself: before the first commit, clean,
    changed, with a new file, and from inside a git hook (GIT_DIR pointing elsewhere)."""
    repo = maak_repo(tmp_path / "repo", kaders=None)
    shutil.copytree(KADERS, repo / "kaders")
    assert KaderMap(repo / "kaders").herkomst(Versie(2026)) == Herkomst("2026", "", True)
    assert KaderMap(repo / "kaders").commitdatum(Versie(2026)) == 0
    head = commit_alles(repo, "Kaders")
    tijd = int(git_cmd(repo, "log", "-1", "--format=%ct"))
    monkeypatch.setenv("GIT_DIR", str(tmp_path / "elders" / ".git"))  # as a hook of another repository would
    assert KaderMap(repo / "kaders").herkomst(Versie(2026)) == Herkomst("2026", head, False)
    assert KaderMap(repo / "kaders").commitdatum(Versie(2026)) == tijd > 0
    (repo / "kaders" / "2026" / "notitie.txt").write_text("nieuw", encoding="utf-8")
    assert KaderMap(repo / "kaders").herkomst(Versie(2026)).vuil
    assert not KaderMap(repo / "kaders").herkomst(Versie(2025)).vuil, "alleen het eigen jaar telt"
    (repo / "kaders" / "2026" / "notitie.txt").unlink()
    (repo / ".git" / "HEAD").write_text("kapot\n", encoding="utf-8")
    with pytest.raises(KaderdiffFout, match=r"git kan de repository van .* niet lezen"):
        KaderMap(repo / "kaders").herkomst(Versie(2026))


def test_versie_op_ref_leest_oude_inhoud_zonder_checkout(tmp_path: Path) -> None:
    repo = maak_repo(tmp_path / "repo")
    git_cmd(repo, "tag", "v1")
    pad = repo / "kaders" / "2026" / "mbo.xml"
    pad.write_text(pad.read_text(encoding="utf-8").replace("<titel>", "<titel>Nieuw: ", 1), encoding="utf-8")
    commit_alles(repo, "Titel aangepast")
    kadermap = KaderMap(repo / "kaders")
    assert kadermap.laad(Versie.parse("2026@v1"), "MBO").titel != kadermap.laad(Versie(2026), "MBO").titel
    assert kadermap.laad(Versie.parse("2026@HEAD"), "MBO").titel.startswith("Nieuw: ")


@pytest.mark.parametrize(("args", "verwacht"), [
    (["--van", "2019", "--naar", "2026"], "Het jaar 2019 bestaat niet"),
    (["--van", "2025", "--naar", "2026", "--sector", "ho"], "De sector 'ho' bestaat niet"),
    (["--van", "2025@bestaat-niet", "--naar", "2026"], "bestaat-niet"),
    (["--van", "vorig-jaar", "--naar", "2026"], "Ongeldige versie 'vorig-jaar'"),
])
def test_foute_versies_geven_een_nederlandse_melding(tmp_path: Path, args: list[str], verwacht: str) -> None:
    repo = maak_repo(tmp_path / "repo")
    code, _, fout = kd(["staat", *args, "--uit", str(tmp_path / "uit")], cwd=repo)
    assert code == 2
    assert verwacht in fout
    assert "Traceback" not in fout
    assert not (tmp_path / "uit").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".uit")]


def test_ontbrekend_bestand(tmp_path: Path) -> None:
    code, _, fout = kd(["controleer", str(tmp_path / "nergens.xml")])
    assert code == 2
    assert "nergens.xml" in fout


def test_kadermap_zonder_git_werkt_voor_de_werkmap(tmp_path: Path) -> None:
    shutil.copytree(KADERS, tmp_path / "kaders")
    kadermap = KaderMap(tmp_path / "kaders")
    assert "MBO" in kadermap.sectoren(Versie(2026))
    code, _, fout = kd(["staat", "--van", "2025@HEAD", "--naar", "2026", "--uit", str(tmp_path / "u")],
                       cwd=tmp_path)
    assert code == 2
    assert "git" in fout


def test_opmaak_van_een_losse_spatie_telt_niet() -> None:
    """Kader XML and Word runs go through one normalisation: an emphasised lone space is plain text."""
    from lxml import etree

    from kaderdiff.bron.laden import lees_inline, normaliseer_fragmenten
    from kaderdiff.model.kader import Fragment

    assert lees_inline(etree.fromstring("<tekst>a<nadruk> </nadruk>b</tekst>")) == (Fragment("a b"),)
    assert lees_inline(etree.fromstring("<tekst><nadruk>a</nadruk> <nadruk>b</nadruk> </tekst>")) == (
        Fragment("a", "nadruk"), Fragment(" "), Fragment("b", "nadruk"))
    assert normaliseer_fragmenten([("a", "nadruk"), (" ", "nadruk"), ("b", "nadruk"), ("  ", "")]) == (
        Fragment("a b", "nadruk"),)


@pytest.mark.parametrize("sector", ["../2025/mbo", "2025/../mbo", "/mbo", "mbo/", "onbekend"])
def test_een_sector_is_een_naam_geen_pad(tmp_path: Path, sector: str) -> None:
    """Reading a kader goes straight to its file when it is there; a sector that is a path, or that does not
    exist, still gets the message that names the sectors there are (never another year's file)."""
    shutil.copytree(KADERS, tmp_path / "kaders")
    kadermap = KaderMap(tmp_path / "kaders")
    with pytest.raises(KaderdiffFout, match=r"bestaat niet in versie 2026 \(beschikbaar: .*MBO"):
        kadermap.laad(Versie(2026), sector)
    assert kadermap.laad(Versie(2026), "mbo") == kadermap.laad(Versie(2026), "MBO")
