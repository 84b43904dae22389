#!/usr/bin/env python3
"""Build ``src/newskg/nlp/data/given_names.tsv`` from persian-names and Faker, once, by hand.

Why a derived table: the person rules need to know that "Mohammad", "Saeed", "Hussein" or
"Dmitry" begin a person's name, in the spellings English news uses. persian-names has ~660
transliterated Persian given names (one spelling each) and Faker has given names for many
locales; neither is a newskg dependency, nor should be (Faker is a 2 MB test-data generator).
So this script distils the table once, the table is committed as data, a rebuild is reviewed as
a diff, and the runtime never imports either package.

What is kept, one row per spelling, with where it came from (``|``-separated when several):

* ``persian-names``: all of its male and female English lists.
* ``variant-of:<name>``: other romanisations of those names, produced by the general rules of
  Persian and Arabic romanisation in ``VARIANT_RULES`` (a table of interchangeable letter groups
  and where they may stand, not a list of people): Mohammad -> Mohammed, Muhammad, Mohamad,
  Mohamed; Saeid -> Saeed, Saied, Said, Saiid; Hossein -> Hussein, Hosein, Hussain; Ghasem ->
  Qasem, Gasem; Rouhollah -> Ruhollah. A variant is at most ``MAX_RULE_STEPS`` rule applications
  away from its name, or one more if English text has it (a capitalised form in spacy-lookups-data's
  word frequencies: Husain); at most ``MAX_VARIANTS`` per name are kept, spellings seen in English
  text first. A variant that is itself among the most frequent words of English (log-probability
  above ``MAX_VARIANT_LOGPROB``: Islam from Eslam, Muslim from Moslem) names something else and
  is dropped. Closed compounds (Mohammadreza) get no variants: the loader splits them.
* ``faker:<locale>``: Latin-script given names of the locales English news about Iran meets
  (``FAKER_LOCALES``). Names written ``Anne-Marie`` or ``Jose Luis`` give their parts. Russian
  names are transliterated from Cyrillic by ``RUSSIAN_LETTERS`` (BGN/PCGN-like, as the English
  press writes them: Dmitry, Sergey, Alexey, Yevgeny), with the alternate ending (Dmitri, Sergei,
  Alexei) also kept; Azerbaijani names are respelt as English news does (``AZERBAIJANI_LETTERS``:
  Heydər -> Heydar, Ceyhun -> Jeyhun). Faker's Arabic and Persian locales are in Arabic script
  and give nothing (Arabic given names are mostly covered by the Persian lists and the variants).

The ``parts`` column marks persian-names' closed compounds, male names made of two Persian given
names (Alireza: Ali|Reza, Mohammadreza: Mohammad|Reza, Gholamreza: Gholam|Reza). The loader
uses them to accept the hyphenated and spaced forms (Ali-Reza, Gholam Hossein, Mohammad Baqer):
a name that begins such a compound, or a variant of one, followed by another Persian given name.

What is left out, by general rules rather than a list of names:

* names of fewer than ``MIN_LETTERS`` letters (Al, Ed, Jo: abbreviations more often than names);
* names that are common English words: their lower-case form is mostly written in lower case in
  ``english_words.tsv`` (Will, May, Mark, Grant, Hope), or it is an irregular form of an English
  verb in WordNet's exception list (Rose, Drew), which news writes in lower case far more often
  than the web text behind ``english_words.tsv`` suggests, or it is an adjective in WordNet:
  mostly nationalities and religions written with a capital (German, Christian, Roman), which
  costs a few English names (Julian, Caroline, Frank);
* names of countries (pycountry and ``country_aliases.tsv``: Iran, Jordan, Georgia), of Iran's
  provinces (``iran_provinces.tsv``: Alborz), and one-word names of the news agencies
  (``news_agencies.tsv``: Shana);
* the twelve Solar Hijri months (``IRANIAN_MONTHS``: Azar, Bahman, Mehr, Dey, Esfand, Tir,
  Khordad) with their variants, and the Gregorian ones (June, August);
* honorifics and name particles (``HONORIFICS``: Seyyed, Haj, Sheikh, Mirza, Abu, Ibn) and
  their variants: they come before names but are not given names.

Run it with a throwaway environment (none of these packages is a newskg dependency), after
``scripts/build_english_words.py`` (this script reads its table)::

    python3 -m venv /tmp/names
    /tmp/names/bin/pip install persian-names==1.5.1 faker==40.63.0 spacy-lookups-data==1.0.5 pycountry
    /tmp/names/bin/python scripts/build_given_names.py            # writes the table
    /tmp/names/bin/python scripts/build_given_names.py --check    # exit 1 if it would change

The output is sorted: the same package versions give the same bytes (the table on disk was built
with persian-names 1.5.1, Faker 40.63.0, spacy-lookups-data 1.0.5 and pycountry 26.2.16).
"""

