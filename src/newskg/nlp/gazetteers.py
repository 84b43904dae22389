"""Places, news agencies and ministries the rules look up, read from the tables in ``nlp/data``.

Why data files: the names change more often than the code and are reviewed by people who read
the news, not Python. Every table is checked as it is read; a malformed row raises
:class:`~newskg.errors.DataFileError` naming ``file:line`` and what to fix.

Countries come from pycountry (all of ISO 3166-1), with ``country_aliases.tsv`` adding the
English names the press uses; Iran's provinces from ``iran_provinces.tsv`` (keyed by ISO 3166-2);
cities from ``cities.tsv``, a table derived from GeoNames once by ``scripts/build_city_table.py``.
The module never imports spaCy: the components build their matchers from it.

Lookups compare names case-insensitively, with hyphens equal to spaces, diacritics stripped and
a leading "the" ignored. All-capital acronyms (``US``, ``UK``, ``IRNA``, ``AP``) only match in
capitals, so the pronoun "us" is never the United States.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import pycountry

from ..errors import DataFileError
from .lexicon import load_lexicon
from .memo import Memo
from .spellings import usable_respellings
from .tables import DataPath, fold
from .tables import data_rows as _rows
from .tables import label as _label
from .tables import required as _required
from .vocabulary import load_english_words, load_given_names

__all__ = [
    "Agency",
    "Body",
    "CityRow",
    "Gazetteer",
    "Ministry",
    "Place",
    "ProvinceRow",
    "build_gazetteer",
    "load_gazetteer",
    "normalise",
    "read_agencies",
    "read_bodies",
    "read_cities",
    "read_country_aliases",
    "read_ministries",
    "read_provinces",
    "read_regions",
    "read_sites",
]

DATA_PACKAGE = "newskg.nlp.data"
PROVINCES_FILE = "iran_provinces.tsv"
CITIES_FILE = "cities.tsv"
COUNTRY_ALIASES_FILE = "country_aliases.tsv"
AGENCIES_FILE = "news_agencies.tsv"
MINISTRIES_FILE = "iran_ministries.tsv"
REGIONS_FILE = "world_regions.tsv"
SITES_FILE = "iran_sites.tsv"
SITE_KINDS = ("field", "port", "island", "zone", "crossing")
GPE_KINDS = ("country", "province", "city", "crossing")
"""Places that are political units or stand for a town (a border crossing); the others are LOC."""
BODIES_FILE = "international_bodies.tsv"

PROVINCE_WORD = "Province"


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
CITY_COLUMNS = ("name", "country", "province", "population", "alternates")
NAMED_COLUMNS = ("name", "names")
SITE_COLUMNS = ("name", "kind", "names")


_DASHES = str.maketrans({"-": " ", "‐": " ", "‑": " ", "–": " ", "—": " "})
_ACRONYM = re.compile(r"(?:[A-Z]\.?){2,5}")
_CAPITALISED_HYPHEN = re.compile(r"(?<=[a-z])-(?=[A-Z])")
_WORD = re.compile(r"[a-z]+")
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


# --------------------------------------------------------------------------------------------
# Reading the tables


def _name_list(where: str, value: str, column: str) -> list[str]:
    """Split a ``|``-separated list; an empty list is fine, an empty item is not."""
    if not value:
        return []
    items = [item.strip() for item in value.split("|")]
    if any(not item for item in items):
        raise DataFileError(f"{where}: empty name in {column} '{value}' (look for a doubled or trailing '|')")
    return items


def _country_code(where: str, value: str) -> str:
    if pycountry.countries.get(alpha_2=value) is None:
        raise DataFileError(f"{where}: unknown ISO 3166-1 alpha-2 country code '{value}'")
    return value


@lru_cache(maxsize=1)
def _iran_subdivisions() -> dict[str, str]:
    """ISO 3166-2 code -> pycountry's transliterated name, for Iran's provinces."""
    return {s.code: s.name for s in pycountry.subdivisions.get(country_code="IR")}


def _province_code(where: str, value: str) -> str:
    if value not in _iran_subdivisions():
        codes = sorted(_iran_subdivisions())
        raise DataFileError(
            f"{where}: unknown ISO 3166-2 code '{value}' for an Iranian province"
            f" (use {codes[0]} .. {codes[-1]})"
        )
    return value


def _forms(names: Iterable[str], *, fold_names: bool = True) -> tuple[str, ...]:
    """The names in order, each followed by its hyphen-less and diacritic-less spellings, no repeats.

    The components match names as written, so "Sistan Baluchestan" and "Cote d'Ivoire" must be
    listed even though the lookups here treat them as "Sistan-Baluchestan" and "Côte d'Ivoire".
    """
    out: dict[str, None] = {}
    for name in names:
        out[name] = None
        spaced = _CAPITALISED_HYPHEN.sub(" ", name)
        out[spaced] = None
        if fold_names:
            out[fold(name)] = None
            out[fold(spaced)] = None
    return tuple(out)


def read_country_aliases(path: DataPath) -> dict[str, tuple[str, ...]]:
    """alpha-2 code -> English names, the first of which is the canonical name."""
    aliases: dict[str, tuple[str, ...]] = {}
    lines: dict[str, str] = {}
    for where, (code, names) in _rows(path, ("alpha_2", "names")):
        code = _country_code(where, _required(where, code, "alpha_2"))
        if code in aliases:
            raise DataFileError(f"{where}: duplicate country {code} (first at {lines[code]}); merge the rows")
        listed = _name_list(where, _required(where, names, "names"), "names")
        aliases[code] = tuple(listed)
        lines[code] = where
    return aliases


def _countries(aliases: dict[str, tuple[str, ...]]) -> list[Place]:
    places = []
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        official = [getattr(country, attr, None) for attr in ("common_name", "name", "official_name")]
        standard = [re.sub(r"^the ", "", n) for n in official if n]
        names = [*aliases.get(country.alpha_2, ()), *standard]
        places.append(Place(names[0], "country", _forms(names), None, country.alpha_2))
    return places


@dataclass(frozen=True, slots=True)
class ProvinceRow:
    """A province as read, with its capital and row (kept to check the capital against the cities)."""

    place: Place
    capital: str
    where: str


def read_provinces(path: DataPath, *, country: str = "Iran") -> list[ProvinceRow]:
    """Iran's provinces, all 31 of them, with their capitals (checked against the cities later)."""
    provinces: list[ProvinceRow] = []
    seen: dict[str, str] = {}
    for where, (code, name, capital, variants) in _rows(
        path, ("iso_code", "name", "capital", "variants"), optional=1
    ):
        code = _province_code(where, _required(where, code, "iso_code"))
        name = _required(where, name, "name")
        canonical = f"{name} {PROVINCE_WORD}"
        for k in (code, normalise(canonical)):
            if k in seen:
                raise DataFileError(f"{where}: duplicate province '{k}' (first at {seen[k]})")
            seen[k] = where
        bare = [name, *_name_list(where, variants, "variants")]
        with_word = [n if n.endswith(f" {PROVINCE_WORD}") else f"{n} {PROVINCE_WORD}" for n in bare]
        names = [canonical, *(n for n in bare if not n.endswith(f" {PROVINCE_WORD}")), *with_word]
        place = Place(canonical, "province", _forms(names), country, code)
        provinces.append(ProvinceRow(place, _required(where, capital, "capital"), where))
    missing = sorted(set(_iran_subdivisions()) - {p.place.code for p in provinces if p.place.code})
    if missing:
        raise DataFileError(f"{_label(path)}: missing provinces {', '.join(missing)}; add a row for each")
    return provinces


