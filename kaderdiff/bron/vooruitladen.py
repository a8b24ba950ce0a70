"""Kaders loaded ahead (`vooruit_geladen`): a forked child loads the kaders a pack compares while the pack itself
still imports its renderers.

Those imports take a seventh of a second on one CPU, and nothing else runs meanwhile; the pack's workers, forked
after them, would each begin by loading their first kaders. The child loads them on the other CPU and hands each
back pickled, through shared memory; a worker unpickles one in a fifth of the time loading takes
(`KaderMap.neem_over`). The child is stopped when the workers start, so it never takes a CPU from them; what it had
not finished is loaded as before. A kader file changed meanwhile no longer matches its key (the sha256 of its bytes)
and is loaded again. Nothing the user sees depends on it: the same kaders, the same documents, the same errors
(a kader the child cannot load is left to the worker, which reports it).
"""

from __future__ import annotations

import mmap
import os
import pickle
import signal
import struct
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from kaderdiff.bron.versies import KaderMap
from kaderdiff.model.versie import Versie
from kaderdiff.uitvoer.parallel import mag_forken

#: Shared memory for the pickles (only the pages written are used; a pickled kader is about half a megabyte).
RUIMTE = 64 << 20
_AANTAL = struct.Struct("<I")  # at the start: how many pickles are complete
_STUK = struct.Struct("<II")  # before each: the length of its header and of the pickled kader

#: Per sector: the key `KaderMap.laad` uses for a kader (sha256 of its bytes, its name) -> the pickled kader.
Voorgeladen = dict[str, dict[tuple[str, str], bytes]]


class Vooruit:
    """The child loading ahead; `oogst` stops it and returns what it finished."""

    def __init__(self, geheugen: mmap.mmap | None = None, pid: int | None = None) -> None:
        self._geheugen = geheugen
        self._pid = pid

    def oogst(self) -> Voorgeladen:
        """Stop the child; per sector the kaders it finished."""
        self.stop()
        uit: Voorgeladen = {}
        if self._geheugen is None:
            return uit
        plek = _AANTAL.size
        for _ in range(_AANTAL.unpack_from(self._geheugen, 0)[0]):
            kop_lengte, lengte = _STUK.unpack_from(self._geheugen, plek)
            plek += _STUK.size
            sector, sleutel = pickle.loads(self._geheugen[plek:plek + kop_lengte])
            plek += kop_lengte
            uit.setdefault(sector, {})[sleutel] = self._geheugen[plek:plek + lengte]
            plek += lengte
        self._geheugen.close()
        self._geheugen = None
        return uit

    def stop(self) -> None:
        """End the child (done or not) and wait for it: no process is left."""
        if self._pid is not None:
            os.kill(self._pid, signal.SIGKILL)  # a child that ended is ours until waited for: never gone
            os.waitpid(self._pid, 0)
            self._pid = None


@contextmanager
def vooruit_geladen(kadermap: KaderMap, van: Versie, naar: Versie) -> Iterator[Vooruit]:
    """Load the kaders of `van` and `naar` (of the working tree; sector by sector, as the pack builds them) in a
    forked child until `oogst`; without fork (another thread runs, not Linux) nothing is loaded ahead."""
    if not mag_forken():
        yield Vooruit()
        return
    # what loading needs, before the fork (the pack imports it anyway): the child begins at once
    import kaderdiff.bron.laden
    import kaderdiff.bron.wetregister  # noqa: F401

    geheugen = mmap.mmap(-1, RUIMTE)  # anonymous and shared: the child writes, this process reads
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child, which never returns
        try:
            _laad(kadermap, [v for v in (van, naar) if v.ref is None], geheugen)
        finally:
            os._exit(0)
    vooruit = Vooruit(geheugen, pid)
    try:
        yield vooruit
    finally:
        vooruit.stop()


def _laad(kadermap: KaderMap, versies: Sequence[Versie], geheugen: mmap.mmap) -> None:  # pragma: no cover - child
    """In the child: each kader loaded, pickled and written after the last, then counted as complete."""
    plek, aantal = _AANTAL.size, 0
    for sector in kadermap.sectoren(versies[-1]) if versies else ():
        for versie in versies:
            try:
                kader, sleutel = kadermap.laad_met_sleutel(versie, sector)
            except Exception:  # the worker loads it again and reports why it cannot
                continue
            kop = pickle.dumps((sector, sleutel), pickle.HIGHEST_PROTOCOL)
            inhoud = pickle.dumps(kader, pickle.HIGHEST_PROTOCOL)
            if plek + _STUK.size + len(kop) + len(inhoud) > len(geheugen):
                return
            _STUK.pack_into(geheugen, plek, len(kop), len(inhoud))
            geheugen[plek + _STUK.size:plek + _STUK.size + len(kop)] = kop
            plek += _STUK.size + len(kop)
            geheugen[plek:plek + len(inhoud)] = inhoud
            plek += len(inhoud)
            aantal += 1
            _AANTAL.pack_into(geheugen, 0, aantal)  # after the pickle: a reader never sees half of one
