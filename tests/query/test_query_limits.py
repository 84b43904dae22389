"""``newskg query`` under hostile or careless queries: stops and time limits that really stop the work
(files, stores, endpoints), dataset clauses that mean something or are refused, USING that fetches
nothing, and labels that cannot drive a terminal."""

from __future__ import annotations

import http.server
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef

from conftest import ROOT
from newskg.errors import QueryError
from newskg.query.run import query
from newskg.rdf.write import read_dataset, serialize
from recording_server import RecordingServer, Reply, recording_server

NEWSKG = [sys.executable, "-m", "newskg"]
CROSS_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
"""Billions of solutions on the seed graph: runs for hours unless stopped."""
ARTICLE = "https://w3id.org/newskg/id/article/seed-000"


def errors(result) -> list[str]:
    """The error lines of an in-process run; other lines may be warnings that the test session
    turns on (rdflib's deprecations), which a real ``newskg`` run does not show."""
    assert "Traceback" not in result.stderr
    return [line for line in result.stderr.splitlines() if line.startswith("newskg: error:")]


@pytest.fixture(scope="module")
def seeds_files(tmp_path_factory, seeds_result) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("graphs")
    files = {}
    for fmt, suffix in (("turtle", ".ttl"), ("trig", ".trig"), ("nquads", ".nq")):
        files[fmt] = folder / f"seeds{suffix}"
        files[fmt].write_bytes(serialize(seeds_result.dataset, fmt))
    return files


def _children(pid: int) -> list[int]:
    try:
        return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


