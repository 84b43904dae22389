"""General knowledge of words for the name rules: which words are given names, which are common words.

Two tables in ``nlp/data``, each derived once from PyPI packages by a script in ``scripts/``
(the runtime never imports those packages), read and checked like the gazetteer's tables:

* ``given_names.tsv`` (``scripts/build_given_names.py``): Persian given names from persian-names
  with their romanisation variants (Mohammad, Mohammed, Muhammad; Hossein, Hussein), and the
  Latin-script given names of the foreign locales English news about Iran meets, from Faker.
  Common English words (Will, Mark), places (Iran, Jordan), months (Azar, June) and honorifics
  (Seyyed) are left out by the script.
* ``english_words.tsv`` (``scripts/build_english_words.py``): English word forms with WordNet's
  parts of speech and whether each is mostly written in lower case, from spacy-lookups-data.

Compound given names are listed closed, as persian-names writes them (``Alireza``), with their
two parts (``Ali|Reza``). A name that begins such a compound (Ali, Mohammad, Gholam, Amir, ...)
or a variant of one (Mohammed, Qolam) is a *compound head*; a head followed by a Persian given
name is a compound given name whichever way it is written: closed (``Gholamhossein``), hyphenated
(``Ali-Reza``, ``Mohammad-Baqer``), camel-cased (``MohammadReza``) or spaced (``Ali Akbar``, asked
with :meth:`GivenNames.is_given_name_pair`).

Names match as written in running text, title case or all capitals (``Mohammad``, ``MOHAMMAD``,
not ``mohammad``), with diacritics ignored (``Jose`` is ``José``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import combinations

from ..errors import DataFileError
from .memo import Memo
from .tables import DataPath, data_rows, fold, required

__all__ = [
    "ENGLISH_WORDS_FILE",
    "GIVEN_NAMES_FILE",
    "EnglishWords",
    "GivenNameRow",
    "GivenNames",
    "load_english_words",
    "load_given_names",
    "read_english_words",
    "read_given_names",
]

DATA_PACKAGE = "newskg.nlp.data"
GIVEN_NAMES_FILE = "given_names.tsv"
ENGLISH_WORDS_FILE = "english_words.tsv"

PERSIAN_SOURCE = "persian-names"
VARIANT_SOURCE = "variant-of:"
FAKER_SOURCE = "faker:"

MIN_NAME_LETTERS = 3

_SOURCE = re.compile(rf"{PERSIAN_SOURCE}|{FAKER_SOURCE}[a-z]{{2}}_[A-Z]{{2}}|{VARIANT_SOURCE}\w+")
_DASH = re.compile(r"[-‐‑–]")
_CAMEL_PAIR = re.compile(r"([A-Z][a-z]+)([A-Z][a-z]+)")
_ENGLISH_WORD = re.compile(r"[a-z]+")

POS_LETTERS = "nvarf"
"""noun, verb, adjective, adverb, function word: the order they are written in the table."""
# Every ordered subset of POS_LETTERS -> its set, so a row's pos is checked and converted in one lookup.
_POS_SETS: dict[str, frozenset[str]] = {
    "".join(letters): frozenset(letters)
    for size in range(len(POS_LETTERS) + 1)
    for letters in combinations(POS_LETTERS, size)
}
_NO_POS: frozenset[str] = frozenset()


def _key(name: str) -> str:
    """How names are compared: without diacritics, case-folded."""
    return name.lower() if name.isascii() else fold(name).casefold()


def _written_as_name(word: str) -> bool:
    """Title case or all capitals: ``Mohammad``, ``MOHAMMAD``, ``José`` (not ``mohammad``)."""
    return word[:1].isupper() and (word[1:].islower() or word.isupper())


# --------------------------------------------------------------------------------------------
# Given names


@dataclass(frozen=True, slots=True)
class GivenNameRow:
    """One row of ``given_names.tsv``."""

    name: str
    sources: tuple[str, ...]
    """``persian-names``, ``variant-of:<persian name>``, ``faker:<locale>``."""
    parts: tuple[str, str] | None
    """A closed compound's two given names (Alireza: Ali, Reza)."""

    @property
    def persian(self) -> bool:
        """From persian-names, or a romanisation variant of one of its names."""
        return any(s == PERSIAN_SOURCE or s.startswith(VARIANT_SOURCE) for s in self.sources)


