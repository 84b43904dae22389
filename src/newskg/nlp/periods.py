"""Periods written as Iranian (Solar Hijri) years: ``the first seven months of the current Iranian
calendar year``, ``the past Iranian year``. The article date anchors them; jdatetime converts.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import jdatetime
from spacy.tokens import Span

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


@dataclass(frozen=True, slots=True)
class FoundPeriod:
    label: str
    start: str | None
    end: str | None
    """ISO dates, inclusive; None when the article date is unknown."""


def iranian_year_of(day: dt.date) -> int:
    """The Solar Hijri year a Gregorian day falls in."""
    return jdatetime.date.fromgregorian(date=day).year


def iranian_year_bounds(year: int) -> tuple[dt.date, dt.date]:
    """First and last Gregorian day of a Solar Hijri year."""
    first = jdatetime.date(year, 1, 1).togregorian()
    last = jdatetime.date(year + 1, 1, 1).togregorian() - dt.timedelta(days=1)
    return first, last


def find_period(sentence: Span, article_date: str | None) -> FoundPeriod | None:
    """The Iranian-year period a sentence speaks of, as dates when the article date is known."""
    match = IRANIAN_YEAR.search(sentence.text)
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
    return FoundPeriod(label, start.isoformat(), end.isoformat())
