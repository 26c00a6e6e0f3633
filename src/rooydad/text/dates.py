"""Dates in Persian news: Jalali, Gregorian and lunar month names, weekdays and relative words.

Every resolved date carries its precision ("day", "month", "year"). Weekdays and relative
words resolve against the dateline: `چهارشنبه` is the dateline's Wednesday or the one before.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import jdatetime

from .chars import key

JALALI_MONTHS = ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"]
GREGORIAN_MONTHS = [
    ["ژانویه", "ژانویهی", "ژانویۀ"], ["فوریه"], ["مارس"], ["آوریل", "اوریل"], ["مه", "می"], ["ژوئن", "جون"],
    ["ژوئیه", "جولای"], ["اوت", "آگوست", "اگوست"], ["سپتامبر"], ["اکتبر"], ["نوامبر"], ["دسامبر"],
]
HIJRI_MONTHS = ["محرم", "صفر", "ربیع‌الاول", "ربیع‌الثانی", "جمادی‌الاول", "جمادی‌الثانی", "رجب", "شعبان", "رمضان", "شوال", "ذیقعده", "ذیحجه"]
WEEKDAYS = {  # Python weekday numbers
    "دوشنبه": 0, "سهشنبه": 1, "چهارشنبه": 2, "پنجشنبه": 3, "جمعه": 4, "شنبه": 5, "یکشنبه": 6,
}
RELATIVE_DAYS = {"امروز": 0, "امشب": 0, "دیروز": -1, "دیشب": -1, "روزگذشته": -1, "پریروز": -2, "فردا": 1}


@dataclass(frozen=True)
class ResolvedDate:
    date: dt.date
    precision: str  # "day" | "month" | "year"
    start: int
    end: int

    @property
    def iso(self) -> str:
        if self.precision == "year":
            return f"{self.date.year:04d}"
        if self.precision == "month":
            return f"{self.date.year:04d}-{self.date.month:02d}"
        return self.date.isoformat()


def parse_iso(value: str) -> dt.date:
    """Parse a dateline (``YYYY-MM-DD``, optionally with a time part)."""
    return dt.date.fromisoformat(value.strip()[:10])


_jmonth = {key(m): i + 1 for i, m in enumerate(JALALI_MONTHS)}
_gmonth = {key(v): i + 1 for i, vs in enumerate(GREGORIAN_MONTHS) for v in vs}
_hmonth = {key(m): i + 1 for i, m in enumerate(HIJRI_MONTHS)}
_MONTH_NAMES = {*_jmonth, *_gmonth, *JALALI_MONTHS, *(v for vs in GREGORIAN_MONTHS for v in vs)}
_MONTH_RE = "|".join(sorted(_MONTH_NAMES, key=len, reverse=True))
_D = r"[0-9۰-۹٠-٩]"
_NAMED = re.compile(rf"(?<!\w)(?:({_D}{{1,2}})\s+)?({_MONTH_RE})(?!\w)(?:\s*(?:ماه|ماه‌)?\s*(?:سال\s+)?({_D}{{4}}))?")
_NUMERIC = re.compile(rf"({_D}{{4}})[/\-.]({_D}{{1,2}})[/\-.]({_D}{{1,2}})")
_WEEKDAY = re.compile(r"(یک|دو|سه|چهار|پنج)?[\s\u200c]?شنبه|جمعه")
_RELATIVE = re.compile(r"امروز|امشب|دیروز|دیشب|پریروز|فردا|روز\s+گذشته|هفته\s+گذشته|ماه\s+گذشته|سال\s+گذشته")


def _int(s: str) -> int:
    return int(key(s))


def _to_gregorian(year: int, month: int, day: int) -> dt.date | None:
    try:
        if year < 1700:  # Jalali
            return jdatetime.date(year, month, day).togregorian()
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str, dateline: dt.date | None) -> list[ResolvedDate]:
    """Every date expression in ``text`` that can be resolved, in order of position."""
    found: list[ResolvedDate] = []
    text = text.translate(str.maketrans({"ي": "ی", "ك": "ک"}))
    for m in _NUMERIC.finditer(text):
        d = _to_gregorian(_int(m.group(1)), _int(m.group(2)), _int(m.group(3)))
        if d:
            found.append(ResolvedDate(d, "day", m.start(), m.end()))
    for m in _NAMED.finditer(text):
        day_s, month_s, year_s = m.groups()
        if not day_s and not year_s:
            continue
        mk = key(month_s)
        is_jalali = mk in _jmonth
        month = _jmonth[mk] if is_jalali else _gmonth[mk]
        if year_s:
            year = _int(year_s)
        elif dateline is not None:
            year = jdatetime.date.fromgregorian(date=dateline).year if is_jalali else dateline.year
        else:
            continue
        if is_jalali != (year < 1700):
            continue
        d = _to_gregorian(year, month, _int(day_s) if day_s else 1)
        if d:
            found.append(ResolvedDate(d, "day" if day_s else "month", m.start(), m.end()))
    if dateline is not None:
        for m in _WEEKDAY.finditer(text):
            wd = WEEKDAYS.get(key(m.group()).replace(" ", ""))
            if wd is None:
                continue
            back = (dateline.weekday() - wd) % 7
            found.append(ResolvedDate(dateline - dt.timedelta(days=back), "day", m.start(), m.end()))
        for m in _RELATIVE.finditer(text):
            k = re.sub(r"\s+", "", m.group())
            if k in RELATIVE_DAYS:
                found.append(ResolvedDate(dateline + dt.timedelta(days=RELATIVE_DAYS[k]), "day", m.start(), m.end()))
            elif k == "هفتهگذشته":
                found.append(ResolvedDate(dateline - dt.timedelta(days=7), "day", m.start(), m.end()))
    found.sort(key=lambda r: r.start)
    return found
