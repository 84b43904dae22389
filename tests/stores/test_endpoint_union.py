"""A query against a real Oxigraph server started without ``--union-default-graph`` finds nothing, since
newskg puts every triple in a named graph: ``newskg query`` says why and what to do, once the query has
come back empty, and says nothing on a server that answers over the union."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newskg.rdf.write import write_dataset
from newskg.stores import UNION_HINT, misses_the_union, open_endpoint
from newskg.stores.push import Target, push
from oxigraph_server import Server

pytestmark = pytest.mark.slow

PEOPLE = "SELECT ?name WHERE { ?p a nkg:Person ; skos:prefLabel ?name }"


@pytest.fixture(scope="module")
def seeds_trig(tmp_path_factory, seeds_result) -> Path:
    path = tmp_path_factory.mktemp("union") / "seeds.trig"
    write_dataset(seeds_result.dataset, path)
    return path


def _serve(folder: Path, trig: Path, *, union: bool) -> Iterator[Server]:
    server = Server(folder, union_default_graph=union)
    try:
        push(trig, Target(server.store_url))
        yield server
    finally:
        server.stop()


@pytest.fixture()
def plain_server(tmp_path, seeds_trig) -> Iterator[Server]:
    """``oxigraph serve`` as started by default: queries see only its (empty) default graph."""
    yield from _serve(tmp_path / "plain", seeds_trig, union=False)


@pytest.fixture()
def union_server(tmp_path, seeds_trig) -> Iterator[Server]:
    yield from _serve(tmp_path / "union", seeds_trig, union=True)


def test_an_empty_answer_from_a_server_without_the_union_comes_with_a_hint(cli, plain_server):
    run = cli.run("query", "--endpoint", plain_server.query_url, PEOPLE, "--format", "csv")
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "name"
    assert run.stderr.splitlines() == [f"newskg: hint: {UNION_HINT}"]
    assert "--union-default-graph" in UNION_HINT


def test_a_name_not_found_on_such_a_server_says_why_in_its_error(cli, plain_server):
    run = cli.run("query", "--endpoint", plain_server.query_url, "heads-of", "ORG=ISIPO")
    assert run.returncode == 2
    (line,) = run.stderr.splitlines()
    assert line.startswith("newskg: error: ORG='ISIPO': no entity has that name")
    assert line.endswith(UNION_HINT)


def test_the_same_query_on_a_server_with_the_union_answers_without_a_hint(cli, union_server):
    run = cli.run("query", "--endpoint", union_server.query_url, PEOPLE, "--format", "csv")
    assert run.returncode == 0, run.stderr
    assert "Mohsen Salehinia" in run.stdout
    assert run.stderr == ""
    nothing = cli.run("query", "--endpoint", union_server.query_url, "ASK { ?s a nkg:Nothing }")
    assert nothing.stdout.strip() == "false" and nothing.stderr == ""  # empty for another reason: no hint


def test_misses_the_union_tells_the_two_servers_apart(plain_server, union_server):
    assert misses_the_union(open_endpoint(plain_server.query_url))
    assert not misses_the_union(open_endpoint(union_server.query_url))


def test_a_timeline_on_such_a_server_says_why_it_finds_no_organisation(cli, plain_server, union_server):
    run = cli.run("timeline", "ISIPO", "--endpoint", plain_server.query_url)
    assert run.returncode == 2
    (line,) = run.stderr.splitlines()
    assert line.startswith("newskg: error: 'ISIPO': no organisation") and line.endswith(UNION_HINT)
    found = cli.run("timeline", "ISIPO", "--endpoint", union_server.query_url)
    assert found.returncode == 0 and "Mohsen Salehinia" in found.stdout and found.stderr == ""
