"""No traceback, no hang, no wrong result: hostile and clumsy input gives one clear Dutch message and exit 2.

Each test here failed before issue 11 (a traceback, a process that never ended, a kader with duplicate ids
turned into a Staat, a DOCTYPE in UTF-16 accepted, comments dropped by opmaak, a deleted kader reported as
"0 wijzigingen").
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.hulp.draai import kd, kd_proces
from tests.hulp.paden import KADERS, kaders_sha
from tests.hulp.repos import commit_alles, git_cmd, maak_repo

STAAT = ["staat", "--van", "2025", "--naar", "2026"]
MOMENT = datetime(2026, 5, 20, 8, 0, tzinfo=UTC)


def geen_traceback(*teksten: str) -> None:
    for tekst in teksten:
        assert "Traceback" not in tekst and "Interne fout" not in tekst, tekst


def vervang(pad: Path, oud: str, nieuw: str) -> None:
    tekst = pad.read_text(encoding="utf-8")
    assert oud in tekst, oud
    pad.write_text(tekst.replace(oud, nieuw, 1), encoding="utf-8")


def concept_docx(repo: Path) -> bytes:
    from kaderdiff.bron.versies import KaderMap
    from kaderdiff.diff.staatbouw import maak_staat
    from kaderdiff.model.versie import Versie
    from kaderdiff.render.docx_kader import render_concept_docx

    return render_concept_docx(maak_staat(KaderMap(repo / "kaders"), Versie(2025), Versie(2026), "MBO"), MOMENT)


def herpak(docx: bytes, vervang: dict[str, bytes], opgeslagen: bool = False) -> bytes:
    uit = io.BytesIO()
    methode = zipfile.ZIP_STORED if opgeslagen else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(io.BytesIO(docx)) as bron, zipfile.ZipFile(uit, "w", methode) as doel:
        for naam in bron.namelist():
            doel.writestr(naam, vervang.get(naam, bron.read(naam)))
    return uit.getvalue()


# -- Rich markup -------------------------------------------------------------------

@pytest.mark.parametrize("args", [
    ["herleid", "--artikel", "artikel [/x] lid 2 [bold]WEB"],
    ["vergelijk-sectoren", "[/x]", "--jaar", "2026"],
    ["herleid", "MBO:[/b]"],
    ["voorstel", "[/x]"],
    ["staat", "--van", "2025@[/x]", "--naar", "2026"],
])
def test_vierkante_haken_in_gebruikerstekst_geven_geen_crash(voorbeeldrepo: Path, args: list[str]) -> None:
    code, uit, fout = kd(args, cwd=voorbeeldrepo)
    assert code == 2, uit + fout
    assert fout.startswith("Fout: ") and any(h in fout for h in ("[/x]", "[/b]", "[/B]")), fout
    geen_traceback(uit, fout)


def test_vierkante_haken_in_paden_bij_succes(voorbeeldrepo: Path, tmp_path: Path) -> None:
    uit = tmp_path / "uit[/b][red]"
    code, stdout, fout = kd([*STAAT, "--uit", str(uit)], cwd=voorbeeldrepo)
    assert code == 0, fout
    assert f"Geschreven naar {uit}" in stdout
    geen_traceback(stdout, fout)


# -- DOCTYPE in every encoding -----------------------------------------------------

@pytest.mark.parametrize("codering", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig"])
def test_doctype_in_elke_codering_wordt_geweigerd(tmp_path: Path, codering: str) -> None:
    tekst = (KADERS / "2026" / "mbo.xml").read_text(encoding="utf-8")
    naam = {"utf-16-le": "UTF-16LE", "utf-16-be": "UTF-16BE", "utf-8-sig": "UTF-8"}.get(codering, codering.upper())
    tekst = tekst.replace('<?xml version="1.0" encoding="UTF-8"?>\n',
                          f'<?xml version="1.0" encoding="{naam}"?>\n'
                          '<!DOCTYPE kader [<!ENTITY x "gevaarlijk">]>\n', 1)
    pad = tmp_path / "mbo.xml"
    pad.write_bytes(tekst.encode(codering))
    code, uit, fout = kd(["controleer", str(pad)])
    assert code == 2, uit
    assert "mbo.xml:2:1: fout: DOCTYPE/ENTITY gevonden" in fout, fout
    geen_traceback(uit, fout)


def test_doctype_in_utf16_kader_in_de_kadermap_wordt_geweigerd(voorbeeldrepo: Path, tmp_path: Path) -> None:
    mbo = voorbeeldrepo / "kaders" / "2026" / "mbo.xml"
    tekst = mbo.read_text(encoding="utf-8").replace('encoding="UTF-8"?>', 'encoding="UTF-16"?>'
                                                    '<!DOCTYPE kader [<!ENTITY x "y">]>', 1)
    mbo.write_bytes(tekst.encode("utf-16"))
    code, uit, fout = kd([*STAAT, "--sector", "mbo", "--uit", str(tmp_path / "uit")], cwd=voorbeeldrepo)
    assert code == 2 and "DOCTYPE/ENTITY gevonden" in fout, uit + fout
    assert not (tmp_path / "uit").exists()


def test_doctype_in_utf16_word_document_wordt_geweigerd(voorbeeldrepo: Path, tmp_path: Path) -> None:
    docx = concept_docx(voorbeeldrepo)
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        document = z.read("word/document.xml").decode("utf-8")
    _, rest = document.split("?>", 1)
    document = ('<?xml version="1.0" encoding="UTF-16" standalone="yes"?>'
                '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' + rest)
    pad = tmp_path / "concept.docx"
    pad.write_bytes(herpak(docx, {"word/document.xml": document.encode("utf-16")}))
    code, uit, fout = kd(["voorstel", "--uit-docx", str(pad), "--naam", "voorstel/x"], cwd=voorbeeldrepo)
    assert code == 2, uit
    assert "DOCTYPE/ENTITY gevonden" in fout
    assert "voorstel/x" not in git_cmd(voorbeeldrepo, "branch", "--list")


# -- git: shallow clones, unknown refs, no git at all ------------------------------

def test_ontbrekend_object_in_een_shallow_clone(voorbeeldrepo: Path, tmp_path: Path) -> None:
    vervang(voorbeeldrepo / "kaders" / "2026" / "mbo.xml", "<titel>", "<titel>Nieuw: ")
    commit_alles(voorbeeldrepo, "Tweede")
    kloon = tmp_path / "kloon"
    subprocess.run(["git", "clone", "-q", "--depth", "1", voorbeeldrepo.as_uri(), str(kloon)], check=True)
    for args in ([*STAAT, "--uit", str(tmp_path / "s")], ["staat", "--van", "2026@HEAD~1", "--naar", "2026"],
                 ["staat", "--van", "2026@main~1", "--naar", "2026", "--uit", str(tmp_path / "s")]):
        code, uit, fout = kd(args, cwd=kloon)
        if args[2] == "2025":
            assert code == 0, fout
            continue
        assert code == 2, uit + fout
        assert "shallow" in fout or "bestaat niet" in fout, fout
        geen_traceback(uit, fout)
    # the parent commit object is named (by the shallow commit) but absent
    ouder = git_cmd(voorbeeldrepo, "rev-parse", "HEAD~1")
    code, uit, fout = kd(["staat", "--van", f"2026@{ouder}", "--naar", "2026"], cwd=kloon)
    assert code == 2 and ("shallow" in fout or "bestaat niet" in fout), fout
    geen_traceback(uit, fout)


@pytest.mark.parametrize("args", [
    ["voorstel", "HEAD", "--basis", "bestaat-niet"],
    ["voorstel", "bestaat-niet"],
    ["voorstel", "--uit-docx", "CONCEPT", "--naam", "voorstel/y", "--basis", "bestaat-niet"],
    ["staat", "--van", "2025@v9", "--naar", "2026"],
    ["vergelijk-sectoren", "OP1", "--jaar", "2026@bestaat-niet"],
])
def test_onbekende_referentie(voorbeeldrepo: Path, tmp_path: Path, args: list[str]) -> None:
    concept = tmp_path / "concept.docx"
    concept.write_bytes(concept_docx(voorbeeldrepo))
    args = [str(concept) if a == "CONCEPT" else a for a in args]
    code, uit, fout = kd(args, cwd=voorbeeldrepo)
    assert code == 2, uit + fout
    assert "bestaat niet" in fout, fout
    geen_traceback(uit, fout)


def test_zonder_git_een_nederlandse_melding(voorbeeldrepo: Path, tmp_path: Path) -> None:
    leeg = tmp_path / "geen-git"
    leeg.mkdir()
    for args in ([*STAAT, "--uit", str(tmp_path / "s")], ["voorstel", "HEAD"],
                 ["staat", "--van", "2025@HEAD", "--naar", "2026", "--uit", str(tmp_path / "s")]):
        proces = kd_proces(args, voorbeeldrepo, {"PATH": str(leeg)}, tijdslimiet=120)
        assert proces.returncode == 2, proces.stderr
        assert "git is niet gevonden" in proces.stderr, proces.stderr
        geen_traceback(proces.stdout, proces.stderr)
    proces = kd_proces(["controleer", "kaders"], voorbeeldrepo, {"PATH": str(leeg)}, tijdslimiet=120)
    assert proces.returncode == 0, "controleer heeft geen git nodig"


# -- FIFOs and other non-files -----------------------------------------------------

@pytest.mark.parametrize("opdracht", ["controleer-bestand", "controleer-map", "staat", "uit-docx", "wetten",
                                      "opmaak"])
def test_fifo_als_invoer_blokkeert_niet(voorbeeldrepo: Path, tmp_path: Path, opdracht: str) -> None:
    fifo = voorbeeldrepo / "kaders" / "2026" / "ho.xml"
    os.mkfifo(fifo)
    os.mkfifo(voorbeeldrepo / "kaders" / "2025" / "ho.xml")
    los = tmp_path / "pijp.docx"
    os.mkfifo(los)
    args = {"controleer-bestand": ["controleer", str(fifo)], "controleer-map": ["controleer", "kaders"],
            "staat": [*STAAT, "--uit", str(tmp_path / "s")], "opmaak": ["opmaak", "kaders"],
            "uit-docx": ["voorstel", "--uit-docx", str(los), "--naam", "voorstel/p"],
            "wetten": ["wetten", "importeer", str(los)]}[opdracht]
    proces = kd_proces(args, voorbeeldrepo, tijdslimiet=60)
    assert proces.returncode == 2, proces.stdout + proces.stderr
    assert "named pipe (FIFO)" in proces.stdout + proces.stderr
    geen_traceback(proces.stdout, proces.stderr)


def test_invoer_lezen_kost_niet_meer_geheugen_dan_het_bestand(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A kader is read with a buffer of its own size (it was the 256 MB limit, for every file); a file over
    the limit is refused with its size."""
    import tracemalloc

    from kaderdiff.bron import bestanden
    from kaderdiff.fouten import KaderdiffFout

    pad = tmp_path / "k.xml"
    pad.write_bytes(b"x" * 300_000)
    tracemalloc.start()
    try:
        data = bestanden.lees_bestand(pad)
        piek = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert data == pad.read_bytes()
    assert piek < 2 * 300_000, piek
    monkeypatch.setattr(bestanden, "MAX_GROOTTE", 1000)
    with pytest.raises(KaderdiffFout, match=r"te groot \(0 MB; hoogstens 0 MB\)"):
        bestanden.lees_bestand(pad)


