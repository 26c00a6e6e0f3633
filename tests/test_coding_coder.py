"""Argument assignment on Persian sentence shapes: clauses, lists, split and elided verbs, reported speech."""

import pytest

from rooydad import Document, code_document


def _events(text, date="2025-12-17", flagged=False):
    coded = code_document(Document(id="t", text=text, date=date))
    return sorted((e.source.code, e.cameo, e.target.code) for e in coded.events if flagged or not e.flagged)


@pytest.mark.parametrize("text,expected", [
    # a finite verb followed by `و` closes a clause: the second clause has its own subject
    ("شورای امنیت قطعنامه را تصویب نکرد و آمریکا به عراق حمله کرد.", [("USA", "190", "IRQ")]),
    # a clause with no subject shares the sentence's
    ("لاوروف به تهران سفر کرد و از مواضع ایران تقدیر کرد.", [("RUSGOV", "042", "IRN"), ("RUSGOV", "051", "IRN")]),
    # a split light verb: noun, target, light verb
    ("عراقچی ماه گذشته دیداری با لاوروف در مسکو داشت.", [("IRNGOV", "040", "RUSGOV")]),
    # an elided light verb: `دیدار و ... گفت‌وگو کرد`
    ("عراقچی با لاوروف دیدار و درباره روابط دوجانبه گفت‌وگو کرد.", [("IRNGOV", "040", "RUSGOV")]),
    # a comma alone does not join actors into one list
    ("مقامات عراقی، دمشق را متهم کردند.", [("IRQGOV", "112", "SYRGOV")]),
    # `و` does: one event per member
    ("ایران حمله رژیم صهیونیستی و آمریکا را محکوم کرد.", [("IRN", "111", "ISR"), ("IRN", "111", "USA")]),
    # a genitive country is no subject (`عزم روسیه`), the minister named before is
    ("لاوروف روابط ایران و روسیه را مهم دانست و بر عزم روسیه برای گسترش همکاری‌ها تاکید کرد.", [("RUSGOV", "030", "IRN")]),
])
def test_coding_argument_assignment(text, expected):
    assert _events(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("ایران اعلام کرد که اسرائیل این اسناد را جعل کرده است.", [("IRN", "112", "ISR")]),
    ("نتانیاهو گفت ایران به دنبال دستیابی به سلاح هسته‌ای است.", [("ISRGOV", "112", "IRN")]),
    ("پوتین گفت روسیه در امور اوکراین دخالت نمی‌کند.", []),  # a denial, not an accusation
    ("اسرائیل این اسناد را جعل کرد.", []),  # no speaker: the agency's own report
])
def test_coding_reported_speech_accusations(text, expected):
    assert _events(text) == expected


def test_coding_bare_infinitive_reports_nothing():
    assert _events("آمریکا در واکنش به عدم پذیرفتن پیام ترامپ بیانیه داد.") == []


def test_coding_agency_attribution_is_no_actor():
    assert _events("به گزارش خبرگزاری فارس، ایران از روسیه تقدیر کرد.") == [("IRN", "051", "RUS")]


def test_coding_subordinate_clause_has_its_own_subject():
    text = "وزارت امور خارجه روسیه یک روز پس از آنکه آمریکا تحریم‌های جدیدی علیه ایران وضع کرد، بیانیه داد."
    assert ("USA", "163", "IRN") in _events(text, "2019-01-05")
    assert not any(s == "RUSGOV" and c == "163" for s, c, _ in _events(text, "2019-01-05"))
