"""`python -m bench.vingerafdruk [--uit F] [--vergelijk F] [--libreoffice]`: the sha256 of every output.

A refactoring that promises "behaviour and every output byte stay as they are" is checked with this: it
runs every command of kaderdiff on the sample kaders (in a fresh git repository with fixed dates, under
TZ=UTC) and the 8-sector bench pack on the generated corpus, and records the sha256 of every file written and
of every command's exit code, standard output and error output (the temporary path replaced by a fixed
word). Besides the commands on the sample repository it covers every command's help, a few refusals, the pack
of the next year, `importeer --geschiedenis` (new repository and branch), `voorstel --uit-docx` with a reader's
revision, `wetten importeer`, `opmaak`, `init` and the merge driver (directly and through `git merge`), with the
commits and trees they leave in git. Run it before and after the change and compare the two fingerprints with
`--vergelijk`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path

from bench.corpus import maak_corpus

REPO = Path(__file__).resolve().parents[1]
#: Fixed identity and dates for the repository the commands run in.
GIT_OMGEVING = {
    "GIT_AUTHOR_NAME": "Beleidsmedewerker", "GIT_AUTHOR_EMAIL": "beleid@example.nl",
    "GIT_COMMITTER_NAME": "Beleidsmedewerker", "GIT_COMMITTER_EMAIL": "beleid@example.nl",
    "GIT_AUTHOR_DATE": "2026-05-20T10:00:00+02:00", "GIT_COMMITTER_DATE": "2026-05-20T10:00:00+02:00",
}
ARTIKEL = "artikel 7.2.4a, eerste lid, van de WEB"
CITAATTEKST = (
    "Verslag van de Ringen, 20 mei 2026\n\n"
    "De MBO Raad vraagt of artikel 7.2.4a, eerste lid, van de WEB ook geldt voor de bbl. In art. 40 lid 4 Wpo "
    "en artikel 27, tweede lid, onder c, WVO 2020 staat het anders; zie ook artikel 11 en artikel 15 van de WOT.\n"
)
VOG_OUD = "benoembaar/bevoegd en bekwaam"
VOG_NIEUW = "bekwaam"
#: Every command (and wetten's subcommands) whose `-h` is fingerprinted.
HULP = ("controleer", "opmaak", "importeer", "nieuw-jaar", "staat", "pakket", "reacties", "site", "herleid",
        "impact", "wetten", "wetten importeer", "wetten haal", "wetten bewaak", "wetten uitstel", "citaten", "voorstel",
        "vergelijk-sectoren", "init", "merge", "versie")
#: Refusals: one Dutch message and exit 2.
FOUTEN: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("fout-staat-formaat", ("staat", "--van", "2025", "--naar", "2026", "--formaat", "docx,rtf", "--uit", "build/x")),
    ("fout-pakket-formaten", ("pakket", "--van", "2025", "--naar", "2026", "--formaten", "pdf,rtf", "--uit",
                              "build/x")),
    ("fout-staat-jaar", ("staat", "--van", "2025", "--naar", "2099", "--uit", "build/x")),
    ("fout-staat-uit-kaders", ("staat", "--van", "2025", "--naar", "2026", "--uit", "kaders")),
    ("fout-voorstel-ref", ("voorstel", "bestaat-niet")),
    ("fout-herleid", ("herleid", "MBO:XX9", "--jaar", "2026")),
    ("fout-merge", ("merge", "geen", "bestanden", "hier")),
)
#: Edits for the merge driver: (file, old, new) applied on "our" and on "their" side, and a conflicting pair.
ONZE = (("mbo", VOG_OUD, VOG_NIEUW), ("po", "op al zijn scholen bewaakt", "op al zijn scholen bewaakt en borgt"))
HUN = (("mbo", "heeft zicht op de kwaliteit van het onderwijs en de examinering",
        "heeft actueel zicht op de kwaliteit van het onderwijs en de examinering"),
       ("po", "vertaalt die in doelen", "vertaalt die in heldere doelen"))
ONZE_CONFLICT = (("mbo", "bekwaam personeel", "deskundig personeel"),)
HUN_CONFLICT = (("mbo", "bekwaam personeel", "bekwaam en gescreend personeel"),)
#: A reader's deletion in the concept with tracked changes (as Word writes it), for `voorstel --uit-docx`.
LEZERSRUN = b'<w:r><w:t xml:space="preserve"> en bekwaam personeel</w:t></w:r>'
LEZERSREVISIE = (b'<w:del w:id="9001" w:author="MBO Raad" w:date="2026-04-02T10:00:00Z"><w:r>'
                 b'<w:delText xml:space="preserve"> en bekwaam</w:delText></w:r></w:del>'
                 b'<w:r><w:t xml:space="preserve"> personeel</w:t></w:r>')

#: (name, arguments) of every command run on the sample repository; outputs go to build/NAME.
OPDRACHTEN: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("controleer", ("controleer",)),
    ("controleer-termen", ("controleer", "--termen")),
    ("opmaak-controle", ("opmaak", "--controle")),
    ("staat", ("staat", "--van", "2025", "--naar", "2026", "--formaat", "docx,html,json", "--uit", "build/staat")),
    ("staat-inhoud", ("staat", "--van", "2025", "--naar", "2026", "--koppel-op-inhoud", "--formaat", "json",
                      "--uit", "build/staat-inhoud")),
    ("pakket", ("pakket", "--van", "2025", "--naar", "2026", "--uit", "build/pakket")),
    ("site", ("site", "--uit", "build/site")),
    ("herleid", ("herleid", "MBO:OP1", "--jaar", "2026")),
    ("herleid-json", ("herleid", "MBO:OP1", "--jaar", "2026", "--json")),
    ("herleid-termen", ("herleid", "PO:OP2", "--jaar", "2026", "--termen")),
    ("herleid-artikel", ("herleid", "--artikel", ARTIKEL)),
    ("herleid-artikel-json", ("herleid", "--artikel", ARTIKEL, "--json")),
    ("impact-artikel", ("impact", "--wet", "WEB", "--artikel", "7.2.4a")),
    ("impact-wetswijziging", ("impact", "--wet-wijziging", "VABA")),
    ("impact-wetswijziging-json", ("impact", "--wet-wijziging", "VABA", "--json")),
    ("impact-datums", ("impact", "--wet", "WEB", "--van-datum", "2025-08-01", "--naar-datum", "2026-08-01",
                       "--uit", "build/wetimpact")),
    ("impact-datums-json", ("impact", "--wet", "WEB", "--van-datum", "2025-08-01", "--naar-datum", "2026-08-01",
                            "--json")),
    ("vergelijk-sectoren", ("vergelijk-sectoren", "OP1", "--jaar", "2026")),
    ("vergelijk-sectoren-json", ("vergelijk-sectoren", "OP1", "--jaar", "2026", "--json")),
    ("citaten", ("citaten", "verslag.txt")),
    ("citaten-json", ("citaten", "verslag.txt", "--json")),
    ("voorstel", ("voorstel", "voorstel-vog", "--basis", "main")),
    ("voorstel-json", ("voorstel", "voorstel-vog", "--basis", "main", "--json")),
    ("voorstel-docx", ("voorstel", "voorstel-vog", "--basis", "main", "--docx", "build/voorstel.docx")),
    ("importeer", ("importeer", "build/pakket/mbo-2026-concept-zonder-markeringen.docx", "--sector", "mbo",
                   "--jaar", "2026", "--vorige", "2025", "--uit", "../import/mbo.xml",
                   "--rapport", "../import/rapport.json")),
    ("wetten-uitstel", ("wetten", "uitstel", "VABA", "--naar", "2027", "--naam", "uitstel-vaba")),
)


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, env={**os.environ, **GIT_OMGEVING}, check=True,
                          capture_output=True, text=True).stdout.strip()


def _maak_repo(werk: Path) -> Path:
    """A git repository with the sample kaders on main and a proposal branch that changes the VOG sentence."""
    repo = werk / "repo"
    repo.mkdir()
    shutil.copytree(REPO / "kaders", repo / "kaders")
    (repo / "verslag.txt").write_text(CITAATTEKST, encoding="utf-8")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "Kaders overgenomen")
    _git(repo, "checkout", "-q", "-b", "voorstel-vog")
    mbo = repo / "kaders" / "2026" / "mbo.xml"
    mbo.write_text(mbo.read_text(encoding="utf-8").replace(VOG_OUD, VOG_NIEUW, 1), encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "VOG-eis: alleen 'bekwaam', zoals de MBO Raad vraagt")
    _git(repo, "checkout", "-q", "main")
    return repo


def _draai(args: Sequence[str], cwd: Path, omgeving: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "kaderdiff", *args], cwd=cwd, env=omgeving, capture_output=True,
                          timeout=900, check=False)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _bestanden(map_: Path, voorvoegsel: str, uit: dict[str, str]) -> None:
    for pad in sorted(map_.rglob("*")):
        if pad.is_file():
            uit[f"{voorvoegsel}/{pad.relative_to(map_).as_posix()}"] = _sha(pad.read_bytes())


def _vast(data: bytes, werk: Path) -> bytes:
    """Output without what differs per run or per checkout: the temporary folder and the interpreter's path."""
    return data.replace(str(werk).encode(), b"WERK").replace(sys.executable.encode(), b"PYTHON")