@dataclass(frozen=True, slots=True)
class CityRow:
    """One row of the city table; it becomes a :class:`Place` once the provinces are known."""

    name: str
    country: str
    province: str | None
    population: int
    alternates: tuple[str, ...]
    where: str


def read_cities(path: DataPath) -> list[CityRow]:
    """The rows of the derived city table, checked (codes, population, one row per place)."""
    cities: list[CityRow] = []
    seen: dict[tuple[str, str, str], str] = {}
    for where, (name, country, province, population, alternates) in _rows(path, CITY_COLUMNS, optional=1):
        name = _required(where, name, "name")
        country = _country_code(where, _required(where, country, "country"))
        if province:
            if country != "IR":
                raise DataFileError(
                    f"{where}: province '{province}' given for a city in {country}; only Iran's"
                )
            _province_code(where, province)
        if not population.isdigit():
            raise DataFileError(f"{where}: population must be a whole number, not '{population}'")
        k = (normalise(name), country, province)
        if k in seen:
            raise DataFileError(
                f"{where}: duplicate city '{name}' in {country} {province} (first at {seen[k]})"
            )
        seen[k] = where
        names = tuple(_name_list(where, alternates, "alternates"))
        cities.append(CityRow(name, country, province or None, int(population), names, where))
    return cities


