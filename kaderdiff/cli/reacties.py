"""`kaderdiff reacties`: the Ringen's reactions into a reactienota per sector, or a filled nota into the
consultatieverslag (`--verwerk`)."""

from __future__ import annotations

import argparse
from pathlib import Path

from kaderdiff.cli.gemeen import datum, kadermap, melding, optie_kaders, regel, versies


def opties(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("bestanden", nargs="*", type=Path, metavar="BESTAND|MAP",
                        help="ingevulde reactieformulieren (.docx, .odt) en concepten met opmerkingen of "
                             "bijgehouden wijzigingen (.docx), of mappen waarin ze staan")
    parser.add_argument("--van", metavar="VERSIE", help="oude versie van de consultatie: JAAR of JAAR@REF (bijv. 2025)")
    parser.add_argument("--naar", metavar="VERSIE",
                        help="het concept dat naar de Ringen ging: JAAR of JAAR@REF (bijv. 2026@ringen-concept)")
    parser.add_argument("--verwerk", nargs="+", type=Path, default=None, metavar="NOTA.docx",
                        help="maak het consultatieverslag van een ingevulde reactienota (per sector één)")
    parser.add_argument("--vastgesteld", default=None, metavar="REF",
                        help="met --verwerk: vergelijk het concept met het vastgestelde kader op deze git-ref (of "
                             "JAAR@REF) en meld per wijziging of de tekst na de consultatie is gewijzigd")
    parser.add_argument("--uit", type=Path, default=None, metavar="MAP",
                        help="uitvoermap (standaard: build/reacties-JAAR, met --verwerk build/consultatieverslag-JAAR)")
    parser.add_argument("--datum", type=datum, default=None, metavar="JJJJ-MM-DD",
                        help="de datum van de documenten (standaard: de datum van de commit van het concept; bij "
                             "--verwerk: wanneer de nota het laatst is opgeslagen)")
    optie_kaders(parser)


def reacties(args: argparse.Namespace) -> int:
    from kaderdiff.fouten import KaderdiffFout

    if args.verwerk is not None:
        if args.bestanden or args.van or args.naar:
            raise KaderdiffFout("--verwerk leest alleen de ingevulde nota('s): laat de bestanden, --van en --naar weg")
        return _verwerk(args)
    if args.vastgesteld is not None:
        raise KaderdiffFout("--vastgesteld hoort bij --verwerk: eerst de nota invullen, dan het verslag maken")
    if not args.bestanden or not args.van or not args.naar:
        raise KaderdiffFout("Geef de reacties (bestanden of mappen) en --van en --naar, bijvoorbeeld: kaderdiff "
                            "reacties reacties/ --van 2025 --naar 2026@ringen-concept-2026")
    from kaderdiff.pakket.documentmappen import schrijf_reactienotas

    van, naar = versies(args)
    doel = args.uit if args.uit is not None else Path("build") / f"reacties-{naar.jaar}"
    notas, overgeslagen = schrijf_reactienotas(kadermap(args), van, naar, args.bestanden, doel, args.datum)
    for pad in overgeslagen:
        melding(f"let op: {pad} overgeslagen (alleen .docx en .odt worden gelezen)")
    for nota in notas:
        geplaatst = sum(len(w.reacties) for w in nota.wijzigingen)
        bij = sum(1 for w in nota.wijzigingen if w.reacties)
        regel(f"{nota.sector}: {geplaatst} reacties bij {bij} wijzigingen, {len(nota.algemeen)} algemeen, "
              f"{len(nota.ongewijzigd)} over ongewijzigde tekst, {len(nota.niet_geplaatst)} niet te plaatsen")
        for waarschuwing in nota.waarschuwingen:
            melding(f"let op: {waarschuwing}")
    regel(f"Reactienota's in {doel}; vul per reactie 'Reactie inspectie' en 'Besluit' in en maak het verslag met "
          "kaderdiff reacties --verwerk NOTA.docx")
    return 0


def _verwerk(args: argparse.Namespace) -> int:
    from kaderdiff.pakket.documentmappen import schrijf_verslagen

    verslagen, doel = schrijf_verslagen(args.verwerk, args.uit, kadermap(args), args.vastgesteld, args.datum)
    for v in verslagen:
        zonder = [g.sleutel for g in v.reacties if not g.besluit]
        gewijzigd = [w.nummer for w in v.wijzigingen if w.gewijzigd_na_consultatie]
        regel(f"{v.sector}: {len(v.reacties)} reacties" + (f"; tekst gewijzigd na de consultatie: "
                                                          f"{', '.join(gewijzigd) or 'geen'}; {len(v.nieuw)} nieuwe "
                                                          "wijziging(en)" if v.vastgesteld else ""))
        if zonder:
            melding(f"let op: {v.sector}: {len(zonder)} reactie(s) zonder besluit: {', '.join(zonder[:10])}"
                    + (" …" if len(zonder) > 10 else ""))
    regel(f"Consultatieverslag in {doel}")
    return 0


OPDRACHTEN = {"reacties": (opties, reacties)}
