"""The store commands end to end with the real pipeline: ingest (bad records, interruption),
search, events, series, actors, export; on SQLite and, where ROOYDAD_TEST_PG is set, PostgreSQL."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from rooydad.cli import cli
from rooydad.store import open_store
from .test_store import store_url  # noqa: F401  (the two-backend fixture)

# Project-written sentences in the style of the corpus (no third-party text).
SENTENCES = [
    "ایران اقدام آمریکا را محکوم کرد.",
    "آمریکا به ایران حمله کرد.",
    "وزیر خارجه ایران تحریم‌های آمریکا را محکوم کرد.",
    "روسیه تجاوز نظامی آمریکا علیه ایران را محکوم کرد.",
]


def _jsonl(path, n: int, bad_lines: tuple[int, ...] = ()) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            if i + 1 in bad_lines:
                fh.write('{"id": "broken", "text": "نیمه\n')
                continue
            date = f"202{4 + i % 2}-{1 + i % 12:02d}-{1 + i % 28:02d}"
            fh.write(json.dumps({"id": f"k{i:03d}", "date": date, "text": f"{SENTENCES[i % 4]} این خبر شماره {i} است."},
                                ensure_ascii=False) + "\n")


def _snapshot(url: str):
    """Everything stored that a run decides: documents with hashes, events in order."""
    with open_store(url) as s:
        docs = s.execute_text("SELECT id, hash FROM documents ORDER BY id")
        evs = s.execute_text("SELECT doc_id, seq, source, cameo, target, date, json FROM events ORDER BY doc_id, seq")
    return [tuple(r.values()) for r in docs], [tuple(r.values()) for r in evs]


def _invoke(*args):
    return CliRunner().invoke(cli, list(args))


def test_store_cli_ingest_reports_bad_lines_and_keeps_the_good(store_url, tmp_path):  # noqa: F811
    src = tmp_path / "news.jsonl"
    _jsonl(src, 6, bad_lines=(3,))
    r = _invoke("ingest", str(src), "--db", store_url, "--workers", "1")
    assert r.exit_code == 1
    assert f"{src}:3" in r.stderr
    assert "5 added, 0 replaced, 0 unchanged, 1 failed; store holds 5 documents" in r.stderr
    r2 = _invoke("ingest", str(src), "--db", store_url, "--workers", "1")
    assert "0 added, 0 replaced, 5 unchanged, 1 failed" in r2.stderr and r2.exit_code == 1


def test_store_cli_ingest_replaces_a_changed_article(store_url, tmp_path):  # noqa: F811
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"id": "x1", "date": "2025-03-01", "text": SENTENCES[0]}, ensure_ascii=False) + "\n", encoding="utf-8")
    _invoke("ingest", str(src), "--db", store_url, "--workers", "1")
    src.write_text(json.dumps({"id": "x1", "date": "2025-03-01", "text": SENTENCES[1]}, ensure_ascii=False) + "\n", encoding="utf-8")
    r = _invoke("ingest", str(src), "--db", store_url, "--workers", "1")
    assert "0 added, 1 replaced, 0 unchanged" in r.stderr
    with open_store(store_url) as s:
        rows = s.execute_text("SELECT source, cameo, target FROM events")
    assert [tuple(r.values()) for r in rows] == [("USA", "190", "IRN")]


def _ingest_process(src, url):
    code = "import sys; from rooydad.cli import main; sys.argv[0] = 'rooydad'; main()"
    return subprocess.Popen([sys.executable, "-c", code, "ingest", str(src), "--db", url, "--workers", "1", "--batch-size", "3"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def test_store_cli_ingest_killed_and_rerun_equals_one_clean_run(store_url, tmp_path):  # noqa: F811
    src = tmp_path / "news.jsonl"
    n = 24
    _jsonl(src, n)
    ref = str(tmp_path / "reference.db")
    assert _invoke("ingest", str(src), "--db", ref, "--workers", "1").exit_code == 0
    rng = random.Random(7)
    kills = 0
    watch = open_store(store_url)
    rounds = 5 if os.environ.get("RUN_SLOW") == "1" else 1  # RUN_SLOW=1: kill again and again
    for _ in range(rounds):  # kill at a random point
        threshold = watch.counts()[0] + rng.randint(1, 4)
        p = _ingest_process(src, store_url)
        deadline = time.monotonic() + 60
        while p.poll() is None and time.monotonic() < deadline and watch.counts()[0] < threshold:
            time.sleep(0.01)
        if p.poll() is None:
            p.send_signal(signal.SIGKILL)
            kills += 1
        p.wait()
    watch.close()
    assert kills >= 1
    p = _ingest_process(src, store_url)
    _, err = p.communicate(timeout=120)
    assert p.returncode == 0, err.decode()
    assert f"failed; store holds {n} documents" in err.decode()
    assert _snapshot(store_url) == _snapshot(ref)
    again = _invoke("ingest", str(src), "--db", store_url, "--workers", "1")
    assert f"0 added, 0 replaced, {n} unchanged" in again.stderr


@pytest.fixture
def news_db(store_url, tmp_path):  # noqa: F811
    src = tmp_path / "news.jsonl"
    _jsonl(src, 12)
    with open(src, "a", encoding="utf-8") as fh:  # one undated article
        fh.write(json.dumps({"id": "undated", "text": SENTENCES[1]}, ensure_ascii=False) + "\n")
    assert _invoke("ingest", str(src), "--db", store_url, "--workers", "1").exit_code == 0
    return store_url


def test_store_cli_search(news_db):
    r = _invoke("search", "تحریم های", "--db", news_db, "--format", "json")
    hits = json.loads(r.stdout)
    assert {h["doc_id"] for h in hits} == {"k002", "k006", "k010"}
    assert all("[تحریم‌های]" in h["snippet"] for h in hits)


def test_store_cli_events_csv_and_unknown_code(news_db):
    r = _invoke("events", "--source", "IRN", "--target", "USA", "--since", "2024-01-01", "--until", "2024-12-31", "--db", news_db, "--format", "csv")
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    assert lines[0].startswith("id,doc_id,date,source")
    assert {ln.split(",")[1] for ln in lines[1:]} == {"k000", "k002", "k004", "k006", "k008", "k010"}
    bad = _invoke("events", "--source", "XYZ", "--db", news_db)
    assert bad.exit_code == 1 and "Error: unknown actor code 'XYZ'" in bad.stderr
    assert "Traceback" not in bad.stderr + bad.stdout


def test_store_cli_series_notes_undated(news_db):
    r = _invoke("series", "--dyad", "USA:IRN", "--by", "year", "--db", news_db, "--format", "json")
    assert r.exit_code == 0
    rows = json.loads(r.stdout)
    assert sum(x["events"] for x in rows) >= 3 and all(x["quad4"] == x["events"] for x in rows)
    assert "matching event(s) without a date left out" in r.stderr  # the undated article's, and embedded ones


def test_store_cli_actors_and_export(news_db, tmp_path):
    r = _invoke("actors", "--top", "3", "--db", news_db, "--format", "json")
    top = json.loads(r.stdout)
    assert top[0]["code"] in ("IRN", "USA") and top[0]["total"] >= top[-1]["total"]
    out = tmp_path / "plover.jsonl"
    r = _invoke("export", "--format", "plover-json", "--out", str(out), "--db", news_db)
    assert r.exit_code == 0 and "events written" in r.stderr
    assert all(json.loads(x)["id"].startswith("rooydad-") for x in out.read_text(encoding="utf-8").splitlines())


def test_store_cli_bad_store_is_one_line(tmp_path):
    p = tmp_path / "x.db"
    p.write_bytes(b"\0garbage" * 200)
    r = _invoke("events", "--db", str(p))
    assert r.exit_code == 1
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_store_cli_readers_go_on_while_a_writer_holds_a_transaction(news_db):
    if "://" in news_db:
        pytest.skip("SQLite WAL behaviour")
    writer = sqlite3.connect(news_db, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("DELETE FROM events")
    try:
        r = _invoke("events", "--source", "USA", "--db", news_db, "--format", "json")
        assert r.exit_code == 0 and len(json.loads(r.stdout)) >= 3
    finally:
        writer.execute("ROLLBACK")
        writer.close()
