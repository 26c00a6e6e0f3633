"""The Parquet lake: coded documents as two flat tables, hive-partitioned by year and month.

Layout under a lake directory::

    events/year=2020/month=01/part-000003.parquet
    events/year=unknown/month=unknown/part-000003.parquet     (documents without a date)
    documents/year=2020/month=01/part-000003.parquet

Rows are partitioned by the *document's* date (the dateline), so a document and all its events
sit in the same partition; ``year`` and ``month`` live in the directory names only, as hive
readers (DuckDB ``read_parquet('events/**/*.parquet', hive_partitioning=true)``, pandas,
pyarrow, Spark) expect. Every file is written under a hidden temporary name (``.``-prefixed,
which those readers ignore) and renamed into place, so a reader or a killed writer never sees a
half-written file. Every file has the full schema below, so empty or all-null columns never
make two files disagree.
"""

from __future__ import annotations

import os
import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..model import CodedDocument

UNKNOWN = "unknown"

EVENT_SCHEMA = pa.schema(
    [
        ("doc_id", pa.string()),
        ("source_code", pa.string()),
        ("source_text", pa.string()),
        ("source_name", pa.string()),
        ("target_code", pa.string()),
        ("target_text", pa.string()),
        ("target_name", pa.string()),
        ("cameo", pa.string()),
        ("root", pa.string()),
        ("quad_class", pa.int8()),
        ("goldstein", pa.float64()),
        ("plover_type", pa.string()),
        ("plover_mode", pa.string()),
        ("date", pa.string()),
        ("location_text", pa.string()),
        ("location_name", pa.string()),
        ("location_country", pa.string()),
        ("sentence", pa.int32()),
        ("span_start", pa.int32()),
        ("span_end", pa.int32()),
        ("evidence", pa.string()),
        ("rule", pa.string()),
        ("confidence", pa.float64()),
        ("embedded", pa.bool_()),
        ("negated", pa.bool_()),
        ("modality", pa.string()),
    ]
)

DOCUMENT_SCHEMA = pa.schema(
    [
        ("doc_id", pa.string()),
        ("hash", pa.string()),
        ("date", pa.string()),
        ("agency", pa.string()),
        ("title", pa.string()),
        ("source", pa.string()),
        ("n_events", pa.int32()),
    ]
)


def partition_of(date: str | None) -> tuple[str, str]:
    """``("2020", "01")`` for ``2020-01-17``; ``("unknown", "unknown")`` without a date."""
    if not date:
        return UNKNOWN, UNKNOWN
    return date[:4], date[5:7]


def event_rows(coded: CodedDocument) -> Iterator[dict[str, Any]]:
    """One flat row per event (flagged ones included: ``negated``/``modality`` say which)."""
    doc = coded.document
    year, month = partition_of(doc.date)
    for e in coded.events:
        loc = e.location
        yield {
            "doc_id": doc.id,
            "source_code": e.source.code,
            "source_text": e.source.text,
            "source_name": e.source.name,
            "target_code": e.target.code,
            "target_text": e.target.text,
            "target_name": e.target.name,
            "cameo": e.cameo,
            "root": e.root,
            "quad_class": e.quad_class,
            "goldstein": e.goldstein,
            "plover_type": e.plover_type,
            "plover_mode": e.plover_mode,
            "date": e.date,
            "location_text": loc.text if loc else None,
            "location_name": loc.name if loc else None,
            "location_country": loc.country if loc else None,
            "sentence": e.sentence,
            "span_start": e.span[0],
            "span_end": e.span[1],
            "evidence": e.evidence,
            "rule": e.rule,
            "confidence": e.confidence,
            "embedded": e.embedded,
            "negated": e.negated,
            "modality": e.modality,
            "year": year,
            "month": month,
        }


def document_rows(coded: CodedDocument) -> Iterator[dict[str, Any]]:
    """The document's one row: id, content hash, metadata and how many events it gave."""
    doc = coded.document
    year, month = partition_of(doc.date)
    yield {
        "doc_id": doc.id,
        "hash": doc.content_hash,
        "date": doc.date,
        "agency": doc.agency,
        "title": doc.title,
        "source": doc.source,
        "n_events": len(coded.events),
        "year": year,
        "month": month,
    }


def _atomic_write(table: pa.Table, path: Path) -> None:
    """Write beside ``path`` under a hidden name, then rename: readers never see a partial file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(table, tmp, compression="zstd")
    os.replace(tmp, path)


def write_partitioned(rows: Iterable[dict[str, Any]], schema: pa.Schema, table_dir: str | Path, part: str) -> list[Path]:
    """Write ``rows`` as ``table_dir/year=Y/month=M/<part>.parquet``, one file per partition touched.

    Writing the same rows with the same ``part`` again replaces the same files (idempotent).
    """
    groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        groups[(r["year"], r["month"])].append(r)
    written = []
    for (year, month), group in sorted(groups.items()):
        path = Path(table_dir) / f"year={year}" / f"month={month}" / f"{part}.parquet"
        _atomic_write(pa.Table.from_pylist(group, schema=schema), path)
        written.append(path)
    return written


@dataclass
class LakeCounts:
    documents: int = 0
    events: int = 0


def write_chunk(coded: Iterable[CodedDocument], out_dir: str | Path, part: str) -> LakeCounts:
    """Events and documents of ``coded`` under ``out_dir/events`` and ``out_dir/documents``."""
    docs = list(coded)
    out = Path(out_dir)
    ev = [r for c in docs for r in event_rows(c)]
    write_partitioned(ev, EVENT_SCHEMA, out / "events", part)
    write_partitioned((r for c in docs for r in document_rows(c)), DOCUMENT_SCHEMA, out / "documents", part)
    return LakeCounts(len(docs), len(ev))


def write_lake(coded_iter: Iterable[CodedDocument], out_dir: str | Path, batch_size: int = 5000) -> LakeCounts:
    """Write coded documents to a lake, ``batch_size`` documents per file and partition.

    Files are named ``part-<run>-<n>.parquet`` with a fresh ``<run>`` per call, so writing into a
    lake that already has files adds to it; export into an empty directory for a clean copy.

    >>> from rooydad import Document, code_document
    >>> import tempfile
    >>> d = tempfile.mkdtemp()
    >>> write_lake([code_document(Document(id="x", date="2025-12-17", text="عراقچی با لاوروف دیدار کرد."))], d)
    LakeCounts(documents=1, events=1)
    """
    run = uuid.uuid4().hex[:8]
    total = LakeCounts()
    batch: list[CodedDocument] = []
    n = 0

    def flush() -> None:
        nonlocal n
        c = write_chunk(batch, out_dir, f"part-{run}-{n:06d}")
        total.documents += c.documents
        total.events += c.events
        batch.clear()
        n += 1

    for coded in coded_iter:
        batch.append(coded)
        if len(batch) >= batch_size:
            flush()
    if batch:
        flush()
    return total


def read_events(lake_dir: str | Path) -> pa.Table:
    """All event rows of a lake, with ``year`` and ``month`` from the directory names."""
    return pq.read_table(Path(lake_dir) / "events", partitioning="hive")


def read_documents(lake_dir: str | Path) -> pa.Table:
    """All document rows of a lake, with ``year`` and ``month`` from the directory names."""
    return pq.read_table(Path(lake_dir) / "documents", partitioning="hive")
