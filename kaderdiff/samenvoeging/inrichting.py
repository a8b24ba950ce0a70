"""`kaderdiff init`: a team's own kaders repository, with the structural merge driver and the commit check.

Everything is idempotent and nothing an editor wrote is replaced: a file that exists stays as it is, except
that `.gitattributes` gets the one line that routes kaders to the merge driver appended when it lacks it,
and a pre-commit hook that carries our marker line (so it is provably ours) is brought up to date. The git
settings (`merge.kaderdiff.*`) are not part of a clone, so every editor runs `init` after cloning.
"""

from __future__ import annotations

import os
import shlex
from dataclasses import dataclass
from pathlib import Path

from kaderdiff.fouten import KaderdiffFout
from kaderdiff.samenvoeging.reeks import SAMENVOEGHULP
from kaderdiff.uitvoer.atomairbestand import schrijf_atomair
from kaderdiff.uitvoer.sjablonen import SJABLONEN
from kaderdiff.versiebeheer.opdracht import GitOntbreekt, Uitkomst, git, git_aanwezig, git_reden

REPOSJABLONEN = SJABLONEN / "repo"
ATTRIBUUTREGEL = f"kaders/**/*.xml merge={SAMENVOEGHULP}"
HOOKMERKTEKEN = "# kaderdiff-hook"
DRIVERNAAM = "kaderdiff: kaders per element samenvoegen"
REGISTER = Path("kaders") / "wetten" / "register.toml"
#: The same check before a commit, and before the commit of a merge that git makes by itself.
HOOKS = ("pre-commit", "pre-merge-commit")


@dataclass(frozen=True)
class Stap:
    """What `init` did with one thing: 'aangemaakt', 'aangevuld', 'bijgewerkt', 'verwijderd', 'ongemoeid' or
    'let op'."""

    wat: str
    pad: str
    uitleg: str = ""

    def __str__(self) -> str:
        return f"{self.wat}: {self.pad}" + (f" ({self.uitleg})" if self.uitleg else "")


def _git(map_: Path, *args: str) -> Uitkomst:
    try:
        return git(*args, map_=map_)
    except GitOntbreekt:
        raise KaderdiffFout("git is niet gevonden: installeer git (https://git-scm.com) en draai "
                            "'kaderdiff init' opnieuw") from None


def _sjabloon(naam: str) -> str:
    pad = REPOSJABLONEN / naam
    if not pad.is_file():
        raise KaderdiffFout(f"Het sjabloon {pad} ontbreekt; installeer kaderdiff opnieuw")
    return pad.read_text(encoding="utf-8")


def kaderdiff_opdracht(python: str) -> str:
    """How git and the hook start this kaderdiff: the interpreter it runs in, quoted for the shell."""
    return f"{shlex.quote(python)} -m kaderdiff"


def _repository(map_: Path) -> list[Stap]:
    """Make `map_` the top of a git repository (git init when it is in none); refuse a folder inside one."""
    top = _git(map_, "rev-parse", "--show-toplevel")
    if top.code == 0:
        if Path(top.tekst.strip()).resolve() != map_.resolve():
            raise KaderdiffFout(f"{map_} ligt binnen de git-repository {top.tekst.strip()} maar is daar niet de "
                                "hoofdmap; draai 'kaderdiff init' in de hoofdmap of in een map buiten een repository")
        return [Stap("ongemoeid", ".git", "bestaande git-repository")]
    git_map = map_ / ".git"
    if os.path.lexists(git_map) and not (git_map.is_dir() and not any(git_map.iterdir())):
        # a broken repository: git init would paper over it (or fail halfway), and history may be at stake
        raise KaderdiffFout(f"{git_map} bestaat, maar is geen bruikbare git-repository: {git_reden(top.fout)}. "
                            "Herstel de repository, of zet .git opzij als u hem niet meer nodig hebt, en draai "
                            "'kaderdiff init' opnieuw. Er is niets gewijzigd.")
    gemaakt = _git(map_, "init", "-q")
    if gemaakt.code != 0:
        raise KaderdiffFout(f"git init in {map_} mislukte: {git_reden(gemaakt.fout)}. Los dat op en draai "
                            "'kaderdiff init' opnieuw.")
    return [Stap("aangemaakt", ".git", "nieuwe git-repository")]


def _nieuw_bestand(map_: Path, pad: Path | str, inhoud: str, uitleg: str = "") -> Stap:
    doel = map_ / pad
    if doel.exists():
        return Stap("ongemoeid", str(pad), "bestond al")
    doel.parent.mkdir(parents=True, exist_ok=True)
    schrijf_atomair(doel, inhoud.encode("utf-8"))
    return Stap("aangemaakt", str(pad), uitleg)


def _gitattributes(map_: Path) -> Stap:
    doel = map_ / ".gitattributes"
    if not doel.exists():
        return _nieuw_bestand(map_, ".gitattributes", _sjabloon("gitattributes"), "kaders naar de samenvoeghulp")
    bestaand = doel.read_text(encoding="utf-8")
    if ATTRIBUUTREGEL in (r.strip() for r in bestaand.splitlines()):
        return Stap("ongemoeid", ".gitattributes", "de regel voor kaderdiff stond er al")
    scheiding = "" if not bestaand or bestaand.endswith("\n") else "\n"
    schrijf_atomair(doel, (bestaand + scheiding + _sjabloon("gitattributes")).encode("utf-8"))
    return Stap("aangevuld", ".gitattributes", f"regel '{ATTRIBUUTREGEL}' toegevoegd aan het eind")


