"""``newskg_mottos``: quoted mottos and slogans, e.g. the year named ``“Surge in Production”``.

A quotation of one to twelve words counts when a cue (motto, slogan, named, year of ...) stands just
before it. Without quote marks, a motto is the capitalised phrase set off after a motto noun (``the
motto of the year, Controlling Inflation, Production Growth, guides ...``, ``the slogan is Surge in
Production``): capitalised words, small words between them, and a comma or colon only where a
capitalised word (or small words and one) follows. Every later use of the same words, quoted or not
and in any case, is the same motto.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions as ext
from ..facts import Candidate
from ..lexicon import Lexicon, load_lexicon
from ..vocabulary import GivenNames, load_given_names
from ..year_mottos import YearMotto, load_year_mottos

QUOTED = re.compile(r"[\"“‘]((?:[^\"“”‘’\n]|’(?=[A-Za-z])){2,80}?)[\"”’](?![A-Za-z])")
"""A quotation; an apostrophe inside a word (``People’s``) does not close it."""
CAPITALISED = r"[A-Z][\w’'-]*"
MAX_UNQUOTED_WORDS = 10
MAX_QUOTED_WORDS = 12
"""Mottos of Iranian years run to nine words: a quotation after a motto cue of up to this many."""
PASSIVE_AGENT = re.compile(r"\s+by\s+")
"""``named the year of X by the Leader``: where an unquoted motto gives way to who named it."""


def motto_case(text: str, small_words: frozenset[str]) -> str:
    """Title case that keeps small words lower (``Surge in Production``)."""
    words = text.split()
    return " ".join(
        w if i and w.lower() in small_words else w[:1].upper() + w[1:] for i, w in enumerate(words)
    )


class MottoFinder:
    """Marks mottos introduced by a cue word, and their repetitions."""

    def __init__(self, lexicon: Lexicon, given: GivenNames, year_mottos: tuple[YearMotto, ...]) -> None:
        self.things = lexicon.things
        self.known = _known_forms(year_mottos)
        """First word of a known motto's rendering (lower case) -> a pattern of the renderings it opens."""
        self.posts = lexicon.titles.posts
        self.given = given
        cues = "|".join(re.escape(c) for c in sorted(lexicon.things.motto_cues, key=len, reverse=True))
        # The quotation follows the cue closely: "the motto of this year, “...”", "named “...”".
        self.cue = re.compile(rf"\b(?:{cues})\b", re.I)
        self.unquoted_nouns = lexicon.things.unquoted_motto_cues
        nouns = "|".join(re.escape(c) for c in self.unquoted_nouns)
        small = "|".join(re.escape(w) for w in sorted(lexicon.things.title_case_small_words))
        step = rf"(?:\s+|[,:]\s+)(?:(?:{small})\s+)*{CAPITALISED}"
        # "the motto of the current year, X", "the slogan is X", "the motto: X"
        self.unquoted = re.compile(
            rf"\b(?:{nouns})(?:\s+[a-z]+){{0,4}}?(?:,|:|\s+is|\s+was)\s+(?P<motto>{CAPITALISED}(?:{step})*)"
        )
        # "under Economic Jihad, the motto of the current year", "Curbing Inflation, Growth of
        # Production is the motto of this year": the motto before its noun
        self.apposed = re.compile(
            rf"(?P<motto>{CAPITALISED}(?:{step})+)(?:,|\s+(?:is|was))\s+(?:the|a)\s+(?:{nouns})\b"
        )
        # "the current year has been named the year of National Production, Supporting Iranian Labor"
        self.apposed_noun = re.compile(rf"(?:,|\s+(?:is|was))\s+(?:the|a)\s+(?:{nouns})\b")
        """Where an apposed motto may end: the pattern before it is tried only when this is found."""
        self.year_of = re.compile(
            rf"\b(?:named|designated|dubbed)\s+(?:as\s+)?the\s+year\s+of\s+(?P<motto>{CAPITALISED}(?:{step})*)"
        )
        # 'the “Boosting Production” motto of the year': the noun right after the quotation
        self.noun_after = re.compile(rf"[\s”\"’]*(?:{nouns})\b")  # .match(text, end): anchored there

    def __call__(self, doc: Doc) -> Doc:
        found: list[Candidate] = []
        self._find(doc, found)
        ext.extend(doc, ext.MOTTO_NAMES, found)
        return doc

    def _find(self, doc: Doc, found: list[Candidate]) -> None:
        view = ext.view_of(doc)
        text = view.text
        mottos: dict[str, str] = {}
        for k in view.positions(self.known):
            match = self.known[view.lower[k]].match(text, view.starts[k])
            if match is not None and self._named_as_motto(text, match):
                phrase = match.group(0)
                if phrase.lower() not in mottos or mottos[phrase.lower()].islower():
                    mottos[phrase.lower()] = phrase
        for match in QUOTED.finditer(text):
            words = match.group(1).split()
            if not 1 <= len(words) <= MAX_QUOTED_WORDS or match.group(1).strip(" ,.") != match.group(1):
                continue
            window = text[max(0, match.start() - 60) : match.start()]
            if self.noun_after.match(text, match.end()) or any(
                _fits(cue.group(0).lower(), window[cue.end() :], match.group(1), self.things.naming_verbs)
                for cue in self.cue.finditer(window)
            ):
                phrase = match.group(1)
                key = phrase.lower()
                if key not in mottos or (mottos[key].islower() and not phrase.islower()):
                    mottos[key] = phrase
        # (the nouns are rare: looking for them as plain text first skips the pattern in most articles)
        unquoted = self.unquoted.finditer(text) if any(n in text for n in self.unquoted_nouns) else ()
        apposed = self.apposed.finditer(text) if unquoted and self.apposed_noun.search(text) else ()
        year_of = self.year_of.finditer(text) if "year of" in text else ()
        for match in (*unquoted, *apposed, *year_of):
            phrase = PASSIVE_AGENT.split(match.group("motto"))[0]  # "... and Capital by the Leader"
            known = self._known_at_start(phrase)
            if known:  # "the motto of the year, Production: Knowledge-Based, Job-Creating, Ardabil ..."
                mottos.setdefault(known.lower(), known)
                continue
            if self._may_be_unquoted_motto(phrase):
                mottos.setdefault(phrase.lower(), phrase)
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

    def _named_as_motto(self, text: str, match: re.Match[str]) -> bool:
        """A known motto's words count as written in title case (``Surge in Production``), or in
        any case right after a motto cue (``the motto of boosting production``); not when a
        capitalised word goes on after them."""
        after = text[match.end() : match.end() + 2]
        if after[:1] == " " and after[1:2].isupper():
            return False  # "the Innovation and Prosperity Fund": the words open a longer name
        small = self.things.title_case_small_words
        if all(w[:1].isupper() for w in match.group(0).split() if w.lower() not in small):
            return True
        window = text[max(0, match.start() - 60) : match.start()]
        return self.cue.search(window) is not None

    def _known_at_start(self, phrase: str) -> str:
        """The known motto a phrase opens with (its words as written), or ''."""
        first = re.split(r"[\s:,;-]", phrase, maxsplit=1)[0].lower()
        pattern = self.known.get(first)
        match = pattern.match(phrase) if pattern is not None else None
        return match.group(0) if match is not None else ""

    def _may_be_unquoted_motto(self, phrase: str) -> bool:
        """Two to ten words with no title or given name in them: "the motto of the year, President X
        said" sets off the speaker, and "the slogan, Tehran's ..." a possessive, not a motto."""
        words = phrase.replace(",", " ").replace(":", " ").split()
        return (
            2 <= len(words) <= MAX_UNQUOTED_WORDS
            and not phrase.endswith(("’s", "'s"))
            and not any((w.lower(),) in self.posts or self.given.is_given_name(w) for w in words)
        )


def _known_forms(year_mottos: tuple[YearMotto, ...]) -> dict[str, re.Pattern[str]]:
    """For each first word of a known rendering, one pattern of the renderings it opens, longest
    first, matched in any case, with any apostrophe and any run of spaces, and ending at a word's end."""
    by_first: dict[str, list[str]] = {}
    for motto in year_mottos:
        for form in motto.forms:
            first = re.split(r"[\s:,;-]", form, maxsplit=1)[0].lower()
            by_first.setdefault(first, []).append(form)
    return {
        first: re.compile(
            "(?:"
            + "|".join(_form_pattern(f) for f in sorted(forms, key=len, reverse=True))
            + r")(?![\w’'-])",
            re.I,
        )
        for first, forms in by_first.items()
    }


def _form_pattern(form: str) -> str:
    return r"\s+".join(re.escape(word).replace("'", "['’]") for word in form.split())


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
    return MottoFinder(load_lexicon(), load_given_names(), load_year_mottos())
