"""Laws in time (issue 26): `controleer` refuses a grondslag in a law that was not in force on the kader's
peildatum, and says of every law it could not check (no stored text) how many articles went unchecked."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from kaderdiff.bron.laden import laad_bestand
from kaderdiff.bron.wetregister import register_voor
from tests.hulp.draai import kd
from tests.hulp.paden import KADERS

MONITORING_2026 = '<grondslag wet="WVO" artikel="3.49" lid="4"/>'


def _vo_2026(map_: Path, oud: str, nieuw: str) -> Path:
    """A kadermap with only the VO kader of 2026 (and the sample law texts), one grondslag replaced."""
    shutil.copytree(KADERS / "wetten", map_ / "wetten", dirs_exist_ok=True)
    (map_ / "2026").mkdir(parents=True)
    tekst = (KADERS / "2026" / "vo.xml").read_text(encoding="utf-8")
    assert tekst.count(oud) == 1
    doel = map_ / "2026" / "vo.xml"
    doel.write_text(tekst.replace(oud, nieuw), encoding="utf-8")
    return doel


def test_een_vervallen_wet_als_grondslag_in_2026_is_een_fout(tmp_path: Path) -> None:
    bestand = _vo_2026(tmp_path / "kaders", MONITORING_2026, '<grondslag wet="WVO1968" artikel="3b" lid="1" '
                                                             'onderdeel="b"/>')
    code, _, fout = kd(["controleer", str(bestand)])
    assert code == 2, fout
    # the law as readers know it (issue 28), in the citation and in the sentence after it; the successor too
    assert ("eis 'st-sk1-e2': grondslag 'artikel 3b, eerste lid, onder b, van de WVO 1968': de WVO 1968 is "
            "vervallen per 1 augustus 2020, vóór de peildatum 1 augustus 2026 van dit kader; bedoelt u de WVO "
            "(Wet voortgezet onderwijs 2020)?") in fout
    assert "WVO1968" not in fout, "de code van het register is geen naam"
    assert "1 fout(en)" in fout


def test_de_voorbeeldkaders_citeren_alleen_geldende_wetten() -> None:
    code, uit, fout = kd(["controleer", str(KADERS)])
    assert code == 0 and "vervallen" not in fout and "In orde" in uit, fout
    register = register_voor(KADERS)
    for pad in sorted(KADERS.glob("[0-9][0-9][0-9][0-9]/*.xml")):
        kader = laad_bestand(pad)
        for eis in kader.eisen():
            for g in eis.grondslagen:
                wet = register.get(g.wet)
                assert wet is not None and wet.geldt_op(kader.peildatum), (pad.name, eis.id, g)


def test_een_wet_die_nog_niet_gold_is_een_fout(tmp_path: Path) -> None:
    bestand = _vo_2026(tmp_path / "kaders", 'peildatum="2026-08-01"', 'peildatum="2019-08-01"')
    code, _, fout = kd(["controleer", str(bestand)])
    assert code == 2
    # in 2019 'de WVO' was the law of 1968: the full name says which one was not yet in force
    assert ("de WVO (Wet voortgezet onderwijs 2020) is pas in werking per 1 augustus 2020, na de peildatum 1 augustus "
            "2019 van dit kader") in fout


def _mbo_zonder_wettekst(map_: Path, grondslag: str | None = None) -> Path:
    """The MBO kader of 2026 in a kadermap without any law text (as in a repository made by `init`)."""
    (map_ / "2026").mkdir(parents=True)
    tekst = (KADERS / "2026" / "mbo.xml").read_text(encoding="utf-8")
    if grondslag is not None:
        oud = '<grondslag wet="WEB" artikel="7.2.4a" lid="1"/>'
        assert tekst.count(oud) == 1
        tekst = tekst.replace(oud, grondslag)
    doel = map_ / "2026" / "mbo.xml"
    doel.write_text(tekst, encoding="utf-8")
    return doel


def test_zonder_wettekst_noemt_controleer_de_wet_en_het_aantal_artikelen(tmp_path: Path) -> None:
    kaders = tmp_path / "kaders"
    bestand = _mbo_zonder_wettekst(kaders, '<grondslag wet="WEB" artikel="7.2.4z" lid="1"/>')
    web = {g.artikel for eis in laad_bestand(bestand).eisen() for g in eis.grondslagen if g.wet == "WEB"}
    wot = {g.artikel for eis in laad_bestand(bestand).eisen() for g in eis.grondslagen if g.wet == "WOT"}
    assert "7.2.4z" in web and len(web) > 5
    code, uit, fout = kd(["controleer", str(kaders)])
    assert code == 0 and "In orde" in uit, "a notice, not an error: nothing is wrong that could be seen"
    assert (f"{kaders / 'wetten'}: waarschuwing: geen wettekst van de WEB (BWBR0007625): {len(web)} artikelen niet "
            "gecontroleerd; haal hem met 'kaderdiff wetten haal WEB'") in fout
    assert f"geen wettekst van de WOT (BWBR0013800): {len(wot)} artikel" in fout
    assert len(fout.splitlines()) == 2, "once per law, not per eis"
    code, uit, fout = kd(["controleer", "--streng", str(bestand)])
    assert (code, uit) == (2, "")
    assert "geen wettekst van de WEB" in fout and "0 fout(en) en 2 waarschuwing(en) (--streng)" in fout


def test_met_de_wettekst_valt_het_niet_bestaande_artikel_op(tmp_path: Path) -> None:
    kaders = tmp_path / "kaders"
    bestand = _mbo_zonder_wettekst(kaders, '<grondslag wet="WEB" artikel="7.2.4z" lid="1"/>')
    shutil.copytree(KADERS / "wetten", kaders / "wetten")
    code, _, fout = kd(["controleer", "--streng", str(bestand)])
    assert code == 2 and "artikel 7.2.4z bestaat niet" in fout and "niet gecontroleerd" not in fout


def test_controleer_in_een_nieuwe_repository_zegt_wat_hij_niet_controleerde(initrepo: Path) -> None:
    for wet in (initrepo / "kaders" / "wetten").glob("BWB*"):
        shutil.rmtree(wet)
    code, _, fout = kd(["controleer"], cwd=initrepo)
    assert code == 0, fout
    genoemd = sorted(r.split("geen wettekst van de ")[1].split(" ")[0] for r in fout.splitlines())
    assert genoemd == ["WEB", "WMS", "WOT", "WPO", "WVO"]
    assert kd(["controleer", "--streng"], cwd=initrepo)[0] == 2


def test_eigen_register_met_een_opvolger_en_een_gedeelde_naam(tmp_path: Path) -> None:
    """An own law that lapsed when the WMS took effect, both known as 'Wet medezeggenschap': the registry is in
    order, a citation of 2005 is the old law and one of 2010 the new, and a 2026 kader may not cite the old."""
    kaders = tmp_path / "kaders"
    (kaders / "wetten").mkdir(parents=True)
    (kaders / "wetten" / "register.toml").write_text(
        '[WMO]\nnaam = "Wet medezeggenschap onderwijs 1992"\nsoort = "wet"\nbwb = ""\n'
        'aliassen = ["Wet medezeggenschap"]\ngeldig_van = 1992-08-01\ngeldig_tot = 2007-01-01\nopvolger = "WMS"\n\n'
        '[WMS]\naliassen = ["Wms", "Wet medezeggenschap op scholen", "Wet medezeggenschap"]\n'
        'geldig_van = "2007-01-01"\n', encoding="utf-8")
    brief = tmp_path / "brief.txt"
    brief.write_text("De raad beroept zich op artikel 10 van de Wet medezeggenschap.\n", encoding="utf-8")
    wetten = []
    for datum in ("2005-03-01", "2010-03-01"):
        code, uit, fout = kd(["citaten", str(brief), "--json", "--peildatum", datum, "--kaders", str(kaders)])
        assert code == 0, fout
        wetten.append(json.loads(uit)["vondsten"][0]["verwijzingen"][0]["wet"])
    assert wetten == ["WMO", "WMS"]
    bestand = _vo_2026(kaders, '<grondslag wet="WMS" artikel="8" lid="3"/>', '<grondslag wet="WMO" artikel="8"/>')
    code, _, fout = kd(["controleer", str(bestand)])
    # the old law's name now means the WMS: its full name says which law lapsed
    assert code == 2 and ("grondslag 'artikel 8 van de Wet medezeggenschap': de Wet medezeggenschap (Wet "
                          "medezeggenschap onderwijs 1992) is vervallen per 1 januari 2007, vóór de peildatum 1 "
                          "augustus 2026 van dit kader; bedoelt u de WMS (Wet medezeggenschap op scholen)?") in fout


def test_een_opvolger_die_lezers_anders_noemen_krijgt_ook_haar_code(tmp_path: Path) -> None:
    """The successor named as readers know it, and the code to write in the kader, which that name is not."""
    kaders = tmp_path / "kaders"
    (kaders / "wetten").mkdir(parents=True)
    (kaders / "wetten" / "register.toml").write_text(
        '[OUDEREGELING]\nnaam = "Regeling toetsing PO"\nsoort = "regeling"\nbwb = ""\n'
        'aliassen = ["Regeling toetsing PO"]\ngeldig_van = 2010-08-01\ngeldig_tot = 2022-08-01\n'
        'opvolger = "RLRPO"\n', encoding="utf-8")
    bestand = _vo_2026(kaders, MONITORING_2026, '<grondslag wet="OUDEREGELING" artikel="4"/>')
    code, _, fout = kd(["controleer", str(bestand)])
    assert code == 2, fout
    assert ("grondslag 'artikel 4 van de Regeling toetsing PO': de Regeling toetsing PO is vervallen per 1 augustus "
            "2022, vóór de peildatum 1 augustus 2026 van dit kader; bedoelt u de Regeling Leerresultaten PO (in het "
            'kader wet="RLRPO")?') in fout
