"""Tokens with character offsets into the original text.

Words are runs of letters, digits, marks and half-spaces; every other non-space character is a
token of its own. Affixes that damaged text separates with a space (`می شود`, `رایزنی های`,
`کرده اند`) are joined to their word so the matching key is the same as for the intact form.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Token
from .chars import key

_WORD = re.compile(r"[\w\u200c\u200d\u0640\u064b-\u065f\u0670]+|[^\s\w]", re.UNICODE)

# Separated prefixes joined to the next word, and suffixes joined to the previous one (matching keys).
PREFIXES = frozenset({"می", "نمی", "بی"})
SUFFIXES = frozenset({"ها", "های", "هایی", "هایم", "هایش", "هایشان", "ای", "اند", "ایم", "اید", "ام", "ترین", "تر", "شان", "مان"})
_NO_JOIN_BEFORE = frozenset({"و", "یا", "که", "به", "از", "با", "در", "را", "تا"})


def _raw(text: str, offset: int = 0) -> Iterator[Token]:
    for m in _WORD.finditer(text):
        s = m.group()
        yield Token(s, key(s), m.start() + offset, m.end() + offset)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text`` and separated affixes joined.

    >>> [t.key for t in tokenize("رایزنی های دو کشور می شود")]
    ['رایزنیهای', 'دو', 'کشور', 'میشود']
    """
    out: list[Token] = []
    pending_prefix: Token | None = None
    for tok in _raw(text[start:end] if end is not None else text[start:], start):
        if not tok.key:
            continue
        if pending_prefix is not None:
            if tok.key[0].isalpha() and tok.key not in _NO_JOIN_BEFORE:
                tok = Token(text[pending_prefix.start : tok.end], pending_prefix.key + tok.key, pending_prefix.start, tok.end)
            else:
                out.append(pending_prefix)
            pending_prefix = None
        if tok.key in PREFIXES:
            pending_prefix = tok
            continue
        if tok.key in SUFFIXES and out and out[-1].key[-1:].isalpha() and out[-1].key not in _NO_JOIN_BEFORE:
            prev = out.pop()
            tok = Token(text[prev.start : tok.end], prev.key + tok.key, prev.start, tok.end)
        out.append(tok)
    if pending_prefix is not None:
        out.append(pending_prefix)
    return out
