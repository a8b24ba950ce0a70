"""The classifier phase by phase, on small kaders built by hand (one rule per test)."""

from __future__ import annotations

from dataclasses import replace

from kaderdiff.diff.vergelijk import (
    Herindeling,
    Vergelijking,
    herindeling,
    inhoudelijke_soort,
    nummer,
    rijen_voor_paren,
    rijen_voor_toegevoegd,
    rijen_voor_vervallen,
    vergelijk,
    verplaatst_in_volgorde,
)
from kaderdiff.model.kader import Element, Fragment, Grondslag, Kader
from kaderdiff.model.koppeling import Uitlijning
from kaderdiff.model.wijziging import WijzigingSoort
from tests.hulp.bouwstenen import alinea, eis, gebied, kader, paragraaf, standaard

WPO = Grondslag("WPO", "8", "1")
GEEN = Herindeling(frozenset(), frozenset(), frozenset(), frozenset())


def op_id(oud: Kader, nieuw: Kader) -> Uitlijning:
    """The alignment a stable-id kader gets: every shared id is the same element."""
    paren = {i: i for i in oud.index if i in nieuw.index}
    return Uitlijning(paren, dict(paren))


def vergelijking(oud: Kader, nieuw: Kader, uitlijning: Uitlijning | None = None) -> Vergelijking:
    return Vergelijking.van(oud, nieuw, uitlijning or op_id(oud, nieuw))


def met_tekst(el: Element, tekst: str) -> Element:
    return replace(el, inhoud=(Fragment(tekst),))


# ---------------------------------------------------------------- own content of a pair
def test_andere_woorden_zijn_gewijzigd_en_leestekens_redactioneel() -> None:
    oud = eis("e1", "De school volgt de leerlingen.", WPO)
    assert inhoudelijke_soort(oud, met_tekst(oud, "De school volgt alle leerlingen."))[0] is WijzigingSoort.GEWIJZIGD
    assert inhoudelijke_soort(oud, met_tekst(oud, "De school volgt de leerlingen!"))[0] is WijzigingSoort.REDACTIONEEL
    assert inhoudelijke_soort(oud, oud) == (None, [])


def test_alleen_nummer_is_hernummerd_en_alleen_grondslag_is_grondslag() -> None:
    par = paragraaf("p", "3.1", "Werkwijze")
    soort, notities = inhoudelijke_soort(par, replace(par, nummer="3.2"))
    assert soort is WijzigingSoort.HERNUMMERD and notities == ["hernummerd: 3.1 → 3.2"]
    oud = eis("e1", "De school volgt de leerlingen.", WPO)
    soort, notities = inhoudelijke_soort(oud, replace(oud, grondslagen=(Grondslag("WPO", "8", "2"),)))
    assert soort is WijzigingSoort.GRONDSLAG and notities == ["grondslag gewijzigd, tekst niet"]


def test_tekst_gaat_voor_nummer() -> None:
    par = paragraaf("p", "3.1", "Werkwijze")
    soort, notities = inhoudelijke_soort(par, replace(par, nummer="3.2", titel="Aanpak"))
    assert soort is WijzigingSoort.GEWIJZIGD and notities == ["hernummerd: 3.1 → 3.2"]


# ---------------------------------------------------------------- place of a pair
def test_andere_volgorde_onder_dezelfde_ouder_is_verplaatst() -> None:
    a, b, c = alinea("a", "Een."), alinea("b", "Twee."), alinea("c", "Drie.")
    oud = kader(paragraaf("p", "1.1", "P", a, b, c))
    nieuw = kader(paragraaf("p", "1.1", "P", b, c, a), jaar=2026)
    v = vergelijking(oud, nieuw)
    assert verplaatst_in_volgorde(v) == {"a"}  # the longest kept order is b, c
    rijen = rijen_voor_paren(v, GEEN)
    assert [(w.element_id, w.soort) for w in rijen] == [("a", WijzigingSoort.VERPLAATST)]
    assert rijen[0].kenmerken == ("volgorde gewijzigd binnen § 1.1 P",)


