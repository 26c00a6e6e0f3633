"""Named schema migrations, recorded in ``schema_migrations``: an old store is upgraded in place.

Version 1 is the walking skeleton's SQLite schema (a ``meta`` table holding
``schema_version = 1``, events without names, PLOVER, location or confidence columns). Version 2
added the full schema and the full-text index; version 3 the indexed actor-country columns
(:mod:`rooydad.store.schema` is always the latest). A fresh store is created at the latest
version; a store newer than this code, or a database that is not a rooydad store, is refused.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import inspect, select, text
from sqlalchemy.engine import Connection

from ..errors import StoreError
from . import schema as S
from . import textindex


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[Connection, str], None]  # (connection, dialect)


def _fulltext(conn: Connection, dialect: str) -> None:
    for ddl in textindex.SQLITE_DDL if dialect == "sqlite" else textindex.PG_DDL:
        conn.execute(text(ddl))


def _create_latest(conn: Connection, dialect: str) -> None:
    S.metadata.create_all(conn)
    _fulltext(conn, dialect)


def _from_skeleton(conn: Connection, dialect: str) -> None:
    """v1 -> v2: rebuild documents and events from the skeleton tables, keeping every row."""
    conn.execute(text("ALTER TABLE documents RENAME TO documents_v1"))
    conn.execute(text("ALTER TABLE events RENAME TO events_v1"))
    for ix in ("events_doc", "events_dyad", "events_root"):
        conn.execute(text(f"DROP INDEX IF EXISTS {ix}"))  # the names are reused by the new tables
    S.metadata.create_all(conn)
    _fulltext(conn, dialect)
    from .base import event_row  # the row layout lives with the writer
    from .rows import event_from_dict

    docs = conn.execute(text("SELECT id, hash, date, agency, title, source, text FROM documents_v1")).mappings().all()
    if docs:
        conn.execute(S.documents.insert(), [dict(d, text_key=textindex.index_form(d["text"]), ingested_at=None) for d in docs])
    names: dict[str, str | None] = {}
    rows = []
    seq: dict[str, int] = {}
    for r in conn.execute(text("SELECT doc_id, json FROM events_v1 ORDER BY id")).mappings():
        e = event_from_dict(json.loads(r["json"]))
        n = seq.get(r["doc_id"], 0)
        seq[r["doc_id"]] = n + 1
        rows.append(event_row(r["doc_id"], n, e))
        for a in (e.source, e.target):
            names[a.code] = names.get(a.code) or (a.name if len(a.code) == 3 else None)
    if rows:
        conn.execute(S.events.insert(), rows)
    if names:
        conn.execute(S.actors.insert(), [{"code": c, "name": n} for c, n in sorted(names.items())])
    conn.execute(text("DROP TABLE events_v1"))
    conn.execute(text("DROP TABLE documents_v1"))
    conn.execute(text("DROP TABLE meta"))


def _actor_countries(conn: Connection, dialect: str) -> None:
    """v2 -> v3: the source's and target's country (first three letters) as indexed columns, covering indexes."""
    have = {c["name"] for c in inspect(conn).get_columns("events")}
    for col in ("source_country", "target_country"):
        if col not in have:
            conn.execute(text(f"ALTER TABLE events ADD COLUMN {col} VARCHAR(3) NOT NULL DEFAULT ''"))
    conn.execute(text("UPDATE events SET source_country = substr(source, 1, 3), target_country = substr(target, 1, 3) "
                      "WHERE source_country = '' OR target_country = ''"))
    for old in ("events_dyad", "events_target"):  # replaced by covering indexes
        conn.execute(text(f"DROP INDEX IF EXISTS {old}"))
    for ix in S.events.indexes:
        ix.create(conn, checkfirst=True)


MIGRATIONS = [
    Migration(2, "0002_full_schema_and_fulltext", _from_skeleton),
    Migration(3, "0003_actor_country_columns", _actor_countries),
]


def _record(conn: Connection, version: int, name: str) -> None:
    now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    conn.execute(S.schema_migrations.insert(), {"version": version, "name": name, "applied_at": now})


def current_version(conn: Connection) -> int | None:
    """The store's schema version; 0 for an empty database; None for a foreign one."""
    tables = set(inspect(conn).get_table_names())
    if "schema_migrations" in tables:
        return conn.execute(text("SELECT max(version) FROM schema_migrations")).scalar() or 0
    if "meta" in tables and {"documents", "events"} <= tables:
        v = conn.execute(text("SELECT value FROM meta WHERE key = 'schema_version'")).scalar()
        return int(v) if v is not None else None
    if not tables or tables <= {"documents_fts"}:
        return 0
    return None


def upgrade(store) -> int:
    """Bring the store to the latest schema version; returns the version it was at."""
    with store.engine.begin() as conn:
        if store.dialect == "postgresql":  # one migrator at a time
            conn.execute(text("SELECT pg_advisory_xact_lock(727077)"))
        v = current_version(conn)
        if v is None:
            names = ", ".join(sorted(inspect(conn).get_table_names())[:6])
            raise StoreError(f"{store.display}: not a rooydad store (it holds other tables: {names})")
        if v > S.SCHEMA_VERSION:
            raise StoreError(f"{store.display}: store schema version {v} is newer than this rooydad's ({S.SCHEMA_VERSION}); upgrade rooydad")
        if v == 0:
            _create_latest(conn, store.dialect)
            _record(conn, 1, "0001_skeleton")
            for m in MIGRATIONS:
                _record(conn, m.version, m.name)
            return 0
        if v == 1 and "schema_migrations" not in inspect(conn).get_table_names():
            S.schema_migrations.create(conn)
            _record(conn, 1, "0001_skeleton")
        for m in MIGRATIONS:
            if m.version > v:
                m.apply(conn, store.dialect)
                _record(conn, m.version, m.name)
        return v

