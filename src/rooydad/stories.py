"""Stories: near-duplicate articles across agencies grouped, and their events counted once.

The same report is carried by many agencies, often word for word. Articles are compared on
word 3-gram shingles of the matching form (``text.key``: letter forms, digits and half-spaces
folded, so Fars's Arabic ``ي ك`` and IRNA's Persian ``ی ک`` look alike) with MinHash LSH
(datasketch); pairs the LSH proposes are kept when their shingle Jaccard reaches the threshold,
and kept pairs are joined transitively into stories. Two dated articles more than ``max_days``
apart are never one story: templated series (daily exchange rates, a car maker's weekly
pre-sales, the sessions of one trial) reach the threshold with different events. An event reported in several articles of one
story becomes one :class:`StoryEvent` with ``num_articles`` and ``num_sources`` (distinct
agencies), as GDELT's NumArticles and NumSources.
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .coding.tables import is_symmetric
from .model import CodedDocument, Document, Event
from .text.chars import key

NUM_PERM = 128
SHINGLE = 3


def shingles(text: str, k: int = SHINGLE) -> np.ndarray:
    """Sorted unique 32-bit hashes (CRC-32: stable across runs) of the word k-grams of the matching form."""
    words = [w for w in key(text).split() if any(c.isalnum() for c in w)]
    grams = {" ".join(words[i : i + k]) for i in range(max(1, len(words) - k + 1))} if words else set()
    return np.unique(np.fromiter((zlib.crc32(g.encode("utf-8")) for g in grams), dtype=np.uint64, count=len(grams)))


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Exact Jaccard similarity of two shingle-hash sets."""
    if not len(a) and not len(b):
        return 1.0
    inter = len(np.intersect1d(a, b, assume_unique=True))
    return inter / (len(a) + len(b) - inter)


@dataclass(frozen=True)
class Pair:
    """Two articles the LSH proposed, with their exact shingle Jaccard."""

    a: str
    b: str
    similarity: float


@dataclass
class Stories:
    """The grouping of a batch: ``story_of[doc_id]`` is the story id (its earliest article's id)."""

    story_of: dict[str, str]
    members: dict[str, list[str]]
    pairs: list[Pair] = field(default_factory=list)  # every candidate pair checked, kept or not
    threshold: float = 0.8


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def _days_apart(a: str | None, b: str | None) -> int:
    if not a or not b:
        return 0
    import datetime as dt

    return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days)


def find_stories(docs: Iterable[Document], threshold: float = 0.8, num_perm: int = NUM_PERM,
                 lsh_threshold: float | None = None, max_days: int | None = 2) -> Stories:
    """Group documents into stories of near-duplicates (Jaccard of word 3-grams >= ``threshold``).

    The LSH proposes pairs from ``lsh_threshold`` (default ``threshold - 0.1``) up, so pairs just
    under the threshold are checked (and listed in ``pairs``) too.

    >>> a = Document("a", "عراقچی وزیر امور خارجه ایران روز چهارشنبه در مسکو با لاوروف دیدار و گفت‌وگو کرد")
    >>> b = Document("b", "عراقچي وزير امور خارجه ايران روز چهارشنبه در مسكو با لاوروف ديدار و گفتوگو كرد")
    >>> find_stories([a, b]).story_of
    {'a': 'a', 'b': 'a'}
    """
    from datasketch import MinHash, MinHashLSH

    order: list[tuple[str, str]] = []  # (date, id): the story id is the earliest article's
    sets: dict[str, np.ndarray] = {}
    dates: dict[str, str | None] = {}
    bar = threshold - 0.1 if lsh_threshold is None else lsh_threshold
    lsh = MinHashLSH(threshold=min(max(0.05, bar), 0.99), num_perm=num_perm)  # a lower bar, the exact check after
    uf = _UnionFind()
    pairs: list[Pair] = []
    for doc in docs:
        if doc.id in sets:
            continue
        sh = shingles(doc.text)
        sets[doc.id] = sh
        dates[doc.id] = doc.date
        order.append((doc.date or "9999", doc.id))
        uf.find(doc.id)
        if not len(sh):
            continue
        m = MinHash(num_perm=num_perm, hashfunc=int)
        m.update_batch(sh.tolist())
        for other in lsh.query(m):
            sim = jaccard(sh, sets[other])
            pairs.append(Pair(other, doc.id, sim))
            if sim >= threshold and (max_days is None or _days_apart(dates[other], doc.date) <= max_days):
                uf.union(other, doc.id)
        lsh.insert(doc.id, m)
    members: dict[str, list[str]] = defaultdict(list)
    for _, doc_id in sorted(order):
        members[uf.find(doc_id)].append(doc_id)
    story_of: dict[str, str] = {}
    named: dict[str, list[str]] = {}
    for ids in members.values():
        named[ids[0]] = ids
        for i in ids:
            story_of[i] = ids[0]
    return Stories({d: story_of[d] for _, d in order}, named, pairs, threshold)


