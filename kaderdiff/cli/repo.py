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
    return 0


OPDRACHTEN = {
    "init": (_opties_init, init),
}
