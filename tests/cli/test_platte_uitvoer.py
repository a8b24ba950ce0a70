"""Output redirected to a file or a pipe carries its meaning without colour and without a terminal's width
(issue 28): a word diff marked as `git diff --word-diff=plain` does, every text and link in full; a terminal keeps
its Rich tables."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hulp.repos import commit_alles, git_cmd, maak_repo

#: What a Rich table draws with, and what colour looks like in a file.
RANDEN = set("┏┓┗┛━┃│─┌┐└┘┼╇┡┩")
ESCAPE = "\x1b["


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample kaders on main, and the MBO Raad's proposal ('bekwaam' only) on a branch."""
    pad = maak_repo(tmp_path_factory.mktemp("plat") / "repo")
    git_cmd(pad, "checkout", "-q", "-b", "voorstel-vog")
    mbo = pad / "kaders" / "2026" / "mbo.xml"
    # the eis itself: the team's samenvatting at the top of the kader quotes the same words
    mbo.write_text(mbo.read_text(encoding="utf-8").replace("zorgt voor benoembaar/bevoegd en bekwaam",
                                                           "zorgt voor bekwaam", 1), encoding="utf-8")
    commit_alles(pad, "VOG-eis: alleen 'bekwaam', zoals de MBO Raad vraagt\n\nHet mbo kent geen bevoegdheden.")
    git_cmd(pad, "checkout", "-q", "main")
    return pad


def naar_bestand(args: list[str], repo: Path, doel: Path) -> str:
    """`kaderdiff ARGS > doel` and the file's text."""
    with doel.open("w", encoding="utf-8") as uit:
        proces = subprocess.run([sys.executable, "-m", "kaderdiff", *args], cwd=repo, stdout=uit,
                                stderr=subprocess.PIPE, text=True, timeout=300, env={**os.environ, "COLUMNS": "80"})
    assert proces.returncode == 0, proces.stderr
    tekst = doel.read_text(encoding="utf-8")
    assert ESCAPE not in tekst and not RANDEN & set(tekst), "geen kleur en geen tabelranden in een bestand"
    return tekst


def test_vergelijk_sectoren_in_een_bestand_markeert_weg_en_erbij(repo: Path, tmp_path: Path) -> None:
    tekst = naar_bestand(["vergelijk-sectoren", "st-ka1-e3", "--jaar", "2026@voorstel-vog"], repo,
                         tmp_path / "sectoren.txt")
    # without the marks the MBO cell read 'benoembaar/bevoegd en bekwaam': the opposite of the proposal
    assert ("  MBO: Het bestuur zorgt voor [-benoembaar/bevoegd en -]bekwaam personeel dat in het bezit is van een "
            "Verklaring Omtrent het Gedrag (VOG).") in tekst.splitlines()
    assert "[-tekst-] staat er niet, {+tekst+} staat er extra (zoals git diff --word-diff=plain)" in tekst


def test_impact_in_een_bestand_markeert_weg_en_erbij_en_noemt_wijzigingsnummers(repo: Path, tmp_path: Path) -> None:
    tekst = naar_bestand(["impact", "--wet", "WEB", "--van-datum", "2025-08-01", "--naar-datum", "2026-08-01"], repo,
                         tmp_path / "wet.txt")
    assert ("Voor [-een beroepsopleiding kan per leerweg een afzonderlijke studieduur worden vastgesteld-]{+elke "
            "leerweg van een beroepsopleiding geldt één studieduur+} (voorbeeldtekst, versie [-vóór-]{+na+} de Wet "
            "VABA).") in tekst
    assert "MBO 2026 · OP1 · MBO-9: De opleiding heeft per leerweg één studieduur vastgesteld" in tekst
    assert "1 wijziging in de wet; 1 daarvan raakt eisen in de kaders." in tekst and "(en)" not in tekst
    artikel = naar_bestand(["impact", "--wet", "WEB", "--artikel", "7.2.4a"], repo, tmp_path / "artikel.txt")
    assert "  Wijziging: MBO-9\n" in artikel and "st-op1-e2" not in artikel
    assert artikel.rstrip().endswith("1 eis na te lopen in 1 standaard.")


