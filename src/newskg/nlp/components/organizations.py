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
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions as ext
from ..facts import Candidate
from ..gazetteers import GPE_KINDS, Gazetteer, load_gazetteer
from ..lexicon import Lexicon, load_lexicon
from ..text import CLOSE_QUOTES, OPEN_QUOTES, POSSESSIVES, DocView, clean_name, is_capitalised
from ..vocabulary import EnglishWords, GivenNames, load_english_words, load_given_names

PLURAL_POSSESSIVE = ("'", "’")
YEAR = re.compile(r"\A(?:19|20)\d\d\Z")
APPOSITION_WORDS = 6
"""At most this many words between the article and the noun of an apposition: ``the country's two major``."""


class OrganizationFinder:
    """Marks names found by their head words, and organisation acronyms."""

    def __init__(
        self, lexicon: Lexicon, gazetteer: Gazetteer, english: EnglishWords, given: GivenNames
    ) -> None:
        self.lexicon = lexicon
        self.things = lexicon.things
        self.gazetteer = gazetteer
        self.english = english
        self.given = given
        things = lexicon.things
        self.heads = (
            things.organisation_heads | things.program_heads | things.event_heads | things.place_heads
        )
        self.place_noun_starts = {phrase[0] for phrase in things.place_heads_lower}
        self.org_noun_starts = {phrase[0] for phrase in things.organisation_nouns_lower}
        self.org_single_nouns = {phrase[0] for phrase in things.organisation_nouns_lower if len(phrase) == 1}
        self.org_noun_forms = self.org_single_nouns | {noun + "s" for noun in self.org_single_nouns}

    def __call__(self, doc: Doc) -> Doc:
        found: list[Candidate] = []
        places: list[Candidate] = []
        self._run(ext.view_of(doc), found, places)
        self._model_entities(doc, found, places)
        ext.extend(doc, ext.ORG_NAMES, found)
        ext.extend(doc, ext.PLACE_NAMES, places)
        return doc

    @staticmethod
    def _model_entities(doc: Doc, found: list[Candidate], places: list[Candidate]) -> None:
        """A trained pipeline's organisations and places, below every rule in priority."""
        if not doc.has_annotation("ENT_IOB"):
            return
        for ent in doc.ents:
            if ent.label_ == "ORG":
                found.append(
                    Candidate(ent.start, ent.end, "ORG", "model_entity", priority=40, canonical=ent.text)
                )
            elif ent.label_ in ("GPE", "LOC"):
                places.append(
                    Candidate(ent.start, ent.end, ent.label_, "model_entity", priority=40, canonical=ent.text)
                )

    # -- words ---------------------------------------------------------------------------------

    def _is_name_word(self, doc: DocView, i: int) -> bool:
        word = doc.words[i]
        if word in ("-", "&") and 0 < i < len(doc.words) - 1:
            return (is_capitalised(doc.words[i + 1]) and not doc.spaces[i]) or word == "&"
        if word in PLURAL_POSSESSIVE and 0 < i < len(doc.words) - 1:
            return (
                doc.words[i - 1].endswith("s") and is_capitalised(doc.words[i + 1]) and not doc.spaces[i - 1]
            )
        return is_capitalised(word) and word not in POSSESSIVES

    def _continues(self, doc: DocView, i: int) -> bool:
        """Whether token i may sit inside a name: a capitalised word, a connector or a list comma."""
        words, lower = doc.words, doc.lower
        n = len(words)
        if self._is_name_word(doc, i):
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

    def _stops_left(self, doc: DocView, k: int) -> bool:
        """A word a name does not extend left over: a title, a month, a sentence-initial function word."""
        word, lower = doc.words[k], doc.lower[k]
        titles = self.lexicon.titles
        for start in range(max(0, k - titles.longest_post + 1), k + 1):
            if doc.lower[start] not in titles.post_starts:
                continue
            base, end = titles.post_at(doc.lower, start)
            if base is not None and end > k:
                return True  # a post word, or the end of one: "Director General of X"
        if lower in titles.modifiers:
            return True  # (a courtesy title or a month may belong to a name: "Shahid Rajaee Port")
        if doc.sent_starts[k] or (k > 0 and doc.words[k - 1] in '“"‘('):
            pos = self.english.pos(word)
            return "f" in pos or "r" in pos or ("v" in pos and "n" not in pos)
        return False

    def _describes(self, word: str) -> bool:
        """A word that can describe what a body does (``Industry``, ``Mining``, ``Small``), as the
        words of a name's list do (``Industry, Mining and Trade Ministry``)."""
        return self.english.is_common(word) or self._is_nationality(word)

    def _is_nationality(self, word: str) -> bool:
        """``Iranian``, ``Iraqi``: an adjective English writes capitalised."""
        return "a" in self.english.pos(word) and not self.english.is_common(word)

    def _starts_a_person(self, doc: DocView, k: int) -> bool:
        word = doc.words[k]
        return self.given.is_given_name(word) or word in self.lexicon.people.name_prefixes

    # -- rules ---------------------------------------------------------------------------------

    def _run(self, doc: DocView, found: list[Candidate], places: list[Candidate]) -> None:
        words, lower = doc.words, doc.lower
        n = len(words)
        i = 0
        for k in self._candidates(doc):
            if k < i:
                continue  # inside a name already taken
            i = k
            word = words[i]
            if word in self.things.heads_first and self._names_after(doc, i + 1) > i + 1:
                end = self._names_after(doc, i + 1)  # "Bank Melli Iran", "Mount Damavand"
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
            if word in self.heads and is_capitalised(word):
                end = self._extend_right(doc, i + 1)
                if word in self.things.event_heads and end < n and YEAR.match(words[end]):
                    end += 1  # "Iran Expo 2024"
                start = self._extend_left(doc, i)
                if start < i or end > i + 1 or self._stands_alone(doc, i):
                    self._add(doc, found, places, start, end, head=word)
                i = end
                continue
            if lower[i] == "ministry" and i > 0 and words[i - 1].islower():
                self._add_lower_ministry(doc, found, i)
            elif word in self.things.program_acronyms:
                found.append(Candidate(i, i + 1, "PROGRAM", "programme_acronym", priority=45, canonical=word))
            elif self._is_organisation_acronym(doc, i):
                found.append(Candidate(i, i + 1, "ORG", "acronym_as_name", priority=45, canonical=word))
            i += 1
        self._lower_place_heads(doc, places)
        self._named_by_context(doc, found)

    def _candidates(self, doc: DocView) -> list[int]:
        """Tokens that may start a rule: a head word, ``ministry`` or an all-capital word."""
        heads = self.heads
        return [
            i
            for i, (word, lower) in enumerate(zip(doc.words, doc.lower, strict=True))
            if word in heads or lower == "ministry" or (word != lower and word.isupper())
        ]

    def _names_after(self, doc: DocView, k: int) -> int:
        """End of the capitalised words after a leading head word, at least one not plain English."""
        end = k
        while (
            end < len(doc)
            and is_capitalised(doc.words[end])
            and not self._stops_left(doc, end)
            and doc.words[end] not in self.heads
        ):
            end += 1
        if any(not self.english.is_common(w) for w in doc.words[k:end]):
            return end
        return k

    def _stands_alone(self, doc: DocView, i: int) -> bool:
        """``the Parliament``, ``the Constitution``: a head word that names one body by itself."""
        return doc.words[i] in self.things.standalone_names and not doc.sent_starts[i]

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

    def _extend_right(self, doc: DocView, end: int) -> int:
        """Take an ``of ...`` tail: ``Fund of Iran``, ``Ministry of Industry, Mine and Trade``,
        ``Office of the Ministry of X``; stop before a personal name written right after it."""
        words, lower = doc.words, doc.lower
        n = len(words)
        if (
            end + 1 < n
            and lower[end] == "of"
            and words[end - 1]
            in self.things.organisation_heads_before_of
            | self.things.program_heads
            | self.things.event_heads
            | self.things.place_heads
        ):
            j = end + 1
            if j < n and lower[j] == "the":
                j += 1
            if j < n and is_capitalised(words[j]) and not self._stops_left(doc, j):
                k = j
                after_last_and = False
                while k < n and self._continues(doc, k):
                    if words[k] == "(" or (
                        k > j and self._starts_a_person(doc, k) and words[k - 1] not in ("-",)
                    ):
                        break
                    if (
                        after_last_and
                        and self._is_name_word(doc, k)
                        and not self.english.is_common(words[k])
                        and words[k] not in self.heads
                    ):
                        break  # "Ministry of Industry, Mine and Trade Reza Fatemi Amin"
                    if lower[k] == "and":
                        after_last_and = True
                    k += 1
                while k > j and not self._is_name_word(doc, k - 1):
                    k -= 1
                return k
        return end

    def _extend_left(self, doc: DocView, head: int) -> int:
        words = doc.words
        start = head
        while start > 0 and self._continues(doc, start - 1):
            if self._stops_left(doc, start - 1):
                break
            prev = words[start - 1]
            if prev == "," and start >= 2 and words[start - 2] in self.things.organisation_heads:
                break  # "X Department, and Y Department" are two organisations
            if (
                doc.lower[start - 1] == "and"
                and start >= 2
                and (
                    words[start - 2] in self.things.place_heads
                    or words[start - 2] in self.things.organisation_heads_closing
                )
            ):
                break  # "Kish Island and Qeshm Free Zone", "X Steel Company and Y Copper Company": two names
            far = start - 2
            while far > 0 and words[far] in (",", "and"):
                far -= 1  # "Industry, Mining, and Trade Ministry"
            if prev in (",", "and") and far >= 0 and not self._describes(words[far]):
                break  # "Iran Khodro, Saipa and Bahman Group": a list of names, not one name
            start -= 1
        while start < head and not self._is_name_word(doc, start):
            start += 1
        if start > 0 and words[start] == "-" and words[start - 1].isdigit() and not doc.spaces[start - 1]:
            start -= 1  # "20-Year Vision Document": the number is in the name
        while start < head and words[start] in ("-", "&"):
            start += 1
        return start

    def _add(
        self,
        doc: DocView,
        found: list[Candidate],
        places: list[Candidate],
        start: int,
        end: int,
        *,
        head: str,
    ) -> None:
        name = clean_name(doc.span_text(start, end))
        kind = self.things.kind_of_head(head)
        if kind in ("EVENT", "PROGRAM"):
            found.append(Candidate(start, end, kind, "named_by_head_word", priority=70, canonical=name))
            return
        if kind == "LOC":
            places.append(
                Candidate(start, end, "LOC", "place_by_head_word", priority=62, canonical=name, kind="place")
            )
            return
        etype = "NEWS_AGENCY" if head == "Agency" and "News" in name.split() else "ORG"
        canonical = name
        if head == "Ministry":  # "Iranian Industry Ministry": a nationality is no part of the name
            while start < end - 1 and self._is_nationality(doc.words[start]):
                start += 1
            name = clean_name(doc.span_text(start, end))
        if head == "Ministry" or name.startswith("Ministry "):
            ministry = self.gazetteer.ministry_for(name.replace("Ministry", " "))
            if ministry is not None:
                canonical = ministry.canonical
        elif start >= 2:
            owner = self._possessor(doc, found, start)
            if owner:
                canonical = f"{name} of {owner}"
        found.append(Candidate(start, end, etype, "org_head_word", priority=70, canonical=canonical))

    def _possessor(self, doc: DocView, found: list[Candidate], start: int) -> str | None:
        """``Kerman's Department`` -> Kerman's province; ``the province's Department`` -> the last
        province named before it. A country's possessive is dropped (``Iran's Trade Promotion
        Organization`` is the Trade Promotion Organization)."""
        words = doc.words
        if words[start - 1] not in POSSESSIVES:
            return None
        owner_end = start - 1
        if doc.lower[owner_end - 1] == "province" and not is_capitalised(words[owner_end - 2]):
            named = ext.get(doc.doc, ext.PLACE_NAMES)
            earlier = [c for c in named if c.kind == "province" and c.end <= owner_end - 1]
            return max(earlier, key=lambda c: c.start).canonical if earlier else None
        owner_start = owner_end - 1
        while (owner_start > 0 and is_capitalised(words[owner_start - 1])) or (
            owner_start > 1 and words[owner_start - 1] == "-"
        ):
            owner_start -= 1
        places = self.gazetteer.places_named(doc.span_text(owner_start, owner_end))
        provinces = [p for p in places if p.kind == "province"]
        return provinces[0].canonical if provinces else None

    def _add_lower_ministry(self, doc: DocView, found: list[Candidate], i: int) -> None:
        """``the industry ministry``, ``energy ministry``: a ministry named by its sector words."""
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
        found.append(
            Candidate(start, i + 1, "ORG", "org_lower_ministry", priority=70, canonical=ministry.canonical)
        )

    def _lower_place_heads(self, doc: DocView, places: list[Candidate]) -> None:
        """``South Pars gas field``: a capitalised name before a lower-case place noun is a place."""
        lower, words = doc.lower, doc.words
        firsts = self.place_noun_starts
        for k in [k for k, word in enumerate(lower) if word in firsts and k > 0]:
            for phrase in self.things.place_heads_lower:
                size = len(phrase)
                if tuple(lower[k : k + size]) != phrase or not words[k].islower():
                    continue
                start = k
                while start > 0 and is_capitalised(words[start - 1]) and not self._stops_left(doc, start - 1):
                    start -= 1
                if start < k and not self.gazetteer.places_named(doc.span_text(start, k)):
                    name = clean_name(doc.span_text(start, k))
                    # "Shahid Rajaee port" is the known "Shahid Rajaee Port"
                    known = self.gazetteer.places_named(f"{name} {' '.join(w.capitalize() for w in phrase)}")
                    kind = known[0].kind if known else "place"
                    places.append(
                        Candidate(
                            start,
                            k,
                            "GPE" if kind in GPE_KINDS else "LOC",
                            "place_before_place_noun",
                            priority=55,
                            canonical=known[0].canonical if known else name,
                            kind=kind,
                        )
                    )
                break

    def _named_by_context(self, doc: DocView, found: list[Candidate]) -> None:
        """A capitalised name with no head word that its context makes an organisation: a
        lower-case organisation noun after it (``Iran Khodro company``) or a post before it
        (``managing director of Saipa``)."""
        lower, words = doc.lower, doc.words
        titles = self.lexicon.titles
        org_nouns = self.org_noun_starts
        for k in [k for k, word in enumerate(lower) if word in org_nouns and k > 0]:
            if words[k].islower() and any(
                tuple(lower[k : k + len(p)]) == p for p in self.things.organisation_nouns_lower
            ):
                self._context_name(doc, found, self._run_before(doc, k), k, "name_before_organisation_noun")
        self._apposed_to_organisation_nouns(doc, found)
        for k in [k for k, word in enumerate(lower) if word in self.things.program_nouns_lower and k > 0]:
            if words[k].islower():  # "the Mehr Housing scheme", 'the "Production Leap" plan'
                end = k - 1 if words[k - 1] in CLOSE_QUOTES else k
                start = self._run_before(doc, end)
                quoted = end < k and start > 0 and words[start - 1] in OPEN_QUOTES
                if quoted or (start > 0 and lower[start - 1] in self.things.apposition_articles):
                    self._context_name(doc, found, start, end, "name_before_programme_noun", kind="PROGRAM")
        post_starts = titles.post_starts
        for post in [k for k, word in enumerate(lower) if word in post_starts]:
            base, k = titles.post_at(lower, post)
            if base is None or k + 1 >= len(doc) or lower[k] not in titles.body_prepositions:
                continue
            if base is None or base in ("other", "official"):
                continue  # "Leader of the Islamic Revolution": no post of an organisation
            start = k + 2 if lower[k + 1] == "the" else k + 1
            self._context_name(doc, found, start, self._run_after(doc, start), "name_after_post")

    def _apposed_to_organisation_nouns(self, doc: DocView, found: list[Candidate]) -> None:
        """``Zarin Auto, the country's second carmaker, ...``; ``Zarin Auto and Pars Motor, the two
        largest automakers``: names apposed to a noun phrase whose head is an organisation noun."""
        lower, words = doc.lower, doc.words
        forms = self.org_noun_forms
        for k in [k for k, word in enumerate(lower) if word in forms]:
            plural = lower[k] not in self.org_single_nouns
            if not words[k].islower() or not self._ends_noun_phrase(doc, k + 1):
                continue
            j = k - 1
            articles = self.things.apposition_articles
            while (
                j > 0
                and k - j <= APPOSITION_WORDS
                and lower[j] not in articles
                and self._inside_noun_phrase(words[j])
            ):
                j -= 1
            if j < 2 or words[j - 1] != "," or lower[j] not in articles:
                continue
            start = self._run_before(doc, j - 1)
            self._context_name(doc, found, start, j - 1, "name_apposed_to_organisation_noun")
            if plural and start >= 2 and lower[start - 1] == "and":
                self._context_name(
                    doc,
                    found,
                    self._run_before(doc, start - 1),
                    start - 1,
                    "name_apposed_to_organisation_noun",
                )

    def _inside_noun_phrase(self, word: str) -> bool:
        """A word between an article and its noun: ``country``, ``'s``, ``two``, ``state-owned``."""
        return (
            word.islower()
            or word in POSSESSIVES
            or word == "-"
            or word.isdigit()
            or self._is_nationality(word)
        )

    def _ends_noun_phrase(self, doc: DocView, k: int) -> bool:
        """The word after a noun ends its phrase: punctuation or a function word, not ``'s`` or a noun."""
        if k >= len(doc):
            return True
        word = doc.words[k]
        return word in ",.;:)" or (word not in POSSESSIVES and "f" in self.english.pos(word))

    def _run_before(self, doc: DocView, end: int) -> int:
        start = end
        while start > 0 and is_capitalised(doc.words[start - 1]) and not self._stops_left(doc, start - 1):
            start -= 1
        return start

    def _run_after(self, doc: DocView, start: int) -> int:
        """Capitalised words from ``start``, up to a personal name (``Minister of Economy Ehsan X``)."""
        end = start
        while (
            end < len(doc)
            and is_capitalised(doc.words[end])
            and not self._stops_left(doc, end)
            and not (end > start and self._starts_a_person(doc, end))
        ):
            end += 1
        return end

    def _context_name(
        self, doc: DocView, found: list[Candidate], start: int, end: int, rule: str, *, kind: str = "ORG"
    ) -> None:
        if start >= end or end - start > 4 or (doc.sent_starts[start] and end - start == 1):
            return
        while start < end and self._is_nationality(doc.words[start]):
            start += 1  # "Russian Gazprom company"
        text = doc.span_text(start, end)
        words = doc.words[start:end]
        plain = all(self.english.is_common(w) or self._is_nationality(w) for w in words)
        if kind == "PROGRAM":  # a programme's name is common words, capitalised: "Targeted Subsidies"
            plain = all(self._is_nationality(w) for w in words) or (len(words) == 1 and plain)
        if any(self._starts_a_person(doc, k) for k in range(start, end)) or plain:
            return  # "Iranian company", "the Industry company"
        if (
            self.gazetteer.places_named(text)
            or self.gazetteer.agency_named(text)
            or self.gazetteer.body_named(text)
        ):
            return
        found.append(Candidate(start, end, kind, rule, priority=62, canonical=clean_name(text)))


@Language.factory(
    "newskg_organizations",
    requires=[ext.attr(ext.PLACE_NAMES)],
    assigns=[ext.attr(ext.ORG_NAMES), ext.attr(ext.PLACE_NAMES)],
)
def make_organizations(nlp: Language, name: str) -> OrganizationFinder:
    return OrganizationFinder(load_lexicon(), load_gazetteer(), load_english_words(), load_given_names())
