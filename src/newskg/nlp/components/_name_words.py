"""Which words a name is made of: capitalised words and their connectors, the words a name
stops at, words that describe a body, nationality adjectives and the start of a personal name.

Why a module of its own: every rule of ``newskg_organizations`` walks a capitalised run of words
left or right of something it knows (a head word, a lower-case organisation noun, a post), and
they must all agree where such a run may go on and where it stops (``Director General of X``, a
month, a sentence-initial ``The``, ``Reza Fatemi Amin`` after a ministry's name).
"""

from __future__ import annotations

from ..gazetteers import Gazetteer
from ..lexicon import Lexicon
from ..nationality import Nationalities
from ..text import POSSESSIVES, DocView, is_capitalised
from ..vocabulary import EnglishWords, GivenNames

PLURAL_POSSESSIVE = ("'", "’")


class NameWords:
    """Tells, token by token, whether a capitalised name may go on."""

    def __init__(
        self, lexicon: Lexicon, english: EnglishWords, given: GivenNames, gazetteer: Gazetteer
    ) -> None:
        self.lexicon = lexicon
        self.things = lexicon.things
        self.english = english
        self.given = given
        self.nationalities = Nationalities(gazetteer, english, lexicon.things.nationality_endings)
        self.particles = lexicon.people.name_particles

    def is_name_word(self, doc: DocView, i: int) -> bool:
        word = doc.words[i]
        if self.in_persian_link(doc, i):
            return True
        if word in ("-", "&") and 0 < i < len(doc.words) - 1:
            return (is_capitalised(doc.words[i + 1]) and not doc.spaces[i]) or word == "&"
        if word in PLURAL_POSSESSIVE and 0 < i < len(doc.words) - 1:
            return (
                doc.words[i - 1].endswith("s") and is_capitalised(doc.words[i + 1]) and not doc.spaces[i - 1]
            )
        if word in self.particles and i + 2 < len(doc.words) and doc.words[i + 1] == "-":
            return not doc.spaces[i] and is_capitalised(doc.words[i + 2])  # "Khatam al-Anbiya"
        return is_capitalised(word) and word not in POSSESSIVES

    def in_persian_link(self, doc: DocView, i: int) -> bool:
        """Token i is the hyphen or the particle of ``Qasr-e Shirin``: a Persian link glued to the
        capitalised word before it, with a capitalised word after."""
        words, spaces = doc.words, doc.spaces
        k = i if words[i] == "-" else i - 1  # the hyphen
        if not (
            k >= 1
            and k + 2 < len(words)
            and i in (k, k + 1)
            and words[k] == "-"
            and words[k + 1] in self.lexicon.people.ezafe_particles
            and not spaces[k - 1]
            and not spaces[k]
            and is_capitalised(words[k - 1])
        ):
            return False
        if is_capitalised(words[k + 2]):
            return True  # "Qasr-e Shirin"
        return (  # "Gol-e-Gohar": hyphens on both sides of the link
            words[k + 2] == "-"
            and k + 3 < len(words)
            and not spaces[k + 1]
            and not spaces[k + 2]
            and is_capitalised(words[k + 3])
        )

    def continues(self, doc: DocView, i: int) -> bool:
        """Whether token i may sit inside a name: a capitalised word, a connector or a list comma."""
        words, lower = doc.words, doc.lower
        n = len(words)
        if self.is_name_word(doc, i):
            return True
        if (
            lower[i] in self.things.name_connectors
            and i + 1 < n
            and is_capitalised(words[i + 1])
            and lower[i] != "in"
        ):
            return True
        if words[i] == "," and i + 1 < n and i > 0 and is_capitalised(words[i - 1]):
            return is_capitalised(words[i + 1]) or (
                lower[i + 1] == "and" and i + 2 < n and is_capitalised(words[i + 2])
            )
        if lower[i] == "the" and i > 0 and lower[i - 1] == "of":
            return i + 1 < n and is_capitalised(words[i + 1])
        return False

    def stops_left(self, doc: DocView, k: int) -> bool:
        """A word a name does not extend left over: a title, a month, a sentence-initial function word.

        The organisation rules walk the same runs of words, so each token's answer is kept on the view."""
        key = (self.stops_left, k)
        known: bool | None = doc.answers.get(key)
        if known is None:
            known = doc.answers[key] = self._stops_left(doc, k)
        return known

    def _stops_left(self, doc: DocView, k: int) -> bool:
        word, lower = doc.words[k], doc.lower[k]
        titles = self.lexicon.titles
        for start in range(max(0, k - titles.longest_post + 1), k + 1):
            if doc.lower[start] not in titles.post_starts:
                continue
            base, end = titles.post_at(doc.lower, start)
            if base is not None and end > k:
                return True  # a post word, or the end of one: "Director General of X"
        if lower in titles.modifiers and not self._modifier_inside_name(doc, k):
            return True  # (a courtesy title or a month may belong to a name: "Shahid Rajaee Port")
        if doc.sent_starts[k] or (k > 0 and doc.words[k - 1] in '“"‘('):
            pos = self.english.pos(word)
            return "f" in pos or "r" in pos or ("v" in pos and "n" not in pos)
        return False

    def _modifier_inside_name(self, doc: DocView, k: int) -> bool:
        """``New`` in ``Pardis New Town Development Company``, ``Vice`` in ``the Vice Presidency``: a
        capitalised modifier before a body's head word, or between capitalised words with no post
        word after it, is a word of the name (``ISIPO New Head`` is a modifier of the post)."""
        words, lower = doc.words, doc.lower
        titles = self.lexicon.titles
        if not (0 < k < len(words) - 1 and words[k].istitle() and is_capitalised(words[k + 1])):
            return False
        if words[k + 1] in self.lexicon.things.organisation_heads:
            return True  # "the Vice Presidency for Science": the modifier opens the body's name
        return (
            is_capitalised(words[k - 1])
            and lower[k + 1] not in titles.post_starts
            and lower[k + 1] not in titles.modifiers
        )

    def describes(self, word: str) -> bool:
        """A word that can describe what a body does (``Industry``, ``Mining``, ``Small``), as the
        words of a name's list do (``Industry, Mining and Trade Ministry``)."""
        return self.english.is_common(word) or self.is_nationality(word)

    def is_nationality(self, word: str) -> bool:
        """``Iranian``, ``Iraqi``, ``Kazakh``: a country's adjective, or an adjective English writes
        capitalised."""
        return self.nationalities.country_of(word) is not None

    def starts_a_person(self, doc: DocView, k: int) -> bool:
        word = doc.words[k]
        return self.given.is_given_name(word) or word in self.lexicon.people.name_prefixes
