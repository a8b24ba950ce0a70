"""The compiled Jinja2 templates kept between runs: used when the template is unchanged, compiled again when it
changed or its entry is damaged, and never a reason for different output or a failure."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from jinja2 import Environment, FileSystemLoader

from kaderdiff.render.sjablooncache import Sjablooncache, sjablooncachemap

SJABLOON = "{% for x in rij %}<li>{{ x | upper }}</li>\n{% endfor %}"


class TellendeOmgeving(Environment):
    """A real Jinja2 environment that counts how often it compiled a template."""

    def __init__(self, map_: Path, cache: Path) -> None:
        super().__init__(loader=FileSystemLoader(map_), bytecode_cache=Sjablooncache(cache), autoescape=True)
        self.gecompileerd = 0

    def compile(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        self.gecompileerd += 1
        return super().compile(*args, **kwargs)


@pytest.fixture
def sjablonen(tmp_path: Path) -> Iterator[Path]:
    map_ = tmp_path / "sjablonen"
    map_.mkdir()
    (map_ / "lijst.html.j2").write_text(SJABLOON, encoding="utf-8")
    yield map_


def _render(map_: Path, cache: Path) -> tuple[str, int]:
    omgeving = TellendeOmgeving(map_, cache)
    return omgeving.get_template("lijst.html.j2").render(rij=["a", "<b>"]), omgeving.gecompileerd


def test_tweede_omgeving_laadt_de_gecompileerde_code(sjablonen: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    eerste, gecompileerd = _render(sjablonen, cache)
    assert gecompileerd == 1 and eerste == "<li>A</li>\n<li>&lt;B&gt;</li>\n"
    assert len(list(cache.iterdir())) == 1
    tweede, gecompileerd = _render(sjablonen, cache)
    assert (tweede, gecompileerd) == (eerste, 0)


def test_gewijzigd_sjabloon_wordt_opnieuw_gecompileerd(sjablonen: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _render(sjablonen, cache)
    (sjablonen / "lijst.html.j2").write_text(SJABLOON.replace("upper", "lower"), encoding="utf-8")
    uit, gecompileerd = _render(sjablonen, cache)
    assert (uit, gecompileerd) == ("<li>a</li>\n<li>&lt;b&gt;</li>\n", 1)


@pytest.mark.parametrize("schade", [b"", b"rommel", b"j2\x80\x02K\x05.", None])
def test_beschadigde_ingang_wordt_herkend_en_opnieuw_gemaakt(sjablonen: Path, tmp_path: Path,
                                                             schade: bytes | None) -> None:
    cache = tmp_path / "cache"
    goed, _ = _render(sjablonen, cache)
    (ingang,) = cache.iterdir()
    heel = ingang.read_bytes()
    ingang.write_bytes(heel[: len(heel) // 2] if schade is None else schade)  # None: cut off halfway
    uit, gecompileerd = _render(sjablonen, cache)
    assert (uit, gecompileerd) == (goed, 1)
    assert ingang.read_bytes() == heel


def test_onschrijfbare_cache_kost_alleen_snelheid(sjablonen: Path, tmp_path: Path) -> None:
    bezet = tmp_path / "bezet"
    bezet.write_text("een bestand waar de cachemap had moeten staan", encoding="utf-8")
    uit, gecompileerd = _render(sjablonen, bezet / "cache")
    assert gecompileerd == 1 and uit.startswith("<li>A</li>")
    if os.geteuid() != 0:  # root writes anywhere: only the file in the way is tested then
        alleen_lezen = tmp_path / "alleen-lezen"
        alleen_lezen.mkdir(mode=0o500)
        uit, gecompileerd = _render(sjablonen, alleen_lezen)
        assert gecompileerd == 1 and uit.startswith("<li>A</li>")
        shutil.rmtree(alleen_lezen, ignore_errors=True)


def test_cachemap_volgt_kaderdiff_cache_en_de_instellingen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KADERDIFF_CACHE", str(tmp_path / "k"))
    een, ander = sjablooncachemap("trim=True"), sjablooncachemap("trim=False")
    assert een.parent == tmp_path / "k" / "sjablonen" and een != ander
    monkeypatch.delenv("KADERDIFF_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert sjablooncachemap("trim=True").parent == tmp_path / "xdg" / "kaderdiff" / "sjablonen"


def test_te_groot_bestand_kost_alleen_snelheid(sjablonen: Path, tmp_path: Path) -> None:
    """A write that fails half-way (a file size limit, as a full disk) leaves no entry and no error."""
    code = ("import resource, sys; from pathlib import Path; "
            "resource.setrlimit(resource.RLIMIT_FSIZE, (10, 10)); "
            "from tests.render.test_sjablooncache import _render; "
            "print(_render(Path(sys.argv[1]), Path(sys.argv[2]))[0], end='')")
    uit = subprocess.run([sys.executable, "-c", code, str(sjablonen), str(tmp_path / "cache")],
                         capture_output=True, text=True, check=False, cwd=Path(__file__).parents[2])
    assert (uit.returncode, uit.stdout, uit.stderr) == (0, "<li>A</li>\n<li>&lt;B&gt;</li>\n", "")
    assert not [p for p in (tmp_path / "cache").iterdir() if p.is_file() and p.stat().st_size]