def read_agencies(path: DataPath) -> list[Agency]:
    """The news agencies; a name or acronym may belong to one agency only."""
    agencies: list[Agency] = []
    owner: dict[str, tuple[str, str]] = {}
    for where, (name, country, names, needs_context) in _rows(
        path, ("name", "country", "names", "needs_context")
    ):
        name = _required(where, name, "name")
        if needs_context not in ("yes", "no"):
            raise DataFileError(f"{where}: needs_context must be 'yes' or 'no', not '{needs_context}'")
        all_names = _forms([name, *_name_list(where, names, "names")])
        for surface in all_names:
            k = _key(surface)
            if k in owner and owner[k][0] != name:
                first, first_where = owner[k]
                raise DataFileError(f"{where}: name '{surface}' already names {first} ({first_where})")
            if surface == name and k in owner:
                raise DataFileError(f"{where}: duplicate agency '{name}' (first at {owner[k][1]})")
            owner.setdefault(k, (name, where))
        code = _country_code(where, country) if country else None
        agencies.append(Agency(name, all_names, needs_context == "yes", code))
    return agencies


def _named_rows(path: DataPath) -> list[tuple[str, tuple[str, ...]]]:
    """``name<TAB>other|names`` rows: each name once in the table."""
    rows: list[tuple[str, tuple[str, ...]]] = []
    owner: dict[str, str] = {}
    for where, (name, names) in _rows(path, NAMED_COLUMNS, optional=1):
        name = _required(where, name, "name")
        all_names = _forms([name, *_name_list(where, names, "names")])
        for surface in all_names:
            if _key(surface) in owner and owner[_key(surface)] != name:
                raise DataFileError(f"{where}: name '{surface}' already names {owner[_key(surface)]}")
            owner[_key(surface)] = name
        rows.append((name, all_names))
    return rows


def read_regions(path: DataPath) -> list[Place]:
    """World regions, seas and straits: places that lie in no country."""
    return [Place(name, "region", names, None, None) for name, names in _named_rows(path)]


def read_sites(path: DataPath, *, country: str = "Iran") -> list[Place]:
    """Oil and gas fields, ports, islands, free zones and border crossings: places in the country."""
    sites: list[Place] = []
    seen: dict[str, str] = {}
    for where, (name, kind, names) in _rows(path, SITE_COLUMNS, optional=1):
        name = _required(where, name, "name")
        if kind not in SITE_KINDS:
            raise DataFileError(f"{where}: kind must be one of {', '.join(SITE_KINDS)}, not '{kind}'")
        if name in seen:
            raise DataFileError(f"{where}: duplicate site '{name}' (first at {seen[name]})")
        seen[name] = where
        sites.append(Place(name, kind, _forms([name, *_name_list(where, names, "names")]), country, None))
    return sites


def read_bodies(path: DataPath) -> list[Body]:
    """International organisations and their acronyms."""
    return [Body(name, names) for name, names in _named_rows(path)]


