"""``newskg_mottos``: quoted mottos and slogans, e.g. the year named ``“Surge in Production”``.

A quotation of one to eight words counts when a cue (motto, slogan, named, year of ...) stands just
before it; every later use of the same words, quoted or not and in any case, is the same motto.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ..lexicon import Lexicon, load_lexicon
from ..state import Candidate, state_of, view_of

QUOTED = re.compile(r"[\"“‘]([^\"“”‘’\n]{2,80}?)[\"”’]")
SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"}


def motto_case(text: str) -> str:
    """Title case that keeps small words lower (``Surge in Production``)."""
    words = text.split()
    return " ".join(
        w if i and w.lower() in SMALL_WORDS else w[:1].upper() + w[1:] for i, w in enumerate(words)
    )


class MottoFinder:
    """Marks mottos introduced by a cue word, and their repetitions."""

    def __init__(self, lexicon: Lexicon) -> None:
        cues = "|".join(re.escape(c) for c in sorted(lexicon.motto_cues, key=len, reverse=True))
        # The quotation follows the cue closely: "the motto of this year, “...”", "named “...”".
        self.cue = re.compile(rf"\b(?:{cues})\b", re.I)

    def __call__(self, doc: Doc) -> Doc:
        text = view_of(doc).text
        mottos: dict[str, str] = {}
        for match in QUOTED.finditer(text):
            words = match.group(1).split()
            if not 1 <= len(words) <= 8 or match.group(1).strip(" ,.") != match.group(1):
                continue
            window = text[max(0, match.start() - 60) : match.start()]
            if any(
                _fits(cue.group(0).lower(), window[cue.end() :], match.group(1))
                for cue in self.cue.finditer(window)
            ):
                phrase = match.group(1)
                key = phrase.lower()
                if key not in mottos or (mottos[key].islower() and not phrase.islower()):
                    mottos[key] = phrase
        if not mottos:
            return doc
        state = state_of(doc)
        for key, phrase in mottos.items():
            canonical = phrase if not phrase.islower() else motto_case(phrase)
            for found in re.finditer(re.escape(key), text, flags=re.I):
                span = doc.char_span(found.start(), found.end(), alignment_mode="strict")
                if span is not None:
                    state.add(
                        Candidate(span.start, span.end, "MOTTO", "motto", priority=75, canonical=canonical)
                    )
        return doc


NAMING_VERBS = {"named", "called", "titled", "entitled", "dubbed"}


def _fits(cue: str, gap: str, phrase: str) -> bool:
    """A naming verb takes a capitalised name right after it (``named “X”``, ``named the year of``);
    motto and slogan allow a few words between (``the motto which is “...”``)."""
    words = gap.split()
    if len(gap) > 40 or any(c in gap for c in '."“”'):
        return False
    if cue in NAMING_VERBS:
        return len(words) <= 1 and phrase[:1].isupper()
    return len(words) <= 6


@Language.factory("newskg_mottos", assigns=["doc._.newskg"])
def make_mottos(nlp: Language, name: str) -> MottoFinder:
    return MottoFinder(load_lexicon())
