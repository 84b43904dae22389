"""What a figure is the value of when no noun phrase beside it says: the subject or object of
the verb that gives it.

``the value of exports reached $281.3 million``, ``rates have fallen by 45 percent``, ``increased
its capital by 41 percent``, ``..., marking growth of 8 percent``, ``X reached $5 billion, up 8
percent``. Why a module of its own: finding that verb and where its clause starts (past brackets,
reporting verbs, ``that`` and the dateline) is a reading of the clause, not of the figure.
"""

from __future__ import annotations

from ..lexicon import Lexicon
from ..text import OPEN_QUOTES, POSSESSIVES, DocView, Sentence
from ._figure_phrases import BOUNDARY, MAX_WHAT, NounPhrases, ext_entity
from ._figure_reading import Figure, inherited

ADVERBIAL_WORDS = 3
"""At most this many words (lower-case or a month) between a figure and ``to VERB`` another: ``year on
year``, ``in May``."""


class ClauseSubjects:
    """Finds the subject (or object) of the verb that gives a figure."""

    def __init__(self, lexicon: Lexicon, phrases: NounPhrases) -> None:
        self.lexicon = lexicon
        self.figures = lexicon.figures
        self.phrases = phrases
        self.dateline_end = 0
        """Where the dateline of the Doc being read ends (0 when it has none); set for each Doc."""
        self.verb_chain = self.figures.verb_chain_words | lexicon.reporting.finite_markers
        """Auxiliaries and markers between a subject and its verb (``has``, ``reportedly``)."""
        self.before_subject = self.figures.determiners | self.figures.clause_conjunctions | set(OPEN_QUOTES)
        """Words a subject's text does not start with (``the``, ``and``, an opening quote)."""

    def clause_subject(self, doc: DocView, figure: Figure, sentence: Sentence, read: list[Figure]) -> str:
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
            earlier = [
                f for f in read if f is not figure and sentence.start <= f.start < f.end < j and f.what
            ]
            if earlier:
                return earlier[-1].what  # "the island drew 1.4 million tourists in May, up 12 percent"
            start = self._main_clause_start(doc, sentence, j - 1)  # "X reached $5 billion, up 8 percent"
            return self._subject_text(doc, start, self._first_verb(doc, start, j - 1), figure, read)
        if self._apposed_change(doc, figure, sentence, j):
            earlier = [
                f for f in read if f is not figure and sentence.start <= f.start < f.end <= j and f.what
            ]
            if earlier:  # "arrivals reached 1.2 million, a 17 percent rise", "..., 1.2 points lower than"
                return earlier[-1].what
        if j - 1 >= sentence.start and lower[j - 1 : j + 1] == ["of", "which"]:
            earlier = [f for f in read if f is not figure and sentence.start <= f.start < j and f.what]
            if earlier:
                return earlier[-1].what  # "loans of 1,200 trillion rials, of which 70 percent went to"
        beside = self._noun_beside(doc, j, figure, sentence)
        if beside:
            return beside  # "with the main index up 490 percent", "the jobless rate, at 15 percent,"
        if lower[j] == "to" and j > sentence.start:
            before = self._change_before(doc, figure, read, j)
            if before:  # "exports rose by 28 percent year-on-year to $1.2 billion": the same subject
                return before
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
            and not (lower[j] in figures.measure_nouns and j > sentence.start and words[j - 1].islower())
        ):
            j -= 1  # "a 14 percent increase", but "exports will increase 100 percent"
            while j >= sentence.start and lower[j] in figures.approximators:
                j -= 1
        if j < sentence.start:
            return ""
        if j > sentence.start and lower[j] in figures.pronouns and self._is_level_verb(doc, j - 1):
            return inherited(figure, read, same_unit=False)  # "..., bringing it to 116 trillion rials"
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
            earlier = [
                f for f in read if f is not figure and sentence.start <= f.start < f.end < verb and f.what
            ]
            if earlier:
                return earlier[-1].what  # "Iran produced 21.8 million tons of steel, registering a 5% rise"
            start = self._main_clause_start(doc, sentence, verb - 1)
            end = self._first_verb(doc, start, verb - 1)
            return self._subject_text(doc, start, end, figure, read)
        if verb - 1 > sentence.start and lower[verb - 1] == "to":
            before = self._change_before(doc, figure, read, verb - 1)
            if before:  # "liquidity grew by 25 percent to reach 9,800 trillion rials": the same subject
                return before
        k = verb - 1
        chain = self.verb_chain
        while k >= sentence.start and lower[k] in chain:
            k -= 1
        if k > sentence.start and lower[k] == "and":
            return self._coordinated_subject(doc, figure, sentence, read, k)
        if k > sentence.start and words[k] == "," and words[k - 1] == ")":
            k -= 1  # "sales of dates (in the year ended in August), increased by 19%"
        elif k > sentence.start and words[k] == ",":
            opening = next((j for j in range(k - 1, sentence.start, -1) if words[j] == ","), None)
            if opening is not None:
                k = opening - 1  # "Throughput at X, Iran's largest port, rose": over the apposition
        start = self._clause_start(doc, sentence.start, k + 1)
        if start - 2 >= sentence.start and doc.lower[start - 2 : start] == ["of", "which"]:
            earlier = [f for f in read if f is not figure and sentence.start <= f.start < start and f.what]
            if earlier:
                return earlier[-1].what  # "trade hit $9 billion, of which Kish accounted for 62 percent"
        if start == k + 1 and lower[k] in ("which", "that"):  # "a new potline, which cost 4.2 trillion rials"
            np_end = k - 1 if k - 1 > sentence.start and words[k - 1] == "," else k
            antecedent = self.phrases.noun_phrase_before(doc, np_end)
            return doc.span_text(*antecedent) if antecedent is not None else ""
        measured = lower[verb] in figures.measuring_verbs
        return self._subject_text(doc, start, k + 1, figure, read, measured=measured)

    def _change_before(self, doc: DocView, figure: Figure, read: list[Figure], to: int) -> str:
        """What the change right before ``to`` counted, when only an adverbial stands between them
        (``by 25 percent year-on-year to``, ``by 8 percent in May to``): the level reached is of the
        same thing."""
        words, months = doc.words, self.figures.months
        for f in reversed(read):
            if f is figure or not f.what or not f.end <= to:
                continue
            between = [w for w in words[f.end : to] if w != "-"]
            if len(between) <= ADVERBIAL_WORDS and all(
                w.isalpha() and (w.islower() or w in months) for w in between
            ):
                return f.what
            return ""
        return ""

    def _apposed_change(self, doc: DocView, figure: Figure, sentence: Sentence, j: int) -> bool:
        """A figure that opens an apposition after a comma and names a change: ``, a 17 percent
        rise``, ``, a rise of 22 percent``, ``, 1.2 percentage points lower than``."""
        lower, words = doc.lower, doc.words
        if j - 2 > sentence.start and lower[j] == "of" and lower[j - 1] in self.figures.change_nouns:
            j -= 2  # ", a rise of 22 percent"
            return lower[j] in ("a", "an") and words[j - 1] == ","
        if j > sentence.start and lower[j] in ("a", "an"):
            j -= 1
        if j <= sentence.start or words[j] != ",":
            return False
        after = lower[figure.end] if figure.end < len(doc) else ""
        if after == "-" and figure.end + 1 < len(doc):
            after = lower[figure.end + 1]
        return after in self.figures.change_nouns or after in self.figures.change_adverbs

    def _coordinated_subject(
        self, doc: DocView, figure: Figure, sentence: Sentence, read: list[Figure], conjunction: int
    ) -> str:
        """``X remained high at 26.4 percent and reached 38 percent``, ``a second line ... was under
        study and could cost €2.5 billion``: a verb after ``and`` shares the subject of the verb
        before it (and what a figure before it, in the same clause, measures)."""
        earlier = [
            f for f in read if f is not figure and sentence.start <= f.start < f.end <= conjunction and f.what
        ]
        if earlier:
            return earlier[-1].what
        start = self._main_clause_start(doc, sentence, conjunction)
        end = self._first_verb(doc, start, conjunction)
        if not start < end < conjunction:
            return ""
        if doc.words[end - 1] == ",":  # "a second line, from the Sea of Oman to Isfahan, was": over the aside
            end = next((j for j in range(end - 2, start, -1) if doc.words[j] == ","), end - 1)
        return self._subject_text(doc, start, end, figure, read)

    def _noun_beside(self, doc: DocView, j: int, figure: Figure, sentence: Sentence) -> str:
        """A noun phrase that a figure qualifies with no verb between them: ``with the main index up
        490 percent``, ``yields down to 2.1 tons`` (a change adverb right after the noun), ``the
        jobless rate, at 15 percent, is`` (``at`` and the figure set off by commas after the noun)."""
        lower, words = doc.lower, doc.words
        if j > sentence.start and lower[j] in ("to", "by", "from"):
            j -= 1
        if j <= sentence.start:
            return ""
        if lower[j] in self.figures.change_adverbs and words[j - 1] not in BOUNDARY:
            end = j  # "the index up", "yields down to"
        elif (
            lower[j] == "at"
            and words[j - 1] == ","
            and figure.end < sentence.end
            and words[figure.end] == ","
        ):
            end = j - 1  # "the rate, at 15 percent,"
        else:
            return ""
        span = self.phrases.noun_phrase_before(doc, end)
        if span is None or ext_entity(doc, span) or lower[span[1] - 1] in self.figures.pronouns:
            return ""
        return doc.span_text(*span)

    def _listed_before_by(self, doc: DocView, j: int, sentence: Sentence) -> str:
        """``..., clothes by 20%``: in a list that leaves out the verb, the noun before ``by``."""
        lower = doc.lower
        if j < sentence.start + 2 or j + 1 >= len(doc) or lower[j + 1] != "by":
            return ""
        span = self.phrases.noun_phrase_before(doc, j + 1)
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
        span = self.phrases.noun_phrase_after(doc, k + 1, sentence, determiners=True)
        if span is None or span[1] > j + 1 or lower[span[1] - 1] in self.figures.pronouns:
            return ""
        opened = lower[k + 1] in self.figures.determiners or span[0] > k + 1  # "its capital", "Iran's output"
        if not opened and (span[1] != j + 1 or "a" in self.phrases.pos(doc.words[span[1] - 1])):
            return ""  # "has been materialized by", "come true by": no object
        # a bare noun phrase right before the figure's preposition is the object too ("cut output by")
        next_word = span[1]
        while next_word < len(doc) and lower[next_word] in self.figures.hedges:
            next_word += 1  # "fetched the country around $8 billion"
        after = doc.words[next_word] if next_word < len(doc) else ""
        if after[:1].isdigit() or after in self.figures.prefix_units:
            return ""  # "exports earned the country $4 billion": a second object; the subject earned it
        if self.phrases.is_change_noun(doc, span) and not (
            lower[span[1] - 1] in self.figures.measure_nouns and span[1] - span[0] > 1
        ):  # ("recorded the highest jobless rate at 15.8 percent": a rate named is a measure)
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
            k > 0 and (doc.lower[k - 1] in self.figures.determiners or doc.lower[k - 1] in POSSESSIVES)
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
        while k < end and doc.starts[k] < self.dateline_end:
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
            pos = self.phrases.pos(doc.words[k])
            if self._is_level_verb(doc, k) or ("v" in pos and "n" not in pos and "a" not in pos):
                return k
        return end

    def _subject_text(
        self,
        doc: DocView,
        start: int,
        end: int,
        figure: Figure,
        read: list[Figure],
        *,
        measured: bool = False,
    ) -> str:
        lower = doc.lower
        skip = self.before_subject
        while start < end and lower[start] in skip:
            start += 1
        if (
            start + 2 < end
            and lower[start] in self.figures.personal_subjects
            and "v" in self.phrases.pos(doc.words[start + 1])
        ):
            start += 2  # "we expect the trade to reach $50 billion": the object is what reaches it
            while start < end and lower[start] in skip:
                start += 1
        if start >= end:
            return ""
        if (
            lower[start] in self.figures.pronouns or lower[start] in self.figures.anaphoric_quantity_nouns
        ) and end - start == 1:
            return inherited(figure, read, same_unit=False)  # "it", "the figure"
        if ext_entity(doc, (start, end)) and not measured:
            return inherited(figure, read, same_unit=True)  # "Semnan Province was next with N"
        if end - start > MAX_WHAT and lower[start] not in self.figures.change_nouns:
            # "sales of dates to Gulf countries in the first five months", but "the share of private
            # firms in receiving state contracts" is a share of what follows "in"
            cut = next(
                (
                    k
                    for k in range(start + 1, end)
                    if lower[k] in self.figures.modifier_prepositions and not _inside_compound(doc, k)
                ),
                end,
            )
            end = cut
        if end - start > 2 * MAX_WHAT:
            start = end - 2 * MAX_WHAT
        return doc.span_text(start, end).strip("\"“”‘’' ")


def _inside_compound(doc: DocView, k: int) -> bool:
    """``to`` in ``point-to-point``: a word hyphened to the words on both sides is part of a compound."""
    words, spaces = doc.words, doc.spaces
    return (
        0 < k < len(words) - 1
        and words[k - 1] == "-"
        and words[k + 1] == "-"
        and not spaces[k - 1]
        and not spaces[k]
    )
