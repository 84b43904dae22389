"""The closed-class vocabulary the extraction rules use, loaded once from ``rules/*.json``.

One file per topic (people, titles, reporting verbs, names of things, figures), so that users can
extend titles or speech verbs without touching code and reviewers can read each list on its own.
Every key is checked as it is read; a malformed file fails with a message naming the file and key.
No word list lives in the code.

The topics' types are in ``_lexicon_topics``; reading and checking the files is ``_rule_files``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ._lexicon_topics import Figures, NamedThings, People, Reporting, Titles
from ._rule_files import read_figures, read_people, read_reporting, read_things, read_titles

RULE_FILES = ("people.json", "titles.json", "reporting.json", "names_of_things.json", "figures.json")


@dataclass(frozen=True, slots=True)
class Lexicon:
    people: People
    titles: Titles
    reporting: Reporting
    things: NamedThings
    figures: Figures


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read and check the shipped rule files (cached: they never change at run time)."""
    return Lexicon(
        people=read_people(),
        titles=read_titles(),
        reporting=read_reporting(),
        things=read_things(),
        figures=read_figures(),
    )
