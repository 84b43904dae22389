"""``newskg evaluate``: what each measure counts, what ``-v`` lists, and how bad gold is reported.

The counting rules are checked with ``score`` on invented gold and system documents (so they do not
move when the extraction rules change); the command is run on small gold folders written here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import DEV_CORPUS
from newskg.errors import InputError
from newskg.evaluate import MEASURES, Evaluation, evaluate, read_gold, score
from newskg.evaluate.gold import gold_article
from newskg.evaluate.report import differences_listing, score_table

TEXT = (
    "VELMORA - Oskar Brandt, the head of the Lorvania Export Fund (LEF), said on Monday that "
    "exports rose 12 percent to $4.5 billion. The fund financed 1,250 small workshops, Brandt added."
)


def gold_doc(**facts: Any) -> dict[str, Any]:
    """An invented gold article (no fact lists unless given)."""
    return {"id": "a1", "text": TEXT, "date": "2031-05-12", **facts}


def entity(text: str, type_: str, canonical: str | None = None) -> dict[str, str]:
    return {"text": text, "type": type_, "canonical": canonical or text}


FUND = [entity("Lorvania Export Fund", "ORG"), entity("LEF", "ORG", "Lorvania Export Fund")]
BRANDT = [entity("Oskar Brandt", "PERSON"), entity("Brandt", "PERSON", "Oskar Brandt")]


def scored(gold: dict[str, Any], system: dict[str, Any]) -> Evaluation:
    return score([gold], {"a1": system})


def counts(evaluation: Evaluation, measure: str) -> tuple[int, int, int]:
    s = evaluation.scores[measure]
    return s.tp, s.system, s.gold


# --- what each measure counts -------------------------------------------------------------------


def test_entities_count_each_distinct_surface_form_and_type_once():
    gold = gold_doc(entities=[*FUND, entity("Velmora", "GPE")])
    system = {
        "entities": [
            {"text": "The Lorvania Export Fund", "type": "ORG"},  # a leading "the" does not matter
            {"text": "LEF", "type": "ORG"},
            {"text": "LEF", "type": "ORG"},  # a second mention is the same form
            {"text": "Velmora", "type": "LOC"},  # the wrong type
        ]
    }
    result = scored(gold, system)
    assert counts(result, "entities") == (2, 3, 3)
    differences = result.articles["a1"]["entities"].differences
    assert differences.missed == ('"Velmora" GPE',)
    assert differences.extra == ('"Velmora" LOC',)


def test_roles_compare_names_mapped_onto_the_gold_entities():
    gold = gold_doc(
        entities=[*FUND, *BRANDT],
        roles=[{"person": "Oskar Brandt", "role": "head", "org": "Lorvania Export Fund"}],
    )
    system = {
        "entities": [{"text": "Brandt", "canonical": "O. Brandt"}],
        "roles": [
            {"person": "O. Brandt", "role": "Head", "org": "LEF"},  # maps through its form "Brandt"
            {"person": "O. Brandt", "role": "head", "org": "LEF"},  # the same fact again
            {"person": "Ida Kern", "role": "head", "org": "LEF"},
        ],
    }
    result = scored(gold, system)
    assert counts(result, "roles") == (1, 2, 1)
    assert result.articles["a1"]["roles"].differences.extra == ("?Ida Kern | head | LEF",)


def test_statements_count_each_occurrence_by_speaker_and_cue_stem():
    gold = gold_doc(
        entities=BRANDT,
        statements=[
            {"speaker": "Oskar Brandt", "cue": "said"},
            {"speaker": "Oskar Brandt", "cue": "said"},
            {"speaker": "Oskar Brandt", "cue": "added"},
        ],
    )
    system = {
        "statements": [
            {"speaker": "Brandt", "cue": "says"},
            {"speaker": "Brandt", "cue": "adding"},
            {"speaker": "Brandt", "cue": "noted"},
        ]
    }
    result = scored(gold, system)
    assert counts(result, "statements") == (2, 3, 3)
    differences = result.articles["a1"]["statements"].differences
    assert differences.missed == ('Oskar Brandt | "said" (stem say)',)
    assert differences.extra == ('Brandt | "noted" (stem not)',)


def test_statistics_compare_the_digits_of_the_value_each_occurrence():
    gold = gold_doc(statistics=[{"value": "1,250"}, {"value": "12"}, {"value": "12"}, {"value": "70-75"}])
    system = {
        "statistics": [
            {"value": 1250, "value_text": "1,250"},
            {"value": 12, "value_text": "12"},
            {"value": 70, "value_text": "70-75"},  # the number compared is the value: 70 is not 70-75
        ]
    }
    result = scored(gold, system)
    assert counts(result, "statistics") == (2, 3, 4)
    differences = result.articles["a1"]["statistics"].differences
    assert differences.missed == ("12", "70-75")
    assert differences.extra == ("70 (written '70-75')",)


def test_located_in_and_reported_by_count_distinct_facts_by_mapped_names():
    gold = gold_doc(
        entities=[
            entity("VELMORA", "GPE", "Velmora"),
            entity("Lorvania", "GPE"),
            entity("LNA", "NEWS_AGENCY"),
        ],
        located_in=[{"place": "Velmora", "in": "Lorvania"}],
        reported_by=[{"agency": "LNA"}],
    )
    system = {
        "located_in": [{"place": "VELMORA", "in": "Lorvania"}, {"place": "Velmora", "in": "lorvania"}],
        "reported_by": [{"agency": "LNA"}, {"agency": "Kestrel Wire"}],
    }
    result = scored(gold, system)
    assert counts(result, "located_in") == (1, 1, 1)
    assert counts(result, "reported_by") == (1, 2, 1)
    assert result.articles["a1"]["reported_by"].differences.extra == ("?Kestrel Wire",)


def test_statement_content_needs_the_right_speaker_cue_and_enough_word_overlap():
    gold = gold_doc(
        entities=BRANDT,
        statements=[
            {"speaker": "Oskar Brandt", "cue": "said", "content": "exports rose 12 percent to $4.5 billion"},
            {"speaker": "Oskar Brandt", "cue": "added", "content": "the fund financed 1,250 small workshops"},
            {"speaker": "Oskar Brandt", "cue": "warned", "content": None},  # any content will do
        ],
    )
    system = {
        "statements": [
            {"speaker": "Brandt", "cue": "said", "content": "on Monday that exports rose 12 percent"},
            {"speaker": "Brandt", "cue": "added", "content": "Brandt added."},
            {"speaker": "Brandt", "cue": "warning", "content": "something else entirely"},
        ]
    }
    result = scored(gold, system)
    assert counts(result, "statement_content") == (2, 3, 3)
    assert counts(result, "statements") == (3, 3, 3)
    (wrong,) = result.articles["a1"]["statement_content"].differences.wrong
    assert wrong.label == 'Oskar Brandt | "added" (stem ad)'
    assert (wrong.gold, wrong.system) == ("the fund financed 1,250 small workshops", "Brandt added.")
    assert wrong.why == "content overlap 0.00 < 0.5"


def test_statement_content_pairs_greedily_in_document_order():
    """The first gold statement takes the first system statement that is right for it, even when a
    later gold statement needed it more: this is the judge's rule, not an optimal matching."""
    gold = gold_doc(
        entities=BRANDT,
        statements=[
            {"speaker": "Oskar Brandt", "cue": "said", "content": None},
            {"speaker": "Oskar Brandt", "cue": "said", "content": "exports rose"},
        ],
    )
    system = {
        "statements": [
            {"speaker": "Brandt", "cue": "said", "content": "exports rose"},
            {"speaker": "Brandt", "cue": "said", "content": "workshops were financed"},
        ]
    }
    result = scored(gold, system)
    assert counts(result, "statement_content") == (1, 2, 2)
    (wrong,) = result.articles["a1"]["statement_content"].differences.wrong
    assert (wrong.gold, wrong.system) == ("exports rose", "workshops were financed")


