"""Sentence splitting for Persian news, with spans into the original text.

What news text needs: a stop inside a `«...»` (or balanced `"..."`) quote does not end the
sentence; a line ending in a colon (`اظهار داشت:`, `گفت:`) runs on into the next line, so the
speaker stays with the speech; a paragraph break otherwise always ends a sentence (headlines
have no final stop); dots inside abbreviations (`ج.ا.ا`, `U.S.`, `N.P.T`), decimals (`۱۲.۵`),
initials (`م. ر.`) and list markers (`۱.`, `12.`) are no stops.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_STOPS = ".!?؟"
_CLOSERS = "»)\"”'"
_LINE = re.compile(r"[^\n]+")
_LIST_MARKER = re.compile(r"\s*[0-9۰-۹٠-٩]{1,3}\Z")
_SPACE_AFTER_STOP = " \t\u00a0\u200c\n"


def _is_stop(text: str, s: int, i: int, end: int) -> bool:
    """Whether the stop at ``i`` ends the sentence that began at ``s``."""
    c = text[i]
    nxt = text[i + 1] if i + 1 < end else " "
    if c != ".":
        return True
    if nxt not in _SPACE_AFTER_STOP + _CLOSERS and nxt not in _STOPS:
        return False  # decimals, `ج.ا.ا`, `N.P.T`, URLs
    before = text[s:i]
    words = before.split()
    prev = words[-1] if words else ""
    if len(prev) == 1 or "." in prev:
        return False  # initials and dotted abbreviations: `م. ر. شجاعی`, `U.S.`
    if _LIST_MARKER.fullmatch(before):
        return False  # `۱. ...` at the start of a line or sentence
    return True


def _split_line(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    depth = 0
    # A quote that never closes on this line does not protect its stops.
    balanced = text.count("«", start, end) <= text.count("»", start, end)
    ascii_quotes = text.count('"', start, end) % 2 == 0
    in_ascii = False
    s = i = start
    while i < end:
        c = text[i]
        if c == "«":
            depth += 1
        elif c == "»":
            depth = max(0, depth - 1)
        elif c == '"' and ascii_quotes:
            in_ascii = not in_ascii
        elif c in _STOPS and ((depth == 0 and not in_ascii) or not balanced) and _is_stop(text, s, i, end):
            j = i + 1
            while j < end and (text[j] in _STOPS or (text[j] in _CLOSERS and depth == 0 and not in_ascii)):
                j += 1
            yield s, j
            s = i = j
            continue
        i += 1
    if text[s:end].strip():
        yield s, end


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Lines, where a line ending in a colon is joined to the next one (speech after `گفت:`)."""
    pending: int | None = None
    for m in _LINE.finditer(text):
        if not m.group().strip():
            continue
        start = pending if pending is not None else m.start()
        if m.group().rstrip().endswith(":"):
            pending = start
            continue
        pending = None
        yield start, m.end()
    if pending is not None:
        yield pending, len(text.rstrip())


def split_sentences(text: str) -> Iterator[tuple[int, int]]:
    """Spans (start, end) of the sentences of ``text``, stripped of surrounding space.

    >>> t = "وی گفت: «ایران آماده است. ما صبر می‌کنیم.» سپس رفت."
    >>> [t[s:e] for s, e in split_sentences(t)]
    ['وی گفت: «ایران آماده است. ما صبر می\u200cکنیم.» سپس رفت.']
    """
    for ps, pe in _paragraphs(text):
        for s, e in _split_line(text, ps, pe):
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if s < e:
                yield s, e
