"""Stories: near-duplicates across agencies share a story id; their events are counted once."""

import os

import pytest
from click.testing import CliRunner

from rooydad import code_document
from rooydad.cli import cli
from rooydad.model import Document
from rooydad.stories import find_stories, jaccard, shingles, story_events, summarize

# One report as three agencies carry it: IRNA in Persian letters, Fars in Arabic letter forms with
# the half-spaces lost, ISNA with its own first words; and an unrelated report.
REPORT = ("سید عباس عراقچی وزیر امور خارجه جمهوری اسلامی ایران که به مسکو سفر کرده است، بعد از ظهر "
          "چهارشنبه با سرگئی لاوروف وزیر امور خارجه روسیه دیدار و در خصوص روابط دوجانبه و تحولات "
          "منطقه‌ای و بین‌المللی گفت‌وگو کرد. دو وزیر بر گسترش همکاری‌های دو کشور در همه حوزه‌ها تاکید کردند.")
IRNA = Document("irna-1", REPORT, "2025-12-17", "ایرنا")
FARS = Document("fars-9", REPORT.replace("ی", "ي").replace("ک", "ك").replace("\u200c", ""), "2025-12-17", "فارس")
ISNA = Document("isna-5", "به گزارش ایسنا، " + REPORT, "2025-12-18", "ایسنا")
IRNA2 = Document("irna-0", REPORT, "2025-12-17", "ایرنا")  # the same agency running it twice
OTHER = Document("mehr-3", "رئیس‌جمهور ایران در تهران با نخست‌وزیر عراق دیدار کرد و دو طرف درباره همکاری‌های اقتصادی و انرژی گفت‌وگو کردند.", "2025-12-17", "مهر")


def test_stories_shingles_fold_letter_forms():
    assert jaccard(shingles(IRNA.text), shingles(FARS.text)) == 1.0
    assert jaccard(shingles(IRNA.text), shingles(OTHER.text)) < 0.2


def test_stories_group_near_duplicates_across_agencies():
    st = find_stories([IRNA, FARS, ISNA, IRNA2, OTHER])
    assert st.story_of == {"irna-1": "fars-9", "fars-9": "fars-9", "isna-5": "fars-9", "irna-0": "fars-9", "mehr-3": "mehr-3"}
    s = summarize(st, {d.id: d.agency for d in (IRNA, FARS, ISNA, IRNA2, OTHER)})
    assert (s.documents, s.stories, s.multi_article, s.cross_agency, len(s.largest)) == (5, 2, 1, 0 + 1, 4)


def test_stories_threshold_decides():
    edited = Document("x", REPORT.split(".")[0] + ". سخنگوی وزارت خارجه روسیه نیز گفت این دیدار در فضایی سازنده برگزار شد و دو طرف درباره سوریه و قفقاز و افغانستان نیز رایزنی کردند.")
    sim = jaccard(shingles(IRNA.text), shingles(edited.text))
    assert 0.3 < sim < 0.8
    assert find_stories([IRNA, edited], threshold=0.8).story_of["x"] == "x"
    assert find_stories([IRNA, edited], threshold=sim - 0.05).story_of["x"] == "irna-1"


def test_stories_dated_days_apart_are_not_one_story():
    later = Document("irna-7", REPORT, "2025-12-24", "ایرنا")  # a templated report a week on
    assert find_stories([IRNA, later]).story_of["irna-7"] == "irna-7"
    assert find_stories([IRNA, later], max_days=None).story_of["irna-7"] == "irna-1"


def test_stories_events_counted_once_with_articles_and_sources(dictionaries):
    coded = [code_document(d, dictionaries) for d in (IRNA, FARS, ISNA, IRNA2, OTHER)]
    events = {(e.story_id, e.event.source.code, e.event.cameo, e.event.target.code): e for e in story_events(coded)}
    meet = events[("fars-9", "IRNGOV", "040", "RUSGOV")]
    assert (meet.num_articles, meet.num_sources) == (4, 3)
    assert meet.doc_ids == ("fars-9", "irna-0", "irna-1", "isna-5")
    assert set(meet.agencies) == {"ایرنا", "فارس", "ایسنا"}
    assert meet.to_dict()["num_sources"] == 3 and meet.to_dict()["cameo"] == "040"
    assert all(e.num_articles == 1 for e in events.values() if e.story_id == "mehr-3")


def test_stories_cli_summary(tmp_path):
    import json

    p = tmp_path / "batch.jsonl"
    p.write_text("\n".join(json.dumps({"id": d.id, "date": d.date, "agency": d.agency, "text": d.text}, ensure_ascii=False) for d in (IRNA, FARS, ISNA, OTHER)) + "\n", encoding="utf-8")
    r = CliRunner().invoke(cli, ["stories", str(p)])
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    assert lines[0] == "4 documents, 2 stories (1 of two articles or more, 1 across agencies)"
    assert lines[1].split()[:3] == ["3", "fars-9", "2025-12-17"]


def test_stories_cli_events(tmp_path):
    import json

    p = tmp_path / "batch.jsonl"
    p.write_text("\n".join(json.dumps({"id": d.id, "date": d.date, "agency": d.agency, "text": d.text}, ensure_ascii=False) for d in (IRNA, FARS, ISNA, OTHER)) + "\n", encoding="utf-8")
    r = CliRunner().invoke(cli, ["stories", str(p), "--events"])
    assert r.exit_code == 0, r.output
    rows = [json.loads(x) for x in r.output.splitlines()]
    meet = next(x for x in rows if x["cameo"] == "040" and x["story_id"] == "fars-9")
    assert (meet["num_articles"], meet["num_sources"], meet["source"]["code"], meet["target"]["code"]) == (3, 3, "IRNGOV", "RUSGOV")
    assert meet["location"]["name"] == "Moscow"


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("RUN_SLOW") != "1", reason="full corpus: set RUN_SLOW=1")
def test_stories_corpus():
    from pathlib import Path

    from rooydad.ingest import read

    corpus = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "news.jsonl.gz"
    st = find_stories(read([str(corpus)], lambda e: None))
    assert len(st.story_of) > 13000 and len(st.members) < len(st.story_of)