def read_ministries(path: DataPath) -> list[Ministry]:
    """The ministries, with their keyword stems (lower-case letters only)."""
    ministries: list[Ministry] = []
    seen: dict[str, str] = {}
    for where, (name, keywords) in _rows(path, ("name", "keywords")):
        name = _required(where, name, "name")
        if normalise(name) in seen:
            raise DataFileError(f"{where}: duplicate ministry '{name}' (first at {seen[normalise(name)]})")
        seen[normalise(name)] = where
        stems = _name_list(where, _required(where, keywords, "keywords"), "keywords")
        bad = [s for s in stems if not _WORD.fullmatch(s)]
        if bad:
            raise DataFileError(f"{where}: keywords must be lower-case letters only: {', '.join(bad)}")
        ministries.append(Ministry(name, tuple(stems)))
    return ministries


# --------------------------------------------------------------------------------------------
# The gazetteer


def _key(surface: str) -> str:
    """Acronyms keep their capitals (``US`` is not ``us``); everything else is normalised."""
    surface = surface.strip()
    return surface if is_acronym(surface) else normalise(surface)


def _stem_matches(stem: str, word: str) -> bool:
    return word.startswith(stem) and len(word) - len(stem) <= STEM_SLACK


def _content_words(text: str) -> list[str]:
    words = _WORD.findall(fold(text).casefold())
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
                self._body_index.setdefault(_key(name), body)
        self._by_canonical: dict[str, Place] = {}
        place_index: dict[str, list[Place]] = {}
        for place in self.places:
            if place.canonical in self._by_canonical:
                raise ValueError(f"two places are called {place.canonical!r}; canonical names must be unique")
            self._by_canonical[place.canonical] = place
            for k in dict.fromkeys(_key(n) for n in place.names):
                place_index.setdefault(k, []).append(place)
        # One tuple per name, handed out by every lookup of it: remembering a lookup makes no object.
        self._place_index: dict[str, tuple[Place, ...]] = {k: tuple(v) for k, v in place_index.items()}
        self._agency_index: dict[str, Agency] = {}
        for agency in self.agencies:
            for name in agency.names:
                self._agency_index.setdefault(_key(name), agency)
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
        return self._place_index.get(_key(surface)) or self._place_index.get(normalise(surface)) or ()

    def place(self, canonical: str) -> Place | None:
        """The place with exactly this canonical name."""
        return self._by_canonical.get(canonical)

    def agency_named(self, surface: str) -> Agency | None:
        """The agency with this name or acronym (``IRNA``, ``Tasnim``, ``Tasnim news agency``)."""
        return self._agency_named[surface]

    def _find_agency(self, surface: str) -> Agency | None:
        bare = _AGENCY_SUFFIX.sub("", surface.strip())
        for name in dict.fromkeys((surface, bare)):
            agency = self._agency_index.get(_key(name)) or self._agency_index.get(normalise(name))
            if agency is not None:
                return agency
        return None

    def body_named(self, surface: str) -> Body | None:
        """The international organisation with this name or acronym (``OPEC``, ``the World Bank``)."""
        return self._body_named[surface]

    def _find_body(self, surface: str) -> Body | None:
        return self._body_index.get(_key(surface)) or self._body_index.get(normalise(surface))

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


def _cities(cities: list[CityRow], provinces: list[ProvinceRow], countries: list[Place]) -> list[Place]:
    """City places; a name shared with another place gets its container added ("Hyderabad, India")."""
    country_names = {p.code: p.canonical for p in countries}
    province_names = {p.place.code: p.place.canonical for p in provinces}
    taken = {normalise(p.canonical) for p in countries} | {normalise(p.place.canonical) for p in provinces}
    counts: dict[str, int] = {}
    for city in cities:
        counts[normalise(city.name)] = counts.get(normalise(city.name), 0) + 1
    places = []
    for city in sorted(cities, key=lambda c: (-c.population, c.name, c.country, c.province or "")):
        if city.country == "IR":
            container = (
                province_names.get(city.province, country_names["IR"])
                if city.province
                else country_names["IR"]
            )
        else:
            container = country_names[city.country]
        k = normalise(city.name)
        canonical = city.name if counts[k] == 1 and k not in taken else f"{city.name}, {container}"
        places.append(
            Place(
                canonical,
                "city",
                _forms([canonical, city.name, *city.alternates], fold_names=False),
                container,
                None,
            )
        )
    return places


