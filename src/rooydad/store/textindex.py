"""The full-text side of the store: one matching form for documents and queries, per-backend SQL.

SQLite FTS5 ``unicode61`` splits words on ZWNJ, and PostgreSQL's parser does too, so the
original text is never indexed: the *matching form* is (letters, digits and hamza folded, half-spaces
dropped, word by word, and words written apart from their affixes joined), and a query goes through the
same function. ``تحریم ها``, ``تحریم‌ها`` and ``تحريم‌ها`` all become ``تحریمها``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


_WORD = re.compile(r"\w+")
_ANY = re.compile(r"\S+")


_PREFIX = re.compile(r"(?<!\S)(ن?می)\s+(?=[\u0600-\u06ff])")
_SUFFIX = re.compile(r"(?<=[\u0600-\u06ff])\s+(ها|های|هایی|هایم|هایت|هایش|هایمان|هایتان|هایشان|ترین)(?=[\s\u060c.:؛!؟»)]|$)")


def _fold_re():
    from ..text.chars import KEY_TABLE

    table = {chr(k): (v if isinstance(v, str) else "" if v is None else chr(v)) for k, v in KEY_TABLE.items()}
    return re.compile("[" + "".join(re.escape(c) for c in sorted(table)) + "]+"), table


_FOLD, _TABLE = _fold_re()


def fast_key(text: str) -> str:
    """``chars.key`` over a whole text: only the runs of characters it changes are touched."""
    return _FOLD.sub(lambda m: "".join(_TABLE[c] for c in m.group()), text)


def index_form(text: str) -> str:
    """The form stored in ``documents.text_key`` and read by the full-text index.

    The matching form (``normalize_matching``, ``chars.key``: letters, digits and hamza folded, half-spaces
    dropped) with prefixes and plural suffixes written apart joined back (`می شود`, `تحریم ها`).
    Cheaper than full half-space restoration, which matching does not need: the half-space is
    dropped anyway, only a space that splits one word matters.
    """
    m = fast_key(text)  # the same as normalize_matching word by word (the table keeps whitespace)
    return _SUFFIX.sub(r"\1", _PREFIX.sub(r"\1", m))


def query_terms(query: str) -> list[str]:
    """The words of a query in matching form (punctuation dropped)."""
    return _WORD.findall(index_form(query))


def fts5_query(terms: list[str]) -> str:
    """An FTS5 MATCH expression: every term as a quoted string, all required."""
    return " ".join('"' + t.replace('"', '""') + '"' for t in terms)


def pg_query(terms: list[str]) -> str:
    """Text for ``plainto_tsquery('simple', ...)``: the terms, all required."""
    return " ".join(terms)


SQLITE_DDL = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(text_key, content='documents', content_rowid='num', tokenize='unicode61')",
    "CREATE TRIGGER IF NOT EXISTS documents_fts_ai AFTER INSERT ON documents BEGIN "
    "INSERT INTO documents_fts(rowid, text_key) VALUES (new.num, new.text_key); END",
    "CREATE TRIGGER IF NOT EXISTS documents_fts_ad AFTER DELETE ON documents BEGIN "
    "INSERT INTO documents_fts(documents_fts, rowid, text_key) VALUES ('delete', old.num, old.text_key); END",
    "CREATE TRIGGER IF NOT EXISTS documents_fts_au AFTER UPDATE ON documents BEGIN "
    "INSERT INTO documents_fts(documents_fts, rowid, text_key) VALUES ('delete', old.num, old.text_key); "
    "INSERT INTO documents_fts(rowid, text_key) VALUES (new.num, new.text_key); END",
]
SQLITE_REBUILD = "INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')"

PG_DDL = ["CREATE INDEX IF NOT EXISTS documents_tsv ON documents USING gin (to_tsvector('simple', text_key))"]

SQLITE_SEARCH = (
    "SELECT d.id, d.date, d.agency, d.title, d.text, bm25(documents_fts) AS rank "
    "FROM documents_fts JOIN documents d ON d.num = documents_fts.rowid "
    "WHERE documents_fts MATCH :q ORDER BY rank LIMIT :limit"
)
PG_SEARCH = (
    "SELECT id, date, agency, title, text, ts_rank(to_tsvector('simple', text_key), plainto_tsquery('simple', :q)) AS rank "
    "FROM documents WHERE to_tsvector('simple', text_key) @@ plainto_tsquery('simple', :q) "
    "ORDER BY rank DESC, id LIMIT :limit"
)


@dataclass(frozen=True)
class Hit:
    """Where a query term sits in the original text."""

    start: int
    end: int


def find_hits(text: str, terms: list[str]) -> list[Hit]:
    """Spans of the original text whose matching form is a query term (one word, or two joined)."""
    wanted = set(terms)
    words = [(m.start(), m.end(), "".join(_WORD.findall(index_form(m.group())))) for m in _ANY.finditer(text)]
    hits = []
    i = 0
    while i < len(words):
        s, e, k = words[i]
        if k in wanted:
            hits.append(Hit(s, e))
        elif i + 1 < len(words) and k + words[i + 1][2] in wanted:  # `تحریم ها` written apart
            hits.append(Hit(s, words[i + 1][1]))
            i += 1
        i += 1
    return hits


def snippet(text: str, terms: list[str], width: int = 80, mark: tuple[str, str] = ("[", "]")) -> str:
    """A window of the original text around the first hit, every hit in it marked."""
    hits = find_hits(text, terms)
    if not hits:
        return text[:width].replace("\n", " ")
    first = hits[0]
    start = max(0, first.start - width // 2)
    end = min(len(text), first.end + width // 2)
    out, pos = [], start
    for h in hits:
        if h.start < start or h.end > end:
            continue
        out += [text[pos : h.start], mark[0], text[h.start : h.end], mark[1]]
        pos = h.end
    out.append(text[pos:end])
    body = "".join(out).replace("\n", " ")
    return ("…" if start > 0 else "") + body + ("…" if end < len(text) else "")
