"""rooydad watch: one pass over local feed files into a store; a failing feed does not stop the others."""

from click.testing import CliRunner

from rooydad.cli import cli
from rooydad.store import open_store
from rooydad.watch import parse_interval

from .test_ingest_formats import RSS


def test_watch_once_codes_and_stores_new_items(tmp_path):
    feed = tmp_path / "irna.rss"
    feed.write_text(RSS, encoding="utf-8")
    broken = tmp_path / "broken.xml"
    broken.write_text("<html>نه خوراک</html", encoding="utf-8")
    db = tmp_path / "w.db"
    refused = "http://127.0.0.1:9/feed.rss"  # nothing listens on the discard port: fails at once, offline
    r = CliRunner().invoke(cli, ["watch", str(broken), refused, str(feed), str(tmp_path / "missing.rss"), "--db", str(db), "--once"])
    assert r.exit_code == 0, r.output
    assert "2 new, 0 changed, 0 unchanged" in r.output and "3 of 4 feed(s) failed" in r.output
    assert f"{refused}: cannot fetch (ConnectError" in r.output
    assert f"{broken}: not an RSS/Atom feed" in r.output
    store = open_store(str(db))
    try:
        assert store.counts()[0] == 2 and store.counts()[1] >= 1  # the Araghchi–Lavrov meeting at least
    finally:
        store.close()
    again = CliRunner().invoke(cli, ["watch", str(feed), "--db", str(db), "--once"])
    assert "0 new, 0 changed, 2 unchanged" in again.output


def test_watch_interval():
    assert [parse_interval(x) for x in ("10m", "30s", "1h", "45")] == [600, 30, 3600, 45]
    r = CliRunner().invoke(cli, ["watch", "x.rss", "--db", "x.db", "--every", "soon", "--once"])
    assert r.exit_code == 2 and "--every" in r.output