# -- damaged zip data --------------------------------------------------------------

def test_beschadigde_deflate_gegevens(voorbeeldrepo: Path, tmp_path: Path) -> None:
    docx = bytearray(concept_docx(voorbeeldrepo))
    with zipfile.ZipFile(io.BytesIO(bytes(docx))) as z:
        info = z.getinfo("word/document.xml")
    begin = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(begin + 200, begin + 260):
        docx[i] ^= 0x5A
    pad = tmp_path / "kapot.docx"
    pad.write_bytes(bytes(docx))
    code, uit, fout = kd(["voorstel", "--uit-docx", str(pad), "--naam", "voorstel/k"], cwd=voorbeeldrepo)
    assert code == 2, uit
    assert "kapot.docx geweigerd: onderdeel word/document.xml is beschadigd" in fout, fout
    geen_traceback(uit, fout)


def test_verkeerd_controlegetal(voorbeeldrepo: Path, tmp_path: Path) -> None:
    docx = herpak(concept_docx(voorbeeldrepo), {}, opgeslagen=True)
    plek = docx.index(b"Kwaliteitszorg")
    kapot = docx[:plek] + b"Kwaliteitsz0rg" + docx[plek + len(b"Kwaliteitszorg"):]
    pad = tmp_path / "crc.docx"
    pad.write_bytes(kapot)
    code, uit, fout = kd(["voorstel", "--uit-docx", str(pad), "--naam", "voorstel/c"], cwd=voorbeeldrepo)
    assert code == 2, uit
    assert "crc.docx geweigerd" in fout and "beschadigd" in fout, fout
    geen_traceback(uit, fout)


