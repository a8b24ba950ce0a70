"""The change number ('MBO-9') an element has in the Staat van wijzigingen of its year: how `impact` names an eis
to a reader, who knows the numbers of the Staat and not the ids of the XML."""

from __future__ import annotations

from kaderdiff.bron.versies import KaderMap
from kaderdiff.diff.uitlijning import lijn_uit
from kaderdiff.diff.vergelijk import vergelijk
from kaderdiff.model.versie import Versie


class Wijzigingsnummers:
    """The numbers of the rows of the Staten of one kadermap, each Staat compared once (without git: the
    numbers do not depend on the explanations)."""

    def __init__(self, kadermap: KaderMap, ref: str | None = None) -> None:
        self.kadermap = kadermap
        self.ref = ref  # the kaders of this git ref (None: the working tree)
        self.per_kader: dict[tuple[int, str], dict[str, str]] = {}

    def _nummers(self, jaar: int, sector: str) -> dict[str, str]:
        if (jaar, sector) not in self.per_kader:
            vorige = [j for j in self.kadermap.jaren(self.ref)
                      if j < jaar and sector in self.kadermap.sectoren(Versie(j, self.ref))]
            uit: dict[str, str] = {}
            if vorige and sector in self.kadermap.sectoren(Versie(jaar, self.ref)):
                oud = self.kadermap.laad(Versie(vorige[-1], self.ref), sector)
                nieuw = self.kadermap.laad(Versie(jaar, self.ref), sector)
                for w in vergelijk(oud, nieuw, lijn_uit(oud, nieuw)):
                    for element_id in w.ids:
                        uit.setdefault(element_id, w.nummer)
            self.per_kader[(jaar, sector)] = uit
        return self.per_kader[(jaar, sector)]

    def van(self, jaar: int, sector: str, element_id: str) -> str:
        """The number of the row of `element_id` in the Staat from the year before to `jaar` of the kader `sector`
        (by its new id, or the old id of what went); '' when it did not change or there is no year before."""
        return self._nummers(jaar, sector).get(element_id, "")