def read_given_names(path: DataPath) -> list[GivenNameRow]:
    """The rows of a given-name table, checked (letters only, known sources, parts that spell the name)."""
    rows: list[GivenNameRow] = []
    seen: dict[str, str] = {}
    checked: dict[str, tuple[str, ...]] = {}  # a few hundred distinct source lists: check each once
    for where, (name, sources, parts) in data_rows(path, ("name", "sources", "parts"), optional=1):
        name = required(where, name, "name")
        if not name.isalpha() or not name[0].isupper():
            raise DataFileError(f"{where}: name '{name}' must be one capitalised word of letters only")
        if name in seen:
            raise DataFileError(f"{where}: duplicate name '{name}' (first at {seen[name]}); merge the rows")
        seen[name] = where
        listed = checked.get(sources)
        if listed is None:
            listed = tuple(required(where, sources, "sources").split("|"))
            bad = [s for s in listed if not _SOURCE.fullmatch(s)]
            if bad:
                raise DataFileError(
                    f"{where}: unknown source '{bad[0]}'"
                    " (use persian-names, variant-of:<Name> or faker:<locale>)"
                )
            checked[sources] = listed
        split: tuple[str, str] | None = None
        if parts:
            pieces = parts.split("|")
            if len(pieces) != 2 or _key("".join(pieces)) != _key(name):
                raise DataFileError(
                    f"{where}: parts '{parts}' must be two names that together spell '{name}'"
                )
            split = (pieces[0], pieces[1])
        rows.append(GivenNameRow(name, listed, split))
    return rows


class GivenNames:
    """Lookups of given names as they are written in a text. Build it with :func:`load_given_names`."""

    __slots__ = ("_closed", "_heads", "_names", "_pair", "_persian", "_single", "rows")

    def __init__(self, rows: Iterable[GivenNameRow]) -> None:
        self.rows: tuple[GivenNameRow, ...] = tuple(rows)
        keyed = [(_key(r.name), r) for r in self.rows]
        self._names: frozenset[str] = frozenset(k for k, _row in keyed)
        self._persian: frozenset[str] = frozenset(k for k, row in keyed if row.persian)
        self._closed: frozenset[str] = frozenset(k for k, row in keyed if row.parts)
        variants: dict[str, set[str]] = {}
        for k, row in keyed:
            for source in row.sources:
                if source.startswith(VARIANT_SOURCE):
                    variants.setdefault(_key(source.removeprefix(VARIANT_SOURCE)), set()).add(k)
        heads = {_key(r.parts[0]) for r in self.rows if r.parts}
        # Longest first, so "Mohammadreza" is tried as Mohammad + reza before any shorter head.
        self._heads: tuple[str, ...] = tuple(
            sorted(heads.union(*(variants.get(h, ()) for h in heads)), key=lambda h: (-len(h), h))
        )
        # The rules ask about the same few words in every article: answer each once.
        self._single: Memo[bool] = Memo(self._compute_single, limit=1 << 15)
        self._pair: Memo[bool] = Memo(self._compute_pair, limit=1 << 15)

    def is_given_name(self, word: str) -> bool:
        """True for a given name as written in a text, alone or compound.

        ``Mohammad``, ``MOHAMMAD``, ``Hussein``, ``Dmitry``; ``Mohammadreza``, ``Mohammad-Reza``,
        ``MohammadReza``, ``Ali-Asghar``, ``Jean-Pierre``. Not ``mohammad``, not honorifics
        (``Seyyed``), common words (``Will``) or places (``Iran``).
        """
        return self._single[word]

    def is_given_name_pair(self, first: str, second: str) -> bool:
        """True when two words are one spaced compound given name: ``Gholam Hossein``, ``Ali Akbar``,
        ``Mohammad Reza``. False for a given name and a surname (``Hassan Rouhani``)."""
        return self._pair[f"{first}\t{second}"]

    def _is_name(self, word: str) -> bool:
        return _written_as_name(word) and _key(word) in self._names

    def _is_compound(self, first: str, second: str) -> bool:
        """A compound head followed by a Persian given name, or a listed closed compound."""
        if not (_written_as_name(first) and _written_as_name(second)):
            return False
        head, tail = _key(first), _key(second)
        return head + tail in self._closed or (head in self._heads and tail in self._persian)

    def _compute_pair(self, both: str) -> bool:
        first, _tab, second = both.partition("\t")
        return self._is_compound(first, second)

    def _compute_single(self, word: str) -> bool:
        parts = _DASH.split(word)
        if len(parts) > 1:
            if len(parts) == 2 and self._is_compound(*parts):
                return True
            return all(self._is_name(p) for p in parts)
        if self._is_name(word):
            return True
        camel = _CAMEL_PAIR.fullmatch(word)
        if camel:
            return self._is_compound(camel[1], camel[2])
        return _written_as_name(word) and self._is_closed_compound(_key(word))

    def _is_closed_compound(self, k: str) -> bool:
        """``gholamhossein``: a compound head and a Persian given name written as one word."""
        return any(
            k.startswith(head) and len(k) - len(head) >= MIN_NAME_LETTERS and k[len(head) :] in self._persian
            for head in self._heads
        )


