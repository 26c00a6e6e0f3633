"""Character folding for Persian: one table for display, one for matching.

Display folding is one character for one character, so offsets into the folded text are offsets
into the original. The matching key additionally drops half-spaces, diacritics, kashida and
bidi marks and unifies digits and hamza forms, so damaged and clean spellings look alike.
"""

from __future__ import annotations

ZWNJ = "\u200c"

# One-for-one: Arabic letter forms to Persian ones (display and matching).
_DISPLAY = {
    "\u064a": "\u06cc",  # ي -> ی
    "\u0649": "\u06cc",  # ى -> ی
    "\u0643": "\u06a9",  # ك -> ک
    "\u06c0": "\u06c0",  # ۀ kept for display
}

_DIGITS = {**{chr(0x06F0 + i): str(i) for i in range(10)}, **{chr(0x0660 + i): str(i) for i in range(10)}}

# Deleted in the matching key.
JUNK = (
    [ZWNJ, "\u200d", "\u200e", "\u200f", "\u0640", "\u00ad", "\ufeff"]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
    + [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670"]
)

_KEY = {
    **_DISPLAY,
    **_DIGITS,
    "\u06c0": "\u0647",  # ۀ -> ه
    "\u0629": "\u0647",  # ة -> ه
    "\u0623": "\u0627",  # أ -> ا
    "\u0625": "\u0627",  # إ -> ا
    "\u0622": "\u0627",  # آ -> ا
    "\u0671": "\u0627",  # ٱ -> ا
    "\u0624": "\u0648",  # ؤ -> و
    "\u0626": "\u06cc",  # ئ -> ی
    "\u0621": "",  # ء dropped
    **{j: "" for j in JUNK},
}

DISPLAY_TABLE = str.maketrans(_DISPLAY)
KEY_TABLE = str.maketrans(_KEY)
PERSIAN_DIGITS_TABLE = str.maketrans({str(i): chr(0x06F0 + i) for i in range(10)})


def fold_display(text: str) -> str:
    """Arabic letter forms to Persian, same length as the input."""
    return text.translate(DISPLAY_TABLE)


def key(text: str) -> str:
    """The matching form of a word or phrase: letters folded, digits ASCII, half-spaces dropped.

    >>> key("گفت‌وگو") == key("گفتوگو")
    True
    """
    return text.translate(KEY_TABLE)


def key_phrase(text: str) -> tuple[str, ...]:
    """Matching keys of a whitespace-separated phrase (dictionary entries, frame patterns)."""
    return tuple(k for k in (key(w) for w in text.split()) if k)
