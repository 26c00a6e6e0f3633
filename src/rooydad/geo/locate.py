"""Where an event happened: the place its sentence names after a locative cue, else the lead's.

A place name counts only after a cue: ``در`` (in) for any place; ``به``, ``وارد``, ``راهی``
(to, into) for cities and regions, and for a country or a capital only on a journey (``به
عربستان رفت``, ``سفر به مسکو``), since ``به آمریکا``, ``به واشنگتن`` are more often the addressee
than a destination. A person's post (``سفیر ایران در باکو``) is not where the event happened.
A visit (CAMEO 042, 043) happened at its destination (``به X``) when the sentence names one.
``استان X`` is the province, ``شهر X`` the city; a bare province name counts after ``در`` only,
and never for ``فارس`` (the agency), ``مرکزی`` (central), ``البرز``, ``گلستان``. Names shared by
several places go to the one in the country of the event's actors, else to the country, the
capital, the larger city. A sentence naming no place takes the place of the article's lead: its
dateline (``تهران- ایرنا-``, ``به گزارش ... از X``) or the destination of a journey the lead
reports (``به مسکو سفر کرده است``); any other place a lead names is often not where later
events happen.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..model import Location, Token
from ..text import split_sentences, tokenize
from .gazetteer import Gazetteer, Place, load_gazetteer

CUE_ANY = frozenset({"در"})
CUE_TO = frozenset({"به", "وارد", "راهی"})
GENERIC = {"استان": ("province",), "شهر": ("city", "capital"), "شهرهای": ("city", "capital"), "پایتخت": ("capital",)}
TRAVEL = frozenset({"سفر", "رفت", "رفته", "رفتند", "رفتهاند", "رفتهبود", "عزیمت", "امد", "امدند", "بازگشت", "سفرکرد", "رسید", "رسیدند"})
TRAVEL_NOUNS = frozenset({"سفر", "سفرش", "عزیمت", "ورود", "بازگشت", "مقصد", "پرواز", "اعزام"})
POST = frozenset({"سفیر", "سفرای", "کاردار", "نماینده", "نمایندگی", "نمایندگان", "سرکنسول", "کنسول", "وابسته", "رایزن"})
VISITS = ("042", "043")
# Province names that are also an agency or a common word: the province only as ``استان X``.
PROVINCE_NEEDS_OSTAN = frozenset({"فارس", "مرکزی", "البرز", "گلستان"})
RANK = {"country": 4, "capital": 3, "city": 2, "region": 2, "province": 1}


@dataclass(frozen=True)
class GeoLocation(Location):
    """A Location with coordinates (None for a country); the output contract gains ``lat``, ``lon``."""

    lat: float | None = None
    lon: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {**super().to_dict(), "lat": self.lat, "lon": self.lon}


@dataclass(frozen=True)
class PlaceMention:
    start: int  # token index of the name
    end: int
    places: tuple[Place, ...]
    to: bool = False  # after به / وارد / راهی: a destination
    travel: bool = False  # ... of a journey (به X سفر کرد, سفر به X, وارد X شد)


def mentions(tokens: Sequence[Token], gaz: Gazetteer | None = None) -> list[PlaceMention]:
    """Place names after a locative cue in a sentence's tokens."""
    gaz = gaz or load_gazetteer()
    keys = [t.key for t in tokens]
    out = []
    for i, k in enumerate(keys[:-1]):
        if k not in CUE_ANY and k not in CUE_TO:
            continue
        if POST & set(keys[max(0, i - 3) : i]):  # سفیر ایران در باکو: a title, not a scene
            continue
        j, kinds = i + 1, None
        if keys[j] in GENERIC and j + 1 < len(keys):
            kinds, j = GENERIC[keys[j]], j + 1
        n, places = gaz.match(keys, j)
        if not n:
            continue
        name = " ".join(keys[j : j + n])
        if kinds:
            places = [p for p in places if p.kind in kinds]
        else:
            places = [p for p in places if p.kind != "province"] or (
                [] if k in CUE_TO or name in PROVINCE_NEEDS_OSTAN else places)
        travel = k != "به" or (j + n < len(keys) and keys[j + n] in TRAVEL) or (i > 0 and keys[i - 1] in TRAVEL_NOUNS)
        if k in CUE_TO and not kinds and not travel:  # به واشنگتن هشدار داد: the addressee
            places = [p for p in places if p.kind not in ("country", "capital")]
        if places:
            out.append(PlaceMention(j, j + n, tuple(places), k in CUE_TO, k in CUE_TO and travel))
    return out


