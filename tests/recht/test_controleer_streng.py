"""`kaderdiff controleer --streng` (the check CI runs on every push): a waarschuwing counts as a fout."""

from __future__ import annotations

from pathlib import Path

from tests.hulp.draai import kd
from tests.hulp.wetplaatsvervanger import leg_plaatsvervanger_neer


def test_streng_laat_een_waarschuwing_falen(voorbeeldrepo: Path) -> None:
    # a peildatum before every stored text of the WEB: its grondslagen cannot be checked (a waarschuwing)
    kader = voorbeeldrepo / "kaders" / "2026" / "mbo.xml"
    kader.write_text(kader.read_text(encoding="utf-8").replace('peildatum="2026-08-01"', 'peildatum="2019-08-01"', 1),
                     encoding="utf-8")
    code, uit, fout = kd(["controleer"], cwd=voorbeeldrepo)
    assert code == 0 and "In orde" in uit
    assert f"{kader}:" in fout and ": waarschuwing: eis " in fout and "is niet gecontroleerd" in fout
    code, uit, fout = kd(["controleer", "--streng"], cwd=voorbeeldrepo)
    assert code == 2 and "In orde" not in uit
    assert ": waarschuwing: eis " in fout
    assert fout.rstrip().endswith("waarschuwing(en) (--streng) in 9 bestand(en).")
    assert "Traceback" not in fout


def test_streng_op_de_voorbeeldkaders_mist_alleen_de_wvo(voorbeeldrepo: Path) -> None:
    """The samples ship no WVO 2020 text (docs/maak_wetfixtures.py): --streng names exactly that gap, and with the
    text in place (here a stand-in, as after `wetten haal WVO`) nothing else is left."""
    code, uit, fout = kd(["controleer", "--streng"], cwd=voorbeeldrepo)
    assert code == 2 and "In orde" not in uit
    (waarschuwing,) = [r for r in fout.splitlines() if ": waarschuwing: " in r]
    assert "geen wettekst van de WVO (BWBR0044212)" in waarschuwing and "kaderdiff wetten haal WVO" in waarschuwing
    leg_plaatsvervanger_neer(voorbeeldrepo / "kaders", "WVO")
    code, uit, fout = kd(["controleer", "--streng"], cwd=voorbeeldrepo)
    assert (code, fout) == (0, "") and "In orde" in uit
