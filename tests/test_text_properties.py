"""Property-based checks of the text layer: never crash, idempotent, offsets into the original."""

import datetime as dt

from hypothesis import given, settings, strategies as st

from rooydad.text import find_dates, split_sentences, tokenize
from rooydad.text.normalize import normalize_display, normalize_matching
from rooydad.text.zwnj import ZWNJ

PIECES = list("ابپتثجچحخدرزسشصطظعغفقکگلمنوهیيكءأؤئۀة۰۱۲٣4 \u200c\u200d\u200f\u0640\u064e\n.،«»:؟!\"") + [
    "می ", " ها", "ها ", "نمی ", " های", " ای", "منطقه", "گفت", "وگو", "بین", "المللی", "تر", "ترین", " اند",
    "می", "کنند", "امروز", "چهارشنبه", "۲۶ آذر ۱۴۰۴", "۱. ", "اظهار داشت:\n", "ج.ا.ا", " هفته گذشته",
]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=80).map("".join)


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_text_normalize_never_crashes_and_is_idempotent(text):
    once = normalize_display(text)
    assert normalize_display(once) == once
    assert once.replace(ZWNJ, "").split() == [w for w in once.replace(ZWNJ, "").split()]
    matching = normalize_matching(text)
    assert normalize_matching(matching) == matching


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_text_display_form_only_adds_half_spaces_or_drops_junk(text):
    out = normalize_display(text)
    strip = str.maketrans({ZWNJ: None, " ": None, "\n": None})
    # restoration never adds or removes a visible letter: only half-spaces, spaces and junk differ
    visible = str.maketrans({"\u200d": None, "\u200f": None, "\u0640": None, "ي": "ی", "ك": "ک"})
    assert out.translate(strip) == text.translate(visible).translate(strip)


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_text_offsets_point_into_the_original(text):
    for s, e in split_sentences(text):
        assert 0 <= s < e <= len(text)
        assert text[s:e].strip() == text[s:e]
        for t in tokenize(text, s, e):
            assert s <= t.start < t.end <= e
            assert text[t.start : t.end] == t.text
    for r in find_dates(text, dt.date(2025, 12, 17)):
        assert 0 <= r.start < r.end <= len(text)
