"""``newskg push`` and ``newskg.stores.open_endpoint`` against a real Oxigraph server."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

from conftest import SEEDS
from newskg.errors import StoreError
from newskg.rdf.write import write_dataset
from newskg.stores import open_endpoint
from newskg.stores.push import PushError, Target, push
from newskg.vocab.namespace import OA

pytestmark = pytest.mark.slow

ARTICLE_GRAPHS = (
    "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?g a <https://w3id.org/newskg/ontology#Article> } }"
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _oxigraph_binary() -> str:
    binary = Path(sys.executable).parent / "oxigraph"
    if not binary.exists():
        pytest.fail(
            "the oxigraph server binary is missing: pip install -e '.[dev]' (PyPI package 'oxigraph')"
        )
    return str(binary)


class Server:
    """An ``oxigraph serve`` process with its Graph Store and query URLs."""

    def __init__(self, folder: Path) -> None:
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.store_url = f"{self.base}/store"
        self.query_url = f"{self.base}/query"
        self.process = subprocess.Popen(
            [
                _oxigraph_binary(),
                "serve",
                "--location",
                str(folder),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--union-default-graph",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"oxigraph serve exited: {self.process.stderr.read().decode()[:500]}")
            try:
                urllib.request.urlopen(f"{self.base}/query?query=ASK%7B%7D", timeout=1).close()
                return
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.1)
        self.stop()
        pytest.fail("oxigraph serve did not answer within 30 s")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process.stderr.close()

    def count(self, query: str) -> int:
        rows = list(open_endpoint(self.query_url).query(query))
        return int(rows[0][0])


@pytest.fixture()
def server(tmp_path: Path) -> Iterator[Server]:
    running = Server(tmp_path / "oxigraph-server")
    yield running
    running.stop()


@pytest.fixture(scope="module")
def seeds_trig(tmp_path_factory, seeds_result) -> Path:
    path = tmp_path_factory.mktemp("push") / "seeds.trig"
    write_dataset(seeds_result.dataset, path)
    return path


def test_push_puts_each_named_graph_and_the_endpoint_answers_queries(server, seeds_trig, seeds_result):
    result = push(seeds_trig, Target(server.store_url))
    named = [g for g in seeds_result.dataset.graphs() if len(g) and isinstance(g.identifier, URIRef)]
    assert result.graphs == len(named)
    assert result.triples == sum(len(g) for g in named)
    assert server.count(ARTICLE_GRAPHS) == len(seeds_result.records)
    # Every graph arrived whole: the server's copy of each is the graph that was built.
    remote = open_endpoint(server.query_url)
    for graph in named:
        rows = remote.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph.identifier}> {{ ?s ?p ?o }} }}")
        assert len(rows.graph) == len(graph)


def test_pushing_twice_replaces_graphs_instead_of_adding(server, seeds_trig):
    first = push(seeds_trig, Target(server.store_url))
    total = server.count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    second = push(seeds_trig, Target(server.store_url))
    assert second.graphs == first.graphs
    assert server.count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }") == total


def test_large_graphs_go_in_bounded_requests(server, seeds_trig, seeds_result):
    result = push(seeds_trig, Target(server.store_url), batch_size=50)
    assert result.requests > result.graphs
    expected = sum(len(g) for g in seeds_result.dataset.graphs() if isinstance(g.identifier, URIRef))
    assert server.count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }") == expected


def test_pushing_a_store_folder(cli, server, tmp_path):
    store = tmp_path / "store"
    built = cli.run("build", SEEDS, "--store", store, "--no-validate", "-q")
    assert built.returncode == 0, built.stderr
    pushed = cli.run("push", store, "--endpoint", server.store_url)
    assert pushed.returncode == 0, pushed.stderr
    assert "pushed" in pushed.stdout
    assert server.count(ARTICLE_GRAPHS) == 2


def test_a_turtle_file_goes_to_the_default_graph(server, tmp_path, seeds_result):
    turtle = tmp_path / "seeds.ttl"
    write_dataset(seeds_result.dataset, turtle)
    result = push(turtle, Target(server.store_url))
    assert result.graphs == 1
    rows = open_endpoint(server.query_url).query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert int(next(iter(rows))[0]) == len(seeds_result.graph)


def test_server_down_is_reported_with_nothing_claimed(seeds_trig):
    url = f"http://127.0.0.1:{_free_port()}/store"
    with pytest.raises(PushError) as failure:
        push(seeds_trig, Target(url, retries=0))
    message = str(failure.value)
    assert failure.value.pushed == 0
    assert url in message and "cannot connect" in message and "0 graphs" in message
    assert "\n" not in message


def test_http_errors_are_reported_naming_the_graph(server, seeds_trig):
    # The query service refuses uploads: an HTTP 4xx from a real server.
    with pytest.raises(PushError) as failure:
        push(seeds_trig, Target(server.query_url, retries=0))
    message = str(failure.value)
    assert "HTTP 4" in message and "graph <https://w3id.org/newskg/id/" in message
    assert failure.value.pushed == 0


def test_a_failure_midway_counts_only_whole_graphs(server, seeds_trig, seeds_result, monkeypatch):
    """The server goes away after two requests: only graphs whose every request went through count."""
    from newskg.stores import push as push_module

    sent: list[str] = []
    real_send = push_module._send

    def send_then_die(session, target, method, name, body, *, where, pushed):
        if len(sent) == 2:
            server.stop()
        sent.append(where)
        real_send(session, target, method, name, body, where=where, pushed=pushed)

    monkeypatch.setattr(push_module, "_send", send_then_die)
    batch = 300
    with pytest.raises(PushError) as failure:
        push(seeds_trig, Target(server.store_url, retries=0), batch_size=batch)
    sizes = [len(g) for g in sorted(seeds_result.dataset.graphs(), key=lambda g: str(g.identifier)) if len(g)]
    requests_per_graph = [-(-size // batch) for size in sizes]
    whole = 0
    used = 0
    for count in requests_per_graph:
        if used + count > 2:
            break
        used += count
        whole += 1
    assert len(sent) == 3
    assert failure.value.pushed == whole
    assert f"{whole} graph" in str(failure.value)


def test_push_cli_reports_failure_in_one_line(cli, seeds_trig):
    url = f"http://127.0.0.1:{_free_port()}/store"
    run = cli.run("push", seeds_trig, "--endpoint", url)
    assert run.returncode == 2
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("newskg: error: ") and "cannot connect" in lines[0]
    assert "Traceback" not in run.stderr


def test_endpoint_queries_return_json_bound_terms(server, seeds_trig, seeds_result):
    push(seeds_trig, Target(server.store_url))
    rows = open_endpoint(server.query_url).query(
        "PREFIX schema: <https://schema.org/> SELECT ?id WHERE { ?a schema:identifier ?id } ORDER BY ?id"
    )
    assert [str(row[0]) for row in rows] == sorted(r.article.id for r in seeds_result.records)


def _without_offsets(graph: Graph) -> Graph:
    """Oxigraph keeps values, not datatypes derived from xsd:integer: offsets come back as xsd:integer."""
    kept = Graph()
    for s, p, o in graph:
        if p not in (OA.start, OA.end):
            kept.add((s, p, o))
    return kept


def test_pushed_graph_round_trips(server, seeds_trig, seeds_result):
    push(seeds_trig, Target(server.store_url))
    remote = open_endpoint(server.query_url).query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }").graph
    assert isomorphic(_without_offsets(remote), _without_offsets(seeds_result.graph))
    assert len(remote) == len(seeds_result.graph)


def test_open_endpoint_refuses_a_non_http_url():
    with pytest.raises(StoreError):
        open_endpoint("ftp://example.org/sparql")


def test_endpoint_errors_raise_instead_of_returning_nothing(server):
    with pytest.raises(StoreError, match="querying the SPARQL endpoint failed: HTTP 400 Bad Request"):
        open_endpoint(server.query_url).query("SELECT * WHERE { ?s ?p ")
    down = f"http://127.0.0.1:{_free_port()}/query"
    with pytest.raises(StoreError, match="cannot connect"):
        open_endpoint(down).query("ASK {}")
