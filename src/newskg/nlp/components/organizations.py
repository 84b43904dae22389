"""``newskg_organizations``: names built on organisational head words.

``Iran Small Industries and Industrial Parks Organization``, ``Industry, Mining and Trade Ministry``,
``Ministry of Industry, Mine and Trade``, ``National Development Fund of Iran``, ``Economic
Headquarters``, and lower-case ministries (``the industry ministry``). A capitalised run of words is
an organisation when its last word (or the word before an ``of ...`` tail) is a head word such as
Organization, Ministry, Fund, Bank or Department. Ministries get one canonical name from the
ministry table, so every way of writing a ministry is one entity; a department written after a
place's possessive (``Kerman's Industry, Mining and Trade Department``) is that place's department.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ..gazetteers import load_gazetteer
from ..lexicon import Lexicon, load_lexicon
from ..state import Candidate, DocState, state_of
from ..text import DocView, clean_name, is_capitalised

POSSESSIVE = ("’s", "'s")
YEAR = re.compile(r"\A(?:19|20)\d\d\Z")


class OrganizationFinder:
    """Marks organisation names found by their head words."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.gazetteer = load_gazetteer()
        self.heads = lexicon.org_heads | lexicon.event_heads | lexicon.program_heads

    def _is_name_word(self, doc: DocView, i: int) -> bool:
        word = doc.words[i]
        if word in ("-", "&") and 0 < i < len(doc.words) - 1:
            return (is_capitalised(doc.words[i + 1]) and not doc.spaces[i]) or word == "&"
        return is_capitalised(word) and word not in POSSESSIVE

    def _continues(self, doc: DocView, i: int) -> bool:
        """Whether token i may sit inside a name: a capitalised word, a connector or a list comma."""
        words, lower = doc.words, doc.lower
        n = len(words)
        if self._is_name_word(doc, i):
            return True
        if lower[i] in ("and", "of", "for", "&", "on") and i + 1 < n and is_capitalised(words[i + 1]):
            return True
        if words[i] == "," and i + 1 < n and i > 0 and is_capitalised(words[i - 1]):
            return is_capitalised(words[i + 1]) or (
                lower[i + 1] == "and" and i + 2 < n and is_capitalised(words[i + 2])
            )
        if lower[i] == "the" and i > 0 and lower[i - 1] == "of":
            return i + 1 < n and is_capitalised(words[i + 1])
        return False

    def _stops_left(self, token_text: str) -> bool:
        lower = token_text.lower()
        return (
            token_text in self.lexicon.stop_name_words
            or self.lexicon.is_title_word(lower)
            or lower in self.lexicon.title_modifiers
        )

    def __call__(self, doc: Doc) -> Doc:
        state = state_of(doc)
        self._run(state.view_of(doc), state)
        return doc

    def _run(self, doc: DocView, state: DocState) -> None:
        words, lower = doc.words, doc.lower
        n = len(words)
        i = 0
        for k in self._candidates(doc):
            if k < i:
                continue  # inside a name already taken
            i = k
            word = words[i]
            if word in self.heads and is_capitalised(word):
                end = self._extend_right(doc, i + 1)
                if word in self.lexicon.event_heads and end < n and YEAR.match(words[end]):
                    end += 1  # "Iran Expo 2024"
                start = self._extend_left(doc, i)
                if start < i or end > i + 1:
                    self._add(doc, state, start, end, head=word)
                i = end
                continue
            if lower[i] == "ministry" and i > 0 and words[i - 1].islower():
                self._add_lower_ministry(doc, state, i)
            elif self._is_bare_acronym_of_post(doc, i):
                state.add(Candidate(i, i + 1, "ORG", "acronym_before_post", priority=50, canonical=word))
            i += 1
        return

    def _candidates(self, doc: DocView) -> list[int]:
        """Tokens that may start a rule: a head word, ``ministry`` or a short all-capital word."""
        heads = self.heads
        return [
            i
            for i, (word, lower) in enumerate(zip(doc.words, doc.lower, strict=True))
            if word in heads or lower == "ministry" or (word != lower and word.isupper())
        ]

    def _is_bare_acronym_of_post(self, doc: DocView, i: int) -> bool:
        """An undefined acronym written as an organisation: ``ISIPO head``, ``head of ISIPO``."""
        text = doc.words[i]
        if not (3 <= len(text) <= 8 and text.isalpha() and text.isupper()) or (doc.sent_starts[i] and i == 0):
            return False
        lower, n = doc.lower, len(doc.words)
        after = lower[i + 1] if i + 1 < n else ""
        after2 = lower[i + 2] if i + 2 < n else ""
        before = lower[max(0, i - 3) : i]
        titled_after = self.lexicon.is_title_word(after) or (
            after in self.lexicon.title_modifiers and self.lexicon.is_title_word(after2)
        )
        titled_before = (
            len(before) >= 2 and before[-1] in ("of", "at") and self.lexicon.is_title_word(before[-2])
        )
        return titled_after or titled_before

    def _extend_right(self, doc: DocView, end: int) -> int:
        """Take an ``of ...`` tail: ``Fund of Iran``, ``Ministry of Industry, Mine and Trade``."""
        words, lower = doc.words, doc.lower
        n = len(words)
        if end + 1 < n and lower[end] == "of":
            j = end + 1
            if j < n and lower[j] == "the":
                j += 1
            if j < n and is_capitalised(words[j]) and not self._stops_left(words[j]):
                k = j
                while (
                    k < n and self._continues(doc, k) and not (k > j and words[k] in self.lexicon.org_heads)
                ):
                    if words[k] == "(":
                        break
                    k += 1
                while k > j and not self._is_name_word(doc, k - 1):
                    k -= 1
                return k
        return end

    def _extend_left(self, doc: DocView, head: int) -> int:
        words = doc.words
        start = head
        while start > 0 and self._continues(doc, start - 1):
            prev = words[start - 1]
            if doc.sent_starts[start - 1] and prev in self.lexicon.stop_name_words:
                break
            if self._stops_left(prev):
                break
            if prev == "," and start >= 2 and words[start - 2] in self.lexicon.org_heads:
                break  # "X Department, and Y Department" are two organisations
            start -= 1
        while start < head and not self._is_name_word(doc, start):
            start += 1
        return start

    def _add(self, doc: DocView, state: DocState, start: int, end: int, *, head: str) -> None:
        name = clean_name(doc.span_text(start, end))
        if head in self.lexicon.event_heads or head in self.lexicon.program_heads:
            etype = "EVENT" if head in self.lexicon.event_heads else "PROGRAM"
            state.add(Candidate(start, end, etype, "named_by_head_word", priority=70, canonical=name))
            return
        etype = "NEWS_AGENCY" if head == "Agency" and "News" in name.split() else "ORG"
        canonical = name
        if head == "Ministry" or name.startswith("Ministry "):
            ministry = self.gazetteer.ministry_for(name.replace("Ministry", " "))
            if ministry is not None:
                canonical = ministry.canonical
        elif head in ("Department", "Office", "Organization", "Council") and start >= 2:
            owner = self._possessor(doc, state, start)
            if owner:
                canonical = f"{name} of {owner}"
        state.add(Candidate(start, end, etype, "org_head_word", priority=70, canonical=canonical))

    def _possessor(self, doc: DocView, state: DocState, start: int) -> str | None:
        """``Kerman's Department`` -> Kerman's province; ``the province's Department`` -> the last
        province named before it."""
        words = doc.words
        if words[start - 1] not in POSSESSIVE:
            return None
        owner_end = start - 1
        if doc.lower[owner_end - 1] == "province":
            earlier = [c for c in state.candidates if c.kind == "province" and c.end <= owner_end - 1]
            return max(earlier, key=lambda c: c.start).canonical if earlier else None
        owner_start = owner_end - 1
        while (owner_start > 0 and is_capitalised(words[owner_start - 1])) or (
            owner_start > 1 and words[owner_start - 1] == "-"
        ):
            owner_start -= 1
        places = self.gazetteer.places_named(doc.span_text(owner_start, owner_end))
        provinces = [p for p in places if p.kind == "province"]
        chosen = provinces or places
        return chosen[0].canonical if chosen else None

    def _add_lower_ministry(self, doc: DocView, state: DocState, i: int) -> None:
        words, lower = doc.words, doc.lower
        start = i - 1
        while (
            start > 0
            and (words[start - 1].islower() or words[start - 1] == ",")
            and lower[start - 1] != "the"
        ):
            if self.gazetteer.ministry_for(words[start - 1]) is None and words[start - 1] not in (",", "and"):
                break
            start -= 1
        while start < i and words[start] in (",", "and"):
            start += 1
        ministry = self.gazetteer.ministry_for(doc.span_text(start, i))
        if ministry is None:
            return
        state.add(
            Candidate(start, i + 1, "ORG", "org_lower_ministry", priority=70, canonical=ministry.canonical)
        )


@Language.factory("newskg_organizations", assigns=["doc._.newskg"])
def make_organizations(nlp: Language, name: str) -> OrganizationFinder:
    return OrganizationFinder(load_lexicon())
