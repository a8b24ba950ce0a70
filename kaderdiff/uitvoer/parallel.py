"""Work spread over forked worker processes, results in the order given: the pack and the site build their
sectors this way, so their output is byte-identical whatever the number of processes."""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
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
        yield from map(functie, opdrachten)
        return
    with ProcessPoolExecutor(max_workers=aantal, mp_context=multiprocessing.get_context("fork")) as pool:
        try:
            yield from pool.map(functie, opdrachten)
        except BaseException:
            pool.shutdown(cancel_futures=True)  # an error in one part: do not build the others first
            raise