def _git_instellingen(map_: Path, opdracht: str) -> Stap:
    gewenst = {f"merge.{SAMENVOEGHULP}.name": DRIVERNAAM,
               f"merge.{SAMENVOEGHULP}.driver": f"{opdracht}.cli.samenvoeghulp %O %A %B %P"}
    gewijzigd = []
    for sleutel, waarde in gewenst.items():
        if _git(map_, "config", "--local", "--get", sleutel).tekst.rstrip("\n") != waarde:
            ingesteld = _git(map_, "config", "--local", sleutel, waarde)
            if ingesteld.code != 0:
                raise KaderdiffFout(f"git config {sleutel} in {map_} mislukte: {git_reden(ingesteld.fout)}. "
                                    "Los dat op en draai 'kaderdiff init' opnieuw.")
            gewijzigd.append(sleutel)
    if not gewijzigd:
        return Stap("ongemoeid", "git-instellingen", "samenvoeghulp stond al goed")
    return Stap("bijgewerkt", "git-instellingen", ", ".join(gewijzigd))


def _hook(map_: Path, python: str, naam_hook: str) -> Stap:
    pad = _git(map_, "rev-parse", "--git-path", f"hooks/{naam_hook}").tekst.strip()
    doel = map_ / pad
    inhoud = _sjabloon("pre-commit").replace("@PYTHON@", shlex.quote(python))
    naam = str(doel.relative_to(map_)) if doel.is_relative_to(map_) else str(doel)
    if doel.exists():
        bestaand = doel.read_text(encoding="utf-8", errors="replace")
        if HOOKMERKTEKEN not in bestaand:
            return Stap("let op", naam, f"er staat al een eigen {naam_hook}-hook; die blijft ongemoeid. Laat hem "
                                        "'kaderdiff controleer kaders' en 'kaderdiff opmaak --controle kaders' draaien")
        if bestaand == inhoud and os.access(doel, os.X_OK):
            return Stap("ongemoeid", naam, "de controle stond er al")
        wat = "bijgewerkt"
    else:
        wat = "aangemaakt"
    doel.parent.mkdir(parents=True, exist_ok=True)
    schrijf_atomair(doel, inhoud.encode("utf-8"), modus=0o755)
    return Stap(wat, naam, "controleer en opmaak --controle vóór elke " + ("commit" if naam_hook == "pre-commit"
                                                                         else "samenvoegcommit"))


def _zonder_hook(map_: Path, naam_hook: str) -> Stap | None:
    """`init --pre-commit`: the pre-commit framework runs the checks, so our own raw hook goes (an editor's stays)."""
    doel = map_ / _git(map_, "rev-parse", "--git-path", f"hooks/{naam_hook}").tekst.strip()
    if not doel.is_file() or HOOKMERKTEKEN not in doel.read_text(encoding="utf-8", errors="replace"):
        return None
    doel.unlink()
    naam = str(doel.relative_to(map_)) if doel.is_relative_to(map_) else str(doel)
    return Stap("verwijderd", naam, "de controle loopt nu via pre-commit")


def richt_in(map_: Path, python: str, git_hooks: bool = True) -> list[Stap]:
    """Set up (or complete) a kaders repository in `map_`; `python` is the interpreter git and the hook use.
    Without `git_hooks` (the pre-commit framework takes their place) our own hooks are removed instead."""
    if map_.exists() and not map_.is_dir():
        raise KaderdiffFout(f"{map_} bestaat al en is geen map")
    if not git_aanwezig():
        _git(Path.cwd(), "--version")  # says in Dutch that git is missing, before anything is made
    map_.mkdir(parents=True, exist_ok=True)
    stappen = _repository(map_)
    kaders = map_ / "kaders"
    if kaders.exists() and not kaders.is_dir():
        raise KaderdiffFout(f"{kaders} bestaat al en is geen map")
    stappen.append(Stap("ongemoeid", "kaders/", "bestond al") if kaders.is_dir()
                   else Stap("aangemaakt", "kaders/"))
    kaders.mkdir(exist_ok=True)
    stappen += [
        _nieuw_bestand(map_, REGISTER, _sjabloon("register.toml"), "eigen wetten en regelingen, nog leeg"),
        _nieuw_bestand(map_, "README.md", _sjabloon("README.md"), "uitleg voor wie kaders bewerkt"),
        _nieuw_bestand(map_, ".gitignore", _sjabloon("gitignore"), "build/ buiten git"),
        _gitattributes(map_),
        _git_instellingen(map_, kaderdiff_opdracht(python)),
    ]
    if git_hooks:
        stappen += [_hook(map_, python, naam) for naam in HOOKS]
    else:
        stappen += [stap for naam in HOOKS if (stap := _zonder_hook(map_, naam)) is not None]
    return stappen
