"""Tokens with character offsets into the original text.

Words are runs of letters, digits, marks and half-spaces; every other non-space character is a
token of its own. Affixes that damaged text separates with a space (`می شود`, `رایزنی های`,
`کرده اند`) are joined to their word so the matching key is the same as for the intact form.
"""

from __future__ import annotations

import re
from ..model import Token
from .chars import KEY_TABLE

_WORD = re.compile(r"[\w\u200c\u200d\u0640\u064b-\u065f\u0670]+|[^\s\w]", re.UNICODE)

# Separated prefixes joined to the next word, and suffixes joined to the previous one (matching keys).
PREFIXES = frozenset({"می", "نمی", "بی"})
SUFFIXES = frozenset({"ها", "های", "هایی", "هایم", "هایش", "هایشان", "ای", "اند", "ایم", "اید", "ام", "ترین", "تر", "شان", "مان"})
_NO_JOIN_BEFORE = frozenset({"و", "یا", "که", "به", "از", "با", "در", "را", "تا"})
AFFIXES = PREFIXES | SUFFIXES


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text`` and separated affixes joined.

    >>> [t.key for t in tokenize("رایزنی های دو کشور می شود")]
    ['رایزنیهای', 'دو', 'کشور', 'میشود']
    """
    end = len(text) if end is None else end
    spans = [m.span() for m in _WORD.finditer(text, start, end)]
    words = [text[s:e] for s, e in spans]
    keys = [w.translate(KEY_TABLE) for w in words]
    if not AFFIXES.intersection(keys):  # the common case: nothing to join
        return [Token(w, k, s, e) for w, k, (s, e) in zip(words, keys, spans) if k]
    out: list[Token] = []
    pending_prefix: Token | None = None
    for w, k, (s, e) in zip(words, keys, spans):
        if not k:
            continue
        tok = Token(w, k, s, e)
        if pending_prefix is not None:
            if k[0].isalpha() and k not in _NO_JOIN_BEFORE:
                tok = Token(text[pending_prefix.start : e], pending_prefix.key + k, pending_prefix.start, e)
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
