"""Work spread over forked worker processes: the pack and the site build their sectors this way (results in
the order given, so their output is byte-identical whatever the number of processes), and the merge driver
its kaders (results are files). The process pool is imported only when it is used."""

from __future__ import annotations

import gc
import os
import sys
import threading
from collections.abc import Callable, Iterator
from functools import partial
from typing import TypeVar

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
        was_aan = gc.isenabled()
        gc.disable()
        try:
            for opdracht in opdrachten:
                yield opgeruimd(functie, opdracht)
        finally:
            if was_aan:
                gc.enable()
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=aantal, mp_context=multiprocessing.get_context("fork"),
                             initializer=_werker) as pool:
        try:
            yield from pool.map(partial(opgeruimd, functie), opdrachten)
        except BaseException:
            pool.shutdown(cancel_futures=True)  # an error in one part: do not build the others first
            raise


def _werker() -> None:
    """A forked worker leaves the heap it inherits out of the cyclic collector (`gc.freeze`) and runs without
    it: see `opgeruimd`."""
    gc.freeze()
    gc.disable()


def opgeruimd(functie: Callable[[Opdracht], Uitkomst], opdracht: Opdracht) -> Uitkomst:
    """One task with the cyclic collector off, then one collection of what it left in cycles (python-docx's
    parts refer to each other). With the collector off nothing is moved to an older generation, so all the task
    made is in the youngest one, and collecting that one is enough (and does not walk the rest of the heap).

    The collector running by itself while a sector is built (every few hundred allocations, over everything the
    sector holds) cost 5 % more time and more memory than one collection per task: 87 MB against 60 MB for
    sixteen sectors in one process (without any collection: 218 MB)."""
    uitkomst = functie(opdracht)
    gc.collect(0)
    return uitkomst


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
