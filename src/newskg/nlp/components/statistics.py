"""``newskg_statistics``: figures written in digits, with what they count or measure.

``819 idle industrial units``, ``14,458 persons``, ``31 percent``, ``$4.5 billion``, ``15 trillion
rials``, ``70-75 percent``, ``45 to 55 percent``, ``a 12-trillion-rial factory``. Dates, years (also
Iranian years such as 1401), day numbers, time spans (``11 months``), ranks and clause numbers
(``Article 4``), codes and a currency conversion in brackets after another sum (``(about $357
million)``) are not statistics; a figure repeated with the same meaning (``the mentioned 2000
units``) counts once.

The unit is a measurement unit (``rules/figures.json``) or ``count`` for a plain count. What a figure
counts or measures is, in order: the noun phrase after a count (``idle industrial units``); the
``of`` phrase after a unit (``tons of saffron``, ``percent of the total industrial units``); for a
sum or a share with no ``of``, the thing it is the value of (``X worth $N``, ``the total exports
($N)``), or the subject of the clause whose verb gives the figure (``the value of exports reached
$N``, ``rates have fallen by N percent``, ``..., marking growth of N percent``); failing those, the
meaning of the figure before it with the same unit (lists: ``Spain with 33.18 tons``). The entity a
figure is about is the organisation or place of its clause; its period the Iranian-year phrase of
its sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions as ext
from ..facts import Cluster, Entities, StatisticFact
from ..lexicon import Lexicon, load_lexicon
from ..periods import find_period
from ..text import OPEN_QUOTES, POSSESSIVES, DocView, Sentence
from ..vocabulary import EnglishWords, load_english_words
from .dateline import find_dateline

NUMBER = re.compile(r"\A\d{1,3}(?:,\d{3})+(?:\.\d+)?\Z|\A\d+(?:\.\d+)?\Z")
GLUED = re.compile(
    r"\A(?P<unit>USD|US\$|\$|€|£)?(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<scale>bn|mn|m|b|k|tln)?\Z"
)
YEAR = re.compile(r"\A(?:19|20)\d\d\Z")
DIGITS = re.compile(r"\d[\d,.]*")
IRANIAN_YEAR = re.compile(r"\A1[34]\d\d\Z")
COUNT = "count"
MAX_WHAT = 8
BOUNDARY = ',;:()“”"‘’'


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


class StatisticFinder:
    """Finds figures with their units, meanings, subjects and periods."""

    def __init__(self, lexicon: Lexicon, english: EnglishWords) -> None:
        self.lexicon = lexicon
        self.figures = lexicon.figures
        self.english = english
        self._dateline_end = 0
        """Where the dateline of the Doc being read ends (0 when it has none)."""

    def __call__(self, doc: Doc) -> Doc:
        view = ext.view_of(doc)
        entities: Entities = ext.get(doc, ext.ENTITIES)
        ext.put(doc, ext.STATISTICS, self._run(view, entities, ext.article_date(doc)))
        return doc

    def _run(self, doc: DocView, entities: Entities, article_date: str | None) -> list[StatisticFact]:
        facts: list[StatisticFact] = []
        read: list[Figure] = []
        seen: set[tuple[float, str, str]] = set()
        dateline = find_dateline(doc.text)
        self._dateline_end = dateline.end() if dateline else 0
        i = 0
        for k in self._figure_tokens(doc):
            if k < i:
                continue  # inside the phrase of the figure before
            if dateline and doc.starts[k] < dateline.end():  # the dateline, and a headline above it
                continue
            figure = self._figure_at(doc, k)
            if figure is None or self._is_excluded(doc, figure):
                i = k + 1
                continue
            if figure.unit == "time":
                i = figure.end
                continue
            sentence = doc.sentence(figure.start)
            figure.what = self._what(doc, figure, sentence, read)
            read.append(figure)
            i = max(figure.end, k + 1)
            key = (figure.value * figure.scale, figure.unit, _head(figure.what))
            repeated = key in seen or self._refers_back(doc, figure.start)
            seen.add(key)
            if repeated or self._is_conversion(doc, figure, read):
                continue
            period = find_period(doc.text[sentence.start_char : sentence.end_char], article_date)
            facts.append(
                StatisticFact(
                    figure.value,
                    figure.value_text,
                    figure.scale,
                    figure.unit,
                    figure.what,
                    doc.starts[max(sentence.start, figure.start - 6)],
                    doc.ends[min(max(figure.end, figure.what_end), sentence.end) - 1],
                    rule="figure",
                    about=self._about(doc, entities, figure.start, sentence),
                    period_label=period.label if period else None,
                    period_start=period.start if period else None,
                    period_end=period.end if period else None,
                )
            )
        return facts

    @staticmethod
    def _figure_tokens(doc: DocView) -> list[int]:
        """Tokens a figure may start at, found by the digits of the text, not by visiting every token."""
        starts, words = doc.starts, doc.words
        found = {bisect_right(starts, match.start()) - 1 for match in DIGITS.finditer(doc.text)}
        return sorted(k for k in found if k >= 0 and _may_be_figure(words[k]))

    # -- the figure ----------------------------------------------------------------------------

    def _figure_at(self, doc: DocView, k: int) -> Figure | None:
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

    def _is_excluded(self, doc: DocView, figure: Figure) -> bool:
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

    def _is_conversion(self, doc: DocView, figure: Figure, read: list[Figure]) -> bool:
        """``490 trillion rials (about $980 million)``: a sum in brackets right after another sum."""
        words = doc.words
        j = figure.start - 1
        while j >= 0 and j > figure.start - 5 and words[j] != "(":
            j -= 1
        if j < 1 or words[j] != "(":
            return False
        money = self.figures.money_units
        before = [f for f in read if f.end <= j and f.end >= j - 1]
        return figure.unit in money and any(f.unit in money for f in before)

    def _refers_back(self, doc: DocView, start: int) -> bool:
        """``the mentioned 2000 units``, ``these 50 units``: a figure already reported."""
        lower = doc.lower
        if start == 0 or lower[start - 1] not in self.figures.repeat_markers:
            return False
        return lower[start - 1] != "said" or (start > 1 and lower[start - 2] == "the")

    # -- what it counts ------------------------------------------------------------------------

    def _what(self, doc: DocView, figure: Figure, sentence: Sentence, read: list[Figure]) -> str:
        lower, words = doc.lower, doc.words
        figures = self.figures
        n = len(doc)
        end = figure.end
        if end + 2 < n and words[end] == "(" and words[end + 2] == ")" and len(words[end + 1]) <= 4:
            end += 3  # "10.5 million metric tons (mt) of cement"
        if figure.unit == COUNT:
            after = self._noun_phrase_after(doc, end, sentence)
            if after is not None and lower[after[1] - 1] not in figures.ellipsis_words:
                figure.what_end = after[1]
                return self._with_acronym(doc, after)
            if end < n and doc.words[end] in BOUNDARY + ".":  # "put the number of X at 983."
                for rule in (self._noun_of_figure, self._clause_subject):
                    found = rule(doc, figure, sentence, read)
                    if found:
                        return found
            return self._inherited(figure, read, same_unit=True)  # "1,338 are based in ..."
        if end + 1 < n and lower[end] == "worth" and lower[end + 1] == "of":
            end += 1  # "$3 billion worth of products"
        if end + 2 < n and words[end] == "(" and ")" in words[end + 2 : end + 8]:
            close = words.index(")", end + 2)
            if lower[close + 1 : close + 2] and (
                lower[close + 1] in figures.amount_links or lower[close + 1] == "of"
            ):
                end = close + 1  # "73.93 trillion rials ($302 million) in loans", "... of credit"
        if end < n and lower[end] == "of":
            of_phrase = self._noun_phrase_after(doc, end + 1, sentence, determiners=True)
            if of_phrase is not None:
                figure.what_end = of_phrase[1]
                return doc.span_text(*of_phrase)
            if end + 1 < n and lower[end + 1] in figures.pronouns:
                return self._inherited(figure, read, same_unit=False)  # "80% of which"
        if end < n and lower[end] in figures.amount_links and figure.unit in figures.money_units:
            linked = self._noun_phrase_after(doc, end + 1, sentence, determiners=True, nouns_only=True)
            if (
                linked is not None
                and not ext_entity(doc, linked)
                and lower[linked[1] - 1] not in figures.time_units  # not "$10 billion in the past year"
            ):  # "$10 billion in imports"
                figure.what_end = linked[1]
                return doc.span_text(*linked)
        for rule in (self._bracketed_after, self._worth_of, self._restated):
            found = rule(doc, figure, sentence, read)
            if found:
                return found
        after = self._noun_phrase_after(doc, end, sentence) if end < n else None
        if (
            after is not None
            and self._is_plain_noun(words[after[1] - 1])
            and not self._is_change_noun(doc, after)
        ):
            figure.what_end = after[1]
            return doc.span_text(*after)  # "324,000 TEU containers"
        for rule in (self._change_in, self._noun_of_figure, self._clause_subject):
            found = rule(doc, figure, sentence, read)
            if found:
                return found
        return self._inherited(figure, read, same_unit=True)

    @staticmethod
    def _with_acronym(doc: DocView, span: tuple[int, int]) -> str:
        """``Small and Medium-sized Enterprises (SMEs)``: the acronym the noun phrase is defined by."""
        start, end = span
        words = doc.words
        if (
            end + 2 < len(words)
            and words[end] == "("
            and words[end + 2] == ")"
            and words[end + 1][:1].isupper()
        ):
            end += 3
        return doc.span_text(start, end)

    def _is_change_noun(self, doc: DocView, span: tuple[int, int]) -> bool:
        return doc.lower[span[1] - 1] in self.figures.change_nouns

    def _is_plain_noun(self, word: str) -> bool:
        """A word that can only be a noun (or an unknown word): ``containers``, not ``handled``."""
        lower = word.lower()
        figures = self.figures
        if (
            lower in figures.time_units
            or lower in figures.change_nouns
            or any(lower == p[0] for p in figures.worth_words)
        ):
            return False
        pos = self._pos(word)
        return word.isalpha() and (pos == frozenset({"n"}) or (not pos and word[:1].islower()))

    def _noun_phrase_after(
        self, doc: DocView, j: int, sentence: Sentence, *, determiners: bool = False, nouns_only: bool = False
    ) -> tuple[int, int] | None:
        """Adjectives and nouns from token j to the last noun: ``idle industrial units``,
        ``small and medium-sized enterprises``, ``non-oil exports``; with ``determiners``, also
        ``the total industrial units``, ``Iran's 85,000 manufactures`` and one ``of`` phrase
        (``the capacity of the country's dams``)."""
        words, lower = doc.words, doc.lower
        figures = self.figures
        end_limit = min(sentence.end, j + MAX_WHAT + 4)
        start = self._skip_determiners(doc, j, end_limit) if determiners else j
        k = start
        head = -1
        chained = not determiners
        while k < end_limit:
            word, low = words[k], lower[k]
            pos = self._pos(word)
            if (
                word == "-"
                and k > start
                and k + 1 < end_limit
                and not doc.spaces[k - 1]
                and not doc.spaces[k]
            ):
                k += 1
                continue
            if low == "and" and k > start and k + 1 < end_limit and self._modifier_or_noun(words[k + 1]):
                k += 1
                continue
            if low == "of" and head >= 0 and not chained and k + 1 < end_limit:
                after = self._skip_determiners(doc, k + 1, end_limit)
                if after < end_limit and self._modifier_or_noun(words[after]):
                    chained = True
                    k = after
                    continue
            if not word[:1].isalpha() or "f" in pos or (low in figures.time_units and head < 0):
                break
            if any(low == p[0] for p in figures.worth_words) or low in figures.pronouns:
                break
            glued = k + 2 < end_limit and words[k + 1] == "-" and not doc.spaces[k] and not doc.spaces[k + 1]
            if glued and word.isalpha():
                k += 1  # "non-oil", "state-run": the first part of a compound modifier
                continue
            if not self._modifier_or_noun(word) or (nouns_only and pos and "n" not in pos):
                break
            if head >= 0 and self._past_tense_verb(doc, k):
                break  # "1,500 startups received loans": a past tense after a plural noun is the verb
            if "n" in pos or not pos or word[:1].isupper():
                head = k
                if low in figures.time_units:
                    break
            k += 1
        if head < start:
            return None
        return start, head + 1

    def _skip_determiners(self, doc: DocView, k: int, limit: int) -> int:
        """Past ``the``, ``its``, ``Iran's``, ``85,000``: to the words of a noun phrase."""
        lower, words = doc.lower, doc.words
        while k < limit:
            if lower[k] in self.figures.determiners or lower[k] in POSSESSIVES or NUMBER.match(words[k]):
                k += 1
            elif k + 1 < limit and words[k][:1].isupper() and lower[k + 1] in POSSESSIVES:
                k += 2
            else:
                break
        return k

    def _modifier_or_noun(self, word: str) -> bool:
        pos = self._pos(word)
        if "f" in pos:
            return False
        if pos & {"n", "a"}:
            return True
        lower = word.lower()
        # An unknown word is a name or a rare noun, unless it looks like a verb form (materialized).
        return not pos and word.replace("-", "").isalpha() and not lower.endswith(("ed", "ing", "ly"))

    def _pos(self, word: str) -> frozenset[str]:
        return self.english.pos(word)

    def _bracketed_after(self, doc: DocView, figure: Figure, sentence: Sentence, read: list[Figure]) -> str:
        """``the total non-oil exports ($41.37 billion)``, ``Spain with 33.18 tons ($21.58 million)``."""
        words = doc.words
        j = figure.start - 1
        if j >= 0 and words[j] in self.figures.prefix_units:
            j -= 1
        while j >= 0 and doc.lower[j] in self.figures.approximators:
            j -= 1
        if j < 1 or words[j] != "(":
            return ""
        previous = [f for f in read if f is not figure and j - 1 <= max(f.end, f.what_end) <= j]
        if previous:
            return previous[-1].what
        span = self._noun_phrase_before(doc, j)
        if span is None or ext_entity(doc, span):
            return self._inherited(figure, read, same_unit=True)  # "Oman ($5.6 million)"
        return doc.span_text(*span)

    def _noun_phrase_before(self, doc: DocView, end: int) -> tuple[int, int] | None:
        """The noun phrase ending at token ``end``: ``the total non-oil exports``."""
        words, lower = doc.words, doc.lower
        k = end - 1
        sentence = doc.sentence(max(0, end - 1))
        while k >= sentence.start and k > end - MAX_WHAT:
            word = words[k]
            if word == "-" or lower[k] in POSSESSIVES:
                k -= 1
                continue
            if not word[:1].isalpha() or not self._modifier_or_noun(word) or self._past_tense_verb(doc, k):
                break
            k -= 1
        start = k + 1
        while start < end and lower[start] in self.figures.determiners:
            start += 1
        last = words[end - 1]
        if start >= end or ("n" not in self._pos(last) and self._pos(last)):
            return None
        return start, end

    def _past_tense_verb(self, doc: DocView, k: int) -> bool:
        """``received`` in ``startups received loans``: an ``-ed`` verb right after a plural noun."""
        before = doc.lower[k - 1] if k > 0 else ""
        return (
            doc.lower[k].endswith("ed")
            and "v" in self._pos(doc.words[k])
            and before.endswith("s")
            and "n" in self._pos(before)
        )

    def _worth_of(self, doc: DocView, figure: Figure, sentence: Sentence, read: list[Figure]) -> str:
        """``192 tons of saffron worth $117.5 million``: the value of what the earlier figure counts."""
        lower = doc.lower
        j = figure.start - 1
        if j >= 0 and doc.words[j] in self.figures.prefix_units:
            j -= 1
        while j >= sentence.start and lower[j] in self.figures.approximators:
            j -= 1
        for phrase in self.figures.worth_words:
            size = len(phrase)
            if j - size + 1 >= sentence.start and tuple(lower[j - size + 1 : j + 1]) == phrase:
                before = j - size + 1
                previous = [
                    f for f in read if f is not figure and before - 2 <= max(f.end, f.what_end) <= before
                ]
                span = self._noun_phrase_before(doc, before)
                last = previous[-1] if previous else None
                if last is not None and (span is None or span[0] < max(last.end, last.what_end)):
                    return last.what  # "192 tons of saffron worth $117.5 million"
                return doc.span_text(*span) if span is not None else ""  # "startups received loans worth"
        return ""

    def _restated(self, doc: DocView, figure: Figure, sentence: Sentence, read: list[Figure]) -> str:
        """``climbed 12,000 points, or 0.6 percent``: the same change in another unit."""
        j = figure.start - 1
        if j >= 0 and doc.words[j] in self.figures.prefix_units:
            j -= 1
        if j < 2 or doc.lower[j] != "or" or doc.words[j - 1] != ",":
            return ""
        previous = [f for f in read if f is not figure and f.end >= j - 2 and f.start >= sentence.start]
        return previous[-1].what if previous else ""

    def _change_in(self, doc: DocView, figure: Figure, sentence: Sentence, read: list[Figure]) -> str:
        """``a 14 percent rise in non-oil exports``, ``a 68.2-percent decrease in terms of weight``."""
        lower = doc.lower
        k = figure.end
        while k < min(sentence.end, figure.end + 3) and lower[k] not in self.figures.change_nouns:
            k += 1
        if k >= sentence.end or lower[k] not in self.figures.change_nouns:
            return ""
        k += 1
        if k + 2 < sentence.end and lower[k : k + 3] == ["in", "terms", "of"]:
            k += 2
        if (
            k < sentence.end
            and lower[k] in ("in", "of")
            and (k + 1 >= len(doc) or not doc.words[k + 1][:1].isdigit())
        ):
            span = self._noun_phrase_after(doc, k + 1, sentence, determiners=True)
            if span is not None:
                figure.what_end = span[1]
                return doc.span_text(*span)
        return ""

    def _noun_of_figure(self, doc: DocView, figure: Figure, sentence: Sentence, read: list[Figure]) -> str:
        """``a population of 863,000``, ``a total capacity of 5 million tons``: the noun the figure is of."""
        lower = doc.lower
        j = figure.start - 1
        if j >= 0 and doc.words[j] in self.figures.prefix_units:
            j -= 1
        while j >= sentence.start and lower[j] in self.figures.approximators and lower[j] != "of":
            j -= 1
        if j <= sentence.start or lower[j] != "of":
            return ""
        span = self._noun_phrase_before(doc, j)
        if (
            span is None
            or lower[span[1] - 1] in self.figures.change_nouns
            or lower[span[1] - 1] in self.figures.approximators
        ):
            return ""  # "a 14 percent increase of", "a total of": no noun the figure is of
        return doc.span_text(*span)

    def _clause_subject(self, doc: DocView, figure: Figure, sentence: Sentence, read: list[Figure]) -> str:
        """What the verb that gives the figure is about: the subject (``the value of exports had
        reached $281.3 million``, ``rates have fallen by 45 percent``), the object (``increased its
        capital by 41 percent``), or for a participle (``..., marking growth of N percent``) the
        subject of the main clause."""
        lower, words = doc.lower, doc.words
        figures = self.figures
        j = figure.start - 1
        if j >= 0 and words[j] in figures.prefix_units:
            j -= 1
        if j > sentence.start and lower[j] in figures.change_adverbs and words[j - 1] == ",":
            start = self._main_clause_start(doc, sentence, j - 1)  # "X reached $5 billion, up 8 percent"
            return self._subject_text(doc, start, self._first_verb(doc, start, j - 1), figure, read)
        while j >= sentence.start and lower[j] in figures.approximators:
            j -= 1
        listed = self._listed_before_by(doc, j, sentence)
        if listed:
            return listed  # "pharmaceuticals rose 31 percent, clothes by 20%"
        while (
            j >= sentence.start
            and lower[j] in figures.change_nouns
            and not (
                lower[j] in figures.level_verbs
                and j > sentence.start
                and lower[j - 1] in figures.verb_chain_words
            )
        ):
            j -= 1  # "a 14 percent increase", but "exports will increase 100 percent"
            while j >= sentence.start and lower[j] in figures.approximators:
                j -= 1
        if j < sentence.start:
            return ""
        if lower[j] not in figures.level_verbs:
            obj = self._object_of_level_verb(doc, j, sentence)
            if obj:
                return obj
            verb = self._level_verb_before(doc, j, sentence)  # "exports rose 12 percent to $36 billion"
            if verb is None:
                return ""
            j = verb
        verb = j
        if lower[verb].endswith("ing") and verb > sentence.start and words[verb - 1] == ",":
            start = self._main_clause_start(doc, sentence, verb - 1)
            end = self._first_verb(doc, start, verb - 1)
            return self._subject_text(doc, start, end, figure, read)
        k = verb - 1
        chain = figures.verb_chain_words | self.lexicon.reporting.finite_markers
        while k >= sentence.start and lower[k] in chain:
            k -= 1
        if k > sentence.start and words[k] == "," and words[k - 1] == ")":
            k -= 1  # "sales of dates (in the year ended in August), increased by 19%"
        start = self._clause_start(doc, sentence.start, k + 1)
        return self._subject_text(doc, start, k + 1, figure, read)

    def _listed_before_by(self, doc: DocView, j: int, sentence: Sentence) -> str:
        """``..., clothes by 20%``: in a list that leaves out the verb, the noun before ``by``."""
        lower = doc.lower
        if j < sentence.start + 2 or j + 1 >= len(doc) or lower[j + 1] != "by":
            return ""
        span = self._noun_phrase_before(doc, j + 1)
        if span is None or span[0] <= sentence.start or lower[span[0] - 1] not in (",", "and"):
            return ""
        return doc.span_text(*span)

    def _object_of_level_verb(self, doc: DocView, j: int, sentence: Sentence) -> str:
        """``increased its capital by 41 percent``, ``increase its annual production to 120,000 tons``."""
        lower = doc.lower
        k = j
        while k > sentence.start and k > j - 3 * MAX_WHAT and not self._is_level_verb(doc, k):
            if doc.words[k] == ")":
                opening = self._opening_bracket(doc, k, sentence.start)
                if opening is not None:
                    k = opening - 1
                    continue
            if doc.words[k] in BOUNDARY:
                return ""
            k -= 1
        if not self._is_level_verb(doc, k) or k + 1 > j:
            return ""
        if k + 1 <= j and (doc.words[k + 1][:1].isdigit() or doc.words[k + 1] in self.figures.prefix_units):
            return ""  # "rose 12 percent to ...": a figure, not an object
        if k + 1 > j or lower[k + 1] not in self.figures.determiners:
            return ""  # "has been materialized by", "come true by": no object
        span = self._noun_phrase_after(doc, k + 1, sentence, determiners=True)
        if span is None or span[1] > j + 1 or lower[span[1] - 1] in self.figures.pronouns:
            return ""
        after = doc.words[span[1]] if span[1] < len(doc) else ""
        if after[:1].isdigit() or after in self.figures.prefix_units:
            return ""  # "exports earned the country $4 billion": a second object; the subject earned it
        if self._is_change_noun(doc, span):
            return ""  # "shipments had seen a surge of 85 percent": the change is of the subject
        return doc.span_text(*span)

    def _level_verb_before(self, doc: DocView, j: int, sentence: Sentence) -> int | None:
        """The verb whose second figure this is: ``rose 12 percent to $36 billion``."""
        for k in range(j, max(sentence.start - 1, j - MAX_WHAT), -1):
            if doc.words[k] in BOUNDARY:
                return None
            if self._is_level_verb(doc, k):
                return k
        return None

    def _is_reporting_verb(self, doc: DocView, k: int) -> bool:
        """``said``, ``states``, but not the nouns ``the member states of``, ``its reports``."""
        lower = doc.lower
        if lower[k] not in self.lexicon.reporting.verb_of:
            return False
        after_determiner = k > 0 and lower[k - 1] in self.figures.determiners
        return not after_determiner and not (k + 1 < len(doc) and lower[k + 1] == "of")

    def _is_level_verb(self, doc: DocView, k: int) -> bool:
        """``rose``, ``put``, ``total``, but not ``the total`` or ``its value``: a noun after a determiner."""
        return doc.lower[k] in self.figures.level_verbs and not (
            k > 0 and doc.lower[k - 1] in self.figures.determiners
        )

    def _clause_start(self, doc: DocView, first: int, end: int) -> int:
        """Where the clause ending at ``end`` starts: after a comma, ``that``, a reporting verb."""
        lower, words = doc.lower, doc.words
        reporting = self.lexicon.reporting
        k = end - 1
        while k > first:
            if words[k] == ")":  # "exports of aquaculture (...) increased by 24%": over the brackets
                opening = self._opening_bracket(doc, k, first)
                if opening is not None:
                    k = opening - 1
                    continue
            if (
                words[k] in BOUNDARY
                or lower[k] in reporting.clause_openers
                or self._is_reporting_verb(doc, k)
            ):
                return self._after_dateline(doc, k + 1, end)
            k -= 1
        return self._after_dateline(doc, k, end)

    def _after_dateline(self, doc: DocView, k: int, end: int) -> int:
        """The first token from k on that is not part of the dateline (``TEHRAN, May 4 (IRNA) –``)."""
        while k < end and doc.starts[k] < self._dateline_end:
            k += 1
        return k

    @staticmethod
    def _opening_bracket(doc: DocView, close: int, first: int) -> int | None:
        for j in range(close - 1, max(first - 1, close - 30), -1):
            if doc.words[j] == "(":
                return j
            if doc.words[j] == ")":
                return None
        return None

    def _main_clause_start(self, doc: DocView, sentence: Sentence, end: int) -> int:
        """Where the sentence's main clause starts: after a dateline and a reporting verb
        (``Ansari said investment ... reached``)."""
        start = self._after_dateline(doc, sentence.start, end)
        reporting = self.lexicon.reporting
        for k in range(start, end):
            if doc.lower[k] in reporting.verb_of and not doc.lower[k].endswith("ing"):
                start = k + 1
                if start < end and doc.lower[start] == "that":
                    start += 1
                break
            if doc.lower[k] in self.figures.level_verbs:
                break
        return start

    def _first_verb(self, doc: DocView, start: int, end: int) -> int:
        """The main clause's verb: the first verb-like word not right after a determiner (``the value``)."""
        for k in range(start, end):
            if k > start and doc.lower[k - 1] in self.figures.determiners:
                continue
            pos = self._pos(doc.words[k])
            if self._is_level_verb(doc, k) or ("v" in pos and "n" not in pos and "a" not in pos):
                return k
        return end

    def _subject_text(self, doc: DocView, start: int, end: int, figure: Figure, read: list[Figure]) -> str:
        lower = doc.lower
        skip = self.figures.determiners | self.figures.clause_conjunctions | set(OPEN_QUOTES)
        while start < end and lower[start] in skip:
            start += 1
        if (
            start + 2 < end
            and lower[start] in self.figures.personal_subjects
            and "v" in self._pos(doc.words[start + 1])
        ):
            start += 2  # "we expect the trade to reach $50 billion": the object is what reaches it
            while start < end and lower[start] in skip:
                start += 1
        if start >= end:
            return ""
        if (
            lower[start] in self.figures.pronouns or lower[start] in self.figures.anaphoric_quantity_nouns
        ) and end - start == 1:
            return self._inherited(figure, read, same_unit=False)  # "it", "the figure"
        if ext_entity(doc, (start, end)):
            return self._inherited(figure, read, same_unit=True)  # "Semnan Province was next with N"
        if end - start > MAX_WHAT and lower[start] not in self.figures.change_nouns:
            # "sales of dates to Gulf countries in the first five months", but "the share of private
            # firms in receiving state contracts" is a share of what follows "in"
            cut = next(
                (k for k in range(start + 1, end) if lower[k] in self.figures.modifier_prepositions), end
            )
            end = cut
        if end - start > 2 * MAX_WHAT:
            start = end - 2 * MAX_WHAT
        return doc.span_text(start, end).strip("\"“”‘’' ")

    @staticmethod
    def _inherited(figure: Figure, read: list[Figure], *, same_unit: bool) -> str:
        """``Spain with 33.18 tons``: the meaning of the last figure with the same unit."""
        for other in reversed(read):
            if other is figure or not other.what:
                continue
            if not same_unit or other.unit == figure.unit:
                return other.what
        return ""

    @staticmethod
    def _about(doc: DocView, entities: Entities, start: int, sentence: Sentence) -> Cluster | None:
        """A place named by ``in X`` after the figure, else the organisation or place before it."""
        for k in range(start + 1, min(sentence.end, start + 12)):
            if doc.lower[k - 1] == "in":
                cluster = entities.at(k)
                if cluster is not None and cluster.type in ("GPE", "LOC"):
                    return cluster
        for k in range(start - 1, sentence.start - 1, -1):
            cluster = entities.at(k)
            if cluster is not None and cluster.type in ("ORG", "GPE", "LOC"):
                return cluster
        return None


def _may_be_figure(word: str) -> bool:
    """A token a figure starts with: digits, or a currency glued to them (``USD7.0``, ``$4.5``)."""
    return word[:1].isdigit() or (word[:1] in "$€£U" and GLUED.match(word) is not None)


def ext_entity(doc: DocView, span: tuple[int, int]) -> bool:
    """Whether the words are an entity's name (``Oman``), not a common noun phrase."""
    entities: Entities = ext.get(doc.doc, ext.ENTITIES)
    return all(entities.at(k) is not None for k in range(*span))


def _head(what: str) -> str:
    words = what.lower().split()
    return words[-1] if words else ""


@Language.factory(
    "newskg_statistics",
    requires=[ext.attr(ext.ENTITIES)],
    assigns=[ext.attr(ext.STATISTICS)],
)
def make_statistics(nlp: Language, name: str) -> StatisticFinder:
    return StatisticFinder(load_lexicon(), load_english_words())