def _opdracht(naam: str, args: Sequence[str], repo: Path, omgeving: dict[str, str], uit: dict[str, str],
              werk: Path | None = None) -> None:
    klaar = _draai(args, repo, omgeving)
    werk = repo.parent if werk is None else werk
    uit[f"{naam}:exit"] = str(klaar.returncode)
    uit[f"{naam}:stdout"] = _sha(_vast(klaar.stdout, werk))
    uit[f"{naam}:stderr"] = _sha(_vast(klaar.stderr, werk))


def _git_staat(naam: str, repo: Path, ref: str, uit: dict[str, str]) -> None:
    """The commits (hash, author, dates, message) and the tree a command left on `ref`."""
    uit[f"{naam}:log"] = _sha(_git(repo, "log", "--format=%H %an <%ae> %ad %cd%n%B", ref).encode())
    uit[f"{naam}:tree"] = _sha(_git(repo, "ls-tree", "-r", ref).encode())


def _vervang(pad: Path, bewerkingen: Sequence[tuple[str, str, str]]) -> None:
    for sector, oud, nieuw in bewerkingen:
        bestand = pad / f"{sector}.xml"
        tekst = bestand.read_text(encoding="utf-8")
        assert oud in tekst, (bestand, oud)
        bestand.write_text(tekst.replace(oud, nieuw, 1), encoding="utf-8")


