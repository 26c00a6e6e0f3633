"""Ingestion: documents stream in, those new or changed are coded, and written in batches.

Idempotent by content hash (same id and hash: skipped; same id, new hash: old events replaced)
and resumable: each batch is one transaction, so a killed run leaves whole batches only, and a
re-run skips what is stored and codes the rest. The coding is passed in as a function from a
stream of documents to a stream of coded documents (one process, or an engine's pool): the
store never codes anything itself.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ..model import CodedDocument, Document

CodeStream = Callable[[Iterable[Document]], Iterator[CodedDocument]]


@dataclass
class IngestSummary:
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    seconds: float = 0.0  # end to end
    store_seconds: float = 0.0  # reading hashes and writing batches

    @property
    def store_share(self) -> float:
        return self.store_seconds / self.seconds if self.seconds else 0.0


def ingest_documents(store, docs: Iterable[Document], code: CodeStream, batch_size: int = 200,
                     on_batch: Callable[[IngestSummary], None] | None = None) -> IngestSummary:
    """Code and store ``docs``; returns what was added, replaced and left unchanged.

    >>> from rooydad import Document, code_document
    >>> from rooydad.store import open_store
    >>> s = open_store(":memory:")
    >>> one = lambda docs: (code_document(d) for d in docs)
    >>> d = Document(id="x", date="2025-12-17", text="عراقچی با لاوروف دیدار کرد.")
    >>> ingest_documents(s, [d], one).added, ingest_documents(s, [d], one).unchanged
    (1, 1)
    """
    summary = IngestSummary()
    start = time.perf_counter()
    state: dict[str, bool] = {}  # id -> is new, for documents on their way through the coder

    def to_code() -> Iterator[Document]:
        window: list[Document] = []

        def sift() -> Iterator[Document]:
            t0 = time.perf_counter()
            stored = store.hashes([d.id for d in window])
            summary.store_seconds += time.perf_counter() - t0
            for d in window:
                h = stored.get(d.id)
                if h == d.content_hash:
                    summary.unchanged += 1
                else:
                    state[d.id] = h is None
                    yield d
            window.clear()

        for d in docs:
            window.append(d)
            if len(window) >= batch_size:
                yield from sift()
        if window:
            yield from sift()

    batch: dict[str, CodedDocument] = {}

    def flush() -> None:
        t0 = time.perf_counter()
        store.write_batch(batch.values())
        summary.store_seconds += time.perf_counter() - t0
        for i in batch:
            new = state.pop(i, True)
            summary.added += new
            summary.replaced += not new
        batch.clear()
        if on_batch:
            on_batch(summary)

    for coded in code(to_code()):
        batch[coded.document.id] = coded  # the same id twice in the input: the later record wins
        if len(batch) >= batch_size:
            flush()
    if batch:
        flush()
    summary.seconds = time.perf_counter() - start
    return summary