def test_statement_content_is_measured_only_on_articles_whose_gold_has_content():
    with_content = gold_doc(
        id="a1", entities=BRANDT, statements=[{"speaker": "Oskar Brandt", "cue": "said", "content": "x"}]
    )
    without = gold_doc(id="a2", entities=BRANDT, statements=[{"speaker": "Oskar Brandt", "cue": "said"}])
    system = {"statements": [{"speaker": "Brandt", "cue": "said", "content": "y"}] * 2}
    result = score([with_content, without], {"a1": system, "a2": system})
    assert counts(result, "statements") == (2, 4, 2)
    assert counts(result, "statement_content") == (0, 2, 1)  # a2's system statements are not counted
    assert not result.articles["a2"]["statement_content"].differences


def test_statistic_meaning_needs_value_unit_scale_and_what():
    gold = gold_doc(
        statistics=[
            {"value": "12", "unit": "percent", "scale": 1, "what": "exports"},
            {"value": "4.5", "unit": "dollars", "scale": 1000000000, "what": "exports"},
            {"value": "1,250", "unit": None, "scale": 1, "what": "small workshops"},
            {"value": "70-75", "unit": "percent", "what": "idle workshops"},
        ]
    )
    system = {
        "statistics": [
            {"value": 12, "value_text": "12", "unit": "%", "scale": 1, "what": "exports"},
            {"value": 4.5, "value_text": "4.5", "unit": "USD", "scale": 1e9, "what": "exports of goods"},
            {"value": 1250, "value_text": "1,250", "unit": "workshops", "scale": 1000, "what": "workshops"},
            {"value": 70, "value_text": "70-75", "unit": "percent", "what": "the idle workshops"},
        ]
    }
    result = scored(gold, system)
    assert counts(result, "statistic_meaning") == (3, 4, 4)  # a range matches on its written value
    (wrong,) = result.articles["a1"]["statistic_meaning"].differences.wrong
    assert wrong.label == "1,250: small workshops"
    assert wrong.why == "wrong scale"
    assert wrong.gold == 'unit none, scale 1, what "small workshops"'
    assert wrong.system == "unit none (given 'workshops'), scale 1,000, what \"workshops\""


