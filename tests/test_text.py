"""The text layer on real Persian: tokens and offsets, sentences, dates, normalization."""

import datetime as dt

from hypothesis import given, strategies as st

from rooydad.text import find_dates, key, split_sentences, tokenize
from rooydad.text.normalize import normalize_display

from .conftest import REFERENCE


def test_text_key_ignores_half_space_damage_and_letter_forms():
    assert key("گفت‌وگو") == key("گفتوگو")
    assert key("رئيس") == key("رییس")
    assert key("۲۰۲۶") == "2026"


def test_text_tokens_join_separated_affixes_with_offsets():
    text = "رایزنی های دو کشور ادامه می یابد"
    toks = tokenize(text)
    assert [t.key for t in toks] == ["رایزنیهای", "دو", "کشور", "ادامه", "میيابد".replace("ي", "ی")]
    for t in toks:
        assert text[t.start : t.end] == t.text


def test_text_sentences_keep_quotes_and_split_paragraphs():
    text = REFERENCE.read_text(encoding="utf-8")
    spans = list(split_sentences(text))
    assert len(spans) == text.count("\n") + 1 - text.count("\n\n")
    q = "وی گفت: «ایران آماده است. ما صبر نمی‌کنیم.» سپس جلسه پایان یافت.\nعنوان بدون نقطه"
    assert [q[s:e] for s, e in split_sentences(q)] == ["وی گفت: «ایران آماده است. ما صبر نمی‌کنیم.» سپس جلسه پایان یافت.", "عنوان بدون نقطه"]


def test_text_dates_jalali_gregorian_weekday_relative():
    day = dt.date(2025, 12, 17)  # a Wednesday
    found = {t: [r.iso for r in find_dates(t, day)] for t in (
        "۲۶ آذر ۱۴۰۴", "1404/09/26", "۱۷ دسامبر ۲۰۲۵", "بعد از ظهر چهارشنبه", "روز دوشنبه", "دیروز", "مهر ۱۳۹۸")}
    assert found == {
        "۲۶ آذر ۱۴۰۴": ["2025-12-17"], "1404/09/26": ["2025-12-17"], "۱۷ دسامبر ۲۰۲۵": ["2025-12-17"],
        "بعد از ظهر چهارشنبه": ["2025-12-17"], "روز دوشنبه": ["2025-12-15"], "دیروز": ["2025-12-16"], "مهر ۱۳۹۸": ["2019-09"],
    }


def test_text_normalize_restores_separated_affixes():
    assert normalize_display("كشور ها می شود") == "کشور\u200cها می\u200cشود"


@given(st.lists(st.sampled_from(list("ابپتثجچحخدرزسشصطظعغفقکگلمنوهیيكءأؤئ۰۱۲٣ \u200c\n.،«»:؟") + ["می ", " ها", "ها ", "نمی ", " های"]), max_size=60).map("".join))
def test_text_tokens_always_point_into_the_original(text):
    for s, e in split_sentences(text):
        assert 0 <= s < e <= len(text)
        for t in tokenize(text, s, e):
            assert s <= t.start < t.end <= e
            assert text[t.start : t.end] == t.text
    n = normalize_display(text)
    assert normalize_display(n) == n
