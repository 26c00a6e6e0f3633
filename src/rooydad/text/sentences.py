"""Sentence splitting that keeps `«...»` quotes, abbreviations and decimals whole.

Paragraph breaks always end a sentence (headlines have no final stop); a stop inside a
guillemet quote does not, unless the quote never closes before the line ends.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_STOPS = ".!?؟"
_LINE = re.compile(r"[^\n]+")


def _split_line(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    depth = 0
    s = start
    i = start
    # A quote that never closes on this line does not protect its stops.
    balanced = text.count("«", start, end) <= text.count("»", start, end)
    while i < end:
        c = text[i]
        if c == "«":
            depth += 1
        elif c == "»":
            depth = max(0, depth - 1)
        elif c in _STOPS and (depth == 0 or not balanced):
            nxt = text[i + 1] if i + 1 < end else " "
            prev_word = text[s:i].rsplit(None, 1)[-1] if text[s:i].strip() else ""
            is_abbrev = c == "." and (len(prev_word) == 1 or nxt not in " \t\u00a0»)\"")
            if not is_abbrev:
                j = i + 1
                while j < end and text[j] in _STOPS + "»)\"":
                    j += 1
                yield s, j
                s = j
                i = j
                continue
        i += 1
    if text[s:end].strip():
        yield s, end


def split_sentences(text: str) -> Iterator[tuple[int, int]]:
    """Spans (start, end) of the sentences of ``text``, stripped of surrounding space.

    >>> t = "وی گفت: «ایران آماده است. ما صبر می‌کنیم.» سپس رفت."
    >>> [t[s:e] for s, e in split_sentences(t)]
    ['وی گفت: «ایران آماده است. ما صبر می\u200cکنیم.» سپس رفت.']
    """
    for m in _LINE.finditer(text):
        for s, e in _split_line(text, m.start(), m.end()):
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if s < e:
                yield s, e
