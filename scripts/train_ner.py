"""Train the entity recogniser (rooydad/data/ner/crf.model) and score it on PEYMA's test split.

Run: python scripts/train_ner.py [--ner-dir ../shared/ner] [--parstwiner] [--rebuild-clusters]

Two steps. (1) Word clusters (rooydad/data/ner/clusters.tsv.gz, built when missing or with
--rebuild-clusters): every matching key seen 3 times or more in the news corpus and the train
splits, described by its left and right neighbours among the 3,000 commonest keys (PPMI,
100-dimension SVD) and grouped by k-means into 128 and 1,024 clusters (fixed seeds). (2) The
CRF (L-BFGS, elastic net) on PEYMA's train split, ParsTwiNER's too with --parstwiner.
The clusters need the `build` extra (scikit-learn, scipy): pip install -e '.[build]'.

The gold sets are CoNLL (`token<TAB>BIO-tag`). Each sentence is rebuilt as text (tokens joined
by spaces), re-tokenized with rooydad's own tokenizer, and the gold entities are projected onto
rooydad's tokens (a token overlapping a gold span belongs to it). Tag sets map onto PER, ORG,
LOC: PEYMA's PER/ORG/LOC stay, DAT TIM MON PCT become O; ParsTwiNER's POG (political group)
becomes ORG, NAT EVE become O. Scores are entity-level, exact token span and type, on
`peyma_test.conll`, for the CRF and for a dictionary-only baseline (a span is PER/ORG/LOC iff
the actor dictionary matches it: person -> PER; IGO, or an agent phrase not headed by a title
-> ORG; country or capital -> LOC).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pycrfsuite

from rooydad.actors.dictionary import load_actor_dictionary
from rooydad.actors.ner import LABELS, TITLES, Entity, clusters_path, dictionary_tags, features, load_clusters, model_path, spans
from rooydad.model import Token
from rooydad.text import tokenize

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_NER = ROOT.parent / "shared" / "ner"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "news.jsonl.gz"
TAG_MAP = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "POG": "ORG"}


@dataclass
class Sentence:
    tokens: list[Token]
    gold: list[Entity]
    misaligned: int  # gold entities whose edges fall inside a rooydad token


def read_conll(path: Path) -> Iterator[tuple[list[str], list[str]]]:
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if words:
                yield words, tags
            words, tags = [], []
            continue
        w, _, t = line.rpartition("\t")
        if w.strip():
            words.append(w.strip())
            tags.append(t.strip())
    if words:
        yield words, tags


def project(words: list[str], tags: list[str]) -> Sentence:
    """The sentence as rooydad tokens with the gold entities on them."""
    offsets = []
    pos = 0
    for w in words:
        offsets.append((pos, pos + len(w)))
        pos += len(w) + 1
    text = " ".join(words)
    mapped = []
    for t in tags:
        label = TAG_MAP.get(t[2:]) if t != "O" else None
        mapped.append(f"{t[:2]}{label}" if label else "O")
    tokens = tokenize(text)
    gold: list[Entity] = []
    misaligned = 0
    used: set[int] = set()
    for e in spans(mapped):
        s, end = offsets[e.start][0], offsets[e.end - 1][1]
        idx = [i for i, t in enumerate(tokens) if t.start < end and t.end > s]
        if not idx or used.intersection(idx):
            misaligned += 1
            continue
        if tokens[idx[0]].start != s or tokens[idx[-1]].end != end:
            misaligned += 1
        used.update(idx)
        gold.append(Entity(idx[0], idx[-1] + 1, e.label))
    return Sentence(tokens, gold, misaligned)


def bio(s: Sentence) -> list[str]:
    tags = ["O"] * len(s.tokens)
    for e in s.gold:
        tags[e.start] = "B-" + e.label
        for i in range(e.start + 1, e.end):
            tags[i] = "I-" + e.label
    return tags


def load(path: Path) -> list[Sentence]:
    return [s for s in (project(w, t) for w, t in read_conll(path)) if s.tokens]


def score(gold: list[list[Entity]], pred: list[list[Entity]]) -> dict[str, tuple[int, int, int]]:
    """label -> (true positives, predicted, gold), entity-level exact span and type."""
    tp: Counter = Counter()
    np_: Counter = Counter()
    ng: Counter = Counter()
    for g, p in zip(gold, pred):
        gs = {(e.start, e.end, e.label) for e in g}
        for e in p:
            np_[e.label] += 1
            tp[e.label] += (e.start, e.end, e.label) in gs
        for e in g:
            ng[e.label] += 1
    return {lab: (tp[lab], np_[lab], ng[lab]) for lab in LABELS}


def table(title: str, counts: dict[str, tuple[int, int, int]]) -> str:
    rows = [title, f"{'type':<8}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}{'pred':>7}"]
    overall = tuple(sum(c[i] for c in counts.values()) for i in range(3))
    for lab, (tp, npred, ngold) in list(counts.items()) + [("overall", overall)]:
        p = tp / npred if npred else 0.0
        r = tp / ngold if ngold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        rows.append(f"{lab:<8}{p:7.3f}{r:7.3f}{f:7.3f}{ngold:7d}{npred:7d}")
    return "\n".join(rows)


def unlabelled(corpus: Path, conll: list[Path]) -> Iterator[list[str]]:
    """Key sequences of the corpus paragraphs and of the train splits' sentences."""
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        for line in f:
            for para in json.loads(line)["text"].split("\n"):
                yield [t.key for t in tokenize(para)]
    for path in conll:
        for words, _ in read_conll(path):
            yield [t.key for t in tokenize(" ".join(words))]


