"""The persistent Oxigraph store: ``build --store``, ``newskg.stores.open_store``, their errors."""

from __future__ import annotations

import gc
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal
from rdflib import namespace as rdflib_namespace  # XSD itself as a global warns when pytest probes it
from rdflib.compare import isomorphic

from conftest import DEV_CORPUS, SEEDS
from newskg.build.corpus import build_corpus
from newskg.errors import StoreError
from newskg.graph.access import union_view
from newskg.graph.build import union_graph
from newskg.stores import open_store
from newskg.vocab.namespace import OA

ARTICLES = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a <https://w3id.org/newskg/ontology#Article> }"
PEOPLE = """PREFIX nkg: <https://w3id.org/newskg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?label WHERE { ?p a nkg:Person ; skos:prefLabel ?label } ORDER BY ?label"""


@pytest.fixture(scope="module")
def seeds_store(tmp_path_factory, nlp) -> Path:
    path = tmp_path_factory.mktemp("store") / "seeds"
    build_corpus([SEEDS], store=path, run_validation=False, nlp=nlp)
    return path


def _count(graph, query: str) -> int:
    return int(next(iter(graph.query(query)))[0])


def _count_in(store: Path, query: str) -> int:
    """Count in a store, then close it so that a build can open it again."""
    dataset = open_store(store)
    try:
        return _count(dataset, query)
    finally:
        dataset.close()
        gc.collect()  # query results keep the store open until they are collected


def _offsets_as_integers(graph: Graph) -> Graph:
    """Oxigraph keeps values: xsd:nonNegativeInteger offsets come back as xsd:integer."""
    copy = Graph()
    for s, p, o in graph:
        if p in (OA.start, OA.end):
            o = Literal(int(o), datatype=rdflib_namespace.XSD.integer)
        copy.add((s, p, o))
    return copy


def test_store_holds_the_graph_of_the_build(seeds_store, seeds_result):
    stored = union_graph(open_store(seeds_store, read_only=True))
    assert len(stored) == len(seeds_result.graph)
    assert isomorphic(stored, _offsets_as_integers(seeds_result.graph))


def test_open_store_queries_run_in_oxigraph_over_all_graphs(seeds_store, seeds_graph, seeds_result):
    dataset = open_store(seeds_store, read_only=True)
    assert _count(dataset, ARTICLES) == len(seeds_result.records)
    assert [str(r[0]) for r in dataset.query(PEOPLE)] == [str(r[0]) for r in seeds_graph.query(PEOPLE)]


def test_two_readers_can_share_a_store(seeds_store):
    first, second = open_store(seeds_store, read_only=True), open_store(seeds_store, read_only=True)
    assert _count(first, ARTICLES) == _count(second, ARTICLES)


@pytest.mark.needs_dev_corpus
def test_later_builds_add_articles_and_skip_unchanged_ones(tmp_path, nlp):
    store = tmp_path / "store"
    first = build_corpus([SEEDS], store=store, run_validation=False, nlp=nlp)
    second = build_corpus([SEEDS, DEV_CORPUS], store=store, run_validation=False, nlp=nlp)
    dev_ids = {p.stem for p in DEV_CORPUS.glob("*.json")}
    seed_ids = {p.stem for p in SEEDS.glob("*.txt")}
    assert first.tally.extracted == len(seed_ids)
    assert second.tally.unchanged == len(seed_ids & (seed_ids | dev_ids))
    assert second.tally.extracted == len(dev_ids - seed_ids)
    assert _count_in(store, ARTICLES) == len(seed_ids | dev_ids)
    # A store keeps the articles of earlier builds even when a build does not mention them.
    third = build_corpus([SEEDS], store=store, run_validation=False, nlp=nlp)
    assert third.tally.removed == 0
    assert _count_in(store, ARTICLES) == len(seed_ids | dev_ids)


def test_store_and_output_file_together(tmp_path, nlp, seeds_result):
    out = tmp_path / "graph.nt"
    build_corpus([SEEDS], store=tmp_path / "store", output=out, run_validation=False, nlp=nlp)
    written = Graph().parse(out, format="nt")
    assert len(written) == len(seeds_result.graph)


def test_missing_store_is_an_error_naming_it(tmp_path):
    with pytest.raises(StoreError, match="no store here"):
        open_store(tmp_path / "nothing")


def test_a_file_or_foreign_folder_is_not_a_store(tmp_path):
    file = tmp_path / "graph.ttl"
    file.write_text("", encoding="utf-8")
    with pytest.raises(StoreError, match="is a file"):
        open_store(file)
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "cat.jpg").write_bytes(b"\xff\xd8")
    with pytest.raises(StoreError, match="other files"):
        build_corpus([SEEDS], store=folder, run_validation=False)