def test_andere_ouder_is_verplaatst_ook_met_gewijzigde_tekst() -> None:
    e = eis("e", "De school zorgt voor veiligheid.")
    oud = kader(gebied("kg", "SK", standaard("s1", "SK1", "Veiligheid", e), standaard("s2", "SK2", "Klimaat")))
    nieuw = kader(gebied("kg", "SK", standaard("s1", "SK1", "Veiligheid"),
                         standaard("s2", "SK2", "Klimaat", met_tekst(e, "De school zorgt voor rust."))), jaar=2026)
    [rij] = rijen_voor_paren(vergelijking(oud, nieuw), GEEN)
    assert rij.soort is WijzigingSoort.VERPLAATST
    assert rij.kenmerken[:2] == ("verplaatst van SK Gebied SK › SK1 Veiligheid › Basiskwaliteit naar "
                                 "SK Gebied SK › SK2 Klimaat › Basiskwaliteit", "ook gewijzigd")


# ---------------------------------------------------------------- split and merge
def test_kinderen_naar_twee_nieuwe_containers_is_gesplitst() -> None:
    e1, e2 = eis("e1", "Eerste eis."), eis("e2", "Tweede eis.")
    oud = kader(gebied("kg", "OP", standaard("op2", "OP2", "Zicht en begeleiding", e1, e2)))
    nieuw = kader(gebied("kg", "OP", standaard("op2a", "OP2a", "Zicht", e1),
                         standaard("op2b", "OP2b", "Begeleiding", e2)), jaar=2026)
    v = vergelijking(oud, nieuw)
    h = herindeling(v)
    assert h.gesplitst == {"op2"} and h.samengevoegd == set()
    assert h.deel_nieuw == {"op2a", "op2b"} and h.deel_oud == {"op2"}
    [rij] = rijen_voor_vervallen(v, h)
    assert rij.soort is WijzigingSoort.GESPLITST and rij.betrokken == ("op2a", "op2b")
    assert rijen_voor_toegevoegd(v, h) == []  # the parts are covered by the split row
    assert rijen_voor_paren(v, h) == []  # the eisen were carried along, not moved


def test_kinderen_uit_twee_oude_containers_is_samengevoegd() -> None:
    e1, e2 = eis("e1", "Eerste eis."), eis("e2", "Tweede eis.")
    om = alinea("om", "Nieuwe omschrijving.")
    oud = kader(gebied("kg", "KA", standaard("ka2", "KA2", "Cultuur", e1), standaard("ka3", "KA3", "Dialoog", e2)))
    nieuw = kader(gebied("kg", "KA", standaard("bka1", "BKA1", "Cultuur en dialoog", e1, e2, omschrijving=(om,))),
                  jaar=2026)
    v = vergelijking(oud, nieuw)
    h = herindeling(v)
    assert h.samengevoegd == {"bka1"} and h.gesplitst == set() and h.deel_oud == {"ka2", "ka3"}
    [rij] = rijen_voor_toegevoegd(v, h)  # the new omschrijving is covered by the merge row
    assert rij.soort is WijzigingSoort.SAMENGEVOEGD and rij.betrokken == ("ka2", "ka3")
    assert rijen_voor_vervallen(v, h) == []  # the sources are covered by that row


def test_een_container_die_in_een_andere_opgaat_is_samengevoegd() -> None:
    e1, e2 = eis("e1", "Eerste eis."), eis("e2", "Tweede eis.")
    oud = kader(gebied("kg", "KA", standaard("ka1", "KA1", "Zorg", e1), standaard("ka2", "KA2", "Cultuur", e2)))
    nieuw = kader(gebied("kg", "KA", standaard("ka1", "KA1", "Zorg", e1, e2)), jaar=2026)
    v = vergelijking(oud, nieuw)
    h = herindeling(v)
    assert h == GEEN
    [rij] = rijen_voor_vervallen(v, h)
    assert rij.soort is WijzigingSoort.SAMENGEVOEGD and rij.betrokken == ("ka1",)
    assert rij.kenmerken == ("opgegaan in: KA1 Zorg",)


