"""Half-space restoration (display form) on the reference article and real corpus sentences."""

import pytest

from rooydad.text.chars import key
from rooydad.text.normalize import normalize_display, normalize_matching
from rooydad.text.zwnj import ZWNJ, restore_zwnj

from .conftest import REFERENCE

REFERENCE_WORDS = ["منطقه‌ای", "گفت‌وگو", "رایزنی‌های", "همه‌جانبه", "قانون‌شکنی", "بین‌المللی", "یکجانبه‌گرایی", "پرسش‌های"]


@pytest.fixture(scope="module")
def reference():
    text = REFERENCE.read_text(encoding="utf-8")
    return text, normalize_display(text)


@pytest.mark.parametrize("word", REFERENCE_WORDS)
def test_text_zwnj_restores_reference_words(reference, word):
    _, out = reference
    assert word in out.split() or any(w.strip("،.:") == word for w in out.split())


def test_text_zwnj_reference_changes_only_half_spaces(reference):
    text, out = reference
    assert out.replace(ZWNJ, "") == text  # no letter, space or digit changed
    words, restored = text.split(), out.split()
    assert len(words) == len(restored)
    # every changed word was written with a half-space somewhere in the corpus: no invented ones
    changed = {r for w, r in zip(words, restored) if w != r}
    assert {"داشته‌اند", "سرمایه‌گذاری", "همکاری‌های"} <= changed
    assert "دوجانبه" in restored and "کشورمان" in restored and "گفتگوی" in restored


def test_text_zwnj_output_is_stable(reference):
    _, out = reference
    assert normalize_display(out) == out


@pytest.mark.parametrize("damaged, restored", [
    # isna, spaced half-spaces: the parts are joined
    ("رایزنی های دو کشور ادامه می یابد و مذاکرات هسته ای متوقف نمی شود",
     "رایزنی‌های دو کشور ادامه می‌یابد و مذاکرات هسته‌ای متوقف نمی‌شود"),
    # deleted half-spaces
    ("تحریمهای یکجانبه آمریکا علیه شرکتهای ایرانی برداشته نمیشود", "تحریم‌های یکجانبه آمریکا علیه شرکت‌های ایرانی برداشته نمی‌شود"),
    # Arabic letters folded on the way
    ("كشورهاي منطقهاي", "کشورهای منطقه‌ای"),
])
def test_text_zwnj_restores_damaged_sentences(damaged, restored):
    assert normalize_display(damaged) == restored


@pytest.mark.parametrize("text", [
    "وزیر امور خارجه کشورمان با همتای روسی خود گفت‌وگو کرد و بر گسترش همکاری‌ها تاکید کرد.",
    "میدان آزادی تنها محل برگزاری مراسم نیست و میزان مشارکت بالا بود.",
])
def test_text_zwnj_leaves_right_text_alone(text):
    assert restore_zwnj(text) == text


def test_text_zwnj_matching_key_unchanged_by_restoration(reference):
    text, out = reference
    assert [key(w) for w in text.split()] == [key(w) for w in out.split()]
    assert normalize_matching(out) == normalize_matching(text)
