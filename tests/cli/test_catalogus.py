"""A catalogue of bad inputs and faults across all commands: each gives its exit code and a Dutch message
(a fragment of it is checked), never a traceback or an "interne fout", and leaves the kaders as they were.

Cases run in-process (`kd`) unless they need a real process (no git on PATH, a file size limit, a FIFO).
"""

from __future__ import annotations

import io
import os
import resource
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.hulp.draai import kd, kd_proces
from tests.hulp.paden import KADERS, kaders_sha
from tests.hulp.repos import commit_alles, git_cmd, maak_repo

STAAT = ["staat", "--van", "2025", "--naar", "2026"]
PAKKET = ["pakket", "--van", "2025", "--naar", "2026", "--sector", "mbo"]
MBO = KADERS / "2026" / "mbo.xml"
#: English that must never reach the user (libxml2, argparse, GitPython, the OS).
ENGELS = ("Traceback", "Interne fout", "error:", "usage:", "Error", "expected", "invalid", "not found",
          "No such file", "Permission denied", "No space", "Input/output", "None", "required", "unrecognized")


@dataclass
class Omgeving:
    """What a case may use: a fresh git repository with the sample kaders and a scratch folder."""

    repo: Path
    tmp: Path
    proces: bool = False  # run as a separate process
    omgeving: dict[str, str] | None = None
    voor_start: Callable[[], None] | None = None

    def bestand(self, naam: str, inhoud: bytes | str) -> str:
        pad = self.tmp / naam
        pad.write_bytes(inhoud.encode("utf-8") if isinstance(inhoud, str) else inhoud)
        return str(pad)

    def kader(self, zoek: str, vervang: str, naam: str = "kader.xml") -> str:
        tekst = MBO.read_text(encoding="utf-8")
        assert zoek in tekst, zoek
        return self.bestand(naam, tekst.replace(zoek, vervang, 1))

    def gebroken(self, relatief: str, zoek: str, vervang: str, args: list[str]) -> list[str]:
        """`breek`, then the command line to run on it."""
        self.breek(relatief, zoek, vervang)
        return args

    def breek(self, relatief: str, zoek: str, vervang: str) -> None:
        """Change a kader in the repository and commit it."""
        pad = self.repo / "kaders" / relatief
        tekst = pad.read_text(encoding="utf-8")
        assert zoek in tekst, zoek
        pad.write_text(tekst.replace(zoek, vervang, 1), encoding="utf-8")
        commit_alles(self.repo, "Kapot")

    def tak(self) -> str:
        git_cmd(self.repo, "checkout", "-q", "-b", "voorstel/x")
        self.breek("2026/mbo.xml", "benoembaar/bevoegd en ", "")
        git_cmd(self.repo, "checkout", "-q", "main")
        return "voorstel/x"

    def concept(self) -> bytes:
        from datetime import UTC, datetime

        from kaderdiff.bron.versies import KaderMap
        from kaderdiff.diff.staatbouw import maak_staat
        from kaderdiff.model.versie import Versie
        from kaderdiff.render.docx_kader import render_concept_docx

        staat = maak_staat(KaderMap(self.repo / "kaders"), Versie(2025), Versie(2026), "MBO")
        return render_concept_docx(staat, datetime(2026, 5, 20, tzinfo=UTC))

    def zonder(self, *programmas: str) -> dict[str, str]:
        """A PATH with only git (and what else is asked), not the programs named."""
        bin_ = self.tmp / "bin"
        bin_.mkdir(exist_ok=True)
        for naam in ("git",):
            if naam not in programmas and shutil.which(naam):
                (bin_ / naam).symlink_to(shutil.which(naam))  # type: ignore[arg-type]
        return {"PATH": str(bin_)}


def _zip_met(onderdelen: dict[str, bytes]) -> bytes:
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w") as z:
        for naam, data in onderdelen.items():
            z.writestr(naam, data)
    return uit.getvalue()


def _kapotte_deflate(o: Omgeving) -> list[str]:
    docx = bytearray(o.concept())
    with zipfile.ZipFile(io.BytesIO(bytes(docx))) as z:
        info = z.getinfo("word/document.xml")
    begin = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(begin + 100, begin + 140):
        docx[i] ^= 0xA5
    return ["voorstel", "--uit-docx", o.bestand("kapot.docx", bytes(docx)), "--naam", "voorstel/k"]


