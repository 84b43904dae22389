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
from spacy.tokens import Doc, Span, Token

from ..lexicon import Lexicon, load_lexicon
from ..periods import find_period
from ..state import Cluster, DocState, StatisticFact, state_of, view_of
from ..text import DocView

NUMBER = re.compile(r"\A\d{1,3}(?:,\d{3})+(?:\.\d+)?\Z|\A\d+(?:\.\d+)?\Z")
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
        self._run(view_of(doc))
        return doc

    def _run(self, doc: DocView) -> None:
        state = state_of(doc)
        seen: set[tuple[float, str]] = set()
        i = 0
        while i < len(doc):
            token = doc[i]
            if not NUMBER.match(token.text) or self._is_excluded(doc, i):
                i += 1
                continue
            start = i
            value_text = token.text
            end = i + 1
            if (
                end + 1 < len(doc)
                and doc[end].text in "-–"
                and NUMBER.match(doc[end + 1].text)
                and doc[end].whitespace_ == ""
                and token.whitespace_ == ""
            ):
                value_text = doc[start : end + 2].text
                end += 2
            value = float(token.text.replace(",", ""))
            unit, scale, what, end = self._unit(doc, start, end)
            if unit == "time":
                i = end
                continue
            key = (value * scale, unit)
            repeated = key in seen or self._refers_back(doc, start)
            seen.add(key)
            if not repeated:
                sentence = state.sentence(doc, start)
                evidence_start = doc[max(sentence.start, start - 6)].idx
                last = doc[min(end, sentence.end) - 1]
                period = find_period(sentence, state.article_date)
                state.statistics.append(
                    StatisticFact(
                        value,
                        value_text,
                        scale,
                        unit,
                        what,
                        evidence_start,
                        last.idx + len(last),
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
        if start == 0 or doc[start - 1].lower_ not in self.lexicon.repeat_markers:
            return False
        return doc[start - 1].lower_ != "said" or (start > 1 and doc[start - 2].lower_ == "the")

    def _is_excluded(self, doc: DocView, i: int) -> bool:
        token = doc[i]
        prev = doc[i - 1] if i > 0 else None
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if token.whitespace_ == "" and nxt is not None and nxt.text[:1].isalpha():
            return True  # 4th, 2020s, 5G
        if prev is not None and prev.whitespace_ == "" and prev.text[-1:].isalpha():
            return True  # codes: IRN83231918
        if prev is not None and (
            prev.text in self.lexicon.months or prev.text.rstrip(".") in self.lexicon.months
        ):
            return True  # March 20, Feb. 21
        if nxt is not None and nxt.text in self.lexicon.months:
            return True  # 20 March
        if re.fullmatch(r"(?:19|20)\d\d", token.text) and (
            not self._counts_things(doc, i) or (prev is not None and prev.is_title and not prev.is_sent_start)
        ):
            return True  # years, and years in names: "Iran Expo 2024 exhibition"
        if (
            prev is not None
            and prev.text in "-–"
            and i >= 2
            and (doc[i - 2].text in self.lexicon.months or NUMBER.match(doc[i - 2].text))
        ):
            return True  # second half of a date range or number range
        if (
            prev is not None
            and prev.text == ","
            and i >= 2
            and NUMBER.match(doc[i - 2].text)
            and i >= 3
            and doc[i - 3].text.rstrip(".") in self.lexicon.months
        ):
            return True  # March 19, 2021
        if prev is not None and nxt is not None and prev.is_title and nxt.is_title and not prev.is_sent_start:
            return True  # part of a name or version: "Attribution 4.0 International"
        return self._is_bracketed_conversion(doc, i)

    def _counts_things(self, doc: DocView, i: int) -> bool:
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        return nxt is not None and nxt.is_alpha and nxt.lower_ not in STOP_WHAT and not nxt.text[:1].isupper()

    @staticmethod
    def _is_bracketed_conversion(doc: DocView, i: int) -> bool:
        j = i - 1
        while j >= 0 and j > i - 4 and doc[j].text != "(":
            j -= 1
        if j < 1 or doc[j].text != "(":
            return False
        return any(NUMBER.match(t.text) for t in doc[max(0, j - 4) : j])

    def _unit(self, doc: DocView, start: int, end: int) -> tuple[str, int, str, int]:
        """Unit, scale, what is counted, and where the figure's phrase ends."""
        unit = ""
        scale = 1
        if start > 0 and doc[start - 1].text in self.lexicon.units:
            unit = self.lexicon.units[doc[start - 1].text]  # $4.5
        j = end
        if j < len(doc) and doc[j].lower_ in self.lexicon.scales:
            scale = self.lexicon.scales[doc[j].lower_]
            j += 1
        if j < len(doc):
            two = f"{doc[j].lower_} {doc[j + 1].lower_}" if j + 1 < len(doc) else ""
            if two in self.lexicon.units:
                unit = self.lexicon.units[two]
                j += 2
            elif doc[j].lower_ in self.lexicon.units or doc[j].text in self.lexicon.units:
                unit = self.lexicon.units.get(doc[j].lower_) or self.lexicon.units[doc[j].text]
                j += 1
            elif (
                doc[j].lower_ in self.lexicon.time_units
                or doc[j].lower_.rstrip("s") in self.lexicon.time_units
            ):
                return "time", 1, "", j + 1
        what_tokens = self._noun_phrase(doc, j)
        what = _words(doc, what_tokens)
        if not unit:
            unit = what_tokens[-1].lower_ if what_tokens else "count"
            if unit in self.lexicon.time_units:
                return "time", 1, "", j + len(what_tokens)
        elif not what and j + 1 < len(doc) and doc[j].lower_ == "of":  # "2,000 hectares of land"
            what = _words(doc, self._noun_phrase(doc, j + 1))
        if what_tokens:
            j = what_tokens[-1].i + 1
        return unit, scale, what, j

    def _noun_phrase(self, doc: DocView, j: int) -> list[Token]:
        """Up to five words after the figure, until a preposition or punctuation, and ending at the
        first plural noun (``idle industrial units``, not ``companies took part``)."""
        tokens: list[Token] = []
        while j < len(doc) and sum(t.text != "-" for t in tokens) < 5:
            token = doc[j]
            coordinated = token.lower_ == "and" and tokens and j + 1 < len(doc) and doc[j + 1].is_lower
            if not (token.is_alpha or token.text == "-") or (token.lower_ in STOP_WHAT and not coordinated):
                break  # "small and medium-sized enterprises" keeps its "and"
            tokens.append(token)
            j += 1
            if _is_plural_noun(token.text) and not (j < len(doc) and doc[j].text == "-"):
                break
        while tokens and (
            tokens[-1].text == "-"
            or (tokens[-1].lower_.endswith("ed") and len(tokens) > 1 and tokens[-1].lower_ not in ("needed",))
        ):
            tokens.pop()
        return tokens

    @staticmethod
    def _about(doc: DocView, state: DocState, start: int, sentence: Span) -> Cluster | None:
        """A place named by ``in X`` after the figure, else the organisation or place before it."""
        for k in range(start + 1, min(sentence.end, start + 12)):
            if doc[k - 1].lower_ == "in":
                cluster = state.cluster_at(k)
                if cluster is not None and cluster.type in ("GPE", "LOC"):
                    return cluster
        for k in range(start - 1, sentence.start - 1, -1):
            cluster = state.cluster_at(k)
            if cluster is not None and cluster.type in ("ORG", "GPE", "LOC"):
                return cluster
        return None


def _words(doc: DocView, tokens: list[Token]) -> str:
    """The text of consecutive tokens as written (``medium-sized``, not ``medium - sized``)."""
    return doc[tokens[0].i : tokens[-1].i + 1].text if tokens else ""


def _is_plural_noun(word: str) -> bool:
    """A rough plural test, enough to end a counted noun phrase: units, persons, SMEs, companies."""
    lower = word.lower()
    return len(word) > 3 and lower.endswith("s") and not lower.endswith(("ss", "us", "is", "ous"))


@Language.factory("newskg_statistics", assigns=["doc._.newskg"], requires=["doc.ents"])
def make_statistics(nlp: Language, name: str) -> StatisticFinder:
    return StatisticFinder(load_lexicon())
