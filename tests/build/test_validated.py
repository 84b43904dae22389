"""A validating build: the same report as pySHACL over what it wrote, each article validated where its
graph is built, and an unchanged article not validated again (``newskg.build._validated``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import SEEDS
from newskg.build._validated import STORE_FILE, ValidationState
from newskg.build.corpus import build_corpus
from newskg.rdf.write import read_dataset
from newskg.validate.articles import ArticleChecker
from newskg.validate.scopes import scoped_shapes
from newskg.validate.shacl import whole_graph_report
from violations import CONTRADICTING, crafted_records, write_articles


@pytest.fixture(scope="module")
def crafted(tmp_path_factory):
    """The seeds and the contradicting articles, and an extractor that gives their broken records."""
    folder = tmp_path_factory.mktemp("crafted")
    records = {record.article.id: record for record in crafted_records(folder / "articles")}

    def extractor(articles):
        return [records[article.id] for article in articles]

    return [SEEDS, folder / "articles"], extractor


@pytest.fixture()
def checked(monkeypatch):
    """The article graphs the article-scope shapes are run on, by article id."""
    seen: list[str] = []
    run = ArticleChecker.results

    def counted(self, triples):
        seen.extend(
            s.rsplit("/", 1)[1] for s, p, o in triples if o == "https://w3id.org/newskg/ontology#Article"
        )
        return run(self, triples)

    monkeypatch.setattr(ArticleChecker, "results", counted)
    return seen


@pytest.mark.parametrize("suffix", [".nq", ".ttl"])
def test_a_build_reports_what_pyshacl_finds_in_its_output(tmp_path, crafted, suffix):
    sources, extractor = crafted
    out = tmp_path / f"graph{suffix}"
    report = build_corpus(sources, output=out, extractor=extractor).report
    expected = whole_graph_report(read_dataset([out]))
    assert report is not None and not report.conforms
    assert str(report) == str(expected)
    assert report.turtle() == expected.turtle()


def test_a_store_build_reports_what_pyshacl_finds_in_the_store(tmp_path, crafted):
    from newskg.graph.build import union_graph
    from newskg.stores import open_store

    sources, extractor = crafted
    report = build_corpus(sources, store=tmp_path / "store", extractor=extractor).report
    stored = open_store(tmp_path / "store", read_only=True)
    expected = whole_graph_report(union_graph(stored))
    stored.close()
    assert report is not None
    assert str(report) == str(expected)


@pytest.mark.parametrize("target", ["graph.nq", "graph.trig", "store"])
def test_an_unchanged_article_is_not_validated_again(tmp_path, crafted, checked, target):
    sources, extractor = crafted
    where = {"store": tmp_path / target} if target == "store" else {"output": tmp_path / target}
    first = build_corpus(sources, extractor=extractor, **where).report
    assert sorted(checked) == sorted(["seed-000", "seed-002", *CONTRADICTING])
    checked.clear()
    again = build_corpus(sources, extractor=extractor, **where).report
    assert checked == []
    assert first is not None and again is not None
    assert str(again) == str(first)
    assert again.turtle() == first.turtle()


def test_only_the_changed_article_is_validated_again(tmp_path, nlp, checked):
    folder = write_articles(tmp_path / "articles", CONTRADICTING)
    out = tmp_path / "graph.nq"
    build_corpus([folder], output=out, nlp=nlp)
    checked.clear()
    changed = folder / "tea-b.json"
    article = json.loads(changed.read_text(encoding="utf-8"))
    article["text"] += " Tavakoli said more loans will follow."
    changed.write_text(json.dumps(article), encoding="utf-8")
    report = build_corpus([folder], output=out, nlp=nlp).report
    assert checked == ["tea-b"]
    assert report is not None and str(report) == str(whole_graph_report(read_dataset([out])))


def test_other_shapes_or_no_kept_results_mean_validating_again(tmp_path, nlp, checked):
    folder = write_articles(tmp_path / "articles", CONTRADICTING)
    out = tmp_path / "graph.nq"
    build_corpus([folder], output=out, nlp=nlp)
    kept = tmp_path / ".graph.nq.newskg-validated"
    data = json.loads(kept.read_text(encoding="utf-8"))
    assert sorted(name.rsplit("/", 1)[1] for name in data["articles"]) == sorted(CONTRADICTING)
    kept.write_text(json.dumps({**data, "digest": "other shapes"}), encoding="utf-8")
    checked.clear()
    build_corpus([folder], output=out, nlp=nlp)
    assert sorted(checked) == sorted(CONTRADICTING)
    kept.unlink()
    checked.clear()
    build_corpus([folder], output=out, nlp=nlp)
    assert sorted(checked) == sorted(CONTRADICTING)
    checked.clear()
    build_corpus([folder], output=out, nlp=nlp, rebuild=True)  # --rebuild: every graph is new
    assert sorted(checked) == sorted(CONTRADICTING)


def test_a_build_without_validation_forgets_what_it_rebuilt(tmp_path, nlp, checked):
    """A graph rebuilt with the same text and pipeline (``--rebuild``) may differ: its kept results go."""
    folder = write_articles(tmp_path / "articles", CONTRADICTING)
    store = tmp_path / "store"
    build_corpus([folder], store=store, nlp=nlp)
    assert (store / STORE_FILE).is_file()
    build_corpus([folder], store=store, nlp=nlp, rebuild=True, run_validation=False)
    assert json.loads((store / STORE_FILE).read_text(encoding="utf-8"))["articles"] == {}
    checked.clear()
    build_corpus([folder], store=store, nlp=nlp)
    assert sorted(checked) == sorted(CONTRADICTING)


def test_the_kept_results_are_keyed_by_text_pipeline_and_shapes(tmp_path):
    digest = scoped_shapes().digest
    state = ValidationState.beside(store=None, output=tmp_path / "g.nq", fmt="nquads", digest=digest)
    result = (("http://www.w3.org/ns/shacl#focusNode", "https://w3id.org/newskg/id/x"),)
    state.put("a", ("hash", "1"), [result])
    state.save()
    again = ValidationState(state.path, digest)
    assert again.kept("a", ("hash", "1")) == (result,)
    assert again.kept("a", ("other", "1")) is None
    assert again.kept("a", ("hash", "2")) is None
    assert ValidationState(state.path, "other").kept("a", ("hash", "1")) is None
    union_format = ValidationState.beside(store=None, output=tmp_path / "g.ttl", fmt="turtle", digest=digest)
    assert union_format.path is None, "a Turtle output is not reused: nothing to keep"
    Path(state.path or "").write_text("not json", encoding="utf-8")
    assert ValidationState(state.path, digest).kept("a", ("hash", "1")) is None


def test_what_is_kept_is_the_same_bytes_every_build(tmp_path, crafted):
    sources, extractor = crafted
    kept = []
    for name in ("one", "two"):
        build_corpus(sources, output=tmp_path / name / "graph.nq", extractor=extractor)
        kept.append((tmp_path / name / ".graph.nq.newskg-validated").read_bytes())
    assert kept[0] == kept[1]
    assert b'"report"' in kept[0]