# -- a grondslag index of the wrong shape ------------------------------------------

@pytest.mark.parametrize("inhoud", [
    b"[]", b"null", b"42", b'"tekst"', b"{", b"\xff\xfe\x00",
    b"[" * 200_000 + b"]" * 200_000,
    b'{"formaat": "FORMAAT", "kadermap": "KADERMAP", "teksten": 5, "grondslagsets": [], "bestanden": {}}',
    b'{"formaat": "FORMAAT", "kadermap": "KADERMAP", "teksten": [], "grondslagsets": [], "bestanden": '
    b'{"2026/mbo.xml": {"stat": [1, 2, 3, 4], "gezien_op_ns": 1, "sha256": "x", "kader": {"sector": "MBO", '
    b'"jaar": 2026, "eisen": [0, 0, 0, 0, 0]}}}}',
    b'{"formaat": "FORMAAT", "kadermap": "KADERMAP", "teksten": ["a"], "grondslagsets": [[["WEB"]]], '
    b'"bestanden": []}',
    b'{"formaat": "FORMAAT", "kadermap": "KADERMAP", "teksten": [], "grondslagsets": [], "bestanden": '
    b'{"2026/mbo.xml": {"stat": "x", "gezien_op_ns": [], "sha256": 5, "kader": []}}}',
], ids=lambda b: b[:20].decode("latin-1"))
def test_kapotte_grondslagindex_wordt_genegeerd(voorbeeldrepo: Path, eigen_cache: Path, inhoud: bytes) -> None:
    from kaderdiff.bron.versies import KaderMap
    from kaderdiff.recht.grondslagindex import FORMAAT, Grondslagindex

    index = Grondslagindex(KaderMap(voorbeeldrepo / "kaders"), eigen_cache)
    assert index.pad is not None
    inhoud = inhoud.replace(b"FORMAAT", FORMAAT.encode()).replace(
        b"KADERMAP", json.dumps(str((voorbeeldrepo / "kaders").resolve()))[1:-1].encode())
    for _ in range(2):  # the second run reads the index the first one wrote anew
        index.pad.parent.mkdir(parents=True, exist_ok=True)
        index.pad.write_bytes(inhoud)
        code, uit, fout = kd(["herleid", "--artikel", "artikel 7.2.4a, eerste lid, WEB", "--json"], cwd=voorbeeldrepo)
        assert code == 0, fout
        assert json.loads(uit)["eisen"], "de index is opnieuw opgebouwd"
        geen_traceback(uit, fout)