def _shallow(o: Omgeving) -> list[str]:
    o.breek("2026/mbo.xml", "<titel>", "<titel>Nieuw: ")
    kloon = o.tmp / "kloon"
    subprocess.run(["git", "clone", "-q", "--depth", "1", o.repo.as_uri(), str(kloon)], check=True)
    o.repo = kloon
    return ["staat", "--van", f"2026@{git_cmd(kloon, 'rev-parse', 'HEAD')}~1", "--naar", "2026"]


def _fifo(o: Omgeving) -> list[str]:
    os.mkfifo(o.tmp / "pijp.xml")
    o.proces = True
    return ["controleer", str(o.tmp / "pijp.xml")]


def _zonder_git(o: Omgeving) -> list[str]:
    o.proces, o.omgeving = True, o.zonder("git")
    return [*STAAT, "--uit", str(o.tmp / "uit")]


def _zonder_libreoffice(o: Omgeving) -> list[str]:
    o.proces, o.omgeving = True, o.zonder("soffice", "libreoffice")
    return [*PAKKET, "--formaten", "docx,odt", "--uit", str(o.tmp / "uit")]


def _bestandslimiet(o: Omgeving) -> list[str]:
    o.proces = True
    o.voor_start = lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (10_000, 10_000))
    return [*PAKKET, "--uit", str(o.tmp / "pakket")]


def _kapotte_index(o: Omgeving) -> list[str]:
    from kaderdiff.bron.versies import KaderMap
    from kaderdiff.recht.grondslagindex import Grondslagindex

    pad = Grondslagindex(KaderMap(o.repo / "kaders"), Path(os.environ["KADERDIFF_CACHE"])).pad
    assert pad is not None
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_bytes(b"[" * 100_000)
    return ["herleid", "--artikel", "artikel 7.2.4a, eerste lid, WEB"]


def _zonder_toelichting(o: Omgeving) -> list[str]:
    """A change in the working tree, not committed: no toelichting in the kader and none from git."""
    pad = o.repo / "kaders" / "2026" / "mbo.xml"
    tekst = pad.read_text(encoding="utf-8")
    assert "Voor u ligt het onderzoekskader" in tekst
    pad.write_text(tekst.replace("Voor u ligt het onderzoekskader", "Voor u ligt het nieuwe onderzoekskader", 1),
                   encoding="utf-8")
    return ["staat", "--van", "2026@HEAD", "--naar", "2026", "--sector", "mbo", "--streng"]


def _bestaande_tak(o: Omgeving) -> list[str]:
    return ["voorstel", "--uit-docx", o.bestand("c.docx", o.concept()), "--naam", "main"]


Geval = tuple[str, Callable[[Omgeving], list[str]], int, str]

