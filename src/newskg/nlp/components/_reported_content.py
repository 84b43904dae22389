"""What was said: the reported clause or quotation of a cue, without the speaker, the cue, the
addressee (``told IRNA that``), the setting (``, in an interview with X``) or the dateline.

Why a module of its own: the content is cut out of the sentence around the cue, after it
(``X said that ...``) or before it (``Output rose 5 percent, the head of X said``), and where it
ends depends on the next cue, a credit or a setting; that cutting is apart from finding the cue
and its speaker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..facts import Entities
from ..text import CLOSE_QUOTES, OPEN_QUOTES, POSSESSIVES, DocView, Sentence
from ._speakers import INVERTED, Speakers, Subject
from ._speech_cues import QUOTES, Cue, Cues
from .dateline import find_dateline

if TYPE_CHECKING:
    from .statements import StatementFinder

STOP_AFTER = 2
CREDIT_WORDS = 8
"""At most this many words in a credit after a cue: ``, quoted by the IRNA news agency``."""
MAX_QUOTE_CHARS = 1500
"""How far back a quotation that closes before its speaker may have opened: a few sentences."""
ORGANISATION_NOUN_MODIFIERS = 4
CLOSING_TAG_TAIL = 4
"""At most this many tokens after the verb of a closing speech tag: ``he added on Monday.``"""
"""At most this many words of an organisation noun phrase before a name: ``tanker - tracking firm``."""
"""Fewer content words than this after a cue: the reported clause is before it (``..., he said.``)."""
APPOSITION_TOKENS = 30
"""The most tokens a title apposed to a speaker takes: ``the acting head of the X Chamber of ... (XCC)``."""


class ReportedContent:
    """Cuts the reported words of each cue out of its sentence, in one Doc."""

    def __init__(
        self, finder: StatementFinder, doc: DocView, entities: Entities, cues: Cues, speakers: Speakers
    ) -> None:
        self.f = finder
        self.rep = finder.reporting
        self.doc = doc
        self.entities = entities
        self.cues = cues
        self.speakers = speakers
        dateline = find_dateline(doc.text)
        self.dateline_end = dateline.end() if dateline else 0

    def of(self, cue: Cue, subject: Subject, sentence: Sentence) -> str:
        doc = self.doc
        last = sentence.end - 1
        while last > cue.end and not doc.words[last].strip():
            last -= 1  # the line break a paragraph ends with
        if doc.words[last] == ":" and cue.start < last:
            quoted = self._quotation_after(doc.ends[last])
            if quoted:  # 'X also warned about the sector's prospects:' and the quotation below
                return self._clean(quoted)
        start = cue.end
        if cue.kind == "according":
            start = self._after_speaker(cue.end, sentence)
            if cue.start <= self._after_dateline_word(sentence):
                start = self._after_relative_clause(start, sentence)
        elif cue.kind == "quoted" or cue.lemma in self.rep.figure_at_verbs:
            start = cue.end  # "put the number of ships that berthed ... at 6,420": no addressee to skip
        else:
            start = self._after_addressee(cue.end, sentence)
        end = self._clause_end(start, sentence)
        if cue.kind == "quoted" and start < sentence.end and doc.lower[start] == "by":
            end = start  # "... was quoted as saying by IRNA": who quoted, not what was said
        if (
            cue.kind == "according"
            and start < sentence.end
            and doc.lower[start] in self.rep.relative_pronouns
        ):
            end = start  # "X rose, according to Y, the CEO of Z, who told IRNA that ...": Y's own act follows
        last = end
        while last > start and (doc.words[last - 1] in ".;," or not doc.words[last - 1].strip()):
            last -= 1
        if (
            cue.lemma in self.rep.addressee_verbs
            and start < last
            and self.entities.at(start) is not None
            and self.entities.end_of(start) >= last
        ):
            end = start  # '"...," X told Tehran Times.': only who was told follows the cue
        if start < end and self._setting_at(start):
            that = next((j for j in range(start, sentence.end) if doc.lower[j] == "that"), None)
            if that is not None:  # "said in a meeting with the governor, that ..."
                start, end = that + 1, self._clause_end(that + 1, sentence)
            else:
                end = start  # '"...," he said on the sidelines of the Iran Oil Show': where, not what
        if end - start <= CREDIT_WORDS and self._no_content(start, end):
            end = start  # "announced on Tuesday.", '"...," X said, quoted by the IRNA news agency.'
        after = self._clean(doc.text[doc.starts[start] : doc.ends[end - 1]] if end > start else "")
        if cue.kind == "quoted" and len(after.split()) < STOP_AFTER:
            return self._before_quoting(cue, sentence) or after
        trailing = (  # "X rose, according to the head of Y, Z.": the clause before is what was said
            cue.kind == "according"
            and cue.start > self.speakers.first_word(sentence) + 2
            and doc.words[cue.start - 1] == ","
        )
        if (
            not trailing
            and subject.start != INVERTED
            and len(after.split()) >= STOP_AFTER
            and not self._clause_before(cue, subject, sentence)
        ):
            return after
        before_end = self._with_article(subject.start) if 0 <= subject.start < cue.start else cue.start
        if cue.kind == "according":
            before_end = cue.start
        first = self._after_dateline(doc.starts[sentence.start], sentence)
        if before_end > sentence.start:
            first = self._quote_opened_before(first, doc.starts[before_end])
        before = self._clean(doc.text[first : doc.starts[before_end]] if before_end > sentence.start else "")
        return before or after

    def previous_sentence(self, sentence: Sentence) -> str:
        """The sentence before this one, its dateline left out: what ``The remark was made by X``
        refers to."""
        doc = self.doc
        before = doc.sentence(sentence.start - 1)
        first = self._after_dateline(before.start_char, before)
        return self._clean(doc.text[first : before.end_char])

    def _quotation_after(self, char: int) -> str:
        """The quotation that opens right after character ``char`` (past spaces and line breaks)."""
        text = self.doc.text
        start = char
        while start < len(text) and text[start].isspace():
            start += 1
        if start >= len(text) or text[start] not in '“"':
            return ""
        close = text.find("”" if text[start] == "“" else '"', start + 1, start + 1 + MAX_QUOTE_CHARS)
        return text[start + 1 : close] if close > start else ""

    def _quote_opened_before(self, first: int, end: int) -> int:
        """``“... this year. Next year we will export more,” he said.``: a quotation that closes right
        before the speaker but opened in an earlier sentence is reported whole, from its opening mark."""
        text = self.doc.text
        closing = text[first:end].rstrip(" ,")
        if not closing or closing[-1] not in CLOSE_QUOTES or any(q in closing[:-1] for q in OPEN_QUOTES):
            return first
        mark = closing[-1]
        opening = "“" if mark == "”" else mark  # a straight quote closes what a straight quote opened
        start = text.rfind(opening, max(0, first - MAX_QUOTE_CHARS), first)
        if (
            start < 0
            or (mark == "”" and "”" in text[start:first])
            or (mark == '"' and '"' in text[start + 1 : first])
        ):
            return first
        return start + 1

    def _before_quoting(self, cue: Cue, sentence: Sentence) -> str:
        """``The figures are optimistic, IRNA quoted him as saying.``: the words before the quoting clause."""
        doc = self.doc
        quotes = [j for j in range(sentence.start + 1, cue.start) if doc.words[j] in CLOSE_QUOTES]
        commas = [j for j in range(sentence.start + 1, cue.start) if doc.words[j] == ","]
        # '"...," X, the CEO, was quoted as saying': the quotation, not up to the apposition's comma
        end = quotes[-1] if quotes else commas[-1] if commas else None
        if end is None:
            return ""
        first = self._after_dateline(doc.starts[self.speakers.first_word(sentence)], sentence)
        return self._clean(doc.text[first : doc.starts[end]])

    def _clause_before(self, cue: Cue, subject: Subject, sentence: Sentence) -> bool:
        """``Output rose 5 percent, the head of X said on Saturday.``: the reported clause comes
        first and what follows the cue is no clause."""
        doc = self.doc
        start = self._with_article(subject.start)
        if start <= self.speakers.first_word(sentence) + 2 or doc.words[start - 1] not in (
            ",",
            *CLOSE_QUOTES,
        ):
            return False
        k = cue.end
        if k < len(doc) and (
            doc.lower[k] in self.rep.clause_openers or doc.words[k][:1] in OPEN_QUOTES or doc.words[k] == ":"
        ):
            return False
        if any(self.cues.is_finite_verb(j) for j in range(cue.end + 1, self._clause_end(cue.end, sentence))):
            return False
        return any(self.cues.is_finite_verb(j) for j in range(self.speakers.first_word(sentence) + 1, start))

    def _after_dateline(self, first: int, sentence: Sentence) -> int:
        """Where a sentence's own words start: after the dateline when the sentence opens with it."""
        return self.dateline_end if first <= self.dateline_end < sentence.end_char else first

    def _with_article(self, start: int) -> int:
        """Where a speaker's noun phrase starts: ``the`` belongs to ``the CBI`` it introduces, and
        ``an official with`` to ``an official with the CBI``."""
        lower = self.doc.lower
        if start > 1 and lower[start - 1] in POSSESSIVES:
            owner = self.entities.at(start - 2)
            if owner is not None and owner.type in ("GPE", "LOC"):
                start = self.entities.start_of(start - 2)  # "Iran's Minister of Roads X said"
            elif (
                start > 2
                and self.doc.words[start - 2].islower()
                and lower[start - 3] in self.rep.speaker_articles
            ):
                start -= 2  # "the company's chief executive X": the article comes with it below
        start = self._with_organisation_noun(start)
        official = self.speakers.unnamed_official_before(start)
        if official is not None:
            return official
        if start > 0 and lower[start - 1] in self.rep.speaker_articles:
            start -= 1
        return start

    def _with_organisation_noun(self, start: int) -> int:
        """``tanker-tracking firm Kpler``, ``the Chinese carmaker X``: an organisation noun and its
        modifiers before a name belong to the speaker's noun phrase (up to a comma or an article)."""
        words, lower = self.doc.words, self.doc.lower
        if start < 1 or not words[start - 1].islower():
            return start
        if (lower[start - 1],) not in self.f.organisation_nouns:
            return start
        j = start - 1
        while j > 0 and start - j <= ORGANISATION_NOUN_MODIFIERS:
            before = words[j - 1]
            if before == "," or lower[j - 1] in self.rep.speaker_articles:
                return j
            if not (before == "-" or before.isalpha()) or before in self.rep.speaker_pronouns:
                return start
            j -= 1
        return j if j == 0 else start

    def _after_speaker(self, k: int, sentence: Sentence) -> int:
        """``According to X, the ...``: where the content starts after the speaker and its comma."""
        doc = self.doc
        for j in range(k, min(sentence.end, k + 25)):
            if doc.words[j] == ",":
                return self._after_apposition(self._after_apposed_name(j + 1), sentence)
        return sentence.end

    def _after_dateline_word(self, sentence: Sentence) -> int:
        """The sentence's first word after a dateline that opens it."""
        doc = self.doc
        first = self.speakers.first_word(sentence)
        if doc.starts[first] < self.dateline_end < sentence.end_char:
            while first < sentence.end - 1 and doc.starts[first] < self.dateline_end:
                first += 1
        return first

    def _after_relative_clause(self, k: int, sentence: Sentence) -> int:
        """``According to X, who heads Y, exports rose``: with the cue opening the sentence, a
        relative clause describes the speaker and the reported words follow its comma."""
        doc = self.doc
        if k >= sentence.end or doc.lower[k] not in self.rep.relative_pronouns:
            return k
        for m in range(k + 1, min(sentence.end - 1, k + APPOSITION_TOKENS)):
            if doc.words[m] == "," and self.entities.at(m) is None:
                return m + 1
        return k

    def _after_apposed_name(self, k: int) -> int:
        """``According to the head of X, Y Z, exports ...``: after the name apposed to the title."""
        named = self.entities.at(k)
        if named is None or named.type != "PERSON":
            return k
        end = self.entities.end_of(k)
        return end + 1 if end < len(self.doc) and self.doc.words[end] == "," else k

    def _after_apposition(self, k: int, sentence: Sentence) -> int:
        """``According to X, the deputy minister for trade, exports ...``: skip the title apposed to X."""
        lower, titles = self.doc.lower, self.f.titles
        j = k
        while j < sentence.end and (lower[j] in self.rep.speaker_articles or lower[j] in titles.modifiers):
            j += 1
        near = range(j, min(j + 3, sentence.end))
        if not any(titles.post_at(lower, m)[0] is not None or lower[m] in titles.title_nouns for m in near):
            return k
        for m in range(j, min(sentence.end - 1, j + APPOSITION_TOKENS)):
            if self.doc.words[m] == "," and self.entities.at(m) is None:  # not "Chamber of Commerce, Mines"
                return m + 1
        return k

    def _after_addressee(self, k: int, sentence: Sentence) -> int:
        """Skip ``IRNA that``, ``reporters on Monday that``, ``, “`` to where the reported words start."""
        doc = self.doc
        lower = doc.lower
        for j in range(k, min(sentence.end, k + 20)):
            if lower[j] == "that":
                return j + 1
            if doc.words[j] in ".;,:" or (doc.words[j] in QUOTES and not self._possessive_mark(j)):
                break
            if j > k and lower[j] in self.rep.cue_coordinators and self._coordinated_cue(j):
                break  # "welcomed the move but warned that": the "that" is the second act's
        return k

    def _possessive_mark(self, j: int) -> bool:
        """``Students’``: an apostrophe glued to a plural noun, not a quote mark."""
        doc = self.doc
        return (
            doc.words[j] in ("’", "'")
            and j > 0
            and doc.words[j - 1].endswith("s")
            and doc.ends[j - 1] == doc.starts[j]
        )

    def _clause_end(self, start: int, sentence: Sentence) -> int:
        """The reported clause ends at the sentence's end or before a participle cue (``, adding``)."""
        doc = self.doc
        for j in range(start, sentence.end - 1):
            if j > start and doc.lower[j] in self.rep.cue_coordinators and self._coordinated_cue(j):
                return j  # "welcomed the appointment but warned that ...": the second act's own words
            if doc.words[j] == "," and (
                (doc.lower[j + 1] in self.f.participles and self.cues.at(j + 1) is not None)
                or doc.lower[j + 1 : j + 3] == ["according", "to"]
                or self._credit_at(j + 1)
                or self._setting_at(j + 1)
                or self._closing_speech_tag(j + 1, sentence)
                or self._coordinated_cue(j + 1)
            ):
                return j
        return sentence.end

    def _coordinated_cue(self, k: int) -> bool:
        """``said X, and called on Y``: a second act of the same speaker starts at ``and``."""
        if k + 1 >= len(self.doc) or self.doc.lower[k] not in self.rep.cue_coordinators:
            return False
        cue = self.cues.at(k + 1)
        return cue is not None and cue.kind == "finite"

    def _closing_speech_tag(self, k: int, sentence: Sentence) -> bool:
        """``..., he added.`` closing the sentence, or ``..., he added that Z``: another speaker's
        own tag, not reported words (``X has warned that Y, he added``: X's warning ends before it)."""
        doc = self.doc
        j = k
        while (
            j < sentence.end
            and j < k + 3
            and (doc.lower[j] in self.rep.speaker_pronouns or self.entities.at(j) is not None)
        ):
            j += 1
        if j == k or j >= sentence.end:
            return False
        cue = self.cues.at(j)
        if cue is None or cue.kind != "finite":
            return False
        # "..., he added." closes the sentence; "Noting that X, he added that Y": a main clause with
        # its own reported clause
        return sentence.end - cue.end <= CLOSING_TAG_TAIL or doc.lower[cue.end] in self.rep.clause_openers

    def _setting_at(self, k: int) -> bool:
        """``..., in an interview with X``: where the words were said, not what."""
        lower = self.doc.lower
        if k >= len(lower) or lower[k] not in self.rep.speech_setting_starts:
            return False
        return any(tuple(lower[k : k + len(p)]) == p for p in self.rep.speech_settings)

    def _no_content(self, start: int, end: int) -> bool:
        """A few words after a cue that say only when (``on Tuesday``) or who passed the words on
        (``, quoted by the IRNA news agency``: a news medium and no verb but the participle)."""
        lower, words = self.doc.lower, self.doc.words
        if all(lower[j] in self.rep.finite_markers or not words[j].isalnum() for j in range(start, end)):
            return True
        first = next((j for j in range(start, end) if words[j].isalnum()), end)
        return any(self._credit_at(j) for j in range(first, end)) and not any(
            self.cues.is_finite_verb(j) for j in range(first + 1, end)
        )

    def _credit_at(self, k: int) -> bool:
        """``..., IRNA reported``: a news medium credited at token k ends the clause before it."""
        cluster = self.entities.at(k)
        return cluster is not None and cluster.type == "NEWS_AGENCY"

    @staticmethod
    def _clean(text: str) -> str:
        text = " ".join(text.split())
        text = text.strip(" ,:;-–—")
        if text.lower().startswith("that "):
            text = text[5:]
        text = text.strip(" " + QUOTES)
        text = text.rstrip(" ,:;.")
        return text.strip(" " + QUOTES)
