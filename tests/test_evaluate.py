"""`newskg evaluate` on the dev corpus: the quality bars of issue #3 as assertions."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import DEV_CORPUS, ROOT
from newskg.evaluate import evaluate, read_gold

MINIMUM_F1 = {"entities": 0.92, "roles": 0.90, "statements": 0.80, "statistics": 0.90}

needs_corpus = pytest.mark.skipif(not DEV_CORPUS.is_dir(), reason=f"dev corpus not found at {DEV_CORPUS}")


@pytest.fixture(scope="module")
def dev_evaluation():
    return evaluate(read_gold(DEV_CORPUS))


@needs_corpus
@pytest.mark.parametrize("kind", sorted(MINIMUM_F1))
def test_dev_corpus_meets_the_quality_bar(dev_evaluation, kind):
    score = dev_evaluation.scores[kind]
    assert score.f1 >= MINIMUM_F1[kind], dev_evaluation.differences


@needs_corpus
def test_cli_prints_scores_and_fails_below_a_minimum():
    exe = [sys.executable, "-m", "newskg", "evaluate", str(DEV_CORPUS)]
    ok = subprocess.run([*exe, "--min-f1", "roles=0.5"], capture_output=True, text=True, cwd=ROOT)
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.splitlines()[0].split() == ["kind", "P", "R", "F1", "tp/sys/gold"]
    impossible = subprocess.run([*exe, "--min-f1", "roles=1.01"], capture_output=True, text=True, cwd=ROOT)
    assert impossible.returncode == 1
    assert "roles" in impossible.stderr


def test_missed_and_extra_facts_are_listed_per_article(tmp_path):
    gold = {
        "id": "g1",
        "text": (
            "TEHRAN - Kamran Vaziri, the head of Iran Mineral Processing Organization, "
            "said 40 mines reopened."
        ),
        "entities": [
            {"text": "TEHRAN", "type": "GPE", "canonical": "Tehran"},
            {"text": "Kamran Vaziri", "type": "PERSON", "canonical": "Kamran Vaziri"},
            {
                "text": "Iran Mineral Processing Organization",
                "type": "ORG",
                "canonical": "Iran Mineral Processing Organization",
            },
            {"text": "Nobody Here", "type": "PERSON", "canonical": "Nobody Here"},
        ],
        "roles": [{"person": "Kamran Vaziri", "role": "head", "org": "Iran Mineral Processing Organization"}],
        "statements": [{"speaker": "Kamran Vaziri", "cue": "said"}],
        "statistics": [{"value": "40"}],
    }
    (tmp_path / "g1.json").write_text(json.dumps(gold))
    result = evaluate(read_gold(tmp_path))
    assert result.scores["roles"].f1 == 1.0
    assert result.scores["statements"].f1 == 1.0
    assert result.differences["g1"]["entities"]["missed"] == ["('nobody here', 'PERSON')"]
    assert result.scores["entities"].recall == 0.75


def test_a_folder_without_gold_files_is_bad_input(tmp_path):
    from newskg.errors import InputError

    with pytest.raises(InputError, match="holds no gold annotation files"):
        read_gold(tmp_path)
