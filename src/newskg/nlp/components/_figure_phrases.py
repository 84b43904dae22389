"""The noun phrases a figure's meaning is read from: ``idle industrial units``, ``tons of
saffron``, ``the total non-oil exports ($41.37 billion)``.

Why a module of its own: what a figure counts is nearly always a noun phrase right after it, after
its ``of``, or right before a bracket, ``worth`` or ``by``, and the clause-subject rules look for the
same phrases; this is the one place that decides where such a phrase starts and ends. It works
from word classes (the English word list) and the figure words of ``rules/figures.json``, with no
parser.
"""

from __future__ import annotations

from .. import extensions as ext
from .._lexicon_topics import Figures
from ..facts import Entities
from ..text import POSSESSIVES, DocView, Sentence
from ..vocabulary import EnglishWords
from ._figure_reading import NUMBER

MAX_WHAT = 8
"""About the most words a figure's meaning runs to: the scans for its phrase stop near it."""
BOUNDARY = ',;:()“”"‘’'
"""Punctuation that a figure's phrase, and the clause it is read from, do not run across."""


class NounPhrases:
    """Finds the noun phrase after or before a token, and tells nouns from verbs by word class."""

    def __init__(self, figures: Figures, english: EnglishWords) -> None:
        self.figures = figures
        self.english = english

    def is_change_noun(self, doc: DocView, span: tuple[int, int]) -> bool:
        return doc.lower[span[1] - 1] in self.figures.change_nouns

    def is_plain_noun(self, word: str) -> bool:
        """A word that can only be a noun (or an unknown word): ``containers``, not ``handled``."""
        lower = word.lower()
        figures = self.figures
        if lower in figures.time_units or lower in figures.change_nouns or lower in figures.worth_firsts:
            return False
        pos = self.pos(word)
        return word.isalpha() and (pos == frozenset({"n"}) or (not pos and word[:1].islower()))

    def noun_phrase_after(
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
            pos = self.pos(word)
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
            glued = k + 2 < end_limit and words[k + 1] == "-" and not doc.spaces[k] and not doc.spaces[k + 1]
            if glued and word.isalpha() and words[k + 2][:1].isalpha():
                k += 1  # "non-oil", "state-run", "in-place": the first part of a compound modifier
                continue
            if (
                k > start + 1
                and words[k - 1] == "-"
                and word.isalpha()
                and k + 1 < end_limit
                and self._modifier_or_noun(words[k + 1])
                and "f" not in self.pos(words[k + 1])
            ):
                k += 1  # "buy-back contract", "built-up area": a compound's last part modifies
                continue
            if not word[:1].isalpha() or "f" in pos or (low in figures.time_units and head < 0):
                break
            if low in figures.worth_firsts or low in figures.pronouns:
                break
            if k == start and self._participle_modifier(doc, k, end_limit):
                k += 1  # "15 neighbouring countries", "120 producing wells"
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
            if NUMBER.match(words[k]):
                while k + 2 < limit and words[k + 1] == "-" and not doc.spaces[k] and not doc.spaces[k + 1]:
                    k += 2  # "a 250-room resort", "a 2.8-billion-euro project": the compound modifier
                k += 1
            elif lower[k] in self.figures.determiners or lower[k] in POSSESSIVES:
                k += 1
            elif k + 1 < limit and words[k][:1].isupper() and lower[k + 1] in POSSESSIVES:
                k += 2
            else:
                possessed = self._after_possessor(doc, k, limit)
                if possessed == k:
                    break
                k = possessed
        return k

    def _after_possessor(self, doc: DocView, k: int, limit: int) -> int:
        """Past a possessor of up to three words (``the province's``, ``the free zone's``,
        ``farmers'``): what is counted is the thing possessed, not its owner; k when none starts at k."""
        words = doc.words
        for end in range(k + 1, min(limit - 1, k + 4)):
            previous = words[end - 1]
            if not previous.isalpha() or not self._modifier_or_noun(previous):
                return k
            mark = words[end]
            if doc.spaces[end - 1]:
                continue
            if mark.lower() in POSSESSIVES or (mark in ("’", "'") and previous.endswith("s")):
                return end + 1
        return k

    def _participle_modifier(self, doc: DocView, k: int, limit: int) -> bool:
        """``neighbouring`` in ``15 neighbouring countries``, ``allocated`` in ``310 hectares of
        allocated land``: a verb form right before a noun, at the start of a noun phrase, modifies it."""
        word = doc.words[k]
        # "of allocated land", "the approved amount": a past participle after "of" or an article too
        after_article = k > 0 and (
            doc.lower[k - 1] == "of"
            or doc.lower[k - 1] in self.figures.determiners
            or doc.words[k - 1] in POSSESSIVES  # "the project's estimated cost"
        )
        participle = word.endswith("ing") or (word.endswith("ed") and after_article)
        if not (word.islower() and participle and "v" in self.pos(word)) or k + 1 >= limit:
            return False
        following = doc.words[k + 1]
        return following.isalpha() and "n" in self.pos(following) and "f" not in self.pos(following)

    def _modifier_or_noun(self, word: str) -> bool:
        pos = self.pos(word)
        if "f" in pos:
            return False
        if pos & {"n", "a"}:
            return True
        lower = word.lower()
        # An unknown word is a name or a rare noun, unless it looks like a verb form (materialized);
        # a capitalised one is a name however it ends ("Boeing").
        return (
            not pos
            and word.replace("-", "").isalpha()
            and (word[:1].isupper() or not lower.endswith(("ed", "ing", "ly")))
        )

    def pos(self, word: str) -> frozenset[str]:
        return self.english.pos(word)

    def noun_phrase_before(self, doc: DocView, end: int) -> tuple[int, int] | None:
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
        if start >= end or ("n" not in self.pos(last) and self.pos(last)):
            return None
        return start, end

    def _past_tense_verb(self, doc: DocView, k: int) -> bool:
        """``received`` in ``startups received loans``: an ``-ed`` verb right after a plural noun."""
        before = doc.lower[k - 1] if k > 0 else ""
        return (
            doc.lower[k].endswith("ed")
            and "v" in self.pos(doc.words[k])
            and before.endswith("s")
            and "n" in self.pos(before)
        )


def ext_entity(doc: DocView, span: tuple[int, int]) -> bool:
    """Whether the words are an entity's name (``Oman``), not a common noun phrase."""
    entities: Entities = ext.get(doc.doc, ext.ENTITIES)
    return all(entities.at(k) is not None for k in range(*span))
