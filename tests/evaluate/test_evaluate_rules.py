"""The matching rules of ``newskg evaluate``: names, cue stems, digits, units, wording, name mapping."""

from __future__ import annotations

import pytest

from newskg.evaluate.rules import (
    NameMap,
    cue_stem,
    measurement_unit,
    overlap_f1,
    same_what,
    scoring_key,
    value_digits,
)


@pytest.mark.parametrize(
    ("written", "compared"),
    [
        ("The Bank of Lorvania", "bank of lorvania"),
        ("Bánk of  Lorvânia", "bank of lorvania"),
        ("Lorvania’s Fund", "lorvania s fund"),
        ("Lorvania‘s Fund", "lorvania s fund"),
        ("Trade-Promotion  Office.", "trade promotion office"),
        ("Theodor Pell", "theodor pell"),  # only a whole leading word "the" goes
        (None, ""),
    ],
)
def test_names_are_compared_without_case_accents_quotes_punctuation_or_a_leading_the(written, compared):
    assert scoring_key(written) == compared


@pytest.mark.parametrize(
    ("cue", "stem"),
    [
        ("said", "say"),
        ("says", "say"),
        ("went on to say", "say"),
        ("quoted X as saying", "say"),
        ("according to", "according to"),
        ("made the remarks", "remark"),
        ("told", "tell"),
        ("tells", "tell"),
        ("put", "put"),
        ("putting", "put"),
        ("noted", "not"),
        ("noting", "not"),
        ("notes", "not"),
        ("stressed", "stres"),
        ("stresses", "stres"),
        ("announced", "announc"),
        ("announcement", "announc"),
        ("as announced by", "announc"),
        ("also warned", "warn"),
        ("added", "ad"),
        ("adding", "ad"),
        ("was", ""),
        (None, ""),
    ],
)
def test_cues_are_compared_by_the_reporting_verbs_stem(cue, stem):
    assert cue_stem(cue) == stem


@pytest.mark.parametrize(
    ("value", "digits"),
    [
        ("14,458", "14458"),
        ("$4.5", "4.5"),
        (4.5, "4.5"),
        (14458, "14458"),
        ("70-75", "7075"),  # a range is its digits: the system's 70 is not it
        ("12.", "12"),
        ("0", "0"),
        (0, ""),  # as in the judge: a zero value has no digits
        (None, ""),
    ],
)
def test_figures_are_compared_by_their_digits(value, digits):
    assert value_digits(value) == digits


@pytest.mark.parametrize(
    ("unit", "measured"),
    [
        ("%", "percent"),
        ("per cent", "percent"),
        (" Percent ", "percent"),
        ("tonnes", "tons"),
        ("MW", "megawatts"),
        ("kilowatt-hours", "kilowatt-hours"),
        ("units", ""),  # what is counted, not a unit
        ("count", ""),
        (None, ""),
    ],
)
def test_units_have_one_spelling_and_anything_else_is_a_plain_count(unit, measured):
    assert measurement_unit(unit) == measured


def test_wording_overlap_ignores_case_order_and_function_words():
    assert overlap_f1("The exports of the province rose", "province exports rose") == 1.0
    assert overlap_f1("exports rose", "exports fell") == 0.5
    assert overlap_f1("exports rose", None) == 0.0
    assert overlap_f1("", "exports") == 0.0


def test_what_is_counted_matches_by_head_word_or_overlap():
    assert same_what("idle production units", "units")
    assert same_what("idle production units", "idle production plants")  # overlap 0.67
    assert not same_what("idle production units", "plants")
    assert not same_what("loans", None)
    assert not same_what(None, "loans")  # a gold figure without a 'what' is never right


def test_names_map_onto_gold_entities_directly_or_through_the_systems_surface_forms():
    gold = {
        "entities": [
            {"text": "Lorvania Export Fund", "type": "ORG", "canonical": "Lorvania Export Fund"},
            {"text": "LEF", "type": "ORG", "canonical": "Lorvania Export Fund"},
        ]
    }
    system = {"entities": [{"text": "LEF", "canonical": "L.E.F. Agency"}, {"text": "Oskar Brandt"}]}
    names = NameMap(gold, system)
    assert names("the lorvania export fund") == "lorvania export fund"
    assert names("LEF") == "lorvania export fund"
    assert names("L.E.F. Agency") == "lorvania export fund"  # its surface form "LEF" is a gold form
    assert names("Oskar Brandt") == "?oskar brandt"
    assert not names.known("Oskar Brandt")
