"""The store on both backends: writing, idempotence, search, queries, exports, migrations, faults.

Events here are built by hand (the store must keep whatever the coder gives it); the CLI and
interrupted-ingest tests in test_store_cli.py run the real pipeline. PostgreSQL runs when
ROOYDAD_TEST_PG names a server (``.ci/run`` starts one), and is skipped otherwise.
"""

from __future__ import annotations

import csv
import json
import os
import sqlite3

import pytest

from rooydad.errors import QueryError, StoreError
from rooydad.model import Actor, CodedDocument, Document, Event
from rooydad.store import open_store
from rooydad.store import queries as Q
from rooydad.store.export import GDELT_COLUMNS, export
from rooydad.store.textindex import index_form

PG = os.environ.get("ROOYDAD_TEST_PG")


def _pg_database():
    """The test server's database, emptied for one test (faster than a database per test)."""
    from sqlalchemy import create_engine, text

    admin = create_engine(PG.replace("postgresql://", "postgresql+psycopg://", 1), isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        c.execute(text("CREATE SCHEMA public"))
    admin.dispose()
    yield PG


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """A URL of an empty store on each backend."""
    if request.param == "sqlite":
        yield str(tmp_path / "store.db")
        return
    if not PG:
        pytest.skip("ROOYDAD_TEST_PG is not set (no PostgreSQL server)")
    yield from _pg_database()


@pytest.fixture
def store(store_url):
    s = open_store(store_url)
    yield s
    s.close()


def ev(src: str, cameo: str, tgt: str, date: str | None, *, negated=False, goldstein=1.0, quad=1, name=None, sentence=0) -> Event:
    return Event(
        source=Actor(src, "منبع", name), target=Actor(tgt, "هدف"), cameo=cameo, quad_class=quad, goldstein=goldstein,
        plover_type="CONSULT", plover_mode=None, date=date, sentence=sentence, span=(0, 10), evidence="شاهد",
        rule="test.rule", confidence=0.9, negated=negated,
    )


def coded(doc_id: str, text: str, date: str | None, *events: Event) -> CodedDocument:
    return CodedDocument(Document(id=doc_id, text=text, date=date, agency="ایرنا"), tuple(events))


# Three spellings of "the sanctions" (ZWNJ; Arabic yeh; no half-space) and one without it.
SANCTIONS = [
    coded("d1", "اتحادیه اروپا تحریم‌ها علیه ایران را تمدید کرد.", "2019-01-05",
          ev("IGOEU", "163", "IRN", "2019-01-05", goldstein=-8.0, quad=4),
          ev("IRN", "111", "IGOEU", "2019-01-06", goldstein=-2.0, quad=3)),
    coded("d2", "وزیر خارجه ایران تحريم‌ها را محکوم کرد؛ تحريم‌ها غیرقانونی است.", "2019-02-10",
          ev("IRNGOV", "111", "USA", "2019-02-10", goldstein=-2.0, quad=3, name="Javad Zarif"),
          ev("IRN", "111", "USA", "2019-02-11", goldstein=-2.0, quad=3)),
    coded("d3", "آمریکا تحریمها را در سال ۲۰۱۹ افزایش داد.", None,
          ev("USA", "163", "IRN", None, goldstein=-8.0, quad=4)),
    coded("d4", "عراقچی با لاوروف در مسکو دیدار کرد.", "2025-12-17",
          ev("IRNGOV", "040", "RUSGOV", "2025-12-17"), ev("RUSGOV", "040", "IRNGOV", "2025-12-17", negated=True)),
]


@pytest.fixture
def filled(store):
    store.write_batch(SANCTIONS)
    return store


# -- writing ------------------------------------------------------------------------------
def test_store_write_is_idempotent_and_replaces_changed(store):
    store.write_batch(SANCTIONS)
    store.write_batch(SANCTIONS)
    assert store.counts() == (4, 7)
    assert store.status(SANCTIONS[0].document) == "same"
    changed = coded("d1", "اتحادیه اروپا تحریم‌ها را لغو کرد.", "2019-01-05", ev("IGOEU", "081", "IRN", "2019-01-05"))
    assert store.status(changed.document) == "changed"
    store.write(changed)
    assert store.counts() == (4, 6)
    assert [r.cameo for r in Q.events(store, Q.EventFilter(source="IGOEU"))] == ["081"]
    # the full-text index follows the replacement
    assert [h.doc_id for h in Q.search(store, "لغو")] == ["d1"]
    assert all(h.doc_id != "d1" for h in Q.search(store, "تمدید"))


def test_store_ingest_counts_added_replaced_unchanged(store):
    from rooydad.store.ingest import ingest_documents

    def code(docs):
        by_id = {c.document.id: c for c in SANCTIONS}
        for d in docs:
            yield CodedDocument(d, by_id[d.id].events if d.id in by_id else ())

    docs = [c.document for c in SANCTIONS]
    s1 = ingest_documents(store, docs, code, batch_size=3)
    s2 = ingest_documents(store, docs, code, batch_size=3)
    new_d2 = Document(id="d2", text="متن تازه درباره تحریم‌ها", date="2019-02-10")
    s3 = ingest_documents(store, [new_d2] + docs[2:], code)
    assert (s1.added, s1.replaced, s1.unchanged) == (4, 0, 0)
    assert (s2.added, s2.replaced, s2.unchanged) == (0, 0, 4)
    assert (s3.added, s3.replaced, s3.unchanged) == (0, 1, 2)
    assert store.counts()[0] == 4


# -- search -------------------------------------------------------------------------------
@pytest.mark.parametrize("query", ["تحریم ها", "تحریم‌ها", "تحريم‌ها", "تحریمها"])
def test_store_search_finds_every_spelling(filled, query):
    hits = Q.search(filled, query)
    assert {h.doc_id for h in hits} == {"d1", "d2", "d3"}


def test_store_search_snippet_marks_the_original_words(filled):
    hits = {h.doc_id: h for h in Q.search(filled, "تحریم ها")}
    assert "[تحریم‌ها]" in hits["d1"].snippet
    assert "[تحريم‌ها]" in hits["d2"].snippet  # Arabic yeh shown as written
    assert "[تحریمها]" in hits["d3"].snippet


def test_store_search_ranks_and_unifies_digits(filled):
    hits = Q.search(filled, "تحریم ها")
    assert hits[0].doc_id == "d2"  # the word twice in a short text ranks first
    assert [h.doc_id for h in Q.search(filled, "2019")] == ["d3"]  # written ۲۰۱۹
    assert Q.search(filled, "ناموجود") == []
    with pytest.raises(QueryError):
        Q.search(filled, "«»")


def test_store_search_quotes_are_never_sql(filled):
    assert Q.search(filled, "تحریم' OR 1=1 --") == []
    assert Q.search(filled, 'تحریم" OR "x') == []


# -- queries ------------------------------------------------------------------------------
def test_store_events_three_letters_match_every_agent(filled):
    rows = Q.events(filled, Q.EventFilter(source="IRN"))
    assert sorted((r.source, r.cameo, r.target) for r in rows) == [
        ("IRN", "111", "IGOEU"), ("IRN", "111", "USA"), ("IRNGOV", "040", "RUSGOV"), ("IRNGOV", "111", "USA")]
    exact = Q.events(filled, Q.EventFilter(source="IRNGOV", target="USA"))
    assert [(r.doc_id, r.source_name) for r in exact] == [("d2", "Javad Zarif")]


def test_store_events_filters_dates_roots_and_flags(filled):
    f = Q.EventFilter(target="USA", root="11", since="2019-02-11", until="2019-12-31")
    assert [(r.source, r.date) for r in Q.events(filled, f)] == [("IRN", "2019-02-11")]
    assert [r.cameo for r in Q.events(filled, Q.EventFilter(code="163"))] == ["163", "163"]
    assert len(Q.events(filled, Q.EventFilter(source="RUSGOV"))) == 0
    flagged = Q.events(filled, Q.EventFilter(source="RUSGOV", include_flagged=True))
    assert [(r.cameo, r.negated) for r in flagged] == [("040", True)]
    assert [r.doc_id for r in Q.events(filled, Q.EventFilter(), limit=2, offset=1)] == ["d1", "d2"]
    assert Q.count_events(filled, Q.EventFilter(source="IRN")) == 4


@pytest.mark.parametrize("f, message", [
    (Q.EventFilter(source="XYZ"), "unknown actor code 'XYZ'"),
    (Q.EventFilter(target="IRNXXX"), "unknown actor code 'IRNXXX'"),
    (Q.EventFilter(source="ایران"), "not a CAMEO code"),
    (Q.EventFilter(since="2019-13-01"), "not a date"),
    (Q.EventFilter(until="yesterday"), "not a date"),
    (Q.EventFilter(root="4"), "two digits"),
])
def test_store_bad_filters_are_clear_errors(filled, f, message):
    with pytest.raises(QueryError, match=message):
        Q.events(filled, f)


def test_store_series_by_month_counts_quadclasses_and_leaves_out_undated(filled):
    s = Q.series(filled, Q.EventFilter(source="IRN"), "month")
    assert [r.to_dict() for r in s.rows] == [
        {"period": "2019-01", "events": 1, "goldstein_mean": -2.0, "quad1": 0, "quad2": 0, "quad3": 1, "quad4": 0},
        {"period": "2019-02", "events": 2, "goldstein_mean": -2.0, "quad1": 0, "quad2": 0, "quad3": 2, "quad4": 0},
        {"period": "2025-12", "events": 1, "goldstein_mean": 1.0, "quad1": 1, "quad2": 0, "quad3": 0, "quad4": 0},
    ]
    assert s.undated == 0
    us = Q.series(filled, Q.EventFilter.dyad("USA:IRN"), "year")
    assert us.rows == [] and us.undated == 1


@pytest.mark.parametrize("by, periods", [
    ("day", ["2019-01-05", "2019-01-06", "2019-02-10", "2019-02-11", "2025-12-17"]),
    ("week", ["2018-12-31", "2019-02-04", "2019-02-11", "2025-12-15"]),  # weeks named by their Monday
    ("year", ["2019", "2025"]),
])
def test_store_series_periods(filled, by, periods):
    assert [r.period for r in Q.series(filled, Q.EventFilter(), by).rows] == periods


def test_store_series_bad_dyad_and_period(filled):
    with pytest.raises(QueryError, match="SOURCE:TARGET"):
        Q.EventFilter.dyad("IRN-USA")
    with pytest.raises(QueryError, match="--by"):
        Q.series(filled, Q.EventFilter(), "decade")


def test_store_top_actors(filled):
    top = Q.top_actors(filled, 3)
    assert [(a.code, a.as_source, a.as_target) for a in top] == [("IRN", 2, 2), ("USA", 1, 2), ("IGOEU", 1, 1)]
    assert top[0].to_dict()["total"] == 4
    since = Q.top_actors(filled, 10, Q.EventFilter(since="2025-01-01"))
    assert [(a.code, a.total) for a in since] == [("IRNGOV", 1), ("RUSGOV", 1)]


def test_store_document_view(filled):
    d = Q.document(filled, "d4")
    assert d.text.startswith("عراقچی") and d.date == "2025-12-17"
    assert [(e["source"]["code"], e["cameo"], e["negated"]) for e in d.events] == [("IRNGOV", "040", False), ("RUSGOV", "040", True)]
    assert Q.document(filled, "nope") is None


# -- exports ------------------------------------------------------------------------------
def test_store_export_gdelt_csv(filled, tmp_path):
    out = tmp_path / "events.csv"
    assert export(filled, "gdelt-csv", str(out)).events == 6
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert list(rows[0]) == GDELT_COLUMNS
    r = next(r for r in rows if r["DocID"] == "d2" and r["Actor1Code"] == "IRNGOV")
    assert (r["SQLDATE"], r["MonthYear"], r["Year"]) == ("20190210", "201902", "2019")
    assert (r["Actor1CountryCode"], r["Actor1Type1Code"], r["Actor2CountryCode"]) == ("IRN", "GOV", "USA")
    assert (r["EventCode"], r["EventBaseCode"], r["EventRootCode"], r["QuadClass"], r["GoldsteinScale"]) == ("111", "111", "11", "3", "-2.0")
    undated = next(r for r in rows if r["DocID"] == "d3")
    assert undated["SQLDATE"] == "" and undated["Year"] == ""


def test_store_export_plover_json(filled, tmp_path):
    out = tmp_path / "events.jsonl"
    export(filled, "plover-json", str(out), Q.EventFilter(include_flagged=True))
    recs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert len(recs) == 7 and len({r["id"] for r in recs}) == 7
    r = next(r for r in recs if r["cameo"] == "040" and not r.get("negated"))
    assert r["date"] == "2025-12-17" and r["event"] == ["CONSULT"] and r["quad_code"] == 1
    assert r["actor"] == [{"code": "IRN", "sector": "GOV", "entity_text": "منبع"}]
    assert r["recipient"][0]["code"] == "RUS" and r["recipient"][0]["sector"] == "GOV"
    assert r["event_text"] == ["شاهد"] and r["text_info"] == {"sequence": 0, "start": 0, "end": 10}


def test_store_export_parquet_is_read_by_duckdb(filled, tmp_path):
    duckdb = pytest.importorskip("duckdb")
    out = tmp_path / "lake"
    c = export(filled, "parquet", str(out))
    assert (c.documents, c.events) == (4, 6)
    assert (out / "events" / "year=unknown").is_dir()
    rows = duckdb.sql(
        f"SELECT year, month, count(*) FROM read_parquet('{out}/events/**/*.parquet', hive_partitioning=true) "
        "GROUP BY ALL ORDER BY ALL"
    ).fetchall()
    assert [(str(y), str(m), n) for y, m, n in rows] == [("2019", "01", 2), ("2019", "02", 2), ("2025", "12", 1), ("unknown", "unknown", 1)]


def test_store_export_unknown_format(filled, tmp_path):
    with pytest.raises(QueryError):
        export(filled, "xlsx", str(tmp_path / "x"))


# -- schema -------------------------------------------------------------------------------
SKELETON_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (id TEXT PRIMARY KEY, hash TEXT NOT NULL, date TEXT, agency TEXT, title TEXT, source TEXT, text TEXT NOT NULL);
CREATE TABLE events (
    id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    source TEXT NOT NULL, target TEXT NOT NULL, cameo TEXT NOT NULL, root TEXT NOT NULL,
    quad_class INTEGER NOT NULL, goldstein REAL NOT NULL, date TEXT, embedded INTEGER NOT NULL,
    negated INTEGER NOT NULL, modality TEXT, rule TEXT NOT NULL, evidence TEXT NOT NULL,
    span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, json TEXT NOT NULL);
CREATE INDEX events_doc ON events(doc_id);
CREATE INDEX events_dyad ON events(source, target, date);
CREATE INDEX events_root ON events(root, date);
INSERT INTO meta VALUES ('schema_version', '1');
"""


def test_store_upgrades_a_skeleton_v1_store_keeping_data(tmp_path):
    path = tmp_path / "v1.db"
    conn = sqlite3.connect(path)
    conn.executescript(SKELETON_V1)
    for c in SANCTIONS[:2]:
        d = c.document
        conn.execute("INSERT INTO documents VALUES (?,?,?,?,?,?,?)", (d.id, d.content_hash, d.date, d.agency, d.title, d.source, d.text))
        for e in c.events:
            conn.execute("INSERT INTO events (doc_id, source, target, cameo, root, quad_class, goldstein, date, embedded, negated,"
                         " modality, rule, evidence, span_start, span_end, json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                         (d.id, e.source.code, e.target.code, e.cameo, e.root, e.quad_class, e.goldstein, e.date, 0, 0, None,
                          e.rule, e.evidence, 0, 10, json.dumps(e.to_dict(), ensure_ascii=False)))
    conn.commit()
    conn.close()
    with open_store(str(path)) as s:
        assert s.schema_version() == 3
        assert s.counts() == (2, 4)
        assert s.status(SANCTIONS[0].document) == "same"  # hashes kept: nothing to recode
        assert {h.doc_id for h in Q.search(s, "تحریم ها")} == {"d1", "d2"}
        assert [r.source_name for r in Q.events(s, Q.EventFilter(source="IRNGOV"))] == ["Javad Zarif"]
    with open_store(str(path)) as s:  # opening again changes nothing
        assert s.schema_version() == 3 and s.counts() == (2, 4)


def test_store_records_named_migrations(store):
    rows = store.execute_text("SELECT version, name FROM schema_migrations ORDER BY version")
    assert [(r["version"], r["name"]) for r in rows] == [
        (1, "0001_skeleton"), (2, "0002_full_schema_and_fulltext"), (3, "0003_actor_country_columns")]


def test_store_upgrades_v2_to_v3_filling_the_country_columns(store_url):
    from sqlalchemy import text

    with open_store(store_url) as s:
        s.write_batch(SANCTIONS)
        with s.engine.begin() as c:  # back to version 2: no country columns
            c.execute(text("DROP INDEX events_country_dyad"))
            c.execute(text("ALTER TABLE events DROP COLUMN source_country"))
            c.execute(text("ALTER TABLE events DROP COLUMN target_country"))
            c.execute(text("DELETE FROM schema_migrations WHERE version = 3"))
    with open_store(store_url) as s:
        assert s.schema_version() == 3 and s.counts() == (4, 7)
        rows = s.execute_text("SELECT source, source_country, target_country FROM events WHERE source = 'IRNGOV' ORDER BY id")
        assert [tuple(r.values()) for r in rows] == [("IRNGOV", "IRN", "USA"), ("IRNGOV", "IRN", "RUS")]
        assert len(Q.events(s, Q.EventFilter(source="IRN", target="USA"))) == 2


# -- faults -------------------------------------------------------------------------------
def test_store_refuses_a_file_that_is_not_a_database(tmp_path):
    p = tmp_path / "notes.db"
    p.write_text("این یک پایگاه داده نیست\n" * 100, encoding="utf-8")
    with pytest.raises(StoreError, match="notes.db: cannot open"):
        open_store(str(p))


def test_store_refuses_a_foreign_database(tmp_path):
    p = tmp_path / "other.db"
    sqlite3.connect(p).executescript("CREATE TABLE customers (id INTEGER);")
    with pytest.raises(StoreError, match="not a rooydad store"):
        open_store(str(p))


def test_store_refuses_a_newer_schema(store_url):
    with open_store(store_url) as s:
        with s.engine.begin() as c:
            from sqlalchemy import text

            c.execute(text("INSERT INTO schema_migrations VALUES (99, '0099_future', 'later')"))
    with pytest.raises(StoreError, match="newer than this rooydad"):
        open_store(store_url)


@pytest.mark.parametrize("url, message", [
    ("mysql://localhost/x", "unsupported store URL"),
    ("postgresql://nobody@127.0.0.1:1/none", "cannot open"),
])
def test_store_bad_urls(url, message):
    with pytest.raises(StoreError, match=message):
        open_store(url)


def test_store_locked_database_is_a_store_error(tmp_path):
    path = tmp_path / "locked.db"
    open_store(str(path)).close()
    blocker = sqlite3.connect(path, timeout=0, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with open_store(str(path), busy_timeout=0.1) as s:
            assert s.counts() == (0, 0)  # readers go on (WAL)
            with pytest.raises(StoreError, match="locked.db: cannot write 1 document.*database is locked"):
                s.write(SANCTIONS[0])
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()


def test_store_full_disk_is_a_store_error_and_loses_nothing(tmp_path):
    from sqlalchemy import event

    s = open_store(str(tmp_path / "full.db"))
    s.write(SANCTIONS[0])
    pages = s.execute_text("PRAGMA page_count")[0]["page_count"]
    event.listen(s.engine, "connect", lambda c, _: c.execute(f"PRAGMA max_page_count={pages + 2}"))
    s.engine.dispose()
    with pytest.raises(StoreError, match="full.db: cannot write .*full"):
        s.write(coded("big", "تحریم‌ها " * 5000, "2020-01-01"))
    assert s.counts() == (1, 2)
    s.close()


def test_store_matching_form_is_shared_by_index_and_query():
    assert index_form("تحریم ها") == index_form("تحریم‌ها") == index_form("تحريم‌ها") == "تحریمها"
    assert index_form("۲۰۲۶") == "2026"
