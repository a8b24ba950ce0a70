"""One commit, one pack: the same bytes in another time zone and another checkout path, and no trace of the
builder's machine (directory, local time) in any document."""

from __future__ import annotations

import io
import json
import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from tests.hulp.draai import kd_proces
from tests.hulp.echte_clients import vereist
from tests.hulp.paden import map_sha
from tests.hulp.repos import GIT_OMGEVING, commit_alles, maak_repo

PAKKET = ["pakket", "--van", "2025", "--naar", "2026"]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def twee_checkouts(tmp_path: Path) -> tuple[Path, Path]:
    """The same commits in two places that share nothing but the history."""
    eerste = maak_repo(tmp_path / "a" / "repo")
    tweede = tmp_path / "b" / "elders" / "diep genest" / "checkout"
    tweede.parent.mkdir(parents=True)
    subprocess.run(["git", "clone", "-q", eerste.as_uri(), str(tweede)], check=True)
    return eerste, tweede


def bouw(repo: Path, uit: Path, tijdzone: str, formaten: str) -> None:
    """Each build its own conversion cache: LibreOffice converts every time, so its bytes are what is compared."""
    cache = uit.with_name(f"{uit.name}-cache")
    proces = kd_proces([*PAKKET, "--formaten", formaten, "--uit", str(uit)], repo,
                       {"TZ": tijdzone, "KADERDIFF_CACHE": str(cache)})
    assert proces.returncode == 0, proces.stderr


def alle_delen(pad: Path) -> dict[str, bytes]:
    """A file's bytes, and for a zip (docx, odt, the pack zip) every part inside it, recursively."""
    data = pad.read_bytes()
    uit = {pad.name: data}
    if data.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            for naam in z.namelist():
                deel = z.read(naam)
                uit[f"{pad.name}!{naam}"] = deel
                if deel.startswith(b"PK"):
                    with zipfile.ZipFile(io.BytesIO(deel)) as binnen:
                        uit.update({f"{pad.name}!{naam}!{n}": binnen.read(n) for n in binnen.namelist()})
    return uit


def test_twee_tijdzones_en_twee_paden_geven_dezelfde_bytes(tmp_path: Path) -> None:
    eerste, tweede = twee_checkouts(tmp_path)
    bouw(eerste, tmp_path / "lima", "America/Lima", "docx,html")
    bouw(tweede, tmp_path / "tokio", "Asia/Tokyo", "docx,html")
    lima, tokio = map_sha(tmp_path / "lima"), map_sha(tmp_path / "tokio")
    assert lima == tokio
    assert {n.rsplit(".", 1)[-1] for n in lima} >= {"docx", "html", "json", "zip"}


def zonder_documentdatum(repo: Path) -> Path:
    """The sample consultation without its document date: the pack is dated by its commit again."""
    toml = repo / "kaders" / "2026" / "consultatie.toml"
    toml.write_text(re.sub(r"(?m)^datum = .*$", "", toml.read_text(encoding="utf-8")), encoding="utf-8")
    commit_alles(repo, "Zonder documentdatum")
    return repo


def test_geen_pad_of_lokale_tijd_van_de_bouwer_in_het_pakket(tmp_path: Path) -> None:
    repo = zonder_documentdatum(maak_repo(tmp_path / "bouwer-map-geheim" / "repo"))
    uit = tmp_path / "pakket"
    bouw(repo, uit, "America/Lima", "docx,html")
    for pad in uit.iterdir():
        for naam, data in alle_delen(pad).items():
            for spoor in (str(tmp_path).encode(), b"bouwer-map-geheim", str(Path.home()).encode() + b"/"):
                assert spoor not in data, f"{naam} bevat {spoor!r}"
    staat = json.loads((uit / "mbo-2026-staat-van-wijzigingen.json").read_text(encoding="utf-8"))
    assert staat["kader_oud"]["bron"] == "kaders/2025/mbo.xml"
    assert staat["kader_nieuw"]["bron"] == "kaders/2026/mbo.xml"
    assert json.loads((uit / "manifest.json").read_text(encoding="utf-8"))["datum"] == "2026-05-20T08:00:00Z"