def test_a_store_in_use_is_reported_not_corrupted(tmp_path, nlp):
    store = tmp_path / "store"
    build_corpus([SEEDS], store=store, run_validation=False, nlp=nlp)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import pyoxigraph, sys; s = pyoxigraph.Store({str(store)!r}); "
            "print('open', flush=True); sys.stdin.read()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreError, match="in use by another process"):
            open_store(store)
    finally:
        holder.communicate("")
    assert _count_in(store, ARTICLES) == 2


def test_build_cli_with_a_store_and_query_it(cli, tmp_path):
    store = tmp_path / "store"
    run = cli.run("build", SEEDS, "--store", store, "--no-validate")
    assert run.returncode == 0, run.stderr
    assert f"store: {store}" in run.stdout
    assert not (Path.cwd() / "out" / "graph.ttl").exists() or "wrote" not in run.stdout
    assert _count_in(store, ARTICLES) == 2


def test_store_is_oxigraph_on_disk(seeds_store):
    store = ox.Store.read_only(str(seeds_store))
    names = {g.value for g in store.named_graphs()}
    assert any("/article/" in name for name in names)
    assert "https://w3id.org/newskg/id/graph/entities" in names


def test_a_store_build_validates_like_a_file_build(tmp_path, nlp, seeds_result):
    """Oxigraph keeps offsets as xsd:integer, not xsd:nonNegativeInteger: the shapes accept both."""
    result = build_corpus([SEEDS], store=tmp_path / "store", nlp=nlp)
    assert result.report is not None
    assert result.report.conforms == seeds_result.report.conforms
    assert len(result.report.violations) == len(seeds_result.report.violations)


def test_default_graph_stays_the_union_after_an_article_changes(tmp_path, nlp):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    store = tmp_path / "store"
    build_corpus([corpus], store=store, run_validation=False, nlp=nlp)
    changed = sorted(corpus.glob("*.txt"))[0]
    text = changed.read_text(encoding="utf-8")
    changed.write_text(text[: len(text) // 2], encoding="utf-8")  # half an article: some facts disappear
    again = build_corpus([corpus], store=store, run_validation=False, nlp=nlp)
    assert again.tally.extracted == 1
    oxigraph = ox.Store.read_only(str(store))
    default = {q.triple for q in oxigraph.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    named = {
        q.triple
        for q in oxigraph.quads_for_pattern(None, None, None, None)
        if q.graph_name != ox.DefaultGraph()
    }
    assert default == named


def test_queries_over_the_union_count_each_triple_once(seeds_store, seeds_graph):
    """Oxigraph's union of graphs repeats a triple per graph; a newskg store answers from its union copy,
    as the store opens and through ``union_view``, the one union every reader uses."""
    people = "SELECT ?p WHERE { ?p a <https://w3id.org/newskg/ontology#Person> }"
    expected = sorted(str(r[0]) for r in seeds_graph.query(people))
    dataset = open_store(seeds_store, read_only=True)
    union = union_view(dataset)
    assert sorted(str(r[0]) for r in union.query(people)) == expected
    assert sorted(str(r[0]) for r in dataset.query(people)) == expected


def test_query_cli_on_a_store_matches_the_file(cli, seeds_store, tmp_path, seeds_result):
    from newskg.rdf.write import write_dataset

    graph = tmp_path / "seeds.ttl"
    write_dataset(seeds_result.dataset, graph)
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    runs = [
        cli.run("query", *where, query, "--format", "csv") for where in (["--store", seeds_store], [graph])
    ]
    assert all(run.returncode == 0 for run in runs), [run.stderr for run in runs]
    assert runs[0].stdout == runs[1].stdout


@pytest.mark.needs_dev_corpus
def test_an_interrupted_load_leaves_the_union_whole(tmp_path, nlp, monkeypatch):
    """Ctrl-C while graphs are loaded: the default graph is rebuilt before the build stops."""
    from newskg.stores import _workspace as stores

    path = tmp_path / "store"
    build_corpus([SEEDS], store=path, run_validation=False, nlp=nlp)

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(stores, "refresh_union", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build_corpus([SEEDS, DEV_CORPUS], store=path, run_validation=False, nlp=nlp)
    gc.collect()
    oxigraph = ox.Store.read_only(str(path))
    default = {q.triple for q in oxigraph.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    named = {
        q.triple
        for q in oxigraph.quads_for_pattern(None, None, None, None)
        if q.graph_name != ox.DefaultGraph()
    }
    assert default == named and len(named) > 0
