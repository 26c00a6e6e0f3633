"""Dates in Persian news: Jalali, Gregorian and lunar Hijri dates, weekdays and relative words.

Every resolved date carries its precision: "day", "week" (`هفته گذشته`: the date is a day of
that week), "month" or "year". Weekdays and relative words resolve against the dateline:
`چهارشنبه` is the dateline's Wednesday or the one before, `چهارشنبه گذشته` the one before,
`بامداد امروز` the dateline itself. Calendar arithmetic: jdatetime (Jalali) and hijridate
(lunar Hijri, Umm al-Qura tables; Iran's official lunar calendar can differ by a day).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import jdatetime
from hijridate import Gregorian, Hijri

from .chars import key

JALALI_MONTHS = ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"]
GREGORIAN_MONTHS = [
    ["ژانویه", "ژانویهی", "ژانویۀ"], ["فوریه"], ["مارس"], ["آوریل", "اوریل"], ["مه", "می"], ["ژوئن", "جون"],
    ["ژوئیه", "جولای"], ["اوت", "آگوست", "اگوست"], ["سپتامبر"], ["اکتبر"], ["نوامبر"], ["دسامبر"],
]
# Lunar Hijri months; a space or half-space may sit where the pattern has "_".
HIJRI_MONTHS = [
    ["محرم", "محرم_الحرام"], ["صفر", "صفر_المظفر"], ["ربیع_الاول", "ربیع_الاولی"], ["ربیع_الثانی", "ربیع_الآخر"],
    ["جمادی_الاول", "جمادی_الاولی"], ["جمادی_الثانی", "جمادی_الثانیه", "جمادی_الآخر"], ["رجب", "رجب_المرجب"],
    ["شعبان", "شعبان_المعظم"], ["رمضان", "رمضان_المبارک", "ماه_مبارک_رمضان"], ["شوال", "شوال_المکرم"],
    ["ذیقعده", "ذی_القعده", "ذی_قعده", "ذوالقعده"], ["ذیحجه", "ذی_الحجه", "ذی_حجه", "ذوالحجه"],
]
WEEKDAYS = {  # Python weekday numbers, keyed by the matching form
    "دوشنبه": 0, "سهشنبه": 1, "چهارشنبه": 2, "پنجشنبه": 3, "جمعه": 4, "شنبه": 5, "یکشنبه": 6,
}
RELATIVE_DAYS = {"امروز": 0, "امشب": 0, "دیروز": -1, "دیشب": -1, "شبگذشته": -1, "روزگذشته": -1, "پریروز": -2, "فردا": 1, "پسفردا": 2}
_ORDINALS = ["اول", "دوم", "سوم", "چهارم", "پنجم", "ششم", "هفتم", "هشتم", "نهم", "دهم", "یازدهم", "دوازدهم", "سیزدهم",
             "چهاردهم", "پانزدهم", "شانزدهم", "هفدهم", "هجدهم", "نوزدهم", "بیستم"]
_ORDINAL_DAY = {w: i + 1 for i, w in enumerate(_ORDINALS)}
_ORDINAL_DAY.update({f"بیستو{w}": 21 + i for i, w in enumerate(["یکم", *_ORDINALS[1:9]])})
_ORDINAL_DAY.update({"سیام": 30, "سیویکم": 31, "هیجدهم": 18})
_NUMBER_WORDS = {"یک": 1, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "هفت": 7, "هشت": 8, "نه": 9, "ده": 10}


@dataclass(frozen=True)
class ResolvedDate:
    date: dt.date
    precision: str  # "day" | "week" | "month" | "year"
    start: int
    end: int
    kind: str = "absolute"  # "absolute" | "weekday" | "relative"

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


_SEP = r"[\s\u200c]?"


def _alt(names) -> str:
    return "|".join(sorted((re.escape(n).replace("_", _SEP) for n in names), key=len, reverse=True))


_jmonth = {key(m): i + 1 for i, m in enumerate(JALALI_MONTHS)}
_gmonth = {key(v): i + 1 for i, vs in enumerate(GREGORIAN_MONTHS) for v in vs}
_hmonth = {key(v.replace("_", "")): i + 1 for i, vs in enumerate(HIJRI_MONTHS) for v in vs}
_D = r"[0-9۰-۹٠-٩]"
_ORD_RE = "|".join(sorted((w.replace(" ", r"\s+") for w in [*_ORDINALS, *(f"بیست و {w}" for w in ["یکم", *_ORDINALS[1:9]]), "سی‌ام", "سی و یکم", "هیجدهم"]), key=len, reverse=True))
_NAMED = re.compile(
    rf"(?<!\w)(?:({_D}{{1,2}}|{_ORD_RE})\s*(?:ام|م)?\s+)?({_alt([*JALALI_MONTHS, *(v for vs in GREGORIAN_MONTHS for v in vs)])})"
    rf"(?:[\s\u200c]?ماه)?(?![\w\u200c])(?:\s*(?:سال\s+)?({_D}{{4}}))?"
)
_HIJRI = re.compile(
    rf"(?<!\w)(?:({_D}{{1,2}})\s*(?:ام|م)?\s+)?({_alt(v for vs in HIJRI_MONTHS for v in vs)})(?![\w\u200c])"
    rf"(?:\s*(?:سال\s+)?({_D}{{4}})(?:\s*(?:هجری\s+)?(?:قمری|ه\.?\s?ق))?)?"
)
_NUMERIC = re.compile(rf"(?<!{_D})({_D}{{4}})[/\-.]({_D}{{1,2}})[/\-.]({_D}{{1,2}})(?!{_D})")
_WD = r"(?:(?:یک|دو|سه|چهار|پنج)[\s\u200c]?)?شنبه|جمعه"
_WEEKDAY = re.compile(rf"(?<![\w\u200c])({_WD})(?![\w\u200c])(?:\s+(گذشته|قبل|پیش|آینده))?")
_PART = r"(?:بامداد|سحرگاه|صبح|ظهر|بعد\s?از\s?ظهر|بعدازظهر|عصر|غروب|شامگاه|شب|نیمه\s?شب)\s+"
_RELATIVE = re.compile(
    rf"(?<![\w\u200c])(?:{_PART})?(امروز|امشب|دیروز|دیشب|پریروز|پس[\s\u200c]?فردا|فردا|روز\s+گذشته|شب\s+گذشته)(?![\w\u200c])"
)
_AGO = re.compile(rf"(?<![\w\u200c])({_D}{{1,2}}|{'|'.join(_NUMBER_WORDS)})\s+(روز|هفته|ماه|سال)\s+(پیش|قبل|گذشته|بعد|آینده)(?![\w\u200c])")
_PERIOD = re.compile(r"(?<![\w\u200c])(?:در\s+)?(هفته|ماه|سال)\s+(گذشته|قبل|پیش|آینده|جاری)(?![\w\u200c])|(?<![\w\u200c])(امسال|پارسال)(?![\w\u200c])")


def _int(s: str) -> int:
    k = key(s)
    return int(k) if k.isdigit() else _ORDINAL_DAY[re.sub(r"\s+", "", k)]


def _to_gregorian(year: int, month: int, day: int) -> dt.date | None:
    try:
        if year < 1700:  # Jalali
            return jdatetime.date(year, month, day).togregorian()
        return dt.date(year, month, day)
    except ValueError:
        return None


def _shift_month(d: dt.date, months: int) -> dt.date:
    m = d.year * 12 + d.month - 1 + months
    return dt.date(m // 12, m % 12 + 1, 1)


def _hijri_dates(text: str, dateline: dt.date | None):
    for m in _HIJRI.finditer(text):
        day_s, month_s, year_s = m.groups()
        if not day_s and not year_s:
            continue  # `رجب` alone is also a name, `صفر` a number
        month = _hmonth.get(key(re.sub(r"[\s\u200c]", "", month_s)))
        if month is None:
            continue
        if year_s:
            year = _int(year_s)
        elif dateline is not None:
            year = Gregorian(dateline.year, dateline.month, dateline.day).to_hijri().year
        else:
            continue
        try:
            g = Hijri(year, month, _int(day_s) if day_s else 1).to_gregorian()
        except (ValueError, OverflowError):
            continue
        yield ResolvedDate(dt.date(g.year, g.month, g.day), "day" if day_s else "month", m.start(), m.end())


def _candidates(text: str, dateline: dt.date | None):
    for m in _NUMERIC.finditer(text):
        d = _to_gregorian(_int(m.group(1)), _int(m.group(2)), _int(m.group(3)))
        if d:
            yield ResolvedDate(d, "day", m.start(), m.end())
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
            yield ResolvedDate(d, "day" if day_s else "month", m.start(), m.end())
    yield from _hijri_dates(text, dateline)
    if dateline is None:
        return
    for m in _WEEKDAY.finditer(text):
        wd = WEEKDAYS.get(re.sub(r"\s", "", key(m.group(1))))
        if wd is None:
            continue
        back = (dateline.weekday() - wd) % 7
        when = m.group(2)
        if when in ("گذشته", "قبل", "پیش") and back == 0:
            back = 7
        d = dateline + dt.timedelta(days=(7 - back) % 7 or 7) if when == "آینده" else dateline - dt.timedelta(days=back)
        yield ResolvedDate(d, "day", m.start(), m.end(), "weekday")
    for m in _RELATIVE.finditer(text):
        if re.search(r"چند\s+$", text[max(0, m.start() - 6) : m.start()]):
            continue  # `چند روز گذشته`: the past few days, no date
        k = re.sub(r"\s", "", key(m.group(1)))
        if k in RELATIVE_DAYS:
            yield ResolvedDate(dateline + dt.timedelta(days=RELATIVE_DAYS[k]), "day", m.start(), m.end(), "relative")
    for m in _AGO.finditer(text):
        n = _NUMBER_WORDS.get(m.group(1)) or _int(m.group(1))
        sign = 1 if m.group(3) in ("بعد", "آینده") else -1
        unit = m.group(2)
        if unit == "روز":
            yield ResolvedDate(dateline + dt.timedelta(days=sign * n), "day", m.start(), m.end(), "relative")
        elif unit == "هفته":
            yield ResolvedDate(dateline + dt.timedelta(days=sign * 7 * n), "week", m.start(), m.end(), "relative")
        elif unit == "ماه":
            yield ResolvedDate(_shift_month(dateline, sign * n), "month", m.start(), m.end(), "relative")
        else:
            yield ResolvedDate(dt.date(dateline.year + sign * n, 1, 1), "year", m.start(), m.end(), "relative")
    for m in _PERIOD.finditer(text):
        unit, when, word = m.group(1), m.group(2), m.group(3)
        if word:
            unit, when = "سال", ("جاری" if word == "امسال" else "گذشته")
        step = {"گذشته": -1, "قبل": -1, "پیش": -1, "آینده": 1, "جاری": 0}[when]
        if unit == "هفته":
            yield ResolvedDate(dateline + dt.timedelta(days=7 * step), "week", m.start(), m.end(), "relative")
        elif unit == "ماه":
            yield ResolvedDate(_shift_month(dateline, step), "month", m.start(), m.end(), "relative")
        else:
            yield ResolvedDate(dt.date(dateline.year + step, 1, 1), "year", m.start(), m.end(), "relative")


def find_dates(text: str, dateline: dt.date | None) -> list[ResolvedDate]:
    """Every date expression in ``text`` that can be resolved, in order of position.

    Where expressions overlap (`بامداد امروز` and `امروز`), the longest is kept.

    >>> [r.iso for r in find_dates("بامداد امروز و ۵ رجب ۱۴۴۷", dt.date(2025, 12, 17))]
    ['2025-12-17', '2025-12-25']
    """
    text = text.translate(str.maketrans({"ي": "ی", "ك": "ک"}))
    found = sorted(_candidates(text, dateline), key=lambda r: (r.start, -(r.end - r.start)))
    out: list[ResolvedDate] = []
    for r in found:
        if out and r.start < out[-1].end:
            continue
        # `چهارشنبه پانزدهم بهمن`: a weekday right before a full date names that date's weekday.
        if out and out[-1].kind == "weekday" and r.kind == "absolute" and not text[out[-1].end : r.start].strip(" ،,\u200c"):
            out.pop()
        out.append(r)
    return out
