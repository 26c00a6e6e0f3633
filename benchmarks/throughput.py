"""End-to-end throughput and peak memory over the corpus: articles/s, MB/s, events, peak RSS.

Run: python benchmarks/throughput.py [../shared/corpus/news.jsonl.gz] [--limit N]
Figures are printed, not asserted.
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from rooydad import code_document, load_dictionaries
from rooydad.ingest import read

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "news.jsonl.gz"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("path", nargs="?", default=str(DEFAULT))
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()

    t0 = time.perf_counter()
    d = load_dictionaries()
    load_s = time.perf_counter() - t0
    errors = []
    n = chars = events = 0
    t1 = time.perf_counter()
    for doc in read([args.path], errors.append):
        coded = code_document(doc, d)
        n += 1
        chars += len(doc.text.encode("utf-8"))
        events += len(coded.visible_events())
        if args.limit and n >= args.limit:
            break
    secs = time.perf_counter() - t1
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows = [
        ("dictionaries load (s)", f"{load_s:.2f}"),
        ("articles", f"{n:,}"),
        ("read errors", f"{len(errors):,}"),
        ("events (counted)", f"{events:,}"),
        ("seconds", f"{secs:.1f}"),
        ("articles/s (1 core)", f"{n / secs:,.0f}"),
        ("MB/s (1 core)", f"{chars / secs / 1e6:.2f}"),
        ("peak RSS (MB)", f"{peak_mb:,.0f}"),
    ]
    w = max(len(k) for k, _ in rows)
    print(f"{'measure':<{w}}  value\n{'-' * w}  -----")
    for k, v in rows:
        print(f"{k:<{w}}  {v}")


if __name__ == "__main__":
    main()
