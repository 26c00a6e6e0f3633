"""The Persian text layer: folding, tokens with offsets, sentences, dates. Knows nothing of events."""

from .chars import fold_display, key, key_phrase
from .dates import ResolvedDate, find_dates, parse_iso
from .sentences import split_sentences
from .tokens import tokenize

__all__ = ["fold_display", "key", "key_phrase", "ResolvedDate", "find_dates", "parse_iso", "split_sentences", "tokenize"]
