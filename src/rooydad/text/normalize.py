"""Display and matching normalization of whole texts (``rooydad normalize``).

The display form folds Arabic letters to Persian, drops bidi and zero-width junk, and restores
half-spaces where damaged text lost them (separated prefixes `می`/`نمی` and plural suffixes);
digits and hamza stay as written. The matching form also unifies digits and folds hamza.
"""

from __future__ import annotations

import re

from .chars import JUNK, ZWNJ, fold_display, key

_JUNK_NO_ZWNJ = str.maketrans({j: "" for j in JUNK if j != ZWNJ and not ("\u064b" <= j <= "\u065f") and j != "\u0670"})
_PREFIX = re.compile(r"(?<!\S)(ن?می)\s+(?=[\u0600-\u06ff])")
_SUFFIX = re.compile(r"(?<=[\u0600-\u06ff])\s+(ها|های|هایی|هایم|هایت|هایش|هایمان|هایتان|هایشان|ترین)(?=[\s\u060c.:؛!؟»)]|$)")


def normalize_display(text: str) -> str:
    """The display form: letters folded, junk removed, separated affixes joined by a half-space."""
    text = fold_display(text).translate(_JUNK_NO_ZWNJ)
    text = _PREFIX.sub(lambda m: m.group(1) + ZWNJ, text)
    return _SUFFIX.sub(lambda m: ZWNJ + m.group(1), text)


def normalize_matching(text: str) -> str:
    """The matching form, word by word (`key`), whitespace kept."""
    return re.sub(r"\S+", lambda m: key(m.group()), text)
