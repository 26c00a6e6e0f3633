"""The command line: help for every command, the sample by default, normalize, eval, store."""

import json

import pytest
from click.testing import CliRunner

from rooydad.cli import cli

from .conftest import REFERENCE, SHARED


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_cli_every_command_has_help(name):
    r = CliRunner().invoke(cli, [name, "--help"])
    assert r.exit_code == 0 and len(r.output.splitlines()) > 3


def test_cli_code_without_path_codes_the_sample():
    r = CliRunner().invoke(cli, ["code", "--format", "jsonl"])
    assert r.exit_code == 0
    assert json.loads(r.stdout)["date"] == "2025-12-17"


def test_cli_normalize_reads_stdin():
    r = CliRunner().invoke(cli, ["normalize"], input="مذاكرات ادامه می یابد")
    assert r.stdout == "مذاکرات ادامه می\u200cیابد"
    r = CliRunner().invoke(cli, ["normalize", "--matching"], input="مذاکره‌ها ۲۰۲۶")
    assert r.stdout == "مذاکرهها 2026"


def test_cli_ingest_twice_stores_each_document_once(tmp_path):
    db = str(tmp_path / "e.db")
    r1 = CliRunner().invoke(cli, ["ingest", str(REFERENCE), "--db", db])
    r2 = CliRunner().invoke(cli, ["ingest", str(REFERENCE), "--db", db])
    assert r1.exit_code == r2.exit_code == 0
    assert "1 added" in r1.stderr and "0 added, 0 replaced, 1 unchanged" in r2.stderr
    assert "store holds 1 documents" in r2.stderr


def test_cli_eval_prints_three_levels():
    gold = SHARED / "eval" / "dev.jsonl"
    r = CliRunner().invoke(cli, ["eval", str(gold)])
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    assert [ln.split()[0] for ln in lines[-3:]] == ["country", "root", "code"]
    assert lines[-2].split()[4] == "311"
