"""The actor data files: they load, their roles are dated and sourced, and real press phrasing codes.

Load time is a benchmark figure, not a test (see the issue 5 report); these tests check content.
"""

import datetime as dt
import re
import shutil
from importlib import resources
from pathlib import Path

import pytest
import yaml

from rooydad import Document, code_document
from rooydad.actors.dictionary import AGENT_CODES, check_code, load_actor_dictionary
from rooydad.errors import DictionaryError
from rooydad.text.chars import key_phrase

DATA = Path(str(resources.files("rooydad") / "data" / "actors"))


def _yaml(name):
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def d():
    return load_actor_dictionary()


@pytest.fixture(scope="module")
def people():
    return _yaml("people.yaml")["people"]


def _events(text, date="2025-12-17"):
    doc = Document(id="t", text=text, date=date)
    return sorted((e.source.code, e.cameo, e.target.code) for e in code_document(doc).events if not e.flagged)


def _person(d, form, day):
    entries = [e for e in d.index.get(key_phrase(form)) if e.kind == "person"]
    assert len(entries) == 1, form
    return entries[0].code_on(dt.date.fromisoformat(day))


# --- the files and their shape ---


def test_dictionary_counts(d, people):
    humans = [p for p in people if "(organisation)" not in p["name"]]
    assert len(humans) >= 600
    assert d.people == len(people)
    assert d.igos >= 50
    assert d.agent_words >= 500
    named = {c["code"] for c in _yaml("countries.yaml")["countries"] if c["fa"]}
    named |= {code for code, v in _yaml("country_variants.yaml")["variants"].items() if v.get("names")}
    assert len(named) >= 200
    # the countries the press names often carry demonyms or capitals by hand
    assert len(_yaml("country_variants.yaml")["variants"]) >= 100


def test_every_role_is_sourced_dated_and_coded(people):
    countries = {c["code"] for c in _yaml("countries.yaml")["countries"]}
    for p in people:
        assert p["fa"] and p["roles"], p["name"]
        for r in p["roles"]:
            check_code(r["code"], p["name"])
            assert isinstance(r.get("source"), str) and r["source"].strip(), p["name"]
            assert isinstance(r["start"], dt.date), p["name"]
            assert r["code"][:3] in countries or r["code"].startswith(("IGO", "NGO")), (p["name"], r["code"])
            agent = r["code"][3:6]
            assert r["code"].startswith(("IGO", "NGO")) or agent in AGENT_CODES, (p["name"], r["code"])


def test_no_overlapping_roles(people):
    for p in people:
        roles = sorted(p["roles"], key=lambda r: r["start"])
        for a, b in zip(roles, roles[1:]):
            assert a.get("end") is not None and a["end"] <= b["start"], p["name"]
        for r in roles:
            assert r.get("end") is None or r["start"] <= r["end"], p["name"]


def test_loader_rejects_an_overlap(tmp_path):
    for f in DATA.glob("*.yaml"):
        shutil.copy(f, tmp_path / f.name)
    (tmp_path / "people.yaml").write_text(
        "people:\n  - name: Test Person\n    fa: [آزمون آزمونی]\n    roles:\n"
        "      - {code: IRNGOV, start: 2013-08-15, end: 2021-08-25, source: test}\n"
        "      - {code: IRNLEG, start: 2020-05-28, source: test}\n",
        encoding="utf-8",
    )
    with pytest.raises(DictionaryError, match="overlap"):
        load_actor_dictionary(str(tmp_path))


def test_igo_and_agent_codes_have_the_cameo_shape():
    for o in _yaml("igos.yaml")["igos"]:
        check_code(o["code"], o["name"])
        assert o["code"].startswith(("IGO", "NGO")), o["name"]
    for group, spec in _yaml("agents.yaml")["agents"].items():
        assert spec.get("code", group) in AGENT_CODES


def test_bare_surnames_are_unambiguous(d, people):
    """A one-word name form belongs to one person and is no country, agent or IGO word."""
    owners = {}
    for p in people:
        for form in p["fa"]:
            k = key_phrase(form)
            assert owners.setdefault(k, p["name"]) == p["name"], (form, owners[k], p["name"])
            if len(k) == 1:
                assert all(e.kind == "person" for e in d.index.get(k)), form


def test_common_words_are_not_names(d):
    for word in ("مالی", "ترک", "دوشنبه", "آستانه", "کیف", "امان", "نقدی", "الهام", "مرسی", "تراس", "نیروها"):
        assert not d.index.get(key_phrase(word)), word


