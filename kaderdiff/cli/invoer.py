"""`kaderdiff importeer`: a Word kader (or a folder of them, one per year) into kader XML."""

from __future__ import annotations

import argparse
import json
import re
from datetime import date
from pathlib import Path

from kaderdiff.cli.gemeen import kadermap_pad, melding, optie_kaders, regel
from kaderdiff.fouten import KaderdiffFout


def opties(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("bestand", nargs="?", type=Path, default=None, metavar="BESTAND.docx",
                        help="het Word-document met het kader")
    parser.add_argument("--sector", required=True,
                        help="sector van het kader (po, vo, mbo …), eventueel met variant (vo-pro); ook de "
                             "bestandsnaam")
    parser.add_argument("--jaar", type=_jaartal, default=None,
                        help="het jaar van het kader (verplicht bij één bestand)")
    parser.add_argument("--vorige", type=_jaartal, default=None, metavar="JAAR",
                        help="neem de ids over van het kader van dit jaar (zelfde sector), zodat de jaren gekoppeld "
                             "blijven")
    parser.add_argument("--uit", type=Path, default=None, metavar="PAD",
                        help="waar het kader komt (standaard: kaders/JAAR/SECTOR.xml); met --geschiedenis: een nieuwe "
                             "map voor een eigen git-repository")
    parser.add_argument("--overschrijf", action="store_true", help="een bestaand kaderbestand vervangen")
    parser.add_argument("--rapport", type=Path, default=None, metavar="BESTAND",
                        help="schrijf het importrapport ook naar dit bestand (.json voor JSON)")
    parser.add_argument("--status", choices=("concept", "vastgesteld", "correctie"), default=None,
                        help="status van het kader (standaard: uit het document, anders vastgesteld)")
    parser.add_argument("--peildatum", default=None, metavar="JJJJ-MM-DD",
                        help="datum waarop het kader ingaat (standaard: 1 augustus van het jaar)")
    parser.add_argument("--geschiedenis", type=Path, default=None, metavar="MAP",
                        help="importeer een map met één Word-bestand per jaar (2021.docx, 2022.docx …) als één "
                             "git-commit per jaar")
    parser.add_argument("--naam", default=None, metavar="TAK",
                        help="met --geschiedenis: naam van de nieuwe tak (standaard: import-SECTOR)")
    parser.add_argument("--streng", action="store_true",
                        help="schrijf niets als het importrapport een fout noemt (zoals een grondslag die bij geen "
                             "eis te plaatsen is)")
    optie_kaders(parser)


def _jaartal(tekst: str) -> int:
    """A kader year: four digits, as every version in kaderdiff is named."""
    if not re.fullmatch(r"\d{4}", tekst.strip()):
        raise argparse.ArgumentTypeError(f"ongeldig jaar '{tekst}': een kaderjaar heeft vier cijfers (bijv. 2026)")
    return int(tekst)


def _rapport(resultaten: list[object], doel: Path | None) -> None:
    from kaderdiff.invoer.importeer import Importresultaat

    regels: list[str] = []
    data = []
    for r in resultaten:
        assert isinstance(r, Importresultaat)
        fouten = f", waarvan {len(r.fouten)} fout(en)" if r.fouten else ""
        regels.append(f"{r.naam} uit {r.bestand}: {len(r.rapport)} onderdeel/onderdelen niet als zodanig herkend"
                      + (f"{fouten}:" if r.rapport else "."))
        regels += [f"  {o.regel()}" for o in r.rapport]
        data.append({"kader": r.naam, "bestand": r.bestand, "elementen": r.elementen, "gekoppeld": r.gekoppeld,
                     "niet_geplaatst": [{"plaats": o.plaats, "reden": o.reden, "tekst": o.tekst, "ernst": o.ernst}
                                        for o in r.rapport]})
    for tekst in regels:
        regel(tekst)
    if doel is not None:
        from kaderdiff.uitvoer.atomairbestand import schrijf_atomair

        inhoud = (json.dumps(data, ensure_ascii=False, indent=2) if doel.suffix.lower() == ".json"
                  else "\n".join(regels)) + "\n"
        doel.parent.mkdir(parents=True, exist_ok=True)
        schrijf_atomair(doel, inhoud.encode("utf-8"))


_RAPPORTREGEL = re.compile(r"^.+ uit .+: \d+ onderdeel/onderdelen niet als zodanig herkend")


def _is_importrapport(doel: Path) -> bool:
    """An earlier import report (text or JSON): the only file --rapport replaces."""
    if doel.stat().st_size > 100_000_000:
        return False
    try:
        inhoud = doel.read_text(encoding="utf-8")
        return (isinstance(data := json.loads(inhoud), list) and all(isinstance(d, dict) and "niet_geplaatst" in d
                                                                     for d in data)
                if doel.suffix.lower() == ".json" else bool(_RAPPORTREGEL.match(inhoud)))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return False


def _rapport_mag(doel: Path | None, kaders: Path) -> None:
    """--rapport: not in a protected place, and replacing only an earlier import report (uitvoer/atomair.py)."""
    from kaderdiff.bron.versies import beschermde_plaatsen
    from kaderdiff.uitvoer.atomair import weiger_bestand

    if doel is not None:
        weiger_bestand(doel, beschermde_plaatsen(kaders, doel), "Het importrapport (--rapport)", _is_importrapport,
                       "importrapport")


def _kaderplek(doel: Path, kaders: Path) -> None:
    """Where --uit may put a kader: never in a git directory or over the repository root; in a kadermap only
    as JAAR/SECTOR.xml; inside a repository only in its kadermap. Outside a repository anywhere else."""
    from kaderdiff.bron.versies import beschermde_plaatsen
    from kaderdiff.uitvoer.atomair import weiger_beschermd
    from kaderdiff.versiebeheer.plek import zoek_werkmap

    echt, wat = doel.resolve(), "Het kaderbestand (--uit)"
    wortel = zoek_werkmap(echt)
    kadermappen = dict.fromkeys([kaders.resolve(), *([wortel / "kaders"] if wortel is not None else [])])
    weiger_beschermd(doel, [b for b in beschermde_plaatsen(kaders, doel) if b.pad not in kadermappen], wat)
    thuis = next((k for k in kadermappen if echt.is_relative_to(k)), None)
    if thuis is not None:
        deel = echt.relative_to(thuis).parts
        if len(deel) != 2 or not re.fullmatch(r"\d{4}", deel[0]) or not deel[1].endswith(".xml"):
            raise KaderdiffFout(f"{wat} {doel} ligt in de kadermap {thuis}, maar niet als JAAR/SECTOR.xml; daar "
                                "komen alleen kaders. Er is niets geschreven.")
    elif wortel is not None:
        raise KaderdiffFout(f"{wat} {doel} ligt in de repository {wortel}, maar niet in de kadermap: een kader hoort "
                            f"in {kaders}/JAAR/SECTOR.xml (de standaard zonder --uit), of kies een plek buiten de "
                            "repository. Er is niets geschreven.")


def _streng(args: argparse.Namespace, resultaten: list[object]) -> None:
    """--streng: a fout in the report (a legal basis that could not be attached …) means nothing is written; the
    report is shown so that the author can correct the document."""
    from kaderdiff.invoer.importeer import Importresultaat

    fouten = sum(len(r.fouten) for r in resultaten if isinstance(r, Importresultaat))
    if args.streng and fouten:
        _rapport(resultaten, None)
        raise KaderdiffFout(f"{fouten} fout(en) in het importrapport hierboven (--streng). Er is niets geschreven.")


def _doelbestand(args: argparse.Namespace, kaders: Path, sleutel: str, jaar: int) -> Path:
    uit: Path | None = args.uit
    if uit is None:
        return kaders / str(jaar) / f"{sleutel}.xml"
    return uit / f"{sleutel}.xml" if uit.is_dir() else uit


def _mag_schrijven(doel: Path, overschrijf: bool) -> None:
    """Never replace what is not a kader, and a kader only when asked."""
    if not doel.exists():
        return
    if not overschrijf:
        raise KaderdiffFout(f"{doel} bestaat al; gebruik --overschrijf om het te vervangen. Er is niets geschreven.")
    from kaderdiff.bron.xmlveilig import parse_veilig

    try:
        is_kader = doel.is_file() and parse_veilig(doel.read_bytes(), str(doel)).getroot().tag == "kader"
    except KaderdiffFout:
        is_kader = False
    if not is_kader:
        raise KaderdiffFout(f"{doel} is geen kaderbestand; kaderdiff vervangt alleen een kader. "
                            "Er is niets geschreven.")


def importeer(args: argparse.Namespace) -> int:
    from kaderdiff.bron.versies import KaderMap
    from kaderdiff.bron.wetregister import register_voor
    from kaderdiff.invoer.importeer import importeer_docx, lees_sleutel
    from kaderdiff.model.versie import Versie
    from kaderdiff.uitvoer.atomairbestand import schrijf_atomair

    sleutel = args.sector.strip().lower()
    lees_sleutel(sleutel)
    kaders = kadermap_pad(args)
    register = register_voor(kaders if kaders.is_dir() else None)
    if (args.bestand is None) == (args.geschiedenis is None):
        raise KaderdiffFout("Geef een Word-bestand of --geschiedenis MAP, niet allebei en niet geen van beide")
    vorige = None
    if args.vorige is not None:
        vorige = KaderMap(kaders).laad(Versie(args.vorige), sleutel)
    if args.geschiedenis is not None:
        return _geschiedenis(args, kaders, sleutel, register, vorige)
    if args.jaar is None:
        raise KaderdiffFout("Geef met --jaar aan voor welk jaar het kader is")
    peildatum = None
    if args.peildatum is not None:
        try:
            peildatum = date.fromisoformat(args.peildatum)
        except ValueError:
            raise KaderdiffFout(f"Ongeldige datum '{args.peildatum}': schrijf JJJJ-MM-DD") from None
    doel = _doelbestand(args, kaders, sleutel, args.jaar)
    _kaderplek(doel, kaders)
    _mag_schrijven(doel, args.overschrijf)
    _rapport_mag(args.rapport, kaders)
    resultaat = importeer_docx(args.bestand, sleutel, args.jaar, register, vorige, args.status, peildatum,
                               kaders if kaders.is_dir() else None)
    _streng(args, [resultaat])
    doel.parent.mkdir(parents=True, exist_ok=True)
    schrijf_atomair(doel, resultaat.xml)
    gekoppeld = f"; {resultaat.gekoppeld} ids uit {args.vorige}" if vorige is not None else ""
    regel(f"Geïmporteerd: {args.bestand} → {doel} ({resultaat.elementen} elementen{gekoppeld})")
    _rapport([resultaat], args.rapport)
    return 0


def _geschiedenis(args: argparse.Namespace, kaders: Path, sleutel: str, register: object,
                  vorige: object) -> int:
    from kaderdiff.invoer.jaarreeks import importeer_jaren, nieuwe_repo, op_tak
    from kaderdiff.model.kader import Kader
    from kaderdiff.model.wet import Wetregister

    assert isinstance(register, Wetregister) and (vorige is None or isinstance(vorige, Kader))
    if args.jaar is not None or args.overschrijf or args.peildatum or args.status:
        raise KaderdiffFout("--jaar, --status, --peildatum en --overschrijf gelden niet bij --geschiedenis: "
                            "het jaar staat in de bestandsnaam")
    _rapport_mag(args.rapport, kaders)
    if args.uit is not None:
        from kaderdiff.bron.versies import beschermde_plaatsen
        from kaderdiff.uitvoer.atomair import weiger_beschermd

        # not beside the target: that becomes a repository root itself (nieuwe_repo wants it new or empty)
        weiger_beschermd(args.uit, beschermde_plaatsen(kaders), "De nieuwe repository (--uit)")
    resultaten = importeer_jaren(args.geschiedenis, sleutel, register, vorige, kaders if kaders.is_dir() else None)
    _streng(args, list(resultaten))
    vorig_jaar = args.vorige
    if args.uit is not None:
        commits = nieuwe_repo(args.uit, resultaten)
        waar = f"nieuwe repository {args.uit} (tak main)"
    else:
        from kaderdiff.versiebeheer.repository import Repository

        repo = Repository.open(kaders)
        if repo is None:
            raise KaderdiffFout(f"{kaders} staat niet in een git-repository; geef --uit MAP voor een nieuwe")
        werkmap = (repo.werkmap or kaders).resolve()
        basis = kaders.resolve().relative_to(werkmap).as_posix()
        naam = args.naam or f"import-{sleutel}"
        commits = op_tak(repo, "" if basis == "." else basis, naam, resultaten, vorig_jaar)
        waar = f"tak {naam} (de werkmap is niet gewijzigd)"
    for r, commit in zip(resultaten, commits, strict=True):
        regel(f"{r.kader.jaar}: {r.bestand} → commit {commit[:10]} ({r.elementen} elementen, "
              f"{r.gekoppeld} ids uit het jaar ervoor)")
    regel(f"{len(commits)} jaar/jaren geïmporteerd in {waar}.")
    _rapport(list(resultaten), args.rapport)
    if any(r.rapport for r in resultaten):
        melding("Let op: niet alles is als zodanig herkend; zie het rapport hierboven.")
    return 0


OPDRACHTEN = {"importeer": (opties, importeer)}
