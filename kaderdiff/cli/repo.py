"""`kaderdiff init`: a team's own kaders repository (its merge driver: cli/samenvoeghulp.py)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kaderdiff.cli.gemeen import melding, regel


def _opties_init(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("map", nargs="?", type=Path, default=Path("."), metavar="MAP",
                        help="de map van de kaders-repository (standaard: de huidige map); "
                             "wordt een git-repository als hij dat nog niet is")
    parser.add_argument("--ci", choices=("gitlab", "github"), default=None,
                        help="schrijf ook een CI-configuratie: controle bij elke push, de beoordeling van een merge "
                             "request, de website op Pages en het bewaken van de wetten")
    parser.add_argument("--pre-commit", dest="pre_commit", action="store_true",
                        help="controle vóór elke commit via het pre-commit-framework (.pre-commit-config.yaml) "
                             "in plaats van eigen git-hooks")
    parser.add_argument("--hookrepo", default=None, metavar="URL",
                        help="bij --pre-commit: de git-URL of het pad van de repository van kaderdiff, waaruit "
                             "pre-commit de hooks haalt (standaard: kaderdiff van pip, uit de pakketindex)")
    parser.add_argument("--wetten", action="store_true",
                        help="haal ook de tekst van elke wet die de kaders citeren uit het BWB (zoals 'kaderdiff "
                             "wetten haal --alle'; adres: KADERDIFF_BWB_URL); zonder deze optie noemt init alleen "
                             "welke wetten ontbreken")


def init(args: argparse.Namespace) -> int:
    from kaderdiff.fouten import KaderdiffFout
    from kaderdiff.samenvoeging.inrichting import richt_in
    from kaderdiff.samenvoeging.pijplijn import gebruikt_pre_commit, richt_ci_in, richt_pre_commit_in

    if args.hookrepo is not None and not args.pre_commit:
        raise KaderdiffFout("--hookrepo hoort bij --pre-commit: kaderdiff init --pre-commit --hookrepo URL")
    pre_commit = args.pre_commit or gebruikt_pre_commit(args.map)
    stappen = richt_in(args.map, sys.executable, git_hooks=not pre_commit)
    if args.pre_commit:
        stappen.append(richt_pre_commit_in(args.map, args.hookrepo))
    if args.ci is not None:
        stappen += richt_ci_in(args.map, args.ci)
    for stap in stappen:
        (melding if stap.wat == "let op" else regel)(str(stap))
    controle = ("vóór elke commit draaien controleer en opmaak --controle via pre-commit (eenmalig per kloon: "
                "pip install pre-commit && pre-commit install)" if pre_commit
                else "vóór elke commit draaien controleer en opmaak --controle")
    regel(f"Kaders-repository klaar in {args.map.resolve()}. Zet de kaders in kaders/JAAR/SECTOR.xml; "
          f"samenvoegen gaat per element, en {controle}.")
    if args.ci is not None:
        regel("Voor de CI: zet de pakketindex met kaderdiff (PIP_EXTRA_INDEX_URL) of een wiel in de repository "
              "(KADERDIFF_PAKKET) als " + ("CI/CD-variabele, voor reacties bij merge requests "
                                           "KADERDIFF_GITLAB_TOKEN, en plan een pijplijn voor 'wetten bewaak'."
                                           if args.ci == "gitlab" else "geheim of repository-variabele, en zet Pages "
                                           "op 'GitHub Actions'."))
    return _wetteksten(args.map / "kaders", args.wetten)


def _wetteksten(kaders: Path, halen: bool) -> int:
    """Offer the texts of the laws the kaders cite: name what is missing and how to fetch it, or (--wetten) fetch.
    Without the texts `controleer` cannot check a cited article (and says so)."""
    from kaderdiff.fouten import KaderdiffFout
    from kaderdiff.recht.bwbhaal import haal_alle, zonder_tekst

    try:
        ontbrekend = zonder_tekst(kaders)
    except KaderdiffFout as fout:  # a kader that cannot be read: init itself is done, the texts can wait
        melding(f"let op: de kaders zijn niet te lezen ({fout.tekst}); haal de wetteksten later met "
                "'kaderdiff wetten haal --alle'")
        return 0
    if not any(kaders.glob("[0-9][0-9][0-9][0-9]/*.xml")):
        regel("Staan de kaders erin, haal dan de tekst van de wetten die ze citeren met 'kaderdiff wetten haal "
              "--alle': zonder wettekst controleert 'kaderdiff controleer' de geciteerde artikelen niet.")
        return 0
    if not ontbrekend:
        return 0
    if not halen:
        regel(f"De kaders citeren {len(ontbrekend)} wet(ten) zonder opgeslagen tekst ({', '.join(ontbrekend)}); "
              "zonder die tekst controleert 'kaderdiff controleer' hun artikelen niet. Haal ze met 'kaderdiff "
              "wetten haal --alle' (of draai 'kaderdiff init --wetten').")
        return 0
    from kaderdiff.cli.recht import toon_gehaald

    return toon_gehaald(haal_alle(kaders))


OPDRACHTEN = {
    "init": (_opties_init, init),
}