# -- the loader applies the rules of controleer ------------------------------------

@pytest.mark.parametrize(("wijziging", "melding"), [
    (('<eis id="op1-e2">', '<eis id="op1-e1">'), "komt dubbel voor"),
    (('wet="WEB"', 'wet="WXYZ"'), "onbekende wet 'WXYZ'"),
])
@pytest.mark.parametrize("opdracht", ["staat", "pakket", "vergelijk-sectoren", "herleid"])
def test_elke_opdracht_past_de_regels_van_controleer_toe(tmp_path: Path, opdracht: str,
                                                       wijziging: tuple[str, str], melding: str) -> None:
    repo = maak_repo(tmp_path / "repo")
    mbo = repo / "kaders" / "2026" / "mbo.xml"
    tekst = mbo.read_text(encoding="utf-8")
    oud, nieuw = wijziging
    if oud not in tekst:  # the sample's ids differ per sector: take the first eis id of this file
        eerste = re.findall(r'<eis id="([^"]+)">', tekst)[:2]
        oud, nieuw = f'<eis id="{eerste[1]}">', f'<eis id="{eerste[0]}">'
    mbo.write_text(tekst.replace(oud, nieuw, 1), encoding="utf-8")
    commit_alles(repo, "Kapot kader")
    args = {"staat": [*STAAT, "--uit", str(tmp_path / "u")],
            "pakket": ["pakket", "--van", "2025", "--naar", "2026", "--uit", str(tmp_path / "u")],
            "vergelijk-sectoren": ["vergelijk-sectoren", "OP1", "--jaar", "2026"],
            "herleid": ["herleid", "MBO:OP1", "--jaar", "2026"]}[opdracht]
    assert kd(["controleer", str(mbo)])[0] == 2
    code, uit, fout = kd(args, cwd=repo)
    assert code == 2, uit + fout
    assert melding in fout and "mbo.xml:" in fout, fout
    assert not (tmp_path / "u").exists()


# -- opmaak keeps comments ---------------------------------------------------------

