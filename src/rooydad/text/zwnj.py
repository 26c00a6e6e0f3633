"""Half-space (ZWNJ, U+200C) restoration for the display form of damaged Persian text.

Damaged news loses its half-spaces (`منطقهای`, `گفتوگو`) or turns them into spaces
(`می شود`, `رایزنی های`). The lexicon (`data/fa/zwnj_lexicon.tsv.gz`, built from the news corpus
by `scripts/build_zwnj_lexicon.py`) says, for each word form seen with a half-space, how often
it was written with it, glued and spaced; the most frequent writing wins. Words the corpus never
showed go to affix rules (`می`/`نمی` + verb, `ها`, `های`, `ای` and `ی` after `ه`, `تر`, `ترین`,
clitics after `ه`), which the lexicon's blocking entries keep off real words (`میدان`, `تنها`).
Matching never needs this: `chars.key` drops half-spaces anyway.
"""

from __future__ import annotations

import gzip
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

ZWNJ = "\u200c"
# Letters that do not join to the next one: a half-space after them is invisible.
NON_JOINING = frozenset("اآأإٱدذرزژوؤۀةء")
_WORD = re.compile(r"[\u0621-\u064a\u0671-\u06d3\u06d5\u200c]+")
_SPACES = re.compile(r"[ \u00a0]+")

PREFIXES = ("نمی", "می")
# Suffix -> which stems take it with a half-space when the corpus has not seen the word:
# "j" any stem ending in a joining letter, "h" only a stem ending in `ه`.
SUFFIXES = {
    "هایشان": "j", "هایتان": "j", "هایمان": "j", "هایش": "j", "هایت": "j", "هایم": "j",
    "هایی": "j", "های": "j", "ها": "j", "ترین": "j", "تری": "j", "تر": "j",
    "ای": "h", "ی": "h", "ام": "h", "ات": "h", "اش": "h", "ایم": "h", "اید": "h", "اند": "h", "است": "h",
    "شان": "h", "مان": "h", "تان": "h",
}
_SUFFIX_ORDER = sorted(SUFFIXES, key=len, reverse=True)


@dataclass(frozen=True, slots=True)
class Entry:
    """A word as the corpus wrote it: ``form`` (with half-spaces) and how often each way."""

    form: str
    with_zwnj: int
    glued: int
    spaced: int

    @property
    def cuts(self) -> frozenset[int]:
        """Half-space positions, counted in letters of the stripped form."""
        out, n = set(), 0
        for part in self.form.split(ZWNJ)[:-1]:
            n += len(part)
            out.add(n)
        return frozenset(out)


@dataclass
class Lexicon:
    """Stripped word -> Entry; parts that may open or close a half-spaced word."""

    entries: dict[str, Entry]
    join_rate: dict[tuple[str, str], float]  # ("L"|"R", part) -> share written joined rather than spaced

    def __post_init__(self) -> None:
        self.glued_cache: dict[str, tuple[str, float]] = {}
        self.join_cache: dict[tuple[str, ...], tuple[str | None, float]] = {}
        self.lefts = frozenset(p for e in self.entries.values() if e.with_zwnj for p in e.form.split(ZWNJ)[:-1])
        self.rights = frozenset(p for e in self.entries.values() if e.with_zwnj for p in e.form.split(ZWNJ)[1:])
        # Productive second parts (`گرایی`, `سازی`, `طلبی`): many words take them, mostly with a half-space.
        types: dict[str, list[int]] = {}
        for e in self.entries.values():
            if e.with_zwnj:
                t = types.setdefault(e.form.rsplit(ZWNJ, 1)[1], [0, 0, 0])
                t[0] += 1
                t[1] += e.with_zwnj
                t[2] += e.glued
        self.productive = frozenset(r for r, (n, z, g) in types.items() if n >= 5 and len(r) >= 2 and z >= 2 * g)
        self.longest_right = max(map(len, self.productive), default=0)


def load_lexicon(lines) -> Lexicon:
    """Read the lexicon's TSV lines (see the build script for the format)."""
    entries: dict[str, Entry] = {}
    rates: dict[tuple[str, str], float] = {}
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        f = line.rstrip("\n").split("\t")
        if f[0] in ("@L", "@R"):
            j, s = int(f[2]), int(f[3])
            rates[(f[0][1], f[1])] = j / (j + s) if j + s else 0.0
        else:
            entries[f[0].replace(ZWNJ, "")] = Entry(f[0], int(f[1]), int(f[2]), int(f[3]))
    return Lexicon(entries, rates)


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    path = resources.files("rooydad") / "data" / "fa" / "zwnj_lexicon.tsv.gz"
    try:
        with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
            return load_lexicon(fh)
    except FileNotFoundError:
        return Lexicon({}, {})


def rule_form(word: str) -> str:
    """Half-spaces the affix rules put into a glued word the lexicon does not know."""
    stem, pre = word, ""
    for p in PREFIXES:
        if stem.startswith(p) and len(stem) - len(p) >= 2 and stem[len(p)] not in "ا":
            pre, stem = p + ZWNJ, stem[len(p) :]
            break
    for suf in _SUFFIX_ORDER:
        if stem.endswith(suf) and len(stem) - len(suf) >= 2:
            last = stem[-len(suf) - 1]
            if last == "ه" or (SUFFIXES[suf] == "j" and last not in NON_JOINING):
                stem = stem[: -len(suf)] + ZWNJ + suf
                break
    return pre + stem


