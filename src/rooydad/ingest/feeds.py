"""RSS and Atom feeds (files or URLs) with feedparser: one Document per item.

An item's id is its own (``<guid>``/``<id>``, else its link), its text the item's content or
summary with the markup taken out, its date the published (else updated) date, its agency the
feed's title. A file that is not a feed at all is one error; a feed cut short yields the items
read before the break and one error naming the break.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from ..errors import DateError, IngestError, InputError
from ..model import Document
from .common import check_text, read_file_bytes

_BLOCK = re.compile(r"(?i)<\s*(br|/p|/div|/li|/h[1-6])\b[^>]*>")


def _plain(fragment: str) -> str:
    """Text of an HTML fragment, paragraphs kept as lines."""
    if "<" not in fragment:
        return fragment.strip()
    import lxml.html

    try:
        node = lxml.html.fromstring(f"<div>{_BLOCK.sub(lambda m: m.group(0) + chr(10), fragment)}</div>")
    except Exception:  # a fragment lxml cannot parse at all: drop the tags by hand
        return re.sub(r"<[^>]*>", " ", fragment).strip()
    return "\n".join(line.strip() for line in node.text_content().splitlines() if line.strip())


def _date(entry, src: str, n: int) -> str | None:
    for key in ("published", "updated"):
        if entry.get(key):
            parsed = entry.get(f"{key}_parsed")
            if parsed is None:
                raise DateError(src, n, f"item date {entry.get(key)!r} does not parse")
            return time.strftime("%Y-%m-%d", parsed)
    return None


def parse_feed(data: bytes | str, src: str, on_error: Callable[[InputError], None]) -> Iterator[Document]:
    """Documents from the bytes of a feed; ``src`` names it in messages (record = item number)."""
    import feedparser

    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        exc = feed.get("bozo_exception")
        on_error(IngestError(src, None, f"not an RSS/Atom feed ({exc or 'no items'})"))
        return
    agency = (feed.feed.get("title") or "").strip() or None
    for n, entry in enumerate(feed.entries, 1):
        try:
            body = entry.get("content", [{}])[0].get("value") if entry.get("content") else entry.get("summary")
            text = check_text(_plain(body or ""), src, n)
            date = _date(entry, src, n)
        except InputError as e:
            on_error(e)
            continue
        doc_id = entry.get("id") or entry.get("link") or f"{src}#{n}"
        yield Document(
            id=str(doc_id), text=text, date=date, agency=agency,
            title=(entry.get("title") or "").strip() or None, origin=f"{src}:{n}",
        )
    if feed.bozo:
        exc = feed.get("bozo_exception")
        on_error(IngestError(src, len(feed.entries) + 1, f"feed breaks off after item {len(feed.entries)} ({exc})"))


def read_feed(path: Path, on_error: Callable[[InputError], None]) -> Iterator[Document]:
    """The items of a feed file."""
    data = read_file_bytes(path, on_error)
    if data is not None:
        yield from parse_feed(data, str(path), on_error)


def fetch(url: str, timeout: float = 30.0) -> bytes:
    """The body of ``url`` (redirects followed); any failure is an IngestError naming the URL."""
    import httpx

    try:
        r = httpx.get(url, timeout=timeout, follow_redirects=True, headers={"User-Agent": "rooydad"})
        r.raise_for_status()
    except httpx.HTTPError as e:
        raise IngestError(url, None, f"cannot fetch ({type(e).__name__}: {e})") from None
    return r.content


def read_feed_url(url: str, on_error: Callable[[InputError], None]) -> Iterator[Document]:
    """The items of a feed on the web."""
    try:
        data = fetch(url)
    except InputError as e:
        on_error(e)
        return
    yield from parse_feed(data, url, on_error)
