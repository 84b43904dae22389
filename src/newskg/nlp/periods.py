"""Periods written as Iranian (Solar Hijri) years: ``the first seven months of the current Iranian
calendar year``, ``the past Iranian year``. The article date anchors them; jdatetime converts.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

import jdatetime

from .lexicon import load_lexicon


@lru_cache(maxsize=1)
def _iranian_year() -> re.Pattern[str]:
    """``the first seven months of the current Iranian calendar year``: built from the words of
    ``rules/figures.json`` (which years, number words)."""
    which = "|".join(sorted(load_lexicon().figures.year_offsets, key=len, reverse=True))
    return re.compile(
        r"(?:(?:the\s+)?first\s+(?P<months>\w+)(?:\s+|-)months?\s+of\s+|(?:the\s+)?first\s+half\s+of\s+)?"
        rf"(?:the\s+)?(?P<which>{which})\s+Iranian\s+(?:calendar\s+)?year",
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


_MONTH = r"(?P<{0}m>[A-Z][a-z]{{2,8}})\.?\s+(?P<{0}d>\d{{1,2}})(?:,\s*(?P<{0}y>\d{{4}}))?"
EXPLICIT_RANGE = re.compile(r"\(\s*" + _MONTH.format("a") + r"\s*[-–]\s*" + _MONTH.format("b") + r"\s*\)")


def _gregorian(month: str, day: str, year: str | None, first: dt.date) -> dt.date | None:
    """A day written without a year, placed in the Iranian year that starts on ``first``."""
    number = load_lexicon().figures.gregorian_months.get(month.lower().rstrip("."))
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
    year: int = jdatetime.date.fromgregorian(date=day).year
    return year


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
    match = _iranian_year().search(sentence)
    if match is None:
        return None
    label = match.group(0)
    if not article_date:
        return FoundPeriod(label, None, None)
    year = iranian_year_of(dt.date.fromisoformat(article_date))
    which = match.group("which").lower()
    figures = load_lexicon().figures
    year += figures.year_offsets.get(which, 0)
    start, end = iranian_year_bounds(year)
    months_text = (match.group("months") or "").lower()
    months = figures.number_words.get(months_text) or (int(months_text) if months_text.isdigit() else None)
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
