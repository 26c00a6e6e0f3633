"""The store questions the views ask, shaped for JSON: thin calls to :mod:`rooydad.store.queries`."""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import lru_cache
from typing import Any

from ..store import open_store
from ..store import queries as Q

NETWORK_SCAN = 20_000  # events read to draw the actor network


@lru_cache(maxsize=4)
def open_cached(url: str):
    """One store per URL for the life of the app (reads run in threads: SQLite in WAL)."""
    return open_store(url)


def _filter(f: dict[str, Any], doc_id: str | None = None) -> Q.EventFilter:
    return Q.EventFilter(source=f.get("source"), target=f.get("target"), root=f.get("root"), code=f.get("code"),
                         since=f.get("since"), until=f.get("until"), doc_id=doc_id)


def _event(r: Q.EventRow) -> dict[str, Any]:
    d = r.to_dict()
    d["source"] = {"code": r.source, "name": r.source_name}
    d["target"] = {"code": r.target, "name": r.target_name}
    return d


def events(store, f: dict[str, Any], limit: int, offset: int) -> list[dict[str, Any]]:
    """Events matching the filters; with ``q``, only events of articles the text search finds."""
    if f.get("q"):
        hits = Q.search(store, f["q"], 200)
        rows = [r for h in hits for r in Q.events(store, _filter(f, h.doc_id), limit=None)]
        rows.sort(key=lambda r: (r.date or "", r.id))
        rows = rows[offset : offset + limit]
    else:
        rows = Q.events(store, _filter(f), limit=limit, offset=offset)
    if f.get("agency"):
        agencies = {r.doc_id: (Q.document(store, r.doc_id).agency or "") for r in rows}
        rows = [r for r in rows if f["agency"] in agencies[r.doc_id]]
    return [_event(r) for r in rows]


def series(store, source, target, by, since, until) -> dict[str, Any]:
    s = Q.series(store, Q.EventFilter(source=source, target=target, since=since, until=until), by)
    return {"series": [{"period": r.period, "count": r.events, "goldstein": r.goldstein_mean,
                        "quad_class": [r.quad1, r.quad2, r.quad3, r.quad4]} for r in s.rows], "undated": s.undated}


def top_actors(store, top: int, since, until) -> dict[str, Any]:
    return {"actors": [a.to_dict() for a in Q.top_actors(store, top, Q.EventFilter(since=since, until=until))]}


def network(store, top: int, since, until) -> list[dict[str, Any]]:
    """The ``top`` actor pairs by event count (with mean Goldstein), for a graph."""
    counts: Counter = Counter()
    gold: defaultdict = defaultdict(float)
    for r in Q.events(store, Q.EventFilter(since=since, until=until), limit=NETWORK_SCAN):
        counts[r.source, r.target] += 1
        gold[r.source, r.target] += r.goldstein
    return [{"source": s, "target": t, "count": n, "goldstein": round(gold[s, t] / n, 2)} for (s, t), n in counts.most_common(top)]


def document(store, doc_id: str) -> dict[str, Any] | None:
    d = Q.document(store, doc_id)
    if d is None:
        return None
    return {"doc_id": d.id, "date": d.date, "agency": d.agency, "title": d.title, "source": d.source, "text": d.text, "events": d.events}


def search(store, q: str, limit: int) -> list[dict[str, Any]]:
    return [h.to_dict() for h in Q.search(store, q, limit)]
