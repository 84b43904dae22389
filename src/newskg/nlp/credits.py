"""Whether a news medium is credited as the source where it is named: ``IRNA reported``,
``told IRNA``, ``(MNA)``, ``By Trend``, ``quoted by Fars``, ``the semi-official Tasnim news agency``.

The cue words are data (``rules/reporting.json``); the gazetteer reads them to accept agency names
that are also plain words (Trend, Mehr, Fars), the place linker to credit an agency.
"""

from __future__ import annotations

from .lexicon import Reporting
from .text import DocView

WINDOW = 6


def _words(lower: list[str]) -> list[str]:
    return [w for w in lower if w != "-"]


def credited(view: DocView, start: int, end: int, reporting: Reporting) -> bool:
    """True when words next to tokens ``start:end`` credit them as the source of the news."""
    before = _words(view.lower[max(0, start - WINDOW) : start])
    while before and before[-1] in ("the", "a"):
        before = before[:-1]  # "told the Tehran Times"
    after = _words(view.lower[end : end + WINDOW])
    if any(len(p) <= len(before) and tuple(before[-len(p) :]) == p for p in reporting.credit_before):
        return True
    return any(tuple(after[: len(p)]) == p for p in reporting.credit_after)
