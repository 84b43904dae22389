"""Careless ``newskg build`` commands: an output that is an input, an output inside an input folder, an
article longer than the NLP pass takes, a ``--dask`` value that is no address. Each gets one line and
the documented exit code, through the real command."""

from __future__ import annotations

import json
import os

import pytest

from conftest import SEEDS
from newskg.build.corpus import NLP_MAX_CHARACTERS
from newskg.nlp import make_pipeline
from synthetic import build

pytestmark = pytest.mark.slow

ARTICLE = {"id": "a", "text": (SEEDS / "seed-000.txt").read_text(encoding="utf-8")}


def test_an_output_that_is_an_input_is_refused_and_the_article_kept(tmp_path):
    """Regression: ``newskg build a.json -o a.json`` replaced the article with JSON-LD."""
    article = tmp_path / "a.json"
    article.write_text(json.dumps(ARTICLE), encoding="utf-8")
    (tmp_path / "link.json").symlink_to(article)
    os.link(article, tmp_path / "hard.json")
    for given, output in (
        ("a.json", "a.json"),
        ("./link.json", "a.json"),
        (str(article), "../" + tmp_path.name + "/link.json"),
        ("hard.json", "a.json"),
    ):
        run = build(tmp_path / given, "-o", tmp_path / output, "-q")
        assert run.returncode == 2, run.stderr
        assert run.stderr.count("\n") == 1 and "is both an input and the output" in run.stderr
        assert json.loads(article.read_text(encoding="utf-8")) == ARTICLE


def test_a_build_never_reads_its_own_output_from_an_input_folder(tmp_path):
    """Regression: a JSON-LD output inside the input folder was read back as 242 broken articles."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.json").write_text(json.dumps(ARTICLE), encoding="utf-8")
    output = corpus / "graph.json"
    first = build(corpus, "-o", output, "-q", "--no-validate")
    second = build(corpus, "-o", output, "--no-validate", "--rebuild")
    by_glob = build(f"{corpus}/*.json", "-o", output, "--no-validate", "--rebuild")
    assert first.returncode == 0, first.stderr
    for run in (second, by_glob):
        assert run.returncode == 0 and run.stderr == "", run.stderr
        assert run.stdout.startswith("articles: 1\n")
    unchanged = build(corpus, "-o", output, "--no-validate")  # the check before a build reads alike
    assert unchanged.returncode == 0 and unchanged.stderr == "", unchanged.stderr
    assert (
        unchanged.stdout.startswith("nothing changed since the last build")
        and "articles: 1\n" in unchanged.stdout
    )


def test_an_article_over_the_nlp_limit_is_skipped_not_fatal(tmp_path, monkeypatch):
    """Regression: with NEWSKG_MAX_ARTICLE_BYTES raised, an article over spaCy's max_length ended the
    whole build with an internal error (exit 3)."""
    long_text = "TEHRAN - The head of the organization said that 50 units were revived. " * 15_000
    assert len(long_text) > NLP_MAX_CHARACTERS
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "long.json").write_text(json.dumps({"id": "long", "text": long_text}), encoding="utf-8")
    (corpus / "short.json").write_text(json.dumps(ARTICLE), encoding="utf-8")
    monkeypatch.setenv("NEWSKG_MAX_ARTICLE_BYTES", "2000000")  # as the docs show
    run = build(corpus, "-o", tmp_path / "graph.ttl", "--no-validate")
    assert run.returncode == 4, run.stderr
    assert run.stderr.splitlines() == [
        f"newskg: skipped: {corpus / 'long.json'}: article is too long for the NLP pass "
        f"({len(long_text):,} characters, over spaCy's limit of {NLP_MAX_CHARACTERS:,}); split it"
    ]
    assert "articles: 1 (1 extracted, 1 skipped as unreadable)" in run.stdout


def test_the_nlp_limit_is_the_pipelines():
    assert make_pipeline().max_length == NLP_MAX_CHARACTERS


@pytest.mark.parametrize("address", ["not a url", "tcp://scheduler", "ftp://host:21"])
def test_a_dask_value_that_is_no_address_is_a_usage_error(tmp_path, address):
    """Regression: ``--dask 'not a url'`` was an internal error (exit 3)."""
    pytest.importorskip("distributed")
    run = build(SEEDS, "-o", tmp_path / "graph.ttl", "--dask", address)
    assert run.returncode == 2, run.stderr
    assert run.stderr.startswith(f"newskg: error: --dask {address!r}: not a Dask scheduler address (")
    assert run.stderr.count("\n") == 1
    assert not (tmp_path / "graph.ttl").exists()
