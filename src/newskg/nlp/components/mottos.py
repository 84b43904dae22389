"""``newskg_mottos``: quoted mottos and slogans, e.g. the year named ``“Surge in Production”``.

A quotation of one to eight words counts when a cue (motto, slogan, named, year of ...) stands just
before it; every later use of the same words, quoted or not and in any case, is the same motto.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions as ext
from ..facts import Candidate
from ..lexicon import Lexicon, load_lexicon

QUOTED = re.compile(r"[\"“‘]([^\"“”‘’\n]{2,80}?)[\"”’]")


def motto_case(text: str, small_words: frozenset[str]) -> str:
    """Title case that keeps small words lower (``Surge in Production``)."""
    words = text.split()
    return " ".join(
        w if i and w.lower() in small_words else w[:1].upper() + w[1:] for i, w in enumerate(words)
    )


class MottoFinder:
    """Marks mottos introduced by a cue word, and their repetitions."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.things = lexicon.things
        cues = "|".join(re.escape(c) for c in sorted(lexicon.things.motto_cues, key=len, reverse=True))
        # The quotation follows the cue closely: "the motto of this year, “...”", "named “...”".
        self.cue = re.compile(rf"\b(?:{cues})\b", re.I)

    def __call__(self, doc: Doc) -> Doc:
        found: list[Candidate] = []
        self._find(doc, found)
        ext.extend(doc, ext.MOTTO_NAMES, found)
        return doc

    def _find(self, doc: Doc, found: list[Candidate]) -> None:
        text = ext.view_of(doc).text
        mottos: dict[str, str] = {}
        for match in QUOTED.finditer(text):
            words = match.group(1).split()
            if not 1 <= len(words) <= 8 or match.group(1).strip(" ,.") != match.group(1):
                continue
            window = text[max(0, match.start() - 60) : match.start()]
            if any(
                _fits(cue.group(0).lower(), window[cue.end() :], match.group(1), self.things.naming_verbs)
                for cue in self.cue.finditer(window)
            ):
                phrase = match.group(1)
                key = phrase.lower()
                if key not in mottos or (mottos[key].islower() and not phrase.islower()):
                    mottos[key] = phrase
        for key, phrase in mottos.items():
            canonical = (
                phrase if not phrase.islower() else motto_case(phrase, self.things.title_case_small_words)
            )
            for use in re.finditer(re.escape(key), text, flags=re.I):
                span = doc.char_span(use.start(), use.end(), alignment_mode="strict")
                if span is not None:
                    found.append(
                        Candidate(span.start, span.end, "MOTTO", "motto", priority=75, canonical=canonical)
                    )


def _fits(cue: str, gap: str, phrase: str, naming_verbs: frozenset[str]) -> bool:
    """A naming verb takes a capitalised name right after it (``named “X”``, ``named the year of``);
    motto and slogan allow a few words between (``the motto which is “...”``)."""
    words = gap.split()
    if len(gap) > 60 or any(c in gap for c in '."“”'):
        return False
    if cue in naming_verbs:
        if words and words[-1] == "as":  # "the year named by the Leader as 'boosting production'"
            return len(words) <= 10
        return len(words) <= 1 and phrase[:1].isupper()
    return len(words) <= 6


@Language.factory("newskg_mottos", assigns=[ext.attr(ext.MOTTO_NAMES)])
def make_mottos(nlp: Language, name: str) -> MottoFinder:
    return MottoFinder(load_lexicon())