def test_datum_van_opmerkingen_is_utc_ook_in_een_andere_tijdzone(tmp_path: Path) -> None:
    """The commit is dated 10:00 +02:00: every date in the concept is 08:00 UTC, written with Z."""
    assert GIT_OMGEVING["GIT_COMMITTER_DATE"] == "2026-05-20T10:00:00+02:00"
    repo = zonder_documentdatum(maak_repo(tmp_path / "repo"))
    uit = tmp_path / "pakket"
    proces = kd_proces([*PAKKET, "--sector", "mbo", "--uit", str(uit)], repo, {"TZ": "America/Lima"})
    assert proces.returncode == 0, proces.stderr
    with zipfile.ZipFile(uit / "mbo-2026-concept-met-wijzigingen.docx") as z:
        opmerkingen = z.read("word/comments.xml").decode("utf-8")
        document = z.read("word/document.xml").decode("utf-8")
        kern = z.read("docProps/core.xml").decode("utf-8")
    datums = set(re.findall(r'w:date="([^"]*)"', opmerkingen)) | set(re.findall(r'w:date="([^"]*)"', document))
    assert datums == {"2026-05-20T08:00:00Z"}
    assert "2026-05-20T08:00:00Z</dcterms:created>" in kern and "2026-05-20T08:00:00Z</dcterms:modified>" in kern


@pytest.mark.echte_client
def test_ook_odt_en_pdf_zijn_identiek(tmp_path: Path) -> None:
    """docx, html, json, odt, pdf and the zip are byte-identical across time zones and paths. LibreOffice
    stamps each PDF's embedded sRGB colour profile (PDF/A) with the moment of conversion; kaderdiff dates
    it with the commit date and shifts the xref table, which must then still point at every object."""
    vereist("soffice")
    eerste, tweede = twee_checkouts(tmp_path)
    bouw(eerste, tmp_path / "lima", "America/Lima", "docx,odt,pdf,html")
    bouw(tweede, tmp_path / "tokio", "Asia/Tokyo", "docx,odt,pdf,html")
    lima, tokio = map_sha(tmp_path / "lima"), map_sha(tmp_path / "tokio")
    assert {n.rsplit(".", 1)[-1] for n in lima} >= {"docx", "html", "json", "odt", "pdf", "zip"}
    assert lima == tokio
    for pdf in (tmp_path / "lima").glob("*.pdf"):
        assert_xref_klopt(pdf.read_bytes())


@pytest.mark.echte_client
def test_odt_en_pdf_gelijk_in_utc_en_in_amsterdam(tmp_path: Path) -> None:
    """A CI server runs in UTC, an editor's machine in Europe/Amsterdam. LibreOffice writes a pdf's dates in the
    zone it runs in (`Z` on the one, `+02'00'` and `+02:00` on the other) and kaderdiff kept each date's
    length, so the two packs differed until the dates got one form (issue 29)."""
    vereist("soffice")
    repo = zonder_documentdatum(maak_repo(tmp_path / "repo"))
    bouw(repo, tmp_path / "utc", "UTC", "docx,odt,pdf")
    bouw(repo, tmp_path / "amsterdam", "Europe/Amsterdam", "docx,odt,pdf")
    utc, amsterdam = map_sha(tmp_path / "utc"), map_sha(tmp_path / "amsterdam")
    assert {n.rsplit(".", 1)[-1] for n in utc} >= {"odt", "pdf"}
    assert utc == amsterdam, sorted(n for n in utc if utc[n] != amsterdam.get(n))
    for pdf in (tmp_path / "utc").glob("*.pdf"):
        data = pdf.read_bytes()
        assert_xref_klopt(data)
        assert b"/CreationDate(D:20260520080000Z)" in data and b"<xmp:CreateDate>2026-05-20T08:00:00Z<" in data


