"""The entity recogniser: the shipped model loads offline, finds people and organisations with
their exact spans, and `rooydad coverage` lists the names the dictionary does not know."""

import os
import socket

import pytest
from click.testing import CliRunner

from rooydad.actors.ner import Entity, EntityRecognizer, model_path, spans, unresolved_in
from rooydad.cli import cli
from rooydad.text import tokenize

from .conftest import SHARED


def _named(sentence: str) -> list[tuple[str, str]]:
    tokens = tokenize(sentence)
    return [(e.label, " ".join(t.text for t in tokens[e.start : e.end])) for e in EntityRecognizer.load().entities(tokens)]


def test_actors_ner_model_loads_offline(monkeypatch):
    def no_network(*a, **k):
        raise AssertionError("the recogniser must not touch the network")

    monkeypatch.setattr(socket, "socket", no_network)
    assert model_path().is_file() and model_path().stat().st_size < 5_000_000
    r = EntityRecognizer(model_path())
    assert r.entities(tokenize("عراقچی به مسکو رفت.")) != []
    assert EntityRecognizer.load() is EntityRecognizer.load()


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # written for the project
        ("سخنگوی شرکت ملی گاز ایران گفت که رضا کاظمی مدیرعامل این شرکت فردا به تبریز می‌رود.",
         [("ORG", "شرکت ملی گاز ایران"), ("PER", "رضا کاظمی"), ("LOC", "تبریز")]),
        ("به گزارش خبرگزاری ایرنا، محمدرضا باهنر در دانشگاه تهران سخنرانی کرد.",
         [("ORG", "خبرگزاری ایرنا"), ("PER", "محمدرضا باهنر"), ("ORG", "دانشگاه تهران")]),
        ("آقای جان کری با محمود عباس دیدار کرد.", [("PER", "جان کری"), ("PER", "محمود عباس")]),
    ],
)
def test_actors_ner_finds_people_and_organisations(sentence, expected):
    assert _named(sentence) == expected


def test_actors_ner_spans_are_token_ranges():
    tokens = tokenize("بانک مرکزی جمهوری اسلامی ایران نرخ ارز را اعلام کرد.")
    assert EntityRecognizer.load().entities(tokens) == [Entity(0, 5, "ORG")]


@pytest.mark.parametrize(
    "tags, expected",
    [
        (["B-PER", "I-PER", "O", "B-ORG"], [Entity(0, 2, "PER"), Entity(3, 4, "ORG")]),
        (["I-LOC", "B-LOC", "I-PER"], [Entity(0, 1, "LOC"), Entity(1, 2, "LOC"), Entity(2, 3, "PER")]),  # stray I- opens
        ([], []),
    ],
)
def test_actors_ner_bio_decoding(tags, expected):
    assert list(spans(tags)) == expected


def test_actors_ner_unresolved_skips_dictionary_people():
    text = "حسن روحانی و رضا کاظمی در تهران دیدار کردند."
    names = [(u.label, u.text) for u in unresolved_in(text, EntityRecognizer.load())]
    assert ("PER", "رضا کاظمی") in names
    assert all("روحانی" not in t for _, t in names)


def test_actors_ner_coverage_lists_unknown_not_known(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(
        "سخنگوی شرکت ملی گاز ایران گفت که رضا کاظمی مدیرعامل این شرکت فردا به تبریز می‌رود.\n"
        "رضا کاظمی پیش از این با سید عباس عراقچی دیدار کرده بود.\n",
        encoding="utf-8",
    )
    r = CliRunner().invoke(cli, ["coverage", str(f), "--top", "5"])
    assert r.exit_code == 0, r.output
    rows = [line.split("\t") for line in r.stdout.splitlines()]
    assert ["2", "PER", "رضا کاظمی"] in rows
    assert ["1", "ORG", "شرکت ملی گاز ایران"] in rows
    assert not any("عراقچی" in row[2] for row in rows)


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("RUN_SLOW") != "1", reason="full corpus: set RUN_SLOW=1")
def test_actors_ner_coverage_over_corpus():
    r = CliRunner().invoke(cli, ["coverage", str(SHARED / "corpus" / "news.jsonl.gz"), "--top", "30"])
    assert r.exit_code == 0
    assert len(r.stdout.splitlines()) == 60
