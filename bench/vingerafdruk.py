"""`python -m bench.vingerafdruk [--uit F] [--vergelijk F] [--libreoffice]`: the sha256 of every output.

A refactoring that promises "behaviour and every output byte stay as they are" is checked with this: it
runs every command of kaderdiff on the sample kaders (in a fresh git repository with fixed dates, under
TZ=UTC) and the 8-sector bench pack on the generated corpus, and records the sha256 of every file written and
of every command's exit code, standard output and error output (the temporary path replaced by a fixed
word). Run it before and after the change and compare the two fingerprints with `--vergelijk`.
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


def _opdracht(naam: str, args: Sequence[str], repo: Path, omgeving: dict[str, str], uit: dict[str, str]) -> None:
    klaar = _draai(args, repo, omgeving)
    weg = str(repo.parent).encode()
    uit[f"{naam}:exit"] = str(klaar.returncode)
    uit[f"{naam}:stdout"] = _sha(klaar.stdout.replace(weg, b"WERK"))
    uit[f"{naam}:stderr"] = _sha(klaar.stderr.replace(weg, b"WERK"))


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