# --- dated roles on real office changes ---


@pytest.mark.parametrize("form,day,code", [
    ("علی لاریجانی", "2015-06-01", "IRNLEG"),      # speaker of parliament
    ("علی لاریجانی", "2025-09-01", "IRNGOV"),      # SNSC secretary again
    ("هاکان فیدان", "2020-01-01", "TURSPY"),       # head of MIT
    ("هاکان فیدان", "2024-01-01", "TURGOV"),       # foreign minister
    ("طالبان", "2019-05-01", "AFGREB"),            # GUIDE.md: AFGREB until 2021-08-15
    ("طالبان", "2021-09-01", "AFGGOV"),
    ("ابومحمد الجولانی", "2020-01-01", "SYRREB"),
    ("احمد الشرع", "2025-03-01", "SYRGOV"),
    ("اسماعیل هنیه", "2006-06-01", "PSEGOV"),      # PA prime minister
    ("اسماعیل هنیه", "2019-06-01", "PSEREB"),      # Hamas
    ("بنیامین نتانیاهو", "2022-01-01", "ISROPP"),
    ("بنیامین نتانیاهو", "2023-06-01", "ISRGOV"),
    ("کایا کالاس", "2022-01-01", "ESTGOV"),
    ("کایا کالاس", "2025-02-01", "IGOEUREEC"),
    ("محمد باقر قالیباف", "2003-01-01", "IRNCOP"),
    ("محمدباقر قالیباف", "2021-01-01", "IRNLEG"),
])
def test_person_coded_by_office_on_the_date(d, form, day, code):
    assert _person(d, form, day) == code


def test_the_dead_keep_their_last_office(d):
    # Soleimani died 2020-01-03; a 2021 article recalling him still means the Quds Force commander.
    assert _person(d, "سردار سلیمانی", "2021-01-03") == "IRNMIL"


def test_one_person_two_codes_in_coding():
    text = "لاریجانی با لاوروف دیدار کرد."
    assert _events(text.replace("لاریجانی", "علی لاریجانی"), "2015-06-01") == [("IRNLEG", "040", "RUSGOV")]
    assert _events(text.replace("لاریجانی", "علی لاریجانی"), "2025-09-01") == [("IRNGOV", "040", "RUSGOV")]


# --- capitals, demonyms and press names in sentences ---


@pytest.mark.parametrize("text,expected", [
    ("ریاض از ایران انتقاد کرد.", ("SAUGOV", "111", "IRN")),
    ("کاخ سفید از عراق انتقاد کرد.", ("USAGOV", "111", "IRQ")),
    ("آنکارا از ایران تقدیر کرد.", ("TURGOV", "051", "IRN")),
    ("تشکیلات خودگردان رژیم صهیونیستی را محکوم کرد.", ("PSEGOV", "111", "ISR")),
    ("مقامات عراقی از کشورمان تقدیر کردند.", ("IRQGOV", "051", "IRN")),
    ("نمایندگان مجلس از شهروندان افغانستانی تقدیر کردند.", ("IRNLEG", "051", "AFGCVL")),
    ("کشورمان رژیم صهیونیستی را محکوم کرد.", ("IRN", "111", "ISR")),
    ("رژیم آل سعود از آمریکا تقدیر کرد.", ("SAU", "051", "USA")),
    ("حزب‌الله از کشورمان تقدیر کرد.", ("LBNREB", "051", "IRN")),
    ("انصارالله از ایران تقدیر کرد.", ("YEMREB", "051", "IRN")),
])
def test_capitals_demonyms_and_press_names(text, expected):
    assert _events(text) == [expected]


def test_monday_is_no_capital():
    # دوشنبه is both Dushanbe and Monday; it is no actor.
    assert _events("ایران روز دوشنبه از روسیه تقدیر کرد.") == [("IRN", "051", "RUS")]
    assert _events("دوشنبه از ایران تقدیر کرد.") == []
    assert _events("وزیر خارجه تاجیکستان روز دوشنبه از ایران تقدیر کرد.") == [("TJKGOV", "051", "IRN")]


def test_a_surname_that_is_a_common_word_is_not_a_person(d):
    # نقدی (Naqdi, an IRGC general) is also "cash": only the full name codes.
    assert _person(d, "محمدرضا نقدی", "2020-01-01") == "IRNMIL"
    assert re.search("نقدی", "پرداخت نقدی") and not d.index.get(key_phrase("نقدی"))
