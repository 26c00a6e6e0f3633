"""Text-layer benchmark: half-space restoration quality and normalize+split+tokenize speed.

(a) Restoration. The 2,000 held-out corpus articles with U+200C (never used to build the
lexicon: `scripts/build_zwnj_lexicon.py heldout_ids`) are damaged twice, half-spaces deleted and
half-spaces turned into spaces, and restored by rooydad and by every Persian normalizer that
imports here (hazm, shekar, parsivar, rishe: `pip install -e '.[bench]'`). Output and original
are aligned on their letters and digits (folded alike, punctuation and spacing ignored); a
half-space in the output is right when the original has one between the same two letters.
Printed per system and copy: precision, recall, F1, the share of words exactly as in the
original and the share of the original's half-spaced words restored exactly.

(b) Speed. Normalize + sentence split + tokenize over the whole corpus, one process (one
core), MB of UTF-8 input per second; a library slower than ``--budget`` seconds is stopped
there and measured on what it did.

    python benchmarks/text_layer.py [--articles 2000] [--budget 120] [--skip-speed]
"""

from __future__ import annotations

import argparse
import difflib
import importlib.util
import re
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ZWNJ = "\u200c"
warnings.filterwarnings("ignore")


def _build_module():
    spec = importlib.util.spec_from_file_location("build_zwnj_lexicon", ROOT / "scripts" / "build_zwnj_lexicon.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


# ---------------------------------------------------------------- systems


@dataclass
class System:
    name: str
    normalize: Callable[[str], str]
    pipeline: Callable[[str], int]  # normalize + split + tokenize; returns the token count


def _rooydad() -> System:
    from rooydad.text import split_sentences, tokenize
    from rooydad.text.normalize import normalize_display

    def pipeline(text: str) -> int:
        t = normalize_display(text)
        return sum(len(tokenize(t, s, e)) for s, e in split_sentences(t))

    return System("rooydad", normalize_display, pipeline)


def _hazm() -> System:
    import hazm

    n = hazm.Normalizer()
    return System("hazm", n.normalize, lambda t: sum(len(hazm.word_tokenize(s)) for s in hazm.sent_tokenize(n.normalize(t))))


def _parsivar() -> System:
    import parsivar

    n, tok = parsivar.Normalizer(), parsivar.Tokenizer()
    return System("parsivar", n.normalize, lambda t: sum(len(tok.tokenize_words(s)) for s in tok.tokenize_sentences(n.normalize(t))))


def _rishe() -> System:
    import rishe

    n = rishe.Normalizer()
    return System("rishe", n.normalize, lambda t: sum(len(rishe.word_tokenize(s)) for s in rishe.sent_tokenize(n.normalize(t))))


def _shekar() -> System:
    import shekar

    n, st, wt = shekar.Normalizer(), shekar.SentenceTokenizer(), shekar.WordTokenizer()
    return System("shekar", n, lambda t: sum(len(list(wt(s))) for s in st(n(t))))


def systems() -> list[System]:
    out = []
    for make in (_rooydad, _hazm, _shekar, _parsivar, _rishe):
        try:
            out.append(make())
        except Exception as exc:  # a library that does not install or import here is reported, not fatal
            print(f"# {make.__name__[1:]}: not available ({type(exc).__name__}: {exc})")
    return out


# ---------------------------------------------------------------- scoring


def _fold_table() -> dict[int, str]:
    from rooydad.text.chars import KEY_TABLE

    return KEY_TABLE


_FOLD = None
_WORDCHAR = re.compile(r"\w", re.UNICODE)


def skeleton(text: str) -> tuple[str, list[str]]:
    """Folded letters and digits, and before each the gap: "" none, "z" half-space only, " " else."""
    global _FOLD
    if _FOLD is None:
        _FOLD = _fold_table()
    chars: list[str] = []
    gaps: list[str] = []
    gap = " "
    for c in text:
        if c == ZWNJ:
            if gap == "":
                gap = "z"
            continue
        f = c.translate(_FOLD)
        if not f:
            continue
        if _WORDCHAR.match(f) and f != "_":
            for ch in f:
                chars.append(ch)
                gaps.append(gap)
                gap = ""
        else:
            gap = " "
    return "".join(chars), gaps


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    words: int = 0
    words_ok: int = 0
    zwords: int = 0
    zwords_ok: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)

    def add(self, original: str, output: str) -> None:
        a, ga = skeleton(original)
        b, gb = skeleton(output)
        aligned: list[str | None] = [None] * len(a)  # output gap before each original char
        if a == b:
            aligned = list(gb)
        else:
            sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
            for i, j, n in sm.get_matching_blocks():
                for k in range(n):
                    aligned[i + k] = gb[j + k] if k else (gb[j] if gb[j] != "" else None)
        for k in range(1, len(a)):
            want, got = ga[k] == "z", aligned[k] == "z"
            self.tp += want and got
            self.fp += got and not want
            self.fn += want and not got
        # words: runs between " " gaps of the original
        starts = [k for k in range(len(a)) if ga[k] == " "] + [len(a)]
        for s, e in zip(starts, starts[1:]):
            self.words += 1
            has_z = any(ga[k] == "z" for k in range(s + 1, e))
            self.zwords += has_z
            end_ok = e == len(a) or aligned[e] == " "
            ok = aligned[s] == " " and end_ok and all(aligned[k] == ga[k] for k in range(s + 1, e))
            self.words_ok += ok
            self.zwords_ok += ok and has_z

    def row(self, name: str, copy: str) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return (f"| {name:<9}| {copy:<8}| {p:.4f} | {r:.4f} | {f:.4f} | {self.words_ok / max(1, self.words):.4f} | "
                f"{self.zwords_ok / max(1, self.zwords):.4f} | {self.seconds:6.1f} |")


