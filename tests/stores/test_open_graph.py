"""``newskg.stores.open_graph``: every command that reads a graph takes files, ``--store`` and ``--endpoint``
alike (one option definition), and a store gives what the file gives.

Regression: ``newskg timeline ISIPO --store s/`` failed with "No such option", and ``show`` and
``export`` read files only.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs

import click
import pytest
import typer
from rdflib import Graph

import newskg.cli.commands  # noqa: F401  (registers the commands)
from conftest import SEEDS, Cli
from newskg.cli import app
from newskg.rdf.write import read_dataset, read_graph
from newskg.stores import open_graph
from recording_server import Reply, Request, recording_server

READERS = ("query", "validate", "export", "show", "timeline")
ISIPO = "https://w3id.org/newskg/id/organization/iran-standards-and-industrial-property-organization"


def error_line(result: click.testing.Result) -> str:
    """The one error line (under pytest, rdflib's deprecation warnings may be echoed before it)."""
    assert result.exit_code == 2, result.output
    return result.stderr.strip().splitlines()[-1]


@pytest.fixture(scope="module")
def built(cli: Cli, tmp_path_factory: pytest.TempPathFactory, seeds_result) -> tuple[Path, Path]:
    """``newskg build seeds/ --store s/`` and the same build as an N-Quads file."""
    folder = tmp_path_factory.mktemp("open-graph")
    store, quads = folder / "s", folder / "graph.nq"
    for where in (["--store", store], ["-o", quads]):
        result = cli("build", SEEDS, *where, "--no-validate", "-q")
        assert result.exit_code == 0, result.output
    return store, quads


def test_timeline_reads_a_store_as_it_reads_the_file(cli, built):
    store, quads = built
    from_store = cli("timeline", "ISIPO", "--store", store)
    assert from_store.exit_code == 0, from_store.output
    assert "Mohsen Salehinia" in from_store.stdout
    assert from_store.stdout == cli("timeline", "ISIPO", "--graph", quads).stdout


def test_query_rows_are_the_same_from_the_file_and_the_store(cli, built):
    store, quads = built
    runs = [
        cli("query", *where, "heads-of", "ORG=ISIPO", "--format", "csv")
        for where in (["--store", store], [quads])
    ]
    assert all(run.exit_code == 0 for run in runs), [run.output for run in runs]
    assert runs[0].stdout == runs[1].stdout
    assert "Mohsen Salehinia" in runs[0].stdout


def test_validate_reads_a_store_as_it_reads_the_file(cli, built):
    store, quads = built
    from_store, from_file = cli("validate", "--store", store), cli("validate", quads)
    assert from_store.exit_code == from_file.exit_code == 0, from_store.output
    assert from_store.stdout == from_file.stdout


def test_export_writes_the_graphs_of_a_store(cli, built, tmp_path):
    store, quads = built
    turtle, trig = tmp_path / "x.ttl", tmp_path / "x.trig"
    for target in (turtle, trig):
        result = cli("export", "--store", store, "-o", target)
        assert result.exit_code == 0, result.output
        assert result.stdout == f"wrote {target} ({'turtle' if target == turtle else 'trig'})\n"
    assert len(read_graph(turtle)) == len(read_graph(quads))
    names = sorted(str(g.identifier) for g in read_dataset(trig).graphs() if len(g))
    assert names == sorted(str(g.identifier) for g in read_dataset(quads).graphs() if len(g))
    tables = cli("export", "--store", store, "-o", tmp_path / "tables", "--format", "csv")
    assert tables.exit_code == 0, tables.output
    assert "Mohsen Salehinia" in (tmp_path / "tables" / "entities.csv").read_text(encoding="utf-8")


def test_show_draws_a_store(cli, built, tmp_path):
    store, _ = built
    page = tmp_path / "page.html"
    result = cli("show", "--store", store, "-o", page)
    assert result.exit_code == 0, result.output
    assert "Mohsen Salehinia" in page.read_text(encoding="utf-8")


def test_a_store_and_its_file_open_to_the_same_triples(built):
    store, quads = built
    from newskg.graph.build import union_graph

    opened = open_graph(store=store)
    try:
        from_store = union_graph(opened)
    finally:
        opened.close()
    from_file = union_graph(open_graph(files=[quads]))
    assert len(from_store) == len(from_file)
    assert {t for t in from_store if not t[1].endswith(("#start", "#end"))} == {
        t
        for t in from_file
        if not t[1].endswith(("#start", "#end"))  # Oxigraph keeps values: see docs
    }


def _one_triple(request: Request) -> Reply:
    """An endpoint that holds one triple, whatever it is asked."""
    body = {
        "head": {"vars": ["s", "p", "o"]},
        "results": {
            "bindings": [
                {
                    "s": {"type": "uri", "value": ISIPO},
                    "p": {"type": "uri", "value": "http://www.w3.org/2004/02/skos/core#prefLabel"},
                    "o": {"type": "literal", "value": "ISIPO"},
                }
            ]
        },
    }
    return Reply(200, json.dumps(body).encode(), {"Content-Type": "application/sparql-results+json"})


def test_export_reads_an_endpoint(cli, tmp_path):
    target = tmp_path / "x.ttl"
    with recording_server(_one_triple) as server:
        result = cli("export", "--endpoint", f"{server.base}/sparql", "-o", target)
        assert [r.method for r in server.received] == ["POST"]
        assert "?s ?p ?o" in parse_qs(server.received[0].body.decode())["query"][0]
    assert result.exit_code == 0, result.output
    graph = Graph().parse(target)
    assert [str(o) for o in graph.objects()] == ["ISIPO"]


def test_an_endpoint_that_fails_is_one_error_line_for_every_reader(cli, tmp_path):
    def broken(request: Request) -> Reply:
        return Reply(500, b"boom")

    with recording_server(broken) as server:
        url = f"{server.base}/sparql"
        for args in (
            ["validate", "--endpoint", url],
            ["export", "--endpoint", url, "-o", str(tmp_path / "x.ttl")],
            ["show", "--endpoint", url, "-o", str(tmp_path / "x.html")],
            ["timeline", "ISIPO", "--endpoint", url],
        ):
            line = error_line(cli(*args))
            assert line.startswith(f"newskg: error: {url}: querying the SPARQL endpoint failed: "), args


@pytest.mark.parametrize("command", READERS)
def test_every_reader_takes_the_same_store_and_endpoint_options(command):
    """One definition: the same names, metavars and help text in each command."""
    commands = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    options = {name: {p.name: (p.opts, p.metavar, p.help) for p in commands[name].params} for name in READERS}
    assert options[command]["store"] == options["query"]["store"]
    assert options[command]["endpoint"] == options["query"]["endpoint"]
    assert options["query"]["store"][0] == ["--store"]


@pytest.mark.parametrize("command", ["validate", "export", "show", "timeline"])
def test_two_sources_and_a_missing_store_are_one_line_errors(cli, command, built, tmp_path):
    store, quads = built
    head = {"timeline": ["timeline", "ISIPO"], "export": ["export", "-o", str(tmp_path / "x.ttl")]}.get(
        command, [command]
    )
    files = ["--graph", str(quads)] if command == "timeline" else [str(quads)]
    both = error_line(cli(*head, "--store", store, "--endpoint", "http://127.0.0.1:9/sparql"))
    assert both == "newskg: error: give --store or --endpoint, not both"
    mixed = error_line(cli(*head, *files, "--store", store))
    assert mixed == f"newskg: error: give graph files or --store/--endpoint, not both (got {quads})"
    missing = error_line(cli(*head, "--store", tmp_path / "nothing"))
    assert "no store here; create one with 'newskg build ARTICLES --store" in missing


def test_open_graph_wants_exactly_one_source(built):
    from newskg.errors import InputError

    store, quads = built
    with pytest.raises(InputError, match="give at least one graph file"):
        open_graph()
    with pytest.raises(InputError, match="not both"):
        open_graph(files=[quads], store=store)
    opened = open_graph(store=store)
    try:
        assert opened.query("ASK { ?s ?p ?o }").askAnswer
    finally:
        opened.close()


def test_the_public_store_api_is_what_all_lists():
    import newskg.stores as stores

    assert {"open_graph", "open_store", "open_endpoint", "is_store"} <= set(stores.__all__)
    assert all(hasattr(stores, name) for name in stores.__all__)