@lru_cache(maxsize=1)
def load_given_names() -> GivenNames:
    """The shipped given-name table (cached: it never changes at run time)."""
    return GivenNames(read_given_names(resources.files(DATA_PACKAGE).joinpath(GIVEN_NAMES_FILE)))


# --------------------------------------------------------------------------------------------
# English words


class EnglishWords:
    """Parts of speech and commonness of English word forms. Build it with :func:`load_english_words`."""

    __slots__ = ("_common", "_pos", "_pos_by_word")

    def __init__(self, pos: dict[str, frozenset[str]], common: Iterable[str]) -> None:
        self._pos = pos
        self._common = frozenset(common)
        self._pos_by_word: Memo[frozenset[str]] = Memo(self._pos_of_lower_case)
        """``pos`` by the word as written: the rules ask about the same words in every article, and
        lower-casing a word makes a new string whose hash is computed again on every look-up."""

    def __len__(self) -> int:
        return len(self._pos)

    def is_common(self, word: str) -> bool:
        """True when the word, in any case, is mostly written in lower case in English: ``trade``,
        ``Said``, ``DEVELOPMENT``. False for names and unknown words: ``Tehran``, ``Mohammad``,
        ``Zadboum``."""
        return word.lower() in self._common

    def pos(self, word: str) -> frozenset[str]:
        """Parts of speech of the word's lower-case form, a subset of ``n v a r f`` (noun, verb,
        adjective, adverb, function word): ``units`` {n}, ``became`` {v, f}; empty when unknown.

        Inflected forms count (``said`` is a verb); function words keep their WordNet readings
        (``will`` is {n, v, f}), so test ``"f"`` first.
        """
        return self._pos_by_word[word]

    def _pos_of_lower_case(self, word: str) -> frozenset[str]:
        return self._pos.get(word.lower(), _NO_POS)

    def is_known(self, word: str) -> bool:
        """True when the word's lower-case form is in the table at all, common or not."""
        return word.lower() in self._pos


# A whole well-formed table (comments, blank lines and rows, each ending in a newline), and one row.
_ENGLISH_TABLE = re.compile(r"(?:(?:#[^\n]*|[a-z]+\t(?:n?v?a?r?f?)\t[01])?\n)*")
_ENGLISH_ROW = re.compile(r"^([a-z]+)\t(n?v?a?r?f?)\t([01])$", re.MULTILINE)


def read_english_words(path: DataPath) -> EnglishWords:
    """An English-word table, checked (lower-case letters, known parts of speech, a 0/1 flag).

    The table has 32,000 rows and is read on every start, so a well-formed file is checked and
    parsed by two regular expressions (a few milliseconds); any other file goes through the
    row-by-row reader, which says where it is wrong.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        text = ""  # the row-by-row reader reports it
    if text and _ENGLISH_TABLE.fullmatch(text):
        rows = _ENGLISH_ROW.findall(text)
        pos = {word: _POS_SETS[letters] for word, letters, _lower in rows}
        if len(pos) == len(rows):  # else a duplicate, reported below
            return EnglishWords(pos, [word for word, _letters, lower in rows if lower == "1"])
    return _read_english_words_by_row(path)


def _read_english_words_by_row(path: DataPath) -> EnglishWords:
    pos: dict[str, frozenset[str]] = {}
    common: list[str] = []
    for where, (word, letters, lower) in data_rows(path, ("word", "pos", "lower")):
        if not _ENGLISH_WORD.fullmatch(word):
            raise DataFileError(f"{where}: word '{word}' must be lower-case letters a-z only")
        if word in pos:
            raise DataFileError(f"{where}: duplicate word '{word}'")
        parts = _POS_SETS.get(letters)
        if parts is None:
            raise DataFileError(
                f"{where}: pos '{letters}' must be letters of '{POS_LETTERS}' in that order, or empty"
            )
        pos[word] = parts
        if lower == "1":
            common.append(word)
        elif lower != "0":
            raise DataFileError(f"{where}: lower must be 1 (mostly lower case) or 0, not '{lower}'")
    return EnglishWords(pos, common)


@lru_cache(maxsize=1)
def load_english_words() -> EnglishWords:
    """The shipped English-word table (cached: it never changes at run time)."""
    return read_english_words(resources.files(DATA_PACKAGE).joinpath(ENGLISH_WORDS_FILE))
