"""What a figure counts or measures: ``819 idle industrial units``, ``192 tons of saffron``,
``$10 billion in imports``, ``a population of 863,000``, ``Spain with 33.18 tons``.

Why a module of its own: the meaning is found by a list of rules tried in order (the noun phrase
after a count, the ``of`` phrase after a unit, the thing a sum is the value of, the subject of the
clause, the meaning of the figure before), and this module is that list and its order. The noun
phrases are ``_figure_phrases``, the clause subjects ``_figure_subject``.
"""

from __future__ import annotations

from .. import extensions as ext
from .._lexicon_topics import Figures
from ..facts import Entities
from ..text import DocView, Sentence
from ._figure_phrases import BOUNDARY, NounPhrases, ext_entity
from ._figure_reading import COUNT, NUMBER, Figure, inherited
from ._figure_subject import ClauseSubjects


class FigureMeanings:
    """Reads what a figure counts or measures, rule by rule."""

    def __init__(
        self,
        figures: Figures,
        phrases: NounPhrases,
        subjects: ClauseSubjects,
        directions: frozenset[str],
        prepositions: frozenset[str],
    ) -> None:
        self.figures = figures
        self.phrases = phrases
        self.subjects = subjects
        self.directions = directions
        self.prepositions = prepositions

    def what(self, doc: DocView, figure: Figure, sentence: Sentence, read: list[Figure]) -> str:
        lower, words = doc.lower, doc.words
        figures = self.figures
        n = len(doc)
        end = figure.end
        if end + 2 < n and words[end] == "(" and words[end + 2] == ")" and len(words[end + 1]) <= 4:
            end += 3  # "10.5 million metric tons (mt) of cement"
        paired = self._paired_in_terms_of(doc, figure, sentence, read)
        if paired:
            return paired  # "growths of 7.2 percent and 14.1 percent in terms of weight and value"
        distance = self._distance(doc, figure, sentence)
        if distance:
            return distance  # "Toos Industrial Town, located 15 kilometers northwest of Mashhad"
        for rule in (self._restated, self._part_of_which):
            found = rule(doc, figure, sentence, read)
            if found:
                return found  # "78 percent or 33,800", "X SMEs are in 800 parks, of which 78 percent"
        modified = self._modified_by_compound(doc, figure, sentence)
        if modified is not None:  # "a 2.8-billion-euro project", "a 10-year contract"
            figure.what_end = modified[1]
            return doc.span_text(*modified)
        if end + 1 < sentence.end and lower[end] in figures.comparatives:
            more = self.phrases.noun_phrase_after(doc, end + 1, sentence)
            if more is not None and not self.phrases.is_change_noun(doc, more):
                figure.what_end = more[1]
                return doc.span_text(*more)  # "3 more new planes", "1,400 tons more steel"
        if figure.unit == COUNT:
            if end + 1 < sentence.end and lower[end] == "of":
                part_of = self.phrases.noun_phrase_after(doc, end + 1, sentence, determiners=True)
                if part_of is not None and part_of[0] > end + 1:
                    figure.what_end = part_of[1]
                    return doc.span_text(*part_of)  # "160 of the 250 aircraft", "5 of Iran's 31 provinces"
            after = self.phrases.noun_phrase_after(doc, end, sentence)
            if after is not None and lower[after[1] - 1] not in figures.ellipsis_words:
                figure.what_end = after[1]
                return self._with_acronym(doc, after)
            if end < n and doc.words[end] in BOUNDARY + ".":  # "put the number of X at 983."
                for rule in (self._noun_of_figure, self.subjects.clause_subject):
                    found = rule(doc, figure, sentence, read)
                    if found:
                        return found
            return inherited(figure, read, same_unit=True)  # "1,338 are based in ..."
        if end + 1 < n and lower[end] == "worth" and lower[end + 1] == "of":
            end += 1  # "$3 billion worth of products"
        if end + 2 < n and words[end] == "(" and ")" in words[end + 2 : end + 8]:
            close = words.index(")", end + 2)
            if lower[close + 1 : close + 2] and (
                lower[close + 1] in figures.amount_links
                or lower[close + 1] == "of"
                or (lower[close + 1] == "to" and self._allocated(doc, figure, sentence))
            ):
                end = close + 1  # "73.93 trillion rials ($302 million) in loans", "... of credit"
        if (
            end + 2 < n
            and lower[end] in ("per", "a")
            and lower[end + 1] in figures.time_units
            and lower[end + 2] == "of"
        ):
            end += 2  # "700,000 barrels per day of gas condensate"
        if end < n and lower[end] == "of":
            of_phrase = self.phrases.noun_phrase_after(doc, end + 1, sentence, determiners=True)
            if of_phrase is not None:
                earlier = (
                    inherited(figure, read, same_unit=False) if self._refers_back(doc, of_phrase) else ""
                )
                if earlier:
                    return earlier  # "6.9 million tons (31.6 percent) of the total"
                figure.what_end = of_phrase[1]
                return doc.span_text(*of_phrase)
            if end + 1 < n and lower[end + 1] in figures.pronouns:
                return inherited(figure, read, same_unit=False)  # "80% of which"
        if (
            end + 1 < n
            and lower[end] in figures.amount_links
            and figure.unit in figures.money_units
            and lower[end + 1] not in figures.pronouns  # "30 trillion rials for this purpose"
            and (self._purpose_named(doc, end, sentence) or not self._allocated(doc, figure, sentence))
        ):
            spent_on = self._verb_phrase(doc, figure, end + 1, sentence, gerund=True)
            if spent_on:
                return spent_on  # "invested 3.8 trillion rials in upgrading 7 compressor stations"
            of_noun = self._noun_of_figure(doc, figure, sentence, read)
            if of_noun:
                return of_noun  # "a credit line of $250 million for ports": the sum is the credit line
            # adjectives only after a determiner: "in a 500-megawatt solar power plant", not "in real terms"
            bare = end + 1 < n and lower[end + 1] not in figures.determiners
            linked = self.phrases.noun_phrase_after(doc, end + 1, sentence, determiners=True, nouns_only=bare)
            if linked is None and bare:  # "$410 million in new investment", not "in real terms"
                linked = self.phrases.noun_phrase_after(doc, end + 1, sentence, determiners=True)
                if linked is not None and lower[linked[1] - 1] in figures.manner_nouns:
                    linked = None
            if (
                linked is not None
                and not ext_entity(doc, linked)
                and lower[linked[1] - 1] not in figures.time_units  # not "$10 billion in the past year"
                and lower[linked[1] - 1] not in figures.approximators  # not "$2 billion in total"
                and not self._time_phrase(doc, linked)
            ):  # "$10 billion in imports"
                figure.what_end = linked[1]
                return doc.span_text(*linked)
        if (
            end + 1 < n
            and lower[end] == "to"
            and figure.unit in figures.money_units
            and self._allocated(doc, figure, sentence)
        ):
            infinitive = self._verb_phrase(doc, figure, end + 1, sentence, gerund=False)
            if infinitive:
                return infinitive  # "allocated 14 trillion rials to complete the railway"
            purpose = self.phrases.noun_phrase_after(doc, end + 1, sentence, determiners=True)
            if lower[end + 1] in figures.pronouns:
                purpose = (
                    None  # "allocated 15 trillion rials to this issue": what the issue is, is said before
                )
            if purpose is not None and not ext_entity(doc, purpose):
                figure.what_end = purpose[1]
                return doc.span_text(*purpose)  # "had allocated 14 trillion rials to water projects"
        if figure.unit in figures.money_units and self._invested(doc, figure, sentence):
            return "investment"  # "would invest $1.1 billion": no "in ..." says in what
        if (
            figure.unit in figures.money_units
            and self._allocated(doc, figure, sentence)
            and not self._purpose_named(doc, end, sentence)
        ):  # "has allocated 15 trillion rials to this issue": the sum is what was allocated
            return doc.words[self._word_before(doc, figure, sentence)]
        attributive = self._after_an_article(doc, figure, sentence)
        if attributive is not None:
            figure.what_end = attributive[1]
            return doc.span_text(*attributive)  # "a $320 million loan from Chinese banks"
        for rule in (self._bracketed_after, self._worth_of):
            found = rule(doc, figure, sentence, read)
            if found:
                return found
        after = self.phrases.noun_phrase_after(doc, end, sentence) if end < n else None
        if (
            after is not None
            and (
                self.phrases.is_plain_noun(words[after[1] - 1])
                or self._noun_after_percent(doc, figure, after)
            )
            and not self.phrases.is_change_noun(doc, after)
        ):
            figure.what_end = after[1]
            return doc.span_text(*after)  # "324,000 TEU containers"
        for rule in (self._change_in, self._noun_of_figure, self.subjects.clause_subject):
            found = rule(doc, figure, sentence, read)
            if found:
                return found
        return inherited(figure, read, same_unit=True)

    def _modified_by_compound(
        self, doc: DocView, figure: Figure, sentence: Sentence
    ) -> tuple[int, int] | None:
        """``a 2.8-billion-euro project``, ``a 500-megawatt solar power plant``, ``a 10-year
        contract``: a figure hyphened to its unit (or to the word it counts) is a compound modifier,
        and what it measures is the noun phrase the compound modifies; not a change
        (``a 68.2-percent decrease in ...``, read by the change rule)."""
        words, spaces = doc.words, doc.spaces
        end = figure.end
        if figure.unit == COUNT:
            if not (
                end + 2 < sentence.end
                and words[end] == "-"
                and not spaces[end - 1]
                and not spaces[end]
                and words[end + 1].isalpha()
                and spaces[end + 1]
            ):
                return None
            end += 2  # "10-year", "250-room"
        elif not (end - 2 > figure.start and words[end - 2] == "-" and not spaces[end - 2]):
            return None
        elif not spaces[end - 1] and self._dimension_after(doc, end):
            end += 2  # "the 300-kilometer-long Qeshm Island"
        elif not spaces[end - 1]:
            return None
        if end + 2 < sentence.end and words[end] == "(" and ")" in words[end + 2 : end + 9]:
            end = words.index(")", end + 2) + 1  # "a 10-trillion-rial (about $280 million) project"
        if end >= sentence.end:
            return None
        span = self.phrases.noun_phrase_after(doc, end, sentence)
        if span is None or self.phrases.is_change_noun(doc, span):
            return None
        return span

    def _dimension_after(self, doc: DocView, k: int) -> bool:
        """``-long``, ``-wide``, ``-deep``: an adjective hyphened to a unit, the compound going on."""
        words = doc.words
        return (
            k + 1 < len(doc)
            and words[k] == "-"
            and not doc.spaces[k]
            and doc.spaces[k + 1]
            and words[k + 1].isalpha()
            and words[k + 1].islower()
            and "a" in self.phrases.pos(words[k + 1])
        )

    def _allocated(self, doc: DocView, figure: Figure, sentence: Sentence) -> bool:
        """The figure is the object of a verb that gives a sum to a purpose: ``allocated ... to``."""
        j = self._word_before(doc, figure, sentence)
        return j >= sentence.start and doc.lower[j] in self.figures.allocation_verbs

    def _purpose_named(self, doc: DocView, k: int, sentence: Sentence) -> bool:
        """Whether a link word at token k names what a sum is for, not ``to this issue`` or ``for
        the purpose`` (which refer back) and not nothing."""
        lower, figures = doc.lower, self.figures
        if k + 1 >= sentence.end or (lower[k] not in figures.amount_links and lower[k] != "to"):
            return False
        if lower[k + 1] in figures.pronouns:
            return False
        return not (
            k + 2 < sentence.end
            and lower[k + 1] in figures.determiners
            and lower[k + 2] in figures.purpose_nouns
        )

    def _invested(self, doc: DocView, figure: Figure, sentence: Sentence) -> bool:
        """The figure is the object of a verb of investing: ``would invest $1.1 billion``."""
        j = self._word_before(doc, figure, sentence)
        return j >= sentence.start and doc.lower[j] in self.figures.investment_verbs

    def _verb_phrase(self, doc: DocView, figure: Figure, k: int, sentence: Sentence, *, gerund: bool) -> str:
        """``in upgrading 7 compressor stations``, ``to complete the railway``: a sum spent on doing
        something measures the doing. A gerund, or a verb followed by a determiner or a number
        (``to water projects`` is a noun phrase), then its object."""
        lower, words = doc.lower, doc.words
        if k + 1 >= sentence.end or not words[k].islower() or "v" not in self.phrases.pos(words[k]):
            return ""
        nxt = k + 1
        if gerund != lower[k].endswith("ing"):
            return ""
        if not gerund and not (lower[nxt] in self.figures.determiners or words[nxt][:1].isdigit()):
            return ""
        if words[nxt][:1].isdigit():
            nxt += 1  # "upgrading 7 compressor stations"
        span = self.phrases.noun_phrase_after(doc, nxt, sentence, determiners=True)
        if span is None:
            return ""
        figure.what_end = span[1]
        return doc.span_text(k, span[1])

    def _word_before(self, doc: DocView, figure: Figure, sentence: Sentence) -> int:
        """The token before a figure, past its currency sign and words like ``about``."""
        j = figure.start - 1
        if j >= 0 and doc.words[j] in self.figures.prefix_units:
            j -= 1
        while j >= sentence.start and doc.lower[j] in self.figures.approximators:
            j -= 1
        return j

    def _after_an_article(self, doc: DocView, figure: Figure, sentence: Sentence) -> tuple[int, int] | None:
        """``a $320 million loan``: a sum after ``a`` modifies the noun after it, which is what it
        measures (though the noun may be a verb too), unless that noun names a change."""
        j = figure.start - 1
        if j >= 0 and doc.words[j] in self.figures.prefix_units:
            j -= 1
        if j < sentence.start or doc.lower[j] not in ("a", "an") or figure.end >= sentence.end:
            return None
        span = self.phrases.noun_phrase_after(doc, figure.end, sentence)
        if span is None or self.phrases.is_change_noun(doc, span) or ext_entity(doc, span):
            return None
        return span

    def _noun_after_percent(self, doc: DocView, figure: Figure, span: tuple[int, int]) -> bool:
        """``has made 72 percent progress``, ``a 7 percent stake``: a lower-case noun right after a
        share, that a verb does not follow, is what the share is of, though it may be a verb too."""
        words = doc.words
        head = words[span[1] - 1]
        if figure.unit != "percent" or not head.islower() or "n" not in self.phrases.pos(head):
            return False
        following = words[span[1]] if span[1] < len(doc) else "."
        pos = self.phrases.pos(following)
        return not following[:1].isalpha() or (
            "f" in pos and following.lower() not in self.figures.determiners
        )

    def _paired_in_terms_of(
        self, doc: DocView, figure: Figure, sentence: Sentence, read: list[Figure]
    ) -> str:
        """``growths of 7.2 percent and 14.1 percent in terms of weight and value``: two figures
        joined by ``and`` and then ``in terms of A and B`` measure A and B in that order."""
        lower, words = doc.lower, doc.words
        k = figure.end
        if k + 1 < sentence.end and lower[k] == "and" and NUMBER.match(words[k + 1]):
            place = 0
            unit, unit_end = self.figures.unit_at(words, k + 2)
            k = unit_end if unit is not None else k + 2
        elif lower[figure.start - 1] == "and" and any(f.end == figure.start - 1 for f in read):
            place = 1
        else:
            return ""
        if lower[k : k + 3] == ["in", "terms", "of"]:
            span = self.phrases.noun_phrase_after(doc, k + 3, sentence)
        else:
            span = self._respective_pair(doc, k, sentence)
        if span is None:
            return ""
        joins = [m for m in range(*span) if lower[m] == "and"]
        if len(joins) != 1:
            return ""
        start, end = (span[0], joins[0]) if place == 0 else (joins[0] + 1, span[1])
        if start >= end:
            return ""
        figure.what_end = span[1]
        return doc.span_text(start, end)

    def _distance(self, doc: DocView, figure: Figure, sentence: Sentence) -> str:
        """``X, located 15 kilometers northwest of Mashhad``, ``some 150 kilometers from the sea``: a
        length followed by a compass direction and ``of``, or by ``from``, is a distance between two
        places: from the one named after it, of the one it stands in apposition to, if any."""
        lower = doc.lower
        if figure.unit not in self.figures.distance_units:
            return ""
        k = figure.end
        if k < sentence.end and lower[k] == "away":
            k += 1  # "150 kilometers away from the city"
        if k + 1 < sentence.end and lower[k] in self.directions and lower[k + 1] == "of":
            k += 1
        elif k >= sentence.end or lower[k] != "from":
            return ""
        what = "distance"
        place = self._place_in_apposition(doc, figure, sentence)
        if place is not None:
            what += " of " + doc.span_text(*place)
        target = self.phrases.noun_phrase_after(doc, k + 1, sentence, determiners=True)
        if target is not None:
            figure.what_end = target[1]
            what += " from " + doc.span_text(k + 1, target[1])  # with its article: "from the sea"
        return what

    @staticmethod
    def _place_in_apposition(doc: DocView, figure: Figure, sentence: Sentence) -> tuple[int, int] | None:
        """The place named last before a figure and followed by a comma (one lower-case noun may
        come between: ``The West Karun fields, located ...``): what an apposition describes."""
        entities: Entities = ext.get(doc.doc, ext.ENTITIES)
        words = doc.words
        for j in range(figure.start - 1, sentence.start, -1):
            if words[j] != ",":
                continue
            end = j - 1 if words[j - 1].islower() and j - 1 > sentence.start else j
            place = entities.at(end - 1)
            if place is not None and place.type in ("GPE", "LOC"):
                start = end - 1
                while start > sentence.start and entities.at(start - 1) is place:
                    start -= 1
                return start, end
        return None

    def _respective_pair(self, doc: DocView, k: int, sentence: Sentence) -> tuple[int, int] | None:
        """``561 and 412 are related to the industrial towns and industrial parks respectively``: the
        first noun phrase of two nouns joined by ``and`` after a link word, when ``respectively``
        closes it."""
        lower = doc.lower
        for j in range(k, min(sentence.end - 1, k + 6)):
            if lower[j] not in self.figures.amount_links and lower[j] not in ("to", "of"):
                continue
            span = self.phrases.noun_phrase_after(doc, j + 1, sentence, determiners=True)
            if span is not None and span[1] < sentence.end and lower[span[1]] == "respectively":
                return span
            return None
        return None

    def _refers_back(self, doc: DocView, span: tuple[int, int]) -> bool:
        """``of the total``, ``of the global total``: a quantity noun that stands for a figure
        already given, alone or with one adjective."""
        start, end = span
        if doc.lower[end - 1] not in self.figures.anaphoric_quantity_nouns or end - start > 2:
            return False
        return end - start == 1 or "a" in self.phrases.pos(doc.words[start])

    def _time_phrase(self, doc: DocView, span: tuple[int, int]) -> bool:
        """``in April``, ``in the past 12 months``: a month, or a word that places a time relative to
        now, says when, not what a sum is spent on."""
        figures = self.figures
        return any(
            doc.words[k] in figures.months or doc.lower[k] in figures.year_offsets for k in range(*span)
        )

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
        span = self.phrases.noun_phrase_before(doc, j)
        if span is None or ext_entity(doc, span):
            return inherited(figure, read, same_unit=True)  # "Oman ($5.6 million)"
        return doc.span_text(*span)

    def _worth_of(self, doc: DocView, figure: Figure, sentence: Sentence, read: list[Figure]) -> str:
        """``192 tons of saffron worth $117.5 million``: the value of what the earlier figure counts."""
        lower = doc.lower
        j = self._word_before(doc, figure, sentence)
        for phrase in self.figures.worth_words:
            size = len(phrase)
            if j - size + 1 >= sentence.start and tuple(lower[j - size + 1 : j + 1]) == phrase:
                before = j - size + 1
                previous = [
                    f for f in read if f is not figure and before - 2 <= max(f.end, f.what_end) <= before
                ]
                span = self.phrases.noun_phrase_before(doc, before)
                last = previous[-1] if previous else None
                if last is not None and (span is None or span[0] < max(last.end, last.what_end)):
                    return last.what  # "192 tons of saffron worth $117.5 million"
                return doc.span_text(*span) if span is not None else ""  # "startups received loans worth"
        return ""

    def _restated(self, doc: DocView, figure: Figure, sentence: Sentence, read: list[Figure]) -> str:
        """``climbed 12,000 points, or 0.6 percent``, ``78 percent or 33,800``: the same quantity
        in another unit."""
        j = figure.start - 1
        if j >= 0 and doc.words[j] in self.figures.prefix_units:
            j -= 1
        if j < 2 or doc.lower[j] != "or":
            return ""
        close = j - 1 if doc.words[j - 1] == "," else j
        previous = [f for f in read if f is not figure and f.end == close and f.start >= sentence.start]
        return previous[-1].what if previous else ""

    def _part_of_which(self, doc: DocView, figure: Figure, sentence: Sentence, read: list[Figure]) -> str:
        """``43,650 SMEs are based in over 800 industrial parks, of which 78 percent are active``: a
        part of what the clause's own figure counts, not of a figure inside a prepositional phrase."""
        lower = doc.lower
        j = self._word_before(doc, figure, sentence)
        if j < 2 or lower[j] not in self.figures.pronouns or lower[j - 1] != "of" or doc.words[j - 2] != ",":
            return ""
        for other in reversed(read):
            if other is figure or other.start < sentence.start or other.start > j or not other.what:
                continue
            if lower[self._word_before(doc, other, sentence)] in self.prepositions:
                continue  # "in over 800 industrial parks": where, not what the clause counts
            return other.what
        return ""

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
            span = self.phrases.noun_phrase_after(doc, k + 1, sentence, determiners=True)
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
        span = self.phrases.noun_phrase_before(doc, j)
        if span is None:
            return ""
        if (
            lower[span[1] - 1] in self.figures.change_nouns
            or lower[span[1] - 1] in self.figures.approximators
        ):
            compound = self._named_measure(doc, span)
            if compound is None:
                return ""  # "an increase of 14 percent", "a total of": says not what rose or what it is
            span = compound
        return doc.span_text(*span)

    def _named_measure(self, doc: DocView, span: tuple[int, int]) -> tuple[int, int] | None:
        """``accumulated losses``, ``liquidity growth``, ``the inflation rate``, ``a market value``:
        a change noun, or a noun that only says "an amount", that a noun or a participle before it
        names; not a degree (``a sharp rise``, ``the total value``)."""
        head = span[1] - 1
        if head == span[0]:
            return None
        modifier = doc.words[head - 1]
        pos = self.phrases.pos(modifier)
        if modifier.endswith("ing") and "v" in pos:
            return None  # "marking growth of 20 percent": a verb before the change noun
        if doc.lower[head] in self.figures.measure_nouns or "a" not in pos or modifier.endswith("ed"):
            return head - 1, span[1]
        return None
