"""Exports from a store: a GDELT-2.0-like CSV, PLOVER JSON lines, and a Parquet lake.

The GDELT-like columns are listed in ``GDELT_COLUMNS`` and described in the README ("Store and
queries"). PLOVER records use the field names of the PLOVER manual's chapter 6 (``id``,
``date``, ``actor``, ``recipient``, ``event``, ``mode``, ``quad_code``, ``event_scale``,
``event_text``, ``event_loc``, ``text_info``, ``cite_info``, ``coder``); the manual's tables print
multi-word names with spaces, which we write with underscores. The Parquet lake is written by
:mod:`rooydad.store.parquet` (hive ``year=/month=`` partitions, ``year=unknown`` when undated).
Files are written under a temporary name and renamed, so a failed export leaves nothing half-done.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select

from ..errors import QueryError, StoreError
from . import schema as S
from .queries import EventFilter, where

FORMATS = ("gdelt-csv", "plover-json", "parquet")

GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles",
    "ActionGeo_FullName", "ActionGeo_CountryCode", "DATEADDED", "SOURCEURL",
    "DocID", "Sentence", "Evidence", "Rule", "Confidence", "PloverType", "PloverMode", "Negated", "Modality",
]


def _version() -> str:
    try:
        return version("rooydad")
    except PackageNotFoundError:
        return "dev"


@dataclass
class ExportCounts:
    events: int = 0
    documents: int = 0


def _rows(store, f: EventFilter) -> Iterator[Any]:
    """Events joined to their documents, streamed in (document, sequence) order."""
    d = S.documents.c
    q = (
        select(S.events, d.agency, d.title, d.source.label("doc_source"), d.ingested_at)
        .join(S.documents, S.documents.c.id == S.events.c.doc_id)
        .where(*where(store, f))
        .order_by(S.events.c.doc_id, S.events.c.seq)
    )
    with store.read() as conn:
        yield from conn.execution_options(stream_results=True, yield_per=2000).execute(q)


def _split(code: str) -> tuple[str, str]:
    return code[:3], code[3:6]


def gdelt_row(r) -> list[Any]:
    date = r.date or ""
    ymd = date.replace("-", "")
    frac = ""
    if date:
        import datetime as dt

        day = dt.date.fromisoformat(date)
        frac = f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}"
    c1, t1 = _split(r.source)
    c2, t2 = _split(r.target)
    added = (r.ingested_at or "")[:19].replace("-", "").replace(":", "").replace("T", "")
    spans = len(json.loads(r.json).get("spans") or [1])
    return [
        r.id, ymd, ymd[:6], ymd[:4], frac,
        r.source, r.source_name or r.source_text or "", c1, t1,
        r.target, r.target_name or r.target_text or "", c2, t2,
        int(r.sentence == 0), r.cameo, r.cameo[:3], r.root, r.quad_class, r.goldstein,
        spans, 1, 1,
        r.location_name or r.location_text or "", r.location_country or "", added, r.doc_source or "",
        r.doc_id, r.sentence, r.evidence, r.rule, r.confidence, r.plover_type or "", r.plover_mode or "",
        int(bool(r.negated)), r.modality or "",
    ]


def _entity(code: str, text: str | None, name: str | None) -> dict[str, Any]:
    country, sector = _split(code)
    out: dict[str, Any] = {"code": country, "entity_text": text}
    if sector:
        out["sector"] = sector
    if name:
        out["identifier_text"] = name
    return out


def plover_record(r, coder: str) -> dict[str, Any]:
    rec: dict[str, Any] = {
        "id": f"rooydad-{r.doc_id}-{r.seq}",
        "has_event": True,
        "date": r.date,
        "actor": [_entity(r.source, r.source_text, r.source_name)],
        "recipient": [_entity(r.target, r.target_text, r.target_name)],
        "event": [r.plover_type] if r.plover_type else [],
        "mode": [r.plover_mode] if r.plover_mode else [],
        "context": [],
        "quad_code": r.quad_class,
        "event_scale": r.goldstein,
        "event_text": [r.evidence],
        "text_info": {"sequence": r.sentence, "start": r.span_start, "end": r.span_end},
        "cite_info": {"citation": r.doc_id, "publication": r.agency, "title": r.title, "language": "fa",
                      "codebook": "CAMEO via CAMEO2PLOVER-2021", "coder": coder},
        "coder": coder,
        "coded_date": (r.ingested_at or "")[:10] or None,
        "cameo": r.cameo,
        "rule": r.rule,
        "confidence": r.confidence,
    }
    if r.location_text or r.location_name:
        rec["event_loc"] = {"extracted_place": r.location_text, "resolved_place": r.location_name,
                            "country_code": r.location_country}
    if r.negated or r.modality:
        rec["negated"], rec["modality"] = bool(r.negated), r.modality
    return rec


@contextmanager
def _atomic(out: str) -> Iterator[IO[str]]:
    """A text file written under a temporary name and renamed when complete; ``-`` is stdout."""
    if out == "-":
        yield sys.stdout
        return
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as fh:
            yield fh
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def export(store, fmt: str, out: str, f: EventFilter = EventFilter()) -> ExportCounts:
    """Write the events matching ``f`` as ``fmt`` to ``out`` (a file; a directory for parquet)."""
    if fmt not in FORMATS:
        raise QueryError(f"--format {fmt!r}: one of {', '.join(FORMATS)}")
    counts = ExportCounts()
    try:
        if fmt == "parquet":
            return _parquet(store, out, f)
        with _atomic(out) as fh:
            if fmt == "gdelt-csv":
                w = csv.writer(fh)
                w.writerow(GDELT_COLUMNS)
                for r in _rows(store, f):
                    w.writerow(gdelt_row(r))
                    counts.events += 1
            else:
                coder = f"rooydad {_version()}"
                for r in _rows(store, f):
                    fh.write(json.dumps(plover_record(r, coder), ensure_ascii=False) + "\n")
                    counts.events += 1
    except OSError as e:
        raise StoreError(f"{out}: cannot write export ({e.strerror or e})") from None
    return counts


def _parquet(store, out: str, f: EventFilter) -> ExportCounts:
    from .parquet import write_lake
    from .rows import coded_documents

    if f != EventFilter(include_flagged=f.include_flagged):
        raise QueryError("--format parquet exports the whole store (filters other than --include-flagged are not supported)")
    c = write_lake(coded_documents(store, include_flagged=f.include_flagged), out)
    return ExportCounts(events=c.events, documents=c.documents)