@dataclass(frozen=True)
class StoryEvent:
    """One event of a story, however many of its articles report it (GDELT NumArticles/NumSources)."""

    story_id: str
    event: Event  # as coded in the earliest article reporting it
    num_articles: int
    num_sources: int
    doc_ids: tuple[str, ...]
    agencies: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "story_id": self.story_id, "num_articles": self.num_articles, "num_sources": self.num_sources,
            "doc_ids": list(self.doc_ids), "agencies": list(self.agencies), **self.event.to_dict(),
        }


def _event_key(e: Event) -> tuple:
    a, b = e.source.code, e.target.code
    if is_symmetric(e.cameo):
        a, b = sorted((a, b))
    return (a, e.cameo, b, e.embedded, e.negated, e.modality)


def story_events(coded: Iterable[CodedDocument], stories: Stories | Mapping[str, str] | None = None,
                 threshold: float = 0.8) -> list[StoryEvent]:
    """Events merged per story: one per (story, source, CAMEO, target), counted over its articles.

    Without ``stories`` the documents are grouped here (``find_stories``) first.
    """
    coded = list(coded)
    if stories is None:
        stories = find_stories((c.document for c in coded), threshold)
    story_of = stories.story_of if isinstance(stories, Stories) else stories
    groups: dict[tuple, list[tuple[CodedDocument, Event]]] = defaultdict(list)
    for c in sorted(coded, key=lambda c: (c.document.date or "9999", c.document.id)):
        sid = story_of.get(c.document.id, c.document.id)
        for e in c.events:
            groups[(sid, _event_key(e))].append((c, e))
    out = []
    for (sid, _), hits in groups.items():
        ids = tuple(dict.fromkeys(c.document.id for c, _ in hits))
        agencies = tuple(dict.fromkeys(c.document.agency for c, _ in hits if c.document.agency))
        out.append(StoryEvent(sid, hits[0][1], len(ids), max(1, len(agencies)), ids, agencies))
    return out


@dataclass(frozen=True)
class StorySummary:
    """Counts for a batch: how much the corpus repeats itself, and across how many agencies."""

    documents: int
    stories: int
    multi_article: int  # stories of two articles or more
    cross_agency: int  # stories carried by two agencies or more
    largest: tuple[str, ...]  # the ids of the largest story's articles


def summarize(stories: Stories, agency_of: Mapping[str, str | None]) -> StorySummary:
    sizes = sorted(stories.members.values(), key=len, reverse=True)
    return StorySummary(
        documents=len(stories.story_of),
        stories=len(stories.members),
        multi_article=sum(len(m) > 1 for m in sizes),
        cross_agency=sum(len({agency_of.get(i) for i in m} - {None}) > 1 for m in sizes),
        largest=tuple(sizes[0]) if sizes else (),
    )


def iter_story_rows(stories: Stories) -> Iterator[tuple[str, str]]:
    """(doc_id, story_id) rows, for export beside the events."""
    yield from stories.story_of.items()
