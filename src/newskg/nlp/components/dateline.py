"""``newskg_dateline``: the place (and agency) of a dateline such as ``TEHRAN, Mar. 05 (MNA) –``."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ..gazetteers import load_gazetteer
from ..state import Candidate, state_of

DATELINE = re.compile(
    r"\A\s*(?P<place>[A-Z][A-Z'.]+(?:[ -][A-Z][A-Z'.]+)*"
    r"|[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?(?=\s*,\s*(?:[A-Z][a-z]+\s*,|[A-Z][a-z]{2}\.?\s+\d)))"
    r"(?:\s*,\s*(?P<rest>[^\n()]{0,40}?))?"
    r"\s*(?:\((?P<agency>[A-Za-z][A-Za-z /-]{1,40})\)\s*[-–—:]?|[-–—:])"
)
"""``TEHRAN -``, ``TEHRAN, Mar. 05 (MNA) –``, ``BAKU, Azerbaijan, Nov. 5 (Trend):`` and, written in
title case, ``Tehran, Iran, Aug. 3 (MENAFN - Tehran Times)``."""
AGENCY_SEPARATOR = re.compile(r"\s*[-/]\s+|\s+[-/]\s*")


class DatelineFinder:
    """Marks the dateline place as a GPE and a bracketed agency as a news agency."""

    def __call__(self, doc: Doc) -> Doc:
        state = state_of(doc)
        match = DATELINE.match(state.view_of(doc).text)
        if not match:
            return doc
        gazetteer = load_gazetteer()
        span = doc.char_span(*match.span("place"), alignment_mode="contract")
        if span is not None and len(span):
            name = match.group("place").title()
            places = gazetteer.places_named(name)
            city = next((p for p in places if p.kind == "city"), None)
            place = city or (places[0] if places else None)
            state.add(
                Candidate(
                    span.start,
                    span.end,
                    "GPE",
                    "dateline",
                    priority=90,
                    canonical=place.canonical if place else name,
                    kind=place.kind if place else "city",
                )
            )
        if not match.group("agency"):
            return doc
        offset = match.start("agency")
        for part in AGENCY_SEPARATOR.split(match.group("agency")):  # "(MENAFN - Tehran Times)"
            start = match.group("agency").find(part) + offset
            agency = gazetteer.agency_named(part.strip())
            span = doc.char_span(start, start + len(part.rstrip()), alignment_mode="contract")
            if agency is not None and span is not None and len(span):
                state.add(
                    Candidate(
                        span.start,
                        span.end,
                        "NEWS_AGENCY",
                        "dateline_agency",
                        priority=90,
                        canonical=agency.canonical,
                        aliases=agency.names,
                    )
                )
        return doc


@Language.factory("newskg_dateline", assigns=["doc._.newskg"])
def make_dateline(nlp: Language, name: str) -> DatelineFinder:
    return DatelineFinder()
