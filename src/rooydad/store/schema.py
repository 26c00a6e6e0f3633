"""The tables, as SQLAlchemy Core metadata: one definition for SQLite and PostgreSQL.

Dates are ISO ``YYYY-MM-DD`` text on both backends, so a prefix is a month or a year and the
same SQL groups them everywhere. ``documents.num`` is a stable integer key for the full-text
index (SQLite FTS5 needs an integer rowid); ``documents.id`` is the input's own id.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text

SCHEMA_VERSION = 3

metadata = MetaData()

schema_migrations = Table(
    "schema_migrations",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("name", String(100), nullable=False),
    Column("applied_at", String(40), nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("num", Integer, primary_key=True, autoincrement=True),
    Column("id", Text, nullable=False, unique=True),
    Column("hash", String(64), nullable=False),
    Column("date", String(10)),
    Column("agency", Text),
    Column("title", Text),
    Column("source", Text),
    Column("text", Text, nullable=False),
    Column("text_key", Text, nullable=False),  # the matching form the full-text index reads
    Column("ingested_at", String(40)),
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", Text, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("seq", Integer, nullable=False),  # order of the event inside its document
    Column("source", String(32), nullable=False),
    Column("source_country", String(3), nullable=False),  # first three letters: IRN of IRNGOV
    Column("source_text", Text),
    Column("source_name", Text),
    Column("target", String(32), nullable=False),
    Column("target_country", String(3), nullable=False),
    Column("target_text", Text),
    Column("target_name", Text),
    Column("cameo", String(4), nullable=False),
    Column("root", String(2), nullable=False),
    Column("quad_class", Integer, nullable=False),
    Column("goldstein", Float, nullable=False),
    Column("plover_type", String(40)),
    Column("plover_mode", String(60)),
    Column("date", String(10)),
    Column("location_text", Text),
    Column("location_name", Text),
    Column("location_country", String(8)),
    Column("sentence", Integer, nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("evidence", Text, nullable=False),
    Column("rule", String(100), nullable=False),
    Column("confidence", Float, nullable=False),
    Column("embedded", Boolean, nullable=False),
    Column("negated", Boolean, nullable=False),
    Column("modality", String(20)),
    Column("flagged", Boolean, nullable=False),  # negated or modal: kept, never counted
    Column("json", Text, nullable=False),  # Event.to_dict(), the output contract
    Index("events_doc", "doc_id"),
    # dyad queries: equality on both countries, then date; series read only this index
    Index("events_country_dyad", "source_country", "target_country", "date", "quad_class", "goldstein", "flagged"),
    # exact actor codes; flagged included so counts per actor read the index only
    Index("events_source_cover", "source", "target", "date", "flagged"),
    Index("events_target_cover", "target", "date", "flagged"),
    Index("events_root", "root", "date"),
    Index("events_date", "date"),
)

actors = Table(
    "actors",
    metadata,
    Column("code", String(32), primary_key=True),
    Column("name", Text),
)

TABLES = ("documents", "events", "actors", "schema_migrations")