def test_statistic_meaning_reports_every_wrong_part():
    gold = gold_doc(statistics=[{"value": "12", "unit": "percent", "scale": 1, "what": "exports"}])
    system = {"statistics": [{"value": 12, "unit": "tons", "scale": 1000, "what": None}]}
    (wrong,) = scored(gold, system).articles["a1"]["statistic_meaning"].differences.wrong
    assert wrong.why == "wrong unit, scale, what"


def test_a_missing_system_article_finds_nothing():
    result = score([gold_doc(entities=FUND)], {})
    assert counts(result, "entities") == (0, 0, 2)


def test_precision_recall_and_f1_follow_the_counts():
    result = scored(gold_doc(entities=[*FUND, *BRANDT]), {"entities": [{"text": "LEF", "type": "ORG"}] * 2})
    s = result.scores["entities"]
    assert (s.precision, s.recall, round(s.f1, 3)) == (1.0, 0.25, 0.4)


# --- the report --------------------------------------------------------------------------------


def test_the_table_shows_the_meaning_measures_only_when_the_gold_has_them():
    plain = scored(gold_doc(entities=FUND, statements=[{"speaker": "LEF", "cue": "said"}]), {})
    assert [line.split()[0] for line in score_table(plain).splitlines()] == [
        "measure",
        "entities",
        "statements",
    ]
    meaning = scored(gold_doc(statistics=[{"value": "12", "what": "exports"}]), {})
    assert "statistic_meaning" in score_table(meaning)
    assert score_table(meaning).splitlines()[0].split() == ["measure", "P", "R", "F1", "tp", "sys", "gold"]


def test_the_listing_shows_misses_extras_and_gold_against_system_meaning_per_article():
    gold = gold_doc(
        entities=BRANDT,
        statements=[{"speaker": "Oskar Brandt", "cue": "said", "content": "exports rose 12 percent"}],
        statistics=[{"value": "12", "unit": "percent", "scale": 1, "what": "exports"}],
    )
    system = {
        "entities": [{"text": "Oskar Brandt", "type": "PERSON"}, {"text": "Velmora", "type": "GPE"}],
        "statements": [{"speaker": "Oskar Brandt", "cue": "said", "content": "on Monday\n\nthat\tsomething"}],
        "statistics": [{"value": 12, "value_text": "12", "unit": "tons", "scale": 1, "what": "exports"}],
    }
    listing = differences_listing(scored(gold, system)).splitlines()
    assert "a1" in listing
    assert '  entities           missed  "Brandt" PERSON' in listing
    assert '  entities           extra   "Velmora" GPE' in listing
    at = listing.index(
        '  statement_content  wrong   Oskar Brandt | "said" (stem say): content overlap 0.00 < 0.5'
    )
    assert listing[at + 1].split(None, 1) == ["gold:", "exports rose 12 percent"]
    assert listing[at + 2].split(None, 1) == ["system:", "on Monday that something"]  # on one line
    at = listing.index("  statistic_meaning  wrong   12: exports: wrong unit")
    assert listing[at + 1].split(None, 1) == ["gold:", 'unit percent, scale 1, what "exports"']
    assert listing[at + 2].split(None, 1) == ["system:", 'unit tons, scale 1, what "exports"']


