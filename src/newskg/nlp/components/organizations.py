"""``newskg_organizations``: names built on head words, and acronyms written as organisations.

A capitalised run of words is a name when its last word (or the word before an ``of ...`` tail) is
a head word (``rules/names_of_things.json``): an organisation (Organization, Ministry, Fund, Bank,
Company, Lines, Plant ...), a programme (Plan, Law, Movement ...), an event (Exhibition, Day,
Show ...) or a place (Sea, River, Free Zone ...). ``Iran Small Industries and Industrial Parks
Organization``, ``Textile and Clothing Office of the Ministry of Industry, Mine and Trade``,
``Seventh Development Plan``, ``Caspian Sea``. Ministries get one canonical name from the ministry
table, so every way of writing a ministry is one entity; a department written after a province's
possessive (``Kerman's Industry, Mining and Trade Department``) is that province's department.
An all-capital word used as a noun (``ISIPO head``, ``IRISL carried``) is an organisation unless
it is a common-noun acronym (GDP, VAT).

The rules are private modules beside this one: ``_head_word_names`` (names built on head words),
``_context_names`` (names their context makes an organisation, place or programme), both walking
words with ``_name_words``; this module runs them, finds organisation and programme acronyms, and
adds a trained pipeline's entities below every rule.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions as ext
from ..facts import Candidate
from ..gazetteers import Gazetteer, load_gazetteer
from ..lexicon import Lexicon, load_lexicon
from ..text import YEAR, DocView, clean_name, is_capitalised
from ..vocabulary import EnglishWords, GivenNames, load_english_words, load_given_names
from ._context_names import ContextNames
from ._head_word_names import HeadWordNames
from ._name_words import NameWords


class OrganizationFinder:
    """Marks names found by their head words, and organisation acronyms."""

    def __init__(
        self, lexicon: Lexicon, gazetteer: Gazetteer, english: EnglishWords, given: GivenNames
    ) -> None:
        self.lexicon = lexicon
        self.things = lexicon.things
        self.gazetteer = gazetteer
        self.english = english
        words = NameWords(lexicon, english, given, gazetteer)
        self.head_words = HeadWordNames(lexicon, gazetteer, english, words)
        self.context = ContextNames(lexicon, gazetteer, english, words)
        self.heads = self.head_words.heads
        self.occasions = {
            spelling: name for name, spellings in lexicon.things.occasions for spelling in spellings
        }
        self.occasion_starts = frozenset(
            re.split(r"[\s'’-]", s, maxsplit=1)[0].lower() for s in self.occasions
        )
        """The first words of the holidays: most articles have none, and the pattern is not run."""
        self.occasion_pattern = re.compile(
            r"(?<![\w-])(?:"
            + "|".join(re.escape(s) for s in sorted(self.occasions, key=len, reverse=True))
            + r")(?![\w-])"
        )
        self.head_lowers = (
            frozenset(head.lower() for head in self.heads)
            | {"ministry"}
            | {phrase[-1].lower() for phrase in self.things.qualified_place_heads}
        )
        self.qualified_heads = {phrase[-1]: phrase for phrase in self.things.qualified_place_heads}

    def __call__(self, doc: Doc) -> Doc:
        found: list[Candidate] = []
        places: list[Candidate] = []
        self._run(ext.view_of(doc), found, places)
        self._occasions(doc, found)
        self._model_entities(doc, found, places)
        self._outrank_nested_long_forms(doc, found)
        ext.extend(doc, ext.ORG_NAMES, found)
        ext.extend(doc, ext.PLACE_NAMES, places)
        return doc

    def _occasions(self, doc: Doc, found: list[Candidate]) -> None:
        """``Nowruz``, ``the Ten-Day Dawn``: holidays the tables name, as written (any case of
        the first letter only: a name is capitalised)."""
        view = ext.view_of(doc)
        if not view.positions(self.occasion_starts):
            return
        for match in self.occasion_pattern.finditer(view.text):  # (Doc.text would rebuild the text)
            span = doc.char_span(match.start(), match.end(), alignment_mode="strict")
            if span is not None:
                name = self.occasions[match.group(0)]
                event = Candidate(span.start, span.end, "EVENT", "occasion", priority=72, canonical=name)
                found.append(event)

    @staticmethod
    def _model_entities(doc: Doc, found: list[Candidate], places: list[Candidate]) -> None:
        """A trained pipeline's organisations and places, below every rule in priority (a blank
        pipeline's Doc has no entities yet: ``doc.ents`` reads that faster than ``has_annotation``)."""
        for ent in doc.ents:
            if ent.label_ == "ORG":
                found.append(
                    Candidate(ent.start, ent.end, "ORG", "model_entity", priority=40, canonical=ent.text)
                )
            elif ent.label_ in ("GPE", "LOC"):
                places.append(
                    Candidate(ent.start, ent.end, ent.label_, "model_entity", priority=40, canonical=ent.text)
                )

    def _run(self, doc: DocView, found: list[Candidate], places: list[Candidate]) -> None:
        words, lower = doc.words, doc.lower
        n = len(words)
        defined_programmes = self._lower_case_programme_acronyms(doc)
        i = 0
        for k in self._candidates(doc):
            if k < i:
                continue  # inside a name already taken
            i = k
            word = words[i]
            if word in self.things.heads_first and self.head_words.names_after(doc, i + 1) > i + 1:
                end = self.head_words.names_after(doc, i + 1)  # "Bank Melli Iran", "Mount Damavand"
                kind = self.things.kind_of_head(word)
                target = places if kind == "LOC" else found
                etype = "LOC" if kind == "LOC" else "ORG"
                name = clean_name(doc.span_text(i, end))
                target.append(
                    Candidate(
                        i,
                        end,
                        etype,
                        "head_word_first",
                        priority=70,
                        canonical=name,
                        kind="place" if etype == "LOC" else None,
                    )
                )
                i = end
                continue
            qualified = self.qualified_heads.get(word)
            if (
                qualified is not None
                and tuple(words[i + 1 - len(qualified) : i + 1]) == qualified
                and self.head_words.extend_right(doc, i + 1) == i + 1
            ):
                first = i + 1 - len(qualified)  # "Shushtar Industrial Town", not "... Estate Company"
                start = self.head_words.extend_left(doc, first)
                if start < first:
                    name = clean_name(doc.span_text(start, i + 1))
                    places.append(
                        Candidate(
                            start,
                            i + 1,
                            "LOC",
                            "place_by_head_word",
                            priority=62,
                            canonical=name,
                            kind="place",
                        )
                    )
                i += 1
                continue
            if word in self.heads and is_capitalised(word):
                end = self.head_words.extend_right(doc, i + 1)
                if word in self.things.event_heads and end < n and YEAR.match(words[end]):
                    end += 1  # "Iran Expo 2024"
                start = self.head_words.extend_left(doc, i)
                if start < i or end > i + 1 or self.head_words.stands_alone(doc, i):
                    self.head_words.add(doc, found, places, start, end, head=word)
                i = end
                continue
            if lower[i] == "ministry" and i > 0 and words[i - 1].islower():
                self.head_words.add_lower_ministry(doc, found, i)
            elif word in self.things.program_acronyms or word in defined_programmes:
                found.append(Candidate(i, i + 1, "PROGRAM", "programme_acronym", priority=45, canonical=word))
            elif self._is_organisation_acronym(doc, i):
                found.append(Candidate(i, i + 1, "ORG", "acronym_as_name", priority=45, canonical=word))
            i += 1
        self.context.lower_place_heads(doc, places)
        self.context.regions_listed(doc, places)
        self.context.named_by_context(doc, found)
        self.context.towns_by_frame(doc, places, found)
        self.context.owned_by_a_country(doc, found, places)
        known = ext.get(doc.doc, ext.ORG_NAMES)
        self.context.coordinated_with_organisations(doc, found, known)
        self.context.other_names(doc, found, known)
        self._short_forms(doc, found)
        self._short_place_forms(doc, found, places)

    def _short_forms(self, doc: DocView, found: list[Candidate]) -> None:
        """``Mobarakeh Steel Company`` ... ``shares of Mobarakeh Steel``: a company named again
        without its company head word is the same company (two words or more)."""
        forms: dict[tuple[str, ...], str] = {}
        for cand in found:
            if cand.type != "ORG" or cand.end - cand.start < 3:
                continue
            short = self._without_head(doc, cand, self.things.dropped_company_heads)
            if short is not None:
                forms.setdefault(short, cand.canonical or clean_name(doc.span_text(cand.start, cand.end)))
        taken = {k for cand in found for k in range(cand.start, cand.end)}
        for short, canonical in forms.items():
            for k, end in self._mentions_of(doc, short, taken):
                found.append(Candidate(k, end, "ORG", "company_short_form", priority=82, canonical=canonical))

    def _short_place_forms(self, doc: DocView, found: list[Candidate], places: list[Candidate]) -> None:
        """``Doroodzan Dam`` ... ``Doroodzan, 45 km north of ...``: a place named by a head word is
        the same place when named again without it, if the short form begins no other name of the
        article (``Aras River`` and ``Aras Free Zone``: ``Aras`` alone names neither for sure)."""
        words = doc.words
        forms: dict[tuple[str, ...], set[str]] = {}
        for cand in places:
            if cand.rule != "place_by_head_word":
                continue
            short = self._without_head(doc, cand, self.things.place_heads)
            if short is not None:
                forms.setdefault(short, set()).add(
                    cand.canonical or clean_name(doc.span_text(cand.start, cand.end))
                )
        named = (*found, *places)
        taken = {k for cand in named for k in range(cand.start, cand.end)}
        for short, canonicals in forms.items():
            size = len(short)
            for cand in named:  # every name that begins with the short form
                if cand.end > cand.start + size and tuple(words[cand.start : cand.start + size]) == short:
                    canonicals.add(cand.canonical or doc.span_text(cand.start, cand.end))
            if len(canonicals) != 1:
                continue
            canonical = next(iter(canonicals))
            for k, end in self._mentions_of(doc, short, taken):
                if canonical.split()[-1] in self.things.adjectival_place_heads and self._modifies(doc, end):
                    continue  # "the Caspian littoral states", "Caspian ports": an adjective, no name
                places.append(
                    Candidate(
                        k, end, "LOC", "place_short_form", priority=61, canonical=canonical, kind="place"
                    )
                )

    @staticmethod
    def _outrank_nested_long_forms(doc: Doc, found: list[Candidate]) -> None:
        """``the Arab and African Affairs Department of Trade Promotion Organization of Iran (TPO)``:
        an acronym's long form ends a longer name by its head word (``... Department of <name>``),
        which names the department; the longer name wins the words, as a nested name does."""
        earlier = [c for c in ext.get(doc, ext.ORG_NAMES) if c.rule == "acronym_long_form"]
        if not earlier:
            return
        for cand in found:
            if cand.rule != "org_head_word":
                continue
            for nested in earlier:
                if (
                    cand.start < nested.start
                    and nested.end == cand.end
                    and doc[nested.start - 1].lower_ == "of"
                    and nested.priority >= cand.priority
                ):
                    cand.priority = nested.priority + 1

    @staticmethod
    def _modifies(doc: DocView, end: int) -> bool:
        return end < len(doc) and doc.words[end].isalpha() and doc.words[end].islower()

    def _without_head(self, doc: DocView, cand: Candidate, heads: frozenset[str]) -> tuple[str, ...] | None:
        """The words of a name before its head word, when they can stand for it alone: no known
        place's name and not only English words."""
        words = doc.words
        if cand.end - cand.start < 2 or words[cand.end - 1] not in heads:
            return None
        short = tuple(words[cand.start : cand.end - 1])
        text = doc.span_text(cand.start, cand.end - 1)
        if all(self.english.is_common(w) for w in short) or self.gazetteer.places_named(text):
            return None
        return short

    @staticmethod
    def _mentions_of(doc: DocView, short: tuple[str, ...], taken: set[int]) -> list[tuple[int, int]]:
        """Where a short form stands alone: outside the names already found, not going on into a
        longer name (the full name itself)."""
        words, size = doc.words, len(short)
        found = []
        for k in doc.positions({short[0].lower()}):
            end = k + size
            if tuple(words[k:end]) != short or taken.intersection(range(k, end)):
                continue
            if end < len(words) and is_capitalised(words[end]):
                continue
            found.append((k, end))
        return found

    def _candidates(self, doc: DocView) -> list[int]:
        """Tokens that may start a rule: a head word, ``ministry`` or an all-capital word."""
        words = doc.words
        named = [
            i
            for i in doc.positions(self.head_lowers)
            if words[i] in self.heads or doc.lower[i] == "ministry" or words[i] in self.qualified_heads
        ]
        return sorted({*named, *doc.all_capitals()})

    def _lower_case_programme_acronyms(self, doc: DocView) -> set[str]:
        """``a preferential trade agreement (PTA)``: an acronym in brackets after a lower-case
        programme noun stands for that agreement or plan, here and wherever the article uses it."""
        words = doc.words
        return {
            words[i]
            for i in (bracket + 1 for bracket in doc.positions(("(",)))
            if 2 <= i < len(words) - 1
            and words[i + 1] == ")"
            and words[i].isupper()
            and words[i - 2].islower()
            and doc.lower[i - 2] in self.things.program_nouns_lower
        }

    def _is_organisation_acronym(self, doc: DocView, i: int) -> bool:
        """An all-capital word used as a noun: ``ISIPO head``, ``IRISL carried``, ``head of ISIPO``."""
        text = doc.words[i]
        if not (3 <= len(text) <= 8 and text.isalpha() and text.isupper()):
            return False
        if any(doc.words[k] == "/" for k in (i - 1, i + 1) if 0 <= k < len(doc.words)):
            return False  # initials and codes: "MA/MA", "MR/IRN84148285"
        if text in self.things.common_acronyms or self.gazetteer.places_named(text):
            return False
        if self.gazetteer.agency_named(text) is not None or self.lexicon.figures.unit_at(doc.words, i)[0]:
            return False
        if i == 0 or (i + 1 < len(doc.words) and doc.words[i + 1] in "-–—:" and doc.sent_starts[i]):
            return False  # a dateline: "TEHRAN -"
        if doc.lower[i - 1] in ("a", "an"):
            return False  # "signed an FTA", "a VAT": an indefinite article makes it a common noun
        neighbours = [doc.words[k] for k in (i - 1, i + 1) if 0 <= k < len(doc.words)]
        return not any(w.isupper() and w.isalpha() and len(w) > 1 for w in neighbours)  # a shouted headline


@Language.factory(
    "newskg_organizations",
    requires=[ext.attr(ext.PLACE_NAMES), ext.attr(ext.MOTTO_NAMES)],
    assigns=[ext.attr(ext.ORG_NAMES), ext.attr(ext.PLACE_NAMES)],
)
def make_organizations(nlp: Language, name: str) -> OrganizationFinder:
    return OrganizationFinder(load_lexicon(), load_gazetteer(), load_english_words(), load_given_names())