def build_clusters(sentences: list[list[str]], out: Path, min_count: int = 3, contexts: int = 3000) -> None:
    import numpy as np
    from scipy import sparse
    from sklearn.cluster import MiniBatchKMeans
    from sklearn.decomposition import TruncatedSVD

    freq = Counter(k for s in sentences for k in s)
    vocab = [k for k, c in freq.most_common() if c >= min_count]
    vi = {k: i for i, k in enumerate(vocab)}
    ci = {k: i for i, (k, _) in enumerate(freq.most_common(contexts))}
    rows: list[int] = []
    cols: list[int] = []
    for s in sentences:
        idx = [vi.get(k, -1) for k in s]
        cx = [ci.get(k, -1) for k in s]
        for i, v in enumerate(idx):
            if v < 0:
                continue
            if i > 0 and cx[i - 1] >= 0:
                rows.append(v)
                cols.append(cx[i - 1])
            if i + 1 < len(s) and cx[i + 1] >= 0:
                rows.append(v)
                cols.append(contexts + cx[i + 1])
    m = sparse.coo_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(vocab), 2 * contexts)).tocsr()
    m.sum_duplicates()
    total = m.sum()
    r = np.asarray(m.sum(1)).ravel()
    c = np.asarray(m.sum(0)).ravel()
    m = m.tocoo()
    pmi = np.log(m.data * total / (r[m.row] * c[m.col] + 1e-9) + 1e-12)
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (m.row[keep], m.col[keep])), shape=m.shape)
    x = TruncatedSVD(100, random_state=0).fit_transform(ppmi)
    x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-9
    coarse = MiniBatchKMeans(128, random_state=0, batch_size=4096, n_init=1).fit_predict(x)
    fine = MiniBatchKMeans(1024, random_state=0, batch_size=4096, n_init=1).fit_predict(x)
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(out, "wt", encoding="utf-8") as f:
        for i, w in enumerate(vocab):
            f.write(f"{w}\t{coarse[i]}\t{fine[i]}\n")


def dictionary_baseline(tokens: list[Token], d) -> list[Entity]:
    tags = dictionary_tags(tokens, d)
    out = []
    for e in spans(tags):
        if e.label == "PER":
            out.append(e)
        elif e.label == "LOC":
            out.append(e)
        elif e.label == "ORG" or (e.label == "AGT" and tokens[e.start].key not in TITLES and e.end - e.start > 1):
            out.append(Entity(e.start, e.end, "ORG"))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ner-dir", default=str(DEFAULT_NER))
    ap.add_argument("--parstwiner", action="store_true", help="Also train on ParsTwiNER's train split.")
    ap.add_argument("--c1", type=float, default=0.1)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--iterations", type=int, default=150)
    ap.add_argument("--min-freq", type=float, default=1)
    ap.add_argument("--out", default=str(model_path()))
    ap.add_argument("--no-train", action="store_true", help="Only score the model at --out.")
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="Unlabelled news for the word clusters.")
    ap.add_argument("--rebuild-clusters", action="store_true")
    ap.add_argument("--no-clusters", action="store_true", help="Train without cluster features (for comparison).")
    args = ap.parse_args()
    ner = Path(args.ner_dir)
    d = load_actor_dictionary()

    train_files = [ner / "peyma_train.conll"] + ([ner / "parstwiner_train.conll"] if args.parstwiner else [])
    out = Path(args.out)
    if args.rebuild_clusters or not clusters_path().exists():
        t0 = time.perf_counter()
        build_clusters(list(unlabelled(Path(args.corpus), [ner / "peyma_train.conll", ner / "parstwiner_train.conll"])), clusters_path())
        print(f"clusters built in {time.perf_counter() - t0:.0f} s: {clusters_path()}", file=sys.stderr)
    clusters = {} if args.no_clusters else load_clusters(str(clusters_path()))
    if not args.no_train:
        train(train_files, args, d, clusters, out)
    evaluate(ner, train_files, d, clusters, out)


def train(train_files: list[Path], args, d, clusters, out: Path) -> None:
    t0 = time.perf_counter()
    trainer = pycrfsuite.Trainer(verbose=False)
    n_train = misaligned = n_gold = 0
    for f in train_files:
        for s in load(f):
            trainer.append(features(s.tokens, d, clusters), bio(s))
            n_train += 1
            misaligned += s.misaligned
            n_gold += len(s.gold)
    print(f"train: {n_train} sentences from {', '.join(f.name for f in train_files)}; "
          f"{misaligned} of {n_gold + misaligned} gold entities not on rooydad token edges", file=sys.stderr)
    trainer.set_params({"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations,
                        "feature.possible_transitions": True, "feature.minfreq": args.min_freq})
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    print(f"trained in {time.perf_counter() - t0:.0f} s; model {out} {os.path.getsize(out) / 1e6:.2f} MB", file=sys.stderr)



def evaluate(ner: Path, train_files: list[Path], d, clusters, out: Path) -> None:
    test = load(ner / "peyma_test.conll")
    tagger = pycrfsuite.Tagger()
    tagger.open(str(out))
    gold = [s.gold for s in test]
    crf = [list(spans(tagger.tag(features(s.tokens, d, clusters)))) for s in test]
    base = [dictionary_baseline(s.tokens, d) for s in test]
    mis = sum(s.misaligned for s in test)
    print(f"peyma_test: {len(test)} sentences, {sum(map(len, gold))} gold entities on rooydad tokens "
          f"({mis} with an edge inside a token)")
    print(table("CRF (" + "+".join(f.stem for f in train_files) + ")", score(gold, crf)))
    print()
    print(table("dictionary only", score(gold, base)))


if __name__ == "__main__":
    main()
