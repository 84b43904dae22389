"""``newskg_statements``: who said what, one statement per speech cue.

The speaker is the subject written before the cue (``Mohsen Salehinia said``), the name after
``according to``, or, for ``he``, ``the official`` and title subjects, the person they refer to:
the person a title phrase was bound to, else the last person named outside quotes. A participle
(``adding``, ``noting``) or a second verb (``reiterated and mentioned``) keeps the speaker of its
sentence. Cues inside quotations and passives (``was announced``) are not statements.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..lexicon import Lexicon, load_lexicon
from ..state import Cluster, DocState, StatementFact, state_of
from ..text import DocView, Sentence, in_regions, quoted_regions

PASSIVE = {"was", "were", "been", "be", "is", "are", "being", "the", "a", "an", "this", "aforesaid"}
PARTICIPLE_SUFFIX = "ing"


class StatementFinder:
    """Finds speech cues and resolves their speakers."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.adverbs = lexicon.cue_adverbs
        self.cues = lexicon.speech_verbs
        self.anaphors = [tuple(a.split()) for a in lexicon.speaker_anaphors]
        # A cue starts with a one-word cue, "according" or the part of a longer cue before a space.
        self.cue_starts = {"according", *self.cues} | {
            cue[:k] for cue in self.cues for k, c in enumerate(cue) if c == " "
        }

    def __call__(self, doc: Doc) -> Doc:
        state = state_of(doc)
        self._run(state.view_of(doc), state)
        return doc

    def _run(self, doc: DocView, state: DocState) -> None:
        quotes = quoted_regions(doc.text)
        persons = sorted(
            (
                s
                for c in state.clusters
                if c.type == "PERSON"
                for s in c.spans
                if not in_regions(s.start_char, quotes)
            ),
            key=lambda s: s.start,
        )
        last_speaker: Cluster | None = None
        last_sentence_start = -1
        i = 0
        cue_starts = self.cue_starts
        for k in [k for k, lower in enumerate(doc.lower) if lower in cue_starts]:
            if k < i:
                continue  # inside the cue before
            i = k
            cue, cue_end = self._cue_at(doc, i)
            if cue is None or in_regions(doc.starts[i], quotes):
                i += 1
                continue
            sentence = doc.sentence(i)
            if sentence.start != last_sentence_start:
                sentence_speaker = None
                last_sentence_start = sentence.start
            speaker = self._speaker(doc, state, i, cue_end, cue, persons, sentence_speaker, last_speaker)
            if speaker is not None:
                content = self._content(doc, i, cue_end, sentence)
                state.statements.append(
                    StatementFact(
                        speaker,
                        doc.span_text(i, cue_end),
                        content,
                        sentence.start_char,
                        sentence.end_char,
                        rule="speech_cue",
                    )
                )
                sentence_speaker = last_speaker = speaker
            i = cue_end
        return

    def _cue_at(self, doc: DocView, i: int) -> tuple[str | None, int]:
        lowers = doc.lower
        n = len(lowers)
        lower = lowers[i]
        if lower == "according" and i + 1 < n and lowers[i + 1] == "to":
            return "according to", i + 2
        if i + 1 < n and f"{lower} {lowers[i + 1]}" in self.cues:
            return f"{lower} {lowers[i + 1]}", i + 2
        if lower not in self.cues:
            return None, i + 1
        needs = self.lexicon.speech_verbs_need_object.get(lower)
        if needs is not None and (i + 1 >= n or lowers[i + 1] not in needs):
            return None, i + 1
        if i > 0 and lowers[i - 1] in PASSIVE:
            return None, i + 1
        if (
            lower == "said"
            and i + 1 < n
            and doc.words[i + 1][:1].isalpha()
            and lowers[i + 1] in ("units", "plan", "period", "program", "issue")
        ):
            return None, i + 1
        return lower, i + 1

    def _speaker(
        self,
        doc: DocView,
        state: DocState,
        i: int,
        cue_end: int,
        cue: str,
        persons: list[Span],
        sentence_speaker: Cluster | None,
        last_speaker: Cluster | None,
    ) -> Cluster | None:
        words, lower, sent_starts = doc.words, doc.lower, doc.sent_starts
        if cue == "according to":
            return self._named_after(doc, state, cue_end, persons)
        if cue.endswith(PARTICIPLE_SUFFIX) and lower[i - 1] == "as" if i > 0 else False:
            return self._bound_title_before(state, i) or self._last_person(state, persons, i)
        j = i - 1
        while j >= 0 and lower[j] in self.adverbs:
            j -= 1
        if j < 0:
            return sentence_speaker or last_speaker if cue.endswith(PARTICIPLE_SUFFIX) else None
        bound = self._title_ending_at(state, j + 1)
        if bound is not None:  # "the provincial head of X Company said": the head, not the company
            return bound
        cluster = state.cluster_at(j)
        if cluster is not None and cluster.type in ("PERSON", "ORG"):
            return cluster
        if words[j] == ",":
            named = state.cluster_at(j - 1) if j > 0 else None
            if named is not None and named.type == "PERSON":  # "The spokesman of X, Ahmad Rezaei, said"
                return named
            appositive = self._before_apposition(doc, state, j)
            if appositive is not None:
                return appositive
        anaphor = self._anaphor_ending_at(doc, j)
        if anaphor is not None:
            if anaphor[0] in ("a", "an"):
                return self._next_person(state, persons, i) or self._last_person(state, persons, i)
            return self._last_person(state, persons, i)
        if lower[j] == "and" and sentence_speaker is not None:
            return sentence_speaker
        if cue.endswith(PARTICIPLE_SUFFIX) and (words[j] in ",(" or sent_starts[j] or sent_starts[i]):
            if sent_starts[i] and not self._introduces_speech(doc, cue_end):
                return None  # "Underlining the importance of ..." is an adjunct, not a report
            if sent_starts[i]:
                return self._subject_later(doc, state, i, persons) or last_speaker
            return sentence_speaker or last_speaker
        return None

    @staticmethod
    def _before_apposition(doc: DocView, state: DocState, comma: int) -> Cluster | None:
        """``Ali Rasoulian, the deputy head of X for Y affairs, said``: the name before the apposition."""
        words = doc.words
        budget = 15  # words of the apposition, not counting those inside names
        for k in range(comma - 1, max(-1, comma - 60), -1):
            inside_name = state.cluster_at(k) is not None
            if not inside_name:
                budget -= 1
                if budget < 0:
                    return None
            if words[k] in ".;\n" or (
                doc.sent_starts[k] and k != comma - 1 and words[k][:1].isupper() and not inside_name
            ):
                return None
            if words[k] == "," and not inside_name:
                cluster = state.cluster_at(k - 1) if k > 0 else None
                return cluster if cluster is not None and cluster.type == "PERSON" else None
        return None

    @staticmethod
    def _introduces_speech(doc: DocView, k: int) -> bool:
        """A participle that reports speech takes a 'that' clause or a quotation."""
        return k < len(doc) and (doc.lower[k] == "that" or doc.words[k] in '"“:,')

    def _named_after(self, doc: DocView, state: DocState, k: int, persons: list[Span]) -> Cluster | None:
        cluster = state.cluster_at(k) if k < len(doc) else None
        if cluster is not None and cluster.type == "PERSON":
            return cluster
        for (start, end), person in state.title_bindings.items():
            if start <= k < end or (k < len(doc) and doc.lower[k] == "the" and start == k + 1):
                return person
        anaphor = self._anaphor_starting_at(doc, k)
        if anaphor is not None:
            if anaphor[0] in ("a", "an"):
                return self._next_person(state, persons, k) or self._last_person(state, persons, k)
            return self._last_person(state, persons, k)
        return None

    @staticmethod
    def _bound_title_before(state: DocState, i: int) -> Cluster | None:
        best = None
        for (_start, end), person in state.title_bindings.items():
            if end <= i and (best is None or end > best[0]):
                best = (end, person)
        return best[1] if best is not None and i - best[0] <= 8 else None

    @staticmethod
    def _title_ending_at(state: DocState, end: int) -> Cluster | None:
        for (_, phrase_end), person in state.title_bindings.items():
            if phrase_end == end:
                return person
        return None

    def _anaphor_ending_at(self, doc: DocView, j: int) -> tuple[str, ...] | None:
        for words in self.anaphors:
            n = len(words)
            if j - n + 1 >= 0 and tuple(doc.lower[j - n + 1 : j + 1]) == words:
                return words
        return None

    def _anaphor_starting_at(self, doc: DocView, k: int) -> tuple[str, ...] | None:
        for words in self.anaphors:
            if tuple(doc.lower[k : k + len(words)]) == words:
                return words
        return None

    def _subject_later(self, doc: DocView, state: DocState, i: int, persons: list[Span]) -> Cluster | None:
        """``Saying that ..., the official said``: the subject of the main clause."""
        sentence = doc.sentence(i)
        for k in range(i + 1, sentence.end):
            cue, _ = self._cue_at(doc, k)
            if cue is not None and not cue.endswith(PARTICIPLE_SUFFIX):
                return self._speaker(doc, state, k, k + 1, cue, persons, None, None)
        return None

    @staticmethod
    def _last_person(state: DocState, persons: list[Span], i: int) -> Cluster | None:
        before = [s for s in persons if s.end <= i]
        return state.cluster_at(before[-1].start) if before else None

    @staticmethod
    def _next_person(state: DocState, persons: list[Span], i: int) -> Cluster | None:
        after = [s for s in persons if s.start >= i]
        return state.cluster_at(after[0].start) if after else None

    @staticmethod
    def _content(doc: DocView, i: int, cue_end: int, sentence: Sentence) -> str:
        after = doc.span_text(cue_end, sentence.end).strip(" ,:")
        before = doc.span_text(sentence.start, i).strip(" ,")
        text = after if len(after) >= len(before) else before
        if text.lower().startswith("that "):
            text = text[5:]
        return text


@Language.factory("newskg_statements", assigns=["doc._.newskg"], requires=["doc.ents"])
def make_statements(nlp: Language, name: str) -> StatementFinder:
    return StatementFinder(load_lexicon())
