"""`kaderdiff controleer --streng` (the check CI runs on every push): a waarschuwing counts as a fout."""

from __future__ import annotations

from pathlib import Path

from tests.hulp.draai import kd


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
    assert fout.rstrip().endswith("waarschuwing(en), die met --streng ook tellen.")
    assert "Traceback" not in fout


def test_streng_op_de_voorbeeldkaders_is_in_orde(voorbeeldrepo: Path) -> None:
    code, uit, fout = kd(["controleer", "--streng"], cwd=voorbeeldrepo)
    assert (code, fout) == (0, "") and "In orde" in uit
