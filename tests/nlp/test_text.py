"""The Doc's plain-list view: where words are, answered from one index instead of a scan per rule."""

from __future__ import annotations

import spacy

from newskg.nlp.text import DocView


def view(text: str) -> DocView:
    return DocView(spacy.blank("en")(text))


def test_positions_are_every_token_whose_lower_case_word_is_asked_for_in_order():
    doc = view("The Company said the company and a firm grew, the Firm added.")
    assert doc.positions(frozenset({"company", "firm"})) == [1, 4, 7, 11]
    assert doc.positions(frozenset({"bank"})) == []
    # A set bigger than the Doc's vocabulary is answered from the other side, with the same result.
    big = frozenset({"company", "firm", *(f"word{i}" for i in range(200))})
    assert doc.positions(big) == [1, 4, 7, 11]


def test_all_capitals_and_four_digit_numbers():
    doc = view("TEHRAN - ISIPO said 2024 and 1402 were good, not 12 or 20245.")
    assert [doc.words[k] for k in doc.all_capitals()] == ["TEHRAN", "ISIPO"]
    assert [doc.words[k] for k in doc.four_digits()] == ["2024", "1402"]


def test_a_word_is_one_shared_string_across_docs_and_the_share_starts_again_past_its_limit(monkeypatch):
    from newskg.nlp import text

    monkeypatch.setattr(text, "_SHARED_STRINGS", {})  # what other tests put there is not this test's
    first = view("The minister said exports rose.")
    second = view("Exports rose, the minister said.")
    assert first.lower[1] == second.lower[4] == "minister"
    assert first.lower[1] is second.lower[4]  # one str, its hash computed once for the process
    assert first.words == ["The", "minister", "said", "exports", "rose", "."]
    monkeypatch.setattr(text, "_SHARED_STRINGS_LIMIT", 3)
    third = view("Imports fell sharply in March.")
    assert third.words == ["Imports", "fell", "sharply", "in", "March", "."]
    assert len(text._SHARED_STRINGS) <= 3 + len(third.words) * 2


def test_the_text_a_doc_was_made_from_is_the_views_text_and_a_wrong_one_is_not_taken():
    nlp = spacy.blank("en")
    text = "  TEHRAN – Exports rose 5%.\n\nImports fell.  "
    doc = nlp(text)
    assert DocView(doc).text == DocView(doc, text).text == text
    assert DocView(doc, text).text is text  # taken, not joined again
    assert DocView(doc, "too short").text == text  # a text of another length is not this Doc's