def test_herleid_in_een_bestand_geeft_volledige_teksten_en_links(repo: Path, tmp_path: Path) -> None:
    tekst = naar_bestand(["herleid", "MBO:OP1", "--jaar", "2026"], repo, tmp_path / "herleid.txt")
    assert ("  Tekst:     Het onderwijsprogramma is gericht op het behalen van de kwalificatie-eisen van het "
            "kwalificatiedossier, inclusief generieke eisen voor Nederlands, rekenen en loopbaan en burgerschap."
            ) in tekst.splitlines()
    assert "             https://wetten.overheid.nl/jci1.3:c:BWBR0007625&artikel=7.2.4&lid=1&g=2026-08-01" in \
        tekst.splitlines()
    assert "…" not in tekst, "niets afgekapt"
    terug = naar_bestand(["herleid", "--artikel", "artikel 7.2.4a, eerste lid, van de WEB"], repo,
                         tmp_path / "artikel.txt")
    assert "https://wetten.overheid.nl/jci1.3:c:BWBR0007625&artikel=7.2.4a&lid=1" in terug.splitlines()
    assert ("  Tekst 2026:      De opleiding heeft per leerweg één studieduur vastgesteld, en het programma is zo "
            "ingericht dat studenten de opleiding binnen die studieduur kunnen afronden.") in terug.splitlines()
    assert terug.rstrip().endswith("1 eis.")


def test_voorstel_in_een_bestand_noemt_wie_voorstelt_en_waarom(repo: Path, tmp_path: Path) -> None:
    tekst = naar_bestand(["voorstel", "voorstel-vog", "--basis", "main"], repo, tmp_path / "voorstel.txt")
    assert tekst.startswith("Voorstel: VOG-eis: alleen 'bekwaam', zoals de MBO Raad vraagt\n")
    assert "Ingediend door: Beleidsmedewerker <beleid@example.nl>" in tekst
    assert "Het mbo kent geen bevoegdheden." in tekst
    # the row is named as the Staat 2025 → 2026 names that eis, not 'MBO-1' of the proposal's own count
    assert "\nMBO-6 (2026) — gewijzigd\n" in tekst and "2026 MBO-1" not in tekst
    assert "  Tekst WAS:   Het bestuur zorgt voor [-benoembaar/bevoegd en -]bekwaam personeel" in tekst


def op_pseudoterminal(args: list[str], repo: Path, stroom: str) -> str:
    """Run kaderdiff with `stroom` ('stdout' or 'stderr') on a pseudo-terminal; what it wrote there."""
    hoofd, kant = pty.openpty()
    anders = subprocess.PIPE
    try:
        proces = subprocess.run([sys.executable, "-m", "kaderdiff", *args], cwd=repo, timeout=300,
                                stdout=kant if stroom == "stdout" else anders,
                                stderr=kant if stroom == "stderr" else anders,
                                env={**os.environ, "COLUMNS": "120", "TERM": "xterm"})
        os.close(kant)
        uit = b""
        while True:
            try:
                stuk = os.read(hoofd, 65536)
            except OSError:  # the other end is closed
                break
            if not stuk:
                break
            uit += stuk
    finally:
        os.close(hoofd)
    assert proces.returncode == 0
    return uit.decode("utf-8")


def test_op_een_terminal_blijven_de_tabellen(repo: Path) -> None:
    """A terminal (here a pseudo-terminal) keeps the Rich table with colour."""
    tekst = op_pseudoterminal(["vergelijk-sectoren", "st-ka1-e3", "--jaar", "2026@voorstel-vog"], repo, "stdout")
    assert RANDEN & set(tekst) and ESCAPE in tekst and "[-" not in tekst


def test_voortgang_in_een_log_een_regel_per_stap(repo: Path, tmp_path: Path) -> None:
    """In a log or CI (standard error not a terminal) progress is a line per sector as it is done, not a bar
    that shows nothing until the end."""
    proces = subprocess.run([sys.executable, "-m", "kaderdiff", "pakket", "--van", "2025", "--naar", "2026",
                             "--formaten", "docx", "--uit", str(tmp_path / "pakket")], cwd=repo, capture_output=True,
                            text=True, timeout=300)
    assert proces.returncode == 0, proces.stderr
    assert proces.stderr.splitlines() == ["[1/6] MBO: klaar", "[2/6] PO: klaar", "[3/6] VO: klaar",
                                          "[4/6] VO-PRO: klaar", "[5/6] index.html en manifest", "[6/6] zip"]


def test_voortgang_op_een_terminal_is_een_balk(repo: Path, tmp_path: Path) -> None:
    tekst = op_pseudoterminal(["pakket", "--van", "2025", "--naar", "2026", "--formaten", "docx", "--uit",
                               str(tmp_path / "pakket")], repo, "stderr")
    assert ESCAPE in tekst and "[1/6]" not in tekst, "een balk (Rich), geen logregels"