from __future__ import annotations

import gzip
import importlib
import importlib.metadata
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from table_script import DATA, argument_parser, read_tsv, words, write_or_check

DEFAULT_OUT = DATA / "given_names.tsv"

MIN_LETTERS = 3
MAX_RULE_STEPS = 2
MAX_VARIANTS = 8
# Natural-log probability in spacy-lookups-data's en_lexeme_prob: about the 8,000 most frequent
# case-sensitive forms of English are above it (Islam -10.9, Muslim -10.9); the most frequent
# spellings of Persian given names are below it (Ali -12.6, Muhammad -12.7, Hussein -13.6).
MAX_VARIANT_LOGPROB = -12.0

PERSIAN_SOURCE = "persian-names"
VARIANT_SOURCE = "variant-of:"
FAKER_SOURCE = "faker:"

# Latin-script locales first; the Russian one is transliterated, the Arabic ones have no Latin names.
FAKER_LOCALES = words("en_US en_GB de_DE fr_FR es_ES it_IT tr_TR az_AZ ru_RU ar_AA ar_DZ ar_PS ar_SA")


@dataclass(frozen=True)
class Rule:
    """Letter groups that romanise one Persian or Arabic sound, interchangeable where they stand.

    A group in ``spellings`` may be replaced by any other group of the rule, or by one of
    ``targets`` (produced, never replaced), where the look-around assertions ``left`` and ``right``
    (regular expressions on the lower-case name) hold.
    """

    name: str
    spellings: tuple[str, ...]
    left: str = ""
    right: str = ""
    targets: tuple[str, ...] = ()
    pattern: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        groups = "|".join(sorted(map(re.escape, self.spellings), key=len, reverse=True))
        object.__setattr__(self, "pattern", re.compile(f"{self.left}({groups}){self.right}"))

    def apply(self, word: str) -> Iterator[tuple[str, int, int, int]]:
        """Every spelling one replacement away: (spelling, where, letters replaced, letters put in)."""
        for match in self.pattern.finditer(word):
            start, end = match.span(1)
            for other in (*self.spellings, *self.targets):
                if other != match.group(1):
                    yield word[:start] + other + word[end:], start, end - start, len(other)


CONSONANT = "[bcdfghjklmnpqrstvwxyz]"
NOT_AFTER_VOWEL = "(?<![aeiou])"
BEFORE_CONSONANT = "(?=[bcdfghjklmnpqrstvwxz])"  # y: a consonant before a vowel, a vowel after one
# Sounds written with two letters count as one consonant where a rule looks at the last consonant.
BEFORE_LAST_CONSONANT = "(?=(?:gh|kh|sh|ch|zh|[bcdfgjklmnpqrstvz])$)"

