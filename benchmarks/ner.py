"""The entity recogniser over the corpus: model load time, tokens/s, and the top unresolved names.

Run: python benchmarks/ner.py [../shared/corpus/news.jsonl.gz] [--limit N] [--top 30]
Figures are printed, not asserted. Tokens/s counts the recogniser alone (features + CRF),
on every sentence: the pipeline runs it only where the dictionaries leave a span unresolved.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from rooydad.actors.dictionary import load_actor_dictionary
from rooydad.actors.ner import EntityRecognizer, model_path, unresolved
from rooydad.ingest import read
from rooydad.text import split_sentences, tokenize

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "news.jsonl.gz"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("path", nargs="?", default=str(DEFAULT))
    ap.add_argument("--limit", type=int, default=None, help="Documents to read (default: all).")
    ap.add_argument("--top", type=int, default=30)
    args = ap.parse_args()

    load_actor_dictionary()  # timed apart: the pipeline loads it anyway
    t0 = time.perf_counter()
    r = EntityRecognizer(model_path())
    load_s = time.perf_counter() - t0

    counts: Counter[tuple[str, str]] = Counter()
    forms: dict[tuple[str, str], Counter[str]] = {}
    n_docs = n_tokens = 0
    tag_s = cpu_s = 0.0
    errors: list = []
    for doc in read([args.path], errors.append):
        n_docs += 1
        for s, e in split_sentences(doc.text):
            tokens = tokenize(doc.text, s, e)
            if not tokens:
                continue
            n_tokens += len(tokens)
            t, c = time.perf_counter(), time.process_time()
            found = list(unresolved(doc.text, tokens, r))
            tag_s += time.perf_counter() - t
            cpu_s += time.process_time() - c
            for u in found:
                k = (u.label, u.key)
                counts[k] += 1
                forms.setdefault(k, Counter())[u.text] += 1
        if args.limit and n_docs >= args.limit:
            break

    print(f"model: {model_path().stat().st_size / 1e6:.2f} MB, loaded in {load_s * 1000:.0f} ms")
    print(f"{n_docs} documents, {n_tokens:,} tokens, recogniser {tag_s:.1f} s wall, {cpu_s:.1f} s CPU: "
          f"{n_tokens / tag_s:,.0f} tokens/s wall, {n_tokens / cpu_s:,.0f} tokens/s per CPU second")
    for label in ("PER", "ORG"):
        print(f"\ntop {args.top} unresolved {label}")
        for (lab, k), n in [(k, n) for k, n in counts.most_common() if k[0] == label][: args.top]:
            print(f"{n:6d}  {forms[(lab, k)].most_common(1)[0][0]}")


if __name__ == "__main__":
    main()
