"""Store figures: corpus ingestion (articles/s, the store's share of the time) and queries over
a million synthetic events (``series`` for one dyad by month, ``events`` for one dyad and year).

Run:
    python benchmarks/store.py ingest [CORPUS] [--db URL] [--limit N] [--workers N]
    python benchmarks/store.py queries [--db URL] [--events 1000000]

``ingest`` is ``rooydad ingest`` (read → code on a process pool → batched writes); the store's
share is the time the writing process spent reading hashes and writing batches over wall time.
``queries`` fills a fresh store with synthetic events (fixed seed) unless it holds them already,
then times each query (best of 5, after one warm-up). Figures are printed, not asserted; load
from other processes on the machine skews wall-clock figures.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from rooydad.model import Actor, CodedDocument, Document, Event
from rooydad.store import open_store
from rooydad.store import queries as Q

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "news.jsonl.gz"
CODES = ["IRN", "IRNGOV", "IRNMIL", "USA", "USAGOV", "USAMIL", "RUS", "RUSGOV", "ISR", "ISRMIL", "CHN", "CHNGOV",
         "IGOEU", "IGOUNO", "SAU", "IRQ", "IRQGOV", "SYR", "TUR", "TURGOV", "FRA", "GBR", "DEU", "AFG", "PAK"]
CAMEO = [("010", 1, 0.0), ("040", 1, 1.0), ("042", 1, 1.9), ("051", 1, 3.4), ("057", 2, 8.0), ("061", 2, 6.4),
         ("111", 3, -2.0), ("112", 3, -2.0), ("138", 3, -7.0), ("163", 4, -8.0), ("190", 4, -10.0)]


def bench_ingest(args) -> None:
    from rooydad.cli.progress import Tally, documents
    from rooydad.engine import run
    from rooydad.store.ingest import ingest_documents

    db = args.db or str(Path(tempfile.mkdtemp()) / "ingest.db")
    tally = Tally()
    docs = documents([args.corpus], tally, progress=False)
    if args.limit:
        docs = (d for i, d in zip(range(args.limit), docs))
    with open_store(db) as store:
        s = ingest_documents(store, docs, lambda ds: run(ds, workers=args.workers), args.batch_size)
        n_docs, n_events = store.counts()
    n = s.added + s.replaced
    print(f"ingest {db}: {n} articles coded and stored in {s.seconds:.1f} s = {n / s.seconds:.1f} articles/s "
          f"({n_events} events); store {s.store_seconds:.1f} s = {100 * s.store_share:.1f}% of the time; "
          f"{tally.failed} records unreadable")


def _synthetic(n_events: int, per_doc: int = 10):
    rng = random.Random(42)
    start = time.mktime((2015, 1, 1, 0, 0, 0, 0, 0, -1))
    for d in range(n_events // per_doc):
        day = time.strftime("%Y-%m-%d", time.localtime(start + rng.randrange(10 * 365) * 86400))
        evs = []
        for i in range(per_doc):
            a, b = rng.sample(CODES, 2)
            code, quad, gold = rng.choice(CAMEO)
            evs.append(Event(Actor(a, "x"), Actor(b, "y"), code, quad, gold, None, None, day if rng.random() > 0.05 else None,
                             i, (0, 1), "x", "synthetic", 1.0))
        yield CodedDocument(Document(id=f"s{d:07d}", text=f"سند {d}", date=day), tuple(evs))


def bench_queries(args) -> None:
    db = args.db or str(Path(tempfile.mkdtemp()) / "events.db")
    with open_store(db) as store:
        if store.counts()[1] < args.events:
            t = time.perf_counter()
            batch = []
            for c in _synthetic(args.events):
                batch.append(c)
                if len(batch) == 2000:
                    store.write_batch(batch)
                    batch = []
            store.write_batch(batch)
            print(f"filled {db} with {store.counts()[1]} events in {time.perf_counter() - t:.0f} s")
        cases = {
            "series IRN:USA by month": lambda: Q.series(store, Q.EventFilter.dyad("IRN:USA"), "month"),
            "series IRNGOV:USAGOV by week": lambda: Q.series(store, Q.EventFilter.dyad("IRNGOV:USAGOV"), "week"),
            "events IRN:USA in 2020 (all rows)": lambda: Q.events(store, Q.EventFilter("IRN", "USA", since="2020-01-01", until="2020-12-31"), limit=None),
            "events IRN:USA in 2020 (first 100)": lambda: Q.events(store, Q.EventFilter("IRN", "USA", since="2020-01-01", until="2020-12-31"), limit=100),
            "top_actors 20": lambda: Q.top_actors(store, 20),
            "search one word": lambda: Q.search(store, "سند", 20),
        }
        print(f"{store.dialect}, {store.counts()[1]} events:")
        for name, fn in cases.items():
            out = fn()
            times = []
            for _ in range(5):
                t = time.perf_counter()
                fn()
                times.append(time.perf_counter() - t)
            size = len(out.rows) if hasattr(out, "rows") else len(out)
            print(f"  {name:<38} {min(times) * 1000:8.1f} ms  ({size} rows)")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="what", required=True)
    i = sub.add_parser("ingest")
    i.add_argument("corpus", nargs="?", default=str(DEFAULT))
    i.add_argument("--db")
    i.add_argument("--limit", type=int)
    i.add_argument("--workers", type=int)
    i.add_argument("--batch-size", type=int, default=200)
    q = sub.add_parser("queries")
    q.add_argument("--db")
    q.add_argument("--events", type=int, default=1_000_000)
    args = p.parse_args()
    bench_ingest(args) if args.what == "ingest" else bench_queries(args)


if __name__ == "__main__":
    main()