VARIANT_RULES: tuple[Rule, ...] = (
    # long u: Davoud, Davood, Davud; Rouhollah, Ruhollah; Masoud, Masood
    Rule("long u", ("ou", "oo", "u"), left=NOT_AFTER_VOWEL),
    # the diphthong ei before a consonant or at the end: Heidar, Heydar, Haidar; Reyhaneh, Reihaneh;
    # Hossein, Hossain
    Rule("diphthong ei", ("ei", "ey", "ai", "ay"), left=NOT_AFTER_VOWEL, right=f"(?:{BEFORE_CONSONANT}|$)"),
    # long i after a vowel: Saeid, Saeed, Saied, Said, Saiid; Esmaeil, Esmail
    Rule(
        "long i after a vowel",
        ("ei", "ee", "ie", "ii", "i"),
        left=f"(?<={CONSONANT}[ao])",
        right=BEFORE_CONSONANT,
    ),
    # a first e or i before a consonant: Ebrahim, Ibrahim; Esmail, Ismail; Erfan, Irfan; Iraj, Eraj
    Rule("initial e or i", ("e", "i"), left="^", right=BEFORE_CONSONANT),
    # the Arabic qaf and ghayn: Bagher, Baqer; Sadegh, Sadeq; Ghasem, Qasem, and at the start also
    # Gasem
    Rule("gh or q", ("gh", "q"), left="(?<=[a-z])"),
    Rule("initial gh or q", ("gh", "q"), left="^", targets=("g",)),
    # an s between vowels, single or double: Hassan, Hasan; Yaser, Yasser; Hessam, Hesam
    Rule("s between vowels", ("ss", "s"), left="(?<=[aeiou])", right="(?=[aeiou])"),
    # a doubled consonant written once: Mohammad, Mohamad; Sajjad, Sajad; Ezzatollah, Ezatollah
    *(Rule(f"double {c}", (c + c,), targets=(c,)) for c in "bdhjklmnrtz"),
    # the Arabic "Allah" ending: Abdollah, Abdullah, Abdallah; Rouhollah, Rouhullah
    Rule("-ollah", ("ollah", "ullah", "allah"), right="$"),
    # the Arabic article after Abd and Ab(u): Abdolreza, Abdulreza; Abolfazl, Abulfazl
    Rule("abd-ol", ("ol", "ul", "al"), left="(?<=^abd)"),
    Rule("abu-l", ("ol", "ul"), left="(?<=^ab)"),
    # an o in the first syllable: Mohammad, Muhammad; Hossein, Hussein; Mostafa, Mustafa; Gholam, Ghulam
    Rule("first o as u", ("o",), left=f"^{CONSONANT}{{1,2}}", right=BEFORE_CONSONANT, targets=("u",)),
    # an Arabic short i written e in the last syllable: Kazem, Kazim; Baqer, Baqir; Khaled, Khalid
    # (not before h: the Persian -eh of Kaveh and Fatemeh)
    Rule("last e as i", ("e",), left=f"(?<={CONSONANT})", right=BEFORE_LAST_CONSONANT, targets=("i",)),
    # Mohammad, Mohammed; Ahmad, Ahmed
    Rule("-mad as -med", ("a",), left="(?<=mm|hm|am)", right="(?=d$)", targets=("e",)),
    # Mehdi, Mahdi
    Rule("first e or a before hd", ("e", "a"), left="(?<=^m)", right="(?=hd)"),
    # the Persian zh written j, the older English way: Bizhan, Bijan; Mozhgan, Mojgan; Zhaleh, Jaleh
    Rule("zh as j", ("zh",), targets=("j",)),
    # the Arabic waw written w before a, o or u: Javad, Jawad; Vahid, Wahid; Davoud, Dawood
    Rule("v as w", ("v",), left="(?:^|(?<=[aeiou]))", right="(?=[aou])", targets=("w",)),
)

# The months of the Solar Hijri calendar, as English news writes them (variants are added by rule).
IRANIAN_MONTHS = words(
    "Farvardin Ordibehesht Khordad Tir Mordad Amordad Shahrivar Mehr Aban Azar Dey Bahman Esfand"
)
GREGORIAN_MONTHS = words(
    "January February March April May June July August September October November December"
)
# Words that come before a name without being one (variants are added by rule).
HONORIFICS = words(
    "Seyed Seyyed Sayed Sayyed Sayyid Syed Sayid Haj Hajj Haji Hajji Sheikh Shaikh Mullah Molla Mirza Mir",
    "Agha Aqa Ayatollah Hojatoleslam Imam Abu Ibn Bin Bint Abd",
)

# Cyrillic -> Latin, BGN/PCGN-like and as the English press writes Russian names: кс is x
# (Alexey, Maxim), е is ye at the start and after a vowel or a sign (Yevgeny, Yelena).
RUSSIAN_LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip
RUSSIAN_VOWELS = "аеёиоуыэюяьъй"
# Endings the press writes two ways: Дмитрий Dmitry/Dmitri, Сергей Sergey/Sergei, Николай
# Nikolay/Nikolai, Мария Mariya/Maria. The first is the main spelling.
RUSSIAN_ENDINGS = {
    "ий": ("y", "i"), "ей": ("ey", "ei"), "ай": ("ay", "ai"), "ой": ("oy", "oi"), "ия": ("iya", "ia"),
}  # fmt: skip

