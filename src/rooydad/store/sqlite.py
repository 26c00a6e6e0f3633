"""SQLite store: documents and events, idempotent by (id, content hash), WAL for concurrent readers.

A document whose id and hash are already stored is skipped; same id with a new hash replaces
its old events. Every document is written in its own transaction, so an interrupted ingest
loses at most the document in flight and a re-run completes it.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from ..errors import StoreError
from ..model import CodedDocument, Document

SCHEMA_VERSION = 1
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY, hash TEXT NOT NULL, date TEXT, agency TEXT, title TEXT,
    source TEXT, text TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    source TEXT NOT NULL, target TEXT NOT NULL, cameo TEXT NOT NULL, root TEXT NOT NULL,
    quad_class INTEGER NOT NULL, goldstein REAL NOT NULL, date TEXT, embedded INTEGER NOT NULL,
    negated INTEGER NOT NULL, modality TEXT, rule TEXT NOT NULL, evidence TEXT NOT NULL,
    span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_doc ON events(doc_id);
CREATE INDEX IF NOT EXISTS events_dyad ON events(source, target, date);
CREATE INDEX IF NOT EXISTS events_root ON events(root, date);
"""


class SQLiteStore:
    def __init__(self, path: str):
        self.path = path
        try:
            if path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(path)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.executescript(SCHEMA)
            self.conn.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
            self.conn.commit()
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{path}: cannot open as a rooydad SQLite store ({e})") from None

    def status(self, doc: Document) -> str:
        """'new', 'same' (nothing to do) or 'changed' (old events to replace)."""
        row = self.conn.execute("SELECT hash FROM documents WHERE id = ?", (doc.id,)).fetchone()
        if row is None:
            return "new"
        return "same" if row[0] == doc.content_hash else "changed"

    def write(self, coded: CodedDocument) -> None:
        d = coded.document
        try:
            with self.conn:
                self.conn.execute("DELETE FROM events WHERE doc_id = ?", (d.id,))
                self.conn.execute(
                    "INSERT OR REPLACE INTO documents (id, hash, date, agency, title, source, text) VALUES (?,?,?,?,?,?,?)",
                    (d.id, d.content_hash, d.date, d.agency, d.title, d.source, d.text),
                )
                self.conn.executemany(
                    "INSERT INTO events (doc_id, source, target, cameo, root, quad_class, goldstein, date, embedded,"
                    " negated, modality, rule, evidence, span_start, span_end, json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    [
                        (d.id, e.source.code, e.target.code, e.cameo, e.root, e.quad_class, e.goldstein, e.date,
                         int(e.embedded), int(e.negated), e.modality, e.rule, e.evidence, e.span[0], e.span[1],
                         json.dumps(e.to_dict(), ensure_ascii=False))
                        for e in coded.events
                    ],
                )
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path}: cannot write document {d.id} ({e})") from None

    def counts(self) -> tuple[int, int]:
        docs = self.conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        events = self.conn.execute("SELECT count(*) FROM events").fetchone()[0]
        return docs, events

    def close(self) -> None:
        self.conn.close()


def open_store(url: str) -> SQLiteStore:
    """A store from a path or ``sqlite:///path`` URL."""
    if url.startswith("sqlite:///"):
        url = url[len("sqlite:///") :]
    elif "://" in url:
        raise StoreError(f"{url}: unsupported store URL (use a file path or sqlite:///path)")
    return SQLiteStore(url)
