"""`kaderdiff merge BASIS ONZE HUN [PAD]`: git's merge driver for kaders, which `kaderdiff init` sets up.

git starts the driver once for every kader that both branches changed. The first start merges them all
(spread over the CPUs) and leaves the results in the git directory (samenvoeging/reeks.py); each later
start only copies its own. `init` configures `python -m kaderdiff.cli.samenvoeghulp`, which does that
without argparse (and a later start without lxml: little more than Python's own start-up), and hands
every other case (a rebase, anything not prepared) to `kaderdiff merge`, which does the same with its full
argument and error handling. Either way the file ends as samenvoeging/uitkomst.py says: a merged kader that
`controleer` accepts (exit 0), or both sides visible (exit 1), also when kaderdiff itself fails.
"""

from __future__ import annotations

import sys

from kaderdiff.samenvoeging import reeks
from kaderdiff.samenvoeging.reeks import Resultaat
from kaderdiff.uitvoer.atomairbestand import schrijf_atomair

TYPE_CHECKING = False  # typing itself is not imported: it would be a sixth of a later start
if TYPE_CHECKING:
    import argparse

    from kaderdiff.samenvoeging.reeks import Samenvoeger

#: Exit codes of the merge driver: git reads anything but 0 as "conflicts left in the file".
SCHOON, CONFLICT = 0, 1


def _opties_merge(parser: argparse.ArgumentParser) -> None:
    parser.description = (f"{parser.description}\n\nAls git-samenvoeghulp (dat regelt 'kaderdiff init', met de snelle\n"
                          "vorm 'python -m kaderdiff.cli.samenvoeghulp %O %A %B %P'):\n"
                          "  git config merge.kaderdiff.driver \"kaderdiff merge %O %A %B %P\"\n"
                          "Exitcode 0: samengevoegd tot een kader dat 'controleer' goedkeurt; 1: er staan "
                          "conflicten in ONZE, met beide versies (<conflict> met <onze> en <hun>, of tussen "
                          "<<<<<<< onze en >>>>>>> hun). Nooit alleen één kant.")
    parser.add_argument("basis", metavar="BASIS", help="de gemeenschappelijke voorouder (git: %%O)")
    parser.add_argument("onze", metavar="ONZE", help="onze versie; hier komt het resultaat (git: %%A)")
    parser.add_argument("hun", metavar="HUN", help="hun versie (git: %%B)")
    parser.add_argument("pad", nargs="?", default=None, metavar="PAD",
                        help="het pad van het kader in de repository, voor de meldingen (git: %%P)")


def _samenvoeger() -> Samenvoeger:
    """The merge with its check: each kader checked as `controleer` checks it, against the kadermap it lies in."""
    from pathlib import Path

    from kaderdiff.fouten import KaderdiffFout
    from kaderdiff.recht.controle import controleer_bytes
    from kaderdiff.recht.wetcontrole import controleer_grondslagen
    from kaderdiff.samenvoeging.uitkomst import samenvoeging

    def voeg_samen(naam: str, basis: bytes, onze: bytes, hun: bytes) -> Resultaat:
        def controle(data: bytes) -> list[str]:
            try:
                meldingen = controleer_bytes(data, naam, Path(naam).parent.parent, (controleer_grondslagen,))
            except KaderdiffFout as fout:  # e.g. the law registry beside it cannot be read
                return [fout.tekst]
            return [str(m) for m in meldingen if m.ernst == "fout"]

        return samenvoeging(naam, basis, onze, hun, controle)

    return voeg_samen


def _voorbereid(naam: str, basis: bytes, onze: bytes, hun: bytes) -> Resultaat | None:
    """The result prepared for exactly these bytes; when there is none and this is a `git merge`, every kader
    of the merge is prepared first (this is then the first start)."""
    map_ = reeks.voorraadmap()
    if map_ is None:
        return None
    sleutel = reeks.sleutel(naam, basis, onze, hun)
    resultaat = reeks.lees(map_, sleutel)
    if resultaat is None and reeks.hun_commit() is not None:
        try:
            reeks.bereid_voor(map_, _samenvoeger)
        except Exception as fout:  # preparing only saves time: it may never fail a merge
            sys.stderr.write(f"De kaders van deze merge konden niet vooraf worden samengevoegd "
                             f"({type(fout).__name__}); elk kader wordt apart samengevoegd\n")
        resultaat = reeks.lees(map_, sleutel)
    return resultaat


def _meld(resultaat: Resultaat) -> int:
    """The exit code for git (1: conflicts left in the file), after the lines that say what happened."""
    sys.stderr.write("".join(f"{regel}\n" for regel in resultaat.meldingen))
    return CONFLICT if resultaat.conflict else SCHOON


def _lees(pad: str) -> bytes:
    from kaderdiff.fouten import KaderdiffFout

    try:
        with open(pad, "rb") as f:
            return f.read()
    except FileNotFoundError:
        raise KaderdiffFout(f"Bestand niet gevonden: {pad}") from None


def merge(args: argparse.Namespace) -> int:
    naam = args.pad or args.onze
    basis, onze, hun = _lees(args.basis), _lees(args.onze), _lees(args.hun)
    resultaat = _voorbereid(naam, basis, onze, hun)
    if resultaat is None:
        try:
            resultaat = _samenvoeger()(naam, basis, onze, hun)
        except Exception as fout:  # a defect: still both sides in the file, and a log for the maintainers
            from kaderdiff.cli.foutafhandeling import schrijf_logboek
            from kaderdiff.samenvoeging.uitkomst import naast_elkaar

            logboek = schrijf_logboek("merge")
            waar = f"de details staan in {logboek}" if logboek else "de details konden niet worden bewaard"
            resultaat = Resultaat(naast_elkaar(onze, hun), True, (
                f"{naam}: interne fout in kaderdiff bij het samenvoegen ({type(fout).__name__}; {waar}). Beide "
                "versies staan in hun geheel in het bestand, tussen '<<<<<<< onze', '=======' en '>>>>>>> hun'; "
                "meld dit aan de beheerders van kaderdiff",))
    if resultaat.data != onze:
        schrijf_atomair(args.onze, resultaat.data)
    return _meld(resultaat)


def _kopieer(argumenten: list[str]) -> int | None:
    """git's own call: copy the result prepared for these bytes (the first start prepares them). None: it
    could not be prepared, or anything unusual; `kaderdiff merge` then does the work."""
    if len(argumenten) not in (3, 4) or any(arg.startswith("-") for arg in argumenten):
        return None
    basispad, onzepad, hunpad = argumenten[:3]
    naam = argumenten[3] if len(argumenten) == 4 else onzepad
    try:
        with open(basispad, "rb") as b, open(onzepad, "rb") as o, open(hunpad, "rb") as h:
            basis, onze, hun = b.read(), o.read(), h.read()
        resultaat = _voorbereid(naam, basis, onze, hun)
        if resultaat is None:
            return None
        if resultaat.data != onze:
            schrijf_atomair(onzepad, resultaat.data)
    except OSError:  # kaderdiff merge tries again, and names the file that fails
        return None
    return _meld(resultaat)


def main(argumenten: list[str]) -> int:
    """git's merge driver: BASIS ONZE HUN [PAD]."""
    code = _kopieer(argumenten)
    if code is not None:
        return code
    from kaderdiff.cli.app import main as kaderdiff

    return kaderdiff(["merge", *argumenten])


OPDRACHTEN = {
    "merge": (_opties_merge, merge),
}

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