def _check_capitals(provinces: list[ProvinceRow], cities: list[Place]) -> None:
    for province in provinces:
        ok = any(
            c.container == province.place.canonical
            and normalise(province.capital) in {normalise(n) for n in c.names}
            for c in cities
        )
        if not ok:
            raise DataFileError(
                f"{province.where}: capital '{province.capital}' is not a city of {province.place.canonical}"
                f" in {CITIES_FILE}; fix the capital's spelling or rebuild the city table"
            )


def build_gazetteer(
    *,
    provinces: DataPath,
    cities: DataPath,
    country_aliases: DataPath,
    agencies: DataPath,
    ministries: DataPath,
    regions: DataPath | None = None,
    bodies: DataPath | None = None,
    sites: DataPath | None = None,
) -> Gazetteer:
    """Read and cross-check the tables (tests pass their own files; regions and bodies may be left out)."""
    countries = _countries(read_country_aliases(country_aliases))
    iran = next(p.canonical for p in countries if p.code == "IR")
    province_rows = read_provinces(provinces, country=iran)
    city_places = _cities(read_cities(cities), province_rows, countries)
    _check_capitals(province_rows, city_places)
    region_places = read_regions(regions) if regions is not None else []
    site_places = read_sites(sites, country=iran) if sites is not None else []
    places = [*countries, *(p.place for p in province_rows), *city_places, *region_places, *site_places]
    places = _respelled(places, inside={iran, *(p.place.canonical for p in province_rows)})
    seen: dict[str, Place] = {}
    for place in places:
        if place.canonical in seen:
            raise DataFileError(
                f"{_label(country_aliases)}: a {place.kind} and a {seen[place.canonical].kind} share the"
                f" canonical name '{place.canonical}'; give one of them another first name"
            )
        seen[place.canonical] = place
    return Gazetteer(
        places,
        read_agencies(agencies),
        read_ministries(ministries),
        read_bodies(bodies) if bodies is not None else (),
    )


def _respelled(places: list[Place], *, inside: set[str]) -> list[Place]:
    """Iranian towns and sites with the spellings English news gives them beside GeoNames' one."""
    rules = load_lexicon().things.persian_place_spellings
    english, given = load_english_words(), load_given_names()
    taken = {_key(name) for place in places for name in place.names}

    def is_word(word: str) -> bool:
        return english.is_known(word) or given.is_given_name(word)

    out = []
    for place in places:
        if place.kind in ("city", *SITE_KINDS) and place.container in inside:
            extra = [
                spelling
                for name in place.names[:1]
                for spelling in usable_respellings(
                    name, rules, is_word=is_word, taken=lambda s: _key(s) in taken
                )
            ]
            if extra:
                place = Place(
                    place.canonical, place.kind, _forms([*place.names, *extra]), place.container, place.code
                )
        out.append(place)
    return out


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The shipped gazetteer (cached: the tables never change at run time)."""
    data = resources.files(DATA_PACKAGE)
    return build_gazetteer(
        provinces=data.joinpath(PROVINCES_FILE),
        cities=data.joinpath(CITIES_FILE),
        country_aliases=data.joinpath(COUNTRY_ALIASES_FILE),
        agencies=data.joinpath(AGENCIES_FILE),
        ministries=data.joinpath(MINISTRIES_FILE),
        regions=data.joinpath(REGIONS_FILE),
        bodies=data.joinpath(BODIES_FILE),
        sites=data.joinpath(SITES_FILE),
    )
