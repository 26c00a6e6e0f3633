"""Actors: dated roles, countries, demonyms, capitals, agents and coreference."""

import pytest

from rooydad import Document, code_document


def _events(text, date="2025-12-17"):
    return sorted((e.source.code, e.cameo, e.target.code) for e in code_document(Document(id="t", text=text, date=date)).events if not e.flagged)


@pytest.mark.parametrize("date,code", [("2015-07-14", "IRNGOV"), ("2023-01-01", "IRNOPP"), ("2025-01-10", "IRNGOV")])
def test_actors_person_coded_by_office_on_the_date(date, code):
    # Zarif: foreign minister 2013-2021, out of office (a political figure: OPP) in 2023, vice president 2024-25.
    assert _events("ظریف با لاوروف دیدار کرد.", date) == [(code, "040", "RUSGOV")]


@pytest.mark.parametrize("text,expected", [
    ("وزیر امور خارجه روسیه از ایران تقدیر کرد.", ("RUSGOV", "051", "IRN")),
    ("مسکو از ایران تقدیر کرد.", ("RUSGOV", "051", "IRN")),
    ("مقامات آمریکایی از رژیم صهیونیستی تقدیر کردند.", ("USAGOV", "051", "ISR")),
    ("وزیر امور خارجه کشورمان از روسیه تقدیر کرد.", ("IRNGOV", "051", "RUS")),
    ("نمایندگان مجلس از ارتش تقدیر کردند.", ("IRNLEG", "051", "IRNMIL")),
])
def test_actors_countries_capitals_demonyms_agents(text, expected):
    assert _events(text) == [expected]


def test_actors_coreference_this_country():
    text = "عراقچی به مسکو سفر کرد و با وزیر امور خارجه این کشور دیدار کرد."
    assert _events(text) == [("IRNGOV", "040", "RUSGOV"), ("IRNGOV", "042", "RUS")]


def test_actors_coreference_pronoun_takes_the_last_subject():
    text = "لاوروف روز چهارشنبه با عراقچی دیدار کرد. وی همچنین از مواضع ایران تقدیر کرد."
    assert _events(text) == [("RUSGOV", "040", "IRNGOV"), ("RUSGOV", "051", "IRN")]


def test_actors_home_country_and_press_names():
    assert _events("کشورمان حمله رژیم صهیونیستی به سوریه را محکوم کرد.") == [("IRN", "111", "ISR"), ("ISR", "190", "SYR")]
