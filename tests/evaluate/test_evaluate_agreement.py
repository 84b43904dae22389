"""``newskg evaluate`` agrees with the corpus scorer, ``../shared/score.py`` (the judge).

The judge is read from its file at test time, never copied: it runs on the same gold and the same
``newskg extract`` output, and every count (tp, sys, gold) and rate (P, R, F1) must be equal, in
total and per article. Skipped, saying why, when ``../shared`` is not beside the clone.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from conftest import SHARED, Cli
from newskg.evaluate import MEASURES, Evaluation, evaluate, read_gold, score

JUDGE = SHARED / "score.py"

pytestmark = pytest.mark.needs_dev_corpus(JUDGE)


@pytest.fixture(scope="module")
def judge() -> ModuleType:
    spec = importlib.util.spec_from_file_location("corpus_judge", JUDGE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def judged(judge: ModuleType, gold_docs: list[dict[str, Any]], system_docs: dict[str, Any]) -> dict[str, Any]:
    return judge.score({d["id"]: d for d in gold_docs}, system_docs)


def numbers_of(evaluation: Evaluation) -> dict[str, tuple[float, ...]]:
    return {m: (s.tp, s.system, s.gold, s.precision, s.recall, s.f1) for m, s in evaluation.scores.items()}


def judges_numbers(result: dict[str, Any]) -> dict[str, tuple[float, ...]]:
    return {m: tuple(result[m][k] for k in ("tp", "sys", "gold", "p", "r", "f1")) for m in MEASURES}


# --- the corpora -------------------------------------------------------------------------------


def extract_as_the_judge_does(cli: Cli, gold_docs: list[dict[str, Any]], folder: Path) -> dict[str, Any]:
    """``newskg extract --format json`` on the articles as the judge writes them (JSON Lines)."""
    articles = folder / "articles.jsonl"
    with articles.open("w", encoding="utf-8") as out:
        for doc in gold_docs:
            out.write(json.dumps({k: doc.get(k) for k in ("id", "text", "date", "url", "source")}) + "\n")
    run = cli.run("extract", articles, "--format", "json", timeout=600)
    assert run.returncode == 0, run.stderr
    docs = [json.loads(line) for line in run.stdout.splitlines() if line.strip().startswith("{")]
    return {d["id"]: d for d in docs}


@pytest.mark.parametrize(
    "split",
    [
        pytest.param(split, marks=pytest.mark.needs_dev_corpus(f"corpus/{split}"))
        for split in ("dev", "dev-broad")
    ],
)
def test_evaluate_gives_the_judges_numbers_on_the_corpus(cli, split, judge, nlp, tmp_path):
    folder = SHARED / "corpus" / split
    gold_docs = read_gold(folder)
    system_docs = extract_as_the_judge_does(cli, gold_docs, tmp_path)
    ours = evaluate(gold_docs, nlp=nlp)
    theirs = judged(judge, gold_docs, system_docs)
    assert numbers_of(ours) == judges_numbers(theirs)
    for doc in gold_docs:
        article = doc["id"]
        alone = judge.score({article: doc}, {article: system_docs[article]})
        assert {m: c.score for m, c in ours.articles[article].items()} == {
            m: type(c.score)(alone[m]["tp"], alone[m]["sys"], alone[m]["gold"])
            for m, c in ours.articles[article].items()
        }, article
        for measure, listed in theirs["per_doc"][article].items():
            differences = ours.articles[article][measure].differences
            assert (len(differences.missed), len(differences.extra)) == (
                len(listed["missed"]),
                len(listed["extra"]),
            ), (article, measure)


# --- the rules, case by case -------------------------------------------------------------------

CUES = [
    "said", "says", "saying", "went on to say", "according to", "as announced by", "announced",
    "announcement", "statement", "stated", "noted", "noting", "notes", "stressed", "stresses", "stress",
    "told", "tells", "telling", "put", "puts", "putting", "made the remarks", "remarked", "added", "adding",
    "also warned", "further emphasized", "emphasizing", "pointed out", "pointing out", "was quoted as",
    "is", "highlighted", "highlighting that", "called for", "quoted X as saying", "reiterated", "denied",
]  # fmt: skip
UNITS = [
    "%", "percent", "per cent", "percentage points", "rial", "rials", "Tomans", "$", "USD", "dollars",
    "euro", "tonnes", "metric tons", "barrel", "litres", "cubic meter", "km", "hectare", "MW", "GW", "kWh",
    "TEU", "point", "year", "years", "other", "units", "people", "count", "", None,
]  # fmt: skip
WHATS = [
    "idle production units", "units", "production units", "industrial units", "loans", "the loan",
    "exports of goods", "exports", "goods", "", None,
]  # fmt: skip
VALUES = ["14,458", "14458", 14458, "4.5", 4.5, "$4.5", "70-75", 70, "0", 0, "12.", "0.5", 0.5, None]


def test_cue_stems_agree_with_the_judge_on_every_pair(judge):
    for gold_cue in CUES:
        gold = {"id": "a", "statements": [{"speaker": "X", "cue": gold_cue, "content": None}]}
        for system_cue in CUES:
            system = {"statements": [{"speaker": "X", "cue": system_cue}]}
            ours = score([gold], {"a": system})
            theirs = judged(judge, [gold], {"a": system})
            assert numbers_of(ours) == judges_numbers(theirs), (gold_cue, system_cue)


@pytest.mark.parametrize(
    ("key", "gold_values", "system_values"),
    [
        ("unit", UNITS, UNITS),
        ("scale", [None, 1, 1000, "1000000000", 1e9], [None, 1, 1000, 1e3, 1e9, "1000.0"]),
        ("what", WHATS, WHATS),
    ],
)
def test_units_scales_and_whats_agree_with_the_judge(judge, key, gold_values, system_values):
    for gold_value in gold_values:
        gold = {
            "id": "a",
            "statistics": [{"value": "1", "unit": "%", "scale": 1, "what": "units", key: gold_value}],
        }
        for system_value in system_values:
            system = {"statistics": [{"value": 1, "unit": "percent", "what": "units", key: system_value}]}
            ours = score([gold], {"a": system})
            theirs = judged(judge, [gold], {"a": system})
            assert numbers_of(ours) == judges_numbers(theirs), (gold_value, system_value)


def test_values_agree_with_the_judge(judge):
    gold = {"id": "a", "statistics": [{"value": v, "what": "units"} for v in VALUES if v is not None]}
    for value in VALUES:
        for written in (None, "70-75", "14,458"):
            system = {"statistics": [{"value": value, "value_text": written, "what": "units"}]}
            ours = score([gold], {"a": system})
            assert numbers_of(ours) == judges_numbers(judged(judge, [gold], {"a": system})), (value, written)


def test_names_contents_and_pairing_agree_with_the_judge(judge):
    gold = {
        "id": "a",
        "entities": [
            {"text": "Lorvania Export Fund", "type": "ORG", "canonical": "Lorvania Export Fund"},
            {"text": "LEF", "type": "ORG", "canonical": "Lorvania Export Fund"},
            {"text": "Brandt", "type": "PERSON", "canonical": "Oskar Brandt"},
            {"text": "VELMORA", "type": "GPE", "canonical": "Velmora"},
        ],
        "roles": [{"person": "Oskar Brandt", "role": "head", "org": "Lorvania Export Fund"}],
        "statements": [
            {"speaker": "Oskar Brandt", "cue": "said", "content": None},
            {"speaker": "Oskar Brandt", "cue": "said", "content": "exports rose"},
            {"speaker": "LEF", "cue": "according to", "content": "workshops were financed"},
            {"speaker": "Oskar Brandt", "cue": "added"},  # no content: not in statement_content
        ],
        "located_in": [{"place": "Velmora", "in": "Lorvania"}],
        "reported_by": [{"agency": "Kestrel Wire"}],
    }
    system = {
        "entities": [
            {"text": "The Lorvania Export Fund", "type": "ORG", "canonical": "LEF Bank"},
            {"text": "Brandt", "type": "PERSON", "canonical": "O. Brandt"},
            {"text": "Velmora", "type": "LOC"},
        ],
        "roles": [
            {"person": "O. Brandt", "role": "Head", "org": "LEF Bank"},
            {"person": "Ida", "role": "x", "org": None},
        ],
        "statements": [
            {"speaker": "O. Brandt", "cue": "says", "content": "exports rose"},
            {"speaker": "O. Brandt", "cue": "saying", "content": "something else"},
            {"speaker": "LEF Bank", "cue": "according to", "content": "The workshops were financed, it said"},
            {"speaker": None, "cue": None, "content": None},
        ],
        "located_in": [{"place": "VELMORA", "in": "lorvania"}, {"place": "Velmora", "in": "Lorvania"}],
        "reported_by": [{"agency": "kestrel wire"}, {"agency": "LNA"}],
    }
    ours = score([gold], {"a": system})
    assert numbers_of(ours) == judges_numbers(judged(judge, [gold], {"a": system}))
    assert numbers_of(score([gold], {})) == judges_numbers(judged(judge, [gold], {}))