def choose(places: Iterable[Place], countries: Iterable[str] = ()) -> Place:
    """Among places of one name: the actors' country first, then country > capital > city, then size."""
    prefer = {c[:3] for c in countries if c}
    return max(places, key=lambda p: (p.country in prefer, RANK[p.kind], p.population))


def _location(m: PlaceMention, tokens: Sequence[Token], text: str | None, countries: Iterable[str]) -> GeoLocation:
    p = choose(m.places, countries)
    s, e = tokens[m.start].start, tokens[m.end - 1].end
    words = text[s:e] if text is not None else " ".join(t.text for t in tokens[m.start : m.end])
    return GeoLocation(words, p.name, p.country, p.lat, p.lon)


def locate(tokens: Sequence[Token], text: str | None = None, near: tuple[int, int] | None = None,
           countries: Iterable[str] = (), visit: bool = False) -> GeoLocation | None:
    """The place a sentence names (nearest to token span ``near``; a city before a country).

    >>> from rooydad.text import tokenize
    >>> locate(tokenize("عراقچی در مسکو با لاوروف دیدار کرد")).name
    'Moscow'
    """
    found = mentions(tokens)
    if not found:
        return None
    a, b = near or (0, 0)
    countries = tuple(countries)

    def order(m: PlaceMention):
        only_country = all(p.kind == "country" for p in m.places)
        dist = 0 if near is None else max(a - m.end, m.start - b, 0)
        return (visit and not m.to, only_country, dist, m.start)

    return _location(min(found, key=order), tokens, text, countries)


@lru_cache(maxsize=256)
def _lead_place(lead: str) -> GeoLocation | None:
    """The place of an article's lead: its dateline (``تهران- ایرنا-``, ``... از X``) or a journey's destination."""
    tokens = tokenize(lead)
    gaz = load_gazetteer()
    keys = [t.key for t in tokens]
    n, places = gaz.match(keys, 0)
    if n and len(keys) > n and keys[n] in ("-", "–", "،", ":", "(") and (places := [p for p in places if p.kind != "province"]):
        return _location(PlaceMention(0, n, tuple(places)), tokens, lead, ())
    for i in range(len(keys) - 1):
        if keys[i] == "گزارش":
            for j in range(i + 1, min(i + 6, len(keys) - 1)):
                if keys[j] == "از":
                    n, places = gaz.match(keys, j + 1)
                    if n and (places := [p for p in places if p.kind in ("city", "capital")]):
                        return _location(PlaceMention(j + 1, j + 1 + n, tuple(places)), tokens, lead, ())
            break
    trips = [m for m in mentions(tokens, gaz) if m.travel]
    return _location(trips[0], tokens, lead, ()) if trips else None


def lead_place(text: str) -> GeoLocation | None:
    """The place of the first sentence of ``text``, offsets into ``text``."""
    for s, e in split_sentences(text):
        return _lead_place(text[:e])
    return None


def locate_event(tokens: Sequence[Token], start: int, end: int, actors: Iterable[str], text: str,
                 lead: bool = True, cameo: str = "") -> GeoLocation | None:
    """An event's location: its sentence's place (near tokens ``start..end``), else the lead's if ``lead``."""
    found = locate(tokens, text, (start, end), actors, visit=cameo in VISITS)
    return found or (lead_place(text) if lead else None)
