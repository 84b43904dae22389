"""What the gazetteer holds (places, agencies, ministries, international bodies) and its look-ups.

Why a module of its own: every rule asks the gazetteer about the same few words in every article,
so the names are indexed once under one key (folded, lower case, hyphens as spaces, no leading
"the"; acronyms kept in capitals) and each look-up is remembered. Reading the tables is
``_gazetteer_tables``; putting them together is ``gazetteers.build_gazetteer``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .lexicon import load_lexicon
from .memo import Memo
from .tables import fold


@dataclass(frozen=True, slots=True)
class Place:
    """A country, an Iranian province or a city, with every English surface form known for it."""

    canonical: str
    kind: str
    """``"country"``, ``"province"`` or ``"city"``."""
    names: tuple[str, ...]
    """Every known English surface form, canonical first."""
    container: str | None
    """Canonical name of the place it lies in: a province's is ``"Iran"``, an Iranian city's its
    province (``"Iran"`` if unknown), another city's its country; a country has none."""
    code: str | None
    """ISO 3166-1 alpha-2 for a country, ISO 3166-2 for a province, None for a city."""


@dataclass(frozen=True, slots=True)
class Agency:
    """A news agency, broadcaster or paper that articles cite as a source."""

    canonical: str
    names: tuple[str, ...]
    """Canonical name first, then other names and acronyms."""
    needs_context: bool
    """Some name is also an ordinary word or a place (Fars, Mehr, Trend): accept it only next to a
    reporting cue."""
    country: str | None
    """ISO 3166-1 alpha-2 code, when useful."""


@dataclass(frozen=True, slots=True)
class Ministry:
    """An Iranian ministry and the word stems that identify it in the many ways it is written."""

    canonical: str
    keywords: tuple[str, ...]
    """Lower-case stems; a stem matches a word that starts with it and is at most
    ``STEM_SLACK`` letters longer (``industr``: industry, industrial, industries)."""


@dataclass(frozen=True, slots=True)
class Body:
    """An international organisation (UN, OPEC, Eurasian Economic Union), often named by acronym."""

    canonical: str
    names: tuple[str, ...]
    """Canonical name first, then other names and acronyms."""


STEM_SLACK = 3

_DASHES = str.maketrans({"-": " ", "‐": " ", "‑": " ", "–": " ", "—": " "})
_ACRONYM = re.compile(r"(?:[A-Z]\.?){2,5}")
WORD = re.compile(r"[a-z]+")
"""A run of lower-case letters: a content word of a ministry's name, or one of its keyword stems."""
_AGENCY_SUFFIX = re.compile(r"\s+(?:news\s+)?agency$", re.IGNORECASE)


def normalise(surface: str) -> str:
    """The lookup key of a name: folded, lower case, hyphens as spaces, no leading "the"."""
    words = fold(surface).translate(_DASHES).replace("&", " and ").casefold().split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def is_acronym(name: str) -> bool:
    """``US``, ``U.S.``, ``UAE``, ``IRNA``: matched in capitals only."""
    return bool(_ACRONYM.fullmatch(name.strip()))


def lookup_key(surface: str) -> str:
    """Acronyms keep their capitals (``US`` is not ``us``); everything else is normalised."""
    surface = surface.strip()
    return surface if is_acronym(surface) else normalise(surface)


def _stem_matches(stem: str, word: str) -> bool:
    return word.startswith(stem) and len(word) - len(stem) <= STEM_SLACK


def _content_words(text: str) -> list[str]:
    words = WORD.findall(fold(text).casefold())
    return [w for w in words if len(w) > 1 and w not in load_lexicon().things.ministry_filler_words]