def test_the_listing_says_so_when_nothing_differs():
    gold = gold_doc(entities=[entity("LEF", "ORG")])
    assert differences_listing(scored(gold, {"entities": [{"text": "LEF", "type": "ORG"}]})).startswith(
        "no differences"
    )


# --- the command -------------------------------------------------------------------------------


def write_gold(folder: Path, *docs: dict[str, Any]) -> Path:
    folder.mkdir(exist_ok=True)
    for doc in docs:
        (folder / f"{doc['id']}.json").write_text(json.dumps(doc), encoding="utf-8")
    return folder


INVENTED = gold_doc(
    entities=[*BRANDT, *FUND, entity("VELMORA", "GPE", "Velmora"), entity("Nowhere Person", "PERSON")],
    roles=[{"person": "Oskar Brandt", "role": "head", "org": "Lorvania Export Fund"}],
    statements=[
        {"speaker": "Oskar Brandt", "cue": "said", "content": "exports rose 12 percent to $4.5 billion"},
        {"speaker": "Oskar Brandt", "cue": "added", "content": "The fund financed 1,250 small workshops"},
    ],
    statistics=[
        {"value": "12", "unit": "percent", "scale": 1, "what": "exports"},
        {"value": "4.5", "unit": "dollars", "scale": 1000000000, "what": "exports"},
        {"value": "1,250", "unit": None, "scale": 1, "what": "small workshops"},
    ],
    located_in=[{"place": "Velmora", "in": "Lorvania"}],
    reported_by=[{"agency": "Kestrel Wire"}],  # not in the text: always missed
)


def test_evaluate_scores_its_own_extraction_as_score_does_the_extract_output(tmp_path, nlp):
    from newskg.nlp import extract
    from newskg.records.as_json import record_to_dict

    docs = read_gold(write_gold(tmp_path, INVENTED))
    result = evaluate(docs, nlp=nlp)
    records = extract([gold_article(docs[0])], nlp=nlp)
    expected = score(docs, {r.article.id: json.loads(json.dumps(record_to_dict(r))) for r in records})
    assert result.scores == expected.scores
    assert counts(result, "entities")[2] == 6
    assert counts(result, "reported_by")[::2] == (0, 1)
    assert result.articles["a1"]["entities"].differences.missed[-1] == '"Nowhere Person" PERSON'


def test_the_command_prints_every_measure_and_lists_differences_with_v(cli, tmp_path):
    result = cli("evaluate", write_gold(tmp_path / "gold", INVENTED), "-v")
    assert result.exit_code == 0, result.stderr
    table, listing = result.stdout.split("\n\n", 1)
    assert [line.split()[0] for line in table.splitlines()] == ["measure", *MEASURES]
    assert '  entities           missed  "Nowhere Person" PERSON' in listing.splitlines()


def test_min_f1_takes_every_measure_and_exits_1_below_it(cli, tmp_path):
    gold = write_gold(tmp_path / "gold", INVENTED)
    assert cli("evaluate", gold, "--min-f1", "entities=0.1", "--min-f1", "statistic_meaning=0").exit_code == 0
    result = cli("evaluate", gold, "--min-f1", "statement_content=1.01")
    assert result.exit_code == 1
    assert "F1 below the minimum: statement_content" in result.stderr