# ---------------------------------------------------------------- added and removed
def test_toegevoegde_deelboom_is_een_rij() -> None:
    a = alinea("a", "Bestaand.")
    nieuw_par = paragraaf("p2", "1.2", "Nieuw", alinea("n1", "Een."), alinea("n2", "Twee."))
    oud = kader(paragraaf("p1", "1.1", "Oud", a))
    nieuw = kader(paragraaf("p1", "1.1", "Oud", a), nieuw_par, jaar=2026)
    v = vergelijking(oud, nieuw)
    [rij] = rijen_voor_toegevoegd(v, herindeling(v))
    assert rij.soort is WijzigingSoort.TOEGEVOEGD and rij.element_id == "p2"
    assert rij.wordt == "1.2 Nieuw\nEen.\nTwee."


def test_vervallen_deelboom_is_een_rij_na_zijn_voorganger() -> None:
    a, b = alinea("a", "Blijft."), alinea("b", "Blijft ook.")
    oud = kader(paragraaf("p1", "1.1", "Een", a), paragraaf("p2", "1.2", "Twee", alinea("x", "Weg.")),
                paragraaf("p3", "1.3", "Drie", b))
    nieuw = kader(paragraaf("p1", "1.1", "Een", a), paragraaf("p3", "1.3", "Drie", b), jaar=2026)
    v = vergelijking(oud, nieuw)
    [rij] = rijen_voor_vervallen(v, herindeling(v))
    assert rij.soort is WijzigingSoort.VERVALLEN and rij.element_id == "p2" and rij.was == "1.2 Twee\nWeg."
    assert rij.positie == (v.nieuwe_volgorde["a"], 1, v.oude_volgorde["p2"])  # right after the last kept element


# ---------------------------------------------------------------- numbering
def test_nummering_in_documentvolgorde_met_sector() -> None:
    oud = kader(paragraaf("p1", "1.1", "Een", alinea("a", "A.")), paragraaf("p2", "1.2", "Twee", alinea("b", "B.")))
    nieuw = kader(paragraaf("p0", "1.0", "Nul"), paragraaf("p1", "1.1", "Een", alinea("a", "A!")), jaar=2026,
                  sector="VO")
    v = vergelijking(oud, nieuw)
    h = herindeling(v)
    rijen = nummer(rijen_voor_vervallen(v, h) + rijen_voor_paren(v, h) + rijen_voor_toegevoegd(v, h), "VO")
    assert [(w.nummer, w.element_id, w.soort.value) for w in rijen] == [
        ("VO-1", "p0", "toegevoegd"), ("VO-2", "a", "redactioneel"), ("VO-3", "p2", "vervallen")]
    assert [(w.nummer, w.element_id) for w in vergelijk(oud, nieuw, op_id(oud, nieuw))] == [
        (w.nummer, w.element_id) for w in rijen]


def test_nieuwe_standaard_toont_de_grondslagen_van_zijn_eisen() -> None:
    tweede = Grondslag("WPO", "10")
    nieuwe_st = standaard("s2", "OP2", "Zicht", eis("e2", "Twee.", WPO, tweede), eis("e3", "Drie.", tweede))
    oud = kader(gebied("kg", "OP", standaard("s1", "OP1", "Aanbod", eis("e1", "Een.", WPO))))
    nieuw = kader(gebied("kg", "OP", standaard("s1", "OP1", "Aanbod", eis("e1", "Een.", WPO)), nieuwe_st), jaar=2026)
    v = vergelijking(oud, nieuw)
    [rij] = rijen_voor_toegevoegd(v, herindeling(v))
    assert rij.element_id == "s2" and rij.grondslagen_wordt == (WPO, tweede)  # each once, in document order
    [weg] = rijen_voor_vervallen(vergelijking(nieuw, oud), GEEN)
    assert weg.element_id == "s2" and weg.grondslagen_was == (WPO, tweede)
