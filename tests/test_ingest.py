"""Readers: the reference layout, JSONL plain and gzip, directories, stdin, and bad input."""

import gzip
import json

from click.testing import CliRunner

from rooydad.cli import cli
from rooydad.errors import DateError, IngestError
from rooydad.ingest import read

from .conftest import REFERENCE

ARTICLE = "عراقچی روز چهارشنبه با لاوروف در مسکو دیدار کرد."


def _jsonl(path, rows, gz=False):
    data = "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows) + "\n"
    if gz:
        with gzip.open(path, "wt", encoding="utf-8") as fh:
            fh.write(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def test_ingest_jsonl_gz_streams_records(tmp_path):
    p = _jsonl(tmp_path / "a.jsonl.gz", [{"id": "a1", "date": "2025-12-17", "agency": "ایسنا", "text": ARTICLE}, {"id": "a2", "text": ARTICLE}], gz=True)
    docs = list(read([str(p)]))
    assert [(d.id, d.date, d.agency) for d in docs] == [("a1", "2025-12-17", "ایسنا"), ("a2", None, None)]


def test_ingest_bad_records_are_reported_and_skipped(tmp_path):
    p = _jsonl(tmp_path / "bad.jsonl", [
        {"id": "ok1", "date": "2025-12-17", "text": ARTICLE},
        '{"id": "broken", "text": ',
        {"id": "empty", "text": "   "},
        {"id": "baddate", "date": "17/12/2025", "text": ARTICLE},
        {"id": "ok2", "text": ARTICLE},
    ])
    errors = []
    docs = list(read([str(p)], errors.append))
    assert [d.id for d in docs] == ["ok1", "ok2"]
    assert [(type(e), e.line) for e in errors] == [(IngestError, 2), (IngestError, 3), (DateError, 4)]
    assert str(errors[0]).startswith(f"{p}:2: malformed JSON")


def test_ingest_directory_recursive_and_undecodable(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "one.txt").write_text(REFERENCE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "latin.txt").write_bytes("caf\xe9".encode("latin-1"))
    errors = []
    docs = list(read([str(tmp_path)], errors.append))
    assert [d.date for d in docs] == ["2025-12-17"]
    assert len(errors) == 1 and "not UTF-8" in str(errors[0]) and "latin.txt" in str(errors[0])


def test_ingest_cli_exit_status_and_one_line_errors(tmp_path):
    p = _jsonl(tmp_path / "mixed.jsonl", [{"id": "ok", "date": "2025-12-17", "text": ARTICLE}, "not json"])
    r = CliRunner().invoke(cli, ["code", str(p), "--format", "jsonl"])
    assert r.exit_code == 1
    out = [json.loads(line) for line in r.stdout.splitlines()]
    assert [(o["doc_id"], [(e["source"]["code"], e["cameo"], e["target"]["code"]) for e in o["events"]]) for o in out] == [("ok", [("IRNGOV", "040", "RUSGOV")])]
    assert f"{p}:2: malformed JSON" in r.stderr
    assert "Traceback" not in r.stderr


def test_ingest_stdin_text_and_jsonl():
    r = CliRunner().invoke(cli, ["code", "-", "--format", "jsonl"], input=json.dumps({"id": "s1", "date": "2025-12-17", "text": ARTICLE}, ensure_ascii=False) + "\n")
    assert r.exit_code == 0 and json.loads(r.stdout)["doc_id"] == "s1"
    r = CliRunner().invoke(cli, ["code", "-", "--format", "jsonl"], input=REFERENCE.read_text(encoding="utf-8"))
    assert json.loads(r.stdout)["date"] == "2025-12-17"
