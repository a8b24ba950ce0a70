"""The slim Word template: committed as generated, and complete for every document kaderdiff writes."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from kaderdiff.word.document import SJABLOON
from kaderdiff.word.sjabloon import maak_sjabloon
from tests.hulp.draai import kd
from tests.hulp.repos import maak_repo

STIJLVERWIJZING = re.compile(rb'<w:(?:pStyle|rStyle|tblStyle) w:val="([^"]+)"')


def test_sjabloon_in_de_repository_is_wat_de_generator_maakt() -> None:
    assert SJABLOON.read_bytes() == maak_sjabloon(), "draai: python -m kaderdiff.word.sjabloon"


def test_sjabloon_is_slank() -> None:
    with zipfile.ZipFile(SJABLOON) as z:
        namen = set(z.namelist())
        assert "word/stylesWithEffects.xml" not in namen and "docProps/thumbnail.jpeg" not in namen
        assert len(z.read("word/styles.xml")) < 20_000


def test_elke_gebruikte_stijl_is_gedefinieerd(tmp_path: Path) -> None:
    """Every style a generated document refers to exists in its styles.xml (else Word falls back to Normal)."""
    repo = maak_repo(tmp_path / "repo")
    uit = tmp_path / "pakket"
    code, _, fout = kd(["pakket", "--van", "2025", "--naar", "2026", "--uit", str(uit)], cwd=repo)
    assert code == 0, fout
    gecontroleerd = 0
    for docx in sorted(uit.glob("*.docx")):
        with zipfile.ZipFile(docx) as z:
            stijlen = set(re.findall(rb'w:styleId="([^"]+)"', z.read("word/styles.xml")))
            for naam in z.namelist():
                if naam.endswith(".xml") and naam != "word/styles.xml":
                    gebruikt = set(STIJLVERWIJZING.findall(z.read(naam)))
                    assert gebruikt <= stijlen, f"{docx.name} {naam}: {sorted(gebruikt - stijlen)}"
                    gecontroleerd += len(gebruikt)
    assert gecontroleerd > 20