_RULE_WEIGHT = math.log(4.0)  # evidence from an affix rule, as if seen 3:1 with a half-space
_CACHE_MAX = 400_000


def _glued(word: str, lex: Lexicon) -> tuple[str, float]:
    """The word's best form if it lost its half-spaces, and the evidence that it did (log odds)."""
    hit = lex.glued_cache.get(word)
    if hit is not None:
        return hit
    out = (word, 0.0)
    if ZWNJ not in word:
        e = lex.entries.get(word)
        if e is not None:
            if e.with_zwnj:
                out = (e.form if e.with_zwnj > e.glued else word, math.log((e.with_zwnj + e.glued + 1) / (e.glued + 1)))
        else:
            r = rule_form(word)
            if r == word:
                r = compound_form(word, lex)
            if r != word:
                out = (r, _RULE_WEIGHT)
    if len(lex.glued_cache) > _CACHE_MAX:
        lex.glued_cache.clear()
    lex.glued_cache[word] = out
    return out


def compound_form(word: str, lex: Lexicon) -> str:
    """A known first part and a productive second part (`قدرت` + `طلبی`) joined by a half-space."""
    for i in range(max(2, len(word) - lex.longest_right), len(word) - 1):
        left, right = word[:i], word[i:]
        if right in lex.productive and (left in lex.lefts or left in lex.entries):
            return left + ZWNJ + right
    return word


def _join(parts: tuple[str, ...], lex: Lexicon) -> tuple[str | None, float]:
    """The joined form of space-separated ``parts`` if the corpus (or the rules) join them, and the
    evidence that a half-space became a space here (log odds)."""
    hit = lex.join_cache.get(parts)
    if hit is None:
        hit = _join_uncached(parts, lex)
        if len(lex.join_cache) > _CACHE_MAX:
            lex.join_cache.clear()
        lex.join_cache[parts] = hit
    return hit


def _join_uncached(parts: tuple[str, ...], lex: Lexicon) -> tuple[str | None, float]:
    if any(ZWNJ in p for p in parts):
        return None, 0.0
    k = "".join(parts)
    e = lex.entries.get(k)
    if e is not None:
        n, need = 0, set()
        for p in parts[:-1]:
            n += len(p)
            need.add(n)
        if not e.with_zwnj or not need <= e.cuts:
            return None, 0.0
        odds = math.log((e.with_zwnj + e.spaced + 1) / (e.spaced + 1))
        return (e.form if e.with_zwnj > e.spaced else None), odds
    if len(parts) != 2:
        return None, 0.0
    a, b = parts
    right = lex.join_rate.get(("R", b), 0.0) >= 0.9 and (a[-1] == "ه" or a[-1] not in NON_JOINING)
    if right or lex.join_rate.get(("L", a), 0.0) >= 0.9:
        return a + ZWNJ + b, _RULE_WEIGHT
    return None, 0.0


def _edits(text: str, lex: Lexicon):
    """Candidate edits (start, end, replacement or None, evidence, kind "g" glued word or "s" spaced parts)."""
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    lefts, rights = lex.lefts, lex.rights
    n = len(words)
    for i in range(n):
        s, e, w = words[i]
        if i + 1 < n and (w in lefts or words[i + 1][2] in rights):
            for size in (3, 2):
                group = words[i : i + size]
                if len(group) < size or not all(_SPACES.fullmatch(text[group[j][1] : group[j + 1][0]]) for j in range(size - 1)):
                    continue
                joined, odds = _join(tuple(g[2] for g in group), lex)
                if odds:
                    yield s, group[-1][1], joined, odds, "s"
                    if joined is not None:
                        break
        r, odds = _glued(w, lex)
        if odds:
            yield s, e, (r if r != w else None), odds, "g"


def damage_mode(text: str, edits: list) -> str:
    """How this text lost its half-spaces: "deleted", "spaced" or "intact".

    Each glued word the corpus writes with a half-space is evidence that half-spaces were deleted,
    each spaced pair it writes joined that they became spaces, weighed by how rarely the corpus
    writes it that way on purpose; half-spaces still present mean the text is intact.
    """
    score = sum(o if k == "g" else -o for _, _, _, o, k in edits)
    strong = sum(1 for _, _, r, o, _ in edits if r is not None and o > 1.0)
    if text.count(ZWNJ) >= max(1, strong):
        return "intact"
    if not strong:
        return "intact"
    return "deleted" if score >= 0 else "spaced"


def restore_zwnj(text: str, lex: Lexicon | None = None, mode: str | None = None) -> str:
    """Put back the half-spaces that damaged text lost or turned into spaces.

    The text's own evidence decides how it was damaged (``damage_mode``): where half-spaces were
    deleted, spaces are the author's and only glued words are repaired; where they became spaces,
    glued words are the author's and only spaced parts are joined; text that kept its half-spaces
    is left as it is.

    >>> restore_zwnj("تحولات منطقهای و بینالمللی")
    'تحولات منطقه‌ای و بین‌المللی'
    """
    lex = lex or default_lexicon()
    edits = list(_edits(text, lex))
    mode = mode or damage_mode(text, edits)
    if mode == "intact" or not edits:
        return text
    kind = "g" if mode == "deleted" else "s"
    out: list[str] = []
    pos = 0
    for s, e, r, _, k in edits:
        if k == kind and r is not None and s >= pos:
            out.append(text[pos:s])
            out.append(r)
            pos = e
    out.append(text[pos:])
    return "".join(out)
