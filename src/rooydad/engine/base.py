"""What every engine shares: the work a worker does, failures as data, how many workers.

A worker runs the pure ``code_document`` over a batch; an exception on one document does not
kill the batch or the worker: it comes back as a :class:`Failure` (document id, where it was
read, the error and its traceback), and the caller's ``on_error`` choice decides.
"""

from __future__ import annotations

import os
import threading
import time
import traceback
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Callable, Literal, Protocol, TypeVar

from ..model import CodedDocument, Document
from ..pipeline import code_document, load_dictionaries

OnError = Literal["skip", "stop"]
T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class Failure:
    """A document the pipeline failed on, carried back from the worker as data."""

    doc_id: str
    origin: str | None  # file:line it was read from
    error: str  # one line: exception type and message
    traceback: str = ""

    def to_dict(self) -> dict:
        return {"stage": "code", "doc_id": self.doc_id, "origin": self.origin, "reason": self.error}

    def __str__(self) -> str:
        return f"{self.origin or self.doc_id}: {self.doc_id}: {self.error}"


Outcome = CodedDocument | Failure


class Engine(Protocol):
    """Runs a picklable function over items on workers; results in input order, bounded in flight."""

    workers: int

    def imap(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]: ...

    def close(self) -> None: ...


def default_workers() -> int:
    """Every core this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def warm_up(driver_pid: int | None = None) -> None:
    """Worker initializer: load the dictionaries once per process, before the first batch.

    With ``driver_pid``, the worker also exits when that process is gone (killed with SIGKILL,
    say), rather than living on as an orphan waiting for work that will never come.
    """
    load_dictionaries()
    if driver_pid is not None:
        threading.Thread(target=_exit_with, args=(driver_pid,), daemon=True, name="rooydad-watch-driver").start()


def _exit_with(pid: int, every: float = 1.0) -> None:
    while True:
        time.sleep(every)
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            os._exit(1)
        except PermissionError:  # alive, another user's (pid reused): keep going
            pass


def code_one(doc: Document) -> Outcome:
    """``code_document`` with any exception turned into a :class:`Failure`."""
    try:
        return code_document(doc, load_dictionaries())
    except Exception as exc:  # noqa: BLE001 - a worker reports, it does not die
        return Failure(doc.id, doc.origin, f"{type(exc).__name__}: {exc}", traceback.format_exc())


def code_batch(docs: Sequence[Document]) -> list[Outcome]:
    """The unit of work sent to a worker: a batch of documents, coded in order."""
    return [code_one(d) for d in docs]
