"""What a personal name looks like in English news, word by word.

Names are read as *word groups*: tokens glued by hyphens without spaces (``Ali-Asghar``,
``Sa’d-Mohammadi``, ``Al-e``) count as one word of the name. A group is a *name part* when it is
capitalised, alphabetic and not a word names never contain (a title, a month, a sentence-initial
function word); a *particle* (``al``, ``bin``, ``Al-e``) or a *prefix* (``Seyyed``, ``Mir``) may stand
inside a name; a *given name* comes from the table derived from ``persian-names`` and other
packages (``newskg.nlp.vocabulary``); a *common word* is one English mostly writes in lower case.
"""

from __future__ import annotations

from typing import NamedTuple

from .lexicon import Lexicon
from .memo import Memo
from .text import is_all_caps, is_capitalised
from .vocabulary import EnglishWords, GivenNames


class Group(NamedTuple):
    """Tokens ``start:end`` written as one word (hyphens inside, no spaces)."""

    start: int
    end: int
    text: str


def hyphen_group_end(words: list[str], spaces: list[bool], k: int) -> int:
    """End of the word group starting at token k: ``Ali``, ``-``, ``Asghar`` is one word."""
    n = len(words)
    end = k + 1
    while (
        end + 1 < n
        and words[end] in ("-", "‐")
        and not spaces[end - 1]
        and not spaces[end]
        and words[end + 1][:1].isalpha()
        and words[end - 1][-1:].isalpha()
    ):
        end += 2
    return end


class NameModel:
    """Word-level tests for personal names, each decided once per word (memoised)."""

    def __init__(self, lexicon: Lexicon, given: GivenNames, english: EnglishWords) -> None:
        self.people = lexicon.people
        self.titles = lexicon.titles
        self.months = lexicon.figures.months
        self.given = given
        self.english = english
        self.is_part: Memo[bool] = Memo(self._is_part)
        self.is_given: Memo[bool] = Memo(self._is_given)
        self.is_common: Memo[bool] = Memo(self._is_common)
        self.is_name_word: Memo[bool] = Memo(self._is_name_word)
        """A name part, a particle or a prefix: a word that may stand inside a name."""

    def _is_part(self, text: str) -> bool:
        """A capitalised alphabetic word that may be part of a personal name."""
        if not is_capitalised(text) or (is_all_caps(text) and len(text) > 1):
            return False
        if not text.replace("’", "").replace("'", "").replace("-", "").isalpha():
            return False
        lower = text.lower()
        return (
            text not in self.people.never_in_names
            and text not in self.people.courtesy_titles
            and text not in self.months
            and lower not in self.titles.modifiers
            and (lower,) not in self.titles.posts
        )

    def _is_name_word(self, text: str) -> bool:
        return (
            self.is_part[text] or self.is_particle(text) or self.is_prefix(text) or self._glued_particle(text)
        )

    def _glued_particle(self, text: str) -> bool:
        """``al-Obeidi``, ``el-Sayed``: a lower-case particle hyphened to a name part goes on a name
        like a particle written apart (it never starts one)."""
        particle, hyphen, rest = text.partition("-")
        return bool(hyphen) and self.is_particle(particle) and self.is_part[rest]

    def is_particle(self, text: str) -> bool:
        return text in self.people.name_particles

    def folded(self, text: str) -> str:
        """A surname led by a particle, with the particle in lower case: ``Al-Saadi`` opening a
        sentence is the ``al-Saadi`` of the name written before."""
        particle, hyphen, rest = text.partition("-")
        if hyphen and rest and self.is_particle(particle):
            return f"{particle.lower()}-{rest}"
        return text

    def is_prefix(self, text: str) -> bool:
        return text in self.people.name_prefixes

    def _is_given(self, text: str) -> bool:
        """A given name of the table, or one built on Allah (``Rouhollah``, ``Nasrollah``)."""
        if self.given.is_given_name(text):
            return True
        lower = text.lower()
        return len(lower) >= 7 and lower.isalpha() and lower.endswith(self.people.theophoric_endings)

    def _is_common(self, text: str) -> bool:
        """A word English mostly writes in lower case (``Trade``, ``Development``); every part of a
        hyphenated word must be one."""
        parts = [p for p in text.replace("‐", "-").split("-") if p]
        return bool(parts) and all(self.english.is_common(p) for p in parts)

    def given_pair(self, first: str, second: str) -> bool:
        """``Gholam Hossein``, ``Mohammad Reza``: a compound given name written with a space."""
        return self.given.is_given_name_pair(first, second)
