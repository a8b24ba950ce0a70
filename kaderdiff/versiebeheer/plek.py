"""Where a repository is: the working tree and the git directory a path lies in, found without running git.

Cheap on purpose: commands that never read git history (the grondslag index keeps its cache in the git
directory) and the output guard (never write into `.git`) need only these, not GitPython.
"""

from __future__ import annotations

from pathlib import Path


def zoek_werkmap(pad: Path) -> Path | None:
    """The root of the working tree `pad` lies in: the nearest folder (itself or a parent) holding `.git`."""
    for map_ in (pad, *pad.parents):
        if (map_ / ".git").exists():
            return map_
    return None


def zoek_git_map(pad: Path) -> Path | None:
    """The git directory for `pad`, looked up as git does: a `.git` folder in `pad` or a parent, or a `.git`
    file saying `gitdir: …` (a worktree or submodule). Cheap, so a cache can live there without GitPython."""
    for map_ in (pad, *pad.parents):
        kandidaat = map_ / ".git"
        if kandidaat.is_dir():
            if (kandidaat / "HEAD").is_file():
                return kandidaat
        elif kandidaat.is_file():
            try:
                inhoud = kandidaat.read_text(encoding="utf-8").strip()
            except (OSError, UnicodeDecodeError):
                return None
            if not inhoud.startswith("gitdir:"):
                return None
            doel = Path(inhoud.removeprefix("gitdir:").strip())
            return (doel if doel.is_absolute() else map_ / doel).resolve()
    return None
