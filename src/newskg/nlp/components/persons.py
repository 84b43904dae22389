"""``newskg_persons``: personal names, found by the company they keep rather than by a name list.

A run of two to four capitalised words is a name when the text vouches for it: a title before it
(``Head``, ``Governor``, ``deputy industry minister``), a speech verb after it (``..., Ali Rasoulian
said``), ``according to`` before it, or an apposition after it (``..., the deputy head of ...``).
Later uses of the surname alone (``Salehinia``) or of a shorter form (``Asghar Mosaheb`` for
``Ali-Asghar Mosaheb``) are the same person.
"""

from __future__ import annotations

from itertools import compress

from spacy.language import Language
from spacy.tokens import Doc

from ..gazetteers import Gazetteer, load_gazetteer
from ..lexicon import Lexicon, load_lexicon
from ..memo import Memo
from ..state import Candidate, DocState, state_of
from ..text import DocView, indexes_of, is_all_caps, is_capitalised

MAX_WORDS = 4


class PersonFinder:
    """Marks personal names vouched for by titles, speech verbs and appositions."""

    def __init__(self, lexicon: Lexicon, gazetteer: Gazetteer) -> None:
        self.lexicon = lexicon
        self.adverbs = lexicon.cue_adverbs
        self.gazetteer = gazetteer
        self.speech_first_words = {cue.split()[0] for cue in lexicon.speech_verbs}
        # Whether a word may be part of a name depends on the word alone: decide each word once.
        self.is_name_word: Memo[bool] = Memo(self._is_name_word)

    def __call__(self, doc: Doc) -> Doc:
        state = state_of(doc)
        self._run(state.view_of(doc), state)
        return doc

    def _run(self, doc: DocView, state: DocState) -> None:
        taken = self._taken(state)
        names = list(map(self.is_name_word.__getitem__, doc.words))
        lower_words: set[str] | None = None
        found: dict[str, list[tuple[int, int]]] = {}
        i = 0
        # A run of name words starts with one: other tokens would only step ahead by one.
        for k in indexes_of(names, True):
            if k < i:
                continue
            i = k
            end = self._name_end(doc, names, i, taken)
            if end - i < 2 or _word_count(doc.words, i, end) < 2:
                i += 1
                continue
            words = [w for w in doc.words[i:end] if w != "-"]
            if self._ends_a_list(doc, i):
                i += 1  # "Industry, Mine and Trade Reza Fatemi Amin": the name starts after "Trade"
                continue
            if lower_words is None:  # words also written in lower case: "Development", "development"
                lower_words = set(compress(doc.lower, map(str.islower, doc.words)))
            if all(w.lower() in lower_words for w in words):
                i = end
                continue
            if self._vouched(doc, i, end, taken):
                found.setdefault(_surname(doc, i, end), []).append((i, end))
            i = end
        self._add_people(doc, names, state, found, taken)
        return

    def _ends_a_list(self, doc: DocView, i: int) -> bool:
        """A sector or organisational word closing a capitalised list is no first name."""
        word = doc.words[i]
        after_list = i > 0 and doc.lower[i - 1] in ("and", "&", ",")
        if not after_list:
            return False
        return word in self.lexicon.org_heads or self.gazetteer.ministry_for(word) is not None

    @staticmethod
    def _taken(state: DocState) -> set[int]:
        return {k for c in state.candidates for k in range(c.start, c.end)}

    def _is_name_word(self, text: str) -> bool:
        if not is_capitalised(text) or is_all_caps(text) or not text.replace("'", "").isalpha():
            return False
        lower = text.lower()
        return (
            text not in self.lexicon.stop_name_words
            and text not in self.lexicon.honorifics
            and not self.lexicon.is_title_word(lower)
            and lower not in self.lexicon.title_modifiers
            and text not in self.lexicon.months
        )

    def _name_end(self, doc: DocView, names: list[bool], i: int, taken: set[int]) -> int:
        """End of the longest run of name words starting at i (hyphens join parts of one word)."""
        words, spaces = doc.words, doc.spaces
        n = len(words)
        particles = self.lexicon.name_particles
        j = i
        while j < n and j not in taken:
            if names[j] or (j > i and doc.lower[j] in particles):
                j += 1
                if j + 1 < n and words[j] == "-" and not spaces[j - 1] and not spaces[j] and names[j + 1]:
                    j += 1
                continue
            break
        return j if j - i <= MAX_WORDS or _word_count(words, i, j) <= MAX_WORDS else i

    def _vouched(self, doc: DocView, start: int, end: int, taken: set[int]) -> bool:
        return (
            self._title_before(doc, start, taken)
            or self._cue_after(doc, end)
            or self._apposition_after(doc, end)
        )

    def _title_before(self, doc: DocView, start: int, taken: set[int]) -> bool:
        if start == 0:
            return False
        lower, is_title_word = doc.lower, self.lexicon.is_title_word
        prev = lower[start - 1]
        if is_title_word(prev) or doc.words[start - 1] in self.lexicon.honorifics:
            return True
        if prev == "to" and start >= 2 and lower[start - 2] == "according":
            return True
        if prev in ("quoting", "by") or (prev == "," and start >= 2 and lower[start - 2] == "said"):
            return True
        if prev == "," and start >= 2:  # "The spokesman of X, Ahmad Rezaei, said"
            budget = 10
            for k in range(start - 2, max(-1, start - 40), -1):
                if k in taken:
                    continue  # commas inside a name: "Chamber of Commerce, Industries, Mines"
                budget -= 1
                if budget < 0:
                    return False
                if doc.words[k] in ",.;" or (doc.sent_starts[k] and k < start - 2):
                    return is_title_word(lower[k]) if doc.sent_starts[k] else False
                if is_title_word(lower[k]) and lower[k] != "official":
                    return True
        return False

    def _cue_after(self, doc: DocView, end: int) -> bool:
        lower = doc.lower
        n = len(lower)
        j = end
        while j < n and j < end + 4 and lower[j] in self.adverbs:
            j += 1
        return j < n and lower[j] in self.speech_first_words

    def _apposition_after(self, doc: DocView, end: int) -> bool:
        if end >= len(doc.words) or doc.words[end] != ",":
            return False
        for k in range(end + 1, min(len(doc.words), end + 9)):
            lower = doc.lower[k]
            if (self.lexicon.is_title_word(lower) and lower != "official") or lower in ("deputy", "acting"):
                return True
            if doc.words[k] in ",.;":
                return False
        return False

    def _add_people(
        self,
        doc: DocView,
        names: list[bool],
        state: DocState,
        found: dict[str, list[tuple[int, int]]],
        taken: set[int],
    ) -> None:
        """Add every use of each vouched-for name: full forms, shorter forms and the surname alone."""
        canonical_for: dict[str, str] = {}
        for surname, spans in found.items():
            forms = sorted({doc.span_text(s, e) for s, e in spans}, key=lambda f: (-len(f), f))
            canonical_for[surname] = forms[0]
        if not canonical_for:
            return
        i = 0
        for k in indexes_of(names, True):
            if k < i or k in taken:
                continue
            i = k
            end = self._name_end(doc, names, i, taken)
            if end > i and self._ends_a_list(doc, i):
                continue
            if end > i:
                surname = _surname(doc, i, end)
                if surname in canonical_for:
                    state.add(
                        Candidate(i, end, "PERSON", "person", priority=65, canonical=canonical_for[surname])
                    )
                    i = end


def _word_count(words: list[str], start: int, end: int) -> int:
    """Words in tokens ``start:end``, a hyphenated name counting as one (``Ali-Asghar``)."""
    return sum(1 for k in range(start, end) if (words[k] != "-" and words[k - 1] != "-") or k == start)


def _surname(doc: DocView, start: int, end: int) -> str:
    k = end - 1
    while k - 2 >= start and doc.words[k - 1] == "-":
        k -= 2
    return doc.span_text(k, end)


@Language.factory("newskg_persons", assigns=["doc._.newskg"])
def make_persons(nlp: Language, name: str) -> PersonFinder:
    return PersonFinder(load_lexicon(), load_gazetteer())
