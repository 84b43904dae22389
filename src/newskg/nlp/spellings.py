"""Other spellings of Persian place names: the ones English news writes, not the ones GeoNames keeps.

GeoNames transliterates Persian one way (``Bandar-e 'Asaluyah``, ``Bojnurd``, ``Deylam``); news
agencies write the same places several other ways (``Asaluyeh``, ``Bojnourd``, ``Deilam``). The ways
are regular (a dropped ezafe, ``u`` as ``ou``, a final ``-ah`` as ``-eh``), so they are rules in
``rules/names_of_things.json`` rather than hand-listed names, and a respelling that is an English
word or a given name is never used: "Kong" is not a port and "Rahim" is not a town.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

MAX_ROUNDS = 4
"""Rules combine: ``Bandar-e 'Asaluyah`` -> ``Bandar-e Asaluyah`` -> ``Asaluyah`` -> ``Asaluyeh``
-> ``Assaluyeh``."""
MIN_LETTERS = 4
"""A one-word respelling shorter than this matches too much ordinary text."""


def respellings(name: str, rules: Iterable[tuple[re.Pattern[str], str]]) -> tuple[str, ...]:
    """Every spelling the rules give the name, alone and combined, in a stable order; not the name."""
    rules = tuple(rules)
    seen: dict[str, None] = {name: None}
    frontier = [name]
    for _round in range(MAX_ROUNDS):
        found = []
        for spelling in frontier:
            for pattern, replacement in rules:
                other = pattern.sub(replacement, spelling).strip()
                if other and other not in seen:
                    seen[other] = None
                    found.append(other)
        frontier = found
    return tuple(seen)[1:]


def usable_respellings(
    name: str,
    rules: Iterable[tuple[re.Pattern[str], str]],
    *,
    is_word: Callable[[str], bool],
    taken: Callable[[str], bool],
) -> tuple[str, ...]:
    """The respellings safe to match in text: no short or common word, nothing another place is called."""
    usable = []
    for spelling in respellings(name, rules):
        words = spelling.split()
        if len(words) == 1 and (len(spelling) < MIN_LETTERS or is_word(spelling)):
            continue
        if not words[0][:1].isupper() or taken(spelling):
            continue
        usable.append(spelling)
    return tuple(usable)