class Gazetteer:
    """Every known place, agency and ministry, with lookups by surface form.

    Build it with :func:`load_gazetteer` (the shipped tables) or :func:`build_gazetteer`.
    """

    __slots__ = (
        "_agency_index",
        "_agency_named",
        "_body_index",
        "_body_named",
        "_by_canonical",
        "_ministry_for",
        "_place_index",
        "_places_named",
        "agencies",
        "bodies",
        "ministries",
        "places",
    )

    def __init__(
        self,
        places: Iterable[Place],
        agencies: Iterable[Agency],
        ministries: Iterable[Ministry],
        bodies: Iterable[Body] = (),
    ) -> None:
        self.places: tuple[Place, ...] = tuple(places)
        self.agencies: tuple[Agency, ...] = tuple(agencies)
        self.ministries: tuple[Ministry, ...] = tuple(ministries)
        self.bodies: tuple[Body, ...] = tuple(bodies)
        self._body_index: dict[str, Body] = {}
        for body in self.bodies:
            for name in body.names:
                self._body_index.setdefault(lookup_key(name), body)
        self._by_canonical: dict[str, Place] = {}
        place_index: dict[str, list[Place]] = {}
        for place in self.places:
            if place.canonical in self._by_canonical:
                raise ValueError(f"two places are called {place.canonical!r}; canonical names must be unique")
            self._by_canonical[place.canonical] = place
            for k in dict.fromkeys(lookup_key(n) for n in place.names):
                place_index.setdefault(k, []).append(place)
        # One tuple per name, handed out by every lookup of it: remembering a lookup makes no object.
        self._place_index: dict[str, tuple[Place, ...]] = {k: tuple(v) for k, v in place_index.items()}
        self._agency_index: dict[str, Agency] = {}
        for agency in self.agencies:
            for name in agency.names:
                self._agency_index.setdefault(lookup_key(name), agency)
        # The rules ask about the same few words in every article: look each up once.
        self._ministry_for: Memo[Ministry | None] = Memo(self._best_ministry, limit=4096)
        self._places_named: Memo[tuple[Place, ...]] = Memo(self._find_places, limit=8192)
        self._agency_named: Memo[Agency | None] = Memo(self._find_agency, limit=8192)
        self._body_named: Memo[Body | None] = Memo(self._find_body, limit=8192)

    def places_named(self, surface: str) -> tuple[Place, ...]:
        """Every place with this name: countries, then provinces, then cities (biggest first).

        ``"Tehran"`` gives the city and the province; ``"Tehran province"`` only the province.
        The caller decides between them from context.
        """
        return self._places_named[surface]

    def _find_places(self, surface: str) -> tuple[Place, ...]:
        # The index's own tuples (or the empty one): remembering a surface makes no new object.
        return self._place_index.get(lookup_key(surface)) or self._place_index.get(normalise(surface)) or ()

    def place(self, canonical: str) -> Place | None:
        """The place with exactly this canonical name."""
        return self._by_canonical.get(canonical)

    def agency_named(self, surface: str) -> Agency | None:
        """The agency with this name or acronym (``IRNA``, ``Tasnim``, ``Tasnim news agency``)."""
        return self._agency_named[surface]

    def _find_agency(self, surface: str) -> Agency | None:
        bare = _AGENCY_SUFFIX.sub("", surface.strip())
        for name in dict.fromkeys((surface, bare)):
            agency = self._agency_index.get(lookup_key(name)) or self._agency_index.get(normalise(name))
            if agency is not None:
                return agency
        return None

    def body_named(self, surface: str) -> Body | None:
        """The international organisation with this name or acronym (``OPEC``, ``the World Bank``)."""
        return self._body_named[surface]

    def _find_body(self, surface: str) -> Body | None:
        return self._body_index.get(lookup_key(surface)) or self._body_index.get(normalise(surface))

    def ministry_for(self, words: str) -> Ministry | None:
        """The ministry that ``words`` name: ``"Industry, Mine and Trade"``, ``"industry"``, ``"Oil"``.

        The best ministry is the one whose keywords cover most content words; a tie goes to the
        one whose own name they cover best (``"Education"``: the Ministry of Education, not Health
        and Medical Education). None when no keyword matches, or when two ministries stay tied
        (``"Technology"``).
        """
        return self._ministry_for[words]

    def _best_ministry(self, words: str) -> Ministry | None:
        content = _content_words(words)
        if not content:
            return None
        shared = [  # "Affairs" of Foreign Affairs and of Economic Affairs names neither
            w
            for w in content
            if sum(1 for m in self.ministries if any(_stem_matches(k, w) for k in m.keywords)) > 1
        ]
        if shared and len(shared) < len(content):
            content = [w for w in content if w not in shared]
        scored = []
        for ministry in self.ministries:
            hits = [k for k in ministry.keywords if any(_stem_matches(k, w) for w in content)]
            matched = sum(1 for w in content if any(_stem_matches(k, w) for k in ministry.keywords))
            if not matched:
                continue
            own = _content_words(ministry.canonical)
            covered = sum(1 for c in own if any(_stem_matches(k, c) for k in hits))
            scored.append(((matched, covered / max(len(own), 1)), ministry))
        if not scored:
            return None
        scored.sort(key=lambda item: item[0], reverse=True)
        if len(scored) > 1 and scored[0][0] == scored[1][0]:
            return None
        return scored[0][1]
