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

The work is shared by job: ``_figure_reading`` reads the figure and drops dates and codes,
``_figure_meaning`` finds what it counts (with the noun phrases of ``_figure_phrases`` and the
clause subjects of ``_figure_subject``); this module runs them over a Doc, keeps each figure once
and finds the entity and period it is about.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions as ext
from ..facts import Cluster, Entities, StatisticFact
from ..lexicon import Lexicon, load_lexicon
from ..periods import find_period
from ..text import DocView, Sentence
from ..vocabulary import EnglishWords, load_english_words
from ._figure_meaning import FigureMeanings
from ._figure_phrases import NounPhrases
from ._figure_reading import COUNT, Figure, FigureReader
from ._figure_subject import ClauseSubjects
from .dateline import find_dateline


class StatisticFinder:
    """Finds figures with their units, meanings, subjects and periods."""

    def __init__(self, lexicon: Lexicon, english: EnglishWords) -> None:
        self.lexicon = lexicon
        self.figures = lexicon.figures
        self.english = english
        self.reader = FigureReader(self.figures, english)
        phrases = NounPhrases(self.figures, english)
        self.subjects = ClauseSubjects(lexicon, phrases)
        things = lexicon.things
        self.meanings = FigureMeanings(
            self.figures, phrases, self.subjects, things.direction_nouns, things.locative_prepositions
        )

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
        self.subjects.dateline_end = dateline.end() if dateline else 0
        i = 0
        for k in self.reader.figure_tokens(doc):
            if k < i:
                continue  # inside the phrase of the figure before
            if dateline and doc.starts[k] < dateline.end():  # the dateline, and a headline above it
                continue
            figure = self.reader.figure_at(doc, k)
            if figure is None or self.reader.is_excluded(doc, figure):
                i = k + 1
                continue
            if figure.unit == "time":
                i = figure.end
                continue
            sentence = doc.sentence(figure.start)
            if self._is_age(doc, entities, figure):
                figure.unit, figure.what = self.figures.age_unit, self.figures.age_what
            else:
                figure.what = self.meanings.what(doc, figure, sentence, read)
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

    def _is_age(self, doc: DocView, entities: Entities, figure: Figure) -> bool:
        """``Eskandari-Rad, 52, a native of ...``: a whole number between commas right after a
        person's name is the person's age."""
        words = doc.words
        start, end = figure.start, figure.end
        if figure.unit != COUNT or figure.scale != 1 or not 0 < figure.value <= self.figures.oldest_age:
            return False
        if figure.value != int(figure.value) or start < 2 or end >= len(doc):
            return False
        person = entities.at(start - 2)
        return (
            words[start - 1] == "," and words[end] == "," and person is not None and person.type == "PERSON"
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

    @staticmethod
    def _about(doc: DocView, entities: Entities, start: int, sentence: Sentence) -> Cluster | None:
        """A place named by ``in X`` after the figure, else the organisation or place before it."""
        by_token, lower = entities.by_token, doc.lower
        for k in range(start + 1, min(sentence.end, start + 12)):
            if lower[k - 1] == "in":
                cluster = by_token[k]
                if cluster is not None and cluster.type in ("GPE", "LOC"):
                    return cluster
        for cluster in reversed(by_token[sentence.start : start]):
            if cluster is not None and cluster.type in ("ORG", "GPE", "LOC"):
                return cluster
        return None


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