def _hulp(repo: Path, omgeving: dict[str, str], uit: dict[str, str]) -> None:
    _opdracht("hulp", ("-h",), repo, omgeving, uit)
    _opdracht("hulp-versie", ("--versie",), repo, omgeving, uit)
    for opdracht in HULP:
        _opdracht(f"hulp-{opdracht.replace(' ', '-')}", (*opdracht.split(), "-h"), repo, omgeving, uit)
    for naam, args in FOUTEN:
        _opdracht(naam, args, repo, omgeving, uit)


def _geschiedenis(werk: Path, repo: Path, omgeving: dict[str, str], uit: dict[str, str]) -> None:
    """Two Word kaders of vo (2026 from the pack, 2027 from the next year's pack) as a history: in a new
    repository and on a branch of the sample repository."""
    _opdracht("pakket-2027", ("pakket", "--van", "2026", "--naar", "2027", "--uit", "build/pakket-2027"), repo,
              omgeving, uit)
    jaren = werk / "jaren"
    jaren.mkdir()
    shutil.copy(repo / "build/pakket/vo-2026-concept-zonder-markeringen.docx", jaren / "2026.docx")
    shutil.copy(repo / "build/pakket-2027/vo-2027-concept-zonder-markeringen.docx", jaren / "2027.docx")
    _opdracht("importeer-geschiedenis", ("importeer", "--geschiedenis", str(jaren), "--sector", "vo", "--uit",
                                         str(werk / "geschiedenis")), repo, omgeving, uit)
    _git_staat("importeer-geschiedenis", werk / "geschiedenis", "HEAD", uit)
    _opdracht("importeer-geschiedenis-tak", ("importeer", "--geschiedenis", str(jaren), "--sector", "vo", "--naam",
                                             "import-vo"), repo, omgeving, uit)
    _git_staat("importeer-geschiedenis-tak", repo, "import-vo", uit)


def _uit_docx(werk: Path, repo: Path, omgeving: dict[str, str], uit: dict[str, str]) -> None:
    """A reader deletes two words in the concept with tracked changes; `voorstel --uit-docx` makes a branch."""
    bron = repo / "build/pakket/mbo-2026-concept-met-wijzigingen.docx"
    doel = werk / "lezer.docx"
    with zipfile.ZipFile(bron) as oud, zipfile.ZipFile(doel, "w", zipfile.ZIP_DEFLATED) as nieuw:
        for info in oud.infolist():
            data = oud.read(info)
            if info.filename == "word/document.xml":
                assert LEZERSRUN in data
                data = data.replace(LEZERSRUN, LEZERSREVISIE, 1)
            nieuw.writestr(info, data)
    _opdracht("voorstel-uit-docx", ("voorstel", "--uit-docx", str(doel), "--naam", "voorstel/lezer", "--docx",
                                    "build/voorstel-lezer.docx"), repo, omgeving, uit)
    _git_staat("voorstel-uit-docx", repo, "voorstel/lezer", uit)
    _opdracht("voorstel-uit-docx-json", ("voorstel", "--uit-docx", str(doel), "--naam", "voorstel/lezer-json",
                                         "--json"), repo, omgeving, uit)


