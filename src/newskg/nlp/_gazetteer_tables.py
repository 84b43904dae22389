"""Reading the gazetteer's tables in ``nlp/data``, each row checked as it is read.

Why a module of its own: the tables are edited by people who read the news, not Python, so
reading them is mostly checking them: country and province codes against ISO 3166 (pycountry),
one row per place, no name shared by two agencies; a malformed row raises
:class:`~newskg.errors.DataFileError` naming ``file:line`` and what to fix. One ``read_*``
function per table.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import pycountry

from ..errors import DataFileError
from ._gazetteer_index import WORD, Agency, Body, Ministry, Place, lookup_key, normalise
from .tables import DataPath, fold
from .tables import data_rows as _rows
from .tables import label as _label
from .tables import required as _required

SITE_KINDS = ("field", "port", "island", "zone", "crossing")
PROVINCE_WORD = "Province"
CITY_COLUMNS = ("name", "country", "province", "population", "alternates")
NAMED_COLUMNS = ("name", "names")
SITE_COLUMNS = ("name", "kind", "names")

_CAPITALISED_HYPHEN = re.compile(r"(?<=[a-z])-(?=[A-Z])")


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


def name_forms(names: Iterable[str], *, fold_names: bool = True) -> tuple[str, ...]:
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
        place = Place(canonical, "province", name_forms(names), country, code)
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
        all_names = name_forms([name, *_name_list(where, names, "names")])
        for surface in all_names:
            k = lookup_key(surface)
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
        all_names = name_forms([name, *_name_list(where, names, "names")])
        for surface in all_names:
            if lookup_key(surface) in owner and owner[lookup_key(surface)] != name:
                raise DataFileError(f"{where}: name '{surface}' already names {owner[lookup_key(surface)]}")
            owner[lookup_key(surface)] = name
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
        sites.append(Place(name, kind, name_forms([name, *_name_list(where, names, "names")]), country, None))
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
        bad = [s for s in stems if not WORD.fullmatch(s)]
        if bad:
            raise DataFileError(f"{where}: keywords must be lower-case letters only: {', '.join(bad)}")
        ministries.append(Ministry(name, tuple(stems)))
    return ministries