def assert_xref_klopt(pdf: bytes) -> None:
    """Every in-use entry of the (classic) xref table points at 'N 0 obj', and startxref at the table."""
    startxref = int(re.findall(rb"startxref\n(\d+)", pdf)[-1])
    assert pdf[startxref:startxref + 5] == b"xref\n"
    kop = re.match(rb"xref\n0 (\d+)\n", pdf[startxref:])
    assert kop is not None
    tabel = startxref + kop.end()
    for nummer in range(1, int(kop.group(1))):
        regel = pdf[tabel + 20 * nummer:tabel + 20 * nummer + 20]
        if regel[17:18] == b"n":
            plek = int(regel[:10])
            assert pdf[plek:].startswith(f"{nummer} 0 obj".encode()), (nummer, plek)


def test_elk_zipdeel_van_het_pakket_is_op_het_gekozen_niveau_gecomprimeerd(tmp_path: Path) -> None:
    """zlib's level is a decision (uitvoer/zipvast.NIVEAU, measured in bench/README.md): every deflated part of the
    Word documents and of the pack's zip is what that level makes of its bytes, not zlib's default."""
    import zlib

    from kaderdiff.uitvoer.zipvast import NIVEAU

    repo = maak_repo(tmp_path / "repo")
    bouw(repo, tmp_path / "pakket", "UTC", "docx,html")
    gezien = 0
    for pad in sorted((tmp_path / "pakket").glob("*.docx")) + sorted((tmp_path / "pakket").glob("*.zip")):
        with zipfile.ZipFile(pad) as z:
            for info in z.infolist():
                if info.compress_type != zipfile.ZIP_DEFLATED:
                    continue
                with pad.open("rb") as f:  # the raw deflate stream after the local header
                    f.seek(info.header_offset + 26)
                    naam, extra = int.from_bytes(f.read(2), "little"), int.from_bytes(f.read(2), "little")
                    f.seek(naam + extra, 1)
                    rauw = f.read(info.compress_size)
                pakker = zlib.compressobj(NIVEAU, zlib.DEFLATED, -15)
                assert rauw == pakker.compress(z.read(info)) + pakker.flush(), f"{pad.name}!{info.filename}"
                gezien += 1
    assert NIVEAU != 6 and gezien > 50


def test_de_ankers_van_de_inhoudsopgave_hangen_niet_af_van_het_kantoorproces() -> None:
    """LibreOffice names the anchor of each heading its table of contents links to with a counter of the whole
    office process and a random number of the session; the same document converted after another one (a higher
    counter) or in another session is the same odt once fixed, its links still pointing at its headings."""
    from datetime import datetime

    from kaderdiff.pakket.vastzetten import vast_odt

    def odt(teller: int, sessie: int) -> bytes:
        namen = [f"__RefHeading___Toc{teller + 2 * i}_{sessie}" for i in range(3)]
        inhoud = "".join(f'<text:a xlink:href="#{n}">kop {i}</text:a>' for i, n in enumerate(namen))
        inhoud += "".join(f'<text:h><text:bookmark-start text:name="{n}"/>kop {i}<text:bookmark-end text:name="{n}"/>'
                          f"</text:h>" for i, n in enumerate(reversed(namen)))
        inhoud += f'<text:bookmark-start text:name="{namen[0]} Copy 1"/>'  # in a tracked deletion
        uit = io.BytesIO()
        with zipfile.ZipFile(uit, "w") as z:
            z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
            z.writestr("content.xml", f"<office:document-content>{inhoud}</office:document-content>")
        return uit.getvalue()

    moment = datetime(2026, 5, 20, 8, 0)
    alleen, na_een_ander = vast_odt(odt(1388, 516271265), moment), vast_odt(odt(2561, 77), moment)
    assert alleen == na_een_ander
    inhoud = zipfile.ZipFile(io.BytesIO(alleen)).read("content.xml").decode()
    links = re.findall(r'xlink:href="#([^"]+)"', inhoud)
    koppen = re.findall(r'<text:h><text:bookmark-start text:name="([^"]+)"', inhoud)
    assert len(set(links)) == 3 and sorted(koppen) == sorted(links), "elke link nog naar haar eigen kop"
    assert f'text:name="{links[0]} Copy 1"' in inhoud
