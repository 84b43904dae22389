"""Whether a news medium is credited as the source where it is named: ``IRNA reported``,
``told IRNA``, ``(MNA)``, ``By Trend``, ``quoted by Fars``, ``the semi-official Tasnim news agency``.

The cue words are data (``rules/reporting.json``); the gazetteer reads them to accept agency names
that are also plain words (Trend, Mehr, Fars), the place linker to credit an agency.
"""

from __future__ import annotations

from ._lexicon_topics import Reporting
from .text import DocView

WINDOW = 6
APPOSITION_WINDOW = 8
"""At most this many words in a noun phrase apposed to a medium before its credit verb."""


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
    if any(tuple(after[: len(p)]) == p for p in reporting.credit_after):
        return True
    apposition_end = _apposition_end(view, end, reporting)
    if apposition_end is None:
        return False
    after = _words(view.lower[apposition_end : apposition_end + WINDOW])
    return any(tuple(after[: len(p)]) == p and p[0] != ")" for p in reporting.credit_after)


def _apposition_end(view: DocView, end: int, reporting: Reporting) -> int | None:
    """``Shana, the ministry's news service, reported``: the token after the apposition's comma."""
    lower = view.lower
    if end + 2 >= len(lower) or lower[end] != "," or lower[end + 1] not in reporting.speaker_articles:
        return None
    for k in range(end + 2, min(len(lower), end + 2 + APPOSITION_WINDOW)):
        if lower[k] == ",":
            return k + 1
        if lower[k] in ".;:":
            return None
    return None
