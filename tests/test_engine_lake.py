"""The Parquet lake of ``rooydad run``: readable as is, partitioned, resumable after SIGKILL."""

import json
import signal
import subprocess
import sys
import time

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from rooydad import code_document
from rooydad.cli import cli
from rooydad.engine.lake import run_lake
from rooydad.errors import EngineError
from rooydad.ingest import read
from rooydad.store.parquet import event_rows, partition_of

from .conftest import FIXTURES

NEWS = FIXTURES / "engine_news.jsonl"


def _lake(out):
    """(sorted event rows, sorted document rows) of a lake, read the way any hive reader would."""
    ev = pq.read_table(out / "events", partitioning="hive").to_pylist()
    docs = pq.read_table(out / "documents", partitioning="hive").to_pylist()
    norm = lambda rows: sorted(json.dumps({k: str(v) for k, v in r.items()}, sort_keys=True) for r in rows)
    return norm(ev), norm(docs)


@pytest.mark.parametrize("date,part", [("2020-01-17", ("2020", "01")), (None, ("unknown", "unknown"))])
def test_engine_lake_partition_of_date(date, part):
    assert partition_of(date) == part


def test_engine_lake_readable_with_partition_columns(tmp_path, dictionaries):
    docs = list(read([str(NEWS)]))
    summary = run_lake([str(NEWS)], tmp_path, workers=1, chunk_size=7)
    assert (summary.coded, summary.rejected, summary.skipped) == (30, 0, 0)
    events = pq.read_table(tmp_path / "events")
    documents = pq.read_table(tmp_path / "documents")
    assert {"year", "month", "doc_id", "source_code", "cameo", "target_code", "span_start", "evidence"} <= set(events.column_names)
    # every document once, undated ones under year=unknown
    by_id = {r["doc_id"]: r for r in documents.to_pylist()}
    assert sorted(by_id) == sorted(d.id for d in docs)
    assert all((by_id[d.id]["year"], by_id[d.id]["month"]) == partition_of(d.date) for d in docs)
    assert (tmp_path / "documents" / "year=unknown" / "month=unknown").is_dir()
    # the events are the plain path's, field for field
    plain = [r for d in docs for r in event_rows(code_document(d, dictionaries))]
    key = lambda r: (r["doc_id"], r["sentence"], r["span_start"], r["cameo"], r["source_code"], r["target_code"])
    assert sorted(map(key, events.to_pylist())) == sorted(map(key, plain))
    assert sum(r["n_events"] for r in by_id.values()) == events.num_rows == len(plain)


def test_engine_lake_bad_records_are_rejected_not_fatal(tmp_path):
    src = tmp_path / "in.jsonl"
    lines = NEWS.read_text(encoding="utf-8").splitlines()[:4]
    src.write_text("\n".join(lines[:2] + ["{not json", '{"id": "d", "date": "2020-13-45", "text": "عراقچی با لاوروف دیدار کرد."}'] + lines[2:]) + "\n", encoding="utf-8")
    r = CliRunner().invoke(cli, ["run", str(src), "--out", str(tmp_path / "lake"), "--workers", "1"])
    assert r.exit_code == 0, r.output
    assert "4 coded" in r.stderr and "2 rejected" in r.stderr and f"{src}:3" in r.stderr
    rejects = [json.loads(x) for x in (tmp_path / "lake" / "rejects.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [x["origin"] for x in rejects] == [f"{src}:3", f"{src}:4"]


def test_engine_lake_refuses_to_resume_other_inputs(tmp_path):
    run_lake([str(NEWS)], tmp_path, workers=1, chunk_size=10)
    with pytest.raises(EngineError, match="other inputs or chunk size"):
        run_lake([str(NEWS)], tmp_path, workers=1, chunk_size=11)


def _run_cmd(src, out, *extra):
    return [sys.executable, "-c", "from rooydad.cli import main; main()", "run", str(src), "--out", str(out), "--workers", "1", "--chunk-size", "10", *extra]


def test_engine_lake_killed_and_resumed_equals_uninterrupted(tmp_path):
    lines = NEWS.read_text(encoding="utf-8").splitlines()
    src = tmp_path / "big.jsonl"  # 300 documents (the 30 articles under 10 ids each) and a bad line
    recs = [json.dumps({**json.loads(x), "id": f"{json.loads(x)['id']}-{k}"}, ensure_ascii=False) for k in range(10) for x in lines]
    src.write_text("\n".join(recs[:200] + ["{broken"] + recs[200:]) + "\n", encoding="utf-8")

    killed, whole = tmp_path / "killed", tmp_path / "whole"
    proc = subprocess.Popen(_run_cmd(src, killed), stderr=subprocess.PIPE)
    chunks = killed / "_chunks"
    deadline = time.monotonic() + 60
    while proc.poll() is None and time.monotonic() < deadline:
        if chunks.is_dir() and len(list(chunks.glob("*.json"))) >= 2:
            proc.send_signal(signal.SIGKILL)
            break
        time.sleep(0.002)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the run finished before it could be killed"
    done_before = len(list(chunks.glob("*.json")))
    assert 2 <= done_before < 30

    resumed = subprocess.run(_run_cmd(src, killed), capture_output=True, text=True)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{done_before * 10} skipped" in resumed.stderr and "1 rejected" in resumed.stderr
    run_lake([str(src)], whole, workers=2, chunk_size=10)

    ev_k, docs_k = _lake(killed)
    ev_w, docs_w = _lake(whole)
    assert len(docs_k) == 300 and len({json.loads(d)["doc_id"] for d in docs_k}) == 300
    assert ev_k == ev_w and docs_k == docs_w
    assert len((killed / "rejects.jsonl").read_text(encoding="utf-8").splitlines()) == 1
