"""Engines: the local pool and Dask give exactly the plain single-process output; failures are data.

Fixture: ``tests/fixtures/engine_news.jsonl``, 30 real articles of ``news.jsonl.gz`` (ids kept),
each cut to its first few sentences; 20 dated, 10 undated, each with events when it was chosen.
"""

import json

import pytest
from click.testing import CliRunner

from rooydad import code_document
from rooydad.cli import cli
from rooydad.engine import DaskEngine, Failure, LocalEngine, run
from rooydad.errors import EngineError
from rooydad.ingest import read

from .conftest import FIXTURES

NEWS = FIXTURES / "engine_news.jsonl"


@pytest.fixture(scope="module")
def docs():
    return list(read([str(NEWS)]))


@pytest.fixture(scope="module")
def plain(docs, dictionaries):
    return [code_document(d, dictionaries).to_dict(include_flagged=True) for d in docs]


def test_engine_fixture_is_real_and_codes_events(docs, plain):
    assert len(docs) == 30 and all(d.id.startswith(("fars-", "isna-")) for d in docs)
    assert sum(bool(p["events"]) for p in plain) >= 20  # the comparisons below compare real events
    assert sum(d.date is None for d in docs) == 10


@pytest.mark.parametrize("workers", [2])
def test_engine_local_pool_equals_plain_path(docs, plain, workers):
    with LocalEngine(workers=workers) as eng:
        got = [c.to_dict(include_flagged=True) for c in run(docs, engine=eng, batch_size=4)]
        assert eng._pool is not None  # the batches really went to worker processes
    assert got == plain


def test_engine_dask_local_cluster_equals_plain_path(docs, plain):
    with DaskEngine(workers=2, processes=False) as eng:
        assert eng.dashboard  # the address a cluster run prints
        got = [c.to_dict(include_flagged=True) for c in run(docs, engine=eng, batch_size=4)]
    assert got == plain


def test_engine_unknown_engine_is_a_clear_error(docs):
    with pytest.raises(EngineError, match="unknown engine 'spark'"):
        list(run(docs, engine="spark"))


@pytest.fixture
def failing_on_second(monkeypatch, docs):
    """code_document raising on the second document (in-process: workers=1)."""
    import rooydad.engine.base as base

    real = base.code_document

    def flaky(doc, d=None):
        if doc.id == docs[1].id:
            raise ValueError("boom")
        return real(doc, d)

    monkeypatch.setattr(base, "code_document", flaky)


def test_engine_failure_comes_back_as_data_and_skip_goes_on(docs, failing_on_second):
    failures: list[Failure] = []
    got = list(run(docs[:5], workers=1, on_failure=failures.append))
    assert [c.document.id for c in got] == [d.id for d in docs[:5] if d.id != docs[1].id]
    assert [(f.doc_id, f.error) for f in failures] == [(docs[1].id, "ValueError: boom")]
    assert f"{NEWS}:2" == failures[0].origin and "Traceback" in failures[0].traceback


def test_engine_stop_ends_the_run_at_the_first_failure(docs, failing_on_second):
    with pytest.raises(EngineError, match="ValueError: boom"):
        list(run(docs[:5], workers=1, on_error="stop"))


def test_engine_cli_code_workers_output_equals_one_worker(tmp_path):
    lines = NEWS.read_text(encoding="utf-8").splitlines()
    big = tmp_path / "news.jsonl"  # 90 records: more than one batch, so the pool is used
    big.write_text("\n".join(json.dumps({**json.loads(x), "id": f"{json.loads(x)['id']}-{k}"}, ensure_ascii=False) for k in range(3) for x in lines) + "\n", encoding="utf-8")
    one = CliRunner().invoke(cli, ["code", str(big), "--format", "jsonl", "--workers", "1"])
    two = CliRunner().invoke(cli, ["code", str(big), "--format", "jsonl", "--workers", "2"])
    assert one.exit_code == two.exit_code == 0
    assert len(one.stdout.splitlines()) == 90 and one.stdout == two.stdout
