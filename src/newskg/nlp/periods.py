"""Periods written as Iranian (Solar Hijri) years: ``the first seven months of the current Iranian
calendar year``, ``the past Iranian year``. The article date anchors them; jdatetime converts.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

import jdatetime

NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
IRANIAN_YEAR = re.compile(
    r"(?:(?:the\s+)?first\s+(?P<months>\w+)(?:\s+|-)months?\s+of\s+|(?:the\s+)?first\s+half\s+of\s+)?"
    r"(?:the\s+)?(?P<which>current|this|present|past|last|previous|next)\s+Iranian\s+(?:calendar\s+)?year",
    re.I,
)
IRANIAN = re.compile("Iranian", re.I)
"""Every period names the Iranian year: finding the word is much quicker than the whole pattern."""


@dataclass(frozen=True, slots=True)
class FoundPeriod:
    label: str
    start: str | None
    end: str | None
    """ISO dates, inclusive; None when the article date is unknown."""


MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<{0}m>[A-Z][a-z]{{2,8}})\.?\s+(?P<{0}d>\d{{1,2}})(?:,\s*(?P<{0}y>\d{{4}}))?"
EXPLICIT_RANGE = re.compile(r"\(\s*" + _MONTH.format("a") + r"\s*[-–]\s*" + _MONTH.format("b") + r"\s*\)")


def _gregorian(month: str, day: str, year: str | None, first: dt.date) -> dt.date | None:
    """A day written without a year, placed in the Iranian year that starts on ``first``."""
    number = MONTHS.get(month.lower().rstrip("."))
    if number is None:
        return None
    if year:
        guess_year = int(year)
    else:  # the Iranian year runs from late March to late March
        guess_year = first.year if (number, int(day)) >= (first.month, first.day) else first.year + 1
    try:
        return dt.date(guess_year, number, int(day))
    except ValueError:
        return None


def iranian_year_of(day: dt.date) -> int:
    """The Solar Hijri year a Gregorian day falls in."""
    return jdatetime.date.fromgregorian(date=day).year


def iranian_year_bounds(year: int) -> tuple[dt.date, dt.date]:
    """First and last Gregorian day of a Solar Hijri year."""
    first = jdatetime.date(year, 1, 1).togregorian()
    last = jdatetime.date(year + 1, 1, 1).togregorian() - dt.timedelta(days=1)
    return first, last


@lru_cache(maxsize=256)
def find_period(sentence: str, article_date: str | None) -> FoundPeriod | None:
    """The Iranian-year period a sentence speaks of, as dates when the article date is known.

    Cached: every figure of a sentence asks about the same sentence.
    """
    if IRANIAN.search(sentence) is None:
        return None
    match = IRANIAN_YEAR.search(sentence)
    if match is None:
        return None
    label = match.group(0)
    if not article_date:
        return FoundPeriod(label, None, None)
    year = iranian_year_of(dt.date.fromisoformat(article_date))
    which = match.group("which").lower()
    year += {"past": -1, "last": -1, "previous": -1, "next": 1}.get(which, 0)
    start, end = iranian_year_bounds(year)
    months_text = (match.group("months") or "").lower()
    months = NUMBER_WORDS.get(months_text) or (int(months_text) if months_text.isdigit() else None)
    if "half" in label.lower():
        months = 6
    if months:
        end = (jdatetime.date(year + (months == 12), months % 12 + 1, 1).togregorian()) - dt.timedelta(days=1)
    explicit = EXPLICIT_RANGE.search(sentence, match.end(), match.end() + 60)
    if explicit is not None:  # "(March 20-October 21)" says the days themselves
        first = _gregorian(explicit["am"], explicit["ad"], explicit["ay"], start)
        last = _gregorian(explicit["bm"], explicit["bd"], explicit["by"], start)
        if first is not None and last is not None and first <= last:
            start, end = first, last
            label = sentence[match.start() : explicit.end()]
    return FoundPeriod(label, start.isoformat(), end.isoformat())