# Azerbaijani Latin -> the spelling of English news (Heydər Əliyev: Heydar Aliyev; Ceyhun: Jeyhun;
# Qurban: Gurban; Xədicə: Khadija).
AZERBAIJANI_LETTERS = {
    "ə": "a", "Ə": "A", "ç": "ch", "Ç": "Ch", "ş": "sh", "Ş": "Sh", "ğ": "gh", "ı": "i", "İ": "I",
    "ö": "o", "Ö": "O", "ü": "u", "Ü": "U", "c": "j", "C": "J", "x": "kh", "X": "Kh", "q": "g", "Q": "G",
}  # fmt: skip

# Letters NFKD does not decompose (as in newskg.nlp's folding of names for lookups).
_FOLD = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss"})


def fold(text: str) -> str:
    """The name without diacritics, as the loader compares names (José -> Jose, Şükrü -> Sukru)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def key(name: str) -> str:
    return fold(name).casefold()


def is_latin(name: str) -> bool:
    return all("LATIN" in unicodedata.name(c, "") for c in name if c.isalpha())


def title(word: str) -> str:
    return word[:1].upper() + word[1:]


# --------------------------------------------------------------------------------------------
# Sources


def persian_names() -> list[tuple[str, str]]:
    """(name, "male" or "female") from persian-names' English lists, in file order."""
    data = resources.files("persian_names").joinpath("data")
    names = []
    for gender in ("male", "female"):
        for line in data.joinpath(f"{gender}_en.txt").read_text(encoding="utf-8").splitlines():
            if line.strip():
                names.append((line.strip(), gender))
    return names


def faker_first_names(locale: str) -> set[str]:
    """Every ``first_names*`` list of Faker's person provider for a locale."""
    provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
    names: set[str] = set()
    for attribute in dir(provider):
        if attribute.startswith("first_names"):
            value = getattr(provider, attribute)
            if isinstance(value, dict | tuple | list):
                names.update(str(n) for n in value)
    return names


def name_parts(raw: str) -> list[str]:
    """A list entry as names: trimmed, "Anne-Marie" and "Jose Luis" split, junk entries dropped."""
    parts = [p.strip(" .") for p in re.split(r"[\s-]+", raw.strip())]
    return [p for p in parts if p and p.isalpha() and p[0].isupper()]


def transliterate_russian(name: str) -> list[str]:
    """Дмитрий -> [Dmitry, Dmitri]; Алексей -> [Alexey, Alexei]; Леонид -> [Leonid]."""
    lower = name.lower().replace("кс", "x")
    tails: tuple[str, ...] = ("",)
    for ending, spellings in RUSSIAN_ENDINGS.items():
        if lower.endswith(ending):
            lower, tails = lower[: -len(ending)], spellings
            break
    letters = [
        "ye" if c == "е" and (i == 0 or lower[i - 1] in RUSSIAN_VOWELS) else RUSSIAN_LETTERS.get(c, c)
        for i, c in enumerate(lower)
    ]
    stem = "".join(letters)
    return [title(stem + tail) for tail in tails]


def transliterate_azerbaijani(name: str) -> str:
    return "".join(AZERBAIJANI_LETTERS.get(c, c) for c in name)


def faker_names(locale: str) -> set[str]:
    """The locale's given names in Latin script, as English news writes them."""
    names: set[str] = set()
    for raw in faker_first_names(locale):
        if locale == "ru_RU":
            names.update(n for part in raw.split() for n in transliterate_russian(part))
            continue
        if locale == "az_AZ":
            raw = transliterate_azerbaijani(raw.strip())
        names.update(p for p in name_parts(raw) if is_latin(p))
    return names


# --------------------------------------------------------------------------------------------
# Variants


def variants(name: str, steps: int) -> dict[str, int]:
    """Spellings reachable from ``name`` by up to ``steps`` rule applications -> fewest steps.

    Each application changes letters no earlier one changed (Saeid -> Said is one step, but
    Said -> Seid, re-reading the new i as a diphthong, is not a second), so what comes out is a
    combination of independent choices, the way real spellings vary.
    """
    start = name.lower()
    found = {start: 0}
    frontier: list[tuple[str, tuple[tuple[int, int], ...]]] = [(start, ())]
    for step in range(1, steps + 1):
        following = []
        for word, changed in frontier:
            for rule in VARIANT_RULES:
                for other, at, removed, added in rule.apply(word):
                    if any(at < end and begin < at + removed for begin, end in changed):
                        continue
                    shift = added - removed
                    moved = tuple((b, e) if e <= at else (b + shift, e + shift) for b, e in changed)
                    found.setdefault(other, step)
                    following.append((other, (*moved, (at, at + added))))
        frontier = following
    del found[start]
    return {title(w): n for w, n in found.items()}