def _wetten_en_opmaak(werk: Path, repo: Path, omgeving: dict[str, str], uit: dict[str, str]) -> None:
    """`wetten importeer` of a BWB text into a copy of the kaders, and `opmaak` of a kader in another layout."""
    kopie = werk / "wetkaders"
    shutil.copytree(REPO / "kaders", kopie)
    _opdracht("wetten-importeer", ("wetten", "importeer", str(REPO / "tests/data/bwb/web-2026.xml"), "--kaders",
                                   str(kopie)), repo, omgeving, uit)
    _bestanden(kopie / "wetten", "wetkaders", uit)
    opmaak = werk / "opmaak"
    opmaak.mkdir()
    tekst = (REPO / "kaders/2026/po.xml").read_text(encoding="utf-8")
    (opmaak / "po.xml").write_text(tekst.replace("\n      ", "\n  ").replace("><tekst>", ">\n<tekst>"),
                                   encoding="utf-8")
    _opdracht("opmaak-anders-controle", ("opmaak", "--controle", str(opmaak / "po.xml")), repo, omgeving, uit)
    _opdracht("opmaak-anders", ("opmaak", str(opmaak / "po.xml")), repo, omgeving, uit)
    _bestanden(opmaak, "opmaak", uit)


def _init_en_merge(werk: Path, repo: Path, omgeving: dict[str, str], uit: dict[str, str]) -> None:
    """`init` a kaders repository, the merge driver on three files, and `git merge` through it (clean and with a
    conflict), each merge touching two kaders (one `git merge`, several driver runs)."""
    eigen = werk / "initrepo"
    _opdracht("init", ("init", str(eigen)), repo, omgeving, uit, werk)
    _opdracht("init-nogmaals", ("init", str(eigen)), repo, omgeving, uit, werk)
    for pad in sorted(eigen.rglob("*")):
        if pad.is_file() and ".git" not in pad.relative_to(eigen).parts:
            uit[f"initrepo/{pad.relative_to(eigen).as_posix()}"] = _sha(pad.read_bytes())
    for hook in ("pre-commit", "pre-merge-commit"):
        uit[f"initrepo/.git/hooks/{hook}"] = _sha(_vast((eigen / ".git/hooks" / hook).read_bytes(), werk))
    uit["initrepo:config"] = _sha(_vast(_git(eigen, "config", "--local", "--get-regexp", "^merge").encode(), werk))
    drie = werk / "drie"
    for kant, bewerkingen in (("basis", ()), ("onze", ONZE), ("hun", HUN), ("onze-c", ONZE_CONFLICT),
                              ("hun-c", HUN_CONFLICT)):
        shutil.copytree(REPO / "kaders/2026", drie / kant)
        _vervang(drie / kant, bewerkingen)
    for naam, onze, hun in (("merge", "onze", "hun"), ("merge-conflict", "onze-c", "hun-c")):
        _opdracht(naam, ("merge", str(drie / "basis/mbo.xml"), str(drie / onze / "mbo.xml"),
                         str(drie / hun / "mbo.xml"), "kaders/2026/mbo.xml"), repo, omgeving, uit, werk)
        uit[f"{naam}:resultaat"] = _sha((drie / onze / "mbo.xml").read_bytes())
    _git(eigen, "checkout", "-q", "-b", "main")
    shutil.copytree(REPO / "kaders/2026", eigen / "kaders/2026")
    shutil.copytree(REPO / "kaders/wetten", eigen / "kaders/wetten", dirs_exist_ok=True)
    _git(eigen, "add", "-A")
    _git(eigen, "commit", "-q", "-m", "Kaders overgenomen")
    for tak, ons, zij in (("hun", ONZE, HUN), ("hun-c", ONZE_CONFLICT, HUN_CONFLICT)):
        _git(eigen, "checkout", "-q", "-b", tak)
        _vervang(eigen / "kaders/2026", zij)
        _git(eigen, "commit", "-q", "-am", f"{tak}: hun kant")
        _git(eigen, "checkout", "-q", "main")
        _vervang(eigen / "kaders/2026", ons)
        _git(eigen, "commit", "-q", "-am", f"{tak}: onze kant")
        samengevoegd = subprocess.run(["git", "merge", "--no-edit", tak], cwd=eigen, capture_output=True,
                                      env=omgeving, check=False)
        uit[f"git-merge-{tak}:exit"] = str(samengevoegd.returncode)
        uit[f"git-merge-{tak}:stdout"] = _sha(_vast(samengevoegd.stdout, werk))
        uit[f"git-merge-{tak}:stderr"] = _sha(_vast(samengevoegd.stderr, werk))
        for sector in ("mbo", "po"):
            uit[f"git-merge-{tak}:{sector}"] = _sha((eigen / f"kaders/2026/{sector}.xml").read_bytes())
    _git_staat("git-merge", eigen, "HEAD", uit)


