"""`kaderdiff init --ci gitlab|github` and `--pre-commit`: the checks where the team already reviews.

The CI configuration and the pre-commit configuration are written once, like everything init writes: a file that
exists is the team's and stays as it is. Both pin kaderdiff to the version that wrote them, so a pipeline checks
with the kaderdiff the editors have.
"""

from __future__ import annotations

import json
from pathlib import Path

from kaderdiff import __version__
from kaderdiff.fouten import KaderdiffFout
from kaderdiff.samenvoeging.inrichting import Stap, _nieuw_bestand, _sjabloon

#: Per platform: (where in the repository, template) of each file its CI needs.
CI_BESTANDEN = {
    "gitlab": ((".gitlab-ci.yml", "gitlab-ci.yml"), ("ci/kaderdiff-voorstel.sh", "kaderdiff-voorstel.sh")),
    "github": ((".github/workflows/kaderdiff.yml", "github-workflow.yml"),
               ("ci/kaderdiff-voorstel.sh", "kaderdiff-voorstel.sh")),
}
PRE_COMMIT_CONFIG = ".pre-commit-config.yaml"
#: The hook ids in kaderdiff's .pre-commit-hooks.yaml; a configuration naming one uses kaderdiff through pre-commit.
HOOK_IDS = ("kaderdiff-controleer", "kaderdiff-opmaak")


def _ingevuld(naam: str, **waarden: str) -> str:
    tekst = _sjabloon(naam).replace("@VERSIE@", __version__)
    for sleutel, waarde in waarden.items():
        tekst = tekst.replace(f"@{sleutel}@", waarde)
    return tekst


def richt_ci_in(map_: Path, platform: str) -> list[Stap]:
    """The CI configuration of `platform` ('gitlab' or 'github') and the review script it runs."""
    if platform not in CI_BESTANDEN:
        raise KaderdiffFout(f"Onbekend CI-platform '{platform}': kies uit {', '.join(CI_BESTANDEN)}")
    uitleg = {".gitlab-ci.yml": "GitLab CI: controle, beoordeling van merge requests, Pages, wetten bewaken",
              ".github/workflows/kaderdiff.yml": "GitHub Actions: controle, beoordeling van pull requests, Pages, "
                                                 "wetten bewaken",
              "ci/kaderdiff-voorstel.sh": "beoordeling, Staat en pakket van een voorstel"}
    return [_nieuw_bestand(map_, pad, _ingevuld(sjabloon), uitleg[pad]) for pad, sjabloon in CI_BESTANDEN[platform]]


def richt_pre_commit_in(map_: Path, hookrepo: str | None) -> Stap:
    """.pre-commit-config.yaml: kaderdiff's hooks from its repository at this version (`hookrepo`: its git URL
    or path), or without one as local hooks that pip installs kaderdiff==VERSION for."""
    if hookrepo is None:
        return _nieuw_bestand(map_, PRE_COMMIT_CONFIG, _ingevuld("pre-commit-config-lokaal.yaml"),
                              f"controleer en opmaak --controle via pre-commit, met kaderdiff {__version__} van pip")
    if not hookrepo.strip():
        raise KaderdiffFout("--hookrepo is leeg: geef de git-URL of het pad van de repository van kaderdiff")
    # JSON strings are YAML strings: a URL or path with any character stays one value
    inhoud = _ingevuld("pre-commit-config.yaml", REPO=json.dumps(hookrepo), REV=json.dumps(f"v{__version__}"))
    return _nieuw_bestand(map_, PRE_COMMIT_CONFIG, inhoud,
                          f"controleer en opmaak --controle via pre-commit, uit {hookrepo} op v{__version__}")


def gebruikt_pre_commit(map_: Path) -> bool:
    """Does the repository run kaderdiff through the pre-commit framework (then init installs no raw hooks)?"""
    config = map_ / PRE_COMMIT_CONFIG
    if not config.is_file():
        return False
    tekst = config.read_text(encoding="utf-8", errors="replace")
    return any(hook_id in tekst for hook_id in HOOK_IDS)
