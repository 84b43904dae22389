"""``newskg_gazetteer``: countries, Iranian provinces, cities and news agencies from data tables.

Places match as written (``Iran``, ``U.S.``, ``East Azarbaijan Province``); a province name
followed by ``province`` takes the word in. Agency names that are also ordinary words (``Trend``,
``Mehr``, ``Fars``) only count next to a reporting cue.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ..gazetteers import Agency, Place, load_gazetteer
from ..lexicon import load_lexicon
from ..state import Candidate, state_of, view_of

AGENCY_CUE_AFTER = re.compile(
    r"\A\W{0,3}(?:news agency|reported|reports|quoted|cited|said|says|website|news)", re.I
)
AGENCY_CUE_BEFORE = re.compile(r"(?:according to|told|by|quoted by|\()\W{0,3}\Z", re.I)


class GazetteerMatcher:
    """Finds gazetteer places and agencies with one PhraseMatcher."""

    def __init__(self, nlp: Language) -> None:
        gazetteer = load_gazetteer()
        self.lexicon = load_lexicon()
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.places: dict[str, list[Place]] = {}
        self.agencies: dict[str, Agency] = {}
        for place in gazetteer.places:
            for name in place.names:
                self.places.setdefault(name, []).append(place)
        for agency in gazetteer.agencies:
            for name in agency.names:
                self.agencies[name] = agency
        names = sorted(set(self.places) | set(self.agencies))
        self.matcher.add("GAZETTEER", [nlp.make_doc(name) for name in names])

    def __call__(self, doc: Doc) -> Doc:
        state = state_of(doc)
        text = view_of(doc).text
        for _, start, end in self.matcher(doc):
            if _glued(doc, start, end):
                continue
            surface = doc[start:end].text
            agency = self.agencies.get(surface)
            if agency is not None:
                before = text[max(0, doc[start].idx - 20) : doc[start].idx]
                after = text[doc[end - 1].idx + len(doc[end - 1]) : doc[end - 1].idx + len(doc[end - 1]) + 20]
                if (
                    not agency.needs_context
                    or AGENCY_CUE_AFTER.match(after)
                    or AGENCY_CUE_BEFORE.search(before)
                ):
                    state.add(
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
            places = self.places.get(surface)
            if places and all(p.kind == "city" for p in places) and self._starts_a_name(doc, end):
                continue  # "Ahmad Rezaei": a city name that begins a personal name
            if places:
                place, end = self._choose_place(doc, start, end, places)
                state.add(
                    Candidate(
                        start,
                        end,
                        "GPE",
                        "gazetteer_place",
                        priority=60,
                        canonical=place.canonical,
                        kind=place.kind,
                    )
                )
        return doc

    def _starts_a_name(self, doc: Doc, end: int) -> bool:
        if end >= len(doc):
            return False
        nxt = doc[end]
        if not (nxt.is_alpha and nxt.is_title) or nxt.text in self.places or nxt.text in self.agencies:
            return False
        return (
            nxt.lower_ not in self.lexicon.head_titles
            and nxt.lower_ not in self.lexicon.other_titles
            and nxt.text not in ("Province", "City", "County", "Airport", "Port")
        )

    @staticmethod
    def _choose_place(doc: Doc, start: int, end: int, places: list[Place]) -> tuple[Place, int]:
        """A country first; a province over a city of the same name (datelines name cities)."""
        follows_province = end < len(doc) and doc[end].lower_ == "province"
        provinces = [p for p in places if p.kind == "province"]
        if provinces and follows_province:
            return provinces[0], end + 1
        countries = [p for p in places if p.kind == "country"]
        if countries:
            return countries[0], end
        if provinces:
            return provinces[0], end
        return places[0], end


def _glued(doc: Doc, start: int, end: int) -> bool:
    """A match that is only part of a hyphenated word (``Ahmad`` in ``Ali-Ahmad``) is no place name."""
    before = (
        start >= 2
        and doc[start - 1].text == "-"
        and doc[start - 2].whitespace_ == ""
        and doc[start - 1].whitespace_ == ""
    )
    after = (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and doc[end - 1].whitespace_ == ""
        and doc[end].whitespace_ == ""
        and doc[end + 1].text[:1].isalpha()
    )
    return before or after


@Language.factory("newskg_gazetteer", assigns=["doc._.newskg"])
def make_gazetteer(nlp: Language, name: str) -> GazetteerMatcher:
    return GazetteerMatcher(nlp)