def test_min_f1_refuses_an_unknown_measure_or_one_the_gold_cannot_measure(cli, tmp_path):
    result = cli("evaluate", tmp_path, "--min-f1", "content=0.5")
    assert result.exit_code == 2
    assert "MEASURE one of entities, " in result.stderr
    assert "statement_content, statistic_meaning" in result.stderr
    plain = write_gold(
        tmp_path / "gold", gold_doc(entities=FUND, statements=[{"speaker": "LEF", "cue": "said"}])
    )
    result = cli("evaluate", plain, "--min-f1", "statement_content=0.5")
    assert result.exit_code == 2
    assert "statement_content" in result.stderr and "nothing to measure" in result.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "a1.json:1:2: not valid JSON"),
        ("[1, 2]", "a1.json: expected a JSON object (one gold article), not a JSON array"),
        (json.dumps({"text": TEXT}), "a1.json: has no 'id'"),
        (json.dumps({"id": "a1"}), "a1.json: has no 'text'"),
        (json.dumps({"id": "a1", "text": " "}), "a1.json: 'text' must be the article text"),
        (json.dumps(gold_doc(date="last May")), "a1.json: date 'last May' is not an ISO date"),
        (
            json.dumps(gold_doc(entities={"LEF": "ORG"})),
            "a1.json: 'entities' must be a list, not a JSON object",
        ),
        (
            json.dumps(gold_doc(entities=[{"text": "LEF", "type": "ORG"}])),
            "a1.json: entities[0] has no 'canonical'",
        ),
        (json.dumps(gold_doc(statements=[{"speaker": "LEF"}])), "a1.json: statements[0] has no 'cue'"),
        (json.dumps(gold_doc(roles=["head"])), "a1.json: roles[0] must be a JSON object, not a JSON string"),
        (
            json.dumps(gold_doc(located_in=[{"place": "Velmora", "in": None}])),
            "a1.json: located_in[0].in must be a string, not a JSON null",
        ),
        (
            json.dumps(gold_doc(statements=[{"speaker": "LEF", "cue": "said", "content": 3}])),
            "a1.json: statements[0].content must be a string or null",
        ),
        (
            json.dumps(gold_doc(statistics=[{"value": "4.5", "scale": "billion"}])),
            "a1.json: statistics[0].scale must be a whole number such as 1000000, not 'billion'",
        ),
    ],
)
def test_bad_gold_is_one_line_naming_the_file_and_key(cli, tmp_path, content, message):
    (tmp_path / "a1.json").write_text(content, encoding="utf-8")
    result = cli("evaluate", tmp_path)
    assert result.exit_code == 2
    assert message in result.stderr
    assert str(tmp_path / "a1.json") in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_a_missing_folder_an_empty_one_or_a_file_is_bad_input(cli, tmp_path):
    assert cli("evaluate", tmp_path / "nope").exit_code == 2
    assert f"{tmp_path / 'nope'}: no such folder" in cli("evaluate", tmp_path / "nope").stderr
    assert "holds no gold annotation files (*.json)" in cli("evaluate", tmp_path).stderr
    (tmp_path / "a1.json").write_text(json.dumps(gold_doc()), encoding="utf-8")
    assert "not a folder" in cli("evaluate", tmp_path / "a1.json").stderr


def test_two_gold_files_with_one_id_are_bad_input(tmp_path):
    write_gold(tmp_path, gold_doc())
    (tmp_path / "copy.json").write_text(json.dumps(gold_doc()), encoding="utf-8")
    with pytest.raises(InputError, match=r"copy\.json: id 'a1' is also the id of .*a1\.json"):
        read_gold(tmp_path)


def test_the_installed_command_reports_bad_gold_without_a_traceback(cli, tmp_path):
    (tmp_path / "a1.json").write_text(
        json.dumps(gold_doc(statistics=[{"unit": "percent"}])), encoding="utf-8"
    )
    result = cli.run("evaluate", tmp_path)
    assert result.returncode == 2
    assert result.stderr == f"newskg: error: {tmp_path / 'a1.json'}: statistics[0] has no 'value'\n"


# --- the development corpus --------------------------------------------------------------------

MINIMUM_F1 = {"entities": 0.92, "roles": 0.90, "statements": 0.80, "statistics": 0.90}


@pytest.fixture(scope="module")
def dev_evaluation():
    return evaluate(read_gold(DEV_CORPUS))


@pytest.mark.needs_dev_corpus
@pytest.mark.parametrize("measure", sorted(MINIMUM_F1))
def test_dev_corpus_meets_the_quality_bar(dev_evaluation, measure):
    assert dev_evaluation.scores[measure].f1 >= MINIMUM_F1[measure], differences_listing(dev_evaluation)