# --------------------------------------------------------------------------------------------
# Exclusions


@dataclass(frozen=True)
class EnglishWord:
    pos: str
    lower: bool


def englishwords() -> dict[str, EnglishWord]:
    return {row[0]: EnglishWord(row[1], row[2] == "1") for row in read_tsv(DATA / "english_words.tsv")}


def place_and_agencywords(pycountry: Any) -> set[str]:
    """Keys of one-word names of countries, Iran's provinces and news agencies."""
    names: set[str] = set()
    for country in pycountry.countries:
        names.update(getattr(country, a, "") or "" for a in ("name", "common_name", "official_name"))
    for row in read_tsv(DATA / "country_aliases.tsv"):
        names.update(row[1].split("|"))
    for row in read_tsv(DATA / "iran_provinces.tsv"):
        names.add(row[1])
        if len(row) > 3:
            names.update(row[3].split("|"))
    for row in read_tsv(DATA / "news_agencies.tsv"):
        names.add(row[0])
        names.update(row[2].split("|"))
    # an all-capital acronym (RIA, ISNA) is not written like a name (Ria)
    return {key(n) for n in names if n and " " not in n.strip() and "-" not in n and not n.isupper()}


@dataclass
class Exclusions:
    """Why a spelling is not a given name, or None when it may be one."""

    words: dict[str, EnglishWord]
    irregular_verb_forms: set[str]
    adjectives: set[str]
    places: set[str]
    months: set[str]
    honorifics: set[str]

    def reason(self, name: str) -> str | None:
        k = key(name)
        if len(k) < MIN_LETTERS:
            return "too short"
        word = self.words.get(k)
        if word is not None and word.lower:
            return "a common English word"
        if k in self.irregular_verb_forms:
            return "an irregular English verb form"
        if k in self.adjectives:
            return "an English adjective"
        if k in self.places:
            return "a place or news agency"
        if k in self.months:
            return "a month"
        if k in self.honorifics:
            return "an honorific"
        return None


def with_variants(names: Iterable[str]) -> set[str]:
    return {key(v) for n in names for v in [n, *variants(n, MAX_RULE_STEPS)]}


# --------------------------------------------------------------------------------------------
# The table


@dataclass
class Row:
    name: str
    sources: set[str] = field(default_factory=set)
    parts: tuple[str, str] | None = None


def split_compound(name: str, persian: dict[str, str]) -> tuple[str, str] | None:
    """Alireza -> (Ali, Reza): a name made of two Persian given names, or None."""
    k = key(name)
    for i in range(MIN_LETTERS, len(k) - MIN_LETTERS + 1):
        head, tail = k[:i], k[i:]
        if head in persian and tail in persian:
            return persian[head], persian[tail]
    return None


def choose_variants(
    name: str, frequency: dict[str, float], exclusions: Exclusions
) -> tuple[list[str], dict[str, str]]:
    """The variants of one Persian name to keep, and the ones dropped with why."""
    dropped: dict[str, str] = {}
    candidates = []
    for variant, steps in variants(name, MAX_RULE_STEPS + 1).items():
        seen = variant in frequency
        if steps > MAX_RULE_STEPS and not seen:
            continue
        why = exclusions.reason(variant)
        if why is None and frequency.get(variant, -99.0) > MAX_VARIANT_LOGPROB:
            why = "a frequent English word"
        if why is not None:
            dropped[variant] = why
            continue
        candidates.append((not seen, steps, -frequency.get(variant, -99.0), variant))
    return [c[-1] for c in sorted(candidates)[:MAX_VARIANTS]], dropped


