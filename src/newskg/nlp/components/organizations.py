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
from spacy.tokens import Doc, Span

from ..gazetteers import load_gazetteer
from ..lexicon import Lexicon, load_lexicon
from ..state import Candidate, DocState, state_of, view_of
from ..text import DocView, clean_name, is_capitalised

POSSESSIVE = ("’s", "'s")
YEAR = re.compile(r"\A(?:19|20)\d\d\Z")


class OrganizationFinder:
    """Marks organisation names found by their head words."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.gazetteer = load_gazetteer()

    def _is_name_word(self, doc: DocView, i: int) -> bool:
        token = doc[i]
        if token.text in ("-", "&") and 0 < i < len(doc) - 1:
            return (is_capitalised(doc[i + 1]) and token.whitespace_ == "") or token.text == "&"
        return is_capitalised(token) and token.text not in POSSESSIVE

    def _continues(self, doc: DocView, i: int) -> bool:
        """Whether token i may sit inside a name: a capitalised word, a connector or a list comma."""
        token = doc[i]
        if self._is_name_word(doc, i):
            return True
        if (
            token.lower_ in ("and", "of", "for", "&", "on")
            and i + 1 < len(doc)
            and is_capitalised(doc[i + 1])
        ):
            return True
        if token.text == "," and i + 1 < len(doc) and i > 0 and is_capitalised(doc[i - 1]):
            nxt = doc[i + 1]
            return is_capitalised(nxt) or (
                nxt.lower_ == "and" and i + 2 < len(doc) and is_capitalised(doc[i + 2])
            )
        if token.lower_ == "the" and i > 0 and doc[i - 1].lower_ == "of":
            return i + 1 < len(doc) and is_capitalised(doc[i + 1])
        return False

    def _stops_left(self, token_text: str) -> bool:
        lower = token_text.lower()
        return (
            token_text in self.lexicon.stop_name_words
            or self.lexicon.is_title_word(lower)
            or lower in self.lexicon.title_modifiers
        )

    def __call__(self, doc: Doc) -> Doc:
        self._run(view_of(doc))
        return doc

    def _run(self, doc: DocView) -> None:
        state = state_of(doc)
        heads = self.lexicon.org_heads | self.lexicon.event_heads | self.lexicon.program_heads
        i = 0
        while i < len(doc):
            token = doc[i]
            if token.text in heads and is_capitalised(token):
                end = self._extend_right(doc, i + 1)
                if token.text in self.lexicon.event_heads and end < len(doc) and YEAR.match(doc[end].text):
                    end += 1  # "Iran Expo 2024"
                start = self._extend_left(doc, i)
                if start < i or end > i + 1:
                    self._add(doc, state, doc[start:end], head=token.text)
                i = end
                continue
            if token.lower_ == "ministry" and i > 0 and doc[i - 1].is_lower:
                self._add_lower_ministry(doc, state, i)
            elif self._is_bare_acronym_of_post(doc, i):
                state.add(
                    Candidate(i, i + 1, "ORG", "acronym_before_post", priority=50, canonical=token.text)
                )
            i += 1
        return

    def _is_bare_acronym_of_post(self, doc: DocView, i: int) -> bool:
        """An undefined acronym written as an organisation: ``ISIPO head``, ``head of ISIPO``."""
        text = doc[i].text
        if not (3 <= len(text) <= 8 and text.isalpha() and text.isupper()) or (
            doc[i].is_sent_start and i == 0
        ):
            return False
        after = doc[i + 1].lower_ if i + 1 < len(doc) else ""
        after2 = doc[i + 2].lower_ if i + 2 < len(doc) else ""
        before = [t.lower_ for t in doc[max(0, i - 3) : i]]
        titled_after = self.lexicon.is_title_word(after) or (
            after in self.lexicon.title_modifiers and self.lexicon.is_title_word(after2)
        )
        titled_before = (
            len(before) >= 2 and before[-1] in ("of", "at") and self.lexicon.is_title_word(before[-2])
        )
        return titled_after or titled_before

    def _extend_right(self, doc: DocView, end: int) -> int:
        """Take an ``of ...`` tail: ``Fund of Iran``, ``Ministry of Industry, Mine and Trade``."""
        if end + 1 < len(doc) and doc[end].lower_ == "of":
            j = end + 1
            if j < len(doc) and doc[j].lower_ == "the":
                j += 1
            if j < len(doc) and is_capitalised(doc[j]) and not self._stops_left(doc[j].text):
                k = j
                while (
                    k < len(doc)
                    and self._continues(doc, k)
                    and not (k > j and doc[k].text in self.lexicon.org_heads)
                ):
                    if doc[k].text == "(":
                        break
                    k += 1
                while k > j and not self._is_name_word(doc, k - 1):
                    k -= 1
                return k
        return end

    def _extend_left(self, doc: DocView, head: int) -> int:
        start = head
        while start > 0 and self._continues(doc, start - 1):
            prev = doc[start - 1]
            if prev.is_sent_start and prev.text in self.lexicon.stop_name_words:
                break
            if self._stops_left(prev.text):
                break
            if prev.text == "," and start >= 2 and doc[start - 2].text in self.lexicon.org_heads:
                break  # "X Department, and Y Department" are two organisations
            start -= 1
        while start < head and not self._is_name_word(doc, start):
            start += 1
        return start

    def _add(self, doc: DocView, state: DocState, span: Span, *, head: str) -> None:
        name = clean_name(span.text)
        if head in self.lexicon.event_heads or head in self.lexicon.program_heads:
            etype = "EVENT" if head in self.lexicon.event_heads else "PROGRAM"
            state.add(
                Candidate(span.start, span.end, etype, "named_by_head_word", priority=70, canonical=name)
            )
            return
        etype = "NEWS_AGENCY" if head == "Agency" and "News" in name.split() else "ORG"
        canonical = name
        if head == "Ministry" or name.startswith("Ministry "):
            ministry = self.gazetteer.ministry_for(name.replace("Ministry", " "))
            if ministry is not None:
                canonical = ministry.canonical
        elif head in ("Department", "Office", "Organization", "Council") and span.start >= 2:
            owner = self._possessor(doc, state, span.start)
            if owner:
                canonical = f"{name} of {owner}"
        state.add(Candidate(span.start, span.end, etype, "org_head_word", priority=70, canonical=canonical))

    def _possessor(self, doc: DocView, state: DocState, start: int) -> str | None:
        """``Kerman's Department`` -> Kerman's province; ``the province's Department`` -> the last
        province named before it."""
        if doc[start - 1].text not in POSSESSIVE:
            return None
        owner_end = start - 1
        if doc[owner_end - 1].lower_ == "province":
            earlier = [c for c in state.candidates if c.kind == "province" and c.end <= owner_end - 1]
            return max(earlier, key=lambda c: c.start).canonical if earlier else None
        owner_start = owner_end - 1
        while (owner_start > 0 and is_capitalised(doc[owner_start - 1])) or (
            owner_start > 1 and doc[owner_start - 1].text == "-"
        ):
            owner_start -= 1
        places = self.gazetteer.places_named(doc[owner_start:owner_end].text)
        provinces = [p for p in places if p.kind == "province"]
        chosen = provinces or places
        return chosen[0].canonical if chosen else None

    def _add_lower_ministry(self, doc: DocView, state: DocState, i: int) -> None:
        start = i - 1
        while (
            start > 0
            and (doc[start - 1].is_lower or doc[start - 1].text == ",")
            and doc[start - 1].lower_ != "the"
        ):
            if self.gazetteer.ministry_for(doc[start - 1].text) is None and doc[start - 1].text not in (
                ",",
                "and",
            ):
                break
            start -= 1
        while start < i and doc[start].text in (",", "and"):
            start += 1
        words = doc[start:i].text
        ministry = self.gazetteer.ministry_for(words)
        if ministry is None:
            return
        state.add(
            Candidate(start, i + 1, "ORG", "org_lower_ministry", priority=70, canonical=ministry.canonical)
        )


@Language.factory("newskg_organizations", assigns=["doc._.newskg"])
def make_organizations(nlp: Language, name: str) -> OrganizationFinder:
    return OrganizationFinder(load_lexicon())
