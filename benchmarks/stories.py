"""Stories on a corpus: how many, the largest, and a sample of pairs near the threshold to check by hand.

    python benchmarks/stories.py [/work/shared/corpus/news.jsonl.gz] [--threshold 0.8] [--sample 50]

Prints the figures, then ``--sample`` candidate pairs whose Jaccard lies within ``--window`` of the
threshold (both sides of it), each with the two articles' openings, for a person to judge.
"""

from __future__ import annotations

import argparse
import random
import time
from collections import Counter
from pathlib import Path

from rooydad.ingest import read
from rooydad.stories import find_stories, summarize

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "news.jsonl.gz"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("--threshold", type=float, default=0.8)
    ap.add_argument("--sample", type=int, default=50)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--window", type=float, default=0.15, help="Pairs within this distance of the threshold are sampled.")
    args = ap.parse_args()

    docs = {d.id: d for d in read([args.corpus], lambda e: None)}
    t0 = time.perf_counter()
    st = find_stories(docs.values(), args.threshold, lsh_threshold=args.threshold - 2 * args.window)
    secs = time.perf_counter() - t0
    s = summarize(st, {i: d.agency for i, d in docs.items()})
    print(f"documents {s.documents}  stories {s.stories}  multi-article {s.multi_article}  cross-agency {s.cross_agency}  ({secs:.1f} s, {s.documents / secs:,.0f} docs/s)")
    sizes = Counter(len(m) for m in st.members.values())
    print("story sizes:", ", ".join(f"{k}×{v}" for k, v in sorted(sizes.items())))
    print(f"articles in multi-article stories: {sum(k * v for k, v in sizes.items() if k > 1)}")
    big = [docs[i] for i in s.largest]
    print(f"largest story: {len(big)} articles, agencies {dict(Counter(d.agency for d in big))}, dates {min(d.date or '' for d in big)}..{max(d.date or '' for d in big)}")
    print(f"  title: {big[0].title}")
    kept = sum(p.similarity >= args.threshold for p in st.pairs)
    print(f"candidate pairs checked {len(st.pairs)}, kept {kept}")
    near = [p for p in st.pairs if abs(p.similarity - args.threshold) <= args.window]
    random.Random(args.seed).shuffle(near)
    print(f"\n{len(near)} pairs within {args.window} of the threshold; a sample of {min(args.sample, len(near))}:")
    for n, p in enumerate(sorted(near[: args.sample], key=lambda p: p.similarity), 1):
        a, b = docs[p.a], docs[p.b]
        print(f"\n#{n} J={p.similarity:.3f} {'KEPT' if p.similarity >= args.threshold else 'left'}  {a.id} ({a.agency}, {a.date})  ~  {b.id} ({b.agency}, {b.date})")
        print(f"  A: {a.title} | {a.text[:160]!r}")
        print(f"  B: {b.title} | {b.text[:160]!r}")


if __name__ == "__main__":
    main()
