"""``newskg_dateline``: the place (and agency) of a dateline such as ``TEHRAN, Mar. 05 (MNA) –``."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions as ext
from ..facts import Candidate
from ..gazetteers import load_gazetteer

DATELINE = re.compile(
    r"[ \t]*(?P<place>[A-Z][A-Z'.]+(?:[ -][A-Z][A-Z'.]+)*"
    r"|[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?(?=\s*,\s*(?:[A-Z][a-z]+\s*,|[A-Z][a-z]{2}\.?\s+\d|[A-Z]{2,}\s*[-–—])"
    r"|\s*\([A-Za-z][A-Za-z /-]{1,40}\)\s*[-–—:]))"
    r"(?:\s*,\s*(?P<rest>[^\n()]{0,40}?))?"
    r"\s*(?:\((?P<agency>[A-Za-z][A-Za-z /-]{1,40})\)\s*[-–—:]?"
    r"|/\s*(?P<slashed>[A-Za-z][A-Za-z -]{1,40}?)\s*/|[-–—:])"
)
"""``TEHRAN -``, ``TEHRAN, Mar. 05 (MNA) –``, ``BAKU, Azerbaijan, Nov. 5 (Trend):``, ``IRNA –`` and,
written in title case, ``Tehran, Iran, Aug. 3 (MENAFN - Tehran Times)``, ``Tehran, IRNA –``,
``Tehran (Press TV) -``, ``Baku, Azerbaijan, Oct. 9 / Trend /``."""
DATELINE_LINE = re.compile(
    r"[ \t]*(?P<place>[A-Z][A-Z'.]+(?:[ -][A-Z][A-Z'.]+)*)\s*,\s*"
    r"(?P<rest>(?:[A-Z][a-z]+\s*,\s*)?[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:\s*,\s*\d{4})?)"
    r"(?P<agency>(?!))?(?P<slashed>(?!))?[ \t]*(?=\n)"
)
"""A dateline that is a line of its own, a capitalised place and a date: ``BAKU, Azerbaijan, Nov. 5``
(not an all-capital headline: ``IRAN, CHINA SIGN DEAL, 25 YEARS``)."""
HEADLINE_LINES = 3
"""A dateline may follow a headline or a byline (``By Trend``): at most this many short lines."""
HEADLINE_WORDS = 25


def find_dateline(text: str) -> re.Match[str] | None:
    """The dateline at the start of the text, or at the start of one of its first short lines."""
    match = _dateline_at(text, len(text) - len(text.lstrip("\n\r ")))
    line_start = 0
    for _line in range(HEADLINE_LINES):
        if match is not None:
            return match
        line_end = text.find("\n", line_start)
        if line_end < 0 or len(text[line_start:line_end].split()) > HEADLINE_WORDS:
            return None
        line_start = line_end + 1
        while line_start < len(text) and text[line_start] in "\n\r \t":
            line_start += 1
        match = _dateline_at(text, line_start)
    return match


def _dateline_at(text: str, start: int) -> re.Match[str] | None:
    return DATELINE.match(text, start) or DATELINE_LINE.match(text, start)


AGENCY_SEPARATOR = re.compile(r"\s*[-/]\s+|\s+[-/]\s*")


class DatelineFinder:
    """Marks the dateline place as a GPE and a bracketed agency as a news agency."""

    def __call__(self, doc: Doc) -> Doc:
        places: list[Candidate] = []
        agencies: list[Candidate] = []
        match = find_dateline(ext.view_of(doc).text)
        if match:
            self._find(doc, match, places, agencies)
        ext.extend(doc, ext.PLACE_NAMES, places)
        ext.extend(doc, ext.AGENCY_NAMES, agencies)
        return doc

    @staticmethod
    def _find(doc: Doc, match: re.Match[str], places: list[Candidate], agencies: list[Candidate]) -> None:
        gazetteer = load_gazetteer()
        span = doc.char_span(*match.span("place"), alignment_mode="contract")
        for group in ("place", "rest"):  # "IRNA –", "Tehran, IRNA –": an agency, not a place
            written = (match.group(group) or "").split(",")[-1].strip()  # "Tehran, Nov 3, IRNA –"
            agency = gazetteer.agency_named(written) if written else None
            start = match.start(group) + (match.group(group) or "").find(written)
            credit = doc.char_span(start, start + len(written), alignment_mode="contract") if agency else None
            if agency is not None and credit is not None and len(credit):
                agencies.append(
                    Candidate(
                        credit.start,
                        credit.end,
                        "NEWS_AGENCY",
                        "dateline_agency",
                        priority=90,
                        canonical=agency.canonical,
                        aliases=agency.names,
                    )
                )
                if group == "place":
                    span = None
        if span is not None and len(span):
            name = match.group("place").title()
            known = gazetteer.places_named(name)
            city = next((p for p in known if p.kind == "city"), None)
            place = city or (known[0] if known else None)
            places.append(
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
        group = "agency" if match.group("agency") else "slashed"  # "(MNA)" or "/ Trend /"
        if not match.group(group):
            return
        offset = match.start(group)
        for part in AGENCY_SEPARATOR.split(match.group(group)):  # "(MENAFN - Tehran Times)"
            start = match.group(group).find(part) + offset
            agency = gazetteer.agency_named(part.strip())
            span = doc.char_span(start, start + len(part.rstrip()), alignment_mode="contract")
            if agency is not None and span is not None and len(span):
                agencies.append(
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


@Language.factory("newskg_dateline", assigns=[ext.attr(ext.PLACE_NAMES), ext.attr(ext.AGENCY_NAMES)])
def make_dateline(nlp: Language, name: str) -> DatelineFinder:
    return DatelineFinder()
