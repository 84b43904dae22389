"""Reading a figure written in digits: its value, a range, its scale and its unit, and whether
it is a statistic at all.

Why a module of its own: ``newskg_statistics`` first reads the figure at a token (``$4.5 billion``,
``70-75 percent``, ``a 12-trillion-rial factory``) and drops the digits that are no statistic
(dates, years, codes, ranks, versions in names), and only then asks what the figure counts; this
is the first half, read from the figure words of ``rules/figures.json`` (and, to tell a year from
a count of things, the word classes of English). ``Figure`` is the figure being read; the later
steps fill in what it counts.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from .._lexicon_topics import Figures
from ..text import YEAR, DocView
from ..vocabulary import EnglishWords

NUMBER = re.compile(r"\A\d{1,3}(?:,\d{3})+(?:\.\d+)?\Z|\A\d+(?:\.\d+)?\Z")
GLUED = re.compile(
    r"\A(?P<unit>USD|US\$|\$|€|£)?(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<scale>bn|mn|m|b|k|tln)?\Z"
)
DIGITS = re.compile(r"\d[\d,.]*")
IRANIAN_YEAR = re.compile(r"\A1[34]\d\d\Z")
COUNT = "count"


class Figure:
    """One figure being read: where it is and what it says."""

    __slots__ = ("end", "scale", "start", "unit", "value", "value_text", "what", "what_end")

    def __init__(self, start: int, end: int, value: float, value_text: str) -> None:
        self.start = start
        self.end = end
        self.value = value
        self.value_text = value_text
        self.unit = COUNT
        self.scale = 1
        self.what = ""
        self.what_end = end


class FigureReader:
    """Reads the figure at a token (value, range, scale, unit) and tells a statistic from a date or a code."""

    def __init__(self, figures: Figures, english: EnglishWords) -> None:
        self.figures = figures
        self.english = english

    @staticmethod
    def figure_tokens(doc: DocView) -> list[int]:
        """Tokens a figure may start at, found by the digits of the text, not by visiting every token."""
        starts, words = doc.starts, doc.words
        found = {bisect_right(starts, match.start()) - 1 for match in DIGITS.finditer(doc.text)}
        return sorted(k for k in found if k >= 0 and _may_be_figure(words[k]))

    def figure_at(self, doc: DocView, k: int) -> Figure | None:
        words, spaces, lower = doc.words, doc.spaces, doc.lower
        n = len(words)
        glued = GLUED.match(words[k])
        if glued is None:
            return None
        number = glued.group("number")
        figure = Figure(k, k + 1, float(number.replace(",", "")), number)
        if glued.group("unit"):
            figure.unit = self.figures.units.get((glued.group("unit"),), COUNT)
        elif k > 0 and words[k - 1] in self.figures.prefix_units:
            figure.unit = self.figures.units.get((words[k - 1],), COUNT)
        if glued.group("scale"):
            figure.scale = self.figures.scales[glued.group("scale")]
        end = k + 1
        # A range: "70-75", "45 to 55", "$1.5 to $2.0 billion" (but "from X to Y" is a change).
        if (
            end + 1 < n
            and words[end] in "-–"
            and not spaces[end]
            and not spaces[k]
            and NUMBER.match(words[end + 1])
        ):
            figure.value_text = doc.span_text(k, end + 2)
            end += 2
        elif end + 1 < n and lower[end] == "to" and (k == 0 or lower[k - 1] != "from"):
            j = end + 1
            if j < n and words[j] in self.figures.prefix_units:
                j += 1
            if j < n and NUMBER.match(words[j]):
                figure.value_text = doc.span_text(k, j + 1)
                end = j + 1
        if (
            end < n
            and not spaces[end - 1]
            and words[end] in ("-",)
            and end + 1 < n
            and lower[end + 1] in self.figures.scales
        ):
            end += 1  # "12-trillion-rial"
        if (
            end < n
            and lower[end] in self.figures.scales
            and figure.scale == 1
            and (lower[end] not in ("m", "b", "k") or not spaces[end - 1])
        ):
            figure.scale = self.figures.scales[lower[end]]
            end += 1
            if end + 1 < n and words[end] == "-" and not spaces[end - 1]:
                end += 1  # "12-trillion-rial factory"
        if (
            end + 1 < n
            and words[end] == "-"
            and not spaces[end - 1]
            and self.figures.unit_at(words, end + 1)[0]
        ):
            end += 1  # "a 68.2-percent decrease"
        scaled = self.figures.scaled_units.get(lower[end]) if end < n and figure.scale == 1 else None
        if scaled is not None:  # "7.4 bcm"
            figure.unit, figure.scale = scaled
            figure.end = end + 1
            return figure
        if (
            end + 2 < n
            and words[end] == "-"
            and not spaces[end - 1]
            and not spaces[end]
            and lower[end + 1] in self.figures.duration_units
            and words[end + 2][:1].isalpha()
        ):  # "a 25-year gas contract": the contract's length, not a time span
            figure.unit = self.figures.duration_units[lower[end + 1]]
            figure.end = end + 2
            return figure
        unit, unit_end = self.figures.unit_at(words, end)
        if unit is not None and not (
            unit in ("tons", "grams", "meters") and len(words[end]) == 1 and spaces[end - 1]
        ):
            figure.unit = unit
            end = unit_end
        elif end < n and (
            lower[end] in self.figures.time_units or lower[end].rstrip("s") in self.figures.time_units
        ):
            figure.unit = "time"
            end += 1
        figure.end = end
        return figure

    def is_excluded(self, doc: DocView, figure: Figure) -> bool:
        words, spaces = doc.words, doc.spaces
        figures = self.figures
        i = figure.start
        word = words[i]
        prev = words[i - 1] if i > 0 else None
        nxt = words[i + 1] if i + 1 < len(words) else None
        if (
            not spaces[i]
            and nxt is not None
            and nxt[:1].isalpha()
            and nxt.lower() not in figures.scales
            and figures.unit_at(words, i + 1)[0] is None
        ):
            return True  # 4th, 2020s, 5G
        if prev is not None and not spaces[i - 1] and prev[-1:].isalpha() and not GLUED.match(word):
            return True  # codes: IRN83231918
        if prev is not None and not spaces[i - 1] and prev in ("/", "#"):
            return True
        if prev is not None and (prev in figures.months or prev.rstrip(".") in figures.months):
            return True  # March 20, Feb. 21
        if nxt is not None and nxt in figures.months:
            return True  # 20 March
        if prev is not None and prev in figures.rank_words:
            return True  # Article 4, No. 1, Phase 2
        if (
            (YEAR.fullmatch(word) or IRANIAN_YEAR.fullmatch(word))
            and figure.unit == COUNT
            and figure.scale == 1
            and (
                not self._counts_things(doc, figure.end)
                or (prev is not None and prev.istitle() and i > 0 and not doc.sent_starts[i - 1])
                or (
                    prev is not None
                    and (prev.lower() in figures.year_prepositions or prev.lower() in figures.determiners)
                )
            )
        ):
            return True  # years (also Iranian years), and years in names: "Iran Expo 2024"
        if (
            prev is not None
            and prev in "-–"
            and i >= 2
            and (words[i - 2] in figures.months or NUMBER.match(words[i - 2]))
        ):
            return True  # second half of a date range or number range
        if (
            prev == ","
            and i >= 3
            and NUMBER.match(words[i - 2])
            and words[i - 3].rstrip(".") in figures.months
        ):
            return True  # March 19, 2021
        return (
            prev is not None
            and nxt is not None
            and prev.istitle()
            and nxt.istitle()
            and prev not in figures.prefix_units
            and i > 0
            and not doc.sent_starts[i - 1]
            and figures.unit_at(words, i + 1)[0] is None
        )  # part of a name or version: "Attribution 4.0 International"

    def _counts_things(self, doc: DocView, k: int) -> bool:
        if k >= len(doc.words):
            return False
        nxt = doc.words[k]
        return (
            nxt.isalpha()
            and not nxt[:1].isupper()
            and "n" in self.english.pos(nxt)
            and "f" not in self.english.pos(nxt)
        )


def inherited(figure: Figure, read: list[Figure], *, same_unit: bool) -> str:
    """``Spain with 33.18 tons``: the meaning of the last figure with the same unit."""
    for other in reversed(read):
        if other is figure or not other.what:
            continue
        if not same_unit or other.unit == figure.unit:
            return other.what
    return ""


def _may_be_figure(word: str) -> bool:
    """A token a figure starts with: digits, or a currency glued to them (``USD7.0``, ``$4.5``)."""
    return word[:1].isdigit() or (word[:1] in "$€£U" and GLUED.match(word) is not None)
