"""Running the pure pipeline over many documents: every core by default, Dask for a cluster.

``run(docs)`` codes an iterable of Documents and yields CodedDocuments in input order;
``run_lake(paths, out)`` codes whole inputs into a resumable Parquet lake. Engines hold no
pipeline logic: they ship batches to workers that call ``code_document``.

>>> from rooydad import Document
>>> [c.events[0].cameo for c in run([Document(id="a", text="عراقچی با لاوروف دیدار کرد.")], workers=1)]
['040']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from ..errors import EngineError
from ..model import CodedDocument, Document
from .base import Engine, Failure, OnError, code_batch, default_workers
from .dask_engine import DaskEngine
from .local import LocalEngine

ENGINES = ("local", "dask")


def make_engine(engine: str = "local", workers: int | None = None, scheduler: str | None = None, **kw) -> Engine:
    """A :class:`LocalEngine` or :class:`DaskEngine` (close it, or use it as a context manager)."""
    if engine == "local":
        if scheduler:
            raise EngineError("--scheduler needs --engine dask")
        return LocalEngine(workers, **kw)
    if engine == "dask":
        return DaskEngine(workers, scheduler, **kw)
    raise EngineError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")


def batched(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def handle_failure(f: Failure, on_error: OnError, on_failure: Callable[[Failure], None] | None) -> None:
    """``stop`` raises; ``skip`` reports to ``on_failure`` and goes on."""
    if on_error == "stop":
        raise EngineError(f"coding failed: {f}")
    if on_failure is not None:
        on_failure(f)


def run(
    docs: Iterable[Document],
    engine: str | Engine = "local",
    workers: int | None = None,
    on_error: OnError = "skip",
    on_failure: Callable[[Failure], None] | None = None,
    batch_size: int = 32,
    scheduler: str | None = None,
) -> Iterator[CodedDocument]:
    """Code ``docs`` on an engine; CodedDocuments come back in input order.

    A document the pipeline fails on is a :class:`Failure`: with ``on_error="skip"`` it is given
    to ``on_failure`` and the run goes on, with ``"stop"`` an :class:`EngineError` is raised.
    ``engine`` is a name (``local``, ``dask``) or an engine you opened (left open).
    """
    own = isinstance(engine, str)
    eng = make_engine(engine, workers, scheduler) if own else engine
    try:
        for outcomes in eng.imap(code_batch, batched(docs, batch_size)):
            for o in outcomes:
                if isinstance(o, Failure):
                    handle_failure(o, on_error, on_failure)
                else:
                    yield o
    finally:
        if own:
            eng.close()


def __getattr__(name: str):  # the lake runner imports pyarrow: load it only when asked for
    if name in ("run_lake", "RunSummary"):
        from . import lake

        return getattr(lake, name)
    raise AttributeError(name)


__all__ = ["run", "run_lake", "RunSummary", "make_engine", "LocalEngine", "DaskEngine", "Failure", "Engine", "default_workers", "ENGINES"]
