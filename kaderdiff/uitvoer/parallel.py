"""Work spread over forked worker processes: the pack and the site build their sectors this way (results in
the order given, so their output is byte-identical whatever the number of processes), and the merge driver
its kaders (results are files). The process pool is imported only when it is used."""

from __future__ import annotations

import gc
import os
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

#: The cyclic collector's thresholds in a worker (Python's default: 700, 10, 10).
DREMPELS = (10_000, 10, 10)
Opdracht = TypeVar("Opdracht")
Uitkomst = TypeVar("Uitkomst")


def bruikbare_processors() -> int:
    """CPUs this process may run on (a container or taskset can allow fewer than the machine has)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def mag_forken() -> bool:
    """Fork is quick and, unlike spawn, needs no `if __name__ == "__main__"` guard in a caller's
    script; but it is only safe while this process has one thread (a lock held by another
    thread would be copied locked). Otherwise the work is done here, one after another."""
    return sys.platform == "linux" and threading.active_count() == 1


def voer_uit(functie: Callable[[Opdracht], Uitkomst], opdrachten: list[Opdracht],
             processen: int) -> Iterator[Uitkomst]:
    """The results in the given order: here, or spread over forked worker processes."""
    aantal = min(processen, len(opdrachten))
    if aantal <= 1 or not mag_forken():
        with met_opruimer():
            yield from map(functie, opdrachten)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=aantal, mp_context=multiprocessing.get_context("fork"),
                             initializer=_werker) as pool:
        try:
            yield from pool.map(functie, opdrachten)
        except BaseException:
            pool.shutdown(cancel_futures=True)  # an error in one part: do not build the others first
            raise


def _werker() -> None:
    """A forked worker lives for one command and makes little cyclic garbage (lxml and python-docx proxies),
    but allocates a lot: the cyclic collector, run every few hundred allocations over the whole inherited heap,
    took about a tenth of a sector's time. The inherited objects are left out of it and it runs rarely (it is on:
    the command's own process starts without it, see `kaderdiff.cli.app.start`)."""
    gc.freeze()
    gc.set_threshold(*DREMPELS)
    gc.enable()


@contextmanager
def met_opruimer() -> Iterator[None]:
    """The cyclic collector on while work over many documents runs in this process (python-docx's parts refer to
    each other: each document's tree would otherwise stay until the command ends), as it was afterwards."""
    was_aan = gc.isenabled()
    gc.enable()
    try:
        yield
    finally:
        if not was_aan:
            gc.disable()


def verdeel(functie: Callable[[Opdracht], object], opdrachten: list[Opdracht], processen: int) -> bool:
    """Run `functie` on every task, spread in turn over this process and forked ones, for work whose results
    are files: nothing comes back but whether every task ran without an error. No pool: a fork per process
    and a wait, so that short work (the merge driver) does not pay for starting one."""
    aantal = min(processen, len(opdrachten))
    if aantal <= 1 or not mag_forken():
        return _alle(functie, opdrachten)
    kinderen = []
    for groep in range(1, aantal):
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - runs in the child, which never returns
            os._exit(0 if _alle(functie, opdrachten[groep::aantal]) else 1)
        kinderen.append(pid)
    goed = False
    try:
        goed = _alle(functie, opdrachten[0::aantal])
    finally:
        for pid in kinderen:
            _, status = os.waitpid(pid, 0)
            goed = goed and os.waitstatus_to_exitcode(status) == 0
    return goed


def _alle(functie: Callable[[Opdracht], object], opdrachten: list[Opdracht]) -> bool:
    try:
        for opdracht in opdrachten:
            functie(opdracht)
    except Exception:  # the caller only learns that not every task succeeded: the results are its files
        return False
    return True
