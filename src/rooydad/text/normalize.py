"""Display and matching normalization of whole texts (``rooydad normalize``).

The display form folds Arabic letters to Persian, drops bidi and zero-width junk, and restores
half-spaces where damaged text lost them or turned them into spaces (`zwnj.restore_zwnj`);
digits, hamza and diacritics stay as written. The matching form also unifies digits and folds
hamza, word by word, with `chars.key`.
"""

from __future__ import annotations

import re

from .chars import JUNK, ZWNJ, fold_display, key
from .zwnj import restore_zwnj

_JUNK_NO_ZWNJ = str.maketrans({j: "" for j in JUNK if j != ZWNJ and not ("\u064b" <= j <= "\u065f") and j != "\u0670"})


def clean_display(text: str) -> str:
    """Letters folded to Persian and invisible junk (bidi marks, ZWJ, kashida, BOM) removed."""
    return fold_display(text).translate(_JUNK_NO_ZWNJ)


def normalize_display(text: str) -> str:
    """The display form: letters folded, junk removed, half-spaces restored.

    >>> normalize_display("تحولات منطقهاي و گفتوگو مي شود")
    'تحولات منطقه\u200cای و گفت\u200cوگو می\u200cشود'
    """
    return restore_zwnj(clean_display(text))


def normalize_matching(text: str) -> str:
    """The matching form, word by word (`key`), whitespace kept."""
    return re.sub(r"\S+", lambda m: key(m.group()), text)
