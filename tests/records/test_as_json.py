"""The ``newskg extract --format json`` line: a figure's value as the article writes it."""

from __future__ import annotations

import pytest

from newskg.ingest import article_from_text
from newskg.nlp import extract_one
from newskg.records.as_json import record_to_dict


@pytest.mark.parametrize(
    "text, value, written",
    [
        ("Costs have risen 25-30% in a year.", [25, 30], "25-30"),
        ("Sales reached $1.5 to $2.0 billion.", [1.5, 2.0], "1.5 to $2.0"),
        ("Output hit 1,200-1,500 tons.", [1200, 1500], "1,200-1,500"),
        ("Exports rose 12.0 percent.", 12.0, "12.0"),
        ("Exports rose 12 percent to $4.5 billion.", 12, "12"),
    ],
)
def test_a_figure_is_its_number_as_written_and_a_range_its_two_ends(nlp, text, value, written):
    record = extract_one(article_from_text(text, id="t", date="2024-06-01"), nlp=nlp)
    first = record_to_dict(record)["statistics"][0]
    assert (first["value"], first["value_text"]) == (value, written)
    assert type(first["value"]) is type(value)  # 12.0 stays a decimal, 12 a whole number
