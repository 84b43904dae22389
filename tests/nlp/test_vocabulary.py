"""The given-name and English-word tables load, answer for the spellings news uses, and reject bad rows."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from newskg.errors import DataFileError
from newskg.nlp.gazetteers import AGENCIES_FILE, PROVINCES_FILE, read_agencies, read_provinces
from newskg.nlp.tables import fold
from newskg.nlp.vocabulary import (
    ENGLISH_WORDS_FILE,
    GIVEN_NAMES_FILE,
    EnglishWords,
    GivenNames,
    load_english_words,
    load_given_names,
    read_english_words,
    read_given_names,
)

DATA = resources.files("newskg.nlp.data")


@pytest.fixture(scope="module")
def names() -> GivenNames:
    return load_given_names()


@pytest.fixture(scope="module")
def words() -> EnglishWords:
    return load_english_words()


def data_lines(name: str) -> list[str]:
    return [line for line in DATA.joinpath(name).read_text(encoding="utf-8").splitlines() if line[:1] != "#"]


def header(name: str) -> str:
    lines = DATA.joinpath(name).read_text(encoding="utf-8").splitlines()
    return "\n".join(line for line in lines if line.startswith("#"))


# --------------------------------------------------------------------------------------------
# Given names


@pytest.mark.parametrize(
    "spelling",
    [
        # persian-names' own spellings and the variants its names get by rule
        "Mohammad", "Mohammed", "Muhammad", "Mohamad", "Mohamed",
        "Mahdi", "Mehdi",
        "Saeid", "Saeed", "Saied", "Saiid",
        "Hossein", "Hussein", "Hosein", "Hussain", "Husain",
        "Hassan", "Hasan",
        "Ghasem", "Qasem", "Gasem", "Qasim",
        "Gholam", "Qolam", "Ghulam",
        "Reyhaneh", "Reihaneh",
        "Esmaeil", "Esmail", "Ismail", "Ismaeil",
        "Ebrahim", "Ibrahim",
        "Abdollah", "Abdullah", "Abdallah",
        "Davoud", "Davood", "Dawood",
        "Bizhan", "Bijan",
        "Javad", "Jawad",
        "Heidar", "Heydar", "Haidar",
        "Kazem", "Kazim",
        "Fatemeh", "Zahra", "Maryam",
    ],
)  # fmt: skip
def test_persian_names_and_their_romanisations(names, spelling):
    assert names.is_given_name(spelling)


def test_a_variant_says_which_name_it_spells(names):
    sources = {row.name: row.sources for row in names.rows}
    assert sources["Mohammad"][0] == "persian-names"
    assert "variant-of:Hossein" in sources["Hussein"]
    assert "variant-of:Ghasem" in sources["Qasem"]
    # Islam is a given name in Azerbaijan, but as a spelling of Eslam it is another word
    assert sources["Islam"] == ("faker:az_AZ",)


@pytest.mark.parametrize(
    "spelling",
    [
        "Dmitry", "Dmitri", "Sergey", "Sergei", "Alexey", "Alexei", "Leonid", "Yevgeny", "Vladimir",
        "Emmanuel", "Angela", "Olaf", "Pedro", "José", "Jose", "Giorgia", "Mevlüt", "Mevlut",
        "Tayyip", "Jeyhun", "Ilham",
    ],
)  # fmt: skip
def test_foreign_given_names(names, spelling):
    assert names.is_given_name(spelling)


def test_russian_names_are_transliterated_with_both_endings(names):
    sources = {row.name: row.sources for row in names.rows}
    assert "faker:ru_RU" in sources["Dmitry"] and "faker:ru_RU" in sources["Dmitri"]
    assert not any(c.isalpha() and not c.isascii() for row in names.rows
                   if "faker:ru_RU" in row.sources for c in row.name)  # fmt: skip


@pytest.mark.parametrize(
    "word",
    [
        "Will", "May", "June", "Mark", "Grant", "Hope", "Rose",  # common English words
        "Iran", "Jordan", "Georgia", "Alborz",  # countries and provinces
        "Azar", "Bahman", "Mehr",  # Iranian months
        "Seyyed", "Seyed", "Haji", "Sheikh", "Mirza",  # honorifics
        "Muslim", "German", "Christian",  # adjectives
        "Al", "Ed",  # too short
    ],
)  # fmt: skip
def test_words_that_are_not_given_names(names, word):
    assert not names.is_given_name(word)


@pytest.mark.parametrize(
    ("word", "expected"),
    [("Mohammad", True), ("MOHAMMAD", True), ("mohammad", False), ("mOHAMMAD", False), ("", False)],
)
def test_names_match_in_title_case_or_capitals(names, word, expected):
    assert names.is_given_name(word) is expected


@pytest.mark.parametrize(
    "written",
    [
        "Mohammadreza", "Mohammad-Reza", "MohammadReza", "MOHAMMAD-REZA", "Mohammed-Reza", "Mohamadreza",
        "Alireza", "Ali-Reza", "AliReza",
        "Aliasghar", "Ali-Asghar",
        "Gholamreza", "Gholam-Reza", "Gholamhossein", "Gholam-Hossein", "Qolam-Hossein",
        "Mohammad-Bagher", "Mohammad–Baqer",
        "Jean-Pierre", "Anne-Marie",
    ],
)  # fmt: skip
def test_compound_given_names_closed_hyphenated_or_camel_case(names, written):
    assert names.is_given_name(written)


@pytest.mark.parametrize(
    ("first", "second"),
    [("Gholam", "Hossein"), ("Ali", "Akbar"), ("Mohammad", "Reza"), ("Mohammed", "Javad"),
     ("Ali", "Asghar"), ("Amir", "Hossein"), ("Hamid", "Reza"), ("ALI", "AKBAR")],
)  # fmt: skip
def test_spaced_compound_given_names(names, first, second):
    assert names.is_given_name_pair(first, second)


@pytest.mark.parametrize(
    ("first", "second"),
    [("Hassan", "Karimvandzadeh"), ("Mohammad", "Karimvandi"), ("Reza", "Ali"), ("ali", "akbar"),
     ("Ali", "Will")],
)  # fmt: skip
def test_a_given_name_and_a_surname_are_not_a_compound(names, first, second):
    assert not names.is_given_name_pair(first, second)


@pytest.mark.parametrize(
    "word", ["Amir-Karimvandi", "Alikarimvandi", "Amirian", "Ali-Akbari", "Mohammadi", "Seyyed-Ali"]
)
def test_surnames_made_from_given_names_are_not_given_names(names, word):
    assert not names.is_given_name(word)


def test_compound_parts_are_persian_given_names_spelling_the_compound(names):
    persian = {row.name for row in names.rows if row.persian}
    compounds = [row for row in names.rows if row.parts]
    assert len(compounds) > 20
    for row in compounds:
        assert row.parts is not None
        assert set(row.parts) <= persian
        assert "".join(row.parts).lower() == row.name.lower()


def test_no_given_name_is_the_one_word_name_of_a_province_or_news_medium(names):
    """The table leaves these out when it is built; this catches a table older than the data."""
    provinces = [row.place for row in read_provinces(DATA.joinpath(PROVINCES_FILE))]
    agencies = read_agencies(DATA.joinpath(AGENCIES_FILE))
    one_word = {
        name
        for thing in (*provinces, *agencies)
        for name in thing.names
        if " " not in name and "-" not in name and not name.isupper()
    }
    assert sorted(name for name in one_word if names.is_given_name(name)) == []


def test_given_name_table_header_and_order():
    text = header(GIVEN_NAMES_FILE)
    for needed in ("persian-names", "Faker", "MIT", "scripts/build_given_names.py", "do not edit"):
        assert needed in text
    rows = data_lines(GIVEN_NAMES_FILE)
    listed = [line.split("\t")[0] for line in rows]
    assert listed == sorted(listed, key=lambda n: (fold(n).casefold(), n))
    assert len(listed) == len(set(listed)) > 5000


# --------------------------------------------------------------------------------------------
# English words


@pytest.mark.parametrize(
    "word",
    ["trade", "Trade", "TRADE", "said", "Said", "development", "units", "however", "Meanwhile",
     "unfortunately", "the", "will"],
)  # fmt: skip
def test_common_words(words, word):
    assert words.is_common(word)


@pytest.mark.parametrize("word", ["Tehran", "Mohammad", "Caspian", "Iran", "Karimvandzadeh", "", "U.S."])
def test_names_and_unknown_words_are_not_common(words, word):
    assert not words.is_common(word)


@pytest.mark.parametrize(
    ("word", "has", "lacks"),
    [
        ("units", "n", "v"),
        ("became", "v", "n"),
        ("said", "v", "n"),
        ("industrial", "a", "v"),
        ("quickly", "r", "n"),
        ("children", "n", "v"),
        ("exported", "v", "n"),
        ("the", "f", "n"),
        ("will", "f", ""),
        ("Trade", "nv", "f"),
    ],
)
def test_parts_of_speech_of_inflected_forms(words, word, has, lacks):
    pos = words.pos(word)
    assert set(has) <= pos
    assert not set(lacks) & pos


def test_unknown_words_have_no_part_of_speech(words):
    assert words.pos("Karimvandzadeh") == frozenset()
    assert not words.is_known("Karimvandzadeh")
    assert words.is_known("Caspian") and not words.is_common("Caspian")


def test_english_word_table_header_order_and_licence():
    text = header(ENGLISH_WORDS_FILE)
    for needed in ("spacy-lookups-data", "WordNet", "WORDNET_LICENSE.txt", "scripts/build_english_words.py"):
        assert needed in text
    assert "WordNet 3.0 Copyright 2006 by Princeton University" in DATA.joinpath(
        "WORDNET_LICENSE.txt"
    ).read_text(encoding="utf-8")
    listed = [line.split("\t")[0] for line in data_lines(ENGLISH_WORDS_FILE)]
    assert listed == sorted(set(listed))
    assert len(listed) > 20000


def test_quick_reader_and_row_by_row_reader_agree(tmp_path):
    """The shipped table goes through the quick path; a copy with a blank line padded with a
    space goes through the row-by-row reader; both read the same words."""
    text = DATA.joinpath(ENGLISH_WORDS_FILE).read_text(encoding="utf-8")
    padded = tmp_path / ENGLISH_WORDS_FILE
    padded.write_text(text.replace("\n", "\n \n", 1), encoding="utf-8")
    quick, by_row = read_english_words(DATA.joinpath(ENGLISH_WORDS_FILE)), read_english_words(padded)
    assert len(quick) == len(by_row)
    for word in ("trade", "caspian", "the", "became", "zebra"):
        assert (quick.pos(word), quick.is_common(word)) == (by_row.pos(word), by_row.is_common(word))


# --------------------------------------------------------------------------------------------
# Malformed rows name file:line


def write(tmp_path: Path, name: str, *lines: str) -> Path:
    path = tmp_path / name
    path.write_text("# a header\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (["Trade\tn\t1"], "lower-case letters"),
        (["trade\txn\t1"], "pos 'xn'"),
        (["trade\tvn\t1"], "pos 'vn'"),
        (["trade\tn\t2"], "lower must be 1"),
        (["trade\tn"], "expected 3 tab-separated columns"),
        (["trade\tn\t1", "", "trade\tv\t1"], "duplicate word 'trade'"),
    ],
)
def test_malformed_english_word_rows(tmp_path, rows, message):
    path = write(tmp_path, ENGLISH_WORDS_FILE, "bank\tn\t1", *rows)
    with pytest.raises(DataFileError, match=message) as raised:
        read_english_words(path)
    assert f"{path}:{2 + len(rows)}:" in str(raised.value)  # a header line, bank, then the rows


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("mohammad\tpersian-names", "capitalised word"),
        ("Ali Reza\tpersian-names", "capitalised word"),
        ("Mohammad\twikipedia", "unknown source 'wikipedia'"),
        ("Mohammad\t", "empty sources"),
        ("Alireza\tpersian-names\tAli|Hassan", "parts 'Ali|Hassan'"),
        ("Alireza\tpersian-names\tAlireza", "parts 'Alireza'"),
    ],
)
def test_malformed_given_name_rows(tmp_path, row, message):
    path = write(tmp_path, GIVEN_NAMES_FILE, "Ali\tpersian-names", row)
    with pytest.raises(DataFileError, match=message) as raised:
        read_given_names(path)
    assert f"{path}:3:" in str(raised.value)


def test_duplicate_given_name_names_both_lines(tmp_path):
    path = write(tmp_path, GIVEN_NAMES_FILE, "Ali\tpersian-names", "Reza\tpersian-names", "Ali\tfaker:en_US")
    with pytest.raises(DataFileError, match=rf"{path}:4: duplicate name 'Ali' \(first at {path}:2\)"):
        read_given_names(path)


def test_missing_table_is_a_data_file_error(tmp_path):
    with pytest.raises(DataFileError, match="cannot be read"):
        read_english_words(tmp_path / "nothing.tsv")
    with pytest.raises(DataFileError, match="cannot be read"):
        read_given_names(tmp_path / "nothing.tsv")


def test_a_small_table_builds_working_lookups(tmp_path):
    """Compound heads and their variants come from the table, not from code."""
    path = write(
        tmp_path,
        GIVEN_NAMES_FILE,
        "Gholam\tpersian-names",
        "Gholamreza\tpersian-names\tGholam|Reza",
        "Hossein\tpersian-names",
        "Qolam\tvariant-of:Gholam",
        "Reza\tpersian-names",
        "Susan\tfaker:en_US",
    )
    names = GivenNames(read_given_names(path))
    assert names.is_given_name("Qolam-Hossein") and names.is_given_name_pair("Qolam", "Hossein")
    assert names.is_given_name("Gholamhossein")
    assert not names.is_given_name_pair("Gholam", "Susan")  # the second part must be a Persian name
    assert not names.is_given_name_pair("Reza", "Hossein")  # Reza begins no compound
