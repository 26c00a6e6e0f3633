"""One ``Store`` over SQLite (a file, the default) or PostgreSQL, through SQLAlchemy Core.

The store keeps coded documents and answers queries; it never codes anything. Writes come in
batches (``write_batch``), each one transaction: an interrupted ingest loses at most the batch
in flight and a re-run, which skips documents already stored with the same hash, completes it.
Every database error is turned into one :class:`~rooydad.errors.StoreError` line.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, delete, event, func, select, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from ..errors import StoreError
from ..model import CodedDocument, Document, Event
from . import schema as S
from .textindex import index_form


def _sqlite_pragmas(busy_ms: int):
    def on_connect(dbapi_conn, _record) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")  # readers go on while a writer ingests
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={int(busy_ms)}")
        cur.close()

    return on_connect


def _url(url: str) -> str:
    """A SQLAlchemy URL from a file path, ``sqlite:///path`` or ``postgresql://...``."""
    if "://" not in url:
        if url != ":memory:":
            Path(url).expanduser().parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{url}"
    scheme = url.split("://", 1)[0]
    if scheme in ("postgres", "postgresql"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if scheme in ("sqlite", "postgresql+psycopg"):
        return url
    raise StoreError(f"{url}: unsupported store URL (use a file path, sqlite:///path or postgresql://...)")


def _reason(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    return " ".join(str(orig).split()).split(" [SQL:")[0][:300]


def event_row(doc_id: str, seq: int, e: Event) -> dict:
    """The ``events`` row of one coded event."""
    loc = e.location
    return {
        "doc_id": doc_id, "seq": seq,
        "source": e.source.code, "source_country": e.source.code[:3], "source_text": e.source.text, "source_name": e.source.name,
        "target": e.target.code, "target_country": e.target.code[:3], "target_text": e.target.text, "target_name": e.target.name,
        "cameo": e.cameo, "root": e.root, "quad_class": e.quad_class, "goldstein": e.goldstein,
        "plover_type": e.plover_type, "plover_mode": e.plover_mode, "date": e.date,
        "location_text": loc.text if loc else None, "location_name": loc.name if loc else None,
        "location_country": loc.country if loc else None,
        "sentence": e.sentence, "span_start": e.span[0], "span_end": e.span[1],
        "evidence": e.evidence, "rule": e.rule, "confidence": e.confidence,
        "embedded": e.embedded, "negated": e.negated, "modality": e.modality, "flagged": e.flagged,
        "json": json.dumps(e.to_dict(), ensure_ascii=False),
    }


class Store:
    """A rooydad store: ``open_store(url)`` makes one; use as a context manager or ``close()``.

    >>> from rooydad.store import open_store
    >>> with open_store(":memory:") as s:
    ...     s.counts()
    (0, 0)
    """

    def __init__(self, url: str, busy_timeout: float = 30.0):
        self.url = url
        try:
            sa_url = _url(url)
            kw = {}
            if sa_url.startswith("sqlite"):
                kw = {"connect_args": {"timeout": busy_timeout}}
                if sa_url in ("sqlite://", "sqlite:///:memory:"):
                    kw["poolclass"] = StaticPool
                    kw["connect_args"]["check_same_thread"] = False
            self.engine: Engine = create_engine(sa_url, **kw)
        except (ArgumentError, NoSuchModuleError, ValueError, OSError) as e:
            raise StoreError(f"{self.display}: cannot open store ({e})") from None
        self.dialect = self.engine.dialect.name
        if self.dialect == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas(busy_timeout * 1000))
        from .migrations import upgrade

        with self.guard("open"):
            upgrade(self)

    # -- plumbing -------------------------------------------------------------------------
    @property
    def display(self) -> str:
        if "://" not in self.url:
            return self.url
        try:
            return make_url(self.url).render_as_string(hide_password=True)
        except Exception:
            return self.url.split("@")[-1]

    @contextmanager
    def guard(self, action: str) -> Iterator[None]:
        """Database errors inside become one StoreError line naming the store and the action."""
        try:
            yield
        except StoreError:
            raise
        except SQLAlchemyError as e:
            raise StoreError(f"{self.display}: cannot {action} ({_reason(e)})") from None
        except OSError as e:
            raise StoreError(f"{self.display}: cannot {action} ({e})") from None

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.guard("read"), self.engine.connect() as conn:
            yield conn

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing --------------------------------------------------------------------------
    def hashes(self, ids: Sequence[str]) -> dict[str, str]:
        """Stored content hash per document id, for the ids that are stored."""
        out: dict[str, str] = {}
        with self.read() as conn:
            for i in range(0, len(ids), 500):
                chunk = list(ids[i : i + 500])
                q = select(S.documents.c.id, S.documents.c.hash).where(S.documents.c.id.in_(chunk))
                out.update({r.id: r.hash for r in conn.execute(q)})
        return out

    def status(self, doc: Document) -> str:
        """'new', 'same' (nothing to do) or 'changed' (old events to replace)."""
        h = self.hashes([doc.id]).get(doc.id)
        return "new" if h is None else "same" if h == doc.content_hash else "changed"

    def write_batch(self, batch: Iterable[CodedDocument]) -> None:
        """Store coded documents in one transaction, replacing any stored under the same ids."""
        batch = list(batch)
        if not batch:
            return
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        ids = [c.document.id for c in batch]
        docs, evs, names = [], [], {}
        for c in batch:
            d = c.document
            docs.append({"id": d.id, "hash": d.content_hash, "date": d.date, "agency": d.agency, "title": d.title,
                         "source": d.source, "text": d.text, "text_key": index_form(d.text), "ingested_at": now})
            for i, e in enumerate(c.events):
                evs.append(event_row(d.id, i, e))
                for a in (e.source, e.target):  # a country's name; IRNGOV is many people
                    if names.get(a.code) is None:
                        names[a.code] = a.name if len(a.code) == 3 else None
        with self.guard(f"write {len(batch)} document(s) starting at {ids[0]}"), self.engine.begin() as conn:
            for i in range(0, len(ids), 500):
                chunk = ids[i : i + 500]
                conn.execute(delete(S.events).where(S.events.c.doc_id.in_(chunk)))
                conn.execute(delete(S.documents).where(S.documents.c.id.in_(chunk)))
            conn.execute(S.documents.insert(), docs)
            if evs:
                conn.execute(S.events.insert(), evs)
            if names:
                self._upsert_actors(conn, names)

    def _upsert_actors(self, conn: Connection, names: dict[str, str | None]) -> None:
        if self.dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert
        rows = [{"code": c, "name": n} for c, n in sorted(names.items())]
        stmt = insert(S.actors)
        stmt = stmt.on_conflict_do_update(
            index_elements=["code"], set_={"name": func.coalesce(S.actors.c.name, stmt.excluded.name)}
        )
        conn.execute(stmt, rows)

    def write(self, coded: CodedDocument) -> None:
        """Store one coded document (its own transaction)."""
        self.write_batch([coded])

    # -- reading --------------------------------------------------------------------------
    def counts(self) -> tuple[int, int]:
        """(documents, events) stored."""
        with self.read() as conn:
            docs = conn.execute(select(func.count()).select_from(S.documents)).scalar_one()
            evs = conn.execute(select(func.count()).select_from(S.events)).scalar_one()
        return docs, evs

    def actor_codes(self) -> set[str]:
        with self.read() as conn:
            return {r[0] for r in conn.execute(select(S.actors.c.code))}

    def schema_version(self) -> int:
        with self.read() as conn:
            return conn.execute(select(func.max(S.schema_migrations.c.version))).scalar_one() or 0

    def execute_text(self, sql: str, **params):
        """Rows of a raw SQL statement with bound parameters (dialect-specific SQL only)."""
        with self.read() as conn:
            return conn.execute(text(sql), params).mappings().all()


def open_store(url: str, busy_timeout: float = 30.0) -> Store:
    """A store from a file path, ``sqlite:///path`` or ``postgresql://user@host/db``.

    ``busy_timeout``: seconds a SQLite writer waits for another writer before giving up.
    """
    return Store(url, busy_timeout)
