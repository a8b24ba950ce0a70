"""The Staat van wijzigingen as one accessible HTML page (Jinja2, autoescaped)."""

from __future__ import annotations

from datetime import date
from functools import cache

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from kaderdiff.fouten import KaderdiffFout
from kaderdiff.model.consultatie import Consultatie
from kaderdiff.model.wijziging import ERBIJ, GELIJK, WEG, Staat
from kaderdiff.nederlands import aantal, nl_datum
from kaderdiff.render.sjablooncache import Sjablooncache, sjablooncachemap
from kaderdiff.render.teksten import (
    aanleiding,
    bronversie,
    colofon_tekst,
    correctie_tekst,
    kenmerk_zin,
    koppeling_regels,
    referentie,
    twijfel_regel,
)
from kaderdiff.uitvoer.huisstijl import huisstijl
from kaderdiff.uitvoer.sjablonen import SJABLONEN

_AUTOESCAPE = ("html", "j2")


@cache
def omgeving() -> Environment:
    """The Jinja2 environment over templates/ (autoescape on: kader text is data, not markup)."""
    if not SJABLONEN.is_dir():
        raise KaderdiffFout(f"De sjablonenmap {SJABLONEN} ontbreekt; installeer kaderdiff vanuit de repository")
    env = Environment(loader=FileSystemLoader(SJABLONEN), autoescape=select_autoescape(_AUTOESCAPE),
                      undefined=StrictUndefined, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
    # compiled templates are kept per setting that changes the code Jinja2 compiles
    instellingen = (f"autoescape={_AUTOESCAPE} trim={env.trim_blocks} lstrip={env.lstrip_blocks} "
                    f"newline={env.keep_trailing_newline},{env.newline_sequence!r} optimized={env.optimized}")
    env.bytecode_cache = Sjablooncache(sjablooncachemap(instellingen))
    env.filters["nl_datum"] = nl_datum
    env.filters["aantal"] = aantal
    env.globals.update(GELIJK=GELIJK, WEG=WEG, ERBIJ=ERBIJ,
                       correctie_tekst=correctie_tekst, koppeling_regels=koppeling_regels,
                       twijfel_regel=twijfel_regel, huisstijl=huisstijl(), aanleiding=aanleiding,
                       kenmerk_zin=kenmerk_zin, bronversie=bronversie,
                       colofon_tekst=colofon_tekst)
    return env


def render_html(staat: Staat, datum: date, consultatie: Consultatie | None = None) -> bytes:
    nieuw_commit = staat.herkomst[-1].commit if staat.herkomst else ""
    html = omgeving().get_template("staat.html.j2").render(
        staat=staat, datum=datum, referentie=referentie(staat.sector, staat.nieuw.jaar, nieuw_commit),
        consultatie=consultatie)
    return html.encode("utf-8")
