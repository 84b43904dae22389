"""Article dates: ISO dates, Solar Hijri (Persian) dates converted to Gregorian, refused when implausible."""

from __future__ import annotations

import datetime as dt
import re

import jdatetime

from ..errors import InputError

CALENDARS = {"gregorian": "gregorian", "persian": "persian", "jalali": "persian", "solar-hijri": "persian"}
"""What an article's ``calendar`` may say its ``date`` is written in."""

EARLIEST_YEAR = 1900
"""Dates before this are refused: in news they are a Solar Hijri date (1399-03-20 is 2020-06-09)
read as Gregorian, or a typo, and a wrong date would misplace every post and figure in time."""


def parse_date(value: object, *, where: str, calendar: object = None) -> dt.date | None:
    """An ISO date (``2020-06-09``, or a datetime whose date part is taken); ``None`` stays ``None``.

    With ``calendar="persian"`` (one of ``CALENDARS``) a string is a Solar Hijri date (``1399-03-20``),
    converted to the Gregorian date it is. A date before ``EARLIEST_YEAR`` is refused, saying what
    to do.
    """
    calendar = _calendar(calendar, where)
    if value is None or value == "":
        return None
    date: dt.date | None = None
    if isinstance(value, dt.datetime):
        date = value.date()
    elif isinstance(value, dt.date):
        date = value
    elif isinstance(value, str):
        text = value.strip()
        for candidate in (text, text[:10] if text[10:11] in ("T", " ") else ""):
            date = _persian(candidate, value, where) if calendar == "persian" else _iso(candidate)
            if date is not None:
                break
    shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "..."
    if date is None:
        example = "1399-03-20" if calendar == "persian" else "2020-06-09"
        raise InputError(f"{where}: date {shown} is not an ISO date such as {example}")
    if date.year < EARLIEST_YEAR:
        shown = shown if isinstance(value, str) else date.isoformat()
        hint = _calendar_hint(date, given_as_text=isinstance(value, str))
        raise InputError(f"{where}: date {shown} is before {EARLIEST_YEAR}; {hint}")
    return date


def _iso(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


_PERSIAN_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _persian(text: str, value: object, where: str) -> dt.date | None:
    match = _PERSIAN_DATE.fullmatch(text)
    if match is None:
        return None
    year, month, day = (int(part) for part in match.groups())
    try:
        gregorian: dt.date = jdatetime.date(year, month, day).togregorian()
        return gregorian
    except ValueError as exc:
        raise InputError(f"{where}: date {value!r} is not a Solar Hijri date ({exc})") from None


def _calendar_hint(date: dt.date, *, given_as_text: bool) -> str:
    """What to say about an early date: if it reads as a Solar Hijri date, which Gregorian date that is."""
    try:
        gregorian = jdatetime.date(date.year, date.month, date.day).togregorian().isoformat()
    except ValueError:
        return "give the Gregorian date of the article"
    if not given_as_text:  # a datetime.date is Gregorian by definition
        return f"if it is a Solar Hijri (Persian calendar) date, give its Gregorian date, {gregorian}"
    return (
        'if it is a Solar Hijri (Persian calendar) date, say so with "calendar": "persian" '
        f'(calendar="persian" in Python) and it is read as {gregorian}; else give the Gregorian date'
    )


def _calendar(value: object, where: str) -> str:
    """The calendar an article's ``calendar`` names (Gregorian when absent)."""
    if value is None or value == "":
        return "gregorian"
    if isinstance(value, str) and value.strip().lower() in CALENDARS:
        return CALENDARS[value.strip().lower()]
    names = ", ".join(f"'{name}'" for name in CALENDARS)
    raise InputError(f"{where}: 'calendar' {value!r} is not one of {names}")
