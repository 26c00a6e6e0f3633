"""The gazetteer (every row checked) and event locations: cues, ambiguity, the reference article."""

import pytest
import yaml

from rooydad import code_document
from rooydad.geo import load_gazetteer, locate
from rooydad.geo.gazetteer import KINDS
from rooydad.ingest import read
from rooydad.text import tokenize
from rooydad.text.chars import key

from .conftest import REFERENCE

PLACES = load_gazetteer.__globals__["resources"].files("rooydad") / "data" / "geo" / "places.yaml"
ROWS = yaml.load(PLACES.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
ISO3 = {r["country"] for r in ROWS if r["kind"] == "country"}


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['kind']}-{r['name']}-{r['country']}" for r in ROWS])
def test_geo_gazetteer_row(row):
    assert row["kind"] in KINDS and row["names"] and row["source"]
    assert all(key(n).strip() for n in row["names"])
    if row["kind"] == "country":
        assert row["lat"] is None and len(row["country"]) == 3
    else:
        assert -90 <= row["lat"] <= 90 and -180 <= row["lon"] <= 180
        assert row["country"] is None or row["country"] in ISO3  # the country code names a listed country


def test_geo_gazetteer_coverage():
    gaz = load_gazetteer()
    kinds = {}
    for p in gaz.places:
        kinds[p.kind] = kinds.get(p.kind, 0) + 1
    assert kinds["province"] == 31 and kinds["capital"] >= 190 and kinds["country"] >= 190
    for name in ("مسکو", "تهران", "مشهد", "نیویورک", "ژنو", "بغداد", "دمشق", "بیروت", "غزه", "کابل", "پکن", "واشنگتن", "تبریز", "اهواز"):
        assert gaz.by_key.get((key(name),)), name


@pytest.mark.parametrize("sentence, name, country", [
    ("عراقچی در مسکو با لاوروف دیدار کرد.", "Moscow", "RUS"),
    ("رئیس‌جمهور روسیه به تهران سفر کرد.", "Tehran", "IRN"),
    ("نشست شورای امنیت در نیویورک برگزار شد.", "New York City", "USA"),
    ("هیئت آمریکایی برای مذاکره به عربستان رفته بود.", "Saudi Arabia", "SAU"),  # a country before a verb of travel
    ("وزیر خارجه در سفر به ژنو با همتای خود گفت‌وگو کرد.", "Geneva", "CHE"),
    ("استاندار در استان فارس از پروژه‌ها بازدید کرد.", "Fars Province", "IRN"),
    ("ناوهای آمریکایی در خلیج فارس مستقر شدند.", "Persian Gulf", None),
    ("هيئت ايراني در مسكو مذاكره كرد.", "Moscow", "RUS"),  # Arabic letter forms
    ("مذاکرات در ایران برگزار شد.", "Iran", "IRN"),
], ids=["dar-moscow", "be-tehran", "dar-newyork", "be-country-travel", "safar-be-geneva", "ostan-fars", "persian-gulf", "arabic-letters", "country"])
def test_geo_locate_after_cue(sentence, name, country):
    loc = locate(tokenize(sentence), sentence)
    assert (loc.name, loc.country) == (name, country)
    assert loc.text in sentence


@pytest.mark.parametrize("sentence", [
    "به گزارش فارس، وزیر گفت همکاری‌ها ادامه دارد.",  # فارس is the agency here
    "ایران به آمریکا هشدار داد.",  # to America: the addressee, not a place
    "مسکو و تهران همکاری را گسترش می‌دهند.",  # no locative cue: the capitals are actors
    "سفیر ایران در باکو گفت روابط خوب است.",  # a post, not a scene
    "معاون وزیر خارجه روسیه به واشنگتن هشدار داد.",  # a capital as the addressee
], ids=["agency", "addressee", "no-cue", "post", "capital-addressee"])

def test_geo_no_place_without_cue(sentence):
    assert locate(tokenize(sentence), sentence) is None


@pytest.mark.parametrize("text, name", [
    ("تهران- ایرنا- رئیس‌جمهور امروز گفت دولت برنامه دارد. وی افزود کار ادامه دارد.", "Tehran"),
    ("به گزارش خبرنگار ایرنا از مشهد، استاندار گفت طرح آغاز شد. او افزود کار ادامه دارد.", "Mashhad"),
    ("وزیر خارجه که به مسکو سفر کرده است، امروز گفت روابط خوب است. وی افزود همکاری ادامه دارد.", "Moscow"),
    ("وزیر درباره وضعیت در سوریه گفت باید صلح برقرار شود. وی افزود کار ادامه دارد.", None),
], ids=["dateline", "be-gozaresh-az", "journey", "content-place-is-no-lead"])
def test_geo_lead_place(text, name):
    from rooydad.geo import lead_place

    loc = lead_place(text)
    assert (loc.name if loc else None) == name


def test_geo_visit_goes_to_destination():
    s = "وی در استانبول سوار هواپیما شد و به بیروت رفت."
    t = tokenize(s)
    assert locate(t, s).name == "Istanbul"
    assert locate(t, s, visit=True).name == "Beirut"


def test_geo_ambiguous_name_goes_to_actors_country():
    s = "انفجار در طرابلس رخ داد."
    assert locate(tokenize(s), s).country == "LBY"
    assert locate(tokenize(s), s, countries=["LBNGOV"]).country == "LBN"


def test_geo_reference_meeting_in_moscow(dictionaries):
    (doc,) = read([str(REFERENCE)])
    coded = code_document(doc, dictionaries)
    by = {(e.source.code, e.cameo, e.target.code): e for e in coded.events}
    meet = by[("IRNGOV", "040", "RUSGOV")]
    assert (meet.location.name, meet.location.country, meet.location.text) == ("Moscow", "RUS", "مسکو")
    assert meet.to_dict()["location"] == {"text": "مسکو", "name": "Moscow", "country": "RUS", "lat": 55.752, "lon": 37.6178}
    assert by[("IRNGOV", "042", "RUS")].location.country == "RUS"
    assert by[("ISR", "190", "IRN")].location is None  # background aggression: not where the lead is