@contextmanager
def running_query(*args: str) -> Iterator[subprocess.Popen[str]]:
    """``newskg query ARGS`` in a subprocess, once its query runs (its worker process exists, or
    after 5 s for a newskg that runs queries in-process); killed at the end whatever happened."""
    process = subprocess.Popen(
        [*NEWSKG, "query", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        started = time.monotonic()
        while not _children(process.pid) and time.monotonic() - started < 5:
            assert process.poll() is None, process.communicate()
            time.sleep(0.05)
        time.sleep(0.5)  # well inside the query now
        yield process
    finally:
        for pid in _children(process.pid):
            os.kill(pid, signal.SIGKILL)
        process.kill()
        process.communicate()


needs_proc = pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads /proc (Linux)")


# --- 2. Ctrl-C, SIGTERM and --timeout stop the query: files, stores, endpoints ----------------------------


@needs_proc
@pytest.mark.parametrize(
    ("sent", "code", "message"),
    [
        (signal.SIGINT, 130, "newskg: interrupted; the query was stopped\n"),
        (signal.SIGTERM, 143, "newskg: terminated; the query was stopped\n"),
    ],
)
def test_a_signal_stops_a_store_query_at_once_and_frees_the_store(store_path, sent, code, message):
    """Oxigraph evaluates in Rust and never looks at signals: this once ran 90 s through Ctrl-C."""
    with running_query("--store", str(store_path), "--timeout", "0", CROSS_JOIN) as process:
        workers = _children(process.pid)
        sent_at = time.monotonic()
        process.send_signal(sent)
        stdout, stderr = process.communicate(timeout=30)
        assert time.monotonic() - sent_at < 5
        assert (process.returncode, stdout, stderr) == (code, "", message)
    assert not any(_alive(worker) for worker in workers)
    changed = subprocess.run(
        [
            *NEWSKG,
            "query",
            "--store",
            str(store_path),
            "--allow-update",
            "DELETE DATA { <urn:a> <urn:b> <urn:c> }",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert changed.returncode == 0, changed.stderr  # the store's lock went with the worker


@needs_proc
def test_ctrl_c_stops_a_query_on_files_too(seeds_files):
    with running_query(str(seeds_files["turtle"]), "--timeout", "0", CROSS_JOIN) as process:
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=30)
        assert (process.returncode, stderr) == (130, "newskg: interrupted; the query was stopped\n")


@needs_proc
def test_a_killed_newskg_leaves_no_query_running(store_path):
    with running_query("--store", str(store_path), "--timeout", "0", CROSS_JOIN) as process:
        (worker,) = _children(process.pid)
        process.kill()  # SIGKILL: newskg cannot stop its worker itself
        process.communicate(timeout=30)
        deadline = time.monotonic() + 10
        while _alive(worker):
            assert time.monotonic() < deadline, "the worker outlived newskg"
            time.sleep(0.05)


def _alive(pid: int) -> bool:
    """Whether ``pid`` still runs (a zombie waiting to be reaped does not)."""
    try:
        return "zombie" not in Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False


@pytest.mark.parametrize("source", ["store", "turtle", "trig"])
def test_a_query_over_its_time_limit_stops_with_one_line_and_exit_2(source, store_path, seeds_files):
    where = ["--store", str(store_path)] if source == "store" else [str(seeds_files[source])]
    started = time.monotonic()
    done = subprocess.run(
        [*NEWSKG, "query", *where, "--timeout", "1.5", CROSS_JOIN],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        "newskg: error: query: the query ran past its time limit of 1.5 s and was stopped; "
        "raise the limit with --timeout SECONDS (0 for none)\n"
    )
    assert time.monotonic() - started < 60


def test_the_default_time_limit_is_documented_and_applied(cli, seeds_files):
    from newskg.cli.query import DEFAULT_TIMEOUT

    assert DEFAULT_TIMEOUT == 60
    help_text = cli("query", "--help").stdout
    assert "--timeout" in help_text and "60" in help_text
    readme = (ROOT / "README.md").read_text()
    assert "--timeout" in readme


@pytest.mark.parametrize("value", ["-1", "nan"])
def test_a_bad_time_limit_is_a_usage_error(cli, seeds_files, value):
    result = cli("query", str(seeds_files["turtle"]), "--timeout", value, "ASK { ?s ?p ?o }")
    assert result.exit_code == 2
    (error,) = errors(result)
    assert "--timeout" in error and "give a number of seconds" in error


class TricklingEndpoint:
    """A SPARQL endpoint that answers so slowly that the answer never ends: a byte every 0.2 s, so a
    per-read socket timeout never fires and only a limit on the whole query can stop it."""

    def __init__(self) -> None:
        self.stop = threading.Event()
        stop = self.stop

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                self.rfile.read(int(self.headers["Content-Length"]))
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.end_headers()
                self.wfile.write(b'{"head": {"vars": ["s"]}, "results": {"bindings": [')
                while not stop.wait(0.2):
                    try:
                        self.wfile.write(b" ")
                        self.wfile.flush()
                    except OSError:
                        return

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/sparql"


@pytest.fixture()
def trickling() -> Iterator[TricklingEndpoint]:
    endpoint = TricklingEndpoint()
    thread = threading.Thread(target=endpoint.httpd.serve_forever, daemon=True)
    thread.start()
    yield endpoint
    endpoint.stop.set()
    endpoint.httpd.shutdown()
    endpoint.httpd.server_close()


def test_a_slow_endpoint_is_stopped_at_the_time_limit(trickling):
    started = time.monotonic()
    done = subprocess.run(
        [*NEWSKG, "query", "--endpoint", trickling.url, "--timeout", "2", "SELECT ?s WHERE { ?s ?p ?o }"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert done.stderr == (
        "newskg: error: query: the query ran past its time limit of 2 s and was stopped; "
        "raise the limit with --timeout SECONDS (0 for none)\n"
    )
    assert time.monotonic() - started < 60


def test_the_time_limit_reaches_the_endpoint_client(monkeypatch):
    """The HTTP client gets the limit too (``open_endpoint(..., timeout=)``), so a socket never waits
    longer than the whole query may."""
    from newskg.cli.query import _graph_opener
    from newskg.stores import _open as stores

    given: list[object] = []
    monkeypatch.setattr(stores, "open_endpoint", lambda url, **options: given.append(options) or Graph())
    _graph_opener([], store=None, endpoint="http://127.0.0.1:9/sparql", writable=False, timeout=7.5)()
    _graph_opener([], store=None, endpoint="http://127.0.0.1:9/sparql", writable=False, timeout=None)()
    assert given == [{"timeout": 7.5}, {"timeout": None}]  # None: the client's own default


# --- 3. FROM, FROM NAMED, GRAPH and USING ---------------------------------------------------------------


def test_named_graphs_of_trig_and_nquads_files_are_queryable(cli, seeds_files, seeds_result):
    expected = sorted(str(g.identifier) for g in seeds_result.dataset.graphs() if len(g))
    sparql = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"
    for fmt in ("trig", "nquads"):
        result = cli("query", str(seeds_files[fmt]), sparql, "--format", "csv")
        assert result.exit_code == 0, result.output
        assert result.stdout.split()[1:] == expected
        assert ARTICLE in expected
        rows = query(read_dataset(seeds_files[fmt]), sparql)
        assert [str(row[0]) for row in rows] == expected


def test_from_and_from_named_select_graphs_of_a_file(cli, seeds_files, seeds_result):
    article = seeds_result.dataset.graph(URIRef(ARTICLE))
    counted = cli(
        "query", str(seeds_files["trig"]), f"SELECT (COUNT(*) AS ?n) FROM <{ARTICLE}> WHERE {{ ?s ?p ?o }}"
    )
    assert counted.exit_code == 0, counted.output
    assert int(counted.stdout.split()[-1]) == len(article)
    named = cli(
        "query",
        str(seeds_files["nquads"]),
        f"SELECT DISTINCT ?g FROM NAMED <{ARTICLE}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
        "--format",
        "csv",
    )
    assert named.stdout.split()[1:] == [ARTICLE]


def test_from_on_a_file_without_that_graph_is_refused_not_ignored(cli, seeds_files):
    """A Turtle file has no named graphs: FROM once ran over the whole file, silently."""
    result = cli(
        "query", str(seeds_files["turtle"]), f"SELECT (COUNT(*) AS ?n) FROM <{ARTICLE}> WHERE {{ ?s ?p ?o }}"
    )
    assert result.exit_code == 2
    assert errors(result) == [
        f"newskg: error: query: FROM <{ARTICLE}> names no graph of the dataset (named graphs come from "
        "TriG, N-Quads or JSON-LD files, or a store); newskg does not fetch graphs from the web unless "
        "you pass --allow-service (allow_service=True)"
    ]


def test_graph_on_a_plain_rdflib_graph_is_a_clear_error_not_an_internal_one(seeds_graph):
    for sparql in (
        "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
        f"SELECT * FROM NAMED <{ARTICLE}> WHERE {{ ?s ?p ?o }}",
        f"SELECT * FROM <{ARTICLE}> WHERE {{ ?s ?p ?o }}",
    ):
        with pytest.raises(QueryError, match="needs named graphs, and this is a plain rdflib Graph"):
            query(seeds_graph, sparql)


@pytest.fixture
def server() -> Iterator[RecordingServer]:
    """Answers every request with a tiny Turtle graph and records it."""
    answer = Reply(200, b"<urn:remote> <urn:says> <urn:hello> .\n", {"Content-Type": "text/turtle"})
    with recording_server(lambda request: answer) as recording:
        yield recording


@pytest.mark.parametrize(
    "update",
    [
        "INSERT { <urn:x> <urn:y> ?o } USING <URL/data.ttl> WHERE { ?s ?p ?o }",
        "INSERT { GRAPH <urn:g> { <urn:x> <urn:y> ?o } } USING NAMED <URL/named.ttl> "
        "WHERE { GRAPH ?g { ?s ?p ?o } }",
        f"DELETE {{ ?s ?p ?o }} USING <{ARTICLE}> WHERE {{ ?s ?p ?o FILTER(false) }}",
    ],
)
def test_using_in_an_update_fetches_nothing_without_allow_service(cli, store_path, server, update):
    sparql = update.replace("URL", server.base)
    result = cli("query", "--store", str(store_path), "--allow-update", sparql)
    assert result.exit_code == 2, result.output
    (line,) = errors(result)
    assert (
        "USING" in line and "is refused: rdflib downloads USING graphs" in line and "--allow-service" in line
    )
    with_params = cli("query", "--store", str(store_path), "--allow-update", sparql, "o=<urn:o>")
    assert with_params.exit_code == 2
    dataset = Dataset()
    with pytest.raises(QueryError, match="is refused: rdflib downloads USING graphs"):
        query(dataset, sparql, allow_update=True)
    assert server.received == []


# --- 5. Labels cannot drive a terminal ---------------------------------------------------------------------

HOSTILE = "Evil\x1b[2J\x1b]0;pwned\x07 Corp\x9b31m\r"


@pytest.fixture()
def hostile_file(tmp_path) -> Path:
    graph = Graph()
    graph.add(
        (
            URIRef("https://example.org/e"),
            URIRef("http://www.w3.org/2004/02/skos/core#prefLabel"),
            Literal(HOSTILE),
        )
    )
    path = tmp_path / "hostile.nt"
    path.write_text(graph.serialize(format="nt"), "utf-8")
    return path


def _raw_controls(text: str) -> set[str]:
    return {ch for ch in text if (ord(ch) < 0x20 and ch not in "\t\n") or 0x7F <= ord(ch) <= 0x9F}


LABELS = "SELECT ?label WHERE { ?e skos:prefLabel ?label }"


def test_the_table_shows_control_characters_as_escapes(cli, hostile_file):
    result = cli("query", str(hostile_file), LABELS)
    assert result.exit_code == 0, result.output
    assert _raw_controls(result.stdout) == set()
    assert "Evil\\x1b[2J\\x1b]0;pwned\\x07 Corp\\x9b31m\\x0d" in result.stdout
    shown = str(query(read_dataset(hostile_file), LABELS))
    assert _raw_controls(shown) == set() and "\\x1b[2J" in shown


def test_data_formats_escape_control_characters_and_keep_the_data(cli, hostile_file):
    as_json = cli("query", str(hostile_file), LABELS, "--format", "json").stdout
    assert _raw_controls(as_json) == set()
    assert json.loads(as_json)["results"]["bindings"][0]["label"]["value"] == HOSTILE
    as_tsv = cli("query", str(hostile_file), LABELS, "--format", "tsv").stdout
    assert _raw_controls(as_tsv.replace("\n", "")) == set()
    constructed = cli("query", str(hostile_file), "CONSTRUCT WHERE { ?e skos:prefLabel ?label }").stdout
    assert _raw_controls(constructed) == set()
    assert {str(o) for o in Graph().parse(data=constructed, format="turtle").objects()} == {HOSTILE}


def test_csv_is_exact_in_a_pipe_and_escaped_on_a_terminal(hostile_file):
    piped = subprocess.run(
        [*NEWSKG, "query", str(hostile_file), LABELS, "--format", "csv"], capture_output=True, timeout=120
    )
    assert HOSTILE.encode("utf-8") in piped.stdout, "CSV is data: a program reading the pipe gets it exactly"
    result = query(read_dataset(hostile_file), LABELS)
    assert _raw_controls(result.to_csv(terminal=True).replace("\r\n", "")) == set()
    assert HOSTILE in result.to_csv()


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_csv_written_to_a_terminal_carries_no_raw_escape(hostile_file):
    leader, follower = os.openpty()
    try:
        done = subprocess.run(
            [*NEWSKG, "query", str(hostile_file), LABELS, "--format", "csv"],
            stdout=follower,
            stderr=subprocess.PIPE,
            timeout=120,
        )
        os.close(follower)
        output = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
    finally:
        os.close(leader)
    assert done.returncode == 0, done.stderr
    text = output.decode("utf-8")
    assert "\x1b" not in text and "\x9b" not in text and "\\x1b[2J" in text
