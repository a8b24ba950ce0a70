"""The facts the rules of `controleer` read (`model.feiten`), straight from a schema-valid kader tree.

`controleer` needs of a kader only its eisen with their grondslagen, its declarations and its date; building the
whole kader model for that (`bron.laden`: seven dataclasses to create, every element and text to read) was a
quarter of the command. The grondslagen are read by the function the loader uses too (`grondslagen_uit`), and
`tests/bron/test_kaderfeiten.py` holds that these facts equal those of the model for every kader it has.

Plain classes: they only hold what was read (see `recht.artikelindex` on what a dataclass costs a small command).
"""

from __future__ import annotations

from datetime import date

from lxml import etree

from kaderdiff.model.grondslag import Grondslag


def grondslagen_uit(eis: etree._Element) -> tuple[Grondslag, ...]:
    """The `<grondslag>` children of an `<eis>` as the model holds them: the attributes as written."""
    return tuple(Grondslag(g.get("wet", ""), g.get("artikel", ""), g.get("lid", ""), g.get("onderdeel", ""))
                 for g in eis.iterchildren("grondslag"))


class _Eis:
    """An eis as its rules see it (`model.feiten.Eisfeiten`): the model's `Element` has more."""

    __slots__ = ("geen_grondslag", "grondslagen", "id", "regel")

    def __init__(self, el: etree._Element) -> None:
        self.id: str = el.get("id") or ""
        self.regel: int = el.sourceline or 0
        self.grondslagen = grondslagen_uit(el)
        geen = next(el.iterchildren("geenGrondslag"), None)
        self.geen_grondslag: str | None = None if geen is None else geen.get("bron", "")


class _Wetswijziging:
    __slots__ = ("code",)

    def __init__(self, el: etree._Element) -> None:
        self.code: str = el.get("code", "")


class _Toelichting:
    __slots__ = ("id", "regel", "wetswijziging")

    def __init__(self, el: etree._Element) -> None:
        self.id: str = el.get("id", "")
        self.regel: int = el.sourceline or 0
        self.wetswijziging: str = el.get("wetswijziging", "")


class Boomfeiten:
    """A kader's facts for its rules (`model.feiten.Kaderfeiten`), read from its tree.

    Every `<eis>` of a schema-valid kader stands in elements the model reads (the schema allows it nowhere else),
    so `iter("eis")` finds the eisen the model has, in the same order."""

    __slots__ = ("_eisen", "bron", "correctie", "peildatum", "status", "toelichtingen", "wetswijzigingen")

    def __init__(self, boom: etree._ElementTree, bron: str) -> None:
        wortel = boom.getroot()
        self.bron = bron
        self.peildatum = date.fromisoformat(wortel.get("peildatum", ""))  # required by the schema
        self.status: str = wortel.get("status", "")
        correctie = next(wortel.iterchildren("correctie"), None)
        self.correctie: str | None = None if correctie is None else correctie.get("vastgesteld", "")
        self.wetswijzigingen = tuple(_Wetswijziging(w) for w in wortel.iterfind("wetswijzigingen/wetswijziging"))
        self.toelichtingen = tuple(_Toelichting(t) for t in wortel.iterfind("toelichtingen/toelichting"))
        self._eisen = [_Eis(el) for el in wortel.iter("eis")]

    def eisen(self) -> list[_Eis]:
        """Every eis, in document order."""
        return self._eisen
