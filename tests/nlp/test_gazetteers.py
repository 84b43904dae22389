"""The gazetteer tables load, resolve the spellings English news uses, and reject malformed rows."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pycountry
import pytest

from conftest import SEEDS
from newskg.errors import DataFileError
from newskg.ingest import article_from_text
from newskg.nlp import extract_one
from newskg.nlp.gazetteers import (
    AGENCIES_FILE,
    BODIES_FILE,
    CITIES_FILE,
    COUNTRY_ALIASES_FILE,
    MINISTRIES_FILE,
    PROVINCES_FILE,
    REGIONS_FILE,
    SITES_FILE,
    Gazetteer,
    Place,
    build_gazetteer,
    load_gazetteer,
    normalise,
    read_agencies,
    read_cities,
    read_country_aliases,
    read_ministries,
    read_provinces,
)
from newskg.nlp.lexicon import load_lexicon
from newskg.nlp.spellings import respellings, usable_respellings
from newskg.nlp.year_mottos import load_year_mottos, read_year_mottos

IRAN_CODES = {s.code for s in pycountry.subdivisions.get(country_code="IR")}
DATA_FILES = (
    PROVINCES_FILE,
    CITIES_FILE,
    COUNTRY_ALIASES_FILE,
    AGENCIES_FILE,
    MINISTRIES_FILE,
    REGIONS_FILE,
    BODIES_FILE,
    SITES_FILE,
)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def only(places: tuple[Place, ...], kind: str) -> Place:
    matching = [p for p in places if p.kind == kind]
    assert len(matching) == 1, places
    return matching[0]


def copy_data(tmp_path: Path) -> dict[str, Path]:
    """The shipped tables, copied so a test can break one of them."""
    data = resources.files("newskg.nlp.data")
    paths = {}
    for name in DATA_FILES:
        path = tmp_path / name
        path.write_text(data.joinpath(name).read_text(encoding="utf-8"), encoding="utf-8")
        paths[name] = path
    return paths


def build_from(paths: dict[str, Path]) -> Gazetteer:
    return build_gazetteer(
        provinces=paths[PROVINCES_FILE],
        cities=paths[CITIES_FILE],
        country_aliases=paths[COUNTRY_ALIASES_FILE],
        agencies=paths[AGENCIES_FILE],
        ministries=paths[MINISTRIES_FILE],
        regions=paths[REGIONS_FILE],
        bodies=paths[BODIES_FILE],
        sites=paths[SITES_FILE],
    )


# --- provinces ---------------------------------------------------------------------------------


def test_31_provinces_with_pycountry_codes(gazetteer: Gazetteer) -> None:
    provinces = [p for p in gazetteer.places if p.kind == "province"]
    assert len(provinces) == 31
    assert {p.code for p in provinces} == IRAN_CODES
    assert len({p.code for p in provinces}) == 31
    for province in provinces:
        assert province.canonical.endswith(" Province")
        assert province.container == "Iran"
        assert province.names[0] == province.canonical


@pytest.mark.parametrize(
    ("surface", "canonical", "code"),
    [
        ("East Azerbaijan", "East Azarbaijan Province", "IR-03"),
        ("East Azarbaijan Province", "East Azarbaijan Province", "IR-03"),
        ("east azarbaijan province", "East Azarbaijan Province", "IR-03"),
        ("Azarbayjan-e Sharqi", "East Azarbaijan Province", "IR-03"),
        ("Āz̄ārbāyjān-e Shārqī", "East Azarbaijan Province", "IR-03"),
        ("West Azerbaijan", "West Azarbaijan Province", "IR-04"),
        ("sistan and baluchestan", "Sistan-Baluchestan Province", "IR-11"),
        ("Sistan-Baluchestan", "Sistan-Baluchestan Province", "IR-11"),
        ("Sistan Baluchestan", "Sistan-Baluchestan Province", "IR-11"),
        ("Sistan & Baluchestan", "Sistan-Baluchestan Province", "IR-11"),
        ("Kurdistan", "Kurdistan Province", "IR-12"),
        ("Kordestan Province", "Kurdistan Province", "IR-12"),
        ("Razavi Khorasan", "Khorasan Razavi Province", "IR-09"),
        ("Khorasan-e Razavi", "Khorasan Razavi Province", "IR-09"),
        ("Kohgiluyeh and Boyer Ahmad", "Kohgiluyeh and Boyer-Ahmad Province", "IR-17"),
        ("Chahar Mahal and Bakhtiari", "Chaharmahal and Bakhtiari Province", "IR-14"),
        ("Central Province", "Markazi Province", "IR-00"),
        ("Hamedan province", "Hamadan Province", "IR-13"),
    ],
)
def test_province_spellings(gazetteer: Gazetteer, surface: str, canonical: str, code: str) -> None:
    province = only(gazetteer.places_named(surface), "province")
    assert (province.canonical, province.code) == (canonical, code)


@pytest.mark.parametrize("subdivision", sorted(IRAN_CODES))
def test_pycountry_transliterations_resolve(gazetteer: Gazetteer, subdivision: str) -> None:
    name = pycountry.subdivisions.get(code=subdivision).name  # "Āz̄ārbāyjān-e Shārqī Province"
    assert only(gazetteer.places_named(name), "province").code == subdivision
    assert only(gazetteer.places_named(name.removesuffix(" Province")), "province").code == subdivision


def test_ambiguous_bare_words_are_only_province_names_with_the_word(gazetteer: Gazetteer) -> None:
    assert gazetteer.places_named("Central") == ()
    assert gazetteer.places_named("Pars") == ()
    assert only(gazetteer.places_named("Pars Province"), "province").code == "IR-07"


def test_names_as_written_include_hyphenless_forms_for_the_matcher(gazetteer: Gazetteer) -> None:
    province = gazetteer.place("Sistan-Baluchestan Province")
    assert province is not None
    assert "Sistan Baluchestan" in province.names
    assert "Sistan and Baluchestan Province" in province.names


# --- cities ------------------------------------------------------------------------------------


@pytest.mark.parametrize("surface", ["Tabriz", "Tabrez", "TABRIZ"])
def test_tabriz_is_a_city_of_east_azarbaijan(gazetteer: Gazetteer, surface: str) -> None:
    city = only(gazetteer.places_named(surface), "city")
    assert city.canonical == "Tabriz"
    assert city.container == "East Azarbaijan Province"
    assert city.code is None


def test_tehran_is_a_city_and_a_province(gazetteer: Gazetteer) -> None:
    places = gazetteer.places_named("Tehran")
    assert {p.kind for p in places} == {"city", "province"}
    assert only(places, "city").container == "Tehran Province"
    assert only(places, "province").canonical == "Tehran Province"
    assert only(gazetteer.places_named("Tehran province"), "province").code == "IR-23"
    city = gazetteer.place("Tehran")
    assert city is not None and city.kind == "city"


@pytest.mark.parametrize(
    ("surface", "canonical", "province"),
    [
        ("Isfahan", "Isfahan", "Isfahan Province"),
        ("Esfahan", "Isfahan", "Isfahan Province"),
        ("Urmia", "Urmia", "West Azarbaijan Province"),
        ("Orumiyeh", "Urmia", "West Azarbaijan Province"),
        ("Hamedan", "Hamadan", "Hamadan Province"),
        ("Bandar Abbas", "Bandar Abbas", "Hormozgan Province"),
        ("Mashhad", "Mashhad", "Khorasan Razavi Province"),
        ("Ahwaz", "Ahvaz", "Khuzestan Province"),
        ("Karaj", "Karaj", "Alborz Province"),
    ],
)
def test_iranian_city_spellings(gazetteer: Gazetteer, surface: str, canonical: str, province: str) -> None:
    city = only(gazetteer.places_named(surface), "city")
    assert (city.canonical, city.container) == (canonical, province)


@pytest.mark.parametrize(
    ("surface", "canonical"),
    [
        ("Asaluyeh", "Bandar-e 'Asaluyah"),  # apostrophe dropped, Bandar-e dropped, final -ah as -eh
        ("Bandar Kangan", "Bandar-e Kangan"),  # ezafe dropped
        ("Kangan", "Bandar-e Kangan"),  # a port town by its bare name
        ("Jafarabad", "Ja'farabad"),
        ("Hoveizeh", "Hoveyzeh"),  # ey as ei
        ("Shoushtar", "Shushtar"),  # u as ou
        ("Maraghe", "Maragheh"),  # final -eh as -e
        ("Assaluyeh", "Bandar-e 'Asaluyah"),  # a consonant after the first vowel written double
        ("Abbadan", "Abadan"),
        ("Bandar Abas", "Bandar Abbas"),  # a double consonant written once
    ],
)
def test_iranian_towns_answer_to_the_spellings_english_news_gives_them(
    gazetteer: Gazetteer, surface: str, canonical: str
) -> None:
    assert any(p.canonical == canonical for p in gazetteer.places_named(surface))


def test_respellings_that_are_words_names_or_other_places_are_not_used() -> None:
    rules = load_lexicon().things.persian_place_spellings
    words = {"kong", "rahim"}
    found = usable_respellings(
        "Bandar-e Kong", rules, is_word=lambda w: w.lower() in words, taken=lambda s: s == "Bandar Kong"
    )
    assert "Kong" not in found and "Bandar Kong" not in found
    assert usable_respellings("Bandar-e Rahim", rules, is_word=lambda w: w.lower() in words, taken=bool) == ()
    assert "Kangan" in usable_respellings(
        "Bandar-e Kangan", rules, is_word=lambda w: False, taken=lambda s: False
    )
    assert respellings("Tehran", rules) == ()


def test_the_shipped_respellings_avoid_english_words(gazetteer: Gazetteer) -> None:
    for surface in ("Kong", "Rig", "Gaz", "Hong"):
        assert not gazetteer.places_named(surface), surface


def test_no_alternate_city_name_is_a_common_english_word(gazetteer: Gazetteer) -> None:
    # "Cars" (Kars), "Hail" (Ha'il), "Genes" (Genoa) would be read in ordinary sentences
    for surface in ("Cars", "Hail", "Genes", "Lids", "Motown"):
        assert not gazetteer.places_named(surface), surface
    assert any(p.canonical == "Kars" for p in gazetteer.places_named("Kars"))


def test_fields_that_share_a_name_with_a_compass_word_are_distinct_fields(gazetteer: Gazetteer) -> None:
    found = {
        surface: {p.canonical for p in gazetteer.places_named(surface)}
        for surface in ("North Azadegan", "South Azadegan", "Azadegan", "West Karun")
    }
    assert found == {
        "North Azadegan": {"North Azadegan"},
        "South Azadegan": {"South Azadegan"},
        "Azadegan": {"Azadegan"},
        "West Karun": {"West Karun"},
    }


@pytest.mark.parametrize(
    "surface, canonical",
    [("Meshginshahr", "Meshgin Shahr"), ("Pars Abad", "Parsabad"), ("Aliabad-e Katul", "Ali Abad-e Katul")],
)
def test_abad_and_shahr_are_written_apart_or_joined(
    gazetteer: Gazetteer, surface: str, canonical: str
) -> None:
    assert [p.canonical for p in gazetteer.places_named(surface)] == [canonical]


def test_the_elements_alone_name_no_place(gazetteer: Gazetteer) -> None:
    assert not gazetteer.places_named("Shahr") and not gazetteer.places_named("Abad")


def test_a_region_named_with_and_is_one_region(gazetteer: Gazetteer) -> None:
    assert [p.canonical for p in gazetteer.places_named("Middle East and North Africa")] == [
        "Middle East and North Africa"
    ]
    assert [p.canonical for p in gazetteer.places_named("MENA")] == ["Middle East and North Africa"]


def test_every_province_capital_is_a_city_in_it(gazetteer: Gazetteer) -> None:
    rows = [line.split("\t") for line in _data_lines(PROVINCES_FILE)]
    assert len(rows) == 31
    for code, name, capital, *_ in rows:
        cities = [p for p in gazetteer.places_named(capital) if p.kind == "city"]
        assert any(c.container == f"{name} Province" for c in cities), (code, capital, cities)


def test_world_cities_and_capitals(gazetteer: Gazetteer) -> None:
    assert only(gazetteer.places_named("Beijing"), "city").container == "China"
    assert only(gazetteer.places_named("Sao Paulo"), "city").canonical == "São Paulo"
    assert only(gazetteer.places_named("Muscat"), "city").container == "Oman"
    assert only(gazetteer.places_named("Baku"), "city").container == "Azerbaijan"


def test_neighbours_towns_down_to_50000_people_but_none_read_as_ordinary_words(gazetteer: Gazetteer) -> None:
    assert only(gazetteer.places_named("Sohar"), "city").container == "Oman"
    assert only(gazetteer.places_named("Jebel Ali"), "city").container == "United Arab Emirates"
    assert only(gazetteer.places_named("Nakhchivan"), "city").container == "Azerbaijan"
    for word in ("Mary", "Hub", "Sur", "Batman", "Business Bay"):  # towns of Turkmenistan, Pakistan, ...
        assert not gazetteer.places_named(word), word


def test_a_city_ten_times_bigger_than_its_namesakes_keeps_the_bare_name(gazetteer: Gazetteer) -> None:
    named = {p.canonical: p.container for p in gazetteer.places_named("Khorramabad")}
    assert named == {
        "Khorramabad": "Lorestan Province",  # the provincial capital
        "Khorramabad, Mazandaran Province": "Mazandaran Province",
    }


def test_shared_city_names_get_their_country(gazetteer: Gazetteer) -> None:
    names = {p.canonical for p in gazetteer.places_named("Hyderabad")}
    assert names == {"Hyderabad, India", "Hyderabad, Pakistan"}


def test_iranian_rows_have_provinces_and_other_rows_none() -> None:
    for line in _data_lines(CITIES_FILE):
        _name, country, province, population, *_ = line.split("\t")
        assert (province in IRAN_CODES) if country == "IR" else province == "", line
        assert population.isdigit(), line


# --- countries ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("surface", "canonical"),
    [
        ("U.S.", "United States"),
        ("US", "United States"),
        ("USA", "United States"),
        ("America", "United States"),
        ("United States of America", "United States"),
        ("UK", "United Kingdom"),
        ("Britain", "United Kingdom"),
        ("Iran", "Iran"),
        ("Islamic Republic of Iran", "Iran"),
        ("IRAN", "Iran"),
        ("Russia", "Russia"),
        ("Russian Federation", "Russia"),
        ("South Korea", "South Korea"),
        ("Türkiye", "Turkey"),
        ("Turkiye", "Turkey"),
        ("UAE", "United Arab Emirates"),
        ("the Netherlands", "Netherlands"),
        ("Czechia", "Czech Republic"),
        ("Côte d'Ivoire", "Ivory Coast"),
        ("Iraq", "Iraq"),
    ],
)
def test_country_names(gazetteer: Gazetteer, surface: str, canonical: str) -> None:
    country = only(gazetteer.places_named(surface), "country")
    assert country.canonical == canonical
    assert country.container is None


def test_acronyms_match_in_capitals_only(gazetteer: Gazetteer) -> None:
    """Regression: "us" (the pronoun) and "uk" must not be countries."""
    assert gazetteer.places_named("us") == ()
    assert gazetteer.places_named("Us") == ()
    assert gazetteer.places_named("uk") == ()


def test_every_pycountry_country_once(gazetteer: Gazetteer) -> None:
    countries = [p for p in gazetteer.places if p.kind == "country"]
    assert {p.code for p in countries} == {c.alpha_2 for c in pycountry.countries}
    assert len(countries) == len(pycountry.countries)
    assert all(p.names[0] == p.canonical for p in countries)


def test_canonical_names_are_unique_and_first(gazetteer: Gazetteer) -> None:
    canonicals = [p.canonical for p in gazetteer.places]
    assert len(canonicals) == len(set(canonicals))
    assert all(p.names[0] == p.canonical for p in gazetteer.places)
    assert all(gazetteer.place(p.canonical) is p for p in gazetteer.places[:300])


# --- agencies ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("surface", "canonical", "needs_context"),
    [
        ("IRIB", "Islamic Republic of Iran Broadcasting", False),
        ("IRIB News", "Islamic Republic of Iran Broadcasting", False),
        ("IRNA", "Islamic Republic News Agency", False),
        ("Islamic Republic News Agency", "Islamic Republic News Agency", False),
        ("Tasnim", "Tasnim News Agency", False),
        ("Tasnim news agency", "Tasnim News Agency", False),
        ("MNA", "Mehr News Agency", True),
        ("Mehr", "Mehr News Agency", True),
        ("Fars", "Fars News Agency", True),
        ("Trend", "Trend News Agency", True),
        ("Shana", "Shana", False),
        ("AFP", "Agence France-Presse", False),
    ],
)
def test_agencies(gazetteer: Gazetteer, surface: str, canonical: str, needs_context: bool) -> None:
    agency = gazetteer.agency_named(surface)
    assert agency is not None
    assert (agency.canonical, agency.needs_context) == (canonical, needs_context)
    assert agency.names[0] == canonical


def test_unknown_agency(gazetteer: Gazetteer) -> None:
    assert gazetteer.agency_named("Banana News") is None
    assert gazetteer.agency_named("ap") is None


# --- ministries --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "canonical"),
    [
        ("Industry, Mine and Trade", "Ministry of Industry, Mining and Trade"),
        ("industry", "Ministry of Industry, Mining and Trade"),
        ("Industry, Mining, and Trade Ministry", "Ministry of Industry, Mining and Trade"),
        ("industry minister", "Ministry of Industry, Mining and Trade"),
        ("Oil", "Ministry of Petroleum"),
        ("oil minister", "Ministry of Petroleum"),
        ("Economy", "Ministry of Economic Affairs and Finance"),
        ("Economic Affairs and Finance", "Ministry of Economic Affairs and Finance"),
        ("Foreign Affairs", "Ministry of Foreign Affairs"),
        ("Labor", "Ministry of Cooperatives, Labour and Social Welfare"),
        ("Roads", "Ministry of Roads and Urban Development"),
        ("Agriculture", "Ministry of Agriculture Jihad"),
        ("Education", "Ministry of Education"),
        ("Health", "Ministry of Health and Medical Education"),
        ("Cultural Heritage", "Ministry of Cultural Heritage, Tourism and Handicrafts"),
    ],
)
def test_ministry_for(gazetteer: Gazetteer, words: str, canonical: str) -> None:
    ministry = gazetteer.ministry_for(words)
    assert ministry is not None
    assert ministry.canonical == canonical


@pytest.mark.parametrize("words", ["Banana", "", "Ministry of", "Technology"])
def test_ministry_for_nothing_or_a_tie(gazetteer: Gazetteer, words: str) -> None:
    assert gazetteer.ministry_for(words) is None


def test_nineteen_ministries(gazetteer: Gazetteer) -> None:
    assert len(gazetteer.ministries) == 19
    assert all(m.keywords for m in gazetteer.ministries)


# --- normalisation -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("surface", "key"),
    [
        ("Sistan-Baluchestan", "sistan baluchestan"),
        ("The Hague", "hague"),
        ("Āz̄ārbāyjān-e Shārqī", "azarbayjan e sharqi"),
        ("Qā’em  Shahr", "qa'em shahr"),
        ("Sistan & Baluchestan", "sistan and baluchestan"),
    ],
)
def test_normalise(surface: str, key: str) -> None:
    assert normalise(surface) == key


# --- malformed tables --------------------------------------------------------------------------


def _data_lines(name: str) -> list[str]:
    text = resources.files("newskg.nlp.data").joinpath(name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def where(path: Path, line: int) -> str:
    return re.escape(f"{path}:{line}:")


def test_wrong_column_count_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "provinces.tsv"
    path.write_text("# header\nIR-00\tMarkazi\tArak\t\nIR-01\tGilan\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=where(path, 3) + " expected 3 to 4 tab-separated columns"):
        read_provinces(path)


def test_unknown_province_code(tmp_path: Path) -> None:
    path = tmp_path / "provinces.tsv"
    path.write_text("IR-31\tNowhere\tNoville\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=where(path, 1) + " unknown ISO 3166-2 code 'IR-31'"):
        read_provinces(path)


def test_missing_province(tmp_path: Path) -> None:
    path = tmp_path / "provinces.tsv"
    path.write_text("IR-00\tMarkazi\tArak\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=re.escape(f"{path}: missing provinces IR-01")):
        read_provinces(path)


def test_duplicate_province(tmp_path: Path) -> None:
    path = tmp_path / "provinces.tsv"
    path.write_text("IR-00\tMarkazi\tArak\nIR-00\tCentral\tArak\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=where(path, 2) + " duplicate province 'IR-00'"):
        read_provinces(path)


def test_empty_name(tmp_path: Path) -> None:
    path = tmp_path / "cities.tsv"
    path.write_text("Tabriz\tIR\tIR-03\t1424641\tTabrez\n\tIR\tIR-03\t5\t\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=where(path, 2) + " empty name"):
        read_cities(path)


def test_unknown_country_code(tmp_path: Path) -> None:
    path = tmp_path / "cities.tsv"
    path.write_text("Pristina\tXK\t\t161751\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=where(path, 1) + " unknown ISO 3166-1 alpha-2 country code 'XK'"):
        read_cities(path)


def test_bad_population_and_foreign_province(tmp_path: Path) -> None:
    path = tmp_path / "cities.tsv"
    path.write_text("Baku\tAZ\t\tmany\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=where(path, 1) + " population must be a whole number"):
        read_cities(path)
    path.write_text("Baku\tAZ\tIR-03\t100\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=where(path, 1) + " province 'IR-03' given for a city in AZ"):
        read_cities(path)


def test_duplicate_city(tmp_path: Path) -> None:
    path = tmp_path / "cities.tsv"
    path.write_text("Tabriz\tIR\tIR-03\t1\t\nTabríz\tIR\tIR-03\t2\t\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=where(path, 2) + " duplicate city"):
        read_cities(path)


def test_empty_item_in_a_name_list(tmp_path: Path) -> None:
    path = tmp_path / "aliases.tsv"
    path.write_text("US\tUnited States||USA\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=where(path, 1) + " empty name in names"):
        read_country_aliases(path)


def test_duplicate_country_alias_row(tmp_path: Path) -> None:
    path = tmp_path / "aliases.tsv"
    path.write_text("US\tUnited States\nUS\tAmerica\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=where(path, 2) + " duplicate country US"):
        read_country_aliases(path)


def test_agency_rows(tmp_path: Path) -> None:
    path = tmp_path / "agencies.tsv"
    path.write_text("Islamic Republic News Agency\tIR\tIRNA\tmaybe\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=where(path, 1) + " needs_context must be 'yes' or 'no'"):
        read_agencies(path)
    path.write_text("Islamic Republic News Agency\tIR\tIRNA\tno\nIran News\tIR\tIRNA\tno\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=where(path, 2) + " name 'IRNA' already names Islamic Republic"):
        read_agencies(path)
    path.write_text("Reuters\tGB\t\tno\nReuters\tGB\t\tno\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=where(path, 2) + " duplicate agency 'Reuters'"):
        read_agencies(path)


def test_ministry_rows(tmp_path: Path) -> None:
    path = tmp_path / "ministries.tsv"
    path.write_text("Ministry of Energy\tenergy\nMinistry of Energy\tpower\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=where(path, 2) + " duplicate ministry 'Ministry of Energy'"):
        read_ministries(path)
    path.write_text("Ministry of Energy\tEnergy|power\n", encoding="utf-8")
    with pytest.raises(
        DataFileError, match=where(path, 1) + " keywords must be lower-case letters only: Energy"
    ):
        read_ministries(path)


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "ministries.tsv"
    path.write_bytes("Ministry of Énergy\tenergy\n".encode("latin-1"))
    with pytest.raises(DataFileError, match=re.escape(f"{path}: not UTF-8")):
        read_ministries(path)


def test_capital_must_be_a_city_of_its_province(tmp_path: Path) -> None:
    paths = copy_data(tmp_path)
    provinces = paths[PROVINCES_FILE]
    lines = provinces.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines, start=1) if line.startswith("IR-03\t"))
    lines[number - 1] = lines[number - 1].replace("\tTabriz\t", "\tShiraz\t")
    provinces.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(
        DataFileError, match=where(provinces, number) + " capital 'Shiraz' is not a city of East"
    ):
        build_from(paths)


def test_copied_tables_build_the_same_gazetteer(tmp_path: Path, gazetteer: Gazetteer) -> None:
    rebuilt = build_from(copy_data(tmp_path))
    assert rebuilt.places == gazetteer.places
    assert rebuilt.agencies == gazetteer.agencies
    assert rebuilt.ministries == gazetteer.ministries
    assert rebuilt.bodies == gazetteer.bodies


def test_world_regions_lie_in_no_country_and_bodies_answer_to_their_acronyms(gazetteer: Gazetteer) -> None:
    regions = {p.canonical: p for p in gazetteer.places if p.kind == "region"}
    assert {"Persian Gulf", "Central Asia", "Eurasia"} <= set(regions)
    assert all(p.container is None for p in regions.values())
    assert gazetteer.body_named("OPEC").canonical == "Organization of the Petroleum Exporting Countries"
    assert gazetteer.body_named("the World Bank").canonical == "World Bank"
    assert gazetteer.body_named("un") is None  # acronyms only in capitals: "un" is no United Nations


def test_a_name_in_two_rows_of_a_named_table_is_refused(tmp_path: Path) -> None:
    paths = copy_data(tmp_path)
    paths[BODIES_FILE].write_text("United Nations\tUN\nUnion of Nations\tUN\n", encoding="utf-8")
    expected = r"international_bodies.tsv:2: name 'UN' already names United Nations"
    with pytest.raises(DataFileError, match=expected):
        build_from(paths)


def test_the_phrase_index_finds_every_name_as_the_tokenizer_splits_it(nlp) -> None:
    """Plain names are split at spaces instead of being tokenised: each must still be found."""
    finder = nlp.get_pipe("newskg_gazetteer")
    names = sorted(set(finder.places) | set(finder.agencies))
    assert len(names) > 5000
    missed = []
    for name in names:
        words = [token.text for token in nlp.make_doc(name)]
        if (0, len(words)) not in set(finder.index.find(words)):
            missed.append(name)
    assert missed == []


def test_the_phrase_index_finds_what_spacys_phrase_matcher_finds(nlp) -> None:
    from spacy.matcher import PhraseMatcher

    finder = nlp.get_pipe("newskg_gazetteer")
    names = sorted(set(finder.places) | set(finder.agencies))
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    matcher.add("NAME", [nlp.make_doc(name) for name in names])
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    texts.append("East Azarbaijan Province and Tehran, Iran; Sistan and Baluchestan. IRNA, Mehr News Agency")
    for text in texts:
        doc = nlp.make_doc(text)
        expected = [(start, end) for _, start, end in matcher(doc)]
        assert list(finder.index.find([token.text for token in doc])) == expected
        assert len(expected) > 3


def test_a_place_before_a_hyphen_and_a_lower_case_word_is_named_but_not_inside_a_hyphenated_name(nlp):
    text = "A Baku-based firm met a Shenzhen-based maker in Qasr-e Shirin. Ali-Tabriz spoke."
    record = extract_one(article_from_text(text, id="t"), nlp=nlp)
    places = {m.text for e in record.entities if e.type in ("GPE", "LOC") for m in e.mentions}
    assert {"Baku", "Shenzhen"} <= places
    assert "Qasr" not in places and "Tabriz" not in places


def test_a_year_motto_row_needs_whole_years_and_a_motto(tmp_path: Path) -> None:
    path = tmp_path / "mottos.tsv"
    path.write_text(
        "# header\n1402\t2023\tCurbing Inflation\tControlling Inflation\n14O3\t2024\tLeap\n", encoding="utf-8"
    )
    with pytest.raises(DataFileError, match=where(path, 3) + " year and began must be whole numbers"):
        read_year_mottos(path)
    path.write_text("1402\t2023\t\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=where(path, 1) + " empty motto"):
        read_year_mottos(path)


def test_the_shipped_year_mottos_name_one_motto_a_year_each_rendering_once() -> None:
    mottos = load_year_mottos()
    assert len({m.year for m in mottos}) == len(mottos)
    assert all(m.began == m.year + 621 for m in mottos)  # a Solar Hijri year begins in March of year + 621
    forms = [form.lower() for m in mottos for form in m.forms]
    assert len(forms) == len(set(forms))