def test_opmaak_bewaart_commentaar_overal(tmp_path: Path) -> None:
    tekst = (KADERS / "2026" / "mbo.xml").read_text(encoding="utf-8")
    tekst = tekst.replace('<?xml version="1.0" encoding="UTF-8"?>\n', '<?xml version="1.0" encoding="UTF-8"?>\n'
                          '<!-- Vastgesteld door de IG,\n   zie besluit -->\n', 1)
    tekst = re.sub(r"(<tekst>[^<]{5})", r"\1<!-- nog navragen bij juristen -->", tekst, count=1)
    tekst = re.sub(r"(<titel>[^<]{3})", r"\1<!--titelnotitie-->", tekst, count=1)
    tekst = tekst.replace("<standaard ", "<!-- blok --><standaard ", 1)
    tekst = re.sub(r"(<grondslag [^>]*)/>", r"\1><!-- in een leeg element --></grondslag>", tekst, count=1)
    tekst += "<!-- laatste regel -->\n"
    pad = tmp_path / "mbo.xml"
    pad.write_text(tekst, encoding="utf-8")
    code, _, fout = kd(["opmaak", str(pad)])
    assert code == 0, fout
    na = pad.read_text(encoding="utf-8")
    for notitie in ("<!-- Vastgesteld door de IG,\n   zie besluit -->", "<!-- nog navragen bij juristen -->",
                    "<!--titelnotitie-->", "<!-- blok -->", "<!-- laatste regel -->", "<!-- in een leeg element -->"):
        assert notitie in na, notitie
    assert kd(["opmaak", str(pad), "--controle"])[0] == 0, "idempotent"
    assert kd(["controleer", str(pad)])[0] == 0


# -- a whole kader removed or added ------------------------------------------------

def test_voorstel_dat_een_heel_kader_verwijdert(voorbeeldrepo: Path, tmp_path: Path) -> None:
    git_cmd(voorbeeldrepo, "checkout", "-q", "-b", "voorstel/weg")
    git_cmd(voorbeeldrepo, "rm", "-q", "kaders/2026/mbo.xml")
    shutil.copy(voorbeeldrepo / "kaders" / "2025" / "po.xml", voorbeeldrepo / "kaders" / "2025" / "sbo.xml")
    commit_alles(voorbeeldrepo, "MBO 2026 weg, SBO 2025 erbij")
    git_cmd(voorbeeldrepo, "checkout", "-q", "main")
    code, uit, fout = kd(["voorstel", "voorstel/weg"], cwd=voorbeeldrepo)
    assert code == 0, fout
    regels = uit.splitlines()
    assert regels[0].startswith("LET OP: het voorstel verwijdert het hele kader kaders/2026/mbo.xml (MBO 2026, ")
    assert "LET OP: het voorstel voegt een heel nieuw kader toe: kaders/2025/sbo.xml" in regels[1]
    assert "0 wijzigingen" not in regels[0] and "1 heel kader verwijderd" in uit
    code, uit, _ = kd(["voorstel", "voorstel/weg", "--json", "--docx", str(tmp_path / "b.docx")], cwd=voorbeeldrepo)
    data = json.loads(uit)
    assert [(k["soort"], k["pad"]) for k in data["kaderbestanden"]] == [
        ("verwijderd", "kaders/2026/mbo.xml"), ("toegevoegd", "kaders/2025/sbo.xml")]
    from docx import Document

    tekst = "\n".join(p.text for p in Document(str(tmp_path / "b.docx")).paragraphs)
    assert "Let op: het voorstel verwijdert het hele kader kaders/2026/mbo.xml" in tekst


# -- one place for unexpected errors -----------------------------------------------

def test_onverwachte_fout_wordt_interne_fout_met_logboek(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from kaderdiff.cli import kaders

    def stuk(_: object) -> int:
        raise ZeroDivisionError("expres")

    monkeypatch.setitem(kaders.OPDRACHTEN, "versie", (lambda _: None, stuk))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    code, uit, fout = kd(["versie"])
    assert code == 70
    assert "Traceback" not in uit + fout
    assert fout.startswith("Interne fout in kaderdiff (ZeroDivisionError)")
    logboek = Path(re.search(r"De details staan in (\S+)\.", fout).group(1))  # type: ignore[union-attr]
    assert logboek.parent == tmp_path
    assert "ZeroDivisionError: expres" in logboek.read_text(encoding="utf-8")


def test_bronkaders_van_de_repository_ongewijzigd_na_deze_module() -> None:
    """The session fixture checks all tests together; this checks the sums are taken at all."""
    som = kaders_sha()
    assert "2026/mbo.xml" in som and len(som) >= 7