GEVALLEN: list[Geval] = [
    # -- the command line
    ("geen-opdracht", lambda o: [], 2, "gebruik: kaderdiff"),
    ("onbekende-opdracht", lambda o: ["vergelijk"], 2, "ongeldige keuze 'vergelijk'"),
    ("ontbrekende-optie", lambda o: ["staat", "--van", "2025"], 2, "deze argumenten ontbreken: --naar"),
    ("onbekende-optie", lambda o: [*STAAT, "--onzin"], 2, "onbekende argumenten: --onzin"),
    ("optie-zonder-waarde", lambda o: ["staat", "--van"], 2, "argument --van: hier hoort één waarde achter"),
    ("geen-getal", lambda o: ["herleid", "MBO:OP1", "--jaar", "twintig"], 2, "'twintig' is geen geheel getal"),
    ("wetten-zonder-opdracht", lambda o: ["wetten"], 2, "deze argumenten ontbreken: OPDRACHT"),
    # -- versions and sources
    ("ongeldige-versie", lambda o: ["staat", "--van", "vorig-jaar", "--naar", "2026"], 2,
     "Ongeldige versie 'vorig-jaar'"),
    ("onbekend-jaar", lambda o: ["staat", "--van", "2019", "--naar", "2026"], 2, "Het jaar 2019 bestaat niet"),
    ("onbekende-sector", lambda o: [*STAAT, "--sector", "ho"], 2, "De sector 'ho' bestaat niet"),
    ("onbekende-ref", lambda o: ["staat", "--van", "2025@v9", "--naar", "2026"], 2,
     "De git-referentie 'v9' bestaat niet"),
    ("onbekend-staatformaat", lambda o: [*STAAT, "--formaat", "pdf"], 2, "Onbekend formaat 'pdf'"),
    ("onbekend-pakketformaat", lambda o: [*PAKKET, "--formaten", "exe"], 2, "Onbekend formaat 'exe'"),
    ("kadermap-bestaat-niet", lambda o: [*STAAT, "--kaders", str(o.tmp / "nergens")], 2, "bestaat niet"),
    ("kadermap-is-een-bestand", lambda o: [*STAAT, "--kaders", o.bestand("k.txt", "x")], 2, "bestaat niet"),
    ("ref-zonder-git", lambda o: ["staat", "--van", "2025@HEAD", "--naar", "2026", "--kaders",
                                  str(shutil.copytree(KADERS, o.tmp / "los"))], 2, "staat niet in een git-repository"),
    ("shallow-clone", _shallow, 2, "shallow"),
    ("geen-git", _zonder_git, 2, "het programma git is niet gevonden"),
    # -- kader files
    ("tag-fout", lambda o: ["controleer", o.kader("</titel>", "</titl>")], 2, "geen geldige XML: begintag <titel>"),
    ("leeg-bestand", lambda o: ["controleer", o.bestand("leeg.xml", b"")], 2, "het bestand is leeg"),
    ("schemafout", lambda o: ["controleer", o.kader('status="concept"', 'status="klad"')], 2,
     "de waarde 'klad' is niet toegestaan"),
    ("nul-bytes", lambda o: ["controleer", o.bestand("nul.xml", b"<kader>\x00\x00</kader>")], 2,
     "geen geldige XML"),
    ("xxe", lambda o: ["controleer", o.bestand("x.xml", '<?xml version="1.0"?>\n<!DOCTYPE k [<!ENTITY x SYSTEM '
                                                        '"file:///etc/passwd">]><kader>&x;</kader>')], 2,
     "DOCTYPE/ENTITY gevonden"),
    ("doctype-utf16", lambda o: ["controleer", o.bestand("u.xml", '<?xml version="1.0" encoding="UTF-16"?>'
                                                                  '<!DOCTYPE kader><kader/>'.encode("utf-16"))], 2,
     "DOCTYPE/ENTITY gevonden"),
    ("verkeerd-hoofdelement", lambda o: ["controleer", o.bestand("t.xml", "<toestand/>")], 2,
     "het hoofdelement moet <kader> zijn"),
    ("te-diep", lambda o: ["controleer", o.bestand("d.xml", "<kader>" + "<a>" * 5000 + "</a>" * 5000 + "</kader>")],
     2, "te diep genest"),
    ("verkeerde-codering", lambda o: ["controleer", o.bestand("l.xml", MBO.read_text(encoding="utf-8").replace(
        "<titel>", "<titel>café ", 1).encode("latin-1", errors="replace"))], 2, "codering"),
    ("map-zonder-kaders", lambda o: ["controleer", str(o.tmp)], 2, "Geen kaderbestanden gevonden"),
    ("pad-bestaat-niet", lambda o: ["controleer", str(o.tmp / "nergens.xml")], 2, "Pad niet gevonden"),
    ("fifo", _fifo, 2, "named pipe (FIFO)"),
    ("dubbele-ids-in-staat", lambda o: o.gebroken("2026/mbo.xml", 'id="st-ka1-e2"', 'id="st-ka1-e1"', STAAT), 2,
     "komt dubbel voor"),
    ("kapot-kader-in-staat", lambda o: o.gebroken("2026/vo.xml", "</kader>", "</kadr>",
                                                  [*STAAT, "--uit", str(o.tmp / "u")]), 2, "vo.xml"),
    ("streng-zonder-toelichting", _zonder_toelichting, 2, "toelichting ontbreekt"),
    ("opmaak-van-kapot-kader", lambda o: ["opmaak", o.kader("</titel>", "</titl>")], 2,
     "Opmaak afgebroken; er is niets gewijzigd"),
    # -- where output may go
    ("uit-kadermap", lambda o: [*STAAT, "--uit", "kaders"], 2, "is de kadermap"),
    ("uit-checkout", lambda o: [*STAAT, "--uit", "."], 2, "de hoofdmap van de repository"),
    ("uit-vreemde-map", lambda o: (o.bestand("eigen.txt", "x"), [*STAAT, "--uit", str(o.tmp)])[1], 2,
     "geen eerdere uitvoer van kaderdiff"),
    ("uit-is-een-bestand", lambda o: [*STAAT, "--uit", o.bestand("f.txt", "x")], 2, "geen map"),
    ("uit-in-git-map", lambda o: [*PAKKET, "--uit", ".git/pakket"], 2, "ligt in de git-map"),
    ("docx-in-kadermap", lambda o: ["voorstel", o.tak(), "--docx", "kaders/2026/mbo.xml"], 2,
     "ligt in de kadermap"),
    ("docx-over-vreemd-bestand", lambda o: ["voorstel", o.tak(), "--docx", o.bestand("mijn.docx", b"PK")], 2,
     "geen document van kaderdiff"),
    ("bestandslimiet", _bestandslimiet, 2, "kan niet worden geschreven: het bestand is te groot"),
    ("zonder-libreoffice", _zonder_libreoffice, 2, "LibreOffice (soffice) is niet gevonden"),
    # -- legal basis
    ("herleid-zonder-doel", lambda o: ["herleid"], 2, "Geef een standaard"),
    ("onbekende-standaard", lambda o: ["herleid", "MBO:ZZ9"], 2, "Standaard ZZ9 bestaat niet"),
    ("onbekende-sectorcode", lambda o: ["herleid", "XYZ:OP1"], 2, "Geen kader voor sector XYZ"),
    ("citaat-onbekende-wet", lambda o: ["herleid", "--artikel", "artikel 7 XYZ"], 2, "geen bekende wet"),
    ("citaat-leeg", lambda o: ["herleid", "--artikel", ""], 2, "de tekst is leeg"),
    ("citaat-met-markup", lambda o: ["herleid", "--artikel", "artikel [/x] WEB"], 2, "[/x]"),
    ("citaat-twee-streepjes", lambda o: ["herleid", "--artikel=--"], 2, "Kan de verwijzing '--' niet lezen"),
    ("impact-allebei", lambda o: ["impact", "--wet", "WEB", "--wet-wijziging", "VABA"], 2, "niet allebei"),
    ("impact-onbekende-wijziging", lambda o: ["impact", "--wet-wijziging", "ONBEKEND"], 2,
     "komt in geen enkel kader voor"),
    ("impact-onbekende-wet", lambda o: ["impact", "--wet", "XYZ"], 2, "Onbekende wet 'XYZ'"),
    ("vergelijk-onbekend", lambda o: ["vergelijk-sectoren", "ZZ9", "--jaar", "2026"], 2,
     "is geen standaardcode of eis-id"),
    ("kapotte-index", _kapotte_index, 0, "Eisen die rusten op artikel 7.2.4a"),
    # -- law texts
    ("wet-is-een-kader", lambda o: ["wetten", "importeer", str(MBO)], 2, "is geen BWB-toestand"),
    ("wet-zonder-bwb-id", lambda o: ["wetten", "importeer", o.bestand("w.xml", "<toestand><artikel/></toestand>")], 2,
     "geen geldig bwb-id"),
    ("wet-ongeldige-datum", lambda o: ["wetten", "importeer", str(MBO), "--geldig-vanaf", "2026-13-01"], 2,
     "Ongeldige datum '2026-13-01'"),
    ("wet-bestaat-niet", lambda o: ["wetten", "importeer", str(o.tmp / "nergens.xml")], 2, "bestaat niet"),
    # -- proposals
    ("voorstel-zonder-ref", lambda o: ["voorstel"], 2, "Geef het voorstel"),
    ("voorstel-onbekende-tak", lambda o: ["voorstel", "voorstel/bestaat-niet"], 2, "bestaat niet"),
    ("voorstel-onbekende-basis", lambda o: ["voorstel", o.tak(), "--basis", "ontwikkel"], 2,
     "De git-referentie 'ontwikkel' bestaat niet"),
    ("docx-zonder-naam", lambda o: ["voorstel", "--uit-docx", o.bestand("c.docx", b"PK")], 2, "--naam verplicht"),
    ("docx-geen-zip", lambda o: ["voorstel", "--uit-docx", o.bestand("c.docx", b"geen zip"), "--naam", "v/a"], 2,
     "geen geldig Word-document"),
    ("docx-kapotte-deflate", _kapotte_deflate, 2, "is beschadigd"),
    ("docx-met-macro", lambda o: ["voorstel", "--uit-docx", o.bestand("c.docm", o.concept()), "--naam", "v/m"], 2,
     "macro"),
    ("docx-niet-van-kaderdiff", lambda o: ["voorstel", "--uit-docx", o.bestand("c.docx", _zip_met(
        {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<document/>"})), "--naam", "v/n"], 2,
     "geen conceptkader van kaderdiff"),
    ("docx-ongeldige-taknaam", lambda o: ["voorstel", "--uit-docx", o.bestand("c.docx", o.concept()), "--naam",
                                          "voorstel..x"], 2, "geen geldige naam voor een git-tak"),
    ("docx-tak-bestaat", _bestaande_tak, 2, "De tak 'main' bestaat al"),
]


@pytest.mark.parametrize(("naam", "maak", "code", "fragment"), GEVALLEN, ids=[g[0] for g in GEVALLEN])
def test_catalogus(tmp_path: Path, naam: str, maak: Callable[[Omgeving], list[str]], code: int,
                   fragment: str) -> None:
    o = Omgeving(maak_repo(tmp_path / "repo"), tmp_path / "werk")
    o.tmp.mkdir()
    args = [str(a) for a in maak(o)]
    kaders_voor = kaders_sha(o.repo / "kaders")
    if o.proces:
        proces = kd_proces(args, o.repo, o.omgeving, tijdslimiet=120, voor_start=o.voor_start)
        gekregen, uit, fout = proces.returncode, proces.stdout, proces.stderr
    else:
        gekregen, uit, fout = kd(args, cwd=o.repo)
    assert gekregen == code, f"{naam}: exit {gekregen}\n{uit}\n{fout}"
    assert fragment in (fout if code else uit), f"{naam}: '{fragment}' niet in\n{uit}\n{fout}"
    if code and naam != "geen-opdracht":  # without a command the help itself is the answer
        assert "Fout: " in fout or "fout: " in fout, fout
    melding = fout.replace(fragment, "")
    for woord in ENGELS:
        assert woord not in melding, f"{naam}: Engels of een traceback ({woord!r}) in\n{fout}"
    assert kaders_sha(o.repo / "kaders") == kaders_voor, f"{naam}: de kaders zijn gewijzigd"
    assert not [p for p in o.tmp.rglob(".*.bouw-*")], f"{naam}: een halve bouwmap is blijven staan"


def test_de_catalogus_is_groot_en_divers_genoeg() -> None:
    assert len(GEVALLEN) >= 40
    assert len({g[0] for g in GEVALLEN}) == len(GEVALLEN)
    opdrachten = {"controleer", "opmaak", "staat", "pakket", "herleid", "impact", "wetten", "voorstel",
                  "vergelijk-sectoren"}
    broncode = Path(__file__).read_text(encoding="utf-8")
    assert all(f'"{o}"' in broncode or f"'{o}'" in broncode for o in opdrachten)
    assert sys.version_info >= (3, 11)


def _alle_hulp() -> list[list[str]]:
    from kaderdiff.cli.app import COMMANDOS

    return [["-h"], *([c.naam, "-h"] for c in COMMANDOS), ["wetten", "importeer", "-h"]]


@pytest.mark.parametrize("args", _alle_hulp(), ids=lambda a: " ".join(a))
def test_hulp_is_nederlands(args: list[str]) -> None:
    code, uit, fout = kd(args)
    assert code == 0 and not fout, fout
    assert uit.startswith("gebruik: kaderdiff") and "toon deze hulp en stop" in uit
    for engels in ("usage:", "options:", "optional arguments", "positional arguments", "show this help",
                   "show program's version", "subcommands", "Show this message", "[OPTIONS]"):
        assert engels not in uit, f"{engels!r} in de hulp bij {' '.join(args)}"
