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

This module puts the tables together (countries, provinces, cities named uniquely, capitals
checked, the spellings English news gives Iranian towns) and loads the shipped gazetteer once; the
entries and their look-ups are ``_gazetteer_index``, reading and checking each table
``_gazetteer_tables``. The public names are offered here.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import pycountry

from ..errors import DataFileError
from ._gazetteer_index import Agency, Body, Gazetteer, Ministry, Place, lookup_key, normalise
from ._gazetteer_tables import (
    SITE_KINDS,
    CityRow,
    ProvinceRow,
    name_forms,
    read_agencies,
    read_bodies,
    read_cities,
    read_country_aliases,
    read_ministries,
    read_provinces,
    read_regions,
    read_sites,
)
from .lexicon import load_lexicon
from .spellings import usable_respellings
from .tables import DataPath
from .tables import label as _label
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
GPE_KINDS = ("country", "province", "city")
"""Places that are political units; sites (fields, ports, islands, zones, border crossings) are LOC."""
BODIES_FILE = "international_bodies.tsv"


def _countries(aliases: dict[str, tuple[str, ...]]) -> list[Place]:
    places = []
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        official = [getattr(country, attr, None) for attr in ("common_name", "name", "official_name")]
        standard = [re.sub(r"^the ", "", n) for n in official if n]
        names = [*aliases.get(country.alpha_2, ()), *standard]
        places.append(Place(names[0], "country", name_forms(names), None, country.alpha_2))
    return places


def _cities(cities: list[CityRow], provinces: list[ProvinceRow], countries: list[Place]) -> list[Place]:
    """City places; a name shared with another place gets its container added ("Hyderabad, India"),
    unless the city is at least ten times as big as every other of that name: news means the
    provincial capital Khorramabad, not the village, by the bare name."""
    country_names = {p.code: p.canonical for p in countries}
    province_names = {p.place.code: p.place.canonical for p in provinces}
    taken = {normalise(p.canonical) for p in countries} | {normalise(p.place.canonical) for p in provinces}
    sizes: dict[str, list[int]] = {}
    for city in cities:
        sizes.setdefault(normalise(city.name), []).append(city.population)

    def keeps_bare_name(city: CityRow, key: str) -> bool:
        if key in taken:
            return False
        others = sorted(sizes[key], reverse=True)[1:]
        return not others or (city.population == max(sizes[key]) and city.population >= 10 * others[0])

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
        canonical = city.name if keeps_bare_name(city, k) else f"{city.name}, {container}"
        places.append(
            Place(
                canonical,
                "city",
                name_forms([canonical, city.name, *city.alternates], fold_names=False),
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
    taken = {lookup_key(name) for place in places for name in place.names}

    def is_word(word: str) -> bool:
        return english.is_known(word) or given.is_given_name(word)

    out = []
    for place in places:
        if place.kind in ("city", *SITE_KINDS) and place.container in inside:
            extra = [
                spelling
                for name in place.names[:1]
                for spelling in usable_respellings(
                    name, rules, is_word=is_word, taken=lambda s: lookup_key(s) in taken
                )
            ]
            if extra:
                place = Place(
                    place.canonical,
                    place.kind,
                    name_forms([*place.names, *extra]),
                    place.container,
                    place.code,
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