def build_rows(
    persian: list[tuple[str, str]],
    foreign: dict[str, set[str]],
    frequency: dict[str, float],
    exclusions: Exclusions,
    report: dict[str, str],
) -> list[Row]:
    rows: dict[str, Row] = {}

    def add(name: str, source: str) -> Row | None:
        why = exclusions.reason(name)
        if why is not None:
            report.setdefault(name, why)
            return None
        row = rows.setdefault(name, Row(name))
        row.sources.add(source)
        return row

    persian_keys = {key(n): n for n, _gender in persian if exclusions.reason(n) is None}
    for name, gender in persian:
        row = add(name, PERSIAN_SOURCE)
        if row is None:
            continue
        parts = split_compound(name, persian_keys) if gender == "male" else None
        if parts is not None:
            row.parts = parts
            continue
        kept, dropped = choose_variants(name, frequency, exclusions)
        for variant in kept:
            add(variant, VARIANT_SOURCE + name)
        for variant, why in dropped.items():
            report.setdefault(variant, why)
    for locale, names in foreign.items():
        for name in names:
            add(name, FAKER_SOURCE + locale)
    return sorted(rows.values(), key=lambda r: (key(r.name), r.name))


def source_order(source: str) -> tuple[int, str]:
    kinds = (PERSIAN_SOURCE, VARIANT_SOURCE, FAKER_SOURCE)
    return next(i for i, k in enumerate(kinds) if source.startswith(k)), source


def render(rows: list[Row], versions: str) -> str:
    lines = [
        "# Given names as English news writes them: Persian names, their romanisation variants, and foreign"
        " names of the locales English news about Iran meets.",
        "# Columns, tab-separated: name, sources (|-separated: persian-names, variant-of:<persian name>,"
        " faker:<locale>), parts (a closed compound's two given names, |-separated: Alireza -> Ali|Reza).",
        f"# Derived from {versions} (all MIT) by scripts/build_given_names.py; do not edit: rebuild.",
        "# Left out: common English words (english_words.tsv), countries, provinces, news agencies, months,"
        " honorifics; see the script.",
    ]
    for row in rows:
        sources = "|".join(sorted(row.sources, key=source_order))
        parts = "|".join(row.parts) if row.parts else ""
        lines.append(f"{row.name}\t{sources}\t{parts}".rstrip("\t"))
    return "\n".join(lines) + "\n"


def read_lookups(name: str) -> Any:
    """One of spacy-lookups-data's gzipped JSON tables."""
    path = resources.files("spacy_lookups_data").joinpath("data", name)
    with gzip.open(path.open("rb"), "rt", encoding="utf-8") as stream:
        return json.load(stream)


def read_frequency() -> dict[str, float]:
    """Capitalised spellings -> log-probability, from spacy-lookups-data's English word counts."""
    probabilities: dict[str, float] = read_lookups("en_lexeme_prob.json.gz")
    return {w: p for w, p in probabilities.items() if w[:1].isupper() and w[1:].islower()}


def build(report: dict[str, str] | None = None) -> str:
    import pycountry  # only the build needs it

    report = {} if report is None else report
    persian = persian_names()
    exclusions = Exclusions(
        words=englishwords(),
        irregular_verb_forms=set(read_lookups("en_lemma_exc.json.gz")["verb"]),
        adjectives=set(read_lookups("en_lemma_index.json.gz")["adj"]),
        places=place_and_agencywords(pycountry),
        months=with_variants(IRANIAN_MONTHS) | {key(m) for m in GREGORIAN_MONTHS},
        honorifics=with_variants(HONORIFICS),
    )
    foreign = {locale: faker_names(locale) for locale in FAKER_LOCALES}
    rows = build_rows(persian, foreign, read_frequency(), exclusions, report)
    version = importlib.metadata.version
    versions = (
        f"persian-names {version('persian-names')}, Faker {version('faker')}"
        f" and spacy-lookups-data {version('spacy-lookups-data')}"
    )
    return render(rows, versions)


def main(argv: list[str] | None = None) -> int:
    parser = argument_parser(__doc__, DEFAULT_OUT)
    parser.add_argument(
        "--explain", action="store_true", help="also print every spelling left out, and why, to stderr"
    )
    args = parser.parse_args(argv)
    report: dict[str, str] = {}
    text = build(report)
    if args.explain:
        for name, why in sorted(report.items()):
            print(f"left out {name}: {why}", file=sys.stderr)
    rows = sum(1 for line in text.splitlines() if not line.startswith("#"))
    summary = f"wrote {args.out}: {rows} names, {len(text.encode())} bytes"
    return write_or_check({args.out: text}, check=args.check, summary=summary)


if __name__ == "__main__":
    sys.exit(main())
