"""Eisen and their legal basis as people write them in Word: where text goes, which paragraph is an eis, and the
lines that give an eis its grondslag ('Wettelijke grondslag: …', 'Wettelijke vereisten: …', 'Grondslag: geen
(beleid)', a line that is only a citation, or a footnote typed as a line '¹ Artikel 8, eerste lid, WPO.' tied to
the mark in the eis). What looks like a legal basis but cannot be attached is a fout in the report.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kaderdiff.fouten import KaderdiffFout
from kaderdiff.invoer import herkenning as h
from kaderdiff.invoer.knopen import FOUT, Knoop, S, accepteert
from kaderdiff.invoer.koppen import AFGELEID, KopBouwer
from kaderdiff.model.kader import VOETNOOT, Fragment, GeenGrondslag
from kaderdiff.verwijzing.citeren import parse
from kaderdiff.word.inhoud import Alinea

#: Paragraph styles of footnote text: a line '1 Artikel 8 WPO' in such a style is a footnote typed by hand.
VOETNOOTSTIJLEN = frozenset({"footnote text", "voetnoottekst", "tekst voetnoot"})
#: What an author writes when the legal basis is not known (yet): no basis at all, so an error.
_NIET_VERMELD = frozenset({"", "niet vermeld", "onbekend", "-", "–", "?", "nog aanvullen", "volgt"})


@dataclass
class EisBouwer(KopBouwer):
    """Text placement, eisen and their grondslag; `merken` are the footnote marks typed in placed text, waiting for
    their footnote line (per number the places that carry it, the latest last)."""

    merken: dict[str, list[tuple[Knoop, bool]]] = field(default_factory=dict)

    # -- where text goes -----------------------------------------------------
    def tekstcontainer(self, soort: S, plaats: str) -> Knoop:
        """The deepest open part that may hold a block of this kind (a standaard's text goes in its parts)."""
        for knoop in reversed(self.stapel):
            if knoop.soort is S.STANDAARD:
                deel = knoop.laatste(*AFGELEID)
                if deel is None and accepteert(knoop, S.OMSCHRIJVING):
                    deel = Knoop(S.OMSCHRIJVING, plaats=plaats)
                    knoop.kinderen.append(deel)
                if deel is not None and accepteert(deel, soort):
                    return deel
            elif knoop.soort in AFGELEID:
                continue
            elif accepteert(knoop, soort):
                return knoop
        return self._impliciet_woord_vooraf(plaats)

    def plaats(self, blok: Knoop, plaats: str) -> Knoop:
        assert blok.soort is not None
        container = self.tekstcontainer(blok.soort, plaats)
        if not accepteert(container, blok.soort):
            raise KaderdiffFout(f"{plaats}: deze tekst past nergens in het kader")  # pragma: no cover
        blok.plaats = blok.plaats or plaats
        container.kinderen.append(blok)
        self.laatste = blok
        if blok.soort is not S.ITEM:
            self.lijsten.clear()
        return container

    def eiscontainer(self) -> bool:
        """Is the text container now a basiskwaliteit or the overige wettelijke vereisten (where eisen are)?"""
        top = self.stapel[-1]
        if top.soort is S.STANDAARD:
            deel = top.laatste(*AFGELEID)
            return deel is not None and deel.soort is S.BASISKWALITEIT
        return top.soort in (S.BASISKWALITEIT, S.OVERIGE_VEREISTEN)

    def eis(self, fragmenten: tuple[Fragment, ...], plaats: str, herkomst: str = "") -> Knoop:
        eis = Knoop(S.EIS, inhoud=fragmenten, plaats=plaats, herkomst=herkomst)
        if self.eiskop is not None:
            eis.nummer, eis.titel, _ = self.eiskop
            self.eiskop = None
        container = self.tekstcontainer(S.EIS, plaats)
        container.kinderen.append(eis)
        self.laatste = eis
        self.lijsten.clear()
        return eis

    # -- grondslag lines -----------------------------------------------------
    def grondslagregel_van(self, a: Alinea, tekst: str) -> h.Grondslagregel | None:
        """Is this paragraph a line about the legal basis of the eis before it? A line that is only a citation is
        one only right after a paragraph of a basiskwaliteit, and only when it reads as a citation."""
        if a.lijst is not None or a.kopniveau:
            return None
        regel = h.grondslagregel(tekst)
        if regel is None and a.stijl.naam == "grondslag":
            regel = h.Grondslagregel("grondslag", tekst.partition(":")[2] if ":" in tekst else tekst, True)
        if regel is None or regel.gelabeld:
            return regel
        if not self.eiscontainer():
            return None  # 'Bron: CBS' under a table, 'Geen wettelijke grondslag betekent …' in the werkwijze
        if regel.soort != "kaal":
            return regel
        vorige = self.laatste
        if self.eigen or vorige is None or vorige.soort not in (S.ALINEA, S.EIS) \
                or (vorige.soort is S.EIS and vorige.geen is not None):
            return None
        try:
            parse(regel.tekst, self.register)
        except KaderdiffFout:
            return None
        return h.Grondslagregel("grondslag", regel.tekst)

    def grondslagregel(self, a: Alinea, tekst: str, regel: h.Grondslagregel) -> None:
        eis = self.laatste
        if eis is not None and eis.soort is S.ALINEA and self.eiscontainer() and not self.eigen:
            eis.wordt(S.EIS, "alinea")  # a plain paragraph followed by its grondslag line is an eis
        if eis is None or eis.soort is not S.EIS or not _kan_nog(eis, regel):
            self._alinea(a.fragmenten, a.plaats)
            self.meld(a.plaats, "grondslagregel hoort bij geen eis; overgenomen als alinea", tekst, FOUT)
            return
        self.wachtende_eis = None
        eis.kenmerk = ""
        if not self.hecht(eis, regel, a.fragmenten, a.plaats, tekst):
            self._alinea(a.fragmenten, a.plaats)

    def hecht(self, eis: Knoop, regel: h.Grondslagregel, fragmenten: tuple[Fragment, ...], plaats: str,
              tekst: str) -> bool:
        """Give `eis` the legal basis a line names; False (reported as a fout) when it cannot be read."""
        if regel.soort == "geen":
            vet = next((f.tekst.strip() for f in fragmenten if f.stijl == "sterk" and f.tekst.strip()), "")
            bron, uitleg = h.splits_bron(regel.tekst, (vet, *self.bronnen))
            if not bron:
                bron = "onbekend"
                self.meld(plaats, "geen wettelijke grondslag, maar ook geen bron genoemd; bron 'onbekend' genomen",
                          tekst)
            eis.geen = GeenGrondslag(bron, uitleg)
            eis.heeft_grondslagregel = True
            eis.grondslagregels.append(fragmenten)
            return True
        if regel.tekst.strip(" .").casefold() in _NIET_VERMELD:
            reden = "wettelijke grondslag niet vermeld"
        else:
            try:
                eis.grondslagen.extend(parse(regel.tekst, self.register))
                eis.heeft_grondslagregel = True
                eis.grondslagregels.append(fragmenten)
                return True
            except KaderdiffFout as fout:
                reden = f"grondslag niet te lezen ({fout.tekst})"
        eis.gemeld = True
        self.meld(plaats, f"{reden}; de eis staat zonder grondslag als tekst in het kader, de regel als alinea",
                  tekst, FOUT)
        return False

    # -- footnotes typed by hand -----------------------------------------------
    def onthoud_merken(self, knoop: Knoop, in_eiscontainer: bool) -> None:
        for merk in h.merken(knoop.tekst):
            self.merken.setdefault(merk, []).append((knoop, in_eiscontainer))

    def voetnootregel(self, a: Alinea, tekst: str) -> bool:
        """'¹ Artikel 8, eerste lid, WPO.' belongs to the latest text with mark ¹: its grondslag when that text is in
        a basiskwaliteit and the line names a legal basis, else a footnote at the mark. False: not such a line."""
        if a.lijst is not None or a.kopniveau:
            return False
        noot = h.voetnootregel(tekst, a.stijl.naam in VOETNOOTSTIJLEN)
        if noot is None:
            return False
        nummer, notitie = noot
        open_ = self.merken.get(nummer)
        regel = self._over_grondslag(notitie)
        if not open_:
            self._alinea(a.fragmenten, a.plaats)
            if regel is not None:
                self.meld(a.plaats, f"voetnoot {nummer} met een grondslag hoort bij geen tekst met voetnootteken "
                                    f"{nummer}; overgenomen als alinea", tekst, FOUT)
            else:
                self.meld(a.plaats, f"voetnoot {nummer} zonder voetnootteken in de tekst ervoor; overgenomen als "
                                    "alinea", tekst)
            return True
        knoop, in_eis = open_.pop()
        merk = nummer.translate(h.SUPERSCRIPT)
        if regel is not None and in_eis and knoop.soort in (S.ALINEA, S.EIS) and not self.eigen \
                and (knoop.soort is S.ALINEA or _kan_nog(knoop, regel)):
            if knoop.soort is S.ALINEA:
                knoop.wordt(S.EIS, "alinea")
            soort = "grondslag" if regel.soort == "kaal" else regel.soort
            if self.hecht(knoop, h.Grondslagregel(soort, regel.tekst), a.fragmenten, a.plaats, tekst):
                knoop.inhoud = _zonder_merk(knoop.inhoud, merk)
                return True
        knoop.inhoud = _zonder_merk(knoop.inhoud, merk, Fragment(notitie, VOETNOOT))
        return True


    def _over_grondslag(self, tekst: str) -> h.Grondslagregel | None:
        """Does a footnote speak of a legal basis (a line that starts like a citation must also read as one)?"""
        regel = h.grondslagregel(tekst)
        if regel is None or regel.soort != "kaal":
            return regel
        try:
            parse(regel.tekst, self.register)
        except KaderdiffFout:
            return None
        return regel


def _kan_nog(eis: Knoop, regel: h.Grondslagregel) -> bool:
    """May this line still give `eis` its basis: it has none yet, or a second line adds citations to citations."""
    if not eis.heeft_grondslagregel:
        return True
    return regel.soort != "geen" and bool(eis.grondslagen) and eis.geen is None


def _zonder_merk(fragmenten: tuple[Fragment, ...], merk: str, noot: Fragment | None = None) -> tuple[Fragment, ...]:
    """The text with the (last) typed footnote mark `merk` taken out, or replaced by a real footnote."""
    for i in range(len(fragmenten) - 1, -1, -1):
        f = fragmenten[i]
        plek = f.tekst.rfind(merk) if f.stijl != VOETNOOT else -1
        if plek < 0:
            continue
        voor, na = f.tekst[:plek], f.tekst[plek + len(merk):]
        if not na.strip():
            voor = voor.rstrip()
        delen = [Fragment(voor, f.stijl)] if voor else []
        delen += [noot] if noot is not None else []
        delen += [Fragment(na, f.stijl)] if na.strip() or (na and noot is None and i + 1 < len(fragmenten)) else []
        return (*fragmenten[:i], *delen, *fragmenten[i + 1:])
    return fragmenten
