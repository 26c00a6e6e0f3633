"""Polling feeds into a store: fetch, skip what is stored unchanged, code and write the rest.

One failing feed (unreachable, not a feed, a bad item) is logged and the others go on; a store
that cannot be written stops the run, since nothing after it could be kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import CodingError, InputError
from .ingest.feeds import read_feed, read_feed_url
from .pipeline import code_document, load_dictionaries

_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")


def parse_interval(text: str) -> float:
    """Seconds in ``"10m"``, ``"30s"``, ``"1h"``, ``"1d"`` or a bare number of seconds.

    >>> parse_interval("10m")
    600.0
    """
    m = _INTERVAL.match(text)
    if not m or float(m.group(1)) <= 0:
        raise ValueError(f"{text!r} is not an interval (use e.g. 30s, 10m, 1h)")
    return float(m.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[m.group(2)]


@dataclass
class PollReport:
    """What one pass over the feeds did."""

    new: int = 0
    changed: int = 0
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)
    failed_feeds: set[str] = field(default_factory=set)


def poll(feeds: Iterable[str], store, log: Callable[[str], None] = print) -> PollReport:
    """One pass: every item of every feed, coded and written unless stored unchanged."""
    d = load_dictionaries()
    rep = PollReport()
    for feed in feeds:
        def on_error(err: InputError, feed=feed) -> None:
            rep.errors.append(str(err))
            if err.line is None:  # the feed as a whole failed
                rep.failed_feeds.add(feed)
            log(f"rooydad watch: {err}")

        items = read_feed_url(feed, on_error) if feed.startswith(("http://", "https://")) else read_feed(Path(feed), on_error)
        for doc in items:
            state = store.status(doc)
            if state == "same":
                rep.unchanged += 1
                continue
            try:
                coded = code_document(doc, d)
            except CodingError as e:  # one article the coder fails on: logged, the feed goes on
                rep.errors.append(str(e))
                log(f"rooydad watch: {feed}: {e}")
                continue
            store.write(coded)
            rep.new += state == "new"
            rep.changed += state == "changed"
    return rep
