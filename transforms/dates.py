"""Resolve a date expression ("Thursday", "last month", "Feb 26") against the publication date."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import dateparser

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    value: date
    precision: str  # day / week / month / year


NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
# Reuters writes a day of the month in words: "April one", "March seven"
DAY_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30,
} | {k: v for k, v in NUMBER_WORDS.items() if k not in ("a", "an")}  # fmt: skip
MAX_AGO = 100
AGO_RE = re.compile(r"(\d+|[a-z]+) (day|week|month|year)s? ago")
# the part of a period a date names: its precision stays the period's
PART_RE = re.compile(r"(?:early|late|mid)[- ]|end-|(?:beginning|start|middle|end) of ")


def _month_start(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def resolve_date(
    text: str, published: datetime | None, future: bool = False
) -> ResolvedDate | None:
    """``future`` is True for future tense or scheduled events: a bare weekday is then the next
    such day (on or after publication), otherwise the latest one on or before publication."""
    if published is None:
        return None
    base = published.date()
    t = " ".join(text.casefold().replace("’", "'").split())
    t = re.sub(r"^(on|in|at|during|since|by|from|until|over) ", "", t)
    t = re.sub(r"^the ", "", t)
    t = re.sub(r"^calendar (?=(19|20)\d\d$)", "", t)
    ago = AGO_RE.fullmatch(t)
    if ago is not None:
        return _ago(ago, base)
    # "the end of March", "late 1986", "early next year": the month or year itself
    part = PART_RE.match(t)
    if part is not None and part.end() < len(t):
        whole = resolve_date(t[part.end() :], published, future)
        if whole is not None and whole.precision in ("week", "month", "year"):
            return whole
    for resolve in (_day_named, _period_named, _month_named, _calendar_date):
        found = resolve(t, base, future)
        if found is not None:
            return found
    return None


def _ago(ago: re.Match[str], base: date) -> ResolvedDate | None:
    """ "two weeks ago", "a year ago": the day, week, month or year that far back."""
    count = int(ago[1]) if ago[1].isdigit() else NUMBER_WORDS.get(ago[1])
    if count is None or count > MAX_AGO:
        return None  # (and no calendar arithmetic past year 1: "3000 years ago")
    unit = ago[2]
    if unit == "day":
        return ResolvedDate(base - timedelta(days=count), "day")
    if unit == "week":
        monday = base - timedelta(days=base.weekday() + 7 * count)
        return ResolvedDate(monday, "week")
    if unit == "month":
        return ResolvedDate(_month_start(base, -count), "month")
    return ResolvedDate(date(base.year - count, 1, 1), "year")


def _day_named(t: str, base: date, future: bool) -> ResolvedDate | None:
    """A weekday ("last Tuesday", "on Friday evening") or a day named from publication
    ("yesterday", "tomorrow morning")."""
    for i, name in enumerate(WEEKDAYS):
        if re.fullmatch(rf"(last |this |next |on )?{name}( (morning|afternoon|evening|night))?", t):
            if t.startswith("next "):
                delta = (i - base.weekday()) % 7 or 7
                return ResolvedDate(base + timedelta(days=delta), "day")
            if future and not t.startswith("last "):
                return ResolvedDate(base + timedelta(days=(i - base.weekday()) % 7), "day")
            return ResolvedDate(base - timedelta(days=(base.weekday() - i) % 7), "day")
    simple = {
        "today": (0, "day"), "tonight": (0, "day"), "this morning": (0, "day"),
        "yesterday": (-1, "day"), "tomorrow": (1, "day"),
        "last night": (-1, "day"), "the day before": (-1, "day"),
    }  # fmt: skip
    if t in simple:
        days, precision = simple[t]
        return ResolvedDate(base + timedelta(days=days), precision)
    if re.fullmatch(r"(this|tomorrow|yesterday) (morning|afternoon|evening|night)", t):
        day = {"this": 0, "tomorrow": 1, "yesterday": -1}[t.split()[0]]
        return ResolvedDate(base + timedelta(days=day), "day")
    return None


def _period_named(t: str, base: date, future: bool) -> ResolvedDate | None:
    """A week, weekend, month or year named from publication ("last week", "this weekend",
    "next year"), or a year by its number."""
    monday = base - timedelta(days=base.weekday())
    if t in ("this week", "earlier this week", "later this week"):
        return ResolvedDate(monday, "week")
    if t == "last week":
        return ResolvedDate(monday - timedelta(days=7), "week")
    if t == "next week":
        return ResolvedDate(monday + timedelta(days=7), "week")
    if t in ("weekend", "this weekend", "last weekend", "next weekend"):
        saturday_before = base - timedelta(days=(base.weekday() - 5) % 7)
        if t == "next weekend" or (future and t != "last weekend"):
            return ResolvedDate(base + timedelta(days=(5 - base.weekday()) % 7), "week")
        return ResolvedDate(saturday_before, "week")
    if t in ("this month", "earlier this month", "later this month"):
        return ResolvedDate(base.replace(day=1), "month")
    if t == "last month":
        return ResolvedDate(_month_start(base, -1), "month")
    if t == "next month":
        return ResolvedDate(_month_start(base, 1), "month")
    if t in ("this year", "earlier this year", "later this year"):
        return ResolvedDate(date(base.year, 1, 1), "year")
    if t == "last year":
        return ResolvedDate(date(base.year - 1, 1, 1), "year")
    if t == "next year":
        return ResolvedDate(date(base.year + 1, 1, 1), "year")
    if re.fullmatch(r"(19|20)\d\d", t):
        return ResolvedDate(date(int(t), 1, 1), "year")
    return None


def _month_named(t: str, base: date, future: bool) -> ResolvedDate | None:
    """A month ("last March", "mid-June", "March 1987"; without a year the latest one on the
    tense's side of publication), or a day of it in words ("March twenty-one")."""
    for i, name in enumerate(MONTHS):
        if re.fullmatch(rf"(last |this |next |early |late |mid-?)?{name}", t):
            year = base.year
            if t.startswith("last ") or (
                not future and i + 1 > base.month and not t.startswith("next ")
            ):
                year -= 1
            if t.startswith("next ") or (future and i + 1 < base.month):
                year = base.year + 1
            return ResolvedDate(date(year, i + 1, 1), "month")
        if re.fullmatch(rf"{name},? (19|20)\d\d", t):
            return ResolvedDate(date(int(t[-4:]), i + 1, 1), "month")
        words = re.fullmatch(rf"{name} ([a-z]+)(?:[- ]([a-z]+))?", t)
        if words is not None and words[1] in DAY_WORDS and (words[2] or "one") in DAY_WORDS:
            day = DAY_WORDS[words[1]] + (DAY_WORDS[words[2]] if words[2] else 0)
            return _nearest_day(i + 1, day, base, future)
    return None


def _calendar_date(t: str, base: date, future: bool) -> ResolvedDate | None:
    """An explicit calendar date ("Feb. 26", "26 February 2016", "2016-10-21")."""
    if not re.search(r"\d", t):
        return None
    # a span of days ("March 20-21", "20-21 March 2017") starts on its first day; dateparser
    # would read "20-21" as the year 2021
    t = re.sub(r"(?<![\d-])(\d{1,2}) ?[-\u2013] ?\d{1,2}(?![\d:-])", r"\1", t)
    parsed = dateparser.parse(
        t,
        languages=["en"],
        settings={
            "RELATIVE_BASE": datetime(base.year, base.month, base.day),
            "PREFER_DATES_FROM": "future" if future else "past",
            "PARSERS": ["absolute-time"],
            "REQUIRE_PARTS": ["day", "month"],
        },
    )
    if parsed is None:
        return None
    if not re.search(r"\b(19|20)\d\d\b", t):
        # no year given: the nearest such day on the tense's side of publication, the
        # publication day included either way (dateparser's "future" excludes it)
        return _nearest_day(parsed.month, parsed.day, base, future)
    return ResolvedDate(parsed.date(), "day")


def _nearest_day(month: int, day: int, base: date, future: bool) -> ResolvedDate | None:
    """A day of a month with no year: the latest one on or before ``base``, or with
    ``future`` the next one on or after it (29 February: within four years)."""
    step = 1 if future else -1
    for offset in range(5):
        try:
            candidate = date(base.year + step * offset, month, day)
        except ValueError:
            continue
        if (candidate >= base) if future else (candidate <= base):
            return ResolvedDate(candidate, "day")
    return None


# any fixed day will do: an expression that resolves against it is a date
_SOME_DAY = datetime(2000, 6, 15)


@functools.lru_cache(maxsize=4096)
def is_date_expression(text: str) -> bool:
    """A point in time (``Thursday``, ``last month``, ``1986``), not a duration, a frequency
    or an age (``three years``, ``annual``, ``21-year-old``)."""
    return resolve_date(text, _SOME_DAY) is not None
