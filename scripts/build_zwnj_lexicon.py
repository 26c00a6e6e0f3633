"""Build the half-space lexicon `src/rooydad/data/fa/zwnj_lexicon.tsv.gz` from the news corpus.

Most corpus articles keep their half-spaces, so every word written with one (`گفت‌وگو`) tells
how that word should look; the same articles also tell how often the word appears without
it (`گفتوگو`) or with a space instead (`گفت وگو`). The lexicon keeps, per word form with a
half-space, those three counts, and the restorer picks the most frequent writing.

Training uses every article except the held-out ones that `benchmarks/text_layer.py` scores:
the first 2,000 articles containing U+200C in the order of sha1(id) (`heldout_ids`).

    python scripts/build_zwnj_lexicon.py [--corpus ../shared/corpus/news.jsonl.gz] [--min-count 2]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from rooydad.text.normalize import clean_display  # noqa: E402
from rooydad.text.zwnj import Entry, Lexicon, compound_form, rule_form  # noqa: E402

ZWNJ = "\u200c"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "news.jsonl.gz"
OUT = ROOT / "src" / "rooydad" / "data" / "fa" / "zwnj_lexicon.tsv.gz"
HELDOUT = 2000
_WORD = re.compile(r"[\u0621-\u064a\u0671-\u06d3\u06d5\u200c]+")
_GAP = re.compile(r"[ \u00a0]+")


def read_corpus(path: Path) -> Iterator[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _order(rec_id: str) -> str:
    return hashlib.sha1(rec_id.encode("utf-8")).hexdigest()


def heldout_ids(path: Path = DEFAULT_CORPUS, n: int = HELDOUT) -> list[str]:
    """The scoring articles: the first ``n`` articles with a half-space, in sha1(id) order."""
    ids = [r["id"] for r in read_corpus(path) if ZWNJ in r["text"]]
    return sorted(ids, key=_order)[:n]


def words(text: str) -> Iterator[tuple[str, int, int]]:
    """Persian letter runs (half-spaces inside kept), with their span; stray edge ZWNJs dropped."""
    for m in _WORD.finditer(text):
        w = m.group()
        s, e = m.start(), m.end()
        while w.startswith(ZWNJ):
            w, s = w[1:], s + 1
        while w.endswith(ZWNJ):
            w, e = w[:-1], e - 1
        if w:
            yield re.sub(ZWNJ + "+", ZWNJ, w), s, e


def count(texts: list[str], min_count: int) -> tuple[dict[str, tuple[int, int, int]], Counter, Counter]:
    """(form -> (with half-space, glued, spaced)), join counts per affix, space counts per affix."""
    written: Counter[str] = Counter()  # every word as written (with or without ZWNJ)
    for t in texts:
        written.update(w for w, _, _ in words(t))
    best: dict[str, tuple[str, int]] = {}
    for w, c in written.items():
        if ZWNJ in w:
            k = w.replace(ZWNJ, "")
            if k not in best or c > best[k][1]:
                best[k] = (w, c)
    forms = {w: c for w, c in best.values() if c >= min_count}
    # Spaced n-grams: the parts of a form separated by one run of spaces.
    wanted = {tuple(f.split(ZWNJ)): f for f in forms}
    longest = max((len(p) for p in wanted), default=2)
    spaced: Counter[str] = Counter()
    space_after: Counter[str] = Counter()  # word w followed by a space-separated word
    space_before: Counter[str] = Counter()
    for t in texts:
        ws = list(words(t))
        for i in range(len(ws)):
            j = i
            parts = [ws[i][0]]
            while j + 1 < len(ws) and len(parts) < longest and _GAP.fullmatch(t[ws[j][2] : ws[j + 1][1]]):
                j += 1
                parts.append(ws[j][0])
                f = wanted.get(tuple(parts))
                if f is not None:
                    spaced[f] += 1
            if i + 1 < len(ws) and _GAP.fullmatch(t[ws[i][2] : ws[i + 1][1]]):
                space_after[ws[i][0]] += 1
                space_before[ws[i + 1][0]] += 1
    join_left: Counter[str] = Counter()
    join_right: Counter[str] = Counter()
    for w, c in written.items():
        if ZWNJ in w:
            parts = w.split(ZWNJ)
            join_left[parts[0]] += c
            join_right[parts[-1]] += c
    table = {f: (c, written.get(f.replace(ZWNJ, ""), 0), spaced[f]) for f, c in forms.items()}
    # Blocking entries: real words the affix rules would split (`میدان`, `تنها`), kept as written.
    known = {f.replace(ZWNJ, "") for f in forms}
    lex = Lexicon({f.replace(ZWNJ, ""): Entry(f, *v) for f, v in table.items()}, {})
    for w, c in written.items():
        if c >= min_count and ZWNJ not in w and w not in known and (rule_form(w) != w or compound_form(w, lex) != w):
            table[w] = (0, c, 0)
    affixes = Counter()
    for p, c in join_left.items():
        if c >= 20:
            affixes[("L", p)] = (c, space_after[p])
    for p, c in join_right.items():
        if c >= 20:
            affixes[("R", p)] = (c, space_before[p])
    return table, affixes, written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    held = set(heldout_ids(args.corpus))
    texts = [clean_display(r["text"]) for r in read_corpus(args.corpus) if r["id"] not in held]
    table, affixes, _ = count(texts, args.min_count)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(args.out, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write(f"# rooydad half-space lexicon: {len(texts)} training articles of news.jsonl.gz "
                 f"(the {HELDOUT} held-out scoring articles excluded), forms seen >= {args.min_count} times.\n")
        fh.write("# form\twith_zwnj\tglued\tspaced  |  affix lines: @L or @R part\tjoined\tspaced\n")
        for f, (z, g, s) in sorted(table.items()):
            fh.write(f"{f}\t{z}\t{g}\t{s}\n")
        for (side, p), (j, s) in sorted(affixes.items()):
            fh.write(f"@{side}\t{p}\t{j}\t{s}\n")
    print(f"{len(table)} forms, {len(affixes)} affixes, {args.out.stat().st_size / 1e6:.2f} MB -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
