"""The default engine: worker processes on this machine, one per core.

Batches go to a process pool whose workers load the dictionaries once (initializer); at most
``2 × workers`` batches are in flight, so memory stays flat whatever the input size, and results
come back in input order. One worker, or input that fits in one batch, runs in this process
(no pool to start).
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice

from ..errors import EngineError
from .base import default_workers, warm_up


def _context():
    """``forkserver`` where there is one: forking a process that runs threads (a progress bar,
    a Dask client) can deadlock a child; spawn-like starts cannot."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


class LocalEngine:
    """Worker processes over batches, order-preserving, bounded in flight.

    >>> from rooydad.engine.base import code_batch
    >>> from rooydad import Document
    >>> with LocalEngine(workers=1) as eng:
    ...     [len(out) for out in eng.imap(code_batch, [[Document(id="a", text="عراقچی با لاوروف دیدار کرد.")]])]
    [1]
    """

    def __init__(self, workers: int | None = None, max_inflight: int | None = None):
        self.workers = max(1, workers or default_workers())
        self.max_inflight = max_inflight or 2 * self.workers
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> "LocalEngine":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def describe(self) -> str:
        return f"local engine, {self.workers} worker process{'es' if self.workers > 1 else ''}"

    def imap(self, fn: Callable, items: Iterable) -> Iterator:
        it = iter(items)
        head = list(islice(it, 2))
        if self.workers == 1 or len(head) < 2:
            warm_up()
            yield from map(fn, chain(head, it))
            return
        if self._pool is None:
            self._pool = ProcessPoolExecutor(self.workers, mp_context=_context(), initializer=warm_up, initargs=(os.getpid(),))
        window: deque[Future] = deque()
        try:
            for item in chain(head, it):
                window.append(self._pool.submit(fn, item))
                if len(window) >= self.max_inflight:
                    yield window.popleft().result()
            while window:
                yield window.popleft().result()
        except BrokenProcessPool as e:
            raise EngineError(f"a worker process died ({e}); rerun with --workers 1 to see the error") from None
        finally:
            for f in window:
                f.cancel()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