def vingerafdruk(libreoffice: bool = False, bewaar: Path | None = None) -> dict[str, str]:
    """Run every command and the bench pack in a fresh temporary place; the sha256 of every output.

    With `bewaar` the outputs are copied there (to look at what differs)."""
    uit: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="kd-vingerafdruk-") as tmp:
        werk = Path(tmp)
        omgeving = {**os.environ, **GIT_OMGEVING, "TZ": "UTC", "KADERDIFF_CACHE": str(werk / "cache"),
                    "COLUMNS": "100", "NO_COLOR": "1"}
        repo = _maak_repo(werk)
        opdrachten = list(OPDRACHTEN)
        if libreoffice:
            opdrachten.append(("pakket-odt-pdf", ("pakket", "--van", "2025", "--naar", "2026", "--formaten",
                                                  "docx,odt,pdf,html", "--uit", "build/pakket-lo")))
        for naam, args in opdrachten:
            _opdracht(naam, args, repo, omgeving, uit)
        uit["wetten-uitstel:tak"] = _sha(_git(repo, "ls-tree", "-r", "uitstel-vaba").encode())
        _git_staat("wetten-uitstel", repo, "uitstel-vaba", uit)
        _hulp(repo, omgeving, uit)
        _geschiedenis(werk, repo, omgeving, uit)
        _uit_docx(werk, repo, omgeving, uit)
        _wetten_en_opmaak(werk, repo, omgeving, uit)
        _init_en_merge(werk, repo, omgeving, uit)
        _bestanden(repo / "build", "build", uit)
        _bestanden(werk / "import", "import", uit)  # importeer writes outside the repository (only kaders/ in it)
        corpus = werk / "corpus"
        maak_corpus(corpus, git=False)
        _opdracht("bench-pakket", ("pakket", "--van", "2033", "--naar", "2034", "--kaders", str(corpus / "kaders"),
                                   "--uit", str(werk / "benchpakket")), repo, omgeving, uit)
        _bestanden(werk / "benchpakket", "benchpakket", uit)
        if bewaar is not None:
            shutil.copytree(werk, bewaar, ignore=shutil.ignore_patterns("corpus", ".git"))
    return dict(sorted(uit.items()))


def verschillen(oud: dict[str, str], nieuw: dict[str, str]) -> list[str]:
    """Every key whose hash differs, or that only one of the two has."""
    return [f"{k}: {oud.get(k, '(ontbreekt)')[:12]} -> {nieuw.get(k, '(ontbreekt)')[:12]}"
            for k in sorted(oud.keys() | nieuw.keys()) if oud.get(k) != nieuw.get(k)]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="De sha256 van alle uitvoer van kaderdiff op de voorbeeldkaders.")
    parser.add_argument("--uit", type=Path, help="schrijf de vingerafdruk (JSON) naar dit bestand")
    parser.add_argument("--vergelijk", type=Path, help="vergelijk met een eerder opgeslagen vingerafdruk")
    parser.add_argument("--libreoffice", action="store_true", help="ook het pakket met odt en pdf")
    parser.add_argument("--bewaar", type=Path, help="kopieer alle uitvoer naar deze (nieuwe) map")
    args = parser.parse_args(argv)
    afdruk = vingerafdruk(args.libreoffice, args.bewaar)
    if args.uit:
        args.uit.write_text(json.dumps(afdruk, indent=1) + "\n", encoding="utf-8")
    print(f"{len(afdruk)} uitvoeren")
    if args.vergelijk:
        anders = verschillen(json.loads(args.vergelijk.read_text(encoding="utf-8")), afdruk)
        print("\n".join(anders) if anders else "alles byte voor byte gelijk")
        return 1 if anders else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