def restoration(systems_: list[System], texts: list[str]) -> None:
    print(f"\n## (a) half-space restoration, {len(texts)} held-out articles with U+200C "
          f"({sum(t.count(ZWNJ) for t in texts)} half-spaces)\n")
    print("| system   | copy    | P      | R      | F1     | words exact | ZWNJ words exact | seconds |")
    print("|----------|---------|--------|--------|--------|-------------|------------------|---------|")
    copies = {"deleted": [t.replace(ZWNJ, "") for t in texts], "spaced": [t.replace(ZWNJ, " ") for t in texts]}
    for copy, damaged in copies.items():
        for sys_ in systems_:
            sc = Score()
            for orig, dam in zip(texts, damaged):
                t0 = time.perf_counter()
                try:
                    out = sys_.normalize(dam)
                except Exception as exc:
                    sc.failures.append(repr(exc))
                    out = dam
                sc.seconds += time.perf_counter() - t0
                sc.add(orig, out)
            print(sc.row(sys_.name, copy) + (f" ({len(sc.failures)} failures)" if sc.failures else ""), flush=True)


def speed(systems_: list[System], texts: list[str], budget: float) -> None:
    total = sum(len(t.encode("utf-8")) for t in texts)
    print(f"\n## (b) normalize + split + tokenize, one core, corpus {total / 1e6:.1f} MB, budget {budget:.0f} s a system\n")
    print("| system   | MB done | seconds | MB/s per core | tokens |")
    print("|----------|---------|---------|---------------|--------|")
    rates = {}
    for sys_ in systems_:
        done, toks = 0, 0
        t0 = time.perf_counter()
        for t in texts:
            try:
                toks += sys_.pipeline(t)
            except Exception:
                pass
            done += len(t.encode("utf-8"))
            if time.perf_counter() - t0 > budget:
                break
        secs = time.perf_counter() - t0
        rates[sys_.name] = done / 1e6 / secs
        print(f"| {sys_.name:<9}| {done / 1e6:7.1f} | {secs:7.1f} | {rates[sys_.name]:13.2f} | {toks} |", flush=True)
    libs = {k: v for k, v in rates.items() if k != "rooydad"}
    if "rooydad" in rates and libs:
        fastest = max(libs, key=libs.get)
        print(f"\nrooydad / fastest library ({fastest}): {rates['rooydad'] / libs[fastest]:.2f}x")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--budget", type=float, default=120.0, help="seconds a system may spend on the speed run")
    ap.add_argument("--skip-speed", action="store_true")
    ap.add_argument("--skip-quality", action="store_true")
    ap.add_argument("--only", default="", help="comma-separated system names")
    args = ap.parse_args(argv)
    build = _build_module()
    records = list(build.read_corpus(build.DEFAULT_CORPUS))
    held = set(build.heldout_ids(build.DEFAULT_CORPUS, args.articles))
    sys_ = systems()
    if args.only:
        sys_ = [s for s in sys_ if s.name in args.only.split(",")]
    if not args.skip_quality:
        restoration(sys_, [r["text"] for r in records if r["id"] in held])
    if not args.skip_speed:
        speed(sys_, [r["text"] for r in records], args.budget)
    return 0


if __name__ == "__main__":
    sys.exit(main())
