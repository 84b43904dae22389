"""The country a nationality adjective names: ``Russian`` -> Russia, ``Iraqi`` -> Iraq, ``Chinese`` -> China.

English makes most of these adjectives from the country's name by a few endings (``-i``, ``-n``,
``-ian``, ``-ese``, ``-ish``; ``Afghan`` and ``Kazakh`` drop ``-stan``), so they are rewrite rules in
``rules/names_of_things.json``, and a rewrite counts only when it gives a country the gazetteer
knows. An adjective no rule resolves (``French``, ``Emirati``) is still recognised as a nationality
when English writes it capitalised and uses it as an adjective: its country is then unknown.
"""

from __future__ import annotations

from .gazetteers import Gazetteer, Place
from .memo import Memo
from .vocabulary import EnglishWords

UNKNOWN = ""
"""The country of a nationality adjective no rule resolves."""


class Nationalities:
    """Looks up the country of a capitalised word used as a nationality adjective."""

    def __init__(
        self, gazetteer: Gazetteer, english: EnglishWords, endings: tuple[tuple[str, str], ...]
    ) -> None:
        self.gazetteer = gazetteer
        self.english = english
        self.endings = endings
        self._country: Memo[str | None] = Memo(self._find, limit=4096)

    def country_of(self, word: str) -> str | None:
        """The canonical name of the country ``word`` is the adjective of; ``UNKNOWN`` for a
        nationality adjective of an unknown country; None when the word is no nationality adjective."""
        return self._country[word]

    def _find(self, word: str) -> str | None:
        if not word[:1].isupper() or not word.isalpha() or len(word) < 4:
            return None
        if self._country_named(word) is not None:
            return None  # a country's own name ("Iran President" is no adjective)
        for ending, replacement in self.endings:
            if ending and not word.endswith(ending):
                continue
            stem = word[: len(word) - len(ending)] if ending else word
            country = self._country_named(stem + replacement) if len(stem) > 2 else None
            if country is not None:
                return country.canonical
        if "a" in self.english.pos(word) and not self.english.is_common(word):
            return UNKNOWN  # "French", "Emirati"
        return None

    def _country_named(self, name: str) -> Place | None:
        return next((p for p in self.gazetteer.places_named(name) if p.kind == "country"), None)
