"""``newskg_statistics``: figures written in digits that count something.

``819 idle industrial units``, ``14,458 persons``, ``31 percent``, ``$4.5 billion``, ``15 trillion
rials``, ``70-75 percent``. Dates, years, day numbers, periods (``11 months``), codes and a
conversion in brackets after another figure (``(about $357 million)``) are not statistics; a figure
repeated with the same unit (``the mentioned 2000 units``) counts once. The entity a figure is about
is the organisation or place of its clause; its period is the Iranian-year phrase of its sentence.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ..lexicon import Lexicon, load_lexicon
from ..periods import find_period
from ..state import Cluster, DocState, StatisticFact, state_of
from ..text import DocView, Sentence

NUMBER = re.compile(r"\A\d{1,3}(?:,\d{3})+(?:\.\d+)?\Z|\A\d+(?:\.\d+)?\Z")
YEAR = re.compile(r"(?:19|20)\d\d")
STOP_WHAT = {
    "of",
    "in",
    "to",
    "for",
    "with",
    "by",
    "from",
    "on",
    "at",
    "and",
    "or",
    "are",
    "is",
    "was",
    "were",
    "have",
    "has",
    "had",
    "will",
    "which",
    "that",
    "who",
    "across",
    "during",
    "since",
    "until",
    "as",
    "than",
    "be",
    "been",
    "being",
}


class StatisticFinder:
    """Finds counted figures with their units, subjects and periods."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        state = state_of(doc)
        self._run(state.view_of(doc), state)
        return doc

    def _run(self, doc: DocView, state: DocState) -> None:
        words, spaces = doc.words, doc.spaces
        n = len(words)
        seen: set[tuple[float, str]] = set()
        i = 0
        # A figure is a token that starts with a digit.
        for k in [k for k, word in enumerate(words) if word[:1].isdigit()]:
            if k < i:
                continue  # inside the phrase of the figure before
            i = k
            word = words[i]
            if not NUMBER.match(word) or self._is_excluded(doc, i):
                i += 1
                continue
            start = i
            value_text = word
            end = i + 1
            if (
                end + 1 < n
                and words[end] in "-–"
                and NUMBER.match(words[end + 1])
                and not spaces[end]
                and not spaces[i]
            ):
                value_text = doc.span_text(start, end + 2)
                end += 2
            value = float(word.replace(",", ""))
            unit, scale, what, end = self._unit(doc, start, end)
            if unit == "time":
                i = end
                continue
            key = (value * scale, unit)
            repeated = key in seen or self._refers_back(doc, start)
            seen.add(key)
            if not repeated:
                sentence = doc.sentence(start)
                period = find_period(doc.text[sentence.start_char : sentence.end_char], state.article_date)
                state.statistics.append(
                    StatisticFact(
                        value,
                        value_text,
                        scale,
                        unit,
                        what,
                        doc.starts[max(sentence.start, start - 6)],
                        doc.ends[min(end, sentence.end) - 1],
                        rule="figure",
                        about=self._about(doc, state, start, sentence),
                        period_label=period.label if period else None,
                        period_start=period.start if period else None,
                        period_end=period.end if period else None,
                    )
                )
            i = end
        return

    def _refers_back(self, doc: DocView, start: int) -> bool:
        """``the mentioned 2000 units``, ``these 50 units``: a figure already reported."""
        lower = doc.lower
        if start == 0 or lower[start - 1] not in self.lexicon.repeat_markers:
            return False
        return lower[start - 1] != "said" or (start > 1 and lower[start - 2] == "the")

    def _is_excluded(self, doc: DocView, i: int) -> bool:
        words, spaces, sent_starts = doc.words, doc.spaces, doc.sent_starts
        months = self.lexicon.months
        word = words[i]
        prev = words[i - 1] if i > 0 else None
        nxt = words[i + 1] if i + 1 < len(words) else None
        if not spaces[i] and nxt is not None and nxt[:1].isalpha():
            return True  # 4th, 2020s, 5G
        if prev is not None and not spaces[i - 1] and prev[-1:].isalpha():
            return True  # codes: IRN83231918
        if prev is not None and (prev in months or prev.rstrip(".") in months):
            return True  # March 20, Feb. 21
        if nxt is not None and nxt in months:
            return True  # 20 March
        if YEAR.fullmatch(word) and (
            not self._counts_things(doc, i)
            or (prev is not None and prev.istitle() and not sent_starts[i - 1])
        ):
            return True  # years, and years in names: "Iran Expo 2024 exhibition"
        if (
            prev is not None
            and prev in "-–"
            and i >= 2
            and (words[i - 2] in months or NUMBER.match(words[i - 2]))
        ):
            return True  # second half of a date range or number range
        if (
            prev is not None
            and prev == ","
            and i >= 2
            and NUMBER.match(words[i - 2])
            and i >= 3
            and words[i - 3].rstrip(".") in months
        ):
            return True  # March 19, 2021
        if (
            prev is not None
            and nxt is not None
            and prev.istitle()
            and nxt.istitle()
            and not sent_starts[i - 1]
        ):
            return True  # part of a name or version: "Attribution 4.0 International"
        return self._is_bracketed_conversion(doc, i)

    def _counts_things(self, doc: DocView, i: int) -> bool:
        if i + 1 >= len(doc.words):
            return False
        nxt = doc.words[i + 1]
        return nxt.isalpha() and doc.lower[i + 1] not in STOP_WHAT and not nxt[:1].isupper()

    @staticmethod
    def _is_bracketed_conversion(doc: DocView, i: int) -> bool:
        words = doc.words
        j = i - 1
        while j >= 0 and j > i - 4 and words[j] != "(":
            j -= 1
        if j < 1 or words[j] != "(":
            return False
        return any(NUMBER.match(word) for word in words[max(0, j - 4) : j])

    def _unit(self, doc: DocView, start: int, end: int) -> tuple[str, int, str, int]:
        """Unit, scale, what is counted, and where the figure's phrase ends."""
        words, lower = doc.words, doc.lower
        units, time_units = self.lexicon.units, self.lexicon.time_units
        n = len(words)
        unit = ""
        scale = 1
        if start > 0 and words[start - 1] in units:
            unit = units[words[start - 1]]  # $4.5
        j = end
        if j < n and lower[j] in self.lexicon.scales:
            scale = self.lexicon.scales[lower[j]]
            j += 1
        if j < n:
            two = f"{lower[j]} {lower[j + 1]}" if j + 1 < n else ""
            if two in units:
                unit = units[two]
                j += 2
            elif lower[j] in units or words[j] in units:
                unit = units.get(lower[j]) or units[words[j]]
                j += 1
            elif lower[j] in time_units or lower[j].rstrip("s") in time_units:
                return "time", 1, "", j + 1
        what_end = self._noun_phrase_end(doc, j)
        what = doc.span_text(j, what_end)
        if not unit:
            unit = lower[what_end - 1] if what_end > j else "count"
            if unit in time_units:
                return "time", 1, "", what_end
        elif not what and j + 1 < n and lower[j] == "of":  # "2,000 hectares of land"
            what = doc.span_text(j + 1, self._noun_phrase_end(doc, j + 1))
        return unit, scale, what, what_end

    def _noun_phrase_end(self, doc: DocView, j: int) -> int:
        """End of up to five words from token j, until a preposition or punctuation, and ending at
        the first plural noun (``idle industrial units``, not ``companies took part``)."""
        words, lower = doc.words, doc.lower
        n = len(words)
        start = end = j
        counted = 0  # words so far, hyphens not counted
        while end < n and counted < 5:
            word = words[end]
            coordinated = lower[end] == "and" and end > start and end + 1 < n and words[end + 1].islower()
            if not (word.isalpha() or word == "-") or (lower[end] in STOP_WHAT and not coordinated):
                break  # "small and medium-sized enterprises" keeps its "and"
            counted += word != "-"
            end += 1
            if _is_plural_noun(word) and not (end < n and words[end] == "-"):
                break
        while end > start and (
            words[end - 1] == "-"
            or (lower[end - 1].endswith("ed") and end - start > 1 and lower[end - 1] not in ("needed",))
        ):
            end -= 1
        return end

    @staticmethod
    def _about(doc: DocView, state: DocState, start: int, sentence: Sentence) -> Cluster | None:
        """A place named by ``in X`` after the figure, else the organisation or place before it."""
        for k in range(start + 1, min(sentence.end, start + 12)):
            if doc.lower[k - 1] == "in":
                cluster = state.cluster_at(k)
                if cluster is not None and cluster.type in ("GPE", "LOC"):
                    return cluster
        for k in range(start - 1, sentence.start - 1, -1):
            cluster = state.cluster_at(k)
            if cluster is not None and cluster.type in ("ORG", "GPE", "LOC"):
                return cluster
        return None


def _is_plural_noun(word: str) -> bool:
    """A rough plural test, enough to end a counted noun phrase: units, persons, SMEs, companies."""
    lower = word.lower()
    return len(word) > 3 and lower.endswith("s") and not lower.endswith(("ss", "us", "is", "ous"))


@Language.factory("newskg_statistics", assigns=["doc._.newskg"], requires=["doc.ents"])
def make_statistics(nlp: Language, name: str) -> StatisticFinder:
    return StatisticFinder(load_lexicon())
