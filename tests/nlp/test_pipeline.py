"""The pipeline as spaCy sees it, and the `newskg extract` JSON line format."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.metadata import entry_points

import spacy

from conftest import ROOT, SEEDS
from newskg.nlp import make_pipeline
from newskg.nlp.pipeline import COMPONENTS


def test_pipeline_is_blank_english_plus_newskg_components(nlp):
    assert nlp.lang == "en"
    assert nlp.pipe_names == ["sentencizer", *COMPONENTS]
    assert all(name.startswith("newskg_") for name in COMPONENTS)


def test_analyze_pipes_finds_no_problem(nlp):
    analysis = nlp.analyze_pipes()
    assert all(not problems for problems in analysis["problems"].values())


def test_every_component_is_declared_as_a_spacy_factory_entry_point():
    declared = {ep.name for ep in entry_points(group="spacy_factories")}
    assert set(COMPONENTS) <= declared


def test_a_blank_pipeline_can_add_a_component_by_name():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("newskg_dateline")
    assert "newskg_dateline" in nlp.pipe_names


def test_extract_writes_one_json_object_per_article_with_the_documented_keys():
    out = subprocess.run(
        [sys.executable, "-m", "newskg", "extract", str(SEEDS)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    ).stdout
    docs = [json.loads(line) for line in out.splitlines()]
    assert [d["id"] for d in docs] == ["seed-000", "seed-002"]
    assert set(docs[0]) == {
        "id",
        "date",
        "entities",
        "roles",
        "statements",
        "statistics",
        "located_in",
        "reported_by",
    }
    assert docs[1]["date"] == "2020-06-09"
    mention = docs[0]["entities"][0]
    assert set(mention) == {"text", "type", "canonical", "iri", "start", "end"}
    text = (SEEDS / "seed-000.txt").read_text(encoding="utf-8")
    for entity in docs[0]["entities"]:
        assert text[entity["start"] : entity["end"]] == entity["text"]
    for role in docs[0]["roles"]:
        assert text[role["start"] : role["end"]] == role["evidence"]
    assert {"value", "unit", "what", "about", "period", "evidence", "start", "end"} <= set(
        docs[0]["statistics"][0]
    )


def test_same_text_same_output(nlp):
    from newskg.ingest import read_articles
    from newskg.nlp import extract

    first = list(extract(read_articles([SEEDS]), nlp=nlp))
    second = list(extract(read_articles([SEEDS]), nlp=make_pipeline()))
    assert first == second
