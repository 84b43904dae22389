"""``newskg_persons``: personal names, found by the company they keep rather than by a name list.

A run of two to four capitalised words is a name when the text vouches for it: a title before it
(``Head``, ``Governor``, ``deputy industry minister``), a speech verb after it (``..., Ali Rasoulian
said``), ``according to`` before it, or an apposition after it (``..., the deputy head of ...``).
Later uses of the surname alone (``Salehinia``) or of a shorter form (``Asghar Mosaheb`` for
``Ali-Asghar Mosaheb``) are the same person.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..gazetteers import Gazetteer, load_gazetteer
from ..lexicon import Lexicon, load_lexicon
from ..state import Candidate, DocState, state_of, view_of
from ..text import DocView, is_all_caps, is_capitalised

MAX_WORDS = 4


class PersonFinder:
    """Marks personal names vouched for by titles, speech verbs and appositions."""

    def __init__(self, lexicon: Lexicon, gazetteer: Gazetteer) -> None:
        self.lexicon = lexicon
        self.adverbs = lexicon.cue_adverbs
        self.gazetteer = gazetteer
        self.speech_first_words = {cue.split()[0] for cue in lexicon.speech_verbs}

    def __call__(self, doc: Doc) -> Doc:
        self._run(view_of(doc))
        return doc

    def _run(self, doc: DocView) -> None:
        state = state_of(doc)
        taken = self._taken(state)
        lower_words = {t.lower_ for t in doc if t.is_lower}
        found: dict[str, list[tuple[int, int]]] = {}
        i = 0
        while i < len(doc):
            end = self._name_end(doc, i, taken)
            if end - i < 2 or self._word_count(doc, i, end) < 2:
                i += 1
                continue
            words = [t.text for t in doc[i:end] if t.text != "-"]
            if self._ends_a_list(doc, i):
                i += 1  # "Industry, Mine and Trade Reza Fatemi Amin": the name starts after "Trade"
                continue
            if all(w.lower() in lower_words for w in words):
                i = end
                continue
            if self._vouched(doc, i, end, taken):
                found.setdefault(self._surname(doc, i, end), []).append((i, end))
            i = end
        self._add_people(doc, state, found, taken)
        return

    def _ends_a_list(self, doc: DocView, i: int) -> bool:
        """A sector or organisational word closing a capitalised list is no first name."""
        word = doc[i].text
        after_list = i > 0 and doc[i - 1].lower_ in ("and", "&", ",")
        if not after_list:
            return False
        return word in self.lexicon.org_heads or self.gazetteer.ministry_for(word) is not None

    @staticmethod
    def _taken(state: DocState) -> set[int]:
        return {k for c in state.candidates for k in range(c.start, c.end)}

    def _is_name_token(self, doc: DocView, i: int) -> bool:
        token = doc[i]
        text = token.text
        if not is_capitalised(token) or is_all_caps(token) or not text.replace("'", "").isalpha():
            return False
        lower = text.lower()
        return (
            text not in self.lexicon.stop_name_words
            and text not in self.lexicon.honorifics
            and not self.lexicon.is_title_word(lower)
            and lower not in self.lexicon.title_modifiers
            and text not in self.lexicon.months
        )

    def _name_end(self, doc: DocView, i: int, taken: set[int]) -> int:
        """End of the longest run of name words starting at i (hyphens join parts of one word)."""
        j = i
        while j < len(doc) and j not in taken:
            if self._is_name_token(doc, j) or (doc[j].lower_ in self.lexicon.name_particles and j > i):
                j += 1
                if (
                    j + 1 < len(doc)
                    and doc[j].text == "-"
                    and doc[j - 1].whitespace_ == ""
                    and doc[j].whitespace_ == ""
                    and self._is_name_token(doc, j + 1)
                ):
                    j += 1
                continue
            break
        return j if self._word_count(doc, i, j) <= MAX_WORDS else i

    @staticmethod
    def _word_count(doc: DocView, start: int, end: int) -> int:
        return sum(
            1 for k in range(start, end) if (doc[k].text != "-" and doc[k - 1].text != "-") or k == start
        )

    @staticmethod
    def _surname(doc: DocView, start: int, end: int) -> str:
        k = end - 1
        while k - 2 >= start and doc[k - 1].text == "-":
            k -= 2
        return doc[k:end].text

    def _vouched(self, doc: DocView, start: int, end: int, taken: set[int]) -> bool:
        return (
            self._title_before(doc, start, taken)
            or self._cue_after(doc, end)
            or self._apposition_after(doc, end)
        )

    def _title_before(self, doc: DocView, start: int, taken: set[int]) -> bool:
        if start == 0:
            return False
        prev = doc[start - 1]
        lower = prev.lower_
        if self.lexicon.is_title_word(lower) or prev.text in self.lexicon.honorifics:
            return True
        if lower == "to" and start >= 2 and doc[start - 2].lower_ == "according":
            return True
        if lower in ("quoting", "by") or (lower == "," and start >= 2 and doc[start - 2].lower_ == "said"):
            return True
        if lower == "," and start >= 2:  # "The spokesman of X, Ahmad Rezaei, said"
            budget = 10
            for k in range(start - 2, max(-1, start - 40), -1):
                if k in taken:
                    continue  # commas inside a name: "Chamber of Commerce, Industries, Mines"
                budget -= 1
                if budget < 0:
                    return False
                if doc[k].text in ",.;" or (doc[k].is_sent_start and k < start - 2):
                    return self.lexicon.is_title_word(doc[k].lower_) if doc[k].is_sent_start else False
                if self.lexicon.is_title_word(doc[k].lower_) and doc[k].lower_ != "official":
                    return True
        return False

    def _cue_after(self, doc: DocView, end: int) -> bool:
        j = end
        while j < len(doc) and j < end + 4 and doc[j].lower_ in self.adverbs:
            j += 1
        return j < len(doc) and doc[j].lower_ in self.speech_first_words

    def _apposition_after(self, doc: DocView, end: int) -> bool:
        if end >= len(doc) or doc[end].text != ",":
            return False
        for k in range(end + 1, min(len(doc), end + 9)):
            lower = doc[k].lower_
            if (self.lexicon.is_title_word(lower) and lower != "official") or lower in ("deputy", "acting"):
                return True
            if doc[k].text in ",.;":
                return False
        return False

    def _add_people(
        self, doc: DocView, state: DocState, found: dict[str, list[tuple[int, int]]], taken: set[int]
    ) -> None:
        """Add every use of each vouched-for name: full forms, shorter forms and the surname alone."""
        canonical_for: dict[str, str] = {}
        for surname, spans in found.items():
            forms = sorted({doc[s:e].text for s, e in spans}, key=lambda f: (-len(f), f))
            canonical_for[surname] = forms[0]
        if not canonical_for:
            return
        i = 0
        while i < len(doc):
            if i in taken:
                i += 1
                continue
            end = self._name_end(doc, i, taken)
            if end > i and self._ends_a_list(doc, i):
                i += 1
                continue
            if end > i:
                surname = self._surname(doc, i, end)
                if surname in canonical_for:
                    state.add(
                        Candidate(i, end, "PERSON", "person", priority=65, canonical=canonical_for[surname])
                    )
                    i = end
                    continue
            i += 1


@Language.factory("newskg_persons", assigns=["doc._.newskg"])
def make_persons(nlp: Language, name: str) -> PersonFinder:
    return PersonFinder(load_lexicon(), load_gazetteer())
