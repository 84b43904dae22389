"""Names built on head words: ``Iran Small Industries and Industrial Parks Organization``,
``Ministry of Industry, Mine and Trade``, ``Seventh Development Plan``, ``Caspian Sea``, ``Bank
Melli Iran``, ``the industry ministry``.

Why a module of its own: a head word (``rules/names_of_things.json``) says what kind of name ends
(or, for ``Bank``, ``Mount``, starts) with it, and the rules here find how far the name reaches
(an ``of ...`` tail, a list of sectors, a number) and what it is called: one canonical name per
ministry from the gazetteer's ministry table, and a province's department named for its province
(``Kerman's Industry, Mining and Trade Department``).
"""

from __future__ import annotations

from .. import extensions as ext
from ..facts import Candidate
from ..gazetteers import Gazetteer
from ..lexicon import Lexicon
from ..text import POSSESSIVES, DocView, clean_name, is_capitalised
from ..vocabulary import EnglishWords
from ._name_words import NameWords


class HeadWordNames:
    """Finds the extent and canonical name of a name built on a head word."""

    def __init__(
        self, lexicon: Lexicon, gazetteer: Gazetteer, english: EnglishWords, name_words: NameWords
    ) -> None:
        self.lexicon = lexicon
        self.things = lexicon.things
        self.gazetteer = gazetteer
        self.english = english
        self.name_words = name_words
        self.weekdays = frozenset(
            word for word in lexicon.reporting.finite_markers if word.endswith("day") and word != "today"
        )
        self.nationalities = name_words.nationalities
        things = lexicon.things
        self.heads = (
            things.organisation_heads | things.program_heads | things.event_heads | things.place_heads
        )
        self.heads_before_of = (
            things.organisation_heads_before_of
            | things.program_heads
            | things.event_heads
            | things.place_heads
        )
        """Head words a name may go on after with ``of ...`` (``Ministry of ...``, ``Plan of ...``)."""

    def names_after(self, doc: DocView, k: int) -> int:
        """End of the capitalised words after a leading head word, at least one not plain English."""
        end = k
        while end < len(doc) and (
            (
                is_capitalised(doc.words[end])
                and not self.name_words.stops_left(doc, end)
                and doc.words[end] not in self.heads
            )
            or self._foreign_connector(doc, end)
        ):
            end += 1
        if any(not self.english.is_common(w) for w in doc.words[k:end]):
            return end
        return k

    def _foreign_connector(self, doc: DocView, k: int) -> bool:
        """``va`` in ``Bank Sanat va Madan``: a Persian 'and' between capitalised words of a name."""
        return (
            0 < k < len(doc) - 1
            and doc.words[k] in self.things.persian_name_connectors
            and is_capitalised(doc.words[k - 1])
            and is_capitalised(doc.words[k + 1])
        )

    def stands_alone(self, doc: DocView, i: int) -> bool:
        """``the Parliament``, ``the Constitution``: a head word that names one body by itself; at
        the start of a sentence only as a possessor (``Parliament's Economic Committee``), which
        makes it one body, where ``Parliament approved`` may be the common noun capitalised."""
        if doc.words[i] not in self.things.standalone_names:
            return False
        return not doc.sent_starts[i] or (i + 1 < len(doc.words) and doc.words[i + 1] in POSSESSIVES)

    def extend_right(self, doc: DocView, end: int) -> int:
        """Take an ``of ...`` tail (or ``for``, ``on``): ``Fund of Iran``, ``Ministry of Industry, Mine
        and Trade``, ``Office of the Ministry of X``, ``Law on Supporting Small Firms``; stop before a
        personal name written right after it. A sentence's first word is capitalised anyway, so
        ``Talks on the JCPOA resumed`` takes no ``for``/``on`` tail."""
        words, lower = doc.words, doc.lower
        n = len(words)
        if (
            end + 1 < n
            and (
                lower[end] == "of"
                or (
                    lower[end] in self.things.name_tail_links
                    and not doc.sent_starts[end - 1]
                    and words[end - 1] not in self.things.place_heads  # "Chabahar Port on the Sea"
                )
            )
            and words[end - 1] in self.heads_before_of
            and not self._time_after(doc, end + 1)  # "the Exhibition Center on Saturday"
        ):
            j = end + 1
            if j < n and lower[j] == "the":
                j += 1
            if j < n and is_capitalised(words[j]) and not self.name_words.stops_left(doc, j):
                k = j
                after_last_and = False
                places = {p.start: p.end for p in ext.get(doc.doc, ext.PLACE_NAMES) if p.end - p.start > 2}
                while k < n and self.name_words.continues(doc, k):
                    if k in places:  # "Department of Sistan and Baluchestan Province": a place's "and"
                        k = places[k]
                        continue
                    if words[k] in (",", "and") and k + 1 < n and words[k + 1] in self.things.heads_first:
                        break  # "Bank of Industry and Mine, Bank Sepah and ...": a list of names
                    if k + 1 < n and words[k + 1] in POSSESSIVES and self.gazetteer.places_named(words[k]):
                        break  # "the Economic Commission of Iran's Parliament": Iran's owns what follows
                    if words[k] == "(" or (
                        k > j and self.name_words.starts_a_person(doc, k) and words[k - 1] not in ("-",)
                    ):
                        break
                    if (
                        after_last_and
                        and words[k] != "-"  # "Technology and Knowledge-Based Economy"
                        and self.name_words.is_name_word(doc, k)
                        and not self.english.is_common(words[k])
                        and words[k] not in self.heads
                    ):
                        break  # "Ministry of Industry, Mine and Trade Reza Fatemi Amin"
                    if lower[k] == "and":
                        after_last_and = True
                    k += 1
                while k > j and not self.name_words.is_name_word(doc, k - 1):
                    k -= 1
                return k if k > j else end
        return end

    def extend_left(self, doc: DocView, head: int) -> int:
        words = doc.words
        start = head
        mottos, place_ends, inside_places = self._names_around(doc)
        while start > 0 and self.name_words.continues(doc, start - 1):
            if self.name_words.stops_left(doc, start - 1) or start - 1 in mottos:
                break  # (a motto before the name: "the motto, Production: X, Ardabil Park now hosts")
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
            if (
                doc.lower[start - 1] == "of"
                and start >= 2
                and doc.sent_starts[start - 2]
                and words[start - 2] not in self.things.organisation_heads
                and self.name_words.english.is_common(words[start - 2])
            ):
                break  # "Suppliers of Kerman Motor": a common noun opening the sentence is no name's
            if prev == "and" and self._whole_name_before(doc, start - 1):
                break  # "Bank of Industry and Mine and Tosee Taavon Bank": two banks
            if prev == "and" and start - 1 in place_ends and start - 1 not in inside_places:
                break  # "in Isfahan Province and Khuzestan Steel Company": a place, then a company
            far = start - 2
            while far > 0 and words[far] in (",", "and"):
                far -= 1  # "Industry, Mining, and Trade Ministry"
            if (
                prev in (",", "and")
                and far >= 0
                and start - 1 not in inside_places  # "Sistan and Baluchestan Industrial Parks Company"
                and not self._describes_with(words[far], words[start])
            ):
                break  # "Iran Khodro, Saipa and Bahman Group": a list of names, not one name
            start -= 1
        while start < head and not self.name_words.is_name_word(doc, start):
            start += 1
        if start > 0 and words[start] == "-" and words[start - 1].isdigit() and not doc.spaces[start - 1]:
            start -= 1  # "20-Year Vision Document": the number is in the name
        while start < head and words[start] in ("-", "&"):
            start += 1
        return start

    def _names_around(self, doc: DocView) -> tuple[set[int], set[int], set[int]]:
        """The tokens of mottos, the ends of places and the tokens inside places, which every name
        extended left is checked against: worked out once per Doc (kept on the view)."""
        key = (self._names_around, -1)
        known: tuple[set[int], set[int], set[int]] | None = doc.answers.get(key)
        if known is None:
            mottos = {k for m in ext.get(doc.doc, ext.MOTTO_NAMES) for k in range(m.start, m.end)}
            places = ext.get(doc.doc, ext.PLACE_NAMES)
            known = doc.answers[key] = (
                mottos,
                {p.end for p in places},
                {k for p in places for k in range(p.start + 1, p.end)},
            )
        return known

    def _whole_name_before(self, doc: DocView, conjunction: int) -> bool:
        """Whether the words before ``and`` at ``conjunction`` are a name of their own that opens
        with its head word and an ``of`` tail (``Bank of Industry and Mine``)."""
        first = conjunction
        while first > 0 and self.name_words.continues(doc, first - 1) and doc.words[first - 1] != ",":
            first -= 1
        return (
            first + 2 < conjunction
            and doc.words[first] in self.things.heads_first
            and doc.lower[first + 1] == "of"
            and self.extend_right(doc, first + 1) >= conjunction
        )

    def _describes_with(self, word: str, coordinated: str) -> bool:
        """Whether ``word`` describes the body as the words of a name's list do, also as a known
        noun coordinated with an adjective (``Arab and African Affairs Department``)."""
        if self.name_words.describes(word):
            return True
        english = self.name_words.english
        return bool(english.pos(word)) and "a" in english.pos(coordinated)

    def add(
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
        if self._only_in_a_heading(doc, start, end):
            return  # "Aluminium Plans", "Armenia Deal Extended": a subheading capitalises every word
        kind = self.things.kind_of_head(head)
        if kind == "PROGRAM" and end < len(doc) and doc.lower[end] in self.things.event_nouns_lower:
            kind = "EVENT"  # "the Iran Project exhibition": an event named after a project
        if kind in ("EVENT", "PROGRAM"):
            if self._portfolio_of_a_body(doc, start, end):
                return  # "Deputy Governor of the CBI for Monetary Policy": a post's portfolio
            found.append(Candidate(start, end, kind, "named_by_head_word", priority=70, canonical=name))
            return
        if kind == "LOC":
            places.append(
                Candidate(start, end, "LOC", "place_by_head_word", priority=62, canonical=name, kind="place")
            )
            return
        if self._minister_portfolio(doc, start, end):
            return
        end, of_province = self._province_word_after(doc, start, end)
        name = clean_name(doc.span_text(start, end))
        etype = "NEWS_AGENCY" if head == "Agency" and "News" in name.split() else "ORG"
        canonical = name
        country = None
        if head == "Ministry":  # "Iranian Industry Ministry": a nationality is no part of the name
            while start < end - 1 and self.name_words.is_nationality(doc.words[start]):
                country = self.nationalities.country_of(doc.words[start]) or country
                start += 1
            name = clean_name(doc.span_text(start, end))
        if head == "Ministry" or name.startswith("Ministry "):
            country = self._foreign_country(doc, start, end, name, country)
            ministry = self.gazetteer.ministry_for(name.replace("Ministry", " ")) if not country else None
            if ministry is not None:
                canonical = ministry.canonical
            elif country and not name.endswith(f" {country}"):
                canonical = f"{name} of {country}"  # "Pakistan's Ministry of Commerce"
        elif start >= 2 and head in self.things.provincial_body_heads:
            owner = self._possessor(doc, found, start)
            if owner:
                canonical = f"{name} of {owner}"
        found.append(
            Candidate(start, end, etype, "org_head_word", priority=70, canonical=of_province or canonical)
        )

    def _portfolio_of_a_body(self, doc: DocView, start: int, end: int) -> bool:
        """``the CBI for Monetary Policy``: words a body's name ends before ``for`` are no part of a
        programme's name; what follows ``for`` is the portfolio of a post at that body."""
        organisations = ext.get(doc.doc, ext.ORG_NAMES)
        ends = {c.end for c in organisations if c.type == "ORG" and c.start == start}
        word = doc.words[start]
        if len(word) > 1 and word.isupper() and word.isalpha():
            ends.add(start + 1)  # an acronym: "CBI"
        return any(doc.lower[k] == "for" for k in ends if k < end)

    def _only_in_a_heading(self, doc: DocView, start: int, end: int) -> bool:
        """A name whose words stand in a heading line (a line of its own in title case, without a
        full stop) and nowhere in the running text: there, capitals are no evidence of a name and a
        head word may be a verb or a common noun (``Aluminium Plans``, ``Caspian Shipping``)."""
        sentence = doc.sentence(start)
        text = doc.text
        line = text[sentence.start_char : sentence.end_char]
        if (
            "\n" not in text[sentence.end_char : sentence.end_char + 2]
            or (sentence.start_char > 0 and text[sentence.start_char - 1] != "\n")
            or not line[-1:].isalnum()
        ):
            return False
        small = self.things.title_case_small_words
        words = [doc.words[k] for k in range(sentence.start, sentence.end) if doc.words[k][:1].isalpha()]
        if not words or not all(w[:1].isupper() or w in small for w in words):
            return False
        name = doc.span_text(start, end)
        return text.count(name) == line.count(name)

    def _minister_portfolio(self, doc: DocView, start: int, end: int) -> bool:
        """``Minister of Ports, Shipping and Waterways X``: capitalised English words after a
        minister's ``of`` are the portfolio, though a head word (``Shipping``) is among them."""
        if start < 2 or doc.lower[start - 1] not in ("of", "for"):
            return False
        if self.lexicon.titles.post_ending_at(doc.lower, start - 1) != "minister":
            return False
        return all(
            self.name_words.english.is_common(word) or word in (",", "and") for word in doc.words[start:end]
        )

    def _foreign_country(
        self, doc: DocView, start: int, end: int, name: str, adjective: str | None
    ) -> str | None:
        """The foreign country a ministry belongs to: by a nationality adjective (``Iraqi``), a
        country's possessive before it (``Pakistan's``) or a country at the end of its name (``of
        Pakistan``); None for the home country's ministries and when none is written."""
        home = self.lexicon.titles.default_country
        countries: list[str | None] = [adjective]
        if start >= 2 and doc.words[start - 1] in POSSESSIVES:
            countries.append(self._country_named(doc.words[start - 2]))
        last = name.rsplit(" of ", 1)[-1] if " of " in name else ""
        countries.append(self._country_named(last))
        foreign = [c for c in countries if c and c != home]
        return foreign[0] if foreign else None

    def _country_named(self, words: str) -> str | None:
        found = [p for p in self.gazetteer.places_named(words) if p.kind == "country"] if words else []
        return found[0].canonical if found else None

    def _time_after(self, doc: DocView, k: int) -> bool:
        word = doc.words[k]
        return word in self.lexicon.figures.months or doc.lower[k] in self.weekdays

    def _possessor(self, doc: DocView, found: list[Candidate], start: int) -> str | None:
        """``Kerman's Department`` -> Kerman's province; ``the province's Department`` and ``the
        provincial Department`` -> the last province named before it. A country's possessive is
        dropped (``Iran's Trade Promotion Organization`` is the Trade Promotion Organization)."""
        words = doc.words
        if doc.lower[start - 1] in self.things.own_province_adjectives and doc.lower[start - 2] == "the":
            return self._province_before(doc, start - 1)  # "the provincial Agriculture Jihad Organization"
        if words[start - 1] not in POSSESSIVES:
            return None
        owner_end = start - 1
        if doc.lower[owner_end - 1] == "province" and not is_capitalised(words[owner_end - 2]):
            return self._province_before(doc, owner_end - 1)
        owner_start = owner_end - 1
        while (owner_start > 0 and is_capitalised(words[owner_start - 1])) or (
            owner_start > 1 and words[owner_start - 1] == "-"
        ):
            owner_start -= 1
        places = self.gazetteer.places_named(doc.span_text(owner_start, owner_end))
        provinces = [p for p in places if p.kind == "province"]
        return provinces[0].canonical if provinces else None

    def _province_word_after(self, doc: DocView, start: int, end: int) -> tuple[int, str | None]:
        """``the Industry, Mining and Trade Department of Ardabil province``: a name that ends in
        ``of`` and a province goes on over the lower-case ``province`` after it, as written; its
        canonical name ends in ``Province`` (``... of Ardabil Province``), as the spec writes it."""
        if end >= len(doc) or doc.lower[end] != "province":
            return end, None
        links = [k for k in range(start + 2, end - 1) if doc.lower[k] == "of"]
        if not links:
            return end, None
        written = doc.span_text(links[-1] + 1, end)
        if not any(p.kind == "province" for p in self.gazetteer.places_named(written)):
            return end, None
        return end + 1, f"{doc.span_text(start, end)} Province"

    @staticmethod
    def _province_before(doc: DocView, k: int) -> str | None:
        """The province named last before token ``k``."""
        named = ext.get(doc.doc, ext.PLACE_NAMES)
        earlier = [c for c in named if c.kind == "province" and c.end <= k]
        return max(earlier, key=lambda c: c.start).canonical if earlier else None

    def add_lower_ministry(self, doc: DocView, found: list[Candidate], i: int) -> None:
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
