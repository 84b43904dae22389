"""``newskg_gazetteer``: countries, Iranian provinces, cities and news agencies from data tables.

Places match as written (``Iran``, ``U.S.``, ``East Azarbaijan Province``); a province name
followed by ``province`` takes the word in. Agency names that are also ordinary words (``Trend``,
``Mehr``, ``Fars``) only count next to a reporting cue.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from .. import extensions as ext
from ..credits import credited
from ..facts import Candidate
from ..gazetteers import GPE_KINDS, Agency, Place, load_gazetteer
from ..lexicon import load_lexicon
from ..text import POSSESSIVES, DocView
from ..vocabulary import load_given_names

PLAIN_WORDS = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*\Z")
"""A name the tokenizer splits at its spaces only (unless a word is one of its special cases)."""


class PhraseIndex:
    """Token sequences found as written, as spaCy's ``PhraseMatcher`` on ``ORTH`` finds them.

    Building a ``PhraseMatcher`` tokenised every one of the ~9,000 gazetteer names and made a
    vocabulary entry for each new word: most of the time it took to load the pipeline, in every
    worker process. Here a name of plain words is split at its spaces, which is how the tokenizer
    splits it, and only the others go through the tokenizer.
    """

    def __init__(self, nlp: Language, names: Iterable[str]) -> None:
        tokenizer: Tokenizer = nlp.tokenizer
        special = tokenizer.rules or {}
        phrases: set[tuple[str, ...]] = set()
        for name in names:
            words = tuple(name.split(" "))
            if not PLAIN_WORDS.match(name) or any(word in special for word in words):
                words = tuple(token.text for token in nlp.make_doc(name))
            if words:
                phrases.add(words)
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in sorted(phrases, key=len):
            by_first.setdefault(phrase[0], []).append(phrase)
        # Tuples of strings: the garbage collector stops visiting them after its first pass.
        self._by_first: dict[str, tuple[tuple[str, ...], ...]] = {k: tuple(v) for k, v in by_first.items()}
        self.first_lowers = frozenset(word.lower() for word in self._by_first)
        """The first words of the names, lower-cased: where ``find`` need look (``DocView.positions``)."""

    def find(self, words: list[str], starts: Iterable[int] | None = None) -> Iterator[tuple[int, int]]:
        """(start, end) of every occurrence, overlapping ones too, by start then end.

        ``starts``: the only tokens to try, in order, when the caller knows where names may begin
        (a Doc holds a few dozen of the ~9,000 first words, and a loop over every token cost more
        than the matching)."""
        by_first = self._by_first
        for start in range(len(words)) if starts is None else starts:
            phrases = by_first.get(words[start])
            if phrases is None:
                continue
            for phrase in phrases:
                end = start + len(phrase)
                if len(phrase) == 1 or tuple(words[start:end]) == phrase:
                    yield start, end


class GazetteerMatcher:
    """Finds gazetteer places and agencies."""

    def __init__(self, nlp: Language) -> None:
        gazetteer = load_gazetteer()
        self.gazetteer = gazetteer
        self.lexicon = load_lexicon()
        self.given = load_given_names()
        self.places: dict[str, list[Place]] = {}
        self.agencies: dict[str, Agency] = {}
        for place in gazetteer.places:
            for name in place.names:
                self.places.setdefault(name, []).append(place)
        for agency in gazetteer.agencies:
            for name in agency.names:
                self.agencies[name] = agency
        self.bodies = {name: body for body in gazetteer.bodies for name in body.names}
        self.index = PhraseIndex(nlp, sorted(set(self.places) | set(self.agencies) | set(self.bodies)))

    def __call__(self, doc: Doc) -> Doc:
        view = ext.view_of(doc)
        places: list[Candidate] = []
        agencies: list[Candidate] = []
        bodies: list[Candidate] = []
        for start, end in self.index.find(view.words, view.positions(self.index.first_lowers)):
            if _glued(view, start, end, self.lexicon.people.ezafe_particles) and not self._in_route(
                view, start, end
            ):
                continue
            surface = view.span_text(start, end)
            agency = self.agencies.get(surface)
            if agency is not None and (
                not agency.needs_context or credited(view, start, end, self.lexicon.reporting)
            ):
                agencies.append(
                    Candidate(
                        start,
                        end,
                        "NEWS_AGENCY",
                        "gazetteer_agency",
                        priority=80,
                        canonical=agency.canonical,
                        aliases=agency.names,
                    )
                )
                continue
            body = self.bodies.get(surface)
            if body is not None:
                bodies.append(
                    Candidate(
                        start,
                        end,
                        "ORG",
                        "gazetteer_body",
                        priority=75,
                        canonical=body.canonical,
                        aliases=body.names,
                    )
                )
                continue
            known = self.places.get(surface)
            if known and all(p.kind == "city" for p in known) and self._starts_a_name(view, end):
                continue  # "Ahmad Rezaei": a city name that begins a personal name
            if known and all(p.kind == "city" for p in known) and self._a_month(view, start, end):
                continue  # "in Mehr, exports rose": a month of the Iranian calendar, not the town
            if known:
                place, end = self._choose_place(view, start, end, known)
                if place.kind == "country" and self._names_a_currency(view, end):
                    continue  # "the US dollar": a currency, which the spec does not annotate
                if self._foreign_region(view, start, place):
                    surface = view.span_text(start, end)
                    places.append(
                        Candidate(
                            start, end, "LOC", "foreign_region", priority=60, canonical=surface, kind="region"
                        )
                    )
                    continue
                crossing = place.kind == "city" and self._before_crossing_noun(view, end)
                places.append(
                    Candidate(
                        start,
                        end,
                        "GPE" if place.kind in GPE_KINDS and not crossing else "LOC",
                        "gazetteer_place",
                        priority=60,
                        canonical=place.canonical,
                        kind="crossing" if crossing else place.kind,
                    )
                )
        ext.extend(doc, ext.PLACE_NAMES, places)
        ext.extend(doc, ext.AGENCY_NAMES, agencies)
        ext.extend(doc, ext.ORG_NAMES, bodies)
        return doc

    def _names_a_currency(self, view: DocView, end: int) -> bool:
        """A money unit right after a country's name: ``US dollar``, ``Turkish lira``."""
        if end >= len(view) or not view.words[end].islower():
            return False
        figures = self.lexicon.figures
        return figures.units.get((view.lower[end],)) in figures.money_units

    def _before_crossing_noun(self, view: DocView, end: int) -> bool:
        """``the Mehran border crossing``: a town's name before a crossing noun names the crossing."""
        return any(
            tuple(view.lower[end : end + len(noun)]) == noun for noun in self.lexicon.things.crossing_nouns
        )

    def _in_route(self, view: DocView, start: int, end: int) -> bool:
        """``the Qazvin-Rasht railway``: places joined by hyphens before a route noun."""
        k = end
        words = view.words
        while k + 1 < len(words) and words[k] == "-" and words[k + 1][:1].isupper():
            k += 2
        return k < len(words) and view.lower[k] in self.lexicon.things.route_nouns and words[k].islower()

    def _foreign_region(self, view: DocView, start: int, place: Place) -> bool:
        """``Iraq's Kurdistan region``, ``Iraq and its Kurdistan region``: a name owned by another
        country is that country's region."""
        if start >= 3 and view.lower[start - 1] == "its" and view.lower[start - 2] in ("and", ","):
            owner = view.words[start - 3]  # "Iraq and its": the country just named
        elif start >= 2 and view.lower[start - 1] in POSSESSIVES:
            owner = view.words[start - 2]
        else:
            return False
        owners = [p for p in self.places.get(owner, []) if p.kind == "country"]
        return (
            bool(owners)
            and place.kind != "country"
            and all(o.canonical != place.container for o in owners)
            and all(o.canonical != self._country_of(place) for o in owners)
        )

    def _country_of(self, place: Place) -> str | None:
        container = place.container
        seen = 0
        while container is not None and seen < 3:
            found = self.gazetteer.place(container)
            if found is None or found.kind == "country":
                return container
            container = found.container
            seen += 1
        return container

    def _a_month(self, view: DocView, start: int, end: int) -> bool:
        """A one-word town named like a month (``Mehr``, ``Bahman``), with no place noun after it."""
        if end - start != 1 or view.words[start] not in self.lexicon.figures.months:
            return False
        return not (end < len(view) and view.lower[end] in ("province", "county", "city"))

    def _starts_a_name(self, view: DocView, end: int) -> bool:
        if end >= len(view):
            return False
        word, lower = view.words[end], view.lower[end]
        if not (word.isalpha() and word.istitle()) or word in self.places or word in self.agencies:
            return False
        hyphened = end + 2 < len(view) and view.words[end + 1] == "-" and not view.spaces[end]
        if (
            self.given.is_given_name(word)
            and not self.given.is_given_name(view.words[end - 1])
            and not hyphened  # "Bahman Farzin-Kia": a surname whose first part is also a given name
        ):
            return False  # "Ambassador to Beijing Ali Rezaei": the personal name starts after the city
        return (
            lower not in self.lexicon.titles.post_starts
            and word not in self.lexicon.people.never_in_names
            and self.lexicon.things.kind_of_head(word) is None
        )

    def _choose_place(self, view: DocView, start: int, end: int, places: list[Place]) -> tuple[Place, int]:
        """A country first; a province over a city of the same name (datelines name cities), unless
        the text says it is the town ("the city of Hamedan", "the port of Bushehr"); an island over
        the town on it (Kish, Qeshm: economic news means the island and its free zone), a port over
        the town named after it (Bandar Imam Khomeini: "Imam Khomeini Port")."""
        follows_province = end < len(view) and view.lower[end] == "province"
        provinces = [p for p in places if p.kind == "province"]
        if provinces and follows_province:
            return provinces[0], end + 1
        cities = [p for p in places if p.kind == "city"]
        if (
            cities
            and start >= 2
            and view.lower[start - 1] == "of"
            and view.lower[start - 2] in self.lexicon.things.town_frame_nouns
        ):
            return cities[0], end
        countries = [p for p in places if p.kind == "country"]
        if countries:
            return countries[0], end
        if provinces:
            return provinces[0], end
        islands = [p for p in places if p.kind in ("island", "port")]
        return (islands or places)[0], end


def _glued(view: DocView, start: int, end: int, links: frozenset[str]) -> bool:
    """A match that is only part of a hyphenated name (``Ahmad`` in ``Ali-Ahmad``, ``Qasr`` in
    ``Qasr-e Shirin``: ``links`` are such joining particles) is no place name; a place before a
    lower-case word (``a Baku-based firm``) is one."""
    words, spaces = view.words, view.spaces
    before = start >= 2 and words[start - 1] == "-" and not spaces[start - 2] and not spaces[start - 1]
    after = (
        end + 1 < len(words)
        and words[end] == "-"
        and not spaces[end - 1]
        and not spaces[end]
        and (words[end + 1][:1].isupper() or words[end + 1] in links)
    )
    return before or after


@Language.factory(
    "newskg_gazetteer",
    assigns=[ext.attr(ext.PLACE_NAMES), ext.attr(ext.AGENCY_NAMES), ext.attr(ext.ORG_NAMES)],
)
def make_gazetteer(nlp: Language, name: str) -> GazetteerMatcher:
    return GazetteerMatcher(nlp)
