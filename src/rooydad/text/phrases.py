"""Multi-word phrase lookup over tokens (Aho-Corasick), used by the actor and frame dictionaries.

Phrases and tokens are compared by their matching keys, whole tokens only. ``find`` returns the
leftmost-longest non-overlapping matches as token index ranges.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

import ahocorasick

from ..model import Token

T = TypeVar("T")


@dataclass(frozen=True)
class PhraseMatch(Generic[T]):
    start: int  # token index, inclusive
    end: int  # token index, exclusive
    values: tuple[T, ...]


@lru_cache(maxsize=8)
def _haystack(keys: tuple[str, ...]) -> tuple[str, dict[int, int]]:
    """The keys joined by spaces, and the token index starting at each offset (shared by indexes)."""
    starts: dict[int, int] = {}
    pos = 1
    for i, k in enumerate(keys):
        starts[pos] = i
        pos += len(k) + 1
    return " " + " ".join(keys) + " ", starts


class PhraseIndex(Generic[T]):
    """Phrase (tuple of keys) -> values; several values may share a phrase."""

    def __init__(self) -> None:
        self._values: dict[tuple[str, ...], list[T]] = {}
        self._automaton: ahocorasick.Automaton | None = None

    def add(self, phrase: Sequence[str], value: T) -> None:
        phrase = tuple(phrase)
        if not phrase:
            return
        values = self._values.setdefault(phrase, [])
        if value not in values:
            values.append(value)
        self._automaton = None

    def get(self, phrase: Sequence[str]) -> tuple[T, ...]:
        return tuple(self._values.get(tuple(phrase), ()))

    def __len__(self) -> int:
        return len(self._values)

    def __contains__(self, phrase: object) -> bool:
        return phrase in self._values

    def phrases(self) -> Iterable[tuple[str, ...]]:
        return self._values.keys()

    def _build(self) -> ahocorasick.Automaton:
        a = ahocorasick.Automaton()
        for phrase in self._values:
            a.add_word(" " + " ".join(phrase) + " ", phrase)
        a.make_automaton()
        return a

    def find_all(self, tokens: Sequence[Token]) -> Iterator[PhraseMatch[T]]:
        """Every match, overlapping ones included, ordered by end position."""
        if not self._values or not tokens:
            return
        if self._automaton is None:
            self._automaton = self._build()
        haystack, starts = _haystack(tuple(t.key for t in tokens))
        for end_char, phrase in self._automaton.iter(haystack):
            begin = end_char - (len(" ".join(phrase)) + 2) + 2
            i = starts[begin]
            yield PhraseMatch(i, i + len(phrase), tuple(self._values[phrase]))

    def find(self, tokens: Sequence[Token]) -> list[PhraseMatch[T]]:
        """Leftmost-longest non-overlapping matches."""
        best: dict[int, PhraseMatch[T]] = {}
        for m in self.find_all(tokens):
            cur = best.get(m.start)
            if cur is None or m.end > cur.end:
                best[m.start] = m
        out: list[PhraseMatch[T]] = []
        last_end = 0
        for start in sorted(best):
            if start >= last_end:
                out.append(best[start])
                last_end = best[start].end
        return out
