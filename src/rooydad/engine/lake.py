"""A whole input coded into a Parquet lake, in numbered chunks, resumable after a kill.

The input is read in a fixed order and cut into chunks of ``chunk_size`` documents: chunk ``i``
is always the same documents. A worker codes a chunk, writes its files
(``events/…/part-<i>.parquet``, ``documents/…/part-<i>.parquet``, each renamed into place) and
then commits it by renaming a marker ``_chunks/<i>.json`` into place. A run started again on the
same ``--out`` skips committed chunks and redoes the others, whose files it overwrites under the
same names: nothing is lost and nothing is doubled, killed at any point. ``_run.json`` records
the inputs and chunk size, so a lake is never resumed with different ones.

Bad records never stop a run (with ``on_error="skip"``): read errors and coding failures are
counted, logged with file and line, and written to ``rejects.jsonl`` at the end.
"""

from __future__ import annotations

import gzip
import json
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from ..errors import EngineError, InputError
from ..ingest import SUFFIXES, read
from ..model import CodedDocument, Document
from ..store.parquet import write_chunk
from . import batched, make_engine
from .base import Failure, OnError, code_batch

RUN_FILE = "_run.json"
CHUNKS_DIR = "_chunks"
REJECTS = "rejects.jsonl"


@dataclass(frozen=True)
class Chunk:
    """Documents ``index × size`` to ``(index + 1) × size - 1`` of the input."""

    index: int
    docs: tuple[Document, ...]


@dataclass
class ChunkReport:
    index: int
    documents: int
    events: int
    rejects: list[dict] = field(default_factory=list)
    committed: bool = True


@dataclass
class RunSummary:
    """What a run did: coded now, skipped (done by an earlier run), rejected (read or coding)."""

    coded: int = 0
    skipped: int = 0
    rejected: int = 0
    events: int = 0  # events written by this run
    seconds: float = 0.0
    engine: str = ""

    def line(self) -> str:
        rate = f", {self.coded / self.seconds:,.0f} documents/s" if self.seconds and self.coded else ""
        return (
            f"{self.coded} coded ({self.events} events), {self.rejected} rejected, "
            f"{self.skipped} skipped (already done) in {self.seconds:.1f}s{rate}"
        )


def _write_json_atomic(path: Path, obj) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(obj, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)


def code_chunk(chunk: Chunk, out: str, commit_failures: bool = True) -> ChunkReport:
    """Worker side: code one chunk, write its lake files, commit its marker. Runs anywhere."""
    outcomes = code_batch(chunk.docs)
    coded = [o for o in outcomes if isinstance(o, CodedDocument)]
    rejects = [o.to_dict() for o in outcomes if isinstance(o, Failure)]
    if rejects and not commit_failures:
        return ChunkReport(chunk.index, 0, 0, rejects, committed=False)
    counts = write_chunk(coded, out, f"part-{chunk.index:06d}")
    marker = {
        "chunk": chunk.index,
        "documents": counts.documents,
        "events": counts.events,
        "first": chunk.docs[0].id,
        "last": chunk.docs[-1].id,
        "rejects": rejects,
    }
    _write_json_atomic(Path(out) / CHUNKS_DIR / f"{chunk.index:06d}.json", marker)
    return ChunkReport(chunk.index, counts.documents, counts.events, rejects)


def done_chunks(out: Path) -> dict[int, dict]:
    """Committed chunks of an earlier run: index → marker."""
    done = {}
    for p in sorted((out / CHUNKS_DIR).glob("[0-9]*.json")):
        m = json.loads(p.read_text(encoding="utf-8"))
        done[m["chunk"]] = m
    return done


def _check_run(out: Path, paths: Sequence[str], chunk_size: int) -> None:
    """Record what this lake is a run of; refuse to resume it with other inputs or chunk size."""
    want = {"inputs": [str(Path(p).resolve()) if p != "-" else p for p in paths], "chunk_size": chunk_size}
    f = out / RUN_FILE
    if f.exists():
        have = json.loads(f.read_text(encoding="utf-8"))
        if have != want:
            raise EngineError(f"{out} holds a run of other inputs or chunk size ({have}); use another --out")
        return
    (out / CHUNKS_DIR).mkdir(parents=True, exist_ok=True)
    _write_json_atomic(f, want)


def count_records(paths: Iterable[str]) -> int | None:
    """Records in the input, for an ETA: non-blank JSONL lines, one per text or HTML file.

    None (no ETA) for standard input and for formats whose records cannot be counted cheaply.
    """
    n = 0
    for p in paths:
        if p == "-":
            return None
        path = Path(p)
        files = sorted(c for c in path.rglob("*") if c.is_file() and c.name.lower().endswith(SUFFIXES)) if path.is_dir() else [path]
        for f in files:
            name = f.name.lower()
            if name.endswith((".txt", ".html", ".htm")):
                n += 1
                continue
            if not name.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".json.gz")):
                return None
            try:
                with (gzip.open(f, "rb") if name.endswith(".gz") else f.open("rb")) as fh:
                    n += sum(1 for line in fh if line.strip())
            except (OSError, EOFError):
                pass
    return n


def _read_reject(err: InputError) -> dict:
    return {"stage": "read", "doc_id": None, "origin": f"{err.source}:{err.line}" if err.line else err.source, "reason": err.reason}


def run_lake(
    paths: Sequence[str],
    out: str | Path,
    engine: str = "local",
    workers: int | None = None,
    scheduler: str | None = None,
    chunk_size: int = 500,
    on_error: OnError = "skip",
    log: Callable[[str], None] = lambda s: None,
    progress: Callable[[int], None] = lambda n: None,
    on_engine: Callable[[object], None] = lambda e: None,
) -> RunSummary:
    """Code ``paths`` into the lake at ``out`` (``events/``, ``documents/``, ``rejects.jsonl``).

    ``log`` gets one line per reject, ``progress`` the number of documents each finished chunk
    (coded or skipped) held, ``on_engine`` the engine once it is up (to print its dashboard).
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    _check_run(out, paths, chunk_size)
    done = done_chunks(out)
    summary = RunSummary()
    read_rejects: list[dict] = []

    def on_read_error(err: InputError) -> None:
        if on_error == "stop":
            raise err
        read_rejects.append(_read_reject(err))
        log(f"rejected {err}")

    def chunks() -> Iterator[Chunk]:
        for i, batch in enumerate(batched(read(paths, on_read_error), chunk_size)):
            if i in done:
                summary.skipped += len(batch)
                progress(len(batch))
                continue
            yield Chunk(i, tuple(batch))

    t0 = time.perf_counter()
    work = partial(code_chunk, out=str(out), commit_failures=on_error == "skip")
    with make_engine(engine, workers, scheduler) as eng:
        summary.engine = eng.describe()
        on_engine(eng)
        for rep in eng.imap(work, chunks()):
            if not rep.committed:
                raise EngineError(f"coding failed: {rep.rejects[0]['origin']}: {rep.rejects[0]['doc_id']}: {rep.rejects[0]['reason']}")
            summary.coded += rep.documents
            summary.events += rep.events
            for r in rep.rejects:
                log(f"rejected {r['origin']}: {r['doc_id']}: {r['reason']}")
            progress(rep.documents + len(rep.rejects))
    summary.seconds = time.perf_counter() - t0
    rejects = read_rejects + [r for _, m in sorted(done_chunks(out).items()) for r in m["rejects"]]
    summary.rejected = len(rejects)
    tmp = out / f".{REJECTS}.tmp"
    with tmp.open("w", encoding="utf-8") as fh:
        for r in rejects:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    os.replace(tmp, out / REJECTS)
    return summary
